"""Admin wiring of sign-in security: the lockout list under Settings."""

from axes.models import AccessAttempt
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from cms.sign_in.viewsets import LockoutPermissionPolicy, LockoutViewSet

# Registered before the viewset, so that nothing falls back to Wagtail's default.
register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))
hooks.register("register_admin_viewset", LockoutViewSet)
