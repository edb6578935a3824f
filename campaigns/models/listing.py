"""What the campaign and video indexes share: an intro above a listing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from campaigns.api_fields import SeoField
from campaigns.slugs import AsciiSlugMixin


class ListingIndexPage(AsciiSlugMixin, Page):
    """An index of one kind of page: an intro above a page of its children.

    One per parent. Subclasses define ``listing_context(request)``, which
    gives the template its page of children and filters from the query string
    (see :mod:`campaigns.listing`).
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
        context.update(self.listing_context(request))
        return context

    def listing_context(self, request) -> dict:
        raise NotImplementedError

    class Meta:
        abstract = True
