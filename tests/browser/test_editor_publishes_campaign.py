"""A new communications officer writes a campaign page; a moderator approves it."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from campaigns.models import CampaignPage
from tests.conftest import make_image

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "Đoàn viên phát động thi đua tháng 12/2026"
SLUG = "doan-vien-phat-dong-thi-dua-thang-12-2026"
LEAD = "Đoàn viên thanh niên toàn tỉnh hưởng ứng phong trào thi đua năm 2026."
PARAGRAPH = "Mỗi chi đoàn đăng ký ít nhất một công trình thanh niên."
IMAGE_TITLE = "Ảnh đoàn viên ra quân"
FACT_LABEL = "Thời gian"
FACT_VALUE = "Tháng 3 đến tháng 12 năm 2026"


def _admin_user(django_user_model, username, group_name):
    """A user of ``group_name`` whose admin is in English, for stable labels."""
    user = django_user_model.objects.create_user(
        username, email=f"{username}@example.gov.vn", password=f"pw-{username}-1"
    )
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save(update_fields=["preferred_language"])
    return user


@pytest.fixture
def editor(django_user_model):
    return _admin_user(django_user_model, "editor", "Communications officers")


@pytest.fixture
def moderator(django_user_model):
    return _admin_user(django_user_model, "moderator", "Campaign moderators")


def log_in(page, user):
    page.goto("/admin/login/")
    # The login form is in the site's language (Vietnamese): use the field ids.
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(f"pw-{user.username}-1")
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def log_out(page, user):
    page.get_by_role("button", name=user.username).click()
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/admin/login/**")


def add_block(body, block_label):
    body.get_by_role("button", name="Insert a block").last.click()
    body.page.get_by_role("option", name=block_label, exact=True).click()
    return body.locator("[data-streamfield-child]").filter(has_text=block_label).last


def write_campaign(page, index):
    """As the editor: add a campaign page under the index and fill it in."""
    page.goto(f"/admin/pages/{index.pk}/")
    page.get_by_role("link", name="Add child page").click()
    page.wait_for_url("**/admin/pages/add/campaigns/campaignpage/**")

    page.get_by_placeholder("Page title*").fill(TITLE)
    page.get_by_role("textbox", name="Lead").fill(LEAD)
    # The field's content path, not its panel's id: Wagtail names panels after
    # their headings in the language of the first edit form the process built.
    body = page.locator("[data-contentpath=body]")

    paragraph = add_block(body, "Paragraph")
    paragraph.locator("[contenteditable=true]").click()
    page.keyboard.type(PARAGRAPH)

    image = add_block(body, "Image")
    image.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("link", name=IMAGE_TITLE).click()
    expect(chooser).to_be_hidden()
    expect(image.get_by_text(IMAGE_TITLE)).to_be_visible()

    facts = add_block(body, "Key facts")
    facts.get_by_role("textbox", name="heading").fill("Thông tin chính")
    facts.get_by_role("textbox", name="label").fill(FACT_LABEL)
    facts.get_by_role("textbox", name="value").fill(FACT_VALUE)

    # Wagtail filled the slug in from the title while the editor typed.
    slug = page.locator("#id_slug").input_value()
    assert slug == SLUG, "the admin's slug field must transliterate Vietnamese"


def submit_for_approval(page):
    actions = page.locator(".w-dropdown", has=page.locator("[name=action-submit]"))
    actions.locator("[data-w-dropdown-target=toggle]").click()
    page.get_by_role("button", name="Submit to Kiểm duyệt trước khi đăng").click()
    # Wait for the answer, not for a navigation: autosave moves the address from
    # /add/ to /edit/ through the history API, which Playwright counts as one.
    submitted = page.get_by_role("status").filter(has_text=TITLE)
    refused = page.locator("[data-field-errors] .error-message")
    expect(submitted.or_(refused).first).to_be_visible()
    assert not refused.count(), f"Wagtail refused the page: {refused.all_inner_texts()}"
    page.wait_for_url("**/admin/pages/*/")


def approve_from_dashboard(page):
    """As the moderator: approve the page from "Awaiting your review"."""
    page.goto("/admin/")
    review = page.locator("#awaiting-review-section")
    row = review.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    # Wagtail asks for confirmation (or a comment) in a modal when configured to.
    dialog = page.get_by_role("dialog")
    if dialog.is_visible():
        dialog.get_by_role("button", name="Approve").click()
    # The dashboard reloads without the page in the queue.
    expect(row).to_have_count(0)


def test_editor_writes_campaign_and_moderator_publishes_it(
    new_context, campaign_index, editor, moderator
):
    image = make_image(IMAGE_TITLE)
    admin = new_context(viewport={"width": 1280, "height": 900}).new_page()

    log_in(admin, editor)
    write_campaign(admin, campaign_index)
    submit_for_approval(admin)
    submitted = CampaignPage.objects.get(title=TITLE)
    assert submitted.slug == SLUG
    assert submitted.date == timezone.localdate()  # the default, unchanged
    assert not submitted.live
    assert submitted.workflow_in_progress
    log_out(admin, editor)

    log_in(admin, moderator)
    approve_from_dashboard(admin)
    published = CampaignPage.objects.get(pk=submitted.pk)
    assert published.live
    body = [(block.block_type, block.value) for block in published.body]
    assert [kind for kind, _ in body] == ["paragraph", "image", "key_facts"]
    assert body[1][1]["image"].title == IMAGE_TITLE
    assert body[2][1]["facts"][0]["label"] == FACT_LABEL

    reader = new_context().new_page()
    response = reader.goto(published.url)
    assert response.status == 200
    expect(reader.get_by_role("heading", level=1)).to_have_text(TITLE)
    main = reader.get_by_role("main")
    expect(main).to_contain_text(PARAGRAPH)
    expect(main).to_contain_text(FACT_VALUE)
    picture = main.get_by_role("img", name=image.description)
    picture.scroll_into_view_if_needed()
    reader.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
    )

    api = reader.request.get("/api/v2/pages/?type=campaigns.CampaignPage")
    assert api.status == 200
    listed = {item["meta"]["slug"]: item["title"] for item in api.json()["items"]}
    assert listed == {SLUG: TITLE}
