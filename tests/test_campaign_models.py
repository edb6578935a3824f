"""Campaign page rules: tree placement, validation and block cleaning."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError

from campaigns.blocks import CallToActionBlock, StoryStreamBlock
from campaigns.models import CampaignIndexPage, CampaignPage
from home.models import HomePage


# Instantiating a page reads its content type, which another test may have
# dropped from the cache: these need the database too.
@pytest.mark.django_db
def test_tree_rules_are_declared():
    assert CampaignPage.parent_page_types == ["campaigns.CampaignIndexPage"]
    assert CampaignPage.subpage_types == []
    assert CampaignIndexPage.allowed_parent_page_models() == [HomePage]
    assert CampaignIndexPage.max_count_per_parent == 1
    assert CampaignPage.can_create_at(CampaignIndexPage())
    assert not CampaignPage.can_create_at(HomePage())


@pytest.mark.django_db
def test_second_index_under_same_home_is_refused(campaign_index, home_page):
    assert not CampaignIndexPage.can_create_at(home_page)


@pytest.mark.django_db
def test_campaign_cannot_end_before_it_starts(make_campaign):
    page = make_campaign()
    page.period_start = datetime.date(2022, 6, 1)
    page.period_end = datetime.date(2022, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "period_end" in error.value.message_dict


@pytest.mark.django_db
def test_lead_is_required_and_length_limited(make_campaign):
    page = make_campaign()
    page.lead = "x" * 601
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "lead" in error.value.message_dict


@pytest.mark.django_db
def test_issuing_bodies_are_split_per_line():
    page = CampaignPage(issuing_bodies="UBND tỉnh\n\n  Liên đoàn Lao động tỉnh  \n")
    assert page.issuing_body_list == ["UBND tỉnh", "Liên đoàn Lao động tỉnh"]


@pytest.mark.django_db
def test_call_to_action_needs_exactly_one_target(campaign_index):
    block = CallToActionBlock()
    neither = block.to_python({"heading": "Đăng ký", "button_label": "Đi"})
    with pytest.raises(StructBlockValidationError):
        block.clean(neither)
    both = block.to_python(
        {"heading": "Đăng ký", "button_label": "Đi", "url": "https://example.org"}
    )
    both["page"] = campaign_index
    with pytest.raises(StructBlockValidationError):
        block.clean(both)


def test_every_block_declares_icon_label_description_and_preview():
    for name, block in StoryStreamBlock().child_blocks.items():
        meta = block.meta
        assert meta.icon, name
        assert meta.label, name
        assert meta.description, name
        assert meta.template.startswith("campaigns/blocks/"), name
        assert getattr(meta, "preview_value", None), name
