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


def _rename(page, slug, commit_callbacks):
    # Wagtail sends page_slug_changed once the transaction commits.
    with commit_callbacks(execute=True):
        page.slug = slug
        page.save_revision().publish() if page.live else page.save()


@pytest.mark.django_db
def test_renaming_a_draft_that_was_never_public_leaves_no_redirect(
    client, make_campaign, django_capture_on_commit_callbacks
):
    draft = make_campaign("Bản nháp chưa đăng", publish_it=False)
    old = draft.get_url_parts()[2]
    _rename(draft, "ban-nhap-doi-ten", django_capture_on_commit_callbacks)
    assert not Redirect.objects.exists()
    assert client.get(old).status_code == 404


@pytest.mark.django_db
def test_moving_a_draft_that_was_never_public_leaves_no_redirect(
    make_campaign, campaign_index, home_page, django_capture_on_commit_callbacks
):
    from campaigns.models import CampaignIndexPage

    other = CampaignIndexPage(title="Chỉ mục khác")
    home_page.add_child(instance=other)
    draft = make_campaign("Bản nháp sẽ chuyển", publish_it=False)
    with django_capture_on_commit_callbacks(execute=True):
        draft.move(other, pos="last-child")
    assert not Redirect.objects.exists()


@pytest.mark.django_db
def test_renaming_a_published_page_keeps_its_old_address_working(
    client, make_campaign, django_capture_on_commit_callbacks
):
    page = make_campaign("Chiến dịch đổi địa chỉ")
    old = page.get_url_parts()[2]
    _rename(page, "chien-dich-dia-chi-moi", django_capture_on_commit_callbacks)
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"].endswith("/chien-dich-dia-chi-moi/")
