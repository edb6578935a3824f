"""The comment jobs: the moderators' digest, the personal-data purge, the scheduler."""

import hashlib
import itertools
import threading
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command, get_commands
from django.db import connection
from django.utils import timezone

from campaigns import conf
from campaigns.comments.digest import admin_url, send_moderation_digest
from campaigns.comments.retention import purge_personal_data
from campaigns.models import Comment, CommentBlock, CommentStatus
from home.management.commands.run_scheduler import JOBS
from tests.conftest import make_comment

INTERVAL = timedelta(minutes=conf.MODERATION_DIGEST_MINUTES)
_numbers = itertools.count(1)


def _ago(**delta):
    return timezone.now() - timedelta(**delta)


def _reader_comment(page, **fields):
    """A pending comment as a reader leaves it: with an e-mail and an IP hash."""
    number = next(_numbers)
    defaults = {
        "email": f"reader{number}@example.com",
        "ip_hash": hashlib.sha256(f"reader {number}".encode()).hexdigest(),
    }
    return make_comment(page, **{**defaults, **fields})


def _pretend_digest_sent(before: timedelta) -> None:
    """Move every digest stamp back in time, as if minutes had passed."""
    for comment in Comment.objects.exclude(moderators_notified_at=None):
        comment.moderators_notified_at -= before
        comment.save(update_fields=["moderators_notified_at"])


# --- send_moderation_digest ---------------------------------------------------------
def test_digest_lists_new_pending_comments_in_one_mail(
    moderator, make_campaign, mailoutbox
):
    page = make_campaign("Chiến dịch có ý kiến")
    first = _reader_comment(page, name="Nguyễn Văn A", title="Ý kiến thứ nhất")
    second = _reader_comment(page, name="Trần Thị B", title="Ý kiến thứ hai")
    approved = _reader_comment(page, title="Đã duyệt", status=CommentStatus.APPROVED)

    out = StringIO()
    call_command("send_moderation_digest", stdout=out)

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == [moderator.email]
    assert "2 ý kiến mới chờ duyệt" in message.subject
    for comment in (first, second):
        assert comment.title in message.body
        assert comment.name in message.body
        assert admin_url("edit", comment.pk) in message.body
    assert page.title in message.body
    assert approved.title not in message.body
    assert admin_url("list") in message.body
    assert admin_url("list").startswith("http://")
    assert "2 comment(s) sent to 1 moderator(s)" in out.getvalue()
    assert not Comment.objects.pending().filter(moderators_notified_at=None).exists()


def test_digest_is_in_vietnamese(moderator, make_campaign, mailoutbox):
    _reader_comment(make_campaign())
    send_moderation_digest()
    body = mailoutbox[0].body
    assert "Mở hàng chờ duyệt" in body
    assert "Trang:" in body


def test_digest_never_shows_readers_emails_or_ip_hashes(
    moderator, make_campaign, mailoutbox
):
    comments = [_reader_comment(make_campaign()) for _ in range(3)]
    call_command("send_moderation_digest", stdout=StringIO())
    message = mailoutbox[0]
    text = message.subject + message.body
    assert "@example.com" not in text
    for comment in comments:
        assert comment.email not in text
        assert comment.ip_hash not in text
        assert comment.fingerprint not in text


def test_immediate_rerun_sends_nothing(moderator, make_campaign, mailoutbox):
    _reader_comment(make_campaign())
    call_command("send_moderation_digest", stdout=StringIO())
    out = StringIO()
    call_command("send_moderation_digest", stdout=out)
    assert len(mailoutbox) == 1
    assert "nothing sent" in out.getvalue()


def test_nothing_new_sends_nothing(moderator, make_campaign, mailoutbox):
    page = make_campaign()
    _reader_comment(page, status=CommentStatus.APPROVED)
    _reader_comment(page, status=CommentStatus.SPAM)
    result = send_moderation_digest()
    assert not result.sent
    assert mailoutbox == []


def test_comment_posted_within_the_interval_waits_for_it(
    moderator, make_campaign, mailoutbox
):
    page = make_campaign()
    _reader_comment(page, title="Ý kiến sớm")
    start = timezone.now()
    assert send_moderation_digest(now=start).sent
    later = _reader_comment(page, title="Ý kiến muộn")

    assert not send_moderation_digest(now=start + timedelta(minutes=1)).sent
    assert not send_moderation_digest(now=start + INTERVAL - timedelta(seconds=1)).sent
    assert len(mailoutbox) == 1

    result = send_moderation_digest(now=start + INTERVAL + timedelta(seconds=1))
    assert result.sent
    assert result.comment_ids == [later.pk]
    assert len(mailoutbox) == 2
    assert "Ý kiến muộn" in mailoutbox[1].body
    assert "Ý kiến sớm" not in mailoutbox[1].body


def test_a_later_comment_after_the_interval_gets_a_new_mail(
    moderator, make_campaign, mailoutbox
):
    page = make_campaign()
    _reader_comment(page, title="Ý kiến hôm qua")
    call_command("send_moderation_digest", stdout=StringIO())
    _pretend_digest_sent(INTERVAL + timedelta(minutes=1))
    _reader_comment(page, title="Ý kiến hôm nay")

    call_command("send_moderation_digest", stdout=StringIO())

    assert len(mailoutbox) == 2
    assert "Ý kiến hôm nay" in mailoutbox[1].body
    assert "Ý kiến hôm qua" not in mailoutbox[1].body


def test_comment_moderated_before_the_digest_is_not_listed(
    moderator, make_campaign, mailoutbox
):
    page = make_campaign()
    pending = _reader_comment(page, title="Còn chờ")
    handled = _reader_comment(page, title="Đã xử lý")
    Comment.objects.filter(pk=handled.pk).update(status=CommentStatus.REJECTED)
    result = send_moderation_digest()
    assert result.comment_ids == [pending.pk]
    assert "Đã xử lý" not in mailoutbox[0].body


def test_dry_run_sends_and_marks_nothing(moderator, make_campaign, mailoutbox):
    _reader_comment(make_campaign())
    out = StringIO()
    call_command("send_moderation_digest", "--dry-run", stdout=out)
    assert "would send 1 comment(s)" in out.getvalue()
    assert mailoutbox == []
    assert Comment.objects.filter(moderators_notified_at=None).count() == 1


def test_inactive_or_addressless_moderators_get_nothing(
    db, django_user_model, make_campaign, mailoutbox
):
    group = Group.objects.get(name="Campaign moderators")
    gone = django_user_model.objects.create_user(
        "gone", "gone@example.gov.vn", is_active=False
    )
    silent = django_user_model.objects.create_user("silent", "")
    active = django_user_model.objects.create_user("active", "active@example.gov.vn")
    group.user_set.add(gone, silent, active)
    django_user_model.objects.create_superuser("root", "root@example.gov.vn", "x")
    _reader_comment(make_campaign())

    send_moderation_digest()

    assert mailoutbox[0].to == ["active@example.gov.vn"]


def test_superusers_are_told_when_no_moderator_can_be(
    db, django_user_model, make_campaign, mailoutbox
):
    django_user_model.objects.create_superuser("root", "root@example.gov.vn", "x")
    _reader_comment(make_campaign())
    assert send_moderation_digest().sent
    assert mailoutbox[0].to == ["root@example.gov.vn"]


def test_without_any_recipient_comments_wait(db, make_campaign, mailoutbox):
    comment = _reader_comment(make_campaign())
    result = send_moderation_digest()
    assert not result.sent
    comment.refresh_from_db()
    assert comment.moderators_notified_at is None


def test_failed_mail_gives_the_comments_back(
    moderator, make_campaign, mailoutbox, settings
):
    comment = _reader_comment(make_campaign())
    settings.EMAIL_BACKEND = "tests.test_comment_jobs.FailingBackend"
    with pytest.raises(ConnectionRefusedError):
        send_moderation_digest()
    comment.refresh_from_db()
    assert comment.moderators_notified_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_moderation_digest().comment_ids == [comment.pk]


class FailingBackend:
    """A mail server that refuses every connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server unreachable")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_runs_send_each_comment_once(moderator, make_campaign, mailoutbox):
    page = make_campaign()
    comments = [_reader_comment(page, title=f"Ý kiến song song {n}") for n in range(8)]
    runs = 4
    barrier = threading.Barrier(runs)
    results, errors = [], []

    def run():
        try:
            barrier.wait()
            results.append(send_moderation_digest())
        except Exception as error:  # noqa: BLE001 -- reported by the assertion below.
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(runs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    listed = [pk for result in results for pk in result.comment_ids]
    assert sorted(listed) == sorted(comment.pk for comment in comments)
    assert len(mailoutbox) == 1
    for comment in comments:
        assert mailoutbox[0].body.count(f"• {comment.title}\n") == 1


# --- purge_ip_hashes ----------------------------------------------------------------
def test_purge_clears_old_ip_hashes_and_keeps_recent_ones(make_campaign):
    page = make_campaign()
    old = _reader_comment(page, created_at=_ago(days=31))
    recent = _reader_comment(page, created_at=_ago(days=29))

    out = StringIO()
    call_command("purge_ip_hashes", stdout=out)

    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.ip_hash == "" and old.fingerprint == ""
    assert recent.ip_hash != "" and recent.fingerprint != ""
    assert "1 IP hash(es) cleared" in out.getvalue()

    out = StringIO()
    call_command("purge_ip_hashes", stdout=out)
    assert "0 IP hash(es) cleared, 0 e-mail address(es) cleared, 0 expired" in (
        out.getvalue()
    )


def test_purge_days_option_overrides_the_setting(make_campaign):
    page = make_campaign()
    week_old = _reader_comment(page, created_at=_ago(days=8))
    today = _reader_comment(page)
    call_command("purge_ip_hashes", "--days", "7", stdout=StringIO())
    week_old.refresh_from_db()
    today.refresh_from_db()
    assert week_old.ip_hash == ""
    assert today.ip_hash != ""


def test_purge_clears_emails_after_the_reply_notice_or_the_retention(make_campaign):
    page = make_campaign()
    expired = _reader_comment(page, created_at=_ago(days=conf.EMAIL_RETENTION_DAYS + 1))
    told_days_ago = _reader_comment(page, reader_notified_at=_ago(days=2))
    told_just_now = _reader_comment(page, reader_notified_at=_ago(hours=1))
    waiting = _reader_comment(page, created_at=_ago(days=100))

    result = purge_personal_data()

    assert result.emails == 2
    for comment, kept in (
        (expired, False),
        (told_days_ago, False),
        (told_just_now, True),
        (waiting, True),
    ):
        comment.refresh_from_db()
        assert (comment.email != "") is kept, comment.title


def test_purge_deletes_expired_blocks_only(db):
    CommentBlock.objects.create(ip_hash="a" * 64, blocked_until=_ago(minutes=1))
    active = CommentBlock.objects.create(
        ip_hash="b" * 64, blocked_until=timezone.now() + timedelta(days=3)
    )
    out = StringIO()
    call_command("purge_ip_hashes", stdout=out)
    assert list(CommentBlock.objects.all()) == [active]
    assert "1 expired block(s) deleted" in out.getvalue()


def test_purge_keeps_the_comments_themselves(make_campaign):
    page = make_campaign()
    comment = _reader_comment(
        page, created_at=_ago(days=400), status=CommentStatus.APPROVED
    )
    before = (comment.name, comment.title, comment.content, comment.status)
    purge_personal_data()
    comment.refresh_from_db()
    assert (comment.name, comment.title, comment.content, comment.status) == before
    assert comment.email == "" and comment.ip_hash == ""


# --- The scheduler ------------------------------------------------------------------
def test_scheduler_runs_the_comment_jobs():
    intervals = dict(JOBS)
    assert intervals["send_moderation_digest"] == 60
    assert intervals["captcha_clean"] == 60 * 60
    assert intervals["purge_ip_hashes"] == 24 * 60 * 60
    commands = get_commands()
    assert all(name in commands for name in intervals)


def test_captcha_clean_runs(db):
    call_command("captcha_clean", verbosity=0)
