"""The OpenAPI schema at /api/schema/ tells the truth.

schemathesis calls every operation with generated requests, valid and invalid, and runs all its checks on
the answers, on the real data (SpatiaLite and PostGIS). The tests after it pin each mismatch found once,
where the fuzzing would not reliably hit it again."""

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings

from atlas.directory.models import PublicationStatus
from planning.coverage.parameters import CATCHMENT_RANGE
from tests.atlas.directory.factories import make_meeting_place
from tests.factories import make_user

# Examples per operation, fewer where each request runs a coverage computation (a second or more on two
# cores with an odd grid): the whole file stays well under a minute and a half per backend.
MAX_EXAMPLES = 25
COMPUTING = ("coverage_list", "coverage_csv", "coverage_what_if")
COMPUTING_MAX_EXAMPLES = 8
# The what-if endpoint enforces CSRF for every caller: a secret as cookie and header, as the planner page sends it.
CSRF_SECRET = "schemathesisschemathesisschemat0"
# GZipMiddleware would compress the answers; the in-process client does not decode them.
HEADERS = {"Accept-Encoding": "identity"}
# Which values are valid here depends on the data, not on a form the schema can state: vocabulary and
# Ortsteil keys are edited in the admin, a bbox needs min < max, radius and limit need near, from must lie before
# to, what-if points must lie inside Spandau. A schema-valid request may therefore get a documented 400;
# every other check, and "valid data accepted" for every other answer, still applies.
DATA_DEPENDENT = ("organisations_list", "meeting_places_list", "organisations_map_layer", "meeting_places_map_layer",
                  "facilities_list", "transit_stops_list", "events_list", "coverage_list", "coverage_csv",
                  "coverage_what_if")
CONFIG = schemathesis.config.SchemathesisConfig.from_dict({
    "generation": {"max-examples": MAX_EXAMPLES},
    "operations": [
        {"include-operation-id": list(DATA_DEPENDENT),
         "checks": {"positive_data_acceptance": {
             "expected-statuses": ["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]}}},
        {"include-operation-id": list(COMPUTING), "generation": {"max-examples": COMPUTING_MAX_EXAMPLES}},
    ],
})

schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler(), config=CONFIG)


@pytest.fixture
def api(db):
    """The schema's operations, called in-process inside the test's transaction: as Django's test client
    does, requests must not close the database connection when they end."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schema
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
# The same examples on every run (no flaky CI), and no example database written into the work tree.
@settings(deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.filter_too_much])
def test_every_operation_conforms_to_the_schema(api, case):
    # Throttles count in the cache: emptied before each call, the fuzzing never hits their rates.
    cache.clear()
    if case.method == "POST":
        case.cookies = {**(case.cookies or {}), "csrftoken": CSRF_SECRET}
        case.headers = {**(case.headers or {}), "X-CSRFToken": CSRF_SECRET}
    case.call_and_validate(headers=HEADERS)


def call(api, path, method="GET", **parts):
    """One request of our choosing, with all of schemathesis's checks on the answer."""
    return api[path][method].Case(**parts).call_and_validate(headers=HEADERS)


# --- mismatches found by the fuzzing, pinned -----------------------------------------------------------

def test_meeting_place_without_location_matches_the_schema(api):
    place = make_meeting_place(name="Ohne Ort")
    type(place).objects.filter(pk=place.pk).update(location=None)
    listed = call(api, "/api/meeting-places/", query={"q": "Ohne Ort"})
    assert listed.json()["features"][0]["geometry"] is None
    detail = call(api, "/api/meeting-places/{slug}/", path_parameters={"slug": place.slug})
    assert detail.json()["geometry"] is None


@pytest.mark.parametrize("path", ["/api/organisations/", "/api/ortsteile/", "/api/geocode/?q=Rathaus",
                                  "/api/schema/", "/api/coverage/what-if/"])
def test_methods_a_view_lacks_are_405_with_allow(db, path):
    client = Client(enforce_csrf_checks=True)
    for method in ("patch", "put", "delete"):
        response = getattr(client, method)(path)
        assert response.status_code == 405, (method, response.content)
        assert "GET" in response["Allow"] or "POST" in response["Allow"]


def test_405_comes_before_csrf_and_login_checks(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("openapi-reader"))
    assert client.post("/api/geocode/?q=Rathaus").status_code == 405
    response = client.put("/api/coverage/what-if/", {}, content_type="application/json")
    assert response.status_code == 405 and response["Allow"] == "POST, OPTIONS"


def test_a_post_without_csrf_token_is_the_documented_403(api):
    response = api["/api/coverage/what-if/"]["POST"].Case(body={"points": [[13.2005, 52.5461]]}).call()
    assert response.status_code == 403
    assert "403" in api["/api/coverage/what-if/"]["POST"].definition.raw["responses"]


def test_format_is_no_special_parameter_except_where_documented(api, client):
    response = client.get("/api/ortsteile/?format=AAA")
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    assert "format" not in {p["name"] for p in api["/api/ortsteile/"]["GET"].definition.raw.get("parameters", [])}
    assert call(api, "/api/coverage/", query={"format": "AAA"}).status_code == 400
    assert client.get("/api/schema/?format=AAA").status_code == 400


def test_radius_without_near_is_a_documented_400(api):
    response = call(api, "/api/organisations/", query={"radius": "500"})
    assert response.status_code == 400
    radius = next(p for p in api["/api/organisations/"]["GET"].definition.raw["parameters"] if p["name"] == "radius")
    assert "near" in radius["description"] and (radius["schema"]["minimum"], radius["schema"]["maximum"]) == (1, 20000)


def test_coverage_limits_are_in_the_schema(api):
    parameters = {p["name"]: p["schema"] for p in api["/api/coverage/"]["GET"].definition.raw["parameters"]}
    assert (parameters["catchment"]["minimum"], parameters["catchment"]["maximum"]) == CATCHMENT_RANGE
    assert (parameters["mss_weight"]["minimum"], parameters["mss_weight"]["maximum"]) == (0, 1)
    assert call(api, "/api/coverage/", query={"catchment": "499"}).status_code == 400


def test_geocode_demands_a_non_blank_q(api):
    q = next(p for p in api["/api/geocode/"]["GET"].definition.raw["parameters"] if p["name"] == "q")
    assert q["required"] and q["schema"]["minLength"] == 1 and q["schema"]["pattern"] == r"\S"
    assert call(api, "/api/geocode/", query={"q": "   "}).status_code == 400


def test_ortsteil_keys_have_their_form_in_the_schema(api):
    for path in ("/api/organisations/", "/api/meeting-places/", "/api/facilities/"):
        ortsteil = next(p for p in api[path]["GET"].definition.raw["parameters"] if p["name"] == "ortsteil")
        assert ortsteil["schema"]["pattern"], path
    assert call(api, "/api/facilities/", query={"ortsteil": "0599"}).status_code == 400


@pytest.mark.parametrize("path", ["/api/organisations/%C3%A4%20x/", "/api/meeting-places/a.b/",
                                  "/api/facilities/null/", "/api/planning-areas/%20/"])
def test_unknown_resources_are_json_404(client, db, path):
    response = client.get(path)
    assert response.status_code == 404 and response["Content-Type"] == "application/json"


def test_unpublished_meeting_place_is_404(api):
    place = make_meeting_place(status=PublicationStatus.DRAFT)
    assert call(api, "/api/meeting-places/{slug}/", path_parameters={"slug": place.slug}).status_code == 404


@pytest.mark.parametrize("query", [{"ortsteil": "\t"}, {"type": " , "}])
def test_blank_key_lists_are_no_filter_not_a_500(api, query):
    assert call(api, "/api/facilities/", query=query).status_code == 200


@pytest.mark.parametrize("query", [{"topic": " "}, {"language": ","}])
def test_blank_event_key_lists_are_no_filter_not_a_500(api, query):
    assert call(api, "/api/events/", query=query).status_code == 200


@pytest.mark.parametrize("body", [{"points": [[13.2005, 52.5461]], "grid": None},
                                  {"points": [[13.2005, 52.5461]], "weight": "2"},
                                  {"points": [[13.2005, 52.5461]], "need": 1}])
def test_what_if_body_fields_have_their_documented_types(api, body):
    operation = api["/api/coverage/what-if/"]["POST"]
    case = operation.Case(body=body, headers={"X-CSRFToken": CSRF_SECRET, **HEADERS},
                          cookies={"csrftoken": CSRF_SECRET})
    assert case.call_and_validate().status_code == 400


@pytest.mark.parametrize("path", ["/api/facilities/", "/api/organisations/", "/api/meeting-places/"])
def test_a_control_character_is_no_blank_in_ortsteil_keys(api, path):
    # The pattern's blanks are ASCII ones; str.strip() alone would also drop U+001C and accept the request.
    assert call(api, path, query={"ortsteil": "\x1c"}).status_code == 400
