"""What a run found: each URL's SQL, the table, the verdicts, the JSON record."""

import argparse
import json
import os
import platform
import re
import subprocess
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench import ROOT
from bench.load import LoadResult
from bench.servers import HOST
from bench.targets import RENDERED, Target

RESULTS = ROOT / "bench" / "results"
#: Issue 3's targets: minimum ratio to the bare view and maximum queries.
CAMPAIGN_TARGET = (0.03, 10)
LISTING_TARGET = 0.01
#: Issue 8's targets: API page details, and a 304 revalidation (no query).
DETAIL_TARGET = 0.03
REVALIDATION_TARGET = 0.5


@dataclass
class Row:
    """What one URL measured: load over HTTP, and the SQL of one render."""

    target: Target
    load: LoadResult
    sql: list[str]


def render_queries(target: Target) -> list[str]:
    """The SQL of one in-process request to ``target``, after a warm-up request.

    For a ``rendered`` target the content generation moves in between, so that
    every cached fragment misses, as on the server that never stores them. A
    ``revalidate`` target sends the ETag of the warm-up answer.
    """
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from campaigns.generation import bump_content_generation

    client = Client(HTTP_HOST=HOST)
    warmup = client.get(target.path)
    if target.rendered:
        bump_content_generation()
    headers = {"HTTP_IF_NONE_MATCH": warmup["ETag"]} if target.revalidate else {}
    with CaptureQueriesContext(connection) as context:
        response = client.get(target.path, **headers)
    status = response.status_code
    error = f"HTTP {status}" if status != target.status else None
    if error := error or target.check(response.content):
        raise SystemExit(f"{target.path} (in-process): {error}")
    return [query["sql"] for query in context.captured_queries]


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
    """Issues 3, 4 and 8's targets, each line ending in pass or MISS."""
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
    for name in ("v2 listing", "v3 listing"):
        ratio = by_name[name].load.rps / bare
        lines.append(
            f"  {name}: {ratio:.3f} × bare (≥ {LISTING_TARGET}): "
            f"{_verdict(ratio >= LISTING_TARGET)}"
        )
    for name in ("v2 listing", "video listing", "v3 listing"):
        lines += _listing_verdicts(name, by_name[name].sql, singles[name])
    for name in (
        f"{api} detail{kind}" for api in ("v2", "v3") for kind in ("", f" {RENDERED}")
    ):
        ratio = by_name[name].load.rps / bare
        lines.append(
            f"  {name}: {ratio:.3f} × bare (≥ {DETAIL_TARGET}), "
            f"{len(by_name[name].sql)} queries: {_verdict(ratio >= DETAIL_TARGET)}"
        )
    for name in ("v3 detail, 304", "v2 listing, 304"):
        ratio, queries = by_name[name].load.rps / bare, len(by_name[name].sql)
        ok = ratio >= REVALIDATION_TARGET and queries == 0
        lines.append(
            f"  {name}: {ratio:.3f} × bare (≥ {REVALIDATION_TARGET}), "
            f"{queries} queries (0 with Redis): {_verdict(ok)}"
        )
    return lines


def _listing_verdicts(name: str, sql: list[str], singles: list[list[str]]) -> list[str]:
    """The listing at ``limit=20`` takes no query per page.

    Its queries are compared, shape by shape, with those of each page alone
    (``limit=1``): a shape that runs more often for all the pages together than
    for any of them alone grows with the pages. The listing may take more
    queries than any one page: a bulk query for a kind of reference (embeds,
    linked pages) runs only when some listed page has one, so the listing takes
    the union of the pages' queries, each once.
    """
    most = Counter()
    for single in singles:
        most |= Counter(map(_shape, single))
    repeated = [
        f"{count - most[shape]} more from {_table(shape)}"
        for shape, count in Counter(map(_shape, sql)).items()
        if count > most[shape]
    ]
    counts = sorted(len(single) for single in singles)
    return [
        f"  {name}: {len(sql)} queries at limit=20; {len(singles)} pages alone take "
        f"{counts[0]}–{counts[-1]}, {sum(most.values())} between them; more per "
        f"page at limit=20: {'; '.join(repeated) or 'none'}: {_verdict(not repeated)}"
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


def describe_machine() -> dict:
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
