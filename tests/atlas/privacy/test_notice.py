"""The privacy notice (atlas/privacy/) and its link in every page's footer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_privacy_page_and_footer(client):
    response = client.get(reverse("privacy"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Datenschutzerklärung" in body and "Einwilligung" in body
    # How proposals reach an account (only by a confirmed address) and how senders without one get theirs.
    assert "genau die angegebene E-Mail-Adresse bestätigt" in body and "ohne Konto: Schreiben Sie" in body
    assert reverse("privacy") in client.get(reverse("atlas:directory")).content.decode()


def test_the_notice_names_the_tile_host_and_what_reaches_it(client):
    body = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "direkt bei tile.openstreetmap.org abruft (© OpenStreetMap contributors)" in body
    assert "Ihre IP-Adresse, die Adresse dieser Website als Referrer" in body
    assert "„Ortsteile (offline)“: Sie kommt ganz von diesem Server" in body
    assert "localStorage" in body


def test_with_consent_the_notice_says_the_street_map_waits_for_it(client, settings):
    settings.ATLAS_TILES_CONSENT = True
    settings.ATLAS_TILES_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    body = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "direkt bei tiles.example.org abruft" in body
    assert "erst geladen, wenn Sie auf der Karte zustimmen" in body


def test_tiles_from_this_server_reach_no_one_else(client, settings):
    settings.ATLAS_TILES_URL = "/tiles/{z}/{x}/{y}.png"
    body = client.get(reverse("privacy"), HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "kommen von diesem Server; kein anderer Anbieter erhält dabei Daten" in body
    assert "tile.openstreetmap.org" not in body
