"""The v2 pages endpoint: shape of campaign pages, query budget, nothing private."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import make_comment

LISTING = "/api/v2/pages/?type=campaigns.CampaignPage&fields=*&limit={limit}"


def _queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(captured), response.json()


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_limit(client, rich_campaigns):
    pages = rich_campaigns(20)
    for number, page in enumerate(pages):
        for status in ("approved", "pending") * (number % 3):
            make_comment(page, status=status)
    # Warm-up: renditions are created on first use, which is a one-off write.
    client.get(LISTING.format(limit=20))

    queries_one, data_one = _queries_for(client, LISTING.format(limit=1))
    queries_twenty, data_twenty = _queries_for(client, LISTING.format(limit=20))

    assert len(data_one["items"]) == 1
    assert len(data_twenty["items"]) == 20
    assert queries_twenty == queries_one, (queries_one, queries_twenty)
    counts = {item["id"]: item["comment_count"] for item in data_twenty["items"]}
    assert counts == {page.pk: number % 3 for number, page in enumerate(pages)}


@pytest.mark.django_db
def test_campaign_page_fields_serialise_to_clean_json(client, rich_campaigns):
    page = rich_campaigns(1)[0]
    data = client.get(f"/api/v2/pages/{page.pk}/").json()

    assert data["meta"]["type"] == "campaigns.CampaignPage"
    assert data["lead"] == "Tóm tắt chiến dịch."
    assert sorted(data["tags"]) == ["lao-dong", "nam-0", "sang-tao"]
    hero = data["hero_image"]
    assert set(hero["renditions"]) == {"thumbnail", "medium", "large"}
    assert hero["alt"].startswith("Mô tả ảnh")
    assert hero["renditions"]["thumbnail"]["width"] == 480
    assert data["dispatch_document"]["url"].startswith("/documents/")

    body = {block["type"]: block["value"] for block in data["body"]}
    paragraph = data["body"][0]["value"]
    assert 'href="/' in paragraph and "linktype" not in paragraph
    assert "linktype" not in data["body"][2]["value"]
    image = body["image"]["image"]
    assert image["renditions"]["medium"]["url"].startswith("/media/images/")
    assert image["alt"].startswith("Mô tả ảnh")
    assert body["document"]["document"]["file_extension"] == "pdf"
    assert body["key_facts"]["facts"] == [{"label": "Năm", "value": "2022"}]
    assert body["video"]["url"].startswith("https://www.youtube.com/watch?v=demo")
    assert body["video"]["html"].startswith("<iframe")


@pytest.mark.django_db
def test_listing_rich_text_links_resolve_like_detail(client, rich_campaigns):
    page = rich_campaigns(2)[0]
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    listing = client.get(LISTING.format(limit=10)).json()
    listed = next(item for item in listing["items"] if item["id"] == page.pk)
    assert listed["body"] == detail["body"]
    assert listed["hero_image"] == detail["hero_image"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fixture", ["draft_campaign", "private_campaign", "unpublished_campaign"]
)
def test_non_public_pages_never_appear(client, request, make_campaign, fixture):
    make_campaign("Trang công khai")
    hidden = request.getfixturevalue(fixture)

    for url in (
        "/api/v2/pages/",
        "/api/v2/pages/?type=campaigns.CampaignPage&fields=*",
        f"/api/v2/pages/?child_of={hidden.get_parent().pk}",
        f"/api/v2/pages/?search={hidden.title.split()[-1]}",
    ):
        response = client.get(url)
        assert response.status_code == 200
        ids = [item["id"] for item in response.json()["items"]]
        assert hidden.pk not in ids, url
        assert hidden.title not in response.content.decode()
    assert client.get(f"/api/v2/pages/{hidden.pk}/").status_code == 404


@pytest.mark.django_db
def test_v3_page_detail_serves_campaign_fields(client, rich_campaigns):
    page = rich_campaigns(1)[0]
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    data = response.json()
    assert data["meta"]["type"] == "campaigns.CampaignPage"
    assert data["hero_image"]["renditions"]["large"]["url"].startswith("/media/")
    assert any(block["type"] == "image" for block in data["body"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "fixture", ["draft_campaign", "private_campaign", "unpublished_campaign"]
)
def test_v3_hides_non_public_pages(client, request, fixture):
    hidden = request.getfixturevalue(fixture)
    assert client.get(f"/api/v3/pages/{hidden.pk}/").status_code == 404
    listing = client.get("/api/v3/pages/?limit=100")
    assert listing.status_code == 200
    assert hidden.title not in listing.content.decode()
