"""A comment's times read the same everywhere: local time, Asia/Ho_Chi_Minh (issue 16).

The comment is pinned near a day boundary, where UTC and local time fall on
different days: posted at 23:30 on 1 March (16:30 UTC), answered at 00:30 on
2 March (17:30 UTC, still 1 March in UTC).
"""

import csv
import io
import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import formats, translation
from openpyxl import load_workbook

from campaigns.models import Comment, CommentStatus
from tests.conftest import get_page, make_comment

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
POSTED = datetime(2026, 3, 1, 23, 30, tzinfo=LOCAL)
REPLIED = datetime(2026, 3, 2, 0, 30, tzinfo=LOCAL)


def url(name, *args):
    return reverse(Comment.snippet_viewset.get_url_name(name), args=args)


def admin_format(value) -> str:
    """``value`` as the Vietnamese admin prints a date and time."""
    with translation.override("vi"):
        return formats.date_format(value, "DATETIME_FORMAT")


@pytest.fixture
def comment(make_campaign):
    return make_comment(
        make_campaign("Chiến dịch có ý kiến lúc nửa đêm"),
        status=CommentStatus.APPROVED,
        created_at=POSTED,
        moderated_at=REPLIED,
        reply="Ban biên tập xin trả lời.",
        reply_at=REPLIED,
        email="ban.doc@example.vn",
    )


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.mark.django_db
def test_inspect_and_edit_views_show_the_same_local_time(moderator_client, comment):
    inspect = moderator_client.get(url("inspect", comment.pk)).content.decode()
    edit = moderator_client.get(url("edit", comment.pk)).content.decode()
    for html in (inspect, edit):
        assert admin_format(POSTED) in html  # 23:30, 1 March
        assert admin_format(REPLIED) in html  # 00:30, 2 March
        assert admin_format(POSTED.astimezone(UTC)) not in html
        assert admin_format(REPLIED.astimezone(UTC)) not in html


@pytest.mark.django_db
def test_queue_shows_the_local_time(moderator_client, comment):
    html = moderator_client.get(url("list")).content.decode()
    assert f'data-w-tooltip-content-value="{admin_format(POSTED)}"' in html
    assert 'datetime="2026-03-01T23:30:00+07:00"' in html


@pytest.mark.django_db
def test_public_page_shows_the_local_time(client, comment):
    html = get_page(client, comment.page).content.decode()
    assert 'datetime="2026-03-01T23:30:00+0700">01/03/2026 23:30</time>' in html
    assert 'datetime="2026-03-02T00:30:00+0700">02/03/2026 00:30</time>' in html


@pytest.mark.django_db
def test_queue_csv_export_has_local_times_and_names_the_zone(moderator_client, comment):
    response = moderator_client.get(url("list"), {"export": "csv"})
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")
    header, row = csv.reader(io.StringIO(body.decode("utf-8-sig")))
    posted = header.index("Gửi lúc (Asia/Ho_Chi_Minh)")
    assert row[posted] == "2026-03-01 23:30:00"


@pytest.mark.django_db
def test_queue_xlsx_export_has_local_times_and_names_the_zone(
    moderator_client, comment
):
    response = moderator_client.get(url("list"), {"export": "xlsx"})
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, row = workbook.active.iter_rows(values_only=True)
    posted = header.index("Gửi lúc (Asia/Ho_Chi_Minh)")
    assert row[posted] == datetime(2026, 3, 1, 23, 30)


@pytest.mark.django_db
def test_data_subject_export_gives_times_with_the_local_offset(
    moderator_client, comment
):
    response = moderator_client.post(
        url("data_request"), {"email": comment.email, "action": "json"}
    )
    [record] = json.loads(response.content)["comments"]
    assert record["posted_at"] == "2026-03-01T23:30:00+07:00"
    assert record["reply_at"] == "2026-03-02T00:30:00+07:00"
