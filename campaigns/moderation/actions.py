"""Moderation services: every write the admin makes to a comment goes through here.

Each function takes one transaction, locks the comment row, records what it
changed as Wagtail log entries (``campaigns.moderation.log_actions``) and,
when readers would see the change, has the content generation move and the
page purged (:func:`campaigns.invalidation.comments_changed`); once the
transaction has committed, it tells the reader about an official reply.
"""

import uuid
from datetime import timedelta
from functools import partial

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Site

from campaigns import invalidation
from campaigns.models import Comment, CommentBlock, CommentPolicy, CommentStatus
from campaigns.moderation import log_actions
from campaigns.moderation.notifications import notify_reader_of_reply

#: The log action recorded for a move to each status.
STATUS_ACTIONS = {
    CommentStatus.APPROVED: log_actions.APPROVE,
    CommentStatus.REJECTED: log_actions.REJECT,
    CommentStatus.SPAM: log_actions.SPAM,
    CommentStatus.PENDING: log_actions.PENDING,
}

#: What a moderator may rewrite of the reader's own words.
READER_TEXT_FIELDS = ("name", "title", "content")


class NothingToBlock(Exception):
    """The comment's IP hash was already cleared, so there is nobody to block."""


@transaction.atomic
def update_comment(
    comment: Comment,
    *,
    by,
    status=None,
    name=None,
    title=None,
    content=None,
    moderation_note=None,
    reply=None,
) -> Comment:
    """Apply a moderator's edit of ``comment``; ``None`` leaves a field as it is.

    Writes one log entry per kind of change: a redaction (with the original
    text in its data), a status change (with the moderation note), a note
    alone, the official reply. Saving without changes writes nothing.
    """
    locked = _lock(comment)
    now = timezone.now()
    was_public = locked.is_public
    entries = []
    changed_fields = set()

    texts = {"name": name, "title": title, "content": content}
    original = {
        field: getattr(locked, field)
        for field, value in texts.items()
        if value is not None and value != getattr(locked, field)
    }
    for field in original:
        setattr(locked, field, texts[field])
    changed_fields.update(original)
    if original:
        entries.append((log_actions.REDACT, {"original": original}))

    note_changed = (
        moderation_note is not None and moderation_note != locked.moderation_note
    )
    if note_changed:
        locked.moderation_note = moderation_note
        changed_fields.add("moderation_note")

    status_changed = status is not None and status != locked.status
    if status_changed:
        _set_status(locked, status, by=by, now=now)
        changed_fields.update(["status", "moderated_by", "moderated_at"])
        note = locked.moderation_note if note_changed else ""
        entries.append((STATUS_ACTIONS[status], {"note": note}))
    elif note_changed:
        entries.append((log_actions.NOTE, {"note": locked.moderation_note}))

    reply_changed = reply is not None and reply != locked.reply
    if reply_changed:
        previous = locked.reply
        locked.reply = reply
        locked.reply_by, locked.reply_at = (by, now) if reply else (None, None)
        changed_fields.update(["reply", "reply_by", "reply_at"])
        entries.append((log_actions.REPLY, {"reply": reply, "previous": previous}))

    if not changed_fields:
        return locked
    locked.save(update_fields=sorted(changed_fields))
    _log(locked, entries, by=by)

    seen_by_readers = was_public or locked.is_public
    if seen_by_readers and (original or status_changed or reply_changed):
        invalidation.comments_changed([locked.page_id])
    _schedule_reader_notice(locked)
    return locked


@transaction.atomic
def set_comment_status(comment: Comment, status, *, by, note: str = "") -> bool:
    """Move ``comment`` to ``status``, adding ``note`` to its moderation note.

    A comment already in ``status`` is left alone (note included), so a
    repeated bulk action is a no-op. Returns whether anything changed.
    """
    locked = _lock(comment)
    if locked.status == status:
        return False
    was_public = locked.is_public
    note = note.strip()
    _set_status(locked, status, by=by, now=timezone.now())
    fields = ["status", "moderated_by", "moderated_at"]
    if note:
        locked.moderation_note = "\n\n".join(
            filter(None, [locked.moderation_note, note])
        )
        fields.append("moderation_note")
    locked.save(update_fields=fields)
    _log(locked, [(STATUS_ACTIONS[status], {"note": note})], by=by)
    if was_public or locked.is_public:
        invalidation.comments_changed([locked.page_id])
    _schedule_reader_notice(locked)
    return True


@transaction.atomic
def block_poster(comment: Comment, *, by, reason: str = "") -> CommentBlock:
    """Refuse comments from ``comment``'s IP hash for the policy's ``block_days``.

    An existing block is extended, never shortened. Raises
    :class:`NothingToBlock` when the hash has already been cleared.
    """
    locked = _lock(comment)
    if not locked.ip_hash:
        raise NothingToBlock(_("This comment's IP hash has already been cleared."))
    days = policy_for_comment(locked).block_days
    until = timezone.now() + timedelta(days=days)
    block = CommentBlock.objects.select_for_update().filter(ip_hash=locked.ip_hash)
    block = block.first()
    if block is None:
        block = CommentBlock.objects.create(
            ip_hash=locked.ip_hash, blocked_until=until, reason=reason, created_by=by
        )
    else:
        block.blocked_until = max(block.blocked_until, until)
        block.reason = reason or block.reason
        block.save(update_fields=["blocked_until", "reason"])
    data = {"until": block.blocked_until.isoformat(), "days": days, "reason": reason}
    _log(locked, [(log_actions.BLOCK, data)], by=by)
    return block


def comments_with_email(email: str, *, among=None):
    """Every comment left with ``email``, matched regardless of case.

    ``among``: the comments to search (a moderator's sites'), else all.
    """
    email = email.strip()
    comments = Comment.objects.all() if among is None else among
    if not email:
        return comments.none()
    return (
        comments.filter(email__iexact=email)
        .select_related("page", "locale")
        .order_by("created_at", "pk")
    )


@transaction.atomic
def export_comments(email: str, *, by, file_format: str, among=None) -> list[dict]:
    """The reader's comments (of ``among``) as plain records, each export
    logged on its comment.

    The log entries name the format, never the address asked for.
    """
    comments = list(comments_with_email(email, among=among))
    request_id = uuid.uuid4()
    for comment in comments:
        log(
            comment,
            log_actions.EXPORT,
            user=by,
            uuid=request_id,
            data={"format": file_format},
        )
    return [export_record(comment) for comment in comments]


def export_record(comment: Comment) -> dict:
    """What the portal holds about one comment, for a data subject request."""
    return {
        "id": comment.pk,
        "page_id": comment.page_id,
        "page_title": comment.page.title,
        "page_url": comment.page.full_url or "",
        "language": comment.locale.language_code,
        "name": comment.name,
        "title": comment.title,
        "content": comment.content,
        "email": comment.email,
        "status": comment.status,
        "posted_at": timezone.localtime(comment.created_at).isoformat(),
        "official_reply": comment.reply,
        "reply_at": (
            timezone.localtime(comment.reply_at).isoformat() if comment.reply_at else ""
        ),
        "ip_hash": comment.ip_hash,
    }


@transaction.atomic
def erase_comments(email: str, *, by, among=None) -> int:
    """Delete every comment left with ``email`` (of ``among``); returns how many.

    Each comment gets an erase entry labelled by its number, and its earlier
    entries lose the reader's words they held (titles, redacted originals):
    erasure outranks keeping the original text in the history.
    """
    comments = list(
        comments_with_email(email, among=among).select_for_update(of=("self",))
    )
    request_id = uuid.uuid4()
    for comment in comments:
        label = f"#{comment.pk}"
        ModelLogEntry.objects.for_instance(comment).update(label=label)
        ModelLogEntry.objects.for_instance(comment).filter(
            action=log_actions.REDACT
        ).update(data={})
        log(
            comment,
            log_actions.ERASE,
            user=by,
            uuid=request_id,
            title=label,
            deleted=True,
        )
    Comment.objects.filter(pk__in=[comment.pk for comment in comments]).delete()
    invalidation.comments_changed(
        comment.page_id for comment in comments if comment.is_public
    )
    return len(comments)


def _lock(comment: Comment) -> Comment:
    return (
        Comment.objects.select_for_update(of=("self",))
        .select_related("page")
        .get(pk=comment.pk)
    )


def _set_status(comment: Comment, status, *, by, now) -> None:
    comment.status = status
    comment.moderated_by = by
    comment.moderated_at = now


def _log(comment: Comment, entries, *, by) -> None:
    request_id = uuid.uuid4()
    for action, data in entries:
        log(comment, action, user=by, uuid=request_id, data=data)


def _schedule_reader_notice(comment: Comment) -> None:
    if (
        comment.is_public
        and comment.reply
        and comment.email
        and comment.reader_notified_at is None
    ):
        transaction.on_commit(partial(notify_reader_of_reply, comment))


def policy_for_comment(comment: Comment) -> CommentPolicy:
    site = comment.page.get_site() or Site.objects.filter(is_default_site=True).first()
    return CommentPolicy.for_site(site)
