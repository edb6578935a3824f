"""Where the plugin's index pages may live: CAMPAIGNS_INDEX_PARENT_PAGE_TYPES."""

import pytest
from wagtail.models import Page

from campaigns.models import CampaignIndexPage, VideoStoryIndexPage
from home.models import HomePage

INDEXES = [CampaignIndexPage, VideoStoryIndexPage]


@pytest.fixture
def root_page(db) -> Page:
    return Page.objects.get(depth=1)


@pytest.mark.parametrize("index_model", INDEXES)
def test_site_keeps_indexes_under_its_home_page(index_model, home_page, root_page):
    assert index_model.allowed_parent_page_models() == [HomePage]
    assert index_model.can_create_at(home_page)
    assert not index_model.can_create_at(root_page)


@pytest.mark.parametrize("index_model", INDEXES)
def test_without_the_setting_any_page_type_may_hold_an_index(
    index_model, settings, home_page, root_page
):
    del settings.CAMPAIGNS_INDEX_PARENT_PAGE_TYPES
    assert Page in index_model.allowed_parent_page_models()
    assert HomePage in index_model.allowed_parent_page_models()
    assert index_model.can_exist_under(root_page)
    assert index_model.can_create_at(root_page)
    assert index_model.can_create_at(home_page)


@pytest.mark.parametrize("index_model", INDEXES)
def test_setting_moves_indexes_to_other_page_types(
    index_model, settings, home_page, root_page
):
    settings.CAMPAIGNS_INDEX_PARENT_PAGE_TYPES = ["wagtailcore.Page"]
    assert index_model.allowed_parent_page_models() == [Page]
    assert index_model.can_exist_under(root_page)
    assert index_model.can_create_at(root_page)
    assert not index_model.can_exist_under(home_page)
    assert not index_model.can_create_at(home_page)

    settings.CAMPAIGNS_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]
    assert index_model.can_create_at(home_page)
    assert not index_model.can_create_at(root_page)


def test_home_page_lists_the_indexes_it_may_hold():
    assert set(HomePage.allowed_subpage_models()) == set(INDEXES)


def test_setting_naming_a_non_page_model_fails_the_page_checks(settings):
    settings.CAMPAIGNS_INDEX_PARENT_PAGE_TYPES = ["auth.User"]
    assert [error.id for error in CampaignIndexPage.check()] == ["wagtailcore.E002"]
