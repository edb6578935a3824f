"""The draft of a page for the headless preview (DESIGN §8, issue 8).

The admin's "headless" preview mode signs a token naming the page and its
latest revision (:mod:`campaigns.preview`); this endpoint exchanges a token
at most ten minutes old for that revision, serialised exactly like the v3
page detail. The token is the only credential: a session or bearer token
gives nothing here, and without a valid token no draft is reachable.
"""

from typing import Annotated

from django.http import HttpRequest, HttpResponse
from ninja import Header, Query, Router
from ninja.decorators import decorate_view
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import problem_response

from campaigns.api.v3.examples import preview_responses
from campaigns.api.v3.pages import PageDetailSchema
from campaigns.preview import (
    MAX_AGE,
    ExpiredPreviewToken,
    PreviewGone,
    PreviewTokenError,
    draft_for_token,
)
from campaigns.references import references_until_response, resolve_for_response

preview_router = Router(tags=["preview"])

#: The header a front-end may send the token in instead of ``?token=``.
TOKEN_HEADER = "X-Preview-Token"  # noqa: S105 a header name

#: The ``detail`` of each refusal.
MISSING = "A preview token is required."
EXPIRED = "The preview token has expired."
INVALID = "The preview token is invalid."
GONE = "The previewed page or revision no longer exists."


def _refused(status: int, detail: str) -> HttpResponse:
    response = problem_response(status=status, detail=detail)
    response["Cache-Control"] = "no-store"
    return response


@preview_router.get(
    "/",
    response=PageDetailSchema,
    url_name="preview_page",
    summary="Preview a page's draft",
    description=(
        "The draft an editor is previewing, shaped like `GET /pages/{id}/`. "
        "The token comes from the admin's *Headless front-end* preview mode "
        f"(as `?token=` or the `{TOKEN_HEADER}` header) and is valid for "
        f"{MAX_AGE // 60} minutes; it names the page and the revision to show "
        "(the live content when the page has no revision). Never cached "
        "(`Cache-Control: no-store`)."
    ),
    operation_id="preview_page",
    auth=AllowAnonymous(),
    openapi_extra={
        "responses": preview_responses(
            missing=MISSING, expired=EXPIRED, invalid=INVALID, gone=GONE
        )
    },
)
@decorate_view(references_until_response)
def preview_page(
    request: HttpRequest,
    response: HttpResponse,
    token: Annotated[str | None, Query(description="The signed preview token.")] = None,
    x_preview_token: Annotated[
        str | None,
        Header(alias=TOKEN_HEADER, description="The token, instead of `?token=`."),
    ] = None,
    rich_text_format: RichTextOutputFormat | None = None,
):
    """The draft a valid token names; 401/403/404 problems otherwise."""
    token = token or x_preview_token
    if not token:
        return _refused(401, MISSING)
    try:
        page = draft_for_token(token)
    except ExpiredPreviewToken:
        return _refused(403, EXPIRED)
    except PreviewTokenError:
        return _refused(403, INVALID)
    except PreviewGone:
        return _refused(404, GONE)
    response["Cache-Control"] = "no-store"
    resolve_for_response([page])
    return page
