"""The moderators' digest of new comments (DESIGN §5): ``send_moderation_digest``.

The command runs every minute; this module decides whether a mail is due and
which comments it lists. Each comment is listed at most once: a run claims the
comments it will list by stamping ``moderators_notified_at`` with a conditional
UPDATE (only rows still unstamped), commits, and only then sends. Runs are
serialised (an advisory lock on PostgreSQL; SQLite's IMMEDIATE transactions
queue writers), so two runs at the same moment send one mail, not two. A mail
that cannot be sent gives its comments back for the next run.

Each moderator hears only of the comments of the sites they hold
(:mod:`campaigns.sites`): one mail goes to each set of moderators holding the
same sites. A comment on a site nobody to write to holds waits.
"""

import logging
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import connection, transaction
from django.db.models import Max
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from campaigns import conf, sites
from campaigns.models.comments import Comment, CommentStatus

logger = logging.getLogger(__name__)

#: Comments listed one by one in a mail; the rest are counted.
MAX_LISTED = 50
#: Language of the mail: the moderators work in Vietnamese.
DIGEST_LANGUAGE = "vi"
#: Key of the PostgreSQL advisory lock that serialises digest runs.
_LOCK_KEY = 0x5F_C0_44_16  # arbitrary, constant, unique to this job

#: Snippet URL names Wagtail gives ``Comment`` when no viewset says otherwise.
_DEFAULT_URL_NAMESPACE = "wagtailsnippets_campaigns_comment"


@dataclass
class DigestResult:
    """What one run did; ``reason`` says why nothing was sent."""

    sent: bool = False
    comment_ids: list[int] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    reason: str = ""


def moderators_to_tell() -> list:
    """The active moderators with an e-mail address: members of a group that
    may change comments (the plugin's moderators, or a site's own).

    When there is nobody such to write to, active superusers with an address
    receive the digest instead, so new comments never go unnoticed.
    """
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    moderators = users.filter(
        groups__permissions__content_type__app_label="campaigns",
        groups__permissions__codename="change_comment",
    ).distinct()
    chosen = moderators if moderators.exists() else users.filter(is_superuser=True)
    return list(chosen.order_by("pk"))


def _addresses_by_sites(users) -> dict[frozenset[int], list[str]]:
    grouped: dict[frozenset[int], set[str]] = {}
    for user in users:
        held = sites.held_site_ids(user)
        if held:
            grouped.setdefault(held, set()).add(user.email)
    return {held: sorted(addresses) for held, addresses in grouped.items()}


def send_moderation_digest(*, now: datetime | None = None, dry_run=False):
    """Mail one digest of the pending comments no moderator was told about yet.

    Nothing is sent when a digest went out less than
    ``CAMPAIGNS_MODERATION_DIGEST_MINUTES`` ago, when there is nothing new, or
    when there is nobody to write to (the comments then wait for the next run).
    ``dry_run`` reports what would be sent and claims nothing. Safe to run
    twice at once; a comment is never listed in two mails.
    """
    now = now or timezone.now()
    by_sites = _addresses_by_sites(moderators_to_tell())
    recipients = sorted({address for group in by_sites.values() for address in group})
    if not recipients:
        return DigestResult(reason="no moderator has an e-mail address")
    told_sites = set().union(*by_sites)
    with transaction.atomic():
        _serialise_runs()
        last = Comment.objects.aggregate(last=Max("moderators_notified_at"))["last"]
        interval = timedelta(minutes=conf.MODERATION_DIGEST_MINUTES)
        if last is not None and last > now - interval:
            return DigestResult(reason="a digest was sent less than the interval ago")
        candidates = list(
            _new_pending(now)
            .filter(sites.in_site_ids(told_sites, "page"))
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
        )
        if not candidates:
            return DigestResult(reason="no new pending comment")
        if dry_run:
            return DigestResult(
                comment_ids=candidates, recipients=recipients, reason="dry run"
            )
        claimed = _claim(candidates, now)
    if not claimed:
        return DigestResult(reason="another run listed these comments")

    comments = list(
        Comment.objects.filter(pk__in=claimed)
        .select_related("page")
        .order_by("created_at", "pk")
    )
    mails = []
    for held, addresses in by_sites.items():
        listed = [c for c in comments if sites.site_id_for_page(c.page) in held]
        if listed:
            mails.append(_digest_message(listed, addresses))
    try:
        if mails:
            mails[0].get_connection().send_messages(mails)
    except Exception:
        # Give the comments back: the next run lists them again.
        Comment.objects.filter(pk__in=claimed, moderators_notified_at=now).update(
            moderators_notified_at=None
        )
        raise
    return DigestResult(sent=True, comment_ids=claimed, recipients=recipients)


def _new_pending(now: datetime):
    return Comment.objects.pending().filter(
        moderators_notified_at__isnull=True, created_at__lte=now
    )


def _serialise_runs() -> None:
    """Make a concurrent run wait for this one's commit.

    PostgreSQL takes a transaction-scoped advisory lock. SQLite needs nothing:
    ``cms.settings.base`` opens every transaction with ``BEGIN IMMEDIATE``,
    which already queues other writers until this one commits.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])


def _claim(candidate_ids: list[int], now: datetime) -> list[int]:
    """Stamp the candidates still unclaimed; returns the ones this run got.

    One conditional UPDATE per comment, so that each row's result says who
    claimed it, on every database.
    """
    claimed = []
    for pk in candidate_ids:
        updated = Comment.objects.filter(
            pk=pk,
            status=CommentStatus.PENDING,
            moderators_notified_at__isnull=True,
        ).update(moderators_notified_at=now)
        if updated:
            claimed.append(pk)
    return claimed


def admin_url(view_name: str, *args) -> str:
    """Absolute URL of a view of the comment queue (``list`` or ``edit``)."""
    viewset = getattr(Comment, "snippet_viewset", None)
    names = [f"{_DEFAULT_URL_NAMESPACE}:{view_name}"]
    if viewset is not None:
        names.insert(0, viewset.get_url_name(view_name))
    for name in names:
        try:
            path = reverse(name, args=args)
        except NoReverseMatch:
            continue
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")


def _digest_message(comments: list[Comment], recipients: list[str]) -> EmailMessage:
    """The digest in Vietnamese: page, title and name of each comment, and links.

    Never the reader's e-mail address or IP hash.
    """
    with translation.override(DIGEST_LANGUAGE):
        count = len(comments)
        subject = ngettext(
            "%(count)s new comment awaits moderation",
            "%(count)s new comments await moderation",
            count,
        ) % {"count": count}
        lines = [
            gettext(
                "Readers have sent new comments. Nothing is published until a "
                "moderator approves it."
            ),
            "",
        ]
        for comment in comments[:MAX_LISTED]:
            lines += _entry(comment)
        if count > MAX_LISTED:
            lines += [
                gettext("… and %(count)s more.") % {"count": count - MAX_LISTED},
                "",
            ]
        lines += [
            gettext("Open the moderation queue: %(url)s") % {"url": admin_url("list")},
            "",
            gettext(
                "You receive this e-mail because you moderate readers' comments. "
                "At most one digest is sent every %(minutes)s minutes."
            )
            % {"minutes": conf.MODERATION_DIGEST_MINUTES},
        ]
    return EmailMessage(
        subject=subject,
        body="\n".join(lines),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
    )


def _entry(comment: Comment) -> list[str]:
    posted = timezone.localtime(comment.created_at).strftime("%d/%m/%Y %H:%M")
    details = [
        gettext("Page: %(page)s") % {"page": comment.page.title},
        gettext("Sent by %(name)s at %(posted)s")
        % {"name": comment.name, "posted": posted},
    ]
    if comment.held_reason:
        details.append(
            gettext("Held for review: %(reason)s") % {"reason": comment.held_reason}
        )
    details.append(
        gettext("Review it: %(url)s") % {"url": admin_url("edit", quote(comment.pk))}
    )
    return [f"• {comment.title}", *(f"  {line}" for line in details), ""]
