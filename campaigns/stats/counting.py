"""Counting a view and reading the counts: Redis when there is one, else the database.

A Redis outage degrades counting to the database path; it never breaks a page.
"""

import logging
import threading
import time
from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone
from wagtail.models import Page

from campaigns import breaker, invalidation
from campaigns.models.querysets import public_pages
from campaigns.models.stats import DailyVisits, PageViewCount
from campaigns.rate_limits import VIEW_COUNT_LIMIT, over_the_limit
from campaigns.stats import db_store, redis_store, windows
from campaigns.stats.visitors import is_bot, visitor_identities

logger = logging.getLogger(__name__)


class PageNotCounted(Exception):
    """The page is unknown, a draft or private: nothing is counted (404)."""


@dataclass(frozen=True)
class ViewResult:
    counted: bool
    view_count: int


def public_page_ids() -> list[int]:
    pages = public_pages(Page.objects.filter(depth__gt=1))
    return list(pages.values_list("pk", flat=True))


def _is_public(page_id: int) -> bool:
    return public_pages(Page.objects.filter(depth__gt=1, pk=page_id)).exists()


def count_view(request: HttpRequest, page_id: int) -> ViewResult:
    """Count one view of ``page_id`` by the requesting visitor, once per 30 minutes.

    Bots are not counted. Raises :class:`PageNotCounted` for a page readers
    cannot see. Moves the versions the counts are shown under
    (:func:`campaigns.invalidation.beacon_seen`).
    """
    result = _count(request, page_id, timezone.now())
    invalidation.beacon_seen(page_id, counted=result.counted)
    return result


class _OutageWatch:
    """Whether this process saw Redis fail since it last told Redis whom the
    database counted: it fell back to the database, or a circuit opened (a
    page's cache calls see an outage even when no beacon does)."""

    def __init__(self):
        self.fell_back = threading.Event()
        self.trips = breaker.trip_count()

    def saw_outage(self) -> bool:
        return self.fell_back.is_set() or breaker.trip_count() != self.trips

    def caught_up(self, trips: int) -> None:
        self.fell_back.clear()
        self.trips = trips


_outages = _OutageWatch()


def _count(request, page_id, now) -> ViewResult:
    connection = redis_store.client()
    if connection is not None:
        try:
            if _outages.saw_outage():
                # Redis answers again: first tell it whom the database counted.
                trips = breaker.trip_count()
                windows.copy_to_redis(connection, now)
                _outages.caught_up(trips)
            return _count_in_redis(connection, request, page_id, now)
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: counting in the database", exc_info=True)
            _outages.fell_back.set()
    return _count_in_database(request, page_id, now)


def _not_counted(request) -> bool:
    """Bots, and an address past its ceiling of counted views, are not counted."""
    return is_bot(request) or over_the_limit(request, VIEW_COUNT_LIMIT)


def _count_in_redis(connection, request, page_id, now) -> ViewResult:
    if _not_counted(request):
        if not _is_public(page_id):
            raise PageNotCounted(page_id)
        return ViewResult(False, page_view_counts([page_id])[page_id])
    day, visitor, previous = visitor_identities(request, now)
    args = (page_id, visitor, previous, day.isoformat(), now.timestamp())
    answer = redis_store.count(connection, *args)
    if answer[0] == -2:
        redis_store.load_public_pages(connection, public_page_ids())
        answer = redis_store.count(connection, *args)
    if answer[0] == -3:
        windows.copy_to_redis(connection, now)
        answer = redis_store.count(connection, *args)
    if answer[0] < 0:
        raise PageNotCounted(page_id)
    counted, shown = bool(answer[0]), answer[1]
    if shown < 0:
        redis_store.set_base(connection, page_id, _database_counts([page_id])[page_id])
        shown = page_view_counts([page_id])[page_id]
    return ViewResult(counted, shown)


def _count_in_database(request, page_id, now) -> ViewResult:
    if not _is_public(page_id):
        raise PageNotCounted(page_id)
    counted = False
    if not _not_counted(request):
        day, visitor, previous = visitor_identities(request, now)
        counted = db_store.count(page_id, visitor, previous, day, now)
    return ViewResult(counted, page_view_counts([page_id])[page_id])


def _database_counts(page_ids) -> dict[int, int]:
    rows = PageViewCount.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "views", "legacy_views"
    )
    counts = dict.fromkeys(page_ids, 0)
    counts.update({page_id: views + legacy for page_id, views, legacy in rows})
    return counts


def page_view_counts(page_ids) -> dict[int, int]:
    """Views to show for each page: the database, legacy count and unflushed buffer."""
    page_ids = list(page_ids)
    counts = _database_counts(page_ids)
    connection = redis_store.client()
    if connection is not None and page_ids:
        try:
            for page_id, n in redis_store.buffered_views(connection, page_ids).items():
                counts[page_id] += n
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: showing flushed counts only")
    return counts


@dataclass(frozen=True)
class VisitorStatistics:
    online: int
    today: int
    this_week: int
    total: int


def visitor_statistics(legacy_visits: int, now=None) -> VisitorStatistics:
    """Online now, visits today, this week (since Monday) and all time (DESIGN §6)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    week_days = [monday + timedelta(days=n) for n in range(today.weekday() + 1)]
    rows = dict(
        DailyVisits.objects.filter(day__gte=monday, day__lte=today).values_list(
            "day", "visits"
        )
    )
    total = DailyVisits.objects.aggregate(n=Sum("visits"))["n"] or 0
    buffered = {}
    online = None
    connection = redis_store.client()
    if connection is not None:
        try:
            # Yesterday too: its buffer may not be flushed yet just after midnight.
            days = sorted({today - timedelta(days=1), *week_days})
            buffered = redis_store.buffered_days(
                connection, [day.isoformat() for day in days]
            )
            online = redis_store.online(connection, time.time())
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: statistics from the database only")
    if online is None:
        online = db_store.online(now)

    def visits(day):
        return rows.get(day, 0) + buffered.get(day.isoformat(), (0, 0))[0]

    week = sum(visits(day) for day in week_days)
    unflushed = sum(pair[0] for pair in buffered.values())
    return VisitorStatistics(
        online=online,
        today=visits(today),
        this_week=week,
        total=legacy_visits + total + unflushed,
    )
