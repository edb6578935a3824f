"""The beacon and the visitor statistics on the v3 API (issue 6)."""

import pytest

from tests.test_view_counting import BROWSER, GOOGLEBOT

pytestmark = pytest.mark.django_db


def send_beacon(client, page_id, address="203.0.113.7", agent=BROWSER):
    return client.post(
        f"/api/v3/pages/{page_id}/views/",
        REMOTE_ADDR=address,
        HTTP_USER_AGENT=agent,
    )


def test_beacon_counts_once_then_answers_202(client, make_campaign):
    page = make_campaign("Đếm lượt xem")
    first = send_beacon(client, page.pk)
    assert first.status_code == 200
    assert first.json() == {"view_count": 1}
    assert "no-store" in first["Cache-Control"]
    again = send_beacon(client, page.pk)
    assert again.status_code == 202
    assert again.json() == {"view_count": 1}
    assert "Set-Cookie" not in again


def test_bot_gets_202_and_no_count(client, make_campaign):
    page = make_campaign("Bot")
    response = send_beacon(client, page.pk, agent=GOOGLEBOT)
    assert response.status_code == 202
    assert response.json() == {"view_count": 0}


@pytest.mark.parametrize("page_id", ["0", "987654", "99999999999999999999"])
def test_unknown_pages_are_404(client, home_page, page_id):
    response = send_beacon(client, page_id)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_draft_and_private_pages_are_404(client, draft_campaign, private_campaign):
    for page in (draft_campaign, private_campaign):
        assert send_beacon(client, page.pk).status_code == 404


def test_a_logged_in_editor_gets_nothing_more(client, admin_user, draft_campaign):
    client.force_login(admin_user)
    assert send_beacon(client, draft_campaign.pk).status_code == 404


def test_get_is_not_a_beacon(client, make_campaign):
    page = make_campaign("Chỉ POST")
    assert client.get(f"/api/v3/pages/{page.pk}/views/").status_code == 405


def test_visitor_statistics(client, make_campaign):
    page = make_campaign("Thống kê")
    send_beacon(client, page.pk, address="192.0.2.1")
    send_beacon(client, page.pk, address="192.0.2.2")
    response = client.get("/api/v3/stats/visitors/")
    assert response.status_code == 200
    assert response.json() == {
        "online": 2,
        "today": 2,
        "this_week": 2,
        "total": 66_534_666 + 2,
    }
    assert "max-age=15" in response["Cache-Control"]


def test_legacy_offset_is_a_site_setting(client, site):
    from campaigns.models import VisitorStatisticsSettings

    settings = VisitorStatisticsSettings.for_site(site)
    settings.legacy_visits = 1000
    settings.save()
    assert client.get("/api/v3/stats/visitors/").json()["total"] == 1000


def test_both_operations_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    assert "post" in paths["/api/v3/pages/{page_id}/views/"]
    assert "get" in paths["/api/v3/stats/visitors/"]


def test_view_count_in_v2_listing_and_detail_and_v3_detail(client, make_campaign):
    from campaigns.models import PageViewCount

    page = make_campaign("Có lượt xem")
    other = make_campaign("Trang khác")
    PageViewCount.objects.create(page=page, legacy_views=490)
    send_beacon(client, page.pk)
    listing = client.get(
        "/api/v2/pages/?type=campaigns.CampaignPage&fields=view_count"
    ).json()
    counts = {item["id"]: item["view_count"] for item in listing["items"]}
    assert counts == {page.pk: 491, other.pk: 0}
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["view_count"] == 491
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["view_count"] == 491


def test_view_count_listing_costs_the_same_for_one_page_or_many(client, make_campaign):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(6):
        make_campaign(f"Trang {n}")
    url = "/api/v2/pages/?type=campaigns.CampaignPage&fields=view_count&limit={}"
    client.get(url.format(1))
    with CaptureQueriesContext(connection) as one:
        client.get(url.format(1))
    with CaptureQueriesContext(connection) as six:
        client.get(url.format(6))
    assert len(six) == len(one)
