"""Verification reminders: one digest per editor, at most one per 30 days, and the coordinators' list."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from atlas.directory.models import Organisation
from atlas.moderation.models import VerificationReminder
from atlas.moderation.reminders import send_verification_reminders, stale_organisations
from atlas.roles.permissions import COORDINATORS
from tests.atlas.directory.factories import make_organisation
from tests.factories import make_user

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date.today() - datetime.timedelta(days=400)


@pytest.fixture(autouse=True)
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def stale_pair():
    first = make_organisation(name="Alter Verein Eins", last_verified=LONG_AGO)
    second = make_organisation(name="Alter Verein Zwei", last_verified=LONG_AGO)
    fresh = make_organisation(name="Frischer Verein", last_verified=datetime.date.today())
    editor = make_user("redakteurin", organisations=[first, second, fresh])
    return first, second, fresh, editor


def test_one_digest_for_two_stale_organisations_then_none_within_30_days(stale_pair):
    first, second, fresh, editor = stale_pair
    call_command("send_verification_reminders", base_url="https://atlas.example", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [editor.email]
    assert "Alter Verein Eins" in message.body and "Alter Verein Zwei" in message.body
    assert "Frischer Verein" not in message.body
    assert f"https://atlas.example/organisationen/{first.slug}/bearbeiten/" in message.body
    reminder = VerificationReminder.objects.get()
    assert reminder.user == editor and sorted(reminder.organisations) == sorted([first.slug, second.slug])

    call_command("send_verification_reminders", stdout=io.StringIO())
    assert len(mail.outbox) == 1
    # After 30 days the next digest is due.
    later = timezone.now() + datetime.timedelta(days=31)
    assert len(send_verification_reminders(now=later)) == 1
    assert len(mail.outbox) == 2


def test_never_verified_counts_from_creation(stale_pair):
    new = make_organisation(name="Neu ohne Prüfung", last_verified=None)
    old = make_organisation(name="Alt ohne Prüfung", last_verified=None)
    Organisation.objects.filter(pk=old.pk).update(created=timezone.now() - datetime.timedelta(days=500))
    stale = set(stale_organisations().values_list("name", flat=True))
    assert "Alt ohne Prüfung" in stale and new.name not in stale


def test_editing_verifies_the_entry(client, stale_pair):
    first, _, _, editor = stale_pair
    client.force_login(editor)
    client.post(reverse("moderation:organisation-edit", kwargs={"slug": first.slug}),
                {"name": first.name, "kind": first.kind, "wheelchair_access": "unknown"})
    first.refresh_from_db()
    assert first.last_verified == timezone.localdate()
    assert first not in stale_organisations()


def test_stale_page_for_coordinators(client, stale_pair):
    url = reverse("moderation:stale")
    client.force_login(stale_pair[3])
    assert client.get(url).status_code == 403
    client.force_login(make_user("koord", role=COORDINATORS))
    body = client.get(url).content.decode()
    assert "Alter Verein Eins" in body and "redakteurin" in body and "Frischer Verein" not in body
