from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns.signals import connect_signals

        connect_signals()
        from campaigns.api.caching import connect_signals as connect_cache_signals

        connect_cache_signals()
        from campaigns.setup import connect_signals as connect_setup_signals

        connect_setup_signals()
        # Our v3 routers must join Wagtail's NinjaAPI before its URLs are read.
        from campaigns.api.v3.routers import register_routers

        register_routers()

        # The admin's slug field transliterates Vietnamese as ascii_slug does.
        from django.db.models import SlugField
        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.admin.widgets import SlugInput

        from campaigns.slugs import VIETNAMESE_SLUG_FORMATTERS

        register_form_field_override(
            SlugField,
            override={"widget": SlugInput(formatters=VIETNAMESE_SLUG_FORMATTERS)},
        )
