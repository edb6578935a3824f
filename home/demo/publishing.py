"""What the campaign and video loaders share: topic tags, publication, restrictions."""

from datetime import date, datetime, time

from django.utils.timezone import make_aware
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction

from campaigns.slugs import ascii_slug
from home.demo.content import PRIVATE_PASSWORD


def ensure_tag(name: str, summary) -> Tag:
    """The tag whose slug is ``name``'s ASCII slug, created when missing."""
    # Tag slugs are ASCII so that ?tag=lao-dong-sang-tao works (taggit keeps "đ").
    # Looking up by the unique slug also finds a tag an editor renamed or re-cased.
    slug = ascii_slug(name)
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        tag = Tag.objects.create(name=name, slug=slug)
        summary.record("tags", True)
    return tag


def publish_on(page: Page, day: date) -> None:
    """Publish a new page's first revision, dated ``day`` at 08:30 local time."""
    # Publication dates follow the story or announcement, not the seeding time.
    page.first_published_at = make_aware(datetime.combine(day, time(8, 30)))
    page.save_revision().publish()


def ensure_password_restriction(page: Page, summary) -> None:
    """Put ``page`` behind the demo password unless it has a restriction already."""
    _, created = PageViewRestriction.objects.get_or_create(
        page=page,
        defaults={
            "restriction_type": PageViewRestriction.PASSWORD,
            "password": PRIVATE_PASSWORD,
        },
    )
    summary.record("view restrictions", created)
