"""Bench settings whose page fragments are rendered on every request.

``{% public_cache %}`` stores with a timeout of 0, which Django's cache backends
treat as "do not store", and a key prefix of its own keeps this server from
reading fragments that the other bench server stored in a shared Redis.
"""

from bench.settings import *  # noqa: F403 -- the bench measures production.
from bench.settings import CACHES

CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 0
CACHES = {**CACHES, "default": {**CACHES["default"], "KEY_PREFIX": "bench-rendered"}}
