"""``meta.translations`` in the v2 and v3 page APIs: public editions only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from tests.conftest import publish

V2_LISTING = "/api/v2/pages/?type=campaigns.CampaignPage&fields={fields}&limit={limit}"


@pytest.fixture
def english(db) -> Locale:
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def translate(english):
    """Translate a page into English, its parents too, and publish all by default."""

    def _translate(page, *, publish_it=True):
        translation = page.copy_for_translation(english, copy_parents=True)
        for ancestor in translation.get_ancestors().filter(depth__gt=1, live=False):
            publish(ancestor.specific)
        translation.title = f"English: {page.title}"
        if publish_it:
            return publish(translation)
        translation.save_revision()
        return translation

    return _translate


@pytest.fixture
def editions(make_campaign, translate):
    vietnamese = make_campaign("Phát động phong trào Lao động sáng tạo")
    return {"vi": vietnamese, "en": translate(vietnamese)}


def v2_translations(client, page) -> list[dict]:
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    return response.json()["meta"]["translations"]


def v3_translations(client, page) -> list[dict]:
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content[:300]
    return response.json()["meta"]["translations"]


@pytest.mark.django_db
@pytest.mark.parametrize(("edition", "other"), [("vi", "en"), ("en", "vi")])
def test_v2_detail_links_to_the_other_edition(client, editions, edition, other):
    target = editions[other]
    own_meta = client.get(f"/api/v2/pages/{target.pk}/").json()["meta"]
    assert v2_translations(client, editions[edition]) == [
        {
            "id": target.pk,
            "locale": other,
            "title": target.title,
            "html_url": own_meta["html_url"],
            "detail_url": own_meta["detail_url"],
        }
    ]
    assert own_meta["detail_url"].endswith(f"/api/v2/pages/{target.pk}/")


@pytest.mark.django_db
@pytest.mark.parametrize(("edition", "other"), [("vi", "en"), ("en", "vi")])
def test_v3_detail_links_to_the_other_edition(client, editions, edition, other):
    target = editions[other]
    own_meta = client.get(f"/api/v3/pages/{target.pk}/").json()["meta"]
    assert v3_translations(client, editions[edition]) == [
        {
            "id": target.pk,
            "locale": other,
            "title": target.title,
            "html_url": own_meta["html_url"],
            "detail_url": own_meta["detail_url"],
        }
    ]
    assert own_meta["detail_url"].endswith(f"/api/v3/pages/{target.pk}/")


@pytest.mark.django_db
def test_english_edition_links_under_the_en_prefix(client, editions):
    [english] = v2_translations(client, editions["vi"])
    [vietnamese] = v3_translations(client, editions["en"])
    assert "/en/" in english["html_url"]
    assert "/en/" not in vietnamese["html_url"]


@pytest.mark.django_db
@pytest.mark.parametrize("read", [v2_translations, v3_translations])
def test_page_without_translation_has_none(client, make_campaign, read):
    assert read(client, make_campaign("Chưa có bản tiếng Anh")) == []


@pytest.mark.django_db
@pytest.mark.parametrize("read", [v2_translations, v3_translations])
def test_draft_translation_is_never_listed(client, make_campaign, translate, read):
    vietnamese = make_campaign("Chiến dịch có bản nháp tiếng Anh")
    translate(vietnamese, publish_it=False)
    assert read(client, vietnamese) == []


@pytest.mark.django_db
@pytest.mark.parametrize("read", [v2_translations, v3_translations])
def test_unpublished_translation_is_never_listed(client, editions, read):
    editions["en"].unpublish()
    assert read(client, editions["vi"]) == []


@pytest.mark.django_db
@pytest.mark.parametrize("read", [v2_translations, v3_translations])
def test_view_restricted_translation_is_never_listed(client, editions, read):
    PageViewRestriction.objects.create(
        page=editions["en"],
        restriction_type=PageViewRestriction.PASSWORD,
        password="secret",
    )
    assert read(client, editions["vi"]) == []
    assert (
        editions["en"].title
        not in client.get(f"/api/v2/pages/{editions['vi'].pk}/").content.decode()
    )


def _listing(client, *, fields, limit):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(V2_LISTING.format(fields=fields, limit=limit))
    assert response.status_code == 200, response.content[:300]
    return len(captured), response.json()["items"]


@pytest.mark.django_db
def test_v2_listing_translations_cost_one_query_whatever_the_limit(
    client, make_campaign, translate
):
    pages = [make_campaign(f"Chiến dịch {number}") for number in range(6)]
    english = {page.pk: translate(page) for page in pages[::2]}
    # Warm-up: the site's root paths are cached on first use.
    _listing(client, fields="translations", limit=20)

    queries_one, _ = _listing(client, fields="translations", limit=1)
    queries_all, items = _listing(client, fields="translations", limit=20)

    assert queries_all == queries_one, (queries_one, queries_all)
    assert len(items) == len(pages) + len(english)
    by_id = {item["id"]: item["meta"]["translations"] for item in items}
    for page in pages:
        expected = [english[page.pk].pk] if page.pk in english else []
        assert [edition["id"] for edition in by_id[page.pk]] == expected
    for vietnamese_pk, translation in english.items():
        assert [edition["id"] for edition in by_id[translation.pk]] == [vietnamese_pk]


@pytest.mark.django_db
def test_v2_listing_defaults_are_unchanged(client, editions):
    _listing(client, fields="translations", limit=20)
    queries_without, items = _listing(client, fields="", limit=20)
    queries_with, _ = _listing(client, fields="translations", limit=20)
    assert all("translations" not in item["meta"] for item in items)
    # The view restrictions (Wagtail's ``public()``), then the editions.
    assert queries_with == queries_without + 2


def test_openapi_documents_translations_in_the_page_detail(client):
    document = client.get("/api/v3/openapi.json").json()
    schemas = document["components"]["schemas"]
    meta = schemas["CampaignPageDetailMetaSchema"]
    assert "translations" in meta["required"]
    assert meta["properties"]["translations"]["items"] == {
        "$ref": "#/components/schemas/PageTranslationSchema"
    }
    assert set(schemas["PageTranslationSchema"]["properties"]) == {
        "id",
        "locale",
        "title",
        "html_url",
        "detail_url",
    }
    detail = document["paths"]["/api/v3/pages/{page_id}/"]["get"]
    assert "translations" in detail["description"]
