"""The portal's header and footer texts are translated with wagtail-localize."""

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail_localize.models import Translation

from campaigns.demo.content import PORTAL_SETTINGS
from campaigns.demo.translations import ENGLISH_PORTAL_TEXT
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
