"""Shared fixtures: a small portal tree built through Wagtail's own APIs."""

import io
import itertools
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import connections
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtailmedia import get_media_model

from campaigns import breaker
from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    VideoCaption,
    VideoStoryIndexPage,
    VideoStoryPage,
)
from home.models import HomePage

_counter = itertools.count(1)

#: The plugin's own suite runs with its own settings (``make test``).
collect_ignore = ["plugin"]


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database as a site has it after ``migrate`` and ``campaigns_setup``.

    The data ``serialized_rollback`` restores was taken when the database was
    created, before the command ran: take it again.
    """
    with django_db_blocker.unblock():
        call_command("campaigns_setup", verbosity=0)
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None) is not None:
                connection._test_serialized_contents = (
                    connection.creation.serialize_db_to_string()
                )


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # A Redis another test made fail is called again here.
    breaker.close_all()
    for alias in settings.CACHES:
        caches[alias].clear()
    yield
    for alias in settings.CACHES:
        caches[alias].clear()


def make_image(title: str | None = None, *, size=(1280, 720), colour="#b22222"):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    number = next(_counter)
    return get_image_model().objects.create(
        title=title or f"Ảnh {number}",
        description=f"Mô tả ảnh {number}",
        file=ImageFile(buffer, name=f"image-{number}.jpg"),
    )


def make_document(title: str | None = None):
    number = next(_counter)
    return get_document_model().objects.create(
        title=title or f"Công văn {number}",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name=f"cong-van-{number}.pdf"),
    )


def stored_embed(url: str):
    """An embed as Wagtail stores it after a provider answered: no network needed."""
    embed, _ = Embed.objects.get_or_create(
        hash=get_embed_hash(url),
        defaults={
            "url": url,
            "type": "video",
            "html": '<iframe src="https://www.youtube-nocookie.com/embed/x" '
            'title="Video" width="640" height="360"></iframe>',
            "title": "Video",
            "provider_name": "YouTube",
            "width": 640,
            "height": 360,
            "thumbnail_url": "",
        },
    )
    return embed


def rich_body(*, linked_pages, images, document, video_url=None):
    """A body with two rich-text blocks linking pages, images, a document, a video."""
    video_url = video_url or f"https://www.youtube.com/watch?v=demo{next(_counter)}"
    stored_embed(video_url)
    links = " ".join(
        f'<a linktype="page" id="{page.pk}">{page.title}</a>' for page in linked_pages
    )
    return [
        ("paragraph", f"<p>Đoạn mở đầu với liên kết: {links}.</p>"),
        ("heading", {"text": "Nội dung chính", "level": "h2"}),
        (
            "paragraph",
            f'<p>Xem <a linktype="document" id="{document.pk}">công văn</a> '
            f"và {links}.</p>",
        ),
        *[
            (
                "image",
                {"image": image, "alt_text": "", "caption": "Chú thích", "credit": ""},
            )
            for image in images
        ],
        ("document", {"document": document, "title": "", "description": "PDF"}),
        ("video", {"video": video_url, "caption": "Phóng sự"}),
        (
            "key_facts",
            {"heading": "Thông tin", "facts": [{"label": "Năm", "value": "2022"}]},
        ),
    ]


def get_page(client, page, **extra):
    """GET a page through its own site's host name, as a reader would reach it."""
    url = urlsplit(page.full_url)
    return client.get(url.path, HTTP_HOST=url.netloc, **extra)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def home_page(db) -> HomePage:
    return HomePage.objects.get(depth=2)


@pytest.fixture
def site(home_page) -> Site:
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def other_site(home_page):
    """A department's sub-portal beside the default site: its own home on its
    own host name, a campaign index and one published campaign."""
    home = HomePage(title="Sở Lao động", slug="so-lao-dong-thu", live=False)
    Page.get_first_root_node().add_child(instance=home)
    publish(home)
    site = Site.objects.create(
        hostname="so.localhost", port=80, root_page=home, site_name="Sở Lao động"
    )
    index = CampaignIndexPage(title="Tuyên truyền của Sở", intro="<p>Của Sở</p>")
    home.add_child(instance=index)
    publish(index)
    campaign = CampaignPage(title="Chiến dịch của Sở", lead="Tóm tắt của Sở.")
    index.add_child(instance=campaign)
    publish(campaign)
    return SimpleNamespace(site=site, home=home, index=index, campaign=campaign)


@pytest.fixture
def campaign_index(home_page) -> CampaignIndexPage:
    index = CampaignIndexPage(
        title="Chiến dịch truyền thông", intro="<p>Giới thiệu</p>"
    )
    home_page.add_child(instance=index)
    return publish(index)


@pytest.fixture
def make_campaign(campaign_index):
    """Create (and by default publish) a campaign page under the index."""

    def _make(title=None, *, publish_it=True, tags=("lao-dong",), **fields):
        number = next(_counter)
        page = CampaignPage(
            title=title or f"Chiến dịch số {number}",
            lead=fields.pop("lead", "Tóm tắt chiến dịch."),
            live=publish_it,
            **fields,
        )
        campaign_index.add_child(instance=page)
        page.tags.add(*tags)
        if publish_it:
            return publish(page)
        page.save_revision()
        return page

    return _make


@pytest.fixture
def rich_campaigns(make_campaign, campaign_index, home_page):
    """Factory of published campaigns whose bodies reference images, docs and pages."""

    def _make(count):
        targets = [campaign_index, home_page]
        pages = []
        for number in range(count):
            images = [make_image(), make_image()]
            document = make_document()
            page = make_campaign(
                f"Chiến dịch giàu nội dung {number}",
                tags=("lao-dong", "sang-tao", f"nam-{number}"),
                hero_image=make_image(),
                dispatch_document=make_document(),
                body=rich_body(linked_pages=targets, images=images, document=document),
            )
            pages.append(page)
        return pages

    return _make


@pytest.fixture
def draft_campaign(make_campaign):
    return make_campaign("Bản nháp bí mật", publish_it=False)


@pytest.fixture
def private_campaign(make_campaign):
    page = make_campaign("Trang riêng tư bí mật")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return page


@pytest.fixture
def unpublished_campaign(make_campaign):
    page = make_campaign("Trang đã gỡ xuống")
    page.unpublish()
    return Page.objects.get(pk=page.pk).specific


def make_media(title: str | None = None, *, name="clip.mp4", kind="video"):
    """A wagtailmedia item; its bytes only need a length for these tests."""
    number = next(_counter)
    return get_media_model().objects.create(
        title=title or f"Phóng sự {number}",
        file=ContentFile(bytes(range(256)) * 40, name=f"{number}-{name}"),
        type=kind,
        duration=6.0,
        width=480,
        height=270,
    )


def make_caption_document(text: str = "WEBVTT\n\n00:00.000 --> 00:02.000\nXin chào\n"):
    number = next(_counter)
    return get_document_model().objects.create(
        title=f"Phụ đề {number}",
        file=ContentFile(text.encode(), name=f"phu-de-{number}.vtt"),
    )


@pytest.fixture
def video_index(home_page) -> VideoStoryIndexPage:
    index = VideoStoryIndexPage(title="Phóng sự video")
    home_page.add_child(instance=index)
    return publish(index)


@pytest.fixture
def make_video_story(video_index):
    """Create (and by default publish) a video story with an uploaded video."""

    def _make(
        title=None, *, publish_it=True, captions=1, tags=("nong-thon-moi",), **fields
    ):
        number = next(_counter)
        if "video_url" not in fields:
            fields.setdefault("video", make_media())
        page = VideoStoryPage(
            title=title or f"Phóng sự số {number}",
            lead=fields.pop("lead", "Tóm tắt phóng sự."),
            poster_image=fields.pop("poster_image", None) or make_image(),
            transcript=fields.pop("transcript", "<p>Lời thoại của phóng sự.</p>"),
            live=publish_it,
            **fields,
        )
        for _ in range(captions):
            page.captions.add(
                VideoCaption(
                    language="vi", label="Tiếng Việt", document=make_caption_document()
                )
            )
        video_index.add_child(instance=page)
        page.tags.add(*tags)
        if publish_it:
            return publish(page)
        page.save_revision()
        return page

    return _make


def captcha_answer() -> dict:
    """A fresh captcha challenge and its answer, read from the captcha store."""
    from captcha.models import CaptchaStore

    from campaigns.comments.captcha import new_challenge

    key = new_challenge()["key"]
    return {
        "captcha_key": key,
        "captcha_value": CaptchaStore.objects.get(hashkey=key).response,
    }


def make_comment(page, **fields):
    """A stored comment on ``page`` (pending unless ``status`` says otherwise)."""
    from campaigns.models import Comment

    number = next(_counter)
    defaults = {
        "name": f"Bạn đọc {number}",
        "title": f"Ý kiến {number}",
        "content": f"Nội dung ý kiến số {number}.",
        "locale_id": page.locale_id,
        "fingerprint": f"fixture-{number}",
    }
    return Comment.objects.create(page=page, **{**defaults, **fields})


@pytest.fixture
def moderator(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "moderator", "moderator@example.gov.vn", "x-Moderator-2026"
    )
    user.groups.add(Group.objects.get(name="Campaign moderators"))
    return user


@pytest.fixture
def officer(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(
        "officer", "officer@example.gov.vn", "x-Officer-2026"
    )
    user.groups.add(Group.objects.get(name="Communications officers"))
    return user
