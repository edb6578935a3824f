"""Every ``CAMPAIGNS_*`` setting is read at use, through ``campaigns.conf``."""

import ast
from pathlib import Path

import pytest
from django.test import RequestFactory, override_settings

from campaigns import conf
from campaigns.clients import client_ip
from campaigns.preview import front_end_url
from campaigns.rate_limits import COMMENT_LIMITS
from campaigns.stats import redis_store
from tests.conftest import make_comment

ROOT = Path(__file__).resolve().parent.parent
INSTALL = ROOT / "docs" / "install.md"


@pytest.mark.parametrize("name", sorted(conf.SETTINGS))
def test_a_changed_setting_is_seen_without_reimport(name):
    changed = object()
    with override_settings(**{f"CAMPAIGNS_{name}": changed}):
        assert getattr(conf, name) is changed
    assert getattr(conf, name) is not changed


@pytest.mark.parametrize("name", sorted(conf.SETTINGS))
def test_an_unset_setting_has_its_default(name, settings):
    if hasattr(settings, f"CAMPAIGNS_{name}"):
        delattr(settings, f"CAMPAIGNS_{name}")
    assert getattr(conf, name) == conf.SETTINGS[name].default


def test_a_name_outside_the_table_is_no_setting():
    with pytest.raises(AttributeError, match="NOT_A_SETTING"):
        conf.NOT_A_SETTING  # noqa: B018 -- the attribute access is the test.


def _names_imported_from_conf(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and (node.module or "").endswith("conf")
        and (node.module == "campaigns.conf" or node.level)
        for alias in node.names
    }


def test_the_plugin_never_imports_a_setting_by_name():
    """``from campaigns.conf import INDEX_PAGE_SIZE`` would freeze the value."""
    offenders = {
        str(path.relative_to(ROOT)): frozen
        for path in (ROOT / "campaigns").rglob("*.py")
        if (frozen := _names_imported_from_conf(path) & {*conf.SETTINGS, "*"})
    }
    assert offenders == {}


def test_the_client_address_follows_the_trusted_proxy_count():
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7, 10.0.0.1"
    )
    with override_settings(CAMPAIGNS_TRUSTED_PROXY_COUNT=0):
        assert client_ip(request) == "10.0.0.2"
    with override_settings(CAMPAIGNS_TRUSTED_PROXY_COUNT=2):
        assert client_ip(request) == "203.0.113.7"


def test_the_view_counter_connects_to_the_plugins_redis():
    with override_settings(CAMPAIGNS_REDIS_URL=""):
        assert redis_store.client() is None
    with override_settings(CAMPAIGNS_REDIS_URL="redis://127.0.0.1:1/3"):
        kwargs = redis_store.client().connection_pool.connection_kwargs
    assert (kwargs["port"], kwargs["db"]) == (1, 3)


def test_rate_limits_follow_their_settings():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.9")
    with override_settings(CAMPAIGNS_COMMENT_RATE_PER_IP=None):
        assert COMMENT_LIMITS[0].usage(request) is None
    with override_settings(CAMPAIGNS_COMMENT_RATE_PER_IP="1/d"):
        assert COMMENT_LIMITS[0].usage(request)["limit"] == 1


@pytest.mark.django_db
def test_the_headless_preview_link_follows_its_setting(make_campaign):
    page = make_campaign("Chiến dịch xem trước")
    with override_settings(CAMPAIGNS_HEADLESS_PREVIEW_URL=""):
        assert front_end_url("t", page) == ""
    with override_settings(CAMPAIGNS_HEADLESS_PREVIEW_URL="https://fe.example/xem"):
        url = front_end_url("t", page)
    assert url == f"https://fe.example/xem?token=t&page={page.pk}"


@pytest.mark.django_db
def test_the_comment_list_default_limit_follows_comments_per_page(
    client, make_campaign
):
    page = make_campaign("Chiến dịch nhiều ý kiến")
    for _ in range(3):
        make_comment(page, status="approved")
    with override_settings(CAMPAIGNS_COMMENTS_PER_PAGE=2):
        answer = client.get(f"/api/v3/comments/?page={page.pk}").json()
        document = client.get("/api/v3/openapi.json").json()
    assert len(answer["items"]) == 2
    parameters = document["paths"]["/api/v3/comments/"]["get"]["parameters"]
    limit = next(p for p in parameters if p["name"] == "limit")
    assert limit["schema"]["default"] == 2


@pytest.mark.django_db
def test_the_documented_body_limit_follows_its_setting(client):
    with override_settings(CAMPAIGNS_COMMENT_MAX_BODY=1000):
        document = client.get("/api/v3/openapi.json").json()
    too_large = document["paths"]["/api/v3/comments/"]["post"]["responses"]["413"]
    assert too_large["description"] == "The body is over 1000 bytes."


def _row(name: str, setting: conf.Setting) -> str:
    return f"| `{conf.PREFIX}{name}` | `{setting.default!r}` | {setting.doc} |"


def test_install_guide_lists_every_setting_with_its_default():
    """docs/install.md has one row per setting; this prints the rows it expects."""
    guide = INSTALL.read_text(encoding="utf-8")
    rows = [_row(name, setting) for name, setting in conf.SETTINGS.items()]
    missing = [row for row in rows if row not in guide]
    assert missing == [], "Rows docs/install.md should have:\n" + "\n".join(rows)
