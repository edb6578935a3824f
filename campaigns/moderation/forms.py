"""Forms of the moderation admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

#: The fields a moderator's edit form may change; anything else posted is ignored.
MODERATED_FIELDS = ("name", "title", "content", "status", "moderation_note", "reply")


class CommentModerationForm(WagtailAdminModelForm):
    """The edit view's form. Saving goes through ``update_comment``, not ``save()``."""

    def clean(self):
        cleaned = super().clean()
        for field in ("name", "title", "content", "reply", "moderation_note"):
            if isinstance(cleaned.get(field), str):
                cleaned[field] = cleaned[field].strip()
        return cleaned


class ModerationNoteForm(forms.Form):
    """The optional note asked for on a bulk action's confirmation page."""

    note = forms.CharField(
        label=_("Moderation note"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. Added to each comment's note; never published."),
    )


class BlockPosterForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=300,
        help_text=_("For moderators only; never published."),
    )


class DataSubjectRequestForm(forms.Form):
    """An e-mail address, and what to do with every comment left with it."""

    FIND = "find"
    EXPORT_JSON = "json"
    EXPORT_CSV = "csv"
    ERASE = "erase"

    email = forms.EmailField(label=_("Reader's e-mail address"))
    confirm_erase = forms.BooleanField(
        label=_("Yes, delete every comment left with this address"),
        required=False,
    )

    def __init__(self, *args, action=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action

    def clean(self):
        cleaned = super().clean()
        if self.action == self.ERASE and not cleaned.get("confirm_erase"):
            self.add_error(
                "confirm_erase", _("Tick the box to confirm that you want to delete.")
            )
        return cleaned
