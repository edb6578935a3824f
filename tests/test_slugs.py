"""Slugs from Vietnamese titles are ASCII, as the admin's slug field makes them."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from campaigns.models import CampaignPage
from campaigns.slugs import VIETNAMESE_SLUG_FORMATTERS, ascii_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Phát động phong trào", "phat-dong-phong-trao"),
        ("Đoàn", "doan"),
        ("Lao động giỏi, Lao động sáng tạo", "lao-dong-gioi-lao-dong-sang-tao"),
        ("ĐOÀN THANH NIÊN", "doan-thanh-nien"),
        ("“Ngày hội” 2022!", "ngay-hoi-2022"),
        ("Tiêm chủng tháng 12/2026", "tiem-chung-thang-12-2026"),
        ("Nông thôn mới | Xã hội", "nong-thon-moi-xa-hoi"),
        ("", ""),
    ],
)
def test_vietnamese_titles_become_ascii_slugs(title, slug):
    assert ascii_slug(title) == slug


@pytest.mark.django_db
def test_page_created_without_slug_gets_ascii_slug(make_campaign):
    page = make_campaign("Đoàn thanh niên phát động")
    assert page.slug == "doan-thanh-nien-phat-dong"


@pytest.mark.django_db
def test_duplicate_titles_get_distinct_slugs(make_campaign):
    first = make_campaign("Phát động phong trào")
    second = make_campaign("Phát động phong trào")
    assert first.slug == "phat-dong-phong-trao"
    assert second.slug == "phat-dong-phong-trao-2"


def test_the_admin_slug_field_separates_words_at_slashes():
    """The admin's slug field applies these before its own clean-up."""
    title = "tháng 12/2026"
    for pattern, replacement in VIETNAMESE_SLUG_FORMATTERS:
        title = pattern.sub(replacement, title)
    assert title == "thang 12 2026"


def _new_campaign(title: str, slug: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Tóm tắt.",
            "date": "2026-12-01",
            "source": "CTTĐT",
            "tags": "lao-dong",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung.</p>"))]),
            "related_video_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.mark.django_db
def test_a_new_page_whose_slug_a_draft_holds_gets_the_next_free_one(
    client, admin_user, campaign_index, make_campaign
):
    """Start a page, leave it as a draft, start another of the same title."""
    draft = make_campaign("Ngày hội hiến máu", publish_it=False)
    make_campaign("Ngày hội hiến máu 2", slug=f"{draft.slug}-2")
    client.force_login(admin_user)
    url = reverse(
        "wagtailadmin_pages:add",
        args=["campaigns", "campaignpage", campaign_index.pk],
    )
    response = client.post(url, _new_campaign("Ngày hội hiến máu", draft.slug))
    assert response.status_code == 302, response.context["form"].errors
    created = CampaignPage.objects.order_by("-pk").first()
    assert created.title == "Ngày hội hiến máu"
    assert created.slug == f"{draft.slug}-3"
    # Renaming an existing page onto a sibling's slug is still refused.
    edit = reverse("wagtailadmin_pages:edit", args=[created.pk])
    response = client.post(edit, _new_campaign(created.title, draft.slug))
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
