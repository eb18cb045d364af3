"""Arabic mirrors the whole layout; the switcher changes the language of the page being read."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_arabic_map_page_is_right_to_left_and_mirrored(atlas_page, live_server):
    atlas_page.goto(live_server.url + "/planungsraeume/")
    atlas_page.select_option("#language-select", "ar")
    atlas_page.locator(".language-switcher button[type=submit]").click()
    expect(atlas_page.locator("html")).to_have_attribute("dir", "rtl")
    expect(atlas_page).to_have_url(live_server.url + "/planungsraeume/")
    atlas_page.goto(live_server.url + "/")
    expect(atlas_page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    width = atlas_page.viewport_size["width"]
    controls = atlas_page.locator(".map-controls").bounding_box()
    brand = atlas_page.locator(".brand").bounding_box()
    # Mirrored: the sidebar and the brand sit on the right-hand side.
    assert controls["x"] > width / 2
    assert brand["x"] > width / 2
    # Leaflet's zoom buttons speak the page's language too (title and accessible name).
    expect(atlas_page.locator(".leaflet-control-zoom-in")).to_have_attribute("title", "تكبير")
    expect(atlas_page.locator(".leaflet-control-zoom-out")).to_have_attribute("aria-label", "تصغير")
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/map-ar.png")
    assert atlas_page.console_errors == []
