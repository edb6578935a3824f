"""Diacritic-insensitive search (DESIGN §7).

Neither search backend folds Vietnamese: SQLite's FTS strips accents but keeps
"đ", PostgreSQL strips nothing. So every searchable page indexes an
accent-folded copy of its text, and every query is folded the same way before
it reaches the backend: "lao dong sang tao", "Lao động sáng tạo" and
"LAO ĐỘNG" all become "lao dong ...". It works the same on every backend.
"""

import unicodedata

from anyascii import anyascii
from django.utils.html import strip_tags

#: Longest query searched for; longer input is cut, never rejected.
MAX_QUERY_LENGTH = 200


def fold(text: str) -> str:
    """Lower-case ASCII: "Đoàn Thanh niên" → "doan thanh nien"."""
    return anyascii(text or "").lower()


def tidy_query(raw: str | None) -> str:
    """A reader's query without control characters (NUL…), double quotes or extra
    spaces, capped.

    SQLite's full-text search reads a double quote as its own syntax, and the
    backend quotes each word without escaping one: ``"lao`` would be an error.
    """
    kept = "".join(
        " " if char == '"' or unicodedata.category(char)[0] == "C" else char
        for char in raw or ""
    )
    return " ".join(kept.split())[:MAX_QUERY_LENGTH]


def clean_query(raw: str | None) -> str:
    """What the backend searches for: the tidied query, folded."""
    return fold(tidy_query(raw))


class FoldedSearchMixin:
    """Adds ``search_text_folded`` for a page's ``search_fields``.

    Subclasses list what readers search in ``folded_search_sources``: names of
    plain, rich-text or StreamField attributes.
    """

    folded_search_sources: tuple[str, ...] = ("title",)

    def search_text_folded(self) -> str:
        parts = []
        for name in self.folded_search_sources:
            value = getattr(self, name, None)
            if value is None:
                continue
            if hasattr(value, "stream_block"):
                parts.extend(value.stream_block.get_searchable_content(value))
            else:
                parts.append(strip_tags(str(value)))
        return fold(" ".join(parts))
