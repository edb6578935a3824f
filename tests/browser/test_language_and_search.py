"""A reader switches language on a campaign page and searches, with or without
diacritics, from the one search box each page shows."""

import re

import pytest
from playwright.sync_api import expect

from campaigns.models import CampaignIndexPage, CampaignPage
from home.demo import INDEX_SLUG, REFERENCE_SLUG
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


def test_english_on_a_page_without_translation_says_so_and_leads_back(
    seeded_portal, new_context, screenshot_dir
):
    translated = CampaignPage.objects.filter(locale__language_code="en")
    only_vietnamese = (
        CampaignPage.objects.live()
        .public()
        .filter(locale__language_code="vi")
        .exclude(translation_key__in=translated.values("translation_key"))
        .first()
    )
    page = new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=2
    ).new_page()
    page.goto(path_of(only_vietnamese))
    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role(
        "link", name="English"
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Not available in this language"
    )
    expect(
        page.get_by_text("This page is published only in Vietnamese")
    ).to_be_visible()
    page.screenshot(path=screenshot_dir / "phone-untranslated.png")
    page.get_by_role("link", name=only_vietnamese.title).click()
    page.wait_for_url(f"**{path_of(only_vietnamese)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(only_vietnamese.title)


def test_header_search_without_diacritics_opens_the_campaign(
    seeded_portal, new_context
):
    campaign = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    index = CampaignIndexPage.objects.get(slug=INDEX_SLUG, locale__language_code="vi")
    page = new_context().new_page()
    page.goto(path_of(index))
    header_search = page.get_by_role("search", name="Tìm kiếm trên trang")
    header_search.get_by_role("searchbox").fill("lao dong sang tao")
    header_search.get_by_role("button").click()
    page.wait_for_url("**/search/?q=lao+dong+sang+tao")
    page.get_by_role("link", name=campaign.title).first.click()
    page.wait_for_url(f"**{path_of(campaign)}")
    expect(page.get_by_role("heading", level=1)).to_have_text(campaign.title)


SCREENS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 3,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}


@pytest.mark.parametrize("screen", SCREENS)
def test_home_page_shows_one_search_box_and_ranks_accented_matches_first(
    seeded_portal, new_context, screenshot_dir, screen
):
    page = new_context(**SCREENS[screen]).new_page()
    page.goto("/")
    page.screenshot(path=screenshot_dir / f"home-{screen}.png")
    boxes = page.get_by_role("searchbox")
    expect(boxes).to_have_count(1)
    expect(boxes).to_be_in_viewport()

    boxes.fill("mẫu")
    boxes.press("Enter")
    page.wait_for_url("**/search/?q=*")
    expect(page.get_by_role("searchbox")).to_have_count(1)
    expect(page.get_by_role("searchbox")).to_have_value("mẫu")
    first = page.locator(".search-result").first
    expect(first.locator("mark").first).to_have_text("mẫu")
    expect(first.locator(".search-result__kind")).to_have_text(
        re.compile("^(Chiến dịch|Phóng sự video)$")
    )
    page.screenshot(path=screenshot_dir / f"search-{screen}.png", full_page=True)

    campaign = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    page.goto(path_of(campaign))
    expect(page.get_by_role("searchbox")).to_have_count(1)
