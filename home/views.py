"""Site-wide views: health check, robots.txt and search."""

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, get_language_info
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from wagtail.models import Page

from campaigns.search import tidy_query
from campaigns.sites import in_site, site_for_request
from home.search import promoted_results, search_hits, search_public_pages

RESULTS_PER_PAGE = 10


@never_cache
@require_GET
def livez(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers requests. Touches neither database nor cache."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Readiness: 200 while the database answers, 503 when it does not.

    Pages are served from the database when Redis is away (the cache degrades
    to misses), so an unreachable cache is reported as ``degraded``, never as
    a reason to take the server out of rotation.
    """
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 -- any failure means "not ready".
        checks["database"] = "error"
    try:
        cache.set("healthz", "ok", 5)
        checks["cache"] = "ok" if cache.get("healthz") == "ok" else "degraded"
    except Exception:  # noqa: BLE001 -- a cache failure only degrades the site.
        checks["cache"] = "degraded"
    if checks["database"] != "ok":
        status = "error"
    else:
        status = "ok" if checks["cache"] == "ok" else "degraded"
    return JsonResponse(
        {"status": status, **checks}, status=503 if status == "error" else 200
    )


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Disallow: /{settings.PORTAL_API_PREFIX}",
        f"Sitemap: {_site_root(request)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_GET
def search(request: HttpRequest) -> HttpResponse:
    """Full-text search over the public pages of the current language and site."""
    query = tidy_query(request.GET.get("q"))
    site = site_for_request(request)
    results = search_public_pages(query, site) if query else []
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "search_query": query,
        "results": page,
        "hits": search_hits(page, query),
        "promotions": promoted_results(query, site) if query else [],
    }
    return render(request, "home/search.html", context)


def _site_root(request: HttpRequest) -> str:
    """The requesting site's address from its record, like every absolute link."""
    site = site_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/")[:-1]


@require_GET
def untranslated(request: HttpRequest, page_id: int) -> HttpResponse:
    """Says that a page has no edition in the active language, and links to it.

    The language switcher links here instead of to the other home page. Only
    a live, public page of the requesting site is named; a page that has
    since been translated sends the reader to its translation.
    """
    site = site_for_request(request)
    page = (
        Page.objects.live()
        .public()
        .filter(in_site(site), pk=page_id)
        .select_related("locale")
        .first()
        if site is not None
        else None
    )
    language = get_language()
    if page is None or page.locale.language_code == language:
        raise Http404
    edition = (
        page.get_translations().live().public().filter(locale__language_code=language)
    ).first()
    if edition is not None:
        return redirect(edition.get_url(request=request))
    page = page.specific
    context = {
        "untranslated_page": page,
        "page_language": get_language_info(page.locale.language_code)[
            "name_translated"
        ],
        "page_url": page.get_url(request=request),
    }
    response = render(request, "home/untranslated.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
