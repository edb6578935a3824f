"""Server-rendered pages: content, every block, filters, garbage input, cacheability."""

import pytest
from django.core.management import call_command

from campaigns.models import CampaignPage
from home.demo import DRAFT_SLUG, INDEX_SLUG, PRIVATE_SLUG, REFERENCE_SLUG
from tests.conftest import get_page


@pytest.fixture
def demo(db):
    call_command("seed_demo")


def _assert_cacheable(response):
    assert "Set-Cookie" not in response, response.get("Set-Cookie")
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert "Cookie" not in response.get("Vary", "")


@pytest.mark.django_db
def test_home_shows_pinned_then_latest_campaigns(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="vi"' in html
    pinned = response.context["pinned_campaigns"]
    latest = response.context["latest_campaigns"]
    assert [page.slug for page in pinned][:1] == [REFERENCE_SLUG]
    assert not {page.pk for page in pinned} & {page.pk for page in latest}
    for page in [*pinned, *latest]:
        assert page.title in html
    _assert_cacheable(response)


@pytest.mark.django_db
def test_campaign_page_renders_every_block_and_metadata(client, demo):
    for page in CampaignPage.objects.live().public():
        response = get_page(client, page)
        assert response.status_code == 200, page.url
        _assert_cacheable(response)
    reference = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    html = client.get(reference.url).content.decode()
    assert reference.title in html
    assert reference.lead in html
    assert reference.dispatch_number in html
    assert '"@type": "NewsArticle"' in html or '"@type":"NewsArticle"' in html
    assert 'property="og:title"' in html
    assert "zalo" in html.lower() and "facebook.com/sharer" in html
    assert "linktype=" not in html
    assert html.count("<figure") >= 3


@pytest.mark.django_db
def test_every_block_type_has_markup(client, demo):
    seen = set()
    for page in CampaignPage.objects.live().public():
        html = get_page(client, page).content.decode()
        for block in page.body:
            if f"block-{block.block_type}" in html:
                seen.add(block.block_type)
    assert seen == set(CampaignPage.body.field.stream_block.child_blocks)


@pytest.mark.django_db
def test_index_lists_newest_first_with_filters(client, demo):
    url = f"/{INDEX_SLUG}/"
    response = client.get(url)
    assert response.status_code == 200
    dates = [page.date for page in response.context["campaigns"]]
    assert dates == sorted(dates, reverse=True)
    _assert_cacheable(response)

    only_2022 = client.get(url, {"year": "2022"}).context["campaigns"]
    assert only_2022 and all(page.date.year == 2022 for page in only_2022)

    tag = CampaignPage.objects.get(slug=REFERENCE_SLUG).tags.first()
    tagged = client.get(url, {"tag": tag.slug}).context["campaigns"]
    assert tagged and all(tag in page.tags.all() for page in tagged)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "0000"},
        {"page": "9999"},
        {"page": "-1"},
        {"page": "abc"},
        {"tag": "<script>alert(1)</script>"},
        {"tag": "\x00"},
        {"year": "2022", "tag": "khong-co", "page": "2"},
    ],
)
def test_index_garbage_parameters_never_500(client, demo, query):
    response = client.get(f"/{INDEX_SLUG}/", query)
    assert response.status_code in {200, 404}
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.django_db
def test_draft_and_private_pages_are_not_served(client, demo):
    draft = CampaignPage.objects.get(slug=DRAFT_SLUG)
    private = CampaignPage.objects.get(slug=PRIVATE_SLUG)
    assert client.get(f"/{INDEX_SLUG}/{DRAFT_SLUG}/").status_code == 404
    response = client.get(private.url)
    assert response.status_code == 200
    assert private.lead not in response.content.decode()
    for url in ("/", f"/{INDEX_SLUG}/", "/search/?q=ke+hoach"):
        html = client.get(url).content.decode()
        assert draft.title not in html
        assert private.title not in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["", "lao động", "x" * 5000, "\x00", "<b>"])
def test_search_never_500(client, demo, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<b>" not in response.content.split(b"<body", 1)[1] or query != "<b>"


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", f"/{INDEX_SLUG}/", "/api/v2/pages/"])
def test_language_comes_from_the_path_not_the_browser(client, demo, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    assert "accept-language" not in response.get("Vary", "").lower()
    if not path.startswith("/api/"):
        assert '<html lang="vi"' in response.content.decode()


@pytest.mark.django_db
def test_campaign_page_shows_the_portals_breadcrumb_trail(client, make_campaign):
    page = make_campaign("Chiến dịch có đường dẫn")
    html = client.get(page.url).content.decode()
    assert 'class="breadcrumbs"' in html
    assert 'aria-current="page">Chiến dịch có đường dẫn<' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["“Chung tay vì cộng đồng”", '"Chung tay vì cộng đồng"', "Chung tay vì cộng đồng"],
)
def test_a_slogan_typed_with_quotes_is_quoted_once(client, make_campaign, typed):
    page = make_campaign(slogan=typed)
    html = client.get(page.url).content.decode()
    assert '<dd class="facts__slogan">“Chung tay vì cộng đồng”</dd>' in html
