"""Two coordinators approve (or one approves while the other rejects) the same proposals at the same
moment, each request in its own thread with its own database connection: every submission is decided
exactly once, nothing fails with a 5xx, the entry gets one approval in its history, one mail goes out."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connections
from django.test import Client
from django.urls import reverse

from atlas.directory.models import PublicationStatus
from atlas.moderation.models import Submission
from atlas.roles.permissions import COORDINATORS
from tests.atlas.moderation.factories import organisation_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PROPOSALS = 6


@pytest.fixture(autouse=True)
def proposal_settings(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 0
    settings.ATLAS_SUBMISSIONS_PER_HOUR = PROPOSALS
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


def decide_at_once(clients, requests):
    """Each client sends its request at the same moment (a barrier), in a thread of its own."""
    barrier = threading.Barrier(len(clients))
    answers = [None] * len(clients)

    def send(index):
        try:
            barrier.wait()
            url, data = requests[index]
            response = clients[index].post(url, data)
            queued = response.wsgi_request._messages._queued_messages  # this request's, not earlier ones
            answers[index] = (response.status_code, [str(message) for message in queued])
        finally:
            connections.close_all()

    threads = [threading.Thread(target=send, args=(index,)) for index in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_two_coordinators_decide_each_proposal_once():
    proposer = Client()
    for number in range(PROPOSALS):
        assert proposer.post(reverse("moderation:propose-organisation"),
                             organisation_data(name=f"Gleichzeitiger Verein {number}")).status_code == 302
    clients = []
    for name in ("koordination-a", "koordination-b"):
        client = Client()
        client.force_login(make_user(name, role=COORDINATORS))
        clients.append(client)
    outcomes = Counter()
    for number, submission in enumerate(Submission.objects.order_by("pk")):
        approve = reverse("moderation:approve", kwargs={"pk": submission.pk})
        second = (reverse("moderation:reject", kwargs={"pk": submission.pk}), {"reason": "doppelt"}) \
            if number % 2 else (approve, {})
        answers = decide_at_once(clients, [(approve, {}), second])
        assert [status for status, _messages in answers] == [302, 302]  # never a 5xx
        decided = [messages for _status, messages in answers if "schon entschieden" not in " ".join(messages)]
        assert len(decided) == 1, answers  # exactly one of the two decided
        submission.refresh_from_db()
        outcomes[submission.status] += 1
        history = submission.organisation.history.filter(history_change_reason__in=[
            "Vorschlag angenommen", "Vorschlag abgelehnt"])
        assert history.count() == 1
        expected = PublicationStatus.PUBLISHED if submission.status == Submission.Status.APPROVED \
            else PublicationStatus.ARCHIVED
        assert submission.organisation.status == expected
    assert sum(outcomes.values()) == PROPOSALS
    assert len(mail.outbox) == PROPOSALS  # one decision mail each
