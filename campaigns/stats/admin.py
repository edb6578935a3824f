"""Admin wiring of the visitor statistics: the report and its Reports menu item.

Loaded by the last line of ``campaigns/wagtail_hooks.py``.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from campaigns.stats.report import PERMISSION, VisitorStatisticsView


class VisitorStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_visitor_statistics_urls():
    return [
        path(
            "reports/visitor-statistics/",
            VisitorStatisticsView.as_view(),
            name="campaigns_visitor_statistics",
        ),
        path(
            "reports/visitor-statistics/results/",
            VisitorStatisticsView.as_view(results_only=True),
            name="campaigns_visitor_statistics_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_visitor_statistics_menu_item():
    return VisitorStatisticsMenuItem(
        _("Visitor statistics"),
        reverse("campaigns_visitor_statistics"),
        name="visitor-statistics",
        icon_name="view",
        order=1300,
    )
