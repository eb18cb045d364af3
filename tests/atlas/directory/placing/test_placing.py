"""„Lage genau setzen“ (atlas/directory/placing/): which entries the queue lists, who may open it, and a
point set there staying put whatever geocodes the entry later."""

import pytest
from django.test import Client
from django.urls import reverse

from atlas.directory.importing import run_import
from atlas.directory.models import LocationPrecision, Organisation, PublicationStatus
from atlas.geocoding.service import apply_geocode, geocode
from atlas.moderation import services as moderation
from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.factories import KLADOW, RATHAUS_SPANDAU, make_user

pytestmark = pytest.mark.django_db

WEVER = (13.1912, 52.5176)  # a point of Weverstraße in planning area 05200633 (Graetschelsteig)


def place_url(entry):
    kind = "organisation" if isinstance(entry, Organisation) else "treffpunkt"
    return reverse("atlas:place-entry", kwargs={"kind": kind, "pk": entry.pk})


@pytest.fixture
def coordinator(client):
    client.force_login(make_user("testkoordination", role=COORDINATORS))
    return client


@pytest.fixture
def rough():
    """An organisation placed only at its planning area's point, as the import leaves Weverstraße 38."""
    return make_organisation(name="Testverein Wever", street="Weverstraße 38", postcode="13595",
                             location=(13.186515, 52.517309), location_precision=LocationPrecision.PLANNING_AREA)


def test_the_queue_lists_entries_without_a_precise_point(coordinator, rough):
    missing = make_organisation(name="Testverein Ohne Lage", location=None, location_precision="")
    street = make_meeting_place(name="Testtreffpunkt Straße", location=KLADOW, location_precision="street")
    precise = make_organisation(name="Testverein Genau", location_precision=LocationPrecision.ADDRESS)
    manual = make_organisation(name="Testverein Hand", location_precision=LocationPrecision.MANUAL,
                               location_set_manually=True)
    archived = make_organisation(name="Testverein Archiv", location=None, status=PublicationStatus.ARCHIVED)
    draft = make_organisation(name="Testverein Entwurf", location_precision="ortsteil", status=PublicationStatus.DRAFT)
    page = coordinator.get(reverse("atlas:placing"))
    assert page.status_code == 200
    html = page.content.decode()
    for entry in (rough, missing, street, draft):
        assert entry.name in html and place_url(entry) in html
    for entry in (precise, manual, archived):
        assert entry.name not in html
    assert "Planungsraum (Graetschelsteig)" in html and "fehlt" in html
    assert [row["entry"] for row in page.context["sections"][0]["rows"]] == [draft, missing, rough]  # newest first


def test_placing_stores_a_manual_point(coordinator, rough):
    page = coordinator.get(place_url(rough))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="place-map"' in html and 'id="place-config"' in html and "place-page.js" in html
    assert page.context["map_config"]["point"] == [13.186515, 52.517309]
    assert page.context["map_config"]["tiles"]["url"]  # the street map
    response = coordinator.post(place_url(rough), {"lat": "52,5176", "lon": "13.1912"})
    assert response.status_code == 302 and response.url == reverse("atlas:placing")
    rough.refresh_from_db()
    assert (rough.location.x, rough.location.y) == WEVER
    assert rough.location_precision == LocationPrecision.MANUAL and rough.location_set_manually
    assert rough.planning_area.key == "05200633" and not rough.needs_location
    assert rough.history.first().history_change_reason.startswith("Lage von Hand gesetzt")
    assert rough.history.first().history_user.username == "testkoordination"
    queue = coordinator.get(reverse("atlas:placing")).content.decode()
    assert "Lage von „Testverein Wever“ gespeichert" in queue
    assert place_url(rough) not in queue


@pytest.mark.parametrize(("lat", "lon", "message"), [
    ("52,5219", "13,4132", "außerhalb von Spandau"),  # Alexanderplatz
    ("", "13,2", "Bitte den Breitengrad angeben"),
    ("Rathaus", "13,2", "Bitte eine Zahl eingeben"),
    ("520", "13,2", "zwischen -90 und 90"),
])
def test_bad_coordinates_are_refused_with_a_translated_message(coordinator, rough, lat, lon, message):
    response = coordinator.post(place_url(rough), {"lat": lat, "lon": lon})
    assert response.status_code == 400
    assert message in response.content.decode()
    rough.refresh_from_db()
    assert rough.location_precision == LocationPrecision.PLANNING_AREA and not rough.location_set_manually


def test_only_coordinators_may_place(client, rough):
    editor = make_user("testredaktion", organisations=[rough])
    planner = make_user("testplanung", role=PLANNERS)
    for url in (reverse("atlas:placing"), place_url(rough)):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert client.post(place_url(rough), {"lat": "52.5176", "lon": "13.1912"}).status_code == 302
    for user in (editor, planner):
        client.force_login(user)
        assert client.get(reverse("atlas:placing")).status_code == 403
        assert client.get(place_url(rough)).status_code == 403
        assert client.post(place_url(rough), {"lat": "52.5176", "lon": "13.1912"}).status_code == 403
    rough.refresh_from_db()
    assert not rough.location_set_manually
    assert client.get(reverse("atlas:place-entry", kwargs={"kind": "event", "pk": rough.pk})).status_code == 403


def test_placing_is_csrf_protected(rough):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("testkoordination", role=COORDINATORS))
    assert client.post(place_url(rough), {"lat": "52.5176", "lon": "13.1912"}).status_code == 403
    client.get(place_url(rough))
    token = client.cookies["csrftoken"].value
    assert client.post(place_url(rough), {"lat": "52.5176", "lon": "13.1912",
                                          "csrfmiddlewaretoken": token}).status_code == 302


def test_a_placed_point_is_never_overwritten_by_geocoding(coordinator, rough):
    coordinator.post(place_url(rough), {"lat": "52.5176", "lon": "13.1912"})
    rough.refresh_from_db()
    # The geocoder's own entry point refuses to touch it …
    assert apply_geocode(rough, geocode("Carl-Schurz-Str. 31, 13597 Berlin")) is False
    # … the moderation's editing (an editor changes the address) leaves it …
    rough.street = "Carl-Schurz-Str. 31"
    moderation.locate(rough)
    rough.save()
    # … and so does a new import with another address for the same entry.
    data = f"Kurzname;Name;Straße;PLZ\n{rough.slug};Testverein Wever;Breite Straße 20;13597\n"
    report = run_import(data.encode(), "liste.csv", dry_run=False)
    assert report.committed and "von Hand gesetzt" in report.rows[0].notes[0]
    rough.refresh_from_db()
    assert (rough.location.x, rough.location.y) == WEVER
    assert rough.location_precision == LocationPrecision.MANUAL and rough.street == "Breite Straße 20"


def test_an_entry_without_a_point_starts_in_the_middle_of_the_map(coordinator):
    missing = make_organisation(name="Testverein Ohne Lage", location=None, location_precision="")
    page = coordinator.get(place_url(missing))
    assert page.status_code == 200 and page.context["map_config"]["point"] is None
    coordinator.post(place_url(missing), {"lat": str(RATHAUS_SPANDAU[1]), "lon": str(RATHAUS_SPANDAU[0])})
    missing.refresh_from_db()
    assert missing.location_set_manually and missing.ortsteil.key == "0501"
