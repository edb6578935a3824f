"""The API's caching follows the API wherever the host mounts it (/headless/ here)."""

import pytest
from django.urls import reverse

from campaigns.api.cached_reads import unresolved_reads
from campaigns.api.caching import MAX_AGE, STALE_WHILE_REVALIDATE
from campaigns.generation import in_database
from campaigns.models import CommentStatus
from campaigns.moderation.actions import set_comment_status
from tests.conftest import make_comment
from tests.test_api_caching import BROWSER, etag

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_headless")]


@pytest.fixture
def campaign(make_campaign):
    return make_campaign("Chiến dịch trên một đường dẫn khác")


def test_the_api_answers_under_the_hosts_prefix_only(client, campaign):
    assert client.get("/api/v2/pages/").status_code == 404
    assert reverse("wagtailapi_v3:detail_page", kwargs={"page_id": 1}) == (
        "/headless/v3/pages/1/"
    )
    assert unresolved_reads() == []


@pytest.mark.parametrize(
    "url",
    [
        "/headless/v2/pages/",
        "/headless/v2/pages/{pk}/",
        "/headless/v2/images/",
        "/headless/v3/pages/",
        "/headless/v3/pages/{pk}/",
        "/headless/v3/comments/?page={pk}",
        "/headless/v3/locales/",
        "/headless/v3/portal/",
        "/headless/v3/stats/visitors/",
    ],
)
def test_reads_get_etags_cache_control_and_304s(client, campaign, url):
    url = url.format(pk=campaign.pk)
    response = client.get(url)
    assert response.status_code == 200
    tag = response["ETag"]
    assert tag.startswith('W/"')
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"stale-while-revalidate={STALE_WHILE_REVALIDATE}" in cache_control
    again = client.get(url, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == tag


def test_listing_max_age_is_the_same_as_under_api(client, campaign):
    assert f"max-age={MAX_AGE}" in client.get("/headless/v2/pages/")["Cache-Control"]


def test_publishing_and_moderating_change_the_etags(
    client, campaign, moderator, django_capture_on_commit_callbacks
):
    urls = [
        "/headless/v2/pages/",
        f"/headless/v2/pages/{campaign.pk}/",
        "/headless/v3/pages/",
        f"/headless/v3/pages/{campaign.pk}/",
        f"/headless/v3/comments/?page={campaign.pk}",
    ]
    before = [etag(client, url) for url in urls]
    campaign.lead = "Tóm tắt mới."
    campaign.save_revision().publish()
    published = [etag(client, url) for url in urls]
    assert all(old != new for old, new in zip(before, published, strict=True))
    comment = make_comment(campaign)
    with django_capture_on_commit_callbacks(execute=True):
        set_comment_status(comment, CommentStatus.APPROVED, by=moderator)
    approved = [etag(client, url) for url in urls]
    assert all(old != new for old, new in zip(published, approved, strict=True))


def test_a_counted_view_changes_the_detail_etag(client, campaign, make_campaign):
    other = make_campaign("Chiến dịch không ai xem")
    detail = f"/headless/v3/pages/{campaign.pk}/"
    before = etag(client, detail)
    other_before = etag(client, f"/headless/v3/pages/{other.pk}/")
    beacon = reverse("wagtailapi_v3:count_page_view", kwargs={"page_id": campaign.pk})
    assert beacon.startswith("/headless/v3/")
    counted = client.post(beacon, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9")
    assert counted.status_code == 200
    assert not counted.has_header("ETag")
    assert etag(client, detail) != before
    assert etag(client, f"/headless/v3/pages/{other.pk}/") == other_before


def test_a_page_detail_is_stored_under_the_hosts_prefix(client, campaign, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600
    url = f"/headless/v3/pages/{campaign.pk}/"
    first = client.get(url)
    with CaptureQueriesContext(connection) as captured:
        again = client.get(url)
    assert again.content == first.content
    assert len(captured) == (1 if in_database() else 0)


def test_bearer_token_reads_are_not_cached_there_either(client, campaign):
    response = client.get("/headless/v2/pages/", HTTP_AUTHORIZATION="Bearer abc")
    assert not response.has_header("ETag")
