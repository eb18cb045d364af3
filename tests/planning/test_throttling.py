"""POST /api/coverage/what-if/ is limited per client address (common.clients): a made-up
X-Forwarded-For does not lift the limit, and signing in does not either. The what-if view looks up no
session (geodata.api.views.PublicView), so a signed-in visitor is counted by address like everyone."""

import json

import pytest

from tests.factories import make_user
from tests.planning.support import post_what_if

pytestmark = pytest.mark.django_db
PROXY = "10.0.0.1"
# Refused with 400 before any computation; the throttle counts it all the same.
NO_POINTS = {"points": []}


@pytest.fixture(autouse=True)
def two_per_minute(settings):
    settings.COVERAGE_WHAT_IF_THROTTLE = "2/min"


def what_if(client, forwarded=None, remote="127.0.0.1"):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return post_what_if(client, NO_POINTS, **extra).status_code


def test_a_new_forwarded_header_does_not_escape_the_limit(client, settings):
    settings.ATLAS_TRUSTED_PROXIES = 0
    answers = [what_if(client, forwarded=f"198.51.100.{number}") for number in range(1, 6)]
    assert answers == [400, 400, 429, 429, 429]


def test_clients_behind_one_trusted_proxy_are_limited_separately(client, settings):
    settings.ATLAS_TRUSTED_PROXIES = 1
    first, second = "203.0.113.5", "203.0.113.6"
    assert [what_if(client, first, remote=PROXY) for _ in range(3)] == [400, 400, 429]
    assert what_if(client, f"198.51.100.9, {first}", remote=PROXY) == 429
    assert [what_if(client, second, remote=PROXY) for _ in range(3)] == [400, 400, 429]


def test_signed_in_visitors_are_limited_too(client, settings):
    settings.ATLAS_TRUSTED_PROXIES = 0
    client.force_login(make_user("anna"))
    answers = [what_if(client, forwarded=f"198.51.100.{number}") for number in range(1, 4)]
    assert answers == [400, 400, 429]
    body = client.post("/api/coverage/what-if/", json.dumps(NO_POINTS), content_type="application/json").json()
    assert body["detail"]
