"""Fixtures of the geocoding tests (test_api, test_offline, test_online, test_throttling)."""

import pytest

from tests.atlas.geocoding import support as support


@pytest.fixture(scope="module")
def gazetteer_data(django_db_setup, django_db_blocker):
    support.load_gazetteer(django_db_blocker)


@pytest.fixture
def fresh_geocoders():
    support.reset_geocoders()
    yield
    support.reset_geocoders()


@pytest.fixture
def fake_http(monkeypatch):
    return support.install_fake_http(monkeypatch)
