"""The site header hides nothing: on wide screens its links wrap or fit, on phones a menu button opens
them all; logged in or not, in German, Russian (long words) and Arabic (right to left)."""

import os

import pytest
from playwright.sync_api import expect

from atlas.roles.permissions import COORDINATORS
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.test_moderation import log_in
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = [(1024, 768), (1366, 800), (390, 844)]
LANGUAGES = ["de", "ru", "ar"]
PHONE = (390, 844)
MAIN_LINKS = 9  # templates/base.html

# Each link, button and field of the header: is its box inside the viewport, and is it what a click on
# its middle hits (not cut off by an overflow, not covered)?
HEADER_CONTROLS_IN_VIEW = """() => [...document.querySelectorAll(
    '.site-header a, .site-header button:not(.menu-button), .site-header select')].map((element) => {
  const box = element.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  const inside = box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0
    && box.right <= window.innerWidth && box.bottom <= window.innerHeight;
  return {name: element.textContent.trim() || element.name, in_view: inside && !!hit && element.contains(hit)};
})"""


def open_menu_if_folded(page):
    """Opens the header's menu where the screen is narrow enough to fold it; True if it did."""
    button = page.locator(".menu-button")
    if not button.is_visible():
        return False
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".main-nav")).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    return True


def set_language(page, live_server, language):
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])


@pytest.mark.parametrize("coordinator", [False, True], ids=["visitor", "coordinator"])
def test_every_header_link_is_in_view_on_every_screen(atlas_page, live_server, coordinator):
    page = atlas_page
    if coordinator:
        make_user("koordination-nav", role=COORDINATORS)
        log_in(page, live_server, "koordination-nav")
    # At least: main links, account links (account and log-out, or log-in), brand, language select and button.
    expected = MAIN_LINKS + (2 if coordinator else 1) + 3
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    for language in LANGUAGES:
        set_language(page, live_server, language)
        for width, height in VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(f"{live_server.url}/vorschlagen/")
            expect(page.locator("html")).to_have_attribute("lang", language)
            folded = open_menu_if_folded(page)
            assert folded == (width < 768), (language, width)
            controls = page.evaluate(HEADER_CONTROLS_IN_VIEW)
            assert len(controls) >= expected, (language, width, controls)
            assert [control["name"] for control in controls if not control["in_view"]] == [], (language, width)
            assert axe_violations(page) == [], (language, width)
            who = "coordinator" if coordinator else "visitor"
            page.screenshot(path=f"{SCREENSHOT_DIR}/navform-header-{who}-{language}-{width}.png")
    assert page.console_errors == []


def test_menu_button_works_by_keyboard(atlas_page, live_server):
    page = atlas_page
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(f"{live_server.url}/vorschlagen/")
    button = page.get_by_role("button", name="Menü")
    expect(button).to_have_attribute("aria-controls", "site-menu")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("Tab")
    expect(page.locator(".main-nav a").first).to_be_focused()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(button).to_be_focused()
    expect(page.locator(".main-nav")).to_be_hidden()
    # A click outside the header closes it too; the language switcher is in the menu.
    page.keyboard.press("Space")
    expect(page.locator("#language-select")).to_be_visible()
    page.mouse.click(PHONE[0] // 2, PHONE[1] - 80)  # below the open menu
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.console_errors == []


def test_without_javascript_every_link_shows_on_a_phone(browser, live_server, geodata_live):
    context = browser.new_context(java_script_enabled=False, locale="de-DE",
                                  viewport={"width": PHONE[0], "height": PHONE[1]})
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/vorschlagen/")
        expect(page.locator(".menu-button")).to_be_hidden()
        controls = page.evaluate(HEADER_CONTROLS_IN_VIEW)
        assert len(controls) >= MAIN_LINKS + 1 + 3
        assert [control["name"] for control in controls if not control["in_view"]] == []
        page.screenshot(path=f"{SCREENSHOT_DIR}/navform-header-nojs-de-390.png")
    finally:
        context.close()


@pytest.mark.parametrize(("language", "viewport"), [("de", PHONE), ("ru", (1024, 768))], ids=["de-phone", "ru-1024"])
def test_on_the_map_page_the_menu_covers_the_map_and_the_map_fills_the_rest(atlas_page, live_server, language,
                                                                             viewport):
    page = atlas_page
    set_language(page, live_server, language)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{live_server.url}/")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    # Header, map area and footer share the window without a gap or a page scrollbar.
    header = page.locator(".site-header").bounding_box()
    main = page.locator("main").bounding_box()
    footer = page.locator(".site-footer").bounding_box()
    assert abs(header["y"] + header["height"] - main["y"]) < 1
    assert abs(main["y"] + main["height"] - footer["y"]) < 1
    assert abs(footer["y"] + footer["height"] - viewport[1]) < 1
    assert page.evaluate("document.documentElement.scrollHeight") <= viewport[1]
    open_menu_if_folded(page)
    controls = page.evaluate(HEADER_CONTROLS_IN_VIEW)
    assert [control["name"] for control in controls if not control["in_view"]] == []
    assert axe_violations(page) == []
    page.screenshot(path=f"{SCREENSHOT_DIR}/navform-map-{language}-{viewport[0]}.png")
    assert page.console_errors == []
