"""Cached fragments of public pages: fresh after publishing, never for previews."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from campaigns.conf import fragment_cache_seconds
from campaigns.generation import content_generation
from campaigns.sites import site_id_for_page


@pytest.fixture(autouse=True)
def _fragment_cache_on(settings):
    # On with the local-memory cache too: these tests run in one process.
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.django_db
def test_warm_campaign_page_costs_at_most_ten_queries(client, rich_campaigns):
    page = rich_campaigns(1)[0]
    client.get(page.url)
    queries, html = _queries(client, page.url)
    assert queries <= 10
    assert page.title in html and "Chú thích" in html


@pytest.mark.django_db
def test_publishing_a_campaign_shows_it_on_cached_home_and_index(
    client, make_campaign, campaign_index
):
    make_campaign("Chiến dịch thứ nhất")
    client.get("/")
    client.get(campaign_index.url)
    before = content_generation(site_id_for_page(campaign_index))

    make_campaign("Chiến dịch vừa đăng")

    assert content_generation(site_id_for_page(campaign_index)) != before
    assert "Chiến dịch vừa đăng" in client.get("/").content.decode()
    assert "Chiến dịch vừa đăng" in client.get(campaign_index.url).content.decode()


@pytest.mark.django_db
def test_republished_page_shows_its_new_text(client, make_campaign):
    page = make_campaign("Chiến dịch sửa đổi", lead="Bản đầu.")
    assert "Bản đầu." in client.get(page.url).content.decode()
    page.lead = "Bản đã sửa."
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Bản đã sửa." in html and "Bản đầu." not in html


@pytest.mark.django_db
def test_unpublished_page_disappears_from_cached_listings(client, make_campaign):
    page = make_campaign("Chiến dịch sẽ gỡ")
    assert page.title in client.get("/").content.decode()
    page.unpublish()
    assert page.title not in client.get("/").content.decode()


@pytest.mark.django_db
def test_preview_is_never_served_from_or_stored_in_the_cache(
    client, admin_client, make_campaign
):
    page = make_campaign("Chiến dịch xem trước", lead="Bản công khai.")
    client.get(page.url)
    page.lead = "Bản nháp chưa duyệt."
    preview = page.make_preview_request(preview_mode="")
    assert "Bản nháp chưa duyệt." in preview.content.decode()
    assert "Bản nháp chưa duyệt." not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_pages_still_serve_when_the_cache_is_down(client, make_campaign):
    page = make_campaign("Chiến dịch khi Redis hỏng")
    url = page.url
    unreachable = {
        "default": {
            "BACKEND": "campaigns.cache.ResilientRedisCache",
            # Nothing listens on port 1: a real connection failure.
            "LOCATION": "redis://127.0.0.1:1/0",
        },
        "renditions": {
            "BACKEND": "campaigns.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/1",
        },
    }
    with override_settings(CACHES=unreachable):
        response = client.get(url)
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_fragments_are_not_cached_in_a_process_local_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    }
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = None
    assert fragment_cache_seconds() == 0
    settings.CACHES = {
        "default": {
            "BACKEND": "campaigns.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    assert fragment_cache_seconds() == 600
