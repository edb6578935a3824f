"""Hostile requests to the HTML site: listings, articles, search, feeds, documents,
password forms, the sitemap and the admin's login."""

from urllib.parse import quote

from bench.hostile.catalogue.values import HUGE, LONG, NUL, UNSAFE
from bench.hostile.judging import FOREIGN_HOST, XSS_MARKER
from bench.hostile.kinds import Kind

SHOWN = (200,)
MISSING = (404,)
MARKUP = quote(XSS_MARKER, safe="")


def _get(name: str, path: str, expect=SHOWN, **extra) -> Kind:
    return Kind(name, "GET", path, expect=expect, **extra)


def listing_kinds() -> list[Kind]:
    index = "{campaign_index_path}"
    videos = "{video_index_path}"
    article = "{campaign_path}"
    return [
        _get("index page zero", index + "?page=0"),
        _get("index page negative", index + "?page=-1"),
        _get("index page huge", index + f"?page={HUGE}"),
        _get("index page text", index + "?page=abc"),
        _get("index tag markup", index + f"?tag={MARKUP}"),
        _get("index tag nul", index + "?tag=lao%00dong"),
        _get(
            "index tag of 10k characters", index + "?tag=" + "t" * 10_000, (200, *LONG)
        ),
        _get("index year text", index + "?year=abc"),
        _get("index year zero", index + "?year=0000"),
        _get("index year 9999", index + "?year=9999"),
        _get("index year huge", index + f"?year={HUGE}"),
        _get(
            "index year, tag and page together",
            index + "?year=2024&tag={campaign_tag}&page=-3&page=abc",
        ),
        _get("video index page and topic garbage", videos + "?page=-1&tag=%00%FF"),
        _get("article comment page nul", article + "?comments=%00"),
        _get("article comment page huge", article + "?comments=999999"),
        _get("article comment page negative", article + "?comments=-2"),
        _get("draft page by its address", "{draft_path}", MISSING),
        _get("private page by its address", "{private_path}", (200, 401, 403)),
        _get("unpublished page by its address", "{unpublished_path}", MISSING),
        _get("index rss with odd parameters", index + "rss/?page=-1&%00=1"),
        _get("index atom with odd parameters", index + f"atom/?tag={MARKUP}"),
        _get("index rss extra segment", index + "rss/x/", MISSING),
        _get("index rss nul segment", index + "rss/%00/", MISSING),
        _get("index page and year as floats", index + "?page=1.5&year=2024.0"),
        Kind("index rss post", "POST", index + "rss/", expect=(200, *UNSAFE)),
    ]


def search_kinds() -> list[Kind]:
    return [
        _get("site search nul", "/search/?q=lao%00dong"),
        _get(
            "site search of 10k characters",
            "/search/?q=" + "lao%20" * 10_000,
            (200, *LONG),
        ),
        _get(
            "site search unicode oddities",
            "/search/?q=" + quote("Tha\u0300nh \u202e 😀 \ufffd \u200b", safe=""),
        ),
        _get("site search regex and sql", "/search/?q=" + quote("' OR 1=1 --.*[(")),
        _get("site search markup", f"/search/?q={MARKUP}"),
        _get(
            "site search query syntax", "/search/?q=" + quote('"a NEAR( col:x AND -* ^')
        ),
        _get("site search only punctuation", "/search/?q=" + quote("*** ...")),
        _get("site search for a draft's title", "/search/?q={draft_title_folded}"),
        _get(
            "site search for a private page's title",
            "/search/?q={private_title_folded}",
        ),
        _get("site search page text", "/search/?q=lao&page=abc"),
        _get("site search page zero", "/search/?q=lao&page=0"),
        _get("site search page huge", f"/search/?q=lao&page={HUGE}"),
        _get("site search repeated query", "/search/?q=lao&q=%00&q="),
        _get("site search in english with nul", "/en/search/?q=%00"),
        Kind("site search post", "POST", "/search/?q=lao", expect=UNSAFE),
    ]


def document_kinds() -> list[Kind]:
    return [
        _get(
            "document of a private page",
            "{private_document_path}",
            (200, 302, 401, 403, 404),
            check=_no_file,
        ),
        _get(
            "document with the wrong file name",
            "/documents/{document_id}/wrong-name.pdf",
            (200, 301, 302, 404),
        ),
        _get("document id past any integer", f"/documents/{HUGE}/x.pdf", MISSING),
        _get(
            "document nul in its name", "/documents/{document_id}/%00.pdf", (302, 404)
        ),
        _get(
            "document traversal in its name",
            "/documents/{document_id}/..%2f..%2fmanage.py",
            (302, 404),
        ),
        Kind(
            "document with an absurd range",
            "GET",
            "{document_path}",
            headers={"Range": f"bytes={HUGE}-"},
            expect=(200, 206, 416),
        ),
        Kind(
            "document password wrong",
            "POST",
            "/documents/authenticate_with_password/{document_restriction_id}/",
            form=(("password", "sai-mat-khau"), ("return_url", f"//{FOREIGN_HOST}/")),
            expect=SHOWN,
        ),
        Kind(
            "document password nul",
            "POST",
            "/documents/authenticate_with_password/{document_restriction_id}/",
            form=(("password", f"a{NUL}b"), ("return_url", "/")),
            expect=SHOWN,
        ),
    ]


def _no_file(status, headers, body) -> str | None:
    if status == 200 and "pdf" in headers.get("content-type", ""):
        return "the file of a private document is served"
    return None


def password_and_login_kinds() -> list[Kind]:
    restriction = (
        "/_util/authenticate_with_password/{private_restriction_id}/{private_id}/"
    )
    return [
        Kind(
            "page password wrong, return to a foreign host",
            "POST",
            restriction,
            form=(("password", "sai-mat-khau"), ("return_url", f"//{FOREIGN_HOST}/")),
            expect=SHOWN,
        ),
        Kind(
            "page password nul and a huge return address",
            "POST",
            restriction,
            form=(("password", f"a{NUL}b"), ("return_url", "/" + "x" * 10_000)),
            expect=SHOWN,
        ),
        Kind(
            "page password without csrf token",
            "POST",
            restriction,
            form=(("password", "sai"),),
            without_csrf=True,
            expect=(403,),
        ),
        _get(
            "page password form of a page that does not exist",
            f"/_util/authenticate_with_password/{HUGE}/{HUGE}/",
            MISSING,
        ),
        _get("login with a foreign next", f"/_util/login/?next=//{FOREIGN_HOST}/"),
        Kind(
            "admin login nul username",
            "POST",
            "/admin/login/",
            form=(("username", f"admin{NUL}"), ("password", "x")),
            expect=SHOWN,
        ),
        _get(
            "admin login with a foreign next", f"/admin/login/?next=//{FOREIGN_HOST}/"
        ),
        _get("admin without a session", "/admin/", (302,)),
        Kind(
            "admin login body of 3 MB",
            "POST",
            "/admin/login/",
            form=(("username", "a"), ("password", "x" * 3_000_000)),
            expect=(400, 413),
        ),
        Kind(
            "admin password reset nul e-mail",
            "POST",
            "/admin/password_reset/",
            form=(("email", f"a{NUL}@b.vn"),),
            expect=SHOWN,
        ),
    ]


def sitemap_and_plain_kinds() -> list[Kind]:
    return [
        _get("sitemap page text", "/sitemap.xml?p=abc", MISSING),
        _get("sitemap page zero", "/sitemap.xml?p=0", MISSING),
        _get("sitemap page huge", f"/sitemap.xml?p={HUGE}", MISSING),
        _get("sitemap page nul", "/sitemap.xml?p=%00", MISSING),
        _get("sitemap odd parameters", "/sitemap.xml?section=x&%FF=%FE"),
        _get("robots with odd parameters", "/robots.txt?%00"),
        Kind("robots delete", "DELETE", "/robots.txt", expect=UNSAFE),
        Kind("healthz post", "POST", "/healthz", expect=UNSAFE),
        Kind("livez put", "PUT", "/livez", expect=UNSAFE),
        # Pages the old portal had: a miss goes through the redirects table.
        _get("old portal address with nul", "/tin-tuc/123.html?id=%00", MISSING),
        _get("old address of a hidden page", "{hidden_redirect_path}", (301, 302, 404)),
        _get(
            "old portal address of a php script",
            "/index.php?option=com_content&id=5",
            MISSING,
        ),
    ]
