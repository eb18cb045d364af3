"""Names from the database (editable in the admin) reach every map as text: tooltips, popups, labels,
legends and the attribution show the tags literally, and no element is created from them."""

import pytest
from playwright.sync_api import expect

from geodata.models import DataSource, Facility, FacilityType, HousingEstate, Ortsteil, PlanningArea
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.events.factories import in_days, make_event
from tests.browser.support import FIND_CLICK_POINT
from tests.factories import RATHAUS_SPANDAU, point

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AREA_KEY = "05200527"  # Maulbeerallee, in Wilhelmstadt
OBSTALLEE = (13.16591, 52.52237)
FACILITY_COLOUR = "#123457"  # only the test's facility is drawn in this colour

# Anything that became markup shows up here; no page of the atlas renders a <b> of its own.
INJECTED = """() => ({
  elements: [...document.querySelectorAll("img[src='x'], b")].map((node) => node.outerHTML),
  pwned: typeof window.__pwned,
})"""


def hostile(name):
    return f'<img src=x onerror="window.__pwned=1">{name}<b>bold</b>'


@pytest.fixture
def renamed(geodata_live):
    """An Ortsteil, a planning area, a facility (and its type), a housing estate, a data source, an
    organisation, a meeting place and an event, each renamed to a string with tags."""
    area = PlanningArea.objects.select_related("ortsteil__source").get(key=AREA_KEY)
    ortsteil = area.ortsteil
    source = ortsteil.source
    # The planner credits the sources of the Ortsteile by this key prefix.
    assert source.key.startswith("alkis-ortsteile")
    names = {
        "ortsteil": hostile("Ortsteil"), "area": hostile("Planungsraum"), "estate": hostile("Siedlung"),
        "attribution": hostile("Quelle"), "type": hostile("Art"), "facility": hostile("Einrichtung"),
        "organisation": hostile("Verein"), "place": hostile("Treffpunkt"), "event": hostile("Fest"),
    }
    Ortsteil.objects.filter(pk=ortsteil.pk).update(name=names["ortsteil"])
    PlanningArea.objects.filter(pk=area.pk).update(name=names["area"])
    DataSource.objects.filter(pk=source.pk).update(attribution=names["attribution"])
    estate = HousingEstate.objects.order_by("pk").first()
    HousingEstate.objects.filter(pk=estate.pk).update(name=names["estate"])
    facility_type = FacilityType.objects.create(key="test-hostile", name=names["type"], colour=FACILITY_COLOUR)
    Facility.objects.create(
        name=names["facility"], facility_type=facility_type, geom=point(*OBSTALLEE), planning_area=area,
        ortsteil=ortsteil, source=DataSource.objects.get(pk=source.pk), source_key="test-hostile")
    # Away from the small planning area hovered below: organisations' circles lie above the areas.
    organisation = make_organisation(name=names["organisation"], slug="hostile-verein", categories=["culture"],
                                     languages=["de"], location=RATHAUS_SPANDAU)
    place = make_meeting_place(name=names["place"], slug="hostile-treffpunkt", location=(13.1710, 52.5235))
    make_event(title=names["event"], slug="hostile-fest", meeting_place=place, start=in_days(3, 10))
    return {**names, "organisation_obj": organisation, "place_obj": place}


def assert_text_only(page):
    """No element was made from the names, no handler ran, nothing went wrong in the console."""
    assert page.evaluate(INJECTED) == {"elements": [], "pwned": "undefined"}
    assert page.console_errors == []


def hover_planning_area(page, key):
    point = page.evaluate(FIND_CLICK_POINT, key)
    assert point, f"no visible point of planning area {key}"
    page.mouse.move(point["x"], point["y"])
    tooltip = page.locator(".leaflet-tooltip:not(.ortsteil-label)")
    expect(tooltip).to_be_visible()
    return tooltip


def check_ortsteil_labels_and_attribution(page, names):
    expect(page.locator(".ortsteil-label").filter(has_text=names["ortsteil"])).to_have_count(1)
    # The offline base credits the Ortsteile's source in the map's line; the side panel lists it too.
    expect(page.locator("#map")).to_have_attribute("data-base", "offline")
    expect(page.locator(".leaflet-control-attribution")).to_contain_text(names["attribution"])
    expect(page.locator("#map-sources li").filter(has_text=names["attribution"])).to_have_count(1)


@pytest.fixture
def offline_base(atlas_page):
    """The visitor chose the offline base (kept in localStorage): the Ortsteile's source is on the map."""
    atlas_page.add_init_script("localStorage.setItem('atlas.baseLayer', 'offline')")
    return atlas_page


def test_map_page_shows_names_as_text(atlas_page, live_server, renamed, offline_base):
    page = atlas_page
    # Without the meeting places at first: at the district's zoom their clusters cover the small area hovered.
    page.goto(live_server.url + "/?tab=ebenen&hide=places")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator("#event-list[data-state='ready']")).to_be_attached(timeout=30_000)
    check_ortsteil_labels_and_attribution(page, renamed)
    expect(hover_planning_area(page, AREA_KEY)).to_have_text(f"{renamed['area']} ({renamed['ortsteil']})")

    # The facility type in the layer list, and the facility's popup with its source.
    types = page.locator("#facility-types input[type='checkbox']")
    expect(page.locator("#facility-types")).to_contain_text(renamed["type"])
    for checkbox in types.all():
        if checkbox.get_attribute("data-type") != "test-hostile":
            checkbox.uncheck()
    page.locator(f"path[fill='{FACILITY_COLOUR}']").dispatch_event("click")
    popup = page.locator(".leaflet-popup-content .popup")
    expect(popup.locator("strong")).to_have_text(renamed["facility"])
    expect(popup).to_contain_text(renamed["type"])
    expect(popup.locator(".popup-source")).to_have_text(renamed["attribution"])

    # The housing estate in its list and its panel.
    page.locator("#estate-list button", has_text=renamed["estate"]).click()
    expect(page.locator("#detail-panel h2")).to_have_text(renamed["estate"])

    # The event in the list and in its popup, with the meeting place's name.
    page.locator("#event-list li[data-event='hostile-fest'] .item-show").click()
    event_popup = page.locator(".leaflet-popup .event-popup")
    expect(event_popup.locator(".popup-name")).to_have_text(renamed["event"])
    expect(event_popup.locator(".event-place")).to_contain_text(renamed["place"])
    expect(page.locator("#event-list li[data-event='hostile-fest'] .item-name")).to_have_text(renamed["event"])
    assert_text_only(page)

    # The directory tab: both kinds of entries in the list and in their popups.
    page.locator("#tab-directory").click()
    page.check("#dir-show-places")
    expect(page.locator("#directory-list li[data-kind='place']").first).to_be_attached()
    expect(page.locator("#directory-list[data-state='ready']")).to_be_attached()
    entries = (
        ("organisation", "hostile-verein", renamed["organisation"]),
        ("place", "hostile-treffpunkt", renamed["place"]),
    )
    for kind, slug, name in entries:
        item = page.locator(f"#directory-list li[data-slug='{slug}']")
        expect(item.locator(".item-name")).to_have_text(name)
        item.locator(".item-show").click()
        # The entry's own popup: the one before may still be fading out (Leaflet removes it after 200 ms).
        popup = page.locator(f".leaflet-popup-content .entry-popup[data-key='{kind}:{slug}']")
        expect(popup.locator(".popup-name")).to_have_text(name)
        expect(page.locator(".leaflet-popup")).to_have_count(1)
    assert_text_only(page)


def test_planner_shows_names_as_text(atlas_page, live_server, renamed, offline_base):
    page = atlas_page
    page.goto(live_server.url + "/planung/")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator("#ranked-body tr.ranked-row")).to_have_count(45)
    expect(page.locator(".ortsteil-label").first).to_be_attached()
    check_ortsteil_labels_and_attribution(page, renamed)
    tooltip = hover_planning_area(page, AREA_KEY)
    expect(tooltip).to_contain_text(renamed["area"])
    expect(page.locator(f"#ranked-body tr.ranked-row[data-key='{AREA_KEY}']")).to_contain_text(renamed["area"])
    assert_text_only(page)


def test_detail_maps_and_embed_show_names_as_text(atlas_page, live_server, renamed, offline_base):
    page = atlas_page
    for entry in (renamed["organisation_obj"], renamed["place_obj"]):
        page.goto(live_server.url + entry.get_absolute_url())
        expect(page.locator("#mini-map[data-ready='true']")).to_be_attached(timeout=30_000)
        expect(page.locator("h1")).to_have_text(entry.name)
        expect(page.locator("#mini-map .leaflet-control-attribution")).to_contain_text(renamed["attribution"])
        assert_text_only(page)

    page.goto(live_server.url + "/embed/")
    expect(page.locator("#map[data-ready='true']")).to_be_attached(timeout=30_000)
    expect(page.locator(".leaflet-control-attribution")).to_contain_text(renamed["attribution"])
    expect(page.locator("#directory-list[data-state='ready']")).to_be_attached(timeout=30_000)
    item = page.locator("#directory-list li[data-slug='hostile-verein']")
    expect(item.locator(".item-name")).to_have_text(renamed["organisation"])
    item.locator(".item-show").click()
    expect(page.locator(".leaflet-popup-content .entry-popup .popup-name")).to_have_text(renamed["organisation"])
    assert_text_only(page)
