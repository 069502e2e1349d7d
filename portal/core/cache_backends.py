"""Two of Django's cache backends, each with what the portal needs of it.

``ResilientRedisCache`` — Django's Redis cache, which a stopped Redis does not turn into errors.

Django's ``RedisCache`` raises on every call while Redis is down: every page of every instance
answered 500. Here a call that cannot reach Redis is a miss — ``get`` finds nothing, ``set``
stores nothing, ``add`` and ``incr`` act as on an empty cache — and is logged, so pages are made from the
database and logins go on; redis-py reconnects by itself on the next call once Redis is back.
The connection and each command time out quickly (``OPTIONS``), so a lost Redis costs a page
milliseconds, not a worker's whole timeout.

``ByteBoundedLocMemCache`` — Django's per-process memory cache, bounded in bytes as well as in
entries: the page cache holds pages of 20–50 KB but also downloads, several MB each at 100 times
the data, so a bound of 500 entries alone could take gigabytes from every worker.
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Seconds: to connect, and for one command's answer.
DEFAULT_TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = {**params, "OPTIONS": {**DEFAULT_TIMEOUTS, **params.get("OPTIONS", {})}}
        super().__init__(server, params)

    def _or(self, fallback, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except UNREACHABLE as error:
            logger.warning("Redis is unreachable (%s): the cache is skipped", type(error).__name__)
            return fallback

    def get(self, key, default=None, version=None):
        return self._or(default, super().get, key, default, version)


def _passing(name, fallback):
    """A method of RedisCache that gives ``fallback`` when Redis cannot be reached."""
    method = getattr(RedisCache, name)

    def resilient(self, *args, **kwargs):
        return self._or(fallback, method, self, *args, **kwargs)

    resilient.__name__ = name
    resilient.__doc__ = f"RedisCache.{name}, or {fallback!r} when Redis cannot be reached."
    return resilient


for _name, _fallback in {
    "get_many": {},
    "has_key": False,
    "set": None,
    "add": True,  # as if stored: what it guards (one answer a day, a first attempt) is not known
    "touch": False,
    "delete": False,
    "set_many": [],
    "delete_many": None,
    "clear": False,
    "incr": 1,  # a counter that cannot be read counts as a first attempt: the database's limits remain
    "decr": 0,
}.items():
    setattr(ResilientRedisCache, _name, _passing(_name, _fallback))


class ByteBoundedLocMemCache(LocMemCache):
    """``OPTIONS["MAX_BYTES"]``: the most the stored (pickled) values may take together; the
    least recently used go first, and a value larger than the whole bound is not kept."""

    def __init__(self, name, params):
        super().__init__(name, params)
        self._max_bytes = int(params.get("OPTIONS", {}).get("MAX_BYTES", 64 * 2**20))

    def _set(self, key, value, timeout=DEFAULT_TIMEOUT):
        if len(value) > self._max_bytes:
            self._delete(key)
            return
        super()._set(key, value, timeout)
        stored = sum(map(len, self._cache.values()))  # a few hundred entries: microseconds
        while stored > self._max_bytes:
            oldest, pickled = self._cache.popitem()  # LocMemCache keeps the most recent first
            del self._expire_info[oldest]
            stored -= len(pickled)

    def stored_bytes(self):
        with self._lock:
            return sum(map(len, self._cache.values()))
