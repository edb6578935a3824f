"""Bulk resolution of the images, documents and pages that StreamField bodies point at.

``prefetch_related`` cannot reach inside StreamField JSON, and Wagtail resolves
chooser values and rich-text links one stream value at a time. Rendering twenty
pages therefore costs a few queries *per page*. Inside :func:`resolved_references`
every referenced object is fetched once for the whole set of pages (one query per
kind, image renditions prefetched), and the chooser blocks and rich-text handlers
of this app read from that scope before they touch the database.
"""

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import wraps

from django.db.models import Model, prefetch_related_objects
from django.utils.timezone import now
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale, Page

from campaigns import conf

_RICH_TEXT_REFERENCE = re.compile(
    r'<(?:a|embed)\b[^>]*?\b(?:linktype|embedtype)="(page|document|image)"[^>]*?>'
)
_ID_ATTRIBUTE = re.compile(r'\bid="(\d+)"')


@dataclass
class ReferenceScope:
    """Objects fetched in bulk, by primary key, for one response."""

    #: Primary keys asked for, by kind; a key asked for but not fetched is deleted.
    requested: dict[str, set[int]] = field(default_factory=dict)
    #: Stored embeds by URL, for the embed blocks (fetched at their default size).
    embeds: dict[str, Model] = field(default_factory=dict)
    images: dict[int, Model] = field(default_factory=dict)
    documents: dict[int, Model] = field(default_factory=dict)
    pages: dict[int, Page] = field(default_factory=dict)
    #: Related pages checked for visibility, and which of them the public may see.
    checked_page_ids: set[int] = field(default_factory=set)
    public_page_ids: set[int] = field(default_factory=set)
    #: The pages the response shows, for what is computed for all of them on use.
    listed_page_ids: set[int] = field(default_factory=set)
    listed_pages: list[Page] = field(default_factory=list)
    #: Values of :func:`listing_value` by name, then by page id, once computed.
    listing_values: dict[str, dict] = field(default_factory=dict)

    def lookup(self, kind: str) -> dict[int, Model]:
        return {"image": self.images, "document": self.documents, "page": self.pages}[
            kind
        ]


_current_scope: ContextVar[ReferenceScope | None] = ContextVar(
    "campaigns_reference_scope", default=None
)


def current_scope() -> ReferenceScope | None:
    """The scope opened by the innermost :func:`resolved_references`, if any."""
    return _current_scope.get()


def _collect(block, raw, found: dict[str, set[int]]) -> None:
    """Walk a raw (JSON) block value alongside its block definition."""
    if raw is None:
        return
    if isinstance(block, blocks.StreamBlock):
        for child in raw or []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is not None:
                _collect(child_block, child.get("value"), found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw or []:
            is_wrapped = isinstance(item, dict) and item.get("type") == "item"
            _collect(block.child_block, item["value"] if is_wrapped else item, found)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            _collect(child_block, (raw or {}).get(name), found)
    elif isinstance(block, ImageChooserBlock):
        found["image"].add(int(raw))
    elif isinstance(block, DocumentChooserBlock):
        found["document"].add(int(raw))
    elif isinstance(block, blocks.PageChooserBlock):
        found["page"].add(int(raw))
    elif isinstance(block, EmbedBlock) and isinstance(raw, str) and raw:
        found["embed"].add(raw)
    elif isinstance(block, blocks.RichTextBlock) and isinstance(raw, str):
        _collect_rich_text(raw, found)


def _collect_rich_text(raw: str, found: dict[str, set[int]]) -> None:
    """Images, documents and pages that stored rich text links or embeds."""
    for match in _RICH_TEXT_REFERENCE.finditer(raw):
        if id_match := _ID_ATTRIBUTE.search(match.group(0)):
            found[match.group(1)].add(int(id_match.group(1)))


def _stream_fields(page: Page) -> Iterator[tuple[StreamField, object]]:
    for model_field in page._meta.get_fields():
        if isinstance(model_field, StreamField):
            yield model_field, getattr(page, model_field.attname)


def collect_references(pages: Iterable[Page]) -> dict[str, set[int]]:
    """Primary keys of every image, document and page the pages' bodies mention."""
    found: dict[str, set] = {"image": set(), "document": set(), "page": set()}
    found["embed"] = set()
    for page in pages:
        for model_field, value in _stream_fields(page):
            _collect(model_field.stream_block, value.raw_data, found)
        for model_field in page._meta.get_fields():
            # Index and home pages have rich text outside any StreamField (intro).
            if isinstance(model_field, RichTextField):
                _collect_rich_text(getattr(page, model_field.attname) or "", found)
        if video_url := getattr(page, "video_url", ""):
            found["embed"].add(video_url)
        for name in ("hero_image_id", "poster_image_id"):
            if image_id := getattr(page, name, None):
                found["image"].add(image_id)
        if document_id := getattr(page, "dispatch_document_id", None):
            found["document"].add(document_id)
    return found


def _localized_pages(page_ids: set[int]) -> dict[int, Page]:
    """Linked pages, each replaced by its live translation in the active language.

    This is what ``Page.localized`` gives, in two queries for all links instead of
    two per link.
    """
    linked = Page.objects.filter(id__in=page_ids).defer_streamfields().specific()
    pages = {page.pk: page for page in linked}
    try:
        active = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        return pages
    foreign_keys = {
        p.translation_key for p in pages.values() if p.locale_id != active.pk
    }
    if foreign_keys:
        translations = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(translation_key__in=foreign_keys, locale=active)
            .defer_streamfields()
            .specific()
        }
        for pk, page in pages.items():
            if page.locale_id != active.pk:
                pages[pk] = translations.get(page.translation_key, page)
    return pages


def _prefetch_declared_relations(pages: list[Page]) -> None:
    """Prefetch what each page model lists in ``bulk_prefetch``, once per model."""
    by_model: dict[type, list[Page]] = {}
    for page in pages:
        by_model.setdefault(type(page), []).append(page)
    for model, group in by_model.items():
        if relations := getattr(model, "bulk_prefetch", None):
            prefetch_related_objects(group, *relations)


def _related_page_ids(page: Page) -> set[int]:
    """Pages a page's API fields link to, whose visibility must be checked."""
    ids = set()
    if related_id := getattr(page, "related_campaign_id", None):
        ids.add(related_id)
    if hasattr(page, "related_video_links"):
        ids.update(link.video_story_id for link in page.related_video_links.all())
    return ids


def _stored_embeds(urls: set[str]) -> dict[str, Model]:
    """Unexpired stored embeds for ``urls``, as ``get_embed(url)`` would find them."""
    by_hash = {get_embed_hash(url): url for url in urls}
    embeds = Embed.objects.exclude(cache_until__lte=now()).filter(hash__in=by_hash)
    return {by_hash[embed.hash]: embed for embed in embeds}


@contextmanager
def resolved_references(pages: list[Page]) -> Iterator[ReferenceScope]:
    """Fetch what ``pages`` reference in one query per kind, for the block's duration.

    Tags are prefetched too, so that a listing of pages costs the same number of
    queries whatever its length.
    """
    scope = _fetch_scope(pages)
    token = _current_scope.set(scope)
    try:
        yield scope
    finally:
        _current_scope.reset(token)


_in_response: ContextVar[bool] = ContextVar(
    "campaigns_reference_response", default=False
)


def references_until_response(run):
    """Decorate a view so that :func:`resolve_for_response` lasts until it answers.

    For django-ninja operations (``decorate_view``), whose result is turned
    into JSON after the view function has returned.
    """

    @wraps(run)
    def decorated(*args, **kwargs):
        token = _current_scope.set(None)
        marker = _in_response.set(True)
        try:
            return run(*args, **kwargs)
        finally:
            _in_response.reset(marker)
            _current_scope.reset(token)

    return decorated


def resolve_for_response(pages: list[Page]) -> None:
    """Fetch what ``pages`` reference for the rest of the response being built.

    Only inside a view decorated with :func:`references_until_response`, which
    closes the scope; elsewhere it does nothing.
    """
    if _in_response.get():
        _current_scope.set(_fetch_scope(pages))


def _fetch_scope(pages: list[Page]) -> ReferenceScope:
    found = collect_references(pages)
    scope = ReferenceScope(
        requested=found,
        listed_page_ids={p.pk for p in pages},
        listed_pages=list(pages),
    )
    if found["image"]:
        images = get_image_model().objects.filter(id__in=found["image"])
        scope.images = {
            image.pk: image
            for image in images.prefetch_renditions(*conf.all_rendition_specs())
        }
    if found["document"]:
        scope.documents = get_document_model().objects.in_bulk(found["document"])
    if found["page"]:
        scope.pages = _localized_pages(found["page"])
    if found["embed"]:
        scope.embeds = _stored_embeds(found["embed"])
    prefetch_related_objects(pages, "locale")
    _prefetch_declared_relations(pages)
    scope.checked_page_ids = {pk for page in pages for pk in _related_page_ids(page)}
    if scope.checked_page_ids:
        scope.public_page_ids = set(
            Page.objects.live()
            .public()
            .filter(pk__in=scope.checked_page_ids)
            .values_list("pk", flat=True)
        )
    tagged = [page for page in pages if hasattr(page, "tagged_items")]
    if tagged:
        prefetch_related_objects(tagged, "tags")
    return scope


def from_scope(kind: str, ids: list) -> list | None:
    """Objects for ``ids`` from the current scope, or None when it cannot answer."""
    scope = current_scope()
    if scope is None:
        return None
    try:
        keys = [int(pk) if pk is not None else None for pk in ids]
    except (TypeError, ValueError):
        return None
    if not set(keys) - {None} <= scope.requested.get(kind, set()):
        return None
    known = scope.lookup(kind)
    return [known.get(pk) if pk is not None else None for pk in keys]


def embed_from_scope(url: str):
    """The stored embed for ``url`` from the current scope, or None."""
    scope = current_scope()
    return scope.embeds.get(url) if scope is not None else None


def stored_embed(url: str):
    """The stored embed for ``url``, never fetched from its provider here."""
    found = embed_from_scope(url)
    if found is not None:
        return found
    return (
        Embed.objects.exclude(cache_until__lte=now())
        .filter(hash=get_embed_hash(url))
        .first()
    )


def is_public(page: Page) -> bool:
    """Whether anonymous readers may see ``page``: live and not view-restricted."""
    scope = current_scope()
    if scope is not None and page.pk in scope.checked_page_ids:
        return page.pk in scope.public_page_ids
    return Page.objects.live().public().filter(pk=page.pk).exists()


#: How to compute a value for every page a response lists, by name (see
#: :func:`register_listing_value`), and the value of a page without one.
_listing_values: dict[str, tuple[Callable[[list[Page]], dict], object]] = {}


def register_listing_value(
    name: str, compute: Callable[[list[Page]], dict], *, default
) -> None:
    """Say how to compute ``name`` for a list of pages, as ``{page id: value}``.

    The layer that knows how (comment counts, view counts, translations)
    registers it when the app is ready; this module only remembers it.
    """
    _listing_values[name] = (compute, default)


def listing_value(name: str, page: Page):
    """``name`` of ``page``; inside a scope, computed once for all listed pages.

    Computed when first asked for, so a response that does not show it costs
    nothing.
    """
    compute, default = _listing_values[name]
    scope = current_scope()
    if scope is None or page.pk not in scope.listed_page_ids:
        return compute([page]).get(page.pk, default)
    if name not in scope.listing_values:
        scope.listing_values[name] = compute(scope.listed_pages)
    return scope.listing_values[name].get(page.pk, default)


def page_summary(page: Page, *, request=None) -> dict:
    """A linked page as the APIs show it: id, type, title and URL."""
    return {
        "id": page.pk,
        "type": page._meta.label,
        "title": page.title,
        "url": page.get_url(request=request),
    }
