"""Rate limits on comments, captchas and counted views (django-ratelimit).

Comments and captchas have two limits: a high one per address, fair to an
office or a mobile carrier where hundreds of readers share one address, and a
stricter one per browser (address + User-Agent). Views have a ceiling per
address only: beyond it beacons are answered but not counted, so one address
cannot inflate a page's count by changing its User-Agent. Counts live in the
default cache: shared by every app server with Redis, per process without it.
"""

import logging
from dataclasses import dataclass

from django.http import HttpRequest
from django_ratelimit.core import get_usage

from campaigns import conf
from campaigns.clients import client_ip, client_key

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limit:
    group: str
    #: The rate's name in :mod:`campaigns.conf` (``CAMPAIGNS_<setting>``).
    setting: str
    key: object

    def usage(self, request: HttpRequest) -> dict | None:
        rate = getattr(conf, self.setting)
        if not rate:
            return None
        try:
            return get_usage(
                request, group=self.group, key=self.key, rate=rate, increment=True
            )
        except Exception:  # an outage must not stop readers; the captcha holds.
            logger.warning("Rate limit %s not checked", self.group, exc_info=True)
            return None


def _by_address(group, request):
    return client_ip(request)


def _by_client(group, request):
    return client_key(request)


COMMENT_LIMITS = (
    Limit("comments.post.ip", "COMMENT_RATE_PER_IP", _by_address),
    Limit("comments.post.client", "COMMENT_RATE_PER_CLIENT", _by_client),
)
CAPTCHA_LIMITS = (
    Limit("captcha.ip", "CAPTCHA_RATE_PER_IP", _by_address),
    Limit("captcha.client", "CAPTCHA_RATE_PER_CLIENT", _by_client),
)
VIEW_COUNT_LIMIT = Limit("views.count.ip", "VIEW_COUNT_RATE_PER_IP", _by_address)


def over_the_limit(request: HttpRequest, limit: Limit) -> bool:
    """Count this request against ``limit``; whether it went over."""
    usage = limit.usage(request)
    return bool(usage and usage["should_limit"])


class RateLimited(Exception):
    """Too many requests; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = max(1, retry_after)


def enforce(request: HttpRequest, limits) -> None:
    """Count this request against each limit; :class:`RateLimited` if over one."""
    waits = []
    for limit in limits:
        usage = limit.usage(request)
        if usage and usage["should_limit"]:
            waits.append(usage["time_left"])
    if waits:
        raise RateLimited(max(waits))
