"""``make bench-beacons``: the view beacon with Redis vs a bare POST, and exactness.

In one run: a fresh PostgreSQL database seeded as by ``make bench``, with at
least 100 public pages (campaign pages are added in-process when the seed has
fewer); gunicorn (production settings, Redis) behind a simulated proxy
(``TRUSTED_PROXY_COUNT=1``, a distinct ``X-Forwarded-For`` and User-Agent per
visitor).

1. In-process, after a warm-up: database queries and Redis round trips of one
   beacon (every call that reaches Redis is counted), and the queries of the
   database path (Redis switched off) for comparison.
2. Throughput at 64 concurrent clients, in turns with the bare POST view: every
   beacon comes from a new visitor, so every one is counted (200).
3. Exactness: 100,000 beacons, 1,000 visitors × 100 pages, each pair once,
   while ``flush()`` runs every second in a thread; after a final flush every
   page must have exactly 1,000 more views and the day exactly 1,000 more
   visits and 100,000 more views.
"""

import argparse
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
from collections import Counter
from datetime import datetime
from pathlib import Path

if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import ROOT
from bench.console import log, out
from bench.load import StatusLoad, run_requests
from bench.report import RESULTS, describe_machine
from bench.servers import HOST, configure, gunicorn, prepare, recreate_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_beacons"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
BARE_URL = "/bench/bare-post/"
BODY = b"{}"
AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/{version} Safari/537.36"
)


def main(argv: list[str] | None = None) -> None:
    options = _parse(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-beacons-"))
    try:
        recreate_database(database_url)
        configure(database_url, options.redis, workdir)
        os.environ["TRUSTED_PROXY_COUNT"] = "1"
        log("migrate, seed_demo, collectstatic (production settings)")
        prepare(clear_cache=True)
        page_ids = _public_pages(options.pages)
        hot_path = _hot_path(page_ids)
        machine = describe_machine()
        machine["load_average_before"] = os.getloadavg()
        with gunicorn("bench.settings", options, workdir) as port:
            runs = _throughput(port, page_ids, options)
            exactness = _exactness(port, page_ids, options)
        machine["load_average_after"] = os.getloadavg()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out(_table(runs))
    out(
        "\nper beacon (in-process, after warm-up): "
        f"{hot_path['redis_round_trips']} Redis round trip(s) "
        f"({hot_path['redis_commands']}), {hot_path['queries']} database queries; "
        f"without Redis: {hot_path['queries_without_redis']} queries"
    )
    out("\n" + "\n".join(exactness["lines"]))
    out(
        f"\nload average before/after: {machine['load_average_before']} / "
        f"{machine['load_average_after']}"
    )
    RESULTS.mkdir(exist_ok=True)
    saved = RESULTS / f"beacons-{datetime.now():%Y%m%d-%H%M%S}.json"
    saved.write_text(
        json.dumps(
            {
                "options": vars(options),
                "machine": machine,
                "runs": {name: run.record() for name, run in runs.items()},
                "ratio_to_bare": runs["beacon"].rps / runs["bare POST"].rps,
                "hot_path": hot_path,
                "exactness": exactness,
            },
            indent=2,
            default=str,
        )
    )
    out(f"\nSaved {saved.relative_to(ROOT)}")
    if not exactness["exact"]:
        raise SystemExit("exactness run: counts are NOT exact")


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=4000, help="per run")
    parser.add_argument("--duration", type=float, default=20, help="seconds per turn")
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--redis", default=DEFAULT_REDIS_URL, metavar="URL")
    parser.add_argument("--pages", type=int, default=100)
    parser.add_argument("--visitors", type=int, default=1000)
    parser.add_argument(
        "--exact-timeout", type=float, default=900, help="seconds for the exact run"
    )
    parser.add_argument("--flush-every", type=float, default=1.0, metavar="SECONDS")
    return parser.parse_args(argv)


def _default_site_id() -> int:
    """The site the beacons reach: their host name is no site's own."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).pk


def _public_pages(wanted: int) -> list[int]:
    """``wanted`` public page ids, adding published campaign pages if needed."""
    from campaigns.models import CampaignIndexPage, CampaignPage
    from campaigns.stats.counting import public_page_ids
    from home.demo import INDEX_SLUG

    page_ids = sorted(public_page_ids(_default_site_id()))
    missing = wanted - len(page_ids)
    if missing > 0:
        log(f"publishing {missing} more campaign pages")
        index = CampaignIndexPage.objects.get(
            slug=INDEX_SLUG, locale__language_code="vi"
        )
        for n in range(missing):
            page = CampaignPage(
                title=f"Chiến dịch đo lượt xem số {n + 1}",
                slug=f"do-luot-xem-{n + 1}",
                lead="Trang thêm vào để đo bộ đếm lượt xem.",
            )
            index.add_child(instance=page)
            page.save_revision().publish()
        page_ids = sorted(public_page_ids(_default_site_id()))
    return page_ids[:wanted]


def _message(path: str, address: str, agent: str) -> bytes:
    head = (
        f"POST {path} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(BODY)}\r\n"
        f"X-Forwarded-For: {address}\r\nUser-Agent: {agent}\r\n\r\n"
    )
    return head.encode() + BODY


def _beacon_url(page_id: int) -> str:
    return f"/api/v3/pages/{page_id}/views/"


def _address(prefix: int, n: int) -> str:
    return f"{prefix}.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}"


class RedisCalls:
    """Counts what reaches Redis: each command call or pipeline is a round trip."""

    def __init__(self):
        self.commands = Counter()
        self.round_trips = 0

    def __enter__(self):
        import redis
        from redis.client import Pipeline

        self._command = redis.Redis.execute_command
        self._pipeline = Pipeline.execute
        calls = self

        def execute_command(client, *args, **kwargs):
            calls.round_trips += 1
            calls.commands[str(args[0]).upper()] += 1
            return calls._command(client, *args, **kwargs)

        def execute(pipeline, *args, **kwargs):
            calls.round_trips += 1
            calls.commands["PIPELINE"] += 1
            return calls._pipeline(pipeline, *args, **kwargs)

        redis.Redis.execute_command = execute_command
        Pipeline.execute = execute
        return self

    def __exit__(self, *exc):
        import redis
        from redis.client import Pipeline

        redis.Redis.execute_command = self._command
        Pipeline.execute = self._pipeline


class RedisRetries:
    """Counts the Redis calls redis-py retried (it does on a timeout, by default).

    A retried script runs again on the server when only the answer was late.
    """

    def __init__(self):
        self.failures = Counter()

    def __enter__(self):
        from redis.retry import Retry

        self._call = Retry.call_with_retry
        retries = self

        def call_with_retry(retry, do, fail, *args, **kwargs):
            def counted(error, *rest):
                retries.failures[type(error).__name__] += 1
                return fail(error, *rest)

            return retries._call(retry, do, counted, *args, **kwargs)

        Retry.call_with_retry = call_with_retry
        return self

    def __exit__(self, *exc):
        from redis.retry import Retry

        Retry.call_with_retry = self._call


def _hot_path(page_ids: list[int], beacons: int = 200) -> dict:
    """Queries and Redis round trips per counted beacon, in-process, after warm-up."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from campaigns.stats.flush import flush

    client = Client(HTTP_HOST=HOST)

    def send(n, page_id, prefix=10):
        response = client.post(
            _beacon_url(page_id),
            BODY,
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=_address(prefix, n),
            HTTP_USER_AGENT=AGENT.format(version=f"120.0.{n}.0"),
        )
        if response.status_code != 200:
            raise SystemExit(f"in-process beacon: HTTP {response.status_code}")

    # Warm-up: the public page set, each page's cached base count, the salt.
    for n, page_id in enumerate(page_ids):
        send(8_000_000 + n, page_id)
    with CaptureQueriesContext(connection) as queries, RedisCalls() as calls:
        for n in range(beacons):
            send(8_100_000 + n, page_ids[n % len(page_ids)])
    with override_settings(CAMPAIGNS_REDIS_URL=""):
        send(8_200_000, page_ids[0], prefix=11)
        with CaptureQueriesContext(connection) as without_redis:
            send(8_200_001, page_ids[1], prefix=11)
    flush()
    return {
        "beacons": beacons,
        "queries": len(queries.captured_queries) / beacons,
        "sql": [q["sql"] for q in queries.captured_queries],
        "redis_round_trips": calls.round_trips / beacons,
        "redis_commands": {k: v / beacons for k, v in calls.commands.items()},
        "queries_without_redis": len(without_redis.captured_queries),
        "sql_without_redis": [q["sql"] for q in without_redis.captured_queries],
    }


def _throughput(port: int, page_ids: list[int], options) -> dict[str, StatusLoad]:
    def beacon(offset):
        def build(n):
            n += offset
            page_id = page_ids[n % len(page_ids)]
            agent = AGENT.format(version=f"120.{n >> 16}.{n & 65535}.0")
            return _message(_beacon_url(page_id), _address(10, n), agent)

        return build

    def bare(n):
        return _message(BARE_URL, _address(12, n), AGENT.format(version="120.0"))

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
    load(beacon(5_000_000), options.warmup)
    half = options.requests // 2
    log(f"bare POST and beacon in two turns, {options.concurrency} clients")
    first = [load(bare, half), load(beacon(0), half)]
    second = [load(bare, half), load(beacon(half), half)]
    return {
        "bare POST": StatusLoad.merged(first[0], second[0]),
        "beacon": StatusLoad.merged(first[1], second[1]),
    }


def _exactness(port: int, page_ids: list[int], options) -> dict:
    """Every visitor × page pair once, flushing meanwhile; then check each count."""
    from django.db import connection
    from django.utils import timezone

    from campaigns.stats import redis_store
    from campaigns.stats.flush import flush

    pages, visitors = len(page_ids), options.visitors
    total = pages * visitors
    flush()
    before = _counts(page_ids)
    log(f"exactness: {total} beacons, {visitors} visitors × {pages} pages")

    def build(n):
        page_id, visitor = page_ids[n % pages], n // pages
        agent = AGENT.format(version=f"121.0.{visitor}.0")
        return _message(_beacon_url(page_id), _address(172, visitor), agent)

    stop = threading.Event()
    flushes = {"runs": 0, "batches": 0, "errors": []}

    def flusher():
        try:
            while not stop.wait(options.flush_every):
                try:
                    flushes["batches"] += flush()
                    flushes["runs"] += 1
                except Exception as exc:  # noqa: BLE001 -- recorded, and the run fails.
                    flushes["errors"].append(repr(exc))
        finally:
            connection.close()

    thread = threading.Thread(target=flusher)
    with RedisRetries() as retries:
        thread.start()
        try:
            load = run_requests(
                HOST,
                port,
                build,
                requests=total,
                duration=options.exact_timeout,
                concurrency=options.concurrency,
            )
        finally:
            stop.set()
            thread.join()
        flushes["batches"] += flush()
    flushes["redis_retries"] = dict(retries.failures)
    after = _counts(page_ids)
    day = timezone.localdate()
    wrong = {
        page_id: after["pages"][page_id] - before["pages"][page_id]
        for page_id in page_ids
        if after["pages"][page_id] - before["pages"][page_id] != visitors
    }
    wrong_daily = [
        page_id
        for page_id in page_ids
        if after["daily"][page_id] - before["daily"][page_id] != visitors
    ]
    visits = after["visits"] - before["visits"]
    views = after["day_views"] - before["day_views"]
    buffered = redis_store.buffered_views(
        redis_store.client(), _default_site_id(), page_ids
    )
    complete = load.requests == total and not load.errors
    exact = (
        complete
        and load.count(200) == total
        and not wrong
        and not wrong_daily
        and visits == visitors
        and views == total
        and not any(buffered.values())
        and not flushes["errors"]
        and before["day"] == day
    )
    lines = [
        f"exactness: {load.requests}/{total} beacons answered in "
        f"{load.seconds:.1f} s ({load.rps:.0f}/s), statuses {load.statuses}, "
        f"{len(load.errors)} socket errors",
        f"  flush ran {flushes['runs']} times during the run, "
        f"{flushes['batches']} batches applied, {len(flushes['errors'])} errors, "
        f"Redis calls retried by the client: {flushes['redis_retries'] or 'none'}",
        f"  pages with exactly +{visitors} views: {pages - len(wrong)}/{pages}"
        + (f" (wrong: {dict(list(wrong.items())[:5])})" if wrong else ""),
        f"  pages with exactly +{visitors} daily views: "
        f"{pages - len(wrong_daily)}/{pages}",
        f"  day {day}: +{visits} visits (expected {visitors}), "
        f"+{views} views (expected {total})",
        f"  left in the Redis buffer after the final flush: {sum(buffered.values())}",
        f"  verdict: {'EXACT' if exact else 'NOT EXACT'}",
    ]
    return {
        "exact": exact,
        "beacons": total,
        "answered": load.requests,
        "seconds": load.seconds,
        "rps": load.rps,
        "statuses": load.statuses,
        "errors": load.errors[:10],
        "flushes": flushes,
        "pages_wrong": wrong,
        "visits_added": visits,
        "views_added": views,
        "lines": lines,
    }


def _counts(page_ids: list[int]) -> dict:
    from django.utils import timezone

    from campaigns.models import DailyVisits, PageDailyViews, PageViewCount

    day = timezone.localdate()
    pages = dict.fromkeys(page_ids, 0)
    pages.update(
        PageViewCount.objects.filter(page_id__in=page_ids).values_list(
            "page_id", "views"
        )
    )
    daily = dict.fromkeys(page_ids, 0)
    daily.update(
        PageDailyViews.objects.filter(page_id__in=page_ids, day=day).values_list(
            "page_id", "views"
        )
    )
    row = DailyVisits.objects.filter(site_id=_default_site_id(), day=day).first()
    return {
        "day": day,
        "pages": pages,
        "daily": daily,
        "visits": row.visits if row else 0,
        "day_views": row.views if row else 0,
    }


def _table(runs: dict[str, StatusLoad]) -> str:
    bare = runs["bare POST"].rps
    width = max(map(len, runs))
    lines = [
        f"{'run':<{width}}  {'req/s':>7}  {'p50 ms':>7}  {'p99 ms':>7}  {'× bare':>6}"
        "  statuses  errors"
    ]
    for name, run in runs.items():
        lines.append(
            f"{name:<{width}}  {run.rps:>7.1f}  {run.percentile_ms(0.5):>7.1f}  "
            f"{run.percentile_ms(0.99):>7.1f}  {run.rps / bare:>6.3f}  "
            f"{run.statuses}  {len(run.errors)}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
