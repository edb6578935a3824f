"""A site-wide content generation: a number that changes whenever public content does.

Cached fragments of public pages include it in their keys, so publishing,
unpublishing or restricting a page invalidates every fragment that could show
it, without tracking which fragment shows what. It lives in the default cache
(Redis in production), shared by every app server.
"""

import logging

from django.core.cache import cache

logger = logging.getLogger(__name__)

#: Cache key of the generation counter.
GENERATION_KEY = "campaigns:content-generation"


def content_generation() -> int | None:
    """The current generation, or None when the cache cannot be reached."""
    try:
        cache.add(GENERATION_KEY, 1, timeout=None)
        return cache.get(GENERATION_KEY)
    except Exception:  # a cache outage must not break page serving.
        logger.warning("Cache unreachable: serving fragments uncached", exc_info=True)
        return None


def bump_content_generation(**kwargs) -> None:
    """Move to a new generation. Signal handler: extra keyword arguments are ignored."""
    try:
        cache.add(GENERATION_KEY, 1, timeout=None)
        cache.incr(GENERATION_KEY)
    except ValueError:
        # The key expired or was evicted between add() and incr().
        cache.set(GENERATION_KEY, 2, timeout=None)
    except Exception:  # the fragments' timeout bounds staleness.
        logger.warning("Cache unreachable: generation not bumped", exc_info=True)
