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


@pytest.fixture
def mau_pages(make_campaign, make_video_story):
    """ "mẫu" (model) and "máu" (blood) fold to the same "mau"; the blood pages
    say it more often, so the backend alone ranks them first."""
    return {
        "model": make_campaign(
            "Xây dựng thôn kiểu mẫu", lead="Phong trào nông thôn mới ở các xã."
        ),
        "blood": make_campaign(
            "Hiến máu cứu người",
            lead="Một giọt máu cho đi: hiến máu tình nguyện, máu cứu người.",
        ),
        "blood_video": make_video_story(
            "Ngày hội hiến máu", lead="Hiến máu, nhận máu: ngày hội máu hồng."
        ),
    }


def _titles(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"]]


@pytest.mark.django_db
def test_query_with_diacritics_ranks_exact_matches_first(client, mau_pages):
    titles = _titles(client, "mẫu")
    assert titles[0] == mau_pages["model"].title
    assert set(titles[1:]) == {mau_pages["blood"].title, mau_pages["blood_video"].title}

    titles = _titles(client, "máu")
    assert titles[-1] == mau_pages["model"].title
    assert _titles(client, "kiểu mẫu")[0] == mau_pages["model"].title


@pytest.mark.django_db
def test_query_without_diacritics_keeps_the_backends_order(client, mau_pages):
    from wagtail.models import Page

    backend_order = [
        page.title
        for page in Page.objects.live().type(type(mau_pages["model"])).search("mau")
    ]
    titles = _titles(client, "mau")
    assert set(titles) == {page.title for page in mau_pages.values()}
    campaigns = [title for title in titles if title in backend_order]
    assert campaigns == backend_order


@pytest.mark.django_db
def test_exact_ranking_pages_past_the_first_page(client, make_campaign, settings):
    from home import views

    blood = [make_campaign(f"Hiến máu đợt {n}", lead="máu máu máu") for n in range(11)]
    model = make_campaign("Thôn kiểu mẫu", lead="Nông thôn mới.")
    assert views.RESULTS_PER_PAGE == 10
    first = _titles(client, "mẫu")
    second = client.get("/search/", {"q": "mẫu", "page": 2}).context["results"]
    assert first[0] == model.title
    assert len(first) == 10
    assert {page.title for page in second} | set(first) == {
        page.title for page in [*blood, model]
    }


@pytest.mark.django_db
def test_results_past_the_reordered_ones_follow_each_once(
    client, make_campaign, monkeypatch
):
    from home import search, views

    monkeypatch.setattr(search, "RANKED_RESULTS", 4)
    monkeypatch.setattr(views, "RESULTS_PER_PAGE", 3)
    pages = [make_campaign(f"Hiến máu đợt {n}", lead="máu") for n in range(6)]
    pages.append(make_campaign("Thôn kiểu mẫu", lead="Nông thôn mới."))
    shown = []
    for number in (1, 2, 3):
        response = client.get("/search/", {"q": "mẫu", "page": number})
        shown += [page.title for page in response.context["results"]]
    assert sorted(shown) == sorted(page.title for page in pages)


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


@pytest.mark.django_db
def test_each_result_is_labelled_with_its_kind(client, searchable, translate_page):
    html = client.get("/search/", {"q": "lao dong"}).content.decode()
    assert '<span class="search-result__kind">Chiến dịch</span>' in html
    html = client.get("/search/", {"q": "doan vien"}).content.decode()
    assert '<span class="search-result__kind">Phóng sự video</span>' in html

    english = translate_page(searchable["campaign"], "Creative labour movement")
    html = client.get("/en/search/", {"q": "creative labour"}).content.decode()
    assert english.title in html.replace("<mark>", "").replace("</mark>", "")
    assert '<span class="search-result__kind">Campaign</span>' in html


@pytest.mark.django_db
def test_matched_words_are_highlighted_whatever_the_accents(client, searchable):
    html = client.get("/search/", {"q": "lao dong"}).content.decode()
    assert "<mark>Lao</mark> <mark>động</mark> sáng tạo</a>" in html
    html = client.get("/search/", {"q": "CÔNG NHÂN"}).content.decode()
    assert "trong <mark>công</mark> <mark>nhân</mark>, viên chức." in html


@pytest.mark.django_db
def test_hostile_query_is_shown_escaped(client, searchable):
    html = client.get("/search/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.django_db
def test_title_and_lead_with_html_characters_are_escaped_around_the_marks(
    client, make_campaign
):
    make_campaign(
        'Cảnh giác "link lạ" & <b>giả mạo</b>',
        lead="Không bấm <img src=x onerror=alert(1)> vào liên kết giả mạo.",
    )
    html = client.get("/search/", {"q": "gia mao"}).content.decode()
    assert "<b>giả" not in html
    assert "<img src=x" not in html
    assert (
        "Cảnh giác &quot;link lạ&quot; &amp; &lt;b&gt;<mark>giả</mark> "
        "<mark>mạo</mark>&lt;/b&gt;</a>"
    ) in html
    assert "&lt;img src=x onerror=alert(1)&gt; vào liên kết <mark>giả</mark>" in html


@pytest.fixture
def translate_page(db):
    from wagtail.models import Locale

    from tests.conftest import publish

    def _translate(page, title):
        english, _ = Locale.objects.get_or_create(language_code="en")
        translated = page.copy_for_translation(english, copy_parents=True)
        for ancestor in translated.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                publish(ancestor)
        translated.title = title
        return publish(translated)

    return _translate


@pytest.mark.django_db
def test_a_page_of_another_kind_is_labelled_page(home_page):
    from django.utils import translation

    from home.search import result_kind

    with translation.override("vi"):
        assert result_kind(home_page) == ("page", "Trang")
    with translation.override("en"):
        assert result_kind(home_page.specific) == ("page", "Page")
