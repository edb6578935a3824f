"""Diacritic-insensitive search (DESIGN §7).

Neither search backend folds Vietnamese: SQLite's FTS strips accents but keeps
"đ", PostgreSQL strips nothing. So every searchable page indexes an
accent-folded copy of its text, and every query is folded the same way before
it reaches the backend: "lao dong sang tao", "Lao động sáng tạo" and
"LAO ĐỘNG" all become "lao dong ...". It works the same on every backend.

Folding makes "mẫu" and "máu" one word, so a query typed with diacritics is
also matched as typed (:func:`exact_first`): pages holding its words exactly
come before pages that match only once folded. Matched words are marked in
titles and snippets (:func:`highlight`), accent-insensitively, like the search.
"""

import re
import unicodedata
from collections.abc import Sequence

from anyascii import anyascii
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

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


#: A word: letters and digits. Text is NFC-normalised first, so that a
#: Vietnamese letter with two marks ("ễ") is one character, not three.
_WORD = re.compile(r"[^\W_]+")


def words(text: str | None) -> list[str]:
    """The lower-cased words of ``text``, diacritics kept: "Kiểu MẪU" → kiểu, mẫu."""
    return _WORD.findall(unicodedata.normalize("NFC", text or "").casefold())


def has_diacritics(query: str | None) -> bool:
    """Whether the reader typed any letter that folding changes ("mẫu", "Đ")."""
    return any(fold(word) != word for word in words(query))


def exact_first(pages: Sequence, query: str) -> list:
    """``pages`` (in the backend's order) with those holding more of the query's
    words exactly, diacritics and all, moved first; ties keep their order.

    A query typed without diacritics leaves the order as it is. Each page's
    text is read through ``search_text()`` (:class:`FoldedSearchMixin`); a page
    without it counts as matching nothing exactly.
    """
    pages = list(pages)
    if not has_diacritics(query):
        return pages
    wanted = set(words(query))

    def exact_words(page) -> int:
        text = page.search_text() if hasattr(page, "search_text") else ""
        return len(wanted & set(words(text)))

    return sorted(pages, key=exact_words, reverse=True)


def highlight(text: str | None, query: str | None) -> SafeString:
    """``text``, HTML-escaped, with each word that matches a word of ``query``
    once both are folded wrapped in ``<mark>``: "lao dong" marks "Lao động"."""
    wanted = {fold(word) for word in words(query)}
    text = unicodedata.normalize("NFC", text or "")
    parts = []
    position = 0
    for match in _WORD.finditer(text):
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        if fold(match.group()) in wanted:
            word = f"<mark>{word}</mark>"
        parts.append(word)
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 -- every piece is escaped above.


class FoldedSearchMixin:
    """Adds ``search_text_folded`` for a page's ``search_fields``.

    Subclasses list what readers search in ``folded_search_sources``: names of
    plain, rich-text or StreamField attributes.
    """

    folded_search_sources: tuple[str, ...] = ("title",)

    def search_text(self) -> str:
        """The text readers search in, as written: the sources joined."""
        parts = []
        for name in self.folded_search_sources:
            value = getattr(self, name, None)
            if value is None:
                continue
            if hasattr(value, "stream_block"):
                parts.extend(value.stream_block.get_searchable_content(value))
            else:
                parts.append(strip_tags(str(value)))
        return " ".join(parts)

    def search_text_folded(self) -> str:
        return fold(self.search_text())
