"""Browser tests: Playwright drives Debian's Chromium against Django's live server."""

from urllib.parse import urlparse

import pytest

SCREENSHOT_DIR = "var/screenshots"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A German-speaking visitor unless a test says otherwise: the UI speaks German first.
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1400, "height": 900}}


@pytest.fixture
def atlas_page(page, live_server, geodata_live):
    """A page that records console errors, page errors and every request leaving the live server."""
    page.console_errors = []
    page.outside_requests = []
    live_host = urlparse(live_server.url).hostname
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))

    def record(request):
        host = urlparse(request.url).hostname
        if request.url.startswith(("data:", "blob:")):
            return
        if host not in (live_host, "localhost", "127.0.0.1"):
            page.outside_requests.append(request.url)

    page.on("request", record)
    page.set_default_timeout(15_000)
    return page
