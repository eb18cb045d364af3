"""Helpers of the planning tests."""

import json


def post_what_if(client, body, **extra):
    """POST /api/coverage/what-if/ with a JSON body."""
    return client.post("/api/coverage/what-if/", json.dumps(body), content_type="application/json", **extra)
