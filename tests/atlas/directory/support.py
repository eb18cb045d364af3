"""Helpers of the directory's tests: reading the API's answers, and the nearest-first checks against
distances computed independently (haversine on the WGS84 coordinates of the response)."""

import math

from tests.factories import RATHAUS_SPANDAU, haversine

ORIGIN = RATHAUS_SPANDAU


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    assert response["Content-Type"] in ("application/geo+json", "application/json")
    return response.json()


def names(collection):
    return [feature["properties"]["name"] for feature in collection["features"]]


def organisations(client, query=""):
    return get_json(client, f"/api/organisations/{query}")


def near(client, path, origin=ORIGIN, extra=""):
    response = client.get(f"{path}?near={origin[0]},{origin[1]}{extra}")
    assert response.status_code == 200, response.content
    return response.json()


def assert_distances_match(features, origin):
    """Each distance within 1 % (or 1 m) of the haversine distance, walking minutes consistent."""
    for feature in features:
        properties = feature["properties"]
        expected = haversine(origin, feature["geometry"]["coordinates"])
        assert abs(properties["distance_m"] - expected) <= max(1.0, 0.01 * expected), (properties["name"], expected)
        assert properties["walking_minutes"] == math.ceil(properties["distance_m"] / 80)


def assert_nearest_first(features, origin):
    expected = [haversine(origin, f["geometry"]["coordinates"]) for f in features]
    for before, after in zip(expected, expected[1:], strict=False):
        assert before <= after * 1.001 + 0.5
    reported = [f["properties"]["distance_m"] for f in features]
    assert reported == sorted(reported)
