"""The page head is built once (campaigns.seo): the HTML and both APIs agree."""

import json
from html.parser import HTMLParser

import pytest
from django.template.backends.django import get_installed_libraries
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Locale

from home.models import PortalSettings
from tests.conftest import make_image, publish

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """What a page's ``<head>`` says: meta values, links and its JSON-LD."""

    def __init__(self):
        super().__init__()
        self.in_head = False
        self.in_json_ld = False
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.alternates: list[dict] = []
        self.json_ld: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        if not self.in_head:
            return
        if tag == "meta" and (key := attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "link" and attrs.get("hreflang"):
            alternate = {"language": attrs["hreflang"], "url": attrs["href"]}
            self.alternates.append(alternate)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self.in_json_ld = True

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        self.in_json_ld = self.in_json_ld and tag != "script"

    def handle_data(self, data):
        if self.in_json_ld:
            self.json_ld.append(json.loads(data))

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, (key, values)
        return values[0]


def head_of(client, url: str) -> HeadParser:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


def _translate(page, locale):
    translation = page.copy_for_translation(locale, copy_parents=True)
    for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
        publish(ancestor.specific)
    translation.title = f"English: {page.title}"
    return publish(translation)


@pytest.fixture
def articles(make_campaign, make_video_story, english):
    campaign = make_campaign(
        "Phát động phong trào thi đua",
        lead="Cả tỉnh cùng hưởng ứng phong trào thi đua.",
        search_description="Mô tả ngắn cho kết quả tìm kiếm.",
        hero_image=make_image("Ảnh bìa", size=(1600, 900)),
        tags=("thi-dua", "cong-doan"),
    )
    _translate(campaign, english)
    video = make_video_story("Phóng sự nông thôn mới", lead="Nông thôn mới ở vùng cao.")
    return {"campaign": campaign, "video": video}


@pytest.mark.parametrize("kind", ["campaign", "video"])
@pytest.mark.parametrize("api", ["v2", "v3"])
def test_the_html_head_says_what_both_apis_say(client, articles, kind, api):
    page = articles[kind]
    seo = client.get(f"/api/{api}/pages/{page.pk}/").json()["seo"]
    head = head_of(client, page.url)

    assert head.one("description") == head.one("og:description") == seo["description"]
    assert head.one("og:title") == seo["title"]
    assert head.canonical == [seo["canonical_url"]] == [head.one("og:url")]
    assert head.one("og:site_name") == seo["site_name"]
    assert head.one("og:type") == seo["og_type"]
    assert head.one("og:locale") == seo["locale"] == "vi_VN"
    assert head.one("og:image") == seo["image"]["url"]
    assert head.one("twitter:card") == seo["twitter_card"]
    assert head.alternates == seo["alternates"]
    assert head.json_ld == [seo["json_ld"]]
    for meta in seo["properties"]:
        assert meta["content"] in head.meta[meta["property"]]


def test_one_description_everywhere_the_editors_when_given(client, articles):
    campaign = articles["campaign"]
    head = head_of(client, campaign.url)
    assert head.one("description") == "Mô tả ngắn cho kết quả tìm kiếm."
    assert head.one("og:description") == "Mô tả ngắn cho kết quả tìm kiếm."
    assert head.json_ld[0]["description"] == "Mô tả ngắn cho kết quả tìm kiếm."

    video = articles["video"]
    head = head_of(client, video.url)
    assert head.one("og:description") == video.lead
    assert head.json_ld[0]["@type"] == "VideoObject"


def test_alternates_name_only_real_translations(client, articles, english):
    campaign = articles["campaign"]
    translation = campaign.get_translation(english)
    head = head_of(client, campaign.url)
    assert head.alternates == [
        {"language": "vi", "url": campaign.full_url},
        {"language": "en", "url": translation.full_url},
    ]
    # The video story has no English edition: no alternate points elsewhere.
    assert head_of(client, articles["video"].url).alternates == []


def test_the_publisher_is_the_portal_in_the_page_language(client, articles, site):
    PortalSettings.objects.update_or_create(
        site=site, defaults={"portal_name": "Cổng thông tin điện tử tỉnh Thử"}
    )
    campaign = articles["campaign"]
    head = head_of(client, campaign.url)
    publisher = head.json_ld[0]["publisher"]
    assert head.one("og:site_name") == "Cổng thông tin điện tử tỉnh Thử"
    assert publisher["name"] == "Cổng thông tin điện tử tỉnh Thử"
    assert publisher["url"] == site.root_page.full_url
    assert head.json_ld[0]["author"] == publisher


@override_settings(CAMPAIGNS_SITE_NAME_FUNCTION=None)
def test_without_a_site_name_function_the_wagtail_site_names_the_publisher(
    client, articles, site
):
    site.site_name = "Sở Thông tin và Truyền thông"
    site.save()
    head = head_of(client, articles["video"].url)
    assert head.one("og:site_name") == "Sở Thông tin và Truyền thông"
    assert head.json_ld[0]["publisher"]["name"] == "Sở Thông tin và Truyền thông"


@override_settings(CAMPAIGNS_BASE_TEMPLATE="campaigns/base.html")
@pytest.mark.parametrize("kind", ["campaign", "video"])
def test_the_plugins_own_base_makes_a_whole_page_without_the_sites(
    client, articles, kind
):
    page = articles[kind]
    html = client.get(page.url).content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in html
    assert '<meta name="viewport"' in html
    assert f"<title>{page.title}</title>" in html
    assert "site-header" not in html and "site-footer" not in html
    assert f'<h1 class="article__title">{page.title}</h1>' in html
    assert "/static/campaigns/js/stats.js" in html
    beacon = reverse("wagtailapi_v3:count_page_view", kwargs={"page_id": page.pk})
    assert f'data-view-beacon="{beacon}"' in html
    head = head_of(client, page.url)
    assert head.canonical == [page.full_url]
    assert head.json_ld


@override_settings(CAMPAIGNS_BASE_TEMPLATE="campaigns/base.html")
def test_the_plugins_own_base_serves_the_indexes_and_the_comment_form(
    client, articles, campaign_index, video_index
):
    for index in (campaign_index, video_index):
        html = client.get(index.url).content.decode()
        assert f"<title>{index.title}</title>" in html
        assert "site-header" not in html
    html = client.get(f"/comments/{articles['campaign'].pk}/").content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'class="breadcrumbs"' in html and "site-header" not in html


def test_the_portal_pages_keep_the_portal_base(client, articles):
    html = client.get(articles["campaign"].url).content.decode()
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "<title>Phát động phong trào thi đua | " in html


def test_every_template_tag_library_of_the_plugin_is_prefixed():
    plugin = {
        name
        for name, module in get_installed_libraries().items()
        if module.startswith("campaigns.")
    }
    assert {"campaigns_tags", "campaigns_stats", "campaigns_cache"} <= plugin
    assert all(name.startswith("campaigns_") for name in plugin), plugin
