"""Throttles on the page-password form, the admin's password reset and sign-in.

Counted by django-ratelimit in the rate-limit cache (Redis when ``REDIS_URL``
is set, else local memory); conftest.py clears it around each test. The clock
is held still (time-machine) while a test counts, so that no fixed window of
the limits can end in the middle of one.
"""

import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

ADDRESS = "198.51.100.20"


@pytest.fixture(autouse=True)
def _clock_held_still():
    with time_machine.travel(timezone.now(), tick=False):
        yield


def _limit(setting: str) -> int:
    return int(getattr(settings, setting).split("/")[0])


# --- Page passwords -----------------------------------------------------------------
def password_url(page, *, language="vi"):
    restriction = PageViewRestriction.objects.get(page=page)
    with translation.override(language):
        return reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]
        )


def try_password(client, page, password, *, address=ADDRESS, url=None, **extra):
    return client.post(
        url or password_url(page),
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
        **extra,
    )


def unlocked(response, page) -> bool:
    return response.status_code == 302 and response["Location"] == page.url


@pytest.mark.django_db
def test_page_password_guesses_get_429_even_with_the_right_password(
    client, private_campaign
):
    limit = _limit("PORTAL_PAGE_PASSWORD_RATE_PER_IP")
    assert limit == 10
    for number in range(limit):
        response = try_password(client, private_campaign, f"sai-{number}")
        assert response.status_code == 200  # the form again, with its error
    response = try_password(client, private_campaign, "secret")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    page = client.get(private_campaign.url)
    assert "Trang riêng tư bí mật" not in page.content.decode()


@pytest.mark.django_db
def test_page_password_429_says_so_in_vietnamese_and_english(client, private_campaign):
    for number in range(_limit("PORTAL_PAGE_PASSWORD_RATE_PER_IP")):
        try_password(client, private_campaign, f"sai-{number}")
    html = try_password(client, private_campaign, "secret").content.decode()
    assert "Thử mật khẩu quá nhiều lần" in html
    assert 'href="/static/css/portal.css"' in html  # the site's look
    english = try_password(
        client,
        private_campaign,
        "secret",
        url=password_url(private_campaign, language="en"),
    ).content.decode()
    assert "Too many password attempts" in english


@pytest.mark.django_db
def test_another_address_still_opens_the_page(client, private_campaign):
    for number in range(_limit("PORTAL_PAGE_PASSWORD_RATE_PER_IP") + 1):
        try_password(client, private_campaign, f"sai-{number}")
    other = client.__class__()
    assert unlocked(
        try_password(other, private_campaign, "secret", address="192.0.2.50"),
        private_campaign,
    )


@pytest.mark.django_db
def test_guesses_from_many_addresses_are_counted_per_restriction(
    client, private_campaign, make_campaign, settings
):
    settings.PORTAL_PAGE_PASSWORD_RATE_PER_PAGE = "5/h"
    for number in range(5):
        response = try_password(
            client, private_campaign, "sai", address=f"10.1.0.{number}"
        )
        assert response.status_code == 200
    # Another page id in the URL, the same restriction: still the same secret.
    restriction = PageViewRestriction.objects.get(page=private_campaign)
    other_page = make_campaign("Trang khác")
    with translation.override("vi"):
        url = reverse(
            "wagtailcore_authenticate_with_password",
            args=[restriction.pk, other_page.pk],
        )
    response = try_password(
        client, private_campaign, "secret", address="10.1.0.99", url=url
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_both_language_prefixes_share_one_count(client, private_campaign):
    limit = _limit("PORTAL_PAGE_PASSWORD_RATE_PER_IP")
    english_url = password_url(private_campaign, language="en")
    assert english_url.startswith("/en/")
    for number in range(limit):
        url = english_url if number % 2 else None
        assert try_password(client, private_campaign, "sai", url=url).status_code == 200
    response = try_password(client, private_campaign, "secret", url=english_url)
    assert response.status_code == 429


@pytest.mark.django_db
def test_showing_the_password_form_is_not_counted(client, private_campaign):
    for _ in range(30):
        assert client.get(private_campaign.url, REMOTE_ADDR=ADDRESS).status_code == 200
    assert unlocked(try_password(client, private_campaign, "secret"), private_campaign)


# --- Password reset ----------------------------------------------------------------
RESET = "/admin/password_reset/"


def ask_reset(client, email, *, address=ADDRESS, **extra):
    return client.post(RESET, {"email": email}, REMOTE_ADDR=address, **extra)


@pytest.mark.django_db
def test_one_more_reset_than_the_limit_sends_no_mail_and_says_so(client, officer):
    limit = _limit("PORTAL_PASSWORD_RESET_RATE_PER_EMAIL")
    assert limit == 3
    for _ in range(limit):
        response = ask_reset(client, "officer@example.gov.vn")
        assert response.status_code == 302
    assert len(mail.outbox) == limit
    response = ask_reset(client, "officer@example.gov.vn")
    assert response.status_code == 429
    assert len(mail.outbox) == limit
    html = response.content.decode()
    assert "Yêu cầu đặt lại mật khẩu quá nhiều lần" in html
    assert int(response["Retry-After"]) > 0


@pytest.mark.django_db
def test_the_answers_are_the_same_whether_an_account_uses_the_address(client, officer):
    def answers(email, address):
        other = client.__class__()
        responses = [
            ask_reset(other, email, address=address)
            for _ in range(_limit("PORTAL_PASSWORD_RESET_RATE_PER_EMAIL") + 1)
        ]
        return [
            (r.status_code, r.get("Location"), _text_of(r, email)) for r in responses
        ]

    known = answers("officer@example.gov.vn", "192.0.2.61")
    unknown = answers("khong-ai@example.gov.vn", "192.0.2.62")
    assert known == unknown
    assert [status for status, _, _ in known][-1] == 429


def _text_of(response, email):
    """What the page says (its ``<main>``) but the wait, which follows the window.

    Windows end at times spread by a hash of the key (django-ratelimit), so the
    minutes left differ from one address to the next, account or not.
    """
    html = response.content.decode()
    main = html[html.find("<main") : html.find("</main>")]
    return re.sub(r"\d+", "N", main.replace(email, "EMAIL"))


@pytest.mark.django_db
def test_spelling_the_address_differently_does_not_escape_the_count(client, officer):
    spellings = [
        "officer@example.gov.vn",
        "Officer@Example.gov.vn",
        " OFFICER@example.gov.vn ",
    ]
    for email in spellings:
        assert ask_reset(client, email).status_code == 302
    assert ask_reset(client, "officer@example.GOV.vn").status_code == 429


@pytest.mark.django_db
def test_many_addresses_from_one_client_are_counted_too(client):
    limit = _limit("PORTAL_PASSWORD_RESET_RATE_PER_IP")
    for number in range(limit):
        assert ask_reset(client, f"nguoi-{number}@example.gov.vn").status_code == 302
    assert ask_reset(client, "nguoi-moi@example.gov.vn").status_code == 429


@pytest.mark.django_db
def test_the_reset_form_itself_is_never_throttled(client):
    for _ in range(20):
        assert client.get(RESET, REMOTE_ADDR=ADDRESS).status_code == 200


# --- Sign-in per address -------------------------------------------------------------
@pytest.mark.django_db
def test_one_address_trying_many_accounts_is_throttled(client, officer, settings):
    settings.PORTAL_SIGN_IN_RATE_PER_IP = "5/h"
    for number in range(5):
        response = client.post(
            "/admin/login/",
            {"username": f"nguoi-{number}", "password": "Mat-khau-2026"},
            REMOTE_ADDR=ADDRESS,
        )
        assert response.status_code == 200
    response = client.post(
        "/admin/login/",
        {"username": "officer", "password": "x-Officer-2026"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 429
    assert "Đăng nhập quá nhiều lần" in response.content.decode()
