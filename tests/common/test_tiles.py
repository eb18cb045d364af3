"""The street map's tile source read from its URL template (common/tiles.py): the host named in the
privacy notice and the source allowed by the Content-Security-Policy."""

import pytest

from common.tiles import check_tile_url, tile_host, tile_origin

OSM = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"


@pytest.mark.parametrize(("url", "host", "origin"), [
    (OSM, "tile.openstreetmap.org", "https://tile.openstreetmap.org"),
    ("https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png", "tiles.example.org", "https://*.tiles.example.org"),
    ("https://tiles-{s}.example.org:8443/osm/{z}/{x}/{y}.png", "example.org", "https://*.example.org:8443"),
    ("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "127.0.0.1", "http://127.0.0.1:8080"),
    ("/tiles/{z}/{x}/{y}.png", None, None),  # this server: no other host, nothing to allow beyond 'self'
])
def test_host_and_origin_of_a_tile_source(url, host, origin):
    check_tile_url(url)
    assert tile_host(url) == host
    assert tile_origin(url) == origin


@pytest.mark.parametrize(("url", "complaint"), [
    ("https://tile.openstreetmap.org/{z}/{x}.png", "lacks {y}"),
    ("tile.openstreetmap.org/{z}/{x}/{y}.png", "must start with https:// or /"),
    ("//tile.openstreetmap.org/{z}/{x}/{y}.png", "must start with https:// or /"),
    ("javascript:{z}{x}{y}", "must start with https:// or /"),
    ("ftp://tiles.example.org/{z}/{x}/{y}.png", "must start with https:// or /"),
])
def test_unusable_tile_sources_are_refused(url, complaint):
    with pytest.raises(ValueError, match=complaint):
        check_tile_url(url)
