"""The plugin's Redis cache backend: an outage looks like an empty cache."""

import pytest
from redis.exceptions import ConnectionError as RedisConnectionError

from campaigns.cache import ResilientRedisCache


@pytest.fixture
def unreachable():
    # Nothing listens on port 1: a real connection failure, not a mock.
    return ResilientRedisCache(
        "redis://127.0.0.1:1/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )


def test_reads_miss_while_redis_is_down(unreachable):
    assert unreachable.get("key", "fallback") == "fallback"
    assert unreachable.get_many(["a", "b"]) == {}
    assert unreachable.has_key("key") is False


def test_writes_are_dropped_while_redis_is_down(unreachable):
    assert unreachable.set("key", 1) is None
    # As an empty cache would: nothing holds the key, so the claim succeeds.
    assert unreachable.add("key", 1) is True
    assert unreachable.touch("key") is False
    assert unreachable.delete("key") is False
    assert unreachable.delete_many(["a"]) is None
    assert unreachable.set_many({"a": 1, "b": 2}) == ["a", "b"]


def test_counters_still_raise_so_callers_know(unreachable):
    with pytest.raises(RedisConnectionError):
        unreachable.incr("key")
    with pytest.raises(RedisConnectionError):
        unreachable.bump_counters(["a", "b"], seed=5)


@pytest.fixture
def live(settings):
    """The real Redis of the second CI pass, under a key prefix of its own."""
    if not settings.REDIS_URL:
        pytest.skip("needs REDIS_URL (CI's second pass)")
    backend = ResilientRedisCache(settings.REDIS_URL, {"KEY_PREFIX": "cache-test"})
    backend.delete_many(["n", "a", "b"])
    yield backend
    backend.delete_many(["n", "a", "b"])


def test_incr_counts_in_one_call_and_refuses_a_missing_key(live):
    with pytest.raises(ValueError):
        live.incr("n")
    live.set("n", 41)
    assert live.incr("n") == 42
    assert live.incr("n", 8) == 50
    assert live.get("n") == 50


def test_bump_counters_adds_one_or_starts_a_missing_one_at_the_seed(live):
    live.set("a", 7)
    live.bump_counters(["a", "b"], seed=1_000)
    assert live.get_many(["a", "b"]) == {"a": 8, "b": 1_000}
    live.bump_counters(["a", "b"], seed=5)
    assert live.get_many(["a", "b"]) == {"a": 9, "b": 1_001}


def test_an_outage_is_logged(unreachable, caplog):
    unreachable.get("key")
    assert "Redis unreachable during cache.get" in caplog.text
