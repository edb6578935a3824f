"""The admin report "Visitor statistics" (issue 6): ranking, period, exports, chart."""

import csv
import io
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Site

from campaigns.models import DailyVisits, PageDailyViews, PageViewCount

URL = "/admin/reports/visitor-statistics/"


def daily(page, days_ago, views):
    day = timezone.localdate() - timedelta(days=days_ago)
    PageDailyViews.objects.create(page=page, day=day, views=views)


@pytest.fixture
def pages(make_campaign):
    """Three pages: "recent" leads the last week, "older" leads the last 30 days."""
    recent = make_campaign("Tin mới trong tuần")
    older = make_campaign("Tin tháng trước")
    quiet = make_campaign("Trang ít người xem")
    daily(recent, 0, 40)
    daily(recent, 3, 20)
    daily(older, 10, 100)
    daily(older, 60, 500)
    daily(quiet, 2, 5)
    PageViewCount.objects.create(page=recent, views=60, legacy_views=0)
    PageViewCount.objects.create(page=older, views=600, legacy_views=490)
    PageViewCount.objects.create(page=quiet, views=5)
    return recent, older, quiet


def titles_in_order(response, candidates):
    html = response.content.decode()
    found = [(html.find(title), title) for title in candidates if title in html]
    return [title for _, title in sorted(found)]


def test_menu_item_leads_to_the_report(admin_client):
    assert reverse("campaigns_visitor_statistics") == URL
    response = admin_client.get("/admin/")
    assert URL in response.content.decode()


def test_pages_are_ranked_by_views_in_the_default_30_days(admin_client, pages):
    response = admin_client.get(URL)
    assert response.status_code == 200
    titles = ["Tin mới trong tuần", "Tin tháng trước", "Trang ít người xem"]
    assert titles_in_order(response, titles) == [
        "Tin tháng trước",
        "Tin mới trong tuần",
        "Trang ít người xem",
    ]


def test_the_period_shown_chosen_is_the_one_counted(admin_client, pages):
    # Without ?period= the figures cover 30 days: the select must say so, or
    # changing the site would quietly send the first choice (7 days).
    html = admin_client.get(URL).content.decode()
    select = re.search(r'<select name="period".*?</select>', html, re.DOTALL).group()
    chosen = re.findall(r'<option value="(\d+)"[^>]*selected', select)
    assert chosen == ["30"]


def test_period_filter_changes_the_ranking(admin_client, pages):
    response = admin_client.get(URL, {"period": "7"})
    titles = ["Tin mới trong tuần", "Tin tháng trước", "Trang ít người xem"]
    # "older" had no view in the last 7 days, so it is not listed.
    assert titles_in_order(response, titles) == [
        "Tin mới trong tuần",
        "Trang ít người xem",
    ]
    response = admin_client.get(URL, {"period": "90"})
    assert titles_in_order(response, titles)[0] == "Tin tháng trước"


def test_custom_range_counts_only_its_days(admin_client, pages):
    today = timezone.localdate()
    start = (today - timedelta(days=61)).isoformat()
    end = (today - timedelta(days=59)).isoformat()
    response = admin_client.get(
        URL, {"days_from": start, "days_to": end, "export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(_content(response).decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Tin tháng trước"]
    assert rows[1][3] == "500"


def test_csv_export_has_the_ranked_rows(admin_client, pages):
    response = admin_client.get(URL, {"period": "30", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "visitor-statistics-" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(_content(response).decode("utf-8-sig"))))
    header, *body = rows
    assert len(header) == 7
    assert [(row[0], row[3], row[4], row[5], row[6]) for row in body] == [
        ("Tin tháng trước", "100", "600", "490", "1090"),
        ("Tin mới trong tuần", "60", "60", "0", "60"),
        ("Trang ít người xem", "5", "5", "0", "5"),
    ]
    assert body[0][1].startswith("http") and body[0][1].endswith("/")


def test_xlsx_export_has_the_ranked_rows(admin_client, pages):
    response = admin_client.get(URL, {"period": "7", "export": "xlsx"})
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert [(row[0], row[3], row[6]) for row in rows[1:]] == [
        ("Tin mới trong tuần", 60, 60),
        ("Trang ít người xem", 5, 5),
    ]


@pytest.mark.parametrize(("period", "points"), [("7", 30), ("30", 30), ("90", 90)])
def test_chart_has_one_point_per_day_and_series(
    admin_client, home_page, period, points
):
    today = timezone.localdate()
    DailyVisits.objects.create(
        site=Site.objects.get(is_default_site=True), day=today, visits=120, views=300
    )
    DailyVisits.objects.create(
        site=Site.objects.get(is_default_site=True),
        day=today - timedelta(days=5),
        visits=1234,
        views=4321,
    )
    response = admin_client.get(URL, {"period": period})
    html = response.content.decode()
    svg = re.search(r"<svg class=\"visitor-chart\".*?</svg>", html, re.S)[0]
    assert f'data-days="{points}"' in svg
    assert svg.count('data-series="visits"') == points
    assert svg.count('data-series="views"') == points
    assert '<title id="visitor-chart-title">' in svg
    assert '<desc id="visitor-chart-desc">' in svg
    # Coordinates keep a decimal point whatever the language's number format.
    assert re.search(r'cx="\d+\.\d"', svg)
    assert "<details" in html and "<summary>" in html
    table = html[html.index("<details") :]
    assert table.count('<th scope="row">') == points


def test_chart_works_when_nothing_was_counted(admin_client, home_page):
    response = admin_client.get(URL)
    assert response.status_code == 200
    assert 'data-series="visits"' in response.content.decode()


def test_anonymous_visitor_is_sent_to_login(client, pages):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    response = client.get(URL, {"export": "csv"})
    assert response.status_code == 302


def test_editor_without_the_permission_is_refused(client, django_user_model, pages):
    user = django_user_model.objects.create_user("editor", "e@example.gov.vn", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    for query in ({}, {"export": "csv"}, {"export": "xlsx"}):
        response = client.get(URL, query)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
    results = client.get(URL + "results/")
    assert results.status_code == 302
    assert URL not in client.get("/admin/").content.decode()


@pytest.mark.parametrize("member", ["moderator", "officer"])
def test_moderators_and_officers_may_read_it(client, request, pages, member):
    user = request.getfixturevalue(member)
    assert user.has_perm("campaigns.view_statistics")
    client.force_login(user)
    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()


def test_the_permission_is_granted_by_campaigns_setup_to_two_groups(db):
    permission = Permission.objects.get(codename="view_statistics")
    assert set(permission.group_set.values_list("name", flat=True)) == {
        "Campaign moderators",
        "Communications officers",
    }


def test_page_titles_are_escaped(admin_client, make_campaign):
    page = make_campaign('<script>alert("x")</script> Tiêu đề')
    daily(page, 1, 7)
    response = admin_client.get(URL)
    html = response.content.decode()
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert" in html


# -- Exports and the partial day, with "today" pinned -------------------------

#: 23:30 on 1 March in Viet Nam, 16:30 UTC: "today" is 1 March, not 2 March.
NOW = datetime(2026, 3, 1, 23, 30, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
TODAY = date(2026, 3, 1)
BOM = b"\xef\xbb\xbf"
PARTIAL = "Hôm nay, số liệu tính đến hiện tại"


@pytest.fixture
def pinned_today():
    with time_machine.travel(NOW, tick=False):
        yield TODAY


@pytest.fixture
def days_counted(pinned_today, home_page):
    site = Site.objects.get(is_default_site=True)
    yesterday = TODAY - timedelta(days=1)
    DailyVisits.objects.create(site=site, day=yesterday, visits=1850, views=3100)
    DailyVisits.objects.create(site=site, day=TODAY, visits=12, views=20)
    return site


def _content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_csv_export_starts_with_a_bom_for_excel(admin_client, days_counted, pages):
    response = admin_client.get(URL, {"export": "csv"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = _content(response)
    assert body.startswith(BOM)
    header, *rows = csv.reader(io.StringIO(body[len(BOM) :].decode("utf-8")))
    assert header[0] == "Tiêu đề"
    assert [row[0] for row in rows] == [
        "Tin tháng trước",
        "Tin mới trong tuần",
        "Trang ít người xem",
    ]


def test_csv_daily_table_holds_the_charts_days(admin_client, days_counted):
    response = admin_client.get(URL, {"export": "csv", "table": "daily"})
    assert (
        "visitor-statistics-daily-2026-01-31-2026-03-01.csv"
        in (response["Content-Disposition"])
    )
    body = _content(response)
    assert body.startswith(BOM)
    header, *rows = csv.reader(io.StringIO(body[len(BOM) :].decode("utf-8")))
    assert header == ["Ngày", "Lượt truy cập", "Lượt xem", "Ghi chú"]
    assert len(rows) == 30  # the chart's 30 days
    assert rows[0] == ["2026-01-31", "0", "0", ""]
    assert rows[-2] == ["2026-02-28", "1850", "3100", ""]
    assert rows[-1] == ["2026-03-01", "12", "20", PARTIAL]


def test_report_offers_the_daily_table_download(admin_client, days_counted):
    html = admin_client.get(URL, {"period": "7"}).content.decode()
    assert "Tải số liệu theo ngày (CSV)" in html
    assert "period=7&amp;export=csv&amp;table=daily" in html
    assert "period=7&amp;export=xlsx" in html


def test_xlsx_export_has_a_sheet_of_pages_and_one_of_days(
    admin_client, days_counted, pages
):
    response = admin_client.get(URL, {"period": "7", "export": "xlsx"})
    workbook = load_workbook(io.BytesIO(_content(response)))
    assert workbook.sheetnames == ["Trang được xem nhiều nhất", "Số liệu theo ngày"]
    pages_sheet, days_sheet = workbook.worksheets
    assert [row[0] for row in pages_sheet.iter_rows(min_row=2, values_only=True)] == [
        "Tin mới trong tuần",
        "Trang ít người xem",
    ]
    header, *rows = days_sheet.iter_rows(values_only=True)
    assert header == ("Ngày", "Lượt truy cập", "Lượt xem", "Ghi chú")
    assert len(rows) == 30
    assert rows[-2][:3] == (date(2026, 2, 28), 1850, 3100)
    assert rows[-1] == (date(2026, 3, 1), 12, 20, PARTIAL)


def test_chart_labels_todays_point_as_partial(admin_client, days_counted):
    html = admin_client.get(URL).content.decode()
    svg = re.search(r"<svg class=\"visitor-chart\".*?</svg>", html, re.S)[0]
    assert PARTIAL in svg
    partial = re.findall(r"<circle [^>]*data-partial[^>]*>", svg)
    assert len(partial) == 2  # one per series, the last
    assert svg.count("<polyline data-partial") == 2
    assert f"01-03-2026 ({PARTIAL[0].lower()}{PARTIAL[1:]})" in html  # the table


def test_chart_of_a_past_range_has_no_partial_point(admin_client, days_counted):
    html = admin_client.get(
        URL, {"days_from": "2026-01-01", "days_to": "2026-02-28"}
    ).content.decode()
    assert 'data-series="visits"' in html
    assert "data-partial" not in html
    assert PARTIAL not in html
