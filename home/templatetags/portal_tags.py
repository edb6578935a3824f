"""Site chrome for the public templates: home link, menu, breadcrumbs, languages.

Nothing here reads ``request.user`` or the session, so pages stay the same for
every reader and can be cached.
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language
from wagtail.models import Page, Site

from campaigns import sites
from campaigns.conf import fragment_cache_seconds
from campaigns.generation import content_generation
from home.models import portal_texts_for

register = template.Library()


def _context_page(context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def portal_home(context) -> Page | None:
    """The home page of the request's site in the active language, once per request."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_portal_home"):
        site = Site.find_for_request(request)
        request._portal_home = site.root_page.localized if site else None
    return request._portal_home


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context) -> dict:
    """Home and its live, public children marked "show in menus"."""
    home = portal_home(context)
    page = _context_page(context)
    items = []
    if home is not None:
        for child in home.get_children().live().public().in_menu():
            items.append(
                {
                    "page": child,
                    "is_current": page is not None and page.pk == child.pk,
                    "in_section": page is not None and page.path.startswith(child.path),
                }
            )
    return {
        "request": context.get("request"),
        "home": home,
        "home_is_current": home is not None and page is not None and page.pk == home.pk,
        "items": items,
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, current_title: str = "") -> dict:
    """The trail from the home page down to the current page, without the root.

    Views that serve no page (search, errors) pass ``current_title`` and get
    "home › current_title".
    """
    page = _context_page(context)
    if page is not None:
        ancestors = list(page.get_ancestors().filter(depth__gt=1)) if page.pk else []
        current = page.title
    else:
        home = portal_home(context)
        ancestors = [home] if home is not None else []
        current = current_title
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "current": current,
        "show": bool(ancestors) and bool(current),
    }


def _serves_own_view(request) -> bool:
    """Whether the request went to a Django view of its own (search), not Wagtail."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name != "wagtail_serve"


@register.simple_tag(takes_context=True)
def language_versions(context) -> list[dict]:
    """The language switcher: one link per language the site publishes in.

    Each goes to the page's live translation; where the page has none, to a
    notice that says so and links back (``untranslated``), never silently to
    the other home page. A view of its own (search) links to the same path in
    the other language. Search engines' alternates are the real translations
    only (:mod:`campaigns.seo`), not these.
    """
    request = context.get("request")
    if request is None:
        return []
    page = _context_page(context) or context.get("untranslated_page")
    home = portal_home(context)
    published = _live_languages(home)
    own_view = page is None and _serves_own_view(request)
    editions = _live_languages(page) if page is not None and page.pk else {}
    active = get_language()
    versions = []
    for code, name in settings.LANGUAGES:
        if code not in published:
            continue
        untranslated = False
        if own_view:
            url = translate_url(request.get_full_path(), code)
        elif code in editions:
            url = editions[code].get_url(request=request)
        elif page is not None and page.pk:
            untranslated = True
            with translation.override(code):
                url = reverse("untranslated", args=[page.pk])
        else:
            url = published[code].get_url(request=request)
        versions.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "is_active": code == active,
                "untranslated": untranslated,
            }
        )
    return versions if len(versions) > 1 else []


def _live_languages(page: Page | None) -> dict[str, Page]:
    """Language code → the live, public edition of ``page`` in it."""
    if page is None:
        return {}
    editions = (
        page.get_translations(inclusive=True).live().public().select_related("locale")
    )
    return {edition.locale.language_code: edition for edition in editions}


@register.filter
def tel_href(phone: str) -> str:
    """A ``tel:`` address from a phone number as people write it: digits and a +."""
    digits = "".join(char for char in phone or "" if char.isdigit() or char == "+")
    return f"tel:{digits}" if digits else ""


@register.simple_tag(takes_context=True)
def portal_texts(context) -> dict:
    """The portal's name, tagline and footer texts in the active language.

    See :func:`~home.models.portal_texts_for`. Once per request, and
    kept in the shared cache under the site's content generation (saving
    either model moves it), so a cached page costs no query for them.
    """
    request = context.get("request")
    if request is None:
        return {}
    language = get_language()
    cached = getattr(request, "_portal_texts", {})
    if language not in cached:
        generation = (
            content_generation(sites.site_id_for_request(request))
            if fragment_cache_seconds()
            else None
        )
        if generation is None:
            cached[language] = portal_texts_for(request, language)
        else:
            version = ".".join(map(str, generation))
            key = f"home:portal-texts:{request.get_host()}:{language}:{version}"
            cached[language] = cache.get_or_set(
                key,
                lambda: portal_texts_for(request, language),
                fragment_cache_seconds(),
            )
        request._portal_texts = cached
    return cached[language]
