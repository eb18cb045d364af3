"""A coordinator corrects a proposal before approving it (with the editors' form and checks), the
confirmation names and links the entry, an editor's event shows who proposed it and its organiser,
and a submission is decided once only."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from atlas.directory.models import Language, MeetingPlace, Organisation, PublicationStatus
from atlas.events.models import Event
from atlas.moderation import services
from atlas.moderation.models import Submission
from atlas.moderation.review import REVIEW_REASON
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_organisation
from tests.atlas.moderation.factories import organisation_data, started
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_forms(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 3
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def coordinator():
    return make_user("koordination", role=COORDINATORS)


def propose(client, **changes):
    assert client.post(reverse("moderation:propose-organisation"), organisation_data(**changes)).status_code == 302
    return Submission.objects.latest("created")


def edit_data(organisation, **changes):
    """The editors' form as sent back unchanged, with ``changes``."""
    data = {"name": organisation.name, "kind": organisation.kind, "short_description": organisation.short_description,
            "description": organisation.description, "street": organisation.street, "postcode": organisation.postcode,
            "website": organisation.website, "email": organisation.email, "phone": organisation.phone,
            "opening_hours_note": organisation.opening_hours_note, "wheelchair_access": organisation.wheelchair_access,
            "legal_form": "", "founded_year": ""}
    data.update(changes)
    return data


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_coordinator_adds_missing_languages_then_approves_with_a_named_link(client, coordinator):
    submission = propose(client)
    organisation = submission.organisation
    client.force_login(coordinator)
    page = client.get(reverse("moderation:submission", kwargs={"pk": submission.pk})).content.decode()
    review_url = reverse("moderation:review", kwargs={"pk": submission.pk})
    assert review_url in page
    form = client.get(review_url)
    assert form.status_code == 200
    html = form.content.decode()
    assert 'name="languages"' in html and 'name="status"' not in html
    # As on the editors' page: the translations folded away below the German fields.
    folded = html.index('class="translation-fields"')
    assert html.index('name="languages"') < folded < html.index('name="description_ar"')
    languages = [Language.objects.get(code=code).pk for code in ("ku", "tr")]
    response = client.post(review_url, edit_data(organisation, languages=languages, action="save"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("moderation:submission", kwargs={"pk": submission.pk})
    organisation.refresh_from_db()
    assert sorted(organisation.languages.values_list("code", flat=True)) == ["ku", "tr"]
    assert organisation.status == PublicationStatus.PENDING  # not public before the decision
    version = organisation.history.first()
    assert version.history_user == coordinator and version.history_change_reason == REVIEW_REASON
    submission.refresh_from_db()
    assert submission.payload["languages"] == []  # what was sent stays as it was sent
    page = response.content.decode()
    assert "nach Bearbeitung" in page and "Kurdisch" in page

    response = client.post(reverse("moderation:approve", kwargs={"pk": submission.pk}), follow=True)
    [message] = messages_of(response)
    url = organisation.get_absolute_url()
    assert f'<a href="{url}">Kurdischer Kulturverein Spandau</a>' in message
    assert "Angenommen" in message and "(angenommen)" not in message
    assert f'<a href="{url}">Kurdischer Kulturverein Spandau</a>' in response.content.decode()
    organisation.refresh_from_db()
    assert organisation.status == PublicationStatus.PUBLISHED
    assert len(mail.outbox) == 1


def test_save_and_approve_in_one_step_with_the_editors_checks(client, coordinator):
    submission = propose(client)
    organisation = submission.organisation
    client.force_login(coordinator)
    url = reverse("moderation:review", kwargs={"pk": submission.pk})
    # The editors' checks: a name is required, an address must be one.
    response = client.post(url, edit_data(organisation, name="", email="keine-adresse", action="approve"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "email"}
    assert "Enter a valid email address." not in str(errors)  # translated
    submission.refresh_from_db()
    assert submission.status == Submission.Status.PENDING
    response = client.post(url, edit_data(organisation, name="Kurdischer Kulturverein Spandau e. V.",
                                          action="approve"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("moderation:queue")
    organisation.refresh_from_db()
    assert organisation.name == "Kurdischer Kulturverein Spandau e. V."
    assert organisation.status == PublicationStatus.PUBLISHED
    assert [version.history_change_reason for version in organisation.history.order_by("history_date")][-2:] == [
        REVIEW_REASON, "Vorschlag angenommen"]
    assert "Kurdischer Kulturverein Spandau e. V.</a>" in messages_of(response)[0]


def test_only_coordinators_review_and_only_pending_submissions(client, coordinator):
    submission = propose(client)
    url = reverse("moderation:review", kwargs={"pk": submission.pk})
    assert client.get(url).status_code == 302 and "/konto/anmelden/" in client.get(url)["Location"]
    for user in (make_user("planung", role=PLANNERS), make_user("red", organisations=[submission.organisation])):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url, edit_data(submission.organisation, name="Gekapert")).status_code == 403
    client.force_login(coordinator)
    client.post(reverse("moderation:reject", kwargs={"pk": submission.pk}), {"reason": "Doppelt."})
    response = client.post(url, edit_data(submission.organisation, name="Zu spät"), follow=True)
    assert "schon entschieden" in messages_of(response)[-1]
    assert not Organisation.objects.filter(name="Zu spät").exists()


def test_rejection_names_the_proposal(client, coordinator):
    submission = propose(client)
    client.force_login(coordinator)
    response = client.post(reverse("moderation:reject", kwargs={"pk": submission.pk}), {"reason": "Nicht in Spandau."},
                           follow=True)
    [message] = messages_of(response)
    link = reverse("moderation:submission", kwargs={"pk": submission.pk})
    assert f'<a href="{link}">Kurdischer Kulturverein Spandau</a>' in message and "Abgelehnt" in message


def test_names_in_the_message_are_escaped(client, coordinator):
    submission = propose(client, name="<b>Fett</b> & Co")
    client.force_login(coordinator)
    response = client.post(reverse("moderation:approve", kwargs={"pk": submission.pk}), follow=True)
    page = response.content.decode()
    assert "&lt;b&gt;Fett&lt;/b&gt; &amp; Co</a>" in page and "<b>Fett</b>" not in page


def test_correction_is_edited_before_it_is_applied(client, coordinator):
    organisation = make_organisation(name="Elternverein", phone="030 1234", website="")
    url = reverse("moderation:propose-correction", kwargs={"kind": "organisation", "slug": organisation.slug})
    client.post(url, {"name": "Elternverein", "phone": "030 99 99", "message": "Neue Nummer", "privacy": "on",
                      "started": started()})
    submission = Submission.objects.get()
    client.force_login(coordinator)
    review = reverse("moderation:review", kwargs={"pk": submission.pk})
    assert 'value="030 99 99"' in client.get(review).content.decode()  # the proposed value to correct
    response = client.post(review, {"name": "Elternverein", "phone": "030 9999", "website": "elternverein.example",
                                    "action": "save"}, follow=True)
    submission.refresh_from_db()
    assert submission.payload["fields"] == {"phone": "030 9999", "website": "https://elternverein.example"}
    assert submission.payload["submitted_fields"] == {"phone": "030 99 99"}
    assert submission.payload["message"] == "Neue Nummer"
    page = response.content.decode()
    assert "030 99 99" in page and "030 9999" in page and "030 1234" in page  # sent, now, before
    organisation.refresh_from_db()
    assert organisation.phone == "030 1234"  # nothing changes before the decision
    response = client.post(reverse("moderation:approve", kwargs={"pk": submission.pk}), follow=True)
    organisation.refresh_from_db()
    assert (organisation.phone, organisation.website) == ("030 9999", "https://elternverein.example")
    assert "Korrektur übernommen" in messages_of(response)[0]
    assert organisation.get_absolute_url() in messages_of(response)[0]


def event_data(**changes):
    data = {"title": "Workshop Fördermittel", "kind": "workshop", "description": "",
            "start": "2031-05-04T18:00", "end": "2031-05-04T20:00", "street": "Obstallee 22", "postcode": "13593",
            "organiser_name": "", "registration_url": "", "privacy": "on", "started": started()}
    data.update(changes)
    return data


def test_an_editors_event_names_its_proposer_and_organiser_and_is_corrected(client, coordinator):
    own = make_organisation(name="Eigener Verein")
    editor = make_user("redakteurin", organisations=[own], first_name="Rana", last_name="Haddad")
    client.force_login(editor)
    form = client.get(reverse("moderation:propose-event")).content.decode()
    assert re.search(r'name="submitter_name"[^>]*value="Rana Haddad"', form)
    # She leaves her name out: the account names her all the same.
    response = client.post(reverse("moderation:propose-event"), event_data(organiser=own.pk, submitter_name=""))
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.submitter_name == "Rana Haddad"
    client.force_login(coordinator)
    queue = client.get(reverse("moderation:queue")).content.decode()
    row = re.search(rf'<tr data-submission="{submission.pk}">.*?</tr>', queue, re.S).group(0)
    assert "Rana Haddad" in row and "Veranstalter: Eigener Verein" in row and "<td>–</td>" not in row
    page = client.get(reverse("moderation:submission", kwargs={"pk": submission.pk})).content.decode()
    assert f'<a href="{own.get_absolute_url()}">Eigener Verein</a>' in page

    event = submission.event
    review = reverse("moderation:review", kwargs={"pk": submission.pk})
    assert client.get(review).status_code == 200
    data = {"title": event.title, "kind": event.kind, "description": "", "start": "2031-05-04T18:00",
            "end": "2031-05-04T17:00", "street": event.street, "postcode": event.postcode, "organiser": own.pk,
            "organiser_name": "", "registration_url": "", "languages": [Language.objects.get(code="ar").pk],
            "action": "approve"}
    response = client.post(review, data)
    assert response.status_code == 200 and "end" in response.context["form"].errors  # the model's check
    response = client.post(review, {**data, "end": "2031-05-04T20:30"}, follow=True)
    event.refresh_from_db()
    assert event.status == PublicationStatus.PUBLISHED and event.organiser == own
    assert list(event.languages.values_list("code", flat=True)) == ["ar"]
    assert f'<a href="{event.get_absolute_url()}">Workshop Fördermittel</a>' in messages_of(response)[0]
    assert "Eigener Verein" in client.get(event.get_absolute_url()).content.decode()


def test_meeting_place_proposal_is_corrected(client, coordinator):
    from atlas.directory.models import MeetingPlaceType

    place_type = MeetingPlaceType.objects.order_by("position").first()
    response = client.post(reverse("moderation:propose-meeting-place"), {
        "name": "Nachbarschaftsraum", "place_type": place_type.pk, "short_description": "", "description": "",
        "street": "Obstallee 22", "postcode": "13593", "website": "", "email": "", "phone": "",
        "opening_hours_note": "", "wheelchair_access": "unknown", "cost": "", "accessibility_note": "",
        "privacy": "on", "started": started()})
    assert response.status_code == 302
    submission = Submission.objects.get()
    client.force_login(coordinator)
    response = client.post(reverse("moderation:review", kwargs={"pk": submission.pk}), {
        "name": "Nachbarschaftsraum Obstallee", "place_type": place_type.pk, "short_description": "",
        "description": "", "street": "Obstallee 22", "postcode": "13593", "website": "", "email": "", "phone": "",
        "opening_hours_note": "", "wheelchair_access": "yes", "cost": "kostenlos", "accessibility_note": "",
        "description_ar": "قاعة", "action": "save"})
    assert response.status_code == 302
    place = MeetingPlace.objects.get(pk=submission.meeting_place_id)
    assert (place.name, place.wheelchair_access, place.cost) == ("Nachbarschaftsraum Obstallee", "yes", "kostenlos")
    assert place.translations == {"ar": {"description": "قاعة"}}
    assert place.status == PublicationStatus.PENDING


def test_a_submission_is_decided_once_even_from_two_stale_pages(client, coordinator):
    """Two coordinators opened the same proposal; the second approval (or rejection) finds it decided:
    no second version in the history, no second mail, no error."""
    submission = propose(client)
    first, second = Submission.objects.get(pk=submission.pk), Submission.objects.get(pk=submission.pk)
    other = make_user("koordination2", role=COORDINATORS)
    services.approve(first, coordinator)
    with pytest.raises(services.AlreadyDecided):
        services.approve(second, other)
    with pytest.raises(services.AlreadyDecided):
        services.reject(second, other, "zu spät")
    submission.refresh_from_db()
    assert submission.status == Submission.Status.APPROVED and submission.reviewed_by == coordinator
    organisation = submission.organisation
    assert organisation.status == PublicationStatus.PUBLISHED
    assert organisation.history.filter(history_change_reason="Vorschlag angenommen").count() == 1
    assert len(mail.outbox) == 1


def test_events_listed_with_their_organiser(client):
    own = make_organisation(name="Veranstaltender Verein")
    Event.objects.create(title="Sommerfest", slug="sommerfest", start="2031-06-01T14:00+02:00",
                         end="2031-06-01T18:00+02:00", organiser=own, status=PublicationStatus.PUBLISHED)
    page = client.get(reverse("events:event-list")).content.decode()
    assert "Sommerfest" in page and "Veranstaltender Verein" in page
