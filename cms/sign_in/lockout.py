"""Admin sign-in lockout (django-axes): whose address, and what a locked-out user sees.

Which attempts count, how many and for how long are the ``AXES_*`` settings in
``cms/settings/base.py``; axes records them through its authentication backend
and signals, and ``axes.middleware.AxesMiddleware`` swaps the sign-in page's
response for :func:`lockout_response` once the limit is reached.
"""

import ipaddress

from axes.helpers import get_cool_off
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import ngettext

from campaigns.clients import client_ip


def client_address(request: HttpRequest) -> str | None:
    """The client's address as the plugin reads it (trusted proxies), if it is one.

    axes stores it in a ``GenericIPAddressField``: a malformed entry (a port, a
    name) would fail the insert on PostgreSQL and with it the sign-in, so it is
    recorded as unknown instead; unknown addresses then share one count per
    username.
    """
    try:
        return str(ipaddress.ip_address(client_ip(request)))
    except ValueError:
        return None


def lockout_response(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
) -> HttpResponse:
    """429 with the reason and the wait, in the admin's language and look.

    The wait restarts with each further try, the right password included, so
    the page asks to wait rather than naming a time of day.
    """
    cool_off = get_cool_off(request)
    minutes = max(1, round(cool_off.total_seconds() / 60))
    response = TemplateResponse(
        request,
        "sign_in/lockout.html",
        {
            "wait": ngettext(
                "Wait %(minutes)d minute without trying, then sign in again.",
                "Wait %(minutes)d minutes without trying, then sign in again.",
                minutes,
            )
            % {"minutes": minutes},
        },
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response.render()
