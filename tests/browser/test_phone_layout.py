"""On a 360 px phone screen the pages fit the width and the menu can be opened."""

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignIndexPage, CampaignPage
from home.demo import INDEX_SLUG, PRIVATE_PASSWORD, PRIVATE_SLUG, REFERENCE_SLUG
from tests.browser.conftest import path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PHONE = {
    "viewport": {"width": 360, "height": 740},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the screen."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )


def test_home_and_campaign_page_fit_a_phone_and_menu_opens(
    seeded_portal, new_context, screenshot_dir
):
    index = CampaignIndexPage.objects.get(slug=INDEX_SLUG, locale__language_code="vi")
    campaign = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    page = new_context(**PHONE).new_page()

    for name, url in (("home", "/"), ("campaign", path_of(campaign))):
        page.goto(url)
        page.screenshot(path=screenshot_dir / f"phone-{name}.png", full_page=True)
        assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways"

        menu = page.locator("button[aria-controls=main-nav-list]")
        index_link = page.locator("#main-nav-list").get_by_role(
            "link", name=index.title
        )
        expect(menu).to_be_visible()
        expect(menu).to_have_attribute("aria-expanded", "false")
        menu.click()
        expect(menu).to_have_attribute("aria-expanded", "true")
        expect(index_link).to_be_visible()
        page.screenshot(path=screenshot_dir / f"phone-{name}-menu.png")
        assert horizontal_overflow(page) <= 0, f"{url} scrolls sideways, menu open"

    index_link.click()
    page.wait_for_url(f"**{path_of(index)}")


@pytest.mark.parametrize("scale", [2, 3])
def test_a_private_page_asks_for_its_password_in_the_portal_layout(
    seeded_portal, new_context, screenshot_dir, scale
):
    private = CampaignPage.objects.get(slug=PRIVATE_SLUG)
    page = new_context(**{**PHONE, "device_scale_factor": scale}).new_page()
    page.goto(path_of(private))

    expect(page.get_by_role("heading", level=1)).to_have_text("Cần mật khẩu")
    expect(page.locator("header.site-header")).to_be_visible()
    expect(page.locator("footer")).to_be_visible()
    assert private.title not in page.content()
    password = page.get_by_label("Mật khẩu", exact=True)
    box = password.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 280
    font_size = password.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert font_size >= 16, "a smaller font makes phones zoom in"
    assert horizontal_overflow(page) <= 0
    page.screenshot(path=screenshot_dir / f"phone-password-{scale}x.png")

    page.get_by_role("button", name="Tiếp tục").click()
    error = page.get_by_role("alert")
    expect(error).to_be_visible()
    expect(password).to_have_attribute("aria-invalid", "true")
    password.fill("sai-mat-khau")
    page.get_by_role("button", name="Tiếp tục").click()
    expect(error).to_be_visible()

    page.get_by_label("Mật khẩu", exact=True).fill(PRIVATE_PASSWORD)
    page.get_by_role("button", name="Tiếp tục").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(private.title)
