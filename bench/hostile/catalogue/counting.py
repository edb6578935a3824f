"""Hostile view beacons, visitor statistics and headless preview tokens."""

from bench.hostile.catalogue.values import HUGE, OVER_INTEGER
from bench.hostile.kinds import Kind

V3 = "/api/v3"
#: A page nobody may count or preview: missing, or not public.
HIDDEN = (404,)


def _get(name: str, path: str, expect=()) -> Kind:
    return Kind(name, "GET", path, expect=expect)


def beacon_kinds() -> list[Kind]:
    def beacon(name, page, expect=HIDDEN, query="", **extra):
        path = f"{V3}/pages/{page}/views/{query}"
        return Kind(f"beacon {name}", "POST", path, expect=expect, **extra)

    counted = (200, 202)
    return [
        beacon("draft page", "{draft_id}"),
        beacon("private page", "{private_id}"),
        beacon("unpublished page", "{unpublished_id}"),
        beacon("page zero", "0"),
        beacon("negative id", "-1", (404, 422)),
        beacon("huge id", str(HUGE), (404, 422)),
        beacon("id just past an integer", str(OVER_INTEGER), (404, 422)),
        beacon("non-numeric id", "abc", (404, 422)),
        beacon("float id", "1.5", (404, 422)),
        beacon("repeated 20 times", "{campaign_id}", counted, repeat=20),
        beacon("with a 60 KiB body", "{campaign_id}", counted, body=b"x" * 60_000),
        beacon(
            "from a crawler",
            "{campaign_id}",
            counted,
            headers={"User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        ),
        beacon(
            "with forged x-forwarded-for",
            "{campaign_id}",
            counted,
            headers={
                "X-Forwarded-For": ", , not-an-address, ::ffff:999.1.1.1, 10.0.0.1"
            },
        ),
        beacon("with nul in the query", "{campaign_id}", (422,), query="?x=%00"),
        Kind("beacon get", "GET", f"{V3}/pages/{{campaign_id}}/views/", expect=(405,)),
    ]


def stats_and_preview_kinds() -> list[Kind]:
    preview = f"{V3}/preview/"
    stats = f"{V3}/stats/visitors/"
    return [
        _get("stats unknown locale", stats + "?locale=zz", (404,)),
        _get("stats nul parameter", stats + "?x=%00", (422,)),
        _get("stats huge number parameter", stats + f"?x={HUGE}", (422,)),
        Kind("stats delete", "DELETE", stats, expect=(405,)),
        Kind("stats post", "POST", stats, expect=(405,)),
        _get("preview without a token", preview, (401,)),
        _get("preview garbage token", preview + "?token=khong-hop-le", (403,)),
        _get(
            "preview forged signature",
            preview + "?token=eyJwYWdlIjoxLCJyZXZpc2lvbiI6MX0:1tAbCd:" + "A" * 43,
            (403,),
        ),
        Kind(
            "preview garbage token in the header",
            "GET",
            preview,
            headers={"X-Preview-Token": "x:y:z"},
            expect=(403,),
        ),
        _get("preview token of 100k characters", preview + "?token=" + "a" * 100_000),
        _get("preview token with nul", preview + "?token=a%00b", (403, 422)),
        _get(
            "preview garbage token and rich text format",
            preview + "?token=x&rich_text_format=%00",
            (403, 422),
        ),
        _get(
            "preview expired token", preview + "?token={preview_token_expired}", (403,)
        ),
        _get(
            "preview token of a page that does not exist",
            preview + "?token={preview_token_no_page}",
            (404,),
        ),
        _get(
            "preview token whose payload is a list",
            preview + "?token={preview_token_list}",
            (403,),
        ),
        _get(
            "preview token whose ids are text",
            preview + "?token={preview_token_text_ids}",
            (403,),
        ),
    ]
