from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.sitemaps import SiteSitemap
from home import views as home_views

urlpatterns = [
    # Before the admin's own URLs, which would otherwise answer this prefix.
    path("admin/two-factor/", include("cms.sign_in.two_factor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    path("livez", home_views.livez, name="livez"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    # The plugin's APIs; CORS and the CSP follow PORTAL_API_PREFIX too.
    path(settings.PORTAL_API_PREFIX, include("campaigns.api.urls")),
    path("", include("campaigns.comments.urls")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from cms.media import serve_media

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += [
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_media)
    ]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("untranslated/<int:page_id>/", home_views.untranslated, name="untranslated"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
