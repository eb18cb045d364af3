"""A coordinator's import as she does it (#12, point 3): a file with an unknown Tätigkeitsfeld and an address
the offline geocoder places only at its planning area; she reads the allowed values, imports the
corrected file, lands on „Lage genau setzen“ and drags the pin to the right place – or moves it with the
keyboard. Screenshots in German and Arabic, on a laptop and a phone; axe on every page she sees."""

import pytest
from playwright.sync_api import expect

from atlas.directory.models import LocationPrecision, Organisation
from atlas.roles.permissions import COORDINATORS
from tests.atlas.directory.factories import make_organisation
from tests.browser.accessibility import axe_violations
from tests.browser.conftest import SCREENSHOT_DIR
from tests.factories import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
HEADER = "Name;Tätigkeitsfelder;Sprachen;Straße;PLZ\n"
PIN_IN_MAP = """() => {
  const pin = document.querySelector('.place-pin').getBoundingClientRect();
  const map = document.getElementById('place-map').getBoundingClientRect();
  return pin.left >= map.left && pin.right <= map.right && pin.top >= map.top && pin.bottom <= map.bottom;
}"""


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/konto/anmelden/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name="Anmelden").click()
    expect(page.locator(".account-nav").get_by_role("link", name="Mein Konto")).to_be_visible()


def upload(page, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8-sig")
    page.locator("input[type=file]").set_input_files(str(path))
    page.locator("form input[type=submit].default").click()  # "Vorschau anzeigen"


def pin_centre(page):
    box = page.locator(".place-pin").bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] - 2  # the tip: the point itself


def test_import_unknown_category_and_rough_address_then_place_the_pin(atlas_page, live_server, tmp_path):
    page = atlas_page
    page.set_viewport_size(LAPTOP)
    make_user("koordinatorin", role=COORDINATORS)
    log_in(page, live_server, "koordinatorin")
    page.goto(f"{live_server.url}/admin/atlas/organisation/")
    page.get_by_role("link", name="Importieren (CSV/XLSX)").click()

    # 1. An unknown Tätigkeitsfeld: the preview names the allowed ones and the nearest.
    upload(page, tmp_path, "liste.csv", HEADER + "Testverein Wever;Kochen, Berattung;tr;Weverstraße 38;13595\n")
    report = page.locator("#import-report")
    expect(report).to_contain_text("Unbekanntes Tätigkeitsfeld: „Kochen“. Erlaubt sind: Beratung, Sprachkurse")
    expect(report).to_contain_text("„Berattung“. Meinten Sie „Beratung“?")
    expect(page.get_by_role("button", name="Import bestätigen")).to_have_count(0)
    page.screenshot(path=f"{SCREENSHOT_DIR}/import-unknown-value-de-1366.png", full_page=True)
    # The format page, in the atlas, lists every allowed value.
    page.get_by_role("link", name="Dateiformat, erlaubte Werte und Vorlagen zum Herunterladen").click()
    expect(page.locator("#values-categories + .table-scroll table")).to_contain_text("Hausaufgabenhilfe")
    page.screenshot(path=f"{SCREENSHOT_DIR}/import-format-de-1366.png", full_page=True)
    page.get_by_role("link", name="Zum Import").click()

    # 2. The corrected file: the address is found only at its planning area – a warning, not "ok".
    upload(page, tmp_path, "liste2.csv", HEADER + "Testverein Wever;Kultur, Beratung;tr;Weverstraße 38;13595\n")
    row = page.locator("#import-report tbody tr")
    expect(row).to_contain_text("Warnung")
    expect(row).to_contain_text("Punkt des Planungsraums Graetschelsteig")
    page.screenshot(path=f"{SCREENSHOT_DIR}/import-warning-de-1366.png", full_page=True)
    page.get_by_role("button", name="Import bestätigen").click()

    # 3. Straight to the queue, and from there to the map.
    expect(page.get_by_role("heading", name="Lage genau setzen", level=1)).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("1 Eintrag dieses Imports hat keinen genauen Punkt")
    entry = Organisation.objects.get(name="Testverein Wever")
    assert entry.location_precision == LocationPrecision.PLANNING_AREA
    page.locator(".placing-item", has_text="Testverein Wever").get_by_role("link", name="Auf der Karte setzen").click()
    expect(page.locator("#place-map")).to_have_attribute("data-ready", "true")
    expect(page.locator(".street-tiles img").first).to_be_visible()  # on the street map
    before = (page.locator("#id_lat").input_value(), page.locator("#id_lon").input_value())

    # 4. She drags the pin 120 px to the right and 60 px up.
    x, y = pin_centre(page)
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 13):
        page.mouse.move(x + step * 10, y - step * 5)
    page.mouse.up()
    expect(page.locator("#place-status")).to_contain_text("Stecknadel bei Breitengrad")
    lat, lon = float(page.locator("#id_lat").input_value()), float(page.locator("#id_lon").input_value())
    assert lon > float(before[1]) and lat > float(before[0])
    page.screenshot(path=f"{SCREENSHOT_DIR}/place-dragged-de-1366.png")
    page.get_by_role("button", name="Lage speichern").click()
    expect(page.locator(".messages")).to_contain_text("Lage von „Testverein Wever“ gespeichert")
    entry.refresh_from_db()
    assert entry.location_set_manually and entry.location_precision == LocationPrecision.MANUAL
    assert (entry.location.x, entry.location.y) == pytest.approx((lon, lat), abs=1e-6)
    expect(page.locator(".placing-item", has_text="Testverein Wever")).to_have_count(0)
    assert page.console_errors == []
    assert page.outside_requests == []


@pytest.mark.parametrize(("language", "viewport"), [("de", LAPTOP), ("de", PHONE), ("ar", LAPTOP), ("ar", PHONE)],
                         ids=["de-1366", "de-390", "ar-1366", "ar-390"])
def test_queue_and_map_by_keyboard_in_german_and_arabic(atlas_page, live_server, language, viewport):
    page = atlas_page
    width = viewport["width"]
    entry = make_organisation(name="Testverein Tastatur", street="Weverstraße 38", postcode="13595",
                              location=(13.186515, 52.517309), location_precision=LocationPrecision.PLANNING_AREA)
    make_user("koordinatorin", role=COORDINATORS)
    log_in(page, live_server, "koordinatorin")  # on the default wide screen: the phone's menu is tested elsewhere
    page.set_viewport_size(viewport)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])

    page.goto(f"{live_server.url}/lage-setzen/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator(".placing-item", has_text="Testverein Tastatur")).to_be_visible()
    page.screenshot(path=f"{SCREENSHOT_DIR}/place-queue-{language}-{width}.png", full_page=True)
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width

    page.locator(".placing-item", has_text="Testverein Tastatur").locator("a.place-link").click()
    expect(page.locator("#place-map")).to_have_attribute("data-ready", "true")
    lat0, lon0 = float(page.locator("#id_lat").input_value()), float(page.locator("#id_lon").input_value())
    # Keyboard: the pin is in the tab order; arrows move it 5 m, with Shift 50 m (the map does not pan).
    pin = page.locator(".place-pin")
    expect(pin).to_have_attribute("tabindex", "0")
    pin.focus()
    expect(pin).to_be_focused()
    for key in ("ArrowRight", "ArrowRight", "Shift+ArrowUp"):
        page.keyboard.press(key)
    lat1, lon1 = float(page.locator("#id_lat").input_value()), float(page.locator("#id_lon").input_value())
    assert lon1 == pytest.approx(lon0 + 10 / (111_320 * 0.6085), abs=2e-6)
    assert lat1 == pytest.approx(lat0 + 50 / 111_320, abs=2e-6)
    expect(page.locator("#place-status")).to_contain_text(f"{lat1:.6f}")
    # Typing coordinates moves the pin too.
    page.locator("#id_lat").fill("52,5176")
    page.locator("#id_lon").fill("13,1912")
    page.locator("#id_lon").press("Tab")
    expect(page.locator("#place-status")).to_contain_text("52.517600")
    page.wait_for_function(PIN_IN_MAP)  # the map followed the pin
    page.wait_for_load_state("networkidle")
    page.screenshot(path=f"{SCREENSHOT_DIR}/place-map-{language}-{width}.png", full_page=True)
    assert axe_violations(page) == []
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.locator("form.place-form button[type=submit]").click()
    expect(page.locator(".messages")).to_be_visible()
    entry.refresh_from_db()
    assert (entry.location.x, entry.location.y) == (13.1912, 52.5176) and entry.location_set_manually
    assert page.console_errors == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_admin_import_pages_in_german_and_arabic(atlas_page, live_server, tmp_path, language):
    page = atlas_page
    page.set_viewport_size(LAPTOP)
    make_user("koordinatorin", role=COORDINATORS)
    log_in(page, live_server, "koordinatorin")
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/admin/atlas/organisation/import/format/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl" if language == "ar" else "ltr")
    expect(page.locator("#values-categories + .table-scroll table")).to_contain_text("Hausaufgabenhilfe")
    page.screenshot(path=f"{SCREENSHOT_DIR}/import-format-{language}-1366.png", full_page=True)
    assert axe_violations(page) == []
    # On a phone the page does not scroll sideways: the tables wrap (and would scroll by themselves).
    page.set_viewport_size(PHONE)
    page.reload()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"], "scrolls sideways"
    page.screenshot(path=f"{SCREENSHOT_DIR}/import-format-{language}-390.png", full_page=True)
    assert axe_violations(page) == []
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/admin/atlas/organisation/import/")
    upload(page, tmp_path, "liste.csv", HEADER + "Testverein Wever;Kochen;tr;Weverstraße 38;13595\n")
    expect(page.locator("#import-report")).to_contain_text("Hausaufgabenhilfe")
    page.screenshot(path=f"{SCREENSHOT_DIR}/import-preview-{language}-1366.png", full_page=True)
    assert axe_violations(page) == []
    assert page.console_errors == []
