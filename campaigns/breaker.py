"""A circuit breaker for Redis: after one failure, stop calling it for a few seconds.

A Redis that is down answers "connection refused" at once, but a hung one
(stopped, overloaded, behind a dead link) lets every call wait for its socket
timeout; a page makes dozens of cache calls, so a hung Redis would make every
page take seconds. The connections of the plugin's cache backend and of its
view counter are :class:`BreakerConnection`: once a call to a server fails,
every call to it fails at once (:class:`CircuitOpen`, a ``ConnectionError``, so
callers degrade as they do when Redis is down) until
``CAMPAIGNS_REDIS_COOLDOWN_SECONDS`` have passed; the next call then tries the
server again.
"""

import logging
import time

import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from campaigns import conf

logger = logging.getLogger(__name__)

OUTAGE = (redis.ConnectionError, redis.TimeoutError)

#: Until when (``time.monotonic()``) each server is not called, by address.
_open_until: dict[str, float] = {}
#: How many times a circuit has opened in this process.
_trips = 0


class CircuitOpen(redis.ConnectionError):
    """The server failed moments ago; it is not called until the cool-down ends."""


def is_open(server: str) -> bool:
    return time.monotonic() < _open_until.get(server, 0.0)


def trip(server: str) -> None:
    """Stop calling ``server`` for the cool-down."""
    global _trips
    if not is_open(server):
        _trips += 1
        logger.warning(
            "Redis at %s failed: not called for %s s",
            server,
            conf.REDIS_COOLDOWN_SECONDS,
        )
    _open_until[server] = time.monotonic() + conf.REDIS_COOLDOWN_SECONDS


def trip_count() -> int:
    """Circuits opened so far in this process: a change means Redis failed meanwhile."""
    return _trips


def close_all() -> None:
    """Call every server again at once (after a deliberate restart, and in tests)."""
    _open_until.clear()


class BreakerConnection(redis.Connection):
    """A TCP connection to Redis that fails fast while its server's circuit is open.

    It also makes no retries of its own: one failure is one timeout, at most.
    """

    def __init__(self, *args, **kwargs):
        kwargs["retry"] = Retry(NoBackoff(), 0)
        super().__init__(*args, **kwargs)
        self.server = f"{self.host}:{self.port}/{self.db}"

    def connect_check_health(self, *args, **kwargs):
        return self._guarded(super().connect_check_health, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        return self._guarded(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._guarded(super().read_response, *args, **kwargs)

    def _guarded(self, call, *args, **kwargs):
        if is_open(self.server):
            raise CircuitOpen(f"Redis at {self.server} failed moments ago")
        try:
            return call(*args, **kwargs)
        except CircuitOpen:
            raise
        except OUTAGE:
            trip(self.server)
            raise


def connection_options(url: str) -> dict:
    """What a Redis client for ``url`` needs to use the breaker (TCP URLs only).

    ``rediss://`` (TLS) and ``unix://`` keep redis-py's own connection class.
    """
    return {"connection_class": BreakerConnection} if url.startswith("redis://") else {}
