from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Portal home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns import invalidation

        # The header and footer show these from cached fragments.
        invalidation.register_setting("home.PortalSettings")
        invalidation.register_model("home.PortalText")
