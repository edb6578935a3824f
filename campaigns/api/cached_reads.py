"""Which API reads are cached, named by URL name, wherever the host mounts the API.

A read is named by its view name (``namespace:url_name``, as ``reverse()``
takes it): the v2 router's ``wagtailapi:<endpoint>:<name>`` and the v3
``NinjaAPI``'s ``wagtailapi_v3:<operation>``. A request is matched by the
view name Django resolved it to (``request.resolver_match``), never by its
path, so the API may be mounted under any prefix. django-ninja gives each
operation of a path its own URL name but Django resolves a path to its first
one (``GET /pages/6/`` resolves to ``update_page``): the names that share a
route are found once per URLconf, and each stands for the read among them.

:func:`unresolved_reads` lists the reads the URLconf does not know, so that a
renamed route fails the test suite instead of silently losing its caching.
"""

from dataclasses import dataclass
from weakref import WeakKeyDictionary

from django.http import HttpRequest
from django.urls import URLResolver, get_resolver

from campaigns.generation import VIEWS, content_names, page_views, visits

#: What a read shows, and so which versions its ETag takes.
DETAIL, LISTING, VISITORS, CONTENT = "detail", "listing", "visitors", "content"


@dataclass(frozen=True)
class CachedRead:
    """A public API read answered with an ETag, a 304 and ``Cache-Control``."""

    #: ``namespace:url_name`` of the operation that answers GET.
    view_name: str
    #: DETAIL (a page), LISTING (pages), VISITORS (the statistics) or CONTENT.
    shows: str = CONTENT
    #: The URL argument holding a page detail's id.
    page_kwarg: str = ""

    def counters(self, kwargs, site_id: int | None) -> list[str] | None:
        """The versions the answer shows on the site ``site_id`` (None: a page id
        that is not one)."""
        content = content_names(site_id)
        if self.shows == DETAIL:
            page_id = str(kwargs.get(self.page_kwarg, ""))
            return [*content, page_views(int(page_id))] if page_id.isdigit() else None
        if self.shows == LISTING:
            return [*content, VIEWS]
        if self.shows == VISITORS:
            return [*content, visits(site_id)]
        return content


_READS = [
    CachedRead("wagtailapi:pages:detail", DETAIL, "pk"),
    CachedRead("wagtailapi:pages:listing", LISTING),
    CachedRead("wagtailapi:pages:find", LISTING),
    *(
        CachedRead(f"wagtailapi:{endpoint}:{name}")
        for endpoint in ("images", "documents")
        for name in ("listing", "detail", "find")
    ),
    CachedRead("wagtailapi_v3:detail_page", DETAIL, "page_id"),
    CachedRead("wagtailapi_v3:list_pages", LISTING),
    CachedRead("wagtailapi_v3:find_page", LISTING),
    CachedRead("wagtailapi_v3:list_images"),
    CachedRead("wagtailapi_v3:detail_image"),
    CachedRead("wagtailapi_v3:list_documents"),
    CachedRead("wagtailapi_v3:detail_document"),
    CachedRead("wagtailapi_v3:list_comments"),
    CachedRead("wagtailapi_v3:list_locales"),
    CachedRead("wagtailapi_v3:visitor_statistics", VISITORS),
]

#: The reads of each URLconf's resolver, by every view name that stands for one.
_by_resolver: WeakKeyDictionary = WeakKeyDictionary()


def cached_reads() -> list[CachedRead]:
    return list(_READS)


def register_read(view_name: str) -> None:
    """Cache a host's own public read (one of its v3 routers) like the plugin's.

    Its ETag takes the site's content generation, so the host registers what the
    answer shows too (:func:`campaigns.invalidation.register_model`). Called
    from the host's ``AppConfig.ready()``.
    """
    read = CachedRead(view_name)
    if read not in _READS:
        _READS.append(read)
        _by_resolver.clear()


def read_for(request: HttpRequest) -> CachedRead | None:
    """The cached read ``request`` was resolved to, or None."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    return _reads_of(get_resolver(getattr(request, "urlconf", None))).get(
        match.view_name
    )


def unresolved_reads(urlconf=None) -> list[str]:
    """The view names of cached reads that the URLconf does not have."""
    known = _reads_of(get_resolver(urlconf))
    return [read.view_name for read in _READS if read.view_name not in known]


def _reads_of(resolver: URLResolver) -> dict[str, CachedRead]:
    reads = _by_resolver.get(resolver)
    if reads is None:
        wanted = {read.view_name: read for read in _READS}
        reads = {}
        for names in _names_by_route(resolver, ""):
            found = [wanted[name] for name in names if name in wanted]
            if found:
                reads.update(dict.fromkeys(names, found[0]))
        _by_resolver[resolver] = reads
    return reads


def _names_by_route(resolver: URLResolver, namespace: str):
    """Groups of the view names that share one route, resolver by resolver."""
    routes: dict[str, list[str]] = {}
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            )
            yield from _names_by_route(pattern, inner)
        elif pattern.name:
            routes.setdefault(str(pattern.pattern), []).append(namespace + pattern.name)
    yield from routes.values()
