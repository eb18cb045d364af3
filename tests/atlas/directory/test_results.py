"""Results that answer (#11, point 4): what the API's list features and /verzeichnis/ say of each
entry (address or "area only", opening hours and "open now", languages, wheelchair access, a route
link), the filters open_now and wheelchair, and vocabulary names in the reader's language.

Runs on SpatiaLite and PostGIS."""

import pytest
from django.test import override_settings

from atlas.directory import queries
from atlas.directory.models import Organisation, WheelchairAccess
from atlas.directory.opening_hours import at_berlin
from atlas.directory.routes import route_url
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.directory.support import get_json, names, organisations
from tests.factories import KLADOW, RATHAUS_SPANDAU, point

pytestmark = pytest.mark.django_db

ALWAYS = {day: [["00:00", "24:00"]] for day in ("mo", "tu", "we", "th", "fr", "sa", "su")}
MONDAY_MORNINGS = {"mo": [["09:00", "13:00"]]}
OSM = "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route={from};{to}&to={to_address}"


# --- what a list feature says ----------------------------------------------------------------------

def test_list_features_carry_address_hours_and_access(client):
    make_organisation(name="Elternverein", street="Obstallee 22", postcode="13593", opening_hours=MONDAY_MORNINGS,
                      opening_hours_note="und nach Vereinbarung", wheelchair_access=WheelchairAccess.YES)
    make_meeting_place(name="Bibliothek", street="Carl-Schurz-Straße 13", postcode="13597", place_type="library")
    properties = organisations(client)["features"][0]["properties"]
    assert properties["address"] == "Obstallee 22, 13593 Berlin"
    assert properties["opening_hours"] == MONDAY_MORNINGS
    assert properties["opening_hours_note"] == "und nach Vereinbarung"
    assert properties["wheelchair_access"] == "yes"
    place = get_json(client, "/api/meeting-places/?type=library")["features"][0]["properties"]
    assert place["address"] == "Carl-Schurz-Straße 13, 13597 Berlin"
    assert place["opening_hours"] == {} and place["wheelchair_access"] == "unknown"


@pytest.mark.parametrize("query", ["", "?near=13.2,52.53"])
def test_an_individual_without_consent_has_no_address_in_the_list(client, query):
    make_organisation(name="Sprachmittlerin", kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False,
                      street="Westerwaldstraße 12", postcode="13589")
    properties = organisations(client, query)["features"][0]["properties"]
    assert properties["address"] is None
    assert properties["location_precision"] == "planning_area"


def test_nearest_first_features_carry_the_summary_too(client):
    make_organisation(name="Nah", street="Obstallee 22", postcode="13593", opening_hours=ALWAYS,
                      location=(13.2005, 52.5355))
    properties = organisations(client, f"?near={RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}")["features"][0]["properties"]
    assert properties["address"] == "Obstallee 22, 13593 Berlin"
    assert properties["opening_hours"] == ALWAYS
    assert properties["distance_m"] < 100


def test_list_features_carry_the_nearest_stops_of_their_detail(client, django_assert_max_num_queries):
    """The list gives each entry with a public point the same nearest stops as its detail page, computed
    for the whole page with one query for the stops (geodata.transit.StopIndex)."""
    make_organisation(name="Am Rathaus", street="Carl-Schurz-Straße 2", postcode="13597", location=(13.2005, 52.5355))
    make_organisation(name="In Kladow", street="Kladower Damm 1", postcode="14089", location=KLADOW)
    make_meeting_place(name="Treff am Markt", street="Markt 1", postcode="13597", location=(13.2040, 52.5370))
    for query in ("", f"?near={RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}"):
        for path, made in (("/api/organisations/", {"Am Rathaus", "In Kladow"}),
                           ("/api/meeting-places/", {"Treff am Markt"})):
            features = [item for item in get_json(client, path + query)["features"]
                        if item["properties"]["name"] in made]
            assert len(features) == len(made)
            for item in features:
                stops = item["properties"]["nearest_stops"]
                assert 1 <= len(stops) <= 3
                detail = get_json(client, f"{path}{item['properties']['slug']}/")
                assert stops == detail["properties"]["nearest_stops"], item["properties"]["name"]
    at_rathaus = organisations(client, "?q=Rathaus")["features"][0]["properties"]["nearest_stops"]
    assert at_rathaus[0]["name"] == "S+U Rathaus Spandau (Berlin)" and at_rathaus[0]["rapid_transit"]
    with django_assert_max_num_queries(5):  # rows, categories, languages, stops (+ the count)
        client.get("/api/organisations/")


def test_no_stops_for_a_hidden_address_or_a_point_that_only_names_an_area(client):
    make_organisation(name="Sprachmittlerin", kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False,
                      street="Westerwaldstraße 12", postcode="13589")
    make_organisation(name="Irgendwo in Haselhorst", location_precision="ortsteil", location=(13.2360, 52.5420))
    for query in ("", "?near=13.2,52.53"):
        for item in organisations(client, query)["features"]:
            assert item["properties"]["nearest_stops"] == [], item["properties"]["name"]
    detail = get_json(client, "/api/organisations/" + Organisation.objects.get(name__startswith="Irgendwo").slug + "/")
    assert detail["properties"]["nearest_stops"] == []


# --- the filters ---------------------------------------------------------------------------------------

def test_wheelchair_filter_keeps_only_accessible_entries(client):
    make_organisation(name="Stufenlos", wheelchair_access=WheelchairAccess.YES)
    make_organisation(name="Teilweise", wheelchair_access=WheelchairAccess.LIMITED)
    make_organisation(name="Unbekannt")
    make_meeting_place(name="Barrierefreier Saal", wheelchair_access=WheelchairAccess.YES, place_type="cafe")
    make_meeting_place(name="Keller", wheelchair_access=WheelchairAccess.NO, place_type="cafe")
    assert names(organisations(client, "?wheelchair=true")) == ["Stufenlos"]
    assert len(names(organisations(client, "?wheelchair=false"))) == 3, "false does not narrow"
    assert names(get_json(client, "/api/meeting-places/?type=cafe&wheelchair=true")) == ["Barrierefreier Saal"]


def test_open_now_filter_uses_berlin_time(client, monkeypatch):
    make_organisation(name="Immer offen", opening_hours=ALWAYS)
    make_organisation(name="Montagvormittag", opening_hours=MONDAY_MORNINGS)
    make_organisation(name="Ohne Zeiten", opening_hours={})
    make_meeting_place(name="Nachtcafé", opening_hours={"su": [["22:00", "02:00"]]}, place_type="cafe")
    # Monday 10:30 in Berlin (08:30 UTC in winter): open on Monday mornings.
    monkeypatch.setattr(queries, "berlin_now", lambda: at_berlin(2025, 1, 6, 10, 30))
    assert names(organisations(client, "?open_now=true")) == ["Immer offen", "Montagvormittag"]
    assert len(names(organisations(client, "?open_now=false"))) == 3, "false does not narrow"
    assert names(get_json(client, "/api/meeting-places/?type=cafe&open_now=true")) == []
    # Monday 01:00: still Sunday night's opening.
    monkeypatch.setattr(queries, "berlin_now", lambda: at_berlin(2025, 1, 6, 1, 0))
    assert names(organisations(client, "?open_now=true")) == ["Immer offen"]
    assert names(get_json(client, "/api/meeting-places/?type=cafe&open_now=true")) == ["Nachtcafé"]


def test_open_now_and_wheelchair_combine_with_near_and_other_filters(client):
    make_organisation(name="Nah und offen", opening_hours=ALWAYS, wheelchair_access=WheelchairAccess.YES,
                      categories=["counselling"], location=(13.2005, 52.5355))
    make_organisation(name="Fern und offen", opening_hours=ALWAYS, wheelchair_access=WheelchairAccess.YES,
                      categories=["counselling"], location=KLADOW)
    make_organisation(name="Nah und zu", opening_hours={}, wheelchair_access=WheelchairAccess.YES,
                      categories=["counselling"], location=(13.2004, 52.5354))
    make_organisation(name="Offen, andere Sache", opening_hours=ALWAYS, wheelchair_access=WheelchairAccess.YES,
                      categories=["sport"])
    near = f"near={RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}"
    body = organisations(client, f"?{near}&open_now=true&wheelchair=true&category=counselling")
    assert names(body) == ["Nah und offen", "Fern und offen"]
    assert body["count"] == 2
    assert names(organisations(client, f"?{near}&radius=1000&open_now=true&category=counselling")) == ["Nah und offen"]


def test_an_individual_shown_by_area_is_filtered_by_opening_hours_too(client):
    make_organisation(name="Sprachmittlerin", kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False,
                      opening_hours=ALWAYS)
    make_organisation(name="Sprachmittler ohne Zeiten", kind=Organisation.Kind.INDIVIDUAL,
                      consent_publish_address=False)
    near = f"?near={RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}&open_now=true"
    assert names(organisations(client, near)) == ["Sprachmittlerin"]


@pytest.mark.parametrize("query", ["?open_now=vielleicht", "?wheelchair=2"])
def test_malformed_filter_values_give_400(client, query):
    assert "detail" in get_json(client, f"/api/organisations/{query}", status=400)
    assert "detail" in get_json(client, f"/api/meeting-places/{query}", status=400)


def test_schema_documents_the_new_filters_and_fields(client):
    schema = client.get("/api/schema/?format=json").json()
    for path in ("/api/organisations/", "/api/meeting-places/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert parameters["open_now"]["schema"]["type"] == "boolean"
        assert "Europe/Berlin" in parameters["open_now"]["description"]
        assert parameters["wheelchair"]["schema"]["type"] == "boolean"
    text = str(schema)
    assert "opening_hours" in text and "wheelchair_access" in text and "'address'" in text


# --- route links -----------------------------------------------------------------------------------------

def test_route_url_goes_to_the_point_from_the_search_point():
    url = route_url(point(13.16591, 52.52237), "address", "Obstallee 22, 13593 Berlin",
                    origin=point(13.2, 52.5), template=OSM)
    assert url == ("https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot"
                   "&route=52.50000,13.20000;52.52237,13.16591&to=Obstallee%2022,%2013593%20Berlin")


def test_route_url_without_a_search_point_leaves_the_start_to_the_router():
    assert route_url(point(13.2, 52.5), "exact", "", template=OSM) == (
        "https://www.openstreetmap.org/directions?engine=fossgis_osrm_foot&route=;52.50000,13.20000"
        "&to=52.50000,13.20000")


def test_an_approximate_point_is_replaced_by_the_address_or_gives_no_link():
    url = route_url(point(13.2, 52.5), "planning_area", "Heerstraße 400, 13593 Berlin", template=OSM)
    assert "route=;&to=Heerstra%C3%9Fe%20400,%2013593%20Berlin" in url
    assert route_url(point(13.2, 52.5), "planning_area", "", template=OSM) is None
    coordinates_only = "https://router.example.org/?from={from}&to={to}"
    assert route_url(point(13.2, 52.5), "street", "Heerstraße 400", template=coordinates_only) is None
    assert route_url(point(13.2, 52.5), "exact", "", template=coordinates_only) == (
        "https://router.example.org/?from=&to=52.50000,13.20000")
    assert route_url(None, "", "", template=OSM) is None


@override_settings(ATLAS_ROUTE_URL="https://router.example.org/walk?to={to}")
def test_the_router_is_a_setting(client):
    make_organisation(name="Elternverein", opening_hours=ALWAYS)
    page = client.get("/verzeichnis/").content.decode()
    assert 'href="https://router.example.org/walk?to=52.53' in page
    config = client.get("/").content.decode()
    assert "https://router.example.org/walk?to={to}" in config


# --- /verzeichnis/ -------------------------------------------------------------------------------------

def test_static_list_says_address_hours_languages_access_and_route(client):
    make_organisation(name="Elternverein", street="Obstallee 22", postcode="13593", opening_hours=ALWAYS,
                      languages=["tr", "ar"], wheelchair_access=WheelchairAccess.YES, categories=["family"])
    make_organisation(name="Sprachmittlerin", kind=Organisation.Kind.INDIVIDUAL, consent_publish_address=False,
                      street="Westerwaldstraße 12", postcode="13589", opening_hours={},
                      opening_hours_note="Termine nach Vereinbarung", categories=["family"])
    page = client.get("/verzeichnis/?category=family").content.decode()
    first, second = page.split('class="directory-item"')[1:3]
    assert "Obstallee 22, 13593 Berlin" in first
    assert 'class="open-status is-open">jetzt geöffnet' in first
    assert "heute 00:00–24:00" in first
    assert '<li lang="tr" dir="ltr">Türkçe</li>' in first and '<li lang="ar" dir="rtl">العربية</li>' in first
    assert "rollstuhlgerecht" in first
    assert 'target="_blank" rel="noopener"' in first and "openstreetmap.org/directions" in first
    assert "Westerwaldstraße" not in page, "an individual's address stays private"
    assert "nur Gebiet" in second and "Termine nach Vereinbarung" in second
    assert "openstreetmap.org" not in second, "no route to an individual"
    # The nearest stops of the public point (at the Rathaus Spandau), none for the individual's area point.
    assert 'Haltestellen:</span> <ul class="summary-stop-list"><li class="stop is-rapid-transit"' in first
    assert '<bdi lang="de" class="stop-name">S+U Rathaus Spandau (Berlin)</bdi>' in first
    assert "summary-stops" not in second


def test_static_list_filters_open_now_and_wheelchair(client):
    make_organisation(name="Offen und stufenlos", opening_hours=ALWAYS, wheelchair_access=WheelchairAccess.YES)
    make_organisation(name="Offen mit Stufen", opening_hours=ALWAYS)
    make_organisation(name="Geschlossen", wheelchair_access=WheelchairAccess.YES)
    make_meeting_place(name="Offener Treff", opening_hours=ALWAYS, place_type="cafe")

    def listed(query):
        page = client.get(f"/verzeichnis/{query}").content.decode()
        return [name for name in ("Offen und stufenlos", "Offen mit Stufen", "Geschlossen", "Offener Treff")
                if f">{name}</a>" in page]

    assert listed("?open_now=true") == ["Offen und stufenlos", "Offen mit Stufen", "Offener Treff"]
    assert listed("?wheelchair=true") == ["Offen und stufenlos", "Geschlossen"]
    assert listed("?open_now=true&wheelchair=true") == ["Offen und stufenlos"]
    page = client.get("/verzeichnis/?open_now=true").content.decode()
    assert 'name="open_now" value="true" checked' in page
    assert 'name="wheelchair" value="true">' in page


def test_static_list_names_vocabularies_in_the_reader_language(client):
    make_organisation(name="Elternhilfe", categories=["counselling"])
    make_meeting_place(name="Bücherei", place_type="library")
    client.cookies["django_language"] = "ar"
    page = client.get("/verzeichnis/").content.decode()
    listed = page.split('class="directory-list')[1]
    assert "الاستشارات" in listed and "Beratung" not in listed
    assert "مكتبة" in listed and "Bibliothek" not in listed


def test_map_config_names_vocabularies_in_the_reader_language(client):
    client.cookies["django_language"] = "uk"
    page = client.get("/").content.decode()
    assert "Консультування" in page  # Beratung


def test_static_list_keeps_the_language_in_its_form(client):
    client.cookies["django_language"] = "ar"
    assert '<input type="hidden" name="lang" value="ar">' in client.get("/verzeichnis/").content.decode()
    client.cookies["django_language"] = "de"
    assert 'name="lang"' not in client.get("/verzeichnis/").content.decode()
