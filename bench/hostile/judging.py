"""Judging one answer: a server error, a leak of something private, a reflection.

A leak is any sentinel of non-public data (a draft's title, a pending
comment's text, an e-mail, an IP hash…) in the body or the headers, in
whatever form an answer may carry text: as it is, HTML-escaped, percent-encoded,
as ``\\u`` escapes in JSON, or cut by markup (the search marks the words it
matched: ``<mark>Bản</mark> nháp``). A sentinel the request itself carries
(the slug of a private page asked for by its address) is an echo, not a leak.
"""

import contextlib
import html
import json
import re
from collections.abc import Iterable, Mapping
from urllib.parse import unquote, urlsplit

#: Markup the catalogue sends; an HTML answer must never carry it unescaped.
XSS_MARKER = '<script>alert("hostile")</script>'
#: A host no site serves; no answer may point to it.
FOREIGN_HOST = "hostile.invalid"
#: Shorter sentinels would match ordinary words.
MIN_SENTINEL_LENGTH = 6
#: An HTML tag, removed to read text that markup cuts.
_TAG = re.compile(r"<[^<>]*>")


def readable_forms(data: bytes) -> list[str]:
    """The texts ``data`` can be read as: raw, unescaped, decoded, JSON-decoded."""
    text = data.decode("utf-8", errors="replace")
    forms = [text, html.unescape(text), unquote(text)]
    forms.append(html.unescape(_TAG.sub("", text)))
    stripped = text.strip()
    if stripped[:1] in ("{", "["):
        with contextlib.suppress(ValueError):  # not JSON after all
            forms.append(json.dumps(json.loads(stripped), ensure_ascii=False))
    return forms


class LeakDetector:
    """Finds the sentinels of private data in answers."""

    def __init__(self, sentinels: Iterable[str]):
        self.sentinels = sorted(
            {s for s in sentinels if len(s.strip()) >= MIN_SENTINEL_LENGTH}
        )

    def leaks(
        self, headers: Mapping[str, str], body: bytes, *, sent: bytes
    ) -> list[str]:
        """The sentinels in this answer that the request did not carry itself."""
        head = "\n".join(f"{k}: {v}" for k, v in headers.items())
        haystacks = [*readable_forms(head.encode("utf-8", "replace"))]
        haystacks += readable_forms(body)
        request = readable_forms(sent)
        return [
            sentinel
            for sentinel in self.sentinels
            if any(sentinel in haystack for haystack in haystacks)
            and not any(sentinel in text for text in request)
        ]


def reflections(
    headers: Mapping[str, str], body: bytes, *, request_headers: Mapping[str, str]
) -> list[str]:
    """Hostile text the answer gives back: markup unescaped, or a foreign host.

    A redirect may never lead to the foreign host; a body may not name it when
    it came in a header (``Host``, ``X-Forwarded-Host``), where a link built
    from the request would carry it.
    """
    found = []
    if "html" in headers.get("content-type", "") and XSS_MARKER.encode() in body:
        found.append("markup sent back unescaped")
    # Browsers read a backslash in a redirect as a slash.
    location = headers.get("location", "").replace("\\", "/")
    if urlsplit(location.strip()).hostname == FOREIGN_HOST:
        found.append(f"a redirect to {FOREIGN_HOST}")
    if any(FOREIGN_HOST in value for value in request_headers.values()) and (
        FOREIGN_HOST.encode() in body
    ):
        found.append(f"{FOREIGN_HOST} from a header sent back in the body")
    return found
