"""Who is asking: the client's address behind trusted proxies, and its hashes.

Never store what these functions read; store only the salted hashes.
"""

import hashlib

from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from campaigns import conf

#: Longest User-Agent we read; anything beyond is noise or an attack.
MAX_USER_AGENT = 512


def client_ip(request: HttpRequest) -> str:
    """The client's address: ``REMOTE_ADDR``, or the address the trusted proxies saw.

    With ``CAMPAIGNS_TRUSTED_PROXY_COUNT = n``, the n-th address from the right of
    ``X-Forwarded-For`` is the one our own outermost proxy received the request
    from; anything left of it was written by the client and is not believed.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = conf.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        return remote
    return forwarded[-count][:64]


def user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:MAX_USER_AGENT]


def comment_ip_hash(request: HttpRequest) -> str:
    """A keyed hash of the poster's address, stable across days so blocks hold.

    Keyed with ``SECRET_KEY``: without it the hash cannot be reversed by trying
    every IPv4 address. Cleared after the retention period (``purge_ip_hashes``).
    """
    return salted_hmac(
        "campaigns.comment-ip", client_ip(request), algorithm="sha256"
    ).hexdigest()


def client_key(request: HttpRequest) -> str:
    """One browser behind an address: address and User-Agent, hashed for cache keys."""
    raw = f"{client_ip(request)}|{user_agent(request)}"
    return hashlib.sha256(raw.encode("utf-8", "replace")).hexdigest()
