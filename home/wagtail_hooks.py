"""Admin wiring of the home app: the portal texts snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import PortalText


class PortalTextViewSet(SnippetViewSet):
    model = PortalText
    icon = "site"
    menu_label = _("Portal texts")
    add_to_settings_menu = True
    list_display = ["portal_name", "site", "locale"]
    list_filter = ["site", "locale"]


register_snippet(PortalTextViewSet)
