"""The rules a reader's comment must meet, shared by the HTML form and the API.

Content is plain text: nothing is sanitised into HTML, everything is escaped
on output. Each problem gets one message, which names its field, so that a
list of them (the form's error summary, the API's ``errors``) is clear alone.
"""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from campaigns.comments.captcha import check_answer

#: Links a comment may carry (title and content together).
MAX_LINKS = 2

_LINK = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|vn|io|xyz|top|ru|cn|me|co)\b",
    re.IGNORECASE,
)
#: Characters a multi-line text may keep among the control characters.
_ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def count_links(text: str) -> int:
    return len(_LINK.findall(text or ""))


def _reject_control_characters(value: str, allowed=frozenset()) -> None:
    for char in value:
        if char in allowed:
            continue
        if unicodedata.category(char) in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            raise ValidationError(
                _("Remove the invisible control characters from this text."),
                code="control_characters",
            )


class TextField(forms.CharField):
    """Text whose line breaks count once, as the browser's counter counts them."""

    def to_python(self, value):
        return super().to_python(value).replace("\r\n", "\n").replace("\r", "\n")


def single_line(value: str) -> None:
    _reject_control_characters(value)


def multi_line(value: str) -> None:
    _reject_control_characters(value, _ALLOWED_CONTROLS)


class CommentForm(forms.Form):
    """A new comment as a reader sends it, with the captcha answer and the honeypot."""

    name = forms.CharField(
        label=_("Full name"), max_length=80, validators=[single_line]
    )
    title = forms.CharField(label=_("Title"), max_length=200, validators=[single_line])
    content = TextField(
        label=_("Your comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6}),
        validators=[multi_line],
    )
    email = forms.EmailField(
        label=_("E-mail (optional)"),
        required=False,
        max_length=254,
        help_text=_("Never published. We write only to tell you of our reply."),
    )
    #: Not required: a missing or odd key is a wrong answer, see :meth:`clean`.
    captcha_key = forms.CharField(widget=forms.HiddenInput, required=False)
    captcha_value = forms.CharField(
        label=_("Verification code"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )
    #: Hidden from people by CSS and ``aria-hidden``; bots fill it in.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    error_messages = {
        "too_many_links": ngettext_lazy(
            "A comment may contain at most %(limit)d link.",
            "A comment may contain at most %(limit)d links.",
            "limit",
        ),
        "captcha": _("The verification code is wrong or has expired. Try the new one."),
        "honeypot": _("Your comment could not be accepted."),
    }

    #: Messages of Django's own checks, reworded to name their field.
    named_messages = {
        "required": _("Fill in “%(field)s”."),
        "max_length": _(
            "“%(field)s” can be at most %(limit_value)s characters long; "
            "it has %(show_value)s."
        ),
        "control_characters": _(
            "Remove the invisible control characters from “%(field)s”."
        ),
        "invalid": _("Enter a valid address in “%(field)s”."),
    }
    #: How messages name a field whose label says more than its name.
    field_names = {"email": _("E-mail")}

    def add_error(self, field, error):
        if field in self.fields and isinstance(error, ValidationError):
            error = ValidationError(
                [self._named(field, item) for item in error.error_list]
            )
        super().add_error(field, error)

    def _named(self, field: str, error: ValidationError) -> ValidationError:
        message = self.named_messages.get(error.code)
        if message is None:
            return error
        params = {
            key: formats.number_format(value, force_grouping=True)
            if isinstance(value, int)
            else value
            for key, value in (error.params or {}).items()
        }
        params["field"] = self.field_names.get(field, self.fields[field].label)
        return ValidationError(message, code=error.code, params=params)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if count_links(name):
            raise ValidationError(
                _("A name cannot contain a link."), code="link_in_name"
            )
        return name

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise ValidationError(self.error_messages["honeypot"], code="honeypot")
        links = count_links(cleaned.get("title", "")) + count_links(
            cleaned.get("content", "")
        )
        if links > MAX_LINKS:
            self.add_error(
                "content",
                ValidationError(
                    self.error_messages["too_many_links"] % {"limit": MAX_LINKS},
                    code="too_many_links",
                ),
            )
        # The challenge is used up by every attempt, right or wrong; an empty
        # answer is told only that it is missing.
        solved = check_answer(
            self.data.get("captcha_key", ""), self.data.get("captcha_value", "")
        )
        if not solved and not self.has_error("captcha_value"):
            self.add_error(
                "captcha_value",
                ValidationError(self.error_messages["captcha"], code="captcha"),
            )
        return cleaned
