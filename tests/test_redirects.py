"""Redirects from old addresses lead only to what readers may see."""

import pytest
from wagtail.contrib.redirects.models import Redirect


@pytest.mark.django_db
def test_a_redirect_to_a_public_page_is_followed(client, make_campaign):
    page = make_campaign("Chiến dịch đã chuyển địa chỉ")
    Redirect.objects.create(old_path="/tin-cu/chien-dich", redirect_page=page)
    response = client.get("/tin-cu/chien-dich/")
    assert response.status_code == 301
    assert response["Location"] == page.url


@pytest.mark.django_db
@pytest.mark.parametrize(
    "hidden", ["draft_campaign", "private_campaign", "unpublished_campaign"]
)
def test_a_redirect_to_a_hidden_page_stays_a_404_and_names_nothing(
    client, request, hidden
):
    page = request.getfixturevalue(hidden)
    Redirect.objects.create(old_path="/tin-cu/an", redirect_page=page)
    response = client.get("/tin-cu/an/")
    assert response.status_code == 404
    assert "Location" not in response
    assert page.slug not in response.content.decode()


@pytest.mark.django_db
def test_a_redirect_to_an_address_is_followed(client, home_page):
    Redirect.objects.create(
        old_path="/tin-cu/ngoai", redirect_link="https://dichvucong.gov.vn/"
    )
    response = client.get("/tin-cu/ngoai?id=5")
    assert response.status_code == 301
    assert response["Location"] == "https://dichvucong.gov.vn/"
