"""Send a user who must confirm a code to the code page before the admin."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode

from cms.sign_in.two_factor.policy import confirmed_device, two_factor_required

#: Views an unverified user may still reach: the code pages, and the way out.
EXEMPT_VIEWS = {
    "two_factor:verify",
    "two_factor:enrol",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}


async def _anonymous_user():
    return AnonymousUser()


class TwoFactorMiddleware:
    """Hold back the admin, and the account elsewhere, until a code is confirmed.

    For a user :func:`~cms.sign_in.two_factor.policy.two_factor_required` names
    who is not OTP-verified in this session: an admin URL redirects to the code
    page (or to enrolment, without a device), whatever the method, so that no
    admin POST runs; any other URL sees an anonymous user, so that a password
    alone opens no private page either. After ``django_otp``'s
    ``OTPMiddleware``, which adds ``user.is_verified()``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not two_factor_required(user) or user.is_verified():
            return None
        view_name = request.resolver_match.view_name
        if view_name in EXEMPT_VIEWS:
            return None
        admin_home = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_home):
            request.user = AnonymousUser()
            request.auser = _anonymous_user
            return None
        target = "two_factor:verify" if confirmed_device(user) else "two_factor:enrol"
        next_url = request.get_full_path() if request.method == "GET" else admin_home
        return HttpResponseRedirect(
            f"{reverse(target)}?{urlencode({'next': next_url})}"
        )
