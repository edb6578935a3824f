"""Template helpers of the campaign templates: the head, links, embeds, durations."""

import json

from django import template
from django.core.paginator import Page as PaginatorPage
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException
from wagtail.models import Page

from campaigns import media, references, seo
from campaigns.blocks import link_url
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


def json_for_script(data) -> SafeString:
    """``data`` as JSON that is safe inside a ``<script type="...json">`` element."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    # Safe: every character that could end the element is escaped above.
    return mark_safe(text.translate(_JSON_SCRIPT_ESCAPES))  # noqa: S308


@register.filter
def cta_url(value) -> str | None:
    """The address of a call-to-action block, None when its page is not live."""
    return link_url(value)


register.filter("og_locale", seo.og_locale)
register.simple_tag(seo.page_title, name="campaigns_page_title")
register.simple_tag(media.video_source, name="video_player")
register.filter("iso_duration", media.iso_duration)


@register.inclusion_tag("campaigns/includes/head.html", takes_context=True)
def campaigns_head(context, page) -> dict:
    """The page's ``<head>`` metadata, as :func:`campaigns.seo.page_seo` builds it."""
    return {"seo": seo.page_seo(page, request=context.get("request"))}


@register.filter
def json_ld(data) -> SafeString:
    """JSON-LD data as the content of its ``<script>`` element."""
    return json_for_script(data)


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


#: Quotation marks an editor may type around a slogan the template quotes itself.
_QUOTES = "\"'“”„‟«»‘’‚‛「」"


@register.filter
def unquoted(text: str) -> str:
    """``text`` without quotation marks around it: "“Ngày hội”" → "Ngày hội"."""
    return (text or "").strip().strip(_QUOTES).strip()


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
    return media.titled_player(embed.html, title or embed.title)


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


@register.filter
def clock_duration(value) -> str:
    """Seconds (or a timedelta) as players show them: ``3:20``, ``1:02:05``."""
    seconds = media.whole_seconds(value)
    if seconds is None:
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"
