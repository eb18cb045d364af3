"""The nearest public-transport stops of organisations and meeting places: on their pages and in the
detail API, only where the exact location is public (geodata.transit gives them; the rule is tested in
tests/geodata/test_transit.py)."""

import re

import pytest

from atlas.directory.models import Organisation
from geodata.transit import nearest_stops
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.factories import point

pytestmark = pytest.mark.django_db

# Beside the bus stop Grützmacherpark, 524 m from U Haselhorst.
GRUETZMACHERPARK = (13.231684, 52.544697)
STOP_ITEMS = re.compile(r'<li class="stop[^"]*" data-stop="\d+">'
                        r'<span class="stop-name"><bdi lang="de">([^<]+)</bdi></span>')


def section(html):
    found = re.search(r'<section class="nearest-stops".*?</section>', html, re.DOTALL)
    return found.group(0) if found else None


def test_meeting_place_page_lists_the_nearest_stops_s_and_u_bahn_first(client):
    place = make_meeting_place(name="Stadtteiltreff Haselhorst", location=GRUETZMACHERPARK)
    html = client.get(f"/treffpunkte/{place.slug}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    stops = section(html)
    assert stops is not None
    assert '<h2 id="nearest-stops-heading">Nächste Haltestellen</h2>' in stops
    names = STOP_ITEMS.findall(stops)
    assert names == [stop.name for stop in nearest_stops(point(*GRUETZMACHERPARK))]
    assert names[0] == "U Haselhorst (Berlin)" and "Grützmacherpark (Berlin)" in names
    assert '<bdi class="stop-modes">U-Bahn</bdi> · <bdi class="stop-distance">520 m Luftlinie</bdi>' in stops
    assert 'class="stop is-rapid-transit"' in stops
    assert "Fahrplandaten: VBB Verkehrsverbund Berlin-Brandenburg GmbH, CC BY 4.0" in stops


def test_organisation_page_lists_the_stops_of_its_address(client):
    organisation = make_organisation(name="Elternverein Haselhorst", location=GRUETZMACHERPARK)
    html = client.get(f"/organisationen/{organisation.slug}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert STOP_ITEMS.findall(section(html))[0] == "U Haselhorst (Berlin)"


def test_hidden_address_gets_no_stops_that_would_locate_it(client):
    person = make_organisation(kind=Organisation.Kind.INDIVIDUAL, location=GRUETZMACHERPARK,
                               consent_publish_address=False)
    html = client.get(f"/organisationen/{person.slug}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert section(html) is None and "Haselhorst (Berlin)" not in html
    detail = client.get(f"/api/organisations/{person.slug}/").json()
    assert "nearest_stops" not in detail["properties"]


def test_entry_without_location_has_no_stops(client):
    place = make_meeting_place(location=None)
    html = client.get(f"/treffpunkte/{place.slug}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert section(html) is None
    assert client.get(f"/api/meeting-places/{place.slug}/").json()["properties"]["nearest_stops"] == []


@pytest.mark.parametrize(("make", "path"), [(make_meeting_place, "meeting-places"),
                                             (make_organisation, "organisations")])
def test_detail_api_gives_the_nearest_stops(client, make, path):
    entry = make(location=GRUETZMACHERPARK)
    stops = client.get(f"/api/{path}/{entry.slug}/").json()["properties"]["nearest_stops"]
    assert stops == [stop.as_dict() for stop in nearest_stops(point(*GRUETZMACHERPARK))]
    assert stops[0]["name"] == "U Haselhorst (Berlin)"
    assert stops[0]["modes"] == ["ubahn"] and stops[0]["rapid_transit"] is True and stops[0]["distance_m"] == 520
