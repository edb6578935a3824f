"""What the campaign and video indexes share: an intro above a listing."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.coreutils import resolve_model_string
from wagtail.fields import RichTextField
from wagtail.models import Page, get_page_models
from wagtail.search import index

from campaigns import conf
from campaigns.api_fields import SeoField
from campaigns.slugs import AsciiSlugMixin


class ListingIndexPage(AsciiSlugMixin, Page):
    """An index of one kind of page: an intro above a page of its children.

    One per parent page, under the page types the host allows
    (``CAMPAIGNS_INDEX_PARENT_PAGE_TYPES``). Subclasses define
    ``listing_context(request)``, which gives the template its page of children
    and filters from the query string (see :mod:`campaigns.listing`).
    """

    intro = RichTextField(
        _("introduction"), blank=True, features=["bold", "italic", "link"]
    )

    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("seo", serializer=SeoField(source="*"))]

    @classmethod
    def clean_parent_page_models(cls):
        """The page types of ``CAMPAIGNS_INDEX_PARENT_PAGE_TYPES``; any if unset.

        Resolved on each call rather than cached on the class as Wagtail does,
        so that the host's setting (and ``override_settings``) decides.
        """
        parent_page_types = conf.INDEX_PARENT_PAGE_TYPES
        if parent_page_types is None:
            return get_page_models()
        parents = [
            resolve_model_string(name, cls._meta.app_label)
            for name in parent_page_types
        ]
        for parent in parents:
            if not issubclass(parent, cls.base_page_model):
                raise LookupError(f"{parent} is not a Page subclass")
        return parents

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["campaigns_base_template"] = conf.BASE_TEMPLATE
        context.update(self.listing_context(request))
        return context

    class Meta:
        abstract = True
