"""A page behind a password asks for it in the portal's layout, naming nothing of it."""

import pytest


@pytest.mark.django_db
def test_the_password_form_names_nothing_of_the_page(client, private_campaign):
    path = private_campaign.get_url_parts()[2]
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<header class="site-header">' in html
    assert '<footer class="site-footer">' in html
    assert "Cần mật khẩu" in html
    assert '<meta name="robots" content="noindex">' in html
    assert private_campaign.title not in html
    assert private_campaign.lead not in html
    for leak in ("og:title", "og:url", 'rel="canonical"', "application/ld+json"):
        assert leak not in html
    assert "data-view-beacon" not in html
    assert 'autocomplete="current-password"' in html


@pytest.mark.django_db
def test_a_wrong_password_is_said_next_to_the_field(client, private_campaign):
    form = client.get(private_campaign.get_url_parts()[2]).context["form"]
    action = client.get(private_campaign.get_url_parts()[2]).context["action_url"]
    response = client.post(
        action, {"password": "sai", "return_url": form["return_url"].value()}
    )
    html = response.content.decode()
    assert 'role="alert"' in html
    assert 'aria-invalid="true" aria-describedby="password-error"' in html
    assert private_campaign.title not in html
