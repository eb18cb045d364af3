"""Browser tests: Playwright drives Debian's Chromium against Django's live server. Every browser context
gets the street map's tiles from tests/browser/tiles.py (route interception), so no test reaches the
tile server and every map still draws its street base."""

from urllib.parse import urlparse

import pytest

from tests.browser.tiles import serve_tiles, tile_pattern

SCREENSHOT_DIR = "var/screenshots"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A German-speaking visitor unless a test says otherwise: the UI speaks German first.
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1400, "height": 900}}


@pytest.fixture(scope="session")
def browser(browser):
    """pytest-playwright's browser, whose every new context (the `page` fixture's and those a test opens
    itself) answers tile requests with the fixture tile. A test may route tiles otherwise (abort them to
    play offline): the page's routes come before the context's."""
    new_context = browser.new_context

    def new_context_with_tiles(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.route(tile_pattern(), serve_tiles)
        return context

    def new_page_with_tiles(*args, **kwargs):
        return new_context_with_tiles(*args, **kwargs).new_page()

    browser.new_context = new_context_with_tiles
    browser.new_page = new_page_with_tiles
    return browser


@pytest.fixture
def atlas_page(page, live_server, geodata_live):
    """A page that records console errors, page errors, the street map's tile requests (answered by the
    fixture, see browser above) and every other request leaving the live server."""
    page.console_errors = []
    page.outside_requests = []
    page.tile_requests = []
    live_host = urlparse(live_server.url).hostname
    tiles = tile_pattern()
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def record(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:")):
            return
        if tiles.match(request.url):
            page.tile_requests.append(request.url)
        elif host not in (live_host, "localhost", "127.0.0.1"):
            page.outside_requests.append(request.url)

    page.on("request", record)
    page.set_default_timeout(15_000)
    return page
