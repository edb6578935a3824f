"""Who may do what with a comment in the admin, and on which sites.

A comment belongs to the site of its page. Beside Django's model permissions,
a user acts only on the comments of the sites they hold
(:func:`campaigns.sites.held_site_ids`): the queue, its counts, the bulk
actions, exports, data requests and Wagtail's own snippet views all ask this
policy, so a crafted request for another site's comment is refused.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

from campaigns import sites


def in_held_sites(user, comments):
    """The comments of ``comments`` whose page is in a site ``user`` holds."""
    return comments.filter(sites.in_site_ids(sites.held_site_ids(user), "page"))


class CommentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions within the sites a user holds; nobody may
    add a comment.

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

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and sites.holds_page(
            user, instance.page
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return in_held_sites(
            user, super().instances_user_has_any_permission_for(user, actions)
        )

    def users_with_any_permission_for_instance(self, actions, instance):
        site_id = sites.site_id_for_page(instance.page)
        return get_user_model().objects.filter(
            pk__in=[
                user.pk
                for user in self.users_with_any_permission(actions)
                if site_id in sites.held_site_ids(user)
            ]
        )


def can_moderate(user) -> bool:
    """Whether ``user`` may change a comment's status, text or reply (on the
    sites they hold)."""
    return user.is_active and user.has_perm("campaigns.change_comment")


def can_view_comments(user) -> bool:
    return user.is_active and (
        user.has_perm("campaigns.view_comment") or can_moderate(user)
    )
