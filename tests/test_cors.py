"""CORS for configured front-end origins, on the API only."""

import pytest

ALLOWED = "https://portal.example.gov.vn"
OTHER = "https://evil.example.com"


@pytest.fixture(autouse=True)
def _origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED]


@pytest.mark.django_db
def test_allowed_origin_gets_the_header_on_the_v2_listing(client, make_campaign):
    make_campaign()
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    exposed = response["Access-Control-Expose-Headers"].lower()
    assert "etag" in exposed and "retry-after" in exposed
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
def test_allowed_origin_may_preflight_a_comment_post(client):
    response = client.options(
        "/api/v3/comments/",
        HTTP_ORIGIN=ALLOWED,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "POST" in response["Access-Control-Allow-Methods"]
    assert "content-type" in response["Access-Control-Allow-Headers"].lower()
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.django_db
def test_other_origin_gets_no_cors_header(client, make_campaign):
    make_campaign()
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=OTHER)
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response
    preflight = client.options(
        "/api/v3/comments/",
        HTTP_ORIGIN=OTHER,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
    )
    assert "Access-Control-Allow-Origin" not in preflight


@pytest.mark.django_db
def test_pages_never_get_cors_headers(client, make_campaign):
    page = make_campaign()
    response = client.get(page.url, HTTP_ORIGIN=ALLOWED)
    assert response.status_code == 200
    assert not [
        name for name in response.headers if name.lower().startswith("access-control")
    ]
