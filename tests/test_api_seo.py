"""SEO fields in both APIs: the same head a server-rendered page prints (issue 8)."""

from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_image

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    """The ``<meta>`` and ``<link rel=canonical>`` values of an HTML page."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            self.meta.setdefault(key, attrs.get("content"))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.meta["canonical"] = attrs["href"]


def head_of(client, page) -> dict[str, str]:
    response = client.get(page.url)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser.meta


@pytest.fixture
def pages(home_page, campaign_index, video_index, make_campaign, make_video_story):
    campaign = make_campaign(
        "Chiến dịch có ảnh chia sẻ",
        lead="Cả tỉnh cùng hưởng ứng phong trào thi đua.",
        hero_image=make_image("Ảnh bìa chiến dịch", size=(1600, 900)),
    )
    video = make_video_story(
        "Phóng sự có ảnh đại diện", lead="Nông thôn mới ở vùng cao."
    )
    return [home_page, campaign_index, video_index, campaign, video]


@pytest.mark.parametrize("api", ["v2", "v3"])
def test_seo_matches_the_head_of_every_page_type(client, pages, api):
    for page in pages:
        seo = client.get(f"/api/{api}/pages/{page.pk}/").json()["seo"]
        head = head_of(client, page)
        assert seo["title"] == head["og:title"] == page.title
        assert seo["description"] == (head.get("description") or "")
        assert seo["canonical_url"] == head["canonical"] == head["og:url"]
        assert seo["og_type"] == head["og:type"]
        if seo["image"] is None:
            assert "og:image" not in head, page
            continue
        assert seo["image"]["url"] == head["og:image"]
        assert str(seo["image"]["width"]) == head["og:image:width"] == "1200"
        assert str(seo["image"]["height"]) == head["og:image:height"]
        assert seo["image"]["alt"] == head["og:image:alt"]


def test_campaign_and_video_share_their_image_and_lead(client, pages):
    *_, campaign, video = pages
    for page, og_type in ((campaign, "article"), (video, "video.other")):
        seo = client.get(f"/api/v2/pages/{page.pk}/").json()["seo"]
        assert seo["og_type"] == og_type
        assert seo["description"] == page.lead
        assert seo["image"]["url"].startswith("http://localhost/media/images/")
        assert seo["canonical_url"] == page.full_url


def test_the_editors_seo_title_and_description_win(client, make_campaign):
    page = make_campaign(
        "Tiêu đề dài của chiến dịch",
        seo_title="Tiêu đề cho công cụ tìm kiếm",
        search_description="Mô tả ngắn cho kết quả tìm kiếm.",
    )
    for api in ("v2", "v3"):
        seo = client.get(f"/api/{api}/pages/{page.pk}/").json()["seo"]
        assert seo["title"] == "Tiêu đề cho công cụ tìm kiếm"
        assert seo["description"] == "Mô tả ngắn cho kết quả tìm kiếm."
    head = head_of(client, page)
    assert head["og:title"] == "Tiêu đề cho công cụ tìm kiếm"
    assert head["description"] == "Mô tả ngắn cho kết quả tìm kiếm."


def test_a_page_without_image_shares_none(client, make_campaign):
    page = make_campaign("Chiến dịch không ảnh")
    seo = client.get(f"/api/v3/pages/{page.pk}/").json()["seo"]
    assert seo["image"] is None


def test_seo_in_a_listing_costs_no_query_per_page(client, make_campaign):
    for number in range(3):
        make_campaign(f"Chiến dịch {number}", hero_image=make_image())
    url = "/api/v2/pages/?type=campaigns.CampaignPage&fields=seo&limit={}"
    client.get(url.format(20))
    with CaptureQueriesContext(connection) as one:
        first = client.get(url.format(1)).json()["items"]
    with CaptureQueriesContext(connection) as all_pages:
        items = client.get(url.format(20)).json()["items"]
    assert len(items) == 3
    assert all(item["seo"]["image"]["url"] for item in items)
    assert first[0]["seo"] == items[0]["seo"]
    assert len(all_pages) == len(one)


def test_a_response_writes_no_rendition_it_fetched_to_the_cache(client, pages):
    """Wagtail's get_rendition stores every rendition it returns in the cache."""
    from django.core.cache import caches
    from wagtail.images.models import Filter

    *_, campaign, _video = pages
    image = campaign.hero_image
    spec = "width-1200"
    image.get_rendition(spec)  # created, as the page's first view would
    key = image.get_rendition_model().construct_cache_key(
        image, Filter(spec=spec).get_cache_key(image), spec
    )
    caches["renditions"].clear()
    response = client.get(f"/api/v3/pages/{campaign.pk}/")
    assert response.json()["seo"]["image"]["url"].endswith(".width-1200.jpg")
    assert caches["renditions"].get(key) is None
