"""Images as clean JSON: renditions with URL, size and alt text."""

from wagtail.images.models import Filter

from campaigns import conf


def image_representation(image, *, alt: str | None = None) -> dict | None:
    """The API shape of an image: its id, alt text and one entry per named rendition.

    Renditions come from the image's prefetched renditions when the caller fetched
    it inside :func:`campaigns.references.resolved_references`.
    """
    if image is None:
        return None
    renditions = {}
    for name, spec in conf.RENDITION_SPECS.items():
        rendition = rendition_of(image, spec)
        renditions[name] = {
            "url": rendition.url,
            "width": rendition.width,
            "height": rendition.height,
        }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt if alt else (image.default_alt_text or ""),
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
    }


def rendition_of(image, spec: str):
    """The image's rendition for ``spec``, from its prefetched renditions if any.

    Wagtail's ``get_rendition`` writes the rendition to the renditions cache
    on every call, even one it found among the prefetched renditions: a cache
    round trip per rendition of each image of a response. An image fetched
    with ``prefetch_renditions`` (as :mod:`campaigns.references` does) needs
    no cache; any other goes through ``get_rendition`` and its cache.
    """
    if not hasattr(image, "prefetched_renditions"):
        return image.get_rendition(spec)
    rendition_filter = image.clean_filter_for_svg(Filter(spec=spec))
    try:
        return image.find_existing_rendition(rendition_filter)
    except image.get_rendition_model().DoesNotExist:
        return image.get_rendition(rendition_filter)
