"""The proposal form in the browser: a failed submit puts focus on a summary of the mistakes whose links
lead to the fields; the languages can be filtered by typing; no WCAG violation in German and Arabic."""

import os

import pytest
from playwright.sync_api import expect

from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


@pytest.fixture(autouse=True)
def timed_forms(settings):
    settings.ATLAS_MIN_FILL_SECONDS = 30  # every submit here is "too fast": it must not be said beside mistakes


def test_empty_submit_focuses_the_summary_whose_links_lead_to_the_fields(atlas_page, live_server):
    page = atlas_page
    page.goto(f"{live_server.url}/vorschlagen/organisation/")
    expect(page.locator("label[for='id_name'] .required-marker")).to_have_text("*")
    page.get_by_role("button", name="Vorschlag senden").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Bitte korrigieren Sie:")
    expect(page.locator("main")).not_to_contain_text("zu schnell")
    links = summary.get_by_role("link")
    expect(links).to_have_count(2)  # the name and the consent
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    page.screenshot(path=f"{SCREENSHOT_DIR}/navform-proposal-errors-de.png")
    links.first.click()
    expect(page.locator("#id_name")).to_be_focused()
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("label[for='id_name']")).to_be_in_viewport()
    page.locator("#id_name").fill("Verein der Nachbarschaft")
    links.last.click()
    expect(page.locator("#id_privacy")).to_be_focused()
    assert page.console_errors == []


def test_typing_filters_the_languages(atlas_page, live_server):
    page = atlas_page
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/vorschlagen/organisation/")
    languages = page.locator("#id_languages li")
    arabic = languages.filter(has=page.locator("span[lang='ar']"))
    russian = languages.filter(has=page.locator("span[lang='ru']"))
    page.get_by_label("Russisch").check()
    search = page.get_by_label("Sprachen filtern")
    search.fill("arab")
    expect(arabic).to_be_visible()
    expect(arabic.locator("span[lang='ar']")).to_have_attribute("dir", "rtl")
    expect(russian).to_be_visible()  # ticked: stays in view
    expect(languages.filter(has=page.locator("span[lang='tr']"))).to_be_hidden()
    expect(page.locator("#id_languages_filter_status")).to_contain_text("2 von")
    search.press("Enter")  # does not send the form
    expect(page.locator("#error-summary")).to_have_count(0)
    page.screenshot(path=f"{SCREENSHOT_DIR}/navform-proposal-language-filter.png")
    search.fill("")
    expect(languages.filter(has=page.locator("span[lang='tr']"))).to_be_visible()
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_proposal_pages_have_no_wcag_violations(atlas_page, live_server, language):
    page = atlas_page
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/vorschlagen/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/vorschlagen/organisation/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    assert axe_violations(page) == []
    page.locator(".proposal-form button[type=submit]").click()
    expect(page.locator("#error-summary")).to_be_focused()
    page.locator("#id_languages_filter").fill("عرب" if language == "ar" else "arab")
    assert axe_violations(page) == []
    page.set_viewport_size(PHONE)
    page.screenshot(path=f"{SCREENSHOT_DIR}/navform-proposal-errors-{language}-390.png")
    assert page.console_errors == []
