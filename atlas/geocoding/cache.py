"""The database cache of online answers (GeocodeCache), keyed by the provider and the normalised query.

Found results are kept GEOCODER_CACHE_DAYS (default 90), "not found" answers GEOCODER_NEGATIVE_CACHE_HOURS
(default 24) so that a typo is not sent to Nominatim again and again; "unavailable" is never cached.
Offline (gazetteer) results are not cached at all.
"""

import contextlib
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from atlas.geocoding.models import GeocodeCache
from atlas.geocoding.result import GeocodeResult, Status
from common.read_only import is_read_only_error


def _max_age(found):
    if found:
        return timedelta(days=float(settings.GEOCODER_CACHE_DAYS))
    return timedelta(hours=float(settings.GEOCODER_NEGATIVE_CACHE_HOURS))


def _key(provider, query):
    return f"{provider}|{query.cache_key}"[:255]


def lookup(provider, query):
    """The cached answer (found or not found) of a provider for a NormalisedQuery, or None when absent or
    expired."""
    entry = GeocodeCache.objects.filter(query_key=_key(provider, query)).first()
    if entry is None or entry.created < timezone.now() - _max_age(entry.found):
        return None
    if entry.found:
        return GeocodeResult.from_dict(entry.result, cached=True)
    return GeocodeResult(status=Status.NOT_FOUND, provider=entry.provider, cached=True)


def store(provider, query, result):
    """Remember a provider's found or not-found answer; a concurrent writer of the same key simply wins."""
    if result.unavailable:
        return
    values = {"query": query.text[:255], "provider": provider[:40], "found": result.found,
              "result": result.as_dict() if result.found else None, "created": timezone.now()}
    try:
        with contextlib.suppress(IntegrityError), transaction.atomic():
            GeocodeCache.objects.update_or_create(query_key=_key(provider, query), defaults=values)
    except DatabaseError as error:
        if not is_read_only_error(error):
            raise
        # A read-only database: the answer is served, only not remembered.


def clear():
    GeocodeCache.objects.all().delete()
