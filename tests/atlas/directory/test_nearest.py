"""Nearest-first and radius queries of the directory API: right on both backends.

Expected distances are computed here independently (haversine on the WGS84 coordinates of the
response), so the same assertions hold on SpatiaLite and PostGIS: same entries, same order,
distances within 1 %. The API measures planar distances in EPSG:25833; at Spandau's latitude and
distance from the zone's central meridian that differs from the great-circle distance by < 0.1 %.
"""

import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from atlas.directory.models import Organisation
from geodata.models import PlanningArea
from tests.atlas.directory.factories import make_organisation
from tests.atlas.directory.support import ORIGIN, assert_distances_match, assert_nearest_first, near
from tests.factories import haversine, offset

pytestmark = pytest.mark.django_db

def test_synthetic_entries_in_distance_order(client):
    layout = {"100 m Ost": (100, 0), "250 m Nord": (0, 250), "700 m Südwest": (-495, -495),
              "1,2 km West": (-1200, 0), "3 km Nord": (0, 3000), "6 km Süd": (0, -6000)}
    for name, (east, north) in layout.items():
        make_organisation(name=name, location=offset(ORIGIN, east, north))
    body = near(client, "/api/organisations/")
    assert [f["properties"]["name"] for f in body["features"]] == list(layout)
    assert_distances_match(body["features"], ORIGIN)
    for feature, (east, north) in zip(body["features"], layout.values(), strict=True):
        assert abs(feature["properties"]["distance_m"] - math.hypot(east, north)) <= 0.01 * math.hypot(east, north)


def test_radius_keeps_entries_inside_only(client):
    for name, metres in (("Innen 390", 390), ("Innen 950", 950), ("Außen 1050", 1050), ("Außen 5000", 5000)):
        make_organisation(name=name, location=offset(ORIGIN, 0, metres))
    body = near(client, "/api/organisations/", extra="&radius=1000")
    assert [f["properties"]["name"] for f in body["features"]] == ["Innen 390", "Innen 950"]
    assert body["count"] == 2
    assert [f["properties"]["walking_minutes"] for f in body["features"]] == [5, 12]


def test_real_meeting_places_nearest_first(client):
    body = near(client, "/api/meeting-places/", extra="&page_size=5000")
    features = body["features"]
    assert len(features) == body["count"] == 62
    assert_distances_match(features, ORIGIN)
    assert_nearest_first(features, ORIGIN)


@pytest.mark.parametrize("radius", [300, 1000, 2500])
def test_real_meeting_places_within_radius_agree_with_haversine(client, radius):
    everything = near(client, "/api/meeting-places/", extra="&page_size=5000")["features"]
    inside = near(client, "/api/meeting-places/", extra=f"&radius={radius}&page_size=5000")["features"]
    found = {f["properties"]["slug"] for f in inside}
    for feature in everything:
        distance = haversine(ORIGIN, feature["geometry"]["coordinates"])
        if distance < radius * 0.99:
            assert feature["properties"]["slug"] in found
        elif distance > radius * 1.01:
            assert feature["properties"]["slug"] not in found
    assert [f["properties"]["slug"] for f in inside] == [f["properties"]["slug"] for f in everything][:len(inside)]
    assert_distances_match(inside, ORIGIN)


def test_pages_continue_the_distance_order(client):
    whole = [f["properties"]["slug"] for f in near(client, "/api/meeting-places/", extra="&page_size=30")["features"]]
    first = near(client, "/api/meeting-places/", extra="&page_size=10")
    second = near(client, "/api/meeting-places/", extra="&page_size=10&page=2")
    slugs = [f["properties"]["slug"] for f in first["features"] + second["features"]]
    assert slugs == whole[:20]
    assert first["count"] == 62 and "page=2" in first["next"]


def test_hidden_individual_is_measured_from_its_public_point(client):
    # Placed 50 m from the origin, but its public point is the planning area's point on surface.
    individual = make_organisation(name="Frau C.", kind=Organisation.Kind.INDIVIDUAL,
                                   location=offset(ORIGIN, 50, 0))
    make_organisation(name="Verein 200 m", location=offset(ORIGIN, 200, 0))
    area = PlanningArea.objects.get(pk=individual.planning_area_id)
    public = area.geom.point_on_surface
    public_distance = haversine(ORIGIN, (public.x, public.y))
    assert public_distance > 300  # otherwise the test would not tell the two points apart

    body = near(client, "/api/organisations/")
    by_name = {f["properties"]["name"]: f for f in body["features"]}
    reported = by_name["Frau C."]["properties"]["distance_m"]
    assert abs(reported - public_distance) <= 0.01 * public_distance
    assert [f["properties"]["name"] for f in body["features"]] == ["Verein 200 m", "Frau C."]
    assert_distances_match(body["features"], ORIGIN)

    # A radius that holds the exact point but not the public one does not find it.
    inside = near(client, "/api/organisations/", extra="&radius=100")
    assert [f["properties"]["name"] for f in inside["features"]] == []
    around_public = near(client, "/api/organisations/", origin=(public.x, public.y), extra="&radius=10")
    assert [f["properties"]["name"] for f in around_public["features"]] == ["Frau C."]
    assert around_public["features"][0]["properties"]["distance_m"] == 0


def test_entries_without_location_are_left_out_of_near_queries(client):
    make_organisation(name="Ohne Lage", location=None)
    make_organisation(name="Mit Lage")
    assert [f["properties"]["name"] for f in near(client, "/api/organisations/")["features"]] == ["Mit Lage"]
    listed = client.get("/api/organisations/").json()["features"]
    assert {f["properties"]["name"]: f["geometry"] for f in listed}["Ohne Lage"] is None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the KNN operator exists only on PostGIS")
def test_postgis_orders_by_the_knn_operator(client):
    make_organisation()
    with CaptureQueriesContext(connection) as queries:
        near(client, "/api/meeting-places/", extra="&page_size=20")
    # The statement is prepared on the server (atlas/directory/nearest.py): look up what EXECUTE ran.
    executed = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("EXECUTE atlas_nearest_")]
    assert len(executed) == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements WHERE name = %s",
                       [executed[0].split("(")[0].split()[1]])
        statement = cursor.fetchone()[0]
    assert "<->" in statement and "location_metric" in statement


def test_filter_entries_gives_pages_for_server_rendered_lists():
    from atlas.directory.queries import filter_entries

    individual = make_organisation(name="Frau D.", kind=Organisation.Kind.INDIVIDUAL, location=offset(ORIGIN, 30, 0))
    make_organisation(name="Verein 150 m", location=offset(ORIGIN, 150, 0))
    make_organisation(name="Entwurf", location=ORIGIN, status="draft")
    selection = filter_entries(Organisation.objects.all(), {"near": f"{ORIGIN[0]},{ORIGIN[1]}", "page_size": "10"})
    entries = selection.entries()
    assert [entry.name for entry in entries] == ["Verein 150 m", "Frau D."]
    assert selection.count() == 2
    assert abs(entries[0].distance_m - 150) <= 2 and entries[0].walking_minutes == 2
    public = PlanningArea.objects.get(pk=individual.planning_area_id).geom.point_on_surface
    assert entries[1].public_point.coords == pytest.approx(public.coords)
    assert not entries[1].shows_exact_location
    plain = filter_entries(Organisation.objects.all(), {"q": "verein"}).entries()
    assert [entry.name for entry in plain] == ["Verein 150 m"] and plain[0].distance_m is None
