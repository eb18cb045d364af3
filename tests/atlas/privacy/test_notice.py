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
