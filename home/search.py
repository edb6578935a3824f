"""Search over the public campaign and video pages of the active language, on
the requesting site only."""

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import pgettext
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page, Site
from wagtail.search.utils import normalise_query_string

from campaigns.models import CampaignPage, VideoStoryPage
from campaigns.search import (
    clean_query,
    exact_first,
    has_diacritics,
    highlight,
    tidy_query,
)
from campaigns.sites import in_site

#: How many of the backend's best results a query typed with diacritics
#: re-orders, exact matches first; the rest follow in the backend's order.
RANKED_RESULTS = 100

#: Words of a result's snippet shown under its title.
SNIPPET_WORDS = 40


def search_public_pages(raw_query: str, site: Site | None) -> Sequence:
    """Live, unrestricted campaign and video pages of ``site`` matching the
    folded query, best first.

    A query typed with diacritics puts the pages holding its words as typed
    before those that match only once folded: "mẫu" ranks "kiểu mẫu" above
    "hiến máu". An empty query (after folding) matches nothing rather than
    everything.
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
    results = pages.search(query)
    if has_diacritics(raw_query):
        return ExactMatchesFirst(results, tidy_query(raw_query))
    return results


class ExactMatchesFirst(Sequence):
    """Search results whose first :data:`RANKED_RESULTS` are re-ordered by
    :func:`campaigns.search.exact_first`, read lazily and in slices, as
    Django's paginator reads them."""

    def __init__(self, results, query: str):
        self._results = results
        self._query = query

    @cached_property
    def _ranked(self) -> list:
        return exact_first(self._results[:RANKED_RESULTS], self._query)

    @cached_property
    def _count(self) -> int:
        return self._results.count()

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, index.stop
        items = self._ranked[start:stop]
        has_more = len(self._ranked) == RANKED_RESULTS
        if has_more and (stop is None or stop > RANKED_RESULTS):
            items += list(self._results[max(start, RANKED_RESULTS) : stop])
        return items


@dataclass(frozen=True)
class SearchHit:
    """One result as the search page shows it."""

    page: Page
    #: "campaign", "video" or "page", for the label's style.
    kind: str
    #: The kind in the page's language: "Chiến dịch" on /search/, "Campaign" on /en/.
    kind_label: str
    #: Title and snippet, escaped, with the matched words in ``<mark>``.
    title: SafeString
    snippet: SafeString


def search_hits(pages, raw_query: str) -> list[SearchHit]:
    """The search page's entries for ``pages``: a label for each page's kind
    and the query's words marked in title and snippet."""
    hits = []
    for page in pages:
        kind, kind_label = result_kind(page)
        text = getattr(page, "lead", "") or page.search_description
        snippet = Truncator(text).words(SNIPPET_WORDS) if text else ""
        hits.append(
            SearchHit(
                page=page,
                kind=kind,
                kind_label=kind_label,
                title=highlight(page.title, raw_query),
                snippet=highlight(snippet, raw_query) if snippet else SafeString(),
            )
        )
    return hits


def result_kind(page: Page) -> tuple[str, str]:
    """What a result is, as a style name and a label in the active language."""
    if isinstance(page, CampaignPage):
        return "campaign", pgettext("search result", "Campaign")
    if isinstance(page, VideoStoryPage):
        return "video", pgettext("search result", "Video story")
    return "page", pgettext("search result", "Page")


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
