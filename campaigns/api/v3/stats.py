"""View counts and visitor statistics on the v3 API (DESIGN §6, §8).

The beacon every public page sends, and the figures of the footer widget. Both
are public and never read ``request.user``; neither sets a cookie.
"""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from ninja import Router, Status
from wagtail.api.v3.errors import problem_response

from campaigns import conf
from campaigns.api.v3.examples import page_view_responses
from campaigns.api.v3.schemas import ViewCountSchema, VisitorStatisticsSchema
from campaigns.stats.counting import (
    PageNotCounted,
    count_view,
    site_visitor_statistics,
)

stats_router = Router(tags=["statistics"])

#: Seconds a shared cache may keep the visitor figures.
STATS_MAX_AGE = 15


#: The answer to an id that names no public page, whether in range or not.
NOT_FOUND_DETAIL = "No public page with this id."


@stats_router.post(
    "/pages/{page_id}/views/",
    response={200: ViewCountSchema, 202: ViewCountSchema},
    summary="Count a view of a page",
    description=(
        "Sent by every public page (a beacon). Counts the visitor once per page "
        "per 30 minutes; known bots are never counted. 200 with the new count "
        "when counted, 202 with the current count when not. A draft, private "
        "or unknown page gives 404. No cookie is set; the visitor is a hash of "
        "a daily secret, the address and the User-Agent."
    ),
    operation_id="count_page_view",
    url_name="count_page_view",
    openapi_extra={"responses": page_view_responses(NOT_FOUND_DETAIL)},
)
def count_page_view(request: HttpRequest, response: HttpResponse, page_id: int):
    if not 0 < page_id <= conf.MAX_PAGE_ID:
        return _not_found()
    try:
        result = count_view(request, page_id)
    except PageNotCounted:
        return _not_found()
    patch_cache_control(response, no_store=True)
    return Status(200 if result.counted else 202, {"view_count": result.view_count})


@stats_router.get(
    "/stats/visitors/",
    response={200: VisitorStatisticsSchema},
    summary="Visitor statistics of the site",
    description=(
        "Of the site the host name selects: visitors online (seen in the last "
        "5 minutes), visits today and this "
        "week (from Monday, Asia/Ho_Chi_Minh) and all time, which includes the "
        "visits counted by the previous portal. A visit is one visitor on one day."
    ),
    operation_id="visitor_statistics",
    url_name="visitor_statistics",
)
def get_visitor_statistics(request: HttpRequest, response: HttpResponse):
    stats = site_visitor_statistics(request)
    patch_cache_control(response, public=True, max_age=STATS_MAX_AGE)
    return {
        "online": stats.online,
        "today": stats.today,
        "this_week": stats.this_week,
        "total": stats.total,
    }


def _not_found():
    return problem_response(status=404, detail=NOT_FOUND_DETAIL)
