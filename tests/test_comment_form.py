"""The readers' comment form in HTML: every hostile case, through the form itself."""

import re
import shutil
import threading
from datetime import timedelta
from io import BytesIO

import pytest
import time_machine
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.core import signing
from django.db import connections
from django.test import Client
from django.utils import timezone
from PIL import Image

from campaigns.generation import bump_content_generation
from campaigns.models import Comment, CommentStatus
from tests.conftest import captcha_answer, make_comment
from tests.test_comment_display import english_edition

SUCCESS_VI = "Ý kiến của bạn đã được tiếp nhận và đang chờ kiểm duyệt"
SUCCESS_EN = "Your comment has been received and awaits moderation"


def page_url(page):
    return f"/comments/{page.pk}/"


def fragment_url(page):
    return f"/comments/{page.pk}/form/"


def comment_data(**fields):
    return {
        "name": "Nguyễn Văn An",
        "title": "Góp ý về chiến dịch",
        "content": "Tôi hoàn toàn ủng hộ phong trào này.\nXin cảm ơn.",
        **captcha_answer(),
        **fields,
    }


def assert_no_store(response):
    assert "no-store" in response["Cache-Control"]


def captcha_key_in(html):
    found = re.search(r'name="captcha_key" value="([0-9a-f]+)"', html)
    return found.group(1) if found else None


@pytest.fixture
def page(make_campaign):
    return make_campaign("Chiến dịch nhận ý kiến")


# --- The article stays cacheable -------------------------------------------------


@pytest.mark.django_db
def test_article_has_no_csrf_token_and_no_captcha_key(client, page):
    response = client.get(page.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in html and "captcha_key" not in html
    assert "/captcha/" not in html
    assert "csrftoken" not in response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert not CaptchaStore.objects.exists()
    assert f'data-comment-form="{fragment_url(page)}"' in html
    assert f'href="{page_url(page)}"' in html and "Viết ý kiến" in html
    assert 'src="/static/campaigns/js/comments.js"' in html


@pytest.mark.django_db
def test_video_article_links_to_its_form_without_token_or_key(client, make_video_story):
    story = make_video_story()
    html = client.get(story.url).content.decode()

    assert f'data-comment-form="{fragment_url(story)}"' in html
    assert "csrfmiddlewaretoken" not in html and "captcha_key" not in html
    assert client.get(fragment_url(story)).status_code == 200


# --- The form ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
def test_form_is_uncached_and_carries_its_token_and_a_new_captcha(client, page, url):
    response = client.get(url(page))
    html = response.content.decode()

    assert response.status_code == 200
    assert_no_store(response)
    assert "csrfmiddlewaretoken" in html
    key = captcha_key_in(html)
    assert CaptchaStore.objects.filter(hashkey=key).exists()
    assert f'src="/captcha/image/{key}/"' in html
    for label in ("Họ tên", "Tiêu đề", "Nội dung", "E-mail", "Mã kiểm tra"):
        assert label in html
    assert "Lấy mã khác" in html  # the refresh button
    assert 'data-refresh-url="/captcha/refresh/"' in html


@pytest.mark.django_db
def test_form_states_the_purpose_and_retention_of_the_data(client, page):
    html = client.get(fragment_url(page)).content.decode()

    assert "Nghị định 13/2023/NĐ-CP" in html
    assert "họ tên của bạn, tiêu đề, nội dung ý kiến và ngày gửi" in html
    assert "chỉ dùng nó để báo cho bạn khi Ban biên tập trả lời" in html
    assert "trong 30 ngày" in html  # IP hash retention
    assert "chậm nhất sau 365 ngày" in html  # e-mail retention


@pytest.mark.django_db
def test_honeypot_is_hidden_from_people(client, page):
    html = client.get(fragment_url(page)).content.decode()

    wrapper = re.search(r'<div class="comment-form__website"[^>]*>', html).group(0)
    assert 'aria-hidden="true"' in wrapper
    field = re.search(r'<input[^>]*name="website"[^>]*>', html).group(0)
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


@pytest.mark.django_db
def test_full_form_page_is_not_indexed_and_links_back_to_the_article(client, page):
    html = client.get(page_url(page)).content.decode()

    assert '<meta name="robots" content="noindex' in html
    assert 'rel="canonical"' not in html
    assert f'href="{page.url}"' in html and page.title in html


@pytest.mark.django_db
def test_no_audio_link_without_a_speech_engine(client, page, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_FLITE_PATH", None)

    html = client.get(fragment_url(page)).content.decode()

    assert "/captcha/audio/" not in html and "data-captcha-audio" not in html
    key = captcha_key_in(html)
    assert client.get(f"/captcha/audio/{key}.wav").status_code == 404


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng missing")
def test_audio_captcha_is_a_working_wav(client, page):
    html = client.get(fragment_url(page)).content.decode()
    key = captcha_key_in(html)
    assert f'href="/captcha/audio/{key}.wav"' in html

    response = client.get(f"/captcha/audio/{key}.wav")

    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    assert_no_store(response)
    body = b"".join(response.streaming_content)
    assert body[:4] == b"RIFF" and body[8:12] == b"WAVE" and len(body) > 1000


@pytest.mark.django_db
def test_english_article_gets_an_english_form(client, page):
    english = english_edition(page)

    response = client.get(fragment_url(english), HTTP_ACCEPT_LANGUAGE="vi")
    html = response.content.decode()

    assert response["Content-Language"] == "en"
    for text in ("Full name", "Title", "Verification code", "Send comment"):
        assert text in html
    assert "Decree 13/2023/NĐ-CP" in html and "Họ tên" not in html
    article = client.get(english.url).content.decode()
    assert "Write a comment" in article and "Viết ý kiến" not in article

    answer = client.post(page_url(english), comment_data(), follow=True)
    assert SUCCESS_EN in answer.content.decode()
    assert Comment.objects.get().locale.language_code == "en"


# --- Posting -----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
def test_valid_comment_is_stored_pending_and_the_reader_is_told(client, page, url):
    response = client.post(
        url(page),
        comment_data(email="ban.doc@example.vn"),
        REMOTE_ADDR="203.0.113.5",
        follow=True,
    )
    html = response.content.decode()

    assert response.status_code == 200
    assert_no_store(response)
    assert SUCCESS_VI in html
    assert 'class="comment-form"' not in html
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.page_id == page.pk and comment.locale_id == page.locale_id
    assert comment.email == "ban.doc@example.vn"
    assert comment.ip_hash and "203.0.113.5" not in comment.ip_hash


@pytest.mark.django_db
def test_wrong_captcha_is_refused_and_the_input_kept(client, page):
    data = comment_data(captcha_value="wrong")

    response = client.post(page_url(page), data)
    html = response.content.decode()

    assert response.status_code == 400
    assert_no_store(response)
    assert not Comment.objects.exists()
    assert "Mã kiểm tra sai hoặc đã hết hạn" in html
    assert 'value="Nguyễn Văn An"' in html and 'value="Góp ý về chiến dịch"' in html
    assert "Tôi hoàn toàn ủng hộ phong trào này.\nXin cảm ơn.</textarea>" in html
    new_key = captcha_key_in(html)
    assert new_key and new_key != data["captcha_key"]
    assert 'name="captcha_value"' in html and 'value="wrong"' not in html
    assert 'id="comment-captcha_value-error"' in html


@pytest.mark.django_db
def test_expired_captcha_is_refused(client, page):
    data = comment_data()
    CaptchaStore.objects.filter(hashkey=data["captcha_key"]).update(
        expiration=timezone.now() - timedelta(minutes=1)
    )

    response = client.post(page_url(page), data)

    assert response.status_code == 400
    assert "Mã kiểm tra sai hoặc đã hết hạn" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_reused_captcha_is_refused(client, page):
    data = comment_data()
    assert client.post(page_url(page), data).status_code == 303

    again = client.post(page_url(page), {**data, "content": "Một ý kiến khác hẳn."})

    assert again.status_code == 400
    assert "Mã kiểm tra sai hoặc đã hết hạn" in again.content.decode()
    assert Comment.objects.count() == 1


REQUIRED_VI = {
    "name": "Vui lòng nhập “Họ tên”.",
    "title": "Vui lòng nhập “Tiêu đề”.",
    "content": "Vui lòng nhập “Nội dung”.",
    "captcha_value": "Vui lòng nhập “Mã kiểm tra”.",
}


def error_summary(html) -> list[tuple[str, str]]:
    """The linked summary above the form: (target, message) per problem."""
    summary = re.search(r'<ul class="comment-notice__errors">(.*?)</ul>', html, re.S)
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary.group(1))


@pytest.mark.django_db
def test_missing_fields_get_one_message_each_naming_the_field(client, page):
    response = client.post(
        page_url(page), {"captcha_key": captcha_answer()["captcha_key"]}
    )
    html = response.content.decode()

    assert response.status_code == 400
    assert error_summary(html) == [
        (f"comment-{name}", message) for name, message in REQUIRED_VI.items()
    ]
    for name, message in REQUIRED_VI.items():
        shown = (
            f'<p class="comment-form__error" id="comment-{name}-error">{message}</p>'
        )
        assert shown in html
    # An empty code is only missing, not also wrong or expired.
    assert "sai hoặc đã hết hạn" not in html
    assert "Trường này là bắt buộc" not in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_english_form_names_the_fields_in_english(client, page):
    english = english_edition(page)

    html = client.post(
        page_url(english), {}, HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()

    assert [message for _, message in error_summary(html)] == [
        "Fill in “Full name”.",
        "Fill in “Title”.",
        "Fill in “Your comment”.",
        "Fill in “Verification code”.",
    ]
    assert "Vui lòng" not in html


def input_tag(html, name) -> str:
    return re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html).group(0)


@pytest.mark.django_db
def test_only_visible_fields_in_error_are_marked_and_described(client, page):
    data = comment_data(title="", captcha_value="")

    html = client.post(page_url(page), data).content.decode()

    assert 'aria-invalid="true"' in input_tag(html, "title")
    assert 'aria-invalid="true"' in input_tag(html, "captcha_value")
    for name in ("name", "content", "email", "captcha_key", "website"):
        assert "aria-invalid" not in input_tag(html, name)
    for name in ("captcha_key", "website"):
        assert "aria-describedby" not in input_tag(html, name)
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert len(re.findall(r' id="([^"]+)"', html)) == len(ids), "duplicate ids"
    described = re.findall(r'aria-describedby="([^"]+)"', html)
    assert described
    for target in " ".join(described).split():
        assert target in ids, f"aria-describedby points at nothing: {target}"
    assert '<form class="comment-form" method="post" novalidate' in html


@pytest.mark.django_db
def test_too_long_content_is_refused_with_its_length_and_kept(client, page):
    pasted = ("Ý kiến rất dài. " * 338)[:5400]

    response = client.post(page_url(page), comment_data(content=pasted))
    html = response.content.decode()

    assert response.status_code == 400
    assert (
        "“Nội dung” chỉ được dài tối đa 4.000 ký tự; nội dung đã nhập có 5.400 ký tự."
        in html
    )
    assert f"\n{pasted}</textarea>" in html  # kept whole, for the reader to shorten
    assert "maxlength" not in input_tag(html, "content")
    assert 'id="comment-content-counter"' in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_line_breaks_count_once_against_the_limit(client, page):
    # 3,999 characters in the browser's counter, 4,499 as sent (CRLF).
    content = "\r\n".join(["Ý kiến."] * 500)

    response = client.post(page_url(page), comment_data(content=content))

    assert response.status_code in (200, 303)
    assert Comment.objects.get().content == content.replace("\r\n", "\n")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("name", "A" * 81), ("title", "T" * 201), ("content", "C" * 4001)],
)
def test_oversize_field_is_refused(client, page, field, value):
    response = client.post(page_url(page), comment_data(**{field: value}))
    html = response.content.decode()

    assert response.status_code == 400
    assert f'id="comment-{field}-error"' in html
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
def test_body_over_64_kib_gets_413(client, page, url):
    data = comment_data(content="a" * (64 * 1024))  # with the other fields: > 64 KiB

    response = client.post(url(page), data)

    assert response.status_code == 413
    assert_no_store(response)
    assert "Ý kiến quá dài" in response.content.decode()
    assert not Comment.objects.exists()
    # The body was never read, so the challenge was not used up.
    assert CaptchaStore.objects.filter(hashkey=data["captcha_key"]).exists()


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["name", "title", "content"])
def test_nul_byte_is_refused(client, page, field):
    response = client.post(page_url(page), comment_data(**{field: "Xin\x00chào"}))

    assert response.status_code == 400
    assert "ký tự điều khiển" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_script_in_every_field_is_escaped_in_the_form_and_on_the_page(client, page):
    script = "<script>alert('x')</script>"
    hostile = {
        "name": f"An {script}",
        "title": f"Tiêu đề {script}",
        "content": f"Nội dung {script}",
        "email": f"{script}@example.vn",
        "website": "",
    }

    refused = client.post(page_url(page), comment_data(**hostile))
    refused_html = refused.content.decode()
    assert refused.status_code == 400  # the e-mail is not an address
    assert "<script>alert" not in refused_html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in refused_html

    accepted = client.post(page_url(page), comment_data(**{**hostile, "email": ""}))
    assert accepted.status_code == 303
    comment = Comment.objects.get()
    Comment.objects.filter(pk=comment.pk).update(
        status=CommentStatus.APPROVED, reply=f"Trả lời {script}"
    )
    bump_content_generation()

    html = client.get(page.url).content.decode()
    assert "<script>alert" not in html
    for text in ("An ", "Tiêu đề ", "Nội dung ", "Trả lời "):
        assert f"{text}&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_status_and_other_extra_fields_sent_by_the_client_are_ignored(client, page):
    response = client.post(
        page_url(page),
        comment_data(
            status="approved",
            reply="Phản hồi giả mạo",
            moderation_note="x",
            ip_hash="0" * 64,
            page=page.pk + 1000,
        ),
    )

    assert response.status_code == 303
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert comment.reply == "" and comment.moderation_note == ""
    assert comment.ip_hash != "0" * 64 and comment.page_id == page.pk
    assert 'class="comment-list"' not in client.get(page.url).content.decode()


@pytest.mark.django_db
def test_more_than_two_links_is_refused(client, page):
    content = "Xem https://a.example.vn, https://b.example.vn và www.c.example.vn"

    response = client.post(page_url(page), comment_data(content=content))

    assert response.status_code == 400
    assert "tối đa 2 liên kết" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_two_links_are_accepted(client, page):
    content = "Xem https://a.example.vn và https://b.example.vn"

    response = client.post(page_url(page), comment_data(content=content))

    assert response.status_code == 303
    assert Comment.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
def test_filled_honeypot_stores_nothing(client, page, url):
    response = client.post(url(page), comment_data(website="http://spam.example"))
    html = response.content.decode()

    assert response.status_code == 400
    assert not Comment.objects.exists()
    assert "Không thể tiếp nhận ý kiến của bạn." in html
    assert "spam.example" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
def test_rate_limit_gives_429_with_retry_after_and_keeps_the_input(
    client, page, settings, url
):
    settings.CAMPAIGNS_COMMENT_RATE_PER_CLIENT = "2/d"
    for number in range(2):
        sent = client.post(url(page), comment_data(content=f"Ý kiến số {number}"))
        assert sent.status_code == (303 if url is page_url else 200)

    response = client.post(url(page), comment_data(content="Ý kiến thứ ba"))
    html = response.content.decode()

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert_no_store(response)
    assert "Bạn đã gửi quá nhiều yêu cầu" in html
    assert "Ý kiến thứ ba</textarea>" in html
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_rate_limit_is_per_client(client, page, settings):
    settings.CAMPAIGNS_COMMENT_RATE_PER_CLIENT = "1/d"
    first = client.post(page_url(page), comment_data(), REMOTE_ADDR="198.51.100.1")
    other = client.post(page_url(page), comment_data(), REMOTE_ADDR="198.51.100.2")

    assert first.status_code == other.status_code == 303
    assert Comment.objects.count() == 2


@pytest.mark.django_db
def test_double_submit_stores_one_row(client, page):
    data = comment_data()
    first = client.post(page_url(page), data)
    # The same form sent again: its challenge is used up.
    same_form = client.post(page_url(page), data)
    # Sent again with a new challenge: the same comment is not stored twice.
    new_challenge = client.post(
        page_url(page), {**data, **captcha_answer()}, follow=True
    )

    assert first.status_code == 303
    assert same_form.status_code == 400
    assert new_challenge.status_code == 200
    assert SUCCESS_VI in new_challenge.content.decode()
    assert Comment.objects.count() == 1


# --- Without JavaScript: post, redirect, get ----------------------------------------


def sent_address(client, page, **fields) -> str:
    response = client.post(page_url(page), comment_data(**fields))
    assert response.status_code == 303
    return response["Location"]


@pytest.mark.django_db
def test_form_page_post_redirects_to_an_uncached_confirmation(client, page):
    address = sent_address(client, page, title="Xin thêm thùng rác")
    comment = Comment.objects.get()

    assert address.startswith(f"/comments/{page.pk}/sent/")
    assert str(comment.pk) != address.rstrip("/").rsplit("/", 1)[-1]
    for _ in range(2):  # a reload is a GET: nothing is sent again
        response = client.get(address)
        html = response.content.decode()
        assert response.status_code == 200
        assert_no_store(response)
        assert response["Referrer-Policy"] == "no-referrer"
        assert SUCCESS_VI in html and "Xin thêm thùng rác" in html
        assert '<meta name="robots" content="noindex' in html
        assert 'class="comment-form"' not in html
    assert Comment.objects.count() == 1
    assert client.post(address).status_code == 405


@pytest.mark.django_db
def test_fragment_post_still_answers_in_place(client, page):
    response = client.post(fragment_url(page), comment_data())

    assert response.status_code == 200
    assert SUCCESS_VI in response.content.decode()


@pytest.mark.django_db
def test_guessed_or_forged_confirmation_shows_no_pending_comment(
    client, page, make_campaign
):
    other = make_comment(page, title="Ý kiến riêng của người khác")
    address = sent_address(client, page)
    prefix = f"/comments/{page.pk}/sent/"
    token = address[len(prefix) : -1]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")

    for guess in (
        other.pk,  # an id, as /comments/<id>/ takes one
        tampered,
        signing.dumps(other.pk),  # signed by the portal, for another purpose
        signing.dumps(other.pk, salt="campaigns.comments", compress=True),
    ):
        response = client.get(f"{prefix}{guess}/")
        assert response.status_code == 404
        assert "Ý kiến riêng của người khác" not in response.content.decode()
    # A token names its comment's page: under another page it is not found.
    elsewhere = make_campaign("Chiến dịch khác")
    assert client.get(f"/comments/{elsewhere.pk}/sent/{token}/").status_code == 404


@pytest.mark.django_db
def test_confirmation_expires_and_hides_the_text_once_moderated(client, page):
    address = sent_address(client, page, title="Tiêu đề chờ duyệt")
    Comment.objects.update(status=CommentStatus.REJECTED)

    html = client.get(address).content.decode()
    assert "Tiêu đề chờ duyệt" not in html
    assert "đã được người kiểm duyệt xem xét" in html

    later = timezone.now() + timedelta(days=2)
    with time_machine.travel(later, tick=False):
        assert client.get(address).status_code == 404


@pytest.mark.django_db
def test_refresh_without_javascript_shows_a_new_code_and_keeps_the_text(client, page):
    data = comment_data(refresh_captcha="1", content="Đang viết dở")

    response = client.post(page_url(page), data)
    html = response.content.decode()

    assert response.status_code == 200
    assert_no_store(response)
    assert "Đang viết dở</textarea>" in html
    assert captcha_key_in(html) not in (None, data["captcha_key"])
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_csrf_is_checked_on_the_html_form(page):
    client = Client(enforce_csrf_checks=True)

    refused = client.post(fragment_url(page), comment_data())
    assert refused.status_code == 403
    assert not Comment.objects.exists()

    html = client.get(fragment_url(page)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    accepted = client.post(fragment_url(page), comment_data(csrfmiddlewaretoken=token))
    assert accepted.status_code == 200
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_logged_in_editor_gets_no_extra_right(admin_client, page):
    response = admin_client.post(page_url(page), comment_data(status="approved"))

    assert response.status_code == 303
    assert Comment.objects.get().status == CommentStatus.PENDING


# --- Pages that take no comments ---------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
@pytest.mark.parametrize("which", ["draft", "private", "unknown", "index"])
def test_form_of_a_non_public_page_is_404(
    client, draft_campaign, private_campaign, campaign_index, url, which
):
    target = {
        "draft": draft_campaign,
        "private": private_campaign,
        "index": campaign_index,
    }.get(which)
    address = url(target) if target else url(type("Missing", (), {"pk": 987654})())

    assert client.get(address).status_code == 404
    assert client.post(address, comment_data()).status_code == 404
    assert not Comment.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["0", "99999999999999999999", "2147483648"])
def test_form_of_an_impossible_page_id_is_404(client, page_id):
    for address in (f"/comments/{page_id}/", f"/comments/{page_id}/form/"):
        assert client.get(address).status_code == 404
        assert client.post(address, comment_data()).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", [page_url, fragment_url])
@pytest.mark.parametrize(
    "fields",
    [
        {"comments_enabled": False},
        {"comments_close_at": timezone.now() - timedelta(minutes=1)},
    ],
)
def test_closed_page_answers_403_with_the_reason(client, make_campaign, url, fields):
    page = make_campaign(**fields)

    shown = client.get(url(page))
    sent = client.post(url(page), comment_data())

    for response in (shown, sent):
        assert response.status_code == 403
        assert_no_store(response)
        html = response.content.decode()
        assert "Trang này đã ngừng nhận ý kiến." in html
        assert "<form" not in html.split("data-comment-area")[1]
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_blocked_poster_is_refused_with_403(client, page):
    from campaigns.clients import comment_ip_hash
    from campaigns.models import CommentBlock

    request = type("Request", (), {"META": {"REMOTE_ADDR": "192.0.2.44"}})()
    CommentBlock.objects.create(
        ip_hash=comment_ip_hash(request),
        blocked_until=timezone.now() + timedelta(days=1),
    )

    response = client.post(page_url(page), comment_data(), REMOTE_ADDR="192.0.2.44")

    assert response.status_code == 403
    assert "Không nhận ý kiến gửi từ kết nối của bạn." in response.content.decode()
    assert not Comment.objects.exists()


# --- The captcha endpoints ---------------------------------------------------------


@pytest.mark.django_db
def test_captcha_image_is_uncached(client, page):
    key = captcha_key_in(client.get(fragment_url(page)).content.decode())

    for address in (f"/captcha/image/{key}/", f"/captcha/image/{key}@2/"):
        response = client.get(address)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/png"
        assert_no_store(response)


@pytest.mark.django_db
def test_captcha_is_offered_at_each_density_on_a_canvas_of_that_density(client, page):
    html = client.get(fragment_url(page)).content.decode()
    key = captcha_key_in(html)

    base = f"/captcha/image/{key}/"
    double, triple = f"/captcha/image/{key}@2/", f"/captcha/image/{key}@3/"
    assert f'srcset="{base} 1x, {double} 2x, {triple} 3x"' in html
    assert 'width="150" height="50"' in html
    for scale, address in enumerate((base, double, triple), start=1):
        picture = Image.open(BytesIO(client.get(address).content))
        assert picture.size == (150 * scale, 50 * scale)
    assert client.get(f"/captcha/image/{key}@4/").status_code == 404
    assert client.get("/captcha/image/0123abcd@2/").status_code == 410


@pytest.mark.django_db
def test_captcha_refresh_gives_a_new_challenge_uncached(client):
    response = client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    assert response.status_code == 200
    assert_no_store(response)
    data = response.json()
    assert CaptchaStore.objects.filter(hashkey=data["key"]).exists()
    assert data["image_url"] == f"/captcha/image/{data['key']}/"


@pytest.mark.django_db
def test_captcha_endpoints_are_rate_limited(client, settings):
    settings.CAMPAIGNS_CAPTCHA_RATE_PER_CLIENT = "2/d"
    key = CaptchaStore.generate_key()
    assert client.get(f"/captcha/image/{key}/").status_code == 200
    assert client.get(f"/captcha/image/{key}/").status_code == 200

    response = client.get(f"/captcha/image/{key}/")

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert_no_store(response)


@pytest.mark.django_db
def test_new_forms_are_rate_limited_like_captchas(client, page, settings):
    settings.CAMPAIGNS_CAPTCHA_RATE_PER_CLIENT = "1/d"
    assert client.get(fragment_url(page)).status_code == 200

    response = client.get(fragment_url(page))

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert "Bạn đã gửi quá nhiều yêu cầu" in response.content.decode()
    assert CaptchaStore.objects.count() == 1


# --- Under load ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_posts_from_distinct_clients_are_all_stored(make_campaign):
    page = make_campaign("Chiến dịch đông người gửi ý kiến")
    threads_count, posts_each = 20, 10
    answers = [captcha_answer() for _ in range(threads_count * posts_each)]
    statuses = []
    lock = threading.Lock()

    def post_many(thread_number):
        client = Client()
        try:
            for number in range(posts_each):
                index = thread_number * posts_each + number
                response = client.post(
                    fragment_url(page),
                    comment_data(content=f"Ý kiến {index}", **answers[index]),
                    REMOTE_ADDR=f"10.20.{thread_number}.{number + 1}",
                )
                with lock:
                    statuses.append(response.status_code)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=post_many, args=(n,)) for n in range(threads_count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(statuses) == threads_count * posts_each
    assert not [status for status in statuses if status >= 500]
    assert set(statuses) == {200}
    assert Comment.objects.filter(page=page).count() == threads_count * posts_each
    assert not Comment.objects.exclude(status=CommentStatus.PENDING).exists()


@pytest.mark.django_db
def test_approved_comment_from_the_form_appears_under_the_article(
    client, page, settings
):
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 600
    client.get(page.url)
    client.post(page_url(page), comment_data(title="Ý kiến từ biểu mẫu"))
    assert "Ý kiến từ biểu mẫu" not in client.get(page.url).content.decode()

    Comment.objects.update(status=CommentStatus.APPROVED)
    bump_content_generation()

    html = client.get(page.url).content.decode()
    assert "Ý kiến từ biểu mẫu" in html and "Nguyễn Văn An" in html
    assert "Tôi hoàn toàn ủng hộ phong trào này.<br>Xin cảm ơn." in html
    make_comment(page, status=CommentStatus.PENDING, title="Chưa duyệt")
    assert "Chưa duyệt" not in client.get(page.url).content.decode()
