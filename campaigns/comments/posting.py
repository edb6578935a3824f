"""Posting a reader's comment: the one service both the HTML form and the API call.

Every check that keeps the queue safe happens here, in this order: the page
takes comments, the client is within its rate limits, the fields and the
captcha are valid, the poster is not blocked, the same comment was not just
sent. A new comment is always pending; nothing the client sends changes that.
"""

import hashlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from campaigns import conf, sites
from campaigns.clients import comment_ip_hash
from campaigns.comments.forms import CommentForm
from campaigns.models.commentable import CommentablePageMixin
from campaigns.models.comments import (
    Comment,
    CommentBlock,
    CommentPolicy,
    CommentStatus,
)
from campaigns.models.querysets import public_pages
from campaigns.rate_limits import COMMENT_LIMITS, enforce
from campaigns.search import fold

#: The same comment sent again within this window is stored once.
DUPLICATE_WINDOW = timedelta(minutes=1)


class CommentRefused(Exception):
    """The comment cannot be taken; ``status`` is the HTTP status to answer with."""

    status = 400

    def __init__(self, message):
        super().__init__(message)
        self.message = message


class PageNotFound(CommentRefused):
    status = 404


class CommentsClosed(CommentRefused):
    status = 403


class PosterBlocked(CommentRefused):
    status = 403


class DuplicateComment(CommentRefused):
    status = 409

    def __init__(self, message, comment=None):
        super().__init__(message)
        self.comment = comment


class InvalidComment(CommentRefused):
    """Field errors: ``errors`` maps each field (or ``__all__``) to its messages."""

    status = 400

    def __init__(self, form: CommentForm):
        super().__init__(_("Check the fields marked below."))
        self.form = form
        self.errors = {field: list(messages) for field, messages in form.errors.items()}


def commentable_page(page_id, site_id: int | None) -> Page:
    """The live, public page of the site ``site_id`` that takes comments, or
    :class:`PageNotFound` (another site's page is not found either)."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        raise PageNotFound(_("No such page.")) from None
    if not 0 < page_id <= conf.MAX_PAGE_ID:
        raise PageNotFound(_("No such page."))
    page = (
        public_pages(Page.objects.filter(pk=page_id))
        .select_related("locale")
        .specific()
        .first()
    )
    if page is None or not isinstance(page, CommentablePageMixin):
        raise PageNotFound(_("No such page."))
    if sites.site_id_for_page(page) != site_id:
        raise PageNotFound(_("No such page."))
    return page


def ensure_open(page) -> None:
    if not page.comments_open():
        raise CommentsClosed(_("Comments on this page are closed."))


def post_comment(request: HttpRequest, page, data) -> Comment:
    """Validate ``data`` for ``page`` and store it as a pending comment.

    ``data`` is a mapping of the :class:`CommentForm` fields (a QueryDict or a
    dict); anything else in it is ignored. Raises a :class:`CommentRefused`.
    """
    ensure_open(page)
    enforce(request, COMMENT_LIMITS)

    form = CommentForm(data)
    if not form.is_valid():
        raise InvalidComment(form)
    fields = form.cleaned_data

    ip_hash = comment_ip_hash(request)
    now = timezone.now()
    if CommentBlock.objects.filter(ip_hash=ip_hash, blocked_until__gt=now).exists():
        raise PosterBlocked(_("Comments from your connection are not accepted."))

    fingerprint = _fingerprint(page.pk, ip_hash, fields)
    recent = Comment.objects.filter(
        fingerprint=fingerprint, created_at__gte=now - DUPLICATE_WINDOW
    ).first()
    # The cache claim is atomic across processes with Redis; the query covers
    # a process-local cache and a claim that expired.
    claimed = cache.add(
        f"campaigns:comment:{fingerprint}", 1, DUPLICATE_WINDOW.total_seconds()
    )
    if recent is not None or not claimed:
        raise DuplicateComment(
            _("You have just sent this comment; it is awaiting moderation."), recent
        )

    return Comment.objects.create(
        page=page,
        locale_id=page.locale_id,
        name=fields["name"],
        title=fields["title"],
        content=fields["content"],
        email=fields.get("email", ""),
        status=CommentStatus.PENDING,
        held_reason=_held_reason(request, page, fields),
        created_at=now,
        ip_hash=ip_hash,
        fingerprint=fingerprint,
    )


def _fingerprint(page_id, ip_hash, fields) -> str:
    text = "\x1f".join(
        [str(page_id), ip_hash, fields["title"].strip(), fields["content"].strip()]
    )
    return hashlib.sha256(text.encode()).hexdigest()


def _held_reason(request, page, fields) -> str:
    """Why the comment needs a closer look: the banned words it contains."""
    policy = CommentPolicy.for_site(page.get_site() or request)
    words = policy.banned_word_list
    if not words:
        return ""
    text = " " + " ".join(fold(fields[f]) for f in ("name", "title", "content")) + " "
    text = "".join(char if char.isalnum() else " " for char in text)
    found = [word for word in words if f" {' '.join(fold(word).split())} " in text]
    return held_reason_for(found)


def held_reason_for(words) -> str:
    """The reason stored for moderators, in the portal's language, not the reader's."""
    if not words:
        return ""
    with translation.override(settings.LANGUAGE_CODE):
        reason = gettext("Contains banned words: %(words)s") % {
            "words": ", ".join(words)
        }
    return reason[:200]
