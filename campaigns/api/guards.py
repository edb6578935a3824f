"""Query-string guards for the v2 and v3 APIs (DESIGN §8, issue 8).

Every read checks its parameters before Wagtail parses them, so that no input
reaches the database or a recursive parser in a shape that makes it fail:

- ``?search=`` is tidied as the site search tidies a query (control
  characters, which make PostgreSQL fail, and double quotes, which make
  SQLite's full-text search fail, become spaces; spaces are trimmed), and a
  control character anywhere else is refused;
- a whole number beyond a database ``integer`` (``?offset=``, ``?child_of=``,
  an id in the path…) is refused;
- ``?fields=`` nested deeper than :data:`MAX_FIELDS_DEPTH` (Wagtail's v2 parser
  recurses once per level) or longer than :data:`MAX_VALUE_LENGTH` is refused;
- ``?site=host:port`` whose port is not such a whole number is refused (Wagtail
  would compare it to the integer ``port`` column and fail).

A refusal is Wagtail v2's ``{"message": ...}`` 400 on v2, an RFC 7807
``application/problem+json`` 422 on v3; an out-of-range id in the path is a 404.
"""

import re
from collections.abc import Mapping
from functools import wraps

from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import gettext
from wagtail.api.v2.utils import BadRequestError

from campaigns.search import tidy_query

#: Largest value of a database ``integer`` column (ids, and what they are compared to).
MAX_INTEGER = 2**31 - 1
#: Deepest nesting of ``?fields=``; the page types need three levels at most.
MAX_FIELDS_DEPTH = 8
#: Longest value of one parameter (``?search=`` is capped by the search itself).
MAX_VALUE_LENGTH = 2000

#: Parameters whose text is free: numbers and long values are fine there.
FREE_TEXT = frozenset({"search", "html_path"})

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_WHOLE_NUMBER = re.compile(r"[+-]?\d+")


class UnsafeQuery(ValueError):
    """A parameter that would make the API fail; its message is for the client."""


class UnknownId(UnsafeQuery):
    """An id in the path beyond any stored one: nothing can match it."""


def _check_number(name: str, value: str, error=UnsafeQuery) -> None:
    if _WHOLE_NUMBER.fullmatch(value):
        digits = value.lstrip("+-")
        if len(digits) > len(str(MAX_INTEGER)) or int(digits) > MAX_INTEGER:
            raise error(
                gettext("The value of “%(name)s” is out of range.") % {"name": name}
            )


def _check_site(value: str) -> None:
    _, colon, port = value.partition(":")
    if colon and not (port.isascii() and port.isdigit() and int(port) <= MAX_INTEGER):
        raise UnsafeQuery(
            gettext("The value of “%(name)s” is out of range.") % {"name": "site"}
        )


def _fields_depth(value: str) -> int:
    depth = deepest = 0
    for char in value:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth -= 1
    return deepest


def checked_query(
    query: QueryDict, path_values: Mapping[str, object] = ()
) -> QueryDict:
    """``query`` made safe: ``search`` cleaned; raises :class:`UnsafeQuery`.

    ``path_values`` are the arguments captured from the URL (ids).
    """
    for name, value in dict(path_values).items():
        if isinstance(value, str):
            _check_number(name, value, UnknownId)
    cleaned = None
    for name, values in query.lists():
        if _CONTROL.search(name):
            raise UnsafeQuery(gettext("A parameter name contains a control character."))
        for value in values:
            if name == "search":
                tidied = [tidy_query(item) for item in values]
                if tidied != values:
                    if cleaned is None:
                        cleaned = query.copy()
                    cleaned.setlist(name, tidied)
                continue
            if _CONTROL.search(value):
                raise UnsafeQuery(
                    gettext("The value of “%(name)s” contains a control character.")
                    % {"name": name}
                )
            if name in FREE_TEXT:
                continue
            if len(value) > MAX_VALUE_LENGTH:
                raise UnsafeQuery(
                    gettext("The value of “%(name)s” is too long.") % {"name": name}
                )
            _check_number(name, value)
            if name == "site":
                _check_site(value)
            if name == "fields" and _fields_depth(value) > MAX_FIELDS_DEPTH:
                raise UnsafeQuery(
                    gettext("“fields” is nested more than %(depth)d levels deep.")
                    % {"depth": MAX_FIELDS_DEPTH}
                )
    return query if cleaned is None else cleaned


class GuardedQueryMixin:
    """For a Wagtail v2 viewset: check the query before Wagtail reads it.

    The refusal is Wagtail's own ``BadRequestError``, which its viewsets turn
    into a 400 ``{"message": ...}``.
    """

    def initial(self, request, *args, **kwargs):
        try:
            query = checked_query(request._request.GET, kwargs)
        except UnknownId as error:
            raise Http404(str(error)) from error
        except UnsafeQuery as error:
            raise BadRequestError(str(error)) from error
        request._request.GET = query
        super().initial(request, *args, **kwargs)


def guarded_operation(run):
    """A django-ninja ``view`` decorator: check the query and the path first.

    A malformed parameter is a 422, as django-ninja's own validation answers;
    an id beyond any stored one is a 404. Added to every operation of the v3
    ``NinjaAPI`` by :func:`campaigns.api.v3.routers.register_routers`.
    """
    from wagtail.api.v3.errors import problem_response

    @wraps(run)
    def guarded(request: HttpRequest, *args, **kwargs):
        try:
            request.GET = checked_query(request.GET, kwargs)
        except UnknownId as error:
            return problem_response(status=404, detail=str(error))
        except UnsafeQuery as error:
            return problem_response(status=422, detail=str(error))
        return run(request, *args, **kwargs)

    return guarded
