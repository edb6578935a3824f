"""The moderation actions written to Wagtail's history (``wagtail.log_actions``).

Each change a moderator makes to a comment is its own entry, so the snippet's
History view reads as a list of decisions (approved, replied, redacted…)
rather than a row of undifferentiated "Edited". ``data`` holds the details:
the note given with a decision, the original text of a redaction. No entry
stores a reader's e-mail address.
"""

from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

APPROVE = "campaigns.comment.approve"
REJECT = "campaigns.comment.reject"
SPAM = "campaigns.comment.spam"
PENDING = "campaigns.comment.pending"
NOTE = "campaigns.comment.note"
REPLY = "campaigns.comment.reply"
REDACT = "campaigns.comment.redact"
BLOCK = "campaigns.comment.block"
NOTIFY = "campaigns.comment.notify"
EXPORT = "campaigns.comment.export"
ERASE = "campaigns.comment.erase"

#: Characters of a note or of original text shown in the History view; the
#: entry's data keeps all of it.
SHOWN_CHARS = 300


def _short(text) -> str:
    return Truncator(str(text)).chars(SHOWN_CHARS)


class _NoteFormatter(LogFormatter):
    """A decision, followed by the note given with it, if any."""

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note")
        if not note:
            return str(self.message)
        return gettext("%(action)s. Note: %(note)s") % {
            "action": self.message,
            "note": _short(note),
        }


class ApproveFormatter(_NoteFormatter):
    label = _("Approve comment")
    message = _("Approved")


class RejectFormatter(_NoteFormatter):
    label = _("Reject comment")
    message = _("Rejected")


class SpamFormatter(_NoteFormatter):
    label = _("Mark comment as spam")
    message = _("Marked as spam")


class PendingFormatter(_NoteFormatter):
    label = _("Return comment to the queue")
    message = _("Returned to the queue")


class NoteFormatter(LogFormatter):
    label = _("Change moderation note")

    def format_message(self, log_entry):
        note = (log_entry.data or {}).get("note")
        if not note:
            return gettext("Cleared the moderation note")
        return gettext("Changed the moderation note: %(note)s") % {"note": _short(note)}


class ReplyFormatter(LogFormatter):
    label = _("Official reply")

    def format_message(self, log_entry):
        reply = (log_entry.data or {}).get("reply")
        if not reply:
            return gettext("Removed the official reply")
        return gettext("Official reply: %(reply)s") % {"reply": _short(reply)}


class RedactFormatter(LogFormatter):
    label = _("Edit the reader's text")

    def format_message(self, log_entry):
        original = (log_entry.data or {}).get("original") or {}
        parts = [
            gettext("%(field)s was “%(text)s”")
            % {"field": _field_label(name), "text": _short(text)}
            for name, text in original.items()
        ]
        return gettext("Edited the reader's text; %(originals)s") % {
            "originals": "; ".join(parts)
        }


class BlockFormatter(LogFormatter):
    label = _("Block poster")

    def format_message(self, log_entry):
        until = (log_entry.data or {}).get("until", "")
        return gettext("Blocked the poster until %(until)s") % {"until": until[:10]}


class NotifyFormatter(LogFormatter):
    label = _("Tell reader of the reply")
    message = _("E-mailed the reader that the comment was answered")


class ExportFormatter(LogFormatter):
    label = _("Export for a data subject request")

    def format_message(self, log_entry):
        file_format = (log_entry.data or {}).get("format", "")
        return gettext("Exported for a data subject request (%(format)s)") % {
            "format": file_format.upper()
        }


class EraseFormatter(LogFormatter):
    label = _("Erase for a data subject request")
    message = _("Erased for a data subject request")


FORMATTERS = {
    APPROVE: ApproveFormatter,
    REJECT: RejectFormatter,
    SPAM: SpamFormatter,
    PENDING: PendingFormatter,
    NOTE: NoteFormatter,
    REPLY: ReplyFormatter,
    REDACT: RedactFormatter,
    BLOCK: BlockFormatter,
    NOTIFY: NotifyFormatter,
    EXPORT: ExportFormatter,
    ERASE: EraseFormatter,
}


def register_comment_log_actions(actions) -> None:
    """The ``register_log_actions`` hook: one formatter per moderation action."""
    for action, formatter in FORMATTERS.items():
        actions.register_action(action)(formatter)


def _field_label(name: str) -> str:
    from campaigns.models import Comment

    return str(Comment._meta.get_field(name).verbose_name)
