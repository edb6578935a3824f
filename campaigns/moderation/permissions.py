"""Who may do what with a comment in the admin."""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that nobody may add a comment.

    Comments come from readers. Not even a superuser creates one in the admin,
    so the add and copy views answer 403 whatever is sent to them.
    """

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        actions = [action for action in actions if action != "add"]
        if not actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(actions)


def can_moderate(user) -> bool:
    """Whether ``user`` may change a comment's status, text or reply."""
    return user.is_active and user.has_perm("campaigns.change_comment")


def can_view_comments(user) -> bool:
    return user.is_active and (
        user.has_perm("campaigns.view_comment") or can_moderate(user)
    )
