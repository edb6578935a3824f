"""Playwright fixtures: Debian's Chromium against pytest-django's live server.

Browser tests use a transactional database (the live server answers from
another thread), which Django flushes after each test. Each module marks its
tests ``django_db(transaction=True, serialized_rollback=True)`` so that what
the data migrations and ``campaigns_setup`` created (home page, editor groups,
the approval workflow) is restored before every test.
"""

import io
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.core.management import call_command
from wagtail.admin.panels.model_utils import get_edit_handler
from wagtail.models import AbstractPage

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
#: How long a click or an expectation waits; generous for a busy 2-core machine.
TIMEOUT_MS = 15_000


def _missing(what: str):
    """Fail on CI, where browser dependencies must be installed; skip elsewhere."""
    message = f"{what} is missing: install it with `make browser-deps`"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The axe-core script that the accessibility tests inject."""
    if not AXE.is_file():
        _missing(f"axe-core ({AXE.relative_to(ROOT)})")
    return AXE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def browser(django_db_setup, django_db_blocker):
    """A headless Chromium for the tests of one module.

    Not for the whole session: while Playwright runs, the thread has an asyncio
    loop and the environment allows unsafe ORM calls, which other tests (and
    the subprocesses they start) must not inherit.
    """
    if not CHROMIUM.is_file():
        _missing(f"Chromium ({CHROMIUM})")
    from django.db import connections
    from playwright.sync_api import expect, sync_playwright

    # Playwright's sync API leaves an asyncio loop running on this thread, so
    # Django refuses ORM calls from tests unless this is set...
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # ...and, the thread being "async" now, hands out new connection objects
    # (asgiref's Local). Give them the data serialised when the test database
    # was created, which serialized_rollback restores before each test.
    serialized = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    for alias, contents in serialized.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents
    try:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    finally:
        with django_db_blocker.unblock():
            connections.close_all()
        playwright.stop()
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(autouse=True)
def _admin_forms_built_afresh():
    """Admin edit forms as a newly started server builds them.

    Wagtail builds each model's edit handler once per process and derives the
    ids of its tabs and panels (``panel-child-content-...``) from their headings,
    translated into the language of the first edit form it renders. A test that
    opened one in Vietnamese would leave ``panel-child-noi_dung-...`` to every
    later test. Cleared as Wagtail clears them when a setting they depend on
    changes.
    """
    for model in apps.get_models():
        if issubclass(model, AbstractPage):
            model.get_edit_handler.cache_clear()
    get_edit_handler.cache_clear()


@pytest.fixture
def new_context(browser, live_server):
    """Factory of browser contexts (separate cookies) on the live server."""
    contexts = []

    def _new(**options):
        options.setdefault("base_url", live_server.url)
        # Chromium would send "Accept-Language: en-US" and the public site would
        # redirect to /en/; readers of this portal browse in Vietnamese.
        options.setdefault("locale", "vi-VN")
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield _new
    for context in contexts:
        context.close()


@pytest.fixture
def seeded_portal(transactional_db):
    """The demo portal of ``seed_demo``: home, index, campaigns and their media."""
    call_command("seed_demo", stdout=io.StringIO())


def path_of(page) -> str:
    """A page's path on its own site: the seeded portal has two sites, so
    ``page.url`` is absolute (and names the site's host, not the live server)."""
    return page.get_url_parts()[2]


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Screenshots for a person to look at; kept out of the repository."""
    return tmp_path_factory.mktemp("screenshots")
