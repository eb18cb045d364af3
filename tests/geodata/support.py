"""Checks of the geodata's API answers, used by the tests of what is built on them (planning): GeoJSON
features in Spandau, and 400 answers with a reason."""

# Spandau's extent with a little margin; a coordinate outside means swapped axes or a wrong SRID.
SPANDAU_LON = (13.08, 13.30)
SPANDAU_LAT = (52.39, 52.60)


def positions(coordinates):
    """Every [lon, lat] pair in a GeoJSON coordinates array of any nesting depth."""
    if coordinates and isinstance(coordinates[0], int | float):
        yield coordinates
    else:
        for part in coordinates:
            yield from positions(part)


def assert_in_spandau(geometry):
    found = list(positions(geometry["coordinates"]))
    assert found
    for lon, lat in found:
        assert SPANDAU_LON[0] <= lon <= SPANDAU_LON[1] and SPANDAU_LAT[0] <= lat <= SPANDAU_LAT[1], (lon, lat)


def features(response):
    """The features of a valid FeatureCollection response."""
    assert response.status_code == 200, response.content
    assert response["Content-Type"] in ("application/geo+json", "application/json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert feature["type"] == "Feature"
        assert feature["geometry"]["type"] and isinstance(feature["properties"], dict)
        assert "id" in feature
    return collection["features"]


def assert_bad_request(response, *words):
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail
    for word in words:
        assert word in detail
