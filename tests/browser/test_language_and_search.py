"""A reader switches language on a campaign page and searches without diacritics."""

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignPage
from home.demo import REFERENCE_SLUG
from tests.browser.conftest import path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_language_switch_lands_on_the_translation_and_back(seeded_portal, new_context):
    vietnamese = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    english = vietnamese.get_translations().get(locale__language_code="en")
    page = new_context().new_page()

    page.goto(path_of(vietnamese))
    switcher = page.get_by_role("navigation", name="Ngôn ngữ")
    switcher.get_by_role("link", name="English").click()
    page.wait_for_url(f"**{path_of(english)}")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(english.title)

    page.get_by_role("navigation", name="Languages").get_by_role(
        "link", name="Tiếng Việt"
    ).click()
    page.wait_for_url(f"**{path_of(vietnamese)}")
    expect(page.locator("html")).to_have_attribute("lang", "vi")


def test_header_search_without_diacritics_opens_the_campaign(
    seeded_portal, new_context
):
    campaign = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    page = new_context().new_page()
    page.goto("/")
    header_search = page.get_by_role("search", name="Tìm kiếm trên trang")
    header_search.get_by_role("searchbox").fill("lao dong sang tao")
    header_search.get_by_role("button").click()
    page.wait_for_url("**/search/?q=lao+dong+sang+tao")
    page.get_by_role("link", name=campaign.title).first.click()
    page.wait_for_url(f"**{path_of(campaign)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(campaign.title)
