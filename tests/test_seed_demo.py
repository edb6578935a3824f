"""seed_demo loads the demo portal once; a second run changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from campaigns.demo import (
    DRAFT_SLUG,
    PRIVATE_SLUG,
    PUBLIC_SLUGS,
    REFERENCE_SLUG,
    VIDEO_DRAFT_SLUG,
    VIDEO_EMBED_URL,
    VIDEO_PRIVATE_SLUG,
    VIDEO_PUBLIC_SLUGS,
)
from campaigns.models import CampaignPage, VideoStoryPage


def _counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent(settings):
    call_command("seed_demo", stdout=None)
    first = _counts()
    call_command("seed_demo")
    assert _counts() == first
    assert len(PUBLIC_SLUGS) >= 6
    vietnamese = CampaignPage.objects.live().public().filter(locale__language_code="vi")
    assert vietnamese.count() == len(PUBLIC_SLUGS)


@pytest.mark.django_db
def test_seed_demo_has_draft_private_and_reference_pages():
    call_command("seed_demo")
    assert not CampaignPage.objects.get(slug=DRAFT_SLUG).live
    private = CampaignPage.objects.get(slug=PRIVATE_SLUG)
    assert private.live
    assert private.get_view_restrictions().exists()

    reference = CampaignPage.objects.get(slug=REFERENCE_SLUG)
    kinds = [block.block_type for block in reference.body]
    assert kinds.count("paragraph") == 6
    assert kinds.count("image") == 3
    assert kinds.count("document") == 1
    assert reference.tags.count() == 4


@pytest.mark.django_db
def test_seed_demo_uses_every_block_type():
    call_command("seed_demo")
    used = {
        block.block_type for page in CampaignPage.objects.all() for block in page.body
    }
    assert used == set(CampaignPage.body.field.stream_block.child_blocks)


@pytest.mark.django_db
def test_demo_users_only_with_debug(settings):
    settings.DEBUG = False
    call_command("seed_demo")
    assert not get_user_model().objects.exists()
    settings.DEBUG = True
    call_command("seed_demo")
    editor = get_user_model().objects.get(username="editor")
    assert editor.groups.filter(name="Communications officers").exists()
    assert get_user_model().objects.get(username="admin").is_superuser


@pytest.mark.django_db
def test_seed_demo_has_video_stories_with_captions_and_an_embed():
    call_command("seed_demo")
    public = VideoStoryPage.objects.live().public().filter(locale__language_code="vi")
    assert public.count() == len(VIDEO_PUBLIC_SLUGS) >= 6
    assert public.filter(captions__language="vi").distinct().count() >= 2
    assert public.filter(video_url=VIDEO_EMBED_URL).exists()
    assert public.filter(video__isnull=False).count() >= 5
    assert not VideoStoryPage.objects.get(slug=VIDEO_DRAFT_SLUG).live
    private = VideoStoryPage.objects.get(slug=VIDEO_PRIVATE_SLUG)
    assert private.get_view_restrictions().exists()
    assert private.video.collection.get_view_restrictions().exists()
