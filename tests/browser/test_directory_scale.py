"""The directory with more entries than one page of its list (ATLAS_DIRECTORY_LIST_PAGE_SIZE made small):
the count says them all, in the reader's number format; the map has a marker for every one, whose
popup fetches its entry when the list has not shown it yet; "more", by mouse or keyboard, brings the
list to its end, each entry exactly once."""

import pytest
from playwright.sync_api import expect

from atlas.directory.models import MeetingPlace, Organisation
from tests.atlas.directory.factories import make_many_organisations, make_organisation
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.test_directory import list_names, open_directory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGE_SIZE = 5


@pytest.fixture
def small_pages(settings):
    settings.ATLAS_DIRECTORY_LIST_PAGE_SIZE = PAGE_SIZE


@pytest.fixture
def twelve_organisations(geodata_live):
    # A grid 2 km apart across Spandau: at the district's zoom no two share a cluster.
    return [make_organisation(name=f"Verein {n + 1:02d}", location=(13.14 + 0.03 * (n % 4), 52.49 + 0.025 * (n // 4)))
            for n in range(12)]


def test_more_brings_the_list_to_its_end_and_every_marker_is_on_the_map(
        atlas_page, live_server, small_pages, twelve_organisations):
    page = atlas_page
    open_directory(page, live_server, "hide=places")
    expect(page.locator("#dir-count")).to_have_text("Treffer: 12")
    expect(page.locator("#map")).to_have_attribute("data-markers", "12")
    assert list_names(page) == ["Verein 01", "Verein 02", "Verein 03", "Verein 04", "Verein 05"]
    expect(page.locator("#dir-shown")).to_have_text("5 von 12 angezeigt")

    # A marker whose entry the list has not shown yet: its popup asks the API for it.
    last = twelve_organisations[-1]
    page.locator(f"path[data-key='organisation:{last.pk}']").click()
    expect(page.locator(".leaflet-popup-content .entry-popup .popup-name")).to_have_text("Verein 12")
    page.keyboard.press("Escape")

    more = page.locator("#dir-more")
    more.click()
    expect(page.locator("#directory-list .item-name")).to_have_count(10)
    # The keyboard goes on at the first new entry.
    expect(page.locator("#directory-list .item-name").nth(5)).to_be_focused()
    expect(page.locator("#dir-shown")).to_have_text("10 von 12 angezeigt")
    expect(more).to_have_text("Weitere 2 anzeigen")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#directory-list .item-name")).to_have_count(12)
    expect(more).to_be_hidden()
    expect(page.locator("#dir-shown")).to_have_text("12 von 12 angezeigt")
    assert list_names(page) == [f"Verein {n:02d}" for n in range(1, 13)]
    page.screenshot(path=f"{SCREENSHOT_DIR}/scale-list-end.png")
    assert page.console_errors == []
    assert page.outside_requests == []


def test_count_of_more_than_a_thousand_entries_is_complete_and_formatted(
        atlas_page, live_server, small_pages, geodata_live):
    make_many_organisations(1200)
    organisations = Organisation.objects.published().count()
    located = Organisation.objects.published().filter(location__isnull=False).count()
    places = MeetingPlace.objects.published().count()
    located_places = MeetingPlace.objects.published().filter(location__isnull=False).count()
    assert organisations == 1080
    page = atlas_page
    open_directory(page, live_server)
    expect(page.locator("#dir-count")).to_have_text(f"Treffer: {organisations + places:,}".replace(",", "."))
    expect(page.locator("#map")).to_have_attribute("data-markers", str(located + located_places))
    expect(page.locator("#directory-list .item-name")).to_have_count(PAGE_SIZE)
    page.screenshot(path=f"{SCREENSHOT_DIR}/scale-count-de.png")

    # In Arabic the number is formatted as Arabic readers expect it.
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    open_directory(page, live_server, "hide=places")
    expected = page.evaluate("(n) => new Intl.NumberFormat('ar').format(n)", organisations)
    expect(page.locator("#dir-count")).to_contain_text(expected)
    expect(page.locator("#map")).to_have_attribute("data-markers", str(located))
    page.screenshot(path=f"{SCREENSHOT_DIR}/scale-count-ar.png")
    assert page.console_errors == []
