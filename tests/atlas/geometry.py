"""Distances for tests, computed independently of PROJ/GEOS and of both databases."""

import math

EARTH_RADIUS_M = 6_371_008.8


def haversine(a, b):
    """Great-circle distance in metres between two (lon, lat) points."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(h))


def offset(origin, east_m, north_m):
    """A point about east_m/north_m metres from origin (small offsets)."""
    lon, lat = origin
    return (lon + east_m / (111_320 * math.cos(math.radians(lat))), lat + north_m / 110_574)
