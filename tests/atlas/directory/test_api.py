"""The public directory API: published entries only, GDPR rules, filters, pagination, errors, schema.

Runs on SpatiaLite and PostGIS; works with the JSON of the responses only."""

import pytest
from django.conf import settings

from atlas.directory.models import Category, Organisation, PublicationStatus
from geodata.models import DataSource
from tests.atlas.directory.factories import make_meeting_place, make_organisation
from tests.atlas.directory.support import get_json, names, organisations
from tests.factories import KLADOW, RATHAUS_SPANDAU, SIEMENSSTADT

pytestmark = pytest.mark.django_db

# --- publication -----------------------------------------------------------------------------------

def test_only_published_entries_are_listed(client):
    make_organisation(name="Veröffentlicht")
    for status in (PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.ARCHIVED):
        make_organisation(name=f"Nicht öffentlich {status}", status=status)
    assert names(organisations(client)) == ["Veröffentlicht"]
    assert organisations(client)["count"] == 1


def test_detail_of_unpublished_entry_is_404_json(client):
    draft = make_organisation(status=PublicationStatus.DRAFT)
    body = get_json(client, f"/api/organisations/{draft.slug}/", status=404)
    assert "detail" in body
    place = make_meeting_place(status=PublicationStatus.PENDING)
    assert "detail" in get_json(client, f"/api/meeting-places/{place.slug}/", status=404)
    assert "detail" in get_json(client, "/api/organisations/gibt-es-nicht/", status=404)


def test_unpublished_meeting_places_are_not_listed(client):
    make_meeting_place(name="Entwurfscafé", status=PublicationStatus.DRAFT, place_type="cafe")
    make_meeting_place(name="Offenes Café", place_type="cafe")
    assert names(get_json(client, "/api/meeting-places/?type=cafe")) == ["Offenes Café"]


# --- list properties -------------------------------------------------------------------------------

def test_list_feature_properties(client):
    organisation = make_organisation(
        name="Elternverein", kind=Organisation.Kind.ASSOCIATION, short_description="Beratung für Eltern",
        categories=["counselling", "family"], languages=["tr", "de"], is_sample=True,
    )
    feature, = organisations(client)["features"]
    properties = feature["properties"]
    assert feature["geometry"] == {"type": "Point", "coordinates": list(RATHAUS_SPANDAU)}
    assert properties["id"] == organisation.pk
    assert properties["slug"] == organisation.slug
    assert properties["kind"] == "association"
    assert properties["short_description"] == "Beratung für Eltern"
    assert properties["categories"] == ["counselling", "family"]  # vocabulary order
    assert properties["primary_category"] == "counselling"
    assert sorted(properties["languages"]) == ["de", "tr"]
    assert properties["ortsteil"] == "Spandau" and properties["ortsteil_key"] == "0501"
    assert properties["planning_area"] == organisation.planning_area.key
    assert properties["is_sample"] is True
    assert properties["url"].endswith(f"/{organisation.slug}/")
    assert "distance_m" not in properties
    for private in ("email", "phone", "website", "street", "postcode"):
        assert private not in properties


def test_primary_category_is_null_without_categories(client):
    make_organisation()
    assert organisations(client)["features"][0]["properties"]["primary_category"] is None


def test_list_needs_few_queries_whatever_the_number_of_entries(client, django_assert_max_num_queries):
    for n in range(30):
        make_organisation(name=f"Verein {n}", categories=["culture", "sport"], languages=["ar", "fa"])
    with django_assert_max_num_queries(4):
        body = organisations(client)
    assert body["count"] == 30
    assert all(f["properties"]["categories"] == ["culture", "sport"] for f in body["features"])
    with django_assert_max_num_queries(7):
        assert organisations(client, "?near=13.2,52.53&category=culture")["count"] == 30


# --- filters ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", ["Türkisch", "Turkisch", "Tuerkisch", "türkisch", "TÜRKISCH"])
def test_search_tolerates_umlaut_spellings(client, query):
    make_organisation(name="Türkischer Elternverein")
    make_organisation(name="Polnischer Kulturverein")
    assert names(organisations(client, f"?q={query}")) == ["Türkischer Elternverein"]


@pytest.mark.parametrize("query", ["Straße", "Strasse", "seeburger strasse", "Seeburger Str"])
def test_search_tolerates_sharp_s_in_addresses(client, query):
    make_organisation(name="Nachbarschaftsladen", street="Seeburger Straße 5")
    make_organisation(name="Anderer Verein", street="Am Juliusturm 1")
    assert names(organisations(client, f"?q={query}")) == ["Nachbarschaftsladen"]


@pytest.mark.parametrize("query", ["Großfamilie", "Grossfamilie", "grossfamilien"])
def test_search_folds_sharp_s(client, query):
    make_organisation(name="Großfamilien-Treff")
    make_organisation(name="Jugendtreff")
    assert names(organisations(client, f"?q={query}")) == ["Großfamilien-Treff"]


def test_category_filter_is_or_and_has_no_duplicates(client):
    make_organisation(name="A", categories=["counselling", "health"])
    make_organisation(name="B", categories=["health"])
    make_organisation(name="C", categories=["sport"])
    body = organisations(client, "?category=counselling,health")
    assert sorted(names(body)) == ["A", "B"] and body["count"] == 2


def test_language_filter_is_or(client):
    make_organisation(name="A", languages=["ar", "de"])
    make_organisation(name="B", languages=["uk"])
    make_organisation(name="C", languages=["de"])
    assert sorted(names(organisations(client, "?language=ar,uk"))) == ["A", "B"]


def test_target_group_filter(client):
    make_organisation(name="A", target_groups=["women"])
    make_organisation(name="B", target_groups=["youth"])
    assert names(organisations(client, "?target_group=women")) == ["A"]


def test_filters_combine_with_and(client):
    make_organisation(name="A", categories=["culture"], languages=["ar"])
    make_organisation(name="B", categories=["culture"], languages=["de"])
    assert names(organisations(client, "?category=culture&language=ar")) == ["A"]


def test_ortsteil_filter(client):
    in_kladow = make_organisation(name="In Kladow", location=KLADOW)
    make_organisation(name="In Spandau", location=RATHAUS_SPANDAU)
    key = in_kladow.ortsteil.key
    assert key != "0501"
    assert names(organisations(client, f"?ortsteil={key}")) == ["In Kladow"]
    assert sorted(names(organisations(client, f"?ortsteil={key},0501"))) == ["In Kladow", "In Spandau"]


def test_bbox_filter(client):
    make_organisation(name="Siemensstadt", location=SIEMENSSTADT)
    make_organisation(name="Kladow", location=KLADOW)
    assert names(organisations(client, "?bbox=13.25,52.53,13.27,52.55")) == ["Siemensstadt"]


def test_near_with_radius(client):
    make_organisation(name="Nah", location=(13.2010, 52.5360))
    make_organisation(name="Fern", location=KLADOW)
    body = organisations(client, f"?near={RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}&radius=1000")
    assert names(body) == ["Nah"]
    assert body["features"][0]["properties"]["distance_m"] < 100
    assert body["features"][0]["properties"]["walking_minutes"] in (1, 2)


def test_meeting_place_type_and_bookable_filters(client):
    make_meeting_place(name="Buchbares Café", place_type="cafe", bookable=True)
    make_meeting_place(name="Café ohne Buchung", place_type="cafe", bookable=False)
    assert names(get_json(client, "/api/meeting-places/?type=cafe&bookable=true")) == ["Buchbares Café"]
    assert names(get_json(client, "/api/meeting-places/?type=cafe&bookable=false")) == ["Café ohne Buchung"]


def test_real_meeting_places_are_listed(client):
    body = get_json(client, "/api/meeting-places/")
    assert body["count"] == 62
    assert {f["properties"]["place_type"] for f in body["features"]} <= {
        "community-centre", "library", "place-of-worship", "youth-centre"}
    libraries = get_json(client, "/api/meeting-places/?type=library&q=Bibliothek")
    assert libraries["count"] >= 1


# --- pagination ------------------------------------------------------------------------------------

def test_pagination(client):
    for n in range(5):
        make_organisation(name=f"Verein {n}")
    first = organisations(client, "?page_size=2")
    assert first["count"] == 5 and names(first) == ["Verein 0", "Verein 1"]
    assert first["previous"] is None and "page=2" in first["next"] and "page_size=2" in first["next"]
    second = client.get(first["next"]).json()
    assert names(second) == ["Verein 2", "Verein 3"] and second["previous"] is not None
    third = client.get(second["next"]).json()
    assert names(third) == ["Verein 4"] and third["next"] is None and third["count"] == 5
    assert "page=2" in third["previous"]
    beyond = organisations(client, "?page_size=2&page=9")
    assert beyond["features"] == [] and beyond["count"] == 5


def test_default_page_size_is_200(client):
    body = get_json(client, "/api/meeting-places/?page_size=60")
    assert len(body["features"]) == 60 and body["count"] == 62
    assert len(get_json(client, "/api/meeting-places/")["features"]) == 62


# --- errors ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("query", [
    "bbox=1,2,3", "bbox=a,b,c,d", "bbox=13.3,52.5,13.2,52.6", "near=13.2", "near=abc,52.5", "near=nan,52.5",
    "near=200,52.5", "radius=500", "near=13.2,52.5&radius=0", "near=13.2,52.5&radius=20001",
    "near=13.2,52.5&radius=abc", "near=13.2,52.5&radius=inf", "page=0", "page=x", "page=1.5", "page_size=0",
    "page_size=5001", "page_size=many", "category=unbekannt", "language=xx", "target_group=aliens",
    "ortsteil=9999", "q=" + "x" * 201,
])
def test_malformed_parameters_give_400(client, query):
    body = get_json(client, f"/api/organisations/?{query}", status=400)
    assert isinstance(body["detail"], str) and body["detail"]


@pytest.mark.parametrize("query", ["type=schloss", "bookable=vielleicht", "near=x,y"])
def test_malformed_meeting_place_parameters_give_400(client, query):
    assert get_json(client, f"/api/meeting-places/?{query}", status=400)["detail"]


def test_unknown_key_lists_the_valid_keys(client):
    detail = get_json(client, "/api/organisations/?category=counselling,astrologie", status=400)["detail"]
    assert "astrologie" in detail
    for key in Category.objects.values_list("key", flat=True):
        assert key in detail


# --- details ---------------------------------------------------------------------------------------

def test_organisation_detail(client):
    organisation = make_organisation(
        name="Deutsch-Arabischer Verein", description="Lange Beschreibung", legal_form="e. V.", founded_year=1998,
        network_member=True, categories=["culture"], target_groups=["women"], communities=["arabic"],
        languages=["ar"], opening_hours={"mo": [["09:00", "17:00"]]}, opening_hours_note="nach Vereinbarung",
        wheelchair_access="limited", street="Carl-Schurz-Straße 2", postcode="13597",
    )
    detail = get_json(client, f"/api/organisations/{organisation.slug}/")
    properties = detail["properties"]
    assert detail["type"] == "Feature"
    assert properties["description"] == "Lange Beschreibung"
    assert properties["categories"] == [{"key": "culture", "name": "Kultur"}]
    assert properties["target_groups"] == [{"key": "women", "name": "Frauen"}]
    assert properties["communities"] == [{"key": "arabic", "name": "arabischsprachig"}]
    assert properties["languages"] == [{"code": "ar", "native_name": "العربية", "german_name": "Arabisch",
                                        "rtl": True}]
    assert properties["opening_hours"] == {"mo": [["09:00", "17:00"]]}
    assert properties["opening_hours_note"] == "nach Vereinbarung"
    assert properties["wheelchair_access"] == "limited"
    assert (properties["legal_form"], properties["founded_year"], properties["network_member"]) == ("e. V.", 1998, True)
    assert properties["street"] == "Carl-Schurz-Straße 2"
    assert properties["last_verified"] is None


def test_meeting_place_detail(client):
    operator = make_organisation(name="Trägerverein")
    place = make_meeting_place(name="Stadtteilzentrum", operator=operator, operator_name="", bookable=True,
                               cost="kostenlos", accessibility_note="Rampe", rooms=[("Saal", 60), ("Küche", None)])
    properties = get_json(client, f"/api/meeting-places/{place.slug}/")["properties"]
    assert properties["rooms"] == [{"name": "Küche", "capacity": None, "note": ""},
                                   {"name": "Saal", "capacity": 60, "note": ""}]
    assert properties["operator"]["slug"] == operator.slug and properties["operator_name"] == "Trägerverein"
    assert (properties["bookable"], properties["cost"], properties["accessibility_note"]) == (True, "kostenlos",
                                                                                             "Rampe")
    assert properties["place_type"] == {"key": "community-centre", "name": "Nachbarschafts- und Stadtteilzentrum"}


def test_unpublished_operator_is_not_revealed(client):
    operator = make_organisation(name="Geheimer Träger", status=PublicationStatus.DRAFT)
    place = make_meeting_place(operator=operator)
    properties = get_json(client, f"/api/meeting-places/{place.slug}/")["properties"]
    assert properties["operator"] is None and "Geheimer" not in str(properties)


def test_seeded_meeting_place_carries_its_source(client):
    feature = get_json(client, "/api/meeting-places/?page_size=1")["features"][0]
    properties = get_json(client, f"/api/meeting-places/{feature['properties']['slug']}/")["properties"]
    source = DataSource.objects.get(key=properties["source"]["key"])
    assert properties["source"]["attribution"] == source.attribution
    assert properties["source"]["licence"] == source.licence


# --- vocabularies ----------------------------------------------------------------------------------

def test_vocabulary_lists_count_published_entries(client):
    make_organisation(categories=["culture"], languages=["uk"], target_groups=["women"])
    make_organisation(categories=["culture"], languages=["uk"], status=PublicationStatus.DRAFT)
    categories = {row["key"]: row for row in get_json(client, "/api/categories/")}
    assert categories["culture"]["count"] == 1 and categories["culture"]["colour"].startswith("#")
    assert categories["sport"]["count"] == 0
    languages = {row["code"]: row for row in get_json(client, "/api/languages/")}
    assert languages["uk"] == {"code": "uk", "native_name": "Українська", "german_name": "Ukrainisch",
                               "rtl": False, "count": 1}
    assert languages["fa"]["rtl"] is True
    target_groups = {row["key"]: row["count"] for row in get_json(client, "/api/target-groups/")}
    assert target_groups["women"] == 1
    types = {row["key"]: row["count"] for row in get_json(client, "/api/meeting-place-types/")}
    assert sum(types.values()) == 62 and types["cafe"] == 0


# --- output safety and schema ----------------------------------------------------------------------

def test_markup_in_names_is_returned_as_plain_json_string(client):
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)> & Co'
    organisation = make_organisation(name=evil, short_description="</script>")
    response = client.get("/api/organisations/")
    assert response["Content-Type"] == "application/geo+json"
    assert b"&lt;" not in response.content and b"&amp;" not in response.content
    assert response.json()["features"][0]["properties"]["name"] == evil
    detail = client.get(f"/api/organisations/{organisation.slug}/")
    assert detail["Content-Type"] == "application/geo+json"
    assert detail.json()["properties"]["short_description"] == "</script>"


def test_plain_json_is_negotiated(client):
    make_organisation()
    response = client.get("/api/organisations/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200 and response["Content-Type"] == "application/json"


def test_errors_are_json_even_for_geojson_clients(client):
    response = client.get("/api/organisations/?page=x", HTTP_ACCEPT="application/geo+json")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"


def test_schema_documents_the_directory(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    for path in ("/api/organisations/", "/api/organisations/{slug}/", "/api/meeting-places/",
                 "/api/meeting-places/{slug}/", "/api/categories/", "/api/languages/", "/api/target-groups/",
                 "/api/meeting-place-types/"):
        assert "get" in schema["paths"][path], path
    parameters = {p["name"] for p in schema["paths"]["/api/organisations/"]["get"]["parameters"]}
    assert {"q", "bbox", "near", "radius", "category", "language", "target_group", "ortsteil", "page",
            "page_size"} <= parameters
    parameters = {p["name"] for p in schema["paths"]["/api/meeting-places/"]["get"]["parameters"]}
    assert {"type", "bookable"} <= parameters


def test_srid_settings_are_what_the_api_assumes():
    assert (settings.STORAGE_SRID, settings.METRIC_SRID) == (4326, 25833)
