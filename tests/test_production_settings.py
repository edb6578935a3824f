"""Production settings pass Django's deploy checks; security headers and errors."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.test import override_settings

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "SECRET_KEY": "x" * 30 + "-a-long-random-production-like-secret-value",
    "ALLOWED_HOSTS": "portal.example.gov.vn",
    "DATABASE_URL": "sqlite:////tmp/production-check.sqlite3",
    "WAGTAILADMIN_BASE_URL": "https://portal.example.gov.vn",
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
}


def _manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(  # noqa: S603 -- fixed arguments, our own manage.py.
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_passes_without_warning():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_variable(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = _manage("check", env=env)
    assert result.returncode != 0
    assert missing in result.stderr


@pytest.mark.django_db
def test_unknown_host_gets_400(client):
    assert client.get("/", HTTP_HOST="evil.example").status_code == 400


@pytest.mark.django_db
def test_security_headers_on_public_pages(client):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


@pytest.mark.django_db
def test_admin_is_outside_the_public_content_security_policy(client):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response


@pytest.mark.django_db
def test_missing_page_shows_branded_404(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    assert b"Traceback" not in response.content
    assert "Cổng thông tin".encode() in response.content


@pytest.mark.django_db
def test_healthz_answers_200_when_database_and_cache_respond(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_stays_ready_and_says_degraded_when_redis_is_down(client):
    unreachable = {
        "default": {
            "BACKEND": "campaigns.cache.ResilientRedisCache",
            # Nothing listens on port 1: a real connection failure.
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    with override_settings(CACHES=unreachable):
        response = client.get("/healthz")
        page = client.get("/")
    # Pages still answer, so the load balancer must keep the server.
    assert page.status_code == 200
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "database": "ok",
        "cache": "degraded",
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_answers_503_when_the_database_is_gone(client):
    from django.db import connection

    # A database that cannot be opened, on SQLite and on PostgreSQL alike.
    connection.close()
    original = connection.settings_dict["NAME"]
    connection.settings_dict["NAME"] = "/nonexistent-directory/portal.sqlite3"
    try:
        response = client.get("/healthz")
        live = client.get("/livez")
    finally:
        connection.close()
        connection.settings_dict["NAME"] = original
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    # The process itself is alive: no restart is needed, only no traffic.
    assert live.status_code == 200 and live.json() == {"status": "ok"}


def test_server_error_page_renders_without_request_or_database():
    html = render_to_string("500.html")
    assert "Cổng thông tin" in html
    assert "Traceback" not in html
