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
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http.request import split_domain_port
from wagtail.models import GroupPagePermission, Page, Site
from wagtail.signals import post_page_move

#: Attribute under which a user's held sites are remembered for one request.
_HELD_ATTRIBUTE = "_campaigns_held_site_ids"

#: Cache key of :func:`_site_roots`; cleared whenever a site or a root changes.
ROOTS_CACHE_KEY = "campaigns:site-map:2"
ROOTS_CACHE_SECONDS = 3600


def site_for_request(request) -> Site | None:
    """The site the request's host name selects, or the default site.

    Wagtail remembers it on the request, so this costs one query per request
    at most.
    """
    return Site.find_for_request(request)


@dataclass(frozen=True)
class _SiteMap:
    #: Site id → tree paths of its root page and of each translation of it.
    roots: dict[int, tuple[str, ...]]
    #: (site id, host name, port, is default) of every site.
    hosts: tuple[tuple[int, str, int, bool], ...]
    #: Tree path of each root (and root translation) → its language code.
    languages: dict[str, str]


def _site_map() -> _SiteMap:
    """Every site's roots and host: one query of each, kept in the cache until
    a site, a root page (a new translation included) or a move changes them
    (:func:`connect_signals`)."""
    found = cache.get(ROOTS_CACHE_KEY)
    if found is None:
        rows = list(
            Site.objects.values_list(
                "pk",
                "root_page__translation_key",
                "hostname",
                "port",
                "is_default_site",
            )
        )
        paths_by_key: dict = {}
        languages = {}
        for key, path, language in (
            Page.objects.filter(translation_key__in={row[1] for row in rows})
            .order_by("path")
            .values_list("translation_key", "path", "locale__language_code")
        ):
            paths_by_key.setdefault(key, []).append(path)
            languages[path] = language
        found = _SiteMap(
            roots={pk: tuple(paths_by_key.get(key, ())) for pk, key, *_ in rows},
            hosts=tuple(
                (pk, host, port, default) for pk, _, host, port, default in rows
            ),
            languages=languages,
        )
        cache.set(ROOTS_CACHE_KEY, found, ROOTS_CACHE_SECONDS)
    return found


def _site_roots() -> dict[int, tuple[str, ...]]:
    return _site_map().roots


def site_id_for_request(request) -> int | None:
    """Id of the site :func:`site_for_request` finds, from the cached site map.

    The beacon's path: no query while the map is cached. Wagtail's rule
    (``get_site_for_hostname``): host name and port, then the host name alone
    when one site has it, then the default site.
    """
    cached = getattr(request, "_wagtail_site", None)
    if cached is not None:
        return cached.pk
    hostname = split_domain_port(request._get_raw_host())[0]
    port = int(request.get_port())
    hosts = _site_map().hosts
    named = [row for row in hosts if row[1] == hostname]
    default = [row for row in hosts if row[3]]
    for row in named:
        if row[2] == port:
            return row[0]
    for row in named:
        if row[3]:
            return row[0]
    if len(named) == 1:
        return named[0][0]
    return default[0][0] if default else None


def forget_site_roots(**kwargs) -> None:
    """Signal receiver: a site or a page that may be a root changed."""
    cache.delete(ROOTS_CACHE_KEY)


def _page_saved(sender, instance, raw=False, **kwargs) -> None:
    # Any page may be a site root or a root's new translation; Wagtail's own
    # save asks the same question (``is_site_root``).
    if isinstance(instance, Page) and not raw and instance.is_site_root():
        forget_site_roots()


def connect_signals() -> None:
    """Keep :func:`_site_roots` current; called from ``CampaignsConfig.ready()``."""
    post_save.connect(forget_site_roots, sender=Site, dispatch_uid="campaigns-sites")
    post_delete.connect(forget_site_roots, sender=Site, dispatch_uid="campaigns-sites")
    post_save.connect(_page_saved, dispatch_uid="campaigns-sites-page")
    post_delete.connect(forget_site_roots, sender=Page, dispatch_uid="campaigns-sites")
    post_page_move.connect(forget_site_roots, dispatch_uid="campaigns-sites")


def root_paths(site: Site) -> tuple[str, ...]:
    """Tree paths of the site's root page and of each of its translations."""
    return _site_roots().get(site.pk, ())


def _in_paths(paths: Iterable[str], field: str) -> Q:
    lookup = f"{field}__path__startswith" if field else "path__startswith"
    paths = list(paths)
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{lookup: path}) for path in paths))


def in_site_ids(site_ids: Iterable[int], field: str = "") -> Q:
    """A filter for rows whose page (``field`` leads to it) is in one of the sites.

    Matches nothing when there is no site.
    """
    roots = _site_roots()
    return _in_paths((p for pk in site_ids for p in roots.get(pk, ())), field)


def in_sites(sites: Iterable[Site], field: str = "") -> Q:
    """:func:`in_site_ids` for site objects."""
    return in_site_ids((site.pk for site in sites), field)


def in_site(site: Site | None, field: str = "") -> Q:
    """:func:`in_sites` for one site; no site (none configured) matches nothing."""
    return in_site_ids([site.pk] if site is not None else [], field)


def site_id_for_path(path: str) -> int | None:
    """Id of the site whose tree holds the page at ``path`` (the deepest root
    wins), or None."""
    best, depth = None, 0
    for site_id, paths in _site_roots().items():
        for root in paths:
            if path.startswith(root) and len(root) > depth:
                best, depth = site_id, len(root)
    return best


def edition_language(path: str) -> str | None:
    """The language of the site root (or root translation) whose tree holds the
    page at ``path`` (the deepest wins), or None: no query while the map is
    cached."""
    languages = _site_map().languages
    roots = [root for root in languages if path.startswith(root)]
    return languages[max(roots, key=len)] if roots else None


def site_id_for_page(page: Page) -> int | None:
    """Id of the site whose tree holds ``page``, or None."""
    return site_id_for_path(page.path)


def page_ids_by_site(page_ids: Iterable[int]) -> dict[int, list[int]]:
    """The pages of ``page_ids`` grouped by their site (pages in none left out)."""
    grouped: dict[int, list[int]] = {}
    for pk, path in Page.objects.filter(pk__in=list(page_ids)).values_list(
        "pk", "path"
    ):
        site_id = site_id_for_path(path)
        if site_id is not None:
            grouped.setdefault(site_id, []).append(pk)
    return grouped


def site_ids_of_page_change(kwargs) -> list[int] | None:
    """The sites a page signal touches (a page published, unpublished, moved or
    deleted, or a page's view restriction saved or deleted): the page's site,
    and for a move the sites it left and joined. None: it may be any site (a
    page in no site, or one moved from or to outside every site)."""
    instance = kwargs.get("instance")
    try:
        page = instance if isinstance(instance, Page) else instance.page
    except (AttributeError, ObjectDoesNotExist):
        return None
    if not isinstance(page, Page):
        return None
    paths = [page.path]
    if "parent_page_before" in kwargs:
        paths = [kwargs["parent_page_before"].path, kwargs["parent_page_after"].path]
    site_ids = {site_id_for_path(path) for path in paths}
    return None if None in site_ids else sorted(site_ids)


def site_for_page(page: Page) -> Site | None:
    """The site whose tree holds ``page``, or None."""
    site_id = site_id_for_page(page)
    return None if site_id is None else Site.objects.filter(pk=site_id).first()


def in_site_of(page: Page, field: str = "") -> Q:
    """A filter for rows in the same site as ``page`` (nothing if it is in none)."""
    site_id = site_id_for_page(page)
    return in_site_ids([site_id] if site_id is not None else [], field)


def held_site_ids(user) -> frozenset[int]:
    """Ids of the sites ``user`` holds (see the module's docstring)."""
    if not user.is_active:
        return frozenset()
    held = getattr(user, _HELD_ATTRIBUTE, None)
    if held is not None:
        return held
    roots = _site_roots()
    if user.is_superuser:
        held = frozenset(Site.objects.values_list("pk", flat=True))
    else:
        granted = set(
            GroupPagePermission.objects.filter(group__user=user).values_list(
                "page__path", flat=True
            )
        )
        held = frozenset(
            site_id
            for site_id, paths in roots.items()
            if any(root.startswith(grant) for root in paths for grant in granted)
        )
    setattr(user, _HELD_ATTRIBUTE, held)
    return held


def held_sites(user) -> list[Site]:
    """The sites ``user`` holds, by name."""
    return list(
        Site.objects.filter(pk__in=held_site_ids(user))
        .select_related("root_page")
        .order_by("site_name", "hostname")
    )


def holds_page(user, page: Page) -> bool:
    """Whether ``page`` is in a site ``user`` holds."""
    return site_id_for_page(page) in held_site_ids(user)
