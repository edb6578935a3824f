"""Images as clean JSON: renditions with URL, size and alt text."""

from campaigns.conf import RENDITION_SPECS


def image_representation(image, *, alt: str | None = None) -> dict | None:
    """The API shape of an image: its id, alt text and one entry per named rendition.

    Renditions come from the image's prefetched renditions when the caller fetched
    it inside :func:`campaigns.references.resolved_references`.
    """
    if image is None:
        return None
    renditions = {}
    for name, spec in RENDITION_SPECS.items():
        rendition = image.get_rendition(spec)
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
