"""Responses whose language the URL decides must not vary on the browser's language."""

from django.utils.cache import cc_delim_re

#: Paths whose language still follows the reader (the admin, by its own settings).
_BROWSER_LANGUAGE_PREFIXES = ("/admin/",)


class PathDecidesLanguageMiddleware:
    """Drop ``Accept-Language`` from ``Vary`` that ``LocaleMiddleware`` adds.

    Public pages take their language from the URL (``/`` Vietnamese, ``/en/``
    English) and the API from its ``locale`` parameter, so the header would only
    make CDNs keep one copy per browser language. Listed before
    ``LocaleMiddleware`` so that it sees that middleware's response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(_BROWSER_LANGUAGE_PREFIXES):
            return response
        if response.has_header("Vary"):
            kept = [
                field
                for field in cc_delim_re.split(response["Vary"])
                if field and field.lower() != "accept-language"
            ]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
