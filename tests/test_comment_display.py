"""Approved comments under campaign and video articles, with the agency's reply."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from campaigns import conf
from campaigns.generation import bump_content_generation
from campaigns.models import Comment, CommentStatus
from tests.conftest import make_comment

APPROVED = CommentStatus.APPROVED


def english_edition(page):
    """``page`` translated to English with its parents, all published."""
    english, _ = Locale.objects.get_or_create(language_code="en")
    translated = page.copy_for_translation(english, copy_parents=True)
    for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


def _html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _approved(page, count, **fields):
    start = timezone.now() - timedelta(days=1)
    return [
        make_comment(
            page,
            status=APPROVED,
            title=f"Ý kiến thứ {number:03d}",
            created_at=start + timedelta(minutes=number),
            **fields,
        )
        for number in range(count)
    ]


def _comment_titles(html):
    return re.findall(r'class="comment__title"[^>]*>([^<]+)<', html)


@pytest.mark.django_db
def test_approved_comments_are_listed_oldest_first_with_the_count(
    client, make_campaign
):
    page = make_campaign()
    make_comment(
        page,
        status=APPROVED,
        name="Trần Thị Bình",
        title="Ý kiến sau",
        content="Nội dung sau",
        created_at=timezone.now() - timedelta(hours=1),
    )
    make_comment(
        page,
        status=APPROVED,
        name="Lê Văn Cường",
        title="Ý kiến trước",
        content="Nội dung trước",
        created_at=timezone.now() - timedelta(hours=2),
    )
    make_comment(page, status=APPROVED, title="Ý kiến thứ ba")

    html = _html(client, page.url)

    assert "Ý kiến bạn đọc" in html
    assert "3 ý kiến" in html
    assert _comment_titles(html) == ["Ý kiến trước", "Ý kiến sau", "Ý kiến thứ ba"]
    assert "Trần Thị Bình" in html and "Nội dung sau" in html


@pytest.mark.django_db
def test_pending_rejected_and_spam_comments_are_never_shown(client, make_campaign):
    page = make_campaign()
    make_comment(page, status=APPROVED, title="Ý kiến đã duyệt")
    for status in (CommentStatus.PENDING, CommentStatus.REJECTED, CommentStatus.SPAM):
        make_comment(
            page, status=status, title=f"Ẩn {status}", content=f"Nội dung {status}"
        )

    html = _html(client, page.url)

    assert "Ý kiến đã duyệt" in html
    assert "1 ý kiến" in html
    for status in ("pending", "rejected", "spam"):
        assert f"Ẩn {status}" not in html and f"Nội dung {status}" not in html


@pytest.mark.django_db
def test_email_ip_hash_and_moderation_note_are_never_shown(client, make_campaign):
    page = make_campaign()
    make_comment(
        page,
        status=APPROVED,
        email="ban.doc.bi.mat@example.vn",
        ip_hash="f" * 64,
        moderation_note="Ghi chú nội bộ của kiểm duyệt viên",
    )

    html = _html(client, page.url)

    assert "ban.doc.bi.mat" not in html
    assert "f" * 64 not in html
    assert "Ghi chú nội bộ" not in html


@pytest.mark.django_db
def test_official_reply_is_shown_under_its_comment_and_labelled(client, make_campaign):
    page = make_campaign()
    make_comment(
        page,
        status=APPROVED,
        title="Hỏi về thời gian",
        reply="Ban tổ chức trả lời: hạn chót là 30/6.",
        reply_at=timezone.now(),
    )
    make_comment(page, status=APPROVED, title="Không có trả lời")

    html = _html(client, page.url)

    question = html.index("Hỏi về thời gian")
    label = html.index("Phản hồi của Ban biên tập")
    answer = html.index("Ban tổ chức trả lời: hạn chót là 30/6.")
    assert question < label < answer < html.index("Không có trả lời")
    assert html.count("Phản hồi của Ban biên tập") == 1


@pytest.mark.django_db
def test_comment_and_reply_times_are_valid_html_datetimes_in_local_time(
    client, make_campaign
):
    # Microseconds (what ``date:'c'`` writes) are not a valid HTML datetime.
    page = make_campaign()
    posted = timezone.now().replace(microsecond=123456)
    make_comment(
        page,
        status=APPROVED,
        created_at=posted,
        reply="Đã tiếp nhận.",
        reply_at=posted + timedelta(hours=1),
    )
    html = _html(client, page.url)
    stamps = re.findall(r'<time[^>]*datetime="([^"]+)"', html)
    comment_stamps = [stamp for stamp in stamps if "T" in stamp]  # not page dates
    assert len(comment_stamps) == 2
    local = timezone.localtime(posted)
    assert local.strftime("%Y-%m-%dT%H:%M:%S+0700") in comment_stamps
    assert all(
        re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4}", stamp)
        for stamp in comment_stamps
    ), comment_stamps


@pytest.mark.django_db
def test_reply_is_labelled_in_english_on_an_english_article(client, make_campaign):
    english = english_edition(make_campaign())
    make_comment(english, status=APPROVED, reply="Thank you for writing.")

    html = _html(client, english.url)

    assert english.url.startswith("/en/")
    assert "Reply from the editorial office" in html
    assert "1 comment" in html and "Readers' comments" in html


@pytest.mark.django_db
def test_comment_text_keeps_its_line_breaks_and_is_escaped(client, make_campaign):
    page = make_campaign()
    make_comment(
        page,
        status=APPROVED,
        name="<b>Tên</b>",
        title="<i>Tiêu đề</i>",
        content="Dòng một\nDòng <script>alert(1)</script> hai",
        reply="Trả lời <img src=x onerror=alert(2)>\nDòng cuối",
    )

    html = _html(client, page.url)

    assert "Dòng một<br>Dòng &lt;script&gt;alert(1)&lt;/script&gt; hai" in html
    assert "Trả lời &lt;img src=x onerror=alert(2)&gt;<br>Dòng cuối" in html
    assert "&lt;b&gt;Tên&lt;/b&gt;" in html and "&lt;i&gt;Tiêu đề&lt;/i&gt;" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html


@pytest.mark.django_db
def test_comments_are_paginated_by_the_comments_parameter(client, make_campaign):
    page = make_campaign()
    per_page = conf.COMMENTS_PER_PAGE
    _approved(page, per_page + 3)

    first = _html(client, page.url)
    second = _html(client, f"{page.url}?comments=2")

    assert _comment_titles(first) == [f"Ý kiến thứ {n:03d}" for n in range(per_page)]
    assert _comment_titles(second) == [
        f"Ý kiến thứ {n:03d}" for n in range(per_page, per_page + 3)
    ]
    assert f"{per_page + 3} ý kiến" in second
    assert 'href="?comments=2#comments"' in first
    assert f'start="{per_page + 1}"' in second


@pytest.mark.django_db
@pytest.mark.parametrize(
    "value", ["abc", "0", "-1", "1.5", "２", "9" * 40, "<script>", "", "1e3"]
)
def test_garbage_comment_page_gives_the_first_page(client, make_campaign, value):
    page = make_campaign()
    _approved(page, conf.COMMENTS_PER_PAGE + 1)

    response = client.get(page.url, {"comments": value})

    assert response.status_code == 200
    titles = _comment_titles(response.content.decode())
    assert titles[0] == "Ý kiến thứ 000"


@pytest.mark.django_db
def test_comment_page_past_the_end_gives_the_last_page(client, make_campaign):
    page = make_campaign()
    _approved(page, conf.COMMENTS_PER_PAGE + 1)

    html = _html(client, f"{page.url}?comments=999")

    assert _comment_titles(html) == [f"Ý kiến thứ {conf.COMMENTS_PER_PAGE:03d}"]


@pytest.mark.django_db
def test_video_story_lists_its_approved_comments(client, make_video_story):
    story = make_video_story()
    make_comment(
        story, status=APPROVED, title="Phóng sự rất hay", reply="Cảm ơn bạn đọc."
    )
    make_comment(story, title="Đang chờ duyệt")

    html = _html(client, story.url)

    assert "Phóng sự rất hay" in html and "Cảm ơn bạn đọc." in html
    assert "Phản hồi của Ban biên tập" in html
    assert "Đang chờ duyệt" not in html
    assert "1 ý kiến" in html


@pytest.mark.django_db
def test_comments_of_another_page_are_not_shown(client, make_campaign):
    page, other = make_campaign(), make_campaign()
    make_comment(other, status=APPROVED, title="Ý kiến trang khác")

    html = _html(client, page.url)

    assert "Ý kiến trang khác" not in html
    assert "Chưa có ý kiến nào" in html and "ý kiến</p>" not in html


@pytest.mark.django_db
def test_closed_page_says_so_and_offers_no_form(client, make_campaign):
    page = make_campaign(comments_close_at=timezone.now() - timedelta(days=1))
    make_comment(page, status=APPROVED, title="Ý kiến trước khi đóng")

    html = _html(client, page.url)

    assert "Ý kiến trước khi đóng" in html
    assert "Trang này đã ngừng nhận ý kiến." in html
    assert "data-comment-form" not in html


@pytest.mark.django_db
def test_page_with_comments_disabled_and_none_approved_has_no_comment_section(
    client, make_campaign
):
    page = make_campaign(comments_enabled=False)

    html = _html(client, page.url)

    assert 'id="comments"' not in html
    assert "data-comment-form" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("fragment_cache", [0, 600])
def test_comment_list_queries_do_not_grow_with_the_comments_shown(
    client, make_campaign, settings, fragment_cache
):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = fragment_cache
    few, many = make_campaign(), make_campaign()
    _approved(few, 1, reply="Trả lời.")
    _approved(many, 200, reply="Trả lời.")

    def comment_queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return [q["sql"] for q in captured if "campaigns_comment" in q["sql"]]

    for url in (few.url, many.url, f"{many.url}?comments=3"):
        queries = comment_queries(url)
        if fragment_cache:
            # Cold: the count and one slice; warm: nothing but page 3's count.
            assert len(queries) <= 3
            warm = comment_queries(url)
            assert len(warm) == (1 if "comments=3" in url else 0)
        else:
            assert len(queries) <= 3  # page 3 adds one count to clean its number


@pytest.mark.django_db
def test_whole_page_queries_are_the_same_with_1_or_200_comments(
    client, make_campaign, settings
):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 0
    page = make_campaign()
    _approved(page, 1)
    client.get(page.url)
    with CaptureQueriesContext(connection) as one:
        client.get(page.url)
    _approved(page, 199, reply="Trả lời chính thức.")
    with CaptureQueriesContext(connection) as two_hundred:
        html = client.get(page.url).content.decode()

    assert "200 ý kiến" in html
    assert len(two_hundred) == len(one)


@pytest.mark.django_db
def test_approving_a_comment_shows_it_on_the_cached_page(
    client, make_campaign, settings
):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600
    page = make_campaign()
    comment = make_comment(page, title="Ý kiến chờ duyệt")
    assert "Ý kiến chờ duyệt" not in _html(client, page.url)
    assert "Ý kiến chờ duyệt" not in _html(client, page.url)  # now from the cache

    Comment.objects.filter(pk=comment.pk).update(status=APPROVED)
    # Until moderation bumps the generation, readers get the cached fragment.
    assert "Ý kiến chờ duyệt" not in _html(client, page.url)
    bump_content_generation()

    html = _html(client, page.url)
    assert "Ý kiến chờ duyệt" in html and "1 ý kiến" in html


@pytest.mark.django_db
def test_each_comment_page_is_cached_under_its_own_key(client, make_campaign, settings):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600
    page = make_campaign()
    _approved(page, conf.COMMENTS_PER_PAGE + 1)

    first = _comment_titles(_html(client, page.url))
    second = _comment_titles(_html(client, f"{page.url}?comments=2"))
    garbage = _comment_titles(_html(client, f"{page.url}?comments=xyz"))

    assert first[0] == "Ý kiến thứ 000"
    assert second == [f"Ý kiến thứ {conf.COMMENTS_PER_PAGE:03d}"]
    assert garbage == first
