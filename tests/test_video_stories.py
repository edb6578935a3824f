"""Video stories: validation, API shape, listing queries, privacy and media serving."""

import importlib

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import clear_url_caches
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedUnsupportedProviderException
from wagtail.models import PageViewRestriction
from wagtailmedia.permissions import permission_policy as media_policy

import cms.urls
from campaigns.models import VideoCaption
from tests.conftest import make_caption_document, make_media, stored_embed

LISTING = "/api/v2/pages/?type=campaigns.VideoStoryPage&fields=*&limit={limit}"
EMBED_URL = "https://www.youtube.com/watch?v=PSdemo"


def _codes(raised, field: str) -> list[str]:
    """The codes of a field's errors: stable whatever the active language."""
    return [error.code for error in raised.value.error_dict[field]]


@pytest.mark.django_db
def test_story_needs_exactly_one_video_source(make_video_story):
    page = make_video_story()
    page.video_url = EMBED_URL
    with pytest.raises(ValidationError) as both:
        page.full_clean()
    assert _codes(both, "video_url") == ["one_video_source"]
    page.video, page.video_url = None, ""
    with pytest.raises(ValidationError) as neither:
        page.full_clean()
    assert _codes(neither, "video_url") == ["one_video_source"]


@pytest.mark.django_db
def test_audio_upload_is_not_accepted_as_video(make_video_story):
    page = make_video_story()
    page.video = make_media(name="bai-hat.mp3", kind="audio")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert _codes(error, "video") == ["not_a_video"]


@pytest.mark.django_db
def test_file_named_like_a_video_but_typed_audio_is_refused(make_video_story):
    page = make_video_story()
    page.video = make_media(name="clip.mp4", kind="audio")
    with pytest.raises(ValidationError):
        page.full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "ftp://example.org/video.mp4", "data:text/html,x"],
)
def test_external_address_must_be_http_or_https(make_video_story, url):
    page = make_video_story()
    page.video, page.video_url = None, url
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "video_url" in error.value.message_dict


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("phu-de.vtt", "1\n00:00:00,000 --> 00:00:02,000\nSRT, not WebVTT\n"),
        ("phu-de.srt", "WEBVTT\n\n00:00.000 --> 00:02.000\nx\n"),
    ],
)
def test_caption_track_must_be_webvtt(make_video_story, name, text):
    page = make_video_story()
    document = make_caption_document(text)
    document.file.name = document.file.name.rsplit("/", 1)[0] + "/" + name
    caption = VideoCaption(page=page, language="vi", label="Tiếng Việt")
    caption.document = document
    with pytest.raises(ValidationError) as error:
        caption.full_clean()
    assert _codes(error, "document") == ["not_webvtt"]


@pytest.mark.django_db
def test_webvtt_caption_with_byte_order_mark_is_accepted(make_video_story):
    page = make_video_story()
    caption = VideoCaption(
        page=page,
        language="vi",
        label="Tiếng Việt",
        document=make_caption_document("\ufeffWEBVTT\n\n00:00.000 --> 00:01.000\nA\n"),
    )
    caption.full_clean()


@pytest.mark.django_db
def test_api_gives_everything_a_player_needs(client, make_video_story, make_campaign):
    campaign = make_campaign("Chiến dịch có phóng sự")
    page = make_video_story(related_campaign=campaign)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    source = data["video_source"]
    assert source["kind"] == "upload"
    assert source["mime_type"] == "video/mp4"
    assert source["size"] == 256 * 40
    assert source["url"].startswith("/media/")
    assert data["duration_seconds"] == 6
    assert set(data["poster_image"]["renditions"]) == {"thumbnail", "medium", "large"}
    [track] = data["captions"]
    assert track["language"] == "vi" and track["mime_type"] == "text/vtt"
    assert track["url"].startswith("/documents/")
    assert data["transcript"].startswith("<p>")
    assert data["related_campaign"]["title"] == campaign.title

    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert v3["captions"] == data["captions"]
    assert v3["video_source"] == data["video_source"]


@pytest.mark.django_db
def test_embedded_story_gives_stored_embed_without_network(client, make_video_story):
    stored_embed(EMBED_URL)
    page = make_video_story(video_url=EMBED_URL, captions=0)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["video_source"]["kind"] == "embed"
    assert data["video_source"]["html"].startswith("<iframe")


@pytest.mark.django_db
def test_page_and_both_apis_describe_the_embedded_video_alike(client, make_video_story):
    stored_embed(EMBED_URL)
    page = make_video_story(video_url=EMBED_URL, captions=0)
    v2 = client.get(f"/api/v2/pages/{page.pk}/").json()["video_source"]
    v3 = client.get(f"/api/v3/pages/{page.pk}/").json()["video_source"]
    html = client.get(page.url).content.decode()

    assert v2 == v3
    assert v2["player_url"] == "https://www.youtube-nocookie.com/embed/x"
    assert v2["html"] in html
    assert f'"embedUrl": "{v2["player_url"]}"' in html


@pytest.mark.django_db
def test_private_related_campaign_is_not_exposed(
    client, make_video_story, private_campaign
):
    page = make_video_story(related_campaign=private_campaign)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["related_campaign"] is None
    assert (
        private_campaign.title
        not in client.get(LISTING.format(limit=10)).content.decode()
    )


@pytest.mark.django_db
def test_campaign_lists_only_public_related_video_stories(
    client, make_campaign, make_video_story
):
    public_story = make_video_story("Phóng sự công khai")
    draft_story = make_video_story("Phóng sự nháp", publish_it=False)
    campaign = make_campaign("Chiến dịch có video")
    for story in (public_story, draft_story):
        campaign.related_video_links.create(video_story=story)
    campaign.save_revision().publish()

    data = client.get(f"/api/v2/pages/{campaign.pk}/").json()
    assert [item["id"] for item in data["related_video_stories"]] == [public_story.pk]
    html = client.get(campaign.url).content.decode()
    assert "Phóng sự nháp" not in html


@pytest.mark.django_db
def test_video_listing_query_count_does_not_grow_with_limit(
    client, make_video_story, make_campaign
):
    campaign = make_campaign()
    for number in range(12):
        story = make_video_story(related_campaign=campaign, captions=2)
        if number % 3 == 0:
            stored_embed(f"{EMBED_URL}{number}")
            story.video, story.video_url = None, f"{EMBED_URL}{number}"
            story.save_revision().publish()
    client.get(LISTING.format(limit=12))
    counts = []
    # Three stories already hold both kinds of source; then the count must stay.
    for limit in (3, 12):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LISTING.format(limit=limit))
        assert len(response.json()["items"]) == limit
        counts.append(len(captured))
    assert counts[0] == counts[1], counts


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["draft", "private"])
def test_non_public_stories_and_their_assets_never_appear(
    client, make_video_story, kind
):
    make_video_story("Phóng sự công khai")
    hidden = make_video_story("Phóng sự bí mật", publish_it=kind != "draft")
    if kind == "private":
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    hidden_file = hidden.video.file.name
    for url in (
        "/api/v2/pages/?type=campaigns.VideoStoryPage&fields=*",
        "/api/v2/pages/?search=bí",
        "/api/v3/pages/?limit=100",
        "/sitemap.xml",
    ):
        body = client.get(url).content.decode()
        assert "Phóng sự bí mật" not in body, url
        assert hidden_file not in body, url
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404
    assert client.get(f"/api/v3/pages/{hidden.pk}/").status_code == 404


@pytest.mark.django_db
def test_wagtailmedia_anonymous_v3_endpoint_is_off(client, make_video_story):
    make_video_story()
    assert client.get("/api/v3/media/").status_code == 404
    assert "/media/" not in client.get("/api/v3/openapi.json").json()["paths"]


@pytest.mark.django_db
def test_media_server_answers_ranges_with_206(client, make_video_story, settings):
    page = make_video_story()

    settings.DEBUG = True
    importlib.reload(cms.urls)
    clear_url_caches()
    try:
        whole = client.get(page.video.url)
        assert whole.status_code == 200
        content = b"".join(whole.streaming_content)
        part = client.get(page.video.url, HTTP_RANGE="bytes=100-199")
        assert part.status_code == 206
        assert part["Content-Range"] == f"bytes 100-199/{len(content)}"
        assert b"".join(part.streaming_content) == content[100:200]
        beyond = client.get(page.video.url, HTTP_RANGE=f"bytes={len(content) + 10}-")
        assert beyond.status_code in {200, 416}  # RFC 9110 lets a server ignore it
        traversal = client.get("/media/../cms/settings/base.py")
        assert traversal.status_code in {400, 404}
    finally:
        settings.DEBUG = False
        importlib.reload(cms.urls)
        clear_url_caches()


@pytest.mark.django_db
def test_video_index_garbage_parameters_never_500(
    client, make_video_story, video_index
):
    make_video_story()
    for query in (
        {"page": "9999"},
        {"page": "x"},
        {"tag": "<script>"},
        {"tag": "\x00"},
    ):
        response = client.get(video_index.url, query)
        assert response.status_code in {200, 404}
        assert b"<script>" not in response.content


@pytest.mark.django_db
def test_officers_may_upload_videos(django_user_model):
    user = django_user_model.objects.create_user("officer2", password="pw-o-2")
    user.groups.add(Group.objects.get(name="Communications officers"))
    assert media_policy.user_has_permission(user, "add")


@pytest.mark.django_db
def test_officers_create_video_stories_through_the_same_workflow(
    django_user_model, video_index, make_video_story
):
    user = django_user_model.objects.create_user("officer3", password="pw-o-3")
    user.groups.add(Group.objects.get(name="Communications officers"))
    permissions = video_index.permissions_for_user(user)
    assert permissions.can_add_subpage()
    assert not permissions.can_publish_subpage()
    story = make_video_story(publish_it=False)
    assert story.get_workflow().name == "Kiểm duyệt trước khi đăng"


@pytest.mark.django_db
def test_tests_never_ask_an_embed_provider():
    # No finder is configured: an address not stored fails at once, offline.
    with pytest.raises(EmbedUnsupportedProviderException):
        get_embed("https://www.youtube.com/watch?v=never-stored")


@pytest.mark.django_db
def test_address_without_a_provider_answer_is_refused(make_video_story):
    page = make_video_story()
    page.video, page.video_url = None, "https://example.org/not-a-video-site"
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert _codes(error, "video_url") == ["not_embeddable"]


@pytest.mark.django_db
def test_story_page_renders_player_captions_transcript_and_metadata(
    client, make_video_story
):
    page = make_video_story(tags=("nong-thon-moi", "du-lich"))
    html = client.get(page.url).content.decode()
    assert 'controls preload="metadata"' in html and "<video" in html
    assert 'poster="' in html
    assert '<track kind="captions"' in html and 'srclang="vi"' in html
    assert "<details" in html and "Lời thoại của phóng sự." in html
    assert "VideoObject" in html and 'property="og:video' in html
    assert "?tag=du-lich" in html and "facebook.com/sharer" in html


@pytest.mark.django_db
def test_embedded_story_page_renders_the_stored_player(client, make_video_story):
    stored_embed(EMBED_URL)
    page = make_video_story(video_url=EMBED_URL, captions=0)
    html = client.get(page.url).content.decode()
    assert "youtube-nocookie.com/embed/x" in html
    assert "<video" not in html
