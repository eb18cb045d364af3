"""POST /api/coverage/what-if/: signing in does not lift the limit (what every throttled endpoint
shares is tested in tests/common/test_throttling.py). The what-if view looks up no
session (common.api.views.PublicView), so a signed-in visitor is counted by address like everyone."""

import json

import pytest

from tests.factories import make_user
from tests.planning.support import post_what_if

pytestmark = pytest.mark.django_db
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


def test_signed_in_visitors_are_limited_too(client, settings):
    settings.ATLAS_TRUSTED_PROXIES = 0
    client.force_login(make_user("anna"))
    answers = [what_if(client, forwarded=f"198.51.100.{number}") for number in range(1, 4)]
    assert answers == [400, 400, 429]
    body = client.post("/api/coverage/what-if/", json.dumps(NO_POINTS), content_type="application/json").json()
    assert body["detail"]
