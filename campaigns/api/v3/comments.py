"""Readers' comments and the captcha on the v3 API (DESIGN §5, §8).

Thin operations over :mod:`campaigns.comments.posting`, the service the HTML
form also calls, so both ways of posting share every rule. These endpoints are
public: django-ninja skips the CSRF check, so nothing here reads
``request.user``; the captcha, the rate limits and moderation protect them.

The POST reads its body itself, so that an oversize body is refused before
anything parses it; the schema it expects is still declared in the OpenAPI
document. Every error is an RFC 7807 ``application/problem+json`` answer.
"""

import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext, ngettext
from ninja import Field, Query, Router
from ninja.pagination import paginate
from ninja.responses import Status
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.models import Locale

from campaigns import conf, sites
from campaigns.api.v3.examples import (
    CAPTCHA_RESPONSES,
    COMMENT_CREATE_RESPONSES,
    COMMENT_LIST_RESPONSES,
)
from campaigns.api.v3.schemas import (
    CaptchaSchema,
    CommentCreatedSchema,
    CommentFilterSchema,
    CommentSchema,
    NewCommentSchema,
    inline_json_schema,
)
from campaigns.comments.captcha import new_challenge
from campaigns.comments.posting import (
    CommentRefused,
    InvalidComment,
    commentable_page,
    post_comment,
)
from campaigns.rate_limits import CAPTCHA_LIMITS, RateLimited, enforce
from campaigns.selectors import public_comments

comments_router = Router(tags=["comments"])
captcha_router = Router(tags=["captcha"])

#: Deepest ``offset`` of a listing; far beyond any page's comments, and small
#: enough for every database's OFFSET.
MAX_OFFSET = 1_000_000

#: The fields of a new comment; anything else in the body is ignored.
TEXT_FIELDS = ("name", "title", "content", "email", "captcha_key", "captcha_value")
#: The honeypot: absent from the form people see, filled in by bots.
HONEYPOT_FIELD = "website"


class CommentPagination(WagtailLimitOffsetPagination):
    """Wagtail's limit/offset pagination, with a bounded offset."""

    class Input(WagtailLimitOffsetPagination.Input):
        # The default is read per request and when the document is built, so
        # it follows CAMPAIGNS_COMMENTS_PER_PAGE.
        limit: int = Field(
            default_factory=lambda: conf.COMMENTS_PER_PAGE,
            json_schema_extra=lambda schema: schema.update(
                default=conf.COMMENTS_PER_PAGE
            ),
            ge=1,
            description="Above the API's maximum (WAGTAILAPI_LIMIT_MAX) is a 400.",
        )
        offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


@comments_router.get(
    "/",
    response=list[CommentSchema],
    url_name="list_comments",
    summary="List the approved comments of a page",
    description=(
        "Approved comments of a live, public campaign or video page, oldest "
        "first, each with the agency's official reply (or null). `locale`, when "
        "given, must be the page's language: another language is a 404."
    ),
    operation_id="comments_list",
    openapi_extra={"responses": COMMENT_LIST_RESPONSES},
)
@paginate(CommentPagination)
def list_comments(request: HttpRequest, filters: Query[CommentFilterSchema]):
    """Approved comments of one public page, oldest first; no private field is read."""
    page = _public_page(request, filters.page)
    if filters.locale is not None:
        locale = get_object_or_404(Locale, language_code=filters.locale)
        if page.locale_id != locale.pk:
            raise Http404(gettext("This page is not in that language."))
    return public_comments(page)


def _public_page(request: HttpRequest, page_id: int):
    try:
        return commentable_page(page_id, sites.site_id_for_request(request))
    except CommentRefused as refused:
        raise Http404(str(refused.message)) from None


@comments_router.post(
    "/",
    response={201: CommentCreatedSchema},
    url_name="create_comment",
    summary="Post a comment for moderation",
    description=(
        "Stores a reader's comment as pending; it is published only once a "
        "moderator approves it. Take `captcha_key` from GET /captcha/ and the "
        "digits it shows as `captcha_value`; each key is used up by one attempt. "
        "Unknown fields (such as `status`) are ignored. Field errors are listed "
        "in `errors` as `{field, code, message}`."
    ),
    operation_id="comments_create",
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": inline_json_schema(NewCommentSchema)}
            },
        },
        "responses": COMMENT_CREATE_RESPONSES,
    },
)
def create_comment(request: HttpRequest, response: HttpResponse):
    """Check the body, then hand it to the posting service; a new comment is pending."""
    add_never_cache_headers(response)
    try:
        data = _json_object(request)
        page_id, fields = _comment_fields(data)
        comment = post_comment(
            request,
            commentable_page(page_id, sites.site_id_for_request(request)),
            fields,
        )
    except _BodyRefused as refused:
        refusal = refused.response
    except InvalidComment as invalid:
        refusal = _field_problem(invalid)
    except CommentRefused as refused:
        refusal = problem_response(status=refused.status, detail=str(refused.message))
    except RateLimited as limited:
        refusal = _too_many_requests(limited)
    else:
        return Status(201, {"id": comment.pk, "status": comment.status})
    add_never_cache_headers(refusal)
    return refusal


@captcha_router.get(
    "/",
    response=CaptchaSchema,
    url_name="new_captcha",
    summary="Get a new captcha challenge",
    description=(
        "A fresh challenge of digits: its key and the root-relative URLs of its "
        "picture and of its Vietnamese audio (null when the server has no "
        "speech synthesiser). Never cached; rate limited per client."
    ),
    operation_id="captcha_create",
    openapi_extra={"responses": CAPTCHA_RESPONSES},
)
def new_captcha(request: HttpRequest, response: HttpResponse):
    """A new challenge, each request its own, so never stored by any cache."""
    try:
        enforce(request, CAPTCHA_LIMITS)
    except RateLimited as limited:
        refused = _too_many_requests(limited)
        add_never_cache_headers(refused)
        return refused
    add_never_cache_headers(response)
    return new_challenge()


class _BodyRefused(Exception):
    def __init__(self, response: HttpResponse):
        super().__init__(response.status_code)
        self.response = response


def _json_object(request: HttpRequest) -> dict:
    """The body as a JSON object, refused before parsing when it is too large.

    Only ``application/json`` is read (415 otherwise), so that a cross-site
    form cannot post a comment without a CORS preflight. ``Content-Length`` is
    checked first; without one (a chunked upload, which gunicorn marks with
    ``wsgi.input_terminated``) at most one byte more than the cap is read.
    """
    media_type = request.content_type or ""
    if media_type != "application/json":
        raise _BodyRefused(
            problem_response(
                status=415,
                detail=gettext("Send the comment as application/json."),
            )
        )
    limit = conf.COMMENT_MAX_BODY
    too_large = _BodyRefused(
        problem_response(
            status=413,
            detail=gettext(
                "The request is too large; a comment may be at most %(size)d bytes."
            )
            % {"size": limit},
        )
    )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > limit:
        raise too_large
    if not request.META.get("CONTENT_LENGTH") and request.META.get(
        "wsgi.input_terminated"
    ):
        # Django reads nothing without a length; the server ends the stream.
        body = request.META["wsgi.input"].read(limit + 1)
    else:
        body = request.read(limit + 1)
    if len(body) > limit:
        raise too_large
    not_an_object = _BodyRefused(
        problem_response(
            status=400,
            detail=gettext("Send the comment as a JSON object."),
        )
    )
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):  # RecursionError: arrays nested too deep
        raise not_an_object from None
    if not isinstance(data, dict):
        raise not_an_object
    return data


def _comment_fields(data: dict[str, Any]) -> tuple[int, dict[str, str]]:
    """The page id and the text fields, each checked for its JSON type.

    A ``null`` counts as an absent field; a number, list or object where
    text is expected is an error rather than a guess (``captcha_value: 0123``
    would lose its zero).
    """
    errors = []
    page_id = _page_id(data.get("page"))
    if page_id is None:
        errors.append(
            _field_error(
                "page",
                "required" if data.get("page") is None else "invalid",
                gettext("Send the id of the page as a whole number."),
            )
        )
    fields = {}
    for name in (*TEXT_FIELDS, HONEYPOT_FIELD):
        value = data.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            errors.append(
                _field_error(name, "type", gettext("Send this field as text."))
            )
            continue
        fields[name] = value
    if errors:
        raise _BodyRefused(
            problem_response(
                status=400,
                detail=gettext("Check the fields marked below."),
                errors=errors,
            )
        )
    return page_id, fields


def _page_id(value) -> int | None:
    if isinstance(value, bool):
        return None
    if (
        isinstance(value, str)
        and value.isascii()
        and value.isdigit()
        and len(value) <= 10
    ):
        value = int(value)
    if isinstance(value, int) and 1 <= value <= conf.MAX_PAGE_ID:
        return value
    return None


def _field_error(field: str | None, code: str, message: str) -> dict:
    return {"field": field, "code": code, "message": str(message)}


def _field_problem(invalid: InvalidComment) -> HttpResponse:
    """The form's errors as ``{field, code, message}``; ``field`` null for the whole."""
    errors = [
        _field_error(
            None if field == "__all__" else field,
            error.code or "invalid",
            " ".join(error.messages),
        )
        for field, field_errors in invalid.form.errors.as_data().items()
        for error in field_errors
    ]
    return problem_response(
        status=invalid.status, detail=str(invalid.message), errors=errors
    )


def _too_many_requests(limited: RateLimited) -> HttpResponse:
    minutes = max(1, -(-limited.retry_after // 60))
    response = problem_response(
        status=429,
        detail=ngettext(
            "You have sent too many requests. Please try again in %(minutes)d minute.",
            "You have sent too many requests. Please try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
    )
    response["Retry-After"] = str(limited.retry_after)
    return response
