"""Hostile requests at the HTTP level: paths, Host headers, methods, odd headers."""

from bench.hostile.catalogue.values import LONG
from bench.hostile.judging import FOREIGN_HOST
from bench.hostile.kinds import Kind

MISSING = (404,)
TOO_LONG = (404, *LONG)
#: An unknown Host is Django's 400 (``DisallowedHost``), never a 500.
BAD_HOST = (400,)


def _get(name: str, path: str, expect=(), **extra) -> Kind:
    return Kind(name, "GET", path, expect=expect, **extra)


def path_kinds() -> list[Kind]:
    return [
        _get("path nul byte", "/%00", MISSING),
        _get("path nul in a page slug", "{campaign_index_path}%00/", MISSING),
        _get("path traversal under static", "/static/../manage.py", MISSING),
        _get(
            "path traversal under static, encoded",
            "/static/%2e%2e/%2e%2e/cms/settings/base.py",
            MISSING,
        ),
        _get("path traversal under media", "/media/../cms/settings/base.py", MISSING),
        _get(
            "path traversal under media, encoded", "/media/%2e%2e%2fmanage.py", MISSING
        ),
        _get("path traversal with backslashes", "/static/..%5c..%5cmanage.py", MISSING),
        _get("path of a dot segment into english", "/en/../", MISSING),
        _get("path of invalid utf-8", "/%FF%FE/", MISSING),
        _get("language prefix unknown", "/xx/", MISSING),
        _get("language prefix of the default language", "/vi/", (302, 404)),
        _get("language prefix upper case", "/EN/", MISSING),
        _get("language prefix with a region", "/en-us/", (200, 302, 404)),
        _get("language prefix nul", "/en/%00/", MISSING),
        _get("overlong path", "/" + "a/" * 4000, TOO_LONG),
        _get("overlong query string", "/?q=" + "x" * 20_000, (200, *LONG)),
        _get("path of 500 segments", "{campaign_index_path}" + "x/" * 500, MISSING),
        _get("double slash path", "//admin/", (200, 301, 302, 404)),
    ]


def host_kinds() -> list[Kind]:
    return [
        _get("host unknown", "/", BAD_HOST, headers={"Host": FOREIGN_HOST}),
        _get(
            "host unknown on the api",
            "/api/v2/pages/",
            BAD_HOST,
            headers={"Host": FOREIGN_HOST},
        ),
        _get("host with a bad port", "/", BAD_HOST, headers={"Host": "localhost:abc"}),
        _get("host empty", "/", BAD_HOST, headers={"Host": ""}),
        _get("host with a path", "/", BAD_HOST, headers={"Host": "localhost/x"}),
        _get(
            "host with an at sign",
            "/",
            BAD_HOST,
            headers={"Host": f"localhost@{FOREIGN_HOST}"},
        ),
        _get(
            "host with a huge port",
            "/",
            (200, 400),
            headers={"Host": f"{{host}}:{10**20}"},
        ),
        _get("host with a trailing dot", "/", (200, 400), headers={"Host": "{host}."}),
        _get(
            "host in upper case",
            "/api/v3/pages/",
            (200,),
            headers={"Host": "{host_upper}"},
        ),
        _get(
            "x-forwarded-proto and port garbage",
            "/api/v3/pages/",
            (200,),
            headers={"X-Forwarded-Proto": "gopher, https", "X-Forwarded-Port": "abc"},
        ),
        _get(
            "x-forwarded-host foreign",
            "/",
            (200,),
            headers={"X-Forwarded-Host": FOREIGN_HOST},
        ),
        _get(
            "x-forwarded-host foreign on the api",
            "/api/v2/pages/",
            (200,),
            headers={"X-Forwarded-Host": FOREIGN_HOST},
        ),
    ]


def method_kinds() -> list[Kind]:
    refused = (405,)
    return [
        Kind("method put on the v2 listing", "PUT", "/api/v2/pages/", expect=refused),
        Kind("method post on the v2 listing", "POST", "/api/v2/pages/", expect=refused),
        Kind(
            "method delete on a v2 detail",
            "DELETE",
            "/api/v2/pages/{campaign_id}/",
            expect=refused,
        ),
        Kind(
            "method patch on the locales", "PATCH", "/api/v3/locales/", expect=refused
        ),
        Kind(
            "method delete on a v3 detail without a token",
            "DELETE",
            "/api/v3/pages/{campaign_id}/",
            expect=(401, 403),
        ),
        Kind("method options on the v3 listing", "OPTIONS", "/api/v3/pages/"),
        Kind("method head on a v3 detail", "HEAD", "/api/v3/pages/{campaign_id}/"),
        Kind("method head on an article", "HEAD", "{campaign_path}", expect=(200,)),
        Kind("method put on an article", "PUT", "{campaign_path}"),
        Kind("method delete on the home page", "DELETE", "/"),
        Kind("method unknown", "FOO", "/api/v2/pages/", expect=refused),
        Kind("method trace", "TRACE", "/"),
        Kind("method patch on the sitemap", "PATCH", "/sitemap.xml"),
    ]


def header_kinds() -> list[Kind]:
    return [
        _get("accept garbage", "/api/v3/pages/", headers={"Accept": "*/*;q=abc, ,;"}),
        _get(
            "accept-language garbage",
            "/",
            (200,),
            headers={"Accept-Language": "xx;q=abc,,,;;, " + "en-" * 500},
        ),
        _get(
            "if-none-match garbage",
            "/api/v3/pages/{campaign_id}/",
            (200,),
            headers={"If-None-Match": 'W/"' + "x" * 4000 + '", *, ""'},
        ),
        _get(
            "if-modified-since garbage",
            "{campaign_path}",
            (200,),
            headers={"If-Modified-Since": "Thu, 99 Foo 99999 25:61:61 GMT"},
        ),
        _get(
            "cookie garbage",
            "/",
            (200,),
            headers={"Cookie": 'sessionid=abc; csrftoken="; ;=; ' + "a=" * 500},
        ),
        _get(
            "authorization garbage on the api",
            "/api/v3/pages/",
            (200, 401, 403),
            headers={"Authorization": "Bearer " + "x" * 2000},
        ),
        _get(
            "authorization basic on the api",
            "/api/v3/whoami/",
            (401, 403),
            headers={"Authorization": "Basic Og=="},
        ),
    ]
