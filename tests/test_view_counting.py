"""Counting page views and visits exactly (issue 6), on both setups.

With ``REDIS_URL`` set (CI's second pass) the counts go through Redis and
``flush_counters``; without it, straight to the database.
"""

import io
import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from campaigns.models import DailyVisits, PageViewCount
from campaigns.models.stats import FlushedBatch
from campaigns.stats import flush as flush_module
from campaigns.stats import redis_store
from campaigns.stats.counting import (
    PageNotCounted,
    count_view,
    page_view_counts,
    visitor_statistics,
)
from campaigns.stats.flush import apply_batch, flush
from campaigns.stats.visitors import rotate_salts

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
)
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
HCM = ZoneInfo("Asia/Ho_Chi_Minh")
with_redis = pytest.mark.skipif(
    not django_settings.CAMPAIGNS_REDIS_URL, reason="needs REDIS_URL (CI's second pass)"
)
without_redis = pytest.mark.skipif(
    bool(django_settings.CAMPAIGNS_REDIS_URL),
    reason="the database store counts without Redis",
)


def default_site_id():
    return Site.objects.get(is_default_site=True).pk


def beacon(page_id, address="203.0.113.7", agent=BROWSER):
    request = RequestFactory().post(
        f"/api/v3/pages/{page_id}/views/",
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=agent,
    )
    return count_view(request, page_id)


def stored_views(page_id):
    flush()
    row = PageViewCount.objects.filter(page_id=page_id).first()
    return row.views if row else 0


@pytest.fixture
def page(make_campaign):
    return make_campaign("Lượt xem")


def test_same_visitor_twice_counts_once(page):
    first = beacon(page.pk)
    second = beacon(page.pk)
    assert first.counted and first.view_count == 1
    assert not second.counted and second.view_count == 1
    assert stored_views(page.pk) == 1


def test_another_visitor_counts(page):
    beacon(page.pk, address="203.0.113.1")
    result = beacon(page.pk, address="203.0.113.2")
    assert result.counted and result.view_count == 2


def test_same_address_other_browser_is_another_visitor(page):
    beacon(page.pk, agent=BROWSER)
    assert beacon(page.pk, agent=BROWSER + " Edg/120").counted


def test_bot_is_not_counted(page):
    result = beacon(page.pk, agent=GOOGLEBOT)
    assert not result.counted and result.view_count == 0
    assert not beacon(page.pk, agent="").counted
    assert stored_views(page.pk) == 0


def test_draft_private_and_unknown_pages_are_not_counted(
    draft_campaign, private_campaign
):
    for page_id in (draft_campaign.pk, private_campaign.pk, 987654):
        with pytest.raises(PageNotCounted):
            beacon(page_id)


def test_unpublishing_is_seen_by_the_next_beacon(page):
    beacon(page.pk)
    page.unpublish()
    with pytest.raises(PageNotCounted):
        beacon(page.pk, address="198.51.100.9")


@without_redis
def test_window_of_thirty_minutes(page, monkeypatch):
    start = datetime(2026, 11, 25, 10, 0, tzinfo=HCM)
    moments = iter(
        [start, start + timedelta(minutes=29), start + timedelta(minutes=31)]
    )
    monkeypatch.setattr("campaigns.stats.counting.timezone.now", lambda: next(moments))
    assert beacon(page.pk).counted
    assert not beacon(page.pk).counted
    assert beacon(page.pk).counted


@with_redis
def test_window_of_thirty_minutes_in_redis(page, monkeypatch):
    # Redis times the window itself, by the expiry of the visitor's key, so the
    # minutes are moved on that key: one left, then none (expired).
    start = datetime(2026, 11, 25, 10, 0, tzinfo=HCM)
    monkeypatch.setattr("campaigns.stats.counting.timezone.now", lambda: start)
    store = redis_store.client()
    assert beacon(page.pk).counted
    [seen] = store.keys(f"{redis_store.prefix(default_site_id())}seen:{page.pk}:*")
    assert 1790 < store.ttl(seen) <= 1800
    store.expire(seen, 60)  # 29 minutes later
    assert not beacon(page.pk).counted
    assert store.ttl(seen) <= 60  # a repeat does not restart the window
    store.delete(seen)  # 31 minutes later
    assert beacon(page.pk).counted
    assert 1790 < store.ttl(seen) <= 1800
    assert stored_views(page.pk) == 2


def test_legacy_views_are_added_to_the_count(page):
    PageViewCount.objects.create(page=page, legacy_views=490)
    assert beacon(page.pk).view_count == 491
    assert page_view_counts([page.pk]) == {page.pk: 491}


def test_visits_today_week_and_total(page, make_campaign):
    other = make_campaign("Trang khác")
    beacon(page.pk, address="192.0.2.1")
    beacon(other.pk, address="192.0.2.1")  # same visitor, second page: one visit
    beacon(page.pk, address="192.0.2.2")
    stats = visitor_statistics(default_site_id(), legacy_visits=66_534_666)
    assert (stats.today, stats.this_week, stats.online) == (2, 2, 2)
    assert stats.total == 66_534_666 + 2
    flush()
    after = visitor_statistics(default_site_id(), legacy_visits=66_534_666)
    assert (after.today, after.this_week, after.total) == (2, 2, 66_534_668)


def test_week_starts_on_monday_in_ho_chi_minh_city(db):
    # Monday 23 November 2026, 00:30 in Hồ Chí Minh City is still Sunday in UTC.
    monday = datetime(2026, 11, 23, 0, 30, tzinfo=HCM)
    DailyVisits.objects.create(
        site_id=default_site_id(), day=monday.date() - timedelta(days=1), visits=7
    )
    DailyVisits.objects.create(site_id=default_site_id(), day=monday.date(), visits=3)
    stats = visitor_statistics(default_site_id(), legacy_visits=0, now=monday)
    assert (stats.today, stats.this_week, stats.total) == (3, 3, 10)
    sunday = monday + timedelta(days=6, hours=23)
    DailyVisits.objects.create(site_id=default_site_id(), day=sunday.date(), visits=5)
    stats = visitor_statistics(default_site_id(), legacy_visits=0, now=sunday)
    assert (stats.today, stats.this_week) == (5, 8)


def test_midnight_does_not_count_a_visitor_twice_on_a_page(page, monkeypatch):
    before = datetime(2026, 11, 25, 23, 50, tzinfo=HCM)
    after = datetime(2026, 11, 26, 0, 10, tzinfo=HCM)
    later = datetime(2026, 11, 26, 0, 40, tzinfo=HCM)
    moments = iter([before, after, later])
    monkeypatch.setattr("campaigns.stats.counting.timezone.now", lambda: next(moments))
    assert beacon(page.pk).counted
    assert not beacon(page.pk).counted  # yesterday's salt still recognises them
    if not django_settings.CAMPAIGNS_REDIS_URL:
        # 30 minutes after the first view, under the new day's salt: counted.
        assert beacon(page.pk).counted


def test_salts_older_than_two_days_are_deleted(db):
    from campaigns.models.stats import VisitorSalt

    today = datetime(2026, 11, 25, 8, 0, tzinfo=HCM)
    for age in range(4):
        VisitorSalt.objects.create(
            day=today.date() - timedelta(days=age), secret=f"s{age}"
        )
    assert rotate_salts(today) == 2
    assert sorted(VisitorSalt.objects.values_list("secret", flat=True)) == ["s0", "s1"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_hundred_visitors_from_twenty_threads(page):
    errors = []

    def visit(thread):
        try:
            for n in range(10):
                beacon(page.pk, address=f"10.0.{thread}.{n}")
        except Exception as error:  # noqa: BLE001 -- reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=visit, args=(t,)) for t in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert page_view_counts([page.pk])[page.pk] == 200
    assert stored_views(page.pk) == 200
    assert visitor_statistics(default_site_id(), legacy_visits=0).today == 200


@with_redis
def test_a_beacon_makes_no_database_query(page):
    beacon(page.pk, address="192.0.2.50")  # loads the public set and the base
    with CaptureQueriesContext(connection) as queries:
        result = beacon(page.pk, address="192.0.2.51")
    assert result.counted and result.view_count == 2
    assert queries.captured_queries == []


@with_redis
def test_display_includes_the_unflushed_buffer(page):
    beacon(page.pk, address="192.0.2.60")
    assert PageViewCount.objects.filter(page=page).count() == 0
    assert page_view_counts([page.pk])[page.pk] == 1


@with_redis
def test_flush_interrupted_after_the_hand_over_loses_nothing(page):
    store = redis_store.client()
    for n in range(5):
        beacon(page.pk, address=f"192.0.2.{n}")
    assert redis_store.hand_over(store, default_site_id(), "crashed")
    # The flusher died here; beacons go on meanwhile.
    beacon(page.pk, address="192.0.2.99")
    assert page_view_counts([page.pk])[page.pk] == 6
    flush()
    assert PageViewCount.objects.get(page=page).views == 6
    assert page_view_counts([page.pk])[page.pk] == 6


@with_redis
def test_flush_interrupted_after_the_database_commit_counts_nothing_twice(page):
    store = redis_store.client()
    for n in range(4):
        beacon(page.pk, address=f"192.0.2.{n}")
    assert redis_store.hand_over(store, default_site_id(), "committed")
    # Apply to the database but die before retiring the batch in Redis.
    counts = redis_store.read_batch(store, default_site_id(), "committed")
    with transaction.atomic():
        FlushedBatch.objects.create(batch="committed")
        flush_module._add_counts(default_site_id(), counts)
    flush()
    assert PageViewCount.objects.get(page=page).views == 4
    assert DailyVisits.objects.get().visits == 4
    assert page_view_counts([page.pk])[page.pk] == 4


@with_redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_flushers_at_once(page):
    store = redis_store.client()
    for n in range(30):
        beacon(page.pk, address=f"192.0.2.{n}")
    redis_store.hand_over(store, default_site_id(), "shared")
    errors = []

    def flusher():
        try:
            apply_batch(store, default_site_id(), "shared")
            flush()
        except Exception as error:  # noqa: BLE001 -- reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=flusher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert PageViewCount.objects.get(page=page).views == 30
    assert DailyVisits.objects.get().visits == 30


def test_redis_down_counts_in_the_database(page, settings, client):
    settings.CAMPAIGNS_REDIS_URL = "redis://127.0.0.1:1/0"
    result = beacon(page.pk)
    assert result.counted and result.view_count == 1
    assert PageViewCount.objects.get(page=page).views == 1
    response = client.get(page.url)
    assert response.status_code == 200
    assert "data-view-count>1<" in response.content.decode()


@pytest.mark.django_db
def test_flush_during_a_redis_outage_exits_cleanly_and_still_prunes(settings):
    from django.core.management import call_command
    from django.utils import timezone

    from campaigns.models.stats import RecentPageView

    settings.CAMPAIGNS_REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens
    redis_store._client_for.cache_clear()
    old = timezone.now() - timedelta(days=1)
    RecentPageView.objects.create(page_id=1, visitor="gone", seen_at=old)
    out = io.StringIO()

    call_command("flush_counters", stdout=out)

    assert "Flushed 0 batch(es)." in out.getvalue()
    assert not RecentPageView.objects.exists()


@with_redis
def test_flush_forgets_batch_records_older_than_a_week(page):
    from django.utils import timezone

    FlushedBatch.objects.create(batch="old-and-done")
    FlushedBatch.objects.update(flushed_at=timezone.now() - timedelta(days=8))
    FlushedBatch.objects.create(batch="recent")
    beacon(page.pk, address="192.0.2.70")

    assert flush() == 1

    kept = set(FlushedBatch.objects.values_list("batch", flat=True))
    assert "old-and-done" not in kept
    assert "recent" in kept
    assert PageViewCount.objects.get(page=page).views == 1


@pytest.mark.django_db
def test_one_address_cannot_inflate_a_count_by_changing_its_user_agent(page, settings):
    settings.CAMPAIGNS_VIEW_COUNT_RATE_PER_IP = "5/h"
    results = [
        beacon(page.pk, address="198.51.100.9", agent=f"{BROWSER} Build/{n}")
        for n in range(12)
    ]
    assert sum(result.counted for result in results) == 5
    # Another address (another office) is counted as before.
    assert beacon(page.pk, address="198.51.100.10").counted
    flush()
    assert PageViewCount.objects.get(page=page).views == 6
