"""What the APIs show of every page they list, computed once per response.

Comment counts, view counts and translations are registered with
:func:`campaigns.references.register_listing_value`, so the serializer fields
the page models declare (:mod:`campaigns.api_fields`) read them without
importing the selectors and counters that compute them.
"""

from campaigns.references import register_listing_value
from campaigns.selectors import approved_comment_counts, public_translations_by_page
from campaigns.stats.counting import view_counts_of


def register() -> None:
    """Called once the app is ready."""
    register_listing_value("comment_count", approved_comment_counts, default=0)
    register_listing_value("view_count", view_counts_of, default=0)
    register_listing_value("translations", public_translations_by_page, default=[])
