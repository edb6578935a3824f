"""Wagtail's spreadsheet exports (CSV and XLSX) as an office in Viet Nam opens them.

Wagtail writes CSV without a byte order mark, which Excel on Windows reads as
its ANSI code page (Vietnamese comes out garbled), and writes times into XLSX
cells in UTC. Here the CSV starts with a UTF-8 BOM, times are the portal's
local time (``TIME_ZONE``) in both formats, and the heading of every time
column names the zone, since a spreadsheet cell keeps no offset.
"""

import datetime

from django.core.exceptions import FieldDoesNotExist
from django.db.models import DateTimeField
from django.utils import timezone
from django.utils.translation import gettext
from wagtail.admin.views.mixins import SpreadsheetExportMixin

#: Makes Excel read a CSV file as UTF-8.
BOM = "\ufeff"
CSV = SpreadsheetExportMixin.FORMAT_CSV
XLSX = SpreadsheetExportMixin.FORMAT_XLSX


def local_time_text(value: datetime.datetime) -> str:
    """A time as local ``YYYY-MM-DD HH:MM:SS``, which spreadsheets read as a time."""
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S")


def heading_with_zone(heading: str) -> str:
    """``heading`` followed by the zone its times are in: "Posted at (Asia/…)"."""
    return gettext("%(heading)s (%(zone)s)") % {
        "heading": heading,
        "zone": timezone.get_current_timezone_name(),
    }


class LocalSpreadsheetExportMixin:
    """For a ``SpreadsheetExportMixin`` view: a BOM, local times, zoned headings."""

    custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        # datetime before date: a datetime is a date too, and the first match wins.
        datetime.datetime: {CSV: local_time_text, XLSX: timezone.make_naive},
    }

    def get_heading(self, queryset, field):
        heading = super().get_heading(queryset, field)
        try:
            model_field = queryset.model._meta.get_field(field)
        except FieldDoesNotExist:
            return heading
        if isinstance(model_field, DateTimeField):
            return heading_with_zone(heading)
        return heading

    def stream_csv(self, queryset):
        yield BOM
        yield from super().stream_csv(queryset)

    def write_csv_response(self, queryset):
        response = super().write_csv_response(queryset)
        response["Content-Type"] = "text/csv; charset=utf-8"
        return response
