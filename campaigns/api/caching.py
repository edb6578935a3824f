"""HTTP caching of the public API reads: ``ETag``, ``Cache-Control`` and 304s.

The reads cached are those of :mod:`campaigns.api.cached_reads`, found by the
URL name a request resolves to, wherever the host mounts the API. The ETag of
a response is known before the view runs, from version numbers
(:mod:`campaigns.generation`) and the request, so a revalidation with
``If-None-Match`` costs one cache read (Redis) or one query (database) and no
rendering. It hashes:

- the content generation, moved whenever public content changes
  (:mod:`campaigns.invalidation` says by what);
- the live counts the representation shows: a page detail takes the page's
  own views version, moved by each counted view of that page; a page listing
  (or ``find``) the site-wide views version, moved by each counted view; the
  visitor statistics the visits version, moved by every accepted beacon, and
  the current minute (visitors drop out of "online" as time passes, not
  only when a beacon arrives). Flushing the Redis buffers moves counts to the
  database without changing a shown number, so it moves nothing;
- the site the host name selects (each site answers the same path with its
  own pages and figures), the path, the sorted query string and the active
  language.

Only 200 answers without cookies are cached, never with an ``Authorization``
header (Wagtail's bearer-token writes and reads) and never for a response that
already says ``no-store`` or ``private`` (the captcha, the beacon, previews).

A page detail asked for without a query (or only ``?locale=``), the shape
front-ends ask for, is also kept rendered in the shared cache under its ETag,
as the page fragments are (:func:`campaigns.conf.fragment_cache_seconds`): the
next reader costs one cache read. The ETag names everything the answer shows,
so a stored answer is never stale; other queries are not stored, so that
arbitrary query strings cannot fill the cache.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.utils.cache import cc_delim_re, patch_cache_control
from django.utils.http import parse_etags
from django.utils.translation import get_language

from campaigns import sites
from campaigns.api.cached_reads import DETAIL, VISITORS, CachedRead, read_for
from campaigns.conf import fragment_cache_seconds
from campaigns.generation import one_reading_per_request, read_counters

#: Seconds a client or CDN may reuse a response without asking again.
MAX_AGE = 30
#: Seconds a stale response may still be served while it is revalidated.
STALE_WHILE_REVALIDATE = 60
#: Seconds of the time bucket in the visitor statistics' ETag.
VISITORS_BUCKET = 60

#: The largest answer kept rendered in the shared cache, in bytes.
STORED_RESPONSE_MAX_BYTES = 512 * 1024
#: The query parameters a stored page detail may have.
STORED_QUERY = {"locale"}


def etag_for(request: HttpRequest, read: CachedRead) -> str | None:
    """The ETag of ``read`` for ``request``, without rendering (None: not cacheable)."""
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return None
    site_id = sites.site_id_for_request(request)
    names = read.counters(request.resolver_match.kwargs, site_id)
    if names is None:
        return None
    counters = read_counters(names)
    if counters is None:
        return None
    parts = [f"{name}={counters[name]}" for name in names]
    if read.shows == VISITORS:
        parts.append(f"minute={int(time.time() // VISITORS_BUCKET)}")
    query = sorted(request.GET.lists())
    parts += [f"site={site_id}", request.path_info, repr(query), get_language() or ""]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def _matches(header: str, etag: str) -> bool:
    # Weak comparison (RFC 9110 §13.1.2), the one If-None-Match uses.
    wanted = etag.removeprefix("W/")
    return any(tag.removeprefix("W/") in (wanted, "*") for tag in parse_etags(header))


def _cache_headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    if response.has_header("Cache-Control"):
        patch_cache_control(response, stale_while_revalidate=STALE_WHILE_REVALIDATE)
    else:
        patch_cache_control(
            response,
            public=True,
            max_age=MAX_AGE,
            stale_while_revalidate=STALE_WHILE_REVALIDATE,
        )
    return response


def _cacheable(response: HttpResponse) -> bool:
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    return not directives & {"no-store", "no-cache", "private"}


@dataclass
class _Revalidation:
    """What the middleware learnt of an API read before its view ran."""

    etag: str
    stored_key: str | None
    answered: bool = False


class APICacheMiddleware:
    """ETag, Cache-Control and 304s for the public API reads (see the module).

    The read is known once the URL is resolved (``process_view``), before its
    view runs. For every request the middleware also makes the page's
    fragments share one reading of the content generation
    (:func:`~campaigns.generation.one_reading_per_request`).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with one_reading_per_request():
            response = self.get_response(request)
            seen = getattr(request, "_campaigns_revalidation", None)
            if seen is not None and not seen.answered and _cacheable(response):
                _cache_headers(response, seen.etag)
                if seen.stored_key is not None and len(response.content) <= (
                    STORED_RESPONSE_MAX_BYTES
                ):
                    cache.set(seen.stored_key, response, fragment_cache_seconds())
            return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        read = read_for(request)
        etag = None if read is None else etag_for(request, read)
        if etag is None:
            return None
        seen = _Revalidation(etag, _stored_key(request, read, etag))
        request._campaigns_revalidation = seen
        if _matches(request.headers.get("If-None-Match", ""), etag):
            seen.answered = True
            return _cache_headers(HttpResponseNotModified(), etag)
        if seen.stored_key is not None:
            stored = cache.get(seen.stored_key)
            seen.answered = stored is not None
            return stored
        return None


def _stored_key(request: HttpRequest, read: CachedRead, etag: str) -> str | None:
    """Where a page detail's rendered answer is kept, or None when it is not."""
    if not fragment_cache_seconds() or request.method != "GET":
        return None
    if read.shows != DETAIL or set(request.GET) - STORED_QUERY:
        return None
    return f"campaigns:api-response:{etag}"
