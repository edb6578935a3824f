"""Counting in the database, without Redis or while it is down.

Each counted view is a few atomic statements (``UPDATE … SET n = n + 1``); a
visitor's 30-minute window and the day's distinct visitors are rows with
unique constraints, so concurrent beacons never count twice. Rows made here
are marked ``awaiting_redis`` until :mod:`campaigns.stats.windows` copies them
into Redis.
"""

from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from campaigns.models.stats import (
    DailyVisits,
    PageDailyViews,
    PageViewCount,
    RecentPageView,
    RecentVisitor,
)

SEEN_WINDOW = timedelta(minutes=30)
ONLINE_WINDOW = timedelta(minutes=5)


def add(model, lookup: dict, **increments) -> None:
    """``UPDATE … SET f = f + n`` for the row of ``lookup``, made first if missing."""
    model.objects.bulk_create([model(**lookup)], ignore_conflicts=True)
    model.objects.filter(**lookup).update(
        **{field: F(field) + n for field, n in increments.items()}
    )


def _first_view_in_window(page_id, visitor, previous, now) -> bool:
    if (
        previous
        and RecentPageView.objects.filter(
            page_id=page_id, visitor=previous, seen_at__gt=now - SEEN_WINDOW
        ).exists()
    ):
        return False
    try:
        with transaction.atomic():
            RecentPageView.objects.create(
                page_id=page_id, visitor=visitor, seen_at=now, awaiting_redis=True
            )
        return True
    except IntegrityError:
        # Seen before: counts again only once the window has passed.
        return bool(
            RecentPageView.objects.filter(
                page_id=page_id, visitor=visitor, seen_at__lte=now - SEEN_WINDOW
            ).update(seen_at=now, awaiting_redis=True)
        )


def _first_visit_today(site_id: int, day: date, visitor: str, now) -> bool:
    try:
        with transaction.atomic():
            RecentVisitor.objects.create(
                site_id=site_id,
                day=day,
                visitor=visitor,
                last_seen=now,
                awaiting_redis=True,
            )
        return True
    except IntegrityError:
        RecentVisitor.objects.filter(site_id=site_id, day=day, visitor=visitor).update(
            last_seen=now
        )
        return False


def count(
    site_id: int, page_id: int, visitor: str, previous: str, day: date, now
) -> bool:
    """Count a view of ``page_id`` by ``visitor`` on the site; whether it counted."""
    with transaction.atomic():
        counted = _first_view_in_window(page_id, visitor, previous, now)
        if counted:
            add(PageViewCount, {"page_id": page_id}, views=1)
            add(PageDailyViews, {"page_id": page_id, "day": day}, views=1)
        first_visit = _first_visit_today(site_id, day, visitor, now)
        if counted or first_visit:
            add(
                DailyVisits,
                {"site_id": site_id, "day": day},
                visits=int(first_visit),
                views=int(counted),
            )
    return counted


def online(site_id: int, now=None) -> int:
    now = now or timezone.now()
    return RecentVisitor.objects.filter(
        site_id=site_id, last_seen__gte=now - ONLINE_WINDOW
    ).count()


def prune(now=None) -> int:
    """Forget windows that have passed and visitors of days before yesterday."""
    now = now or timezone.now()
    gone, _ = RecentPageView.objects.filter(seen_at__lte=now - SEEN_WINDOW).delete()
    yesterday = timezone.localdate(now) - timedelta(days=1)
    visitors, _ = RecentVisitor.objects.filter(day__lt=yesterday).delete()
    return gone + visitors
