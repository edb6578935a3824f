"""The English edition under /en/, the language switch and hreflang alternates."""

import re

import pytest
from django.core.management import call_command

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


def _vietnamese_only():
    translated = CampaignPage.objects.filter(locale__language_code="en")
    return (
        CampaignPage.objects.live()
        .public()
        .filter(locale__language_code="vi")
        .exclude(translation_key__in=translated.values("translation_key"))
        .first()
    )


@pytest.mark.django_db
def test_page_without_translation_says_so_in_the_other_language(client, demo):
    page = _vietnamese_only()
    notice = f"/en/untranslated/{page.pk}/"
    html = client.get(url_path(page)).content.decode()
    assert f'href="{notice}" lang="en" hreflang="en"' in html
    # Search engines are told of real translations only.
    assert 'rel="alternate" hreflang="en"' not in html

    response = client.get(notice)
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex"
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "This page is published only in Vietnamese:" in html
    assert (
        f'<a href="{url_path(page)}" lang="vi" hreflang="vi">{page.title}</a>' in html
    )
    # Its own switcher goes back to the page, and marks English as current.
    assert f'href="{url_path(page)}" lang="vi" hreflang="vi">Tiếng Việt' in html
    assert f'href="{notice}" lang="en" hreflang="en" aria-current="true"' in html


@pytest.mark.django_db
def test_the_notice_names_only_public_pages_of_the_site(client, demo):
    from home.demo import DRAFT_SLUG, PRIVATE_SLUG, sub_portal

    hidden_pages = CampaignPage.objects.filter(
        slug__in=[DRAFT_SLUG, PRIVATE_SLUG, sub_portal.CAMPAIGN_SLUG]
    )
    assert len(hidden_pages) == 3
    for hidden in hidden_pages:
        response = client.get(f"/en/untranslated/{hidden.pk}/")
        assert response.status_code == 404
        assert hidden.title not in response.content.decode()
    # The page's own language has no notice, and an unknown page none either.
    page = _vietnamese_only()
    assert client.get(f"/untranslated/{page.pk}/").status_code == 404
    assert client.get("/en/untranslated/999999/").status_code == 404
    assert client.get("/en/untranslated/abc/").status_code == 404


@pytest.mark.django_db
def test_the_notice_of_a_page_since_translated_sends_to_its_translation(client, demo):
    vietnamese = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    english = vietnamese.get_translations().get(locale__language_code="en")
    response = client.get(f"/en/untranslated/{vietnamese.pk}/")
    assert response.status_code == 302
    assert response["Location"] == url_path(english)


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


@pytest.mark.django_db
def test_english_pages_show_english_topics_and_keep_them_on_sync(client, demo):
    from wagtail_localize.models import TranslationSource

    from home.demo.translations import ENGLISH_TAGS

    vietnamese = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    english = vietnamese.get_translations().get(locale__language_code="en").specific
    vietnamese_names = {tag.name for tag in vietnamese.tags.all()}
    assert vietnamese_names
    expected = {ENGLISH_TAGS[name] for name in vietnamese_names}
    assert {tag.name for tag in english.tags.all()} == expected

    html = client.get(url_path(english)).content.decode()
    index_html = client.get(url_path(english.get_parent())).content.decode()
    shown = set(re.findall(r'rel="tag">([^<]+)</a>', html))
    options = set(re.findall(r"<option[^>]*>([^<]+)</option>", index_html))
    assert shown == expected
    assert expected <= options
    assert not vietnamese_names & options

    # Syncing the translation from its source keeps the English topics.
    source = TranslationSource.objects.get_for_instance(vietnamese)
    source.update_from_db()
    source.create_or_update_translation(english.locale)
    english.refresh_from_db()
    synced = english.get_latest_revision_as_object()
    assert {tag.name for tag in synced.tags.all()} == expected
