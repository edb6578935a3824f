"""Which collection holds a site's own images and documents (DESIGN §12)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="folder-open-inverse")
class SiteMediaSettings(BaseSiteSetting):
    """The collection of this site's own media.

    Images and documents in it, or in a collection below it, are this site's:
    the API of every other site leaves them out. Media in no site's collection
    (the root, a shared collection) are listed by every site.
    """

    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("media collection"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"depth__gt": 1},
        help_text=_(
            "Images and documents in this collection (and below it) are listed "
            "only by this site's API. Blank: the site has no media of its own."
        ),
    )

    class Meta:
        verbose_name = _("media collection")
