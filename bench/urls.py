"""The project's URLs, plus the yardstick view the ratios are taken against."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as cms_urlpatterns


def bare(request):
    """Answer "ok" with no template and no query; the middleware still runs."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare, name="bench-bare"), *cms_urlpatterns]
