"""The English edition under /en/, the language switch and hreflang alternates."""

import pytest
from django.core.management import call_command
from wagtail.models import Page

from campaigns.models import CampaignPage
from home.demo import REFERENCE_SLUG


def url_path(page) -> str:
    """The page's path on its site (``page.url`` is absolute with two sites)."""
    return page.get_url_parts()[2]


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
    translated = CampaignPage.objects.filter(locale__language_code="en")
    untranslated = (
        CampaignPage.objects.live()
        .public()
        .exclude(translation_key__in=translated.values("translation_key"))
        .first()
    )
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    html = client.get(untranslated.url).content.decode()
    assert f'href="{url_path(english_home)}"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("edition", ["vi", "en"])
def test_v2_finds_a_page_by_the_path_of_either_edition(client, demo, edition):
    vietnamese = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    page = (
        vietnamese
        if edition == "vi"
        else vietnamese.get_translations().get(locale__language_code="en")
    )
    response = client.get("/api/v2/pages/find/", {"html_path": url_path(page)})
    assert response.status_code == 302
    assert f"/api/v2/pages/{page.pk}/" in response["Location"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/khong-co/", "/fr/", "/en/../admin/"])
def test_v2_find_gives_404_for_unknown_paths(client, demo, path):
    assert client.get("/api/v2/pages/find/", {"html_path": path}).status_code == 404


@pytest.mark.django_db
def test_unknown_locale_gets_a_clear_4xx(client, demo):
    for url in ("/api/v2/pages/?locale=xx", "/api/v3/pages/?locale=xx"):
        response = client.get(url)
        assert 400 <= response.status_code < 500
        assert "Locale" in response.content.decode()


@pytest.mark.django_db
def test_listing_by_locale_gives_only_that_edition(client, demo):
    items = client.get(
        "/api/v2/pages/", {"type": "campaigns.CampaignPage", "locale": "en"}
    ).json()["items"]
    english = CampaignPage.objects.live().filter(locale__language_code="en")
    assert len(items) >= 3
    assert sorted(item["id"] for item in items) == sorted(
        english.values_list("pk", flat=True)
    )
