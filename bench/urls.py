"""The project's URLs, plus the yardstick view the ratios are taken against."""

import json

from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from cms.urls import urlpatterns as cms_urlpatterns


def bare(request):
    """Answer "ok" with no template and no query; the middleware still runs."""
    return HttpResponse("ok", content_type="text/plain")


@csrf_exempt
def bare_post(request):
    """Parse the JSON body and answer 201, as a comment POST does, with nothing else."""
    json.loads(request.body)
    return JsonResponse({"id": 1, "status": "pending"}, status=201)


urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("bench/bare-post/", bare_post, name="bench-bare-post"),
    *cms_urlpatterns,
]
