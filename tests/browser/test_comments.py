"""A reader comments on a campaign; a moderator approves it and replies (issue 5)."""

import re

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from campaigns.comments.captcha import audio_available
from campaigns.models import Comment, CommentStatus

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BLOCKING_IMPACTS = {"serious", "critical"}

NAME = "Nguyễn Thị Hồng Nhung"
TITLE = "Đề nghị thêm điểm thu gom rác phân loại"
CONTENT = (
    "Khu phố 3 phường Tân Định chưa có thùng rác phân loại. "
    "<script>alert(1)</script> Mong Ban biên tập chuyển ý kiến đến UBND phường."
)
NOTE = "Ý kiến xây dựng, đăng lên trang."
REPLY = "Ban biên tập đã chuyển ý kiến của bạn đến UBND phường Tân Định để xử lý."
SUCCESS = "đang chờ kiểm duyệt"
WRONG_CAPTCHA = "Mã kiểm tra sai hoặc đã hết hạn"
MODERATOR_PASSWORD = "x-Moderator-2026"  # the ``moderator`` fixture's


def captcha_answer(form) -> str:
    """The answer to the challenge shown in ``form``, read from the captcha store."""
    key = form.locator("input[name=captcha_key]").input_value()
    return CaptchaStore.objects.get(hashkey=key).response


def wrong_answer(form) -> str:
    right = captcha_answer(form)
    return "".join(str((int(digit) + 1) % 10) for digit in right)


def fill_comment(form, *, name=NAME, title=TITLE, content=CONTENT):
    form.get_by_label("Họ tên").fill(name)
    form.get_by_label("Tiêu đề").fill(title)
    form.get_by_label("Nội dung").fill(content)


def axe_violations(page, axe_source) -> list[str]:
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']}))"
        ".violations"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
        if v["impact"] in BLOCKING_IMPACTS
    ]


def check_captcha_controls(form):
    """The audio link speaks the code; "Lấy mã khác" swaps it in place."""
    audio = form.get_by_role("link", name="Nghe đọc mã")
    if audio_available():
        answer = form.page.request.get(audio.get_attribute("href"))
        assert answer.status == 200
        assert answer.headers["content-type"].startswith("audio/")
    else:
        expect(audio).to_have_count(0)  # hidden, never broken

    key = form.locator("input[name=captcha_key]")
    image = form.get_by_role("img", name=re.compile("Mã kiểm tra"))
    old_key = key.input_value()
    expect(image).to_have_attribute("src", re.compile(old_key))
    form.get_by_role("button", name="Lấy mã khác").click()
    expect(key).not_to_have_value(old_key)
    new_key = key.input_value()
    expect(image).to_have_attribute("src", re.compile(new_key))
    form.page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    expect(form.get_by_label("Mã kiểm tra")).to_be_focused()


def open_form_in_place(page):
    """Click "Viết ý kiến" under the article; the form replaces the link."""
    section = page.locator("#comments")
    link = section.get_by_role("link", name="Viết ý kiến")
    link.click()
    form = section.locator("form.comment-form")
    expect(form).to_be_visible()
    # Loaded in place by comments.js: no navigation happened.
    assert "/comments/" not in page.url
    return form


def log_in(page, user, password):
    page.goto("/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def approve_in_queue(page, note):
    """From the admin menu: select the pending comment and approve it with a note."""
    menu_item = page.get_by_role("link", name="Bình luận (1)", exact=True)
    expect(menu_item).to_have_attribute("data-pending-comments", "1")
    menu_item.click()
    page.wait_for_url("**/admin/snippets/campaigns/comment/**")

    row = page.get_by_role("row").filter(has_text=TITLE)
    row.locator("input[type=checkbox]").check()
    footer = page.locator("[data-bulk-action-footer]")
    with page.expect_navigation():
        footer.get_by_role("link", name="Duyệt các ý kiến đã chọn").click()
    page.get_by_label("Ghi chú kiểm duyệt").fill(note)
    with page.expect_navigation():
        page.get_by_role("button", name="Có, tiếp tục").click()
    expect(page.get_by_text("Đã duyệt 1 ý kiến.")).to_be_visible()
    # Nothing awaits moderation any more: the count leaves the menu label.
    menu_item = page.locator("[data-pending-comments]")
    expect(menu_item).to_have_attribute("data-pending-comments", "0")
    expect(menu_item).to_have_accessible_name("Bình luận")


def write_reply(page, reply):
    row = page.get_by_role("row").filter(has_text=TITLE)
    with page.expect_navigation():
        row.get_by_role("link", name=TITLE).click()
    panel = page.get_by_role("region", name="Trả lời chính thức")
    panel.get_by_role("textbox", name="Trả lời chính thức").fill(reply)
    with page.expect_navigation():
        page.get_by_role("button", name="Lưu", exact=True).click()
    errors = page.locator(".error-message").all_inner_texts()
    assert not errors, f"the admin refused the reply: {errors}"


def test_reader_comments_and_moderator_approves_and_replies(
    new_context, make_campaign, moderator, axe_source
):
    campaign = make_campaign("Chung tay phân loại rác tại nguồn")
    # The CSP would block both axe and a script smuggled into a comment; without
    # it, an unescaped comment would open an alert dialog.
    reader = new_context(bypass_csp=True).new_page()
    dialogs = []
    reader.on(
        "dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss())
    )

    response = reader.goto(campaign.url)
    assert response.status == 200
    article_html = response.text()  # as a page cache would store it
    assert "csrfmiddlewaretoken" not in article_html
    assert "captcha_key" not in article_html

    form = open_form_in_place(reader)
    check_captcha_controls(form)
    violations = axe_violations(reader, axe_source)
    assert not violations, "axe-core on the article with the form open:\n" + "\n".join(
        violations
    )

    # A wrong code: an error, the typed text kept, a new challenge to answer.
    fill_comment(form)
    first_key = form.locator("input[name=captcha_key]").input_value()
    form.get_by_label("Mã kiểm tra").fill(wrong_answer(form))
    form.get_by_role("button", name="Gửi ý kiến").click()
    form = reader.locator("#comments form.comment-form")
    expect(reader.locator("#comments")).to_contain_text(WRONG_CAPTCHA)
    expect(form.get_by_label("Họ tên")).to_have_value(NAME)
    expect(form.get_by_label("Tiêu đề")).to_have_value(TITLE)
    expect(form.get_by_label("Nội dung")).to_have_value(CONTENT)
    expect(form.get_by_label("Mã kiểm tra")).to_have_value("")
    second_key = form.locator("input[name=captcha_key]").input_value()
    assert second_key != first_key
    assert not Comment.objects.exists()

    form.get_by_label("Mã kiểm tra").fill(captcha_answer(form))
    form.get_by_role("button", name="Gửi ý kiến").click()
    notice = reader.locator("#comments").get_by_role("status")
    expect(notice).to_contain_text(SUCCESS)
    comment = Comment.objects.get()
    assert comment.status == CommentStatus.PENDING
    assert (comment.name, comment.title, comment.content) == (NAME, TITLE, CONTENT)
    # Still pending: readers do not see it.
    reader.reload()
    expect(reader.locator("#comments")).not_to_contain_text(TITLE)

    admin = new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(admin, moderator, MODERATOR_PASSWORD)
    approve_in_queue(admin, NOTE)
    comment.refresh_from_db()
    assert comment.status == CommentStatus.APPROVED
    assert comment.moderated_by == moderator
    assert NOTE in comment.moderation_note
    write_reply(admin, REPLY)
    comment.refresh_from_db()
    assert comment.reply == REPLY
    assert comment.reply_by == moderator

    reader.reload()
    shown = reader.locator(f"#comment-{comment.pk}")
    expect(shown.get_by_role("heading", name=TITLE)).to_be_visible()
    expect(shown).to_contain_text(NAME)
    # The markup the reader typed is shown as text, never run.
    expect(shown.locator(".comment__content")).to_have_text(CONTENT)
    assert shown.locator("script").count() == 0
    reply = shown.get_by_role("region", name="Phản hồi của Ban biên tập")
    expect(reply).to_contain_text(REPLY)
    expect(reader.locator("#comments")).to_contain_text("1 ý kiến")
    assert dialogs == [], f"a script from the comment ran: {dialogs}"


def test_standalone_form_page_has_no_serious_axe_violations(
    new_context, make_campaign, axe_source
):
    campaign = make_campaign()
    page = new_context(bypass_csp=True).new_page()
    response = page.goto(f"/comments/{campaign.pk}/")
    assert response.status == 200
    expect(page.get_by_role("heading", level=1)).to_have_text("Viết ý kiến")
    violations = axe_violations(page, axe_source)
    assert not violations, "axe-core on the form page:\n" + "\n".join(violations)


def test_reader_without_javascript_posts_through_the_form_page(
    new_context, make_campaign
):
    campaign = make_campaign("Tuyên truyền an toàn giao thông")
    page = new_context(java_script_enabled=False).new_page()
    page.goto(campaign.url)
    with page.expect_navigation():
        page.locator("#comments").get_by_role("link", name="Viết ý kiến").click()
    assert page.url.endswith(f"/comments/{campaign.pk}/")
    form = page.locator("form.comment-form")
    fill_comment(
        form,
        title="Cần thêm đèn tín hiệu",
        content="Ngã tư gần chợ rất đông xe vào giờ tan học.",
    )
    form.get_by_label("Mã kiểm tra").fill(captcha_answer(form))
    with page.expect_navigation():
        form.get_by_role("button", name="Gửi ý kiến").click()
    # Redirected (303) from the POST to a page of its own...
    assert re.search(rf"/comments/{campaign.pk}/sent/[^/]+/$", page.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Đã gửi ý kiến")
    expect(page.get_by_role("status")).to_contain_text(SUCCESS)
    expect(page.get_by_role("status")).to_contain_text("Cần thêm đèn tín hiệu")
    back = page.get_by_role("link", name="Quay lại bài viết")
    expect(back).to_have_attribute("href", re.compile(re.escape(campaign.url)))
    # ...so that reloading it asks for the page again and sends nothing.
    reloaded = page.reload()
    assert reloaded.status == 200 and reloaded.request.method == "GET"
    expect(page.get_by_role("status")).to_contain_text(SUCCESS)
    comment = Comment.objects.get()
    assert comment.title == "Cần thêm đèn tín hiệu"
    assert comment.status == CommentStatus.PENDING
