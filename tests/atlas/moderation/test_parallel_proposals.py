"""Parallel proposals from one address against the live, threaded server (real HTTP, real database,
one connection per request thread): the limit per address holds under concurrency on both backends,
nothing fails with a 5xx, and a form's signed timestamp is accepted only once. And the network calls
of a proposal and its decision (geocoding, mail) happen outside the transaction that holds the locks."""

import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils.crypto import get_random_string

from atlas.directory.models import Organisation
from atlas.moderation import services, spam
from atlas.moderation.models import Submission
from atlas.roles.permissions import COORDINATORS
from tests.atlas.directory.factories import make_organisation
from tests.atlas.moderation.factories import organisation_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db(transaction=True)

PARALLEL = 25
LIMIT = 5
RATE_LIMITED_EN = "Several suggestions have already come from your connection in the last hour."
EXPIRED_EN = "The form was open for too long. Please check your details and submit it again."


@pytest.fixture(autouse=True)
def proposal_settings(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 0
    settings.ATLAS_SUBMISSIONS_PER_HOUR = LIMIT
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


class NoRedirects(urllib.request.HTTPRedirectHandler):
    """The 302 to the thanks page is the answer we look at, not the page behind it."""

    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirects)


def post(url, data):
    """POSTs the form as a browser in English would (CSRF cookie and field) → (status, body)."""
    csrf = get_random_string(32)
    body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Cookie": f"csrftoken={csrf}", "Accept-Language": "en",
        "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with OPENER.open(request, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def post_in_parallel(url, forms):
    with ThreadPoolExecutor(max_workers=len(forms)) as pool:
        return list(pool.map(lambda data: post(url, data), forms))


def test_parallel_proposals_from_one_address_stop_at_the_limit(live_server, geodata_live):
    """With the real data: each proposal is geocoded (offline, from the address list) while others store."""
    url = live_server.url + reverse("moderation:propose-organisation")
    issued = time.time() - 10
    forms = [organisation_data(name=f"Paralleler Verein {number}", started=spam.new_timestamp(issued - number))
             for number in range(PARALLEL)]
    answers = post_in_parallel(url, forms)
    statuses = Counter(status for status, _body in answers)
    assert statuses == {302: LIMIT, 429: PARALLEL - LIMIT}  # no 5xx ("database is locked"), none past the limit
    assert all(RATE_LIMITED_EN in body for status, body in answers if status == 429)
    assert Submission.objects.count() == LIMIT
    # A refused proposal leaves no pending entry behind either.
    assert Organisation.objects.filter(name__startswith="Paralleler Verein").count() == LIMIT


def test_one_timestamp_sent_in_parallel_is_accepted_once(live_server):
    url = live_server.url + reverse("moderation:propose-organisation")
    token = spam.new_timestamp(time.time() - 10)
    forms = [organisation_data(name=f"Wiederholter Verein {number}", started=token) for number in range(8)]
    answers = post_in_parallel(url, forms)
    statuses = Counter(status for status, _body in answers)
    assert statuses == {302: 1, 200: 7}
    assert all(EXPIRED_EN in body for status, body in answers if status == 200)
    assert Submission.objects.count() == 1


def test_geocoding_and_mail_happen_outside_the_transaction(client, monkeypatch):
    in_transaction = []

    def recording(real):
        def call(*args, **kwargs):
            in_transaction.append((real.__name__, transaction.get_connection().in_atomic_block))
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(services, "geocode", recording(services.geocode))
    monkeypatch.setattr(services, "send_mail", recording(services.send_mail))
    response = client.post(reverse("moderation:propose-organisation"),
                           organisation_data(started=spam.new_timestamp(time.time() - 10)))
    assert response.status_code == 302
    assert in_transaction == [("geocode", False)]
    organisation = make_organisation(name="Elternverein", street="", postcode="")
    url = reverse("moderation:propose-correction", kwargs={"kind": "organisation", "slug": organisation.slug})
    response = client.post(url, {"name": "Elternverein", "street": "Obstallee 22", "postcode": "13593",
                                 "message": "Neue Adresse", "submitter_email": "hinweis@example.org",
                                 "privacy": "on", "started": spam.new_timestamp(time.time() - 10)})
    assert response.status_code == 302
    in_transaction.clear()
    services.approve(Submission.objects.get(organisation=organisation), make_user("koordination", role=COORDINATORS))
    assert in_transaction == [("geocode", False), ("send_mail", False)]
