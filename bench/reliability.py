"""``make reliability``: what holds under each fault, on the documented deployment.

In one run: production settings (``cms.settings.production``); PostgreSQL when
``DATABASE_URL`` is set (migrated and seeded as it is: give it a fresh
database), else SQLite in a temporary folder; a ``redis-server`` of the run's
own on a free port, which it hangs (SIGSTOP), stops and starts again;
``migrate``, ``seed_demo``, ``collectstatic``; gunicorn with
``deploy/gunicorn.conf.py`` behind nginx with ``deploy/nginx.conf``, as
docs/deploy.md sets them up, on 127.0.0.1 only. Then one row per fault of
issue "Nothing lost, nobody in", printed as one markdown table (fault,
measured, bound, holds?). It exits 1 when a bound does not hold.
"""

import argparse
import io
import json
import os
import re
import runpy
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from bench.console import log, out
from bench.deployment import (
    GUNICORN_CONF,
    RedisServer,
    SlowClients,
    fetch,
    gunicorn,
    nginx,
    redis_server,
)
from bench.servers import HOST, configure, prepare

#: Slow clients held open against nginx at once.
SLOW_CLIENTS = 50
#: How long a request may wait before gunicorn alone counts as blocked.
BLOCKED_AFTER = 5.0
#: Most wrong passwords tried before the lockout row gives up.
MOST_GUESSES = 50


@dataclass
class Row:
    fault: str
    measured: str
    bound: str
    holds: bool


@dataclass
class Deployment:
    """What the rows work on: nginx's and gunicorn's ports, the Redis they use."""

    proxy: int
    app: int
    workers: int
    redis: RedisServer
    page_id: int
    page_path: str
    options: argparse.Namespace


def main(argv: list[str] | None = None) -> None:
    options = _parse(argv)
    # A plain kill of this script still stops the servers (``finally`` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    workdir = Path(tempfile.mkdtemp(prefix="portal-reliability-"))
    try:
        rows = _run(options, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    out(table(rows))
    if not all(row.holds for row in rows):
        sys.exit(1)


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--workers",
        type=int,
        help="gunicorn workers (default: deploy/gunicorn.conf.py's cpu × 2 + 1)",
    )
    parser.add_argument(
        "--requests", type=int, default=20, help="page requests per timing"
    )
    parser.add_argument(
        "--comments", type=int, default=10, help="comments posted per outage"
    )
    return parser.parse_args(argv)


def _run(options: argparse.Namespace, workdir: Path) -> list[Row]:
    database_url = os.environ.get("DATABASE_URL") or (
        f"sqlite:///{workdir / 'portal.sqlite3'}"
    )
    with redis_server(workdir) as redis:
        configure(database_url, redis.url, workdir, "cms.settings.production")
        os.environ["TRUSTED_PROXY_COUNT"] = "1"
        os.environ.pop("CAMPAIGNS_TRUSTED_PROXY_COUNT", None)
        os.environ.pop("CAMPAIGNS_REDIS_URL", None)
        log(f"migrate, seed_demo, collectstatic ({database_url.split(':')[0]})")
        prepare(clear_cache=False)
        page_id, page_path = _reference_page()
        workers = options.workers or runpy.run_path(str(GUNICORN_CONF))["workers"]
        with (
            gunicorn(dict(os.environ), workdir, workers) as app,
            nginx(workdir, app, workdir / "media") as proxy,
        ):
            log(f"nginx on {HOST}:{proxy}, gunicorn on {HOST}:{app}, {workers} workers")
            deployment = Deployment(
                proxy, app, workers, redis, page_id, page_path, options
            )
            return [_measure(row, deployment) for row in ROWS]


def _reference_page() -> tuple[int, str]:
    from campaigns.models import CampaignPage
    from home.demo import REFERENCE_SLUG

    page = CampaignPage.objects.get(slug=REFERENCE_SLUG, locale__language_code="vi")
    return page.pk, urlsplit(page.full_url).path


def _measure(row: Callable[[Deployment], Row], deployment: Deployment) -> Row:
    log(row.__name__.replace("_", " "))
    return row(deployment)


def table(rows: list[Row]) -> str:
    verdicts = {True: "yes", False: "**no**"}
    lines = ["| fault | measured | bound | holds? |", "| --- | --- | --- | --- |"]
    lines += [
        f"| {row.fault} | {row.measured} | {row.bound} | {verdicts[row.holds]} |"
        for row in rows
    ]
    return "\n".join(lines)


# --- Redis outages ------------------------------------------------------------------

OUTAGES = ("hung", "stopped")


@contextmanager
def redis_outage(deployment: Deployment, kind: str) -> Iterator[None]:
    """Redis ``hung`` (SIGSTOP: it accepts and never answers) or ``stopped``.

    Afterwards Redis answers again, and the servers use it again once their
    circuit breakers close (``CAMPAIGNS_REDIS_COOLDOWN_SECONDS``).
    """
    redis = deployment.redis
    if kind == "hung":
        redis.hang()
    else:
        redis.stop()
    try:
        yield
    finally:
        if kind == "hung":
            redis.resume()
        else:
            redis.start()
        _wait_for_the_cache(deployment)


def _wait_for_the_cache(deployment: Deployment) -> None:
    """Until Redis answers a server again, and every worker's breaker has closed."""
    from campaigns import conf

    deadline = time.monotonic() + 60
    while _health(deployment.proxy) != (200, "ok"):
        if time.monotonic() > deadline:
            raise SystemExit("the cache did not come back after the outage")
        time.sleep(0.5)
    # A breaker that tripped during the outage closes this long after, at most.
    time.sleep(conf.REDIS_COOLDOWN_SECONDS)


def _health(port: int) -> tuple[int, str | None]:
    answer = fetch(port, "/healthz")
    try:
        return answer.status, json.loads(answer.body).get("status")
    except ValueError:
        return answer.status, None


def _timed_get(port: int, path: str) -> tuple[float, int]:
    started = time.perf_counter()
    status = fetch(port, path).status
    return time.perf_counter() - started, status


def page_time_with_redis_hung(deployment: Deployment) -> Row:
    """Median time of the reference campaign page, Redis healthy and then hung.

    The first request after the hang waits for the cache's socket timeout; once
    a worker's circuit breaker is open its requests skip Redis (and render
    every fragment, as nothing is cached).
    """
    port, path, count = (
        deployment.proxy,
        deployment.page_path,
        deployment.options.requests,
    )
    for _ in range(3 * deployment.workers):
        _timed_get(port, path)
    healthy = [_timed_get(port, path) for _ in range(count)]
    with redis_outage(deployment, "hung"):
        first = _timed_get(port, path)
        hung = [_timed_get(port, path) for _ in range(count)]
    statuses = {status for _, status in [*healthy, first, *hung]}
    normal = statistics.median(seconds for seconds, _ in healthy)
    during = statistics.median(seconds for seconds, _ in hung)
    return Row(
        "page time with Redis hung vs normal",
        f"median {_ms(normal)} normal, {_ms(during)} hung "
        f"(first request {_ms(first[0])}); HTTP {_statuses(statuses)}",
        "≤ 1 s over normal, all 200",
        during - normal <= 1.0 and statuses == {200},
    )


def healthz_during_outage(deployment: Deployment) -> Row:
    """``/healthz`` while Redis is hung and while it is stopped."""
    answers = {}
    for kind in OUTAGES:
        with redis_outage(deployment, kind):
            answers[kind] = _health(deployment.proxy)
    measured = "; ".join(
        f'{kind}: {status} "{state}"' for kind, (status, state) in answers.items()
    )
    return Row(
        "`/healthz` during a Redis outage",
        measured,
        '200 "degraded"',
        all(answer == (200, "degraded") for answer in answers.values()),
    )


def comments_during_outage(deployment: Deployment) -> Row:
    """Comments posted through the API while Redis is out, against rows stored.

    Each takes a challenge from ``GET /api/v3/captcha/`` and its answer from
    the captcha store, as a reader would read it from the picture.
    """
    from campaigns.models import Comment

    marker = f"Ý kiến khi Redis ngừng {secrets.token_hex(4)}"
    accepted = {}
    for kind in OUTAGES:
        with redis_outage(deployment, kind):
            accepted[kind] = sum(
                _post_comment(deployment, f"{marker} {kind} {n}") == 201
                for n in range(deployment.options.comments)
            )
    posted = deployment.options.comments * len(OUTAGES)
    stored = Comment.objects.filter(title__startswith=marker).count()
    return Row(
        "comments stored during a Redis outage",
        f"{stored} of {posted} stored ("
        + ", ".join(f"{n} accepted while {kind}" for kind, n in accepted.items())
        + ")",
        "all",
        stored == posted == sum(accepted.values()),
    )


def _post_comment(deployment: Deployment, title: str) -> int:
    from captcha.models import CaptchaStore

    challenge = fetch(deployment.proxy, "/api/v3/captcha/")
    if challenge.status != 200:
        return challenge.status
    key = json.loads(challenge.body)["key"]
    body = {
        "page": deployment.page_id,
        "name": "Bạn đọc thử độ tin cậy",
        "title": title,
        "content": f"Góp ý gửi khi bộ nhớ đệm ngừng: {title}.",
        "captcha_key": key,
        "captcha_value": CaptchaStore.objects.get(hashkey=key).response,
    }
    return fetch(
        deployment.proxy,
        "/api/v3/comments/",
        method="POST",
        headers={"Content-Type": "application/json"},
        body=json.dumps(body, ensure_ascii=False).encode(),
    ).status


# --- Slow clients -------------------------------------------------------------------


def slow_clients(deployment: Deployment) -> Row:
    """Normal requests while 50 slow clients hold connections to nginx.

    Once with trickling headers, once with a trickling POST body. For
    comparison, how many slow clients stop gunicorn alone: one more at a time
    until a request waits ``BLOCKED_AFTER`` seconds without an answer.
    """
    findings = []
    held = True
    for body in (False, True):
        with SlowClients(deployment.proxy, SLOW_CLIENTS, body=body) as slow:
            slow.wait_until_each_sent(2)
            statuses = [_status_or_none(deployment.proxy, p) for p in ("/", "/healthz")]
            still_open = slow.still_open()
        answered = statuses == [200, 200]
        held = held and answered and still_open == SLOW_CLIENTS
        if not (answered and still_open == SLOW_CLIENTS):
            findings.append(
                f"{'body' if body else 'headers'}: / and /healthz got "
                f"{statuses} with {still_open} slow clients open"
            )
    blocking = _slow_clients_to_block_gunicorn(deployment)
    alone = (
        f"gunicorn alone ({deployment.workers} workers): blocked by {blocking}"
        if blocking
        else f"gunicorn alone: not blocked by {SLOW_CLIENTS}"
    )
    measured = "; ".join(findings) if findings else f"none at {SLOW_CLIENTS}"
    return Row(
        "slow clients needed to block the documented deployment",
        f"{measured} (headers or body); {alone}",
        f"none at {SLOW_CLIENTS}",
        held,
    )


def _status_or_none(port: int, path: str) -> int | None:
    try:
        return fetch(port, path).status
    except TimeoutError:
        return None


def _slow_clients_to_block_gunicorn(deployment: Deployment) -> int | None:
    for count in range(1, SLOW_CLIENTS + 1):
        with SlowClients(deployment.app, count) as slow:
            slow.wait_until_each_sent(2)
            try:
                fetch(deployment.app, "/livez", timeout=BLOCKED_AFTER)
            except TimeoutError:
                return count
    return None


# --- Rows whose measurement depends on work elsewhere ---------------------------------


def guesses_before_lockout(deployment: Deployment) -> Row:
    """Wrong admin passwords one address may try before django-axes locks it out.

    A superuser of the run's own, wrong passwords posted to the admin's login
    form through nginx until the answer is no longer the form again; then the
    right password, which must be refused while the lockout lasts.
    """
    from django.conf import settings

    fault = "guesses allowed before lockout"
    bound = "≤ `AXES_FAILURE_LIMIT`, then the right password refused"
    limit = settings.AXES_FAILURE_LIMIT
    guesses, locked_out = _guesses_until_locked(deployment)
    return Row(
        fault,
        f"{guesses} wrong passwords (limit {limit}), then the right one "
        + ("refused" if locked_out else "accepted"),
        bound,
        guesses <= limit and locked_out,
    )


def _guesses_until_locked(deployment: Deployment) -> tuple[int, bool]:
    """Wrong passwords answered with the form again; whether the right one fails."""
    from django.contrib.auth import get_user_model

    username = f"reliability-{secrets.token_hex(4)}"
    password = secrets.token_urlsafe(16)
    get_user_model().objects.create_superuser(username, "", password)
    guesses = 0
    while guesses < MOST_GUESSES:
        if _log_in(deployment.proxy, username, f"wrong-{guesses}") != 200:
            break
        guesses += 1
    return guesses, _log_in(deployment.proxy, username, password) != 302


def _log_in(port: int, username: str, password: str) -> int:
    """The status of one login through the admin's form (302: logged in)."""
    form = fetch(port, "/admin/login/")
    cookie = re.search(r"csrftoken=([^;]+)", form.headers.get("set-cookie", ""))
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
    if not (cookie and token):
        return form.status
    fields = {
        "csrfmiddlewaretoken": token[1].decode(),
        "username": username,
        "password": password,
    }
    return fetch(
        port,
        "/admin/login/",
        method="POST",
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie[1]}",
        },
        body=urlencode(fields).encode(),
    ).status


def hostile_inputs(deployment: Deployment) -> Row:
    """The catalogue of hostile requests (``bench/hostile/``), through nginx.

    The sentinels of private data and the ids of hidden content come from the
    deployment's database (``hidden_facts``); every answer is judged for a 5xx
    and for any sentinel shown.
    """
    from bench.hostile import run_http
    from bench.hostile.facts import hidden_facts

    facts = hidden_facts()
    kinds, five_xx, leaks, failures = run_http(
        f"http://{HOST}:{deployment.proxy}",
        sentinels=facts.sentinels,
        context=facts.context,
    )
    for failure in failures[:10]:
        log(f"  {failure}")
    return Row(
        "hostile inputs tried (≥50 kinds): 5xx / leaks",
        f"{kinds} kinds: {five_xx} 5xx, {leaks} leaks",
        "≥ 50 kinds, 0 5xx, 0 leaks",
        kinds >= 50 and five_xx == 0 and leaks == 0,
    )


def counts_around_outage(deployment: Deployment) -> Row:
    """View beacons sent around a Redis outage, against the counts stored.

    Readers (distinct User-Agents) open a few pages with Redis up, then
    ``flush_counters``; the same readers and some new ones come back while
    Redis hangs, and all of them once more after it answers again; then a
    last flush. Each reader and page must be counted once: the stored views
    and today's visits are compared with the distinct pairs and readers.
    """
    from django.core.management import call_command
    from django.db.models import Sum
    from django.utils import timezone

    from campaigns.models import CampaignPage, DailyVisits, PageViewCount

    fault = "counts lost/doubled around an outage"
    bound = "0 lost, 0 doubled"
    pages = list(
        CampaignPage.objects.live()
        .public()
        .filter(locale__language_code="vi")
        .order_by("pk")
        .values_list("pk", flat=True)[:3]
    )
    before, during = _readers("before", 20), _readers("during", 10)

    def stored():
        call_command("flush_counters", stdout=io.StringIO())
        views = (
            PageViewCount.objects.filter(page_id__in=pages).aggregate(n=Sum("views"))[
                "n"
            ]
            or 0
        )
        today = DailyVisits.objects.filter(
            site__is_default_site=True, day=timezone.localdate()
        ).first()
        return views, today.visits if today else 0

    start_views, start_visits = stored()
    _beacons(deployment, pages, before)
    stored()
    with redis_outage(deployment, "hung"):
        _beacons(deployment, pages, before + during)
    _beacons(deployment, pages, before + during)
    views, visits = stored()
    expected_views = len(pages) * (len(before) + len(during))
    expected_visits = len(before) + len(during)
    extra_views, extra_visits = (
        views - start_views - expected_views,
        (visits - start_visits - expected_visits),
    )
    lost = max(0, -extra_views) + max(0, -extra_visits)
    doubled = max(0, extra_views) + max(0, extra_visits)
    return Row(
        fault,
        f"{expected_views} views, {expected_visits} visits sent: "
        f"{lost} lost, {doubled} doubled",
        bound,
        lost == 0 and doubled == 0,
    )


def _readers(phase: str, count: int) -> list[str]:
    run = secrets.token_hex(4)
    return [
        f"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 reliability-{run}-{phase}-{n}"
        for n in range(count)
    ]


def _beacons(deployment: Deployment, pages: list[int], agents: list[str]) -> None:
    for agent in agents:
        for page_id in pages:
            answer = fetch(
                deployment.proxy,
                f"/api/v3/pages/{page_id}/views/",
                method="POST",
                headers={"User-Agent": agent, "Content-Type": "application/json"},
                body=b"{}",
            )
            if answer.status not in (200, 202):
                raise SystemExit(f"beacon answered {answer.status}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def _statuses(statuses: set[int]) -> str:
    return ", ".join(str(status) for status in sorted(statuses))


#: The table's rows in order; each leaves Redis answering as it found it.
ROWS: list[Callable[[Deployment], Row]] = [
    comments_during_outage,
    page_time_with_redis_hung,
    healthz_during_outage,
    slow_clients,
    guesses_before_lockout,
    hostile_inputs,
    counts_around_outage,
]


if __name__ == "__main__":
    main()
