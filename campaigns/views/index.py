"""Filtering and pagination of the campaign and video indexes from the query string.

Garbage in the query string (``?year=abc``, ``?page=9999``, ``?tag=<script>``)
gives a normal page: an unusable filter is ignored, a page out of range shows
the last one.
"""

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify

from campaigns import conf
from campaigns.selectors import (
    campaign_tags,
    campaign_years,
    campaigns_in_index,
    video_stories_in_index,
    video_topics,
)


def _year(raw: str | None) -> int | None:
    if raw and raw.isascii() and raw.isdigit() and len(raw) == 4:
        return int(raw)
    return None


def _tag(raw: str | None) -> str | None:
    # Tag slugs are ASCII; anything that does not survive slugify matches nothing.
    return slugify(raw[:100]) if raw else None


def campaign_index_context(index, request) -> dict:
    """Template context for a campaign index: one page of campaigns and the filters."""
    year = _year(request.GET.get("year"))
    tag = _tag(request.GET.get("tag"))
    campaigns = campaigns_in_index(index, year=year, tag=tag)
    paginator = Paginator(campaigns, conf.INDEX_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return {
        "campaigns": page,
        "paginator": paginator,
        # Lazy: a cached fragment of the page may not need them.
        "years": SimpleLazyObject(lambda: campaign_years(index)),
        "tags": SimpleLazyObject(lambda: campaign_tags(index)),
        "selected_year": year,
        "selected_tag": tag,
    }


def video_index_context(index, request) -> dict:
    """Template context for a video index: one page of stories and the topics."""
    tag = _tag(request.GET.get("tag"))
    paginator = Paginator(video_stories_in_index(index, tag=tag), conf.INDEX_PAGE_SIZE)
    return {
        "video_stories": paginator.get_page(request.GET.get("page")),
        "paginator": paginator,
        "topics": SimpleLazyObject(lambda: video_topics(index)),
        "selected_tag": tag,
    }
