"""Many sites in one deployment (DESIGN §12): figures, queue and groups per site.

The default site (``testserver`` falls to it) beside a department's
sub-portal on ``so.localhost`` (the ``other_site`` fixture). Each reads and
acts on its own figures and comments; a user acts on the sites they hold.
"""

import csv
import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Site, WorkflowPage

from campaigns import conf, sites
from campaigns.comments.digest import send_moderation_digest
from campaigns.models import (
    Comment,
    CommentStatus,
    DailyVisits,
    VisitorStatisticsSettings,
)
from campaigns.models.stats import DEFAULT_LEGACY_VISITS
from campaigns.stats.flush import flush
from tests.conftest import make_comment

BROWSER = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"
)
OTHER_HOST = "so.localhost"


def send_beacon(client, page, host="testserver", address="198.51.100.7"):
    return client.post(
        reverse("wagtailapi_v3:count_page_view", kwargs={"page_id": page.pk}),
        HTTP_HOST=host,
        HTTP_USER_AGENT=BROWSER,
        REMOTE_ADDR=address,
    )


def figures(client, host="testserver"):
    return client.get(
        reverse("wagtailapi_v3:visitor_statistics"), HTTP_HOST=host
    ).json()


# -- Which site ---------------------------------------------------------------


def test_a_request_finds_its_site_as_wagtail_does(rf, site, other_site):
    for host, expected in (
        (OTHER_HOST, other_site.site),
        (f"{OTHER_HOST}:80", other_site.site),
        ("localhost", site),
        ("unknown.example", site),  # falls back to the default site
    ):
        request = rf.get("/", HTTP_HOST=host)
        assert sites.site_id_for_request(request) == expected.pk
        assert Site.find_for_request(rf.get("/", HTTP_HOST=host)) == expected


def test_a_page_is_in_the_site_of_its_root_and_of_each_translation(
    site, other_site, make_campaign
):
    page = make_campaign("Ở tỉnh")
    assert sites.site_id_for_page(page) == site.pk
    assert sites.site_id_for_page(other_site.campaign) == other_site.site.pk
    english_home = site.root_page.copy_for_translation(_english(), copy_parents=True)
    assert sites.site_id_for_page(english_home) == site.pk


def _english():
    from wagtail.models import Locale

    return Locale.objects.get_or_create(language_code="en")[0]


def test_a_new_site_is_seen_at_once(rf, site, other_site):
    # The map of sites is cached; saving a site clears it.
    assert (
        sites.site_id_for_request(rf.get("/", HTTP_HOST="third.localhost")) == site.pk
    )
    third = Site.objects.create(
        hostname="third.localhost", port=80, root_page=other_site.home
    )
    assert (
        sites.site_id_for_request(rf.get("/", HTTP_HOST="third.localhost")) == third.pk
    )


# -- Visitor figures ------------------------------------------------------------


def test_each_site_counts_its_own_visits(client, site, other_site, make_campaign):
    province_page = make_campaign("Của tỉnh")
    assert send_beacon(client, province_page).status_code == 200
    assert send_beacon(client, other_site.campaign, host=OTHER_HOST).status_code == 200
    assert (
        send_beacon(
            client, other_site.campaign, host=OTHER_HOST, address="198.51.100.8"
        ).status_code
        == 200
    )
    flush()
    assert DailyVisits.objects.get(site=site).visits == 1
    assert DailyVisits.objects.get(site=other_site.site).visits == 2
    province, department = figures(client), figures(client, OTHER_HOST)
    assert (province["today"], province["online"]) == (1, 1)
    assert (department["today"], department["online"]) == (2, 2)


def test_a_page_of_another_site_is_not_counted_there(client, other_site, make_campaign):
    province_page = make_campaign("Của tỉnh")
    assert send_beacon(client, other_site.campaign).status_code == 404
    assert send_beacon(client, province_page, host=OTHER_HOST).status_code == 404
    assert figures(client)["today"] == 0
    assert figures(client, OTHER_HOST)["today"] == 0


def test_legacy_visits_are_per_site(client, site, other_site):
    settings = VisitorStatisticsSettings.for_site(other_site.site)
    settings.legacy_visits = 1_000
    settings.save()
    assert figures(client, OTHER_HOST)["total"] == 1_000
    assert (
        figures(client)["total"]
        == VisitorStatisticsSettings.for_site(site).legacy_visits
    )


def test_only_the_default_site_starts_with_the_old_portals_total(client, other_site):
    # A department's sub-portal never had the province's old portal behind it.
    assert figures(client, OTHER_HOST)["total"] == 0
    assert VisitorStatisticsSettings.for_site(other_site.site).legacy_visits == 0
    assert figures(client)["total"] == DEFAULT_LEGACY_VISITS


def test_the_figures_etag_differs_between_sites(client, other_site):
    url = reverse("wagtailapi_v3:visitor_statistics")
    province = client.get(url)
    department = client.get(url, HTTP_HOST=OTHER_HOST)
    assert province["ETag"] != department["ETag"]
    again = client.get(url, HTTP_HOST=OTHER_HOST, HTTP_IF_NONE_MATCH=province["ETag"])
    assert again.status_code == 200


def test_a_beacon_on_one_site_leaves_the_others_etag(client, other_site, make_campaign):
    url = reverse("wagtailapi_v3:visitor_statistics")
    province_page = make_campaign("Của tỉnh")
    before = client.get(url, HTTP_HOST=OTHER_HOST)["ETag"]
    send_beacon(client, province_page)
    response = client.get(url, HTTP_HOST=OTHER_HOST, HTTP_IF_NONE_MATCH=before)
    assert response.status_code == 304


# -- The statistics report -------------------------------------------------------


REPORT = "/admin/reports/visitor-statistics/"


def _member_of_the_sites_group(model, username, group):
    """A user in the sub-portal's own "<group> · Sở Lao động" group."""
    call_command("campaigns_setup", "--per-site", "--site", OTHER_HOST, verbosity=0)
    user = model.objects.create_user(
        username, f"{username}@so.example.gov.vn", "x-Member-2026"
    )
    user.groups.add(Group.objects.get(name=f"{group} · Sở Lao động"))
    return user


@pytest.fixture
def department_officer(db, django_user_model, other_site):
    return _member_of_the_sites_group(django_user_model, "can-bo", conf.OFFICERS_GROUP)


@pytest.fixture
def department_moderator(db, django_user_model, other_site):
    return _member_of_the_sites_group(
        django_user_model, "kiem-duyet", conf.MODERATORS_GROUP
    )


def _views_today(page, n):
    from django.utils import timezone

    from campaigns.models import PageDailyViews

    PageDailyViews.objects.create(page=page, day=timezone.localdate(), views=n)


def test_report_shows_only_the_held_sites_pages(
    client, department_officer, other_site, make_campaign
):
    province_page = make_campaign("Trang của tỉnh")
    _views_today(province_page, 50)
    _views_today(other_site.campaign, 7)
    client.force_login(department_officer)
    response = client.get(REPORT, {"period": "7", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Chiến dịch của Sở"]


def test_report_refuses_a_site_not_held(client, department_officer, site, other_site):
    client.force_login(department_officer)
    assert client.get(REPORT, {"site": site.pk}).status_code == 403
    assert client.get(REPORT, {"site": "x"}).status_code == 403
    assert client.get(REPORT, {"site": other_site.site.pk}).status_code == 200


def test_superuser_chooses_a_site_in_the_report(
    admin_client, site, other_site, make_campaign
):
    province_page = make_campaign("Trang của tỉnh")
    _views_today(province_page, 50)
    _views_today(other_site.campaign, 7)
    response = admin_client.get(
        REPORT, {"period": "7", "site": site.pk, "export": "csv"}
    )
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Trang của tỉnh"]
    both = admin_client.get(REPORT, {"period": "7", "export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(both.streaming_content).decode())))
    assert sorted(row[0] for row in rows[1:]) == ["Chiến dịch của Sở", "Trang của tỉnh"]


# -- The comment queue ------------------------------------------------------------


def comment_url(name, *args):
    return reverse(Comment.snippet_viewset.get_url_name(name), args=args)


def bulk_url(action, *comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return f"/admin/bulk/campaigns/comment/{action}/?{ids}&next=/admin/"


@pytest.fixture
def two_queues(other_site, make_campaign):
    province = make_comment(make_campaign("Có ý kiến"), title="Ý kiến ở tỉnh")
    department = make_comment(other_site.campaign, title="Ý kiến ở Sở")
    return province, department


def test_queue_lists_only_the_held_sites_comments(
    client, department_moderator, two_queues
):
    client.force_login(department_moderator)
    html = client.get(comment_url("list")).content.decode()
    assert "Ý kiến ở Sở" in html
    assert "Ý kiến ở tỉnh" not in html
    dashboard = client.get("/admin/").content.decode()
    assert "Ý kiến ở tỉnh" not in dashboard
    assert '"data-pending-comments": "1"' in dashboard  # the sidebar's props


def test_another_sites_comment_is_refused_on_every_view(
    client, department_moderator, two_queues
):
    province, department = two_queues
    client.force_login(department_moderator)
    for name in ("edit", "inspect", "history", "delete"):
        assert client.get(comment_url(name, province.pk)).status_code == 403, name
        assert client.get(comment_url(name, department.pk)).status_code == 200, name
    response = client.post(
        comment_url("edit", province.pk),
        {"status": CommentStatus.APPROVED, "reply": "Không được.", "title": "x"},
    )
    assert response.status_code == 403
    assert client.post(comment_url("delete", province.pk)).status_code == 403
    province.refresh_from_db()
    assert province.status == CommentStatus.PENDING


def test_crafted_bulk_post_for_another_site_gets_403(
    client, department_moderator, two_queues
):
    province, department = two_queues
    client.force_login(department_moderator)
    assert client.get(bulk_url("approve", province)).status_code == 403
    response = client.post(bulk_url("approve", province, department), {"note": ""})
    assert response.status_code == 403
    assert set(Comment.objects.values_list("status", flat=True)) == {
        CommentStatus.PENDING
    }
    client.post(bulk_url("approve", department), {"note": ""})
    department.refresh_from_db()
    assert department.status == CommentStatus.APPROVED


def test_data_request_covers_the_held_sites_only(
    client, department_moderator, two_queues
):
    province, department = two_queues
    Comment.objects.update(email="ban.doc@example.vn")
    client.force_login(department_moderator)
    response = client.post(
        comment_url("data_request"), {"email": "ban.doc@example.vn", "action": "json"}
    )
    records = json.loads(response.content)["comments"]
    assert [record["id"] for record in records] == [department.pk]
    response = client.post(
        comment_url("data_request"),
        {"email": "ban.doc@example.vn", "action": "erase", "confirm_erase": "on"},
    )
    assert response.status_code == 302
    assert list(Comment.objects.all()) == [province]


def test_digest_tells_each_moderator_of_their_sites(
    department_moderator, moderator, two_queues, mailoutbox
):
    province, department = two_queues
    result = send_moderation_digest()
    assert result.sent
    by_recipient = {tuple(message.to): message.body for message in mail.outbox}
    department_mail = by_recipient[("kiem-duyet@so.example.gov.vn",)]
    assert "Ý kiến ở Sở" in department_mail
    assert "Ý kiến ở tỉnh" not in department_mail
    province_mail = by_recipient[("moderator@example.gov.vn",)]
    assert "Ý kiến ở tỉnh" in province_mail and "Ý kiến ở Sở" in province_mail


# -- Groups per site ----------------------------------------------------------------


def test_per_site_setup_grants_only_that_sites_roots(other_site, site):
    call_command("campaigns_setup", "--per-site", verbosity=0)
    group = Group.objects.get(name=f"{conf.MODERATORS_GROUP} · Sở Lao động")
    granted = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", flat=True
        )
    )
    assert granted == {other_site.home.pk}
    assert "publish_page" in GroupPagePermission.objects.filter(
        group=group
    ).values_list("permission__codename", flat=True)
    link = WorkflowPage.objects.get(page=other_site.home)
    assert link.workflow.name.endswith("· Sở Lao động")
    task = link.workflow.workflow_tasks.get().task.specific
    assert set(task.groups.values_list("name", flat=True)) == {
        group.name,
        conf.MODERATORS_GROUP,
    }
    assert not task.groups.filter(name="Moderators").exists()
    collections = group.collection_permissions.values_list(
        "collection__name", flat=True
    )
    assert set(collections) == {"Sở Lao động"}


def test_per_site_setup_is_idempotent(other_site):
    call_command("campaigns_setup", "--per-site", verbosity=0)
    out = io.StringIO()
    call_command("campaigns_setup", "--per-site", stdout=out)
    assert "campaigns_setup: 0 created" in out.getvalue()


def test_a_translated_root_is_covered_for_the_sites_own_groups(other_site):
    call_command("campaigns_setup", "--per-site", verbosity=0)
    english = other_site.home.copy_for_translation(_english())
    group = Group.objects.get(name=f"{conf.OFFICERS_GROUP} · Sở Lao động")
    assert GroupPagePermission.objects.filter(group=group, page=english).exists()
    user = group.user_set.create(username="x-so")
    assert sites.held_site_ids(user) == {other_site.site.pk}


# -- Headless preview ------------------------------------------------------------


def test_each_site_previews_on_its_own_front_end(settings, other_site, make_campaign):
    from campaigns.models import HeadlessPreviewSettings
    from campaigns.preview import front_end_url

    settings.CAMPAIGNS_HEADLESS_PREVIEW_URL = "https://tinh.example/xem"
    own = HeadlessPreviewSettings.for_site(other_site.site)
    own.front_end_url = "https://so.example/xem-truoc"
    own.save()
    assert front_end_url("t", other_site.campaign).startswith(
        "https://so.example/xem-truoc?token=t"
    )
    assert front_end_url("t", make_campaign("Ở tỉnh")).startswith(
        "https://tinh.example/xem?token=t"
    )
