"""The hostile-input catalogue of ``bench/hostile`` against the seeded portal.

Issue "Nothing lost, nobody in": every kind of hostile input, on every public
surface, gets no 5xx and shows nothing that is not public. The requests go
through Django's test client without raising, so a server error is counted as
an answer; an exception Django handled, or one the code caught and logged, is
caught by the signal and the log handler below and fails the test as well.
"""

import html
import io
import json
import logging
from urllib.parse import quote, unquote_to_bytes

import pytest
from django.core.management import call_command
from django.core.signals import got_request_exception
from django.db import transaction
from django.test import Client

from bench.hostile import catalogue, hidden_facts, public_context, run
from bench.hostile.kinds import Kind
from tests.conftest import make_comment

#: Sentinels this test adds, so that a leak of each kind of private data is
#: looked for even if the demo content changes.
PENDING_TEXT = "Ý kiến chờ duyệt số 7f3a: không được công bố"
SPAM_TEXT = "Quảng cáo rác 9c1e: không được công bố"
SPAM_AUTHOR = "Kẻ gửi rác 9c1e"
PENDING_EMAIL = "ban.doc.7f3a@example.vn"
IP_HASH = "c0ffee7f3a" * 6 + "beef"
DRAFT_TITLE_OF_LIVE = "Tiêu đề sửa chưa xuất bản 5d2b"
UNPUBLISHED_TITLE = "Chiến dịch đã gỡ 5d2b"

#: Loggers whose errors are expected answers, not failures: Django reports an
#: unknown Host as a "security" error before it answers 400.
EXPECTED_LOGGERS = ("django.security",)


@pytest.fixture
def seeded(db, make_campaign, settings):
    """The demo portal, plus hidden content with sentinels this test knows."""
    call_command("seed_demo", verbosity=0)
    from campaigns.models import CampaignPage

    # With a proxy in front, so that forged X-Forwarded-For headers are read.
    settings.CAMPAIGNS_TRUSTED_PROXY_COUNT = 1
    page = CampaignPage.objects.live().public().filter(comments_enabled=True).first()
    make_comment(page, status="pending", content=PENDING_TEXT, email=PENDING_EMAIL)
    make_comment(page, status="spam", content=SPAM_TEXT, name=SPAM_AUTHOR)
    make_comment(page, status="approved", ip_hash=IP_HASH)
    edited = make_campaign("Chiến dịch có bản sửa chưa duyệt")
    edited.title = DRAFT_TITLE_OF_LIVE
    edited.save_revision()
    make_campaign(UNPUBLISHED_TITLE).unpublish()
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page

    # An editor's redirect from an old address to a page not public yet.
    draft = Page.objects.filter(live=False).first()
    Redirect.objects.create(old_path="/cu/ban-nhap", redirect_page=draft)
    return page


def client_send(failures: list[str]):
    """``send`` through Django's test client, as a WSGI server would pass it on.

    Each request gets a new client, so no cookie is carried that the request
    does not send. The path is split as a server splits it: Django's client
    would read ``//x`` as a host name.
    """

    def send(method, path, headers, body):
        raw_path, _, query = path.partition("?")
        environ = {
            "PATH_INFO": unquote_to_bytes(raw_path).decode("iso-8859-1"),
            "QUERY_STRING": query,
        }
        for name, value in headers.items():
            key = name.upper().replace("-", "_")
            if key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
                environ[key] = value
            elif key == "TRANSFER_ENCODING" and value.lower() == "chunked":
                # As gunicorn passes a chunked body: no length, a stream that ends.
                environ.update(
                    {
                        "CONTENT_LENGTH": "",
                        "wsgi.input": io.BytesIO(body or b""),
                        "wsgi.input_terminated": True,
                    }
                )
            else:
                environ[f"HTTP_{key}"] = value
        client = Client(enforce_csrf_checks=True, raise_request_exception=False)
        # A savepoint per request, as each request has its own transaction on a
        # server: a failed query must not poison the requests after it.
        with _caught(failures, f"{method} {path[:120]}"), transaction.atomic():
            response = client.generic(method, "/", data=body or b"", **environ)
        answer_headers = list(response.items())
        answer_headers += [
            ("Set-Cookie", morsel.OutputString())
            for morsel in response.cookies.values()
        ]
        # The client closes the response itself (a streaming one once read).
        if response.streaming:
            content = b"".join(response.streaming_content)
        else:
            content = response.content
        return response.status_code, answer_headers, content

    return send


class _caught:
    """Records, for one request, every exception Django handled and every error log."""

    def __init__(self, failures: list[str], request: str):
        self.failures, self.request = failures, request
        self.handler = _Recorder(self)

    def __enter__(self):
        got_request_exception.connect(self._exception)
        logging.getLogger().addHandler(self.handler)

    def __exit__(self, *exc_info):
        got_request_exception.disconnect(self._exception)
        logging.getLogger().removeHandler(self.handler)

    def _exception(self, sender, request=None, **kwargs):
        self.failures.append(f"{self.request}: an exception reached Django")

    def record(self, record: logging.LogRecord):
        if record.name.startswith(EXPECTED_LOGGERS):
            return
        if record.levelno >= logging.ERROR or record.exc_info:
            self.failures.append(
                f"{self.request}: logged {record.levelname} {record.name}: "
                f"{record.getMessage()[:200]}"
            )


class _Recorder(logging.Handler):
    def __init__(self, caught: _caught):
        super().__init__(logging.WARNING)
        self.caught = caught

    def emit(self, record):
        self.caught.record(record)


def _solve_captcha(key: str) -> str | None:
    from captcha.models import CaptchaStore

    stored = CaptchaStore.objects.filter(hashkey=key).first()
    return stored.response if stored else None


def test_catalogue_has_at_least_fifty_distinct_kinds():
    names = [kind.name for kind in catalogue()]
    assert len(set(names)) == len(names) >= 50


def test_every_path_can_go_on_a_request_line_as_it_is():
    # http.client refuses a space or a control character in a URL.
    for kind in catalogue():
        assert kind.path.isascii() and kind.path.isprintable(), kind.name
        assert " " not in kind.path, kind.name


def _answering(body: bytes, status: int = 200, headers=()):
    def send(method, path, request_headers, request_body):
        return status, [("Content-Type", "text/html"), *headers], body

    return send


KIND = Kind("probe", "GET", "/?q={query}")


@pytest.mark.parametrize(
    "body",
    [
        PENDING_TEXT.encode(),
        html.escape(PENDING_TEXT).encode(),
        json.dumps({"content": PENDING_TEXT}).encode(),  # \u escapes
        quote(PENDING_TEXT).encode(),
        ("<mark>Ý</mark> <mark>kiến</mark>" + PENDING_TEXT[6:]).encode(),
    ],
    ids=["raw", "html-escaped", "json-escaped", "percent-encoded", "marked"],
)
def test_a_sentinel_in_any_form_is_a_leak(body):
    result = run(
        _answering(body), {"query": "x"}, sentinels=[PENDING_TEXT], kinds=[KIND]
    )
    assert (result.kinds_tried, result.five_xx_count, result.leaks_count) == (1, 0, 1)


def test_a_sentinel_the_request_carries_is_an_echo_not_a_leak():
    result = run(
        _answering(PENDING_EMAIL.encode()),
        {"query": quote(PENDING_EMAIL)},
        sentinels=[PENDING_EMAIL],
        kinds=[KIND],
    )
    assert result.leaks_count == 0


def test_server_errors_unexpected_statuses_and_skips_are_counted():
    kinds = [KIND, Kind("needs a draft", "GET", "/{draft_id}/", expect=(404,))]
    result = run(_answering(b"", 503), {"query": "x", "draft_id": "1"}, kinds=kinds)
    tried, five_xx, leaks, failures = result
    assert (tried, five_xx, leaks, len(failures)) == (2, 2, 0, 2)
    assert result.unexpected_count == 1
    skipped = run(_answering(b""), {"query": "x"}, kinds=kinds)
    assert list(skipped.skipped) == ["needs a draft"]


def test_a_redirect_to_a_foreign_host_is_caught():
    redirect = _answering(b"", 302, [("Location", "/\\hostile.invalid/x")])
    assert run(redirect, {"query": "x"}, kinds=[KIND]).unexpected_count == 1


@pytest.mark.django_db
def test_hostile_inputs_get_no_server_error_and_show_nothing_private(seeded, capsys):
    failures: list[str] = []
    send = client_send(failures)
    facts = hidden_facts()
    from home.demo import DRAFT_SLUG, PRIVATE_SLUG

    assert {
        PENDING_TEXT,
        SPAM_TEXT,
        SPAM_AUTHOR,
        PENDING_EMAIL,
        IP_HASH,
        DRAFT_TITLE_OF_LIVE,
        UNPUBLISHED_TITLE,
        DRAFT_SLUG,
        PRIVATE_SLUG,
    } <= set(facts.sentinels)
    context = {**public_context(send, host="testserver"), **facts.context}

    result = run(send, context, sentinels=facts.sentinels, solve_captcha=_solve_captcha)

    with capsys.disabled():
        print("\n" + result.summary())  # noqa: T201 -- the run's report
    assert not result.skipped, result.skipped
    assert result.kinds_tried >= 50
    assert result.five_xx_count == 0, "\n".join(result.failures)
    assert result.leaks_count == 0, "\n".join(result.failures)
    assert result.unexpected_count == 0, "\n".join(result.failures)
    assert not failures, "\n".join(failures)
    # The captcha was solved, so comments went through every check to be stored.
    assert any(201 in outcome.statuses for outcome in result.outcomes)
