"""Hostile comments on the JSON API, and hostile requests to the captcha endpoints."""

from bench.hostile.catalogue.values import (
    BIDI,
    HUGE,
    LONE_SURROGATE,
    NUL,
    OVER_INTEGER,
    UNSAFE,
    drops_cross_origin,
    posted_as_pending,
)
from bench.hostile.judging import FOREIGN_HOST, XSS_MARKER
from bench.hostile.kinds import Kind, Ref

API = "/api/v3/comments/"
JSON = {"Content-Type": "application/json"}
#: An answer to a comment whose captcha may or may not have been solved.
WELL_FORMED = (201, 400, 409)
#: django-simple-captcha's answer to a key it does not hold.
GONE = (404, 410)
_PAGE = Ref("campaign_id", int)
_OMIT = object()


def _comment(label: str, **changes) -> dict:
    """A comment a reader could send, changed by ``changes`` (``_OMIT`` drops one)."""
    comment = {
        "page": _PAGE,
        "name": "Nguyễn Văn Thử",
        "title": "Câu hỏi thử nghiệm",
        # Its own text: one kind's comment is never a duplicate of another's.
        "content": f"Nội dung thử nghiệm ({label}).",
    }
    comment.update(changes)
    return {key: value for key, value in comment.items() if value is not _OMIT}


def _post(label: str, expect=(400,), *, captcha=True, **changes) -> Kind:
    return Kind(
        f"comment-api {label}",
        "POST",
        API,
        json=_comment(label, **changes),
        captcha=captcha,
        expect=expect,
        check=posted_as_pending,
    )


def _raw(label: str, body: bytes, expect=(400,), headers=None) -> Kind:
    return Kind(
        f"comment-api {label}",
        "POST",
        API,
        headers=headers if headers is not None else JSON,
        body=body,
        expect=expect,
    )


def api_kinds() -> list[Kind]:
    valid = _comment("raw")
    valid_bytes = (
        b'{"page": {campaign_id}, "name": "Nguyen Van Thu", '
        b'"title": "Cau hoi", "content": "Noi dung (raw)."}'
    )
    kinds = [
        Kind("comment-api empty object", "POST", API, json={}, expect=(400,)),
        _post("missing page", page=_OMIT),
        _post("missing content", content=_OMIT),
        _post("missing captcha", captcha=False),
        _post("page as text", page="abc"),
        _post("page as digits in text", WELL_FORMED, page=Ref("campaign_id")),
        _post("page as float", page=6.5),
        _post("page negative", page=-1),
        _post("page zero", page=0),
        _post("page huge int", page=HUGE),
        _post("page boolean", page=True),
        _post("page as object", page={"id": _PAGE}),
        _post("page of a draft", (404,), page=Ref("draft_id", int)),
        _post("page of a private page", (404,), page=Ref("private_id", int)),
        _post("page of an unpublished page", (404,), page=Ref("unpublished_id", int)),
        _post("page that does not exist", (404,), page=OVER_INTEGER - 1),
        _post("page that takes no comments", (404,), page=Ref("home_id", int)),
        _post("name as number", name=5),
        _post("name as array", name=["Nguyễn", "Văn"]),
        _post("content as nested object", content={"a": {"b": [1, {"c": None}]}}),
        _post("every field an array", name=[], title=[1], content=[[]]),
        _post("name past max_length", name="N" * 5000),
        _post("title past max_length", title="T" * 201),
        _post("content past max_length", content="C" * 4001),
        _post("content of 60 KiB", content="x" * 60_000),
        _post("email malformed", email="not-an-address@"),
        _post("email huge", email="a" * 300 + "@example.vn"),
        _post("email with header injection", email="a@b.vn\r\nBcc: c@d.vn"),
        _post("email as array", email=["a@b.vn"]),
        _post("email with an idn domain", WELL_FORMED, email="ban.doc@bücher.vn"),
        _post("name of combining marks", WELL_FORMED, name="a" + "\u0301" * 79),
        _post("bidi override in name", name=BIDI),
        _post("zero-width space in title", title="Câu\u200bhỏi"),
        _post("private-use character in content", content="Nội dung \ue000"),
        _post("line break in name", name="Nguyễn\r\nVăn"),
        _post(
            "markup and script in name and content",
            WELL_FORMED,
            name=XSS_MARKER[:70],
            content=f"<img src=x onerror=alert(1)> {XSS_MARKER}",
        ),
        _post("emoji and combining marks", WELL_FORMED, name="Tha\u0300nh 😀"),
        _post("three links", content="http://a.vn http://b.vn www.c.com"),
        _post("honeypot filled", website="http://spam.example"),
        _post(
            "parent comment of another page",
            WELL_FORMED,
            parent=Ref("pending_comment_id", int),
        ),
        _post("status approved is ignored", WELL_FORMED, status="approved"),
        _post("captcha key too long", captcha_key="k" * 41),
        _post("captcha value too long", captcha_value="9" * 5000),
        _post("captcha as number", captcha_value=12345),
        _raw("invalid utf-8 bytes", b'{"page": {campaign_id}, "name": "\xff\xfe\xc3"}'),
        _raw("utf-16 body", valid_bytes.decode().encode("utf-16")),
        _raw("utf-8 bom", b"\xef\xbb\xbf" + valid_bytes),
        _raw("json nesting bomb", b"[" * 30_000 + b"]" * 30_000),
        _raw(
            "nesting bomb inside a field",
            b'{"page": {campaign_id}, "name": ' + b"[" * 30_000 + b"]" * 30_000 + b"}",
        ),
        _raw(
            "body over the cap",
            b'{"page": {campaign_id}, "content": "' + b"x" * 70_000 + b'"}',
            (413,),
        ),
        _raw(
            "body over the cap, chunked",
            b'{"page": {campaign_id}, "content": "' + b"x" * 70_000 + b'"}',
            (413,),
            {**JSON, "Transfer-Encoding": "chunked"},
        ),
        _raw(
            "chunked body",
            valid_bytes,
            (400,),
            {**JSON, "Transfer-Encoding": "chunked"},
        ),
        _raw(
            "duplicated keys",
            b'{"page": {campaign_id}, "page": "x", "name": "a", "name": ["b"]}',
        ),
        _raw("page NaN", b'{"page": NaN, "name": "a"}'),
        _raw("page 1e400", b'{"page": 1e400, "name": "a"}'),
        _raw("page of 5000 digits", b'{"page": ' + b"9" * 5000 + b"}"),
        _raw(
            "negative content-length",
            valid_bytes,
            (400,),
            {**JSON, "Content-Length": "-1"},
        ),
        _raw("array body", b'[{"page": 1}]'),
        _raw("number body", b"5"),
        _raw("null body", b"null"),
        _raw("string body", b'"comment"'),
        _raw("empty body", b""),
        _raw("text/plain", valid_bytes, (415,), {"Content-Type": "text/plain"}),
        _raw(
            "form-urlencoded",
            b"page=1&name=a",
            (415,),
            {"Content-Type": "application/x-www-form-urlencoded"},
        ),
        _raw(
            "multipart",
            b"--b\r\nContent-Disposition: form-data; name=page\r\n\r\n1\r\n--b--\r\n",
            (415,),
            {"Content-Type": "multipart/form-data; boundary=b"},
        ),
        _raw("no content type", valid_bytes, (415,), {}),
        _raw(
            "content type with a charset",
            valid_bytes,
            (400,),
            {"Content-Type": "application/json; charset=utf-8"},
        ),
        _raw(
            "content-length not a number",
            valid_bytes,
            (400,),
            {**JSON, "Content-Length": "abc"},
        ),
        Kind(
            "comment-api unknown locale",
            "POST",
            API + "?locale=zz",
            json=valid,
            expect=(404,),
        ),
        Kind(
            "comment-api nul in locale",
            "POST",
            API + "?locale=v%00i",
            json=valid,
            expect=(422,),
        ),
        Kind(
            "comment-api forged x-forwarded-for",
            "POST",
            API,
            headers={
                "X-Forwarded-For": "\t, ,999.999.999.999, ::::, " + "1.1.1.1," * 400
            },
            json=_comment("forwarded"),
            captcha=True,
            expect=WELL_FORMED,
        ),
        Kind(
            "comment-api user-agent of 6 KiB",
            "POST",
            API,
            headers={"User-Agent": "Mozilla/5.0 " + "x" * 6000},
            json=_comment("agent"),
            captcha=True,
            expect=WELL_FORMED,
        ),
        Kind(
            "comment-api preflight from a foreign origin",
            "OPTIONS",
            API,
            headers={
                "Origin": f"https://{FOREIGN_HOST}",
                "Access-Control-Request-Method": "POST",
            },
            check=drops_cross_origin,
        ),
        Kind("comment-api put", "PUT", API, json=valid, expect=(405,)),
        Kind("comment-api delete", "DELETE", API, expect=(405,)),
        Kind("comment-api patch", "PATCH", API, json=valid, expect=(405,)),
        Kind("comment-api list without page", "GET", API, expect=(422,)),
        Kind("comment-api list page as text", "GET", API + "?page=abc", expect=(422,)),
        Kind(
            "comment-api list of a draft",
            "GET",
            API + "?page={draft_id}",
            expect=(404,),
        ),
        Kind(
            "comment-api list of a private page",
            "GET",
            API + "?page={private_id}",
            expect=(404,),
        ),
        Kind(
            "comment-api list page huge",
            "GET",
            API + f"?page={HUGE}",
            expect=(404, 422),
        ),
        Kind(
            "comment-api list page repeated",
            "GET",
            API + "?page={campaign_id}&page={private_id}",
            expect=(200, 404, 422),
        ),
        Kind(
            "comment-api list offset past the bound",
            "GET",
            API + "?page={campaign_id}&offset=1000001",
            expect=(422,),
        ),
        Kind(
            "comment-api list limit zero",
            "GET",
            API + "?page={campaign_id}&limit=0",
            expect=(422,),
        ),
        Kind(
            "comment-api list limit negative",
            "GET",
            API + "?page={campaign_id}&limit=-1",
            expect=(422,),
        ),
    ]
    for field in ("name", "title", "content", "email", "captcha_key", "captcha_value"):
        kinds.append(_post(f"nul in {field}", **{field: f"ab{NUL}cd"}))
        kinds.append(_post(f"lone surrogate in {field}", **{field: LONE_SURROGATE}))
    return kinds


def captcha_kinds() -> list[Kind]:
    return [
        Kind("captcha image unknown key", "GET", "/captcha/image/abc/", expect=GONE),
        Kind(
            "captcha image of 4000-character key",
            "GET",
            f"/captcha/image/{'a' * 4000}/",
            expect=GONE,
        ),
        Kind(
            "captcha image with a unicode key",
            "GET",
            "/captcha/image/%C3%A1%E1%BA%A1/",
            expect=GONE,
        ),
        Kind("captcha image 2x unknown key", "GET", "/captcha/image/a@2/", expect=GONE),
        Kind("captcha audio unknown key", "GET", "/captcha/audio/abc.wav", expect=GONE),
        Kind(
            "captcha refresh",
            "GET",
            "/captcha/refresh/",
            headers={"X-Requested-With": "XMLHttpRequest"},
            expect=(200,),
        ),
        Kind(
            "captcha refresh outside a script",
            "GET",
            "/captcha/refresh/",
            expect=(404,),
        ),
        Kind("captcha refresh post", "POST", "/captcha/refresh/", expect=UNSAFE),
        Kind("captcha api post", "POST", "/api/v3/captcha/", expect=(405,)),
        Kind(
            "captcha api unknown locale",
            "GET",
            "/api/v3/captcha/?locale=zz",
            expect=(404,),
        ),
    ]
