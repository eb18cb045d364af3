"""Server-rendered pages of the geodata: the planning-area table and the sources, escaped."""

import pytest

from geodata.models import DataSource, PlanningArea

pytestmark = pytest.mark.django_db


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


def test_sources_page_names_the_street_map_and_its_tile_host(client, settings):
    html = client.get("/quellen/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert ('<a href="https://www.openstreetmap.org/copyright" rel="noopener">© OpenStreetMap contributors</a>'
            " – Kacheln von tile.openstreetmap.org") in html
    settings.ATLAS_TILES_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
    settings.ATLAS_TILES_ATTRIBUTION = "<b>Bezirksamt</b> & OSM"
    settings.ATLAS_TILES_ATTRIBUTION_URL = ""
    html = client.get("/quellen/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "&lt;b&gt;Bezirksamt&lt;/b&gt; &amp; OSM – Kacheln von tiles.example.org" in html
