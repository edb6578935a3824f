"""Readers' comments, the moderation policy and blocked posters (DESIGN §5).

``Comment`` is deliberately not translatable: readers' words and e-mails stay
with the page edition they were posted on, and are never copied into
translations. Its locale is a plain foreign key copied from the page.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    SPAM = "spam", _("Spam")


class CommentQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=CommentStatus.APPROVED)

    def pending(self):
        return self.filter(status=CommentStatus.PENDING)

    def pending_first(self):
        """The moderation queue's order: pending first, newest first within each."""
        return self.annotate(
            is_pending=models.Case(
                models.When(status=CommentStatus.PENDING, then=models.Value(0)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("is_pending", "-created_at", "-pk")


class Comment(models.Model):
    """A reader's comment on a campaign or video page, and the agency's reply."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    content = models.TextField(_("content"), max_length=4000)
    email = models.EmailField(
        _("e-mail"),
        blank=True,
        help_text=_("Never published; used only to tell the reader about a reply."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CommentStatus.choices,
        default=CommentStatus.PENDING,
        db_index=True,
    )
    held_reason = models.CharField(
        _("held for review because"),
        max_length=200,
        blank=True,
        help_text=_("Set when the comment matched the banned-words list."),
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderation_note = models.TextField(
        _("moderation note"),
        blank=True,
        help_text=_("For moderators only; never published."),
    )
    reply = models.TextField(
        _("official reply"),
        max_length=4000,
        blank=True,
        help_text=_("Published under the comment as the agency's reply."),
    )
    reply_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reply by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reply_at = models.DateTimeField(_("reply at"), null=True, blank=True)
    reader_notified_at = models.DateTimeField(
        _("reader told of the reply at"), null=True, blank=True
    )
    ip_hash = models.CharField(
        _("poster's IP hash"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("A salted hash, never the address; cleared after 30 days."),
    )
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    moderators_notified_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = CommentQuerySet.as_manager()

    #: Readers' comments are not "usages" of a page: keep them out of Wagtail's
    #: reference index, which would cost every new comment five more queries.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["page", "status", "created_at"], name="comment_page_status"
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.status == CommentStatus.APPROVED


class CommentBlock(models.Model):
    """A poster (by IP hash) whose comments are refused until a date."""

    ip_hash = models.CharField(_("IP hash"), max_length=64, unique=True)
    blocked_until = models.DateTimeField(_("blocked until"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("blocked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("blocked at"), default=timezone.now)

    class Meta:
        verbose_name = _("blocked poster")
        verbose_name_plural = _("blocked posters")

    def __str__(self):
        return f"{self.ip_hash[:12]}… → {self.blocked_until:%Y-%m-%d}"


@register_setting(icon="comment")
class CommentPolicy(BaseSiteSetting):
    """What moderators tune without a deployment."""

    banned_words = models.TextField(
        _("banned words"),
        blank=True,
        help_text=_(
            "One word or phrase per line. A comment containing one is held for "
            "review with the reason shown in the queue. Matching ignores case "
            "and diacritics."
        ),
    )
    block_days = models.PositiveSmallIntegerField(
        _("days a blocked poster stays blocked"), default=30
    )

    class Meta:
        verbose_name = _("comment policy")

    @property
    def banned_word_list(self) -> list[str]:
        return [line.strip() for line in self.banned_words.splitlines() if line.strip()]
