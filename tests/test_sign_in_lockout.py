"""Admin sign-in lockout (django-axes): guessing stops, staff get back in.

Real sign-ins through Wagtail's login view; the count is axes' own, in the
database. Cool-off expiry moves the clock (time-machine), which axes reads
through ``timezone.now()``.
"""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, Group, Permission
from django.core.management import call_command, get_commands
from django.urls import reverse
from django.utils import timezone, translation

from cms.sign_in.lockout import lockout_response
from cms.sign_in.retention import purge_sign_in_records
from home.management.commands.run_scheduler import JOBS

LOGIN = "/admin/login/"
ATTACKER = "198.51.100.7"
OFFICER_PASSWORD = "x-Officer-2026"
MODERATOR_PASSWORD = "x-Moderator-2026"


def sign_in(client, username, password, address=ATTACKER, **extra):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **extra,
    )


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == "/admin/"


def guess_until_locked(client, username, *, limit=50, address=ATTACKER):
    """Wrong passwords until one is refused with 429; how many were answered."""
    for answered in range(limit):
        response = sign_in(client, username, f"sai-{answered}", address=address)
        if response.status_code == 429:
            return answered
        assert response.status_code == 200, response.status_code
    pytest.fail(f"{limit} wrong passwords and no lockout")


@pytest.mark.django_db
def test_guessing_is_locked_out_and_then_the_right_password_fails(client, officer):
    answered = guess_until_locked(client, "officer")
    assert answered == settings.AXES_FAILURE_LIMIT - 1 == 4
    response = sign_in(client, "officer", OFFICER_PASSWORD)
    assert response.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not signed in
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_page_says_why_and_how_long_in_vietnamese(client, officer):
    guess_until_locked(client, "officer")
    response = sign_in(client, "officer", "sai")
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == str(15 * 60)
    assert "Tạm dừng đăng nhập" in html
    assert "Đợi 15 phút" in html
    assert "wagtailadmin/css/core.css" in html  # the admin's look, not bare text


@pytest.mark.django_db
def test_lockout_page_has_its_english_text(rf):
    # Signed-out pages of the admin are in the site's language (the URL decides,
    # docs/languages.md); the English text is the catalogue's source.
    request = rf.post(LOGIN)
    request.user = AnonymousUser()
    with translation.override("en"):
        html = lockout_response(request).content.decode()
    assert "Sign-in paused" in html
    assert "Wait 15 minutes without trying" in html


@pytest.mark.django_db
def test_another_account_from_the_same_address_still_signs_in(
    client, officer, moderator
):
    guess_until_locked(client, "officer")
    assert signed_in(sign_in(client, "moderator", MODERATOR_PASSWORD))


@pytest.mark.django_db
def test_the_account_still_signs_in_from_another_address(client, officer):
    guess_until_locked(client, "officer")
    assert signed_in(sign_in(client, "officer", OFFICER_PASSWORD, address="192.0.2.1"))


@pytest.mark.django_db
def test_lockout_ends_after_the_cool_off(client, officer):
    guess_until_locked(client, "officer")
    later = timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(seconds=1)
    with time_machine.travel(later, tick=False):
        assert signed_in(sign_in(client, "officer", OFFICER_PASSWORD))


@pytest.mark.django_db
def test_a_try_during_the_lockout_starts_the_cool_off_again(client, officer):
    guess_until_locked(client, "officer")
    cool_off, second = settings.AXES_COOLOFF_TIME, timedelta(seconds=1)
    halfway = timezone.now() + cool_off / 2
    with time_machine.travel(halfway, tick=False):
        assert sign_in(client, "officer", OFFICER_PASSWORD).status_code == 429
    first_wait_over = halfway + cool_off / 2 + second
    with time_machine.travel(first_wait_over, tick=False):
        assert sign_in(client, "officer", OFFICER_PASSWORD).status_code == 429
    with time_machine.travel(first_wait_over + cool_off + second, tick=False):
        assert signed_in(sign_in(client, "officer", OFFICER_PASSWORD))


@pytest.mark.django_db
def test_signing_in_resets_the_count(client, officer):
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "officer", f"sai-{number}").status_code == 200
    assert signed_in(sign_in(client, "officer", OFFICER_PASSWORD))
    client.logout()
    assert guess_until_locked(client, "officer") == settings.AXES_FAILURE_LIMIT - 1


@pytest.mark.django_db
def test_rotating_a_forwarded_address_does_not_escape_the_count(
    client, officer, settings
):
    settings.CAMPAIGNS_TRUSTED_PROXY_COUNT = 1
    for number in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(
            client,
            "officer",
            "sai",
            address="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.9.9.{number}, {ATTACKER}",
        )
        assert response.status_code == 200
    response = sign_in(
        client, "officer", "sai", address="127.0.0.1", HTTP_X_FORWARDED_FOR=ATTACKER
    )
    assert response.status_code == 429
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ATTACKER}


@pytest.mark.django_db
def test_a_malformed_forwarded_address_is_recorded_as_unknown(
    client, officer, settings
):
    settings.CAMPAIGNS_TRUSTED_PROXY_COUNT = 1
    response = sign_in(
        client,
        "officer",
        "sai",
        address="127.0.0.1",
        HTTP_X_FORWARDED_FOR="203.0.113.5:4711",
    )
    assert response.status_code == 200
    assert AccessAttempt.objects.get().ip_address is None


@pytest.mark.django_db
def test_no_password_is_stored_with_a_failure(client, officer):
    sign_in(client, "officer", "mat-khau-doan-thu")
    attempt = AccessAttempt.objects.get()
    assert "mat-khau-doan-thu" not in attempt.post_data
    assert attempt.username == "officer"


# --- Unlocking --------------------------------------------------------------------
LOCKOUTS = "/admin/sign-in-lockouts/"


def unlock_url(attempt):
    return reverse("sign_in_lockouts:delete", args=[attempt.pk])


@pytest.mark.django_db
def test_administrator_sees_the_lockout_and_unlocks_it(client, officer, admin_user):
    guess_until_locked(client, "officer")
    # Another browser of the same attacker: axes adds both counts up.
    sign_in(client, "officer", "sai", HTTP_USER_AGENT="Other/1.0")
    attempt = AccessAttempt.objects.filter(username="officer").first()

    admin = client.__class__()
    admin.force_login(admin_user)
    listing = admin.get(LOCKOUTS)
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "officer" in html and ATTACKER in html and "Đang khóa" in html
    assert unlock_url(attempt) in html  # the row's Unlock button
    assert admin.get(unlock_url(attempt)).status_code == 200
    response = admin.post(unlock_url(attempt))
    assert response.status_code == 302
    assert not AccessAttempt.objects.filter(username="officer").exists()

    assert signed_in(sign_in(client, "officer", OFFICER_PASSWORD))


@pytest.mark.django_db
def test_staff_without_the_permission_get_403(client, officer, moderator):
    guess_until_locked(client, "officer")
    attempt = AccessAttempt.objects.get()
    client.force_login(moderator)
    assert client.get(LOCKOUTS).status_code == 403
    assert client.post(unlock_url(attempt)).status_code == 403
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()
    assert LOCKOUTS not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_group_given_the_permission_may_unlock(client, officer, moderator):
    guess_until_locked(client, "officer")
    attempt = AccessAttempt.objects.get()
    group = Group.objects.get(name="Campaign moderators")
    group.permissions.add(Permission.objects.get(codename="delete_accessattempt"))
    client.force_login(moderator)
    assert client.post(unlock_url(attempt)).status_code == 302
    assert not AccessAttempt.objects.exists()


@pytest.mark.django_db
def test_nobody_adds_or_edits_a_lockout(client, admin_user):
    client.force_login(admin_user)
    assert client.get(LOCKOUTS + "new/").status_code == 404
    assert client.get(LOCKOUTS + "edit/1/").status_code == 404


@pytest.mark.django_db
def test_reset_commands_unlock_from_the_command_line(client, officer):
    guess_until_locked(client, "officer")
    call_command("axes_reset_username", "officer", stdout=StringIO())
    assert signed_in(sign_in(client, "officer", OFFICER_PASSWORD))


# --- Retention (Decree 13/2023/NĐ-CP) -----------------------------------------
def _aged(model, days, **fields):
    row = model.objects.create(
        user_agent="UA", http_accept="*/*", path_info=LOGIN, **fields
    )
    model.objects.filter(pk=row.pk).update(
        attempt_time=timezone.now() - timedelta(days=days)
    )
    return row


@pytest.mark.django_db
def test_purge_deletes_sign_in_records_past_the_retention_period():
    days = settings.PORTAL_SIGN_IN_RECORD_DAYS
    old_log = _aged(AccessLog, days + 1, username="a", ip_address="192.0.2.1")
    new_log = _aged(AccessLog, days - 1, username="b", ip_address="192.0.2.2")
    old_failure = _aged(AccessFailureLog, days + 1, username="c")
    new_failure = _aged(AccessFailureLog, 1, username="d")
    counts = {"failures_since_start": 9, "get_data": "", "post_data": ""}
    expired = _aged(AccessAttempt, 1, username="e", **counts)
    running = AccessAttempt.objects.create(username="f", user_agent="UA", **counts)

    out = StringIO()
    call_command("purge_sign_in_records", stdout=out)
    assert list(AccessLog.objects.all()) == [new_log]
    assert list(AccessFailureLog.objects.all()) == [new_failure]
    assert list(AccessAttempt.objects.all()) == [running]
    assert "1 expired failure count(s), 1 sign-in record(s) and 1 failure" in (
        out.getvalue()
    )
    assert not AccessLog.objects.filter(pk=old_log.pk).exists()
    assert not AccessFailureLog.objects.filter(pk=old_failure.pk).exists()
    assert not AccessAttempt.objects.filter(pk=expired.pk).exists()

    again = purge_sign_in_records()
    assert (again.attempts, again.sign_ins, again.failures) == (0, 0, 0)


@pytest.mark.django_db
def test_every_failure_is_logged_for_the_retention_period(client, officer):
    guess_until_locked(client, "officer")
    assert AccessFailureLog.objects.filter(username="officer").count() == (
        settings.AXES_FAILURE_LIMIT
    )
    assert AccessFailureLog.objects.filter(locked_out=True).count() == 1


def test_purge_runs_daily_wherever_jobs_are_scheduled():
    assert dict(JOBS)["purge_sign_in_records"] == 24 * 60 * 60
    assert "purge_sign_in_records" in get_commands()
    deploy = settings.BASE_DIR / "deploy"
    crontab = (deploy / "crontab").read_text()
    assert "manage.py run_exclusive purge_sign_in_records" in crontab
    service = (deploy / "purge-sign-in-records.service").read_text()
    assert "manage.py run_exclusive purge_sign_in_records" in service
    assert "OnCalendar=" in (deploy / "purge-sign-in-records.timer").read_text()
