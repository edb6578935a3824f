"""Search over the public campaign and video pages of the active language."""

from wagtail.models import Locale, Page

from campaigns.models import CampaignPage, VideoStoryPage
from campaigns.search import clean_query


def search_public_pages(raw_query: str):
    """Live, unrestricted campaign and video pages matching the folded query.

    An empty query (after folding) matches nothing rather than everything.
    """
    query = clean_query(raw_query)
    if not query:
        return Page.objects.none()
    pages = (
        Page.objects.live()
        .public()
        .type(CampaignPage, VideoStoryPage)
        .filter(locale=Locale.get_active())
        .specific()
    )
    return pages.search(query)
