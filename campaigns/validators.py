"""Validation of what editors attach to video stories, with messages they can act on."""

import mimetypes
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException

#: Bytes read from a caption file to recognise it.
_WEBVTT_SNIFF_BYTES = 16


def validate_video_url(value: str) -> None:
    """Only http(s) addresses: ``javascript:`` and ``ftp:`` never reach a player."""
    if value and urlsplit(value).scheme.lower() not in {"http", "https"}:
        raise ValidationError(
            _("Enter a web address that starts with http:// or https://."),
            code="video_url_scheme",
        )


def validate_embeddable(url: str) -> None:
    """The address must be playable through an embed provider (YouTube, Vimeo, …).

    Like Wagtail's ``EmbedBlock``, this asks the provider once and stores the
    answer, so pages render the player from the database, never the network.
    """
    try:
        get_embed(url)
    except EmbedException as error:
        raise ValidationError(
            _("This address cannot be embedded. Use a YouTube or Vimeo address."),
            code="not_embeddable",
        ) from error


def validate_video_media(media) -> None:
    """An uploaded media item must be a video file, not audio or anything else."""
    mime_type, _encoding = mimetypes.guess_type(media.file.name)
    if media.type != "video" or not (mime_type or "").startswith("video/"):
        raise ValidationError(
            _("The uploaded file is not a video. Choose an MP4 or WebM video."),
            code="not_a_video",
        )


def validate_webvtt_document(document) -> None:
    """A caption track must be a WebVTT file: ``.vtt`` that starts with "WEBVTT"."""
    message = _("Caption files must be WebVTT (.vtt) files starting with “WEBVTT”.")
    if document.file_extension.lower() != "vtt":
        raise ValidationError(message, code="not_webvtt")
    try:
        with document.open_file() as handle:
            head = handle.read(_WEBVTT_SNIFF_BYTES)
    except OSError as error:
        raise ValidationError(message, code="not_webvtt") from error
    if isinstance(head, str):
        head = head.encode()
    if not head.removeprefix(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(message, code="not_webvtt")
