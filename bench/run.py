"""``make bench``: throughput and queries of the main pages, as ratios to a bare view.

In one run: a fresh PostgreSQL database; ``migrate``, ``seed_demo`` and
``collectstatic`` with production settings; two gunicorn servers (sync workers)
on 127.0.0.1 serving the project plus a bare Django view, one as configured
(page fragments cached, ``{% public_cache %}``, which needs the shared cache of
``--redis``: with local memory, fragments are never cached) and one that renders
every fragment on every request; for each URL a warm-up, then a bounded
measurement.
The ratio is req/s ÷ the bare view's req/s in the same run. The URLs take turns
over several rounds, so that load from other processes on the machine falls on
all of them alike. Queries per request come from the same URL requested
in-process after a warm-up. Each v2 listing is also requested one page at a time
(``limit=1`` at every offset): its query count must not grow with ``limit``, and
no query may repeat for each page. No page cache is involved.
"""

import argparse
import itertools
import json
import logging
import math
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, bench/ comes first on the path, where its settings.py and
# urls.py would shadow top-level modules of the same names: the root goes there.
if Path(sys.path[0]).resolve() == ROOT / "bench":
    sys.path[0] = str(ROOT)

from bench.load import Check, LoadResult, run_load  # noqa: E402

HOST = "127.0.0.1"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
LISTING = "/api/v2/pages/?type={type}&locale=vi&fields=*&limit={limit}"
RESULTS = ROOT / "bench" / "results"
#: Returns what is wrong with one item of a v2 listing, or None when it is right.
ItemCheck = Callable[[dict], str | None]
#: Suffix of the pages served with every fragment rendered on every request.
RENDERED = "(rendered)"
#: Issue 3's targets: minimum ratio to the bare view and maximum queries.
CAMPAIGN_TARGET = (0.03, 10)
LISTING_TARGET = 0.01


@dataclass
class Target:
    """A URL to measure and how to tell that its response did the work."""

    name: str
    path: str
    check: Check
    #: Served by the server that renders page fragments on every request.
    rendered: bool = False
    #: For a v2 listing: the same listing at ``limit=1``, at each offset in turn.
    singles: list["Target"] = field(default_factory=list)


@dataclass
class Row:
    """What one URL measured: load over HTTP, and the SQL of one render."""

    target: Target
    load: LoadResult
    sql: list[str]


def main(argv: list[str] | None = None) -> None:
    options = _parse(argv)
    # A plain kill of this script still stops gunicorn (``finally`` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load_before = os.getloadavg()
    if load_before[0] > 0.5 * os.cpu_count():
        _log(f"warning: load average {load_before[0]:.1f}; other work skews results")
    if not options.redis:
        _log("warning: without --redis no fragment is cached; every page renders")
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    try:
        _log(f"Recreating the database of {_redacted(database_url)}")
        recreate_database(database_url)
        configure(database_url, options.redis, workdir)
        _log("migrate, seed_demo, collectstatic (production settings)")
        prepare(clear_cache=bool(options.redis))
        plan = targets()
        sql = {target.name: render_queries(target) for target in plan}
        singles = {
            target.name: [render_queries(single) for single in target.singles]
            for target in plan
            if target.singles
        }
        machine = {**_machine(), "load_average_before": load_before}
        with (
            gunicorn("bench.settings", options, workdir) as cached,
            gunicorn("bench.settings_rendered", options, workdir) as rendered,
        ):
            loads = measure({False: cached, True: rendered}, plan, options)
        machine["load_average_after"] = os.getloadavg()
        rows = [Row(target, loads[target.name], sql[target.name]) for target in plan]
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    verdicts = judge(rows, singles)
    _out(table(rows))
    _out("\n".join(["", "Targets (issues 3 and 4; no page cache):", *verdicts]))
    if options.sql:
        for row in rows:
            _out(f"\n{row.target.name} ({row.target.path}): {len(row.sql)} queries")
            _out("\n".join(f"  {n}. {q}" for n, q in enumerate(row.sql, 1)))
    saved = save(rows, singles, verdicts, options, machine)
    _out(f"\nSaved {saved.relative_to(ROOT)}")


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="per URL")
    parser.add_argument("--duration", type=float, default=20, help="seconds per URL")
    parser.add_argument("--rounds", type=int, default=3, help="turns per URL")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=50, help="requests per URL")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument(
        "--redis",
        nargs="?",
        const=DEFAULT_REDIS_URL,
        metavar="URL",
        help=f"cache in Redis (default {DEFAULT_REDIS_URL}, flushed first) "
        "instead of local memory, which caches no page fragment",
    )
    parser.add_argument("--sql", action="store_true", help="print each URL's SQL")
    return parser.parse_args(argv)


# --- Set-up ------------------------------------------------------------------------
def recreate_database(url: str) -> None:
    """Drop and create the database of ``url``; its name must contain "bench"."""
    import environ
    import psycopg2
    from psycopg2 import sql

    config = environ.Env.db_url_config(url)
    name = config["NAME"]
    if "bench" not in name:
        raise SystemExit(f"Refusing to drop {name!r}: its name lacks 'bench'.")
    keys = {"USER": "user", "PASSWORD": "password", "HOST": "host", "PORT": "port"}
    params = {arg: config[key] for key, arg in keys.items() if config.get(key)}
    connection = psycopg2.connect(dbname="postgres", **params)
    connection.autocommit = True
    with connection.cursor() as cursor:
        database = sql.Identifier(name)
        cursor.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database)
        )
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(database))
    connection.close()


def configure(database_url: str, redis_url: str | None, workdir: Path) -> None:
    """Set the production environment (DESIGN §9) for this process and gunicorn."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": f"{HOST},localhost",
            "DATABASE_URL": database_url,
            "WAGTAILADMIN_BASE_URL": f"http://{HOST}",
            "SECURE_SSL_REDIRECT": "false",
            # Seeded images and collected files stay out of the developer's folders.
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
        }
    )
    if redis_url:
        os.environ["REDIS_URL"] = redis_url
    else:
        os.environ.pop("REDIS_URL", None)


def prepare(*, clear_cache: bool) -> None:
    """Set Django up, then migrate, seed the demo and collect static files."""
    import django

    django.setup()
    from django.core.cache import caches
    from django.core.management import call_command

    if clear_cache:
        # Cached renditions from an earlier run point into a dropped database.
        caches["default"].clear()
    call_command("migrate", interactive=False, verbosity=0)
    # The seed logs every background task and revision at INFO.
    logging.disable(logging.INFO)
    try:
        call_command("seed_demo", stdout=sys.stderr)
    finally:
        logging.disable(logging.NOTSET)
    call_command("collectstatic", interactive=False, verbosity=0)


def targets() -> list[Target]:
    """The bare view, then the pages of issues 3 and 4, each with its content check.

    Each HTML page is measured twice: with its fragments cached, as configured,
    and rendered on every request (the honest cost of a cache miss).
    """
    from django.utils.html import escape

    from campaigns.demo import (
        INDEX_SLUG,
        PUBLIC_SLUGS,
        REFERENCE_SLUG,
        VIDEO_CAPTIONED_SLUG,
        VIDEO_INDEX_SLUG,
        VIDEO_PUBLIC_SLUGS,
    )
    from campaigns.demo.content import INDEX_TITLE, PORTAL_NAME
    from campaigns.demo.video_spec import VIDEO_INDEX_TITLE
    from campaigns.models import CampaignPage, VideoStoryPage

    reference = escape(CampaignPage.objects.get(slug=REFERENCE_SLUG).title)
    video = escape(VideoStoryPage.objects.get(slug=VIDEO_CAPTIONED_SLUG).title)
    pages = [
        Target("home", "/", _contains(escape(PORTAL_NAME), reference)),
        Target("campaign index", f"/{INDEX_SLUG}/", _contains(INDEX_TITLE, reference)),
        Target(
            "campaign page",
            f"/{INDEX_SLUG}/{REFERENCE_SLUG}/",
            _contains(reference, "NewsArticle", "/media/images/"),
        ),
        Target(
            "video index",
            f"/{VIDEO_INDEX_SLUG}/",
            _contains(escape(VIDEO_INDEX_TITLE), video),
        ),
        Target(
            "video page",
            f"/{VIDEO_INDEX_SLUG}/{VIDEO_CAPTIONED_SLUG}/",
            _contains(video, "VideoObject", "<track"),
        ),
    ]
    return [
        Target("bare view", "/bench/bare/", _equals(b"ok")),
        *itertools.chain.from_iterable(
            (page, replace(page, name=f"{page.name} {RENDERED}", rendered=True))
            for page in pages
        ),
        _listing("v2 listing", "campaigns.CampaignPage", PUBLIC_SLUGS, _has_body),
        _listing(
            "video listing",
            "campaigns.VideoStoryPage",
            VIDEO_PUBLIC_SLUGS,
            _playable(captioned=VIDEO_CAPTIONED_SLUG),
        ),
    ]


def _listing(
    name: str, page_type: str, slugs: Sequence[str], item: ItemCheck
) -> Target:
    """A v2 listing of ``page_type`` at ``limit=20``, which must hold ``slugs``.

    Its ``singles`` hold one page each, at offsets 0, 1, …; only their queries
    are taken.
    """
    one = LISTING.format(type=page_type, limit=1)
    check = _listing_check(1, item=item)
    singles = [
        Target(f"{name}, limit=1, offset={n}", f"{one}&offset={n}", check)
        for n in range(len(slugs))
    ]
    return Target(
        name,
        LISTING.format(type=page_type, limit=20),
        _listing_check(len(slugs), set(slugs), item=item),
        singles=singles,
    )


def _equals(expected: bytes) -> Check:
    return lambda body: None if body == expected else f"body is not {expected!r}"


def _contains(*texts: str) -> Check:
    needles = [text.encode() for text in texts]

    def check(body: bytes) -> str | None:
        missing = [n.decode() for n in needles if n not in body]
        return f"missing {missing}" if missing else None

    return check


def _has_body(item: dict) -> str | None:
    return None if item.get("body") else "no body"


def _playable(captioned: str | None = None) -> ItemCheck:
    """Each video story has a video source with a URL; ``captioned`` has captions."""

    def check(item: dict) -> str | None:
        if not (item.get("video_source") or {}).get("url"):
            return "no video source"
        if item["meta"]["slug"] == captioned and not item.get("captions"):
            return "no caption track"
        return None

    return check


def _listing_check(
    count: int, slugs: set[str] | None = None, item: ItemCheck = _has_body
) -> Check:
    def check(body: bytes) -> str | None:
        try:
            items = json.loads(body)["items"]
            found = {entry["meta"]["slug"] for entry in items}
        except (ValueError, KeyError, TypeError) as exc:
            return f"not a page listing: {exc!r}"
        if len(items) != count or (slugs is not None and found != slugs):
            return f"expected {count} items, got {sorted(found)}"
        for entry in items:
            if error := item(entry):
                return f"{entry['meta']['slug']}: {error}"
        return None

    return check


# --- Measurement -------------------------------------------------------------------
def render_queries(target: Target) -> list[str]:
    """The SQL of one in-process request to ``target``, after a warm-up request.

    For a ``rendered`` target the content generation moves in between, so that
    every cached fragment misses, as on the server that never stores them.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from campaigns.generation import bump_content_generation

    client = Client(HTTP_HOST=HOST)
    client.get(target.path)
    if target.rendered:
        bump_content_generation()
    with CaptureQueriesContext(connection) as context:
        response = client.get(target.path)
    error = f"HTTP {response.status_code}" if response.status_code != 200 else None
    if error := error or target.check(response.content):
        raise SystemExit(f"{target.path} (in-process): {error}")
    return [query["sql"] for query in context.captured_queries]


@contextmanager
def gunicorn(
    settings: str, options: argparse.Namespace, workdir: Path
) -> Iterator[int]:
    """Serve ``bench.wsgi`` with ``settings`` on a free local port; always stopped."""
    from django.db import connections

    connections.close_all()
    port = _free_port()
    log_path = workdir / f"gunicorn-{port}.log"
    command = [
        *(sys.executable, "-m", "gunicorn", "--workers", str(options.workers)),
        *("--bind", f"{HOST}:{port}", "--chdir", str(ROOT), "--log-level", "warning"),
        "bench.wsgi:application",
    ]
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": settings}
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603
            command, stdout=log, stderr=subprocess.STDOUT, env=environment
        )
    try:
        _wait_until_up(process, port, log_path)
        _log(f"gunicorn pid {process.pid} on {HOST}:{port}: {settings}")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _wait_until_up(process: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited:\n{log_path.read_text()}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not start:\n{log_path.read_text()}")


def measure(
    ports: dict[bool, int], plan: list[Target], options: argparse.Namespace
) -> dict[str, LoadResult]:
    """Warm each URL up (both workers), then load the URLs in turns."""
    results = {target.name: LoadResult() for target in plan}
    for target in plan:
        _load(ports[target.rendered], target, options.warmup, 60, options)
    requests = math.ceil(options.requests / options.rounds)
    duration = options.duration / options.rounds
    for turn in range(1, options.rounds + 1):
        for target in plan:
            _log(f"round {turn}/{options.rounds}: {target.name}")
            port = ports[target.rendered]
            results[target.name].add(_load(port, target, requests, duration, options))
    return results


def _load(
    port: int,
    target: Target,
    requests: int,
    duration: float,
    options: argparse.Namespace,
) -> LoadResult:
    load = run_load(
        HOST,
        port,
        target.path,
        check=target.check,
        requests=requests,
        duration=duration,
        concurrency=options.concurrency,
    )
    if load.errors or not load.requests:
        errors = load.errors
        raise SystemExit(f"{target.name}: {len(errors)} bad responses: {errors[:3]}")
    return load


# --- Report ------------------------------------------------------------------------
def table(rows: list[Row]) -> str:
    """A plain-text table; the first row is the bare view."""
    bare = rows[0].load.rps
    width = max(len(row.target.name) for row in rows)
    head = f"{'page':<{width}}  {'req/s':>7}  {'p50 ms':>7}  {'p99 ms':>7}  "
    lines = [head + f"{'× bare':>6}  {'queries':>7}  URL"]
    for row in rows:
        load = row.load
        lines.append(
            f"{row.target.name:<{width}}  {load.rps:>7.1f}  "
            f"{load.percentile_ms(0.5):>7.1f}  {load.percentile_ms(0.99):>7.1f}  "
            f"{load.rps / bare:>6.3f}  {len(row.sql):>7}  {row.target.path}"
        )
    return "\n".join(lines)


def judge(rows: list[Row], singles: dict[str, list[list[str]]]) -> list[str]:
    """Issue 3's targets and issue 4's listing, each line ending in pass or MISS."""
    bare = rows[0].load.rps
    by_name = {row.target.name: row for row in rows}
    lines = []
    for name in ("campaign page", f"campaign page {RENDERED}"):
        page = by_name[name]
        ratio, queries = page.load.rps / bare, len(page.sql)
        ok = ratio >= CAMPAIGN_TARGET[0] and queries <= CAMPAIGN_TARGET[1]
        lines.append(
            f"  {name}: {ratio:.3f} × bare (≥ {CAMPAIGN_TARGET[0]}), "
            f"{queries} queries (≤ {CAMPAIGN_TARGET[1]}): {_verdict(ok)}"
        )
    ratio = by_name["v2 listing"].load.rps / bare
    lines.append(
        f"  v2 listing: {ratio:.3f} × bare (≥ {LISTING_TARGET}): "
        f"{_verdict(ratio >= LISTING_TARGET)}"
    )
    for name in ("v2 listing", "video listing"):
        lines += _listing_verdicts(name, by_name[name].sql, singles[name])
    return lines


def _listing_verdicts(name: str, sql: list[str], singles: list[list[str]]) -> list[str]:
    """Same count at ``limit=1`` and ``limit=20``; and no query repeated per page.

    The count can differ without any per-page query: a bulk query for a kind of
    reference (embeds, linked pages) runs only when some listed page has one. A
    query shape that runs more often for all the pages together than for any of
    them alone does grow with the pages.
    """
    counts = sorted(len(single) for single in singles)
    repeated = _repeated(sql, singles)
    return [
        f"  {name}: queries {len(singles[0])} at limit=1, {len(sql)} at limit=20 "
        f"(same count): {_verdict(len(singles[0]) == len(sql))}",
        f"  {name}: {len(singles)} pages alone take {counts[0]}–{counts[-1]} "
        f"queries; repeated per page at limit=20: "
        f"{'; '.join(repeated) or 'none'}: {_verdict(not repeated)}",
    ]


def _repeated(sql: list[str], singles: list[list[str]]) -> list[str]:
    """Query shapes run more often in ``sql`` than in any one of ``singles``."""
    most = Counter()
    for single in singles:
        most |= Counter(map(_shape, single))
    return [
        f"{count - most[shape]} more from {_table(shape)}"
        for shape, count in Counter(map(_shape, sql)).items()
        if count > most[shape]
    ]


def _table(query: str) -> str:
    found = re.search(r'\bFROM "(\w+)"', query)
    return found[1] if found else query[:60]


def _shape(query: str) -> str:
    """A query with its literals and ``IN`` lists blanked out."""
    query = re.sub(r"'(?:[^']|'')*'", "?", query)
    query = re.sub(r"\b\d+\b", "?", query)
    return re.sub(r"IN \((?:[(?), ]|::\w+)*\)", "IN (…)", query)


def _verdict(ok: bool) -> str:
    return "pass" if ok else "MISS"


def save(
    rows: list[Row],
    singles: dict[str, list[list[str]]],
    verdicts: list[str],
    options: argparse.Namespace,
    machine: dict,
) -> Path:
    """Write the run to bench/results/ (git-ignored) as JSON; returns the path."""
    bare = rows[0].load.rps
    stamp = datetime.now().astimezone()
    record = {
        "date": stamp.isoformat(timespec="seconds"),
        "machine": machine,
        "revision": _revision(),
        "options": vars(options),
        "cache": "redis" if options.redis else "local memory",
        "rows": [
            {
                "name": row.target.name,
                "path": row.target.path,
                "requests": row.load.requests,
                "seconds": round(row.load.seconds, 3),
                "rps": round(row.load.rps, 1),
                "p50_ms": round(row.load.percentile_ms(0.5), 2),
                "p99_ms": round(row.load.percentile_ms(0.99), 2),
                "ratio": round(row.load.rps / bare, 4),
                "queries": len(row.sql),
                "sql": row.sql,
            }
            for row in rows
        ],
        # The SQL of each listing's pages alone (limit=1 at offsets 0, 1, …).
        "limit_1_sql": singles,
        "targets": [line.strip() for line in verdicts],
    }
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"bench-{stamp:%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    return path


def _machine() -> dict:
    from django.db import connection

    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    connection.ensure_connection()
    return {
        "cpus": os.cpu_count(),
        "cpu": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "postgresql": connection.pg_version,
    }


def _revision() -> dict:
    def git(*args: str) -> str:
        command = ["git", "-C", str(ROOT), *args]
        return subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, check=False
        ).stdout

    return {
        "commit": git("rev-parse", "HEAD").strip(),
        "uncommitted_changes": git("status", "--porcelain").splitlines(),
    }


def _redacted(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


def _log(message: str) -> None:
    sys.stderr.write(f"bench: {message}\n")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main()
