"""What one kind of hostile input is: a request, and how it is made concrete.

A kind is data. Its path, headers and body may name values of the seeded site
in braces (``{campaign_id}``); :func:`placeholders` lists them, and the runner
fills them from its context or skips the kind when one is unknown.
"""

import json
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, quote_from_bytes

#: Checks one answer: what is wrong with it, or None. Called with the status,
#: the headers (lower-case names) and the body.
Check = Callable[[int, Mapping[str, str], bytes], str | None]

_FIELD = re.compile(rb"\{([a-z_][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Ref:
    """A value of the context inside a JSON body or a form (``Ref("campaign_id")``)."""

    name: str
    #: Turns the context's text into the JSON value (``int`` for ids).
    as_type: Callable = str


@dataclass(frozen=True)
class Kind:
    """One kind of hostile input against one public URL."""

    #: Stable, unique, human: ``"comment-api nul in name"``.
    name: str
    method: str
    path: str
    headers: Mapping[str, str] = field(default_factory=dict)
    #: Raw body bytes, with ``{placeholders}``.
    body: bytes | None = None
    #: A value sent as the JSON body (``Ref`` values filled in).
    json: object = None
    #: The HTML comment form's fields (``str``, ``bytes`` sent byte for byte,
    #: or ``Ref``), posted with the CSRF token of the form just fetched.
    form: tuple[tuple[str, object], ...] | None = None
    #: Send the form without its CSRF token and cookie.
    without_csrf: bool = False
    #: Add ``captcha_key`` and ``captcha_value`` of a fresh challenge (a field
    #: the kind sets itself is kept).
    captcha: bool = False
    #: Statuses that are right; empty means any status below 500.
    expect: tuple[int, ...] = ()
    #: The same request this many times in a row.
    repeat: int = 1
    #: An extra check of each answer.
    check: Check | None = None

    def placeholders(self) -> set[str]:
        names = {name for _, name, _, _ in string.Formatter().parse(self.path) if name}
        for value in self.headers.values():
            names |= {n for _, n, _, _ in string.Formatter().parse(value) if n}
        if self.body:
            names |= {match.decode() for match in _FIELD.findall(self.body)}
        names |= {ref.name for ref in _refs(self.json)}
        names |= {ref.name for ref in _refs(dict(self.form or ()))}
        return names


def _refs(value):
    if isinstance(value, Ref):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _refs(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _refs(item)


def fill(value, context: Mapping[str, str]):
    """``value`` with every ``Ref`` replaced by its context value."""
    if isinstance(value, Ref):
        return value.as_type(context[value.name])
    if isinstance(value, dict):
        return {key: fill(item, context) for key, item in value.items()}
    if isinstance(value, list):
        return [fill(item, context) for item in value]
    return value


def fill_text(template: str, context: Mapping[str, str]) -> str:
    return template.format_map(context) if "{" in template else template


def fill_bytes(body: bytes, context: Mapping[str, str]) -> bytes:
    return _FIELD.sub(lambda match: context[match.group(1).decode()].encode(), body)


def json_body(value) -> bytes:
    """JSON as a client sends it; lone surrogates become ``\\ud800`` escapes."""
    return json.dumps(value).encode()


def form_body(fields) -> bytes:
    """``application/x-www-form-urlencoded``; ``bytes`` values are sent as they are."""
    parts = []
    for name, value in fields:
        if isinstance(value, bytes):
            encoded = quote_from_bytes(value, safe="")
        else:
            encoded = quote(str(value), safe="")
        parts.append(f"{quote(name, safe='')}={encoded}")
    return "&".join(parts).encode()
