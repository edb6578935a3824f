"""``?locale=`` on every v3 operation: the language of the answer (DESIGN §8)."""

import pytest

from tests.conftest import captcha_answer

pytestmark = pytest.mark.django_db

PROBLEM_JSON = "application/problem+json"


@pytest.fixture
def page(make_campaign):
    return make_campaign("Chiến dịch nhận ý kiến")


def reads(page) -> list[str]:
    return [
        "/api/v3/locales/",
        "/api/v3/portal/",
        f"/api/v3/comments/?page={page.pk}",
        "/api/v3/captcha/",
        "/api/v3/stats/visitors/",
        "/api/v3/pages/",
        f"/api/v3/pages/{page.pk}/",
        "/api/v3/images/",
    ]


def with_locale(url: str, language: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}locale={language}"


def test_every_read_takes_a_known_locale(client, page):
    for url in reads(page):
        response = client.get(with_locale(url, "vi"))
        assert response.status_code == 200, url


def test_every_operation_refuses_an_unknown_locale(client, page):
    urls = [*reads(page), "/api/v3/preview/?token=x"]
    for url in urls:
        response = client.get(with_locale(url, "fr"))
        assert response.status_code == 404, url
        assert response["Content-Type"].startswith(PROBLEM_JSON), url
        assert response.json()["detail"] == "No Locale matches the given query."
    for url in ("/api/v3/comments/", f"/api/v3/pages/{page.pk}/views/"):
        response = client.post(
            with_locale(url, "fr"), {}, content_type="application/json"
        )
        assert response.status_code == 404, url


def test_comment_errors_come_in_the_requested_language(client, page):
    def messages(query=""):
        response = client.post(
            f"/api/v3/comments/{query}",
            {"page": page.pk, **captcha_answer()},
            content_type="application/json",
        )
        assert response.status_code == 400
        body = response.json()
        return body["detail"], {
            error["field"]: error["message"] for error in body["errors"]
        }

    assert messages() == messages("?locale=vi")
    detail, fields = messages("?locale=vi")
    assert detail == "Vui lòng kiểm tra các ô được đánh dấu dưới đây."
    assert fields["title"] == "Vui lòng nhập “Tiêu đề”."
    detail, fields = messages("?locale=en")
    assert detail == "Check the fields marked below."
    assert fields["title"] == "Fill in “Title”."


def test_a_refusal_comes_in_the_requested_language(client, make_campaign):
    closed = make_campaign("Chiến dịch đã đóng ý kiến", comments_enabled=False)

    def refusal(query=""):
        body = {
            "page": closed.pk,
            "name": "Reader",
            "title": "A question",
            "content": "When does the campaign end?",
            **captcha_answer(),
        }
        response = client.post(
            f"/api/v3/comments/{query}", body, content_type="application/json"
        )
        assert response.status_code == 403
        return response.json()["detail"]

    assert refusal() == "Trang này đã ngừng nhận ý kiến."
    assert refusal("?locale=en") != refusal("?locale=vi")


def test_the_document_lists_locale_on_every_operation(client):
    document = client.get("/api/v3/openapi.json").json()
    missing = [
        f"{method.upper()} {path}"
        for path, item in document["paths"].items()
        for method, operation in item.items()
        if not any(p["name"] == "locale" for p in operation.get("parameters", []))
    ]
    assert not missing, missing
