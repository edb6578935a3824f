"""``make bench-sites``: beacons and the figures endpoint with two sites, against
the bare views, and each site's visits counted apart.

In one run: a fresh PostgreSQL database seeded as by ``make run`` (the
province's portal and the department's sub-portal on
``so-lao-dong.localhost``), gunicorn (production settings, Redis) behind a
simulated proxy. Requests go to 127.0.0.1 with the site's ``Host``.

1. ``wrk -c16`` (a closed loop in C), when it is installed: the bare POST and
   GET views, beacons to each site (every one from a new visitor, so each is
   counted) and ``GET /api/v3/stats/visitors/`` of each site.
2. Our client, 16 concurrent, the same runs in two turns, and beacons to both
   sites at once.
3. Isolation: after a final flush, each site's visits today rose by exactly
   the beacons our client sent to it, and no more.

``--one-site`` deletes the sub-portal's site after seeding: the same runs on
one site, to compare the ratios with.
"""

import argparse
import itertools
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from datetime import datetime
from pathlib import Path

if Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path[0] = str(Path(__file__).resolve().parent.parent)

from bench import ROOT
from bench.beacons import AGENT, BARE_URL, BODY, _address, _beacon_url
from bench.console import log, out
from bench.load import StatusLoad, run_requests
from bench.report import RESULTS, describe_machine
from bench.servers import HOST, configure, gunicorn, prepare, recreate_database

DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/portal_bench_sites"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
BARE_GET_URL = "/bench/bare/"
STATS_URL = "/api/v3/stats/visitors/"
#: wrk's Lua: POST beacons, each from a new visitor (address and browser
#: version from the thread and a counter), over the pages given as arguments.
WRK_BEACONS = """
local threads = {}
function setup(thread)
  threads[#threads + 1] = thread; thread:set("tid", #threads)
end
function init(args)
  first = tonumber(args[1]); host = args[2]; pages = {}
  for i = 3, #args do pages[#pages + 1] = args[i] end
  n = 0
end
function request()
  n = n + 1
  local a = string.format("%d.%d.%d.%d", first + tid, math.floor(n / 65536) % 256,
    math.floor(n / 256) % 256, n % 256)
  local headers = {Host = host, ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = a,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 " ..
      "(KHTML, like Gecko) Chrome/131." .. tid .. "." .. n .. ".0 Safari/537.36"}
  local page = pages[(n % #pages) + 1]
  return wrk.format("POST", "/api/v3/pages/" .. page .. "/views/", headers, "{}")
end
"""
WRK_REPORT = """
-- "sent" counts every request written, those still in flight at the end too
-- (wrk's own count has only the answered ones).
function done(summary, latency, requests)
  local sent = 0
  for _, thread in ipairs(threads or {}) do sent = sent + (thread:get("n") or 0) end
  io.write(string.format("JSON {\\"requests\\": %d, \\"sent\\": %d, " ..
    "\\"seconds\\": %f, \\"non2xx\\": %d, \\"socket_errors\\": %d, " ..
    "\\"p50_ms\\": %f, \\"p99_ms\\": %f}\\n",
    summary.requests, sent, summary.duration / 1e6, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000))
end
"""


def main(argv: list[str] | None = None) -> None:
    options = _parse(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    workdir = Path(tempfile.mkdtemp(prefix="portal-bench-sites-"))
    try:
        recreate_database(database_url)
        configure(database_url, options.redis, workdir)
        os.environ["TRUSTED_PROXY_COUNT"] = "1"
        os.environ["ALLOWED_HOSTS"] += ",.localhost"
        log("migrate, seed_demo (two sites), collectstatic (production settings)")
        prepare(clear_cache=True)
        sites = _sites(one_site=options.one_site)
        machine = describe_machine()
        machine["load_average_before"] = os.getloadavg()
        with gunicorn("bench.settings", options, workdir) as port:
            wrk_runs = _wrk(port, sites, options, workdir)
            # Isolation is checked on our client's beacons alone: it sends each
            # request whole and reads its answer, so every one is accounted for.
            before = _visits_today(sites, flushed=True)
            runs, sent = _our_client(port, sites, options)
        isolation = _isolation(sites, before, sent)
        machine["load_average_after"] = os.getloadavg()
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out(_table("our client, 16 concurrent", runs))
    if wrk_runs:
        out("\n" + _table("wrk -c16", wrk_runs))
    out("\n" + "\n".join(isolation["lines"]))
    RESULTS.mkdir(exist_ok=True)
    saved = RESULTS / f"sites-{datetime.now():%Y%m%d-%H%M%S}.json"
    saved.write_text(
        json.dumps(
            {
                "options": vars(options),
                "machine": machine,
                "sites": {name: site["host"] for name, site in sites.items()},
                "runs": {name: run.record() for name, run in runs.items()},
                "wrk": wrk_runs,
                "isolation": isolation,
            },
            indent=2,
            default=str,
        )
    )
    out(f"\nSaved {saved.relative_to(ROOT)}")
    if not isolation["apart"]:
        raise SystemExit("isolation: one site's beacons changed another's visits")


def _parse(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=3000, help="per turn")
    parser.add_argument("--duration", type=float, default=8, help="seconds per turn")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--warmup", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    parser.add_argument("--redis", default=DEFAULT_REDIS_URL, metavar="URL")
    parser.add_argument("--wrk-seconds", type=int, default=8)
    parser.add_argument(
        "--one-site",
        action="store_true",
        help="delete the sub-portal's site after seeding: the same runs on one site",
    )
    return parser.parse_args(argv)


def _sites(*, one_site: bool) -> dict[str, dict]:
    """Each site's id, ``Host`` header and public page ids (``one_site``: the
    province's alone, the sub-portal's site deleted)."""
    from wagtail.models import Site

    from campaigns.stats.counting import public_page_ids
    from home.demo.sub_portal import sub_portal_site

    province = Site.objects.get(is_default_site=True)
    department = sub_portal_site()
    if department is None:
        raise SystemExit("seed_demo made no sub-portal")
    found = {}
    pairs = [("province", province, HOST)]
    if one_site:
        department.delete()
    else:
        pairs.append(
            ("department", department, f"{department.hostname}:{department.port}")
        )
    for name, site, host in pairs:
        pages = sorted(public_page_ids(site.pk))
        if not pages:
            raise SystemExit(f"{name}: no public page")
        found[name] = {"id": site.pk, "host": host, "pages": pages}
    return found


def _message(method: str, path: str, host: str, address: str, agent: str) -> bytes:
    body = BODY if method == "POST" else b""
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n"
        f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"X-Forwarded-For: {address}\r\nUser-Agent: {agent}\r\n\r\n"
    )
    return head.encode() + body


def _our_client(port, sites, options) -> tuple[dict[str, StatusLoad], Counter]:
    """Every run twice, in turns; and how many beacons were sent to each site
    (every one must be answered 200, so each is counted)."""
    sent: Counter = Counter()
    lock = threading.Lock()
    visitors = itertools.count(1)

    def beacons(*names):
        def build(n):
            name = names[n % len(names)]
            pages = sites[name]["pages"]
            page = pages[(n // len(names)) % len(pages)]
            with lock:
                visitor = next(visitors)
                sent[name] += 1
            agent = AGENT.format(version=f"120.{visitor >> 16}.{visitor & 65535}.0")
            address = _address(10, visitor)
            return _message(
                "POST", _beacon_url(page), sites[name]["host"], address, agent
            )

        return build

    def plain(method, path, host):
        agent = AGENT.format(version="120.0")
        return lambda n: _message(method, path, host, _address(12, n), agent)

    plan = {
        "bare POST": plain("POST", BARE_URL, HOST),
        "bare GET": plain("GET", BARE_GET_URL, HOST),
    }
    for name in sites:
        plan[f"beacon, {name}"] = beacons(name)
    if len(sites) > 1:
        plan["beacon, both sites"] = beacons(*sites)
    for name, site in sites.items():
        plan[f"figures, {name}"] = plain("GET", STATS_URL, site["host"])

    def load(name, requests, duration):
        result = run_requests(
            HOST,
            port,
            plan[name],
            requests=requests,
            duration=duration,
            concurrency=options.concurrency,
        )
        # The bare POST answers 201, as a comment POST does; the rest 200.
        if result.errors or not set(result.statuses) <= {200, 201}:
            raise SystemExit(f"{name}: {result.statuses}, {result.errors[:3]}")
        return result

    log("warm-up")
    for name in plan:
        load(name, options.warmup, 30)
    results: dict[str, StatusLoad] = {}
    for turn in (1, 2):
        for name in plan:
            log(f"turn {turn}/2: {name}")
            run = load(name, options.requests // 2, options.duration / 2)
            results[name] = run if turn == 1 else StatusLoad.merged(results[name], run)
    return results, sent


def _wrk(port, sites, options, workdir: Path) -> dict[str, dict]:
    """The same runs under ``wrk -c16 -t2``; {} when wrk is not installed."""
    if shutil.which("wrk") is None:
        log("wrk not installed: its runs are skipped")
        return {}
    beacons = workdir / "beacons.lua"
    beacons.write_text(WRK_BEACONS + WRK_REPORT)
    plain = workdir / "plain.lua"
    plain.write_text(
        "function init(args) wrk.headers['Host'] = args[1]; "
        "wrk.method = args[2]; wrk.body = args[3] ~= '' and args[3] or nil; "
        "wrk.headers['Content-Type'] = 'application/json' end\n" + WRK_REPORT
    )
    plan = {
        "bare POST": (plain, BARE_URL, [HOST, "POST", "{}"]),
        "bare GET": (plain, BARE_GET_URL, [HOST, "GET", ""]),
    }
    for octet, (name, site) in zip((30, 60), sites.items(), strict=False):
        plan[f"beacon, {name}"] = (beacons, "/", _wrk_pages(site, octet))
    for name, site in sites.items():
        plan[f"figures, {name}"] = (plain, STATS_URL, [site["host"], "GET", ""])

    def run_wrk(name, seconds, script, path, args) -> dict:
        command = [
            *("wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "-s", str(script)),
            *(f"http://{HOST}:{port}{path}", "--", *args),
        ]
        output = subprocess.run(  # noqa: S603
            command, capture_output=True, text=True, check=True, timeout=120
        ).stdout
        found = re.search(r"^JSON (.*)$", output, re.MULTILINE)
        if found is None:
            raise SystemExit(f"wrk {name}: no summary in {output!r}")
        run = json.loads(found.group(1))
        run["rps"] = run["requests"] / run["seconds"]
        return run

    # A fresh worker's first requests import and connect: warm every target up.
    # Beacons' warm-up visitors have addresses of their own (first octet +100),
    # so that every beacon of the measured run is a new visitor's.
    for name, (script, path, args) in plan.items():
        log(f"wrk -c16 warm-up: {name}")
        if script is beacons:
            args = [str(int(args[0]) + 100), *args[1:]]
        run_wrk(name, 2, script, path, args)
    results = {}
    for name, target in plan.items():
        log(f"wrk -c16: {name}")
        run = run_wrk(name, options.wrk_seconds, *target)
        if run["non2xx"] or run["socket_errors"]:
            raise SystemExit(f"wrk {name}: {run}")
        results[name] = run
    for name, run in results.items():
        bare = results[
            "bare POST" if "POST" in name or "beacon" in name else "bare GET"
        ]
        run["ratio_to_bare"] = run["rps"] / bare["rps"]
    return results


def _wrk_pages(site: dict, first_octet: int) -> list[str]:
    return [str(first_octet), site["host"], *map(str, site["pages"])]


def _visits_today(sites, *, flushed: bool) -> dict[str, int]:
    from django.utils import timezone

    from campaigns.models import DailyVisits
    from campaigns.stats.flush import flush

    if flushed:
        flush()
    day = timezone.localdate()
    return {
        name: sum(
            DailyVisits.objects.filter(site_id=site["id"], day=day).values_list(
                "visits", flat=True
            )
        )
        for name, site in sites.items()
    }


def _isolation(sites, before, sent: Counter) -> dict:
    """After a final flush: each site's visits rose by the beacons sent to it."""
    after = _visits_today(sites, flushed=True)
    rose = {name: after[name] - before[name] for name in sites}
    apart = all(rose[name] == sent[name] for name in sites)
    lines = [
        f"isolation: {name} visits today +{rose[name]}, beacons sent to it {sent[name]}"
        for name in sites
    ]
    lines.append(f"  verdict: {'APART' if apart else 'MIXED'}")
    return {"apart": apart, "rose": rose, "sent": dict(sent), "lines": lines}


def _table(title: str, runs: dict) -> str:
    def figures(run):
        if isinstance(run, StatusLoad):
            return run.rps, run.percentile_ms(0.5), run.percentile_ms(0.99)
        return run["rps"], run["p50_ms"], run["p99_ms"]

    width = max(map(len, runs))
    lines = [
        title,
        f"{'run':<{width}}  {'req/s':>7}  {'p50 ms':>7}  {'p99 ms':>7}  {'× bare':>6}",
    ]
    for name, run in runs.items():
        bare = runs["bare POST" if "POST" in name or "beacon" in name else "bare GET"]
        rps, p50, p99 = figures(run)
        lines.append(
            f"{name:<{width}}  {rps:>7.1f}  {p50:>7.1f}  {p99:>7.1f}  "
            f"{rps / figures(bare)[0]:>6.3f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
