"""Coordinators see counts of the subscriptions, never the addresses; the privacy notice says what is stored."""

import pytest
from django.urls import NoReverseMatch, reverse

from atlas.roles.permissions import COORDINATORS, PLANNERS
from tests.atlas.subscriptions.factories import KLADOW, make_subscription
from tests.factories import RATHAUS_SPANDAU, make_user

pytestmark = pytest.mark.django_db


def test_coordinators_see_counts_not_addresses(client):
    make_subscription(email="geheim-1@example.org")
    make_subscription(email="geheim-2@example.org", ortsteil=KLADOW, language="ar")
    make_subscription(email="geheim-3@example.org", centre=RATHAUS_SPANDAU, radius_m=1000)
    make_subscription(email="geheim-4@example.org", confirmed=False)
    client.force_login(make_user("koordination", role=COORDINATORS))
    response = client.get(reverse("admin:atlas_areasubscription_changelist"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "geheim" not in body and "@example.org" not in body
    assert response.context["confirmed"] == 3 and response.context["pending"] == 1
    assert response.context["by_ortsteil"] == [("Kladow", 1), ("Spandau", 1)]
    assert response.context["by_radius"] == [("1 km", 1)]
    assert dict(response.context["by_language"]) == {"Deutsch": 2, "العربية": 1}
    with pytest.raises(NoReverseMatch):  # no page of a single subscription
        reverse("admin:atlas_areasubscription_change", args=[1])


def test_people_without_a_role_see_nothing(client):
    client.force_login(make_user("jemand", is_staff=True))
    assert client.get(reverse("admin:atlas_areasubscription_changelist")).status_code == 403


def test_planners_may_look_at_the_counts_too(client):
    client.force_login(make_user("planung", role=PLANNERS))
    assert client.get(reverse("admin:atlas_areasubscription_changelist")).status_code == 200


def test_privacy_notice_says_what_is_stored_why_how_long_and_how_to_delete(client):
    body = client.get(reverse("privacy")).content.decode()
    assert 'id="neues-in-der-naehe"' in body
    for words in ("E-Mail-Adresse", "auf etwa 100 m gerundeten Punkt", "Tätigkeitsfelder und Sprachen",
                  "Sprache der E-Mails", "höchstens einmal pro Woche", "innerhalb von 7 Tagen",
                  "bis Sie es abbestellen", "Link zum Abbestellen", "5 pro Stunde"):
        assert words in body, words


def test_the_form_is_linked_from_the_directory_and_the_events(client):
    link = reverse("subscriptions:subscribe")
    for page in (reverse("atlas:directory"), reverse("events:event-list"), reverse("map:map")):
        assert f'href="{link}"' in client.get(page).content.decode(), page
