"""The map page (/), the residents' home: German first, right-to-left in Arabic, the indicators'
configuration for the map's script."""

import pytest

pytestmark = pytest.mark.django_db


def test_map_page_speaks_german_first_and_carries_indicator_config(client):
    response = client.get("/")
    html = response.content.decode()
    assert '<html lang="de" dir="ltr">' in html
    assert 'id="map-config"' in html
    for key in ("residents", "migration_background_share", "foreigners_share", "mss_status_index",
                "municipal_housing_share"):
        assert f'value="{key}"' in html


def test_arabic_page_is_right_to_left(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
