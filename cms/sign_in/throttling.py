"""Throttles on the password forms Wagtail serves (django-ratelimit).

- the public page-password form of a private page: per address, and per view
  restriction (the shared password), whatever the page in the URL;
- the admin's password reset: per address, and per e-mail address entered,
  the same whether an account uses it or not, so the answer reveals nothing;
- admin sign-in: per address, whatever the username, against one address
  trying one password on many accounts (django-axes counts per username and
  address, :mod:`cms.sign_in.lockout`).

Only POSTs count. The rates are the ``PORTAL_*_RATE_*`` settings. Counts live
in the ``RATELIMIT_USE_CACHE`` cache in fixed windows, shared by every app
server with Redis; when the cache fails, the form is let through, as the
plugin's rate limits do.

A middleware matching Wagtail's URL names, not wrappers on copied paths in
``cms/urls.py``: the names are the contract Wagtail's own templates reverse,
while its paths are not, and a wrapper on a copied path would leave the real
view unthrottled, silently, the day Wagtail moved it. The names also match
wherever the view is mounted (the page-password form under ``/`` and ``/en/``).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext, ngettext
from django_ratelimit.core import get_usage

from campaigns.clients import client_ip

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    group: str
    #: The site setting holding the rate, e.g. ``"10/10m"``.
    setting: str
    #: ``(request, view_kwargs) -> str``: whose count this request adds to.
    key: Callable[[HttpRequest, dict], str]

    def seconds_to_wait(self, request: HttpRequest, view_kwargs: dict) -> int:
        """Count this request; the seconds left in the window if it went over, or 0."""
        rate = getattr(settings, self.setting)
        if not rate:
            return 0
        value = self.key(request, view_kwargs)
        try:
            usage = get_usage(
                request,
                group=self.group,
                key=lambda group, request: value,
                rate=rate,
                increment=True,
            )
        except Exception:  # a cache outage must not lock staff or readers out.
            logger.warning("Rate limit %s not checked", self.group, exc_info=True)
            return 0
        if usage and usage["should_limit"]:
            return max(1, usage["time_left"])
        return 0


def _address(request, view_kwargs):
    return client_ip(request)


def _restriction(request, view_kwargs):
    return str(view_kwargs.get("page_view_restriction_id", ""))


def _email(request, view_kwargs):
    # Keyed, so that no e-mail address sits in the cache, even hashed plainly.
    email = request.POST.get("email", "").strip().casefold()
    return salted_hmac("sign_in.password-reset", email).hexdigest()


PAGE_PASSWORD_LIMITS = (
    Limit("sign_in.page_password.ip", "PORTAL_PAGE_PASSWORD_RATE_PER_IP", _address),
    Limit(
        "sign_in.page_password.restriction",
        "PORTAL_PAGE_PASSWORD_RATE_PER_PAGE",
        _restriction,
    ),
)
PASSWORD_RESET_LIMITS = (
    Limit("sign_in.password_reset.ip", "PORTAL_PASSWORD_RESET_RATE_PER_IP", _address),
    Limit(
        "sign_in.password_reset.email", "PORTAL_PASSWORD_RESET_RATE_PER_EMAIL", _email
    ),
)
SIGN_IN_LIMITS = (Limit("sign_in.login.ip", "PORTAL_SIGN_IN_RATE_PER_IP", _address),)


def _minutes(seconds: int) -> int:
    return max(1, -(-seconds // 60))


def _page_password_throttled(request, seconds):
    minutes = _minutes(seconds)
    return TemplateResponse(
        request,
        "sign_in/page_password_throttled.html",
        {
            "wait": ngettext(
                "You can try again in %(minutes)d minute.",
                "You can try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes}
        },
        status=429,
    )


def _password_reset_throttled(request, seconds):
    minutes = _minutes(seconds)
    return TemplateResponse(
        request,
        "sign_in/throttled.html",
        {
            "title": gettext("Too many password reset requests"),
            "reason": gettext(
                "Password reset was asked for too often. If an account uses the "
                "address you entered, a message has already been sent to it: look "
                "in that mailbox, and in its spam folder."
            ),
            "wait": ngettext(
                "You can ask again in %(minutes)d minute.",
                "You can ask again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
        },
        status=429,
    )


def _sign_in_throttled(request, seconds):
    minutes = _minutes(seconds)
    return TemplateResponse(
        request,
        "sign_in/throttled.html",
        {
            "title": gettext("Too many sign-in attempts"),
            "reason": gettext(
                "Too many sign-in attempts came from your address, whatever the "
                "account."
            ),
            "wait": ngettext(
                "You can try again in %(minutes)d minute.",
                "You can try again in %(minutes)d minutes.",
                minutes,
            )
            % {"minutes": minutes},
        },
        status=429,
    )


#: URL name → (limits, response when over one of them).
THROTTLED_VIEWS = {
    "wagtailcore_authenticate_with_password": (
        PAGE_PASSWORD_LIMITS,
        _page_password_throttled,
    ),
    "wagtailadmin_password_reset": (PASSWORD_RESET_LIMITS, _password_reset_throttled),
    "wagtailadmin_login": (SIGN_IN_LIMITS, _sign_in_throttled),
}


class PasswordFormThrottleMiddleware:
    """Answer 429, before the view runs, to a POST over one of its view's limits."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        throttled = THROTTLED_VIEWS.get(request.resolver_match.url_name)
        if throttled is None:
            return None
        limits, respond = throttled
        # Every limit counts the request, so none can be dodged by another.
        wait = max(limit.seconds_to_wait(request, view_kwargs) for limit in limits)
        if not wait:
            return None
        response = respond(request, wait)
        response["Retry-After"] = str(wait)
        return response
