"""RSS/Atom feeds, sitemap.xml and robots.txt list public pages only."""

import pytest


@pytest.fixture
def pages(make_campaign, draft_campaign, private_campaign, unpublished_campaign):
    public = make_campaign("Chiến dịch công khai", tags=("lao-dong", "sang-tao"))
    return {
        "public": public,
        "hidden": [draft_campaign, private_campaign, unpublished_campaign],
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("suffix", "content_type"),
    [("rss/", "application/rss+xml"), ("atom/", "application/atom+xml")],
)
def test_feed_lists_public_campaigns_only(
    client, campaign_index, pages, suffix, content_type
):
    response = client.get(campaign_index.url + suffix)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    body = response.content.decode()
    assert pages["public"].title in body
    assert "Tóm tắt chiến dịch." in body
    assert "sang-tao" in body
    for hidden in pages["hidden"]:
        assert hidden.title not in body
        assert hidden.slug not in body


@pytest.mark.django_db
def test_sitemap_lists_public_pages_only(client, campaign_index, pages):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    assert pages["public"].slug in body
    assert campaign_index.slug in body
    for hidden in pages["hidden"]:
        assert hidden.slug not in body


@pytest.mark.django_db
def test_robots_txt_points_to_sitemap_and_hides_admin(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    # From the site record (localhost), not the host the request named.
    assert "Sitemap: http://localhost/sitemap.xml" in body
