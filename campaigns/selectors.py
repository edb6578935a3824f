"""Read queries across models, for templates and both APIs.

Reads of one page type are its queryset's (:mod:`campaigns.models.querysets`);
what is here joins several: translations, the home page's campaigns, the
page an edition's path names, comments and their counts.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_from_path
from wagtail.models import Locale, Page, Site

from campaigns import conf
from campaigns.models import (
    CampaignIndexPage,
    CampaignIndexPinnedCampaign,
    CampaignPage,
    Comment,
    VideoStoryPage,
)
from campaigns.models.querysets import public_pages


def _public_editions(translation_keys: Iterable) -> QuerySet:
    """Public pages, in every language, sharing one of ``translation_keys``."""
    return (
        public_pages(Page.objects.filter(translation_key__in=list(translation_keys)))
        .select_related("locale")
        .order_by("locale__language_code", "pk")
    )


def public_translations(page: Page) -> QuerySet:
    """The page's editions in other languages that anonymous readers may see.

    Live and not view-restricted (drafts, unpublished and private translations
    never appear), ordered by language code, with their locale selected.
    """
    return _public_editions([page.translation_key]).exclude(pk=page.pk)


def public_translations_by_page(pages: Iterable[Page]) -> dict[int, list[Page]]:
    """:func:`public_translations` of each page, by page id, in one query for all."""
    pages = list(pages)
    if not pages:
        return {}
    editions: dict = {}
    for edition in _public_editions({page.translation_key for page in pages}):
        editions.setdefault(edition.translation_key, []).append(edition)
    return {
        page.pk: [
            edition
            for edition in editions.get(page.translation_key, [])
            if edition.pk != page.pk
        ]
        for page in pages
    }


def pinned_and_latest_campaigns(home: Page) -> tuple[list, list]:
    """Campaigns pinned on the index below ``home``, then the latest others.

    The pins keep the editor's order; the latest are of the home page's
    site and language. The index is found in the pins' own query (one query).
    """
    pins = CampaignIndexPinnedCampaign.objects.filter(
        index__in=CampaignIndexPage.objects.child_of(home)
    )
    pinned_ids = list(
        dict.fromkeys(pins.order_by("sort_order").values_list("campaign_id", flat=True))
    )
    visible = (
        CampaignPage.objects.visible(locale=home.locale).in_site_of(home).with_cards()
    )
    pinned_by_id = {page.pk: page for page in visible.filter(pk__in=pinned_ids)}
    pinned = [pinned_by_id[pk] for pk in pinned_ids if pk in pinned_by_id]
    latest = list(visible.exclude(pk__in=pinned_ids)[: conf.HOME_LATEST_COUNT])
    return pinned, latest


def home_campaigns(home: Page) -> dict:
    """Template context of the home page, computed only if a template reads it."""
    both = SimpleLazyObject(lambda: pinned_and_latest_campaigns(home))
    return {
        "pinned_campaigns": SimpleLazyObject(lambda: both[0]),
        "latest_campaigns": SimpleLazyObject(lambda: both[1]),
        "latest_video_stories": SimpleLazyObject(
            lambda: VideoStoryPage.objects.latest(
                site_of=home, limit=conf.HOME_VIDEO_COUNT
            )
        ),
    }


def edition_language(path: str | None) -> str | None:
    """The language of a prefixed edition path ("/en/..."); None for the default one."""
    language = get_language_from_path(path or "")
    if not language or language == settings.LANGUAGE_CODE:
        return None
    return language


def page_for_edition_path(request, path: str, *, language: str) -> Page | None:
    """The page a prefixed path (``/en/...``) serves, routed from that edition's home.

    None when the site has no home page in that language or nothing is there.
    """
    site = Site.find_for_request(request)
    locale = Locale.objects.filter(language_code=language).first()
    if site is None or locale is None:
        return None
    home = site.root_page.get_translation_or_none(locale)
    if home is None:
        return None
    components = [part for part in path.split("/") if part][1:]
    try:
        page, _args, _kwargs = home.specific.route(request, components)
    except Http404:
        return None
    return page


#: What readers may see of a comment; e-mail, IP hash and notes are never loaded.
PUBLIC_COMMENT_FIELDS = (
    "page",
    "name",
    "title",
    "content",
    "created_at",
    "reply",
    "reply_at",
)


def public_comments(page: Page) -> QuerySet:
    """The approved comments of ``page``, oldest first, with public fields only."""
    return (
        Comment.objects.approved()
        .filter(page_id=page.pk)
        .only(*PUBLIC_COMMENT_FIELDS)
        .order_by("created_at", "pk")
    )


def approved_comment_counts(pages: Iterable[Page]) -> dict[int, int]:
    """Approved comments of each page, by page id, in one grouped query."""
    return dict(
        Comment.objects.approved()
        .filter(page_id__in=[page.pk for page in pages])
        .order_by()
        .values("page_id")
        .annotate(count=Count("pk"))
        .values_list("page_id", "count")
    )
