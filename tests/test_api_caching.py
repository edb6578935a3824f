"""HTTP caching of the public API: ETags known without rendering, 304s, headers."""

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from campaigns import sites
from campaigns.api.caching import MAX_AGE, STALE_WHILE_REVALIDATE
from campaigns.generation import content_generation, in_database
from campaigns.models import CommentStatus, ContentGeneration
from campaigns.moderation.actions import set_comment_status, update_comment
from tests.conftest import make_comment

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
)


def etag(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:300]
    return response["ETag"]


@pytest.fixture
def campaign(make_campaign):
    return make_campaign("Chiến dịch có bộ nhớ đệm")


def listing_and_detail_etags(client, page):
    return (
        etag(client, "/api/v2/pages/"),
        etag(client, f"/api/v2/pages/{page.pk}/"),
        etag(client, "/api/v3/pages/"),
        etag(client, f"/api/v3/pages/{page.pk}/"),
    )


def all_changed(before, after):
    return all(old != new for old, new in zip(before, after, strict=True))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/",
        "/api/v3/pages/",
        "/api/v2/images/",
        "/api/v2/documents/",
        "/api/v3/locales/",
        "/api/v3/portal/",
        "/api/v3/stats/visitors/",
    ],
)
def test_public_reads_send_etag_and_cache_control(client, campaign, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["ETag"].startswith('W/"')
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"stale-while-revalidate={STALE_WHILE_REVALIDATE}" in cache_control
    assert "max-age=" in cache_control


@pytest.mark.django_db
def test_listing_cache_control_is_short(client, campaign):
    cache_control = client.get("/api/v2/pages/")["Cache-Control"]
    assert f"max-age={MAX_AGE}" in cache_control


@pytest.mark.django_db
def test_comment_listing_and_page_details_send_etags(client, campaign):
    for url in (
        f"/api/v3/comments/?page={campaign.pk}",
        f"/api/v2/pages/{campaign.pk}/",
        f"/api/v3/pages/{campaign.pk}/",
    ):
        assert client.get(url).has_header("ETag"), url


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/api/v2/pages/", "/api/v3/pages/"])
def test_same_etag_gets_304_without_body(client, campaign, url):
    tag = etag(client, url)
    response = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == tag
    assert "public" in response["Cache-Control"]


@pytest.mark.django_db
def test_stale_etag_gets_the_full_response(client, campaign):
    response = client.get("/api/v2/pages/", HTTP_IF_NONE_MATCH='W/"stale"')
    assert response.status_code == 200
    assert campaign.title in response.content.decode()


@pytest.mark.django_db
def test_304_costs_at_most_one_query_and_none_with_redis(client, campaign):
    url = f"/api/v3/pages/{campaign.pk}/"
    tag = etag(client, url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert response.status_code == 304
    assert len(captured) == (1 if in_database() else 0), captured.captured_queries


@pytest.mark.django_db
def test_different_query_gives_different_etag(client, campaign):
    first = etag(client, "/api/v2/pages/?limit=5")
    assert etag(client, "/api/v2/pages/?limit=6") != first
    assert etag(client, "/api/v2/pages/?type=campaigns.CampaignPage&limit=5") != first


@pytest.mark.django_db
def test_query_order_does_not_change_the_etag(client, campaign):
    assert etag(client, "/api/v2/pages/?limit=5&offset=0") == etag(
        client, "/api/v2/pages/?offset=0&limit=5"
    )


@pytest.mark.django_db
def test_publishing_changes_listing_and_detail_etags(client, campaign, make_campaign):
    before = listing_and_detail_etags(client, campaign)
    campaign.lead = "Tóm tắt mới."
    campaign.save_revision().publish()
    assert all_changed(before, listing_and_detail_etags(client, campaign))
    before = listing_and_detail_etags(client, campaign)
    make_campaign("Một chiến dịch khác")
    assert all_changed(before, listing_and_detail_etags(client, campaign))


@pytest.mark.django_db
def test_unpublishing_changes_listing_etags(client, campaign, make_campaign):
    other = make_campaign("Chiến dịch sẽ gỡ")
    before = listing_and_detail_etags(client, campaign)
    old_detail = etag(client, f"/api/v3/pages/{other.pk}/")
    other.unpublish()
    assert all_changed(before, listing_and_detail_etags(client, campaign))
    response = client.get(f"/api/v3/pages/{other.pk}/", HTTP_IF_NONE_MATCH=old_detail)
    assert response.status_code == 404


@pytest.mark.django_db
def test_restricting_a_page_changes_etags_and_never_304s_it(
    client, campaign, make_campaign
):
    other = make_campaign("Chiến dịch sẽ khoá")
    before = listing_and_detail_etags(client, campaign)
    old_detail = etag(client, f"/api/v2/pages/{other.pk}/")
    PageViewRestriction.objects.create(
        page=other, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert all_changed(before, listing_and_detail_etags(client, campaign))
    response = client.get(f"/api/v2/pages/{other.pk}/", HTTP_IF_NONE_MATCH=old_detail)
    assert response.status_code == 404


@pytest.mark.django_db
def test_approving_a_comment_changes_the_etags_that_show_it(
    client, campaign, moderator, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign)
    comments_url = f"/api/v3/comments/?page={campaign.pk}"
    before = (*listing_and_detail_etags(client, campaign), etag(client, comments_url))
    with django_capture_on_commit_callbacks(execute=True):
        set_comment_status(comment, CommentStatus.APPROVED, by=moderator)
    after = (*listing_and_detail_etags(client, campaign), etag(client, comments_url))
    assert all_changed(before, after)
    items = client.get(comments_url).json()["items"]
    assert [item["title"] for item in items] == [comment.title]


@pytest.mark.django_db
def test_replying_to_a_public_comment_changes_the_etag(
    client, campaign, moderator, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign, status=CommentStatus.APPROVED)
    comments_url = f"/api/v3/comments/?page={campaign.pk}"
    before = etag(client, comments_url)
    with django_capture_on_commit_callbacks(execute=True):
        update_comment(comment, by=moderator, reply="Cảm ơn bạn đọc.")
    assert etag(client, comments_url) != before


@pytest.mark.django_db
def test_a_counted_view_changes_that_page_detail_and_the_listing(
    client, campaign, make_campaign
):
    other = make_campaign("Chiến dịch không ai xem")
    detail = f"/api/v3/pages/{campaign.pk}/"
    before = (
        etag(client, detail),
        etag(client, f"/api/v2/pages/{campaign.pk}/"),
        etag(client, "/api/v2/pages/"),
        etag(client, "/api/v3/stats/visitors/"),
    )
    other_before = etag(client, f"/api/v3/pages/{other.pk}/")
    counted = client.post(
        f"{detail}views/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9"
    )
    assert counted.status_code == 200
    after = (
        etag(client, detail),
        etag(client, f"/api/v2/pages/{campaign.pk}/"),
        etag(client, "/api/v2/pages/"),
        etag(client, "/api/v3/stats/visitors/"),
    )
    assert all_changed(before, after)
    assert etag(client, f"/api/v3/pages/{other.pk}/") == other_before
    repeat = client.post(
        f"{detail}views/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9"
    )
    assert repeat.status_code == 202
    assert etag(client, detail) == after[0]


@pytest.mark.django_db
def test_uploading_an_image_changes_the_image_listing_etag(client, campaign):
    from tests.conftest import make_image

    before = etag(client, "/api/v2/images/")
    make_image("Ảnh mới")
    assert etag(client, "/api/v2/images/") != before


@pytest.mark.django_db
def test_posts_are_unaffected(client, campaign):
    response = client.post(
        "/api/v3/comments/", data="{}", content_type="application/json"
    )
    assert response.status_code in (400, 422)
    assert not response.has_header("ETag")
    beacon = client.post(f"/api/v3/pages/{campaign.pk}/views/", HTTP_USER_AGENT=BROWSER)
    assert not beacon.has_header("ETag")
    assert "no-store" in beacon["Cache-Control"]


@pytest.mark.django_db
def test_captcha_and_bearer_token_reads_get_no_etag(client, campaign):
    captcha = client.get("/api/v3/captcha/")
    assert not captcha.has_header("ETag")
    assert "public" not in captcha.get("Cache-Control", "")
    authorised = client.get("/api/v2/pages/", HTTP_AUTHORIZATION="Bearer abc")
    assert not authorised.has_header("ETag")


@pytest.mark.django_db
def test_html_pages_get_no_api_etag(client, campaign):
    assert not client.get(campaign.url).has_header("ETag")


@pytest.mark.django_db
def test_without_redis_the_generation_lives_in_the_database(settings):
    if django_settings.REDIS_URL:
        pytest.skip("the database store is for sites without Redis")
    before = content_generation()
    from campaigns.generation import bump_content_generation

    bump_content_generation()
    assert content_generation() == (before[0] + 1,)
    assert ContentGeneration.objects.get(name="content").value == before[0] + 1


class RecordingBackend(BaseBackend):
    """A frontend cache backend that notes the URLs it is asked to purge."""

    purged: list[str] = []

    def purge(self, url):
        self.purged.append(url)


@pytest.fixture
def frontend_cache(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.test_api_caching.RecordingBackend"}
    }
    RecordingBackend.purged.clear()
    return RecordingBackend.purged


@pytest.mark.django_db
def test_publishing_purges_the_page_from_the_frontend_cache(
    campaign, frontend_cache, django_capture_on_commit_callbacks
):
    campaign.lead = "Bản mới."
    with django_capture_on_commit_callbacks(execute=True):
        campaign.save_revision().publish()
    assert campaign.full_url in frontend_cache


@pytest.mark.django_db
def test_moderating_a_comment_purges_its_page(
    campaign, moderator, frontend_cache, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign)
    assert frontend_cache == []
    with django_capture_on_commit_callbacks(execute=True):
        set_comment_status(comment, CommentStatus.APPROVED, by=moderator)
    assert frontend_cache == [campaign.full_url]
    with django_capture_on_commit_callbacks(execute=True):
        update_comment(comment, by=moderator, reply="Cảm ơn.")
    with django_capture_on_commit_callbacks(execute=True):
        set_comment_status(comment, CommentStatus.REJECTED, by=moderator)
    assert frontend_cache == [campaign.full_url] * 3


@pytest.mark.django_db
def test_without_a_frontend_cache_nothing_is_purged(
    campaign, moderator, django_capture_on_commit_callbacks
):
    RecordingBackend.purged.clear()
    comment = make_comment(campaign)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        set_comment_status(comment, CommentStatus.APPROVED, by=moderator)
    assert RecordingBackend.purged == []
    assert not [c for c in callbacks if "purge" in getattr(c, "__qualname__", "")]


# --- Page details kept rendered in the shared cache ---------------------------------


@pytest.fixture
def stored_details(settings):
    """Fragments, and with them rendered page details, kept as with Redis."""
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600


def _queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["v2", "v3"])
def test_a_page_detail_is_rendered_once_until_it_changes(
    client, campaign, stored_details, api
):
    url = f"/api/{api}/pages/{campaign.pk}/"
    first, rendered = _queries_of(client, url)
    again, reading = _queries_of(client, url)
    assert again.content == first.content and again["ETag"] == first["ETag"]
    assert reading == (1 if in_database() else 0) < rendered
    campaign.title = "Tiêu đề đã sửa"
    campaign.save_revision().publish()
    changed, _ = _queries_of(client, url)
    assert changed.json()["title"] == "Tiêu đề đã sửa"
    assert changed["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_a_stored_detail_shows_a_new_view_at_once(client, campaign, stored_details):
    url = f"/api/v3/pages/{campaign.pk}/"
    before = client.get(url).json()["view_count"]
    counted = client.post(f"{url}views/", HTTP_USER_AGENT=BROWSER)
    assert counted.status_code == 200
    assert client.get(url).json()["view_count"] == before + 1


@pytest.mark.django_db
def test_a_stored_detail_is_one_per_language(client, campaign, stored_details):
    url = f"/api/v3/pages/{campaign.pk}/"
    vietnamese = client.get(f"{url}?locale=vi")
    assert client.get(f"{url}?locale=vi").content == vietnamese.content
    assert client.get(f"{url}?locale=en").status_code == 404


@pytest.mark.django_db
def test_other_queries_and_listings_are_not_stored(client, campaign, stored_details):
    for url in (
        f"/api/v2/pages/{campaign.pk}/?fields=title",
        "/api/v3/pages/?type=campaigns.CampaignPage",
    ):
        sites.site_id_for_request(RequestFactory().get(url))  # the cached site map
        _, rendered = _queries_of(client, url)
        _, again = _queries_of(client, url)
        assert again == rendered > 1, url


@pytest.mark.django_db
def test_without_a_shared_cache_nothing_is_stored(client, campaign, settings):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 0
    url = f"/api/v3/pages/{campaign.pk}/"
    sites.site_id_for_request(RequestFactory().get(url))  # the cached site map
    _, rendered = _queries_of(client, url)
    _, again = _queries_of(client, url)
    assert again == rendered > 1
