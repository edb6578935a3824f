"""Sign-in lockouts under Settings: who is locked out from where, and unlocking.

A row is django-axes' count of one username's failures from one address (and
browser). Unlocking deletes every count of that username and address, whatever
the browser, which is what axes adds up. It needs axes' "delete access attempt"
permission (superusers have it; give it to a group under Settings → Groups);
without it the list and the unlock answer 403, whatever the method.
"""

from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import log
from wagtail.permission_policies import ModelPermissionPolicy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Axes writes the counts: nobody adds or edits one, a superuser neither."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


class ForbiddenMixin:
    """A real 403, not Wagtail's redirect to the dashboard, so a crafted POST is
    plainly refused."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return render(request, "sign_in/forbidden.html", status=403)


class LockedColumn(Column):
    """Whether the row locks its username out from its address right now."""

    def get_value(self, instance):
        locked = (
            instance.failures_since_start >= settings.AXES_FAILURE_LIMIT
            and instance.attempt_time > timezone.now() - settings.AXES_COOLOFF_TIME
        )
        return gettext("Locked out") if locked else gettext("Counting")


class LockoutIndexView(ForbiddenMixin, IndexView):
    page_title = _("Sign-in lockouts")

    def get_list_more_buttons(self, instance):
        return []

    def get_list_buttons(self, instance):
        if url := self.get_delete_url(instance):
            return [ListingButton(gettext("Unlock"), url=url, icon_name="lock-open")]
        return []


class UnlockView(ForbiddenMixin, DeleteView):
    page_title = _("Unlock")
    template_name = "sign_in/unlock.html"

    def get_page_subtitle(self):
        return self.object.username or "—"

    @property
    def confirmation_message(self):
        return (
            gettext(
                "Unlock %(username)s from %(address)s? Signing in from there "
                "works again at once, and the count of wrong passwords starts "
                "again from zero."
            )
            % self._names()
        )

    def _names(self):
        return {
            "username": self.object.username or "—",
            "address": self.object.ip_address or gettext("an unknown address"),
        }

    def get_success_message(self):
        return gettext("%(username)s unlocked from %(address)s.") % self._names()

    @transaction.atomic
    def delete_action(self):
        log(instance=self.object, action="wagtail.delete", user=self.request.user)
        AccessAttempt.objects.filter(
            username=self.object.username, ip_address=self.object.ip_address
        ).delete()


class LockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Sign-in lockouts")
    add_to_settings_menu = True
    url_prefix = "sign-in-lockouts"
    name = "sign_in_lockouts"
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = LockoutIndexView
    delete_view_class = UnlockView
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    ordering = ["-attempt_time"]
    list_display = [
        # A name, not a Column: Wagtail puts the row's buttons (Unlock) beside it.
        "username",
        Column("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Wrong passwords")),
        DateColumn("attempt_time", label=_("Last try"), sort_key="attempt_time"),
        LockedColumn("status", label=_("Status")),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Only the list and the unlock exist: no add, edit, history or usage view.
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                f"unlock/<{self.pk_path_converter}:pk>/",
                self.delete_view,
                name="delete",
            ),
        ]

    def get_permissions_to_register(self):
        return (
            super()
            .get_permissions_to_register()
            .filter(codename="delete_accessattempt")
        )
