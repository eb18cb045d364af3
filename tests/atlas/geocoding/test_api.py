"""GET /api/geocode/?q=…"""

import pytest
from django.core.cache import cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer_data", "fresh_geocoders")]
URL = "/api/geocode/"


@pytest.fixture(autouse=True)
def no_throttle_history():
    """Forget the test client's request history (only that key: the cache may be a shared Redis)."""
    key = "throttle_geocode_addr-127.0.0.1"
    cache.delete(key)
    yield
    cache.delete(key)


def test_found(client):
    response = client.get(URL, {"q": "Carl-Schurz-Str. 31, 13597 Berlin"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"point", "precision", "planning_area", "ortsteil", "label", "provider"}
    assert set(data["point"]) == {"lon", "lat"}
    assert 13.1 < data["point"]["lon"] < 13.3 and 52.39 < data["point"]["lat"] < 52.6
    assert data["planning_area"] == {"key": "05100316", "name": "Carl-Schurz-Straße"}
    assert data["ortsteil"] == {"key": "0501", "name": "Spandau"}
    assert data["label"] == "Carl-Schurz-Straße 31, 13597 Berlin"
    assert data["provider"] == "gazetteer"
    assert data["precision"] in ("address", "street", "planning_area")


def test_ortsteil_has_no_planning_area(client):
    data = client.get(URL, {"q": "Staaken"}).json()
    assert data["precision"] == "ortsteil" and data["planning_area"] is None and data["ortsteil"]["name"] == "Staaken"


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "   "}, {"q": "x" * 201}])
def test_bad_query(client, params):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_messages_are_german_by_default(client):
    assert "Parameter q" in client.get(URL).json()["detail"]


def test_not_found(client):
    response = client.get(URL, {"q": "xyzzy qwerty 12"})
    assert response.status_code == 404
    assert response.json() == {"detail": "Keine passende Adresse und kein passender Ort in Spandau gefunden."}


def test_outage_is_503(client, settings, fake_http):
    settings.ATLAS_GEOCODERS = ["nominatim"]
    settings.NOMINATIM_USER_AGENT = "migraktiv-atlas-tests/1.0"
    fake_http.add("nominatim.openstreetmap.org/search", 503)
    response = client.get(URL, {"q": "Carl-Schurz-Str. 31"})
    assert response.status_code == 503
    assert response.json()["detail"]


def test_anonymous_clients_are_throttled(client, settings):
    settings.GEOCODER_API_THROTTLE = "2/min"
    assert client.get(URL, {"q": "Staaken"}).status_code == 200
    assert client.get(URL, {"q": "Staaken"}).status_code == 200
    assert client.get(URL, {"q": "Staaken"}).status_code == 429


def test_documented_in_the_openapi_schema():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"]["/api/geocode/"]["get"]
    assert [p["name"] for p in operation["parameters"]] == ["q"]
    assert operation["parameters"][0]["required"] is True
    assert {"200", "400", "404"} <= set(operation["responses"])
