"""The v2 filters the plugin changes: ``?search=`` folded like the site search
(campaigns.search), and field filters that refuse a value their field cannot hold."""

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.filters import FieldsFilter
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


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?date=2022-02-22``), a value the field cannot hold
    refused with a 400.

    Wagtail converts booleans, integers and foreign keys itself; the value of
    any other field (a date, a date and time) only fails once the query is
    built, as a server error: ``?date=2024-13-45``.
    """

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in fields or name == "locale":
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if field.is_relation:
                continue
            try:
                field.get_prep_value(field.to_python(value))
            except (ValidationError, ValueError, TypeError) as error:
                raise BadRequestError(
                    f"field filter error. '{value}' is not a valid value for {name}"
                ) from error
        return super().filter_queryset(request, queryset, view)
