"""Who must confirm a code from an authenticator app, and with which device."""

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice


def two_factor_required(user) -> bool:
    """Whether ``user`` must be OTP-verified to use the admin.

    Only while ``PORTAL_REQUIRE_TWO_FACTOR`` is on; then superusers and members
    of ``PORTAL_TWO_FACTOR_GROUPS``. Asked once per request (one query).
    """
    if not settings.PORTAL_REQUIRE_TWO_FACTOR or not user.is_authenticated:
        return False
    if not hasattr(user, "_two_factor_required"):
        user._two_factor_required = user.is_active and (
            user.is_superuser
            or user.groups.filter(name__in=settings.PORTAL_TWO_FACTOR_GROUPS).exists()
        )
    return user._two_factor_required


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed device being set up; the same one until it is confirmed.

    Reloading the enrolment page must not change the secret the user may have
    scanned already.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="Authenticator app", confirmed=False
        )
    return device
