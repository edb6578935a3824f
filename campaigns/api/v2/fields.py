"""Serializer fields shared by the v2 API and, through Wagtail's shim, by v3."""

from rest_framework.fields import Field
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from campaigns.blocks import document_representation
from campaigns.references import from_scope
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
