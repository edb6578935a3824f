"""Wagtail's v3 page reads, for both editions, searched like the site (DESIGN §7, §8).

Wagtail's operations for listing, finding and reading pages are swapped, on
its own pages router, for thin ones that call them: the listing searches with
the accent-folded query of the site search, find also resolves the paths of
the English edition (``/en/...``), all three take ``?locale=``, and the
detail's ``meta`` also lists the page's public translations. Writes,
revisions and actions stay Wagtail's own. Paths, operation ids and URL names
are unchanged, so the OpenAPI document keeps one operation per path and method.
"""

import inspect
from typing import Literal

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate
from pydantic import PositiveInt
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.querysets import get_pages_queryset
from wagtail.api.v3.registry import registry
from wagtail.api.v3.routers import pages as wagtail_pages
from wagtail.api.v3.schemas import BasePageSchema, read_generator
from wagtail.api.v3.schemas.base import build_discriminated_union
from wagtail.api.v3.schemas.params import OrderingSchema, SearchSchema
from wagtail.models import Locale, Page

from campaigns.api.v3.page_examples import (
    PAGE_DETAIL_RESPONSES,
    PAGE_FIND_RESPONSES,
    PAGE_LIST_RESPONSES,
)
from campaigns.api.v3.schemas import PageTranslationSchema
from campaigns.references import references_until_response, resolve_for_response
from campaigns.search import clean_query
from campaigns.selectors import (
    edition_language,
    page_for_edition_path,
    public_translations,
)

#: Wagtail's listing without its pagination wrapper; ours paginates.
_wagtail_list_pages = inspect.unwrap(wagtail_pages.list_pages)


class FoldedSearchSchema(SearchSchema):
    """Wagtail's ``?search=``, with the query cleaned and accent-folded first.

    Pages index a folded copy of their text (:mod:`campaigns.search`), so
    "lao dong", "Lao động" and "LAO ĐỘNG" find the same pages; a query that
    is empty once cleaned (a NUL byte…) finds nothing instead of failing.
    """

    def search_queryset(self, request: HttpRequest, queryset):
        if self.search is None:
            return queryset
        query = clean_query(self.search)
        if not query:
            return queryset.none()
        folded = self.model_copy(update={"search": query})
        return SearchSchema.search_queryset(folded, request, queryset)


def _resolve_translations(page: Page, context: dict) -> list[Page]:
    return list(public_translations(page))


def _with_translations(model: type[Page]):
    """Wagtail's read schema of ``model``, with ``translations`` added to its meta."""
    registration = registry.get(model._meta.label)
    read_schema = registration and registration.read_schema
    if read_schema is None:
        return None
    name = model._meta.object_name
    meta_schema = read_generator.extend_schema(
        read_schema.model_fields["meta"].annotation,
        f"{name}DetailMetaSchema",
        {
            "translations": (
                list[PageTranslationSchema],
                Field(
                    description=(
                        "The page's live, public editions in other languages, "
                        "ordered by language code; empty when there is none."
                    )
                ),
                staticmethod(_resolve_translations),
            )
        },
    )
    return read_generator.extend_schema(
        read_schema, f"{name}DetailSchema", {"meta": (meta_schema, ..., None)}
    )


#: Wagtail's page detail union, each page type's ``meta`` with ``translations``.
PageDetailSchema = build_discriminated_union(
    wagtail_pages.page_models, _with_translations
)


def _locale_or_404(language_code: str | None) -> Locale | None:
    """The requested locale; an unknown one is a 404 problem, as in the listing."""
    if not language_code:
        return None
    return get_object_or_404(Locale, language_code=language_code)


def list_pages(
    request: HttpRequest,
    filters: Query[wagtail_pages.PageFilterSchema],
    ordering: Query[OrderingSchema],
    search: Query[FoldedSearchSchema],
    **kwargs,
):
    """Wagtail's listing (``?locale=`` included), searched like the site."""
    return _wagtail_list_pages(
        request, filters=filters, ordering=ordering, search=search, **kwargs
    )


def find_page(
    request: HttpRequest,
    id: PositiveInt | None = None,
    html_path: str | None = None,
    site: str | None = None,
    version: Literal["live", "draft"] | None = "live",
    locale: str | None = None,
):
    """Wagtail's find, which also routes ``/en/...`` from the English home page.

    The redirect to the detail keeps ``locale``, so a page of another
    language is then a 404.
    """
    _locale_or_404(locale)
    language = edition_language(html_path)
    if html_path and language is not None:
        page = page_for_edition_path(request, html_path, language=language)
        html_path = None
        if page is not None and get_pages_queryset(request).filter(pk=page.pk).exists():
            id = page.pk
        elif not id:
            raise Http404("No page matches the given query.")
    return wagtail_pages.find_page(
        request, id=id, html_path=html_path, site=site, version=version
    )


def get_page(
    request: HttpRequest,
    page_id: int,
    version: Literal["live", "draft"] | None = "live",
    rich_text_format: RichTextOutputFormat | None = None,
    locale: str | None = None,
):
    """Wagtail's page detail, with the page's public translations in ``meta``.

    With ``?locale=`` only a page of that language.
    """
    language = _locale_or_404(locale)
    if language is not None:
        get_object_or_404(
            get_pages_queryset(request).filter(locale=language), pk=page_id
        )
    page = wagtail_pages.get_page(
        request, page_id, version=version, rich_text_format=rich_text_format
    )
    # What the page refers to (images, documents, pages, embeds, counts) is
    # fetched in bulk, as in v2, for the serialisation after this returns.
    resolve_for_response([page])
    return page


_PUBLIC_READ = [BearerTokenAuth(), AllowAnonymous()]


def _replace_get(router: Router, path: str, view_func, **options) -> None:
    """Put ``view_func`` in place of the router's GET operation on ``path``."""
    path_view = router.path_operations[path]
    path_view.operations = [
        operation
        for operation in path_view.operations
        if "GET" not in operation.methods
    ]
    router.add_api_operation(path, ["GET"], view_func, auth=_PUBLIC_READ, **options)


def replace_page_reads(router: Router = wagtail_pages.router) -> None:
    """Swap Wagtail's page list, find and detail for ours; call before ``api.urls``."""
    _replace_get(
        router,
        "/",
        paginate(WagtailLimitOffsetPagination, pass_parameter="pagination_info")(  # noqa: S106 not a password
            list_pages
        ),
        response=list[BasePageSchema],
        url_name="list_pages",
        summary="List pages",
        operation_id="pages_list",
        openapi_extra={"responses": PAGE_LIST_RESPONSES},
    )
    _replace_get(
        router,
        "/find/",
        find_page,
        response=PageDetailSchema,
        url_name="find_page",
        summary="Find page",
        operation_id="pages_find",
        openapi_extra={"responses": PAGE_FIND_RESPONSES},
    )
    _replace_get(
        router,
        "/{page_id}/",
        decorate_view(references_until_response)(get_page),
        response=PageDetailSchema,
        url_name="detail_page",
        summary="Page detail",
        operation_id="pages_detail",
        openapi_extra={"responses": PAGE_DETAIL_RESPONSES},
    )
