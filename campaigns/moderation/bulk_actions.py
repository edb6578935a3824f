"""Bulk approve / reject / mark as spam on the comment queue, with an optional note."""

from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from campaigns.models import Comment, CommentStatus
from campaigns.moderation.actions import set_comment_status
from campaigns.moderation.forms import ModerationNoteForm
from campaigns.moderation.permissions import can_moderate, in_held_sites
from campaigns.moderation.views import forbidden


class CommentStatusBulkAction(SnippetBulkAction):
    """Move the selected comments to :attr:`status`.

    Only moderators get this far, and only for comments of the sites they
    hold: anyone else, or a selection naming another site's comment, is
    refused with 403 before the confirmation page or the POST is handled, not
    merely shown "no access". "Select all" selects the held sites' comments.
    """

    #: The status the selected comments move to.
    status = None
    template_name = "campaigns/moderation/confirm_bulk_status.html"
    form_class = ModerationNoteForm

    @classproperty
    def models(cls):
        return [Comment]

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user) or self._names_comments_not_held(request):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    @staticmethod
    def _names_comments_not_held(request) -> bool:
        ids = [pk for pk in request.GET.getlist("id") if pk != "all"]
        if not all(pk.isdigit() for pk in ids):
            return True
        chosen = Comment.objects.filter(pk__in=ids)
        return chosen.count() != in_held_sites(request.user, chosen).count()

    def get_all_objects_in_listing_query(self, parent_id):
        comments = in_held_sites(self.request.user, Comment.objects.all())
        return comments.values_list("pk", flat=True)

    def check_perm(self, obj):
        return self.permission_policy.user_has_permission_for_instance(
            self.request.user, "change", obj
        )

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "action_label": self.display_name,
            "question": self.question,
        }

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "user": self.request.user,
            "note": self.cleaned_form.cleaned_data.get("note", ""),
        }

    @classmethod
    def execute_action(cls, objects, user=None, note="", **kwargs):
        changed = sum(
            set_comment_status(comment, cls.status, by=user, note=note)
            for comment in objects
        )
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message(num_parent_objects) % {"count": num_parent_objects}


class ApproveCommentsBulkAction(CommentStatusBulkAction):
    status = CommentStatus.APPROVED
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    classes = {"button-secondary"}
    question = _("Publish these comments on their pages?")

    @staticmethod
    def success_message(count):
        return ngettext(
            "%(count)d comment approved.", "%(count)d comments approved.", count
        )


class RejectCommentsBulkAction(CommentStatusBulkAction):
    status = CommentStatus.REJECTED
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject selected comments")
    action_priority = 20
    question = _("Reject these comments? Readers will not see them.")

    @staticmethod
    def success_message(count):
        return ngettext(
            "%(count)d comment rejected.", "%(count)d comments rejected.", count
        )


class SpamCommentsBulkAction(CommentStatusBulkAction):
    status = CommentStatus.SPAM
    display_name = _("Mark as spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 25
    classes = {"serious"}
    question = _("Mark these comments as spam? Readers will not see them.")

    @staticmethod
    def success_message(count):
        return ngettext(
            "%(count)d comment marked as spam.",
            "%(count)d comments marked as spam.",
            count,
        )


BULK_ACTIONS = [
    ApproveCommentsBulkAction,
    RejectCommentsBulkAction,
    SpamCommentsBulkAction,
]
