"""URLs a host site includes to serve the plugin's APIs (see docs/install.md)."""

from django.urls import include, path
from wagtail.api.v3.urls import api as api_v3

from campaigns.api.v2.router import api_router

urlpatterns = [
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("", include("campaigns.comments.urls")),
]
