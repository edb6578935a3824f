"""Version numbers of what readers see: the content generations and the count versions.

The content generation changes whenever public content does. It has two
parts: the shared generation, moved by what every site may show (images,
documents, collections, locales, sites), and each site's own, moved by its
pages, settings, texts and comments. Cached fragments of public pages include
both in their keys, and the API's ETags (:mod:`campaigns.api.caching`) are
made from them, so publishing, unpublishing or restricting a page invalidates
everything of its site that could show it, without tracking what shows what,
and leaves the other sites' caches alone.

These numbers must be shared by every process that serves or changes content,
never kept in one process's memory. With a shared cache (Redis in production)
they live there, each in a key ``campaigns:content-generation`` or
``campaigns:version:<name>``; with a process-local cache (a site without Redis)
they live in the database (:class:`~campaigns.models.ContentGeneration`), one
row each, moved by an atomic ``UPDATE … SET value = value + 1``.

A counter missing from the cache (evicted, or Redis restarted) starts again
from the current time in milliseconds, not from 1, so it never repeats a
number it had before.
"""

import logging
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F

logger = logging.getLogger(__name__)

#: Cache key of the generation counter.
GENERATION_KEY = "campaigns:content-generation"
#: Name of the content generation among the counters.
GENERATION = "content"


def site_content(site_id) -> str:
    """Name of one site's content generation."""
    return f"content:{site_id}"


def content_names(site_id) -> list[str]:
    """The generations a reader of the site ``site_id`` (None: of no site) sees."""
    return [GENERATION] if site_id is None else [GENERATION, site_content(site_id)]


#: Name of the site-wide views version, bumped by each counted view.
VIEWS = "views"


def page_views(page_id) -> str:
    """Name of one page's views version, bumped by each counted view of that page."""
    return f"views:{page_id}"


def visits(site_id) -> str:
    """Name of one site's visits version, bumped by every beacon the site accepts."""
    return f"visits:{site_id}"


_PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


#: Counters already read while serving the current request (see
#: :func:`one_reading_per_request`); None outside a request.
_read_in_request: ContextVar[dict | None] = ContextVar(
    "campaigns_counters_read_in_request", default=None
)


@contextmanager
def one_reading_per_request():
    """Read each counter at most once while serving one request.

    A page shows one generation throughout, and its fragments cost one cache
    read or query between them, not one each. Bumping forgets what was read.
    """
    token = _read_in_request.set({})
    try:
        yield
    finally:
        _read_in_request.reset(token)


def in_database() -> bool:
    """Whether the counters live in the database (the cache is per process)."""
    return settings.CACHES["default"]["BACKEND"] in _PROCESS_LOCAL_CACHES


def _cache_key(name: str) -> str:
    return GENERATION_KEY if name == GENERATION else f"campaigns:version:{name}"


def _seed() -> int:
    return time.time_ns() // 1_000_000


def read_counters(names) -> dict[str, int] | None:
    """The current value of each named counter: one cache read or one query.

    A counter never bumped reads as 1 from the database; in the cache it is
    created. None when the store cannot be reached.
    """
    names = list(names)
    if in_database():
        from campaigns.models import ContentGeneration

        try:
            rows = dict(
                ContentGeneration.objects.filter(name__in=names).values_list(
                    "name", "value"
                )
            )
        except DatabaseError:
            logger.warning("Content generation unreadable", exc_info=True)
            return None
        return {name: rows.get(name, 1) for name in names}
    keys = {_cache_key(name): name for name in names}
    try:
        found = cache.get_many(list(keys))
        if len(found) < len(keys):
            for key in keys.keys() - found.keys():
                cache.add(key, _seed(), timeout=None)
            found = cache.get_many(list(keys))
    except Exception:  # a cache outage must not break serving.
        logger.warning("Cache unreachable: no content generation", exc_info=True)
        return None
    if len(found) < len(keys):  # the cache degraded to a miss.
        return None
    return {name: found[key] for key, name in keys.items()}


def bump_counters(names) -> None:
    """Add one to each named counter. Never raises: staleness is bounded elsewhere."""
    names = list(names)
    memo = _read_in_request.get()
    if memo is not None:
        memo.clear()
    if in_database():
        # Inside the caller's transaction: readers see the new value with the
        # change it stands for, at commit.
        _bump_in_database(names)
        return
    _bump_in_cache(names)
    if transaction.get_connection().in_atomic_block:
        # Redis is not transactional: a reader between this bump and the commit
        # may store the old content under the new number. Bumping again once
        # the change is visible orphans whatever it stored.
        transaction.on_commit(lambda: _bump_in_cache(names))


def _bump_in_cache(names) -> None:
    if hasattr(cache, "bump_counters"):  # the plugin's Redis cache: one round trip
        try:
            cache.bump_counters([_cache_key(name) for name in names], _seed())
        except Exception:  # the fragments' and responses' max-age bound staleness.
            logger.warning("Cache unreachable: %s not bumped", names, exc_info=True)
        return
    for name in names:
        key = _cache_key(name)
        try:
            cache.incr(key)
        except ValueError:
            # A new counter, or one evicted: the seed is above any past value.
            cache.add(key, _seed(), timeout=None)
        except Exception:  # the fragments' and responses' max-age bound staleness.
            logger.warning("Cache unreachable: %s not bumped", name, exc_info=True)


def _bump_in_database(names) -> None:
    from campaigns.models import ContentGeneration

    try:
        # A savepoint: a failure here must not break the caller's transaction.
        with transaction.atomic():
            counters = ContentGeneration.objects.filter(name__in=names)
            if counters.update(value=F("value") + 1) < len(names):
                missing = set(names) - set(counters.values_list("name", flat=True))
                for name in missing:
                    _create_or_bump(ContentGeneration, name)
    except DatabaseError:
        logger.warning("Content generation not bumped", exc_info=True)


def _create_or_bump(model, name: str) -> None:
    try:
        with transaction.atomic():
            model.objects.create(name=name, value=2)
    except IntegrityError:  # another process created it meanwhile.
        model.objects.filter(name=name).update(value=F("value") + 1)


def content_generation(site_id=None) -> tuple[int, ...] | None:
    """The generation readers of the site ``site_id`` see: the shared part, then
    the site's (None: its store cannot be reached). Later generations compare
    greater."""
    names = content_names(site_id)
    memo = _read_in_request.get()
    key = tuple(names)
    if memo is not None and key in memo:
        return memo[key]
    values = read_counters(names)
    generation = None if values is None else tuple(values[name] for name in names)
    if memo is not None and generation is not None:
        memo[key] = generation
    return generation


def bump_content_generation(site_ids=None, **kwargs) -> None:
    """Move to a new generation: of the sites ``site_ids``, or of every site (None).

    Also a signal handler: extra keyword arguments are ignored.
    """
    if site_ids is None:
        bump_counters([GENERATION])
    else:
        bump_counters([site_content(site_id) for site_id in site_ids])
