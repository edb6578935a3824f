"""The "already counted" windows, kept on both sides of a Redis outage.

A view counts once per visitor and page in 30 minutes, a visit once per
visitor and day. Redis holds those windows while it answers, the database
while it does not; each side learns the other's, so an outage counts no one
twice:

- every flush copies the windows Redis opened since the previous flush into
  the database (:func:`copy_to_database`, in the flush's transaction), so the
  database knows whom Redis counted up to one flush before an outage;
- the windows the database opened while Redis was unreachable are copied
  into Redis (:func:`copy_to_redis`) by every flush and by the first beacon a
  process counts in Redis after it saw Redis fail; a Redis that restarted
  empty gets them all before it counts its first beacon.

What is left is bounded: a visitor counted by Redis after the last flush
before an outage, and seen again during it, counts twice
(docs/statistics.md).
"""

from datetime import UTC, date, datetime, timedelta

from django.db.models import Subquery
from django.utils import timezone
from wagtail.models import Page, Site

from campaigns import sites
from campaigns.models.stats import RecentPageView, RecentVisitor
from campaigns.stats import redis_store

SEEN_WINDOW = timedelta(seconds=redis_store.SEEN_WINDOW)


def copy_to_database(site_id: int, counts: dict[str, dict[str, int]], now=None) -> None:
    """Record the windows of a site's flushed batch (``seen`` and ``visitors``)."""
    now = now or timezone.now()
    views = []
    for key, stamp in counts["seen"].items():
        page_id, visitor = key.split(":", 1)
        seen_at = datetime.fromtimestamp(stamp, tz=UTC)
        if seen_at > now - SEEN_WINDOW:
            views.append(
                RecentPageView(page_id=int(page_id), visitor=visitor, seen_at=seen_at)
            )
    RecentPageView.objects.bulk_create(
        views,
        update_conflicts=True,
        unique_fields=["page_id", "visitor"],
        update_fields=["seen_at"],
        batch_size=500,
    )
    yesterday = timezone.localdate(now) - timedelta(days=1)
    visitors = []
    for key, stamp in counts["visitors"].items():
        day, visitor = key.split(":", 1)
        if date.fromisoformat(day) >= yesterday:
            visitors.append(
                RecentVisitor(
                    site_id=site_id,
                    day=date.fromisoformat(day),
                    visitor=visitor,
                    last_seen=datetime.fromtimestamp(stamp, tz=UTC),
                )
            )
    RecentVisitor.objects.bulk_create(visitors, ignore_conflicts=True, batch_size=500)


def copy_to_redis(connection, site_ids=None, now=None) -> int:
    """Open in Redis the windows the database opened without it; returns how many.

    For the sites of ``site_ids``, every site when None. Raises
    ``redis_store.OUTAGE`` while Redis is unreachable: the rows stay marked and
    the next call copies them.
    """
    now = now or timezone.now()
    if site_ids is None:
        site_ids = list(Site.objects.values_list("pk", flat=True))
    return sum(_copy_site_to_redis(connection, site_id, now) for site_id in site_ids)


def _copy_site_to_redis(connection, site_id: int, now) -> int:
    pages = Page.objects.filter(sites.in_site_ids([site_id])).values("pk")
    views = RecentPageView.objects.filter(
        seen_at__gt=now - SEEN_WINDOW, page_id__in=Subquery(pages)
    )
    yesterday = timezone.localdate(now) - timedelta(days=1)
    visitors = RecentVisitor.objects.filter(site_id=site_id, day__gte=yesterday)
    if redis_store.has_windows(connection, site_id):
        views = views.filter(awaiting_redis=True)
        visitors = visitors.filter(awaiting_redis=True)
    view_rows = list(views.values_list("pk", "page_id", "visitor", "seen_at"))
    visitor_rows = list(visitors.values_list("pk", "day", "visitor"))
    redis_store.open_windows(
        connection,
        site_id,
        [
            (page_id, visitor, (seen_at + SEEN_WINDOW - now).total_seconds())
            for _, page_id, visitor, seen_at in view_rows
        ],
        [(day.isoformat(), visitor) for _, day, visitor in visitor_rows],
    )
    if view_rows:
        last = max(row[0] for row in view_rows)
        views.filter(awaiting_redis=True, pk__lte=last).update(awaiting_redis=False)
    if visitor_rows:
        last = max(row[0] for row in visitor_rows)
        visitors.filter(awaiting_redis=True, pk__lte=last).update(awaiting_redis=False)
    return len(view_rows) + len(visitor_rows)
