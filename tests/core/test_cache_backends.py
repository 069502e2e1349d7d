"""A Redis that cannot be reached is a cache miss, not an error (portal/core/cache_backends.py).

With Redis running, the several-instance test (tests/deploy/test_several_instances.py) shows the
same backend sharing pages, limits and the content version, and using Redis again once it returns.
"""

import socket

import pytest
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError

from portal.core.cache_backends import ResilientRedisCache


@pytest.fixture
def nowhere():
    """The address of a loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


def test_django_s_own_redis_cache_raises_when_redis_is_down(nowhere):
    """What every page met before: the reason for the backend below."""
    with pytest.raises(RedisConnectionError):
        RedisCache(nowhere, {}).get("page")


def test_an_unreachable_redis_answers_as_an_empty_cache(nowhere, caplog):
    cache = ResilientRedisCache(nowhere, {})
    assert cache.get("page") is None
    assert cache.get("page", "fallback") == "fallback"
    assert cache.get_many(["a", "b"]) == {}
    assert cache.has_key("page") is False
    assert cache.set("page", "html") is None
    assert cache.add("first-answer-today", 1) is True  # as on an empty cache: the first one
    assert cache.incr("login-attempts") == 1
    assert cache.delete("page") is False
    assert cache.set_many({"a": 1}) == []
    assert "Redis is unreachable (ConnectionError)" in caplog.text


def test_its_timeouts_are_short_unless_configured(nowhere):
    pool_options = ResilientRedisCache(nowhere, {})._cache._pool_options
    assert pool_options["socket_connect_timeout"] == 0.25 and pool_options["socket_timeout"] == 0.5
    configured = ResilientRedisCache(nowhere, {"OPTIONS": {"socket_timeout": 2}})._cache._pool_options
    assert configured["socket_timeout"] == 2 and configured["socket_connect_timeout"] == 0.25


def test_the_page_cache_of_a_process_is_bounded_in_bytes():
    from portal.core.cache_backends import ByteBoundedLocMemCache

    cache = ByteBoundedLocMemCache("bounded-test", {"OPTIONS": {"MAX_ENTRIES": 500, "MAX_BYTES": 100_000}})
    page = b"x" * 30_000  # a page; pickled, a little more
    for number in range(10):
        cache.set(f"page-{number}", page)
    assert cache.stored_bytes() <= 100_000
    assert cache.get("page-9") == page and cache.get("page-8") == page  # the most recent stay
    assert cache.get("page-0") is None  # the least recently used went first
    cache.set("a-download", b"y" * 200_000)  # larger than the whole bound: not kept, nothing evicted for it
    assert cache.get("a-download") is None and cache.get("page-9") == page
