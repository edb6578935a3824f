"""A compact notation for demo StreamField bodies, resolved to raw JSON when seeding.

Content modules name images, documents and pages by key (``@image:hero-2022``,
``[[page:key|text]]``) because their database ids exist only once they are
created; :func:`resolve_body` swaps keys for ids.
"""

import re
import uuid

#: A chooser value that names an object by key, e.g. ``@page:lao-dong-gioi-2022``.
_REFERENCE = re.compile(r"@(image|document|page):([\w-]+)")
#: A rich-text link by key: ``[[page:key|text]]`` or ``[[document:key|text]]``.
_LINK = re.compile(r"\[\[(page|document):([\w-]+)\|([^\]]+)\]\]")

#: The made-up YouTube address every demo video block shows (its embed is cached).
VIDEO_URL = "https://www.youtube.com/watch?v=Lao2022Demo"


def _ref(kind: str, key: str) -> str:
    return f"@{kind}:{key}"


def paragraph(text: str) -> tuple:
    """One paragraph block: a single ``<p>`` that may hold ``[[kind:key|text]]``."""
    return ("paragraph", f"<p>{text}</p>")


def heading(text: str, level: str = "h2") -> tuple:
    """A section (h2) or subsection (h3) heading."""
    return ("heading", {"text": text, "level": level})


def quote(text: str, attribution: str = "") -> tuple:
    """A pull quote with its source."""
    return ("quote", {"text": text, "attribution": attribution})


def image(key: str, caption: str, credit: str = "Ảnh: CTTĐT") -> tuple:
    """An image block; its alt text falls back to the image's description."""
    value = {"image": _ref("image", key), "alt_text": "", "caption": caption}
    return ("image", {**value, "credit": credit})


def video(caption: str) -> tuple:
    """The demo video (its embed is cached at seed time)."""
    return ("video", {"video": VIDEO_URL, "caption": caption})


def document(key: str, title: str = "", description: str = "") -> tuple:
    """An attachment block; an empty title shows the document's own."""
    value = {"document": _ref("document", key), "title": title}
    return ("document", {**value, "description": description})


def key_facts(title: str, *facts: tuple[str, str]) -> tuple:
    """A key-facts list from ``(label, value)`` pairs."""
    items = [
        {"type": "item", "value": {"label": label, "value": value}, "id": _uuid()}
        for label, value in facts
    ]
    return ("key_facts", {"heading": title, "facts": items})


def call_to_action(
    title: str, button: str, *, text: str = "", page: str = "", url: str = ""
) -> tuple:
    """A call to action to a demo page (by key) or to an external address."""
    target = {"page": _ref("page", page) if page else None, "url": url}
    return (
        "call_to_action",
        {"heading": title, "text": text, "button_label": button, **target},
    )


def table(caption: str, *rows: list[str]) -> tuple:
    """A table whose first row is its header."""
    return (
        "table",
        {
            "data": [list(row) for row in rows],
            "cell": [],
            "mergeCells": [],
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_header_choice": "row",
            "table_caption": caption,
        },
    )


def resolve_body(items: list[tuple], ids: dict[str, dict[str, int]]) -> list[dict]:
    """Raw StreamField JSON for ``items``, with keys replaced by ids from ``ids``."""
    return [
        {"type": kind, "value": _resolve(value, ids), "id": _uuid()}
        for kind, value in items
    ]


def _resolve(value, ids: dict[str, dict[str, int]]):
    if isinstance(value, dict):
        return {name: _resolve(item, ids) for name, item in value.items()}
    if isinstance(value, list):
        return [_resolve(item, ids) for item in value]
    if not isinstance(value, str):
        return value
    if match := _REFERENCE.fullmatch(value):
        return ids[match[1]][match[2]]
    return _LINK.sub(lambda link: _link_html(link, ids), value)


def _link_html(link: re.Match, ids: dict[str, dict[str, int]]) -> str:
    kind, key, text = link.groups()
    return f'<a linktype="{kind}" id="{ids[kind][key]}">{text}</a>'


def _uuid() -> str:
    return str(uuid.uuid4())
