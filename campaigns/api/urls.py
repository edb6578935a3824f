"""The plugin's two APIs, for a host to mount under any prefix (see docs/install.md).

Caching, ETags and invalidation follow them there: they find the reads by URL
name (:mod:`campaigns.api.cached_reads`), not by path.
"""

from django.urls import path
from wagtail.api.v3.urls import api as api_v3

from campaigns.api.documents import restrict_v3_media
from campaigns.api.v2.router import api_router

# Once Wagtail's v3 routers exist (they need every app ready): other sites'
# media, and documents only draft or private pages use, stay out of them.
restrict_v3_media()

urlpatterns = [
    path("v2/", api_router.urls),
    path("v3/", api_v3.urls),
]
