"""Server-rendered pages: the map shell, the planning-area table, the sources; CSP and escaping."""


import pytest

from geodata.models import DataSource, PlanningArea
from tests.geodata.support import INLINE_SCRIPT

pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("url", ["/", "/planungsraeume/", "/quellen/"])
def test_pages_have_no_inline_script_and_a_strict_csp(client, url):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert not INLINE_SCRIPT.search(html)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"


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


def test_planning_area_table_lists_all_45_with_district_total(client):
    response = client.get("/planungsraeume/", HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert html.count('<tr id="plr-') == PlanningArea.objects.count() == 45
    assert "259.277" in html
    assert "Maulbeerallee" in html
    assert "Amt für Statistik Berlin-Brandenburg" in html


def test_sources_page_lists_every_source_escaped(client):
    DataSource.objects.filter(key="hilfmir-2023").update(attribution="<script>alert(1)</script> Technologiestiftung")
    response = client.get("/quellen/", HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    for source in DataSource.objects.all():
        assert source.licence.replace("&", "&amp;") in html or source.licence in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "© OpenStreetMap contributors" in html
