"""Development-only serving of uploaded media with HTTP Range support.

Django's ``static()`` view ignores ``Range``, so a browser cannot seek in a video
served by ``make run``. In production the web server or the object storage
serves ``MEDIA_URL`` and answers ranges itself (docs/deploy.md). Document
files are never served here, as deploy/nginx.conf refuses them too: they go
through Wagtail's ``/documents/`` view and its privacy check.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest
from django.utils._os import safe_join
from django.views.decorators.http import require_safe
from ranged_response import RangedFileResponse


@require_safe
def serve_media(request: HttpRequest, path: str) -> RangedFileResponse:
    """A file under ``MEDIA_ROOT``: 200 whole, 206 for a satisfiable ``Range``."""
    # safe_join raises SuspiciousFileOperation (a 400) for a path that climbs out.
    full_path = Path(safe_join(settings.MEDIA_ROOT, path))
    documents = Path(safe_join(settings.MEDIA_ROOT, "documents"))
    if full_path.is_relative_to(documents) or not full_path.is_file():
        raise Http404
    content_type, encoding = mimetypes.guess_type(full_path.name)
    response = RangedFileResponse(
        request,
        full_path.open("rb"),
        content_type=content_type or "application/octet-stream",
    )
    if encoding:
        response["Content-Encoding"] = encoding
    return response
