"""The v2 ``?search=`` filter, folded like the site search (campaigns.search)."""

from django.conf import settings
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from campaigns.search import clean_query


class FoldedSearchFilter(BaseFilterBackend):
    """Wagtail's ``SearchFilter``, with the query cleaned and accent-folded first.

    Control characters (a NUL byte makes PostgreSQL fail) are removed and the
    query is capped, so no input reaches the backend that could make it error.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError(
                "filtering by tag with a search query is not supported"
            )
        query = clean_query(request.GET["search"])
        if not query:
            return queryset.none()
        operator = request.GET.get("search_operator") or None
        if operator not in {None, "and", "or"}:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        try:
            return get_search_backend().search(
                query,
                queryset,
                operator=operator,
                order_by_relevance="order" not in request.GET,
            )
        except FilterFieldError as error:
            raise BadRequestError(
                f"cannot filter by '{error.field_name}' while searching"
            ) from error
        except OrderByFieldError as error:
            raise BadRequestError(
                f"cannot order by '{error.field_name}' while searching"
            ) from error
