"""Admin and rich-text wiring of the campaigns plugin."""

from django.conf import settings
from django.http import Http404
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from campaigns import invalidation, sites
from campaigns.documents import is_hidden, may_see_every_document
from campaigns.models import Comment
from campaigns.moderation.bulk_actions import BULK_ACTIONS
from campaigns.moderation.log_actions import register_comment_log_actions
from campaigns.moderation.panels import add_pending_comments_panel
from campaigns.moderation.permissions import CommentPermissionPolicy
from campaigns.moderation.viewsets import CommentBlockViewSet, CommentViewSet
from campaigns.rich_text import (
    BulkDocumentLinkHandler,
    BulkImageEmbedHandler,
    BulkPageLinkHandler,
)


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """404 for a page asked for in another language than its own.

    Wagtail serves a site that has no root in the requested language from its
    default root: ``/en/…`` of a sub-portal published only in Vietnamese would
    show Vietnamese pages marked as English.
    """
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return
    # The edition from the cached map of site roots: no query per page.
    edition = sites.edition_language(page.path)
    if edition is not None and edition != get_supported_content_language_variant(
        get_language()
    ):
        raise Http404


@hooks.register("before_serve_document")
def keep_documents_of_hidden_pages_private(document, request):
    """404 for a document only draft or private pages use (campaigns.documents)."""
    if not may_see_every_document(request.user) and is_hidden(document):
        raise Http404


# After Wagtail's own registrations (order 0), so that ours replace them.
@hooks.register("register_rich_text_features", order=100)
def register_bulk_reference_handlers(features):
    features.register_link_type(BulkPageLinkHandler)
    features.register_link_type(BulkDocumentLinkHandler)
    features.register_embed_type(BulkImageEmbedHandler)


# The comment moderation queue (DESIGN §5). The permission policy is registered
# before the viewset, so that nothing falls back to Wagtail's default policy.
register_permission_policy(Comment, CommentPermissionPolicy(Comment))
register_snippet(CommentViewSet)
hooks.register("register_admin_viewset", CommentBlockViewSet)
for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)
hooks.register("register_log_actions", register_comment_log_actions)
hooks.register("construct_homepage_panels", add_pending_comments_panel)


@hooks.register("after_delete_snippet")
def follow_comment_deletion(request, instances):
    """Deleting an approved comment changes what readers see."""
    invalidation.comments_changed(
        obj.page_id for obj in instances if isinstance(obj, Comment) and obj.is_public
    )


import campaigns.stats.admin  # noqa: E402,F401 -- the statistics report's hooks.
