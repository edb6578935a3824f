"""The headless example (examples/headless/) drives the portal through its API alone.

The example's files are served from their own origin (a small static server
on another port), as a front-end team would deploy them, and read the live
server's API across origins: CORS allows that origin for the test.
"""

import functools
import re
import threading
from datetime import date, datetime
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from captcha.models import CaptchaStore
from playwright.sync_api import expect

from campaigns.models import CampaignPage, Comment, CommentStatus
from home.demo.content import PORTAL_SETTINGS
from tests.conftest import make_comment

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "headless"
NAME = "Lò Văn Páo"
TITLE = "Hỏi về lịch tập huấn"
CONTENT = "Xin cho biết xã Bản Khoang có lớp tập huấn trong tháng này không?"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture
def example_origin(settings):
    """The example on its own origin, allowed by the portal's CORS setting."""
    handler = functools.partial(_QuietHandler, directory=str(EXAMPLE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    settings.CORS_ALLOWED_ORIGINS = [origin]
    yield origin
    server.shutdown()
    server.server_close()


def _campaign_with_everything():
    """The seeded public campaign with the most body block types and comments."""
    best = None
    for page in CampaignPage.objects.live().public().filter(locale__language_code="vi"):
        types = {block.block_type for block in page.body}
        approved = Comment.objects.filter(
            page=page, status=CommentStatus.APPROVED
        ).count()
        score = (bool(approved), len(types))
        if best is None or score > best[0]:
            best = (score, page, types)
    return best[1], best[2]


def test_example_lists_shows_comments_and_counts(
    seeded_portal, new_context, live_server, example_origin
):
    campaign, block_types = _campaign_with_everything()
    approved = list(
        Comment.objects.filter(page=campaign, status=CommentStatus.APPROVED)
    )
    assert approved, "seed_demo gives the campaign approved comments"
    hidden = Comment.objects.filter(page=campaign).exclude(
        status=CommentStatus.APPROVED
    )

    page = new_context().new_page()
    page.route(re.compile(r"https://www\.youtube(-nocookie)?\.com/.*"), _abort)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{example_origin}/index.html?api={live_server.url}")

    # The masthead, from GET /api/v3/portal/.
    expect(page.locator(".brand")).to_have_text(PORTAL_SETTINGS["portal_name"])

    # The list, from GET /api/v3/pages/?type=campaigns.CampaignPage.
    link = page.get_by_role("link", name=campaign.title)
    expect(link).to_be_visible()
    with page.expect_response(_beacon(campaign.pk)) as beacon:
        link.click()

    # The campaign with each of its body blocks, rendered by type.
    expect(page.locator("#title")).to_have_text(campaign.title)
    # Its head, printed from the `seo` field.
    expect(page).to_have_title(campaign.seo_title or campaign.title)
    description = page.locator('head meta[name="description"]')
    expect(description).to_have_attribute(
        "content", campaign.search_description or campaign.lead
    )
    canonical = page.locator('head link[rel="canonical"]').get_attribute("href")
    assert canonical.endswith(campaign.url), canonical
    if campaign.hero_image:
        og_image = page.locator('head meta[property="og:image"]')
        expect(og_image).to_have_attribute("content", re.compile(r"width-1200"))
    for block_type in block_types:
        expect(
            page.locator(f'#body [data-block-type="{block_type}"]').first
        ).to_be_attached()
    assert page.locator("#body [data-block-type]").count() == len(campaign.body)
    expect(page.locator(".block-unknown")).to_have_count(0)

    # The view beacon's answer is shown as the count.
    assert beacon.value.status in (200, 202)
    count = beacon.value.json()["view_count"]
    expect(page.locator("#view-count")).to_have_text(
        re.compile(r"^" + re.escape(f"{count:,}").replace(",", r"[.,\s]?") + r"$")
    )

    # Approved comments and their replies only.
    comments = page.locator("#comment-list > li")
    expect(comments).to_have_count(len(approved))
    for comment in approved:
        item = page.locator(f"#comment-{comment.pk}")
        expect(item).to_contain_text(comment.title)
        if comment.reply:
            expect(item.locator(".reply")).to_contain_text(comment.reply[:40])
    for comment in hidden:
        expect(page.locator(f"#comment-{comment.pk}")).to_have_count(0)

    # A wrong captcha answer: the problem's per-field error is shown.
    form = page.locator("#comment-form")
    form.get_by_label("Họ tên").fill(NAME)
    form.get_by_label("Tiêu đề").fill(TITLE)
    form.get_by_label("Nội dung").fill(CONTENT)
    key = _captcha_key(page)
    form.get_by_label("Nhập các chữ số trong ảnh").fill(_wrong(key))
    form.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.locator("#error-captcha_value")).not_to_be_empty()
    expect(page.locator("#captcha-key")).not_to_have_value(key)  # a fresh challenge

    # The right answer, read from the captcha store: stored as pending.
    for label, value in (("Họ tên", NAME), ("Tiêu đề", TITLE), ("Nội dung", CONTENT)):
        form.get_by_label(label).fill(value)
    key = _captcha_key(page)
    answer = CaptchaStore.objects.get(hashkey=key).response
    form.get_by_label("Nhập các chữ số trong ảnh").fill(answer)
    form.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.locator("#comment-result")).to_contain_text("pending")
    stored = Comment.objects.get(page=campaign, title=TITLE)
    assert stored.status == CommentStatus.PENDING
    expect(page.locator(f"#comment-{stored.pk}")).to_have_count(0)
    assert not errors, errors


def test_example_shows_times_on_the_portals_day_whatever_the_device_zone(
    make_campaign, new_context, live_server, example_origin
):
    # 23:30 on 1 March and 00:30 on 2 March in Viet Nam: 16:30 and 17:30 UTC,
    # both still 1 March in UTC, and both 2 March in Tokyo.
    local = ZoneInfo("Asia/Ho_Chi_Minh")
    campaign = make_campaign("Chiến dịch có ý kiến lúc nửa đêm", date=date(2026, 3, 2))
    comment = make_comment(
        campaign,
        status=CommentStatus.APPROVED,
        created_at=datetime(2026, 3, 1, 23, 30, tzinfo=local),
        reply="Ban biên tập xin trả lời.",
        reply_at=datetime(2026, 3, 2, 0, 30, tzinfo=local),
    )
    for device_zone in ("UTC", "Asia/Tokyo", "America/Los_Angeles"):
        page = new_context(timezone_id=device_zone).new_page()
        page.goto(
            f"{example_origin}/index.html?api={live_server.url}#campaign-{campaign.pk}"
        )
        expect(page.locator("#title")).to_have_text(campaign.title)
        # The page's date is a calendar day: no zone moves it.
        expect(page.locator("#date")).to_have_text("2 tháng 3, 2026")
        item = page.locator(f"#comment-{comment.pk}")
        expect(item.locator("> .by")).to_contain_text("23:30 1 tháng 3, 2026")
        expect(item.locator(".reply .by")).to_contain_text("00:30 2 tháng 3, 2026")


def _abort(route):
    route.abort()


def _beacon(page_id):
    return lambda response: (
        response.request.method == "POST"
        and response.url.endswith(f"/api/v3/pages/{page_id}/views/")
    )


def _captcha_key(page) -> str:
    key = page.locator("#captcha-key")
    expect(key).to_have_value(re.compile(r"^[0-9a-f]{20,}$"))
    expect(page.locator("#captcha-image")).to_have_attribute(
        "src", re.compile(re.escape(key.input_value()))
    )
    return key.input_value()


def _wrong(key: str) -> str:
    right = CaptchaStore.objects.get(hashkey=key).response
    return "".join(str((int(digit) + 1) % 10) for digit in right)
