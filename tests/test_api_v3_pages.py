"""v3 page reads: find by either edition's path, folded search, ``?locale=``."""

import pytest
from django.core.management import call_command

from campaigns.models import CampaignPage
from home.demo import REFERENCE_SLUG

PROBLEM_JSON = "application/problem+json"


@pytest.fixture
def demo(db):
    call_command("seed_demo")


@pytest.fixture
def editions(demo):
    vietnamese = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    english = vietnamese.get_translations().get(locale__language_code="en")
    return {"vi": vietnamese, "en": english}


@pytest.mark.django_db
@pytest.mark.parametrize("edition", ["vi", "en"])
def test_v3_finds_a_page_by_the_path_of_either_edition(client, editions, edition):
    page = editions[edition]
    path = page.get_url_parts()[2]  # page.url is absolute with two sites
    response = client.get("/api/v3/pages/find/", {"html_path": path})
    assert response.status_code == 302
    assert response["Location"].startswith(f"/api/v3/pages/{page.pk}/")
    detail = client.get(response["Location"]).json()
    assert detail["id"] == page.pk
    assert detail["meta"]["locale"] == edition


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/khong-co/", "/fr/", "/en/../admin/"])
def test_v3_find_gives_a_404_problem_for_unknown_paths(client, demo, path):
    response = client.get("/api/v3/pages/find/", {"html_path": path})
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON


@pytest.mark.django_db
def test_v3_find_never_gives_a_draft_or_private_english_page(client, editions):
    english = editions["en"]
    english.unpublish()
    response = client.get("/api/v3/pages/find/", {"html_path": english.url})
    assert response.status_code == 404


@pytest.mark.django_db
def test_v3_find_keeps_the_locale_for_the_detail(client, editions):
    response = client.get(
        "/api/v3/pages/find/",
        {"html_path": editions["vi"].url, "locale": "en"},
        follow=True,
    )
    assert response.status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?locale=xx",
        "/api/v3/pages/find/?html_path=/&locale=xx",
        "/api/v3/pages/{pk}/?locale=xx",
    ],
)
def test_v3_unknown_locale_is_a_404_problem(client, editions, url):
    response = client.get(url.format(pk=editions["vi"].pk))
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON
    assert "Locale" in response.json()["detail"]


@pytest.mark.django_db
def test_v3_detail_with_locale_gives_only_a_page_of_that_language(client, editions):
    vietnamese = editions["vi"]
    assert client.get(f"/api/v3/pages/{vietnamese.pk}/?locale=vi").status_code == 200
    response = client.get(f"/api/v3/pages/{vietnamese.pk}/?locale=en")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM_JSON


@pytest.mark.django_db
def test_v3_listing_by_locale_gives_only_that_edition(client, editions):
    items = client.get(
        "/api/v3/pages/", {"type": "campaigns.CampaignPage", "locale": "en"}
    ).json()["items"]
    assert editions["en"].pk in [item["id"] for item in items]
    assert {item["meta"]["locale"] for item in items} == {"en"}


@pytest.fixture
def searchable(make_campaign, draft_campaign, private_campaign):
    return {
        "campaign": make_campaign(
            "Phát động phong trào Lao động sáng tạo",
            lead="Thi đua trong công nhân, viên chức.",
        ),
        "draft": draft_campaign,
        "private": private_campaign,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["lao dong sang tao", "Lao động sáng tạo", "LAO ĐỘNG", "lao\x00dong"]
)
def test_v3_search_ignores_diacritics_like_the_site(client, searchable, query):
    response = client.get("/api/v3/pages/", {"search": query})
    assert response.status_code == 200
    assert searchable["campaign"].pk in [
        item["id"] for item in response.json()["items"]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["\x00", "   ", "x" * 5000])
def test_v3_search_garbage_gives_a_normal_answer(client, searchable, query):
    response = client.get("/api/v3/pages/", {"search": query})
    assert response.status_code == 200


@pytest.mark.django_db
def test_v3_search_never_finds_draft_or_private_pages(client, searchable):
    for query in ("ban nhap", "rieng tu", "bi mat"):
        found = [
            item["id"]
            for item in client.get("/api/v3/pages/", {"search": query}).json()["items"]
        ]
        assert searchable["draft"].pk not in found
        assert searchable["private"].pk not in found


@pytest.mark.django_db
def test_v3_search_listing_has_a_bounded_query_count(
    client, searchable, make_campaign, django_assert_max_num_queries
):
    for number in range(5):
        make_campaign(f"Lao động giỏi {number}")
    with django_assert_max_num_queries(12):
        response = client.get(
            "/api/v3/pages/", {"search": "lao dong", "locale": "vi", "limit": 20}
        )
    assert response.json()["count"] >= 6


def test_openapi_has_one_operation_per_page_read_with_a_locale_parameter(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    for path, operation_id in [
        ("/api/v3/pages/", "pages_list"),
        ("/api/v3/pages/find/", "pages_find"),
        ("/api/v3/pages/{page_id}/", "pages_detail"),
    ]:
        operation = paths[path]["get"]
        assert operation["operationId"] == operation_id
        assert "locale" in {param["name"] for param in operation["parameters"]}
    # Wagtail's writes on the same paths are still there.
    assert paths["/api/v3/pages/"]["post"]["operationId"] == "pages_create"
    assert paths["/api/v3/pages/{page_id}/"]["patch"]["operationId"] == "pages_update"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v3/pages/{}/", "/api/v2/pages/{}/"])
def test_a_detail_costs_the_same_queries_whatever_its_body_refers_to(
    client, make_campaign, campaign_index, home_page, path, settings
):
    """Images, documents, linked pages and embeds are fetched once per kind.

    (A linked page of one more type costs one more query, for that type.)
    """
    settings.CAMPAIGNS_FRAGMENT_CACHE_SECONDS = 0  # render every time
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.conftest import make_document, make_image, rich_body

    def campaign(images: int, links: int):
        return make_campaign(
            hero_image=make_image(),
            body=rich_body(
                linked_pages=[campaign_index, home_page] * links,
                images=[make_image() for _ in range(images)],
                document=make_document(),
            ),
        )

    counts = []
    for page in (campaign(images=1, links=1), campaign(images=6, links=3)):
        url = path.format(page.pk)
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert response.json()["seo"]["image"]["url"]
        counts.append(len(queries))
    assert counts[0] == counts[1]
