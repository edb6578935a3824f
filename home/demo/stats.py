"""Ninety days of visitor history for the demo portal (issue 6).

Weekdays are busier than weekends, and the launch of the newest campaign
brings a spike. Every figure agrees with the others: a day's views are the sum
of its pages' views, and a page's count is the sum of its days. A fixed random
seed makes the history the same on every machine for the same day.

Re-running replaces the 90 days before today (today is left to the live
counters) and sets, never adds, the legacy counts.
"""

import random
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from wagtail.models import Page, Site

from campaigns.models.stats import DailyVisits, PageDailyViews, PageViewCount
from campaigns.sites import in_site
from campaigns.stats.legacy import show_new_counts
from home.demo.catalogue import PUBLIC_SLUGS, REFERENCE_SLUG

DAYS = 90
SEED = 20_260_425
#: Distinct visitors on an ordinary weekday; weekends see about 55 % of it.
WEEKDAY_VISITS = 1_850
WEEKEND_SHARE = 0.55
#: The launch of the newest campaign, about this many days ago, triples the visits.
LAUNCHED_SLUG = PUBLIC_SLUGS[-1]
LAUNCH_DAYS_AGO = 24
LAUNCH_FACTOR = 3.2
#: Pages a visit reads, on average.
VIEWS_PER_VISIT = 1.7
#: The old portal's counts (its pages showed "Lượt xem: 490").
LEGACY_VIEWS = {
    REFERENCE_SLUG: 490,
    next(slug for slug in PUBLIC_SLUGS if slug != REFERENCE_SLUG): 1_275,
}


def launch_day(today: date) -> date:
    """The launch: ``LAUNCH_DAYS_AGO`` days back, moved to the Friday before a weekend.

    Offices launch campaigns on working days, whatever day the seed runs.
    """
    day = today - timedelta(days=LAUNCH_DAYS_AGO)
    return day - timedelta(days=max(0, day.weekday() - 4))


def _pages(site: Site) -> list[Page]:
    return list(
        Page.objects.live()
        .public()
        .filter(in_site(site))
        .select_related("locale")
        .order_by("path")
    )


def _weights(pages: list[Page], rng: random.Random) -> dict[int, float]:
    """Vietnamese pages draw most readers; the home page and indexes draw many."""
    weights = {}
    for rank, page in enumerate(pages, 1):
        weight = rng.uniform(0.5, 1.5) / rank**0.6
        if page.depth <= 3:
            weight *= 3
        if page.locale.language_code != "vi":
            weight *= 0.08
        weights[page.pk] = weight
    return weights


def _split(total: int, weights: dict[int, float], rng: random.Random) -> dict:
    """``total`` views spread over the pages by weight, summing exactly to it."""
    drawn = rng.choices(list(weights), weights=list(weights.values()), k=total)
    counts: dict[int, int] = {}
    for page_id in drawn:
        counts[page_id] = counts.get(page_id, 0) + 1
    return counts


@transaction.atomic
def seed_visitor_history(
    today: date | None = None, *, site: Site | None = None, scale: float = 1.0
) -> dict[str, int]:
    """Replace 90 days of a site's history (the default site's unless given).

    ``scale`` sizes the visits: a department's sub-portal draws fewer readers
    than the province's. Returns what it wrote.
    """
    today = today or timezone.localdate()
    site = site or Site.objects.get(is_default_site=True)
    first = today - timedelta(days=DAYS)
    launch = launch_day(today)
    rng = random.Random(SEED + site.pk)  # noqa: S311 -- demo figures, not a secret.
    pages = _pages(site)
    page_ids_in_site = [page.pk for page in pages]
    weights = _weights(pages, rng)
    launched = next(
        (
            p.pk
            for p in pages
            if p.slug == LAUNCHED_SLUG and p.locale.language_code == "vi"
        ),
        None,
    )

    DailyVisits.objects.filter(site=site, day__gte=first, day__lt=today).delete()
    PageDailyViews.objects.filter(
        page__in=page_ids_in_site, day__gte=first, day__lt=today
    ).delete()
    days, page_days = [], []
    for n in range(DAYS):
        day = first + timedelta(days=n)
        visits = scale * WEEKDAY_VISITS * (WEEKEND_SHARE if day.weekday() >= 5 else 1)
        visits *= rng.uniform(0.85, 1.15)
        day_weights = weights
        if day == launch:
            visits *= LAUNCH_FACTOR
            if launched is not None:
                day_weights = {**weights, launched: weights[launched] * 40}
        visits = round(visits)
        views = round(visits * VIEWS_PER_VISIT * rng.uniform(0.9, 1.1))
        split = _split(views, day_weights, rng) if pages else {}
        days.append(
            DailyVisits(site=site, day=day, visits=visits, views=sum(split.values()))
        )
        page_days += [
            PageDailyViews(page_id=page_id, day=day, views=n)
            for page_id, n in split.items()
        ]
    DailyVisits.objects.bulk_create(days)
    PageDailyViews.objects.bulk_create(page_days, batch_size=1000)

    # A page's count is the sum of all its days, live ones included.
    sums = dict(
        PageDailyViews.objects.filter(page__in=page_ids_in_site)
        .values("page")
        .annotate(n=Sum("views"))
        .values_list("page", "n")
    )
    legacy = {
        page.pk: LEGACY_VIEWS[page.slug]
        for page in pages
        if page.slug in LEGACY_VIEWS and page.locale.language_code == "vi"
    }
    page_ids = set(sums) | set(legacy)
    existing = set(
        PageViewCount.objects.filter(page_id__in=page_ids).values_list(
            "page_id", flat=True
        )
    )
    PageViewCount.objects.bulk_create(
        [PageViewCount(page_id=pk) for pk in page_ids - existing]
    )
    rows = list(PageViewCount.objects.filter(page_id__in=page_ids))
    for row in rows:
        row.views = sums.get(row.page_id, 0)
        row.legacy_views = legacy.get(row.page_id, row.legacy_views)
    PageViewCount.objects.bulk_update(rows, ["views", "legacy_views"])
    transaction.on_commit(lambda: show_new_counts(page_ids))
    return {"days": len(days), "page_days": len(page_days), "pages": len(rows)}
