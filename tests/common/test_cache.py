"""common.cache: the Redis configuration that forgives an unreachable Redis, and its rate-limited warning."""

import logging

from common.cache import CacheOutageFilter, redis_cache


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def ignored(message="Exception ignored"):
    """A record as django-redis logs an ignored connection error."""
    try:
        raise ConnectionError("Error 111 connecting to 127.0.0.1:1. Connection refused.")
    except ConnectionError as error:
        return logging.LogRecord("django_redis.cache", logging.ERROR, __file__, 1, message, None,
                                 (type(error), error, error.__traceback__))


def test_one_warning_a_minute_counting_the_silenced(caplog):
    clock = Clock()
    outage = CacheOutageFilter(interval=60, clock=clock)
    with caplog.at_level(logging.WARNING, logger="common.cache"):
        assert outage.filter(ignored()) is False  # django-redis' own record never passes
        clock.now += 30
        outage.filter(ignored())
        outage.filter(ignored())
        clock.now += 31
        outage.filter(ignored())
    warnings = [record for record in caplog.records if record.name == "common.cache"]
    assert [record.levelno for record in warnings] == [logging.WARNING, logging.WARNING]
    assert "Connection refused" in warnings[0].getMessage() and "0 more failures" in warnings[0].getMessage()
    assert "2 more failures" in warnings[1].getMessage()


def test_redis_cache_ignores_errors_and_connects_briefly():
    config = redis_cache("redis://127.0.0.1:6379/0")
    assert config["BACKEND"] == "django_redis.cache.RedisCache"
    assert config["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert config["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 0.25
