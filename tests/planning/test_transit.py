"""Access to public transport per planning area and Ortsteil (planning/transit/) on the real data: the
figures, an independent recomputation, the API for the map, the profiles and the planner's table."""

import json
import math

import numpy as np
import pytest
from django.contrib.gis.geos import Point
from django.core.cache import cache

from geodata.models import DataSource, TransitStop
from planning.coverage.demand import demand_points, load_areas
from planning.coverage.parameters import Parameters
from planning.transit import access
from planning.transit.views import ranked

pytestmark = pytest.mark.django_db

GATOW, KLADOW, SPANDAU = "0505", "0506", "0501"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.delete(access.CACHE_KEY)
    yield
    cache.delete(access.CACHE_KEY)


def by_key(rows):
    return {row["key"]: row for row in rows}


def test_kladow_and_gatow_show_what_the_havel_means():
    figures = access.figures()
    ortsteile = by_key(figures["ortsteil"])
    assert len(ortsteile) == 9 and len(figures["planning_area"]) == 45
    # The same doubles on both backends (stored EPSG:25833 points, areas projected by GDAL in Python).
    assert figures["reference"] == 4182.0  # the median U-Bahn station (U7 in Spandau)
    assert ortsteile[GATOW]["transit_access"] == pytest.approx(12.046159, abs=1e-6)
    assert ortsteil_value(ortsteile, KLADOW) == pytest.approx(18.670057, abs=1e-6)
    assert ortsteil_value(ortsteile, SPANDAU) == pytest.approx(82.271336, abs=1e-6)
    assert figures["district"]["transit_access"] == pytest.approx(57.843261, abs=1e-6)
    # Cut off by the Havel, without rail: the two weakest Ortsteile, far below the district.
    order = sorted(ortsteile, key=lambda key: ortsteile[key]["transit_access"])
    assert order[:2] == [GATOW, KLADOW] and order[-1] == SPANDAU
    assert ranked(figures["ortsteil"])[GATOW] == 1 and ranked(figures["ortsteil"])[SPANDAU] == 9
    for key in (GATOW, KLADOW):
        assert ortsteile[key]["rail_distance_m"] > 5000 > 1000 > ortsteile[SPANDAU]["rail_distance_m"]
        assert ortsteile[key]["transit_reach"] < 60 < 90 < ortsteile[SPANDAU]["transit_reach"]
    # Weighting by service can only lower the plain share in reach.
    for row in figures["planning_area"] + figures["ortsteil"]:
        assert 0 <= row["transit_access"] <= row["transit_reach"] <= 100


def ortsteil_value(ortsteile, key):
    return ortsteile[key]["transit_access"]


def test_matches_an_independent_recomputation():
    """Brute force over every demand point and stop, in plain Python, for three planning areas."""
    areas = load_areas()
    demand = demand_points(areas, Parameters())
    stops = [(p.x, p.y, float(a["weight"]), bool({"sbahn", "ubahn", "regional"} & set(m)))
             for p, a, m in TransitStop.objects.values_list("geom_metric", "attributes", "modes")]
    reference = float(np.median([a["weight"] for a, m in TransitStop.objects.filter(main_point=True)
                                .values_list("attributes", "modes") if "ubahn" in m]))
    rows = by_key(access.compute(areas, demand).area_rows())
    for key in ("05400942", "05400943", "05100316"):
        index = areas.keys.index(key)
        qualities, reached = [], []
        for x, y in demand.xy[demand.area == index]:
            service = sum(w for sx, sy, w, rail in stops if math.hypot(sx - x, sy - y) <= (600 if rail else 300))
            qualities.append(min(1.0, service / reference))
            reached.append(service > 0 or any(math.hypot(sx - x, sy - y) <= (600 if rail else 300)
                                              for sx, sy, _w, rail in stops))
        assert rows[key]["transit_access"] == pytest.approx(100 * sum(qualities) / len(qualities), rel=1e-12)
        assert rows[key]["transit_reach"] == pytest.approx(100 * sum(reached) / len(reached), rel=1e-12)


def test_a_new_stop_with_much_service_raises_its_area_and_the_cache_follows():
    before = by_key(access.figures()["ortsteil"])[KLADOW]["transit_access"]
    source = DataSource.objects.get(key="vbb-stations-2026-09")
    TransitStop.objects.create(name="Gedachter Bahnhof Kladow", modes=["sbahn"], rapid_transit=True, main_point=True,
                               geom=Point(13.1490, 52.4540, srid=4326), source=source, source_key="test-kladow",
                               attributes={"weight": 50_000})
    after = by_key(access.figures()["ortsteil"])[KLADOW]["transit_access"]
    assert after > before + 1


def test_api_gives_the_choropleth(client):
    response = client.get("/api/transit-access/")
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["level"] == "planning_area" and len(body["features"]) == 45
    assert all(feature["geometry"]["type"] == "MultiPolygon" for feature in body["features"])
    indicator = body["indicator"]
    assert indicator["key"] == "transit_access" and indicator["unit"] == "%"
    assert [c["max"] for c in indicator["classes"]] == [20, 40, 60, 80, None]
    assert body["parameters"]["bus_radius_m"] == 300 and body["parameters"]["rail_radius_m"] == 600
    ortsteile = client.get("/api/transit-access/?level=ortsteil").json()
    assert len(ortsteile["features"]) == 9
    gatow = next(f for f in ortsteile["features"] if f["id"] == GATOW)
    assert gatow["properties"]["name"] == "Gatow" and gatow["properties"]["transit_access"] < 20
    bad = client.get("/api/transit-access/?level=bezirk")
    assert bad.status_code == 400 and "level" in bad.json()["detail"]


def test_profiles_show_the_figures_and_name_the_source(client):
    html = client.get(f"/ortsteile/{KLADOW}/").content.decode()
    section = html.split('aria-labelledby="h-transit"')[1].split("</section>")[0]
    assert "Anbindung an Bus und Bahn" in html and "Rang 2 von 9 Ortsteilen" in section
    assert "18,7 %" in section and "57,8 %" in section  # Kladow and the district
    assert "Keine S-, U- oder Regionalbahn in Gehweite" in section
    assert section.count("<tr data-key=") == 3  # Kladow's planning areas
    assert "Fahrplandaten: VBB" in html
    spandau = client.get(f"/ortsteile/{SPANDAU}/").content.decode()
    assert "Rang 9 von 9 Ortsteilen" in spandau and "Keine S-, U- oder Regionalbahn in Gehweite" not in spandau
    area = client.get("/planungsraeume/05400942/").content.decode()
    assert "Anbindung an Bus und Bahn" in area and "von 45 Planungsräumen" in area


def test_planner_page_carries_the_column_and_the_map_indicator(client):
    html = client.get("/planung/").content.decode()
    assert ">ÖPNV</abbr>" in html
    config = json.loads(html.split('id="planner-config" type="application/json">')[1].split("</script>")[0])
    assert config["api"]["transitAccess"] == "/api/transit-access/"
    (indicator,) = config["indicators"]
    assert indicator["key"] == "transit_access" and len(indicator["values"]) == 45
    rows = by_key(access.figures()["planning_area"])
    for key, facts in config["areas"].items():
        assert facts["transitAccess"] == indicator["values"][key] == rows[key]["transit_access"]
