"""Serializer fields shared by the v2 API and, through Wagtail's shim, by v3."""

import mimetypes

from rest_framework.fields import Field
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from campaigns.blocks import document_representation
from campaigns.references import (
    from_scope,
    is_public,
    page_summary,
    stored_embed,
)
from campaigns.renditions import image_representation


class ImageField(Field):
    """An image foreign key as renditions with URL, size and alt text.

    Declared with ``source="<name>_id"`` so that the image comes from the
    response's bulk-fetched references instead of one query per page.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> dict | None:
        if value is None:
            return None
        resolved = from_scope("image", [value])
        if resolved is not None:
            return image_representation(resolved[0])
        image_model = get_image_model()
        return image_representation(image_model.objects.filter(pk=value).first())


class DocumentField(Field):
    """A document foreign key as its title, URL, extension and size."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> dict | None:
        if value is None:
            return None
        resolved = from_scope("document", [value])
        if resolved is not None:
            return document_representation(resolved[0])
        document_model = get_document_model()
        return document_representation(document_model.objects.filter(pk=value).first())


class TagNamesField(Field):
    """Tag names, sorted, read from the prefetched tags (Wagtail's field re-queries)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value) -> list[str]:
        return sorted(tag.name for tag in value.all())


class VideoSourceField(Field):
    """Where a video story's video comes from: an uploaded file or an embed.

    Declared with ``source="*"``: it reads the page's ``video`` (prefetched) and
    ``video_url``.
    """

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page) -> dict | None:
        media = page.video if page.video_id else None
        if media is not None:
            mime_type, _encoding = mimetypes.guess_type(media.file.name)
            return {
                "kind": "upload",
                "url": media.url,
                "mime_type": mime_type,
                "size": _file_size(media.file),
                "width": media.width,
                "height": media.height,
                "duration": media.duration or None,
            }
        if page.video_url:
            stored = stored_embed(page.video_url)
            return {
                "kind": "embed",
                "url": page.video_url,
                "html": stored.html if stored is not None else None,
                "provider": stored.provider_name if stored is not None else None,
            }
        return None


def _file_size(file) -> int | None:
    try:
        return file.size
    except OSError:
        return None


class CaptionTracksField(Field):
    """The caption tracks of a video story: language, label and WebVTT URL."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

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


class RelatedPageField(Field):
    """A related page as ``{id, title, url}``, or None unless the public may see it."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page) -> dict | None:
        if page is None or not is_public(page):
            return None
        return page_summary(page, request=self.context.get("request"))


class RelatedVideoStoriesField(Field):
    """The public video stories an editor listed beside a campaign page."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, page) -> list[dict]:
        request = self.context.get("request")
        return [
            page_summary(link.video_story, request=request)
            for link in page.related_video_links.all()
            if is_public(link.video_story)
        ]
