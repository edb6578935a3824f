"""Keep Redis's sets of public pages, one per site, in step with publishing.

The beacon checks a page against its site's set instead of the database.
Anything that can change who may see a page drops the set of the page's site
(of the sites it left and joined when moved; of every site when it is in none); the
next beacon reloads it with one query. The sets also expire after a few
minutes, so a reload that raced a change cannot keep a stale answer for long.
"""

import logging

from wagtail.models import Site

from campaigns import sites
from campaigns.stats import redis_store

logger = logging.getLogger(__name__)


def forget_public_pages(**kwargs) -> None:
    """Signal handler: a page (``instance``, or the page of a restriction) changed."""
    connection = redis_store.client()
    if connection is None:
        return
    try:
        site_ids = sites.site_ids_of_page_change(kwargs)
        if site_ids is None:
            site_ids = list(Site.objects.values_list("pk", flat=True))
        redis_store.forget_public_pages(connection, site_ids)
    except redis_store.OUTAGE:
        logger.warning("Redis unreachable: public page set not dropped")
