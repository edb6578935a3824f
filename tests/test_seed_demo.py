"""seed_demo loads the demo portal once; a second run changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site
from wagtail_localize.models import StringSegment, Translation

from campaigns.models import (
    CampaignIndexPage,
    CampaignPage,
    Comment,
    CommentStatus,
    DailyVisits,
    VideoStoryPage,
)
from campaigns.sites import in_site
from home.demo import (
    DRAFT_SLUG,
    PRIVATE_SLUG,
    PUBLIC_SLUGS,
    REFERENCE_SLUG,
    VIDEO_DRAFT_SLUG,
    VIDEO_EMBED_URL,
    VIDEO_PRIVATE_SLUG,
    VIDEO_PUBLIC_SLUGS,
    sub_portal,
)
from home.models import HomePage, PortalText


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
    province = Site.objects.get(is_default_site=True)
    vietnamese = (
        CampaignPage.objects.live()
        .public()
        .filter(in_site(province), locale__language_code="vi")
    )
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
def test_seed_demo_keeps_the_dispatches_of_hidden_pages_in_a_staff_collection(client):
    call_command("seed_demo")
    hidden = [
        CampaignPage.objects.get(slug=slug).dispatch_document
        for slug in (DRAFT_SLUG, PRIVATE_SLUG)
    ]
    for document in hidden:
        assert document.collection.get_view_restrictions().exists()
        assert client.get(document.url).status_code != 200
    listed = {
        item["title"]
        for version in ("v2", "v3")
        for item in client.get(f"/api/{version}/documents/", {"limit": 100}).json()[
            "items"
        ]
    }
    assert listed and not listed & {document.title for document in hidden}


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


@pytest.mark.django_db
def test_seed_demo_english_editions_are_wagtail_localize_translations():
    call_command("seed_demo")
    translations = Translation.objects.filter(
        target_locale__language_code="en", enabled=True
    ).select_related("source", "target_locale")
    targets = [translation.get_target_instance() for translation in translations]
    pages = [target for target in targets if isinstance(target, Page)]
    kinds = [type(page) for page in pages]
    assert [type(target) for target in targets].count(PortalText) == 1
    assert kinds.count(HomePage) == 1
    assert kinds.count(CampaignIndexPage) == 1
    assert kinds.count(CampaignPage) >= 3
    assert kinds.count(VideoStoryPage) >= 2
    assert all(page.live and page.locale.language_code == "en" for page in pages)
    assert Page.objects.filter(locale__language_code="en").count() == len(pages)

    for translation in translations:
        segments = StringSegment.objects.filter(
            source=translation.source
        ).annotate_translation(translation.target_locale)
        untranslated = [seg.string.data for seg in segments if not seg.translation]
        assert untranslated == [], translation.source.object_repr
        source, target = translation.source.get_source_instance(), targets.pop(0)
        assert str(target) != str(source)


@pytest.mark.django_db
def test_seed_demo_has_a_moderated_conversation(settings):
    from campaigns.models import Comment, CommentPolicy, CommentStatus
    from home.demo.comments import BANNED_WORDS

    settings.DEBUG = True
    call_command("seed_demo")
    comments = Comment.objects.select_related("page", "locale")
    count = comments.count()
    call_command("seed_demo")
    assert comments.count() == count

    approved = comments.filter(status=CommentStatus.APPROVED)
    assert approved.count() >= 6
    assert approved.exclude(reply="").count() >= 2
    assert comments.filter(status=CommentStatus.PENDING).count() >= 3
    assert comments.filter(status=CommentStatus.PENDING).exclude(held_reason="")
    assert comments.filter(status=CommentStatus.REJECTED).exists()
    assert comments.filter(status=CommentStatus.SPAM).exists()
    assert approved.filter(page__slug=REFERENCE_SLUG).exists()
    assert approved.filter(page__content_type__model="videostorypage").exists()
    assert approved.filter(locale__language_code="en").exists()
    assert all(comment.locale_id == comment.page.locale_id for comment in comments)

    moderator = get_user_model().objects.get(username="moderator")
    assert all(c.moderated_by == moderator for c in comments.exclude(status="pending"))
    assert all(c.reply_by == moderator for c in approved.exclude(reply=""))
    with_email = comments.exclude(email="")
    assert 1 <= with_email.count() <= 2
    assert all(c.status == CommentStatus.PENDING for c in with_email)
    assert all(c.email.split("@")[1].startswith("example.") for c in with_email)
    assert not comments.exclude(ip_hash="").exists()

    policy = CommentPolicy.objects.get()
    assert policy.banned_word_list == list(BANNED_WORDS)


@pytest.mark.django_db
def test_seed_demo_adds_a_department_sub_portal_on_its_own_host(client):
    call_command("seed_demo")
    province = Site.objects.get(is_default_site=True)
    department = Site.objects.get(hostname=sub_portal.HOSTNAME)
    assert department.root_page.specific_class is HomePage
    assert department.site_name == sub_portal.SITE_NAME

    campaign = CampaignPage.objects.get(slug=sub_portal.CAMPAIGN_SLUG)
    assert CampaignPage.objects.filter(in_site(department)).get() == campaign
    statuses = set(
        Comment.objects.filter(page=campaign).values_list("status", flat=True)
    )
    assert statuses == {CommentStatus.APPROVED, CommentStatus.PENDING}
    assert PortalText.objects.get(site=department).portal_name == sub_portal.SITE_NAME

    # Each site has its own history; the department's is the smaller one.
    days = DailyVisits.objects.filter(site=department)
    assert days.count() == DailyVisits.objects.filter(site=province).count() > 0
    assert sum(days.values_list("visits", flat=True)) < sum(
        DailyVisits.objects.filter(site=province).values_list("visits", flat=True)
    )

    # Each home page shows its own site's campaigns and texts, none of the other's.
    own = client.get("/", HTTP_HOST=sub_portal.HOSTNAME)
    assert own.status_code == 200
    assert sub_portal.CAMPAIGN_TITLE in own.text
    assert sub_portal.SITE_NAME in own.text
    other = client.get("/", HTTP_HOST="localhost")
    assert sub_portal.CAMPAIGN_TITLE not in other.text
    for slug in PUBLIC_SLUGS:
        assert f"/{slug}/" not in own.text


@pytest.mark.django_db
def test_seed_demo_gives_the_sub_portal_a_moderator_of_its_own(settings):
    from campaigns import conf, sites
    from home.demo.users import SUB_PORTAL_MODERATOR

    settings.DEBUG = True
    call_command("seed_demo")
    department = Site.objects.get(hostname=sub_portal.HOSTNAME)
    user = get_user_model().objects.get(username=SUB_PORTAL_MODERATOR)
    assert sites.held_site_ids(user) == {department.pk}
    assert user.groups.get().name == f"{conf.MODERATORS_GROUP} · {sub_portal.SITE_NAME}"
    shared = get_user_model().objects.get(username="moderator")
    assert department.pk in sites.held_site_ids(shared)


@pytest.mark.django_db
def test_the_reference_article_lists_its_video_reportages_as_the_old_portal(client):
    from home.demo.video_stories import (
        HOUSEHOLD_ECONOMY,
        KEEP_CRITERIA,
        MODEL_VILLAGE,
        OFFICIALS,
        TOURISM,
    )

    call_command("seed_demo")
    page = CampaignPage.objects.get(slug=REFERENCE_SLUG, locale__language_code="vi")
    html = client.get(page.get_url_parts()[2]).content.decode()
    section = html.split('id="campaign-videos-title"', 1)[1].split("</section>", 1)[0]
    titles = [TOURISM, MODEL_VILLAGE, KEEP_CRITERIA, HOUSEHOLD_ECONOMY, OFFICIALS]
    positions = [section.index(spec.title) for spec in titles]
    assert positions == sorted(positions)
