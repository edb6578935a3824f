"""``flush_counters``: move the counts buffered in Redis into the database.

1. Hand the live buffers over to a new batch with an atomic RENAME; beacons
   that arrive meanwhile fill fresh buffers.
2. Add the batch to the tables in one transaction that also records the batch
   as flushed (``FlushedBatch``): a retry after a crash, or a second flusher
   working on the same batch, finds it recorded and adds nothing twice.
3. Retire the batch in Redis (its counts move into the cached bases, once).
4. Copy the "already counted" windows each way (:mod:`campaigns.stats.windows`).

Each site's buffers are flushed on their own, one site after another (their
keys are the site's, :func:`campaigns.stats.redis_store.prefix`). Batches left
in flight by an interrupted flush are finished first. While
Redis is unreachable a flush leaves its buffers there for the next one and
still prunes the database's visitor windows.
"""

import logging
import uuid
from collections import defaultdict
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone
from wagtail.models import Page, Site

from campaigns.models.stats import (
    DailyVisits,
    FlushedBatch,
    PageDailyViews,
    PageViewCount,
)
from campaigns.stats import db_store, redis_store, windows

logger = logging.getLogger(__name__)


#: How long the record of a flushed batch is kept. Only a batch still in
#: flight can be applied again, and its record is kept whatever its age.
FLUSHED_BATCH_RETENTION = timedelta(days=7)


def flush(connection=None) -> int:
    """Flush every site's batches in flight and live buffers; returns how many
    batches were applied."""
    connection = connection or redis_store.client()
    applied = 0
    if connection is not None:
        try:
            applied = _flush_redis(connection)
        except redis_store.OUTAGE:
            logger.warning("Redis unreachable: its buffers wait for the next flush")
    db_store.prune()
    return applied


def _flush_redis(connection) -> int:
    applied = 0
    in_flight = []
    for site_id in Site.objects.order_by("pk").values_list("pk", flat=True):
        applied += flush_site(connection, site_id)
        in_flight += redis_store.inflight(connection, site_id)
    FlushedBatch.objects.filter(
        flushed_at__lt=timezone.now() - FLUSHED_BATCH_RETENTION
    ).exclude(batch__in=in_flight).delete()
    return applied


def flush_site(connection, site_id: int) -> int:
    """Flush one site's batches in flight and live buffers; returns batches applied."""
    applied = 0
    for batch in redis_store.inflight(connection, site_id):
        applied += apply_batch(connection, site_id, batch)
    batch = uuid.uuid4().hex
    if redis_store.hand_over(connection, site_id, batch):
        applied += apply_batch(connection, site_id, batch)
    windows.copy_to_redis(connection, [site_id])
    return applied


def apply_batch(connection, site_id: int, batch: str) -> int:
    """Add one handed-over batch of a site to the database (once), then retire it."""
    counts = redis_store.read_batch(connection, site_id, batch)
    with transaction.atomic():
        try:
            with transaction.atomic():
                FlushedBatch.objects.create(batch=batch)
        except IntegrityError:
            logger.info("Batch %s was already flushed; retiring it", batch)
            applied = 0
        else:
            # Any error here rolls the record back too: the batch stays in
            # flight and the next flush applies it.
            _add_counts(site_id, counts)
            windows.copy_to_database(site_id, counts)
            applied = 1
    redis_store.retire(connection, site_id, batch)
    return applied


def _add_counts(site_id: int, counts: dict[str, dict[str, int]]) -> None:
    existing = set(
        Page.objects.filter(
            pk__in=[int(page) for page in counts["views"]]
            + [int(key.split(":")[0]) for key in counts["pageday"]]
        ).values_list("pk", flat=True)
    )
    page_views = {
        int(page): n for page, n in counts["views"].items() if int(page) in existing
    }
    _bulk_add(PageViewCount, "page_id", page_views, "views")

    by_day = defaultdict(dict)
    for key, n in counts["pageday"].items():
        page, day = key.split(":", 1)
        if int(page) in existing:
            by_day[date.fromisoformat(day)][int(page)] = n
    for day, pages in by_day.items():
        _bulk_add(PageDailyViews, "page_id", pages, "views", day=day)

    days = {*counts["visits"], *counts["dayviews"]}
    visits = {date.fromisoformat(day): counts["visits"].get(day, 0) for day in days}
    views = {date.fromisoformat(day): counts["dayviews"].get(day, 0) for day in days}
    DailyVisits.objects.bulk_create(
        [DailyVisits(site_id=site_id, day=day) for day in visits],
        ignore_conflicts=True,
    )
    if visits:
        DailyVisits.objects.filter(site_id=site_id, day__in=list(visits)).update(
            visits=F("visits") + _case("day", visits),
            views=F("views") + _case("day", views),
        )


def _bulk_add(model, key: str, amounts: dict, field: str, **fixed) -> None:
    """One ``UPDATE … SET field = field + CASE …`` for all rows, made if missing."""
    if not amounts:
        return
    model.objects.bulk_create(
        [model(**{key: value}, **fixed) for value in amounts], ignore_conflicts=True
    )
    model.objects.filter(**{f"{key}__in": list(amounts)}, **fixed).update(
        **{field: F(field) + _case(key, amounts)}
    )


def _case(key: str, amounts: dict):
    return Case(
        *(When(**{key: value}, then=Value(n)) for value, n in amounts.items()),
        default=Value(0),
        output_field=IntegerField(),
    )
