"""Django's Redis cache backend, made to degrade instead of failing when Redis is down.

Wagtail reads the cache on every page (site root paths, renditions), so with the
stock backend a Redis outage would turn every page into a 500. Here reads miss
and writes are dropped, with a warning in the log; pages keep serving from the
database. Counters (``incr``, :meth:`ResilientRedisCache.bump_counters`) still
raise, so callers that need a value know; each costs one round trip.
A host points every Redis cache alias at it (docs/install.md, "The cache").
"""

import functools
import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from campaigns.breaker import CircuitOpen, connection_options

logger = logging.getLogger(__name__)

_OUTAGE = (RedisConnectionError, RedisTimeoutError)

# Add ARGV[1] to KEYS[1] if it exists (nil otherwise).
_INCR = """
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
return redis.call('INCRBY', KEYS[1], ARGV[1])
"""

# Add one to each counter (KEYS), or start a missing one at ARGV[1].
_BUMP = """
for _, key in ipairs(KEYS) do
  if redis.call('EXISTS', key) == 1 then
    redis.call('INCR', key)
  else
    redis.call('SET', key, ARGV[1])
  end
end
return #KEYS
"""


def _degrade(fallback):
    def decorator(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except CircuitOpen:
                # Logged once, when the circuit opened (campaigns.breaker).
                pass
            except _OUTAGE:
                logger.warning("Redis unreachable during cache.%s", method.__name__)
            return fallback(*args, **kwargs) if callable(fallback) else fallback

        return wrapper

    return decorator


class _ReusedClients(RedisCacheClient):
    """Django's client makes a ``redis.Redis`` for every operation, and each
    builds its table of response callbacks: here one per connection pool is
    kept (it is thread-safe; the pool holds the connections)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    """A :class:`RedisCache` whose outage looks like an empty cache.

    Its connections go through the plugin's circuit breaker: a hung Redis costs
    one socket timeout, then calls fail at once for a few seconds
    (:mod:`campaigns.breaker`).
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = _ReusedClients
        self._options = {**connection_options(self._servers[0]), **self._options}

    @_degrade(lambda key, default=None, version=None: default)
    def get(self, key, default=None, version=None):
        return super().get(key, default, version)

    @_degrade({})
    def get_many(self, keys, version=None):
        return super().get_many(keys, version)

    # An empty cache would have taken the key: a claim made during an outage
    # succeeds, so that callers relying on it (the duplicate-comment check)
    # let the request through rather than refuse it as a repeat.
    @_degrade(True)
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().add(key, value, timeout, version)

    @_degrade(None)
    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set(key, value, timeout, version)

    @_degrade(lambda data, *args, **kwargs: list(data))
    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return super().set_many(data, timeout, version)

    @_degrade(False)
    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return super().touch(key, timeout, version)

    @_degrade(False)
    def delete(self, key, version=None):
        return super().delete(key, version)

    @_degrade(None)
    def delete_many(self, keys, version=None):
        return super().delete_many(keys, version)

    @_degrade(False)
    def has_key(self, key, version=None):
        return super().has_key(key, version)

    @_degrade(False)
    def clear(self):
        return super().clear()

    def incr(self, key, delta=1, version=None):
        """As Django's (ValueError for a missing key), in one round trip, not two."""
        made = self.make_and_validate_key(key, version=version)
        value = self._cache.get_client(made, write=True).eval(_INCR, 1, made, delta)
        if value is None:
            raise ValueError(f"Key '{made}' not found.")
        return value

    def bump_counters(self, keys, seed: int, version=None) -> None:
        """Add one to each counter, or start a missing one at ``seed``, in one
        round trip (``incr`` costs two per key). Raises on an outage, as
        ``incr`` does."""
        made = [self.make_and_validate_key(key, version=version) for key in keys]
        if made:
            client = self._cache.get_client(made[0], write=True)
            client.eval(_BUMP, len(made), *made, seed)
