"""A hung Redis costs one timeout, not one per call (circuit breaker, issue 14 item 2).

A real ``redis-server`` is started and stopped with SIGSTOP: it accepts
connections and never answers, as a frozen or overloaded Redis does.
"""

import logging

import pytest

from campaigns import breaker
from campaigns.cache import ResilientRedisCache
from campaigns.models import PageViewCount
from campaigns.stats import redis_store
from tests.redis_server import RedisServer, needs_redis_server

pytestmark = needs_redis_server

OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


@pytest.fixture
def hung_redis(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    server.freeze()
    breaker.close_all()
    yield server.url, server.name
    server.stop()
    breaker.close_all()


def _failures(caplog) -> int:
    """Calls that really waited on the hung server (the breaker logs each trip)."""
    return sum("failed: not called" in r.getMessage() for r in caplog.records)


def test_the_cache_waits_once_then_answers_as_empty(hung_redis, caplog):
    url, server = hung_redis
    caplog.set_level(logging.WARNING)
    cache = ResilientRedisCache(url, {"OPTIONS": OPTIONS})
    # About what one page asks of the cache.
    answers = [cache.get(f"key-{n}", "miss") for n in range(35)]

    assert answers == ["miss"] * 35
    assert cache.add("claim", 1) is True
    assert _failures(caplog) == 1
    assert breaker.is_open(server)


def test_counters_fail_at_once_while_the_circuit_is_open(hung_redis):
    url, _server = hung_redis
    cache = ResilientRedisCache(url, {"OPTIONS": OPTIONS})
    cache.get("first")
    with pytest.raises(breaker.CircuitOpen):
        cache.incr("counter")


def test_the_server_is_tried_again_after_the_cool_down(hung_redis, settings):
    url, server = hung_redis
    settings.CAMPAIGNS_REDIS_COOLDOWN_SECONDS = 0
    cache = ResilientRedisCache(url, {"OPTIONS": OPTIONS})
    cache.get("first")
    assert not breaker.is_open(server)


@pytest.mark.django_db
def test_pages_and_beacons_go_on_while_redis_hangs(
    client, make_campaign, hung_redis, settings, caplog
):
    url, _server = hung_redis
    caplog.set_level(logging.WARNING)
    page = make_campaign()
    settings.CACHES = {
        alias: {
            "BACKEND": "campaigns.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": OPTIONS,
        }
        for alias in ("default", "renditions")
    }
    settings.CAMPAIGNS_REDIS_URL = url
    redis_store._client_for.cache_clear()

    assert client.get(page.url).status_code == 200
    assert client.get("/").status_code == 200
    beacon = client.post(
        f"/api/v3/pages/{page.pk}/views/",
        HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14) Mobile",
    )

    assert beacon.status_code == 200
    # Counted in the database, as when the site runs without Redis.
    assert PageViewCount.objects.get(page=page).views == 1
    assert _failures(caplog) == 1
