"""The planner's reading (#12): supply markers and stations over the gaps, the supply within a planning
area's catchment, the robust-gaps table, the spreadsheet for German Excel, the method page; the what-if
point above the Ortsteil names; the profile on a phone. German and Arabic, desktop and phone, axe clean."""

import io
import os
import re

import pandas as pd
import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.support import CHART_OVERLAPS, FIND_CLICK_POINT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LARGEST_GAP = "05100209"  # Westerwaldstraße: rank 1 and in the top 10 under every setting (62 sites)
# Im Spektefeld: rank 2, also in the top 10 under every setting, and large enough to click beside the markers.
CLICKED_GAP = "05100208"
# The centre of a marker or cluster icon, and whether it is the topmost thing there (not an area under it).
MARKER_ON_TOP = """(selector) => {
  const icons = [...document.querySelectorAll(selector)].filter((icon) => {
    const box = icon.getBoundingClientRect();
    const map = document.getElementById('map').getBoundingClientRect();
    return box.width && box.left > map.left && box.right < map.right && box.top > map.top && box.bottom < map.bottom;
  });
  return icons.some((icon) => {
    const box = icon.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return icon.contains(top);
  });
}"""


def open_planner(page, live_server, language, width, height):
    page.set_viewport_size({"width": width, "height": height})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(live_server.url + "/planung/")
    expect(page.locator("#map[data-ready='true'][data-supply]")).to_be_attached(timeout=30_000)
    expect(page.locator("#ranked-body tr.ranked-row")).to_have_count(45)


@pytest.mark.parametrize(("language", "width", "height"),
                         [("de", 1366, 800), ("de", 390, 844), ("ar", 1366, 800), ("ar", 390, 844)])
def test_planner_reads_supply_robust_gaps_excel_and_method(atlas_page, live_server, language, width, height):
    page = atlas_page
    name = f"{language}-{width}"
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    open_planner(page, live_server, language, width, height)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if language == "ar" else "ltr")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    if width > 1000:
        # The page fills the window: nothing below it to scroll to (the list scrolls by itself).
        assert page.evaluate("document.documentElement.scrollHeight") <= height + 1

    # Organisations and meeting places over the gaps: clustered markers on top of the choropleth.
    assert int(page.get_attribute("#map", "data-supply")) > 50
    markers = "#map .place-marker, #map .dir-cluster"
    page.locator("#map").scroll_into_view_if_needed()
    expect(page.locator(markers).first).to_be_visible()
    assert page.evaluate(MARKER_ON_TOP, markers), "no marker drawn above the planning areas"
    page.uncheck("#toggle-places")
    expect(page.locator(markers)).to_have_count(0)
    page.check("#toggle-places")
    expect(page.locator(markers).first).to_be_visible()
    if width > 1000:
        # The S-Bahn and U-Bahn stations at the district's zoom.
        expect(page.locator("#map [data-stop]").first).to_be_attached(timeout=15_000)
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-supply-{name}.png")

    # A click on one of the largest gaps: its figures open with the entries its catchment counts, ringed.
    page.locator("#map").scroll_into_view_if_needed()
    point = page.evaluate(FIND_CLICK_POINT, CLICKED_GAP)
    assert point, "no clickable point in the planning area"
    page.mouse.click(point["x"], point["y"])
    details = page.locator(f"#details-{CLICKED_GAP}")
    expect(details).to_be_visible()
    entries = details.locator(".counted-entries li")
    expect(entries.first).to_be_visible(timeout=15_000)
    counted = int(page.get_attribute("#map", "data-counted").split(":")[1])
    expect(entries).to_have_count(counted)
    assert counted > 0
    expect(page.locator("#map path.counted-ring")).to_have_count(counted)
    expect(entries.first).to_contain_text(re.compile(r"\d+ (m|م)"))  # Arabic writes the metre م
    expect(entries.first.locator("a")).to_have_attribute("href", re.compile(r"^/(treffpunkte|organisationen)/"))
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-catchment-{name}.png")

    # The robust gaps beside the ranking, the terms explained.
    table = page.locator("#robust-table")
    table.scroll_into_view_if_needed()
    expect(table).to_be_visible()
    first = table.locator("tbody tr").first
    expect(first).to_have_attribute("data-key", LARGEST_GAP)
    expect(first).to_have_attribute("data-count", "12")
    assert table.locator("tbody tr").count() >= 10
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-robust-{name}.png")
    page.locator("#planner-terms summary").click()
    expect(page.locator("#term-gap")).to_be_visible()
    assert axe_violations(page) == []

    # The ranking for German Excel, read back as German Excel reads it.
    with page.expect_download() as download:
        page.locator("#planner-excel").click()
    path = download.value.path()
    assert download.value.suggested_filename == "versorgungsluecken-spandau-planungsraeume-excel.csv"
    with open(path, "rb") as handle:
        content = handle.read()
    assert content.startswith(b"\xef\xbb\xbf")
    sheet = pd.read_csv(io.BytesIO(content), sep=";", decimal=",", encoding="utf-8-sig",
                        dtype={"Planungsraum-Schlüssel": str})
    assert len(sheet) == 45 and sheet.loc[0, "Planungsraum-Schlüssel"] == LARGEST_GAP
    assert pd.api.types.is_float_dtype(sheet["Lückenwert"]) and 0 < sheet.loc[0, "Lückenwert"] < 1

    # The method page, from the planner.
    page.locator("#planner-method").click()
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator("#robust [data-strongest='need']")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert axe_violations(page) == []
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-method-{name}.png", full_page=True)
    assert page.console_errors == []
    assert page.outside_requests == []


def test_what_if_point_stays_above_the_ortsteil_names(atlas_page, live_server):
    page = atlas_page
    open_planner(page, live_server, "de", 1366, 800)
    page.check("#whatif-click")
    label = page.locator(".ortsteil-label", has_text="Wilhelmstadt")
    box = label.bounding_box()
    centre = (box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(*centre)  # the names let clicks through to the area below
    expect(page.locator("#map[data-points='1'][data-ready='true']")).to_be_attached(timeout=30_000)
    marker = page.locator(".whatif-marker")
    expect(marker).to_have_count(1)
    on_top = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.whatif-marker') !== null",
                           list(centre))
    assert on_top, "the what-if point is hidden under the Ortsteil's name"
    page.screenshot(path=f"{SCREENSHOT_DIR}/planner-whatif-above-label.png")
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("url", ["/ortsteile/0504/", "/planungsraeume/05200527/", "/ortsteile/0504/bericht/"])
def test_profile_fits_a_phone(atlas_page, live_server, language, url):
    page = atlas_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(live_server.url + url)
    expect(page.locator("h1")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # The figures fit without a sideways scroll of their own; only the seven-column ranking may scroll.
    figures = page.locator("table.profile-figures")
    assert figures.evaluate("table => table.scrollWidth <= table.parentElement.clientWidth")
    assert axe_violations(page) == []
    slug = url.strip("/").replace("/", "-")
    page.screenshot(path=f"{SCREENSHOT_DIR}/profile-phone-{slug}-{language}.png", full_page=True)
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_profile_charts_are_readable_right_to_left(atlas_page, live_server, language):
    """The server-drawn bar charts of an Ortsteil profile: in Arabic (the page right to left) the labels
    stay before the bars and the values after them, as in German; no text overlaps a bar or another text."""
    page = atlas_page
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    for width, height in ((1366, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(live_server.url + "/ortsteile/0506/")
        charts = page.locator("svg.chart")
        expect(charts.first).to_be_visible()
        assert charts.count() >= 2
        for index in range(charts.count()):
            assert charts.nth(index).evaluate(CHART_OVERLAPS) == [], f"chart {index} in {language}"
        charts.first.screenshot(path=f"{SCREENSHOT_DIR}/profile-chart-0506-{language}-{width}.png")
    assert page.console_errors == []
