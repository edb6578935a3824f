"""Campaign page types (DESIGN §4)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
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
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from campaigns.api.v2.fields import (
    CommentCountField,
    DocumentField,
    ImageField,
    RelatedVideoStoriesField,
    SeoField,
    TagNamesField,
    ViewCountField,
)
from campaigns.blocks import StoryStreamBlock
from campaigns.conf import base_template
from campaigns.models.commentable import CommentablePageMixin
from campaigns.preview import HeadlessPreviewMixin
from campaigns.search import FoldedSearchMixin
from campaigns.slugs import AsciiSlugMixin


class ListingIndexPage(AsciiSlugMixin, Page):
    """What the campaign and video indexes share: an intro above a listing.

    One per home page. Subclasses define ``listing_context(request)``, which
    gives the template its page of children and filters from the query string.
    """

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("seo", serializer=SeoField(source="*"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns_base_template"] = base_template()
        context.update(self.listing_context(request))
        return context

    class Meta:
        abstract = True


class CampaignIndexPage(RoutablePageMixin, ListingIndexPage):
    """The list of campaign announcements, newest first, with its feeds."""

    subpage_types = ["campaigns.CampaignPage"]

    def listing_context(self, request) -> dict:
        from campaigns.views.index import campaign_index_context

        return campaign_index_context(self, request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from campaigns.feeds import CampaignRssFeed

        return CampaignRssFeed()(request, index=self)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        from campaigns.feeds import CampaignAtomFeed

        return CampaignAtomFeed()(request, index=self)

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
    body = StreamField(StoryStreamBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []

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
        from campaigns.selectors import campaign_video_stories, related_campaigns

        context = super().get_context(request, *args, **kwargs)
        context["campaigns_base_template"] = base_template()
        # Lazy: a cached fragment of the page may not need them.
        context["related_campaigns"] = SimpleLazyObject(lambda: related_campaigns(self))
        context["video_stories"] = SimpleLazyObject(
            lambda: campaign_video_stories(self)
        )
        return context

    class Meta:
        verbose_name = _("campaign page")
        verbose_name_plural = _("campaign pages")
