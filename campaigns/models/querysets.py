"""The public page reads the page models need, as querysets of their managers.

What counts as public (live, not view-restricted) is decided by
:func:`public_pages`; every other read starts from it. The templates, feeds
and both APIs reach these through the models (``CampaignPage.objects.visible()``)
or through :mod:`campaigns.selectors`.
"""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import ExtractYear
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.query import PageQuerySet

from campaigns import conf, sites


def public_pages(queryset: QuerySet) -> QuerySet:
    """Pages any anonymous reader may see: live and without a view restriction."""
    return queryset.live().public()


class _ListedPageQuerySet(PageQuerySet):
    """What campaign pages and video stories share: public, newest first, cards."""

    #: The image a card shows, and what else a card reads, fetched in bulk.
    card_image: str
    card_also: tuple[str, ...] = ()

    def visible(self, *, locale=None):
        """Live, unrestricted pages (of one language if given), newest first."""
        queryset = public_pages(self)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return queryset.order_by("-date", "-first_published_at", "-pk")

    def in_site_of(self, page):
        """Those in the site ``page`` is in, in any of its languages (DESIGN §12)."""
        return self.filter(sites.in_site_of(page))

    def with_cards(self):
        """The card image with its renditions: two queries for a whole list."""
        renditions = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(filter_spec__in=list(conf.RENDITION_SPECS.values()))
        )
        return self.select_related(self.card_image, *self.card_also).prefetch_related(
            Prefetch(f"{self.card_image}__renditions", queryset=renditions)
        )

    def _tags_under(self, index, tag_relation: str) -> list[Tag]:
        page_ids = self.visible().child_of(index).values("pk")
        return list(
            Tag.objects.filter(**{f"{tag_relation}__content_object__in": page_ids})
            .distinct()
            .order_by("name")
        )


class CampaignPageQuerySet(_ListedPageQuerySet):
    card_image = "hero_image"

    def in_index(self, index, *, year: int | None = None, tag: str | None = None):
        """The public campaigns under one index, optionally of one year or tag."""
        queryset = self.visible().child_of(index)
        if year is not None:
            queryset = queryset.filter(date__year=year)
        if tag:
            queryset = queryset.filter(tags__slug=tag)
        return queryset.with_cards().prefetch_related("tags").distinct()

    def years_in(self, index) -> list[int]:
        """Years with at least one public campaign under ``index``, newest first."""
        years = (
            self.visible()
            .child_of(index)
            .annotate(year=ExtractYear("date"))
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        return list(years)

    def tags_in(self, index) -> list[Tag]:
        """Tags used by public campaigns under ``index``, by name."""
        return self._tags_under(index, "campaigns_campaignpagetag_items")

    def related_to(self, page) -> list:
        """Other public campaigns sharing a tag with ``page``, most shared first."""
        tag_ids = [tag.pk for tag in page.tags.all()]
        queryset = self.visible(locale=page.locale).in_site_of(page).exclude(pk=page.pk)
        if tag_ids:
            queryset = queryset.filter(tags__in=tag_ids).annotate(shared=Count("tags"))
            queryset = queryset.order_by("-shared", "-date", "-pk")
        return list(queryset.with_cards()[: conf.RELATED_COUNT])


class VideoStoryPageQuerySet(_ListedPageQuerySet):
    card_image = "poster_image"
    # A card falls back to the upload's duration.
    card_also = ("video",)

    def in_index(self, index, *, tag: str | None = None):
        """The public video stories under one index, optionally of one topic."""
        queryset = self.visible().child_of(index)
        if tag:
            queryset = queryset.filter(tags__slug=tag)
        return queryset.with_cards().prefetch_related("tags").distinct()

    def topics_in(self, index) -> list[Tag]:
        """Topics used by public video stories under ``index``, by name."""
        return self._tags_under(index, "campaigns_videostorypagetag_items")

    def latest(self, *, site_of, exclude=(), limit: int | None = None) -> list:
        """The newest public video stories in the site and language of ``site_of``."""
        queryset = (
            self.visible(locale=site_of.locale)
            .in_site_of(site_of)
            .exclude(pk__in=list(exclude))
        )
        return list(queryset.with_cards()[: limit or conf.VIDEO_SIDEBAR_COUNT])

    def beside(self, campaign) -> list:
        """Stories beside a campaign: the editor's picks, then those linked back."""
        picked_ids = list(
            campaign.related_video_links.order_by("sort_order").values_list(
                "video_story_id", flat=True
            )
        )
        linked = (
            self.visible()
            .with_cards()
            .filter(Q(pk__in=picked_ids) | Q(related_campaign=campaign))
        )
        by_id = {story.pk: story for story in linked}
        ordered = [by_id.pop(pk) for pk in picked_ids if pk in by_id]
        linked_back = sorted(by_id.values(), key=lambda story: story.date, reverse=True)
        return (ordered + linked_back)[: conf.VIDEO_SIDEBAR_COUNT]
