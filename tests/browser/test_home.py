"""The residents' home (/) as a newcomer uses it: the directory and "what? where?" first, the district
filling the map on a desktop and a phone, names on the map that never collide, the list/map switch on
phones, few key presses to the search, the results and the zoom buttons, and no WCAG violation."""

import os
import re

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
# At most this many key presses (Tab, or Enter on a skip link) to the search, a result, the zoom buttons.
MAX_STEPS = 14

# Boxes of the Ortsteil names that show and of the marker clusters, on the screen. markercluster's
# own icons have a pale halo of 5 px that a name may cover (map/ortsteil-labels.js).
LABEL_AND_CLUSTER_BOXES = """() => {
  const box = (e, inset = 0) => { const r = e.getBoundingClientRect();
    return { left: r.left + inset, top: r.top + inset, right: r.right - inset, bottom: r.bottom - inset }; };
  const labels = [...document.querySelectorAll('.ortsteil-label')]
    .filter((e) => getComputedStyle(e).visibility === 'visible').map((e) => ({ name: e.textContent, ...box(e) }));
  const clusters = [...document.querySelectorAll('.dir-cluster, .event-cluster, .marker-cluster')]
    .map((e) => box(e, e.classList.contains('marker-cluster') ? 5 : 0));
  return { labels, clusters };
}"""

# A point inside the Ortsteil of a hidden name, on the map and away from the controls.
POINTS_IN_ORTSTEILE = """() => {
  // A few points inside each Ortsteil's outline, away from the map's edges and controls.
  const map = document.getElementById('map').getBoundingClientRect();
  const points = [];
  for (const path of document.querySelectorAll('path.ortsteil-outline')) {
    const svgBox = path.getBoundingClientRect();
    const matrix = path.getScreenCTM().inverse();
    let found = 0;
    for (let step = 1; step < 400 && found < 3; step++) {
      const x = svgBox.left + svgBox.width * ((step * 0.618) % 1);
      const y = svgBox.top + svgBox.height * ((step * 0.382) % 1);
      if (x < map.left + 60 || x > map.right - 60 || y < map.top + 60 || y > map.bottom - 60) continue;
      if (!path.isPointInFill(new DOMPoint(x, y).matrixTransform(matrix))) continue;
      points.push({ x, y });
      found += 1;
    }
  }
  return points;
}"""


def overlaps(a, b):
    return a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]


def open_home(page, live_server, query="", language=None, viewport=DESKTOP):
    if language:
        page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/{query}")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator("#directory-list[data-state='ready']")).to_be_attached(timeout=30_000)


def settle(page):
    """Waits until marker clusters and the placing of names (120 ms after the last change) are done."""
    page.wait_for_timeout(700)


def collisions(page):
    boxes = page.evaluate(LABEL_AND_CLUSTER_BOXES)
    labels, clusters = boxes["labels"], boxes["clusters"]
    found = []
    for index, label in enumerate(labels):
        found += [f"{label['name']} on {other['name']}" for other in labels[index + 1:] if overlaps(label, other)]
        found += [f"{label['name']} on a cluster" for cluster in clusters if overlaps(label, cluster)]
    return labels, found


def assert_no_collisions(page, timeout_ms=8_000):
    """Once the clusters have stopped gliding (they animate after every zoom), no name overlaps another
    name or a cluster. Returns the names that show."""
    waited = 0
    labels, found = collisions(page)
    while found and waited < timeout_ms:
        page.wait_for_timeout(200)
        waited += 200
        labels, found = collisions(page)
    assert found == [], found
    return labels


def district_share(page):
    """How much of the map's width and height the district's outline takes."""
    return page.evaluate("""() => {
      const map = document.getElementById('map').getBoundingClientRect();
      const boxes = [...document.querySelectorAll('path.ortsteil-outline')].map((p) => p.getBoundingClientRect());
      const left = Math.min(...boxes.map((b) => b.left)), right = Math.max(...boxes.map((b) => b.right));
      const top = Math.min(...boxes.map((b) => b.top)), bottom = Math.max(...boxes.map((b) => b.bottom));
      return { width: (right - left) / map.width, height: (bottom - top) / map.height,
               inside: left >= map.left - 1 && right <= map.right + 1
                       && top >= map.top - 1 && bottom <= map.bottom + 1 };
    }""")


def test_home_opens_on_the_directory_with_what_and_where_first(atlas_page, live_server):
    open_home(atlas_page, live_server)
    expect(atlas_page.locator("#tab-directory")).to_have_attribute("aria-selected", "true")
    expect(atlas_page.locator("[role=tab]").first).to_have_attribute("id", "tab-directory")
    expect(atlas_page.locator("#panel-layers")).to_be_hidden()
    expect(atlas_page.locator(".home-intro")).to_have_text(
        "Beratung, Kurse und Treffpunkte in Spandau – in Ihrer Sprache, in Ihrer Nähe.")
    search = atlas_page.get_by_role("group", name="Was suchen Sie? Wo?")
    expect(search.get_by_label("Was?")).to_have_attribute("id", "dir-q")
    expect(search.get_by_label("Wo?")).to_have_attribute("id", "dir-address")
    # The search comes before the other filters in the form.
    order = atlas_page.eval_on_selector_all("#directory-form input, #directory-form select",
                                            "els => els.map(e => e.id)")
    assert order[:2] == ["dir-q", "dir-address"]
    # No statistics colouring for residents: every planning area keeps the neutral fill.
    expect(atlas_page.locator("#indicator-select")).to_have_value("")
    expect(atlas_page.locator("#legend")).to_be_empty()
    fills = atlas_page.eval_on_selector_all("path[data-planning-area]", "els => els.map(e => e.getAttribute('fill'))")
    assert len(fills) == 45 and set(fills) == {"#888"}
    # No view is written into the address until the visitor moves the map.
    assert "map=" not in atlas_page.url
    settle(atlas_page)
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/home-de-1366.png")
    assert atlas_page.console_errors == []


def test_a_link_to_the_layers_tab_still_opens_it(atlas_page, live_server):
    open_home(atlas_page, live_server, "?tab=ebenen")
    expect(atlas_page.locator("#tab-layers")).to_have_attribute("aria-selected", "true")
    expect(atlas_page.locator("#indicator-select")).to_be_visible()
    expect(atlas_page.locator("#panel-directory")).to_be_hidden()
    # Back to the directory: the default writes no tab into the address.
    atlas_page.locator("#tab-directory").click()
    expect(atlas_page.locator("#dir-q")).to_be_visible()
    assert "tab=" not in atlas_page.url


def test_one_choice_brings_the_colouring_back_and_the_address_keeps_it(atlas_page, live_server):
    open_home(atlas_page, live_server, "?tab=ebenen")
    atlas_page.select_option("#indicator-select", "mss_status_index")
    expect(atlas_page.locator("#legend .legend-title")).to_have_text("Sozialer Status (MSS 2021)")
    expect(atlas_page).to_have_url(re.compile(r"indicator=mss_status_index"))
    assert atlas_page.get_attribute("path[data-planning-area='05200527']", "fill").lower() == "#d73027"
    atlas_page.reload()
    expect(atlas_page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(atlas_page.locator("#indicator-select")).to_have_value("mss_status_index")
    expect(atlas_page.locator("#legend .legend-title")).to_have_text("Sozialer Status (MSS 2021)")
    atlas_page.select_option("#indicator-select", "")
    expect(atlas_page.locator("#legend")).to_be_empty()
    assert "indicator=" not in atlas_page.url
    # An unknown indicator in a link is ignored.
    open_home(atlas_page, live_server, "?tab=ebenen&indicator=nonsense")
    expect(atlas_page.locator("#indicator-select")).to_have_value("")
    assert atlas_page.console_errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_district_fills_the_map(atlas_page, live_server, viewport):
    open_home(atlas_page, live_server, viewport=viewport)
    if viewport is PHONE:
        atlas_page.get_by_role("button", name="Karte", exact=True).click()
    share = district_share(atlas_page)
    # Eighth zoom steps: the district takes nearly all of the map's height or width, and all of it shows.
    assert share["inside"], share
    assert max(share["width"], share["height"]) > 0.9, share


def test_ortsteil_names_never_collide_and_hidden_ones_show_on_hover(atlas_page, live_server):
    open_home(atlas_page, live_server)
    settle(atlas_page)
    shown = assert_no_collisions(atlas_page)
    assert shown, "some names fit at the district's zoom"
    hidden = atlas_page.locator(".ortsteil-label.is-crowded")
    assert len(shown) + hidden.count() == 9
    # A hidden name appears as a tooltip while the pointer is over its Ortsteil.
    if hidden.count():
        revealed = atlas_page.locator(".ortsteil-label.is-revealed")
        for point in atlas_page.evaluate(POINTS_IN_ORTSTEILE):  # until the pointer is over a hidden name's Ortsteil
            atlas_page.mouse.move(point["x"], point["y"])
            atlas_page.wait_for_timeout(50)
            if revealed.count():
                break
        expect(revealed).to_have_count(1)
        expect(revealed).to_be_visible()
        assert "is-crowded" in revealed.get_attribute("class")
        atlas_page.mouse.move(5, 400)  # over the sidebar: the map loses the pointer
        expect(atlas_page.locator(".ortsteil-label.is-revealed")).to_have_count(0)
    # After zooming in, the names are placed again.
    atlas_page.locator(".leaflet-control-zoom-in").click()
    settle(atlas_page)
    assert_no_collisions(atlas_page)
    atlas_page.locator(".leaflet-control-zoom-in").click()
    settle(atlas_page)
    assert_no_collisions(atlas_page)
    assert atlas_page.console_errors == []


def test_clusters_are_announced_with_their_count(atlas_page, live_server):
    open_home(atlas_page, live_server)
    settle(atlas_page)
    # The facilities are off until chosen: the home shows the directory's entries.
    facilities = atlas_page.locator(".leaflet-control-layers-overlays label", has_text="Einrichtungen").locator("input")
    expect(facilities).not_to_be_checked()
    assert atlas_page.locator(".marker-cluster").count() == 0
    facilities.check()
    settle(atlas_page)
    for selector, noun in ((".dir-cluster", "Einträge"), (".marker-cluster", "Einrichtungen")):
        cluster = atlas_page.locator(selector).first
        expect(cluster).to_have_attribute("role", "button")
        count = cluster.inner_text().strip()
        assert count.isdigit()
        expect(cluster).to_have_attribute("aria-label", f"{count} {noun} – hineinzoomen")
    # Enter on a focused cluster zooms in, like a click: the visitor's view goes into the address.
    assert "map=" not in atlas_page.url
    atlas_page.locator(".dir-cluster").first.focus()
    atlas_page.keyboard.press("Enter")
    expect(atlas_page).to_have_url(re.compile(r"map=\d"))
    assert atlas_page.console_errors == []


def press_until(page, predicate, key="Tab", limit=80):
    for step in range(1, limit + 1):
        page.keyboard.press(key)
        if page.evaluate(predicate):
            return step
    raise AssertionError(f"never reached: {predicate}")


def steps_by_skip_link(page, live_server, link, target):
    """Key presses from the page's start: Tab to the skip link, Enter, then Tab to the target."""
    open_home(page, live_server)
    steps = press_until(page, f"() => document.activeElement.textContent.trim() === {link!r}")
    page.keyboard.press("Enter")
    steps += 1
    if page.evaluate(target):
        return steps
    return steps + press_until(page, target)


SEARCH = "() => document.activeElement.id === 'dir-q'"
FIRST_RESULT = "() => Boolean(document.querySelector('#directory-list li')?.contains(document.activeElement))"
ZOOM_IN = "() => document.activeElement.classList.contains('leaflet-control-zoom-in')"


def test_few_key_presses_reach_the_search_the_results_and_the_zoom_buttons(atlas_page, live_server):
    atlas_page.set_viewport_size(DESKTOP)
    steps = {
        "search": steps_by_skip_link(atlas_page, live_server, "Zur Suche springen", SEARCH),
        "first result": steps_by_skip_link(atlas_page, live_server, "Zu den Treffern springen", FIRST_RESULT),
        "zoom buttons": steps_by_skip_link(atlas_page, live_server, "Zur Karte springen", ZOOM_IN),
    }
    print("key presses from the page's start:", steps)
    assert all(count <= MAX_STEPS for count in steps.values()), steps
    # Tab alone, without the skip links: the planning areas are not in the way.
    open_home(atlas_page, live_server)
    assert atlas_page.locator("path[tabindex]").count() == 0
    only_tab = press_until(atlas_page, SEARCH)
    print("Tab alone to the search:", only_tab)
    assert only_tab <= 20
    # From the map, the zoom buttons come first, before any marker.
    atlas_page.locator("#map").focus()
    atlas_page.keyboard.press("Tab")
    assert atlas_page.evaluate(ZOOM_IN)


def test_phone_switches_between_list_and_map(atlas_page, live_server):
    open_home(atlas_page, live_server, viewport=PHONE)
    switch = atlas_page.get_by_role("group", name="Liste oder Karte")
    list_button = switch.get_by_role("button", name="Liste")
    map_button = switch.get_by_role("button", name="Karte")
    expect(list_button).to_have_attribute("aria-pressed", "true")
    expect(map_button).to_have_attribute("aria-pressed", "false")
    expect(atlas_page.locator(".map-controls")).to_be_visible()
    expect(atlas_page.locator("#map")).to_be_hidden()
    # The page itself does not scroll; the list scrolls within its own area.
    assert atlas_page.evaluate("document.documentElement.scrollHeight") <= PHONE["height"]
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/home-de-390.png")
    # Keyboard: the switch is reachable and works with Enter.
    map_button.focus()
    atlas_page.keyboard.press("Enter")
    expect(map_button).to_have_attribute("aria-pressed", "true")
    expect(atlas_page.locator("#map")).to_be_visible()
    expect(atlas_page.locator(".map-controls")).to_be_hidden()
    map_box = atlas_page.locator("#map").bounding_box()
    assert map_box["height"] > 0.6 * PHONE["height"] and map_box["width"] >= PHONE["width"] - 1
    settle(atlas_page)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/home-de-390-map.png")
    # Back to the list; "show on the map" goes to the map by itself.
    list_button.click()
    expect(atlas_page.locator("#map")).to_be_hidden()
    atlas_page.locator("#directory-list .item-show").first.click()
    expect(map_button).to_have_attribute("aria-pressed", "true")
    expect(atlas_page.locator(".leaflet-popup")).to_be_visible()
    assert atlas_page.console_errors == []


def test_on_wide_screens_list_and_map_show_together(atlas_page, live_server):
    open_home(atlas_page, live_server)
    expect(atlas_page.locator(".view-switch")).to_be_hidden()
    expect(atlas_page.locator(".map-controls")).to_be_visible()
    expect(atlas_page.locator("#map")).to_be_visible()


@pytest.mark.parametrize("language", ["de", "ar"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1366", "390"])
def test_home_has_no_wcag_violations(atlas_page, live_server, language, viewport):
    open_home(atlas_page, live_server, language=language, viewport=viewport)
    expect(atlas_page.locator("html")).to_have_attribute("lang", language)
    settle(atlas_page)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/home-{language}-{viewport['width']}.png")
    assert axe_violations(atlas_page) == []
    if viewport is PHONE:
        atlas_page.locator(".view-switch [data-view='map']").click()
        settle(atlas_page)
        atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/home-{language}-390-map.png")
        assert axe_violations(atlas_page) == []
    assert atlas_page.console_errors == []
