"""The moderation admin views: queue, edit, inspect, block, data subject requests."""

import csv
import datetime
import io
import json

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views import snippets as snippet_views

from campaigns import sites
from campaigns.exports import LocalSpreadsheetExportMixin
from campaigns.models import Comment
from campaigns.moderation.actions import (
    NothingToBlock,
    block_poster,
    comments_with_email,
    erase_comments,
    export_comments,
    policy_for_comment,
    update_comment,
)
from campaigns.moderation.forms import (
    MODERATED_FIELDS,
    BlockPosterForm,
    DataSubjectRequestForm,
)
from campaigns.moderation.permissions import can_moderate, in_held_sites


def forbidden(request, reason: str = "") -> HttpResponse:
    """A real 403 (not Wagtail's redirect to the dashboard), for any method."""
    return render(request, "campaigns/forbidden.html", {"reason": reason}, status=403)


def not_held(request) -> HttpResponse:
    return forbidden(
        request, gettext("This comment belongs to a site you do not hold.")
    )


class ForbiddenMixin:
    """Answer a refused permission with 403, so a crafted POST is plainly refused."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)


class HeldSiteMixin(ForbiddenMixin):
    """403 for a comment of a site the user does not hold, on every method.

    Wagtail's views find their object in ``setup()``, before ``dispatch()``.
    """

    def dispatch(self, request, *args, **kwargs):
        comment = getattr(self, "object", None)
        if comment is not None and not sites.holds_page(request.user, comment.page):
            return not_held(request)
        return super().dispatch(request, *args, **kwargs)


def _block_url(comment) -> str:
    return reverse(
        Comment.snippet_viewset.get_url_name("block"), args=(quote(comment.pk),)
    )


def _block_button(view, comment):
    if comment.ip_hash and can_block(view.request.user):
        return Button(_("Block this poster"), url=_block_url(comment), icon_name="lock")
    return None


def can_block(user) -> bool:
    return can_moderate(user) and user.has_perm("campaigns.add_commentblock")


class BlockButtonMixin:
    """Adds "Block this poster" to the header of a comment's edit and inspect views."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if button := _block_button(self, self.object):
            buttons.append(button)
        return buttons


class CommentIndexView(
    ForbiddenMixin, LocalSpreadsheetExportMixin, snippet_views.IndexView
):
    """The queue. Its header links to the data subject request page for moderators.

    Wagtail shows the bulk-action footer, with every registered action, to
    anyone who may see the listing. Users who may not moderate (communications
    officers) get the listing without the checkbox column, the footer and its
    script; the actions themselves still answer them 403.
    """

    @cached_property
    def offers_bulk_actions(self) -> bool:
        return can_moderate(self.request.user)

    @cached_property
    def columns(self):
        columns = super().columns
        if self.offers_bulk_actions:
            return columns
        return [
            column
            for column in columns
            if not isinstance(column, BulkActionsCheckboxColumn)
        ]

    def get_template_names(self):
        if self.offers_bulk_actions or self.results_only:
            return super().get_template_names()
        # The template the snippet index extends, without only the bulk-action
        # footer and its script.
        return ["wagtailadmin/generic/index.html"]

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if can_moderate(self.request.user):
            buttons.append(
                Button(
                    _("Data subject request"),
                    url=reverse(Comment.snippet_viewset.get_url_name("data_request")),
                    icon_name="user",
                    priority=50,
                )
            )
        return buttons


class CommentEditView(HeldSiteMixin, BlockButtonMixin, snippet_views.EditView):
    """Moderate one comment: status, note, official reply, redaction.

    The save goes through ``update_comment``, which logs one entry per kind of
    change instead of Wagtail's generic "Edited" (``wagtail.edit``).
    """

    def save_instance(self):
        data = self.form.cleaned_data
        changes = {field: data[field] for field in MODERATED_FIELDS if field in data}
        return update_comment(self.object, by=self.request.user, **changes)


class CommentInspectView(HeldSiteMixin, BlockButtonMixin, snippet_views.InspectView):
    """Read-only view of a comment; the e-mail address only for moderators."""

    #: Never shown here: technical fields, and the poster's IP hash.
    hidden_fields = ("id", "fingerprint", "moderators_notified_at", "ip_hash")

    def get_fields(self):
        fields = [f for f in super().get_fields() if f not in self.hidden_fields]
        if not can_moderate(self.request.user):
            fields.remove("email")
        return fields

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, datetime.datetime):
            # Wagtail's template prints it with `localize`, which formats the
            # stored UTC time as it is: in local time, as the edit view shows it.
            return timezone.localtime(value)
        return "—" if value is None or value == "" else value


class CommentCreateView(ForbiddenMixin, snippet_views.CreateView):
    """Refused to everyone by the permission policy: comments come from readers."""


class CommentDeleteView(HeldSiteMixin, snippet_views.DeleteView):
    pass


class CommentHistoryView(HeldSiteMixin, snippet_views.HistoryView):
    pass


class ModeratorOnlyMixin:
    """403 for anyone who may not moderate, on every method."""

    def user_may_use(self, user) -> bool:
        return can_moderate(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_may_use(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class BlockPosterView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Confirm, then block the poster of a comment (by IP hash) for N days."""

    template_name = "campaigns/moderation/block_poster.html"
    form_class = BlockPosterForm
    page_title = _("Block this poster")
    header_icon = "lock"

    def user_may_use(self, user) -> bool:
        return can_block(user) and sites.holds_page(user, self.object.page)

    def setup(self, request, *args, pk, **kwargs):
        super().setup(request, *args, pk=pk, **kwargs)
        self.object = get_object_or_404(Comment, pk=pk)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        viewset = Comment.snippet_viewset
        return [
            *self.breadcrumbs_items,
            {"url": reverse(viewset.get_url_name("list")), "label": _("Comments")},
            {
                "url": reverse(viewset.get_url_name("edit"), args=(self.object.pk,)),
                "label": str(self.object),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "comment": self.object,
            "block_days": policy_for_comment(self.object).block_days,
            "edit_url": reverse(
                Comment.snippet_viewset.get_url_name("edit"), args=(self.object.pk,)
            ),
        }

    def form_valid(self, form):
        try:
            block = block_poster(
                self.object, by=self.request.user, reason=form.cleaned_data["reason"]
            )
        except NothingToBlock as error:
            messages.error(self.request, str(error))
        else:
            until = timezone.localtime(block.blocked_until)
            messages.success(
                self.request,
                gettext("The poster is blocked until %(until)s.")
                % {"until": until.strftime("%d/%m/%Y")},
            )
        return redirect(
            Comment.snippet_viewset.get_url_name("edit"), quote(self.object.pk)
        )


class DataSubjectRequestView(ModeratorOnlyMixin, WagtailAdminTemplateMixin, FormView):
    """Find, export or erase every comment left with one e-mail address.

    Everything is POSTed, so the address never appears in a URL or access log.
    Exports and erasures are logged per comment, without the address.
    """

    template_name = "campaigns/moderation/data_subject_request.html"
    form_class = DataSubjectRequestForm
    page_title = _("Data subject request")
    header_icon = "user"

    def user_may_use(self, user) -> bool:
        return can_moderate(user) and user.has_perm("campaigns.delete_comment")

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(Comment.snippet_viewset.get_url_name("list")),
                "label": _("Comments"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    @cached_property
    def action(self):
        action = self.request.POST.get("action", DataSubjectRequestForm.FIND)
        choices = {
            DataSubjectRequestForm.FIND,
            DataSubjectRequestForm.EXPORT_JSON,
            DataSubjectRequestForm.EXPORT_CSV,
            DataSubjectRequestForm.ERASE,
        }
        return action if action in choices else DataSubjectRequestForm.FIND

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "action": self.action}

    @property
    def comments(self):
        """A request covers the comments of the sites the moderator holds."""
        return in_held_sites(self.request.user, Comment.objects.all())

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        user = self.request.user
        if self.action in (
            DataSubjectRequestForm.EXPORT_JSON,
            DataSubjectRequestForm.EXPORT_CSV,
        ):
            records = export_comments(
                email, by=user, file_format=self.action, among=self.comments
            )
            return _download(records, self.action)
        if self.action == DataSubjectRequestForm.ERASE:
            count = erase_comments(email, by=user, among=self.comments)
            messages.success(
                self.request,
                ngettext(
                    "%(count)d comment deleted.", "%(count)d comments deleted.", count
                )
                % {"count": count},
            )
            return redirect(Comment.snippet_viewset.get_url_name("data_request"))
        matches = list(comments_with_email(email, among=self.comments))
        return self.render_to_response(
            self.get_context_data(form=form, matches=matches, searched=True)
        )

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Comments"),
                url=reverse(Comment.snippet_viewset.get_url_name("list")),
                icon_name="comment",
            )
        ]


#: CSV columns of an export, in order.
EXPORT_COLUMNS = (
    "id",
    "page_id",
    "page_title",
    "page_url",
    "language",
    "name",
    "title",
    "content",
    "email",
    "status",
    "posted_at",
    "official_reply",
    "reply_at",
    "ip_hash",
)


def _download(records, file_format) -> HttpResponse:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    if file_format == DataSubjectRequestForm.EXPORT_JSON:
        body = json.dumps({"comments": records}, ensure_ascii=False, indent=2)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        extension = "json"
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=EXPORT_COLUMNS)
        writer.writeheader()
        for record in records:
            writer.writerow({key: _csv_safe(value) for key, value in record.items()})
        # A BOM so that spreadsheet programs read the Vietnamese text as UTF-8.
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
        extension = "csv"
    response["Content-Disposition"] = (
        f'attachment; filename="comments-data-request-{stamp}.{extension}"'
    )
    response["Cache-Control"] = "no-store"
    return response


def _csv_safe(value):
    """Defuse spreadsheet formulas in reader text (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
