"""Public proposals without an account, spam protection, the moderation queue and its mails."""

import re
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from atlas.events.models import Event
from atlas.moderation import spam
from atlas.moderation.models import Submission, UsedFormToken
from atlas.roles.permissions import COORDINATORS
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.moderation.factories import organisation_data, started
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_forms(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 3
    settings.ATLAS_SUBMISSIONS_PER_HOUR = 5
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def coordinator():
    return make_user("koordination", role=COORDINATORS)


def propose(client, **changes):
    return client.post(reverse("moderation:propose-organisation"), organisation_data(**changes))


def test_forms_render_with_honeypot_and_timestamp(client):
    for name in ("propose", "propose-organisation", "propose-meeting-place", "propose-event"):
        response = client.get(reverse(f"moderation:{name}"))
        assert response.status_code == 200
    body = client.get(reverse("moderation:propose-organisation")).content.decode()
    assert 'name="contact_url"' in body and "hp-field" in body
    assert 'name="started"' in body
    assert "style=" not in body  # CSP: no inline styles


def test_anonymous_proposal_waits_unpublished(client):
    response = propose(client)
    assert response.status_code == 302 and response["Location"] == reverse("moderation:thanks")
    submission = Submission.objects.get()
    organisation = submission.organisation
    assert submission.kind == Submission.Kind.NEW_ORGANISATION
    assert submission.status == Submission.Status.PENDING
    assert submission.payload["name"] == "Kurdischer Kulturverein Spandau"
    assert organisation.status == PublicationStatus.PENDING
    assert organisation.location is not None  # geocoded offline from the official address list
    assert len(submission.sender_hash) == 64 and "127.0.0.1" not in submission.sender_hash
    # Not public: not in the API, not on a page.
    assert client.get(reverse("api-organisation", kwargs={"slug": organisation.slug})).status_code == 404
    listed = [f["properties"]["slug"] for f in client.get(reverse("api-organisations")).json()["features"]]
    assert organisation.slug not in listed
    assert client.get(organisation.get_absolute_url()).status_code == 404


def test_coordinator_approves_and_submitter_gets_mail(client, coordinator):
    propose(client)
    submission = Submission.objects.get()
    client.force_login(coordinator)
    queue = client.get(reverse("moderation:queue")).content.decode()
    assert "Kurdischer Kulturverein Spandau" in queue
    assert client.get(reverse("moderation:submission", kwargs={"pk": submission.pk})).status_code == 200
    response = client.post(reverse("moderation:approve", kwargs={"pk": submission.pk}), {"reason": "Passt."})
    assert response.status_code == 302
    submission.refresh_from_db()
    organisation = submission.organisation
    assert submission.status == Submission.Status.APPROVED and submission.reviewed_by == coordinator
    assert organisation.status == PublicationStatus.PUBLISHED
    assert organisation.last_verified is not None
    assert organisation.history.first().history_user == coordinator
    client.logout()
    assert client.get(reverse("api-organisation", kwargs={"slug": organisation.slug})).status_code == 200
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ayse@example.org"]
    assert "angenommen" in mail.outbox[0].subject


def test_rejection_needs_a_reason_which_is_mailed(client, coordinator):
    propose(client)
    submission = Submission.objects.get()
    client.force_login(coordinator)
    response = client.post(reverse("moderation:reject", kwargs={"pk": submission.pk}), {"reason": " "})
    assert response.status_code == 400
    assert Submission.objects.get().status == Submission.Status.PENDING
    response = client.post(reverse("moderation:reject", kwargs={"pk": submission.pk}),
                           {"reason": "Die Organisation ist nicht in Spandau tätig."})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED
    assert submission.organisation.status == PublicationStatus.ARCHIVED
    assert len(mail.outbox) == 1
    assert "nicht in Spandau tätig" in mail.outbox[0].body
    # Deciding twice does nothing.
    client.post(reverse("moderation:approve", kwargs={"pk": submission.pk}))
    submission.refresh_from_db()
    assert submission.status == Submission.Status.REJECTED


def test_no_mail_without_address(client, coordinator):
    propose(client, submitter_email="")
    client.force_login(coordinator)
    client.post(reverse("moderation:approve", kwargs={"pk": Submission.objects.get().pk}))
    assert mail.outbox == []


def test_honeypot_is_refused(client):
    response = propose(client, contact_url="http://spam.example")
    assert response.status_code == 200
    assert "konnte nicht angenommen werden" in response.content.decode()
    assert not Submission.objects.exists() and not Organisation.objects.filter(name__startswith="Kurdischer").exists()


def test_too_fast_is_refused(client, settings):
    response = propose(client, started=started(seconds_ago=1))
    assert response.status_code == 200
    assert "zu schnell" in response.content.decode()
    assert not Submission.objects.exists()
    settings.ATLAS_MIN_FILL_SECONDS = 0.5
    assert propose(client, started=started(seconds_ago=1)).status_code == 302


# Ids: the stale token differs in every process, and pytest-xdist needs the same test ids in each worker.
@pytest.mark.parametrize("token", ["", "forged", spam.new_timestamp(time.time() - 3 * 86400)],
                         ids=["missing", "forged", "stale"])
def test_missing_forged_or_stale_timestamp_is_refused(client, token):
    response = propose(client, started=token)
    assert response.status_code == 200
    assert not Submission.objects.exists()
    assert "zu lange geöffnet" in response.content.decode()


def test_sixth_submission_within_an_hour_is_refused(client):
    for number in range(5):
        assert propose(client, name=f"Verein Nummer {number}").status_code == 302
    response = propose(client, name="Verein Nummer 6")
    assert response.status_code == 429
    assert Submission.objects.count() == 5
    # Another address may still submit.
    other = client.post(reverse("moderation:propose-organisation"), organisation_data(name="Anderer Verein"),
                        REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
    assert Submission.objects.count() == 6


def test_sender_hash_is_salted_and_stable(rf):
    first = rf.get("/", REMOTE_ADDR="192.0.2.7")
    second = rf.get("/", REMOTE_ADDR="192.0.2.7")
    other = rf.get("/", REMOTE_ADDR="192.0.2.8")
    assert spam.sender_hash(first) == spam.sender_hash(second) != spam.sender_hash(other)
    assert "192.0.2.7" not in spam.sender_hash(first)


def test_meeting_place_proposal_and_approval(client, coordinator):
    response = client.post(reverse("moderation:propose-meeting-place"), {
        "name": "Nachbarschaftsraum Heerstraße", "place_type": _place_type_pk(), "short_description": "",
        "description": "", "street": "Obstallee 22", "postcode": "13593", "website": "", "email": "", "phone": "",
        "opening_hours_note": "", "wheelchair_access": "yes", "cost": "", "accessibility_note": "",
        "privacy": "on", "started": started()})
    assert response.status_code == 302
    place = MeetingPlace.objects.get(name="Nachbarschaftsraum Heerstraße")
    assert place.status == PublicationStatus.PENDING
    client.force_login(coordinator)
    client.post(reverse("moderation:approve", kwargs={"pk": place.submissions.get().pk}))
    place.refresh_from_db()
    assert place.status == PublicationStatus.PUBLISHED


def _place_type_pk():
    from atlas.directory.models import MeetingPlaceType

    return MeetingPlaceType.objects.order_by("position").first().pk


def event_data(**changes):
    data = {"title": "Workshop Fördermittel", "kind": "workshop", "description": "",
            "start": "2031-05-04T18:00", "end": "2031-05-04T20:00", "street": "Obstallee 22", "postcode": "13593",
            "organiser_name": "", "registration_url": "", "privacy": "on", "started": started()}
    data.update(changes)
    return data


def test_event_proposal_lands_pending(client, coordinator):
    assert client.post(reverse("moderation:propose-event"), event_data()).status_code == 302
    event = Event.objects.get(title="Workshop Fördermittel")
    assert event.status == PublicationStatus.PENDING and event.organiser is None
    assert Submission.objects.get().kind == Submission.Kind.NEW_EVENT
    client.force_login(coordinator)
    client.post(reverse("moderation:approve", kwargs={"pk": Submission.objects.get().pk}))
    event.refresh_from_db()
    assert event.status == PublicationStatus.PUBLISHED


def test_editor_submits_event_for_own_organisation_only(client):
    own = make_organisation(name="Eigener Verein")
    other = make_organisation(name="Fremder Verein")
    client.force_login(make_user("redakteurin", organisations=[own]))
    page = client.get(reverse("moderation:propose-event")).content.decode()
    assert "Eigener Verein" in page and "Fremder Verein" not in page
    response = client.post(reverse("moderation:propose-event"), event_data(organiser=other.pk))
    assert response.status_code == 200  # not a valid choice
    assert not Event.objects.exists()
    assert client.post(reverse("moderation:propose-event"), event_data(organiser=own.pk)).status_code == 302
    event = Event.objects.get()
    assert event.organiser == own and event.status == PublicationStatus.PENDING


def test_correction_is_applied_on_approval(client, coordinator):
    organisation = make_organisation(name="Elternverein", phone="030 1234")
    url = reverse("moderation:propose-correction", kwargs={"kind": "organisation", "slug": organisation.slug})
    assert client.get(url).status_code == 200
    response = client.post(url, {"name": "Elternverein", "phone": "030 9999", "message": "Neue Telefonnummer",
                                 "submitter_email": "hinweis@example.org", "privacy": "on", "started": started()})
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.kind == Submission.Kind.CORRECTION
    assert submission.payload == {"fields": {"phone": "030 9999"}, "message": "Neue Telefonnummer"}
    organisation.refresh_from_db()
    assert organisation.phone == "030 1234"  # nothing changes before the decision
    client.force_login(coordinator)
    page = client.get(reverse("moderation:submission", kwargs={"pk": submission.pk})).content.decode()
    assert "030 9999" in page and "030 1234" in page
    client.post(reverse("moderation:approve", kwargs={"pk": submission.pk}))
    organisation.refresh_from_db()
    assert organisation.phone == "030 9999"
    assert organisation.status == PublicationStatus.PUBLISHED
    assert organisation.history.first().history_user == coordinator
    assert len(mail.outbox) == 1


def test_correction_only_for_published_entries(client):
    hidden = make_organisation(status=PublicationStatus.DRAFT)
    url = reverse("moderation:propose-correction", kwargs={"kind": "organisation", "slug": hidden.slug})
    assert client.get(url).status_code == 404
    place = make_meeting_place()
    url = reverse("moderation:propose-correction", kwargs={"kind": "treffpunkt", "slug": place.slug})
    assert client.get(url).status_code == 200
    assert client.get(url.replace("treffpunkt", "unbekannt")).status_code == 404


def test_detail_page_links_to_correction_and_editing(client):
    organisation = make_organisation()
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert reverse("moderation:propose-correction", kwargs={"kind": "organisation", "slug": organisation.slug}) in page
    assert reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug}) not in page
    client.force_login(make_user("red", organisations=[organisation]))
    page = client.get(organisation.get_absolute_url()).content.decode()
    assert reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug}) in page


def test_editor_edit_keeps_published_and_geocodes(client):
    organisation = make_organisation(name="Editierverein", street="", postcode="")
    editor = make_user("red-edit", organisations=[organisation])
    client.force_login(editor)
    url = reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug})
    page = client.get(url).content.decode()
    assert 'name="status"' not in page and 'name="consent_publish_contact"' in page
    response = client.post(url, {"name": "Editierverein", "kind": "association", "short_description": "Neu",
                                 "street": "Obstallee 22", "postcode": "13593", "wheelchair_access": "unknown",
                                 "consent_publish_contact": "on"})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == PublicationStatus.PUBLISHED
    assert organisation.consent_publish_contact is True
    assert organisation.location_precision == "address"
    assert abs(organisation.location.x - 13.1659) < 0.001
    assert organisation.history.first().history_user == editor


def test_a_timestamp_is_good_for_one_proposal(client, settings):
    token = started()
    assert propose(client, started=token).status_code == 302
    response = propose(client, name="Zweiter Verein", started=token)
    assert response.status_code == 200
    body = response.content.decode()
    assert "zu lange geöffnet" in body
    assert Submission.objects.count() == 1
    # The form comes back with a fresh timestamp, good for the next proposal.
    fresh = re.search(r'name="started" value="([^"]+)"', body).group(1)
    assert fresh != token
    settings.ATLAS_MIN_FILL_SECONDS = 0
    assert propose(client, name="Zweiter Verein", started=fresh).status_code == 302
    assert Submission.objects.count() == 2


def test_used_timestamps_are_forgotten_once_too_old_to_count(client, settings):
    old = UsedFormToken.objects.create(digest="0" * 64)
    UsedFormToken.objects.filter(pk=old.pk).update(
        used=timezone.now() - timedelta(seconds=settings.ATLAS_MAX_FORM_AGE_SECONDS + 60))
    token = started()
    assert propose(client, started=token).status_code == 302
    assert list(UsedFormToken.objects.values_list("digest", flat=True)) == [spam.token_digest(token)]
    assert spam.token_digest(token) != token  # only a hash of the token is kept
