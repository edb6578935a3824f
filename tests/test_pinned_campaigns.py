"""Pinned campaigns: kept on the campaign index, featured first on the home page."""

import pytest
from django.utils import translation
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text
from wagtail_localize.models import TranslationSource

from campaigns.models import CampaignIndexPage, CampaignIndexPinnedCampaign
from campaigns.selectors import pinned_and_latest_campaigns
from home.models import HomePage
from tests.conftest import publish


def pin(index, *campaigns):
    index.pinned_campaigns = [
        CampaignIndexPinnedCampaign(campaign=campaign, sort_order=number)
        for number, campaign in enumerate(campaigns)
    ]
    return publish(index)


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.mark.django_db
def test_home_features_its_indexs_pins_in_order_then_the_latest(
    make_campaign, campaign_index, home_page
):
    first, second, third = make_campaign(), make_campaign(), make_campaign()
    pin(campaign_index, first, third)
    pinned, latest = pinned_and_latest_campaigns(home_page)
    assert pinned == [first, third]
    assert latest == [second]


@pytest.mark.django_db
def test_home_page_renders_the_pins_as_featured(
    client, make_campaign, campaign_index, site
):
    featured = make_campaign("Chiến dịch được ghim")
    pin(campaign_index, featured)
    response = client.get("/")
    assert list(response.context["pinned_campaigns"]) == [featured]
    assert "Chiến dịch được ghim" in response.content.decode()


@pytest.mark.django_db
def test_pins_not_public_are_not_featured(
    make_campaign, campaign_index, home_page, private_campaign, unpublished_campaign
):
    public = make_campaign()
    pin(campaign_index, private_campaign, unpublished_campaign, public)
    assert pinned_and_latest_campaigns(home_page)[0] == [public]


@pytest.mark.django_db
def test_a_home_page_features_only_the_pins_below_it(
    make_campaign, campaign_index, home_page, english
):
    campaign = make_campaign()
    pin(campaign_index, campaign)
    english_home = home_page.copy_for_translation(english)
    assert pinned_and_latest_campaigns(english_home) == ([], [])


@pytest.mark.django_db
def test_a_translated_index_starts_without_pins_and_keeps_its_own(
    make_campaign, campaign_index, home_page, english
):
    campaign = make_campaign()
    pin(campaign_index, campaign)
    publish(home_page.copy_for_translation(english))
    source, _ = TranslationSource.get_or_create_from_instance(campaign_index)
    english_index, _ = source.create_or_update_translation(english, fallback=True)
    assert not english_index.pinned_campaigns.exists()

    english_campaign = publish(campaign.copy_for_translation(english))
    pin(CampaignIndexPage.objects.get(pk=english_index.pk), english_campaign)
    source.update_from_db()
    source.create_or_update_translation(english, fallback=True)
    english_pins = CampaignIndexPinnedCampaign.objects.filter(index=english_index)
    assert [pinned.campaign_id for pinned in english_pins] == [english_campaign.pk]
    english_home = HomePage.objects.get(locale=english)
    assert pinned_and_latest_campaigns(english_home)[0] == [english_campaign]


@pytest.mark.django_db
def test_copying_an_index_does_not_copy_its_pins(
    make_campaign, campaign_index, home_page
):
    pin(campaign_index, make_campaign())
    copy = campaign_index.copy(update_attrs={"slug": "ban-sao", "title": "Bản sao"})
    assert not CampaignIndexPinnedCampaign.objects.filter(index=copy).exists()


def _index_form(index, campaigns, user):
    form_class = CampaignIndexPage.get_edit_handler().get_form_class()
    data = nested_form_data(
        {
            "title": index.title,
            "slug": index.slug,
            "intro": rich_text("<p>Giới thiệu</p>"),
            "pinned_campaigns": inline_formset(
                [{"campaign": campaign.pk} for campaign in campaigns]
            ),
            "comments": inline_formset([]),
        }
    )
    return form_class(data, instance=index, for_user=user)


@pytest.mark.django_db
def test_index_form_accepts_its_own_campaigns(
    make_campaign, campaign_index, admin_user
):
    form = _index_form(campaign_index, [make_campaign(), make_campaign()], admin_user)
    assert form.is_valid(), form.errors


@pytest.mark.django_db
def test_index_form_refuses_a_campaign_of_another_index(
    make_campaign, campaign_index, home_page, english, admin_user
):
    publish(home_page.copy_for_translation(english))
    other_index = campaign_index.copy_for_translation(english)
    foreign = make_campaign("Chiến dịch nơi khác")
    form = _index_form(other_index, [foreign], admin_user)
    with translation.override("en"):
        assert not form.is_valid()
    [pin_form] = form.formsets["pinned_campaigns"].forms
    assert pin_form.errors["campaign"] == [
        "“Chiến dịch nơi khác” is not a campaign of this index."
    ]


@pytest.mark.django_db
def test_index_form_refuses_a_campaign_pinned_twice(
    make_campaign, campaign_index, admin_user
):
    campaign = make_campaign()
    form = _index_form(campaign_index, [campaign, campaign], admin_user)
    with translation.override("en"):
        assert not form.is_valid()
    first, second = form.formsets["pinned_campaigns"].forms
    assert not first.errors
    assert second.errors["campaign"] == ["This campaign is already pinned."]
