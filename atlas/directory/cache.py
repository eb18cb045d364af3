"""Facts about a directory selection that do not depend on the point asked from, kept in the cache.

A nearest-first page is one KNN query on the GiST index, fast at any table size; the total ``count``
of the matches and the list of individual actors shown at planning-area level are not: both read
every matching row. Neither depends on the point of ``near`` (nor on the page), so they are
computed once per set of filters and shared by every "near me" request with the same filters.

Entries are keyed by a *data version*: a random token replaced whenever a directory entry, one of
its vocabulary links, a vocabulary or an area changes, or import_geodata changed the areas
(atlas/directory/signals.py). A token, not a counter, so an evicted version key can never bring old entries
back. Every entry also expires after
``FACTS_TIMEOUT`` seconds, the same minute for which the API lets clients cache its answers
(Cache-Control ``max-age=60``): a change that bypasses the signals (a bulk ``update()``) is visible
a minute later at the latest, as it would be behind any HTTP cache.

In production the cache is Redis, shared by all app processes (settings: ``REDIS_URL``); the local
memory cache of development serves a single process. While Redis is unreachable every cache read is a
miss and every write is dropped (common/cache.py): the facts are then computed on each request.
"""

import hashlib
import uuid

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "atlas:directory:version"
FACTS_TIMEOUT = 60  # seconds, as DIRECTORY_CACHE_CONTROL in atlas/directory/api/views.py


def data_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def _new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def directory_changed(**kwargs):
    """Signal receiver: a new data version now (this transaction's own reads see the change) and
    again after the commit (so a request that cached the old state meanwhile is not believed)."""
    _new_version()
    transaction.on_commit(_new_version)


def remembered(model, fact, filters_key, compute):
    """The cached value of ``fact`` ("count", "hidden", …) for ``model`` and ``filters_key``
    (DirectoryFilters.facts_key()), computed by ``compute()`` when missing or outdated."""
    version = data_version()
    if version is None:
        # The cache is unreachable (common/cache.py): computed, never kept under an unknown version.
        return compute()
    digest = hashlib.sha256(repr(filters_key).encode()).hexdigest()[:32]
    key = f"atlas:directory:{version}:{model._meta.label_lower}:{fact}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=FACTS_TIMEOUT)
    return value
