"""The directory's map layer (/api/map/…): every match as a slim point, whatever the number of entries,
and the list API's ``id=`` with which a marker's popup asks for its entry. SpatiaLite and PostGIS."""

import pytest

from atlas.directory.models import MeetingPlace, Organisation, PublicationStatus
from tests.atlas.directory.factories import make_many_organisations, make_meeting_place, make_organisation
from tests.atlas.directory.support import get_json
from tests.factories import KLADOW, RATHAUS_SPANDAU

pytestmark = pytest.mark.django_db

ORGANISATIONS_MAP = "/api/map/organisations/"
MEETING_PLACES_MAP = "/api/map/meeting-places/"


def every_page(client, url):
    """The features of all pages of a list, following ``next``."""
    features, count = [], None
    while url:
        body = get_json(client, url)
        count = body["count"] if count is None else count
        assert body["count"] == count
        features += body["features"]
        url = body["next"]
    return features, count


def test_the_map_layer_and_the_pages_hold_every_match(client):
    published = make_many_organisations(1200)
    layer = get_json(client, ORGANISATIONS_MAP)
    assert layer["type"] == "FeatureCollection"
    ids = [feature["id"] for feature in layer["features"]]
    assert len(ids) == len(published) == 1080
    assert ids == sorted(ids), "ordered by id"
    assert set(ids) == {o.pk for o in published}
    # The list through all its pages (page size 100): the same entries, and its count says so.
    features, count = every_page(client, "/api/organisations/?page_size=100")
    assert count == 1080
    assert [f["id"] for f in features] == [f["properties"]["id"] for f in features]
    assert sorted(f["id"] for f in features) == ids


def test_the_map_layer_takes_the_list_filters(client):
    published = make_many_organisations(300)
    culture = [o.pk for o in published if o.categories.filter(key="culture").exists()]
    layer = get_json(client, f"{ORGANISATIONS_MAP}?category=culture")
    assert sorted(f["id"] for f in layer["features"]) == sorted(culture) and culture
    listed, count = every_page(client, "/api/organisations/?category=culture&page_size=40")
    assert count == len(culture) and sorted(f["id"] for f in listed) == sorted(culture)
    origin = f"{RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}"
    around, count = every_page(client, f"/api/organisations/?near={origin}&radius=1500&page_size=7")
    layer = get_json(client, f"{ORGANISATIONS_MAP}?near={origin}&radius=1500")
    assert 0 < count < len(published)
    assert sorted(f["id"] for f in layer["features"]) == sorted(f["id"] for f in around)
    assert get_json(client, f"{ORGANISATIONS_MAP}?q=gibtesnicht")["features"] == []


def test_feature_is_slim(client):
    organisation = make_organisation(categories=["family", "counselling"], location=(13.2005149, 52.5357151),
                                     short_description="nicht im Kartenlayer")
    make_organisation(name="Ohne Lage", location=None)
    feature, = get_json(client, ORGANISATIONS_MAP)["features"]
    # The first field of activity in vocabulary order, as primary_category in the list.
    listed, = get_json(client, f"/api/organisations/?id={organisation.pk}")["features"]
    primary = listed["properties"]["primary_category"]
    assert feature == {"type": "Feature", "id": organisation.pk,
                       "geometry": {"type": "Point", "coordinates": [13.20051, 52.53572]},
                       "properties": {"kind": "organisation", "category": primary}}
    assert primary in ("family", "counselling")


def test_organisation_without_category(client):
    make_organisation()
    assert get_json(client, ORGANISATIONS_MAP)["features"][0]["properties"]["category"] is None


def test_meeting_places_carry_their_type(client):
    MeetingPlace.objects.all().delete()
    place = make_meeting_place(place_type="cafe", location=KLADOW)
    make_meeting_place(name="Entwurf", place_type="cafe", status=PublicationStatus.DRAFT)
    layer = get_json(client, MEETING_PLACES_MAP)
    assert layer["features"] == [{"type": "Feature", "id": place.pk,
                                  "geometry": {"type": "Point", "coordinates": list(KLADOW)},
                                  "properties": {"kind": "meeting_place", "category": "cafe"}}]
    assert get_json(client, f"{MEETING_PLACES_MAP}?type=library")["features"] == []


def test_seeded_meeting_places_are_all_in_the_layer(client):
    located = MeetingPlace.objects.published().filter(location__isnull=False).count()
    assert located > 50
    assert len(get_json(client, MEETING_PLACES_MAP)["features"]) == located


def test_hidden_individual_is_at_its_planning_area_point(client):
    individual = make_organisation(kind=Organisation.Kind.INDIVIDUAL, location=(13.2101, 52.5402))
    listed = get_json(client, "/api/organisations/")["features"][0]["geometry"]["coordinates"]
    mapped = get_json(client, ORGANISATIONS_MAP)["features"][0]
    assert mapped["id"] == individual.pk
    assert mapped["geometry"]["coordinates"] == [round(value, 5) for value in listed]
    assert mapped["geometry"]["coordinates"] != [13.2101, 52.5402]


def test_a_change_is_in_the_next_layer(client):
    make_organisation(name="Erster")
    assert len(get_json(client, ORGANISATIONS_MAP)["features"]) == 1
    second = make_organisation(name="Zweiter")
    assert len(get_json(client, ORGANISATIONS_MAP)["features"]) == 2
    second.status = PublicationStatus.ARCHIVED
    second.save()
    assert len(get_json(client, ORGANISATIONS_MAP)["features"]) == 1


def test_the_layer_costs_few_queries_whatever_the_number_of_entries(client, django_assert_max_num_queries):
    make_many_organisations(200)
    with django_assert_max_num_queries(3):
        client.get(f"{ORGANISATIONS_MAP}?category=culture")
    for n in range(3):
        make_organisation(kind=Organisation.Kind.INDIVIDUAL, location=(13.2 + n / 100, 52.54))
    with django_assert_max_num_queries(5):
        client.get(ORGANISATIONS_MAP)


def test_the_layer_may_be_cached_by_clients_for_a_minute(client):
    response = client.get(ORGANISATIONS_MAP)
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Content-Type"] == "application/geo+json"


@pytest.mark.parametrize("query", ["near=13.2", "category=unbekannt", "radius=500", "id=abc", "type=raumschiff"])
def test_bad_parameters_give_400(client, query):
    path = MEETING_PLACES_MAP if query.startswith("type") else ORGANISATIONS_MAP
    assert "detail" in get_json(client, f"{path}?{query}", status=400)


# --- the list's id= ------------------------------------------------------------------------------

def test_list_by_id_gives_those_entries_with_their_distance(client):
    near = make_organisation(name="Nah", location=(13.2010, 52.5360))
    far = make_organisation(name="Fern", location=KLADOW)
    make_organisation(name="Andere")
    draft = make_organisation(name="Entwurf", status=PublicationStatus.DRAFT)
    body = get_json(client, f"/api/organisations/?id={far.pk},{near.pk},{draft.pk}")
    assert [f["properties"]["name"] for f in body["features"]] == ["Fern", "Nah"] and body["count"] == 2
    origin = f"{RATHAUS_SPANDAU[0]},{RATHAUS_SPANDAU[1]}"
    feature, = get_json(client, f"/api/organisations/?id={far.pk}&near={origin}")["features"]
    assert feature["properties"]["distance_m"] > 9000
    # Other filters still apply.
    assert get_json(client, f"/api/organisations/?id={far.pk}&near={origin}&radius=1000")["features"] == []


def test_list_by_id_of_a_meeting_place(client):
    place = make_meeting_place(name="Café Eins", place_type="cafe")
    feature, = get_json(client, f"/api/meeting-places/?id={place.pk}")["features"]
    assert feature["properties"]["name"] == "Café Eins"


@pytest.mark.parametrize("value", ["x", "0", "1,,x", "-3", ",".join(str(n) for n in range(1, 102))])
def test_malformed_ids_give_400(client, value):
    assert "detail" in get_json(client, f"/api/organisations/?id={value}", status=400)


def test_schema_documents_the_map_layers(client):
    response = client.get("/api/schema/?format=json")
    assert response.status_code == 200
    schema = response.json()
    for path in (ORGANISATIONS_MAP, MEETING_PLACES_MAP):
        operation = schema["paths"][path]["get"]
        parameters = {p["name"] for p in operation["parameters"]}
        assert {"q", "near", "radius", "ortsteil"} <= parameters
        assert not {"page", "page_size", "lang"} & parameters
    parameters = {p["name"] for p in schema["paths"]["/api/organisations/"]["get"]["parameters"]}
    assert "id" in parameters
