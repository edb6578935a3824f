"""Keep Redis's sets of public pages, one per site, in step with publishing.

The beacon checks a page against its site's set instead of the database.
Anything that can change who may see a page drops the set of the page's site
(of every site when the page is in none, or moved: it may have left one); the
next beacon reloads it with one query. The sets also expire after a few
minutes, so a reload that raced a change cannot keep a stale answer for long.
"""

import logging

from wagtail.models import Page, Site

from campaigns import sites
from campaigns.stats import redis_store

logger = logging.getLogger(__name__)


def _site_ids_touched(kwargs) -> list[int]:
    instance = kwargs.get("instance")
    page = instance if isinstance(instance, Page) else getattr(instance, "page", None)
    moved = "parent_page_before" in kwargs
    site_id = sites.site_id_for_page(page) if isinstance(page, Page) else None
    if site_id is None or moved:
        return list(Site.objects.values_list("pk", flat=True))
    return [site_id]


def forget_public_pages(**kwargs) -> None:
    """Signal handler: a page (``instance``, or the page of a restriction) changed."""
    connection = redis_store.client()
    if connection is None:
        return
    try:
        redis_store.forget_public_pages(connection, _site_ids_touched(kwargs))
    except redis_store.OUTAGE:
        logger.warning("Redis unreachable: public page set not dropped")
