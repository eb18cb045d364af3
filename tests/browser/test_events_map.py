"""Events on the map page: calendar markers and the list in the "Ebenen" tab, filters, the layer
switch, and event titles that stay text."""

import datetime

import pytest
from playwright.sync_api import expect

from atlas.directory.models import PublicationStatus
from tests.atlas.directory.factories import make_meeting_place
from tests.atlas.events.factories import in_days, make_event
from tests.browser.conftest import SCREENSHOT_DIR

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HOSTILE_TITLE = "Workshop <img src=x onerror=alert(1)> Fördermittel"
OBSTALLEE = (13.16591, 52.52237)
KLADOW = (13.1416, 52.4530)


@pytest.fixture
def events(geodata_live):
    place = make_meeting_place(name="Stadtteilzentrum Obstallee", slug="stz-obstallee", location=OBSTALLEE)
    return {
        "hostile": make_event(title=HOSTILE_TITLE, slug="workshop-foerdermittel", meeting_place=place,
                              start=in_days(3, 10), topics=["fundraising"], languages=["tr"]),
        "kladow": make_event(title="Netzwerktreffen Kladow", slug="netzwerktreffen-kladow", location=KLADOW,
                             start=in_days(5, 18), topics=["networking"], languages=["ar"]),
        "draft": make_event(title="Entwurf nicht zeigen", slug="entwurf", status=PublicationStatus.DRAFT,
                            meeting_place=place, start=in_days(4)),
        "past": make_event(title="Schon vorbei", slug="schon-vorbei", start=in_days(-3),
                           end=in_days(-3) + datetime.timedelta(hours=2)),
    }


def open_map(page, live_server):
    # The events' list and filters are in the "Ebenen" tab (the home opens on the directory).
    page.goto(live_server.url + "/?tab=ebenen")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator("#event-list[data-state='ready']")).to_be_attached(timeout=30_000)


def item(page, slug):
    return page.locator(f"#event-list li[data-event='{slug}']")


def test_published_upcoming_events_are_listed_and_shown_as_text(atlas_page, live_server, events):
    dialogs = []
    atlas_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    open_map(atlas_page, live_server)
    items = atlas_page.locator("#event-list li")
    expect(items).to_have_count(2)
    titles = atlas_page.locator("#event-list .item-name").all_inner_texts()
    assert titles == [HOSTILE_TITLE, "Netzwerktreffen Kladow"]  # soonest first; no draft, nothing past
    hostile = item(atlas_page, "workshop-foerdermittel")
    expect(hostile.locator(".item-name")).to_have_attribute("href", "/veranstaltungen/workshop-foerdermittel/")
    expect(hostile.locator(".event-place")).to_contain_text("Stadtteilzentrum Obstallee")
    start = events["hostile"].start
    expect(hostile.locator(".event-when")).to_contain_text("10:00")
    expect(hostile.locator(".event-when")).to_contain_text(f"{start.day}.")
    expect(atlas_page.locator("#events-status")).to_have_text("Treffer: 2")

    # The list item zooms to the event and opens its popup, whose title is text.
    hostile.get_by_role("button", name=f"Auf der Karte zeigen: {HOSTILE_TITLE}").click()
    popup = atlas_page.locator(".leaflet-popup .event-popup")
    expect(popup).to_be_visible()
    expect(popup.locator(".popup-name")).to_have_text(HOSTILE_TITLE)
    expect(popup.locator(".event-place")).to_contain_text("Stadtteilzentrum Obstallee")
    expect(popup.locator("a")).to_have_attribute("href", "/veranstaltungen/workshop-foerdermittel/")
    expect(hostile).to_have_attribute("aria-current", "true")
    marker = atlas_page.locator(".leaflet-marker-icon.event-marker[data-event='workshop-foerdermittel']")
    expect(marker).to_be_visible()
    expect(marker).to_have_attribute("title", HOSTILE_TITLE)
    expect(marker).to_have_attribute("tabindex", "0")
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/map-events.png")

    assert atlas_page.locator("img[src='x']").count() == 0
    assert atlas_page.get_by_text("Entwurf nicht zeigen").count() == 0
    assert dialogs == []
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_markers_open_popups_and_the_checkbox_switches_the_layer(atlas_page, live_server, events):
    open_map(atlas_page, live_server)
    item(atlas_page, "netzwerktreffen-kladow").get_by_role("button").click()
    popup_name = atlas_page.locator(".leaflet-popup .event-popup .popup-name")
    expect(popup_name).to_have_text("Netzwerktreffen Kladow")
    marker = atlas_page.locator(".leaflet-marker-icon.event-marker[data-event='netzwerktreffen-kladow']")
    expect(marker).to_be_visible()
    atlas_page.locator(".leaflet-popup-close-button").click()
    expect(popup_name).to_have_count(0)
    # Keyboard: Enter on the focused marker opens its popup again.
    marker.focus()
    atlas_page.keyboard.press("Enter")
    expect(popup_name).to_have_text("Netzwerktreffen Kladow")
    assert atlas_page.locator(".event-marker[data-event='entwurf']").count() == 0

    toggle = atlas_page.get_by_label("Veranstaltungen", exact=True)
    toggle.uncheck()
    expect(atlas_page.locator(".event-marker")).to_have_count(0)
    expect(atlas_page.locator(".event-cluster")).to_have_count(0)
    expect(atlas_page.locator("#events-section")).to_be_hidden()
    toggle.check()
    expect(atlas_page.locator("#events-section")).to_be_visible()
    expect(marker).to_be_visible()
    assert atlas_page.console_errors == []


def test_topic_and_language_filters_narrow_the_events(atlas_page, live_server, events):
    open_map(atlas_page, live_server)
    atlas_page.select_option("#events-topic", "networking")
    expect(atlas_page.locator("#event-list li")).to_have_count(1)
    expect(atlas_page.locator("#event-list .item-name")).to_have_text("Netzwerktreffen Kladow")
    atlas_page.select_option("#events-topic", "")
    atlas_page.select_option("#events-language", "tr")
    expect(atlas_page.locator("#event-list li")).to_have_count(1)
    expect(atlas_page.locator("#event-list .item-name")).to_have_text(HOSTILE_TITLE)
    # Only the languages of upcoming published events are offered.
    offered = atlas_page.eval_on_selector_all("#events-language option", "options => options.map(o => o.value)")
    assert offered[0] == "" and set(offered[1:]) == {"ar", "tr"}
    atlas_page.select_option("#events-topic", "networking")
    expect(atlas_page.locator("#event-list li")).to_have_count(0)
    expect(atlas_page.locator("#events-status")).to_contain_text("Zurzeit keine kommenden Veranstaltungen")
    expect(atlas_page.locator(".event-marker")).to_have_count(0)
    assert atlas_page.console_errors == []
