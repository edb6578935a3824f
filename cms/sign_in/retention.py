"""How long sign-in records are kept (Decree 13/2023/NĐ-CP): ``purge_sign_in_records``.

django-axes stores, for staff and for whoever tries their accounts, a username
and an address with each sign-in (``AccessLog``), each failure
(``AccessFailureLog``) and each running count of failures (``AccessAttempt``).
They serve security only: to lock out guessing, and to trace an attack or
answer "was it me who signed in?".

- A count of failures is deleted once its cool-off has passed: it no longer
  locks anyone out (axes itself only deletes it on that user's next try).
- Sign-ins and failures are deleted ``PORTAL_SIGN_IN_RECORD_DAYS`` after they
  happened.

Every step is a conditional DELETE: a repeat run finds nothing to do.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class PruneResult:
    """Rows deleted by one run, by kind."""

    attempts: int
    sign_ins: int
    failures: int


@transaction.atomic
def purge_sign_in_records(
    *, now: datetime | None = None, days: int | None = None
) -> PruneResult:
    """Delete expired failure counts, and sign-ins and failures older than ``days``.

    ``days`` overrides ``PORTAL_SIGN_IN_RECORD_DAYS``. Idempotent.
    """
    now = now or timezone.now()
    days = settings.PORTAL_SIGN_IN_RECORD_DAYS if days is None else days
    kept_since = now - timedelta(days=days)
    # Counted by model: a count's expiry row goes with it.
    _, deleted = AccessAttempt.objects.filter(
        attempt_time__lt=now - get_cool_off()
    ).delete()
    attempts = deleted.get(AccessAttempt._meta.label, 0)
    sign_ins, _ = AccessLog.objects.filter(attempt_time__lt=kept_since).delete()
    failures, _ = AccessFailureLog.objects.filter(attempt_time__lt=kept_since).delete()
    return PruneResult(attempts=attempts, sign_ins=sign_ins, failures=failures)
