"""The base map every map starts from (common/basemap.py): the street map's tiles and credit from the
settings, the consent question only for tiles from another host, the texts in the reader's language."""

from django.utils import translation

from common.basemap import base_map, tile_source


def test_openstreetmap_by_default_as_its_tile_usage_policy_asks():
    config = base_map()
    tiles = config["tiles"]
    assert tiles["url"] == "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    assert tiles["maxZoom"] == 19
    assert tiles["attribution"] == "© OpenStreetMap contributors"
    assert tiles["attributionUrl"] == "https://www.openstreetmap.org/copyright"
    assert tiles["host"] == "tile.openstreetmap.org"
    assert tiles["consent"] is False
    assert config["sources"]["page"] == "/quellen/"
    assert config["base"]["privacy"]["page"] == "/datenschutz/"


def test_a_deployment_may_ask_before_loading_the_street_map(settings):
    settings.ATLAS_TILES_CONSENT = True
    config = base_map()
    assert config["tiles"]["consent"] is True
    with translation.override("de"):
        assert base_map()["base"]["consentQuestion"] == "Straßenkarte von tile.openstreetmap.org laden?"


def test_tiles_from_this_server_need_no_consent(settings):
    settings.ATLAS_TILES_CONSENT = True
    settings.ATLAS_TILES_URL = "/tiles/{z}/{x}/{y}.png"
    settings.ATLAS_TILES_ATTRIBUTION = "© OpenStreetMap contributors, Kacheln: Bezirksamt"
    tiles = tile_source()
    assert tiles["host"] is None and tiles["consent"] is False
    assert tiles["url"] == "/tiles/{z}/{x}/{y}.png"
    assert tiles["attribution"] == "© OpenStreetMap contributors, Kacheln: Bezirksamt"
