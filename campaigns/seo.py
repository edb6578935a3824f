"""What a page tells search engines and link previews, as the APIs give it.

The same values the server-rendered ``<head>`` prints (``<title>``, the meta
description, ``og:*`` and the canonical link), so a headless front-end can
print an identical head. Page types declare ``og_type`` and, when they have
one, the image field shared as ``og:image`` (``share_image_field``).
"""

from typing_extensions import TypedDict
from wagtail.images import get_image_model
from wagtail.models import Page

from campaigns import conf
from campaigns.references import from_scope
from campaigns.renditions import rendition_of


class ShareImage(TypedDict):
    url: str
    width: int
    height: int
    alt: str


class PageSeo(TypedDict):
    title: str
    description: str
    canonical_url: str | None
    og_type: str
    image: ShareImage | None


def page_seo(page: Page, *, request=None) -> PageSeo:
    """The page's title, description, canonical URL, Open Graph type and image.

    The description is the editor's search description, else the page's lead.
    URLs are absolute, on the page's site. Inside an API response's reference
    scope the image and its rendition are already fetched: no query.
    """
    parts = page.get_url_parts(request=request)
    root_url = parts[1] if parts else None
    return {
        "title": page.seo_title or page.title,
        "description": page.search_description or getattr(page, "lead", "") or "",
        "canonical_url": root_url + parts[2] if parts else None,
        "og_type": getattr(page, "og_type", "website"),
        "image": _share_image(page, root_url),
    }


def _share_image(page: Page, root_url: str | None) -> ShareImage | None:
    field = getattr(page, "share_image_field", None)
    image_id = getattr(page, f"{field}_id", None) if field else None
    if image_id is None:
        return None
    found = from_scope("image", [image_id])
    image = found[0] if found else get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return None
    # The "large" rendition (1200 pixels wide by default) is the shared one.
    rendition = rendition_of(image, conf.RENDITION_SPECS["large"])
    url = rendition.url
    if root_url and not url.startswith(("http://", "https://")):
        url = root_url + url
    return {
        "url": url,
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text or "",
    }
