"""Counting a view and reading the counts: Redis when there is one, else the database.

A view counts for the site the beacon was sent to, and only for a public page
of that site: another site's page is not counted there (404). Visits, "online
now" and the daily figures are per site; a page's views are the page's own.
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
from wagtail.models import Page, Site

from campaigns import breaker, invalidation, sites
from campaigns.models.querysets import public_pages
from campaigns.models.stats import (
    DEFAULT_LEGACY_VISITS,
    DailyVisits,
    PageViewCount,
    VisitorStatisticsSettings,
)
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


def public_page_ids(site_id: int) -> list[int]:
    """Ids of the pages readers of the site may see."""
    pages = public_pages(Page.objects.filter(sites.in_site_ids([site_id])))
    return list(pages.values_list("pk", flat=True))


def _is_public(site_id: int, page_id: int) -> bool:
    pages = Page.objects.filter(sites.in_site_ids([site_id]), pk=page_id)
    return public_pages(pages).exists()


def count_view(request: HttpRequest, page_id: int) -> ViewResult:
    """Count one view of ``page_id`` by the requesting visitor, once per 30 minutes.

    Bots are not counted. Raises :class:`PageNotCounted` for a page readers
    of the requesting site cannot see. Moves the versions the counts are shown
    under (:func:`campaigns.invalidation.beacon_seen`).
    """
    site_id = sites.site_id_for_request(request)
    if site_id is None:
        raise PageNotCounted(page_id)
    result = _count(request, site_id, page_id, timezone.now())
    invalidation.beacon_seen(page_id, counted=result.counted, site_id=site_id)
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


def _count(request, site_id, page_id, now) -> ViewResult:
    connection = redis_store.client()
    if connection is not None:
        try:
            if _outages.saw_outage():
                # Redis answers again: first tell it whom the database counted,
                # on every site.
                trips = breaker.trip_count()
                windows.copy_to_redis(connection, now=now)
                _outages.caught_up(trips)
            return _count_in_redis(connection, request, site_id, page_id, now)
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: counting in the database", exc_info=True)
            _outages.fell_back.set()
    return _count_in_database(request, site_id, page_id, now)


def _not_counted(request) -> bool:
    """Bots, and an address past its ceiling of counted views, are not counted."""
    return is_bot(request) or over_the_limit(request, VIEW_COUNT_LIMIT)


def _count_in_redis(connection, request, site_id, page_id, now) -> ViewResult:
    if _not_counted(request):
        if not _is_public(site_id, page_id):
            raise PageNotCounted(page_id)
        return ViewResult(False, page_view_counts([page_id], site_id)[page_id])
    day, visitor, previous = visitor_identities(request, now)
    args = (site_id, page_id, visitor, previous, day.isoformat(), now.timestamp())
    answer = redis_store.count(connection, *args)
    if answer[0] == -2:
        redis_store.load_public_pages(connection, site_id, public_page_ids(site_id))
        answer = redis_store.count(connection, *args)
    if answer[0] == -3:
        windows.copy_to_redis(connection, [site_id], now=now)
        answer = redis_store.count(connection, *args)
    if answer[0] < 0:
        raise PageNotCounted(page_id)
    counted, shown = bool(answer[0]), answer[1]
    if shown < 0:
        base = _database_counts([page_id])[page_id]
        redis_store.set_base(connection, site_id, page_id, base)
        shown = page_view_counts([page_id], site_id)[page_id]
    return ViewResult(counted, shown)


def _count_in_database(request, site_id, page_id, now) -> ViewResult:
    if not _is_public(site_id, page_id):
        raise PageNotCounted(page_id)
    counted = False
    if not _not_counted(request):
        day, visitor, previous = visitor_identities(request, now)
        counted = db_store.count(site_id, page_id, visitor, previous, day, now)
    return ViewResult(counted, page_view_counts([page_id], site_id)[page_id])


def _database_counts(page_ids) -> dict[int, int]:
    rows = PageViewCount.objects.filter(page_id__in=page_ids).values_list(
        "page_id", "views", "legacy_views"
    )
    counts = dict.fromkeys(page_ids, 0)
    counts.update({page_id: views + legacy for page_id, views, legacy in rows})
    return counts


def view_counts_of(pages) -> dict[int, int]:
    """:func:`page_view_counts` of page objects, each read in its own site."""
    by_site: dict[int, list[int]] = {}
    for page in pages:
        by_site.setdefault(sites.site_id_for_page(page), []).append(page.pk)
    counts = {}
    for site_id, page_ids in by_site.items():
        counts.update(page_view_counts(page_ids, site_id))
    return counts


def page_view_counts(page_ids, site_id: int | None = None) -> dict[int, int]:
    """Views to show for each page: the database, legacy count and unflushed buffer.

    The buffer is that of ``site_id`` when given (the pages are in it), else
    of the site each page is in (one more query).
    """
    page_ids = list(page_ids)
    counts = _database_counts(page_ids)
    connection = redis_store.client()
    if connection is not None and page_ids:
        if site_id is not None:
            by_site = {site_id: page_ids}
        else:
            by_site = sites.page_ids_by_site(page_ids)
        try:
            for site, ids in by_site.items():
                buffered = redis_store.buffered_views(connection, site, ids)
                for page_id, n in buffered.items():
                    counts[page_id] += n
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: showing flushed counts only")
    return counts


def site_visitor_statistics(request: HttpRequest) -> "VisitorStatistics":
    """The figures of the site the request's host selects, with its legacy visits.

    The site comes from the cached map of sites (no query); its settings row
    is made on first read (:meth:`VisitorStatisticsSettings.for_site`). No
    site configured: nothing counted, the default legacy total.
    """
    site_id = sites.site_id_for_request(request)
    if site_id is None:
        return VisitorStatistics(0, 0, 0, DEFAULT_LEGACY_VISITS)
    legacy = (
        VisitorStatisticsSettings.objects.filter(site_id=site_id)
        .values_list("legacy_visits", flat=True)
        .first()
    )
    if legacy is None:  # Once per site: its settings row, with its default.
        site = Site.objects.get(pk=site_id)
        legacy = VisitorStatisticsSettings.for_site(site).legacy_visits
    return visitor_statistics(site_id, legacy_visits=legacy)


@dataclass(frozen=True)
class VisitorStatistics:
    online: int
    today: int
    this_week: int
    total: int


def visitor_statistics(site_id: int, legacy_visits: int, now=None) -> VisitorStatistics:
    """Online now, visits today, this week (since Monday) and all time of one site
    (DESIGN §6)."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    monday = today - timedelta(days=today.weekday())
    week_days = [monday + timedelta(days=n) for n in range(today.weekday() + 1)]
    site_days = DailyVisits.objects.filter(site_id=site_id)
    rows = dict(
        site_days.filter(day__gte=monday, day__lte=today).values_list("day", "visits")
    )
    total = site_days.aggregate(n=Sum("visits"))["n"] or 0
    buffered = {}
    online = None
    connection = redis_store.client()
    if connection is not None:
        try:
            # Yesterday too: its buffer may not be flushed yet just after midnight.
            days = sorted({today - timedelta(days=1), *week_days})
            buffered = redis_store.buffered_days(
                connection, site_id, [day.isoformat() for day in days]
            )
            online = redis_store.online(connection, site_id, time.time())
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: statistics from the database only")
    if online is None:
        online = db_store.online(site_id, now)

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
