"""The documented deployment holds against slow clients.

Issue "Nothing lost, nobody in", item 4. gunicorn runs with
deploy/gunicorn.conf.py (two workers, so that the fault is easy to produce) and
production settings, behind nginx with deploy/nginx.conf, both on 127.0.0.1,
as docs/deploy.md sets them up. A slow client sends its request one byte a
second (its headers, or the body of a POST) and never finishes it. Also here:
what else the site file promises (gzip, media ranges, the upload limit, the
forwarded headers the application believes).
"""

import gzip
import importlib.util
import os
import secrets
import shutil
from urllib.parse import urlsplit, urlunsplit

import pytest

from bench.deployment import (
    SlowClients,
    fetch,
    gunicorn,
    manage,
    nginx,
    nginx_binary,
    redis_server,
)
from bench.servers import drop_database, production_environment, recreate_database

pytestmark = [
    pytest.mark.deployment,
    pytest.mark.skipif(not nginx_binary(), reason="needs nginx (apt install nginx)"),
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
    pytest.mark.skipif(
        not importlib.util.find_spec("gunicorn"), reason="needs gunicorn"
    ),
]

WORKERS = 2
#: The captcha's per-address limit on this server: the probe of which address counted.
CAPTCHA_LIMIT = 3
#: Variables of the suite's own settings that must not reach the servers.
SUITE_VARIABLES = (
    "REDIS_URL",
    "CAMPAIGNS_REDIS_URL",
    "CAMPAIGNS_TRUSTED_PROXY_COUNT",
    "TEST_SQLITE_PATH",
)


def _database_url(tmp_path) -> str:
    """A database of the deployment's own: beside the suite's on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return f"sqlite:///{tmp_path / 'portal.sqlite3'}"
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"{parts.path}_deployment"))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A migrated database, collected static files and a Redis of its own.

    The settings are production's, as docs/deploy.md sets them up.
    """
    workdir = tmp_path_factory.mktemp("deployment")
    database_url = _database_url(workdir)
    postgres = not database_url.startswith("sqlite")
    if postgres:
        recreate_database(database_url, marker="deployment")
    with redis_server(workdir) as redis:
        environment = {
            **{k: v for k, v in os.environ.items() if k not in SUITE_VARIABLES},
            **production_environment(database_url, workdir, "cms.settings.production"),
            "REDIS_URL": redis.url,
            "TRUSTED_PROXY_COUNT": "1",
            "CAPTCHA_RATE_PER_IP": f"{CAPTCHA_LIMIT}/d",
        }
        manage(environment, "migrate", "--no-input", "-v0")
        manage(environment, "collectstatic", "--no-input", "-v0")
        (workdir / "media").mkdir(exist_ok=True)
        yield workdir, environment
    if postgres:
        drop_database(database_url, marker="deployment")


@pytest.fixture(scope="module")
def app(site):
    workdir, environment = site
    with gunicorn(environment, workdir, workers=WORKERS) as port:
        yield port


@pytest.fixture(scope="module")
def proxy(site, app):
    """nginx as documented, but for its header timeout.

    The slow clients must stay connected while the site is asked for pages, on
    a machine however loaded: so nginx waits for headers for two minutes here,
    and what keeps gunicorn free is its buffering alone. The documented
    timeout has a test of its own.
    """
    workdir, _environment = site
    longer = {"client_header_timeout 10s;": "client_header_timeout 120s;"}
    with nginx(workdir, app, workdir / "media", longer) as port:
        yield port


@pytest.fixture
def documented_proxy(site, app):
    workdir, _environment = site
    with nginx(workdir, app, workdir / "media") as port:
        yield port


@pytest.mark.parametrize("body", [False, True], ids=["slow headers", "slow body"])
def test_fifty_slow_clients_leave_the_site_answering_behind_nginx(proxy, body):
    assert fetch(proxy, "/").status == 200
    with SlowClients(proxy, 50, body=body) as slow:
        slow.wait_until_each_sent(2)
        home = fetch(proxy, "/")
        health = fetch(proxy, "/healthz")
        still_open = slow.still_open()

    assert home.status == 200
    assert "Cổng thông tin".encode() in home.body
    assert health.status == 200
    assert still_open == 50


def test_two_slow_clients_stop_two_gunicorn_workers_alone(app):
    """The fault nginx removes: each sync worker waits on one slow client."""
    assert fetch(app, "/livez").status == 200
    with SlowClients(app, WORKERS) as slow:
        slow.wait_until_each_sent(2)
        # Both workers hold a slow client, so the request waits in the backlog
        # until gunicorn's timeout (30 s) kills one of them.
        with pytest.raises(TimeoutError):
            fetch(app, "/livez", timeout=5)
        assert slow.still_open() == WORKERS
    # Once they hang up, the workers serve again.
    assert fetch(app, "/livez").status == 200


def test_nginx_drops_a_client_that_sends_its_headers_slowly(documented_proxy):
    with SlowClients(documented_proxy, 1) as slow:
        slow.wait_until_each_sent(2)
        # client_header_timeout (10 s) is for the whole header, however it trickles.
        slow.wait_until_each_closed(timeout=120)


def test_pages_are_gzipped(proxy):
    page = fetch(proxy, "/", headers={"Accept-Encoding": "gzip"})

    assert page.status == 200
    assert page.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in page.headers["vary"]
    assert b"</html>" in gzip.decompress(page.body)


def test_media_answer_a_range_with_206_and_a_lifetime(proxy, site):
    workdir, _environment = site
    clip = workdir / "media" / "media" / "clip.mp4"
    clip.parent.mkdir(parents=True, exist_ok=True)
    content = secrets.token_bytes(1000)
    clip.write_bytes(content)

    part = fetch(proxy, "/media/media/clip.mp4", headers={"Range": "bytes=0-99"})

    assert part.status == 206
    assert part.body == content[:100]
    assert part.headers["content-range"] == "bytes 0-99/1000"
    assert "max-age=604800" in part.headers["cache-control"]


def test_document_files_are_not_served_from_media(proxy, site):
    """Documents go through Wagtail's view, which checks collection privacy."""
    workdir, _environment = site
    private = workdir / "media" / "documents" / "noi-bo.pdf"
    private.parent.mkdir(parents=True, exist_ok=True)
    private.write_bytes(b"%PDF-1.4\n%%EOF\n")

    assert fetch(proxy, "/media/documents/noi-bo.pdf").status == 404


def test_a_body_over_the_upload_limit_is_refused_by_nginx(proxy):
    # Over client_max_body_size (23 MiB): refused on the header, no byte sent.
    too_large = str(24 * 1024 * 1024)
    answer = fetch(
        proxy,
        "/api/v3/comments/",
        method="POST",
        headers={"Content-Type": "application/json", "Content-Length": too_large},
    )

    assert answer.status == 413
    assert b"nginx" in answer.body


def test_a_client_cannot_choose_its_address_with_x_forwarded_for(proxy):
    """The captcha's per-address limit counts the address nginx saw, not the header.

    Each request from 127.0.0.2 names another address in X-Forwarded-For (and
    sends another User-Agent, so that the per-browser limit is not what
    refuses it). ``2 × limit + 1`` requests go over the limit even if the
    limit's window starts again in between.
    """
    statuses = [
        fetch(
            proxy,
            "/api/v3/captcha/",
            source="127.0.0.2",
            headers={"X-Forwarded-For": f"10.0.0.{n}", "User-Agent": f"reader/{n}"},
        ).status
        for n in range(2 * CAPTCHA_LIMIT + 1)
    ]
    other_reader = fetch(proxy, "/api/v3/captcha/", source="127.0.0.3")

    assert 429 in statuses
    assert set(statuses) <= {200, 429}
    # Counted by the client's address, not by nginx's (127.0.0.1) for everyone.
    assert other_reader.status == 200


def test_a_client_cannot_claim_https_with_forwarded_headers(proxy, app):
    claims = {"X-Forwarded-Proto": "https", "X-Forwarded-Ssl": "on"}
    through_nginx = fetch(proxy, "/livez", headers=claims)
    # The same claim from a trusted proxy is believed: HSTS is sent on HTTPS only.
    direct = fetch(app, "/livez", headers={"X-Forwarded-Proto": "https"})

    assert through_nginx.status == 200
    assert "strict-transport-security" not in through_nginx.headers
    assert "strict-transport-security" in direct.headers
