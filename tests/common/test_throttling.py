"""One throttle for the whole API (common.throttling.ClientRateThrottle), the same on each endpoint that
uses it: per client address (common.clients), and neither a made-up X-Forwarded-For nor an address
written in front of the trusted proxy's entry lifts the limit. What differs per endpoint (signed-in
users, Retry-After) is tested beside it: tests/atlas/geocoding/, tests/planning/."""

import pytest

from tests.planning.support import post_what_if

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.1"


def geocode(client, extra):
    return client.get("/api/geocode/", {"q": "Staaken"}, **extra)


def what_if(client, extra):
    # Refused with 400 before any computation; the throttle counts it all the same.
    return post_what_if(client, {"points": []}, **extra)


@pytest.fixture(params=[geocode, what_if], ids=["geocode", "what-if"])
def refused(request, settings):
    """refused(client, forwarded, remote): whether the endpoint answered 429, at two requests a minute."""
    settings.GEOCODER_API_THROTTLE = settings.COVERAGE_WHAT_IF_THROTTLE = "2/min"

    def ask(client, forwarded=None, remote="127.0.0.1"):
        extra = {"REMOTE_ADDR": remote}
        if forwarded:
            extra["HTTP_X_FORWARDED_FOR"] = forwarded
        return request.param(client, extra).status_code == 429

    return ask


def test_a_new_forwarded_header_does_not_escape_the_limit(client, settings, refused):
    settings.ATLAS_TRUSTED_PROXIES = 0
    answers = [refused(client, forwarded=f"198.51.100.{number}") for number in range(1, 6)]
    assert answers == [False, False, True, True, True]


def test_clients_behind_one_trusted_proxy_are_limited_separately(client, settings, refused):
    settings.ATLAS_TRUSTED_PROXIES = 1
    first, second = "203.0.113.5", "203.0.113.6"
    assert [refused(client, first, remote=PROXY) for _ in range(3)] == [False, False, True]
    # The limited client cannot step around by writing another address in front of the proxy's entry.
    assert refused(client, f"198.51.100.9, {first}", remote=PROXY)
    assert [refused(client, second, remote=PROXY) for _ in range(3)] == [False, False, True]
