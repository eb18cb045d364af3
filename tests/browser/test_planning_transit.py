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


CONFIG = "JSON.parse(document.getElementById('planner-config').textContent)"
CENTRE = "05100316"  # Carl-Schurz-Straße, Spandau's old town: S- and U-Bahn, many buses
KLADOW_CENTRE = "05400945"  # Kafkastraße, around Kladow's village centre


@pytest.mark.parametrize(("language", "width", "height"),
                         [("de", 1366, 800), ("de", 390, 844), ("ar", 1366, 800), ("ar", 390, 844)])
def test_planner_map_coloured_by_public_transport(atlas_page, live_server, language, width, height):
    """"Karte färben nach": the ÖPNV indicator's classes on the planning areas, its legend, kept in the
    address, and back to the gap classes."""
    page = atlas_page
    name = f"{language}-{width}"
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    page.set_viewport_size({"width": width, "height": height})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(live_server.url + "/planung/")
    expect(page.locator("#map[data-ready='true'][data-colour='gap']")).to_be_attached(timeout=30_000)
    config = page.evaluate(CONFIG)
    indicator = config["indicators"][0]
    classes = [cls["colour"] for cls in indicator["classes"]]
    gap_title = config["strings"]["legendTitle"]
    expect(page.locator("#planner-legend .legend-title")).to_have_text(gap_title)

    # A labelled select, used with the keyboard: the first step down is the indicator.
    select = page.locator("#planner-colour")
    label = page.locator("label[for='planner-colour']")
    if language == "de":
        expect(label).to_have_text("Karte färben nach")
        expect(select.locator("option").first).to_have_text("Lückenwert (Standard)")
    expect(page.get_by_role("combobox", name=label.inner_text())).to_have_count(1)
    select.focus()
    page.keyboard.press("ArrowDown")
    expect(select).to_have_value("transit_access")
    expect(page.locator("#map")).to_have_attribute("data-colour", "transit_access")
    assert "colour=transit_access" in page.url

    # Gatow and Kladow, cut off by the Havel, in the lowest class (< 20 %), except Kladow's village centre
    # (Kafkastraße, 35 %: its buses); Spandau's old town in the highest (≥ 80 %).
    south = {key: area["ortsteil"] for key, area in config["areas"].items() if area["ortsteil"] in ("Gatow", "Kladow")}
    assert sorted(south) == ["05400942", "05400943", "05400944", KLADOW_CENTRE]
    for key in south:
        expected = classes[1] if key == KLADOW_CENTRE else classes[0]
        expect(page.locator(f"#map [data-planning-area='{key}']")).to_have_attribute("data-fill", expected)
    expect(page.locator(f"#map [data-planning-area='{CENTRE}']")).to_have_attribute("data-fill", classes[4])

    legend = page.locator("#planner-legend")
    expect(legend.locator(".legend-title")).to_have_text(indicator["label"])
    expect(legend.locator(".legend-classes li")).to_have_count(6)
    expect(legend.locator(".legend-classes li").first).to_contain_text("< 20 %")
    expect(legend.locator(".legend-classes li").nth(4)).to_contain_text("≥ 80 %")
    expect(legend.locator(".legend-source")).to_have_text(indicator["source_note"])
    counts = [int(text.strip("()")) for text in legend.locator(".legend-count").all_inner_texts()]
    assert sum(counts) == 45 and counts[0] == 5 and counts[-1] == 0  # no planning area without a value
    legend.scroll_into_view_if_needed()
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-colour-transit-{name}.png")
    page.locator("#map").scroll_into_view_if_needed()
    page.locator("#map").screenshot(path=f"{SCREENSHOT_DIR}/planner-colour-transit-map-{name}.png")
    assert axe_violations(page) == []

    # Kept in the address: a reload (or a shared link) opens the same colouring.
    page.reload()
    expect(page.locator("#map[data-ready='true'][data-colour='transit_access']")).to_be_attached(timeout=30_000)
    expect(select).to_have_value("transit_access")
    expect(page.locator("#map [data-planning-area='05400942']")).to_have_attribute("data-fill", classes[0])

    # Back to the gap: every planning area in its gap class' colour again, the gap's legend, a clean address.
    select.focus()
    page.keyboard.press("ArrowUp")
    expect(select).to_have_value("")
    expect(page.locator("#map")).to_have_attribute("data-colour", "gap")
    expect(legend.locator(".legend-title")).to_have_text(gap_title)
    gap_colours = {cls["value"]: cls["colour"] for cls in config["classes"]}
    fills = page.evaluate("""() => [...document.querySelectorAll('#map [data-planning-area]')]
        .map((path) => [path.dataset.gapClass, path.dataset.fill])""")
    assert len(fills) == 45 and all(gap_colours[int(cls)] == fill for cls, fill in fills)
    assert "colour=" not in page.url
    assert axe_violations(page) == []
    assert page.console_errors == []
