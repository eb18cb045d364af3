"""The directory API and GDPR: contact data only with consent; individual actors without consent to
publish their address shown at their planning area's public point in every answer.

Runs on SpatiaLite and PostGIS; works with the JSON of the responses only."""

import pytest

from atlas.directory.models import Organisation
from geodata.models import PlanningArea
from tests.atlas.directory.factories import make_organisation
from tests.atlas.directory.support import get_json, names, organisations
from tests.factories import KLADOW, RATHAUS_SPANDAU, SIEMENSSTADT

pytestmark = pytest.mark.django_db


def public_point_of(planning_area):
    point = planning_area.geom.point_on_surface
    return [round(point.x, 6), round(point.y, 6)]


def test_contact_data_only_with_consent(client):
    contact = {"website": "https://verein.example", "email": "info@verein.example", "phone": "030 123",
               "social_links": ["https://social.example/verein"]}
    without = make_organisation(consent_publish_contact=False, **contact)
    with_consent = make_organisation(consent_publish_contact=True, **contact)
    hidden = get_json(client, f"/api/organisations/{without.slug}/")["properties"]
    for field in contact:
        assert field not in hidden
    assert "info@verein.example" not in str(hidden)
    shown = get_json(client, f"/api/organisations/{with_consent.slug}/")["properties"]
    for field, value in contact.items():
        assert shown[field] == value


def test_individual_without_address_consent_is_shown_at_planning_area_level(client):
    individual = make_organisation(name="Frau A.", kind=Organisation.Kind.INDIVIDUAL, street="Geheimweg 7",
                                   postcode="13597", consent_publish_address=False, consent_publish_contact=True,
                                   email="a@example.org")
    area = PlanningArea.objects.get(pk=individual.planning_area_id)
    expected = public_point_of(area)
    assert expected != list(RATHAUS_SPANDAU)

    feature, = organisations(client)["features"]
    assert feature["geometry"]["coordinates"] == expected
    assert feature["properties"]["location_precision"] == "planning_area"
    assert feature["properties"]["planning_area"] == area.key

    detail = get_json(client, f"/api/organisations/{individual.slug}/")
    assert detail["geometry"]["coordinates"] == expected
    assert detail["properties"]["location_precision"] == "planning_area"
    assert "street" not in detail["properties"] and "postcode" not in detail["properties"]
    assert "Geheimweg" not in str(detail)
    assert detail["properties"]["email"] == "a@example.org"  # contact consent is separate


def test_individual_with_address_consent_is_shown_exactly(client):
    individual = make_organisation(kind=Organisation.Kind.INDIVIDUAL, street="Offener Weg 1", postcode="13597",
                                   consent_publish_address=True)
    feature, = organisations(client)["features"]
    assert feature["geometry"]["coordinates"] == list(RATHAUS_SPANDAU)
    assert feature["properties"]["location_precision"] == "address"
    detail = get_json(client, f"/api/organisations/{individual.slug}/")["properties"]
    assert detail["street"] == "Offener Weg 1" and detail["postcode"] == "13597"


def test_associations_show_their_address_without_address_consent(client):
    association = make_organisation(street="Vereinsweg 2", postcode="13597", consent_publish_address=False)
    assert get_json(client, f"/api/organisations/{association.slug}/")["properties"]["street"] == "Vereinsweg 2"


def test_bbox_uses_the_public_point_of_a_hidden_individual(client):
    individual = make_organisation(name="Frau B.", kind=Organisation.Kind.INDIVIDUAL)
    public_lon, public_lat = public_point_of(PlanningArea.objects.get(pk=individual.planning_area_id))
    exact_lon, exact_lat = RATHAUS_SPANDAU
    around_exact = f"{exact_lon - 0.0005},{exact_lat - 0.0005},{exact_lon + 0.0005},{exact_lat + 0.0005}"
    around_public = f"{public_lon - 0.0005},{public_lat - 0.0005},{public_lon + 0.0005},{public_lat + 0.0005}"
    assert names(organisations(client, f"?bbox={around_exact}")) == []
    assert names(organisations(client, f"?bbox={around_public}")) == ["Frau B."]


def test_public_points_of_a_page_come_from_one_query_however_many_individuals(client):
    """Individuals without address consent are shown at their planning area's point: the points of
    a page are looked up together, not once per individual (and not once per planning area)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from atlas.directory.queries import _PUBLIC_POINTS

    spots = [RATHAUS_SPANDAU, KLADOW, SIEMENSSTADT, (13.1700, 52.5200), (13.2200, 52.5600)]

    def queries_for_list():
        _PUBLIC_POINTS.clear()  # the process keeps points it has seen: start alike
        with CaptureQueriesContext(connection) as queries:
            body = organisations(client, "?page_size=50")
        return len(queries.captured_queries), body

    make_organisation(name="Frau 0", kind=Organisation.Kind.INDIVIDUAL, location=spots[0])
    one, _body = queries_for_list()
    for n, spot in enumerate(spots[1:], start=1):
        make_organisation(name=f"Frau {n}", kind=Organisation.Kind.INDIVIDUAL, location=spot)
    five, body = queries_for_list()
    assert five == one
    assert len({PlanningArea.objects.get(pk=Organisation.objects.get(name=f"Frau {n}").planning_area_id).key
                for n in range(5)}) == 5  # five different planning areas
    assert {f["properties"]["location_precision"] for f in body["features"]} == {"planning_area"}
