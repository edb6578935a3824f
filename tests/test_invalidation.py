"""Every rule of what invalidates what is live: its models, routes and effects."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from campaigns import invalidation
from campaigns.api.cached_reads import cached_reads, unresolved_reads
from campaigns.generation import content_generation
from campaigns.models import CommentStatus
from campaigns.models.stats import VisitorStatisticsSettings
from campaigns.moderation.actions import (
    erase_comments,
    set_comment_status,
    update_comment,
)
from tests.conftest import make_comment, make_document, make_image
from tests.test_api_caching import etag


def test_every_cached_read_names_a_route_of_the_site():
    assert unresolved_reads() == []
    assert unresolved_reads("tests.urls_headless") == []
    names = {read.view_name for read in cached_reads()}
    assert "wagtailapi_v3:portal_texts" in names  # the site's own read


def test_a_renamed_route_is_reported():
    from campaigns.api import cached_reads as module

    module.register_read("wagtailapi_v3:no_such_operation")
    try:
        assert unresolved_reads() == ["wagtailapi_v3:no_such_operation"]
    finally:
        module._READS.remove(module.CachedRead("wagtailapi_v3:no_such_operation"))
        module._by_resolver.clear()


def test_every_rule_names_an_installed_model_and_is_connected():
    rules = invalidation.rules()
    senders = {rule.sender for rule in rules}
    assert {"home.PortalText", "home.PortalSettings"} <= senders
    for rule in rules:
        sender = None if rule.sender is None else apps.get_model(rule.sender)
        assert rule.signal.has_listeners(sender), rule


@pytest.fixture
def pages(make_campaign):
    return make_campaign("Chiến dịch được theo dõi"), make_campaign("Chiến dịch bên")


@pytest.fixture
def reader_comment(pages):
    return make_comment(
        pages[0], status=CommentStatus.APPROVED, email="ban.doc@example.vn"
    )


def _publish(pages, **kw):
    pages[0].lead = "Tóm tắt mới."
    pages[0].save_revision().publish()


def _unpublish(pages, **kw):
    pages[0].unpublish()


def _move(pages, **kw):
    pages[0].move(pages[1], pos="right")


def _delete(pages, **kw):
    pages[0].delete()


def _restrict(pages, **kw):
    PageViewRestriction.objects.create(
        page=pages[0], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


def _approve(pages, moderator, **kw):
    set_comment_status(make_comment(pages[0]), CommentStatus.APPROVED, by=moderator)


def _reject(pages, moderator, reader_comment, **kw):
    set_comment_status(reader_comment, CommentStatus.REJECTED, by=moderator)


def _reply(pages, moderator, reader_comment, **kw):
    update_comment(reader_comment, by=moderator, reply="Cảm ơn bạn đọc.")


def _delete_comment(pages, moderator, reader_comment, client, **kw):
    client.force_login(moderator)
    url = reverse(
        reader_comment.snippet_viewset.get_url_name("delete"), args=[reader_comment.pk]
    )
    assert client.post(url).status_code == 302
    client.logout()


def _erase(pages, moderator, reader_comment, **kw):
    assert erase_comments("ban.doc@example.vn", by=moderator) == 1


def _portal_text(pages, site, **kw):
    from home.models import PortalText

    text = PortalText.objects.filter(locale=Locale.get_default(), site=site).first()
    text = text or PortalText(locale=Locale.get_default(), site=site)
    text.tagline = "Khẩu hiệu mới"
    text.save()


def _portal_settings(pages, site, **kw):
    from home.models import PortalSettings

    settings = PortalSettings.for_site(site)
    settings.tagline = "Khẩu hiệu mới"
    settings.save()


def _visitor_settings(pages, site, **kw):
    settings = VisitorStatisticsSettings.for_site(site)
    settings.legacy_visits += 1
    settings.save()


def _image(pages, **kw):
    make_image("Ảnh mới")


def _document(pages, **kw):
    make_document("Tài liệu mới")


def _locale(pages, **kw):
    Locale.objects.get_or_create(language_code="en")[0].save()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change",
    [
        _publish,
        _unpublish,
        _move,
        _delete,
        _restrict,
        _approve,
        _reject,
        _reply,
        _delete_comment,
        _erase,
        _portal_text,
        _portal_settings,
        _visitor_settings,
        _image,
        _document,
        _locale,
    ],
    ids=lambda change: change.__name__.strip("_"),
)
def test_each_change_moves_the_generation_and_the_api_etags(
    client,
    site,
    pages,
    moderator,
    reader_comment,
    change,
    django_capture_on_commit_callbacks,
):
    listings = ["/api/v2/pages/", "/api/v3/pages/", "/api/v3/portal/"]
    before = [etag(client, url) for url in listings]
    generation = content_generation(site.pk)
    with django_capture_on_commit_callbacks(execute=True):
        change(
            pages=pages,
            moderator=moderator,
            reader_comment=reader_comment,
            client=client,
            site=site,
        )
    assert content_generation(site.pk) > generation
    after = [etag(client, url) for url in listings]
    assert all(old != new for old, new in zip(before, after, strict=True))


@pytest.mark.django_db
def test_a_setting_row_made_on_first_read_moves_nothing(site):
    from home.models import PortalSettings

    PortalSettings.objects.filter(site=site).delete()
    VisitorStatisticsSettings.objects.filter(site=site).delete()
    generation = content_generation(site.pk)
    PortalSettings.for_site(site)
    VisitorStatisticsSettings.for_site(site)
    assert content_generation(site.pk) == generation


@pytest.mark.django_db
def test_a_pending_comment_moves_nothing(site, pages, moderator):
    generation = content_generation(site.pk)
    comment = make_comment(pages[0])
    set_comment_status(comment, CommentStatus.SPAM, by=moderator)
    assert content_generation(site.pk) == generation


@pytest.mark.django_db
def test_imported_counts_move_the_views_of_those_pages_only(client, pages):
    first, second = (f"/api/v3/pages/{page.pk}/" for page in pages)
    before = etag(client, first), etag(client, second), etag(client, "/api/v2/pages/")
    invalidation.counts_imported([pages[0].pk])
    assert etag(client, first) != before[0]
    assert etag(client, second) == before[1]
    assert etag(client, "/api/v2/pages/") != before[2]
