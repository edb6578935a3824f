"""Read queries for templates, feeds and both APIs.

What counts as public (live, not view-restricted) is decided by
:func:`public_campaigns`; every other selector starts from it.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.http import Http404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language_from_path
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from campaigns import conf
from campaigns.models import (
    CampaignIndexPage,
    CampaignIndexPinnedCampaign,
    CampaignPage,
    Comment,
    VideoStoryPage,
)


def _with_listing_image(queryset: QuerySet, image: str, *also: str) -> QuerySet:
    """The listing image (and ``also`` relations) with its renditions, in bulk.

    Two queries for the whole list, however long it is.
    """
    rendition_model = get_image_model().get_rendition_model()
    renditions = rendition_model.objects.filter(
        filter_spec__in=list(conf.RENDITION_SPECS.values())
    )
    return queryset.select_related(image, *also).prefetch_related(
        Prefetch(f"{image}__renditions", queryset=renditions)
    )


def _with_card_images(queryset: QuerySet) -> QuerySet:
    return _with_listing_image(queryset, "hero_image")


def _with_posters(queryset: QuerySet) -> QuerySet:
    # The video row too: a card falls back to the upload's duration.
    return _with_listing_image(queryset, "poster_image", "video")


def public_pages(queryset: QuerySet) -> QuerySet:
    """Pages any anonymous reader may see: live and without a view restriction."""
    return queryset.live().public()


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


def public_campaigns(*, locale=None) -> QuerySet:
    """Live, unrestricted campaign pages, newest first."""
    queryset = public_pages(CampaignPage.objects.all())
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset.order_by("-date", "-first_published_at", "-pk")


def campaigns_in_index(index: Page, *, year: int | None = None, tag: str | None = None):
    """The public campaigns under one index, optionally for one year or tag."""
    queryset = public_campaigns().child_of(index)
    if year is not None:
        queryset = queryset.filter(date__year=year)
    if tag:
        queryset = queryset.filter(tags__slug=tag)
    return _with_card_images(queryset).prefetch_related("tags").distinct()


def campaign_years(index: Page) -> list[int]:
    """Years that have at least one public campaign under ``index``, newest first."""
    years = (
        public_campaigns()
        .child_of(index)
        .annotate(year=ExtractYear("date"))
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return list(years)


def campaign_tags(index: Page) -> list[Tag]:
    """Tags used by public campaigns under ``index``, by name."""
    page_ids = public_campaigns().child_of(index).values("pk")
    return list(
        Tag.objects.filter(campaigns_campaignpagetag_items__content_object__in=page_ids)
        .distinct()
        .order_by("name")
    )


def pinned_and_latest_campaigns(home: Page) -> tuple[list, list]:
    """Campaigns pinned on the index below ``home``, then the latest others.

    The pins keep the editor's order; the latest are of the home page's
    language. The index is found in the pins' own query (one query).
    """
    pins = CampaignIndexPinnedCampaign.objects.filter(
        index__in=CampaignIndexPage.objects.child_of(home)
    )
    pinned_ids = list(
        dict.fromkeys(pins.order_by("sort_order").values_list("campaign_id", flat=True))
    )
    visible = _with_card_images(public_campaigns(locale=home.locale))
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
            lambda: latest_video_stories(
                locale=home.locale, limit=conf.HOME_VIDEO_COUNT
            )
        ),
    }


def related_campaigns(page: CampaignPage) -> list[CampaignPage]:
    """Other public campaigns sharing a tag with ``page``, most shared tags first."""
    tag_ids = [tag.pk for tag in page.tags.all()]
    queryset = public_campaigns(locale=page.locale).exclude(pk=page.pk)
    if tag_ids:
        queryset = queryset.filter(tags__in=tag_ids).annotate(shared=Count("tags"))
        queryset = queryset.order_by("-shared", "-date", "-pk")
    return list(_with_card_images(queryset)[: conf.RELATED_COUNT])


def public_video_stories(*, locale=None) -> QuerySet:
    """Live, unrestricted video stories, newest first."""
    queryset = public_pages(VideoStoryPage.objects.all())
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset.order_by("-date", "-first_published_at", "-pk")


def video_stories_in_index(index: Page, *, tag: str | None = None) -> QuerySet:
    """The public video stories under one index, optionally for one topic."""
    queryset = public_video_stories().child_of(index)
    if tag:
        queryset = queryset.filter(tags__slug=tag)
    return _with_posters(queryset).prefetch_related("tags").distinct()


def video_topics(index: Page) -> list[Tag]:
    """Topics used by public video stories under ``index``, by name."""
    page_ids = public_video_stories().child_of(index).values("pk")
    return list(
        Tag.objects.filter(
            campaigns_videostorypagetag_items__content_object__in=page_ids
        )
        .distinct()
        .order_by("name")
    )


def latest_video_stories(*, locale, exclude=(), limit=None) -> list[VideoStoryPage]:
    """The newest public video stories of a language."""
    queryset = public_video_stories(locale=locale).exclude(pk__in=list(exclude))
    return list(_with_posters(queryset)[: limit or conf.VIDEO_SIDEBAR_COUNT])


def related_video_stories(page: VideoStoryPage) -> list[VideoStoryPage]:
    """Other public video stories of the page's language, newest first."""
    return latest_video_stories(locale=page.locale, exclude=[page.pk])


def campaign_video_stories(campaign: CampaignPage) -> list[VideoStoryPage]:
    """Video stories beside a campaign: the editor's picks, then those linked back."""
    picked_ids = list(
        campaign.related_video_links.order_by("sort_order").values_list(
            "video_story_id", flat=True
        )
    )
    visible = _with_posters(public_video_stories())
    linked = visible.filter(Q(pk__in=picked_ids) | Q(related_campaign=campaign))
    by_id = {story.pk: story for story in linked}
    ordered = [by_id.pop(pk) for pk in picked_ids if pk in by_id]
    linked_back = sorted(by_id.values(), key=lambda story: story.date, reverse=True)
    return (ordered + linked_back)[: conf.VIDEO_SIDEBAR_COUNT]


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
