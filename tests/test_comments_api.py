"""Readers' comments on the v3 API, the captcha endpoint and v2's comment_count."""

import io
import json
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from django.utils import timezone

from campaigns.generation import in_database
from campaigns.models import Comment
from tests.conftest import captcha_answer, make_comment

COMMENTS = "/api/v3/comments/"
CAPTCHA = "/api/v3/captcha/"
PRIVATE_KEYS = {
    "email",
    "ip_hash",
    "moderation_note",
    "status",
    "moderated_by",
    "reply_by",
    "fingerprint",
    "held_reason",
}
PROBLEM = "application/problem+json"


def _keys(value) -> set[str]:
    """Every key of every object nested in a JSON value."""
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def _post(client, data, **extra):
    body = data if isinstance(data, str | bytes) else json.dumps(data)
    return client.post(COMMENTS, body, content_type="application/json", **extra)


def _comment(target, **fields) -> dict:
    return {
        "page": target.pk,
        "name": "Nguyễn Văn An",
        "title": "Ủng hộ phong trào",
        "content": "Phong trào rất thiết thực với người lao động.",
        **captcha_answer(),
        **fields,
    }


def _assert_problem(response, status):
    assert response.status_code == status, response.content[:500]
    assert response["Content-Type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    assert {"type", "title"} <= set(problem)
    return problem


def _error_fields(response) -> set:
    return {error["field"] for error in response.json()["errors"]}


@pytest.fixture
def campaign(make_campaign):
    return make_campaign("Chiến dịch có ý kiến")


@pytest.fixture
def conversation(campaign, moderator):
    """Approved comments (one answered) among pending, rejected and spam ones."""
    now = timezone.now()
    second = make_comment(
        campaign,
        status="approved",
        created_at=now - timedelta(hours=1),
        email="ban-doc@example.vn",
        ip_hash="a" * 64,
        moderation_note="Đã kiểm tra",
        reply="Cảm ơn bạn, Sở đã ghi nhận.",
        reply_by=moderator,
        reply_at=now - timedelta(minutes=30),
        moderated_by=moderator,
    )
    first = make_comment(
        campaign, status="approved", created_at=now - timedelta(hours=3)
    )
    third = make_comment(campaign, status="approved", created_at=now)
    hidden = [
        make_comment(campaign, status=status, title=f"Ẩn {status}")
        for status in ("pending", "rejected", "spam")
    ]
    return [first, second, third], hidden


# --- Listing ------------------------------------------------------------------------


@pytest.mark.django_db
def test_listing_shows_approved_comments_oldest_first_with_replies(
    client, campaign, conversation, moderator
):
    approved, hidden = conversation
    response = client.get(COMMENTS, {"page": campaign.pk})
    assert response.status_code == 200, response.content[:500]
    data = response.json()

    assert data["count"] == 3
    assert [item["id"] for item in data["items"]] == [c.pk for c in approved]
    answered = data["items"][1]
    assert answered["page"] == campaign.pk
    assert answered["name"] == approved[1].name
    assert answered["reply"]["content"] == "Cảm ơn bạn, Sở đã ghi nhận."
    assert answered["reply"]["created_at"]
    assert data["items"][0]["reply"] is None
    assert set(data["items"][0]) == {
        "id",
        "page",
        "name",
        "title",
        "content",
        "created_at",
        "reply",
    }
    text = response.content.decode()
    assert not _keys(data) & PRIVATE_KEYS
    assert "ban-doc@example.vn" not in text
    assert "Đã kiểm tra" not in text
    assert moderator.username not in text
    for comment in hidden:
        assert comment.title not in text


@pytest.mark.django_db
def test_listing_paginates(client, campaign, conversation):
    approved, _hidden = conversation
    data = client.get(COMMENTS, {"page": campaign.pk, "limit": 2, "offset": 1}).json()
    assert data["count"] == 3
    assert [item["id"] for item in data["items"]] == [c.pk for c in approved[1:]]
    beyond = client.get(COMMENTS, {"page": campaign.pk, "offset": 50}).json()
    assert beyond == {"count": 3, "items": []}


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_comments(
    client, campaign, django_assert_max_num_queries
):
    for _ in range(30):
        make_comment(campaign, status="approved", reply="Trả lời")
    # Without Redis the ETag's content generation is one more query. The map
    # of sites is read once, then cached.
    client.get(COMMENTS, {"page": campaign.pk, "limit": 1})
    with django_assert_max_num_queries(6 if in_database() else 5):
        response = client.get(COMMENTS, {"page": campaign.pk, "limit": 30})
    assert len(response.json()["items"]) == 30


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"limit": "abc"},
        {"limit": -1},
        {"limit": 0},
        {"limit": 10**9},
        {"offset": -1},
        {"offset": "abc"},
        {"offset": 10**9},
        {"offset": "9" * 20},
        {"limit": "9" * 20},
    ],
)
def test_bad_limit_or_offset_is_a_client_error(client, campaign, params):
    response = client.get(COMMENTS, {"page": campaign.pk, **params})
    assert 400 <= response.status_code < 500, response.content[:300]
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", "", "-1", "9" * 20, "1\x00"])
def test_malformed_page_parameter_is_a_client_error(client, campaign, page):
    response = client.get(COMMENTS, {"page": page})
    assert 400 <= response.status_code < 500
    assert response["Content-Type"] == PROBLEM


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["draft_campaign", "private_campaign"])
def test_listing_of_non_public_page_is_404(client, request, fixture):
    page = request.getfixturevalue(fixture)
    make_comment(page, status="approved", title="Không được lộ")
    response = client.get(COMMENTS, {"page": page.pk})
    _assert_problem(response, 404)
    assert "Không được lộ" not in response.content.decode()


@pytest.mark.django_db
def test_listing_of_unknown_or_uncommentable_page_is_404(client, campaign_index):
    _assert_problem(client.get(COMMENTS, {"page": 987654}), 404)
    _assert_problem(client.get(COMMENTS, {"page": campaign_index.pk}), 404)


@pytest.mark.django_db
def test_listing_locale_must_be_known_and_the_pages_own(client, campaign, conversation):
    assert (
        client.get(COMMENTS, {"page": campaign.pk, "locale": "vi"}).json()["count"] == 3
    )
    _assert_problem(client.get(COMMENTS, {"page": campaign.pk, "locale": "en"}), 404)
    _assert_problem(client.get(COMMENTS, {"page": campaign.pk, "locale": "xx"}), 404)
    response = client.get(COMMENTS, {"page": campaign.pk, "locale": "<b>\x00"})
    _assert_problem(response, 422)


@pytest.mark.django_db
def test_listing_of_video_story_comments(client, make_video_story):
    story = make_video_story()
    comment = make_comment(story, status="approved")
    data = client.get(COMMENTS, {"page": story.pk}).json()
    assert [item["id"] for item in data["items"]] == [comment.pk]


# --- Posting ------------------------------------------------------------------------


@pytest.mark.django_db
def test_post_stores_a_pending_comment(client, campaign):
    response = _post(client, _comment(campaign, email="ban-doc@example.vn"))

    assert response.status_code == 201, response.content[:500]
    assert "no-store" in response["Cache-Control"]
    comment = Comment.objects.get()
    assert response.json() == {"id": comment.pk, "status": "pending"}
    assert comment.status == "pending"
    assert comment.page_id == campaign.pk
    assert comment.locale_id == campaign.locale_id
    assert comment.email == "ban-doc@example.vn"
    assert comment.ip_hash and "127.0.0.1" not in comment.ip_hash
    listing = client.get(COMMENTS, {"page": campaign.pk}).json()
    assert listing["count"] == 0


@pytest.mark.django_db
def test_banned_words_hold_the_comment_with_the_reason_for_moderators(
    client, campaign, site
):
    from campaigns.models import CommentPolicy

    CommentPolicy.objects.update_or_create(
        site=site, defaults={"banned_words": "lừa đảo\nxổ số"}
    )
    # Written without accents, by a reader browsing in English.
    content = "Cẩn thận tin nhắn LUA DAO mạo danh ban tổ chức."
    response = _post(
        client, _comment(campaign, content=content), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 201
    comment = Comment.objects.get()
    assert comment.status == "pending"
    # Moderators read the queue in the portal's language.
    assert comment.held_reason == "Có từ ngữ bị cấm: lừa đảo"
    approved = client.get(COMMENTS, {"page": campaign.pk}).json()
    assert approved["count"] == 0


@pytest.mark.django_db
def test_post_on_video_story(client, make_video_story):
    story = make_video_story()
    assert _post(client, _comment(story)).status_code == 201
    assert Comment.objects.get().page_id == story.pk


@pytest.mark.django_db
def test_status_sent_by_the_client_is_ignored(client, campaign):
    response = _post(
        client, _comment(campaign, status="approved", id=1, moderation_note="x")
    )
    assert response.status_code == 201
    assert response.json()["status"] == "pending"
    comment = Comment.objects.get()
    assert comment.status == "pending"
    assert comment.moderation_note == ""


@pytest.mark.django_db
def test_wrong_captcha_is_refused_and_uses_the_challenge_up(client, campaign):
    data = _comment(campaign)
    right = data["captcha_value"]
    wrong = str((int(right) + 1) % 10**5).zfill(5)
    response = _post(client, {**data, "captcha_value": wrong})
    problem = _assert_problem(response, 400)
    assert {"field": "captcha_value"}.items() <= problem["errors"][0].items()
    assert problem["errors"][0]["code"] == "captcha"
    # The right answer no longer works: the challenge was used up.
    assert _post(client, data).status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["captcha_key", "captcha_value"])
def test_nul_byte_in_the_captcha_is_a_clear_400_not_a_500(client, campaign, field):
    data = _comment(campaign)
    response = _post(client, {**data, field: data[field][:3] + "\x00" + data[field]})
    _assert_problem(response, 400)
    assert "captcha_value" in _error_fields(response)
    # The HTML form refuses it the same way, naming the field.
    form = client.post(
        f"/comments/{campaign.pk}/",
        {**_comment(campaign), field: "12\x0034"},
    )
    assert form.status_code == 400
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["captcha_key", "captcha_value"])
def test_lone_surrogate_in_the_captcha_is_a_clear_400_not_a_500(
    client, campaign, field
):
    # A JSON escape of half a UTF-16 pair: valid JSON, no encodable text.
    body = json.dumps({**_comment(campaign), field: "12\ud80034"})
    response = client.post(COMMENTS, body, content_type="application/json")
    _assert_problem(response, 400)
    assert "captcha_value" in _error_fields(response)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_reused_captcha_is_refused(client, campaign):
    data = _comment(campaign)
    assert _post(client, data).status_code == 201
    again = _post(client, {**data, "title": "Ý kiến khác", "content": "Nội dung khác."})
    _assert_problem(again, 400)
    assert _error_fields(again) == {"captcha_value"}
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_expired_captcha_is_refused(client, campaign):
    data = _comment(campaign)
    CaptchaStore.objects.filter(hashkey=data["captcha_key"]).update(
        expiration=timezone.now() - timedelta(seconds=1)
    )
    response = _post(client, data)
    _assert_problem(response, 400)
    assert _error_fields(response) == {"captcha_value"}


@pytest.mark.django_db
def test_missing_fields_are_listed(client, campaign):
    response = _post(client, {"page": campaign.pk, **captcha_answer()})
    problem = _assert_problem(response, 400)
    assert _error_fields(response) == {"name", "title", "content"}
    assert all(error["message"] for error in problem["errors"])
    assert {error["code"] for error in problem["errors"]} == {"required"}


@pytest.mark.django_db
def test_missing_page_is_a_field_error(client, campaign):
    data = _comment(campaign)
    del data["page"]
    response = _post(client, data)
    _assert_problem(response, 400)
    assert _error_fields(response) == {"page"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "size"), [("name", 81), ("title", 201), ("content", 4001)]
)
def test_oversize_field_is_refused(client, campaign, field, size):
    response = _post(client, _comment(campaign, **{field: "a" * size}))
    _assert_problem(response, 400)
    assert field in _error_fields(response)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_body_over_64_kib_is_413(client, campaign):
    response = _post(client, _comment(campaign, content="a" * (64 * 1024)))
    _assert_problem(response, 413)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_body_over_the_cap_without_content_length_is_413(campaign):
    """A chunked body (no Content-Length, as under ASGI) is read only up to the cap."""
    body = json.dumps(_comment(campaign, content="a" * (70 * 1024))).encode()
    request = RequestFactory().post(
        COMMENTS, b"", content_type="application/json", CONTENT_TYPE="application/json"
    )
    request.META.pop("CONTENT_LENGTH", None)
    request._stream = io.BytesIO(body)
    response = resolve(COMMENTS).func(request)
    assert response.status_code == 413
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/xml", ""],
)
def test_only_json_bodies_are_read(client, campaign, content_type):
    """A cross-site form sends these without a CORS preflight: 415, nothing stored."""
    body = json.dumps(_comment(campaign))
    response = client.post(COMMENTS, body, content_type=content_type)
    _assert_problem(response, 415)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_json_with_a_charset_is_read(client, campaign):
    body = json.dumps(_comment(campaign))
    response = client.post(
        COMMENTS, body, content_type="application/json; charset=utf-8"
    )
    assert response.status_code == 201


@pytest.mark.django_db
def test_chunked_json_body_ended_by_the_server_is_read(client, campaign):
    """gunicorn passes a chunked body without Content-Length, marked terminated."""

    def chunked(body: str) -> dict:
        stream = io.BytesIO(body.encode())
        return {
            "CONTENT_LENGTH": "",
            "wsgi.input": stream,
            "wsgi.input_terminated": True,
        }

    body = json.dumps(_comment(campaign))
    response = _post(client, body, **chunked(body))
    assert response.status_code == 201, response.content[:300]
    assert Comment.objects.count() == 1
    too_long = json.dumps(_comment(campaign, content="a" * (70 * 1024)))
    refused = _post(client, too_long, **chunked(too_long))
    _assert_problem(refused, 413)
    assert Comment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "title", "content"])
def test_nul_byte_is_refused(client, campaign, field):
    response = _post(client, _comment(campaign, **{field: "Xin chào\x00bạn"}))
    _assert_problem(response, 400)
    assert _error_fields(response) == {field}
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_script_is_stored_and_returned_as_plain_text(client, campaign):
    script = "<script>alert('x')</script>"
    data = _comment(campaign, name=f"An {script}", title=script, content=script)
    assert _post(client, data).status_code == 201
    comment = Comment.objects.get()
    assert comment.title == script and comment.content == script
    Comment.objects.update(status="approved")
    item = client.get(COMMENTS, {"page": campaign.pk}).json()["items"][0]
    assert item["title"] == script
    assert item["content"] == script
    assert item["name"] == f"An {script}"


@pytest.mark.django_db
def test_more_than_two_links_is_refused(client, campaign):
    content = "Xem https://a.example.com, https://b.example.com và www.c.vn"
    response = _post(client, _comment(campaign, content=content))
    _assert_problem(response, 400)
    assert [e["code"] for e in response.json()["errors"]] == ["too_many_links"]
    assert (
        _post(
            client, _comment(campaign, content="Xem https://a.example.com và www.c.vn")
        ).status_code
        == 201
    )


@pytest.mark.django_db
def test_honeypot_filled_stores_nothing(client, campaign):
    response = _post(client, _comment(campaign, website="http://spam.example.com"))
    problem = _assert_problem(response, 400)
    assert [error["field"] for error in problem["errors"]] == [None]
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_rate_limit_answers_429_with_retry_after(client, settings, campaign):
    settings.CAMPAIGNS_COMMENT_RATE_PER_CLIENT = "2/m"
    for number in range(2):
        response = _post(client, _comment(campaign, content=f"Ý kiến số {number}."))
        assert response.status_code == 201
    response = _post(client, _comment(campaign, content="Ý kiến số ba."))
    _assert_problem(response, 429)
    assert 1 <= int(response["Retry-After"]) <= 60
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_double_submit_stores_one_comment(client, campaign):
    data = _comment(campaign)
    assert _post(client, data).status_code == 201
    again = _post(client, {**data, **captcha_answer()})
    _assert_problem(again, 409)
    assert Comment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "closed",
    [
        {"comments_enabled": False},
        {"comments_close_at": timezone.now() - timedelta(days=1)},
    ],
)
def test_closed_page_is_403(client, make_campaign, closed):
    page = make_campaign(**closed)
    _assert_problem(_post(client, _comment(page)), 403)
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["draft_campaign", "private_campaign"])
def test_post_on_non_public_page_is_404(client, request, fixture):
    page = request.getfixturevalue(fixture)
    _assert_problem(_post(client, _comment(page)), 404)
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_post_on_unknown_or_uncommentable_page_is_404(client, campaign_index):
    _assert_problem(_post(client, _comment(campaign_index)), 404)
    _assert_problem(_post(client, {**_comment(campaign_index), "page": 987654}), 404)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "body",
    [
        "not json",
        "{",
        "\x00",
        '"text"',
        "42",
        "null",
        "[]",
        "[{}]",
        "[" * 60000,
        '{"page": 1' + "0" * 5000 + "}",
        b"\xff\xfe{}",
    ],
)
def test_body_that_is_not_a_json_object_is_400(client, campaign, body):
    _assert_problem(_post(client, body), 400)


@pytest.mark.django_db
def test_form_encoded_body_is_415(client, campaign):
    response = client.post(COMMENTS, _comment(campaign))
    _assert_problem(response, 415)
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("value", [12345, 1.5, True, ["a"], {"a": "b"}])
@pytest.mark.parametrize("field", ["name", "title", "content", "captcha_value"])
def test_non_string_values_are_field_errors(client, campaign, field, value):
    response = _post(client, _comment(campaign, **{field: value}))
    problem = _assert_problem(response, 400)
    assert problem["errors"] == [
        {"field": field, "code": "type", "message": problem["errors"][0]["message"]}
    ]
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_null_values_count_as_missing(client, campaign):
    response = _post(client, _comment(campaign, title=None, email=None))
    _assert_problem(response, 400)
    assert _error_fields(response) == {"title"}


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["abc", True, -1, 0, 1.5, [1], None, 10**20])
def test_bad_page_values_are_field_errors(client, campaign, page):
    response = _post(client, _comment(campaign, page=page))
    _assert_problem(response, 400)
    assert _error_fields(response) == {"page"}


@pytest.mark.django_db
def test_page_id_as_a_string_is_accepted(client, campaign):
    assert _post(client, _comment(campaign, page=str(campaign.pk))).status_code == 201


@pytest.mark.django_db
def test_logged_in_user_gets_no_extra_right(client, campaign, moderator):
    client.force_login(moderator)
    response = _post(client, _comment(campaign, status="approved"))
    assert response.status_code == 201
    assert Comment.objects.get().status == "pending"
    assert Comment.objects.get().moderated_by is None


# --- Captcha ------------------------------------------------------------------------


@pytest.mark.django_db
def test_captcha_endpoint_gives_a_fresh_uncached_challenge(client):
    response = client.get(CAPTCHA)
    assert response.status_code == 200, response.content[:300]
    assert "no-store" in response["Cache-Control"]
    data = response.json()
    assert set(data) == {"key", "image_url", "audio_url"}
    assert CaptchaStore.objects.filter(hashkey=data["key"]).exists()
    assert data["image_url"].startswith("/") and data["key"] in data["image_url"]
    assert data["audio_url"] is None or data["key"] in data["audio_url"]
    assert client.get(CAPTCHA).json()["key"] != data["key"]


@pytest.mark.django_db
def test_captcha_audio_url_follows_the_speech_synthesiser(client, settings):
    from captcha.conf import settings as captcha_settings

    original = captcha_settings.CAPTCHA_FLITE_PATH
    try:
        captcha_settings.CAPTCHA_FLITE_PATH = None
        assert client.get(CAPTCHA).json()["audio_url"] is None
        captcha_settings.CAPTCHA_FLITE_PATH = "/usr/bin/espeak-ng"
        data = client.get(CAPTCHA).json()
        assert data["audio_url"].startswith("/") and data["key"] in data["audio_url"]
    finally:
        captcha_settings.CAPTCHA_FLITE_PATH = original


@pytest.mark.django_db
def test_captcha_endpoint_is_rate_limited(client, settings):
    settings.CAMPAIGNS_CAPTCHA_RATE_PER_CLIENT = "3/m"
    for _ in range(3):
        assert client.get(CAPTCHA).status_code == 200
    response = client.get(CAPTCHA)
    _assert_problem(response, 429)
    assert int(response["Retry-After"]) >= 1
    assert "no-store" in response["Cache-Control"]


# --- v2 comment_count -------------------------------------------------------------


@pytest.mark.django_db
def test_v2_comment_count_counts_approved_only(client, campaign, conversation):
    detail = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    assert detail["comment_count"] == 3
    listing = client.get(
        "/api/v2/pages/?type=campaigns.CampaignPage&fields=comment_count"
    ).json()
    assert [item["comment_count"] for item in listing["items"]] == [3]


@pytest.mark.django_db
def test_v2_comment_count_on_video_stories(client, make_video_story):
    story = make_video_story()
    make_comment(story, status="approved")
    make_comment(story, status="pending")
    listing = client.get(
        "/api/v2/pages/?type=campaigns.VideoStoryPage&fields=comment_count"
    ).json()
    assert [item["comment_count"] for item in listing["items"]] == [1]


@pytest.mark.django_db
def test_v2_listing_counts_comments_in_one_query(client, make_campaign):
    pages = [make_campaign() for _ in range(12)]
    for number, page in enumerate(pages):
        for _ in range(number % 3):
            make_comment(page, status="approved")
        make_comment(page, status="pending")
    url = "/api/v2/pages/?type=campaigns.CampaignPage&fields=comment_count&limit={}"
    client.get(url.format(12))

    with CaptureQueriesContext(connection) as one:
        client.get(url.format(1))
    with CaptureQueriesContext(connection) as twelve:
        data = client.get(url.format(12)).json()

    assert len(twelve) == len(one), (len(one), len(twelve))
    counts = {item["id"]: item["comment_count"] for item in data["items"]}
    assert counts == {page.pk: number % 3 for number, page in enumerate(pages)}
    grouped = [
        q["sql"] for q in twelve.captured_queries if "campaigns_comment" in q["sql"]
    ]
    assert len(grouped) == 1


@pytest.mark.django_db
def test_v3_page_detail_has_comment_count(client, campaign, conversation):
    data = client.get(f"/api/v3/pages/{campaign.pk}/").json()
    assert data["comment_count"] == 3


# --- OpenAPI ------------------------------------------------------------------------


@pytest.mark.django_db
def test_openapi_document_describes_the_comment_operations(client):
    document = client.get("/api/v3/openapi.json").json()
    paths = document["paths"]

    listing = paths["/api/v3/comments/"]["get"]
    create = paths["/api/v3/comments/"]["post"]
    captcha = paths["/api/v3/captcha/"]["get"]
    assert listing["operationId"] == "comments_list"
    assert create["operationId"] == "comments_create"
    assert captcha["operationId"] == "captcha_create"
    for operation, success in ((listing, "200"), (create, "201"), (captcha, "200")):
        assert operation["summary"] and operation["tags"]
        assert "application/json" in operation["responses"][success]["content"]
        for status in ("429", "404", "400"):
            if status in operation["responses"]:
                assert PROBLEM in operation["responses"][status]["content"]
    assert {p["name"] for p in listing["parameters"]} >= {"page", "limit", "offset"}
    body = create["requestBody"]["content"]["application/json"]["schema"]
    assert set(body["required"]) >= {"page", "name", "title", "content"}
    assert "status" not in body["properties"]
    assert set(create["responses"]) >= {"201", "400", "403", "404", "409", "413", "429"}
