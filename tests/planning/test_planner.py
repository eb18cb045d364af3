"""The planner page shell, its configuration and the "figures behind a rank" endpoint."""

import json
import re

import numpy as np
import pytest
from django.contrib.admin.sites import site

from atlas.directory.models import MeetingPlace, Organisation
from atlas.directory.queries import public_points
from geodata.models import FacilityType, PlanningArea
from planning.coverage import service
from planning.coverage.parameters import Parameters
from planning.models import CoverageRun
from tests.atlas.directory.factories import make_organisation
from tests.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db


def planner_config(html):
    match = re.search(r'<script id="planner-config" type="application/json">(.*?)</script>', html, re.S)
    assert match
    return json.loads(match.group(1))


def test_planner_page_is_a_csp_safe_shell_with_a_csrf_cookie(client):
    response = client.get("/planung/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert "csrftoken" in response.cookies
    assert not INLINE_SCRIPT.search(html) and " style=" not in html
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    assert "Wo Vernetzung gebraucht wird" in html
    config = planner_config(html)
    assert len(config["areas"]) == PlanningArea.objects.count() == 45
    assert [cls["value"] for cls in config["classes"]] == [1, 2, 3, 4, 5]
    assert config["api"]["whatIf"] == "/api/coverage/what-if/" and config["api"]["geocode"] == "/api/geocode/"
    assert config["defaults"]["catchment"] == 1000
    maulbeerallee = config["areas"]["05200527"]
    assert maulbeerallee["mssStatus"] == 4 and maulbeerallee["point"]
    # Controls: catchment 500–2000 m, need, MSS weight, one checkbox per facility type, the what-if forms.
    for metres in (500, 1000, 2000):
        assert f'<option value="{metres}"' in html
    assert 'name="need" value="residents"' in html and 'id="param-mss"' in html
    assert html.count('name="supply_types"') == FacilityType.objects.count()
    assert 'id="whatif-address-form"' in html and html.count('<option value="0520') >= 10


def test_every_planning_areas_point_is_inside_it(client):
    config = planner_config(client.get("/planung/").content.decode())
    points = [area["point"] for area in config["areas"].values()]
    answer = service.what_if(points)  # raises if any point lies outside Spandau
    named = {point["planning_area"] for point in answer["points"]}
    assert named == set(config["areas"])


def test_figures_behind_a_rank(client):
    small = client.get("/planung/zahlen/05200527/?catchment=500").json()
    large = client.get("/planung/zahlen/05200527/?catchment=2000").json()
    default = client.get("/planung/zahlen/05200527/").json()
    assert default["catchment"] == 1000 and default["zones_m"] == [500, 750, 1000]
    assert small["supply_in_reach"] <= default["supply_in_reach"] <= large["supply_in_reach"]
    assert sum(default["by_kind"].values()) == default["supply_in_reach"] == sum(default["by_zone"])
    assert default["demand_points"] > 0
    # Independent check: supply points within 1000 m of any demand point of the area.
    inputs = service.load_inputs(Parameters())
    index = inputs.areas.keys.index("05200527")
    demand = inputs.demand.xy[inputs.demand.area == index]
    distance = np.sqrt(((demand[:, None] - inputs.supply.xy[None]) ** 2).sum(axis=2)).min(axis=0)
    assert default["supply_in_reach"] == int((distance <= 1000).sum())
    with_libraries = client.get("/planung/zahlen/05200527/?catchment=2000&supply_types=library").json()
    assert with_libraries["supply_in_reach"] >= large["supply_in_reach"]
    # The entries counted: one per supply point in reach, nearest first, each with its distance
    # (to the nearest demand point, rounded to 10 m) and the weight of its zone.
    entries = default["entries"]
    assert len(entries) == default["supply_in_reach"]
    reached = np.flatnonzero(distance <= 1000)
    assert sorted(entries[n]["id"] for n in range(len(entries))) == sorted(inputs.supply.ids[j] for j in reached)
    assert [entry["distance_m"] for entry in entries] == sorted(entry["distance_m"] for entry in entries)
    by_id = {inputs.supply.ids[j]: distance[j] for j in reached}
    for entry in entries:
        assert abs(entry["distance_m"] - by_id[entry["id"]]) <= 5 and entry["distance_m"] % 10 == 0
        assert entry["weight"] == (1.0 if by_id[entry["id"]] <= 500 else 0.68 if by_id[entry["id"]] <= 750 else 0.22)
        place = MeetingPlace.objects.get(pk=entry["id"])
        assert entry["name"] == place.name and entry["url"] == place.get_absolute_url() and entry["exact"]
        assert entry["point"] == pytest.approx([place.location.x, place.location.y], abs=2e-5)
    assert sum(entry["weight"] == 1.0 for entry in entries) == default["by_zone"][0]
    counselling = client.get("/planung/zahlen/05200527/?catchment=2000&supply_types=counselling").json()
    facilities = [entry for entry in counselling["entries"] if entry["kind"] == "facility"]
    assert facilities and all(entry["url"] is None and entry["name"] for entry in facilities)
    assert len(facilities) == counselling["by_kind"]["facility"]


def test_figures_name_individuals_only_at_their_planning_areas_point(client):
    area = PlanningArea.objects.get(key="05200527")
    hidden = make_organisation(name="Frau Beispiel", kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False,
                               location=(13.1697, 52.5221), planning_area=area)
    shown = make_organisation(name="Verein mit Adresse", location=(13.1697, 52.5221))
    answer = client.get("/planung/zahlen/05200527/").json()
    entries = {entry["name"]: entry for entry in answer["entries"]}
    assert entries["Verein mit Adresse"]["exact"] and entries["Verein mit Adresse"]["url"] == shown.get_absolute_url()
    individual = entries["Frau Beispiel"]
    assert individual["exact"] is False and individual["url"] == hidden.get_absolute_url()
    public = public_points([area.pk])[area.pk]
    assert individual["point"] == pytest.approx([public.lon, public.lat], abs=2e-5)
    assert individual["point"] != pytest.approx([13.1697, 52.5221], abs=1e-4)


@pytest.mark.parametrize("url, status", [("/planung/zahlen/00000000/", 404),
                                         ("/planung/zahlen/05200527/?catchment=5000", 400),
                                         ("/planung/zahlen/05200527/?supply_types=nonsense", 400)])
def test_figures_reject_bad_input(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if status == 400:
        assert response.json()["detail"]


def test_map_config_links_profiles_and_planner(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert 'id="open-planner" href="/planung/"' in html
    assert '"planningArea": "/planungsraeume/__key__/"' in html
    assert '"openProfile": "Profil \\u00f6ffnen"' in html or '"openProfile": "Profil öffnen"' in html


def test_coverage_runs_are_read_only_in_the_admin(rf, admin_user):
    admin = site._registry[CoverageRun]
    request = rf.get("/admin/")
    request.user = admin_user
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)
    assert admin.has_view_permission(request)
