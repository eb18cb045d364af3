"""The street map under every map, in a real browser: tiles drawn (from the fixture of tests/browser/tiles.py,
never the tile server), the one short attribution line, the offline fallback with its line on the map, the
visitor's choice kept across pages and visits, and the question before loading tiles where a deployment
must ask first."""

import os
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from tests.atlas.directory.factories import make_organisation
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.tiles import tile_pattern

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DRAWN_TILES = ".street-tiles img.leaflet-tile-loaded"
UNAVAILABLE = "Die Straßenkarte lädt nicht – gezeigt werden die Ortsteile (offline)."
SHORT_LINE = "Leaflet | © OpenStreetMap contributors | Quellen"


def open_map(page, live_server, path="/"):
    page.goto(live_server.url + path)
    expect(page.locator("[data-ready='true']").first).to_be_attached(timeout=30_000)
    # On a phone the home shows the list first; its switch brings the map.
    switch = page.locator(".view-switch [data-view='map']")
    if switch.is_visible():
        switch.click()


def map_of(page):
    return page.locator("[data-base]").first


def offline_tiles(page):
    """No tile loads: the tile server is unreachable."""
    page.route(tile_pattern(), lambda route: route.abort("internetdisconnected"))




def test_the_map_page_draws_the_street_map_with_one_short_attribution_line(atlas_page, live_server):
    page = atlas_page
    open_map(page, live_server)
    expect(map_of(page)).to_have_attribute("data-base", "street")
    tiles = page.locator(DRAWN_TILES)
    expect(tiles.first).to_be_visible()
    assert page.evaluate(f"[...document.querySelectorAll('{DRAWN_TILES}')].every((img) => img.naturalWidth === 256)")
    # The tile server's usage policy: zoom 19 at most, the page's origin (not the page) as referrer.
    assert tiles.first.get_attribute("referrerpolicy") == "strict-origin-when-cross-origin"
    assert page.tile_requests and all(urlparse(url).hostname == "tile.openstreetmap.org" for url in page.tile_requests)
    assert page.outside_requests == []
    assert page.evaluate("() => Math.max(...[...document.querySelectorAll('.street-tiles img')]"
                         ".map((img) => Number(img.src.split('/').at(-3))))") <= 19
    # One line: Leaflet, the street map's credit with its copyright page, the sources page.
    line = page.locator(".leaflet-control-attribution")
    expect(line).to_have_text(SHORT_LINE)
    expect(line.get_by_role("link", name="© OpenStreetMap contributors")).to_have_attribute(
        "href", "https://www.openstreetmap.org/copyright")
    expect(line.get_by_role("link", name="Quellen")).to_have_attribute("href", "/quellen/")
    assert line.bounding_box()["height"] < 24
    # The full list is in the side panel, each source once.
    sources = page.locator("#map-sources")
    sources.locator("summary").click()
    expect(sources).to_contain_text("Amt für Statistik Berlin-Brandenburg")
    expect(sources.get_by_text("© OpenStreetMap contributors")).to_have_count(1)
    expect(page.locator(".base-status")).to_be_hidden()
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    page.screenshot(path=f"{SCREENSHOT_DIR}/tiles-map.png")
    assert axe_violations(page) == []
    assert page.console_errors == []


def test_the_tile_requests_send_the_sites_origin_as_referrer(atlas_page, live_server):
    page = atlas_page
    with page.expect_request(tile_pattern()) as tile:
        page.goto(live_server.url + "/")
    assert tile.value.header_value("referer") == live_server.url + "/"


def test_without_tiles_the_map_falls_back_to_the_ortsteile_and_says_so(atlas_page, live_server):
    page = atlas_page
    offline_tiles(page)
    open_map(page, live_server)
    expect(map_of(page)).to_have_attribute("data-base", "offline")
    status = page.get_by_role("status").filter(has_text="Straßenkarte")
    expect(status).to_have_text(UNAVAILABLE)
    expect(page.get_by_label("Ortsteile (offline)")).to_be_checked()
    expect(page.locator(".leaflet-control-attribution")).to_have_text(
        "Leaflet | Geoportal Berlin / ALKIS Berlin Ortsteile | Quellen")
    expect(page.locator(".ortsteil-label")).to_have_count(9)
    page.screenshot(path=f"{SCREENSHOT_DIR}/tiles-offline.png")
    assert axe_violations(page) == []
    # The fallback is not the visitor's choice: with the tile server back, the street map returns.
    page.unroute(tile_pattern())
    open_map(page, live_server)
    expect(map_of(page)).to_have_attribute("data-base", "street")
    expect(page.locator(DRAWN_TILES).first).to_be_visible()
    expect(page.locator(".base-status")).to_be_hidden()


def test_the_visitors_choice_of_base_is_kept_across_pages_and_visits(atlas_page, live_server):
    page = atlas_page
    organisation = make_organisation(name="Verein am Markt", slug="verein-am-markt", location=(13.2005, 52.5360))
    open_map(page, live_server)
    page.get_by_label("Ortsteile (offline)").check()
    expect(map_of(page)).to_have_attribute("data-base", "offline")
    assert page.evaluate("localStorage.getItem('atlas.baseLayer')") == "offline"
    page.tile_requests.clear()
    page.reload()
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(map_of(page)).to_have_attribute("data-base", "offline")
    expect(page.get_by_label("Ortsteile (offline)")).to_be_checked()
    # The detail page's small map and the planner follow the same choice; no tile is asked for.
    open_map(page, live_server, organisation.get_absolute_url())
    expect(page.locator("#mini-map")).to_have_attribute("data-base", "offline")
    open_map(page, live_server, "/planung/")
    expect(map_of(page)).to_have_attribute("data-base", "offline")
    assert page.tile_requests == []
    # Back to the street map, kept as well.
    open_map(page, live_server)
    page.get_by_label("Straßenkarte", exact=True).check()
    expect(page.locator(DRAWN_TILES).first).to_be_visible()
    page.reload()
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(map_of(page)).to_have_attribute("data-base", "street")
    assert page.console_errors == []


@pytest.fixture
def consent_required(settings):
    settings.ATLAS_TILES_CONSENT = True


def test_where_the_deployment_asks_first_no_tile_loads_until_the_visitor_agrees(atlas_page, live_server,
                                                                               consent_required):
    page = atlas_page
    organisation = make_organisation(name="Verein am Markt", slug="verein-am-markt", location=(13.2005, 52.5360))
    open_map(page, live_server)
    expect(map_of(page)).to_have_attribute("data-base", "offline")
    question = page.locator(".tiles-consent")
    expect(question).to_contain_text("Straßenkarte von tile.openstreetmap.org laden?")
    expect(question.get_by_role("link", name="Datenschutz")).to_have_attribute("href", "/datenschutz/")
    # Before the agreement the layer list offers no street map, and nothing went to the tile host.
    expect(page.locator(".leaflet-control-layers-base")).not_to_contain_text("Straßenkarte")
    page.wait_for_timeout(300)
    assert page.tile_requests == []
    page.screenshot(path=f"{SCREENSHOT_DIR}/tiles-consent.png")
    assert axe_violations(page) == []

    question.get_by_role("button", name="Straßenkarte laden").click()
    expect(map_of(page)).to_have_attribute("data-base", "street")
    expect(page.locator(DRAWN_TILES).first).to_be_visible()
    expect(question).to_be_hidden()
    expect(page.locator("#map")).to_be_focused()
    # Agreed once: the next page and the next visit load the street map without asking.
    open_map(page, live_server, organisation.get_absolute_url())
    expect(page.locator("#mini-map")).to_have_attribute("data-base", "street")
    expect(page.locator("#mini-map .tiles-consent")).to_be_hidden()
    open_map(page, live_server)
    expect(map_of(page)).to_have_attribute("data-base", "street")
    expect(page.locator(".tiles-consent")).to_be_hidden()
    assert page.console_errors == []


def test_planner_embed_and_detail_map_have_streets_and_the_short_line(atlas_page, live_server):
    page = atlas_page
    organisation = make_organisation(name="Verein am Markt", slug="verein-am-markt", location=(13.2005, 52.5360))
    for path, new_tab in (("/planung/", False), ("/embed/", True), (organisation.get_absolute_url(), False)):
        open_map(page, live_server, path)
        expect(map_of(page)).to_have_attribute("data-base", "street")
        expect(page.locator(DRAWN_TILES).first).to_be_visible()
        line = page.locator(".leaflet-control-attribution")
        expect(line).to_have_text(SHORT_LINE)
        link = line.get_by_role("link", name="Quellen")
        expect(link).to_have_attribute("href", "/quellen/")
        if new_tab:  # the embed's page stays: the sources open in a new tab
            expect(link).to_have_attribute("target", "_blank")
        else:
            expect(link).not_to_have_attribute("target", "_blank")
    assert page.outside_requests == []
    assert page.console_errors == []


@pytest.mark.parametrize(("language", "width", "height"), [("ar", 390, 844), ("de", 390, 844), ("ar", 1366, 800)])
def test_the_line_fits_a_phone_and_reads_right_to_left(atlas_page, live_server, language, width, height):
    page = atlas_page
    page.set_viewport_size({"width": width, "height": height})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    open_map(page, live_server)
    expect(page.locator(DRAWN_TILES).first).to_be_visible()
    line = page.locator(".leaflet-control-attribution")
    expect(line.get_by_role("link", name="Quellen" if language == "de" else "المصادر")).to_be_visible()
    assert line.bounding_box()["height"] < 24 and line.bounding_box()["width"] <= width
    page.screenshot(path=f"{SCREENSHOT_DIR}/tiles-map-{language}-{width}.png")
    assert page.console_errors == []
