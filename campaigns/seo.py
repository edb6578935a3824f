"""The one builder of a page's ``<head>``: what search engines and link previews read.

Title, description, canonical URL, hreflang alternates, Open Graph and
JSON-LD, built here and nowhere else: ``campaigns/includes/head.html`` prints
them (``{% campaigns_head page %}``) and both APIs return them as the page's
``seo``, so a headless front-end can print an identical head. Page types
declare ``og_type`` and, when they have one, the image field shared as
``og:image`` (``share_image_field``); ``article`` and ``video.other`` pages
also describe themselves as a schema.org NewsArticle or VideoObject.
"""

from html import unescape

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.module_loading import import_string
from django.utils.timezone import localtime
from typing_extensions import TypedDict
from wagtail.coreutils import get_content_languages
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from campaigns import conf
from campaigns.media import iso_duration, video_source
from campaigns.references import from_scope, listing_value
from campaigns.renditions import rendition_of

_OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


class ShareImage(TypedDict):
    url: str
    width: int
    height: int
    alt: str


class Alternate(TypedDict):
    language: str
    url: str


class MetaProperty(TypedDict):
    property: str
    content: str


class PageSeo(TypedDict):
    title: str
    description: str
    canonical_url: str | None
    og_type: str
    image: ShareImage | None
    #: ``og:site_name``, also the JSON-LD publisher's name.
    site_name: str
    #: ``og:locale`` (``vi_VN``).
    locale: str
    #: ``<link rel="alternate" hreflang>``: the page's public editions, itself
    #: included; empty when it has no other.
    alternates: list[Alternate]
    #: The page type's further Open Graph properties (``article:tag``,
    #: ``og:video``…), in order.
    properties: list[MetaProperty]
    twitter_card: str
    #: The schema.org description of the page, None for pages without one.
    json_ld: dict | None


def og_locale(language_code: str) -> str:
    """The Open Graph locale (``vi_VN``) of a language code."""
    code = (language_code or "").split("-")[0].lower()
    return _OG_LOCALES.get(code, code)


def page_title(page: Page) -> str:
    """The title the page is shown under: the editor's SEO title, else its own."""
    return page.seo_title or page.title


def page_seo(page: Page, *, request=None) -> PageSeo:
    """Everything the page's ``<head>`` says about it.

    The description is the editor's search description, else the page's lead.
    URLs are absolute, on the page's site. Inside an API response's reference
    scope the image, its rendition and the translations are already fetched;
    the site's name and home URL are read once per request.
    """
    parts = page.get_url_parts(request=request)
    site_id, root_url = (parts[0], parts[1]) if parts else (None, None)
    canonical_url = root_url + parts[2] if parts else None
    image = _share_image(page, root_url)
    head: PageSeo = {
        "title": page_title(page),
        "description": page.search_description or getattr(page, "lead", "") or "",
        "canonical_url": canonical_url,
        "og_type": getattr(page, "og_type", "website"),
        "image": image,
        "site_name": "",
        "locale": og_locale(page.locale.language_code),
        "alternates": _alternates(page, request),
        "properties": [],
        "twitter_card": "summary_large_image" if image else "summary",
        "json_ld": None,
    }
    publisher = _publisher(page, site_id, request)
    head["site_name"] = publisher["name"]
    describe = _DESCRIBERS.get(head["og_type"])
    if describe is not None:
        describe(page, head, publisher, root_url)
    return head


def _absolute(url: str, root_url: str | None) -> str:
    if root_url and url and not url.startswith(("http://", "https://")):
        return root_url + url
    return url


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
    return {
        "url": _absolute(rendition.url, root_url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": image.default_alt_text or "",
    }


def _alternates(page: Page, request) -> list[Alternate]:
    editions = listing_value("translations", page)
    if not editions:
        return []
    order = list(get_content_languages())
    editions = sorted(
        [page, *editions],
        key=lambda edition: (
            order.index(edition.locale.language_code)
            if edition.locale.language_code in order
            else len(order)
        ),
    )
    return [
        {
            "language": edition.locale.language_code,
            "url": edition.get_full_url(request=request),
        }
        for edition in editions
    ]


def _publisher(page: Page, site_id: int | None, request) -> dict:
    """The site as a schema.org Organization: its name and its home page's URL.

    Read once per request, site and language (a listing's pages share them).
    """
    language = page.locale.language_code
    known = getattr(request, "_campaigns_publishers", {})
    key = (site_id, language)
    if key not in known:
        known[key] = _read_publisher(site_id, page, request)
        if request is not None:
            request._campaigns_publishers = known
    return known[key]


def _read_publisher(site_id: int | None, page: Page, request) -> dict:
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return {"@type": "Organization", "name": ""}
    language = page.locale.language_code
    path = conf.SITE_NAME_FUNCTION
    if path:
        name = import_string(path)(site, language)
    else:
        # The Wagtail site's name, else the admin's name for the installation.
        name = site.site_name or getattr(settings, "WAGTAIL_SITE_NAME", site.hostname)
    publisher = {"@type": "Organization", "name": name}
    home = site.root_page.get_translation_or_none(page.locale) or site.root_page
    if home.live:
        publisher["url"] = home.get_full_url(request=request)
    return publisher


def _modified(page: Page) -> str | None:
    modified = page.last_published_at or page.latest_revision_created_at
    return localtime(modified).replace(microsecond=0).isoformat() if modified else None


def _tag_names(page: Page) -> list[str]:
    return [tag.name for tag in page.tags.all()]


def _describe_article(page, head: PageSeo, publisher: dict, root_url) -> None:
    """A campaign: its dates and topics, and a schema.org NewsArticle."""
    published = page.date.isoformat() if page.date else None
    keywords = _tag_names(page)
    properties = head["properties"]
    if published:
        properties.append({"property": "article:published_time", "content": published})
    if page.last_published_at:
        properties.append(
            {
                "property": "article:modified_time",
                "content": localtime(page.last_published_at).isoformat(),
            }
        )
    properties.extend({"property": "article:tag", "content": name} for name in keywords)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": head["description"],
        "datePublished": published,
        "dateModified": _modified(page) or published,
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": {"@type": "WebPage", "@id": head["canonical_url"]},
        "url": head["canonical_url"],
        "author": publisher,
        "publisher": publisher,
    }
    if head["image"]:
        data["image"] = [head["image"]["url"]]
    if keywords:
        data["keywords"] = keywords
    head["json_ld"] = data


def _describe_video(page, head: PageSeo, publisher: dict, root_url) -> None:
    """A video story: its video, length and topics, and a schema.org VideoObject."""
    player = video_source(page) or {}
    properties = head["properties"]
    if player.get("kind") == "upload":
        video_url = _absolute(player["url"], root_url)
        properties.append({"property": "og:video", "content": video_url})
        if video_url.startswith("https://"):
            properties.append({"property": "og:video:secure_url", "content": video_url})
        if player["mime_type"]:
            properties.append(
                {"property": "og:video:type", "content": player["mime_type"]}
            )
    elif player.get("kind") == "embed":
        embed_url = player.get("player_url") or head["canonical_url"] or ""
        properties.append({"property": "og:video", "content": embed_url})
        properties.append({"property": "og:video:type", "content": "text/html"})
    if player.get("width") and player.get("height"):
        properties.append(
            {"property": "og:video:width", "content": str(player["width"])}
        )
        properties.append(
            {"property": "og:video:height", "content": str(player["height"])}
        )
    if page.duration_seconds:
        properties.append(
            {"property": "video:duration", "content": str(page.duration_seconds)}
        )
    published = page.date.isoformat() if page.date else None
    if published:
        properties.append({"property": "video:release_date", "content": published})
    keywords = _tag_names(page)
    properties.extend({"property": "video:tag", "content": name} for name in keywords)

    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": page.title,
        "description": head["description"],
        "uploadDate": published,
        "inLanguage": page.locale.language_code,
        "url": head["canonical_url"],
        "publisher": publisher,
    }
    thumbnail = head["image"]["url"] if head["image"] else player.get("thumbnail_url")
    if thumbnail:
        data["thumbnailUrl"] = [thumbnail]
    duration = iso_duration(page.duration_seconds)
    if duration:
        data["duration"] = duration
    if player.get("kind") == "upload":
        data["contentUrl"] = _absolute(player["url"], root_url)
        if player["mime_type"]:
            data["encodingFormat"] = player["mime_type"]
    elif player.get("kind") == "embed":
        data["embedUrl"] = player.get("player_url") or player["url"]
    # A space before each closing tag keeps paragraphs apart once tags are gone.
    text = strip_tags((page.transcript or "").replace("</", " </"))
    transcript = " ".join(unescape(text).split())
    if transcript:
        data["transcript"] = transcript
    if keywords:
        data["keywords"] = keywords
    head["json_ld"] = data


#: What each Open Graph type adds to the head, by ``og_type``.
_DESCRIBERS = {"article": _describe_article, "video.other": _describe_video}
