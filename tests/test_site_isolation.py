"""Sites kept apart: caches, API, search and sitemap (DESIGN §11, §12).

The default site (``testserver``) beside a department's sub-portal on
``so.localhost`` (the ``other_site`` fixture). Publishing, a moderated
comment, a setting or a portal text of one site moves that site's content
generation only; what every site shows (an image, a locale) moves them all.
A site's API, search and sitemap show nothing of another site: pages,
comments, and the images and documents of another site's own collection.
"""

import json
from types import SimpleNamespace

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Locale

from campaigns.generation import content_generation
from campaigns.models import (
    Comment,
    CommentStatus,
    SiteMediaSettings,
    VisitorStatisticsSettings,
)
from campaigns.moderation.actions import set_comment_status
from tests.conftest import captcha_answer, make_comment

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


# -- The API, search and sitemap of a site show nothing of another -------------


def _text(response) -> str:
    """An API answer as text, its strings unescaped."""
    assert response.status_code == 200, response.content[:300]
    return json.dumps(response.json(), ensure_ascii=False)


def _comment_body(page) -> str:
    return json.dumps(
        {
            "page": page.pk,
            "name": "Nguyễn Văn An",
            "title": "Góp ý",
            "content": "Nội dung góp ý cho chiến dịch.",
            **captcha_answer(),
        }
    )


def test_comments_of_another_sites_page_are_not_found(client, other_site):
    make_comment(other_site.campaign, status=CommentStatus.APPROVED, content="Của Sở")
    url = f"/api/v3/comments/?page={other_site.campaign.pk}"
    assert client.get(url).status_code == 404
    assert "Của Sở" in _text(client.get(url, HTTP_HOST=OTHER_HOST))


def test_a_comment_posted_through_another_site_is_refused_and_not_stored(
    client, other_site
):
    response = client.post(
        "/api/v3/comments/",
        _comment_body(other_site.campaign),
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Comment.objects.exists()
    accepted = client.post(
        "/api/v3/comments/",
        _comment_body(other_site.campaign),
        content_type="application/json",
        HTTP_HOST=OTHER_HOST,
    )
    assert accepted.status_code == 201, accepted.content
    assert Comment.objects.get().page_id == other_site.campaign.pk


def test_the_pages_api_lists_only_the_requesting_sites_pages(client, site, other_site):
    for url in ("/api/v3/pages/", "/api/v2/pages/"):
        province = _text(client.get(url))
        department = _text(client.get(url, HTTP_HOST=OTHER_HOST))
        assert "Chiến dịch của Sở" not in province
        assert "Chiến dịch của Sở" in department


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_find_resolves_a_path_on_the_requesting_site_only(client, other_site, version):
    path = other_site.campaign.get_url_parts()[2]
    url = f"/api/{version}/pages/find/"
    assert client.get(url, {"html_path": path}).status_code == 404
    found = client.get(url, {"html_path": path}, HTTP_HOST=OTHER_HOST, follow=True)
    assert found.status_code == 200
    assert found.json()["id"] == other_site.campaign.pk


@pytest.fixture
def site_media(other_site):
    """The sub-portal's own collection with an image and a document, beside a
    shared image in the root collection."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    own = Collection.get_first_root_node().add_child(name="Sở Lao động")
    SiteMediaSettings.objects.create(site=other_site.site, collection=own)
    below = own.add_child(name="Ảnh sự kiện")
    return SimpleNamespace(
        own_image=get_image_model().objects.create(
            title="Ảnh riêng của Sở", file=get_test_image_file(), collection=below
        ),
        shared_image=get_image_model().objects.create(
            title="Quốc huy", file=get_test_image_file()
        ),
        own_document=get_document_model().objects.create(
            title="Công văn của Sở",
            file=ContentFile(b"%PDF-1.4 cong van", name="cong-van.pdf"),
            collection=own,
        ),
    )


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_another_sites_own_media_stay_out_of_listings_details_and_search(
    client, site_media, version
):
    images, documents = f"/api/{version}/images/", f"/api/{version}/documents/"
    own, shared = site_media.own_image, site_media.shared_image
    province = _text(client.get(images))
    assert shared.title in province and own.title not in province
    assert client.get(f"{images}{own.pk}/").status_code == 404
    assert own.title not in _text(client.get(images, {"search": "Ảnh riêng"}))
    assert site_media.own_document.title not in _text(client.get(documents))
    assert client.get(f"{documents}{site_media.own_document.pk}/").status_code == 404

    department = _text(client.get(images, HTTP_HOST=OTHER_HOST))
    assert own.title in department and shared.title in department
    assert client.get(f"{images}{own.pk}/", HTTP_HOST=OTHER_HOST).status_code == 200
    assert site_media.own_document.title in _text(
        client.get(documents, HTTP_HOST=OTHER_HOST)
    )


def test_naming_a_sites_collection_revalidates_every_sites_media(
    client, site, other_site
):
    before = client.get("/api/v3/images/")["ETag"]
    own = Collection.get_first_root_node().add_child(name="Sở Lao động")
    etag_after_collection = client.get("/api/v3/images/")["ETag"]
    SiteMediaSettings.objects.create(site=other_site.site, collection=own)
    assert before != etag_after_collection != client.get("/api/v3/images/")["ETag"]


def test_per_site_setup_names_the_sites_media_collection(other_site):
    from campaigns.setup import set_up_site_groups

    set_up_site_groups(other_site.site)
    media = SiteMediaSettings.for_site(other_site.site)
    assert media.collection.name == other_site.site.site_name
    set_up_site_groups(other_site.site)
    assert Collection.objects.filter(name=other_site.site.site_name).count() == 1


def test_search_finds_only_the_requesting_sites_pages(
    client, other_site, make_campaign
):
    make_campaign("Chiến dịch lao động của tỉnh", slug="lao-dong-tinh")

    def text(response):
        # The search marks the words it matched: read the titles without it.
        html = response.content.decode()
        return html.replace("<mark>", "").replace("</mark>", "")

    province = text(client.get("/search/", {"q": "chien dich"}))
    department = text(client.get("/search/", {"q": "chien dich"}, HTTP_HOST=OTHER_HOST))
    assert "Chiến dịch lao động của tỉnh" in province
    assert "Chiến dịch của Sở" not in province
    assert "Chiến dịch của Sở" in department
    assert "Chiến dịch lao động của tỉnh" not in department


def test_each_sitemap_lists_its_own_pages_in_every_language(
    client, site, other_site, make_campaign
):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    campaign = make_campaign("Chiến dịch của tỉnh", slug="chien-dich-tinh")
    translated = campaign.copy_for_translation(english, copy_parents=True)
    translated.save_revision().publish()

    province = client.get("/sitemap.xml").content.decode()
    department = client.get("/sitemap.xml", HTTP_HOST=OTHER_HOST).content.decode()
    assert "/chien-dich-tinh/" in province
    assert f"/en/{campaign.get_parent().slug}/chien-dich-tinh/" in province
    assert other_site.campaign.slug not in province
    assert other_site.campaign.slug in department
    assert "chien-dich-tinh" not in department


# -- Languages a site publishes in ----------------------------------------------


def test_a_site_without_an_english_edition_has_no_english_pages(
    client, site, other_site
):
    from wagtail.models import Locale

    english = Locale.objects.get_or_create(language_code="en")[0]
    english_home = site.root_page.copy_for_translation(english)
    english_home.save_revision().publish()

    assert client.get("/en/").status_code == 200
    # The sub-portal publishes in Vietnamese only: Wagtail would serve its
    # Vietnamese pages under /en/, marked as English.
    campaign_path = other_site.campaign.get_url_parts()[2]
    assert client.get("/en/", HTTP_HOST=OTHER_HOST).status_code == 404
    assert client.get(f"/en{campaign_path}", HTTP_HOST=OTHER_HOST).status_code == 404
    assert client.get(campaign_path, HTTP_HOST=OTHER_HOST).status_code == 200

    search = client.get("/search/", {"q": "lao dong"}, HTTP_HOST=OTHER_HOST)
    assert 'hreflang="en"' not in search.content.decode()
    assert "/en/search/" not in search.content.decode()
    province_search = client.get("/search/", {"q": "lao dong"}).content.decode()
    assert "/en/search/" in province_search
