"""Hostile values the kinds share, and the extra checks some kinds make."""

import json

from bench.hostile.judging import FOREIGN_HOST

NUL = "\x00"
#: Half of a UTF-16 pair: valid in a JSON escape, in no encoding of text.
LONE_SURROGATE = "\ud800"
#: Right-to-left override: shows ``exe.png`` as ``gnp.exe``.
BIDI = "Ảnh\u202egnp.exe"
#: Far beyond any database integer.
HUGE = 10**30
#: One past the largest ``integer`` column value.
OVER_INTEGER = 2**31
#: A request line longer than gunicorn's 4,094 bytes is its own 414; Django's
#: test client has no such limit.
LONG = (414,)
#: An unsafe method on a read-only page: the CSRF check (403) comes before the
#: view's own refusal (405).
UNSAFE = (403, 405)


def posted_as_pending(status, headers, body) -> str | None:
    """A comment the API took is pending, whatever the client asked for."""
    if status == 201 and json.loads(body).get("status") != "pending":
        return f"a new comment is {json.loads(body).get('status')!r}, not pending"
    return None


def drops_cross_origin(status, headers, body) -> str | None:
    """No CORS header lets a foreign origin read the answer."""
    allowed = headers.get("access-control-allow-origin", "")
    if allowed in ("*", f"https://{FOREIGN_HOST}"):
        return f"CORS allows {allowed}"
    return None
