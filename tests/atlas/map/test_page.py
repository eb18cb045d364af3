"""The map page (/), the residents' home: German first, right-to-left in Arabic, the indicators'
configuration for the map's script."""

import json
import re

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


def test_home_opens_on_the_directory_with_what_and_where_and_no_colouring(client):
    html = client.get("/").content.decode()
    # The directory tab first and selected; the layers tab second, its panel hidden.
    directory_tab = html.index('id="tab-directory"')
    layers_tab = html.index('id="tab-layers"')
    assert directory_tab < layers_tab
    assert 'aria-controls="panel-directory" aria-selected="true"' in html
    assert 'id="panel-layers" aria-labelledby="tab-layers" hidden' in html
    assert "Beratung, Kurse und Treffpunkte in Spandau – in Ihrer Sprache, in Ihrer Nähe." in html
    # "What? Where?" before the other filters, with the ids the scripts and tests use.
    assert html.index("Was suchen Sie? Wo?") < html.index('id="dir-q"') < html.index('id="dir-address"')
    assert html.index('id="dir-address"') < html.index('id="dir-category"')
    # Statistics off for residents: "keine Einfärbung" is the selected choice.
    assert '<option value="" selected>keine Einfärbung</option>' in html
    # Skip links to the search, the results and the map come first on the page.
    assert html.index('href="#dir-q"') < html.index('href="#directory-list"') < html.index('href="#map"')
    assert html.index('href="#map"') < html.index('class="site-header"')


def test_cluster_names_come_as_plural_tables_in_the_readers_language(client):
    def config(language):
        html = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        return json.loads(re.search(r'<script id="map-config" type="application/json">(.*?)</script>', html, re.S)[1])

    german = config("de")
    entries = german["directory"]["strings"]["clusterEntries"]
    assert entries["forms"] == ["%(count)s Einträge – hineinzoomen", "%(count)s Eintrag – hineinzoomen"]
    assert entries["index"][1] == "1" and set(entries["index"][2:]) == {"0"} and len(entries["index"]) == 200
    for key in ("clusterEvents", "clusterFacilities"):
        assert len(german["strings"][key]["forms"]) == 2
