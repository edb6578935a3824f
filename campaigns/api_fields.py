"""Serializer fields the page models declare, for v2 and (through Wagtail) v3.

A leaf: it reads the response's prefetched references and the values the API
layer registers for a listing (:mod:`campaigns.api.listed`), never models,
selectors or counters.
"""

from rest_framework.fields import Field
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from campaigns.media import document_representation, video_source
from campaigns.references import (
    from_scope,
    is_public,
    listing_value,
    page_summary,
)
from campaigns.renditions import image_representation
from campaigns.seo import PageSeo, page_seo


class ReadOnlyField(Field):
    """A serializer field that only reads (every field here is computed)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)


class _ScopedForeignKeyField(ReadOnlyField):
    """A foreign key read from the response's bulk-fetched references.

    Declared with ``source="<name>_id"``, so serialising a listing costs no
    query per page; outside a scope the object is fetched by its key.
    """

    #: Subclasses set the kind in the reference scope (``"image"``…), how to load
    #: the model and how to show one object.
    kind: str
    load_model: staticmethod
    represent: staticmethod

    def to_representation(self, value) -> dict | None:
        if value is None:
            return None
        resolved = from_scope(self.kind, [value])
        if resolved is None:
            resolved = [self.load_model().objects.filter(pk=value).first()]
        return self.represent(resolved[0])


class ImageField(_ScopedForeignKeyField):
    """An image foreign key as renditions with URL, size and alt text."""

    kind = "image"
    load_model = staticmethod(get_image_model)
    represent = staticmethod(image_representation)


class DocumentField(_ScopedForeignKeyField):
    """A document foreign key as its title, URL, extension and size."""

    kind = "document"
    load_model = staticmethod(get_document_model)
    represent = staticmethod(document_representation)


class TagNamesField(ReadOnlyField):
    """Tag names, sorted, read from the prefetched tags (Wagtail's field re-queries)."""

    def to_representation(self, value) -> list[str]:
        return sorted(tag.name for tag in value.all())


class VideoSourceField(ReadOnlyField):
    """Where a video story's video comes from: an uploaded file or an embed.

    Declared with ``source="*"``; the same description the page's player and
    JSON-LD use (:func:`campaigns.media.video_source`).
    """

    def to_representation(self, page) -> dict | None:
        return video_source(page)


class CaptionTracksField(ReadOnlyField):
    """The caption tracks of a video story: language, label and WebVTT URL."""

    def to_representation(self, page) -> list[dict]:
        return [
            {
                "language": caption.language,
                "label": caption.label,
                "url": caption.document.url,
                "mime_type": "text/vtt",
            }
            for caption in page.captions.all()
        ]


class RelatedPageField(ReadOnlyField):
    """A related page as ``{id, title, url}``, or None unless the public may see it."""

    def to_representation(self, page) -> dict | None:
        if page is None or not is_public(page):
            return None
        return page_summary(page, request=self.context.get("request"))


class RelatedVideoStoriesField(ReadOnlyField):
    """The public video stories an editor listed beside a campaign page."""

    def to_representation(self, page) -> list[dict]:
        request = self.context.get("request")
        return [
            page_summary(link.video_story, request=request)
            for link in page.related_video_links.all()
            if is_public(link.video_story)
        ]


class CommentCountField(ReadOnlyField):
    """Approved comments on the page, counted for a whole listing in one query.

    Declared with ``source="*"``.
    """

    def to_representation(self, page) -> int:
        return listing_value("comment_count", page)


class ViewCountField(ReadOnlyField):
    """Views of the page ("Lượt xem"), read for a whole listing at once.

    Declared with ``source="*"``. Counted views, the old portal's count and the
    views not yet flushed from Redis, as the page itself shows.
    """

    def to_representation(self, page) -> int:
        return listing_value("view_count", page)


class SeoField(ReadOnlyField):
    """The page's search and link-preview metadata, as its HTML ``<head>`` has it.

    Declared with ``source="*"``; see :mod:`campaigns.seo`.
    """

    def to_representation(self, page) -> PageSeo:
        return page_seo(page, request=self.context.get("request"))
