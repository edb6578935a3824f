"""The admin report "Visitor statistics" (issue 6): most-viewed pages and a chart.

Pages are ranked by their views in the chosen period (``PageDailyViews``),
beside their all-time count and the count carried over from the old portal.
The chart draws the daily visits and views. Both cover the sites the user
holds (:func:`campaigns.sites.held_site_ids`), or the one site chosen; a site
not held is refused (403), never shown. Figures are those of the database, so
they include what ``flush_counters`` moved there (every minute).
"""

import csv
from datetime import date, datetime, timedelta

import django_filters
from django.db.models import F, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, gettext_lazy
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import LocaleColumn, NumberColumn, TitleColumn
from wagtail.admin.views.mixins import Echo, ExcelDateFormatter
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import Button
from wagtail.models import Page, Site

from campaigns import sites
from campaigns.exports import BOM, LocalSpreadsheetExportMixin
from campaigns.models.stats import PageDailyViews
from campaigns.stats.chart import build_chart

#: The permission the report needs (superusers have every permission).
PERMISSION = "campaigns.view_statistics"
PERIODS = [
    ("7", gettext_lazy("Last 7 days")),
    ("30", gettext_lazy("Last 30 days")),
    ("90", gettext_lazy("Last 90 days")),
]
DEFAULT_DAYS = 30
#: The chart shows at least this many days, and a custom range at most a year.
CHART_MIN_DAYS = 30
MAX_DAYS = 366
#: ``?export=csv&table=daily``: the chart's daily figures instead of the pages.
DAILY_TABLE = "daily"


def _held_sites(request):
    if request is None:
        return Site.objects.none()
    return Site.objects.filter(pk__in=sites.held_site_ids(request.user))


class VisitorStatisticsFilterSet(WagtailFilterSet):
    """The period: one of the presets, or a custom range, which wins when given;
    and the site, among those the user holds (all of them when none is chosen)."""

    site = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Site"),
        queryset=_held_sites,
        empty_label=gettext_lazy("All my sites"),
        method="period_is_applied_by_the_view",
    )

    period = django_filters.ChoiceFilter(
        label=gettext_lazy("Period"),
        choices=PERIODS,
        empty_label=None,
        initial=str(DEFAULT_DAYS),
        method="period_is_applied_by_the_view",
    )
    days = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Custom dates"),
        widget=DateRangePickerWidget,
        method="period_is_applied_by_the_view",
    )

    class Meta:
        model = Page
        fields = []

    def period_is_applied_by_the_view(self, queryset, name, value):
        # The period changes the figures counted for each page, not which rows
        # exist; VisitorStatisticsView.get_base_queryset applies it.
        return queryset


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value
    return value


def resolve_period(data: dict, today: date) -> tuple[date, date]:
    """First and last day (both included) of the chosen period."""
    custom = data.get("days")
    start = _as_date(custom.start) if custom else None
    end = _as_date(custom.stop) if custom else None
    if start or end:
        end = min(end or today, today)
        start = start or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            start, end = end, start
        start = max(start, end - timedelta(days=MAX_DAYS - 1))
        return start, end
    days = int(data.get("period") or DEFAULT_DAYS)
    return today - timedelta(days=days - 1), today


class VisitorStatisticsView(LocalSpreadsheetExportMixin, ReportView):
    """The report. Its XLSX holds two sheets (pages, then the chart's days);
    a CSV file holds one table, the pages or, with ``table=daily``, the days."""

    page_title = gettext_lazy("Visitor statistics")
    header_icon = "view"
    results_template_name = "campaigns/stats/report_results.html"
    index_url_name = "campaigns_visitor_statistics"
    index_results_url_name = "campaigns_visitor_statistics_results"
    filterset_class = VisitorStatisticsFilterSet
    permission_required = "view_statistics"
    default_ordering = "-period_views"
    paginate_by = 50
    list_export = [
        "title",
        "full_url",
        "locale",
        "period_views",
        "counted_views",
        "legacy_views",
        "total_views",
    ]

    def user_has_permission(self, permission):
        return self.request.user.has_perm(f"campaigns.{permission}")

    def get_filterset_kwargs(self):
        # Without a period the form shows the default one, the one the figures
        # cover (else the browser shows the first choice, and changing the site
        # would send it).
        kwargs = super().get_filterset_kwargs()
        if not kwargs["data"].get("period"):
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"]["period"] = str(DEFAULT_DAYS)
        return kwargs

    def dispatch(self, request, *args, **kwargs):
        chosen = request.GET.get("site", "")
        if chosen and not (
            chosen.isdigit() and int(chosen) in sites.held_site_ids(request.user)
        ):
            # A real 403, not Wagtail's redirect to the dashboard.
            reason = gettext("You do not hold this site.")
            return render(
                request, "campaigns/forbidden.html", {"reason": reason}, status=403
            )
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def site_ids(self) -> list[int]:
        """The sites shown: the one chosen, else every site the user holds."""
        chosen = self.request.GET.get("site", "")
        if chosen:
            return [int(chosen)]
        return sorted(sites.held_site_ids(self.request.user))

    @cached_property
    def export_headings(self):
        return {
            "title": gettext("Title"),
            "full_url": gettext("URL"),
            "locale": gettext("Locale"),
            "period_views": gettext("Views %(start)s to %(end)s")
            % {"start": self.period[0].isoformat(), "end": self.period[1].isoformat()},
            "counted_views": gettext("Views counted by this portal"),
            "legacy_views": gettext("Views on the old portal"),
            "total_views": gettext("Total views"),
        }

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "title",
                label=gettext("Title"),
                get_url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
                sort_key="title",
            ),
            LocaleColumn(),
            NumberColumn(
                "period_views",
                label=gettext("Views in the period"),
                sort_key="period_views",
            ),
            NumberColumn(
                "counted_views",
                label=gettext("Views counted by this portal"),
            ),
            NumberColumn("legacy_views", label=gettext("Views on the old portal")),
            NumberColumn(
                "total_views", label=gettext("Total views"), sort_key="total_views"
            ),
        ]

    @cached_property
    def period(self) -> tuple[date, date]:
        data = {}
        if self.filters and self.filters.is_valid():
            data = self.filters.form.cleaned_data
        return resolve_period(data, timezone.localdate())

    @cached_property
    def chart(self):
        start, end = self.period
        start = min(start, end - timedelta(days=CHART_MIN_DAYS - 1))
        return build_chart(start, end, self.site_ids, today=timezone.localdate())

    def get_base_queryset(self):
        start, end = self.period
        in_period = (
            PageDailyViews.objects.filter(
                page=OuterRef("pk"), day__gte=start, day__lte=end
            )
            .order_by()
            .values("page")
            .annotate(n=Sum("views"))
            .values("n")
        )
        return (
            Page.objects.filter(sites.in_site_ids(self.site_ids))
            .select_related("locale")
            .annotate(
                period_views=Coalesce(Subquery(in_period), Value(0)),
                counted_views=Coalesce(F("view_count_row__views"), Value(0)),
                legacy_views=Coalesce(F("view_count_row__legacy_views"), Value(0)),
            )
            .annotate(total_views=F("counted_views") + F("legacy_views"))
            .filter(period_views__gt=0)
        )

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        # Ties keep a stable order, so pages never move between paginated pages.
        return queryset.order_by(*queryset.query.order_by, "title", "pk")

    def get_filename(self):
        start, end = self.period
        if self.exports_daily_table:
            start, end = self.chart.start, self.chart.end
            return f"visitor-statistics-daily-{start.isoformat()}-{end.isoformat()}"
        return f"visitor-statistics-{start.isoformat()}-{end.isoformat()}"

    @cached_property
    def exports_daily_table(self) -> bool:
        return (
            self.request.GET.get("export") == self.FORMAT_CSV
            and self.request.GET.get("table") == DAILY_TABLE
        )

    @cached_property
    def header_more_buttons(self):
        params = self.request.GET.copy()
        params.update({"export": self.FORMAT_CSV, "table": DAILY_TABLE})
        return [
            *super().header_more_buttons,
            Button(
                gettext("Download daily figures (CSV)"),
                url=f"{self.request.path}?{params.urlencode()}",
                icon_name="download",
                priority=110,
            ),
        ]

    def get_export_url(self, format):
        params = self.request.GET.copy()
        params.pop("table", None)
        params["export"] = format
        return f"{self.request.path}?{params.urlencode()}"

    def daily_table(self) -> list[list]:
        """The chart's numbers as a table: a heading row, then one row per day."""
        partial = gettext("Today, counted so far")
        return [
            [gettext("Date"), gettext("Visits"), gettext("Views"), gettext("Note")],
            *(
                [day, visits, views, partial if day == self.chart.partial_day else ""]
                for day, visits, views in self.chart.rows
            ),
        ]

    def stream_csv(self, queryset):
        if not self.exports_daily_table:
            yield from super().stream_csv(queryset)
            return
        writer = csv.writer(Echo())
        yield BOM
        for row in self.daily_table():
            yield writer.writerow(
                [
                    value.isoformat() if isinstance(value, date) else value
                    for value in row
                ]
            )

    def write_xlsx(self, queryset, output):
        """The pages' sheet as Wagtail writes it, then a sheet of the chart's days."""
        workbook = Workbook(write_only=True, iso_dates=True)
        pages = workbook.create_sheet(title=_sheet_title(gettext("Most-viewed pages")))
        pages.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            pages.append(
                self.generate_xlsx_row(
                    pages, self.to_row_dict(item), date_format=date_format
                )
            )
        days = workbook.create_sheet(title=_sheet_title(gettext("Daily figures")))
        heading, *rows = self.daily_table()
        days.append(heading)
        for row in rows:
            day = WriteOnlyCell(days, row[0])
            day.number_format = "DD/MM/YYYY"
            days.append([day, *row[1:]])
        workbook.save(output)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["period_start"], context["period_end"] = self.period
        context["chart"] = self.chart
        return context


def _sheet_title(title: str) -> str:
    """A worksheet name as Excel accepts it: 31 characters, none of ``[]:*?/\\``."""
    for character in "[]:*?/\\":
        title = title.replace(character, " ")
    return title[:31]
