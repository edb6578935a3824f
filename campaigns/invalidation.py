"""What invalidates what: every change readers may see, and the versions it moves.

Readers are served from caches named by version numbers
(:mod:`campaigns.generation`): the content generation (page fragments, the
API's ETags and stored page details), the views versions (site-wide and per
page) and the visits version. The view beacon also keeps Redis's set of public
pages (:mod:`campaigns.stats.public_pages`). This module is the one place that
moves them:

=============================================  ===================================
Change                                         Moves
=============================================  ===================================
a page published, unpublished, moved or        its site's content generation and
deleted; a page view restriction saved or      public pages (both sites' for a
deleted                                        move; every site's for a page in
                                               none)
an image, document, collection, collection     the shared content generation (not
view restriction, locale or site saved or      Wagtail's lazy fill of an image's
deleted; a host model (:func:`register_model`) size and hash); a host row with a
                                               ``site``: that site's generation
the visitor statistics settings, or a host     that site's content generation (not
setting (:func:`register_setting`), edited     the row made with the defaults on
                                               first read)
a site's media collection set or cleared       the shared content generation
a comment readers see or saw moderated,        its page's site's content
replied to, redacted, deleted or erased        generation after commit; the page
(:func:`comments_changed`)                     purged from the frontend cache,
                                               when there is one
a beacon accepted (:func:`beacon_seen`)        the site's visits; when the view was
                                               counted, views and the page's views
view counts imported (:func:`counts_imported`)  views and each page's views
=============================================  ===================================

The signal rules (:func:`rules`) are connected by :func:`connect`, from
``CampaignsConfig.ready()``; the services that change comments and counts call
the functions named above. The API's ETags (:mod:`campaigns.api.caching`) say
which of these versions each read shows.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns import sites
from campaigns.generation import (
    VIEWS,
    bump_content_generation,
    bump_counters,
    page_views,
    visits,
)
from campaigns.stats.public_pages import forget_public_pages

#: Fields Wagtail fills in lazily while serving (an image's size and hash):
#: saving only these changes nothing readers see.
_HOUSEKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def pages_changed(**kwargs) -> None:
    """Signal receiver: which pages anonymous readers may see has changed."""
    bump_content_generation(sites.site_ids_of_page_change(kwargs))
    forget_public_pages(**kwargs)


def _site_ids_of_row(instance) -> list[int] | None:
    # A row of one site (a site setting, a portal text) moves that site's
    # generation; any other row, every site's.
    site_id = getattr(instance, "site_id", None)
    return [site_id] if isinstance(site_id, int) else None


def content_edited(instance=None, update_fields=None, **kwargs) -> None:
    """Signal receiver: a row readers may see was saved or deleted."""
    if update_fields and set(update_fields) <= _HOUSEKEEPING_FIELDS:
        return
    bump_content_generation(_site_ids_of_row(instance))


def media_scope_changed(**kwargs) -> None:
    """Signal receiver: a site's media collection changed, and so what every
    other site lists."""
    bump_content_generation()


def setting_edited(instance=None, created=False, **kwargs) -> None:
    """Signal receiver: a site setting was saved.

    A setting is created with its defaults on first read, while a page
    renders: only an edit changes what readers see.
    """
    if not created:
        bump_content_generation(_site_ids_of_row(instance))


@dataclass(frozen=True)
class Rule:
    """A signal, from one model (``"app_label.Model"``) or any, and its receiver."""

    signal: Signal
    sender: str | None
    receiver: Callable


def _saved_or_deleted(label: str, receiver: Callable) -> list[Rule]:
    return [Rule(post_save, label, receiver), Rule(post_delete, label, receiver)]


def _plugin_rules() -> list[Rule]:
    from wagtail.documents import get_document_model_string
    from wagtail.images import get_image_model_string

    rules = [
        Rule(page_published, None, pages_changed),
        Rule(page_unpublished, None, pages_changed),
        Rule(post_page_move, None, pages_changed),
        Rule(post_delete, "wagtailcore.Page", pages_changed),
        *_saved_or_deleted("wagtailcore.PageViewRestriction", pages_changed),
        Rule(post_save, "campaigns.VisitorStatisticsSettings", setting_edited),
        *_saved_or_deleted("campaigns.SiteMediaSettings", media_scope_changed),
    ]
    for label in (
        get_image_model_string(),
        get_document_model_string(),
        "wagtailcore.Collection",
        "wagtailcore.CollectionViewRestriction",
        "wagtailcore.Locale",
        "wagtailcore.Site",
    ):
        rules += _saved_or_deleted(label, content_edited)
    return rules


#: Rules a host added with :func:`register_model` or :func:`register_setting`.
_host_rules: list[Rule] = []


def rules() -> list[Rule]:
    """Every signal rule: the plugin's and the host's."""
    return [*_plugin_rules(), *_host_rules]


def _connect(rule: Rule) -> None:
    # A signal keeps one connection per receiver and sender: connecting again
    # is a no-op.
    rule.signal.connect(rule.receiver, sender=rule.sender)


def connect() -> None:
    """Connect the plugin's rules. Idempotent."""
    for rule in _plugin_rules():
        _connect(rule)


def register_model(label: str) -> None:
    """Move the content generation whenever a row of ``label`` is saved or deleted.

    For a host's model that readers see through the plugin's caches (a text in
    a cached fragment, an API read). A row with a ``site`` foreign key moves
    that site's generation only; any other, every site's. ``label`` is
    ``"app_label.Model"``; it may be called from the host's
    ``AppConfig.ready()``, before or after ours.
    """
    _add(_saved_or_deleted(label, content_edited))


def register_setting(label: str) -> None:
    """Move the setting's site's content generation when a site setting
    ``label`` is edited."""
    _add([Rule(post_save, label, setting_edited)])


def _add(new_rules: list[Rule]) -> None:
    for rule in new_rules:
        if rule not in _host_rules:
            _host_rules.append(rule)
        _connect(rule)


def comments_changed(page_ids: Iterable[int]) -> None:
    """Readers see, or saw, a changed comment on these pages.

    Once the transaction commits: moves their sites' content generations and, with a
    frontend cache (``WAGTAILFRONTENDCACHE``), purges each page from it.
    Outside a transaction, at once. No page, no change.
    """
    page_ids = sorted(set(page_ids))
    if not page_ids:
        return
    by_site = sites.page_ids_by_site(page_ids)
    in_sites = sum(map(len, by_site.values()))
    # A page in no site (or gone) may have been shown by any.
    site_ids = sorted(by_site) if in_sites == len(page_ids) else None
    transaction.on_commit(lambda: bump_content_generation(site_ids))
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):

        def purge_commented_pages():
            from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
            from wagtail.models import Page

            purge_pages_from_cache(Page.objects.filter(pk__in=page_ids).specific())

        transaction.on_commit(purge_commented_pages)


def beacon_seen(page_id: int, *, counted: bool, site_id: int) -> None:
    """A view beacon of ``page_id`` was accepted by the site ``site_id``;
    ``counted``: its view was counted."""
    names = [visits(site_id)]
    if counted:
        names += [VIEWS, page_views(page_id)]
    bump_counters(names)


def counts_imported(page_ids: Iterable[int]) -> None:
    """View counts of these pages changed outside the beacons (an import)."""
    page_ids = list(page_ids)
    if page_ids:
        bump_counters([VIEWS, *map(page_views, page_ids)])
