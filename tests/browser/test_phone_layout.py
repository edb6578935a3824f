"""On a 360 px phone screen the pages fit the width and the menu can be opened."""

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignIndexPage, CampaignPage
from home.demo import INDEX_SLUG, REFERENCE_SLUG
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
