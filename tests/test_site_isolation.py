"""One site's changes leave the other sites' caches alone (DESIGN §11, §12).

The default site (``testserver``) beside a department's sub-portal on
``so.localhost`` (the ``other_site`` fixture). Publishing, a moderated
comment, a setting or a portal text of one site moves that site's content
generation only; what every site shows (an image, a locale) moves them all.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from campaigns.generation import content_generation
from campaigns.models import CommentStatus, VisitorStatisticsSettings
from campaigns.moderation.actions import set_comment_status
from tests.conftest import make_comment

OTHER_HOST = "so.localhost"
ETAG_READS = ["/api/v3/pages/", "/api/v2/pages/", "/api/v3/portal/"]

pytestmark = pytest.mark.django_db


def etags(client, host):
    answers = [client.get(url, HTTP_HOST=host) for url in ETAG_READS]
    assert all(answer.status_code == 200 for answer in answers)
    return [answer["ETag"] for answer in answers]


def generations(site, other_site):
    return content_generation(site.pk), content_generation(other_site.site.pk)


def test_publishing_on_one_site_leaves_the_others_generation_and_etags(
    client, site, other_site, make_campaign
):
    province, department = generations(site, other_site)
    department_etags = etags(client, OTHER_HOST)
    province_etags = etags(client, "testserver")

    make_campaign("Chiến dịch mới của tỉnh")

    assert content_generation(site.pk) > province
    assert content_generation(other_site.site.pk) == department
    assert etags(client, OTHER_HOST) == department_etags
    assert all(
        old != new
        for old, new in zip(province_etags, etags(client, "testserver"), strict=True)
    )


def test_unpublishing_on_the_sub_portal_leaves_the_province_alone(
    client, site, other_site
):
    province, department = generations(site, other_site)
    other_site.campaign.unpublish()
    assert content_generation(site.pk) == province
    assert content_generation(other_site.site.pk) > department


def test_a_page_moved_between_sites_moves_both(site, other_site, campaign_index):
    province, department = generations(site, other_site)
    other_site.campaign.move(campaign_index, pos="last-child")
    assert content_generation(site.pk) > province
    assert content_generation(other_site.site.pk) > department


def test_a_comment_approved_on_one_site_moves_only_its_generation(
    site, other_site, moderator, django_capture_on_commit_callbacks
):
    comment = make_comment(other_site.campaign)
    province, department = generations(site, other_site)
    with django_capture_on_commit_callbacks(execute=True):
        set_comment_status(comment, CommentStatus.APPROVED, by=moderator)
    assert content_generation(site.pk) == province
    assert content_generation(other_site.site.pk) > department


def test_a_sites_settings_and_texts_move_only_its_generation(site, other_site):
    from home.models import PortalSettings, PortalText

    VisitorStatisticsSettings.for_site(other_site.site)
    PortalSettings.for_site(other_site.site)
    province, department = generations(site, other_site)

    figures = VisitorStatisticsSettings.for_site(other_site.site)
    figures.legacy_visits = 1234
    figures.save()
    PortalText.objects.create(
        site=other_site.site,
        locale=Locale.get_default(),
        portal_name="Cổng thông tin Sở Lao động",
    )

    assert content_generation(site.pk) == province
    assert content_generation(other_site.site.pk) > department


def test_what_every_site_shows_moves_every_site(site, other_site):
    from wagtail.images import get_image_model

    province, department = generations(site, other_site)
    get_image_model().objects.create(title="Ảnh chung", file=get_test_image_file())
    assert content_generation(site.pk) > province
    assert content_generation(other_site.site.pk) > department


def _queries(client, url, host):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, HTTP_HOST=host)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_publishing_on_one_site_keeps_the_others_fragments_cached(
    settings, client, site, other_site, make_campaign
):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600
    index_url = other_site.index.get_url_parts()[2]
    client.get(index_url, HTTP_HOST=OTHER_HOST)
    warm, _ = _queries(client, index_url, OTHER_HOST)
    client.get("/")

    make_campaign("Tin của tỉnh vừa đăng")

    # The province renders its new campaign; the sub-portal's fragments are
    # still cached: it costs no more queries than its warm render did.
    assert "Tin của tỉnh vừa đăng" in client.get("/").content.decode()
    queries, html = _queries(client, index_url, OTHER_HOST)
    assert queries <= warm
    assert "Chiến dịch của Sở" in html
    assert "Tin của tỉnh vừa đăng" not in html


def test_every_key_a_beacon_writes_starts_with_the_deployments_prefix(
    settings, client, other_site
):
    from campaigns.stats import redis_store

    if not settings.CAMPAIGNS_REDIS_URL:
        pytest.skip("the key prefix is for deployments sharing a Redis")
    settings.CAMPAIGNS_KEY_PREFIX = "tinh-thu:"
    settings.CACHES = {
        name: {**alias, "KEY_PREFIX": f"tinh-thu:{alias.get('KEY_PREFIX', '')}"}
        for name, alias in settings.CACHES.items()
    }
    redis = redis_store.client()
    before = set(redis.keys("*"))
    response = client.post(
        f"/api/v3/pages/{other_site.campaign.pk}/views/",
        HTTP_HOST=OTHER_HOST,
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 Safari/537.36",
    )
    assert response.status_code == 200, response.content
    written = set(redis.keys("*")) - before
    stats = f"tinh-thu:campaigns:stats:{other_site.site.pk}:"
    assert any(key.startswith(stats) for key in written)
    assert all(key.startswith("tinh-thu:") for key in written), written
