"""Online providers, replaced only at the HTTP boundary (urllib under geopy) by recorded responses."""

import time

import pytest
from django.core.exceptions import ImproperlyConfigured

from atlas.geocoding.models import GeocodeCache
from atlas.geocoding.result import LocationPrecision, Status
from atlas.geocoding.service import geocode
from tests.atlas.geocoding.support import REFUSED, TIMEOUT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer_data", "fresh_geocoders")]


NOMINATIM = "nominatim.openstreetmap.org/search"
PHOTON = "photon.komoot.io/api"
USER_AGENT = "migraktiv-atlas-tests/1.0 (tests@example.org)"


@pytest.fixture
def online(settings):
    settings.ATLAS_GEOCODERS = ["nominatim"]
    settings.NOMINATIM_USER_AGENT = USER_AGENT
    settings.NOMINATIM_URL = "https://nominatim.openstreetmap.org"
    settings.PHOTON_URL = "https://photon.komoot.io"
    settings.GEOCODER_TIMEOUT = 3
    return settings


def test_nominatim_result_is_parsed_and_placed_in_spandau(online, fake_http):
    fake_http.add(NOMINATIM, "nominatim_carl_schurz_31.json")
    result = geocode("Carl-Schurz-Str. 31, 13597 Berlin")
    assert result.provider == "nominatim"
    assert result.precision == LocationPrecision.ADDRESS
    assert (result.lon, result.lat) == pytest.approx((13.202833, 52.537081))
    # computed by point-in-polygon against the imported areas, not taken from the answer
    assert (result.planning_area_key, result.ortsteil_name) == ("05100316", "Spandau")
    assert result.label == "Carl-Schurz-Straße 31, 13597 Berlin"
    call = fake_http.calls[0]
    assert call["headers"]["User-agent"] == USER_AGENT
    assert call["timeout"] == 3
    params = fake_http.params()
    assert params["bounded"] == "1" and params["countrycodes"] == "de" and params["format"] == "json"
    west, south, east, north = (float(v) for v in params["viewbox"].split(","))
    assert west < 13.11 < 13.28 < east and south < 52.40 < 52.59 < north


def test_repeat_query_hits_the_cache(online, fake_http):
    fake_http.add(NOMINATIM, "nominatim_carl_schurz_31.json")
    first = geocode("Carl-Schurz-Str. 31, 13597 Berlin")
    second = geocode("carl schurz strasse 31, 13597")  # another spelling of the same query
    assert len(fake_http.calls) == 1
    assert second.cached and not first.cached
    assert (second.lon, second.lat, second.precision, second.provider) == (first.lon, first.lat, "address", "nominatim")
    assert GeocodeCache.objects.get().found


def test_not_found_is_cached_briefly(online, fake_http):
    fake_http.add(NOMINATIM, "nominatim_empty.json")
    assert geocode("Gibtsnichtweg 12").status == Status.NOT_FOUND
    assert geocode("Gibtsnichtweg 12").status == Status.NOT_FOUND
    assert len(fake_http.calls) == 1
    online.GEOCODER_NEGATIVE_CACHE_HOURS = 0
    fake_http.add(NOMINATIM, "nominatim_empty.json")
    assert not geocode("Gibtsnichtweg 12")  # expired: asked again
    assert len(fake_http.calls) == 2


def test_results_outside_spandau_are_rejected(online, fake_http):
    fake_http.add(NOMINATIM, "nominatim_outside_spandau.json")
    result = geocode("Breite Straße 1, 10178 Berlin")
    assert result.status == Status.NOT_FOUND


def test_public_nominatim_is_limited_to_one_request_per_second(online, fake_http):
    online.NOMINATIM_MIN_DELAY = 0.1  # cannot relax the public service's policy
    fake_http.add(NOMINATIM, "nominatim_empty.json", "nominatim_carl_schurz_31.json")
    # geopy's limiter counts from the moment the first request starts, a little before the fake
    # server notes it: measure from before the first call, so a loaded machine cannot make it flaky.
    started = time.monotonic()
    geocode("Gibtsnichtweg 12")
    geocode("Carl-Schurz-Str. 31")
    first, second = fake_http.calls
    assert first["at"] - started < 1.0
    assert second["at"] - started >= 1.0


def test_configured_min_delay_is_honoured_for_a_self_hosted_nominatim(online, fake_http):
    online.ATLAS_GEOCODERS = ["selfhosted"]
    online.GEOCODER_SELFHOSTED_URL = "https://geo.example.org/nominatim/"
    online.GEOCODER_SELFHOSTED_API = "nominatim"
    online.GEOCODER_SELFHOSTED_MIN_DELAY = 0.3
    fake_http.add("geo.example.org/nominatim/search", "nominatim_empty.json", "nominatim_carl_schurz_31.json")
    started = time.monotonic()  # the limiter counts from before the fake server notes the first request
    assert not geocode("Gibtsnichtweg 12")
    result = geocode("Carl-Schurz-Str. 31")
    assert result.provider == "selfhosted" and result.planning_area_key == "05100316"
    first, second = fake_http.calls
    assert second["at"] - started >= 0.3
    assert second["url"].startswith("https://geo.example.org/nominatim/search?")


def test_photon_and_a_self_hosted_photon(online, fake_http):
    online.ATLAS_GEOCODERS = ["photon"]
    fake_http.add(PHOTON, "photon_carl_schurz_31.json")
    result = geocode("Carl-Schurz-Str. 31")
    assert (result.provider, result.precision, result.planning_area_key) == ("photon", "address", "05100316")
    assert result.label == "Carl-Schurz-Straße 31, 13597 Berlin"
    assert "bbox" in fake_http.params()

    online.ATLAS_GEOCODERS = ["selfhosted"]
    online.GEOCODER_SELFHOSTED_URL = "http://photon.internal:2322"
    online.GEOCODER_SELFHOSTED_API = "photon"
    fake_http.add("photon.internal:2322/api", "photon_carl_schurz_31.json")
    assert geocode("Carl-Schurz-Str. 33").provider == "selfhosted"
    assert fake_http.calls[-1]["url"].startswith("http://photon.internal:2322/api?")


@pytest.mark.parametrize("failure", [503, 502, 500, TIMEOUT, REFUSED], ids=["503", "502", "500", "timeout", "refused"])
def test_outage_returns_unavailable_without_raising(online, fake_http, failure):
    fake_http.add(NOMINATIM, failure)
    result = geocode("Carl-Schurz-Str. 31")
    assert not result
    assert result.status == Status.UNAVAILABLE
    assert not GeocodeCache.objects.exists()  # an outage is never cached


def test_chain_falls_through_to_the_next_provider(online, fake_http):
    online.ATLAS_GEOCODERS = ["nominatim", "photon"]
    fake_http.add(NOMINATIM, 503)
    fake_http.add(PHOTON, "photon_carl_schurz_31.json")
    result = geocode("Carl-Schurz-Str. 31")
    assert result.provider == "photon" and result.precision == LocationPrecision.ADDRESS
    assert [c["url"].split("?")[0] for c in fake_http.calls] == [f"https://{NOMINATIM}", f"https://{PHOTON}"]


def test_outage_falls_back_to_the_offline_gazetteer(online, fake_http):
    online.ATLAS_GEOCODERS = ["nominatim", "gazetteer"]
    fake_http.add(NOMINATIM, TIMEOUT)
    result = geocode("Carl-Schurz-Str. 31")
    assert result.provider == "gazetteer" and result.planning_area_key == "05100316"


def test_gazetteer_first_means_no_http_for_known_addresses(online, fake_http):
    online.ATLAS_GEOCODERS = ["gazetteer", "nominatim"]
    assert geocode("Carl-Schurz-Str. 31").provider == "gazetteer"
    assert fake_http.calls == []


def test_nominatim_needs_a_user_agent(online, fake_http):
    online.NOMINATIM_USER_AGENT = ""
    with pytest.raises(ImproperlyConfigured):
        geocode("Carl-Schurz-Str. 31")


def test_unknown_provider_is_a_configuration_error(online):
    online.ATLAS_GEOCODERS = ["google"]
    with pytest.raises(ImproperlyConfigured):
        geocode("Carl-Schurz-Str. 31")
