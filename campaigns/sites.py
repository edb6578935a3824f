"""Which site a request, a page or a comment belongs to, and which sites a user holds.

One deployment may serve several Wagtail sites: a province's portal and its
departments' sub-portals (DESIGN §12). Under wagtail-localize a site's
translated trees are siblings of its root page, so "in a site" means at or
under the root page or one of its translations.

A user *holds* a site when one of their groups has a Wagtail page permission
on that site's root, on a translation of it, or on a page above it (the tree's
root holds every site); superusers hold every site. The comment queue, its
counts and actions and the statistics report act only on the sites a user
holds, so granting a moderator another site is adding a page permission in
Wagtail's group editor (``campaigns_setup --per-site`` makes such groups).
"""

from collections.abc import Iterable
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, Site

#: Attribute under which a user's held sites are remembered for one request.
_HELD_ATTRIBUTE = "_campaigns_held_site_ids"


def site_for_request(request) -> Site | None:
    """The site the request's host name selects, or the default site.

    Wagtail remembers it on the request, so this costs one query per request
    at most.
    """
    return Site.find_for_request(request)


def root_paths(site: Site) -> tuple[str, ...]:
    """Tree paths of the site's root page and of each of its translations."""
    paths = getattr(site, "_campaigns_root_paths", None)
    if paths is None:
        key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        paths = tuple(
            Page.objects.filter(translation_key__in=key)
            .order_by("path")
            .values_list("path", flat=True)
        )
        site._campaigns_root_paths = paths
    return paths


def in_sites(sites: Iterable[Site], field: str = "") -> Q:
    """A filter for rows whose page (``field`` leads to it) is in one of ``sites``.

    Matches nothing when ``sites`` is empty.
    """
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    paths = [path for site in sites for path in root_paths(site)]
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{lookup: path}) for path in paths))


def in_site(site: Site | None, field: str = "") -> Q:
    """:func:`in_sites` for one site; no site (none configured) matches nothing."""
    return in_sites([site] if site is not None else [], field)


def site_for_page(page: Page) -> Site | None:
    """The site whose tree holds ``page`` (the deepest root wins), or None."""
    best, depth = None, 0
    for site in Site.objects.select_related("root_page"):
        for path in root_paths(site):
            if page.path.startswith(path) and len(path) > depth:
                best, depth = site, len(path)
    return best


def held_site_ids(user) -> frozenset[int]:
    """Ids of the sites ``user`` holds (see the module's docstring)."""
    if not user.is_active:
        return frozenset()
    held = getattr(user, _HELD_ATTRIBUTE, None)
    if held is not None:
        return held
    sites = list(Site.objects.select_related("root_page"))
    if user.is_superuser:
        held = frozenset(site.pk for site in sites)
    else:
        granted = set(
            GroupPagePermission.objects.filter(group__user=user).values_list(
                "page__path", flat=True
            )
        )
        held = frozenset(
            site.pk
            for site in sites
            if any(
                root.startswith(granted_path)
                for root in root_paths(site)
                for granted_path in granted
            )
        )
    setattr(user, _HELD_ATTRIBUTE, held)
    return held


def held_sites(user) -> list[Site]:
    """The sites ``user`` holds, by name."""
    ids = held_site_ids(user)
    return list(
        Site.objects.filter(pk__in=ids)
        .select_related("root_page")
        .order_by("site_name", "hostname")
    )


def holds_page(user, page: Page) -> bool:
    """Whether ``page`` is in a site ``user`` holds."""
    site = site_for_page(page)
    return site is not None and site.pk in held_site_ids(user)
