"""The directory beside the map, as a person uses it: filters, search, "near an address", the list,
detail pages, shared links, and text from the database that never becomes markup."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from atlas.directory.models import MeetingPlace
from tests.atlas.directory.factories import make_organisation
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.browser.support import show_all_entries

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Obstallee 22, 13593 Berlin (Staaken) from the official address list, and points around it.
OBSTALLEE_22 = (13.16591, 52.52237)
NEAR_50M = (13.1665, 52.5226)
NEAR_400M = (13.1710, 52.5235)
KLADOW = (13.1416, 52.4530)


def open_directory(page, live_server, query=""):
    page.goto(f"{live_server.url}/?tab=verzeichnis{'&' + query if query else ''}")
    expect(page.locator("#directory-list[data-state='ready']")).to_be_attached(timeout=30_000)
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)


def list_names(page):
    expect(page.locator("#directory-list[data-state='ready']")).to_be_attached()
    return page.locator("#directory-list .item-name").all_inner_texts()


def wait_for_list(page, predicate, timeout=10_000):
    """Waits until the list's names satisfy `predicate` (the list reloads asynchronously)."""
    page.wait_for_function(
        "() => document.querySelector('#directory-list').dataset.state === 'ready'", timeout=timeout
    )
    deadline = timeout
    while deadline > 0:
        names = list_names(page)
        if predicate(names):
            return names
        page.wait_for_timeout(100)
        deadline -= 100
    raise AssertionError(f"list never matched: {list_names(page)}")


@pytest.fixture
def organisations(geodata_live):
    return {
        "turkish": make_organisation(
            name="Türkischer Elternverein Staaken", slug="tuerkischer-elternverein",
            short_description="Beratung für Eltern", categories=["counselling", "family"], languages=["tr", "de"],
            target_groups=["families"], location=NEAR_50M),
        "arabic": make_organisation(
            name="Arabischer Frauentreff", slug="arabischer-frauentreff", categories=["women"],
            languages=["ar"], target_groups=["women"], location=NEAR_400M),
        "sport": make_organisation(
            name="Sportverein Kladow", slug="sportverein-kladow", categories=["sport"], languages=["de"],
            location=KLADOW, is_sample=True),
    }


def test_list_shows_entries_and_sample_badge(atlas_page, live_server, organisations):
    open_directory(atlas_page, live_server)
    show_all_entries(atlas_page)
    names = list_names(atlas_page)
    assert {"Türkischer Elternverein Staaken", "Arabischer Frauentreff", "Sportverein Kladow"} <= set(names)
    # Meeting places seeded from the facility layers are listed too.
    assert atlas_page.locator("#directory-list li[data-kind='place']").count() > 10
    sample = atlas_page.locator("#directory-list li[data-slug='sportverein-kladow']")
    expect(sample.locator(".badge-sample")).to_have_text("Beispiel/Sample")
    expect(atlas_page.locator("#dir-count")).to_contain_text("Treffer:")
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_filter_by_category_and_by_language_narrows_the_list(atlas_page, live_server, organisations):
    open_directory(atlas_page, live_server)
    atlas_page.select_option("#dir-category", "counselling")
    names = wait_for_list(atlas_page, lambda names: names == ["Türkischer Elternverein Staaken"])
    assert names == ["Türkischer Elternverein Staaken"]
    expect(atlas_page.locator("#dir-count")).to_have_text("Treffer: 1")
    expect(atlas_page.locator("#dir-hint")).to_be_visible()  # meeting places have no categories
    atlas_page.select_option("#dir-category", "")
    # Language options carry their own script and language.
    arabic = atlas_page.locator("#dir-language option[value='ar']")
    expect(arabic).to_have_attribute("lang", "ar")
    expect(arabic).to_have_attribute("dir", "rtl")
    assert "العربية" in arabic.inner_text()
    atlas_page.select_option("#dir-language", "ar")
    assert wait_for_list(atlas_page, lambda names: names == ["Arabischer Frauentreff"])
    assert "language=ar" in atlas_page.url
    assert atlas_page.console_errors == []


def test_search_tolerates_missing_umlauts(atlas_page, live_server, organisations):
    open_directory(atlas_page, live_server)
    atlas_page.fill("#dir-q", "Turkisch")
    assert wait_for_list(atlas_page, lambda names: names == ["Türkischer Elternverein Staaken"])
    atlas_page.fill("#dir-q", "tuerkischer eltern")
    assert wait_for_list(atlas_page, lambda names: names == ["Türkischer Elternverein Staaken"])
    assert atlas_page.console_errors == []


def test_near_an_address_lists_nearest_first_with_metres(atlas_page, live_server, organisations):
    open_directory(atlas_page, live_server)
    atlas_page.fill("#dir-address", "Obstallee 22, 13593 Berlin")
    atlas_page.press("#dir-address", "Enter")
    # The offline geocoder's first answer may take seconds on a loaded machine.
    expect(atlas_page.locator("#dir-near-status")).to_contain_text("Obstallee", timeout=20_000)
    expect(atlas_page.locator("#dir-count")).to_contain_text("nach Entfernung sortiert")
    # Meeting places (seeded facilities) come first near Obstallee; the nearest of them is close too.
    names = wait_for_list(atlas_page, lambda names: "Stadtteilzentrum Obstallee" in names[:5])
    # Only organisations: ours, nearest first.
    atlas_page.uncheck("#dir-show-places")
    names = wait_for_list(atlas_page, lambda names: len(names) == 3)
    assert names == ["Türkischer Elternverein Staaken", "Arabischer Frauentreff", "Sportverein Kladow"]
    assert "hide=places" in atlas_page.url
    distances = atlas_page.locator("#directory-list .item-distance").all_inner_texts()
    metres = [int(re.match(r"([\d.]+) m", text).group(1).replace(".", "")) for text in distances]
    assert metres == sorted(metres)
    assert metres[0] < 100
    assert "Min. zu Fuß" in distances[0]
    assert "near=" in atlas_page.url
    # A radius of 500 m leaves the Kladow club out.
    atlas_page.select_option("#dir-radius", "500")
    names = wait_for_list(atlas_page, lambda names: "Sportverein Kladow" not in names)
    assert names[:2] == ["Türkischer Elternverein Staaken", "Arabischer Frauentreff"]
    atlas_page.screenshot(path=f"{SCREENSHOT_DIR}/directory-near.png")
    assert atlas_page.console_errors == []
    assert atlas_page.outside_requests == []


def test_geolocation_denied_shows_a_message(atlas_page, live_server, organisations):
    open_directory(atlas_page, live_server)
    atlas_page.click("#dir-near-me")
    # Chromium without a granted permission denies; the page says so and offers the address field.
    expect(atlas_page.locator("#dir-near-status")).to_contain_text("Adresse eingeben", timeout=15_000)
    assert atlas_page.console_errors == []


def test_list_item_opens_popup_and_detail_page(atlas_page, live_server, organisations):
    open_directory(atlas_page, live_server, "category=counselling")
    item = atlas_page.locator("#directory-list li[data-slug='tuerkischer-elternverein']")
    item.locator(".item-show").click()
    popup = atlas_page.locator(".leaflet-popup-content .entry-popup")
    expect(popup.locator(".popup-name")).to_have_text("Türkischer Elternverein Staaken")
    expect(item).to_have_attribute("aria-current", "true")
    item.locator("a.item-name").click()
    expect(atlas_page).to_have_url(re.compile(r"/organisationen/tuerkischer-elternverein/$"))
    expect(atlas_page.locator("h1")).to_have_text("Türkischer Elternverein Staaken")
    expect(atlas_page.locator("#mini-map[data-ready='true']")).to_be_attached()
    assert atlas_page.console_errors == []


def test_shared_link_restores_filters_and_list(atlas_page, live_server, organisations, browser):
    open_directory(atlas_page, live_server)
    atlas_page.select_option("#dir-language", "tr")
    atlas_page.fill("#dir-q", "eltern")
    names = wait_for_list(atlas_page, lambda names: names == ["Türkischer Elternverein Staaken"])
    atlas_page.wait_for_function("() => location.search.includes('q=eltern')")
    shared = atlas_page.url
    params = parse_qs(urlparse(shared).query)
    assert params["language"] == ["tr"] and params["q"] == ["eltern"] and params["tab"] == ["verzeichnis"]
    context = browser.new_context(locale="de-DE", viewport={"width": 1400, "height": 900})
    other = context.new_page()
    errors = []
    other.on("pageerror", lambda error: errors.append(str(error)))
    other.goto(shared)
    expect(other.locator("#directory-list[data-state='ready']")).to_be_attached(timeout=30_000)
    expect(other.locator("#tab-directory")).to_have_attribute("aria-selected", "true")
    expect(other.locator("#dir-language")).to_have_value("tr")
    expect(other.locator("#dir-q")).to_have_value("eltern")
    assert other.locator("#directory-list .item-name").all_inner_texts() == names
    context.close()
    assert errors == []


def test_names_and_descriptions_stay_text_everywhere(atlas_page, live_server, geodata_live):
    dialogs = []
    atlas_page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    name = "<img src=x onerror=alert(1)>"
    script = "<script>alert(1)</script>"
    make_organisation(name=name, slug="xss-test", short_description=script, description=script,
                      categories=["culture"], languages=["de"])
    open_directory(atlas_page, live_server, "category=culture")
    item = atlas_page.locator("#directory-list li[data-slug='xss-test']")
    expect(item.locator(".item-name")).to_have_text(name)
    expect(item.locator(".item-description")).to_have_text(script)
    assert atlas_page.locator("#directory-list img, #directory-list script").count() == 0
    item.locator(".item-show").click()
    popup = atlas_page.locator(".leaflet-popup-content .entry-popup")
    expect(popup.locator(".popup-name")).to_have_text(name)
    expect(popup.locator(".popup-description")).to_have_text(script)
    assert popup.locator("img, script").count() == 0
    atlas_page.goto(f"{live_server.url}/organisationen/xss-test/")
    expect(atlas_page.locator("h1")).to_have_text(name)
    expect(atlas_page.locator(".lead")).to_have_text(script)
    # Only the page's own JSON data blocks are scripts in the article, the mini-map's tiles its only images.
    assert atlas_page.locator("article img:not(.leaflet-tile), "
                              "article script:not([type='application/json'])").count() == 0
    atlas_page.wait_for_timeout(300)
    assert dialogs == []
    assert atlas_page.console_errors == []


def test_embed_has_fixed_filters_and_no_site_header(atlas_page, live_server, organisations):
    atlas_page.goto(f"{live_server.url}/embed/?language=ar")
    expect(atlas_page.locator("#directory-list[data-state='ready']")).to_be_attached(timeout=30_000)
    assert atlas_page.locator(".site-header").count() == 0
    assert atlas_page.locator("#dir-language").count() == 0
    assert atlas_page.locator("#dir-category").count() == 0
    assert list_names(atlas_page) == ["Arabischer Frauentreff"]
    link = atlas_page.locator("#directory-list a.item-name")
    expect(link).to_have_attribute("target", "_blank")
    assert atlas_page.console_errors == []


# Each term's values start where the other values start: the grid's value column (inline end of the terms).
FACTS_IN_TWO_COLUMNS = """(dl) => {
  const rtl = getComputedStyle(dl).direction === 'rtl';
  const start = (el) => { const box = el.getBoundingClientRect(); return Math.round(rtl ? box.right : box.left); };
  const terms = [...dl.querySelectorAll(':scope > dt')].map(start);
  const values = [...dl.querySelectorAll(':scope > dd')].map(start);
  return {terms: [...new Set(terms)], values: [...new Set(values)]};
}"""


@pytest.mark.parametrize("language", ["de", "ar"])
def test_a_place_from_several_sources_lists_them_in_one_column(atlas_page, live_server, geodata_live, language):
    """A meeting place merged from two sources: "Quellen" holds both attributions in one value, and
    every term and value after it stays in its column (the second source's value used to jump into the
    terms' column and shift the rest), on a laptop and a phone, in German and in Arabic."""
    page = atlas_page
    place = MeetingPlace.objects.get(name="Jugendzentrum STEIG")
    sources = place.all_sources()
    assert len(sources) >= 2
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    for width, height in ((1366, 800), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(f"{live_server.url}/treffpunkte/{place.slug}/")
        facts = page.locator(".entry-meta dl.facts")
        expect(facts).to_be_visible()
        columns = facts.evaluate(FACTS_IN_TWO_COLUMNS)
        assert len(columns["terms"]) == 1 and len(columns["values"]) == 1, columns
        assert columns["terms"] != columns["values"]
        attributions = facts.locator(".source-attribution")
        expect(attributions).to_have_count(len(sources))
        # All attributions in one value, the one after the term "Quellen".
        assert attributions.evaluate_all("items => new Set(items.map((item) => item.closest('dd'))).size") == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        facts.scroll_into_view_if_needed()
        page.screenshot(path=f"{SCREENSHOT_DIR}/place-sources-{language}-{width}.png", full_page=True)
    assert axe_violations(page) == []
