"""Subscribing to the events calendar: the webcal:// link, and the button that copies the feed's
address (with the page's filters) for web calendars, announced in the page's language."""

import pytest
from playwright.sync_api import expect

from tests.atlas.events.factories import in_days, make_event
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize(("language", "copied"), [("de", "Adresse kopiert."), ("ar", "تم نسخ العنوان.")])
def test_copy_button_puts_the_filtered_feed_address_on_the_clipboard(browser, live_server, geodata_live,
                                                                    language, copied):
    make_event(title="Workshop Fördermittel", slug="workshop", start=in_days(3, 10), topics=["fundraising"])
    context = browser.new_context(locale=language, viewport={"width": 390, "height": 844},
                                  permissions=["clipboard-read", "clipboard-write"])
    context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/veranstaltungen/?topic=fundraising")
    feed = f"{live_server.url}/events.ics?topic=fundraising"
    link = page.locator(".feed-link a[href^='webcal://']")
    expect(link).to_have_attribute("href", "webcal://" + feed.split("://", 1)[1])
    expect(page.locator("#feed-address")).to_have_value(feed)
    button = page.locator("button.copy-feed")
    expect(button).to_be_visible()
    button.click()
    status = page.locator(".feed-address .copy-status")
    expect(status).to_have_text(copied)
    assert page.evaluate("navigator.clipboard.readText()") == feed
    page.screenshot(path=f"{SCREENSHOT_DIR}/events-subscribe-{language}-390.png", full_page=True)
    page.set_viewport_size({"width": 1366, "height": 800})
    page.screenshot(path=f"{SCREENSHOT_DIR}/events-subscribe-{language}-1366.png", full_page=True)
    assert errors == []
    context.close()
