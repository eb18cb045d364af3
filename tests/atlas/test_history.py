"""The change history: who changed what, the diff, and the revert to an earlier version."""

import pytest
from django.urls import reverse

from atlas.models import PublicationStatus
from atlas.moderation.history import changes_of
from atlas.permissions import COORDINATORS

from .factories import make_meeting_place, make_organisation
from .users import make_user

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
    client.post(reverse("moderation:revert", kwargs={"kind": "treffpunkt", "slug": place.slug}),
                {"history_id": place.history.last().history_id})
    place.refresh_from_db()
    assert place.name == "Stadtteilladen"
