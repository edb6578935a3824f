from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _

from campaigns import conf


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Campaigns")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from campaigns import invalidation
        from campaigns.api.listed import register as register_listing_values

        register_listing_values()
        invalidation.connect()
        from campaigns.setup import connect_signals as connect_setup_signals

        connect_setup_signals()
        from campaigns.sites import connect_signals as connect_site_signals

        connect_site_signals()
        # Our v3 routers must join Wagtail's NinjaAPI before its URLs are read.
        from campaigns.api.v3.routers import register_routers

        register_routers()
        if conf.VIETNAMESE_SLUGS:
            use_vietnamese_slugs()
        redirects = apps.is_installed("wagtail.contrib.redirects")
        if conf.PUBLIC_REDIRECTS_ONLY and redirects:
            from campaigns.redirects import replace_wagtail_receivers

            replace_wagtail_receivers()


def use_vietnamese_slugs() -> None:
    """Make the admin's slug fields transliterate Vietnamese as ``ascii_slug`` does.

    Wagtail's form field registry knows field classes only, and every page's
    slug is the one ``SlugField`` of ``Page``: this holds for every model of
    the host, which is why it is opt-in (``CAMPAIGNS_VIETNAMESE_SLUGS``).
    """
    from django.db.models import SlugField
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.admin.widgets import SlugInput

    from campaigns.slugs import VIETNAMESE_SLUG_FORMATTERS

    register_form_field_override(
        SlugField,
        override={"widget": SlugInput(formatters=VIETNAMESE_SLUG_FORMATTERS)},
    )
