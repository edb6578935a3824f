"""What a page type needs to take readers' comments."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


class CommentablePageMixin(models.Model):
    """Comments switched on per page, and closed automatically after a date."""

    comments_enabled = models.BooleanField(_("comments enabled"), default=True)
    comments_close_at = models.DateTimeField(
        _("comments close at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep comments open while they are enabled."),
    )

    comment_panels = [
        MultiFieldPanel(
            [FieldPanel("comments_enabled"), FieldPanel("comments_close_at")],
            heading=_("Readers' comments"),
        )
    ]

    class Meta:
        abstract = True

    def comments_open(self, now=None) -> bool:
        """Whether readers may post on this page now."""
        if not self.comments_enabled:
            return False
        now = now or timezone.now()
        return self.comments_close_at is None or now < self.comments_close_at
