"""The queue's signs outside the listing: the menu badge and the dashboard panel."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem

from campaigns.models import Comment
from campaigns.moderation.permissions import (
    can_moderate,
    can_view_comments,
    in_held_sites,
)

#: Pending comments listed on the dashboard.
DASHBOARD_COMMENTS = 8


def pending_count(user) -> int:
    """Comments awaiting moderation on the sites ``user`` holds."""
    return in_held_sites(user, Comment.objects.pending()).count()


class CommentsMenuItem(MenuItem):
    """The "Comments" menu item; its label carries the number awaiting moderation."""

    def is_shown(self, request):
        return can_view_comments(request.user)

    def render_component(self, request):
        count = pending_count(request.user)
        label = self.label
        if count:
            label = gettext("%(label)s (%(count)d)") % {
                "label": self.label,
                "count": count,
            }
        attrs = {**self.attrs, "data-pending-comments": str(count)}
        return LinkMenuItem(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=attrs,
        )


class PendingCommentsPanel(Component):
    """The latest comments awaiting moderation, linked to their edit view."""

    name = "pending_comments"
    template_name = "campaigns/moderation/pending_comments_panel.html"
    order = 150

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context=None):
        context = super().get_context_data(parent_context)
        viewset = Comment.snippet_viewset
        view_name = "edit" if can_moderate(self.request.user) else "inspect"
        comments = list(
            in_held_sites(self.request.user, Comment.objects.pending())
            .select_related("page")
            .order_by("-created_at", "-pk")[:DASHBOARD_COMMENTS]
        )
        for comment in comments:
            comment.moderation_url = reverse(
                viewset.get_url_name(view_name), args=(quote(comment.pk),)
            )
        count = pending_count(self.request.user)
        context.update(
            comments=comments,
            heading=gettext("Comments awaiting moderation (%(count)d)")
            % {"count": count},
            queue_url=reverse(viewset.get_url_name("list")) + "?status=pending",
        )
        return context


def add_pending_comments_panel(request, panels) -> None:
    """The ``construct_homepage_panels`` hook: only for users who may see comments."""
    if can_view_comments(request.user):
        panels.append(PendingCommentsPanel(request))
