"""Keep Redis's set of public pages in step with publishing.

The beacon checks a page against that set instead of the database. Anything
that can change who may see a page drops the set; the next beacon reloads it
with one query. The set also expires after a few minutes, so a reload that
raced a change cannot keep a stale answer for long.
"""

import logging

from campaigns.stats import redis_store

logger = logging.getLogger(__name__)


def forget_public_pages(**kwargs) -> None:
    """Signal handler: extra keyword arguments are ignored."""
    connection = redis_store.client()
    if connection is None:
        return
    try:
        redis_store.forget_public_pages(connection)
    except redis_store.OUTAGE:
        logger.warning("Redis unreachable: public page set not dropped")
