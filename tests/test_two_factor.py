"""Two-factor sign-in (django-otp TOTP) for moderators and administrators.

Codes are real: computed with ``django_otp.oath.totp`` from the device's key,
as an authenticator app computes them. Where a test depends on the throttle
after a wrong code, the clock is held still (time-machine).
"""

import base64
from datetime import timedelta
from io import StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageViewRestriction

from campaigns.models import CommentStatus
from tests.conftest import make_comment

VERIFY = "/admin/two-factor/"
ENROL = "/admin/two-factor/enrol/"


@pytest.fixture
def required(settings):
    settings.PORTAL_REQUIRE_TWO_FACTOR = True


def code_for(device: TOTPDevice) -> str:
    device.refresh_from_db()
    value = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{value:06d}"


def device_of(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Điện thoại", confirmed=True)


def redirect_target(response) -> tuple[str, str]:
    parts = urlsplit(response["Location"])
    return parts.path, parse_qs(parts.query).get("next", [""])[0]


@pytest.mark.django_db
def test_moderator_without_a_device_is_sent_to_enrol_and_set_up(
    client, moderator, required
):
    client.force_login(moderator)
    response = client.get("/admin/account/")
    assert response.status_code == 302
    assert redirect_target(response) == (ENROL, "/admin/account/")

    page = client.get(ENROL + "?next=/admin/account/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]
    assert "data:image/svg+xml;base64," in html
    device = TOTPDevice.objects.get(user=moderator, confirmed=False)
    secret = " ".join(
        base64.b32encode(device.bin_key).decode()[i : i + 4] for i in range(0, 32, 4)
    )
    assert secret in html
    assert "Thiết lập đăng nhập hai bước" in html
    # Reloading keeps the secret that may have been scanned already.
    client.get(ENROL)
    assert TOTPDevice.objects.filter(user=moderator).count() == 1

    response = client.post(ENROL, {"code": code_for(device), "next": "/admin/account/"})
    assert response.status_code == 302 and response["Location"] == "/admin/account/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/account/").status_code == 200


@pytest.mark.django_db
def test_moderator_with_a_device_enters_the_code_to_reach_the_admin(
    client, moderator, required
):
    device = device_of(moderator)
    client.force_login(moderator)
    response = client.get("/admin/")
    assert redirect_target(response) == (VERIFY, "/admin/")
    assert "Đăng nhập hai bước" in client.get(VERIFY).content.decode()
    response = client.post(VERIFY, {"code": code_for(device), "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_real_sign_in_ends_on_the_code_page(client, moderator, required):
    device_of(moderator)
    response = client.post(
        "/admin/login/",
        {"username": "moderator", "password": "x-Moderator-2026", "next": "/admin/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(VERIFY)
    assert "otp_device_id" not in client.session


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_the_next_one_must_wait(
    client, moderator, required
):
    device = device_of(moderator)
    client.force_login(moderator)
    with time_machine.travel(timezone.now(), tick=False):
        right = code_for(device)
        wrong = f"{(int(right) + 1) % 1_000_000:06d}"
        response = client.post(VERIFY, {"code": wrong})
        assert response.status_code == 200
        assert "Mã không đúng" in response.content.decode()
        response = client.post(VERIFY, {"code": right})
        assert "Nhập sai quá nhiều lần" in response.content.decode()
        assert client.get("/admin/").status_code == 302
    with time_machine.travel(timezone.now() + timedelta(seconds=2), tick=False):
        response = client.post(VERIFY, {"code": code_for(device)})
        assert response.status_code == 302


@pytest.mark.django_db
def test_a_used_code_does_not_open_a_second_session(client, moderator, required):
    device = device_of(moderator)
    with time_machine.travel(timezone.now(), tick=False):
        code = code_for(device)
        client.force_login(moderator)
        assert client.post(VERIFY, {"code": code}).status_code == 302
        other = client.__class__()
        other.force_login(moderator)
        assert other.post(VERIFY, {"code": code}).status_code == 200
        assert other.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_unverified_moderator_cannot_post_a_moderation_action(
    client, moderator, make_campaign, required
):
    device_of(moderator)
    comment = make_comment(make_campaign())
    client.force_login(moderator)
    url = f"/admin/bulk/campaigns/comment/approve/?id={comment.pk}&next=/admin/"
    response = client.post(url, {"note": ""})
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == VERIFY
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_unverified_moderator_is_anonymous_on_private_pages(
    client, moderator, make_campaign, required
):
    device = device_of(moderator)
    page = make_campaign("Chỉ dành cho người đăng nhập")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    client.force_login(moderator)
    response = client.get(page.url)
    assert response.status_code == 302
    assert "Chỉ dành cho" not in response.content.decode()
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_superusers_and_wagtail_moderators_must_verify_too(
    client, admin_user, django_user_model, required
):
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 302
    wagtail_moderator = django_user_model.objects.create_user(
        "kiemduyet", password="x-Kiem-duyet-2026"
    )
    wagtail_moderator.groups.add(Group.objects.get(name="Moderators"))
    other = client.__class__()
    other.force_login(wagtail_moderator)
    assert redirect_target(other.get("/admin/"))[0] == ENROL


@pytest.mark.django_db
def test_editors_are_not_asked_for_a_code(client, officer, required):
    client.force_login(officer)
    assert client.get("/admin/").status_code == 200
    assert client.get(VERIFY).status_code == 302  # nothing to verify: on to next


@pytest.mark.django_db
def test_without_the_setting_nobody_is_asked(client, moderator, admin_user):
    device_of(moderator)
    client.force_login(moderator)
    assert client.get("/admin/").status_code == 200
    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_next_never_leaves_the_site(client, moderator, required):
    device = device_of(moderator)
    client.force_login(moderator)
    response = client.post(
        VERIFY, {"code": code_for(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_a_user_with_a_device_cannot_enrol_another(client, moderator, required):
    device_of(moderator)
    client.force_login(moderator)
    assert redirect_target(client.get(ENROL))[0] == VERIFY
    assert TOTPDevice.objects.filter(user=moderator).count() == 1


@pytest.mark.django_db
def test_signing_out_stays_possible_before_the_code(client, moderator, required):
    device_of(moderator)
    client.force_login(moderator)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_two_factor_reset_sends_the_user_back_to_enrolment(client, moderator, required):
    device = device_of(moderator)
    client.force_login(moderator)
    client.post(VERIFY, {"code": code_for(device)})
    out = StringIO()
    call_command("two_factor_reset", "moderator", stdout=out)
    assert "1 device(s)" in out.getvalue()
    assert redirect_target(client.get("/admin/"))[0] == ENROL
