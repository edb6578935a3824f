"""Template helpers of the campaign templates: links, feeds, embeds, JSON-LD."""

import json
from datetime import timedelta
from html import unescape

from django import template
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Page

from campaigns import references
from campaigns.blocks import link_url
from campaigns.media import mime_type, titled_player, video_source
from campaigns.models import CampaignIndexPage, VideoStoryIndexPage

register = template.Library()

#: What :func:`django.utils.html.json_script` escapes, so that no "</script>"
#: or HTML comment can be closed from inside the data.
_JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}
_OG_LOCALES = {"vi": "vi_VN", "en": "en_US"}


def json_for_script(data) -> SafeString:
    """``data`` as JSON that is safe inside a ``<script type="...json">`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Safe: every character that could end the element is escaped above.
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308


@register.filter
def cta_url(value) -> str | None:
    """The address of a call-to-action block, None when its page is not live."""
    return link_url(value)


@register.filter
def og_locale(language_code: str) -> str:
    """The Open Graph locale (``vi_VN``) of a language code."""
    code = (language_code or "").split("-")[0].lower()
    return _OG_LOCALES.get(code, code)


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str | None) -> str:
    """``url`` made absolute against the current page's site, else the request."""
    if not url:
        return ""
    if url.startswith(("http://", "https://")):
        return url
    page = context.get("page")
    if isinstance(page, Page) and page.pk:
        site = page.get_site()
        if site is not None:
            return site.root_url + url
    request = context.get("request")
    return request.build_absolute_uri(url) if request is not None else url


@register.simple_tag
def tags_of(page) -> list:
    """The page's tags, fetched once per page object however often they are shown."""
    cached = getattr(page, "_campaign_tag_list", None)
    if cached is None:
        cached = list(page.tags.all())
        page._campaign_tag_list = cached
    return cached


@register.simple_tag
def campaign_index_of(page: Page) -> Page | None:
    """The live, public campaign index below ``page`` (the home page), if any."""
    if page is None or not page.pk:
        return None
    return page.get_children().type(CampaignIndexPage).live().public().first()


@register.simple_tag
def video_index_of(page: Page) -> Page | None:
    """The live, public video story index below ``page`` (the home page), if any."""
    if page is None or not page.pk:
        return None
    return page.get_children().type(VideoStoryIndexPage).live().public().first()


@register.filter
def is_public(page) -> bool:
    """Whether anonymous readers may see ``page``: live and not view-restricted."""
    return isinstance(page, Page) and bool(page.pk) and references.is_public(page)


@register.simple_tag
def page_numbers(page_obj: PaginatorPage) -> list[int | None]:
    """Page numbers around the current one; None stands for a gap."""
    paginator = page_obj.paginator
    return [
        number if isinstance(number, int) else None
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=1, on_ends=1
        )
    ]


@register.simple_tag
def video_embed_html(embed_value, title: str = "") -> str:
    """The provider's player HTML, from Wagtail's embed table, with a frame title.

    Wagtail's responsive wrapper puts the ratio in a ``style`` attribute, which
    the site's Content-Security-Policy blocks; the stylesheet sizes the frame.
    """
    url = getattr(embed_value, "url", None)
    if not url:
        return ""
    try:
        embed = get_embed(url)
    except EmbedException:
        return ""
    return titled_player(embed.html, title or embed.title)


def _organisation(context, portal_name: str) -> dict:
    """The portal as a schema.org Organization, the author and publisher of pages."""
    organisation = {"@type": "Organization", "name": portal_name}
    home = context.get("portal_home_page")
    if isinstance(home, Page) and home.full_url:
        organisation["url"] = home.full_url
    return organisation


@register.simple_tag(takes_context=True)
def campaign_json_ld(context, page, *, portal_name: str = "", image_url: str = ""):
    """A schema.org NewsArticle describing ``page``, as a JSON-LD data block."""
    url = page.full_url
    published = page.date.isoformat() if page.date else None
    modified = page.last_published_at or page.latest_revision_created_at
    organisation = _organisation(context, portal_name)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.lead,
        "datePublished": published,
        "dateModified": (
            localtime(modified).replace(microsecond=0).isoformat()
            if modified
            else published
        ),
        "inLanguage": page.locale.language_code,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "author": organisation,
        "publisher": organisation,
    }
    if image_url:
        data["image"] = [image_url]
    keywords = [tag.name for tag in tags_of(page)]
    if keywords:
        data["keywords"] = keywords
    return json_for_script(data)


@register.simple_tag(takes_context=True)
def website_json_ld(context, home, *, portal_name: str = "", search_url: str = ""):
    """A schema.org WebSite for the home page, with its site search."""
    url = home.full_url if isinstance(home, Page) else ""
    data = {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": portal_name,
        "url": url,
        "inLanguage": home.locale.language_code if isinstance(home, Page) else "",
    }
    if search_url:
        data["potentialAction"] = {
            "@type": "SearchAction",
            "target": absolute_url(context, search_url) + "?q={search_term_string}",
            "query-input": "required name=search_term_string",
        }
    return json_for_script(data)


register.filter("mime_type", mime_type)


def _whole_seconds(value) -> int | None:
    """Seconds from a number or a timedelta; None for anything else or negative."""
    if isinstance(value, timedelta):
        value = value.total_seconds()
    try:
        seconds = round(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return seconds if seconds >= 0 else None


@register.filter
def iso_duration(value) -> str:
    """Seconds (or a timedelta) as an ISO 8601 duration: 200 gives ``PT3M20S``."""
    seconds = _whole_seconds(value)
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if seconds or text == "PT":
        text += f"{seconds}S"
    return text


@register.filter
def clock_duration(value) -> str:
    """Seconds (or a timedelta) as players show them: ``3:20``, ``1:02:05``."""
    seconds = _whole_seconds(value)
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


@register.simple_tag
def video_player(page) -> dict | None:
    """What a video story page needs to play its video (:mod:`campaigns.media`)."""
    return video_source(page)


@register.simple_tag(takes_context=True)
def video_json_ld(context, page, *, portal_name: str = "", thumbnail_url: str = ""):
    """A schema.org VideoObject describing ``page``, as a JSON-LD data block."""
    player = video_player(page) or {}
    data = {
        "@context": "https://schema.org",
        "@type": "VideoObject",
        "name": page.title,
        "description": page.lead,
        "uploadDate": page.date.isoformat() if page.date else None,
        "inLanguage": page.locale.language_code,
        "url": page.full_url,
        "publisher": _organisation(context, portal_name),
    }
    thumbnail = thumbnail_url or player.get("thumbnail_url")
    if thumbnail:
        data["thumbnailUrl"] = [thumbnail]
    duration = iso_duration(page.duration_seconds)
    if duration:
        data["duration"] = duration
    if player.get("kind") == "upload":
        data["contentUrl"] = absolute_url(context, player["url"])
        if player["mime_type"]:
            data["encodingFormat"] = player["mime_type"]
    elif player.get("kind") == "embed":
        data["embedUrl"] = player.get("player_url") or player["url"]
    # A space before each closing tag keeps paragraphs apart once tags are gone.
    text = strip_tags((page.transcript or "").replace("</", " </"))
    transcript = " ".join(unescape(text).split())
    if transcript:
        data["transcript"] = transcript
    keywords = [tag.name for tag in tags_of(page)]
    if keywords:
        data["keywords"] = keywords
    return json_for_script(data)
