"""GET /api/events/: published events with a location as GeoJSON, filters, errors, schema.

Runs on SpatiaLite and PostGIS."""

import pytest

from atlas.directory.models import PublicationStatus
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.events.factories import berlin, in_days, make_event
from tests.factories import RATHAUS_SPANDAU

pytestmark = pytest.mark.django_db

KLADOW = (13.1460, 52.4530)


def get(client, query="", status=200):
    response = client.get(f"/api/events/{query}")
    assert response.status_code == status, response.content
    return response


def features(client, query=""):
    response = get(client, query)
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    return body["features"]


def slugs(client, query=""):
    return [feature["properties"]["slug"] for feature in features(client, query)]


def test_valid_geojson_with_event_properties(client):
    organisation = make_organisation(name="Verein für Vielfalt")
    event = make_event(title="Fördermittel-Workshop", kind="workshop", topics=["fundraising"], languages=["tr"],
                       organiser=organisation, start=berlin(2031, 3, 13, 10), end=berlin(2031, 3, 13, 13))
    feature, = features(client)
    assert feature["type"] == "Feature" and feature["id"] == event.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": list(RATHAUS_SPANDAU)}
    properties = feature["properties"]
    assert properties["title"] == "Fördermittel-Workshop" and properties["kind"] == "workshop"
    assert properties["start"] == "2031-03-13T10:00:00+01:00"
    assert properties["end"] == "2031-03-13T13:00:00+01:00"
    assert properties["topics"] == ["fundraising"] and properties["languages"] == ["tr"]
    assert properties["organiser"] == "Verein für Vielfalt"
    assert properties["address"] == "Carl-Schurz-Straße 2, 13597 Berlin"
    assert properties["url"] == f"/veranstaltungen/{event.slug}/"
    assert properties["is_sample"] is False


def test_event_at_meeting_place_has_the_place_point(client):
    place = make_meeting_place(name="Treff Kladow", location=KLADOW)
    event = make_event(meeting_place=place)
    feature, = features(client)
    assert feature["id"] == event.pk
    assert feature["geometry"]["coordinates"] == list(KLADOW)
    assert feature["properties"]["place"] == "Treff Kladow"


def test_only_published_upcoming_events_with_location(client):
    shown = make_event(slug="sichtbar")
    make_event(slug="entwurf", status=PublicationStatus.DRAFT)
    make_event(slug="vorbei", start=in_days(-5), end=in_days(-5, 12))
    make_event(slug="ohne-ort", location=None, street="", postcode="")
    make_event(slug="ort-ohne-lage", meeting_place=make_meeting_place(location=None))
    assert slugs(client) == [shown.slug]


def test_from_and_to(client):
    make_event(slug="maerz", start=berlin(2031, 3, 13, 10), end=berlin(2031, 3, 13, 12))
    make_event(slug="april", start=berlin(2031, 4, 2, 10), end=berlin(2031, 4, 2, 12))
    make_event(slug="vergangen", start=in_days(-5), end=in_days(-5, 12))
    assert slugs(client, "?from=2031-04-01") == ["april"]
    assert slugs(client, "?to=2031-03-31") == ["maerz"]
    assert slugs(client, "?from=2031-03-13&to=2031-03-13") == ["maerz"]
    assert slugs(client, "?from=2031-03-13T11:00:00%2B01:00&to=2031-04-02T09:00") == ["maerz"]
    assert "vergangen" in slugs(client, "?from=2000-01-01")


def test_topic_language_and_bbox_filters(client):
    make_event(slug="tr-fundraising", topics=["fundraising"], languages=["tr"])
    make_event(slug="ar-law", topics=["law"], languages=["ar"], location=KLADOW)
    assert slugs(client, "?topic=fundraising") == ["tr-fundraising"]
    assert sorted(slugs(client, "?topic=fundraising,law")) == ["ar-law", "tr-fundraising"]
    assert slugs(client, "?language=ar") == ["ar-law"]
    assert slugs(client, "?topic=law&language=tr") == []
    assert slugs(client, "?bbox=13.10,52.40,13.17,52.48") == ["ar-law"]


def test_bbox_uses_the_meeting_place_point(client):
    make_event(slug="im-treff", meeting_place=make_meeting_place(location=KLADOW))
    assert slugs(client, "?bbox=13.10,52.40,13.17,52.48") == ["im-treff"]
    assert slugs(client, "?bbox=13.19,52.53,13.21,52.54") == []


@pytest.mark.parametrize("query", [
    "?topic=gibt-es-nicht", "?language=xx", "?from=morgen", "?to=2031-02-30", "?bbox=1,2,3",
    "?bbox=13.3,52.4,13.1,52.6", "?from=2031-04-01&to=2031-03-01",
])
def test_bad_parameters_are_400_with_detail(client, query):
    response = get(client, query, status=400)
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


@pytest.mark.parametrize(("query", "parameter", "value"), [
    ("?topic=nonsense", "topic", "nonsense"), ("?topic=law,nonsense", "topic", "nonsense"),
    ("?language=xx", "language", "xx"), ("?language=tr,%3Cxx%3E", "language", "<xx>"),
])
def test_unknown_topic_or_language_is_400_naming_parameter_and_value(client, query, parameter, value):
    make_event(topics=["law"], languages=["tr"])
    detail = get(client, query, status=400).json()["detail"]
    assert f"{parameter}: {value}" in detail


def test_unknown_parameter_names_are_ignored(client):
    make_event(slug="da")
    assert slugs(client, "?utm_source=newsletter&format=nonsense&topics=nonsense") == ["da"]


def test_events_endpoint_is_in_the_schema(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    operation = response.json()["paths"]["/api/events/"]["get"]
    assert operation["operationId"] == "events_list"
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"topic", "language", "from", "to", "bbox"}
    assert "400" in operation["responses"]
