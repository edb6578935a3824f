"""The v2 page serializer: Wagtail's, with the page's translations in ``meta``."""

from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.utils import get_object_detail_url
from wagtail.models import Page

from campaigns.api_fields import ReadOnlyField
from campaigns.references import listing_value


class TranslationsField(ReadOnlyField):
    """The page's live, public editions in other languages (a meta field).

    Each as ``{id, locale, title, html_url, detail_url}``; a listing fetches
    them for all its pages in one query.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page) -> list[dict]:
        request = self.context.get("request")
        router = self.context.get("router")
        return [
            {
                "id": edition.pk,
                "locale": edition.locale.language_code,
                "title": edition.title,
                "html_url": edition.get_full_url(request=request),
                "detail_url": get_object_detail_url(router, request, Page, edition.pk),
            }
            for edition in listing_value("translations", page)
        ]


class CampaignPageSerializer(PageSerializer):
    """Wagtail's page serializer with the ``translations`` meta field."""

    translations = TranslationsField()
