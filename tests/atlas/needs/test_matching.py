"""Matching: for each need, the published organisations offering the topic, nearest first.

Expected distances are computed independently (haversine on WGS84 coordinates; the planning area's
point on surface for an individual without address consent), so the same assertions hold on
SpatiaLite and PostGIS: same suggestions, same order, distances within 1 %.
"""

import pytest
from django.urls import reverse

from atlas.directory.models import Organisation, PublicationStatus
from atlas.needs.matching import matches_for
from atlas.roles.permissions import COORDINATORS
from geodata.models import PlanningArea
from tests.atlas.directory.factories import make_organisation
from tests.atlas.needs.factories import answer
from tests.factories import KLADOW, RATHAUS_SPANDAU, haversine, make_user, offset

pytestmark = pytest.mark.django_db

ORIGIN = RATHAUS_SPANDAU
XSS = "<script>alert(1)</script>"


@pytest.fixture
def network():
    """The organisation "Ausgangsverein" at the Rathaus needs rooms (dringend), volunteers (wichtig)
    and legal advice (wünschenswert, nobody offers it); around it others offer."""
    origin = make_organisation(name="Ausgangsverein", location=ORIGIN)
    answer(origin, needs=[("volunteers", 2, "Für das Sommerfest"), ("legal-advice", 3, XSS), ("rooms", 1, "Saal")],
           offers=[("rooms", "eigener Raum"), ("volunteers", "")])
    places = {
        "Raum 300 m Ost": (offset(ORIGIN, 300, 0), ["rooms"]),
        "Raum 1,2 km Nord": (offset(ORIGIN, 0, 1200), ["rooms", "volunteers"]),
        "Raum in Kladow": (KLADOW, ["rooms"]),
        "Zeta-Verein 600 m Süd": (offset(ORIGIN, 0, -600), ["volunteers"]),
        "Alpha-Verein 600 m Süd": (offset(ORIGIN, 0, -600), ["volunteers"]),
        "beta-Verein 600 m Süd": (offset(ORIGIN, 0, -600), ["volunteers"]),
    }
    organisations = {"origin": origin}
    for name, (point, topics) in places.items():
        organisation = make_organisation(name=name, location=point)
        answer(organisation, offers=[(topic, f"{name} bietet {topic}") for topic in topics])
        organisations[name] = organisation
    # Not suggested: unpublished or archived entries, and those offering something else.
    for status in (PublicationStatus.DRAFT, PublicationStatus.PENDING, PublicationStatus.ARCHIVED):
        hidden = make_organisation(name=f"Raum {status}", location=offset(ORIGIN, 20, 0), status=status)
        answer(hidden, offers=[("rooms", ""), ("volunteers", "")])
    other = make_organisation(name="Nur Geld", location=offset(ORIGIN, 10, 0))
    answer(other, offers=[("funding", "")], needs=[("rooms", 1, "")])
    # An individual without address consent, 50 m away – but measured at its planning area's point.
    individual = make_organisation(name="Frau K.", kind=Organisation.Kind.INDIVIDUAL,
                                   location=offset(ORIGIN, -50, 0), consent_publish_contact=True,
                                   email="k@example.org", phone="030 123", website="https://k.example.org/")
    answer(individual, offers=[("rooms", "Wohnzimmer")])
    organisations["Frau K."] = individual
    organisations["Ohne Lage"] = make_organisation(name="Ohne Lage", location=None)
    answer(organisations["Ohne Lage"], offers=[("rooms", "")])
    return organisations


def expected_point(organisation):
    if organisation.shows_exact_location:
        return (organisation.location.x, organisation.location.y)
    public = PlanningArea.objects.get(pk=organisation.planning_area_id).geom.point_on_surface
    return (public.x, public.y)


def test_suggestions_are_nearest_first_with_distances(network):
    matches = matches_for(network["origin"])
    assert [(match.need.topic.key, match.need.priority) for match in matches] == [
        ("rooms", 1), ("volunteers", 2), ("legal-advice", 3)]
    rooms, volunteers, legal = matches

    public_distance = haversine(ORIGIN, expected_point(network["Frau K."]))
    assert public_distance > 300 + 50  # otherwise the test could not tell the public from the exact point
    expected_rooms = sorted(
        (haversine(ORIGIN, expected_point(network[name])), name)
        for name in ("Raum 300 m Ost", "Raum 1,2 km Nord", "Raum in Kladow", "Frau K."))
    names = [suggestion.organisation.name for suggestion in rooms.suggestions]
    assert names == [name for _distance, name in expected_rooms] + ["Ohne Lage"]
    assert names[0] == "Raum 300 m Ost" and names[-2] == "Raum in Kladow"
    for suggestion, (distance, _name) in zip(rooms.suggestions, expected_rooms, strict=False):
        assert abs(suggestion.distance_m - distance) <= max(1.0, 0.01 * distance), (suggestion, distance)
    assert abs(rooms.suggestions[0].distance_m - 300) <= 3
    assert rooms.suggestions[-1].distance_m is None and rooms.suggestions[-1].walking_minutes is None
    assert rooms.suggestions[0].walking_minutes == 4  # ceil(300 / 80)

    individual = next(s for s in rooms.suggestions if s.organisation.name == "Frau K.")
    assert not individual.exact and abs(individual.distance_m - public_distance) <= 0.01 * public_distance
    assert individual.contact == {"website": "https://k.example.org/", "email": "k@example.org", "phone": "030 123"}
    assert individual.offer_note == "Wohnzimmer"

    # Same distance: by name, case-insensitive ("Alpha", "beta", "Zeta"), then the farther one.
    assert [s.organisation.name for s in volunteers.suggestions] == [
        "Alpha-Verein 600 m Süd", "beta-Verein 600 m Süd", "Zeta-Verein 600 m Süd", "Raum 1,2 km Nord"]
    assert len({s.distance_m for s in volunteers.suggestions[:3]}) == 1
    assert abs(volunteers.suggestions[0].distance_m - 600) <= 6
    assert abs(volunteers.suggestions[3].distance_m - 1200) <= 12
    assert legal.suggestions == []


def test_the_organisation_itself_and_unpublished_ones_are_never_suggested(network):
    suggested = {s.organisation.name for match in matches_for(network["origin"]) for s in match.suggestions}
    assert "Ausgangsverein" not in suggested
    assert not suggested & {"Raum draft", "Raum pending", "Raum archived", "Nur Geld"}


def test_an_unpublished_organisation_gets_suggestions_too(network):
    draft = make_organisation(name="Neu", status=PublicationStatus.DRAFT, location=offset(ORIGIN, 0, 1150))
    answer(draft, needs=[("volunteers", 1, "")])
    names = [s.organisation.name for s in matches_for(draft)[0].suggestions]
    assert names[0] == "Raum 1,2 km Nord"  # 50 m away from the draft
    assert "Ausgangsverein" in names


def test_without_location_the_suggestions_are_listed_by_name(network):
    unplaced = make_organisation(name="Ohne Ort", location=None)
    answer(unplaced, needs=[("volunteers", 1, "")])
    suggestions = matches_for(unplaced)[0].suggestions
    assert [s.organisation.name for s in suggestions] == [
        "Alpha-Verein 600 m Süd", "Ausgangsverein", "beta-Verein 600 m Süd", "Raum 1,2 km Nord",
        "Zeta-Verein 600 m Süd"]
    assert all(s.distance_m is None for s in suggestions)


def test_no_answers_no_matches():
    assert matches_for(make_organisation()) == []


def test_matching_page(client, network):
    origin = network["origin"]
    client.force_login(make_user("redaktion", organisations=[origin]))
    response = client.get(reverse("needs:matching", kwargs={"slug": origin.slug}), HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(name) for name in ("Raum 300 m Ost", "Frau K.", "Raum 1,2 km Nord", "Raum in Kladow")]
    assert positions == sorted(positions)
    assert html.index("Räume") < html.index("Ehrenamtliche") < html.index("Rechtsberatung")
    assert f'href="{network["Raum 300 m Ost"].get_absolute_url()}"' in html
    assert "k@example.org" in html and "(bis zum Planungsraum)" in html
    assert "Noch keine andere Organisation bietet dieses Thema an." in html
    # Contact data without consent is not shown.
    assert "Keine öffentlichen Kontaktdaten" in html
    # The need note is escaped.
    assert XSS not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert " style=" not in html


def test_contact_without_consent_stays_hidden(client):
    origin = make_organisation(name="Suchend")
    answer(origin, needs=[("rooms", 1, "")])
    secret = make_organisation(name="Verschwiegen", email="geheim@example.org", phone="030 999",
                               consent_publish_contact=False, location=offset(ORIGIN, 100, 0))
    answer(secret, offers=[("rooms", "")])
    assert matches_for(origin)[0].suggestions[0].contact == {}
    client.force_login(make_user("k", role=COORDINATORS))
    html = client.get(reverse("needs:matching", kwargs={"slug": origin.slug})).content.decode()
    assert "Verschwiegen" in html and "geheim@example.org" not in html and "030 999" not in html
