"""The comment form as readers on phones and without JavaScript meet it (issue 16)."""

import re
from io import BytesIO

import pytest
from captcha.conf import settings as captcha_settings
from PIL import Image
from playwright.sync_api import expect

from campaigns.models import Comment
from tests.test_comment_display import english_edition

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {"width": 390, "height": 844}


def glyph_columns(picture: Image.Image) -> list[tuple[int, int]]:
    """The runs of columns holding ink: one per digit, the library sets them apart."""
    grey = picture.convert("L")
    width, height = grey.size
    pixels = grey.load()
    inked = [any(pixels[x, y] < 128 for y in range(height)) for x in range(width)]
    runs, start = [], None
    for x, ink in enumerate([*inked, False]):
        if ink and start is None:
            start = x
        elif not ink and start is not None:
            runs.append((start, x - 1))
            start = None
    return runs


def ink_box(picture: Image.Image) -> tuple[int, int, int, int]:
    return picture.convert("L").point(lambda v: 255 if v < 128 else 0).getbbox()


def fetch_picture(page, url) -> Image.Image:
    answer = page.request.get(url)
    assert answer.status == 200, url
    return Image.open(BytesIO(answer.body()))


@pytest.mark.parametrize("scale", [1, 2, 3])
def test_captcha_is_whole_and_sharp_at_each_screen_density(
    new_context, make_campaign, monkeypatch, scale
):
    # Noise arcs run edge to edge; without them only the digits are ink.
    monkeypatch.setattr(captcha_settings, "CAPTCHA_NOISE_FUNCTIONS", ())
    campaign = make_campaign()
    page = new_context(viewport=PHONE, device_scale_factor=scale).new_page()
    page.goto(f"/comments/{campaign.pk}/")
    image = page.get_by_role("img", name=re.compile("Mã kiểm tra"))
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    shown = image.evaluate(
        "img => ({src: img.currentSrc, natural: [img.naturalWidth,"
        " img.naturalHeight], css: [img.width, img.height]})"
    )

    assert shown["css"] == [150, 50]
    # The browser picked the candidate of its density...
    assert shown["src"].endswith("/" if scale == 1 else f"@{scale}/")
    # ...whose pixels, divided by that density (as naturalWidth is), fill the
    # box exactly: a 150×50 file offered as 2x would be 75×25 here.
    assert shown["natural"] == [150, 50]
    picture = fetch_picture(page, shown["src"])
    assert picture.size == (150 * scale, 50 * scale)
    digits = glyph_columns(picture)
    assert len(digits) == captcha_settings.CAPTCHA_LENGTH
    left, top, right, bottom = ink_box(picture)
    width, height = picture.size
    # Inside, not touching an edge: nothing of any digit was cut off.
    assert left > 0 and top > 0 and right < width and bottom < height
    # The same digits as at 1x, drawn at the density's size, not zoomed.
    base = fetch_picture(page, image.get_attribute("src"))
    base_left, _, base_right, _ = ink_box(base)
    assert (right - left) / (base_right - base_left) == pytest.approx(scale, rel=0.1)


EMPTY_FORM_ERRORS = {
    "vi": [
        "Vui lòng nhập “Họ tên”.",
        "Vui lòng nhập “Tiêu đề”.",
        "Vui lòng nhập “Nội dung”.",
        "Vui lòng nhập “Mã kiểm tra”.",
    ],
    "en": [
        "Fill in “Full name”.",
        "Fill in “Title”.",
        "Fill in “Your comment”.",
        "Fill in “Verification code”.",
    ],
}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_empty_form_names_each_missing_field_in_the_page_language(
    new_context, make_campaign, language
):
    campaign = make_campaign("Chiến dịch góp ý")
    article = campaign if language == "vi" else english_edition(campaign)
    # The browser speaks Vietnamese either way: the page's language decides.
    page = new_context(viewport=PHONE).new_page()
    page.goto(article.url)
    page.locator("#comments [data-comment-form-link]").click()
    form = page.locator("#comments form.comment-form")
    expect(form).to_be_visible()

    form.locator("button.comment-form__submit").click()

    # No browser bubble stopped the form: the server's summary came back.
    summary = page.locator("#comments .comment-notice__errors li")
    expect(summary).to_have_text(EMPTY_FORM_ERRORS[language])
    expect(page.locator("#comments .comment-notice")).to_be_focused()
    summary.nth(2).get_by_role("link").click()
    expect(page.locator("#comment-content")).to_be_focused()
    expect(page.locator("#comment-content")).to_have_attribute("aria-invalid", "true")
    assert page.locator("#comments").inner_text().count("hết hạn") == 0
    assert page.locator("#comments").inner_text().count("expired") == 0


def test_long_paste_is_counted_warned_and_refused_whole(new_context, make_campaign):
    campaign = make_campaign("Chiến dịch góp ý dài")
    page = new_context(viewport=PHONE).new_page()
    page.goto(campaign.url)
    page.locator("#comments [data-comment-form-link]").click()
    form = page.locator("#comments form.comment-form")
    content = form.get_by_label("Nội dung")
    counter = form.locator("#comment-content-counter")
    expect(counter).to_have_text("0/4.000 ký tự")

    content.fill("Ý kiến ngắn.")
    expect(counter).to_have_text("12/4.000 ký tự")
    expect(form.locator("[data-counter-status]")).to_have_text("12/4.000 ký tự")

    pasted = ("Ý kiến rất dài. " * 338)[:5400]
    content.fill("")
    content.focus()
    page.keyboard.insert_text(pasted)  # as a paste: maxlength would cut it

    assert len(content.input_value()) == 5400
    expect(counter).to_have_text(
        "Tối đa 4.000 ký tự: đang thừa 1.400 ký tự. "
        "Vui lòng rút gọn ý kiến trước khi gửi."
    )
    expect(counter).to_have_class(re.compile("is-over"))
    form.get_by_label("Họ tên").fill("Trần Văn Bình")
    form.get_by_label("Tiêu đề").fill("Góp ý dài")
    form.locator("button.comment-form__submit").click()
    error = page.locator("#comment-content-error")
    expect(error).to_have_text(
        "“Nội dung” chỉ được dài tối đa 4.000 ký tự; nội dung đã nhập có 5.400 ký tự."
    )
    content = page.locator("#comments").get_by_label("Nội dung")
    assert content.input_value() == pasted
    assert not Comment.objects.exists()
