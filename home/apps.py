from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Portal home")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns import invalidation
        from campaigns.api.cached_reads import register_read

        # The header and footer show these from cached fragments, and
        # /api/v3/portal/ serves the texts with an ETag.
        invalidation.register_setting("home.PortalSettings")
        invalidation.register_model("home.PortalText")
        register_read("wagtailapi_v3:portal_texts")
