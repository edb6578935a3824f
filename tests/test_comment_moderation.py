"""The moderation queue in the Wagtail admin: who may do what, and what is recorded."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from campaigns.clients import comment_ip_hash
from campaigns.comments.posting import PosterBlocked, post_comment
from campaigns.generation import content_generation
from campaigns.models import Comment, CommentBlock, CommentPolicy, CommentStatus
from campaigns.moderation import log_actions
from campaigns.moderation.panels import CommentsMenuItem
from campaigns.sites import site_id_for_page
from tests.conftest import captcha_answer, make_comment

SCRIPT = "<script>alert('x')</script>"
ESCAPED = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"


def url(name, *args):
    return reverse(Comment.snippet_viewset.get_url_name(name), args=args)


def bulk_url(action, *comments, next_url="/admin/"):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    return f"/admin/bulk/campaigns/comment/{action}/?{ids}&next={next_url}"


def logs(comment, action=None):
    entries = ModelLogEntry.objects.for_instance(comment)
    if action:
        entries = entries.filter(action=action)
    return list(entries.order_by("timestamp", "pk"))


def edit_data(comment, **changes):
    data = {
        "name": comment.name,
        "title": comment.title,
        "content": comment.content,
        "status": comment.status,
        "moderation_note": comment.moderation_note,
        "reply": comment.reply,
    }
    return {**data, **changes}


@pytest.fixture
def campaign(make_campaign):
    return make_campaign("Chiến dịch có ý kiến")


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


# -- The queue ---------------------------------------------------------------


@pytest.mark.django_db
def test_queue_lists_pending_comments_first_then_newest(moderator_client, campaign):
    now = timezone.now()
    approved = make_comment(
        campaign, title="Đã duyệt mới nhất", status=CommentStatus.APPROVED
    )
    old_pending = make_comment(
        campaign, title="Chờ duyệt cũ", created_at=now - timedelta(days=2)
    )
    new_pending = make_comment(
        campaign, title="Chờ duyệt mới", created_at=now - timedelta(hours=1)
    )
    html = moderator_client.get(url("list")).content.decode()
    positions = [html.index(c.title) for c in (new_pending, old_pending, approved)]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_queue_filters_by_status_page_and_date(
    moderator_client, campaign, make_campaign
):
    other_page = make_campaign("Trang khác")
    now = timezone.now()
    approved = make_comment(campaign, title="Ý kiến đã duyệt", status="approved")
    pending = make_comment(campaign, title="Ý kiến chờ duyệt")
    elsewhere = make_comment(other_page, title="Ý kiến trang khác")
    old = make_comment(
        campaign, title="Ý kiến năm ngoái", created_at=now - timedelta(days=400)
    )

    def titles(query):
        response = moderator_client.get(url("list") + query)
        assert response.status_code == 200
        html = response.content.decode()
        return {c.title for c in (approved, pending, elsewhere, old) if c.title in html}

    assert titles("?status=approved") == {approved.title}
    assert titles(f"?page={other_page.pk}") == {elsewhere.title}
    since = (now - timedelta(days=30)).date().isoformat()
    assert titles(f"?created_at_from={since}") == {
        approved.title,
        pending.title,
        elsewhere.title,
    }


@pytest.mark.django_db
def test_queue_search_covers_name_title_content_and_reply(moderator_client, campaign):
    by_name = make_comment(campaign, name="Nguyen Zebra", title="Một")
    by_content = make_comment(campaign, title="Hai", content="có chữ zebra ở đây")
    by_reply = make_comment(campaign, title="Ba", reply="Trả lời về zebra.")
    unrelated = make_comment(campaign, title="Bốn", content="không liên quan")
    html = moderator_client.get(url("list") + "?q=zebra").content.decode()
    for comment in (by_name, by_content, by_reply):
        assert f">{comment.title}<" in html
    assert f">{unrelated.title}<" not in html


@pytest.mark.django_db
def test_queue_shows_why_a_comment_was_held(moderator_client, campaign):
    make_comment(campaign, held_reason="Contains banned words: lừa đảo")
    assert "lừa đảo" in moderator_client.get(url("list")).content.decode()


@pytest.mark.django_db
def test_script_in_reader_fields_is_escaped_in_listing_edit_and_inspect(
    moderator_client, campaign
):
    comment = make_comment(campaign, name=SCRIPT, title=SCRIPT, content=SCRIPT)
    for page_url in (url("list"), url("edit", comment.pk), url("inspect", comment.pk)):
        html = moderator_client.get(page_url).content.decode()
        assert SCRIPT not in html, page_url
        assert ESCAPED in html or "&lt;script&gt;" in html, page_url


@pytest.mark.django_db
def test_nobody_can_add_a_comment_in_the_admin(client, django_user_model, campaign):
    admin = django_user_model.objects.create_superuser("root", password="pw-root-1")
    client.force_login(admin)
    assert client.get(url("add")).status_code == 403
    response = client.post(
        url("add"),
        {"page": campaign.pk, "name": "A", "title": "B", "content": "C"},
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()


# -- Bulk actions ------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("action", "status", "log_action"),
    [
        ("approve", CommentStatus.APPROVED, log_actions.APPROVE),
        ("reject", CommentStatus.REJECTED, log_actions.REJECT),
        ("spam", CommentStatus.SPAM, log_actions.SPAM),
    ],
)
def test_bulk_action_moves_comments_and_logs_the_note(
    moderator_client, moderator, campaign, action, status, log_action
):
    first, second = make_comment(campaign), make_comment(campaign)
    untouched = make_comment(campaign)
    confirmation = moderator_client.get(bulk_url(action, first, second))
    assert confirmation.status_code == 200
    assert 'name="note"' in confirmation.content.decode()

    response = moderator_client.post(
        bulk_url(action, first, second), {"note": "Đã kiểm tra nguồn."}
    )
    assert response.status_code == 302
    for comment in (first, second):
        comment.refresh_from_db()
        assert comment.status == status
        assert comment.moderated_by == moderator
        assert comment.moderation_note == "Đã kiểm tra nguồn."
        [entry] = logs(comment, log_action)
        assert entry.user == moderator
        assert entry.data["note"] == "Đã kiểm tra nguồn."
        assert entry.timestamp is not None
    untouched.refresh_from_db()
    assert untouched.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_bulk_action_without_note_and_repeat_is_a_no_op(moderator_client, campaign):
    comment = make_comment(campaign)
    moderator_client.post(bulk_url("approve", comment), {"note": ""})
    moderator_client.post(bulk_url("approve", comment), {"note": "lần hai"})
    comment.refresh_from_db()
    assert comment.moderation_note == ""
    assert len(logs(comment, log_actions.APPROVE)) == 1


@pytest.mark.django_db
def test_approving_moves_the_content_generation(
    moderator_client, campaign, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign)
    before = content_generation(site_id_for_page(campaign))
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(bulk_url("approve", comment), {"note": ""})
    assert content_generation(site_id_for_page(campaign)) > before


@pytest.mark.django_db
def test_noting_a_pending_comment_leaves_the_generation_alone(
    moderator_client, campaign, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign)
    before = content_generation(site_id_for_page(campaign))
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            url("edit", comment.pk), edit_data(comment, moderation_note="Xem lại")
        )
    assert content_generation(site_id_for_page(campaign)) == before
    [entry] = logs(comment)
    assert entry.action == log_actions.NOTE


@pytest.mark.django_db
def test_deleting_an_approved_comment_moves_the_generation(
    moderator_client, campaign, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign, status=CommentStatus.APPROVED)
    before = content_generation(site_id_for_page(campaign))
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(url("delete", comment.pk))
    assert response.status_code == 302
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert content_generation(site_id_for_page(campaign)) > before


# -- Officers may look, never touch -----------------------------------------


@pytest.mark.django_db
def test_officer_may_view_the_queue_and_inspect(officer_client, campaign):
    comment = make_comment(campaign, email="ban.doc@example.vn")
    listing = officer_client.get(url("list"))
    assert listing.status_code == 200
    assert comment.title in listing.content.decode()
    inspect = officer_client.get(url("inspect", comment.pk))
    assert inspect.status_code == 200
    assert "ban.doc@example.vn" not in inspect.content.decode()


def bulk_action_parts():
    """What a queue listing shows of its bulk actions: links, footer, checkboxes."""
    links = [
        reverse("wagtail_bulk_action", args=["campaigns", "comment", action])
        for action in ("approve", "reject", "spam")
    ]
    return [
        *links,
        "data-bulk-action-footer",
        "bulk-action-checkbox",
        "bulk-actions.js",
    ]


@pytest.mark.django_db
def test_queue_offers_bulk_actions_to_moderators(moderator_client, campaign):
    make_comment(campaign)
    listing = moderator_client.get(url("list")).content.decode()
    assert [part for part in bulk_action_parts() if part not in listing] == []
    results = moderator_client.get(url("list_results")).content.decode()
    assert "bulk-action-checkbox" in results


@pytest.mark.django_db
def test_queue_hides_bulk_actions_and_checkboxes_from_officers(
    officer_client, campaign
):
    comment = make_comment(campaign)
    listing = officer_client.get(url("list"))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert comment.title in html
    assert [part for part in bulk_action_parts() if part in html] == []
    # The rows refreshed by search and filters come from the results view.
    results = officer_client.get(url("list_results")).content.decode()
    assert comment.title in results
    assert [part for part in bulk_action_parts() if part in results] == []


@pytest.mark.django_db
def test_officer_sees_no_edit_or_moderation_links(officer_client, campaign):
    comment = make_comment(campaign, ip_hash="a" * 64)
    pages = [
        officer_client.get(url("list")),
        officer_client.get(url("inspect", comment.pk)),
    ]
    for page in pages:
        html = page.content.decode()
        for name in ("edit", "delete", "block"):
            assert url(name, comment.pk) not in html


@pytest.mark.django_db
def test_officer_gets_403_on_edit_even_by_crafted_post(officer_client, campaign):
    comment = make_comment(campaign)
    assert officer_client.get(url("edit", comment.pk)).status_code == 403
    response = officer_client.post(
        url("edit", comment.pk), edit_data(comment, status="approved", reply="X")
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING
    assert comment.reply == ""
    assert logs(comment) == []


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["approve", "reject", "spam", "delete"])
def test_officer_gets_403_on_bulk_actions(officer_client, campaign, action):
    comment = make_comment(campaign)
    if action != "delete":
        assert officer_client.get(bulk_url(action, comment)).status_code == 403
        response = officer_client.post(bulk_url(action, comment), {"note": "x"})
        assert response.status_code == 403
    else:
        officer_client.post(bulk_url(action, comment))
    comment.refresh_from_db()
    assert comment.status == CommentStatus.PENDING


@pytest.mark.django_db
def test_officer_gets_403_on_block_and_delete(officer_client, campaign):
    comment = make_comment(campaign, ip_hash="a" * 64)
    assert officer_client.get(url("block", comment.pk)).status_code == 403
    assert officer_client.post(url("block", comment.pk), {}).status_code == 403
    assert officer_client.post(url("delete", comment.pk)).status_code == 403
    assert not CommentBlock.objects.exists()
    assert Comment.objects.filter(pk=comment.pk).exists()


@pytest.mark.django_db
def test_officer_gets_403_on_data_subject_requests(officer_client, campaign):
    comment = make_comment(campaign, email="ban.doc@example.vn")
    data_url = url("data_request")
    assert officer_client.get(data_url).status_code == 403
    for action in ("find", "json", "csv", "erase"):
        response = officer_client.post(
            data_url,
            {"email": "ban.doc@example.vn", "action": action, "confirm_erase": "on"},
        )
        assert response.status_code == 403
    assert Comment.objects.filter(pk=comment.pk).exists()


# -- Moderating one comment -------------------------------------------------


@pytest.mark.django_db
def test_moderator_replies_and_redacts_with_the_original_kept_in_history(
    moderator_client, moderator, campaign
):
    original = "Gọi tôi: 0912 345 678, CCCD 012345678901."
    comment = make_comment(
        campaign, content=original, email="ban.doc@example.vn", ip_hash="b" * 64
    )
    response = moderator_client.post(
        url("edit", comment.pk),
        edit_data(
            comment,
            content="Gọi tôi: [đã xoá].",
            status="approved",
            reply="Cảm ơn bạn, sở sẽ liên hệ.",
            # Not in the form: ignored whatever is sent.
            email="attacker@example.com",
            ip_hash="",
            page=campaign.pk + 999,
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    comment.refresh_from_db()
    assert comment.content == "Gọi tôi: [đã xoá]."
    assert comment.status == CommentStatus.APPROVED
    assert comment.reply == "Cảm ơn bạn, sở sẽ liên hệ."
    assert comment.reply_by == moderator
    assert comment.reply_at is not None
    assert comment.moderated_by == moderator
    assert comment.email == "ban.doc@example.vn"
    assert comment.ip_hash == "b" * 64
    assert comment.page_id == campaign.pk

    actions = [entry.action for entry in logs(comment)]
    assert actions == [log_actions.REDACT, log_actions.APPROVE, log_actions.REPLY]
    assert "wagtail.edit" not in actions
    [redaction] = logs(comment, log_actions.REDACT)
    assert redaction.data["original"] == {"content": original}
    assert redaction.user == moderator

    history = moderator_client.get(url("history", comment.pk))
    assert history.status_code == 200
    assert "0912 345 678" in history.content.decode()


@pytest.mark.django_db
def test_saving_without_changes_records_nothing(moderator_client, campaign):
    comment = make_comment(campaign)
    moderator_client.post(url("edit", comment.pk), edit_data(comment))
    assert logs(comment) == []


@pytest.mark.django_db
def test_edit_view_shows_email_read_only(moderator_client, campaign):
    comment = make_comment(campaign, email="ban.doc@example.vn")
    html = moderator_client.get(url("edit", comment.pk)).content.decode()
    assert "ban.doc@example.vn" in html
    assert 'name="email"' not in html
    assert 'name="ip_hash"' not in html


# -- Badge and dashboard -----------------------------------------------------


@pytest.mark.django_db
def test_menu_badge_counts_pending_comments(rf, moderator, officer, campaign):
    make_comment(campaign)
    make_comment(campaign)
    make_comment(campaign, status=CommentStatus.APPROVED)
    item = Comment.snippet_viewset.get_menu_item()
    assert isinstance(item, CommentsMenuItem)
    request = rf.get("/admin/")
    request.user = moderator
    assert item.is_shown(request)
    component = item.render_component(request)
    assert "(2)" in component.label
    assert component.attrs["data-pending-comments"] == "2"
    request.user = officer
    assert item.is_shown(request)


@pytest.mark.django_db
def test_menu_item_is_hidden_from_users_without_comment_permissions(
    rf, django_user_model
):
    editor = django_user_model.objects.create_user("editor", password="pw-ed-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    request = rf.get("/admin/")
    request.user = editor
    assert not Comment.snippet_viewset.get_menu_item().is_shown(request)


@pytest.mark.django_db
def test_admin_sidebar_shows_the_pending_count(moderator_client, campaign):
    make_comment(campaign)
    html = moderator_client.get("/admin/").content.decode()
    assert "data-pending-comments" in html


@pytest.mark.django_db
def test_dashboard_lists_latest_pending_comments_with_moderation_links(
    moderator_client, officer, client, campaign
):
    pending = make_comment(campaign, title=f"Chờ duyệt {SCRIPT}")
    approved = make_comment(campaign, title="Đã duyệt rồi", status="approved")
    html = moderator_client.get("/admin/").content.decode()
    assert 'id="pending-comments' in html or "pending-comments" in html
    assert url("edit", pending.pk) in html
    assert SCRIPT not in html
    assert approved.title not in html

    client.force_login(officer)
    html = client.get("/admin/").content.decode()
    assert url("inspect", pending.pk) in html
    assert url("edit", pending.pk) not in html


@pytest.mark.django_db
def test_dashboard_has_no_comment_panel_without_comment_permissions(
    client, django_user_model, campaign
):
    make_comment(campaign, title="Bí mật chờ duyệt")
    editor = django_user_model.objects.create_user("editor", password="pw-ed-1")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Bí mật chờ duyệt" not in html


# -- Moderator tools ---------------------------------------------------------


@pytest.mark.django_db
def test_blocking_refuses_later_comments_from_that_ip_hash(
    moderator_client, moderator, campaign, site
):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    comment = make_comment(campaign, ip_hash=comment_ip_hash(request))
    policy = CommentPolicy.for_site(site)
    policy.block_days = 7
    policy.save()

    assert moderator_client.get(url("block", comment.pk)).status_code == 200
    response = moderator_client.post(url("block", comment.pk), {"reason": "Spam"})
    assert response.status_code == 302
    block = CommentBlock.objects.get(ip_hash=comment.ip_hash)
    assert block.created_by == moderator
    expected = timezone.now() + timedelta(days=7)
    assert abs((block.blocked_until - expected).total_seconds()) < 60
    [entry] = logs(comment, log_actions.BLOCK)
    assert entry.user == moderator

    data = {"name": "Bạn đọc", "title": "Lại là tôi", "content": "Nội dung mới."}
    with pytest.raises(PosterBlocked):
        post_comment(request, campaign, {**data, **captcha_answer()})

    other = RequestFactory().post("/", REMOTE_ADDR="203.0.113.10")
    assert post_comment(other, campaign, {**data, **captcha_answer()}).pk


@pytest.mark.django_db
def test_blocking_again_extends_never_shortens(moderator_client, campaign):
    comment = make_comment(campaign, ip_hash="c" * 64)
    far = timezone.now() + timedelta(days=365)
    CommentBlock.objects.create(ip_hash=comment.ip_hash, blocked_until=far)
    moderator_client.post(url("block", comment.pk), {"reason": ""})
    assert CommentBlock.objects.get().blocked_until == far


@pytest.mark.django_db
def test_blocked_posters_are_listed_and_can_be_lifted(moderator_client, campaign):
    block = CommentBlock.objects.create(
        ip_hash="d" * 64, blocked_until=timezone.now() + timedelta(days=3)
    )
    listing = reverse("comment_blocks:index")
    assert moderator_client.get(listing).status_code == 200
    delete = reverse("comment_blocks:delete", args=(block.pk,))
    assert moderator_client.post(delete).status_code == 302
    assert not CommentBlock.objects.exists()


@pytest.mark.django_db
def test_moderators_may_edit_the_banned_words_setting(moderator_client, site):
    response = moderator_client.get(
        f"/admin/settings/campaigns/commentpolicy/{site.pk}/"
    )
    assert response.status_code == 200
    assert 'name="banned_words"' in response.content.decode()


@pytest.mark.django_db
def test_page_settings_offer_comments_close_at(client, django_user_model, campaign):
    admin = django_user_model.objects.create_superuser("root", password="pw-root-1")
    client.force_login(admin)
    html = client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()
    assert 'name="comments_close_at"' in html


# -- Data subject requests ---------------------------------------------------


@pytest.fixture
def readers_comments(campaign):
    return [
        make_comment(campaign, title="Thứ nhất", email="Ban.Doc@Example.vn"),
        make_comment(
            campaign,
            title="Thứ hai",
            email="ban.doc@example.vn",
            status="approved",
            reply="Đã trả lời",
        ),
    ]


@pytest.mark.django_db
def test_data_subject_export_as_json(moderator_client, readers_comments, campaign):
    other = make_comment(campaign, title="Người khác", email="khac@example.vn")
    response = moderator_client.post(
        url("data_request"), {"email": "ban.doc@example.vn", "action": "json"}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    records = json.loads(response.content)["comments"]
    assert [r["title"] for r in records] == ["Thứ nhất", "Thứ hai"]
    assert records[1]["official_reply"] == "Đã trả lời"
    assert records[0]["page_title"] == campaign.title
    assert {r["email"].lower() for r in records} == {"ban.doc@example.vn"}
    for comment in readers_comments:
        [entry] = logs(comment, log_actions.EXPORT)
        assert "example.vn" not in json.dumps(entry.data)
        assert "example.vn" not in entry.label
    assert logs(other) == []


@pytest.mark.django_db
def test_data_subject_export_as_csv(moderator_client, readers_comments):
    response = moderator_client.post(
        url("data_request"), {"email": "BAN.DOC@example.vn", "action": "csv"}
    )
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row["title"] for row in rows] == ["Thứ nhất", "Thứ hai"]


@pytest.mark.django_db
def test_data_subject_erase_deletes_all_and_logs_without_the_address(
    moderator_client, moderator, readers_comments, campaign
):
    other = make_comment(campaign, email="khac@example.vn")
    refused = moderator_client.post(
        url("data_request"), {"email": "ban.doc@example.vn", "action": "erase"}
    )
    assert refused.status_code == 200
    assert Comment.objects.count() == 3

    response = moderator_client.post(
        url("data_request"),
        {"email": "ban.doc@example.vn", "action": "erase", "confirm_erase": "on"},
    )
    assert response.status_code == 302
    assert list(Comment.objects.all()) == [other]
    for comment in readers_comments:
        [entry] = logs(comment, log_actions.ERASE)
        assert entry.user == moderator
        assert entry.label == f"#{comment.pk}"
        assert "example.vn" not in json.dumps(entry.data)


@pytest.mark.django_db
def test_data_subject_find_lists_matches(moderator_client, readers_comments):
    response = moderator_client.post(
        url("data_request"), {"email": "ban.doc@example.vn", "action": "find"}
    )
    html = response.content.decode()
    assert "Thứ nhất" in html
    assert "Thứ hai" in html


# -- Telling the reader ------------------------------------------------------


@pytest.mark.django_db
def test_reader_is_emailed_once_when_approved_comment_gets_a_reply(
    moderator_client, campaign, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign, email="ban.doc@example.vn")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            url("edit", comment.pk), edit_data(comment, reply="Sở đã tiếp nhận.")
        )
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(bulk_url("approve", comment), {"note": ""})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ban.doc@example.vn"]
    assert "Sở đã tiếp nhận." in message.body
    assert campaign.full_url in message.body
    comment.refresh_from_db()
    assert comment.reader_notified_at is not None
    assert logs(comment, log_actions.NOTIFY)

    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            url("edit", comment.pk), edit_data(comment, reply="Bổ sung thêm.")
        )
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_reader_is_emailed_when_reply_follows_approval(
    moderator_client, campaign, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign, email="ban.doc@example.vn", status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(
            url("edit", comment.pk), edit_data(comment, reply="Đã trả lời.")
        )
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_no_email_without_an_address(
    moderator_client, campaign, django_capture_on_commit_callbacks
):
    comment = make_comment(campaign, status="approved")
    with django_capture_on_commit_callbacks(execute=True):
        moderator_client.post(url("edit", comment.pk), edit_data(comment, reply="X"))
    assert mail.outbox == []
