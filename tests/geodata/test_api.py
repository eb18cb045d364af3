"""The read-only GeoJSON API against the real imported Spandau data, on SpatiaLite and PostGIS."""

import re

import pytest
from django.contrib.gis.geos import Polygon

from geodata.models import DataSource, Facility, FacilityType, Ortsteil, PlanningArea, Population
from tests.geodata.support import assert_bad_request, assert_in_spandau, features

pytestmark = pytest.mark.django_db

SPANDAU_RESIDENTS = 259_277
MAULBEERALLEE = "05200527"

PLANNING_AREA_PROPERTIES = {
    "key", "name", "ortsteil", "ortsteil_key", "bezirksregion", "prognoseraum", "area_km2", "residents",
    "migration_background", "migration_background_share", "foreigners", "foreigners_share",
    "mss_status_index", "mss_status_label", "mss_dynamics_index", "mss_dynamics_label",
    "municipal_housing_share", "sources",
}
SOURCE_FIELDS = {"key", "title", "publisher", "licence", "attribution", "vintage", "url"}


def test_ortsteile_layer(client):
    response = client.get("/api/ortsteile/")
    assert response["Cache-Control"] == "public, max-age=300"
    ortsteile = features(response)
    assert len(ortsteile) == 9
    for feature in ortsteile:
        assert_in_spandau(feature["geometry"])
        properties = feature["properties"]
        assert feature["id"] == properties["key"]
        assert {"key", "name", "area_km2", "residents", "migration_background_share", "foreigners_share",
                "source"} <= properties.keys()
        assert 0 < properties["migration_background_share"] < 100
    assert sum(feature["properties"]["residents"] for feature in ortsteile) == SPANDAU_RESIDENTS


def test_planning_area_layer(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/api/planning-areas/")
    assert response["Content-Type"] == "application/geo+json"
    assert response["Cache-Control"] == "public, max-age=300"
    areas = features(response)
    assert len(areas) == 45
    assert sum(area["properties"]["residents"] or 0 for area in areas) == SPANDAU_RESIDENTS
    for area in areas:
        assert_in_spandau(area["geometry"])
        assert PLANNING_AREA_PROPERTIES <= area["properties"].keys()
        assert area["id"] == area["properties"]["key"]
        assert re.fullmatch(r"05\d{6}", area["id"])
        assert area["properties"]["sources"]
    labels = {area["properties"]["mss_status_label"] for area in areas}
    assert labels - {None}


def test_planning_area_figures_match_the_database(client):
    areas = {area["id"]: area["properties"] for area in features(client.get("/api/planning-areas/"))}
    population = Population.objects.select_related("planning_area").get(planning_area__key=MAULBEERALLEE)
    properties = areas[MAULBEERALLEE]
    assert properties["residents"] == population.residents
    assert properties["foreigners"] == population.foreigners
    assert properties["migration_background_share"] == pytest.approx(population.migration_background_share, abs=0.01)


def test_invalid_social_monitoring_has_no_index(client):
    areas = features(client.get("/api/planning-areas/"))
    invalid = set(PlanningArea.objects.filter(social_monitoring__valid=False).values_list("key", flat=True))
    for area in areas:
        if area["id"] in invalid:
            assert area["properties"]["mss_status_index"] is None
            assert area["properties"]["mss_status_label"] is None


def test_planning_area_detail(client):
    response = client.get(f"/api/planning-areas/{MAULBEERALLEE}/")
    assert response.status_code == 200
    feature = response.json()
    assert feature["type"] == "Feature" and feature["id"] == MAULBEERALLEE
    assert_in_spandau(feature["geometry"])
    properties = feature["properties"]
    assert properties["name"] == "Maulbeerallee"
    assert PLANNING_AREA_PROPERTIES <= properties.keys()
    assert {"age_groups", "migration_background_age_groups", "female", "origin", "unemployment",
            "transfer_benefits", "child_poverty", "unemployment_change", "context_indicators",
            "cooperative_share", "reference_dates"} <= properties.keys()
    assert sum(properties["age_groups"].values()) == properties["residents"]
    assert properties["reference_dates"]["population"]
    sources = properties["sources"]
    assert len(sources) >= 2
    for source in sources:
        assert SOURCE_FIELDS <= source.keys() and source["licence"] and source["attribution"]


def test_unknown_planning_area_is_404(client):
    response = client.get("/api/planning-areas/05999999/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_facility_layer_is_slim_and_complete(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/api/facilities/")
    assert response["Cache-Control"] == "public, max-age=300"
    facilities = features(response)
    assert len(facilities) == Facility.objects.count() > 0
    valid_types = set(FacilityType.objects.values_list("key", flat=True))
    for facility in facilities:
        assert facility["geometry"]["type"] == "Point"
        assert_in_spandau(facility["geometry"])
        assert facility["properties"].keys() == {"id", "name", "type"}
        assert facility["properties"]["type"] in valid_types


def busiest_types(count):
    return list(FacilityType.objects.filter(facilities__isnull=False).distinct().order_by("key")
                .values_list("key", flat=True))[:count]


def test_facility_type_filter(client):
    kind = busiest_types(1)[0]
    facilities = features(client.get("/api/facilities/", {"type": kind}))
    assert {facility["properties"]["type"] for facility in facilities} == {kind}
    assert len(facilities) == Facility.objects.filter(facility_type__key=kind).count()


def test_facility_type_filter_takes_several_keys(client):
    kinds = busiest_types(2)
    facilities = features(client.get("/api/facilities/", {"type": ",".join(kinds)}))
    assert {facility["properties"]["type"] for facility in facilities} == set(kinds)
    assert len(facilities) == Facility.objects.filter(facility_type__key__in=kinds).count()


def test_facility_bbox_filter(client):
    bbox = (13.18, 52.52, 13.23, 52.55)  # around Spandau's old town
    facilities = features(client.get("/api/facilities/", {"bbox": ",".join(map(str, bbox))}))
    assert facilities
    for facility in facilities:
        lon, lat = facility["geometry"]["coordinates"]
        assert bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]
    polygon = Polygon.from_bbox(bbox)
    polygon.srid = 4326
    assert len(facilities) == Facility.objects.filter(geom__intersects=polygon).count()
    assert len(facilities) < Facility.objects.count()

    tiny = features(client.get("/api/facilities/", {"bbox": "13.2000,52.5350,13.2010,52.5355"}))
    assert len(tiny) < len(facilities)


def test_facility_filters_combine(client):
    kind = busiest_types(1)[0]
    ortsteil = Ortsteil.objects.get(key="0501")
    bbox = (13.10, 52.45, 13.30, 52.60)
    facilities = features(client.get("/api/facilities/", {
        "type": kind, "bbox": ",".join(map(str, bbox)), "ortsteil": ortsteil.key, "unknown": "ignored",
    }))
    polygon = Polygon.from_bbox(bbox)
    polygon.srid = 4326
    expected = Facility.objects.filter(facility_type__key=kind, ortsteil=ortsteil, geom__intersects=polygon)
    assert {facility["id"] for facility in facilities} == set(expected.values_list("id", flat=True))


@pytest.mark.parametrize("query, words", [
    ({"bbox": "13.1,52.4,13.3"}, ["bbox"]),
    ({"bbox": "13.1,52.4,13.3,52.6,1"}, ["bbox"]),
    ({"bbox": "a,b,c,d"}, ["bbox"]),
    ({"bbox": "13.1,52.4,13.3,nan"}, ["bbox"]),
    ({"bbox": "13.3,52.4,13.1,52.6"}, ["bbox"]),
    ({"bbox": "13.1,52.6,13.3,52.4"}, ["bbox"]),
    ({"bbox": "13.1,52.4,190,52.6"}, ["bbox"]),
    ({"bbox": "13.1,-91,13.3,52.6"}, ["bbox"]),
    ({"type": "no-such-type"}, ["no-such-type"]),
    ({"ortsteil": "9999"}, ["9999", "0501"]),
])
def test_malformed_parameters_are_400(client, query, words):
    assert_bad_request(client.get("/api/facilities/", query), *words)


def test_unknown_type_lists_valid_keys(client):
    response = client.get("/api/facilities/", {"type": "no-such-type"})
    assert_bad_request(response, *FacilityType.objects.values_list("key", flat=True))


def test_facility_detail(client):
    facility = Facility.objects.select_related("facility_type", "source", "planning_area").order_by("id").first()
    response = client.get(f"/api/facilities/{facility.pk}/")
    assert response.status_code == 200
    feature = response.json()
    assert feature["type"] == "Feature" and feature["id"] == facility.pk
    assert_in_spandau(feature["geometry"])
    properties = feature["properties"]
    assert properties["name"] == facility.name
    assert properties["type"] == facility.facility_type.key
    assert properties["type_name"] == facility.facility_type.name
    assert properties["planning_area"] == facility.planning_area.key
    assert {"street", "postcode", "website", "capacity", "operator", "ortsteil"} <= properties.keys()
    assert properties["source"]["key"] == facility.source.key
    assert properties["source"]["attribution"] and properties["source"]["licence"]


def test_unknown_facility_is_404(client):
    assert client.get("/api/facilities/987654321/").status_code == 404


def test_facility_types(client):
    response = client.get("/api/facility-types/")
    assert response.status_code == 200
    types = response.json()
    assert {entry["key"] for entry in types} == set(FacilityType.objects.values_list("key", flat=True))
    for entry in types:
        assert entry.keys() == {"key", "name", "colour", "count"}
        assert entry["count"] == Facility.objects.filter(facility_type__key=entry["key"]).count()
    assert sum(entry["count"] for entry in types) == Facility.objects.count()


def test_housing_estates(client):
    estates = features(client.get("/api/housing-estates/"))
    area_keys = set(PlanningArea.objects.values_list("key", flat=True))
    for estate in estates:
        assert_in_spandau(estate["geometry"])
        properties = estate["properties"]
        assert {"id", "name", "derivation", "planning_areas", "edited", "source"} <= properties.keys()
        assert set(properties["planning_areas"]) <= area_keys


def test_sources_list_licences_and_attributions(client):
    response = client.get("/api/sources/")
    assert response.status_code == 200
    sources = response.json()
    assert len(sources) == DataSource.objects.count() > 0
    for source in sources:
        assert source.keys() == SOURCE_FIELDS
        assert source["licence"] and source["attribution"]


def test_schema_documents_every_endpoint(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = schema["paths"]
    for path in ("/api/ortsteile/", "/api/planning-areas/", "/api/planning-areas/{key}/", "/api/facilities/",
                 "/api/facilities/{id}/", "/api/facility-types/", "/api/housing-estates/", "/api/sources/"):
        assert "get" in paths[path], path
    parameters = {parameter["name"] for parameter in paths["/api/facilities/"]["get"]["parameters"]}
    assert {"type", "bbox", "ortsteil"} <= parameters


def test_docs_page_has_no_inline_script(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert scripts and all("src=" in attributes for attributes in scripts)
    assert "<style" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    start_script = re.findall(r'<script src="([^"]*\?script=[^"]*)"', html)[0]
    script = client.get(start_script.replace("&amp;", "&"))
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert b"SwaggerUIBundle" in script.content
