"""What a video story plays, read without the network: its source, player and length.

The video story template and its ``<head>`` (:mod:`campaigns.seo`) read the
same values from here.
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


def titled_player(embed, title: str) -> SafeString:
    """The embed's player HTML, its first frame given ``title`` if it had none."""
    label = escape(title or embed.title or gettext("Video"))
    player = _IFRAME_WITHOUT_TITLE.sub(
        f'<iframe title="{label}"', embed.html or "", count=1
    )
    # Safe: the HTML comes from the embed provider through Wagtail's Embed table,
    # which editors fill by choosing an allowed provider's URL.
    return mark_safe(player)  # noqa: S308


def _file_size(file) -> int | None:
    try:
        return file.size
    except (OSError, ValueError):
        return None


def _player_url(embed_html: str) -> str:
    """The address of the provider's player frame, if it is an http(s) one."""
    found = _IFRAME_SRC.search(embed_html or "")
    if not found:
        return ""
    url = unescape(found.group(1))
    if url.startswith("//"):
        url = "https:" + url
    return url if url.startswith(("https://", "http://")) else ""


def video_player(page) -> dict | None:
    """What a video story page needs to play its video, read without the network.

    An upload gives its URL, MIME type, size and frame size. An external address
    gives the stored embed's player HTML with a frame title, and the player's own
    URL; both are empty until the embed is stored, then the page links out only.
    """
    media = page.video if page.video_id else None
    if media is not None:
        return {
            "kind": "upload",
            "url": media.url,
            "mime_type": mime_type(media.file.name),
            "extension": media.file.name.rpartition(".")[2].upper(),
            "size": _file_size(media.file),
            "width": media.width or None,
            "height": media.height or None,
        }
    if page.video_url:
        embed = stored_embed(page.video_url)
        if embed is None:
            return {"kind": "embed", "url": page.video_url, "html": ""}
        return {
            "kind": "embed",
            "url": page.video_url,
            "html": titled_player(embed, page.title) if embed.html else "",
            "player_url": _player_url(embed.html),
            "width": embed.width or None,
            "height": embed.height or None,
            "thumbnail_url": embed.thumbnail_url or "",
            "provider": embed.provider_name or "",
        }
    return None
