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

from campaigns.api.v3.schemas import (
    PageTranslationSchema,
    example,
    problem,
    problem_doc,
)
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

_SITE = "https://example.gov.vn"
_CAMPAIGN_PATH = (
    "/chien-dich-truyen-thong/phat-dong-phong-trao-thi-dua-lao-dong-gioi-2022/"
)

#: A campaign page as ``GET /pages/{id}/`` serves it (each type has its fields).
PAGE_DETAIL_EXAMPLE = {
    "meta": {
        "type": "campaigns.CampaignPage",
        "detail_url": f"{_SITE}/api/v3/pages/6/",
        "html_url": f"{_SITE}{_CAMPAIGN_PATH}",
        "locale": "vi",
        "slug": "phat-dong-phong-trao-thi-dua-lao-dong-gioi-2022",
        "first_published_at": "2022-02-22T01:30:00.000Z",
        "show_in_menus": False,
        "seo_title": "",
        "search_description": "",
        "alias_of": None,
        "parent": {
            "meta": {
                "type": "campaigns.CampaignIndexPage",
                "detail_url": f"{_SITE}/api/v3/pages/4/",
                "html_url": f"{_SITE}/chien-dich-truyen-thong/",
            },
            "id": 4,
            "title": "Chiến dịch truyền thông",
        },
        "translations": PageTranslationSchema.model_json_schema()["examples"],
    },
    "id": 6,
    "title": (
        "Phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2022"
    ),
    "date": "2022-02-22",
    "source": "CTTĐT",
    "lead": (
        "Liên đoàn Lao động tỉnh phát động phong trào thi đua trong công nhân, "
        "viên chức, người lao động toàn tỉnh."
    ),
    "hero_caption": "Lễ phát động tại Nhà văn hóa lao động tỉnh.",
    "slogan": "Lao động giỏi, Lao động sáng tạo",
    "period_start": "2022-03-01",
    "period_end": "2022-12-31",
    "issuing_bodies": "Liên đoàn Lao động tỉnh\nSở Lao động – Thương binh và Xã hội",
    "dispatch_number": "125/KH-LĐLĐ",
    "comments_enabled": True,
    "hero_image": {
        "id": 1,
        "title": "Lễ phát động phong trào",
        "alt": "Đại biểu bấm nút phát động phong trào thi đua",
        "width": 1600,
        "height": 900,
        "renditions": {
            "thumbnail": {
                "url": "/media/images/le-phat-dong.2e16d0ba.fill-480x270.jpg",
                "width": 480,
                "height": 270,
            },
            "medium": {
                "url": "/media/images/le-phat-dong.width-800.jpg",
                "width": 800,
                "height": 450,
            },
            "large": {
                "url": "/media/images/le-phat-dong.width-1200.jpg",
                "width": 1200,
                "height": 675,
            },
        },
    },
    "dispatch_document": {
        "id": 5,
        "title": "Kế hoạch 125/KH-LĐLĐ",
        "url": "/documents/5/ke-hoach-125-kh-ldld.pdf",
        "file_extension": "pdf",
        "file_size": 1184,
    },
    "tags": ["lao-dong", "thi-dua"],
    "body": [
        {
            "type": "heading",
            "value": {"text": "Mục đích, yêu cầu", "level": "h2"},
            "id": "5f1c0a52-0b7e-4d1b-9d0e-3c2f6a1b8e11",
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Phong trào nhằm khơi dậy tinh thần sáng tạo của người lao động "
                "trong sản xuất, kinh doanh.</p>"
            ),
            "id": "9a4e2d17-6c3b-4f0a-8b51-7d2e9c4a3f20",
        },
    ],
    "related_video_stories": [],
    "comment_count": 4,
    "view_count": 16660,
    "seo": {
        "title": (
            "Phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2022"
        ),
        "description": (
            "Liên đoàn Lao động tỉnh phát động phong trào thi đua trong công nhân, "
            "viên chức, người lao động toàn tỉnh."
        ),
        "canonical_url": f"{_SITE}{_CAMPAIGN_PATH}",
        "og_type": "article",
        "image": {
            "url": f"{_SITE}/media/images/le-phat-dong.width-1200.jpg",
            "width": 1200,
            "height": 675,
            "alt": "Đại biểu bấm nút phát động phong trào thi đua",
        },
    },
}

#: One entry of ``GET /pages/``; ``?fields=`` adds the type's own fields.
_PAGE_SUMMARY_EXAMPLE = {
    "meta": {
        "type": "campaigns.CampaignPage",
        "detail_url": f"{_SITE}/api/v3/pages/6/",
        "html_url": f"{_SITE}{_CAMPAIGN_PATH}",
        "locale": "vi",
        "slug": "phat-dong-phong-trao-thi-dua-lao-dong-gioi-2022",
        "first_published_at": "2022-02-22T01:30:00.000Z",
    },
    "id": 6,
    "title": PAGE_DETAIL_EXAMPLE["title"],
}


def _success_doc(name: str, summary: str, value) -> dict:
    return {
        "content": {"application/json": {"examples": {name: example(summary, value)}}}
    }


_NO_PAGE = example(
    "No live, public page matches (or not in that `locale`)",
    problem(404, "No Page matches the given query."),
)
_UNKNOWN_LOCALE = example(
    "An unknown `locale`", problem(404, "No Locale matches the given query.")
)
_MALFORMED = example(
    "A parameter of the wrong type",
    problem(
        422,
        "Validation failed",
        errors=[
            {
                "type": "literal_error",
                "loc": ["query", "version"],
                "msg": "Input should be 'live' or 'draft'",
                "ctx": {"expected": "'live' or 'draft'"},
            }
        ],
    ),
)

#: The answers of the page reads besides their 200.
_LIST_ERRORS = {
    400: problem_doc(
        "`limit` above the API's maximum (WAGTAILAPI_LIMIT_MAX).",
        {
            "limit": example(
                "`limit` too high", problem(400, "limit cannot be higher than 100")
            )
        },
    ),
    404: problem_doc(
        "An unknown `locale` or `site`.",
        {
            "locale": _UNKNOWN_LOCALE,
            "site": example(
                "An unknown `site`", problem(404, "No Site matches the given query.")
            ),
        },
    ),
    422: problem_doc(
        "A malformed or contradictory parameter (an unknown `type` or `order`, "
        "`child_of` with `descendant_of`, a `child_of` page that does not exist), "
        "or a control character or out-of-range number in any parameter.",
        {
            "contradictory": example(
                "`child_of` with `descendant_of`",
                problem(
                    422,
                    "Validation failed",
                    errors=[
                        {
                            "type": "value_error",
                            "loc": ["query", "filters"],
                            "msg": (
                                "Value error, filtering by descendant_of with "
                                "child_of is not supported."
                            ),
                            "ctx": {
                                "error": (
                                    "filtering by descendant_of with child_of is "
                                    "not supported."
                                )
                            },
                        }
                    ],
                ),
            ),
            "control_character": example(
                "A control character in a parameter",
                problem(422, "Giá trị của “site” có chứa ký tự điều khiển."),
            ),
        },
    ),
}
_DETAIL_ERRORS = {
    404: problem_doc(
        "No live, public page matches, the page is not in that `locale`, or "
        "the `locale` is unknown.",
        {"no_page": _NO_PAGE, "locale": _UNKNOWN_LOCALE},
    ),
    422: problem_doc(
        "A malformed parameter, or a control character or out-of-range number "
        "in any parameter.",
        {"malformed": _MALFORMED},
    ),
}


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
        openapi_extra={
            "responses": {
                200: _success_doc(
                    "campaigns",
                    "Campaign pages (`?type=campaigns.CampaignPage`)",
                    {"items": [_PAGE_SUMMARY_EXAMPLE], "count": 1},
                ),
                **_LIST_ERRORS,
            }
        },
    )
    _replace_get(
        router,
        "/find/",
        find_page,
        response=PageDetailSchema,
        url_name="find_page",
        summary="Find page",
        operation_id="pages_find",
        openapi_extra={
            "responses": {
                200: _success_doc(
                    "campaign",
                    "After the redirect to the page's detail",
                    PAGE_DETAIL_EXAMPLE,
                ),
                **_DETAIL_ERRORS,
            }
        },
    )
    _replace_get(
        router,
        "/{page_id}/",
        decorate_view(references_until_response)(get_page),
        response=PageDetailSchema,
        url_name="detail_page",
        summary="Page detail",
        operation_id="pages_detail",
        openapi_extra={
            "responses": {
                200: _success_doc("campaign", "A campaign page", PAGE_DETAIL_EXAMPLE),
                **_DETAIL_ERRORS,
            }
        },
    )
