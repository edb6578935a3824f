"""Hostile posts to the HTML comment form, each with the CSRF token of a form
fetched just before (or refused before any token is read)."""

from bench.hostile.catalogue.values import BIDI, HUGE, NUL, OVER_INTEGER
from bench.hostile.judging import FOREIGN_HOST, XSS_MARKER
from bench.hostile.kinds import Kind


def _form(label: str, expect=(400,), *, page="campaign_id", fragment=False, **changes):
    fields = {
        "name": "Nguyễn Văn Thử",
        "title": "Câu hỏi thử nghiệm",
        "content": f"Nội dung thử nghiệm ({label}).",
    }
    fields.update(changes)
    suffix = "form/" if fragment else ""
    return Kind(
        f"comment-form {label}",
        "POST",
        f"/comments/{{{page}}}/{suffix}",
        form=tuple(fields.items()),
        captcha=True,
        expect=expect,
    )


def _refused_form(label: str, page: str, expect=(404,)) -> Kind:
    """A post to a page the form never opens for: refused before its token is read."""
    return Kind(
        f"comment-form {label}",
        "POST",
        f"/comments/{page}/",
        form=(("name", "Nguyễn"), ("title", "Tiêu đề"), ("content", "Nội dung")),
        without_csrf=True,
        expect=expect,
    )


def form_kinds() -> list[Kind]:
    #: Either answer: the captcha was solved (303 to the confirmation) or not (400).
    either = (303, 400)
    kinds = [
        _form("invalid utf-8 in content", either, content=b"N\xff\xfe\xc3 dung"),
        _form("surrogate bytes in name", either, name=b"\xed\xa0\x80"),
        _form("bidi override in name", name=BIDI),
        _form("markup and script in name", either, name=XSS_MARKER[:70]),
        _form("name past max_length", name="N" * 5000),
        _form("email malformed", email="@@"),
        _form("honeypot filled", website="http://spam.example"),
        _form("refresh captcha", (200,), refresh_captcha="1"),
        _form("nul in content of the fragment", fragment=True, content=f"a{NUL}b"),
        _form("body over the cap", (413,), content="x" * 70_000),
        Kind(
            "comment-form confirmation by guessed id",
            "GET",
            "/comments/{campaign_id}/sent/1/",
            expect=(404,),
        ),
        Kind(
            "comment-form confirmation with a forged token",
            "GET",
            "/comments/{campaign_id}/sent/MQ:1vQ9fS:forged-signature/",
            expect=(404,),
        ),
        Kind(
            "comment-form fields repeated",
            "POST",
            "/comments/{campaign_id}/",
            form=(
                ("name", "Một"),
                ("name", "Hai"),
                ("title", "Tiêu đề"),
                ("content", "Nội dung lặp trường."),
            ),
            captcha=True,
            expect=either,
        ),
        Kind(
            "comment-form 20,000 fields",
            "POST",
            "/comments/{campaign_id}/",
            body=b"&".join([b"a="] * 20_000),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            expect=(400, 403),
        ),
        Kind(
            "comment-form malformed multipart",
            "POST",
            "/comments/{campaign_id}/",
            body=b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--",
            headers={"Content-Type": "multipart/form-data; boundary=x"},
            expect=(400, 403),
        ),
        Kind(
            "comment-form multipart without a boundary",
            "POST",
            "/comments/{campaign_id}/",
            body=b"--x--",
            headers={"Content-Type": "multipart/form-data"},
            expect=(400, 403),
        ),
        Kind(
            "comment-form unknown charset",
            "POST",
            "/comments/{campaign_id}/",
            body=b"name=%FF&title=x",
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=nope-42"
            },
            expect=(400, 403),
        ),
        Kind(
            "comment-form utf-16 charset on utf-8 bytes",
            "POST",
            "/comments/{campaign_id}/",
            body=b"name=abc&title=x",
            headers={
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-16"
            },
            expect=(400, 403),
        ),
        Kind(
            "comment-form from a foreign origin",
            "POST",
            "/comments/{campaign_id}/",
            headers={"Origin": f"https://{FOREIGN_HOST}"},
            form=(("name", "Nguyễn"), ("title", "Tiêu đề"), ("content", "Nội dung")),
            captcha=True,
            expect=(403,),
        ),
        Kind(
            "comment-form negative content-length",
            "POST",
            "/comments/{campaign_id}/",
            body=b"name=a",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": "-1",
            },
            expect=(400, 403, 413),
        ),
        Kind(
            "comment-form without csrf token",
            "POST",
            "/comments/{campaign_id}/",
            form=(("name", "Nguyễn"), ("title", "Tiêu đề"), ("content", "Nội dung")),
            without_csrf=True,
            expect=(403,),
        ),
        _refused_form("to a draft", "{draft_id}"),
        _refused_form("to a private page", "{private_id}"),
        _refused_form("to a page that does not exist", str(OVER_INTEGER - 1)),
        _refused_form("to an id past any integer", str(HUGE)),
        _refused_form("to page zero", "0"),
        Kind(
            "comment-form of a draft",
            "GET",
            "/comments/{draft_id}/form/",
            expect=(404,),
        ),
        Kind("comment-form put", "PUT", "/comments/{campaign_id}/", expect=(405,)),
    ]
    for field in ("name", "title", "content", "email", "captcha_key", "captcha_value"):
        kinds.append(_form(f"nul in {field}", **{field: f"ab{NUL}cd"}))
    return kinds
