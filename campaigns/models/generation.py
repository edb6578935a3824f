"""Counters that version what readers see, for a site without a shared cache.

With Redis the counters live there (:mod:`campaigns.generation`); with a
process-local cache they would differ between processes, so they live here,
one row each, moved with ``UPDATE … SET value = value + 1``.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentGeneration(models.Model):
    """One named counter: the content generation, or a version of the view counts."""

    name = models.CharField(_("name"), max_length=64, primary_key=True)
    value = models.PositiveBigIntegerField(_("value"), default=0)

    class Meta:
        verbose_name = _("content generation")
        verbose_name_plural = _("content generations")

    def __str__(self):
        return f"{self.name}: {self.value}"
