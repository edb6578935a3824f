"""How long readers' personal data is kept (Decree 13/2023/NĐ-CP): ``purge_ip_hashes``.

- A comment's IP hash (and its duplicate-check fingerprint, which is derived
  from the hash) is cleared ``CAMPAIGNS_IP_HASH_RETENTION_DAYS`` after posting.
- A comment's optional e-mail address is cleared one day after the reader was
  told of the reply (its only purpose is served), and in any case
  ``CAMPAIGNS_EMAIL_RETENTION_DAYS`` after posting.
- A poster block is deleted once it has expired.

Every step is a conditional UPDATE or DELETE: a repeat run finds nothing to do.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from campaigns import conf
from campaigns.models.comments import Comment, CommentBlock

#: How long an address is kept after the reader was told of the reply.
EMAIL_AFTER_NOTICE = timedelta(days=1)


@dataclass(frozen=True)
class PurgeResult:
    """Rows changed by one run, by kind."""

    ip_hashes: int
    emails: int
    blocks: int


@transaction.atomic
def purge_personal_data(
    *,
    now: datetime | None = None,
    ip_hash_days: int | None = None,
    email_days: int | None = None,
) -> PurgeResult:
    """Clear expired IP hashes and e-mail addresses; delete expired blocks.

    ``ip_hash_days`` and ``email_days`` override the settings. Idempotent.
    """
    now = now or timezone.now()
    ip_hash_days = conf.IP_HASH_RETENTION_DAYS if ip_hash_days is None else ip_hash_days
    email_days = conf.EMAIL_RETENTION_DAYS if email_days is None else email_days

    ip_hashes = (
        Comment.objects.filter(created_at__lt=now - timedelta(days=ip_hash_days))
        .exclude(ip_hash="")
        .update(ip_hash="", fingerprint="")
    )
    emails = (
        Comment.objects.exclude(email="")
        .filter(
            Q(created_at__lt=now - timedelta(days=email_days))
            | Q(reader_notified_at__lt=now - EMAIL_AFTER_NOTICE)
        )
        .update(email="")
    )
    blocks, _ = CommentBlock.objects.filter(blocked_until__lte=now).delete()
    return PurgeResult(ip_hashes=ip_hashes, emails=emails, blocks=blocks)
