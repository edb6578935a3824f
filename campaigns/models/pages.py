"""Campaign page types (DESIGN §4)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from campaigns import conf
from campaigns.api_fields import (
    CommentCountField,
    DocumentField,
    ImageField,
    RelatedVideoStoriesField,
    SeoField,
    TagNamesField,
    ViewCountField,
)
from campaigns.blocks import StoryStreamBlock
from campaigns.listing import paginate, tag_filter, year_filter
from campaigns.models.commentable import CommentablePageMixin
from campaigns.models.listing import ListingIndexPage
from campaigns.models.localize import kept_per_language
from campaigns.models.pins import CampaignIndexPageForm
from campaigns.models.querysets import CampaignPageQuerySet
from campaigns.models.videos import VideoStoryPage
from campaigns.preview import HeadlessPreviewMixin
from campaigns.search import FoldedSearchMixin
from campaigns.slugs import AsciiSlugMixin


class CampaignIndexPage(RoutablePageMixin, ListingIndexPage):
    """The list of campaign announcements, newest first, with its feeds."""

    subpage_types = ["campaigns.CampaignPage"]

    #: The feeds of the index, by route: views named here, not imported.
    feed_views = {
        "rss": "campaigns.feeds.CampaignRssFeed",
        "atom": "campaigns.feeds.CampaignAtomFeed",
    }

    content_panels = [
        *ListingIndexPage.content_panels,
        InlinePanel(
            "pinned_campaigns",
            label=_("Pinned campaign"),
            heading=_("Pinned campaigns"),
            help_text=_(
                "Featured first on the home page, in this order. Only campaigns "
                "of this index can be pinned."
            ),
            max_num=6,
        ),
    ]
    base_form_class = CampaignIndexPageForm
    # Each language pins its own campaigns: a copy or a new translation starts
    # with none, and wagtail-localize (when the host has it) neither translates
    # nor syncs them.
    exclude_fields_in_copy = ["pinned_campaigns"]
    override_translatable_fields = kept_per_language("pinned_campaigns")

    def listing_context(self, request) -> dict:
        """One page of campaigns, filtered by ``?year=`` and ``?tag=``."""
        year, tag = year_filter(request), tag_filter(request)
        campaigns = CampaignPage.objects.in_index(self, year=year, tag=tag)
        page, paginator = paginate(campaigns, request)
        return {
            "campaigns": page,
            "paginator": paginator,
            # Lazy: a cached fragment of the page may not need them.
            "years": SimpleLazyObject(lambda: CampaignPage.objects.years_in(self)),
            "tags": SimpleLazyObject(lambda: CampaignPage.objects.tags_in(self)),
            "selected_year": year,
            "selected_tag": tag,
        }

    def feed_items(self):
        """The latest public campaigns of the index, for its feeds."""
        campaigns = CampaignPage.objects.visible().child_of(self)
        return campaigns.prefetch_related("tags")[: conf.FEED_ITEM_COUNT]

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return import_string(self.feed_views["rss"])()(request, index=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return import_string(self.feed_views["atom"])()(request, index=self)

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")


class CampaignPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("campaign page tag")
        verbose_name_plural = _("campaign page tags")


class CampaignPage(
    HeadlessPreviewMixin, CommentablePageMixin, FoldedSearchMixin, AsciiSlugMixin, Page
):
    """A campaign announcement, like the portal's "Phát động phong trào thi đua"."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    source = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        default="CTTĐT",
        help_text=_("Byline or source, for example CTTĐT or the issuing office."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=600,
        validators=[MaxLengthValidator(600)],
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_caption = models.CharField(_("hero image caption"), max_length=300, blank=True)
    slogan = models.CharField(_("slogan"), max_length=200, blank=True)
    period_start = models.DateField(_("campaign starts"), null=True, blank=True)
    period_end = models.DateField(_("campaign ends"), null=True, blank=True)
    issuing_bodies = models.TextField(
        _("issuing bodies"),
        blank=True,
        help_text=_("One body per line, for example UBND tỉnh."),
    )
    dispatch_number = models.CharField(
        _("official dispatch number"), max_length=80, blank=True
    )
    dispatch_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("official dispatch (PDF)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through=CampaignPageTag, blank=True
    )
    # Tags are words of the page's language: each edition has its own.
    override_translatable_fields = kept_per_language("tags", "tagged_items")
    body = StreamField(StoryStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(CampaignPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("source")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption")],
            heading=_("Hero image"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("slogan"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldPanel("issuing_bodies"),
                FieldRowPanel(
                    [FieldPanel("dispatch_number"), FieldPanel("dispatch_document")]
                ),
            ],
            heading=_("Campaign facts"),
        ),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "related_video_links",
            label=_("Related video story"),
            heading=_("Related video stories"),
        ),
    ]
    settings_panels = [*Page.settings_panels, *CommentablePageMixin.comment_panels]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("slogan"),
        index.SearchField("body"),
        index.SearchField("search_text_folded"),
        index.FilterField("date"),
    ]
    folded_search_sources = ("title", "lead", "slogan", "issuing_bodies", "body")

    #: Open Graph type and shared image (see :mod:`campaigns.seo`).
    og_type = "article"
    share_image_field = "hero_image"

    api_fields = [
        APIField("date"),
        APIField("source"),
        APIField("lead"),
        APIField("hero_image", serializer=ImageField(source="hero_image_id")),
        APIField("hero_caption"),
        APIField("slogan"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("issuing_bodies"),
        APIField("dispatch_number"),
        APIField(
            "dispatch_document", serializer=DocumentField(source="dispatch_document_id")
        ),
        APIField("tags", serializer=TagNamesField()),
        APIField("body"),
        APIField(
            "related_video_stories", serializer=RelatedVideoStoriesField(source="*")
        ),
        APIField("comments_enabled"),
        APIField("comment_count", serializer=CommentCountField(source="*")),
        APIField("view_count", serializer=ViewCountField(source="*")),
        APIField("seo", serializer=SeoField(source="*")),
    ]

    #: Relations the API and listings read for every page, fetched in bulk.
    bulk_prefetch = ["related_video_links__video_story"]

    @property
    def issuing_body_list(self) -> list[str]:
        return [
            line.strip() for line in self.issuing_bodies.splitlines() if line.strip()
        ]

    def clean(self):
        super().clean()
        if (
            self.period_start
            and self.period_end
            and self.period_end < self.period_start
        ):
            raise ValidationError(
                {"period_end": _("The campaign cannot end before it starts.")}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns_base_template"] = conf.BASE_TEMPLATE
        # Lazy: a cached fragment of the page may not need them.
        context["related_campaigns"] = SimpleLazyObject(
            lambda: CampaignPage.objects.related_to(self)
        )
        context["video_stories"] = SimpleLazyObject(
            lambda: VideoStoryPage.objects.beside(self)
        )
        return context

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")
