"""The public entry points: `geocode(text)` and `apply_geocode(obj, result)`."""

import logging

from django.core.exceptions import ImproperlyConfigured

from atlas.geocoding import cache, providers
from atlas.geocoding.normalize import normalize_query
from atlas.geocoding.result import GeocodeResult, Status

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


def geocode(text):
    """Geocode a free-text address or place name in Berlin-Spandau. Never raises for bad input or
    provider outages: always returns a GeocodeResult, which is falsy unless found; `status` tells
    "not_found" from "unavailable" (every provider that could have answered failed).

    The providers of settings.ATLAS_GEOCODERS are asked in order; the first found result wins. A
    provider that fails is skipped. Online answers are cached (see atlas.geocoding.cache).
    Misconfiguration (ImproperlyConfigured) is raised: it is a deployment error, not an outage.
    """
    query = normalize_query((text or "")[:MAX_QUERY_LENGTH])
    if not query.name_key and not query.has_address:
        return GeocodeResult.not_found()
    chain = providers.chain()
    online = any(p.cacheable for p in chain)
    if online:
        cached = cache.lookup(query)
        if cached is not None:
            return cached
    failed = False
    for provider in chain:
        try:
            result = provider.geocode(query)
        except ImproperlyConfigured:
            raise
        except Exception:
            logger.exception("Geocoder %s failed on %r", provider.name, query.text)
            result = GeocodeResult.unavailable_result(provider.name)
        if result:
            if provider.cacheable:
                cache.store(query, result)
            return result
        failed = failed or result.unavailable
    if failed:
        return GeocodeResult(status=Status.UNAVAILABLE)
    result = GeocodeResult.not_found(chain[-1].name if chain else "")
    if online:
        cache.store(query, result)
    return result


def apply_geocode(obj, result):
    """Copy a geocoding result onto a directory record (not saved; the caller saves).

    Sets `location` (a Point, EPSG:4326), `location_precision` and `needs_location`. When the result is
    not found or unavailable, the location is cleared and `needs_location` set, so the record can be
    saved and shown to a coordinator. A record with a true `location_set_manually` (a coordinator
    placed it by hand) is never touched. Returns True when the record was changed.
    """
    if getattr(obj, "location_set_manually", False):
        return False
    if result:
        obj.location = result.point
        obj.location_precision = result.precision
        obj.needs_location = False
    else:
        obj.location = None
        obj.location_precision = ""
        obj.needs_location = True
    return True
