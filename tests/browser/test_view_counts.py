"""A reader's visit moves "Lượt xem" and the footer's visitor figures (issue 6)."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.models.stats import DEFAULT_LEGACY_VISITS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

DESKTOP_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36"
)
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A556E) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36"
)
#: A whole number grouped with dots, as Vietnamese writes it: "66.534.667".
VIETNAMESE_GROUPED = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def is_beacon(page_id):
    return lambda response: (
        response.request.method == "POST"
        and response.url.endswith(f"/api/v3/pages/{page_id}/views/")
    )


def visit(page, url, page_id):
    """Open ``url`` and return the answer to the view beacon it sends."""
    with page.expect_response(is_beacon(page_id)) as beacon:
        response = page.goto(url)
    assert response.status == 200
    return beacon.value


def test_reader_visit_is_counted_once_per_visitor(new_context, make_campaign):
    campaign = make_campaign("Phòng chống sốt xuất huyết mùa mưa")
    context = new_context(user_agent=DESKTOP_UA)
    reader = context.new_page()

    beacon = visit(reader, campaign.url, campaign.pk)
    assert beacon.status == 200
    assert beacon.json() == {"view_count": 1}
    assert "set-cookie" not in beacon.all_headers()
    views = reader.locator("[data-view-count]")
    expect(views).to_have_text("1")
    expect(reader.locator(".article__views")).to_contain_text("Lượt xem")

    # The footer widget is filled in after the beacon, so it includes this visit.
    widget = reader.locator("[data-visitor-stats]")
    today = widget.locator('[data-visitor-stat="today"]')
    expect(today).to_have_text(re.compile(r"^[1-9]"))
    total = widget.locator('[data-visitor-stat="total"]').inner_text()
    assert VIETNAMESE_GROUPED.match(total), total
    assert int(total.replace(".", "")) >= DEFAULT_LEGACY_VISITS + 1
    for label in (
        "Thống kê truy cập",
        "Đang truy cập",
        "Hôm nay",
        "Tổng lượt truy cập",
    ):
        expect(widget).to_contain_text(label)

    # The same visitor again within 30 minutes: not counted.
    beacon = visit(reader, campaign.url, campaign.pk)
    assert beacon.status == 202
    assert beacon.json() == {"view_count": 1}
    expect(views).to_have_text("1")

    # Nothing was stored in the browser to recognise the reader.
    assert context.cookies() == []

    # Another browser (another User-Agent) behind the same address: a new visitor.
    other = new_context(user_agent=PHONE_UA).new_page()
    beacon = visit(other, campaign.url, campaign.pk)
    assert beacon.status == 200
    expect(other.locator("[data-view-count]")).to_have_text("2")

    reader.reload()
    expect(views).to_have_text("2")
