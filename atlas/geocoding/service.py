"""The public entry points: `geocode(text)` and `apply_geocode(obj, result)`."""

import logging

from django.core.exceptions import ImproperlyConfigured

from atlas.geocoding import cache, providers
from atlas.geocoding.normalize import normalize_query
from atlas.geocoding.result import GeocodeResult, Status, is_precise, precision_rank

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200


def geocode(text):
    """Geocode a free-text address or place name in Berlin-Spandau. Never raises for bad input or
    provider outages: always returns a GeocodeResult, which is falsy unless found; `status` tells
    "not_found" from "unavailable" (every provider that could have answered failed).

    The most precise answer wins: the providers of settings.ATLAS_GEOCODERS are asked in order until
    one answers at address precision or better; a later answer replaces an earlier one only when it is
    more precise (ties keep the earlier). When the chain holds the offline gazetteer, another provider's
    point counts only inside the planning area the official address list gives for the address;
    outside it, it is logged and dropped. A provider that fails is skipped. Online answers are cached
    per provider (see atlas.geocoding.cache). Misconfiguration (ImproperlyConfigured) is raised: it is a
    deployment error, not an outage.
    """
    query = normalize_query((text or "")[:MAX_QUERY_LENGTH])
    if not query.name_key and not query.has_address:
        return GeocodeResult.not_found()
    chain = providers.chain()
    official = _OfficialAreas(chain, query)
    best, failed = None, False
    for provider in chain:
        if best is not None and is_precise(best.precision):
            break
        result = _ask(provider, query)
        if not result:
            failed = failed or result.unavailable
            continue
        if best is not None and precision_rank(result.precision) >= precision_rank(best.precision):
            continue
        if getattr(provider, "checks_others", False) or official.allows(result):
            best = result
        else:
            logger.warning("Geocoder %s placed %r in planning area %s, but the official address list gives %s: "
                           "point not used%s", provider.name, query.text, result.planning_area_key or "-",
                           ", ".join(sorted(official.keys)),
                           f" (kept the {best.provider} answer)" if best is not None else "")
    if best is not None:
        return best
    if failed:
        return GeocodeResult(status=Status.UNAVAILABLE)
    return GeocodeResult.not_found(chain[-1].name if chain else "")


class _OfficialAreas:
    """The planning areas the offline gazetteer of the chain (if any) gives for the query, looked up
    once, when a second opinion is first needed."""

    def __init__(self, chain, query):
        self.gazetteer = next((p for p in chain if getattr(p, "checks_others", False)), None)
        self.query = query
        self._keys = False

    @property
    def keys(self):
        if self._keys is False:
            self._keys = self.gazetteer.official_planning_areas(self.query) if self.gazetteer else None
        return self._keys or frozenset()

    def allows(self, result):
        keys = self.keys
        return not keys or result.planning_area_key in keys


def _ask(provider, query):
    """One provider's answer: from the cache for online providers, else asked (errors → unavailable)."""
    if provider.cacheable:
        cached = cache.lookup(provider.name, query)
        if cached is not None:
            return cached
    try:
        result = provider.geocode(query)
    except ImproperlyConfigured:
        raise
    except Exception:
        logger.exception("Geocoder %s failed on %r", provider.name, query.text)
        result = GeocodeResult.unavailable_result(provider.name)
    if provider.cacheable:
        cache.store(provider.name, query, result)
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
