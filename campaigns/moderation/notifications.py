"""Telling a reader that the agency answered their comment.

The optional e-mail address a reader gives is used for this one message and
nothing else (the purpose stated on the comment form).
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.log_actions import log

from campaigns.models import Comment, CommentStatus
from campaigns.moderation import log_actions

logger = logging.getLogger(__name__)


def notify_reader_of_reply(comment: Comment) -> bool:
    """E-mail the reader once that their approved comment has an official reply.

    Call it after the transaction that approved or answered the comment has
    committed. The row is claimed with a conditional update, so concurrent
    calls send one mail; if sending fails the claim is released so that the
    next change tries again. Returns whether a mail was sent.
    """
    now = timezone.now()
    claimed = (
        Comment.objects.filter(
            pk=comment.pk, status=CommentStatus.APPROVED, reader_notified_at=None
        )
        .exclude(reply="")
        .exclude(email="")
        .update(reader_notified_at=now)
    )
    if not claimed:
        return False
    comment = Comment.objects.select_related("page", "locale").get(pk=comment.pk)
    try:
        with translation.override(comment.locale.language_code):
            subject, body = _message(comment)
        send_mail(
            subject,
            body,
            settings.DEFAULT_FROM_EMAIL,
            [comment.email],
            fail_silently=False,
        )
    except Exception:
        logger.exception("Could not e-mail the reader of comment %s", comment.pk)
        Comment.objects.filter(pk=comment.pk, reader_notified_at=now).update(
            reader_notified_at=None
        )
        return False
    log(comment, log_actions.NOTIFY, user=None)
    return True


def _message(comment: Comment) -> tuple[str, str]:
    # The subject holds no reader text: nothing a reader typed reaches a header.
    subject = gettext("Your comment has been answered")
    url = comment.page.full_url or ""
    lines = [
        gettext("Dear %(name)s,") % {"name": comment.name},
        "",
        gettext("The agency has answered your comment “%(title)s” on “%(page)s”.")
        % {"title": comment.title, "page": comment.page.title},
        "",
        gettext("Official reply:"),
        comment.reply,
        "",
        gettext("Read the comment and the reply here: %(url)s")
        % {"url": f"{url}#comment-{comment.pk}" if url else ""},
        "",
        gettext(
            "You receive this message because you left your e-mail address with "
            "the comment. It is used for nothing else, and you will not be "
            "written to again about this comment."
        ),
    ]
    return subject, "\n".join(lines)
