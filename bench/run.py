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
in-process after a warm-up. Each API listing is also requested one page at a
time (``limit=1`` at every offset): its query count must not grow with
``limit``, and no query may repeat for each page. No page cache is involved:
the API listings render on every request; the page details are measured as
configured (kept rendered in Redis under their ETag) and rendered on every
request; the two revalidations send the ETag of a plain GET in
``If-None-Match`` and must get a 304.
"""

import argparse
import math
import os
import shutil
import signal
import sys
import tempfile
from pathlib import Path

# Run as a script, bench/ comes first on the path, where its settings.py and
# urls.py would shadow top-level modules of the same names: the root goes there.
if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import ROOT
from bench.console import log, out
from bench.load import LoadResult, response_header, run_load
from bench.report import Row, describe_machine, judge, render_queries, save, table
from bench.servers import HOST, configure, gunicorn, prepare, recreate_database
from bench.targets import Target, targets

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"


def main(argv: list[str] | None = None) -> None:
    options = _parse(argv)
    # A plain kill of this script still stops gunicorn (``finally`` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    load_before = os.getloadavg()
    if load_before[0] > 0.5 * os.cpu_count():
        log(f"warning: load average {load_before[0]:.1f}; other work skews results")
    if not options.redis:
        log("warning: without --redis no fragment is cached; every page renders")
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    try:
        log(f"Recreating the database of {_redacted(database_url)}")
        recreate_database(database_url)
        configure(database_url, options.redis, workdir)
        log("migrate, seed_demo, collectstatic (production settings)")
        prepare(clear_cache=bool(options.redis))
        plan = targets()
        sql = {target.name: render_queries(target) for target in plan}
        singles = {
            target.name: [render_queries(single) for single in target.singles]
            for target in plan
            if target.singles
        }
        machine = {**describe_machine(), "load_average_before": load_before}
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
    out(table(rows))
    out("\n".join(["", "Targets (issues 3, 4 and 8; no page cache):", *verdicts]))
    if options.sql:
        for row in rows:
            out(f"\n{row.target.name} ({row.target.path}): {len(row.sql)} queries")
            out("\n".join(f"  {n}. {q}" for n, q in enumerate(row.sql, 1)))
    saved = save(rows, singles, verdicts, options, machine)
    out(f"\nSaved {saved.relative_to(ROOT)}")


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
            log(f"round {turn}/{options.rounds}: {target.name}")
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
    headers = None
    if target.revalidate:
        headers = {"If-None-Match": response_header(HOST, port, target.path, "ETag")}
    load = run_load(
        HOST,
        port,
        target.path,
        check=target.check,
        requests=requests,
        duration=duration,
        concurrency=options.concurrency,
        headers=headers,
        status=target.status,
    )
    if load.errors or not load.requests:
        errors = load.errors
        raise SystemExit(f"{target.name}: {len(errors)} bad responses: {errors[:3]}")
    return load


def _redacted(url: str) -> str:
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.rpartition('@')[2]}"


if __name__ == "__main__":
    main()
