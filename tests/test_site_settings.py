"""The site's settings: the plugin's ``CAMPAIGNS_*`` from the old variables too."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VARIABLES = (
    "CAMPAIGNS_TRUSTED_PROXY_COUNT",
    "TRUSTED_PROXY_COUNT",
    "CAMPAIGNS_REDIS_URL",
    "REDIS_URL",
)


@pytest.fixture
def base_settings(monkeypatch):
    """``cms/settings/base.py`` evaluated afresh with the given variables."""
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def _read(**environ):
        for name, value in environ.items():
            monkeypatch.setenv(name, value)
        return runpy.run_path(str(ROOT / "cms" / "settings" / "base.py"))

    return _read


def test_without_variables_no_proxy_is_trusted_and_no_redis_used(base_settings):
    values = base_settings()
    assert values["CAMPAIGNS_TRUSTED_PROXY_COUNT"] == 0
    assert values["CAMPAIGNS_REDIS_URL"] == ""


def test_the_old_trusted_proxy_count_still_counts(base_settings):
    values = base_settings(TRUSTED_PROXY_COUNT="2")
    assert values["CAMPAIGNS_TRUSTED_PROXY_COUNT"] == 2


def test_the_prefixed_trusted_proxy_count_wins(base_settings):
    values = base_settings(TRUSTED_PROXY_COUNT="2", CAMPAIGNS_TRUSTED_PROXY_COUNT="1")
    assert values["CAMPAIGNS_TRUSTED_PROXY_COUNT"] == 1


def test_redis_url_serves_the_cache_and_the_view_counter(base_settings):
    values = base_settings(REDIS_URL="redis://cache:6379/0")
    assert values["CAMPAIGNS_REDIS_URL"] == "redis://cache:6379/0"
    assert values["CACHES"]["default"] == {
        "BACKEND": "campaigns.cache.ResilientRedisCache",
        "LOCATION": "redis://cache:6379/0",
        "KEY_PREFIX": "cms",
        "TIMEOUT": 300,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
    }


def test_one_prefix_starts_every_redis_key_of_a_deployment(base_settings):
    values = base_settings(
        REDIS_URL="redis://cache:6379/0", CAMPAIGNS_KEY_PREFIX="tinh:"
    )
    assert values["CAMPAIGNS_KEY_PREFIX"] == "tinh:"
    assert values["CACHES"]["default"]["KEY_PREFIX"] == "tinh:cms"
    assert values["CACHES"]["renditions"]["KEY_PREFIX"] == "tinh:renditions"


def test_the_view_counter_may_have_a_redis_of_its_own(base_settings):
    values = base_settings(
        REDIS_URL="redis://cache:6379/0", CAMPAIGNS_REDIS_URL="redis://counts:6379/1"
    )
    assert values["CAMPAIGNS_REDIS_URL"] == "redis://counts:6379/1"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache:6379/0"


def test_the_portal_turns_on_the_plugins_host_wide_features(base_settings):
    values = base_settings()
    assert values["CAMPAIGNS_API_V3_PAGE_READS"] is True
    assert values["CAMPAIGNS_VIETNAMESE_SLUGS"] is True


def test_production_believes_forwarded_https_behind_an_old_style_proxy_count():
    environ = {
        **{k: v for k, v in os.environ.items() if k not in VARIABLES},
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "portal.example.gov.vn",
        "DATABASE_URL": "sqlite:////tmp/production-check.sqlite3",
        "WAGTAILADMIN_BASE_URL": "https://portal.example.gov.vn",
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "TRUSTED_PROXY_COUNT": "1",
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)",
        ],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == "('HTTP_X_FORWARDED_PROTO', 'https')"
