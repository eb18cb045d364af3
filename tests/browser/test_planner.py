"""The planner view, the profiles and the printable report in a real browser with the real data."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.support import FIND_CLICK_POINT

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

def open_planner(page, live_server, query=""):
    page.goto(live_server.url + "/planung/" + query)
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator("#ranked-body tr.ranked-row")).to_have_count(45)


def fills(page):
    return page.eval_on_selector_all("path[data-planning-area]", "paths => paths.map(p => p.dataset.fill)")


def ranked_keys(page):
    return page.eval_on_selector_all("#ranked-body tr.ranked-row", "rows => rows.map(r => r.dataset.key)")


def test_switch_to_planner_and_change_the_catchment(atlas_page, live_server):
    atlas_page.goto(live_server.url + "/?tab=ebenen")
    expect(atlas_page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    atlas_page.locator("#open-planner").click()
    expect(atlas_page).to_have_url(re.compile(r"/planung/$"))
    expect(atlas_page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    rows = atlas_page.locator("#ranked-body tr.ranked-row")
    expect(rows).to_have_count(45)
    expect(rows.first.locator("td").first).to_have_text("1")
    expect(atlas_page.locator("path[data-planning-area]")).to_have_count(45)
    # The legend shows the five gap classes, 9 areas each (rank quintiles).
    legend = atlas_page.locator("#planner-legend")
    expect(legend.locator(".legend-title")).to_contain_text("Versorgungslücke")
    expect(legend.locator(".legend-count").first).to_have_text("(9)")
    # The housing estates are drawn over the choropleth.
    expect(atlas_page.locator("path.estate").first).to_be_attached()
    before = ranked_keys(atlas_page)
    fills_before = fills(atlas_page)
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/planner.png")

    atlas_page.select_option("#param-catchment", "500")
    expect(atlas_page.locator("#map[data-catchment='500'][data-ready='true']")).to_be_attached(timeout=30_000)
    after = ranked_keys(atlas_page)
    assert sorted(after) == sorted(before) and after != before
    assert fills(atlas_page) != fills_before
    expect(atlas_page.locator("#planner-status")).to_contain_text("500 m")
    assert "catchment=500" in atlas_page.url
    assert "catchment=500" in atlas_page.get_attribute("#planner-csv", "href")

    # Need weighting and a facility type as extra supply refetch as well.
    atlas_page.check("input[name='need'][value='residents']")
    expect(atlas_page.locator("#map[data-need='residents'][data-ready='true']")).to_be_attached()
    expect(atlas_page.locator("#planner-status")).to_contain_text("500 m")
    assert "need=residents" in atlas_page.url
    # The map names Leaflet, the street map and the sources page; the sources are in the side panel.
    expect(atlas_page.locator(".leaflet-control-attribution")).to_have_text(
        "Leaflet | © OpenStreetMap contributors | Quellen")
    atlas_page.locator("#map-sources summary").click()
    expect(atlas_page.locator("#map-sources")).to_contain_text("Amt für Statistik Berlin-Brandenburg")
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_what_if_point_in_the_worst_area_changes_its_rank(atlas_page, live_server):
    open_planner(atlas_page, live_server)
    worst = ranked_keys(atlas_page)[0]
    row = atlas_page.locator(f"#ranked-body tr.ranked-row[data-key='{worst}']")
    gap_before = row.locator("td").last.inner_text()
    # A click on the map shows an area's supply until the what-if click is switched on.
    atlas_page.check("#whatif-click")
    point = atlas_page.evaluate(FIND_CLICK_POINT, worst)
    assert point, "no clickable point inside the worst planning area"
    atlas_page.mouse.click(point["x"], point["y"])
    expect(atlas_page.locator("#map[data-points='1'][data-ready='true']")).to_be_attached(timeout=30_000)
    expect(atlas_page.locator(".whatif-marker")).to_have_count(1)
    rank_text = row.locator("td").first.inner_text()
    match = re.search(r"1 → (\d+)", rank_text)
    assert match, rank_text
    assert int(match.group(1)) > 1
    gap_text = row.locator("td").last.inner_text()
    assert "→" in gap_text and gap_text.split("→")[0].strip() == gap_before
    assert "Lücke kleiner" in row.locator("td").first.text_content()
    expect(atlas_page.locator("#whatif-points li")).to_have_count(1)
    expect(atlas_page.locator("#whatif-points")).to_contain_text(row.locator(".row-toggle").inner_text())
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/planner-whatif.png")

    # Keyboard only: a second point by choosing a planning area, then remove the first one.
    second = ranked_keys(atlas_page)[0]
    atlas_page.select_option("#whatif-area", second)
    atlas_page.locator("#whatif-area-form button[type='submit']").press("Enter")
    expect(atlas_page.locator("#map[data-points='2'][data-ready='true']")).to_be_attached(timeout=30_000)
    expect(atlas_page.locator(f"#ranked-body tr.ranked-row[data-key='{second}'] td").first).to_contain_text("→")
    atlas_page.locator("#whatif-points li").first.locator("button").press("Enter")
    expect(atlas_page.locator("#map[data-points='1'][data-ready='true']")).to_be_attached(timeout=30_000)
    expect(atlas_page.locator(".whatif-marker")).to_have_count(1)

    # The figures behind a rank: expand a row from the keyboard.
    toggle = atlas_page.locator(f"#ranked-body tr.ranked-row[data-key='{worst}'] .row-toggle")
    toggle.focus()
    atlas_page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    details = atlas_page.locator(f"#details-{worst}")
    expect(details).to_be_visible()
    expect(details.locator(".supply-in-reach")).to_contain_text("Treffpunkte")
    expect(details.get_by_role("link", name="Profil öffnen")).to_have_attribute("href", f"/planungsraeume/{worst}/")
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/planner-details.png")
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_map_panel_links_to_the_profile(atlas_page, live_server):
    atlas_page.goto(live_server.url + "/")
    expect(atlas_page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    atlas_page.locator(".leaflet-control-layers-overlays label", has_text="Einrichtungen").locator("input").uncheck()
    point = atlas_page.evaluate(FIND_CLICK_POINT, "05200527")
    atlas_page.mouse.click(point["x"], point["y"])
    link = atlas_page.locator("#detail-panel").get_by_role("link", name="Profil öffnen")
    expect(link).to_have_attribute("href", "/planungsraeume/05200527/")
    link.click()
    expect(atlas_page.locator("h1")).to_have_text("Maulbeerallee")
    expect(atlas_page.locator("svg.static-map")).to_be_visible()
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/planner-profile.png", full_page=True)
    assert atlas_page.console_errors == []


def test_staaken_report_renders_and_prints_to_pdf(atlas_page, live_server):
    atlas_page.goto(live_server.url + "/ortsteile/0504/bericht/")
    expect(atlas_page.locator("h1")).to_contain_text("Staaken")
    expect(atlas_page.locator("#print-report")).to_be_visible()
    expect(atlas_page.locator(".coverage-table tbody tr")).to_have_count(10)
    expect(atlas_page.locator("svg.static-map path").first).to_be_attached()
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/planner-report.png", full_page=True)
    atlas_page.emulate_media(media="print")
    expect(atlas_page.locator(".site-header")).to_be_hidden()
    expect(atlas_page.locator(".report-toolbar")).to_be_hidden()
    pdf = atlas_page.pdf(format="A4", print_background=True)
    assert pdf.startswith(b"%PDF")
    os.makedirs("var/screenshots", exist_ok=True)
    with open(f"{SCREENSHOT_DIR}/planner-report-print.pdf", "wb") as handle:
        handle.write(pdf)
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []
