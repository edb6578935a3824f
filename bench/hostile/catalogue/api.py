"""Hostile reads of the v2 and v3 APIs: parameters, hidden ids, tokenless writes."""

from urllib.parse import quote

from bench.hostile.catalogue.values import HUGE, LONG
from bench.hostile.kinds import Kind

V2 = "/api/v2"
V3 = "/api/v3"
LONG_SEARCH = "lao%20" * 2500
REGEX = quote(r".*[(?\\^$|{1,}+ ' OR 1=1 --", safe="")
#: Full-text query syntax (SQLite FTS5, PostgreSQL tsquery) a reader may type.
FTS_SYNTAX = quote('"lao NEAR(a b) col:x AND OR NOT -* ^ & | ! <-> :*', safe="")
PUNCTUATION = quote("*** ... ??? !!!", safe="")
SQL_ORDER = quote("title; DROP TABLE wagtailcore_page --", safe="")
DEEP_FIELDS = "a(" * 1000 + "b" + ")" * 1000
#: A detail nobody may see: a missing page, or one not public.
HIDDEN = (404,)


def _get(name: str, path: str, expect=()) -> Kind:
    return Kind(name, "GET", path, expect=expect)


def v2_kinds() -> list[Kind]:
    pages = f"{V2}/pages/"
    bad = (400,)
    return [
        _get("api-v2 limit negative", pages + "?limit=-1", bad),
        _get("api-v2 limit 10**9", pages + "?limit=1000000000", bad),
        _get("api-v2 offset negative", pages + "?offset=-5", bad),
        _get("api-v2 offset 10**30", pages + f"?offset={HUGE}", bad),
        _get("api-v2 order unknown", pages + "?order=no_such_field", bad),
        _get("api-v2 order sql-ish", pages + f"?order={SQL_ORDER}", bad),
        _get("api-v2 order random", pages + "?order=random", (200,)),
        _get("api-v2 fields unknown", pages + "?fields=no_such_field", bad),
        _get("api-v2 fields star", pages + "?fields=*", (200,)),
        _get("api-v2 fields underscore and body", pages + "?fields=_,body", (200, 400)),
        _get("api-v2 fields nested 1000 deep", pages + f"?fields={DEEP_FIELDS}", bad),
        _get("api-v2 search nul", pages + "?search=lao%00dong", (200,)),
        _get(
            "api-v2 search 10k characters",
            pages + f"?search={LONG_SEARCH}",
            (200, *LONG),
        ),
        _get("api-v2 search regex and sql", pages + f"?search={REGEX}", (200,)),
        _get("api-v2 type unknown", pages + "?type=campaigns.NoSuchPage", bad),
        _get("api-v2 type malformed", pages + "?type=campaigns.a.b", bad),
        _get("api-v2 type not a page", pages + "?type=auth.User", bad),
        _get("api-v2 locale unknown", pages + "?locale=zz", (400, 404)),
        _get("api-v2 child_of a draft", pages + "?child_of={draft_id}", (200, 400)),
        _get(
            "api-v2 descendant_of a private page",
            pages + "?descendant_of={private_id}",
            (200, 400),
        ),
        _get("api-v2 id of a draft", pages + "?id={draft_id}", (200, 400)),
        _get(
            "api-v2 translation_of a private page",
            pages + "?translation_of={private_id}",
            (200, 400, 404),
        ),
        _get(
            "api-v2 search for a draft's title",
            pages + "?search={draft_title_folded}",
            (200,),
        ),
        _get(
            "api-v2 search for a private page's title",
            pages + "?type=campaigns.CampaignPage&fields=*"
            "&search={private_title_folded}",
            (200,),
        ),
        _get("api-v2 images fields star", f"{V2}/images/?fields=*", (200,)),
        _get(
            "api-v2 images of the private collection",
            f"{V2}/images/?collection={{private_collection_id}}&fields=*",
            (200, 400),
        ),
        _get(
            "api-v2 documents of the private collection",
            f"{V2}/documents/?collection={{private_collection_id}}&fields=*",
            (200, 400),
        ),
        _get("api-v2 detail of a draft", pages + "{draft_id}/", HIDDEN),
        _get("api-v2 detail of a private page", pages + "{private_id}/", HIDDEN),
        _get(
            "api-v2 detail of an unpublished page", pages + "{unpublished_id}/", HIDDEN
        ),
        _get("api-v2 detail past any integer", pages + f"{HUGE}/", HIDDEN),
        _get(
            "api-v2 find path traversal",
            pages + "find/?html_path=/../../../etc/passwd",
            HIDDEN,
        ),
        _get(
            "api-v2 find a private page",
            pages + "find/?html_path={private_path}",
            HIDDEN,
        ),
        _get("api-v2 find a draft", pages + "find/?html_path={draft_path}", HIDDEN),
        _get("api-v2 find by the id of a draft", pages + "find/?id={draft_id}", HIDDEN),
        _get("api-v2 find nul in path", pages + "find/?html_path=/%00", (400, 404)),
        _get("api-v2 images limit negative", f"{V2}/images/?limit=-1", bad),
        _get(
            "api-v2 image of a private collection",
            f"{V2}/images/{{private_image_id}}/",
            HIDDEN,
        ),
        _get(
            "api-v2 find an image of a private collection",
            f"{V2}/images/find/?id={{private_image_id}}",
            HIDDEN,
        ),
        _get(
            "api-v2 document of a private page",
            f"{V2}/documents/{{private_document_id}}/",
            HIDDEN,
        ),
        _get("api-v2 search query syntax", pages + f"?search={FTS_SYNTAX}", (200,)),
        _get(
            "api-v2 search only punctuation", pages + f"?search={PUNCTUATION}", (200,)
        ),
        _get("api-v2 search empty", pages + "?search=", (200,)),
        _get("api-v2 type of every page", pages + "?type=wagtailcore.Page&fields=*"),
        _get(
            "api-v2 type list",
            pages + "?type=home.HomePage,campaigns.CampaignPage",
            (200, 400),
        ),
        _get(
            "api-v2 fields nested on a plain field",
            pages + "?type=campaigns.CampaignPage&fields=lead(x),tags(*)",
            bad,
        ),
        _get(
            "api-v2 fields star minus",
            pages + "?type=campaigns.CampaignPage&fields=*,-title,-id,_",
            (200, 400),
        ),
        _get(
            "api-v2 filter date malformed",
            pages + "?type=campaigns.CampaignPage&date=2024-13-45",
            bad,
        ),
        _get(
            "api-v2 filter date beyond year 9999",
            pages + "?type=campaigns.CampaignPage&date=99999-01-01",
            bad,
        ),
        _get(
            "api-v2 filter foreign key as text",
            pages + "?type=campaigns.CampaignPage&hero_image=abc",
            bad,
        ),
        _get(
            "api-v2 filter boolean garbage",
            pages + "?type=campaigns.CampaignPage&comments_enabled=maybe",
            bad,
        ),
        _get(
            "api-v2 filter tags markup",
            pages + "?type=campaigns.CampaignPage&tags=%3Cscript%3E",
            (200, 400),
        ),
        _get(
            "api-v2 order by a field that is not a column",
            pages + "?type=campaigns.CampaignPage&order=view_count",
            bad,
        ),
        _get("api-v2 fields of stray brackets", pages + "?fields=title,,(,),*(*)", bad),
        _get("api-v2 order of a lone minus", pages + "?order=-", bad),
        _get("api-v2 limit empty and fractional", pages + "?limit=&offset=1.5", bad),
        _get(
            "api-v2 order random with an offset", pages + "?order=random&offset=5", bad
        ),
        _get(
            "api-v2 search with tags and order",
            pages + "?type=campaigns.CampaignPage&search=lao&tags=x&order=title",
            bad,
        ),
        _get("api-v2 ancestor_of negative", pages + "?ancestor_of=-5", (400, 404)),
        _get("api-v2 translation_of text", pages + "?translation_of=abc", bad),
        _get(
            "api-v2 find path of 20k characters",
            pages + "find/?html_path=" + "/a" * 10_000,
            (400, 404, *LONG),
        ),
        _get(
            "api-v2 find a document of a private page",
            f"{V2}/documents/find/?id={{private_document_id}}",
            HIDDEN,
        ),
        _get("api-v2 documents search nul", f"{V2}/documents/?search=%00", (200,)),
        _get("api-v2 documents search empty", f"{V2}/documents/?search=", (200,)),
        _get(
            "api-v2 documents search query syntax",
            f"{V2}/documents/?search={FTS_SYNTAX}",
            (200,),
        ),
        _get("api-v2 images search nul", f"{V2}/images/?search=%00", (200,)),
        _get(
            "api-v2 images search only punctuation",
            f"{V2}/images/?search={PUNCTUATION}",
            (200,),
        ),
        _get("api-v2 documents fields star", f"{V2}/documents/?fields=*", (200,)),
    ]


def v3_kinds() -> list[Kind]:
    pages = f"{V3}/pages/"
    bad = (400, 422)
    return [
        _get("api-v3 limit negative", pages + "?limit=-1", bad),
        _get("api-v3 limit 10**9", pages + "?limit=1000000000", bad),
        _get("api-v3 offset negative", pages + "?offset=-1", bad),
        _get("api-v3 offset 10**30", pages + f"?offset={HUGE}", bad),
        _get("api-v3 order unknown", pages + "?order=no_such_field", bad),
        _get("api-v3 order sql-ish", pages + f"?order={SQL_ORDER}", bad),
        _get("api-v3 fields is not a v3 parameter", pages + "?fields=*", (200, 422)),
        _get("api-v3 search nul", pages + "?search=lao%00dong", (200,)),
        _get(
            "api-v3 search 10k characters",
            pages + f"?search={LONG_SEARCH}",
            (200, *LONG),
        ),
        _get("api-v3 search regex and sql", pages + f"?search={REGEX}", (200,)),
        _get("api-v3 search query syntax", pages + f"?search={FTS_SYNTAX}", (200,)),
        _get(
            "api-v3 search only punctuation", pages + f"?search={PUNCTUATION}", (200,)
        ),
        _get("api-v3 search empty", pages + "?search=", (200,)),
        _get(
            "api-v3 type of a model that is not a page", pages + "?type=auth.User", bad
        ),
        _get(
            "api-v3 rich text format unknown",
            pages + "{campaign_id}/?rich_text_format=x",
            bad,
        ),
        _get(
            "api-v3 detail in the other language",
            pages + "{campaign_id}/?locale=en",
            HIDDEN,
        ),
        _get(
            "api-v3 detail with locale repeated",
            pages + "{campaign_id}/?locale=vi&locale=zz",
            (200, 404, 422),
        ),
        _get(
            "api-v3 search operator unknown", pages + "?search=a&search_operator=x", bad
        ),
        _get("api-v3 type unknown", pages + "?type=campaigns.NoSuchPage", bad),
        _get("api-v3 type malformed", pages + "?type=...", bad),
        _get("api-v3 locale unknown", pages + "?locale=zz", (404,)),
        _get(
            "api-v3 child_of a draft", pages + "?child_of={draft_id}", (200, 404, 422)
        ),
        _get(
            "api-v3 descendant_of a private page",
            pages + "?descendant_of={private_id}",
            (200, 404, 422),
        ),
        _get(
            "api-v3 ancestor_of a draft",
            pages + "?ancestor_of={draft_id}",
            (200, 404, 422),
        ),
        _get(
            "api-v3 translation_of a private page",
            pages + "?translation_of={private_id}",
            (200, 404, 422),
        ),
        _get(
            "api-v3 translation_of a draft",
            pages + "?translation_of={draft_id}",
            (200, 404, 422),
        ),
        _get(
            "api-v3 search for a private page's title",
            pages + "?search={private_title_folded}",
            (200,),
        ),
        _get(
            "api-v3 filter date malformed",
            pages + "?type=campaigns.CampaignPage&date=2024-13-45",
            (400, 422),
        ),
        _get(
            "api-v3 filter date beyond year 9999",
            pages + "?type=campaigns.CampaignPage&date=99999-01-01",
            (400, 422),
        ),
        _get(
            "api-v3 filter boolean garbage",
            pages + "?type=campaigns.CampaignPage&comments_enabled=maybe",
            (400, 422),
        ),
        _get("api-v3 order of a lone minus", pages + "?order=-", bad),
        _get("api-v3 order random with an offset", pages + "?order=random&offset=5"),
        _get("api-v3 limit empty", pages + "?limit=", bad),
        _get("api-v3 site with a huge port", pages + f"?site=localhost:{HUGE}", bad),
        _get("api-v3 unknown parameter with nul", pages + "?x=%00", bad),
        _get("api-v3 detail of a draft", pages + "{draft_id}/", HIDDEN),
        _get("api-v3 detail of a private page", pages + "{private_id}/", HIDDEN),
        _get(
            "api-v3 detail of an unpublished page", pages + "{unpublished_id}/", HIDDEN
        ),
        _get("api-v3 detail past any integer", pages + f"{HUGE}/", HIDDEN),
        _get("api-v3 detail id not a number", pages + "abc/", (404, 422)),
        _get(
            "api-v3 find path traversal",
            pages + "find/?html_path=/../../../etc/passwd",
            HIDDEN,
        ),
        _get(
            "api-v3 find a private page",
            pages + "find/?html_path={private_path}",
            HIDDEN,
        ),
        _get("api-v3 find a draft", pages + "find/?html_path={draft_path}", HIDDEN),
        _get(
            "api-v3 find by the id of a private page",
            pages + "find/?id={private_id}",
            HIDDEN,
        ),
        _get(
            "api-v3 revisions of a draft without a token",
            pages + "{draft_id}/revisions/",
            (401, 403),
        ),
        _get(
            "api-v3 a revision of a draft without a token",
            pages + "{draft_id}/revisions/1/",
            (401, 403),
        ),
        Kind(
            "api-v3 publish a draft without a token",
            "POST",
            pages + "{draft_id}/actions/publish/",
            json={},
            expect=(401, 403),
        ),
        Kind(
            "api-v3 edit a page without a token",
            "PATCH",
            pages + "{campaign_id}/",
            json={"title": "Không được sửa"},
            expect=(401, 403),
        ),
        Kind(
            "api-v3 create a page without a token",
            "POST",
            pages,
            json={"type": "campaigns.CampaignPage", "title": "Không được tạo"},
            expect=(401, 403),
        ),
        _get("api-v3 images limit negative", f"{V3}/images/?limit=-1", (400, 401, 422)),
        _get(
            "api-v3 image of a private collection",
            f"{V3}/images/{{private_image_id}}/",
            (401, 404),
        ),
        _get(
            "api-v3 document of a private page",
            f"{V3}/documents/{{private_document_id}}/",
            (401, 404),
        ),
        _get("api-v3 documents search nul", f"{V3}/documents/?search=%00", (200, 401)),
        _get("api-v3 documents search empty", f"{V3}/documents/?search=", (200, 401)),
        _get(
            "api-v3 images search query syntax",
            f"{V3}/images/?search={FTS_SYNTAX}",
            (200, 401),
        ),
        _get(
            "api-v3 redirect find nul",
            f"{V3}/redirects/find/?html_path=%00",
            (401, 404, 422),
        ),
        _get("api-v3 schema of an unknown type", f"{V3}/schema/no.Such/", (401, 404)),
        _get("api-v3 sites without a token", f"{V3}/sites/", (401, 403)),
        # Redirects are public reads in Wagtail, as the middleware follows them.
        _get("api-v3 redirects listing", f"{V3}/redirects/?limit=100", (200, 401)),
        _get(
            "api-v3 redirects filter date malformed",
            f"{V3}/redirects/?created_at=2024-13-45",
            (400, 401, 422),
        ),
        _get(
            "api-v3 redirects filter garbage",
            f"{V3}/redirects/?is_permanent=maybe&site=abc&redirect_page=x",
            (400, 401, 422),
        ),
        _get(
            "api-v3 images filter garbage",
            f"{V3}/images/?created_at=yesterday&width=wide",
            (400, 401, 422),
        ),
        _get(
            "api-v3 redirect to a hidden page",
            f"{V3}/redirects/find/?html_path={{hidden_redirect_path}}",
            (302, 401, 404),
        ),
        _get("api-v3 whoami without a token", f"{V3}/whoami/", (401, 403)),
        _get(
            "api-v3 snippets of an unknown type", f"{V3}/snippets/x/", (401, 404, 422)
        ),
        _get("api-v3 portal texts unknown locale", f"{V3}/portal/?locale=zz", (404,)),
        _get("api-v3 locales nul", f"{V3}/locales/?locale=v%00i", (422,)),
        Kind("api-v3 openapi head", "HEAD", f"{V3}/openapi.json", expect=(200,)),
        _get("api-v3 docs with odd parameters", f"{V3}/docs/?url=//hostile.invalid/"),
        _get("api-v3 root", f"{V3}/"),
    ]
