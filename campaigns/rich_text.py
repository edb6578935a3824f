"""Rich-text link and embed handlers that read objects fetched in bulk.

They behave exactly like Wagtail's own, except that inside
:func:`campaigns.references.resolved_references` they take pages, documents and
images from the response's scope instead of one query per rich-text value.
"""

from django.utils.html import format_html
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.images.rich_text import ImageEmbedHandler
from wagtail.rich_text.pages import PageLinkHandler

from campaigns.references import from_scope


def _ids(attrs_list: list[dict]) -> list:
    return [attrs.get("id") for attrs in attrs_list]


class BulkPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        # Pages in the scope are already localized (see references._localized_pages).
        resolved = from_scope("page", _ids(attrs_list))
        if resolved is None:
            return super().expand_db_attributes_many(attrs_list)
        return [
            format_html('<a href="{}">', page.url) if page else "<a>"
            for page in resolved
        ]


class BulkDocumentLinkHandler(DocumentLinkHandler):
    @classmethod
    def get_many(cls, attrs_list):
        resolved = from_scope("document", _ids(attrs_list))
        return resolved if resolved is not None else super().get_many(attrs_list)


class BulkImageEmbedHandler(ImageEmbedHandler):
    @classmethod
    def get_many(cls, attrs_list):
        resolved = from_scope("image", _ids(attrs_list))
        return resolved if resolved is not None else super().get_many(attrs_list)
