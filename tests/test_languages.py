"""The English edition under /en/, the language switch and hreflang alternates."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from campaigns.demo import REFERENCE_SLUG
from campaigns.models import CampaignPage


@pytest.fixture
def demo(db):
    call_command("seed_demo")


@pytest.mark.django_db
def test_english_home_is_served_under_en_in_english(client, demo):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content" in html


@pytest.mark.django_db
def test_campaign_links_to_its_translation_and_declares_alternates(client, demo):
    vietnamese = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    english = vietnamese.get_translations().get(locale__language_code="en")
    html = client.get(vietnamese.url).content.decode()
    assert f'href="{english.url}"' in html
    assert 'rel="alternate" hreflang="en"' in html
    assert 'rel="alternate" hreflang="vi"' in html

    english_html = client.get(english.url).content.decode()
    assert '<html lang="en"' in english_html
    assert f'href="{vietnamese.url}"' in english_html


@pytest.mark.django_db
def test_page_without_translation_links_to_the_other_home(client, demo):
    untranslated = (
        CampaignPage.objects.live().public().exclude(slug=REFERENCE_SLUG).first()
    )
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    html = client.get(untranslated.url).content.decode()
    assert f'href="{english_home.url}"' in html
