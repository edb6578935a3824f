"""Video story page types: the portal's "PS …" reportages (DESIGN §4)."""

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
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index
from wagtailmedia.edit_handlers import MediaChooserPanel

from campaigns import conf
from campaigns.api_fields import (
    CaptionTracksField,
    CommentCountField,
    ImageField,
    RelatedPageField,
    SeoField,
    TagNamesField,
    VideoSourceField,
    ViewCountField,
)
from campaigns.blocks import StoryStreamBlock
from campaigns.listing import paginate, tag_filter
from campaigns.models.commentable import CommentablePageMixin
from campaigns.models.listing import ListingIndexPage
from campaigns.models.localize import kept_per_language
from campaigns.models.querysets import VideoStoryPageQuerySet
from campaigns.preview import HeadlessPreviewMixin
from campaigns.search import FoldedSearchMixin
from campaigns.slugs import AsciiSlugMixin
from campaigns.validators import (
    validate_embeddable,
    validate_video_media,
    validate_video_url,
    validate_webvtt_document,
)


class VideoStoryIndexPage(ListingIndexPage):
    """The list of video stories, newest first, filterable by topic."""

    subpage_types = ["campaigns.VideoStoryPage"]

    def listing_context(self, request) -> dict:
        """One page of video stories, filtered by ``?tag=`` (a topic)."""
        tag = tag_filter(request)
        page, paginator = paginate(
            VideoStoryPage.objects.in_index(self, tag=tag), request
        )
        return {
            "video_stories": page,
            "paginator": paginator,
            "topics": SimpleLazyObject(lambda: VideoStoryPage.objects.topics_in(self)),
            "selected_tag": tag,
        }

    class Meta:
        verbose_name = _("video story index")
        verbose_name_plural = _("video story indexes")


class VideoStoryPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "campaigns.VideoStoryPage",
        on_delete=models.CASCADE,
        related_name="tagged_items",
    )

    class Meta:
        verbose_name = _("video story tag")
        verbose_name_plural = _("video story tags")


class VideoStoryPage(
    HeadlessPreviewMixin, CommentablePageMixin, FoldedSearchMixin, AsciiSlugMixin, Page
):
    """A short video reportage with its poster, captions and transcript."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    lead = models.TextField(
        _("lead"),
        max_length=600,
        validators=[MaxLengthValidator(600)],
        help_text=_("One or two sentences shown under the title and in listings."),
    )
    video = models.ForeignKey(
        "wagtailmedia.Media",
        verbose_name=_("uploaded video"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    video_url = models.URLField(
        _("external video address"),
        blank=True,
        validators=[validate_video_url],
        help_text=_("A YouTube or Vimeo address, instead of an uploaded video."),
    )
    poster_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays and in listings."),
    )
    duration = models.DurationField(
        _("duration"),
        null=True,
        blank=True,
        help_text=_("For example 00:03:20. Filled from an uploaded video if empty."),
    )
    transcript = RichTextField(
        _("transcript"),
        blank=True,
        features=["bold", "italic", "ol", "ul"],
        help_text=_("Everything said in the video, for readers who cannot hear it."),
    )
    body = StreamField(StoryStreamBlock(), blank=True, verbose_name=_("body"))
    related_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("related campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="video_stories",
    )
    tags = ClusterTaggableManager(
        verbose_name=_("topics"), through=VideoStoryPageTag, blank=True
    )
    # Topics are words of the page's language: each edition has its own.
    override_translatable_fields = kept_per_language("tags", "tagged_items")

    parent_page_types = ["campaigns.VideoStoryIndexPage"]
    subpage_types: list[str] = []

    objects = PageManager.from_queryset(VideoStoryPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date"), FieldPanel("duration")]),
        FieldPanel("lead"),
        MultiFieldPanel(
            [
                MediaChooserPanel("video", media_type="video"),
                FieldPanel("video_url"),
                FieldPanel("poster_image"),
            ],
            heading=_("Video"),
            help_text=_("Upload a video or give an external address, not both."),
        ),
        InlinePanel("captions", label=_("Caption track"), heading=_("Captions")),
        FieldPanel("transcript"),
        FieldPanel("body"),
        FieldPanel("related_campaign"),
        FieldPanel("tags"),
    ]
    settings_panels = [*Page.settings_panels, *CommentablePageMixin.comment_panels]

    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("transcript"),
        index.SearchField("body"),
        index.SearchField("search_text_folded"),
        index.FilterField("date"),
    ]
    folded_search_sources = ("title", "lead", "transcript", "body")

    #: Open Graph type and shared image (see :mod:`campaigns.seo`).
    og_type = "video.other"
    share_image_field = "poster_image"

    api_fields = [
        APIField("date"),
        APIField("lead"),
        APIField("video_source", serializer=VideoSourceField(source="*")),
        APIField("poster_image", serializer=ImageField(source="poster_image_id")),
        APIField("duration_seconds"),
        APIField("captions", serializer=CaptionTracksField(source="*")),
        APIField("transcript"),
        APIField("related_campaign", serializer=RelatedPageField()),
        APIField("tags", serializer=TagNamesField()),
        APIField("body"),
        APIField("comments_enabled"),
        APIField("comment_count", serializer=CommentCountField(source="*")),
        APIField("view_count", serializer=ViewCountField(source="*")),
        APIField("seo", serializer=SeoField(source="*")),
    ]

    #: Relations the API and listings read for every page, fetched in bulk.
    bulk_prefetch = ["video", "captions__document", "related_campaign"]

    @property
    def duration_seconds(self) -> int | None:
        """Whole seconds: the editor's value, else what the upload reports."""
        if self.duration is not None:
            return int(self.duration.total_seconds())
        if self.video_id and self.video and self.video.duration:
            return round(self.video.duration)
        return None

    def clean(self):
        super().clean()
        if bool(self.video_id) == bool(self.video_url):
            raise ValidationError(
                {
                    "video_url": ValidationError(
                        _(
                            "Give exactly one video source: upload a video or enter "
                            "an external address."
                        ),
                        code="one_video_source",
                    )
                }
            )
        if self.video_id:
            try:
                validate_video_media(self.video)
            except ValidationError as error:
                raise ValidationError({"video": error}) from error
        if self.video_url:
            try:
                validate_embeddable(self.video_url)
            except ValidationError as error:
                raise ValidationError({"video_url": error}) from error

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns_base_template"] = conf.BASE_TEMPLATE
        context["related_video_stories"] = SimpleLazyObject(
            lambda: VideoStoryPage.objects.latest(site_of=self, exclude=[self.pk])
        )
        return context

    class Meta:
        verbose_name = _("video story")
        verbose_name_plural = _("video stories")


class VideoCaption(Orderable):
    """One WebVTT caption track of a video story, in one language."""

    page = ParentalKey(
        VideoStoryPage, on_delete=models.CASCADE, related_name="captions"
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=[("vi", "Tiếng Việt"), ("en", "English")],
        default="vi",
    )
    label = models.CharField(
        _("label"), max_length=60, help_text=_("Shown in the player's caption menu.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("WebVTT file"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("label")]),
        FieldPanel("document"),
    ]

    def clean(self):
        super().clean()
        if self.document_id:
            try:
                validate_webvtt_document(self.document)
            except ValidationError as error:
                raise ValidationError({"document": error}) from error

    class Meta(Orderable.Meta):
        verbose_name = _("caption track")
        verbose_name_plural = _("caption tracks")


class CampaignPageRelatedVideo(Orderable):
    """A video story an editor lists beside a campaign page."""

    page = ParentalKey(
        "campaigns.CampaignPage",
        on_delete=models.CASCADE,
        related_name="related_video_links",
    )
    video_story = models.ForeignKey(
        VideoStoryPage,
        verbose_name=_("video story"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("video_story")]

    class Meta(Orderable.Meta):
        verbose_name = _("related video story")
        verbose_name_plural = _("related video stories")
