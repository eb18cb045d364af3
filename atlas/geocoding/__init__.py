"""Geocoding for the directory: free-text addresses in Berlin-Spandau → point, precision and areas.

    from atlas.geocoding.service import geocode, apply_geocode
    result = geocode("Carl-Schurz-Str. 31, 13597 Berlin")
    if result:
        result.point, result.precision, result.planning_area_key

See docs/geocoding.md for providers, settings, precision levels and the usage policies. The package
imports nothing itself: it is an app, imported before the models are ready.
"""
