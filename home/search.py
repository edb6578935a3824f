"""Search over the public campaign and video pages of the active language, on
the requesting site only."""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site
from wagtail.search.utils import normalise_query_string

from campaigns.models import CampaignPage, VideoStoryPage
from campaigns.search import clean_query, tidy_query
from campaigns.sites import in_site


def search_public_pages(raw_query: str, site: Site | None):
    """Live, unrestricted campaign and video pages of ``site`` matching the
    folded query.

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
        .filter(in_site(site))
        .specific()
    )
    return pages.search(query)


def promoted_results(raw_query: str, site: Site | None) -> list[dict]:
    """Editors' picks for the query (Settings → Promoted search results).

    Matched on the query as typed (lower-cased) and folded, so a pick made for
    "lao dong" also shows for "Lao động". A picked page shows only while it is
    public, in the active language and on ``site``; external links always
    show.
    """
    query = clean_query(raw_query)
    if not query:
        return []
    typed = normalise_query_string(tidy_query(raw_query))
    promotions = (
        SearchPromotion.objects.filter(query__query_string__in={query, typed})
        .select_related("page")
        .order_by("sort_order")
    )
    visible_ids = set(
        Page.objects.live()
        .public()
        .filter(locale=Locale.get_active(), pk__in=[p.page_id for p in promotions])
        .filter(in_site(site))
        .values_list("pk", flat=True)
    )
    picks = []
    for promotion in promotions:
        if promotion.page_id and promotion.page_id in visible_ids:
            url = promotion.page.url
        elif promotion.external_link_url and not promotion.page_id:
            url = promotion.external_link_url
        else:
            continue
        picks.append(
            {"title": promotion.title, "url": url, "description": promotion.description}
        )
    return picks
