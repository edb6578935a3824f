"""The portal's header and footer texts are translated with wagtail-localize."""

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail_localize.models import Translation

from home.demo.content import PORTAL_SETTINGS
from home.demo.translations import ENGLISH_PORTAL_TEXT
from home.models import PortalText


@pytest.fixture
def demo(db):
    call_command("seed_demo")


@pytest.mark.django_db
def test_each_edition_shows_the_portal_texts_of_its_language(client, demo):
    vietnamese = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    for name in ("portal_name", "agency"):
        assert escape(PORTAL_SETTINGS[name]) in vietnamese
        assert escape(ENGLISH_PORTAL_TEXT[name]) in english
        assert escape(PORTAL_SETTINGS[name]) not in english
    # Phone and e-mail are site settings, the same in both editions.
    assert PORTAL_SETTINGS["email"] in english


@pytest.mark.django_db
def test_english_portal_texts_are_a_wagtail_localize_translation(demo):
    english = PortalText.objects.get(locale__language_code="en")
    vietnamese = english.get_translation(english.locale.get_default())
    assert Translation.objects.filter(
        source__object_id=vietnamese.translation_key,
        target_locale=english.locale,
    ).exists()
    assert english.portal_name == ENGLISH_PORTAL_TEXT["portal_name"]


@pytest.mark.django_db
def test_blank_portal_text_falls_back_to_the_site_setting(client, demo):
    PortalText.objects.filter(locale__language_code="en").update(agency="")
    english = client.get("/en/").content.decode()
    assert escape(PORTAL_SETTINGS["agency"]) in english


@pytest.mark.django_db
def test_editors_find_portal_texts_among_the_snippets(admin_client, demo):
    response = admin_client.get("/admin/snippets/home/portaltext/")
    assert response.status_code == 200
    assert ENGLISH_PORTAL_TEXT["portal_name"] in response.content.decode()


# --- The same texts on the v3 API ----------------------------------------------------


@pytest.mark.django_db
def test_the_api_gives_the_texts_of_each_language(client, demo):
    vietnamese = client.get("/api/v3/portal/").json()
    english = client.get("/api/v3/portal/", {"locale": "en"}).json()
    assert vietnamese["locale"] == "vi" and english["locale"] == "en"
    for name in ("portal_name", "agency", "address", "licence"):
        assert vietnamese[name] == PORTAL_SETTINGS[name]
        assert english[name] == ENGLISH_PORTAL_TEXT[name]
    assert english["email"] == vietnamese["email"] == PORTAL_SETTINGS["email"]
    assert english["phone"] == PORTAL_SETTINGS["phone"]


@pytest.mark.django_db
def test_the_api_falls_back_like_the_footer(client, demo):
    english = PortalText.objects.get(locale__language_code="en")
    english.agency = ""
    english.save()
    assert (
        client.get("/api/v3/portal/?locale=en").json()["agency"]
        == (PORTAL_SETTINGS["agency"])
    )


@pytest.mark.django_db
def test_the_api_refuses_an_unknown_locale(client, demo):
    response = client.get("/api/v3/portal/", {"locale": "fr"})
    assert response.status_code == 404
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.django_db
def test_editing_the_texts_changes_the_api_etag(client, demo):
    before = client.get("/api/v3/portal/?locale=en")
    assert "max-age" in before["Cache-Control"]
    revalidated = client.get(
        "/api/v3/portal/?locale=en", HTTP_IF_NONE_MATCH=before["ETag"]
    )
    assert revalidated.status_code == 304
    english = PortalText.objects.get(locale__language_code="en")
    english.tagline = "Official information for everyone"
    english.save()
    after = client.get("/api/v3/portal/?locale=en", HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after.json()["tagline"] == "Official information for everyone"
