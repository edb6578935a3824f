"""``make bench-comments``: comment POSTs through every real defence vs a bare POST.

In one run: a fresh PostgreSQL database seeded as by ``make bench``; gunicorn
(production settings, Redis cache) behind a simulated proxy
(``TRUSTED_PROXY_COUNT=1``, a distinct ``X-Forwarded-For`` per client); captcha
challenges made beforehand and their answers read from the captcha store
(``CAPTCHA_TEST_MODE`` stays off); a unique text per comment. Measured at 16
concurrent clients, in turns with a bare POST view served the same way:

- distinct readers: each POST from its own address, so every one is stored (201);
- 16 busy browsers: the same 16 clients post again and again, so the per-browser
  rate limit answers most of them (429).

Then, in-process: the queries of one POST, and of the campaign page rendered
with its seeded comments and with 200 more approved ones (the count must not grow).
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import sys
import tempfile
import threading
from datetime import datetime, timedelta
from pathlib import Path

if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import ROOT
from bench.console import log, out
from bench.load import StatusLoad, run_requests
from bench.report import RESULTS, describe_machine
from bench.servers import HOST, configure, gunicorn, prepare, recreate_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
COMMENTS_URL = "/api/v3/comments/"
BARE_URL = "/bench/bare-post/"


def main(argv: list[str] | None = None) -> None:
    options = _parse(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-comments-"))
    try:
        recreate_database(database_url)
        configure(database_url, options.redis, workdir)
        os.environ["TRUSTED_PROXY_COUNT"] = "1"
        log("migrate, seed_demo, collectstatic (production settings)")
        prepare(clear_cache=True)
        page_id = _reference_page_id()
        budget = 2 * options.requests + 2 * options.warmup
        log(f"making {budget} captcha challenges")
        answers = _captcha_answers(budget)
        sql_post = _post_queries(page_id)
        sql_pages = _page_queries(page_id)
        machine = describe_machine()
        with gunicorn("bench.settings", options, workdir) as port:
            runs = _measure(port, page_id, answers, options)
        machine["load_average_after"] = os.getloadavg()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out(_table(runs))
    out(f"\nqueries per comment POST (in-process): {sql_post}")
    out(
        "queries of the campaign page, every fragment rendered: "
        + ", ".join(f"{label}: {n}" for label, n in sql_pages.items())
    )
    RESULTS.mkdir(exist_ok=True)
    saved = RESULTS / f"comments-{datetime.now():%Y%m%d-%H%M%S}.json"
    saved.write_text(
        json.dumps(
            {
                "options": vars(options),
                "machine": machine,
                "runs": {name: run.record() for name, run in runs.items()},
                "queries_per_post": sql_post,
                "page_queries": sql_pages,
            },
            indent=2,
            default=str,
        )
    )
    out(f"\nSaved {saved.relative_to(ROOT)}")


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=1500, help="per run")
    parser.add_argument("--duration", type=float, default=20, help="seconds per run")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--redis", default=DEFAULT_REDIS_URL, metavar="URL")
    return parser.parse_args(argv)


def _reference_page_id() -> int:
    from campaigns.models import CampaignPage
    from home.demo import REFERENCE_SLUG

    return CampaignPage.objects.get(slug=REFERENCE_SLUG, locale__language_code="vi").pk


def _captcha_answers(count: int) -> list[tuple[str, str]]:
    """Challenges made as the captcha endpoint makes them, answers read back."""
    from captcha.models import CaptchaStore
    from django.utils import timezone

    from campaigns.comments.captcha import digits_challenge

    expiration = timezone.now() + timedelta(hours=1)
    stores = []
    for _ in range(count):
        challenge, response = digits_challenge()
        stores.append(
            CaptchaStore(
                challenge=challenge,
                response=response,
                hashkey=secrets.token_hex(20),
                expiration=expiration,
            )
        )
    CaptchaStore.objects.bulk_create(stores, batch_size=500)
    keys = [store.hashkey for store in stores]
    found = dict(
        CaptchaStore.objects.filter(hashkey__in=keys).values_list("hashkey", "response")
    )
    return [(key, found[key]) for key in keys]


def _comment(page_id: int, n: int, key: str, value: str) -> bytes:
    return json.dumps(
        {
            "page": page_id,
            "name": f"Bạn đọc {n}",
            "title": f"Ý kiến thử tải số {n}",
            "content": f"Nội dung góp ý {n} {secrets.token_hex(8)}: đồng tình.",
            "captcha_key": key,
            "captcha_value": value,
        },
        ensure_ascii=False,
    ).encode()


def _message(path: str, body: bytes, address: str, agent: str) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"X-Forwarded-For: {address}\r\nUser-Agent: {agent}\r\n\r\n"
    )
    return head.encode() + body


def _measure(port, page_id, answers, options) -> dict[str, StatusLoad]:
    pool = iter(answers)
    lock = threading.Lock()

    def next_answer():
        with lock:
            return next(pool)

    def distinct(offset):
        def build(n):
            n += offset
            key, value = next_answer()
            address = f"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"
            body = _comment(page_id, n, key, value)
            return _message(COMMENTS_URL, body, address, f"bench-reader/{n}")

        return build

    def busy(n):
        key, value = next_answer()
        client = n % options.concurrency
        body = _comment(page_id, 10_000_000 + n, key, value)
        return _message(
            COMMENTS_URL, body, f"10.250.0.{client}", f"bench-browser/{client}"
        )

    def bare(n):
        body = _comment(page_id, n, "k", "v")
        return _message(BARE_URL, body, f"10.200.{n >> 8 & 255}.{n & 255}", "bare")

    def load(build, requests):
        return run_requests(
            HOST,
            port,
            build,
            requests=requests,
            duration=options.duration,
            concurrency=options.concurrency,
        )

    log("warm-up")
    load(bare, options.warmup)
    load(distinct(5_000_000), options.warmup)
    runs = {}
    half = options.requests // 2
    log("bare POST, distinct readers, in two turns")
    first = [load(bare, half), load(distinct(0), half)]
    second = [load(bare, half), load(distinct(half), half)]
    runs["bare POST"] = StatusLoad.merged(first[0], second[0])
    runs["comment POST, distinct readers"] = StatusLoad.merged(first[1], second[1])
    log("16 busy browsers")
    runs["comment POST, 16 busy browsers"] = load(busy, options.requests)
    return runs


def _post_queries(page_id: int) -> int:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    key, value = _captcha_answers(1)[0]
    client = Client(HTTP_HOST=HOST, HTTP_X_FORWARDED_FOR="10.254.254.254")
    body = _comment(page_id, 0, key, value)
    with CaptureQueriesContext(connection) as context:
        response = client.post(COMMENTS_URL, body, content_type="application/json")
    if response.status_code != 201:
        raise SystemExit(f"in-process POST: HTTP {response.status_code}")
    return len(context.captured_queries)


def _page_queries(page_id: int) -> dict[str, int]:
    """Queries of the page rendered with its comments, then with 200 more approved."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page

    from campaigns.generation import bump_content_generation
    from campaigns.models import Comment, CommentStatus

    page = Page.objects.get(pk=page_id)
    client = Client(HTTP_HOST=HOST)

    def count(query=""):
        client.get(page.url + query)
        bump_content_generation()
        with CaptureQueriesContext(connection) as context:
            response = client.get(page.url + query)
        if response.status_code != 200:
            raise SystemExit(f"{page.url}{query}: HTTP {response.status_code}")
        return len(context.captured_queries)

    counts = {"seeded comments": count()}
    Comment.objects.bulk_create(
        Comment(
            page=page,
            locale_id=page.locale_id,
            name=f"Bạn đọc {n}",
            title=f"Ý kiến {n}",
            content=f"Nội dung {n}",
            status=CommentStatus.APPROVED,
            reply="Cảm ơn bạn." if n % 3 == 0 else "",
            fingerprint=f"bench-{n}",
        )
        for n in range(200)
    )
    counts["+200 approved, first page"] = count()
    counts["+200 approved, last page"] = count("?comments=999")
    return counts


def _table(runs: dict[str, StatusLoad]) -> str:
    bare = runs["bare POST"].rps
    width = max(map(len, runs))
    lines = [
        f"{'run':<{width}}  {'req/s':>7}  {'p50 ms':>7}  {'p99 ms':>7}  {'× bare':>6}"
        f"  {'201':>5}  {'429':>5}  {'other 4xx':>9}  {'5xx':>4}  errors"
    ]
    for name, run in runs.items():
        other = run.count(400, 499) - run.count(429)
        created = run.count(200, 299)
        lines.append(
            f"{name:<{width}}  {run.rps:>7.1f}  {run.percentile_ms(0.5):>7.1f}  "
            f"{run.percentile_ms(0.99):>7.1f}  {run.rps / bare:>6.3f}  "
            f"{created:>5}  {run.count(429):>5}  {other:>9}  "
            f"{run.count(500, 599):>4}  {len(run.errors)}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
