"""View counts and visitor statistics in templates (DESIGN §6).

What these print is a fallback for readers without JavaScript; ``stats.js``
replaces it with live figures. Use them inside cached fragments only.
"""

from django import template
from django.urls import reverse
from django.utils import formats

from campaigns import sites
from campaigns.stats.counting import page_view_counts
from campaigns.stats.counting import site_visitor_statistics as figures_for

register = template.Library()


@register.simple_tag
def page_view_count(page) -> int:
    """The views of ``page`` (counted, legacy and not yet flushed)."""
    return page_view_counts([page.pk], sites.site_id_for_page(page))[page.pk]


@register.simple_tag(takes_context=True)
def site_visitor_statistics(context):
    """Online, today, this week and all time, as ``/api/v3/stats/visitors/``."""
    return figures_for(context.get("request"))


@register.simple_tag
def view_beacon_url(page) -> str:
    return reverse("wagtailapi_v3:count_page_view", kwargs={"page_id": page.pk})


@register.simple_tag
def visitor_statistics_url() -> str:
    return reverse("wagtailapi_v3:visitor_statistics")


@register.filter
def grouped(value):
    """A whole number grouped as the locale does: "66.534.666" in Vietnamese."""
    return formats.number_format(value, force_grouping=True)
