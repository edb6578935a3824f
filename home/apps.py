from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Portal home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from campaigns.generation import bump_content_generation
        from home.models import PortalSettings, PortalText

        # The header and footer show these settings from cached fragments.
        post_save.connect(
            _settings_saved, sender=PortalSettings, dispatch_uid="home-portal-settings"
        )
        post_save.connect(
            bump_content_generation,
            sender=PortalText,
            dispatch_uid="home-portal-text",
        )


def _settings_saved(sender, created, **kwargs):
    """A row made on first read holds the defaults pages already show: no change."""
    if not created:
        from campaigns.generation import bump_content_generation

        bump_content_generation()
