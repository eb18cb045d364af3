"""The shared cache (Redis) as an optimisation the site can do without.

Redis holds the directory's cached counts (atlas/directory/cache.py) and the API throttles' counters.
When it is unreachable, django-redis with ``IGNORE_EXCEPTIONS`` answers every read with the default
(a miss) and drops every write, so each page is computed and each write stored as without a cache; a
short connect timeout keeps the cost of a dead Redis in milliseconds. Throttles count nothing
meanwhile. Sessions (database) and django-axes (database handler) do not use the cache.

django-redis logs each ignored error (``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS``) on the logger
``django_redis.cache``; ``CacheOutageFilter`` there turns that stream into at most one warning a
minute per process, on the logger ``common.cache``.
"""

import logging
import threading
import time

logger = logging.getLogger(__name__)

# Seconds: connecting to Redis on the same host or network takes well under a millisecond; a Redis that
# does not answer costs at most this much per cache operation.
CONNECT_TIMEOUT = 0.1
SOCKET_TIMEOUT = 0.5


def redis_cache(url):
    """The CACHES entry for the Redis at ``url``, forgiving when that Redis is unreachable."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": CONNECT_TIMEOUT,
            "SOCKET_TIMEOUT": SOCKET_TIMEOUT,
        },
    }


class CacheOutageFilter(logging.Filter):
    """On django-redis' logger: swallows its "Exception ignored" records and logs instead one warning
    per ``interval`` seconds (with how many failures it stands for) on ``common.cache``."""

    def __init__(self, interval=60, clock=time.monotonic):
        super().__init__()
        self.interval = interval
        self.clock = clock
        self._lock = threading.Lock()
        self.reset()

    def reset(self):
        self._next_warning = None  # clock value from which the next warning may be logged
        self._silenced = 0  # failures since the last warning

    def filter(self, record):
        now = self.clock()
        with self._lock:
            if self._next_warning is not None and now < self._next_warning:
                self._silenced += 1
                return False
            silenced, self._silenced = self._silenced, 0
            self._next_warning = now + self.interval
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        logger.warning(
            "Cache unreachable, pages are served without it: %s (%d more failures since the last warning; "
            "this warning repeats at most every %d s)", cause or record.getMessage(), silenced, self.interval)
        return False
