"""Who a visitor is, without a cookie and without keeping personal data.

As Plausible does: a hash of a secret salt that changes every day
(Asia/Ho_Chi_Minh), the client's address and its User-Agent. Salts older than
two days are deleted, after which nobody can tell who a hash was.
"""

import hashlib
import secrets
import threading
from datetime import date, timedelta

from crawlerdetect import CrawlerDetect
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from campaigns.clients import client_ip, user_agent
from campaigns.models.stats import VisitorSalt

#: One detector for the process: building one costs far more than a check.
_crawlers = CrawlerDetect()

#: Salts never change once made, so each process keeps the recent ones.
_salts: dict[date, str] = {}
_salts_lock = threading.Lock()

#: For this long after midnight, yesterday's identity still counts as seen.
MIDNIGHT_OVERLAP = timedelta(minutes=30)


def is_bot(request: HttpRequest) -> bool:
    """Known crawlers, and clients that send no User-Agent at all."""
    agent = user_agent(request).strip()
    return not agent or _crawlers.is_crawler(agent)


def salt_for(day: date) -> str:
    """The secret of ``day``, made once for every process (the database decides)."""
    salt = _salts.get(day)
    if salt is not None:
        return salt
    salt = VisitorSalt.objects.filter(day=day).values_list("secret", flat=True).first()
    if salt is None:
        try:
            with transaction.atomic():
                salt = VisitorSalt.objects.create(
                    day=day, secret=secrets.token_hex(32)
                ).secret
        except IntegrityError:  # another process made it first.
            salt = VisitorSalt.objects.get(day=day).secret
    with _salts_lock:
        for old in [known for known in _salts if known < day - timedelta(days=1)]:
            del _salts[old]
        _salts[day] = salt
    return salt


def visitor_hash(request: HttpRequest, day: date) -> str:
    raw = f"{salt_for(day)}|{client_ip(request)}|{user_agent(request)}"
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()[:32]


def visitor_identities(request: HttpRequest, now=None) -> tuple[date, str, str]:
    """Today's date, the visitor's hash today, and yesterday's hash near midnight.

    The second hash is "" outside the first 30 minutes of the day; within
    them, a view already counted under yesterday's salt is not counted again.
    """
    now = timezone.localtime(now)
    today = now.date()
    today_hash = visitor_hash(request, today)
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if now - midnight < MIDNIGHT_OVERLAP:
        return today, today_hash, visitor_hash(request, today - timedelta(days=1))
    return today, today_hash, ""


def rotate_salts(now=None) -> int:
    """Make today's salt and delete those older than two days; returns deletions."""
    today = timezone.localdate(now)
    salt_for(today)
    deleted, _ = VisitorSalt.objects.filter(day__lt=today - timedelta(days=1)).delete()
    with _salts_lock:
        for old in [known for known in _salts if known < today - timedelta(days=1)]:
            del _salts[old]
    return deleted
