"""Search ignores diacritics on every backend, and no input makes it fail."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from campaigns.search import MAX_QUERY_LENGTH, clean_query, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Lao động sáng tạo", "lao dong sang tao"),
        ("LAO ĐỘNG", "lao dong"),
        ("Đoàn thanh niên", "doan thanh nien"),
        ("đ", "d"),
    ],
)
def test_fold_removes_vietnamese_diacritics(text, folded):
    assert fold(text) == folded


def test_query_is_cleaned_of_control_characters_and_capped():
    assert clean_query("lao\x00 động\t\n") == "lao dong"
    assert len(clean_query("x" * 5000)) == MAX_QUERY_LENGTH
    assert clean_query("\x00\x01") == ""
    assert clean_query('"lao "dong"') == "lao dong"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ['"lao dong', 'a NEAR(b) col:x AND -* "'])
def test_site_search_takes_the_backends_query_syntax_as_words(
    client, searchable, query
):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200


@pytest.fixture
def searchable(make_campaign, make_video_story, draft_campaign, private_campaign):
    return {
        "campaign": make_campaign(
            "Phát động phong trào Lao động sáng tạo",
            lead="Thi đua trong công nhân, viên chức.",
        ),
        "video": make_video_story(
            "Đoàn viên làm đường nông thôn mới",
            transcript="<p>Người dân góp công làm đường bê tông.</p>",
        ),
        "draft": draft_campaign,
        "private": private_campaign,
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["lao dong sang tao", "Lao động sáng tạo", "LAO ĐỘNG"]
)
def test_site_search_ignores_diacritics(client, searchable, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    found = [page.pk for page in response.context["results"]]
    assert searchable["campaign"].pk in found


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["doan vien", "be tong", "Đoàn viên"])
def test_site_search_finds_video_stories_by_title_and_transcript(
    client, searchable, query
):
    found = [
        page.pk for page in client.get("/search/", {"q": query}).context["results"]
    ]
    assert searchable["video"].pk in found


@pytest.mark.django_db
def test_search_never_shows_draft_or_private_pages(client, searchable):
    for query in ("bi mat", "Bản nháp", "riêng tư"):
        html = client.get("/search/", {"q": query}).content.decode()
        assert searchable["draft"].title not in html
        assert searchable["private"].title not in html


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["lao dong", "LAO ĐỘNG", "lao\x00dong"])
def test_api_search_ignores_diacritics_and_nul_bytes(client, searchable, query):
    response = client.get("/api/v2/pages/", {"search": query})
    assert response.status_code == 200
    assert searchable["campaign"].pk in [
        item["id"] for item in response.json()["items"]
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {"search": "\x00"},
        {"search": "x" * 5000},
        {"search": "a", "search_operator": "xor"},
    ],
)
def test_api_search_garbage_gives_a_normal_answer_or_400(client, searchable, params):
    assert client.get("/api/v2/pages/", params).status_code in {200, 400}


@pytest.mark.django_db
def test_editors_picks_come_first_and_only_when_public(client, searchable):
    query = Query.get("lao dong")
    SearchPromotion.objects.create(
        query=query, page=searchable["video"], sort_order=0, description="Xem ngay"
    )
    SearchPromotion.objects.create(
        query=query, page=searchable["private"], sort_order=1
    )
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://dichvucong.gov.vn/",
        external_link_text="Cổng dịch vụ công",
        sort_order=2,
    )
    response = client.get("/search/", {"q": "Lao Động"})
    picks = response.context["promotions"]
    assert [pick["title"] for pick in picks] == [
        searchable["video"].title,
        "Cổng dịch vụ công",
    ]
    html = response.content.decode()
    assert html.index(searchable["video"].title) < html.index("results-title")
    assert searchable["private"].title not in html


def _titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("Mỹ", "Kiều bào Mỹ về quê ăn Tết", "Phong trào toàn dân đoàn kết"),
        ("my", "Kiều bào Mỹ về quê ăn Tết", "Phong trào toàn dân đoàn kết"),
        ("an toàn", "Tháng an toàn giao thông", "Phong trào toàn dân đoàn kết"),
        ("do", "Người dân đồng lòng xây dựng đô thị", "Tháng an toàn giao thông"),
    ],
)
def test_vietnamese_syllables_that_are_english_stop_words_are_searched(
    client, make_campaign, query, found, not_found
):
    # On PostgreSQL the "english" text-search configuration drops "an", "my",
    # "do": "Mỹ" found nothing and "an toàn" everything with "toàn".
    for title in {
        "Kiều bào Mỹ về quê ăn Tết",
        "Tháng an toàn giao thông",
        "Phong trào toàn dân đoàn kết",
        "Người dân đồng lòng xây dựng đô thị",
    }:
        make_campaign(title, lead="Tin của tỉnh.")
    titles = _titles(client, query)
    assert found in titles
    assert not_found not in titles
