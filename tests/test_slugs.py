"""Slugs from Vietnamese titles are ASCII, as the admin's slug field makes them."""

import pytest

from campaigns.slugs import ascii_slug


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Phát động phong trào", "phat-dong-phong-trao"),
        ("Đoàn", "doan"),
        ("Lao động giỏi, Lao động sáng tạo", "lao-dong-gioi-lao-dong-sang-tao"),
        ("ĐOÀN THANH NIÊN", "doan-thanh-nien"),
        ("“Ngày hội” 2022!", "ngay-hoi-2022"),
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
