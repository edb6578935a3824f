from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Portal home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from campaigns.generation import bump_content_generation
        from home.models import PortalSettings

        # The header and footer show these settings from cached fragments.
        post_save.connect(
            bump_content_generation,
            sender=PortalSettings,
            dispatch_uid="home-portal-settings",
        )
