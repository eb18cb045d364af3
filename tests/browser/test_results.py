"""Results that answer (#11, point 4), as a resident meets them beside the map: near an address each
result says its address, whether it is open now, the languages, the distance and offers walking
directions in a new tab; the popup says the same; category names in Arabic; the open-now and
wheelchair filters; a shared link keeps the language; axe-core finds nothing on the map page."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from atlas.directory.models import Organisation
from geodata.transit import nearest_stops
from tests.atlas.directory.factories import make_organisation
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.test_directory import open_directory, wait_for_list
from tests.factories import point

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALWAYS = {day: [["00:00", "24:00"]] for day in ("mo", "tu", "we", "th", "fr", "sa", "su")}
NEAR_OBSTALLEE = (13.1665, 52.5226)
FURTHER = (13.1710, 52.5235)


@pytest.fixture
def results(geodata_live):
    return [
        make_organisation(
            name="Elternverein Obstallee", slug="elternverein-obstallee", street="Obstallee 24", postcode="13593",
            opening_hours=ALWAYS, wheelchair_access="yes", categories=["counselling"], languages=["tr", "ar"],
            location=NEAR_OBSTALLEE),
        make_organisation(
            name="Frauentreff Staaken", slug="frauentreff-staaken", street="Obstallee 30", postcode="13593",
            opening_hours={}, categories=["women"], languages=["ar", "de"], location=FURTHER),
        make_organisation(
            name="Sprachmittlerin Staaken", slug="sprachmittlerin-staaken", kind=Organisation.Kind.INDIVIDUAL,
            consent_publish_address=False, street="Geheimweg 1", postcode="13593", categories=["translation"],
            languages=["fa"], location=FURTHER),
    ]


def only_organisations(page):
    page.uncheck("#dir-show-places")
    return wait_for_list(page, lambda names: len(names) == 3)


def test_near_an_address_each_result_answers(atlas_page, live_server, results):
    open_directory(atlas_page, live_server)
    atlas_page.fill("#dir-address", "Obstallee 22, 13593 Berlin")
    atlas_page.press("#dir-address", "Enter")
    expect(atlas_page.locator("#dir-count")).to_contain_text("nach Entfernung sortiert", timeout=20_000)
    names = only_organisations(atlas_page)
    assert names[0] == "Elternverein Obstallee"
    near = parse_qs(urlparse(atlas_page.url).query)["near"][0]
    lon, lat = (float(value) for value in near.split(","))

    item = atlas_page.locator("#directory-list li[data-slug='elternverein-obstallee']")
    expect(item.locator(".summary-address")).to_have_text("Obstallee 24, 13593 Berlin")
    expect(item.locator(".summary-hours .open-status.is-open")).to_have_text("jetzt geöffnet")
    expect(item.locator(".summary-hours")).to_contain_text("heute 00:00–24:00")
    expect(item.locator(".item-languages li[lang='ar']")).to_have_text("العربية")
    expect(item.locator(".item-languages li[lang='ar']")).to_have_attribute("dir", "rtl")
    expect(item.locator(".item-languages li[lang='tr']")).to_have_text("Türkçe")
    expect(item.locator(".item-distance")).to_have_text(re.compile(r"^\d+ m · \d+ Min\. zu Fuß$"))
    expect(item.locator(".summary-access")).to_have_text("rollstuhlgerecht")
    route = item.locator(".summary-route a")
    expect(route).to_have_attribute("target", "_blank")
    expect(route).to_have_attribute("rel", "noopener")
    expect(route).to_have_attribute("aria-label", "Route zu Fuß: Elternverein Obstallee (öffnet in neuem Tab)")
    href = route.get_attribute("href")
    assert href.startswith("https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=")
    assert f"route={lat:.5f},{lon:.5f};{NEAR_OBSTALLEE[1]:.5f},{NEAR_OBSTALLEE[0]:.5f}" in href
    # Getting there: the nearest stops by the server's rule, each with its distance.
    expected = nearest_stops(point(*NEAR_OBSTALLEE))
    stops = item.locator(".summary-stops")
    expect(stops.locator(".summary-stops-label")).to_have_text("Haltestellen:")
    expect(stops.locator(".stop-name")).to_have_text([stop.name for stop in expected])
    expect(stops.locator(".stop-distance")).to_have_text([f"{stop.distance_m} m" for stop in expected])
    expect(stops.locator(".transit-symbol").first).to_be_visible()

    closed = atlas_page.locator("#directory-list li[data-slug='frauentreff-staaken']")
    expect(closed.locator(".summary-hours")).to_have_count(0)  # no opening hours, no claim
    individual = atlas_page.locator("#directory-list li[data-slug='sprachmittlerin-staaken']")
    expect(individual.locator(".summary-area")).to_have_text("nur Gebiet")
    expect(individual.locator(".summary-route")).to_have_count(0)
    expect(individual.locator(".summary-stops")).to_have_count(0)  # its point only names the area
    assert "Geheimweg" not in atlas_page.locator("#directory-list").inner_text()

    # The popup says the same.
    item.locator(".item-show").click()
    popup = atlas_page.locator(".leaflet-popup-content .entry-popup")
    expect(popup.locator(".summary-address")).to_have_text("Obstallee 24, 13593 Berlin")
    expect(popup.locator(".open-status")).to_have_text("jetzt geöffnet")
    expect(popup.locator(".popup-distance")).to_contain_text("Min. zu Fuß")
    expect(popup.locator(".summary-route a")).to_have_attribute("href", href)
    expect(popup.locator(".summary-route a")).to_have_attribute("target", "_blank")
    expect(popup.locator(".nearest-stops")).to_have_count(1)
    expect(popup.locator(".nearest-stops .stop-name")).to_have_text([stop.name for stop in expected])
    atlas_page.wait_for_timeout(400)  # the popup's fade
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/results-near-address.png")
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_open_now_and_wheelchair_narrow_the_list(atlas_page, live_server, results):
    open_directory(atlas_page, live_server)
    only_organisations(atlas_page)
    atlas_page.check("#dir-open-now")
    assert wait_for_list(atlas_page, lambda names: names == ["Elternverein Obstallee"])
    assert "open_now=true" in atlas_page.url
    atlas_page.uncheck("#dir-open-now")
    wait_for_list(atlas_page, lambda names: len(names) == 3)
    atlas_page.check("#dir-wheelchair")
    assert wait_for_list(atlas_page, lambda names: names == ["Elternverein Obstallee"])
    assert "wheelchair=true" in atlas_page.url
    # A shared link restores the ticks.
    atlas_page.goto(atlas_page.url)
    expect(atlas_page.locator("#dir-wheelchair")).to_be_checked()
    assert wait_for_list(atlas_page, lambda names: names == ["Elternverein Obstallee"])
    assert atlas_page.console_errors == []


def test_arabic_list_names_categories_in_arabic_and_links_keep_the_language(atlas_page, live_server, results,
                                                                             browser):
    atlas_page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    open_directory(atlas_page, live_server, "category=counselling")
    item = atlas_page.locator("#directory-list li[data-slug='elternverein-obstallee']")
    expect(item.locator(".item-meta")).to_contain_text("الاستشارات")  # Beratung
    expect(item.locator(".item-meta")).not_to_contain_text("Beratung")
    expect(item.locator(".open-status")).to_have_text("مفتوح الآن")
    expect(item.locator(".summary-stops .summary-stops-label")).not_to_have_text("Haltestellen:")
    expect(item.locator(".summary-stops .stop-name").first).to_have_attribute("lang", "de")
    atlas_page.wait_for_function("() => location.search.includes('lang=ar')")
    shared = atlas_page.url
    assert parse_qs(urlparse(shared).query)["lang"] == ["ar"]
    # Someone without the cookie, whose browser asks for German, opens the shared link in Arabic.
    context = browser.new_context(locale="de-DE", viewport={"width": 390, "height": 844})
    other = context.new_page()
    other.goto(shared)
    expect(other.locator("html")).to_have_attribute("lang", "ar")
    expect(other.locator("html")).to_have_attribute("dir", "rtl")
    expect(other.locator("#directory-list[data-state='ready'] li[data-slug='elternverein-obstallee'] .item-meta")
           ).to_contain_text("الاستشارات", timeout=30_000)
    other.screenshot(path=f"{SCREENSHOT_DIR}/results-arabic-shared-phone.png")
    context.close()
    assert atlas_page.console_errors == []


def test_map_page_with_results_has_no_axe_violations(atlas_page, live_server, results):
    open_directory(atlas_page, live_server, f"near={NEAR_OBSTALLEE[0]},{NEAR_OBSTALLEE[1]}&near_label=Obstallee")
    expect(atlas_page.locator("#directory-list .summary-route a").first).to_be_attached()
    assert axe_violations(atlas_page) == []
    atlas_page.locator("#directory-list li[data-slug='elternverein-obstallee'] .item-show").click()
    expect(atlas_page.locator(".leaflet-popup-content .entry-popup .summary-route a")).to_be_visible()
    atlas_page.wait_for_timeout(400)
    assert axe_violations(atlas_page) == []
    atlas_page.goto(f"{live_server.url}/verzeichnis/")
    assert axe_violations(atlas_page) == []
