"""The map page as a person uses it, in a real browser against a live server with the real data."""

import os
import re

import pytest
from playwright.sync_api import expect

from geodata.models import Ortsteil, PlanningArea
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.support import FIND_CLICK_POINT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OSM_TILE_HOST = "tile.openstreetmap.org"


def open_map(page, live_server, query=""):
    page.goto(live_server.url + "/" + query)
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)


def fills(page):
    return page.eval_on_selector_all("path[data-planning-area]", "els => els.map(e => e.getAttribute('fill'))")


def test_map_shows_ortsteile_and_planning_areas_without_errors(atlas_page, live_server):
    open_map(atlas_page, live_server)
    labels = atlas_page.locator(".ortsteil-label")
    expect(labels).to_have_count(9)
    # Names that do not fit at this zoom are hidden until hovered: all nine are there.
    names = sorted(labels.evaluate_all("els => els.map((e) => e.textContent)"))
    assert names == sorted(Ortsteil.objects.values_list("name", flat=True))
    assert "Falkenhagener Feld" in names
    expect(atlas_page.locator("path[data-planning-area]")).to_have_count(45)
    # The map names Leaflet, the street map and the sources page; every source is in the side panel.
    expect(atlas_page.locator(".leaflet-control-attribution")).to_have_text(
        "Leaflet | © OpenStreetMap contributors | Quellen")
    sources = atlas_page.locator("#map-sources")
    sources.locator("summary").click()
    expect(sources).to_contain_text("Amt für Statistik Berlin-Brandenburg")
    expect(sources).to_contain_text("Geoportal Berlin")
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/map.png")
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_switching_indicator_changes_fill_colours_and_legend(atlas_page, live_server):
    # Residents see no colouring; the "Ebenen" tab brings it back.
    open_map(atlas_page, live_server, "?tab=ebenen")
    legend = atlas_page.locator("#legend")
    expect(legend).to_be_empty()
    atlas_page.select_option("#indicator-select", "residents")
    expect(legend.locator(".legend-title")).to_have_text("Einwohner:innen")
    before = fills(atlas_page)
    atlas_page.select_option("#indicator-select", "mss_status_index")
    expect(legend.locator(".legend-title")).to_have_text("Sozialer Status (MSS 2021)")
    expect(legend).to_contain_text("sehr niedrig")
    after = fills(atlas_page)
    assert len(after) == 45
    assert before != after
    # Maulbeerallee has MSS status 4 (sehr niedrig): its fill is the class colour of 4.
    colour = atlas_page.get_attribute("path[data-planning-area='05200527']", "fill")
    assert colour.lower() == "#d73027"
    atlas_page.select_option("#indicator-select", "migration_background_share")
    expect(legend.locator(".legend-title")).to_have_text("Anteil mit Migrationshintergrund")
    assert fills(atlas_page) != after
    assert atlas_page.console_errors == []


def test_clicking_a_planning_area_shows_its_residents(atlas_page, live_server):
    area = PlanningArea.objects.select_related("population").get(key="05200527")
    open_map(atlas_page, live_server)
    # Facility clusters lie on top of the polygons; a planner hides them to click an area.
    atlas_page.locator(".leaflet-control-layers-overlays label", has_text="Einrichtungen").locator("input").uncheck()
    atlas_page.locator("path[data-planning-area='05200527']").click()
    panel = atlas_page.locator("#detail-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h2")).to_have_text(area.name)
    residents = f"{area.population.residents:,}".replace(",", ".")
    expect(panel.locator(".figures")).to_contain_text(residents)
    expect(panel.locator(".panel-sources")).to_contain_text("Amt für Statistik Berlin-Brandenburg")
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/map-planning-area.png")
    # Keyboard: Escape closes the panel. The shapes are not in the tab order (the table and the lists
    # offer the planning areas), but a click still opens each.
    atlas_page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    assert atlas_page.locator("path[data-planning-area][tabindex]").count() == 0
    point = atlas_page.evaluate(FIND_CLICK_POINT, "05100101")
    atlas_page.mouse.click(point["x"], point["y"])
    expect(panel.locator("h2")).to_have_text("Hakenfelde Nord")
    assert atlas_page.console_errors == []


def test_planning_area_table_is_reachable_from_the_map(atlas_page, live_server):
    open_map(atlas_page, live_server, "?tab=ebenen")
    atlas_page.get_by_role("link", name="Alle Planungsräume als Tabelle").click()
    expect(atlas_page).to_have_url(re.compile(r"/planungsraeume/$"))
    rows = atlas_page.locator("table.data-table tbody tr")
    expect(rows).to_have_count(45)
    expect(atlas_page.locator("tfoot")).to_contain_text("259.277")
    assert atlas_page.outside_requests == []


def test_the_street_maps_tiles_are_the_only_requests_beyond_the_site(atlas_page, live_server):
    # The tiles come from the fixture (tests/browser/conftest.py); the requests are what counts here.
    open_map(atlas_page, live_server)
    expect(atlas_page.locator(".street-tiles img.leaflet-tile-loaded").first).to_be_visible()
    assert atlas_page.tile_requests, "the street map is the default base and requests tiles"
    assert all(OSM_TILE_HOST in url for url in atlas_page.tile_requests)
    assert atlas_page.outside_requests == []


def test_on_a_phone_the_navigation_stays_and_the_map_is_not_covered(atlas_page, live_server):
    atlas_page.set_viewport_size({"width": 390, "height": 844})
    open_map(atlas_page, live_server)
    # The navigation is one button away (tests/browser/test_navigation.py): its menu opens over the map.
    atlas_page.get_by_role("button", name="Menü").click()
    navigation = atlas_page.get_by_role("navigation", name="Hauptnavigation")
    expect(navigation.get_by_role("link", name="Verzeichnis")).to_be_visible()
    atlas_page.keyboard.press("Escape")
    expect(navigation).to_be_hidden()
    # The page itself does not scroll: header, panel and map share the screen.
    assert atlas_page.evaluate("document.documentElement.scrollHeight") <= 844
    # Layers open on demand; the attribution is one short line linking the sources.
    expect(atlas_page.locator(".leaflet-control-layers-expanded")).to_have_count(0)
    attribution = atlas_page.locator(".leaflet-control-attribution")
    expect(attribution).to_have_text("Leaflet | © OpenStreetMap contributors | Quellen")
    assert attribution.bounding_box()["height"] < 24
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/map-phone.png")
    assert atlas_page.console_errors == []
