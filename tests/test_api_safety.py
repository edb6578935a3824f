"""Hostile query parameters on every public read of the v2 and v3 APIs (issue 8).

No parameter, however malformed, gives a server error: v2 answers Wagtail's
``{"message": ...}`` 400 and v3 an RFC 7807 ``application/problem+json`` 4xx.
"""

import pytest
from django.test import Client

from tests.conftest import make_comment

HUGE = "9" * 20
DEEP_FIELDS = "a(" * 1000 + "b" + ")" * 1000

#: (id, query string) appended to every endpoint.
HOSTILE = [
    ("limit-abc", "limit=abc"),
    ("limit-negative", "limit=-1"),
    ("limit-huge", "limit=1000000000"),
    ("limit-20-digits", f"limit={HUGE}"),
    ("offset-negative", "offset=-5"),
    ("offset-20-digits", f"offset={HUGE}"),
    ("search-nul", "search=lao%00dong"),
    ("search-only-nul", "search=%00"),
    ("search-quote", "search=%22lao"),
    ("search-query-syntax", "search=%22a%20NEAR(b)%20col:x%20AND%20-*"),
    ("fields-unknown", "fields=no_such_field"),
    ("fields-nested-1000", f"fields={DEEP_FIELDS}"),
    ("fields-nul", "fields=title%00"),
    ("type-unknown", "type=campaigns.NoSuchPage"),
    ("type-garbage", "type=%00"),
    ("locale-unknown", "locale=zz"),
    ("locale-nul", "locale=v%00i"),
    ("child_of-text", "child_of=abc"),
    ("child_of-20-digits", f"child_of={HUGE}"),
    ("child_of-nul", "child_of=1%00"),
    ("descendant_of-text", "descendant_of=abc"),
    ("descendant_of-20-digits", f"descendant_of={HUGE}"),
    ("order-nul", "order=title%00"),
    ("id-20-digits", f"id={HUGE}"),
]

V2_ENDPOINTS = [
    "/api/v2/pages/",
    "/api/v2/pages/{page}/",
    "/api/v2/pages/find/?html_path=/",
    "/api/v2/images/",
    "/api/v2/images/{image}/",
    "/api/v2/documents/",
    "/api/v2/documents/{document}/",
]
V3_ENDPOINTS = [
    "/api/v3/pages/",
    "/api/v3/pages/{page}/",
    "/api/v3/pages/find/?html_path=/",
    "/api/v3/images/",
    "/api/v3/images/{image}/",
    "/api/v3/documents/",
    "/api/v3/documents/{document}/",
    "/api/v3/comments/?page={page}",
    "/api/v3/stats/visitors/",
    "/api/v3/locales/",
]


@pytest.fixture
def targets(make_campaign):
    from tests.conftest import make_document, make_image

    return {
        "page": make_campaign("Chiến dịch lao động").pk,
        "image": make_image().pk,
        "document": make_document().pk,
    }


def _get(endpoint: str, query: str, targets: dict):
    url = endpoint.format(**targets)
    url += ("&" if "?" in url else "?") + query
    return Client(raise_request_exception=False).get(url)


def _assert_v2_answer(response):
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/json")
        assert set(response.json()) == {"message"}, response.content[:300]


def _assert_v3_answer(response):
    assert response.status_code < 500, response.content[:300]
    if response.status_code >= 400:
        assert response["Content-Type"].startswith("application/problem+json"), (
            response["Content-Type"],
            response.content[:300],
        )
        problem = response.json()
        assert problem["status"] == response.status_code
        assert problem["title"]


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", V2_ENDPOINTS)
@pytest.mark.parametrize("query", [q for _, q in HOSTILE], ids=[i for i, _ in HOSTILE])
def test_v2_hostile_parameters_never_give_a_server_error(endpoint, query, targets):
    _assert_v2_answer(_get(endpoint, query, targets))


@pytest.mark.django_db
@pytest.mark.parametrize("endpoint", V3_ENDPOINTS)
@pytest.mark.parametrize("query", [q for _, q in HOSTILE], ids=[i for i, _ in HOSTILE])
def test_v3_hostile_parameters_never_give_a_server_error(endpoint, query, targets):
    _assert_v3_answer(_get(endpoint, query, targets))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"/api/v2/pages/{HUGE}/",
        f"/api/v2/images/{HUGE}/",
        f"/api/v2/documents/{HUGE}/",
        "/api/v2/pages/find/?html_path=/%00",
        f"/api/v2/pages/find/?id={HUGE}",
    ],
)
def test_v2_hostile_paths_never_give_a_server_error(url, targets):
    _assert_v2_answer(Client(raise_request_exception=False).get(url))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        f"/api/v3/pages/{HUGE}/",
        f"/api/v3/images/{HUGE}/",
        f"/api/v3/documents/{HUGE}/",
        "/api/v3/pages/find/?html_path=/%00",
        f"/api/v3/pages/find/?id={HUGE}",
        f"/api/v3/comments/?page={HUGE}",
        "/api/v3/comments/?page=abc",
        "/api/v3/comments/?page=1%00",
    ],
)
def test_v3_hostile_paths_never_give_a_server_error(url, targets):
    _assert_v3_answer(Client(raise_request_exception=False).get(url))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["date=2024-13-45", "date=99999-01-01", "period_start=soon", "date=2024-02-30"],
)
def test_v2_field_filter_value_its_field_cannot_hold_is_a_400(query, targets):
    response = _get("/api/v2/pages/?type=campaigns.CampaignPage", query, targets)
    _assert_v2_answer(response)
    assert response.status_code == 400
    assert "not a valid value" in response.json()["message"]


@pytest.mark.django_db
def test_v2_field_filter_still_filters_by_a_valid_date(make_campaign):
    import datetime

    page = make_campaign("Chiến dịch ngày lễ", date=datetime.date(2022, 2, 22))
    make_campaign("Chiến dịch ngày khác", date=datetime.date(2023, 3, 3))
    response = Client().get(
        "/api/v2/pages/", {"type": "campaigns.CampaignPage", "date": "2022-02-22"}
    )
    assert [item["id"] for item in response.json()["items"]] == [page.pk]


@pytest.mark.django_db
def test_v3_view_beacon_with_a_huge_page_id_is_a_404():
    response = Client(raise_request_exception=False).post(
        f"/api/v3/pages/{HUGE}/views/"
    )
    _assert_v3_answer(response)


# --- Listing cost does not depend on ``limit``, for every page type ----------

COMPARABLE = 4


def _linking_intro(target) -> str:
    return (
        f'<p>Xem <a linktype="page" id="{target.pk}">trang</a> và <b>thông tin</b>.</p>'
    )


def _pages_of_type(kind, request):
    """``COMPARABLE`` live pages of ``kind``, each with the same kinds of references."""
    from campaigns.models import CampaignIndexPage, VideoStoryIndexPage
    from home.models import HomePage
    from tests.conftest import publish

    if kind == "CampaignPage":
        request.getfixturevalue("rich_campaigns")(COMPARABLE)
        return "campaigns.CampaignPage"
    if kind == "VideoStoryPage":
        make_video_story = request.getfixturevalue("make_video_story")
        for _ in range(COMPARABLE):
            make_video_story(tags=("nong-thon-moi", "video"))
        return "campaigns.VideoStoryPage"
    home = request.getfixturevalue("home_page")
    model = {
        "CampaignIndexPage": CampaignIndexPage,
        "VideoStoryIndexPage": VideoStoryIndexPage,
        "HomePage": HomePage,
    }[kind]
    for number in range(COMPARABLE - model.objects.count()):
        page = model(title=f"{kind} {number}", intro=_linking_intro(home))
        home.add_child(instance=page)
        publish(page)
    for page in model.objects.all():
        page.intro = _linking_intro(home)
        publish(page)
    return model._meta.label


def _count_queries(client, url) -> tuple[int, dict]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    return len(captured), response.json()


PAGE_TYPES = [
    "CampaignPage",
    "VideoStoryPage",
    "CampaignIndexPage",
    "VideoStoryIndexPage",
    "HomePage",
]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_v2_listing_with_every_field_costs_the_same_at_any_limit(
    kind, request, client, site
):
    page_type = _pages_of_type(kind, request)
    url = f"/api/v2/pages/?type={page_type}&fields=*&limit={{limit}}"
    client.get(url.format(limit=COMPARABLE))  # renditions are made on first use

    one, data_one = _count_queries(client, url.format(limit=1))
    many, data_many = _count_queries(client, url.format(limit=COMPARABLE))

    assert len(data_one["items"]) == 1
    assert len(data_many["items"]) == COMPARABLE
    assert many == one, (kind, one, many)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_v3_listing_costs_the_same_at_any_limit(kind, request, client, site):
    page_type = _pages_of_type(kind, request)
    url = f"/api/v3/pages/?type={page_type}&limit={{limit}}"
    client.get(url.format(limit=COMPARABLE))

    one, data_one = _count_queries(client, url.format(limit=1))
    many, data_many = _count_queries(client, url.format(limit=COMPARABLE))

    assert len(data_one["items"]) == 1
    assert len(data_many["items"]) == COMPARABLE
    assert many == one, (kind, one, many)


# --- Nothing private in any answer -------------------------------------------

SECRETS = {
    "never-published": "Bản nháp bí mật",
    "draft-of-live": "Tiêu đề nháp chưa duyệt",
    "unpublished": "Trang đã gỡ xuống",
    "private": "Trang riêng tư bí mật",
    "child-of-private": "Trang con của trang riêng tư",
    "private-image": "Ảnh trong bộ sưu tập riêng",
    "private-document": "Tài liệu trong bộ sưu tập riêng",
    "pending-comment": "Ý kiến đang chờ duyệt",
    "rejected-comment": "Ý kiến đã bị từ chối",
    "email": "ban.doc.bi.mat@example.vn",
    "ip-hash": "f00dfacecafebeef" * 4,
    "moderation-note": "Ghi chú kiểm duyệt nội bộ",
}


@pytest.fixture
def hidden(make_campaign, draft_campaign, private_campaign, unpublished_campaign):
    from wagtail.models import Collection, CollectionViewRestriction

    from campaigns.models import CampaignPage
    from tests.conftest import make_document, make_image

    live = make_campaign("Chiến dịch công khai")
    live.title = SECRETS["draft-of-live"]
    live.save_revision()
    child = CampaignPage(title=SECRETS["child-of-private"], lead="Con.")
    private_campaign.add_child(instance=child)
    child.save_revision().publish()

    collection = Collection.get_first_root_node().add_child(name="Riêng tư")
    CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="secret",
    )
    image = make_image(SECRETS["private-image"])
    image.collection = collection
    image.save()
    document = make_document(SECRETS["private-document"])
    document.collection = collection
    document.save()

    for status, content in (
        ("pending", SECRETS["pending-comment"]),
        ("rejected", SECRETS["rejected-comment"]),
    ):
        make_comment(live, status=status, content=content)
    make_comment(
        live,
        status="approved",
        email=SECRETS["email"],
        ip_hash=SECRETS["ip-hash"],
        moderation_note=SECRETS["moderation-note"],
    )
    return {
        "live": live.pk,
        "draft": draft_campaign.pk,
        "private": private_campaign.pk,
        "child": child.pk,
        "unpublished": unpublished_campaign.pk,
        "image": image.pk,
        "document": document.pk,
        "private_path": private_campaign.get_url_parts()[2],
        "child_path": child.get_url_parts()[2],
    }


def _leak_urls():
    filters = [
        "",
        "?search=bi+mat",
        "?search=Trang",
        "?child_of={private}",
        "?descendant_of={private}",
        "?fields=*",
        "?type=campaigns.CampaignPage&fields=*",
        "?locale=vi",
    ]
    for version in ("v2", "v3"):
        for query in filters:
            yield f"/api/{version}/pages/{query}"
        for key in ("live", "draft", "private", "child", "unpublished"):
            yield f"/api/{version}/pages/{{{key}}}/"
            yield f"/api/{version}/pages/{{{key}}}/?fields=*"
            yield f"/api/{version}/pages/find/?id={{{key}}}"
        yield f"/api/{version}/pages/find/?html_path={{private_path}}"
        yield f"/api/{version}/pages/find/?html_path={{child_path}}"
        for kind in ("images", "documents"):
            yield f"/api/{version}/{kind}/"
            yield f"/api/{version}/{kind}/?search=rieng"
            yield f"/api/{version}/{kind}/{{{kind[:-1]}}}/"
    for page in ("live", "draft", "private", "child", "unpublished"):
        yield f"/api/v3/comments/?page={{{page}}}"
    yield "/api/v3/stats/visitors/"


@pytest.mark.django_db
@pytest.mark.parametrize("url", list(_leak_urls()))
def test_no_answer_reveals_private_content(url, hidden, site):
    response = Client(raise_request_exception=False).get(
        url.format(**hidden), follow=True
    )
    assert response.status_code < 500, response.content[:300]
    text = response.content.decode()
    leaked = {name for name, secret in SECRETS.items() if secret in text}
    assert not leaked, (response.status_code, leaked)


@pytest.mark.django_db
def test_public_content_is_served_so_the_leak_checks_can_see(hidden, site):
    client = Client()
    listing = client.get("/api/v2/pages/?type=campaigns.CampaignPage").content.decode()
    assert "Chiến dịch công khai" in listing
    live = client.get(f"/api/v3/pages/{hidden['live']}/").json()
    assert live["title"] == "Chiến dịch công khai"
    comments = client.get(f"/api/v3/comments/?page={hidden['live']}").json()
    assert comments["count"] == 1
    for kind in ("images", "documents"):
        for version in ("v2", "v3"):
            response = client.get(f"/api/{version}/{kind}/{hidden[kind[:-1]]}/")
            assert response.status_code == 404, (version, kind, response.content[:200])


# --- Writes need a bearer token, never a session -------------------------------------


def _write_requests(page, image_id, document_id):
    """(method, path, JSON body) of Wagtail's v3 writes on existing objects."""
    v3 = "/api/v3"
    body = {"title": "Tiêu đề do kẻ lạ sửa"}
    return [
        ("post", f"{v3}/pages/", {"type": "campaigns.CampaignPage", **body}),
        ("patch", f"{v3}/pages/{page.pk}/", body),
        ("delete", f"{v3}/pages/{page.pk}/", None),
        ("post", f"{v3}/pages/{page.pk}/actions/unpublish/", {}),
        ("post", f"{v3}/pages/{page.pk}/actions/publish/", {}),
        ("post", f"{v3}/pages/{page.pk}/actions/copy/", {}),
        ("delete", f"{v3}/pages/{page.pk}/actions/delete/", None),
        ("patch", f"{v3}/images/{image_id}/", body),
        ("delete", f"{v3}/images/{image_id}/", None),
        ("patch", f"{v3}/documents/{document_id}/", body),
        ("delete", f"{v3}/documents/{document_id}/", None),
        ("post", f"{v3}/redirects/", {"old_path": "/cu/", "redirect_link": "/"}),
        ("post", f"{v3}/sites/", {"hostname": "evil.example", "root_page": page.pk}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("session", ["anonymous", "superuser session"])
def test_v3_writes_without_a_token_are_refused_and_change_nothing(
    client, make_campaign, session, django_user_model
):
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Page, Site

    from tests.conftest import make_document, make_image

    page = make_campaign("Chiến dịch không ai được sửa", hero_image=make_image())
    document = make_document()
    if session != "anonymous":
        # A logged-in editor's cookie gives no right on the API (DESIGN §8).
        client.force_login(
            django_user_model.objects.create_superuser("quantri", "qt@example.vn", "pw")
        )
    pages, sites = Page.objects.count(), Site.objects.count()
    for method, path, body in _write_requests(page, page.hero_image_id, document.pk):
        kwargs = {"content_type": "application/json"}
        if body is not None:
            kwargs["data"] = body
        response = getattr(client, method)(path, **kwargs)
        assert response.status_code in (401, 403), (method, path, response.status_code)
        assert response["Content-Type"].startswith("application/problem+json")
    page.refresh_from_db()
    assert page.title == "Chiến dịch không ai được sửa" and page.live
    assert Page.objects.count() == pages and Site.objects.count() == sites
    assert not Redirect.objects.exists()
    assert type(page.hero_image).objects.filter(pk=page.hero_image_id).exists()
    assert type(document).objects.filter(pk=document.pk).exists()


@pytest.mark.django_db
def test_the_same_write_works_with_a_token_so_the_refusals_are_about_it(
    client, make_campaign, django_user_model
):
    """The control of the test above: a superuser's token may edit the page."""
    from wagtail.models import APIToken

    page = make_campaign("Chiến dịch được sửa bằng khóa API")
    user = django_user_model.objects.create_superuser("khoa", "k@example.vn", "pw")
    _, token = APIToken.objects.model.create_token(user=user, name="kiem-thu")
    response = client.patch(
        f"/api/v3/pages/{page.pk}/",
        {"title": "Tiêu đề sửa qua API"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 200, response.content[:300]
    assert response.json()["title"] == "Tiêu đề sửa qua API"
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Tiêu đề sửa qua API"
