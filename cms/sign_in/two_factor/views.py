"""The code page and the enrolment page, in the admin's sign-in look."""

import base64
import io

from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.qr import write_qrcode_image

from cms.sign_in.two_factor.forms import CodeForm
from cms.sign_in.two_factor.policy import confirmed_device, enrolment_device


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        candidate,
        allowed_hosts={request.get_host()},
        require_https=request.is_secure(),
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _with_next(view_name: str, next_url: str) -> str:
    return f"{reverse(view_name)}?{urlencode({'next': next_url})}"


def _wait_message(device: TOTPDevice) -> str | None:
    """Why no code is checked right now: too many wrong ones, and for how long."""
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    seconds = max(1, int((details["locked_until"] - timezone.now()).total_seconds()))
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second before the next one.",
        "Too many wrong codes. Wait %(seconds)d seconds before the next one.",
        seconds,
    ) % {"seconds": seconds}


@transaction.atomic
def _check(device: TOTPDevice, code: str) -> bool:
    """Check ``code`` on the device, locked, so that two requests cannot both use it.

    django-otp refuses a code of a time step already used, and throttles
    (1, 2, 4, 8… seconds) after each wrong one.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
    return device.verify_token(code)


def _submitted_code(request, form, device: TOTPDevice, *, wrong: str):
    """Whether a posted code was accepted, and the error to show if not.

    No error before anything is posted; while django-otp throttles wrong codes,
    the wait; else ``wrong``.
    """
    if request.method != "POST" or not form.is_valid():
        return False, None
    error = _wait_message(device)
    if error is not None:
        return False, error
    if _check(device, form.cleaned_data["code"]):
        device.refresh_from_db()
        return True, None
    return False, wrong


def _signed_in_with(request, device: TOTPDevice):
    # A new session key: what was known of the old one opens nothing more.
    request.session.cycle_key()
    otp_login(request, device)


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    """Ask the code of the user's authenticator app; then go on to ``next``."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    next_url = _next_url(request)
    if request.user.is_verified():
        return redirect(next_url)
    device = confirmed_device(request.user)
    if device is None:
        return redirect(_with_next("two_factor:enrol", next_url))

    form = CodeForm(request.POST or None)
    accepted, error = _submitted_code(
        request,
        form,
        device,
        wrong=gettext(
            "This code is not right, or was used already. Enter the code "
            "the app shows now."
        ),
    )
    if accepted:
        _signed_in_with(request, device)
        return redirect(next_url)
    return TemplateResponse(
        request,
        "sign_in/two_factor/verify.html",
        {"form": form, "error": error, "next": next_url},
    )


def _qr_code_data_uri(url: str) -> str:
    out = io.BytesIO()
    write_qrcode_image(url, out)
    return "data:image/svg+xml;base64," + base64.b64encode(out.getvalue()).decode()


def _grouped(secret: str) -> str:
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    """Set up an authenticator app: its secret as a QR code and as text, then a code.

    Only for a user without a confirmed device: replacing a lost one is an
    administrator's ``manage.py two_factor_reset``, never this page.
    """
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
    next_url = _next_url(request)
    if confirmed_device(request.user) is not None:
        return redirect(_with_next("two_factor:verify", next_url))
    device = enrolment_device(request.user)

    form = CodeForm(request.POST or None)
    accepted, error = _submitted_code(
        request,
        form,
        device,
        wrong=gettext(
            "This code is not right. Check that the app was set up with this "
            "page's secret, and enter the code it shows now."
        ),
    )
    if accepted:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        _signed_in_with(request, device)
        return redirect(next_url)
    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "sign_in/two_factor/enrol.html",
        {
            "form": form,
            "error": error,
            "next": next_url,
            "qr_code": _qr_code_data_uri(device.config_url),
            "secret": _grouped(secret),
        },
    )
