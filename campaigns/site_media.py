"""Each site's API lists its own and the shared images and documents, never
another site's (DESIGN §12).

Wagtail scopes its page endpoints to the requesting site, not its images and
documents. A site names the collection of its own media
(:class:`~campaigns.models.SiteMediaSettings`, set by ``campaigns_setup
--per-site``); media in another site's collection, or below it, are left out
of this site's listings, details and searches. Media in no site's collection
are shared by every site.
"""

from django.db.models import Q, QuerySet
from wagtail.models import Collection

from campaigns import sites


def other_sites_collection_ids(site_id: int | None) -> list[int]:
    """Collections (with those below them) that belong to sites other than
    ``site_id``, and not also to it. One query for the settings, one for the
    collections."""
    from campaigns.models import SiteMediaSettings

    owned = list(
        SiteMediaSettings.objects.exclude(collection=None).values_list(
            "site_id", "collection__path"
        )
    )
    own = [path for owner, path in owned if owner == site_id]
    others = {
        path
        for owner, path in owned
        if owner != site_id and not any(path.startswith(mine) for mine in own)
    }
    if not others:
        return []
    below_others = Q()
    for path in others:
        below_others |= Q(path__startswith=path)
    return list(Collection.objects.filter(below_others).values_list("pk", flat=True))


def in_requesting_site(request, media: QuerySet) -> QuerySet:
    """``media`` (images or documents) without other sites' own.

    Excluded by id, so that Wagtail's search backends can still search the
    queryset (they refuse lookups on fields they do not index).
    """
    foreign = other_sites_collection_ids(sites.site_id_for_request(request))
    if not foreign:
        return media
    hidden = media.filter(collection_id__in=foreign).values_list("pk", flat=True)
    return media.exclude(pk__in=list(hidden))
