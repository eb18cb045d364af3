"""The directory's search beside the map as a resident uses it: a typo, a word in Arabic, nonsense that
gets a "Meinten Sie …?" which searches when clicked."""

import os

import pytest
from playwright.sync_api import expect

from tests.atlas.directory.factories import make_organisation
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.test_directory import open_directory, wait_for_list

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MOSQUES = {"Hoca Ahmet Yesevi Camii", "Spandau Yeni Camii"}


def type_search(page, text):
    field = page.locator("#dir-q")
    field.fill("")
    field.press_sequentially(text, delay=20)


def test_typing_moshee_finds_the_mosques_and_nonsense_gets_a_suggestion(atlas_page, live_server, geodata_live):
    make_organisation(name="Elterntreff Mitte", categories=["counselling"])
    open_directory(atlas_page, live_server)
    type_search(atlas_page, "Moshee")
    names = wait_for_list(atlas_page, lambda names: set(names) == MOSQUES)
    assert set(names) == MOSQUES
    expect(atlas_page.locator("#dir-suggestions")).to_be_hidden()
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/search-moshee-de.png")

    type_search(atlas_page, "Moschxyz")
    suggestion = atlas_page.locator("#dir-suggestions")
    expect(suggestion).to_have_text("Meinten Sie: Moschee?")
    expect(atlas_page.locator("#dir-count")).to_have_text("Keine Einträge gefunden. Bitte Filter lockern.")
    assert wait_for_list(atlas_page, lambda names: names == []) == []
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/search-suggestion-de.png")

    suggestion.get_by_role("button", name="Moschee").click()
    expect(atlas_page.locator("#dir-q")).to_have_value("Moschee")
    expect(atlas_page.locator("#dir-q")).to_be_focused()
    assert set(wait_for_list(atlas_page, lambda names: set(names) == MOSQUES)) == MOSQUES
    expect(suggestion).to_be_hidden()
    assert "q=Moschee" in atlas_page.url

    # A typo of a field of activity finds the organisations in it.
    type_search(atlas_page, "Beratnug")
    assert "Elterntreff Mitte" in wait_for_list(atlas_page, lambda names: "Elterntreff Mitte" in names)
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


@pytest.mark.parametrize(("language", "word", "label"), [("ar", "مسجد", "مسجد"), ("uk", "мечеть", "мечеть")])
def test_the_residents_own_language_finds_the_mosques(atlas_page, live_server, geodata_live, language, word, label):
    atlas_page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    atlas_page.set_viewport_size({"width": 390, "height": 844})
    open_directory(atlas_page, live_server)
    type_search(atlas_page, word)
    assert set(wait_for_list(atlas_page, lambda names: set(names) == MOSQUES)) == MOSQUES
    type_search(atlas_page, "Moschxyz")
    button = atlas_page.locator("#dir-suggestions").get_by_role("button", name=label)
    expect(button).to_be_visible()
    os.makedirs(SCREENSHOT_DIR, exist_ok=True)
    button.scroll_into_view_if_needed()
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/search-suggestion-{language}-phone.png")
    button.click()
    assert set(wait_for_list(atlas_page, lambda names: set(names) == MOSQUES)) == MOSQUES
    assert atlas_page.console_errors == []
