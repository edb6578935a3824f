"""The site's middleware: no Vary on the browser's language where the URL decides
it, redirects only to what readers may see, and previews the admin may frame."""

from urllib.parse import urlparse

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.utils.cache import cc_delim_re
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from campaigns.models.querysets import public_pages

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


class PublicRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, except to a page readers may not see: those stay a 404.

    Wagtail follows a redirect to any page, so an editor's redirect to a draft
    or a private page would give its address away in ``Location``. The steps
    are Wagtail's own (``RedirectMiddleware.process_response``), with one more
    check before answering.
    """

    def process_response(self, request, response):
        if response.status_code != 404:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path)
        bare = urlparse(path).path
        if redirect is None and bare != path:
            redirect = get_redirect(request, bare)
        if redirect is None or not _leads_to_public_content(redirect):
            return response
        link = redirect.link
        if link is None:
            return response
        if redirect.is_permanent:
            return HttpResponsePermanentRedirect(link)
        return HttpResponseRedirect(link)


def _leads_to_public_content(redirect: Redirect) -> bool:
    if redirect.redirect_page_id is None:
        return True
    return public_pages(Page.objects.filter(pk=redirect.redirect_page_id)).exists()


class PreviewFramingMiddleware:
    """Let the admin's preview panel frame a preview; public pages stay unframeable.

    Wagtail renders a preview by sending a made-up request for the page's
    public path through the middleware, so the public site's
    ``X-Frame-Options: DENY`` and ``frame-ancestors 'none'`` reached the
    preview too and the panel beside the editor stayed blank. A preview
    (``request.is_preview``) may be framed by the admin, on its own origin.
    Listed after the clickjacking and CSP middleware, so that it sees the
    response first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "is_preview", False):
            response["X-Frame-Options"] = "SAMEORIGIN"
            response._csp_replace = {
                **getattr(response, "_csp_replace", {}),
                "frame-ancestors": ["'self'"],
            }
        return response
