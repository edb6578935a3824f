"""Fixtures of the plugin's own suite: Wagtail's default tree, nothing of the site.

The site's ``tests/conftest.py`` is not loaded here (``--confcutdir``): it
imports the site's home page.
"""

import io

import pytest
from django.core.cache import cache
from django.core.files.images import ImageFile
from django.core.management import call_command
from PIL import Image as PILImage
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    VideoStoryIndexPage,
    VideoStoryPage,
)

EMBED_URL = "https://www.youtube.com/watch?v=host-demo"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("campaigns_setup", verbosity=0)


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def host_home(db) -> Page:
    """The home page ``wagtail start`` leaves: a plain ``wagtailcore.Page``."""
    home = Site.objects.get(is_default_site=True).root_page
    assert type(home.specific) is Page
    return home


def _publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def campaign(host_home) -> CampaignPage:
    index = host_home.add_child(
        instance=CampaignIndexPage(title="Campaigns", slug="campaigns")
    )
    _publish(index)
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), "#1d4e89").save(buffer, "JPEG")
    image = get_image_model().objects.create(
        title="Clinic", file=ImageFile(buffer, name="clinic.jpg")
    )
    page = index.add_child(
        instance=CampaignPage(
            title="Vaccination week",
            slug="vaccination-week",
            lead="Free vaccination at every district clinic.",
            hero_image=image,
            body=[("paragraph", "<p>Bring your health book.</p>")],
        )
    )
    return _publish(page)


@pytest.fixture
def video_story(host_home) -> VideoStoryPage:
    Embed.objects.create(
        hash=get_embed_hash(EMBED_URL),
        url=EMBED_URL,
        type="video",
        html='<iframe src="https://www.youtube-nocookie.com/embed/h" '
        'width="640" height="360"></iframe>',
        title="Clinic tour",
        provider_name="YouTube",
        width=640,
        height=360,
    )
    index = host_home.add_child(
        instance=VideoStoryIndexPage(title="Videos", slug="videos")
    )
    _publish(index)
    page = index.add_child(
        instance=VideoStoryPage(
            title="A day at the clinic",
            slug="a-day-at-the-clinic",
            lead="What a nurse does before opening hours.",
            video_url=EMBED_URL,
        )
    )
    return _publish(page)
