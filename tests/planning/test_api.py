"""GET /api/coverage/, /api/coverage.csv and POST /api/coverage/what-if/ on the real data."""

import csv
import io
import time

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils.crypto import get_random_string

from geodata.models import PlanningArea
from planning.coverage import service
from planning.models import CoverageRun
from tests.geodata.support import assert_bad_request, assert_in_spandau, features
from tests.planning.support import post_what_if

pytestmark = pytest.mark.django_db

PROPERTIES = {"key", "name", "ortsteil", "population", "need", "access", "relative_access", "gap_score", "rank",
              "class", "demand_points"}
RATHAUS = [13.2005, 52.5357]


@pytest.fixture(autouse=True)
def no_throttle_history():
    cache.clear()


def test_default_coverage_is_served_from_the_stored_run(client, django_assert_max_num_queries):
    CoverageRun.objects.all().delete()
    response = client.get("/api/coverage/")
    areas = features(response)
    collection = response.json()
    assert len(areas) == 45
    assert collection["stored"] is True and collection["level"] == "planning_area"
    assert collection["parameters"]["catchment"] == 1000 and collection["parameters"]["zones_m"] == [500, 750, 1000]
    assert collection["computed_at"] and collection["supply_count"] == 62
    assert "Content-Disposition" not in response
    for area in areas:
        assert PROPERTIES <= area["properties"].keys()
        assert area["id"] == area["properties"]["key"]
        assert_in_spandau(area["geometry"])
    assert sorted(a["properties"]["rank"] for a in areas) == list(range(1, 46))
    run = CoverageRun.objects.get(is_default=True)
    assert collection["computed_at"] == run.computed_at.isoformat()
    with django_assert_max_num_queries(6):  # stored run: no recomputation
        again = client.get("/api/coverage/").json()
    assert again["computed_at"] == collection["computed_at"]


def test_other_parameters_are_computed_on_the_fly(client):
    response = client.get("/api/coverage/?catchment=750&need=residents&mss_weight=0.5&supply_types=library")
    collection = response.json()
    assert len(features(response)) == 45
    assert collection["stored"] is False
    assert collection["parameters"]["catchment"] == 750 and collection["parameters"]["need"] == "residents"
    assert collection["parameters"]["supply_types"] == ["library"]
    assert sum(f["properties"]["need"] for f in collection["features"]) > 259_277  # MSS uplift
    assert not CoverageRun.objects.filter(parameters__catchment=750).exists()


@pytest.mark.parametrize("level, count", [("ortsteil", 9), ("housing_estate", None)])
def test_levels(client, level, count):
    for query in (f"?level={level}", f"?level={level}&catchment=1500"):
        response = client.get("/api/coverage/" + query)
        items = features(response)
        assert response.json()["level"] == level
        assert len(items) == (count or len(items)) and items
        for item in items:
            assert item["geometry"] is not None
            assert {"key", "name", "access", "gap_score", "rank", "class"} <= item["properties"].keys()


@pytest.mark.parametrize("query, words", [
    ("catchment=3000", ["catchment", "500", "2000"]),
    ("catchment=abc", ["catchment"]),
    ("catchment=nan", ["catchment"]),
    ("need=everyone", ["need"]),
    ("mss_weight=2", ["mss_weight"]),
    ("supply_types=library,nonsense", ["nonsense", "library"]),
    ("demand=random", ["demand"]),
    ("grid=5", ["grid"]),
    ("level=bezirk", ["level"]),
])
def test_bad_parameters_give_400(client, query, words):
    assert_bad_request(client.get("/api/coverage/?" + query), *words)
    assert_bad_request(client.get("/api/coverage.csv?" + query), *words)


def test_csv_download(client):
    response = client.get("/api/coverage.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"] == 'attachment; filename="coverage-spandau-planning-area.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 45 and [int(r["rank"]) for r in rows] == list(range(1, 46))
    assert {"key", "name", "ortsteil", "population", "need", "access", "gap_score", "rank", "class"} <= rows[0].keys()
    same = client.get("/api/coverage/?format=csv")
    assert same.status_code == 200 and same.content == response.content
    ortsteile = client.get("/api/coverage.csv?level=ortsteil&catchment=750")
    assert len(ortsteile.content.decode().strip().splitlines()) == 10


def test_geojson_download(client):
    response = client.get("/api/coverage/?format=geojson")
    assert response["Content-Disposition"] == 'attachment; filename="coverage-spandau-planning-area.geojson"'
    assert len(features(response)) == 45


def seconds(call):
    started = time.perf_counter()
    result = call()
    return time.perf_counter() - started, result


def test_what_if_improves_the_worst_area_quickly(client):
    worst = next(f["properties"] for f in client.get("/api/coverage/").json()["features"]
                 if f["properties"]["rank"] == 1)
    site = PlanningArea.objects.get(key=worst["key"]).geom.point_on_surface
    # Quick relative to this machine at this moment (other test workers share it): a what-if loads the
    # inputs once and reuses the baseline's pairs, so it costs about one full computation of the
    # default coverage (docs/performance.md: 38 ms against 40 ms). Best of three each, interleaved,
    # and three computations' time allowed for the HTTP round trip and the noise of a busy machine.
    what_ifs, computations = [], []
    for _ in range(3):
        computations.append(seconds(service.compute)[0])
        elapsed, response = seconds(lambda: post_what_if(client, {"points": [[site.x, site.y]], "weight": 2}))
        what_ifs.append(elapsed)
        assert response.status_code == 200, response.content
    answer = response.json()
    assert min(what_ifs) < 3 * min(computations), (what_ifs, computations)
    assert answer["points"] == [{"lon": site.x, "lat": site.y, "planning_area": worst["key"]}]
    assert answer["weight"] == 2 and answer["parameters"]["catchment"] == 1000
    row = next(a for a in answer["areas"] if a["key"] == worst["key"])
    assert row["access_after"] > row["access_before"]
    assert row["gap_score_after"] < row["gap_score_before"]
    assert row["access_before"] == pytest.approx(worst["access"], rel=1e-12)
    assert len(answer["areas"]) == 45
    assert not CoverageRun.objects.filter(is_default=False).exists()  # nothing stored


def test_what_if_with_parameters(client):
    response = post_what_if(client, {"points": [RATHAUS, [13.18, 52.55]], "catchment": 1500, "need": "residents",
                                     "supply_types": "library"})
    assert response.status_code == 200, response.content
    assert response.json()["parameters"]["catchment"] == 1500


@pytest.mark.parametrize("body, words", [
    ({"points": [RATHAUS] * 51}, ["50"]),
    ({"points": [[13.5, 52.5]]}, ["außerhalb"]),
    ({"points": []}, ["points"]),
    ({}, ["points"]),
    ({"points": [["13.2", 52.5]]}, []),
    ({"points": [[13.2, 52.5, 3]]}, []),
    ({"points": [RATHAUS], "weight": 0}, ["weight"]),
    ({"points": [RATHAUS], "catchment": 100}, ["catchment"]),
    ({"points": [RATHAUS], "colour": "red"}, ["colour"]),
    ([RATHAUS], []),
])
def test_what_if_bad_requests(client, body, words):
    assert_bad_request(post_what_if(client, body), *words)


def test_what_if_malformed_json(client):
    response = client.post("/api/coverage/what-if/", "{not json", content_type="application/json")
    assert response.status_code == 400


def test_what_if_keeps_csrf_protection():
    browser = Client(enforce_csrf_checks=True)
    refused = post_what_if(browser, {"points": [RATHAUS]})
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    token = get_random_string(32)
    browser.cookies["csrftoken"] = token
    accepted = post_what_if(browser, {"points": [RATHAUS]}, headers={"X-CSRFToken": token})
    assert accepted.status_code == 200, accepted.content
    assert browser.get("/api/coverage/").status_code == 200  # GET needs no token


def test_what_if_rejects_get(client):
    assert client.get("/api/coverage/what-if/").status_code == 405


def test_openapi_documents_coverage(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    text = response.content.decode()
    for fragment in ("/api/coverage/", "/api/coverage/what-if/", "coverage_what_if", "mss_weight", "X-CSRFToken"):
        assert fragment in text, fragment
