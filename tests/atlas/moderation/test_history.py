"""The change history: who changed what, the diff, and the revert to an earlier version."""

import pytest
from django.urls import reverse

from atlas.directory.models import PublicationStatus
from atlas.moderation.history import changes_of
from atlas.roles.permissions import COORDINATORS
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.events.factories import make_event
from tests.factories import make_user, point

pytestmark = pytest.mark.django_db


def edit(client, organisation, **changes):
    data = {"name": organisation.name, "kind": organisation.kind, "short_description": organisation.short_description,
            "street": organisation.street, "postcode": organisation.postcode,
            "wheelchair_access": organisation.wheelchair_access, "phone": organisation.phone}
    data.update(changes)
    return client.post(reverse("moderation:organisation-edit", kwargs={"slug": organisation.slug}), data)


def history_url(entry, kind="organisation"):
    return reverse("moderation:history", kwargs={"kind": kind, "slug": entry.slug})


def test_change_shows_in_diff_and_revert_restores(client):
    organisation = make_organisation(name="Frauentreff", short_description="Treffen am Montag", phone="030 1")
    editor = make_user("redakteur", organisations=[organisation])
    client.force_login(editor)
    assert edit(client, organisation, short_description="Treffen am Dienstag").status_code == 302
    organisation.refresh_from_db()
    assert organisation.short_description == "Treffen am Dienstag"

    page = client.get(history_url(organisation))
    assert page.status_code == 200
    body = page.content.decode()
    assert "redakteur" in body
    assert "Treffen am Montag" in body and "Treffen am Dienstag" in body
    assert 'data-field="short_description"' in body
    newest = organisation.history.first()
    changed = {change.field for change in changes_of(newest)}
    assert "short_description" in changed and "updated" not in changed

    first = organisation.history.last()
    response = client.post(reverse("moderation:revert", kwargs={"kind": "organisation", "slug": organisation.slug}),
                           {"history_id": first.history_id})
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.short_description == "Treffen am Montag"
    assert organisation.status == PublicationStatus.PUBLISHED
    reverted = organisation.history.first()
    assert reverted.history_user == editor
    assert "wiederhergestellt" in reverted.history_change_reason
    assert organisation.history.count() == 3  # the revert is a new version, nothing is lost
    # Search text and metric point follow the restored version.
    assert organisation.location_metric is not None


def test_editor_revert_never_publishes(client):
    organisation = make_organisation(name="Entwurfsverein", status=PublicationStatus.DRAFT)
    coordinator = make_user("koord", role=COORDINATORS)
    client.force_login(coordinator)
    client.post(reverse("moderation:publish", kwargs={"kind": "organisation", "slug": organisation.slug}))
    organisation.refresh_from_db()
    assert organisation.status == PublicationStatus.PUBLISHED
    # A coordinator takes it offline again; an editor reverting to the published version keeps it offline.
    organisation.status = PublicationStatus.PENDING
    organisation.save()
    published_version = organisation.history.all()[1]
    assert published_version.status == PublicationStatus.PUBLISHED
    client.force_login(make_user("red", organisations=[organisation]))
    client.post(reverse("moderation:revert", kwargs={"kind": "organisation", "slug": organisation.slug}),
                {"history_id": published_version.history_id})
    organisation.refresh_from_db()
    assert organisation.status == PublicationStatus.PENDING


def test_history_and_revert_are_protected(client):
    organisation = make_organisation()
    other_editor = make_user("fremd", organisations=[make_organisation()])
    url = history_url(organisation)
    revert_url = reverse("moderation:revert", kwargs={"kind": "organisation", "slug": organisation.slug})
    version = organisation.history.first().history_id
    assert client.get(url).status_code == 302  # to the login
    assert client.post(revert_url, {"history_id": version}).status_code == 302
    client.force_login(other_editor)
    assert client.get(url).status_code == 403
    assert client.post(revert_url, {"history_id": version}).status_code == 403
    client.force_login(make_user("koord", role=COORDINATORS))
    assert client.get(url).status_code == 200
    assert client.post(revert_url, {"history_id": "nonsense"}).status_code == 404
    assert client.post(revert_url, {"history_id": 999999}).status_code == 404
    # GET never reverts.
    assert client.get(revert_url).status_code == 405


def test_revert_needs_csrf(client):
    organisation = make_organisation()
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(make_user("koord", role=COORDINATORS))
    response = strict.post(reverse("moderation:revert", kwargs={"kind": "organisation", "slug": organisation.slug}),
                           {"history_id": organisation.history.first().history_id})
    assert response.status_code == 403


def test_meeting_place_history_for_the_operators_editors(client):
    operator = make_organisation(name="Betreiberverein")
    place = make_meeting_place(name="Stadtteilladen", operator=operator)
    place.name = "Stadtteilladen Neustadt"
    place.save()
    client.force_login(make_user("betreiber", organisations=[operator]))
    body = client.get(history_url(place, "treffpunkt")).content.decode()
    assert "Stadtteilladen Neustadt" in body and "Stadtteilladen" in body
    client.force_login(make_user("koord", role=COORDINATORS))
    client.post(reverse("moderation:revert", kwargs={"kind": "treffpunkt", "slug": place.slug}),
                {"history_id": place.history.last().history_id})
    place.refresh_from_db()
    assert place.name == "Stadtteilladen"


def revert_url(entry, kind="organisation"):
    return reverse("moderation:revert", kwargs={"kind": kind, "slug": entry.slug})


@pytest.fixture
def coordinated_organisation():
    """Version 1 as created; version 2 an editor's text change; version 3 the coordination makes it a
    network member and drags the marker (manual location)."""
    organisation = make_organisation(name="Nachbarschaftsverein", short_description="Alt", phone="030 1",
                                     location=(13.2005, 52.5357), network_member=False,
                                     translations={"en": {"short_description": "Old"}})
    organisation.short_description = "Neu"
    organisation.translations = {"en": {"short_description": "New"}}
    organisation.save()
    organisation.network_member = True
    organisation.location = point(13.2100, 52.5400)
    organisation.location_set_manually = True
    organisation.save()
    return organisation


def test_editor_revert_restores_only_what_the_editor_may_edit(client, coordinated_organisation):
    organisation = coordinated_organisation
    editor = make_user("redakteurin", organisations=[organisation])
    manual_point = organisation.location.coords
    first = organisation.history.last()
    assert first.network_member is False and first.location_set_manually is False
    client.force_login(editor)
    assert client.post(revert_url(organisation), {"history_id": first.history_id}).status_code == 302
    organisation.refresh_from_db()
    # Editable fields come back …
    assert organisation.short_description == "Alt"
    assert organisation.translations == {"en": {"short_description": "Old"}}
    # … the coordination's fields stay as they are now.
    assert organisation.network_member is True
    assert organisation.location_set_manually is True
    assert organisation.location.coords == pytest.approx(manual_point)
    assert organisation.status == PublicationStatus.PUBLISHED
    reverted = organisation.history.first()
    assert reverted.history_user == editor
    assert {change.field for change in changes_of(reverted)} == {"short_description", "translations"}


def test_coordinator_revert_restores_every_field(client, coordinated_organisation):
    organisation = coordinated_organisation
    client.force_login(make_user("koord", role=COORDINATORS))
    first = organisation.history.last()
    client.post(revert_url(organisation), {"history_id": first.history_id})
    organisation.refresh_from_db()
    assert organisation.short_description == "Alt"
    assert organisation.network_member is False and organisation.location_set_manually is False
    assert organisation.location.coords == pytest.approx((13.2005, 52.5357))
    changed = {change.field for change in changes_of(organisation.history.first())}
    assert {"short_description", "network_member", "location", "location_set_manually"} <= changed


def test_editor_revert_keeps_status_and_other_coordination_fields(client):
    organisation = make_organisation(name="Status-Verein", short_description="Alt", is_sample=False)
    organisation.short_description = "Neu"
    organisation.status = PublicationStatus.PENDING
    organisation.is_sample = True
    organisation.opening_hours = {"mo": [["10:00", "12:00"]]}
    organisation.save()
    client.force_login(make_user("red", organisations=[organisation]))
    client.post(revert_url(organisation), {"history_id": organisation.history.last().history_id})
    organisation.refresh_from_db()
    assert organisation.short_description == "Alt"
    assert organisation.status == PublicationStatus.PENDING
    assert organisation.is_sample is True
    assert organisation.opening_hours == {"mo": [["10:00", "12:00"]]}


def test_editors_cannot_revert_entries_they_have_no_edit_form_for(client):
    """Editors of an operator or organiser change no field of its meeting places or events: nothing
    to restore, so no revert (the history stays readable)."""
    operator = make_organisation(name="Betreiber e. V.")
    place = make_meeting_place(name="Laden", operator=operator)
    place.name = "Laden am Markt"
    place.save()
    event = make_event(title="Fest", organiser=operator)
    event.title = "Sommerfest"
    event.save()
    client.force_login(make_user("betreiberin", organisations=[operator]))
    page = client.get(history_url(place, "treffpunkt"))
    assert page.status_code == 200 and "revert-form" not in page.content.decode()
    assert client.post(revert_url(place, "treffpunkt"),
                       {"history_id": place.history.last().history_id}).status_code == 403
    assert client.post(revert_url(event, "veranstaltung"),
                       {"history_id": event.history.last().history_id}).status_code == 403
    place.refresh_from_db()
    event.refresh_from_db()
    assert place.name == "Laden am Markt" and event.title == "Sommerfest"
