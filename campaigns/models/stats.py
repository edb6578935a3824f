"""Page views and site visits, in their own tables (DESIGN §6).

Counting never writes to the page row: no revision, no search re-index, no
cache purge. With Redis the counts are buffered there and added here by
``flush_counters``; without Redis each counted view is one atomic UPDATE here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: The old portal's visit total, carried over (DESIGN §6).
DEFAULT_LEGACY_VISITS = 66_534_666


class PageViewCount(models.Model):
    """A page's counted views, plus the count imported from the old portal."""

    page = models.OneToOneField(
        "wagtailcore.Page",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="view_count_row",
    )
    views = models.PositiveBigIntegerField(default=0)
    legacy_views = models.PositiveBigIntegerField(
        default=0, help_text=_("Views counted by the old portal before the move.")
    )

    class Meta:
        verbose_name = _("page view count")
        verbose_name_plural = _("page view counts")

    def __str__(self):
        return f"{self.page_id}: {self.total}"

    @property
    def total(self) -> int:
        return self.views + self.legacy_views


class PageDailyViews(models.Model):
    """Views of one page on one day (Asia/Ho_Chi_Minh), for the report."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="page_daily_views")
        ]
        indexes = [models.Index(fields=["day", "page"], name="page_daily_views_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"


class DailyVisits(models.Model):
    """One day of one site: distinct visitors (visits) and counted views."""

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    visits = models.PositiveBigIntegerField(default=0)
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")
        constraints = [
            models.UniqueConstraint(fields=["site", "day"], name="daily_visits")
        ]
        # The admin report "Visitor statistics" (campaigns.stats.report).
        permissions = [("view_statistics", "Can view visitor statistics")]

    def __str__(self):
        return f"{self.site_id} {self.day}: {self.visits}"


class VisitorSalt(models.Model):
    """The secret of one day, mixed into visitor hashes; deleted after two days."""

    day = models.DateField(primary_key=True)
    secret = models.CharField(max_length=64)

    def __str__(self):
        return str(self.day)


class RecentVisitor(models.Model):
    """Who was seen today on a site, for exact daily visits and "online now"
    without Redis.

    With Redis, each flush copies the day's new visitors here, and rows made
    while Redis was unreachable (``awaiting_redis``) are copied back into it, so
    a visitor is counted once a day across an outage (docs/statistics.md).
    """

    site = models.ForeignKey(
        "wagtailcore.Site", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField()
    visitor = models.CharField(max_length=64)
    last_seen = models.DateTimeField(db_index=True)
    awaiting_redis = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["site", "day", "visitor"], name="recent_site_visitor"
            )
        ]

    def __str__(self):
        return f"{self.site_id} {self.day} {self.visitor[:8]}"


class RecentPageView(models.Model):
    """When a visitor last counted on a page (one count per 30-minute window).

    Kept in step with Redis's windows as :class:`RecentVisitor` is.
    """

    page_id = models.BigIntegerField()
    visitor = models.CharField(max_length=64)
    seen_at = models.DateTimeField(db_index=True)
    awaiting_redis = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["page_id", "visitor"], name="recent_page_view"
            )
        ]

    def __str__(self):
        return f"{self.page_id} {self.visitor[:8]}"


class FlushedBatch(models.Model):
    """A buffer of Redis counts already added to the tables above.

    Written in the same transaction as the additions, so a flush retried after
    a crash recognises a batch it has already applied and never adds it twice.
    """

    batch = models.CharField(max_length=64, primary_key=True)
    flushed_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.batch


def default_legacy_visits(site) -> int:
    """The legacy total a site starts with: the old portal's for the default site."""
    return DEFAULT_LEGACY_VISITS if site.is_default_site else 0


@register_setting(icon="view")
class VisitorStatisticsSettings(BaseSiteSetting):
    """The figures carried over from the old portal.

    The old portal's total (``DEFAULT_LEGACY_VISITS``) is the default site's
    starting figure; any other site (a department's sub-portal) starts at 0
    until an administrator enters its own.
    """

    legacy_visits = models.PositiveBigIntegerField(
        _("visits before this portal"),
        default=DEFAULT_LEGACY_VISITS,
        help_text=_(
            "Added once to the all-time total: the visits the old portal counted."
        ),
    )

    @classmethod
    def for_site(cls, site):
        if site is None:
            raise cls.DoesNotExist(f"{cls.__name__} does not exist for site None.")
        instance, _created = cls.base_queryset().get_or_create(
            site=site, defaults={"legacy_visits": default_legacy_visits(site)}
        )
        return instance

    class Meta:
        verbose_name = _("visitor statistics")
