"""``make run``'s media view (cms/media.py): ranges, and no document files."""

import pytest
from django.http import Http404
from django.test import RequestFactory

from cms.media import serve_media


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "a.jpg").write_bytes(b"x" * 1000)
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "internal.pdf").write_bytes(b"%PDF secret")
    return tmp_path


def test_a_range_of_an_image_is_206(media):
    request = RequestFactory().get("/media/images/a.jpg", HTTP_RANGE="bytes=0-99")
    response = serve_media(request, "images/a.jpg")
    assert response.status_code == 206
    assert len(b"".join(response.streaming_content)) == 100


@pytest.mark.parametrize(
    "path", ["documents/internal.pdf", "images/../documents/internal.pdf"]
)
def test_document_files_go_through_wagtails_privacy_check_only(media, path):
    with pytest.raises(Http404):
        serve_media(RequestFactory().get("/media/" + path), path)
