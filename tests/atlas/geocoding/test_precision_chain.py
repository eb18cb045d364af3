"""The most precise answer wins (atlas.geocoding.service.geocode): with `gazetteer,nominatim` the online
geocoder is asked when the offline answer is below address precision, and its point is used only inside
the planning area the official address list gives for the address. Online answers are recorded
responses at the HTTP boundary (tests/atlas/geocoding/recorded/README.md)."""

import logging

import pytest

from atlas.geocoding.areas import area_index
from atlas.geocoding.models import GeocodeCache
from atlas.geocoding.result import LocationPrecision
from atlas.geocoding.service import geocode
from tests.atlas.geocoding.support import TIMEOUT, address_row

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer_data", "fresh_geocoders")]

NOMINATIM = "nominatim.openstreetmap.org/search"
WEVERSTR_38 = "Weverstraße 38, 13595 Berlin"
GRAETSCHELSTEIG = "05200633"  # the planning area of Weverstraße 38 in the official address list
WILHELMSTADT_OST = "05200631"


@pytest.fixture
def chain(settings):
    settings.ATLAS_GEOCODERS = ["gazetteer", "nominatim"]
    settings.NOMINATIM_USER_AGENT = "migraktiv-atlas-tests/1.0 (tests@example.org)"
    settings.NOMINATIM_URL = "https://nominatim.openstreetmap.org"
    settings.NOMINATIM_MIN_DELAY = 0
    return settings


def offline_answer(text, settings):
    settings.ATLAS_GEOCODERS = ["gazetteer"]
    result = geocode(text)
    settings.ATLAS_GEOCODERS = ["gazetteer", "nominatim"]
    return result


def test_the_address_list_places_weverstrasse_38_in_graetschelsteig(chain):
    # The premise, read from the shared data: the official list's planning area of the address, and
    # the offline gazetteer's answer only at that area's point.
    assert address_row("Weverstraße", 38)["PLR_ID"] == GRAETSCHELSTEIG
    offline = offline_answer(WEVERSTR_38, chain)
    assert (offline.precision, offline.planning_area_key) == (LocationPrecision.PLANNING_AREA, GRAETSCHELSTEIG)
    assert area_index().locate(13.1912, 52.5176)[0].key == GRAETSCHELSTEIG
    assert area_index().locate(13.1985, 52.5205)[0].key == WILHELMSTADT_OST


def test_online_point_inside_the_official_planning_area_wins(chain, fake_http):
    fake_http.add(NOMINATIM, "nominatim_weverstr_38.json")
    result = geocode(WEVERSTR_38)
    assert (result.provider, result.precision) == ("nominatim", LocationPrecision.ADDRESS)
    assert (result.lon, result.lat) == pytest.approx((13.1912, 52.5176))
    assert result.planning_area_key == GRAETSCHELSTEIG
    assert len(fake_http.calls) == 1


def test_online_point_in_another_planning_area_is_dropped_and_logged(chain, fake_http, caplog):
    offline = offline_answer(WEVERSTR_38, chain)
    fake_http.add(NOMINATIM, "nominatim_weverstr_38_elsewhere.json")
    with caplog.at_level(logging.WARNING, logger="atlas.geocoding.service"):
        result = geocode(WEVERSTR_38)
    assert result.provider == "gazetteer" and result.precision == LocationPrecision.PLANNING_AREA
    assert (result.lon, result.lat, result.planning_area_key) == (offline.lon, offline.lat, GRAETSCHELSTEIG)
    assert len(fake_http.calls) == 1
    [record] = [r for r in caplog.records if r.name == "atlas.geocoding.service"]
    assert WILHELMSTADT_OST in record.getMessage() and GRAETSCHELSTEIG in record.getMessage()
    assert "kept the gazetteer answer" in record.getMessage()


def test_online_answers_are_cached_and_checked_again(chain, fake_http):
    fake_http.add(NOMINATIM, "nominatim_weverstr_38.json")
    first = geocode(WEVERSTR_38)
    second = geocode("weverstr. 38, 13595")  # another spelling: the same cache entry
    assert len(fake_http.calls) == 1
    assert second.cached and not first.cached
    assert (second.lon, second.lat, second.provider) == (first.lon, first.lat, "nominatim")
    entry = GeocodeCache.objects.get()
    assert entry.provider == "nominatim" and entry.found

    fake_http.add(NOMINATIM, "nominatim_weverstr_38_elsewhere.json")
    GeocodeCache.objects.all().delete()
    assert geocode(WEVERSTR_38).provider == "gazetteer"
    assert geocode(WEVERSTR_38).provider == "gazetteer"  # the cached wrong answer is dropped again
    assert len(fake_http.calls) == 2


def test_address_precision_offline_asks_nobody_else(chain, fake_http):
    result = geocode("Carl-Schurz-Str. 31, 13597 Berlin")
    assert (result.provider, result.precision) == ("gazetteer", LocationPrecision.ADDRESS)
    assert fake_http.calls == []


def test_an_outage_keeps_the_offline_answer(chain, fake_http):
    fake_http.add(NOMINATIM, TIMEOUT)
    result = geocode(WEVERSTR_38)
    assert result and result.provider == "gazetteer" and result.planning_area_key == GRAETSCHELSTEIG
    assert not GeocodeCache.objects.exists()


def test_online_first_chain_is_checked_against_the_address_list_too(chain, fake_http):
    chain.ATLAS_GEOCODERS = ["nominatim", "gazetteer"]
    fake_http.add(NOMINATIM, "nominatim_weverstr_38_elsewhere.json", "nominatim_weverstr_38.json")
    assert geocode(WEVERSTR_38).provider == "gazetteer"
    GeocodeCache.objects.all().delete()
    assert geocode(WEVERSTR_38).provider == "nominatim"


def test_a_street_point_wins_inside_any_planning_area_of_the_street(chain, fake_http):
    offline = offline_answer("Weverstraße, 13595 Berlin", chain)
    assert offline.precision == LocationPrecision.PLANNING_AREA
    fake_http.add(NOMINATIM, "nominatim_weverstrasse_street.json")
    result = geocode("Weverstraße, 13595 Berlin")
    assert (result.provider, result.precision, result.planning_area_key) == (
        "nominatim", LocationPrecision.STREET, WILHELMSTADT_OST)


def test_an_equally_precise_online_answer_keeps_the_earlier_one(chain, fake_http):
    offline = offline_answer("Adamstraße 5, 13595 Berlin", chain)
    assert (offline.precision, offline.planning_area_key) == (LocationPrecision.STREET, "05200630")
    fake_http.add(NOMINATIM, "nominatim_adamstrasse_street.json")  # a street point in the same area
    result = geocode("Adamstraße 5, 13595 Berlin")
    assert len(fake_http.calls) == 1  # asked, since the estimate is below address precision …
    assert (result.provider, result.lon, result.lat) == ("gazetteer", offline.lon, offline.lat)  # … but no better
