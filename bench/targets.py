"""The URLs the bench measures, each with the check that its response did the work."""

import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from bench.load import Check

LISTING = "/api/v2/pages/?type={type}&locale=vi&fields=*&limit={limit}"
V3_LISTING = "/api/v3/pages/?type={type}&locale=vi&limit={limit}"
#: Returns what is wrong with one item of a v2 listing, or None when it is right.
ItemCheck = Callable[[dict], str | None]
#: Suffix of the pages served with every fragment rendered on every request.
RENDERED = "(rendered)"


@dataclass
class Target:
    """A URL to measure and how to tell that its response did the work."""

    name: str
    path: str
    check: Check
    #: Served by the server that renders page fragments on every request.
    rendered: bool = False
    #: For a listing: the same listing at ``limit=1``, at each offset in turn.
    singles: list["Target"] = field(default_factory=list)
    #: Sent with ``If-None-Match`` and the ETag of a plain GET just before: a 304.
    revalidate: bool = False

    @property
    def status(self) -> int:
        return 304 if self.revalidate else 200


def targets() -> list[Target]:
    """The bare view, the pages of issues 3 and 4, then the API reads of issue 8.

    Each HTML page is measured twice: with its fragments cached, as configured,
    and rendered on every request (the honest cost of a cache miss). The API
    reads are measured rendered (no response is cached on the server) and as a
    revalidation that the ETag answers with a 304.
    """
    from django.utils.html import escape

    from campaigns.models import CampaignPage, VideoStoryPage
    from home.demo import (
        INDEX_SLUG,
        PUBLIC_SLUGS,
        REFERENCE_SLUG,
        VIDEO_CAPTIONED_SLUG,
        VIDEO_INDEX_SLUG,
        VIDEO_PUBLIC_SLUGS,
    )
    from home.demo.content import INDEX_TITLE, PORTAL_NAME
    from home.demo.video_spec import VIDEO_INDEX_TITLE

    reference_page = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    reference = escape(reference_page.title)
    video = escape(VideoStoryPage.objects.get(slug=VIDEO_CAPTIONED_SLUG).title)
    pages = [
        Target("home", "/", _contains(escape(PORTAL_NAME), reference)),
        Target("campaign index", f"/{INDEX_SLUG}/", _contains(INDEX_TITLE, reference)),
        Target(
            "campaign page",
            f"/{INDEX_SLUG}/{REFERENCE_SLUG}/",
            _contains(reference, "NewsArticle", "/media/images/"),
        ),
        Target(
            "video index",
            f"/{VIDEO_INDEX_SLUG}/",
            _contains(escape(VIDEO_INDEX_TITLE), video),
        ),
        Target(
            "video page",
            f"/{VIDEO_INDEX_SLUG}/{VIDEO_CAPTIONED_SLUG}/",
            _contains(video, "VideoObject", "<track"),
        ),
    ]
    return [
        Target("bare view", "/bench/bare/", _equals(b"ok")),
        *itertools.chain.from_iterable(
            (page, replace(page, name=f"{page.name} {RENDERED}", rendered=True))
            for page in pages
        ),
        _listing("v2 listing", "campaigns.CampaignPage", PUBLIC_SLUGS, _has_body),
        _listing(
            "video listing",
            "campaigns.VideoStoryPage",
            VIDEO_PUBLIC_SLUGS,
            _playable(captioned=VIDEO_CAPTIONED_SLUG),
        ),
        *_api_reads(reference_page, PUBLIC_SLUGS),
    ]


def _api_reads(page, slugs: Sequence[str]) -> list[Target]:
    """Issue 8: the v3 listing, both details of ``page``, and two 304s.

    A detail is kept rendered in the shared cache under its ETag; the
    ``(rendered)`` server renders it on every request.
    """
    one = V3_LISTING.format(type="campaigns.CampaignPage", limit=1)
    v3_listing = Target(
        "v3 listing",
        V3_LISTING.format(type="campaigns.CampaignPage", limit=20),
        _listing_check(len(slugs), set(slugs), item=_has_title),
        singles=[
            Target(
                f"v3 listing, limit=1, offset={n}",
                f"{one}&offset={n}",
                _listing_check(1, item=_has_title),
            )
            for n in range(len(slugs))
        ],
    )
    v2_detail = Target("v2 detail", f"/api/v2/pages/{page.pk}/", _detail_of(page))
    v3_detail = Target("v3 detail", f"/api/v3/pages/{page.pk}/", _detail_of(page))
    v2_listing = LISTING.format(type="campaigns.CampaignPage", limit=20)
    return [
        v3_listing,
        *itertools.chain.from_iterable(
            (detail, replace(detail, name=f"{detail.name} {RENDERED}", rendered=True))
            for detail in (v2_detail, v3_detail)
        ),
        Target("v3 detail, 304", v3_detail.path, _equals(b""), revalidate=True),
        Target("v2 listing, 304", v2_listing, _equals(b""), revalidate=True),
    ]


def _listing(
    name: str, page_type: str, slugs: Sequence[str], item: ItemCheck
) -> Target:
    """A v2 listing of ``page_type`` at ``limit=20``, which must hold ``slugs``.

    Its ``singles`` hold one page each, at offsets 0, 1, …; only their queries
    are taken.
    """
    one = LISTING.format(type=page_type, limit=1)
    check = _listing_check(1, item=item)
    singles = [
        Target(f"{name}, limit=1, offset={n}", f"{one}&offset={n}", check)
        for n in range(len(slugs))
    ]
    return Target(
        name,
        LISTING.format(type=page_type, limit=20),
        _listing_check(len(slugs), set(slugs), item=item),
        singles=singles,
    )


def _equals(expected: bytes) -> Check:
    return lambda body: None if body == expected else f"body is not {expected!r}"


def _contains(*texts: str) -> Check:
    needles = [text.encode() for text in texts]

    def check(body: bytes) -> str | None:
        missing = [n.decode() for n in needles if n not in body]
        return f"missing {missing}" if missing else None

    return check


def _has_title(item: dict) -> str | None:
    return None if item.get("title") else "no title"


def _detail_of(page) -> Check:
    """A page detail with the page's body blocks, counts and SEO fields."""

    def check(body: bytes) -> str | None:
        try:
            data = json.loads(body)
        except ValueError as exc:
            return f"not JSON: {exc!r}"
        if data.get("id") != page.pk or data.get("title") != page.title:
            return f"not page {page.pk}"
        missing = [
            name
            for name in ("body", "view_count", "comment_count", "seo")
            if data.get(name) in (None, [], {})
        ]
        return f"missing {missing}" if missing else None

    return check


def _has_body(item: dict) -> str | None:
    return None if item.get("body") else "no body"


def _playable(captioned: str | None = None) -> ItemCheck:
    """Each video story has a video source with a URL; ``captioned`` has captions."""

    def check(item: dict) -> str | None:
        if not (item.get("video_source") or {}).get("url"):
            return "no video source"
        if item["meta"]["slug"] == captioned and not item.get("captions"):
            return "no caption track"
        return None

    return check


def _listing_check(
    count: int, slugs: set[str] | None = None, item: ItemCheck = _has_body
) -> Check:
    def check(body: bytes) -> str | None:
        try:
            items = json.loads(body)["items"]
            found = {entry["meta"]["slug"] for entry in items}
        except (ValueError, KeyError, TypeError) as exc:
            return f"not a page listing: {exc!r}"
        if len(items) != count or (slugs is not None and found != slugs):
            return f"expected {count} items, got {sorted(found)}"
        for entry in items:
            if error := item(entry):
                return f"{entry['meta']['slug']}: {error}"
        return None

    return check
