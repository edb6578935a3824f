"""How a video or a document is shown: one representation for every output.

The video story template, the JSON-LD, the StreamField blocks and both APIs
describe an uploaded video, a provider's embed or a document with these
functions, so they cannot disagree. Nothing here asks a provider over the
network: embeds are read from Wagtail's table (through the response's
references when a scope is open).
"""

import mimetypes
import re
from datetime import timedelta
from html import unescape

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from campaigns.references import stored_embed

_IFRAME_WITHOUT_TITLE = re.compile(r"<iframe\b(?![^>]*\btitle=)", re.IGNORECASE)
_IFRAME_SRC = re.compile(r"<iframe\b[^>]*?\bsrc=[\"']([^\"']+)[\"']", re.IGNORECASE)


def mime_type(file_name) -> str:
    """The MIME type a file's name suggests (``video/mp4``), "" when unknown."""
    name = getattr(file_name, "name", file_name)
    guessed, _encoding = mimetypes.guess_type(str(name or ""))
    return guessed or ""


def file_size(file) -> int | None:
    """The file's size in bytes, None when the storage cannot tell."""
    try:
        return file.size
    except (OSError, ValueError):
        return None


def whole_seconds(value) -> int | None:
    """Seconds from a number or a timedelta; None for anything else or negative."""
    if isinstance(value, timedelta):
        value = value.total_seconds()
    try:
        seconds = round(float(value))
    except (TypeError, ValueError, OverflowError):
        return None
    return seconds if seconds >= 0 else None


def iso_duration(value) -> str:
    """Seconds (or a timedelta) as an ISO 8601 duration: 200 gives ``PT3M20S``."""
    seconds = whole_seconds(value)
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


def titled_player(html: str, title: str) -> SafeString:
    """A provider's player HTML, its first frame given ``title`` if it had none."""
    label = escape(title or gettext("Video"))
    player = _IFRAME_WITHOUT_TITLE.sub(f'<iframe title="{label}"', html or "", count=1)
    # Safe: the HTML comes from the embed provider through Wagtail's Embed table,
    # which editors fill by choosing an allowed provider's URL.
    return mark_safe(player)  # noqa: S308


def player_url(html: str) -> str:
    """The address of the provider's player frame, if it is an http(s) one."""
    found = _IFRAME_SRC.search(html or "")
    if not found:
        return ""
    url = unescape(found.group(1))
    if url.startswith("//"):
        url = "https:" + url
    return url if url.startswith(("https://", "http://")) else ""


def upload_source(media) -> dict:
    """An uploaded video (wagtailmedia): its URL, type, size, frame and length."""
    return {
        "kind": "upload",
        "url": media.url,
        "mime_type": mime_type(media.file.name) or None,
        "extension": media.file.name.rpartition(".")[2].upper(),
        "size": file_size(media.file),
        "width": media.width or None,
        "height": media.height or None,
        "duration": media.duration or None,
    }


def embed_source(url: str, embed, *, title: str = "") -> dict:
    """A provider's video: its address and, once Wagtail stored it, the player.

    ``html`` and ``player_url`` are empty until the embed is stored; a reader
    is then only linked to the provider's page.
    """
    html = embed.html if embed is not None else ""
    return {
        "kind": "embed",
        "url": url,
        "html": titled_player(html, title or embed.title) if html else "",
        "player_url": player_url(html),
        "width": (embed.width or None) if embed is not None else None,
        "height": (embed.height or None) if embed is not None else None,
        "thumbnail_url": (embed.thumbnail_url or "") if embed is not None else "",
        "provider": (embed.provider_name or "") if embed is not None else "",
    }


def video_source(page) -> dict | None:
    """Where a video story's video comes from: its upload, else its embed."""
    if page.video_id:
        return upload_source(page.video)
    if page.video_url:
        return embed_source(
            page.video_url, stored_embed(page.video_url), title=page.title
        )
    return None


def document_representation(document) -> dict | None:
    """A document as a front-end links to it: title, URL, extension and size."""
    if document is None:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "url": document.url,
        "file_extension": document.file_extension,
        "file_size": document.file_size,
    }
