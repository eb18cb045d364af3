"""GET /api/geocode/: signing in does not lift the limit, each user has one of their own, and a refusal
says when to retry. What every throttled endpoint shares (per client address, forwarded headers) is
tested in tests/common/test_throttling.py."""

import pytest

from tests.factories import make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("gazetteer_data", "fresh_geocoders")]
URL = "/api/geocode/"


@pytest.fixture(autouse=True)
def two_per_minute(settings):
    settings.GEOCODER_API_THROTTLE = "2/min"


def geocode(client, forwarded=None, remote="127.0.0.1"):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client.get(URL, {"q": "Staaken"}, **extra).status_code


def test_throttled_answer_says_when_to_retry(client):
    geocode(client), geocode(client)
    response = client.get(URL, {"q": "Staaken"})
    assert response.status_code == 429 and int(response["Retry-After"]) > 0


def test_signed_in_users_are_limited_per_user(client, settings):
    settings.ATLAS_TRUSTED_PROXIES = 0
    client.force_login(make_user("anna"))
    answers = [geocode(client, forwarded=f"198.51.100.{number}") for number in range(1, 4)]
    assert answers == [200, 200, 429]
    # Another user at the same address has a limit of their own, and so has an anonymous visitor there.
    client.force_login(make_user("bert"))
    assert [geocode(client) for _ in range(3)] == [200, 200, 429]
    client.logout()
    assert geocode(client) == 200
