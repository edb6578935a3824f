"""Filters and pagination of an index page from its query string.

Garbage in the query string (``?year=abc``, ``?page=9999``, ``?tag=<script>``)
gives a normal page: an unusable filter is ignored, a page out of range shows
the last one.
"""

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.text import slugify

from campaigns import conf


def year_filter(request) -> int | None:
    """``?year=``, when it is a four-digit year (``0000`` is none: dates start at 1)."""
    raw = request.GET.get("year")
    if raw and raw.isascii() and raw.isdigit() and len(raw) == 4 and int(raw) >= 1:
        return int(raw)
    return None


def tag_filter(request) -> str | None:
    """``?tag=`` as a slug; anything that does not survive slugify matches nothing."""
    raw = request.GET.get("tag")
    return slugify(raw[:100]) if raw else None


def paginate(queryset, request) -> tuple[PaginatorPage, Paginator]:
    """The page of ``queryset`` that ``?page=`` asks for, and its paginator."""
    paginator = Paginator(queryset, conf.INDEX_PAGE_SIZE)
    return paginator.get_page(request.GET.get("page")), paginator
