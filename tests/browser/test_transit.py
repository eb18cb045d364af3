"""Bus and train stops as a person meets them: station signs on the map at street zoom with their name
as a tooltip, a switch in the layers panel, the nearest stops in an entry's popup and on its page
(checked with axe-core, in German and Arabic)."""


import re

import pytest
from playwright.sync_api import expect

from geodata.models import TransitStop
from tests.atlas.directory.factories import make_meeting_place
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.support import show_all_entries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RATHAUS_SPANDAU = (13.2005, 52.5357)
# Beside the bus stop Grützmacherpark, 524 m from U Haselhorst.
GRUETZMACHERPARK = (13.231684, 52.544697)


def open_map(page, live_server, zoom, lon_lat, tab="verzeichnis"):
    lon, lat = lon_lat
    page.goto(f"{live_server.url}/?tab={tab}&map={zoom}/{lat}/{lon}")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)


def zoom_out_to(page, zoom):
    """One click on "zoom out", then wait until the map has settled at that zoom (the address bar
    follows the view): Leaflet ignores a click that arrives while a zoom animation runs."""
    page.locator(".leaflet-control-zoom-out").click()
    expect(page).to_have_url(re.compile(rf"[?&]map={zoom}(/|%2F)"))


def stop_symbol(page, name):
    stop = TransitStop.objects.get(name=name, main_point=True)
    return page.locator(f".transit-stop[data-stop='{stop.pk}']")




def test_station_signs_appear_at_street_zoom_with_their_name(atlas_page, live_server):
    open_map(atlas_page, live_server, 15, RATHAUS_SPANDAU)
    rathaus = stop_symbol(atlas_page, "S+U Rathaus Spandau (Berlin)")
    expect(rathaus).to_be_visible()
    expect(rathaus.locator(".transit-sbahn")).to_have_text("S")
    expect(rathaus.locator(".transit-ubahn")).to_have_text("U")
    expect(stop_symbol(atlas_page, "Breite Str./Markt (Berlin)").locator(".transit-bus")).to_have_text("H")
    # One sign per name, however many platforms a station has; none in the tab order.
    assert rathaus.count() == 1
    assert atlas_page.locator(".transit-stop[tabindex]").count() == 0
    # As a pointer entering the sign (a cluster of entries may lie on top of it at this zoom).
    rathaus.dispatch_event("mouseover")
    tooltip = atlas_page.locator(".leaflet-tooltip .transit-tooltip")
    expect(tooltip).to_have_text("S+U Rathaus Spandau (Berlin) · S-Bahn, U-Bahn")
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/stations-zoom15.png")
    # Zoomed out to 13 only S-Bahn and U-Bahn stations remain; at 12 none.
    zoom_out_to(atlas_page, 14)
    zoom_out_to(atlas_page, 13)
    expect(stop_symbol(atlas_page, "Breite Str./Markt (Berlin)")).to_have_count(0)
    expect(rathaus).to_be_visible()
    assert atlas_page.locator(".transit-stop .transit-bus").count() == 0
    zoom_out_to(atlas_page, 12)
    expect(atlas_page.locator(".transit-stop")).to_have_count(0)
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_the_layers_panel_switches_the_stops_off_and_on(atlas_page, live_server):
    open_map(atlas_page, live_server, 16, RATHAUS_SPANDAU, tab="ebenen")
    expect(stop_symbol(atlas_page, "S+U Rathaus Spandau (Berlin)")).to_be_visible()
    toggle = atlas_page.get_by_label("Haltestellen (Bus und Bahn)")
    toggle.uncheck()
    expect(atlas_page.locator(".transit-stop")).to_have_count(0)
    toggle.check()
    expect(stop_symbol(atlas_page, "S+U Rathaus Spandau (Berlin)")).to_be_visible()


def test_popup_of_a_meeting_place_lists_its_nearest_stops(atlas_page, live_server, geodata_live):
    place = make_meeting_place(name="Stadtteiltreff am Grützmacherpark", slug="stadtteiltreff-gruetzmacherpark",
                               location=GRUETZMACHERPARK)
    open_map(atlas_page, live_server, 15, GRUETZMACHERPARK)
    expect(atlas_page.locator("#directory-list[data-state='ready']")).to_be_attached()
    show_all_entries(atlas_page)
    atlas_page.locator(f"#directory-list li[data-slug='{place.slug}'] .item-show").click()
    stops = atlas_page.locator(".leaflet-popup .entry-popup .nearest-stops")
    expect(stops.locator("h3")).to_have_text("Nächste Haltestellen")
    expect(stops.locator("li")).to_have_count(3)
    first = stops.locator("li").first
    expect(first.locator(".stop-name")).to_have_text("U Haselhorst (Berlin)")
    expect(first.locator(".stop-modes")).to_have_text("U-Bahn")
    expect(first.locator(".stop-distance")).to_have_text("520 m Luftlinie")
    expect(stops).to_contain_text("Grützmacherpark (Berlin)")
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/stations-popup.png")
    assert atlas_page.console_errors == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_entry_page_lists_the_nearest_stops_without_accessibility_violations(atlas_page, live_server, language):
    place = make_meeting_place(name="Stadtteiltreff am Grützmacherpark", slug="stadtteiltreff-gruetzmacherpark",
                               location=GRUETZMACHERPARK)
    atlas_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    atlas_page.goto(f"{live_server.url}/treffpunkte/{place.slug}/")
    expect(atlas_page.locator("#mini-map[data-ready='true']")).to_be_attached()
    items = atlas_page.locator(".nearest-stops .stop-list li")
    expect(items).to_have_count(3)
    expect(items.first.locator(".stop-name")).to_have_text("U Haselhorst (Berlin)")
    expect(atlas_page.locator(".nearest-stops .source-attribution")).to_contain_text("VBB")
    atlas_page.locator(".nearest-stops").scroll_into_view_if_needed()
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/stations-entry-page-{language}.png")
    assert axe_violations(atlas_page) == []
    assert atlas_page.console_errors == []
