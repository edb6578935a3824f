"""Staff avatars never come from Gravatar: no third party learns a hash of a
staff e-mail address, and the admin works without internet."""

import pytest


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/admin/", "/admin/account/", "/admin/users/"])
def test_the_admin_asks_no_gravatar_for_staff_avatars(client, django_user_model, url):
    user = django_user_model.objects.create_superuser(
        "quantri", email="can.bo@laocai.gov.vn", password="pw-q-1"
    )
    client.force_login(user)
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "gravatar" not in html.lower()
    assert "avatar" in html  # Wagtail's own default avatar still shows.
