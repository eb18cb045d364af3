"""Public transport for planners in a real browser: the planner's table column and the profile's section
(planning/transit/), with the real data."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_planner_table_and_profile_show_public_transport(atlas_page, live_server):
    page = atlas_page
    page.goto(live_server.url + "/planung/")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator("#ranked-body tr.ranked-row")).to_have_count(45)
    expect(page.locator("#ranked-table thead th").nth(4)).to_have_text("ÖPNV")
    # Alt-Gatow, cut off by the Havel: 12 % of residents well served (weighted by departures).
    gatow = page.locator("#ranked-body tr.ranked-row[data-key='05400942']")
    expect(gatow.locator("td.transit-cell")).to_have_text("12 %")
    gatow.locator(".row-toggle").click()
    details = page.locator("#details-05400942")
    expect(details).to_be_visible()
    expect(details).to_contain_text("ÖPNV-Anbindung (gewichtet nach Fahrtenangebot)")
    expect(details).to_contain_text("12,0 %")
    expect(details).to_contain_text("Haltestelle in Reichweite")
    details.scroll_into_view_if_needed()
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-transit-column.png")
    assert page.console_errors == []

    page.goto(live_server.url + "/ortsteile/0506/")
    section = page.locator("section.transit-block")
    expect(section.locator("h2")).to_have_text("Anbindung an Bus und Bahn")
    expect(section.locator(".transit-rank")).to_contain_text("Rang 2 von 9 Ortsteilen")
    expect(section.locator("tr[data-figure='transit_access'] td").first).to_have_text("18,7 %")
    expect(section.locator("tr[data-figure='transit_access'] td").last).to_have_text("57,8 %")
    section.scroll_into_view_if_needed()
    section.screenshot(path=f"{SCREENSHOT_DIR}/profile-kladow-transit.png")
    assert axe_violations(page) == []
    assert page.console_errors == []
