"""Import the view counts of the old portal ("Lượt xem: 490") from a CSV file.

Each line is ``url,views`` (a header line is optional; UTF-8 with or without
a BOM; ``;`` or tab also work as separators). The URL may be absolute or a path,
percent-encoded or not; it is looked up by path on the default site, with and
without a trailing slash, and a ``/en/`` style prefix selects that language's
tree. The count replaces the page's legacy count: importing the same file
twice changes nothing. Lines that resolve to the same page add up.
"""

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from campaigns import invalidation, sites
from campaigns.models.stats import PageViewCount
from campaigns.stats import redis_store

logger = logging.getLogger(__name__)

#: Plain digits, or digits grouped by thousands ("66.534.666", "1,234").
COUNT = re.compile(r"\d+|\d{1,3}(?:[.,\u00a0 ]\d{3})+")


@dataclass(frozen=True)
class Problem:
    line: int
    text: str
    reason: str


@dataclass
class LegacyImport:
    """What an import found: counts by page id, and the lines it could not use."""

    counts: dict[int, int] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    lines: int = 0
    unmatched: list[Problem] = field(default_factory=list)
    bad: list[Problem] = field(default_factory=list)
    merged: list[Problem] = field(default_factory=list)


class LegacyFileError(Exception):
    """The file cannot be read at all (not UTF-8, not CSV)."""


def parse_count(text: str) -> int | None:
    text = text.strip()
    if not COUNT.fullmatch(text):
        return None
    return int(re.sub(r"\D", "", text))


class PageFinder:
    """Pages of the default site by URL path, one query per distinct path."""

    def __init__(self):
        site = Site.objects.select_related("root_page").get(is_default_site=True)
        self.root = site.root_page
        self.languages = {code for code, _ in settings.LANGUAGES}
        self.roots = {self.root.locale_id: self.root.url_path}
        for translation in self.root.get_translations().only("url_path", "locale"):
            self.roots[translation.locale_id] = translation.url_path
        self.locales = dict(Locale.objects.values_list("language_code", "pk"))

    def find(self, url: str) -> Page | None:
        path = unicodedata.normalize("NFC", unquote(urlsplit(url.strip()).path))
        parts = [part for part in path.split("/") if part]
        locale_id = self.root.locale_id
        if parts and parts[0] in self.languages and parts[0] in self.locales:
            locale_id = self.locales[parts.pop(0)]
        root_path = self.roots.get(locale_id)
        if root_path is None:
            return None
        tail = "/".join(parts)
        # url_path always ends with "/"; the old URL may or may not have had one.
        candidates = [root_path + tail + "/" if tail else root_path]
        if tail.endswith((".html", ".htm", ".aspx")):
            candidates.append(root_path + tail.rsplit(".", 1)[0] + "/")
        return (
            Page.objects.filter(url_path__in=candidates, depth__gt=1)
            .only("pk", "title", "url_path")
            .first()
        )


def read_rows(raw: bytes) -> list[tuple[int, list[str]]]:
    """(line number, cells) of each non-empty line of the file."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LegacyFileError(f"not UTF-8 (byte {exc.start})") from exc
    lines = text.splitlines()
    rows = []
    reader = csv.reader(lines, delimiter=_delimiter(lines[:20]))
    for number, cells in enumerate(reader, 1):
        if any(cell.strip() for cell in cells):
            rows.append((number, cells))
    return rows


def _delimiter(lines: list[str]) -> str:
    """The separator found on most of the first lines: "," unless ";" or tab win."""
    return max(",;\t", key=lambda sep: (sum(sep in line for line in lines), sep == ","))


def _is_header(cells: list[str]) -> bool:
    return (
        len(cells) >= 2
        and parse_count(cells[1]) is None
        and not _looks_like_url(cells[0])
    )


def _looks_like_url(text: str) -> bool:
    text = text.strip()
    return text.startswith("/") or "://" in text or "." in text.split("/", 1)[0]


def scan(raw: bytes) -> LegacyImport:
    """Read the file and match its lines to pages, writing nothing."""
    rows = read_rows(raw)
    if rows and _is_header(rows[0][1]):
        rows = rows[1:]
    finder = PageFinder()
    found = LegacyImport(lines=len(rows))
    pages = {}
    for number, cells in rows:
        text = ",".join(cells)
        if len(cells) < 2:
            found.bad.append(Problem(number, text, "no count"))
            continue
        views = parse_count(cells[1])
        if views is None:
            found.bad.append(Problem(number, text, f"bad count {cells[1].strip()!r}"))
            continue
        url = cells[0].strip()
        if url not in pages:
            pages[url] = finder.find(url)
        page = pages[url]
        if page is None:
            found.unmatched.append(Problem(number, text, "no page at this address"))
            continue
        if page.pk in found.counts:
            found.merged.append(Problem(number, text, f"also page {page.pk}"))
        found.counts[page.pk] = found.counts.get(page.pk, 0) + views
        found.titles[page.pk] = page.title
    return found


@transaction.atomic
def apply_legacy_views(counts: dict[int, int]) -> int:
    """Set each page's legacy count (never add to it); returns the rows changed."""
    existing = {
        row.page_id: row
        for row in PageViewCount.objects.select_for_update().filter(page_id__in=counts)
    }
    changed = [
        row for page_id, row in existing.items() if row.legacy_views != counts[page_id]
    ]
    for row in changed:
        row.legacy_views = counts[row.page_id]
    PageViewCount.objects.bulk_update(changed, ["legacy_views"])
    created = [
        PageViewCount(page_id=page_id, legacy_views=n)
        for page_id, n in counts.items()
        if page_id not in existing
    ]
    PageViewCount.objects.bulk_create(created)
    page_ids = [row.page_id for row in changed] + [row.page_id for row in created]
    transaction.on_commit(lambda: show_new_counts(page_ids))
    return len(page_ids)


def show_new_counts(page_ids) -> None:
    """Make counts changed outside the beacons show now, on pages and in the API.

    Drops the counts Redis keeps for display, and moves the view-count versions
    of the API's ETags (each page's detail, and the listings).
    """
    if not page_ids:
        return
    invalidation.counts_imported(page_ids)
    connection = redis_store.client()
    if connection is None:
        return
    try:
        for site_id, ids in sites.page_ids_by_site(page_ids).items():
            redis_store.forget_bases(connection, site_id, ids)
    except redis_store.OUTAGE:
        logger.warning("Redis unreachable: cached counts expire within minutes")
