"""Geocoding for the directory: free-text addresses in Berlin-Spandau → point, precision and areas.

    from atlas.geocoding import geocode, apply_geocode
    result = geocode("Carl-Schurz-Str. 31, 13597 Berlin")
    if result:
        result.point, result.precision, result.planning_area_key

See docs/geocoding.md for providers, settings, precision levels and the usage policies.
"""

from atlas.geocoding.normalize import normalize_query
from atlas.geocoding.result import GeocodeResult, Precision, Status
from atlas.geocoding.service import MAX_QUERY_LENGTH, apply_geocode, geocode

__all__ = ["MAX_QUERY_LENGTH", "GeocodeResult", "Precision", "Status", "apply_geocode", "geocode", "normalize_query"]
