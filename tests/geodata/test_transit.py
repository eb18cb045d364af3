"""Public-transport stops: the import of the VBB stations, the nearest stops (S-Bahn and U-Bahn first
when close) on SpatiaLite and PostGIS, and their API. The real data is imported once per test database
(tests/conftest.py); the importer's refusals of broken files are in test_import.py."""

import pytest
from django.conf import settings

from common.projection import to_metric
from geodata.importers.transit import MAX_DISTANCE_OUTSIDE_M, modes_from_name
from geodata.models import Bezirk, DataSource, TransitStop
from geodata.transit import RAPID_TRANSIT_FIRST_M, StopIndex, nearest_stops
from tests.factories import KLADOW, RATHAUS_SPANDAU, offset, point
from tests.geodata.support import assert_bad_request, features

pytestmark = pytest.mark.django_db

# A bus stop 524 m from U Haselhorst, the nearest S- or U-Bahn station.
GRUETZMACHERPARK = (13.231684, 52.544697)


# --- import --------------------------------------------------------------------------------------

def test_every_station_of_the_file_is_imported_with_its_source():
    stops = TransitStop.objects.select_related("source")
    assert stops.count() == 870
    assert len(set(stops.values_list("name", flat=True))) == 377
    source = DataSource.objects.get(key="vbb-stations-2026-09")
    assert source.licence == "CC BY 4.0"
    assert source.attribution.startswith("Fahrplandaten: VBB Verkehrsverbund Berlin-Brandenburg GmbH, CC BY 4.0")
    assert set(stops.values_list("source_id", flat=True)) == {source.pk}
    spandau = to_metric(Bezirk.objects.get().geom)
    inside = spandau.prepared
    outside = 0
    for stop in stops:
        assert stop.geom_metric.srid == settings.METRIC_SRID
        assert stop.geom_metric.distance(to_metric(stop.geom)) < 0.01
        if not inside.covers(stop.geom_metric):
            outside += 1
            assert spandau.distance(stop.geom_metric) <= MAX_DISTANCE_OUTSIDE_M, stop
        assert stop.attributes["id"] == stop.source_key
    assert outside == 271  # as PROVENANCE.md counts them: 599 inside, 271 within 1.5 km outside


def test_modes_come_from_the_names():
    def modes(name):
        return {(tuple(modes), rapid) for modes, rapid in
                TransitStop.objects.filter(name=name).values_list("modes", "rapid_transit")}

    assert modes("S+U Rathaus Spandau (Berlin)") == {(("sbahn", "ubahn"), True)}
    assert modes("S Spandau Bhf (Berlin)") == {(("sbahn", "regional"), True)}
    assert modes("U Haselhorst (Berlin)") == {(("ubahn",), True)}
    assert modes("Berlin, Staaken Bhf") == {(("regional",), False)}
    assert modes("Alt-Kladow (Berlin)") == {(("bus",), False)}
    assert TransitStop.objects.filter(rapid_transit=True).count() == 18 + 54 + 14 + 10 + 1


@pytest.mark.parametrize(("name", "modes"), [
    ("S+U Jungfernheide Bhf (Berlin)", ["sbahn", "ubahn", "regional"]),
    ("S Pichelsberg (Berlin)", ["sbahn"]),
    ("U Paulsternstr. (Berlin)", ["ubahn"]),
    ("Seegefeld, Bahnhof", ["regional"]),
    ("Seegefeld, Bahnhof Nord", ["bus"]),
    ("Bahnhofstr. (Berlin)", ["bus"]),
    ("Schönwalde (Glien), Siedlung", ["bus"]),
    ("Sperlingsgasse (Berlin)", ["bus"]),  # an S at the start of a word is no S-Bahn
])
def test_modes_from_name(name, modes):
    assert modes_from_name(name) == modes


# --- nearest stops ---------------------------------------------------------------------------------

def expected_nearest(lon_lat, limit=3):
    """The rule of geodata.transit, computed in Python over every stop with GEOS."""
    origin = to_metric(point(*lon_lat))
    nearest_of_name = {}
    for stop in TransitStop.objects.all():
        distance = stop.geom_metric.distance(origin)
        if stop.name not in nearest_of_name or distance < nearest_of_name[stop.name][0]:
            nearest_of_name[stop.name] = (distance, stop)
    ordered = sorted(nearest_of_name.values(), key=lambda pair: pair[0])
    first = [pair for pair in ordered if pair[1].rapid_transit and pair[0] <= RAPID_TRANSIT_FIRST_M]
    first = first[:min(2, max(1, limit - 1))]
    return [(stop.name, distance) for distance, stop in (first + [p for p in ordered if p not in first])[:limit]]


@pytest.mark.parametrize("lon_lat", [
    RATHAUS_SPANDAU, KLADOW, GRUETZMACHERPARK, (13.1566, 52.5215), (13.2620, 52.5370), (13.2000, 52.5800),
    (13.1300, 52.5500), (13.1700, 52.4200), (13.2900, 52.5200),
])
@pytest.mark.parametrize("limit", [1, 3, 5])
def test_nearest_stops_follow_the_rule_on_this_backend(lon_lat, limit):
    found = nearest_stops(point(*lon_lat), limit)
    expected = expected_nearest(lon_lat, limit)
    assert [stop.name for stop in found] == [name for name, _distance in expected]
    for stop, (_name, distance) in zip(found, expected, strict=True):
        assert stop.exact_distance_m == pytest.approx(distance, abs=0.01)
        assert stop.distance_m % 10 == 0 and stop.distance_m >= 10
        assert abs(stop.distance_m - distance) <= 5 or stop.distance_m == 10


def test_the_index_for_many_points_gives_what_the_database_gives(django_assert_num_queries):
    """StopIndex (one query for a page of results) against nearest_stops (KNN / Distance per point) on a
    grid over Spandau and beyond, with every limit a list or a page asks for."""
    with django_assert_num_queries(1):
        index = StopIndex.load()
    grid = [(13.10 + 0.0125 * i, 52.40 + 0.009 * j) for i in range(16) for j in range(21)]
    for lon_lat in grid[::3] + [RATHAUS_SPANDAU, KLADOW, GRUETZMACHERPARK]:
        for limit in (1, 2, 3):
            expected = nearest_stops(point(*lon_lat), limit)
            found = index.nearest(point(*lon_lat), limit)
            assert [(stop.id, stop.name, stop.distance_m) for stop in found] == [
                (stop.id, stop.name, stop.distance_m) for stop in expected], lon_lat
            assert [stop.exact_distance_m for stop in found] == pytest.approx(
                [stop.exact_distance_m for stop in expected], abs=0.01)
    assert index.nearest(None) == [] and index.nearest(point(*KLADOW), 0) == []


def test_an_s_or_u_bahn_station_within_800_m_comes_before_a_nearer_bus_stop():
    found = nearest_stops(point(*GRUETZMACHERPARK))
    assert found[0].name == "U Haselhorst (Berlin)" and found[0].rapid_transit
    assert found[0].modes == ["ubahn"] and found[0].mode_labels == ["U-Bahn"]
    bus = next(stop for stop in found if stop.name == "Grützmacherpark (Berlin)")
    assert bus.distance_m == 10 and bus.distance_m < found[0].distance_m == 520
    assert len({stop.name for stop in found}) == len(found) == 3


def test_far_from_rail_the_nearest_stops_are_bus_stops_nearest_first():
    found = nearest_stops(point(*KLADOW))
    assert [stop.modes for stop in found] == [["bus"]] * 3
    assert [stop.exact_distance_m for stop in found] == sorted(stop.exact_distance_m for stop in found)


def stops_around(centre, placed):
    """Replaces the imported stops by `placed`: [(name, modes, metres east of centre)]."""
    source = DataSource.objects.get(key="vbb-stations-2026-09")
    TransitStop.objects.all().delete()
    for number, (name, modes, east) in enumerate(placed):
        TransitStop.objects.create(name=name, modes=modes, rapid_transit=bool({"sbahn", "ubahn"} & set(modes)),
                                   main_point=True, geom=point(*offset(centre, east, 0)), source=source,
                                   source_key=f"test-{number}")


def test_rule_with_placed_stops():
    stops_around(RATHAUS_SPANDAU, [
        ("Bus nah", ["bus"], 100), ("Bus nah", ["bus"], 120), ("Bus mittel", ["bus"], 300),
        ("U weit", ["ubahn"], 700), ("S sehr weit", ["sbahn"], 900), ("S+U mittel", ["sbahn", "ubahn"], -500),
        ("Bus weit", ["bus"], 1500),
    ])
    here = point(*RATHAUS_SPANDAU)
    # Two S/U stations within 800 m first, then the nearest other stop; a name counts once.
    assert [stop.name for stop in nearest_stops(here, 3)] == ["S+U mittel", "U weit", "Bus nah"]
    assert [stop.name for stop in nearest_stops(here, 5)] == ["S+U mittel", "U weit", "Bus nah", "Bus mittel",
                                                             "S sehr weit"]
    # A list of two keeps a place for the nearest stop; a list of one names the S/U station.
    assert [stop.name for stop in nearest_stops(here, 2)] == ["S+U mittel", "Bus nah"]
    assert [stop.name for stop in nearest_stops(here, 1)] == ["S+U mittel"]
    assert [round(stop.distance_m, -2) for stop in nearest_stops(here, 3)] == [500, 700, 100]
    # Beyond 800 m an S-Bahn station is just another stop.
    assert [stop.name for stop in nearest_stops(point(*offset(RATHAUS_SPANDAU, 2000, 0)), 2)] == [
        "Bus weit", "S sehr weit"]
    # The index for many points follows the same rule.
    index = StopIndex.load()
    for where in (here, point(*offset(RATHAUS_SPANDAU, 2000, 0)), point(*offset(RATHAUS_SPANDAU, 300, 0))):
        for limit in (1, 2, 3, 5):
            assert [stop.name for stop in index.nearest(where, limit)] == [
                stop.name for stop in nearest_stops(where, limit)]


def test_no_stops_and_no_point_give_empty_lists():
    assert nearest_stops(None) == []
    TransitStop.objects.all().delete()
    assert nearest_stops(point(*RATHAUS_SPANDAU)) == []
    assert StopIndex.load().nearest(point(*RATHAUS_SPANDAU)) == []


# --- API -------------------------------------------------------------------------------------------

def test_the_map_draws_one_point_per_name_the_busiest():
    main = TransitStop.objects.filter(main_point=True)
    assert main.count() == len(set(main.values_list("name", flat=True))) == 377
    rathaus = TransitStop.objects.filter(name="S+U Rathaus Spandau (Berlin)")
    busiest = max(rathaus, key=lambda stop: stop.attributes["weight"])
    assert [stop.pk for stop in rathaus if stop.main_point] == [busiest.pk]


def test_layer_lists_every_stop_once(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/api/transit-stops/")
    assert response["Cache-Control"] == "public, max-age=300"
    stops = features(response)
    assert len(stops) == len({stop["properties"]["name"] for stop in stops}) == 377
    rathaus = next(stop for stop in stops if stop["properties"]["name"] == "S+U Rathaus Spandau (Berlin)")
    assert rathaus["properties"] == {"id": rathaus["id"], "name": "S+U Rathaus Spandau (Berlin)",
                                     "modes": ["sbahn", "ubahn"], "rapid_transit": True}
    assert rathaus["geometry"]["type"] == "Point"


def test_layer_within_a_bbox(client):
    west, south = offset(RATHAUS_SPANDAU, -300, -300)
    east, north = offset(RATHAUS_SPANDAU, 300, 300)
    stops = features(client.get(f"/api/transit-stops/?bbox={west},{south},{east},{north}"))
    assert 0 < len(stops) < 100
    for stop in stops:
        lon, lat = stop["geometry"]["coordinates"]
        assert west <= lon <= east and south <= lat <= north


def test_near_gives_the_nearest_stops_with_distances(client):
    lon, lat = GRUETZMACHERPARK
    stops = features(client.get(f"/api/transit-stops/?near={lon},{lat}"))
    assert [stop["properties"]["name"] for stop in stops] == [stop.name for stop in nearest_stops(point(lon, lat))]
    first = stops[0]
    assert first["properties"] == {"id": first["id"], "name": "U Haselhorst (Berlin)", "modes": ["ubahn"],
                                   "rapid_transit": True, "distance_m": 520}
    assert len(features(client.get(f"/api/transit-stops/?near={lon},{lat}&limit=7"))) == 7


@pytest.mark.parametrize(("query", "words"), [
    ("limit=3", ["limit", "near"]),
    ("near=13.2,52.5&limit=0", ["limit"]),
    ("near=13.2,52.5&limit=11", ["limit"]),
    ("near=13.2", ["near"]),
    ("near=13.2,52.5&bbox=13.1,52.4,13.3,52.6", ["bbox", "near"]),
    ("bbox=13.3,52.4,13.1,52.6", ["bbox"]),
])
def test_bad_parameters_are_400(client, query, words):
    assert_bad_request(client.get(f"/api/transit-stops/?{query}"), *words)


def test_schema_documents_the_stops(client):
    schema = client.get("/api/schema/?format=json").json()
    operation = schema["paths"]["/api/transit-stops/"]["get"]
    assert operation["operationId"] == "transit_stops_list"
    assert {parameter["name"] for parameter in operation["parameters"]} == {"bbox", "near", "limit"}
    properties = (operation["responses"]["200"]["content"]["application/geo+json"]["schema"]["properties"]
                  ["features"]["items"]["properties"]["properties"]["properties"])
    assert properties["modes"]["items"]["enum"] == ["sbahn", "ubahn", "regional", "tram", "bus"]
    assert "distance_m" in properties
    detail = schema["paths"]["/api/meeting-places/{slug}/"]["get"]["responses"]["200"]["content"]
    detail_properties = next(iter(detail.values()))["schema"]["properties"]["properties"]["properties"]
    assert detail_properties["nearest_stops"]["items"]["required"] == ["id", "name", "modes", "rapid_transit",
                                                                       "distance_m"]


def test_sources_page_names_the_vbb_with_licence_and_attribution(client):
    page = client.get("/quellen/").content.decode()
    assert "Haltestellen und Bahnhöfe (VBB)" in page
    assert "CC BY 4.0" in page
    assert "Fahrplandaten: VBB Verkehrsverbund Berlin-Brandenburg GmbH" in page
