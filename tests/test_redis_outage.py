"""A Redis outage loses no reader's comment (issue "Nothing lost, nobody in", item 1).

The cache points at a port where nothing listens: every call is a real refused
connection, as when Redis is stopped.
"""

import json

import pytest

from campaigns.models import Comment, CommentStatus
from tests.conftest import captcha_answer

OUTAGE_CACHE = {
    "BACKEND": "campaigns.cache.ResilientRedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
}


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {"default": OUTAGE_CACHE, "renditions": OUTAGE_CACHE}


def _comment(page, **fields) -> dict:
    return {
        "page": page.pk,
        "name": "Nguyễn Văn An",
        "title": "Ý kiến khi Redis ngừng",
        "content": "Ý kiến này phải được lưu dù bộ nhớ đệm không trả lời.",
        **captcha_answer(),
        **fields,
    }


def _post_api(client, data):
    return client.post(
        "/api/v3/comments/", json.dumps(data), content_type="application/json"
    )


@pytest.mark.django_db
def test_api_comment_is_stored_while_redis_is_down(client, make_campaign, redis_down):
    page = make_campaign()
    response = _post_api(client, _comment(page))

    assert response.status_code == 201, response.content[:300]
    stored = Comment.objects.get()
    assert stored.title == "Ý kiến khi Redis ngừng"
    assert stored.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_the_same_comment_twice_is_still_stored_once(client, make_campaign, redis_down):
    page = make_campaign()
    assert _post_api(client, _comment(page)).status_code == 201
    again = _post_api(client, _comment(page))

    assert again.status_code == 409
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_form_comment_is_stored_while_redis_is_down(client, make_campaign, redis_down):
    page = make_campaign()
    data = {key: value for key, value in _comment(page).items() if key != "page"}
    response = client.post(f"/comments/{page.pk}/", data, follow=True)

    assert response.redirect_chain[0][1] == 303
    assert response.status_code == 200
    assert Comment.objects.filter(title="Ý kiến khi Redis ngừng").count() == 1
