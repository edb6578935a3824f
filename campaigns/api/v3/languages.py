"""``?locale=`` on every v3 operation (DESIGN §8): the language of the answer.

The page, comment and portal reads also choose their content by it. Every
operation, including a POST, answers its messages (a problem's ``detail``, a
field error's ``message``) in that language; without it, in the site's default
language. An unknown language is a 404 problem, as on the page listing.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpRequest
from django.utils import translation
from wagtail.api.v3.errors import problem_response

from campaigns.api.v3.schemas import PROBLEM_JSON, example, problem, problem_doc

#: What an operation that has no ``locale`` parameter of its own documents.
LOCALE_PARAMETER = {
    "name": "locale",
    "in": "query",
    "required": False,
    "description": (
        "The language of the answer's messages (and content, where it has any)."
    ),
    "schema": {"type": "string", "enum": [code for code, _ in settings.LANGUAGES]},
}
#: Django's answer to an unknown locale on the page reads, used everywhere.
UNKNOWN_LOCALE = "No Locale matches the given query."


def in_requested_language(run):
    """A view decorator: run the operation in the language ``?locale=`` names."""

    @wraps(run)
    def view(request: HttpRequest, *args, **kwargs):
        language = request.GET.get("locale")
        if language is None:
            return run(request, *args, **kwargs)
        if language not in dict(settings.LANGUAGES):
            return problem_response(status=404, detail=UNKNOWN_LOCALE)
        with translation.override(language):
            request.LANGUAGE_CODE = language
            return run(request, *args, **kwargs)

    return view


def document_locale(document: dict) -> dict:
    """List ``locale``, and the 404 of an unknown one, on every operation."""
    unknown = example("An unknown `locale`", problem(404, UNKNOWN_LOCALE))
    for item in document["paths"].values():
        for operation in item.values():
            parameters = operation.setdefault("parameters", [])
            if not any(parameter["name"] == "locale" for parameter in parameters):
                parameters.append(LOCALE_PARAMETER)
            responses = operation["responses"]
            found = responses.get(404) or responses.get("404")
            if found is None:
                responses["404"] = problem_doc(
                    "An unknown `locale`.", {"unknown_locale": unknown}
                )
                continue
            examples = found.get("content", {}).get(PROBLEM_JSON, {}).get("examples")
            if examples is not None and unknown not in examples.values():
                examples.setdefault("unknown_locale", unknown)
    return document
