"""The demo's visitor history (issue 6): consistent figures, replaced on re-run."""

from datetime import date, timedelta

import pytest
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Site

from campaigns.models import DailyVisits, PageDailyViews, PageViewCount
from home.demo import REFERENCE_SLUG
from home.demo.stats import (
    DAYS,
    LAUNCHED_SLUG,
    launch_day,
    seed_visitor_history,
)


@pytest.fixture
def demo_pages(make_campaign):
    return [
        make_campaign("Chiến dịch tham chiếu", slug=REFERENCE_SLUG),
        make_campaign("Chiến dịch mới ra mắt", slug=LAUNCHED_SLUG),
        *(make_campaign(f"Chiến dịch {n}") for n in range(3)),
        make_campaign("Bản nháp", publish_it=False),
    ]


def snapshot():
    return (
        list(DailyVisits.objects.order_by("day").values_list("day", "visits", "views")),
        list(
            PageDailyViews.objects.order_by("day", "page_id").values_list(
                "page_id", "day", "views"
            )
        ),
        list(
            PageViewCount.objects.order_by("page_id").values_list(
                "page_id", "views", "legacy_views"
            )
        ),
    )


def test_ninety_days_before_today_with_consistent_sums(demo_pages):
    today = timezone.localdate()
    seed_visitor_history(today)
    days = DailyVisits.objects.order_by("day")
    assert days.count() == DAYS
    assert days.first().day == today - timedelta(days=DAYS)
    assert days.last().day == today - timedelta(days=1)
    for row in days:
        pages = PageDailyViews.objects.filter(day=row.day).aggregate(n=Sum("views"))
        assert pages["n"] == row.views
        assert 0 < row.visits <= row.views
    for count in PageViewCount.objects.all():
        daily = PageDailyViews.objects.filter(page_id=count.page_id)
        assert count.views == (daily.aggregate(n=Sum("views"))["n"] or 0)
    draft = demo_pages[-1]
    assert not PageDailyViews.objects.filter(page=draft).exists()


#: A week of "todays": the launch falls 24 days earlier on every weekday once.
A_WEEK = [date(2026, 12, 2) + timedelta(days=n) for n in range(7)]


@pytest.mark.parametrize("today", A_WEEK, ids=str)
def test_the_launch_is_on_a_working_day_whatever_today_is(today):
    launch = launch_day(today)
    assert launch.weekday() < 5
    assert 24 <= (today - launch).days <= 26


@pytest.mark.parametrize("today", [A_WEEK[0], A_WEEK[4]], ids=str)
def test_weekdays_are_busier_and_the_launch_day_spikes(demo_pages, today):
    seed_visitor_history(today)
    rows = {row.day: row.visits for row in DailyVisits.objects.all()}
    launch = launch_day(today)
    weekdays = [v for d, v in rows.items() if d.weekday() < 5 and d != launch]
    weekends = [v for d, v in rows.items() if d.weekday() >= 5 and d != launch]
    assert sum(weekends) / len(weekends) < 0.7 * sum(weekdays) / len(weekdays)
    assert rows[launch] > 2 * max(v for d, v in rows.items() if d != launch)
    launched = demo_pages[1]
    on_launch = PageDailyViews.objects.filter(day=launch).order_by("-views").first()
    assert on_launch.page_id == launched.pk


def test_legacy_counts_are_set(demo_pages):
    seed_visitor_history()
    assert PageViewCount.objects.get(page=demo_pages[0]).legacy_views == 490


def test_rerun_replaces_and_never_adds(demo_pages):
    today = timezone.localdate()
    live = PageDailyViews.objects.create(page=demo_pages[2], day=today, views=3)
    DailyVisits.objects.create(
        site=Site.objects.get(is_default_site=True), day=today, visits=2, views=3
    )
    seed_visitor_history(today)
    first = snapshot()
    seed_visitor_history(today)
    assert snapshot() == first
    # Today belongs to the live counters, and the page's total includes it.
    assert PageDailyViews.objects.get(pk=live.pk).views == 3
    assert DailyVisits.objects.get(day=today).visits == 2
    count = PageViewCount.objects.get(page=demo_pages[2])
    total = PageDailyViews.objects.filter(page=demo_pages[2]).aggregate(n=Sum("views"))
    assert count.views == total["n"]
