"""The site's URLs, with the plugin's APIs mounted at /headless/ instead of /api/."""

from django.conf import settings
from django.urls import include, path

from cms import urls as site_urls

urlpatterns = [
    path("headless/", include("campaigns.api.urls")),
    *(
        pattern
        for pattern in site_urls.urlpatterns
        if str(pattern.pattern) != settings.PORTAL_API_PREFIX
    ),
]
