"""Where each site's headless front-end shows a draft (DESIGN §8, §12)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="view")
class HeadlessPreviewSettings(BaseSiteSetting):
    """The front-end page that previews a draft of this site's pages."""

    front_end_url = models.URLField(
        _("front-end preview address"),
        blank=True,
        help_text=_(
            "The page of this site's headless front-end that shows a draft for "
            "?token=. Blank: the CAMPAIGNS_HEADLESS_PREVIEW_URL setting."
        ),
    )

    class Meta:
        verbose_name = _("headless preview")
