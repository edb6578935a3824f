"""The plugin's routers on Wagtail's v3 ``NinjaAPI`` (DESIGN §8)."""

from django.apps import apps
from django.conf import settings
from django.http import HttpRequest
from ninja import Router
from wagtail.coreutils import get_content_languages

from campaigns import conf
from campaigns.api.v3.examples import LOCALE_LIST_RESPONSES
from campaigns.api.v3.schemas import LocaleSchema

locales_router = Router(tags=["locales"])


@locales_router.get(
    "/",
    response=list[LocaleSchema],
    url_name="list_locales",
    summary="List the site's languages",
    operation_id="list_locales",
    openapi_extra={"responses": LOCALE_LIST_RESPONSES},
)
def list_locales(request: HttpRequest):
    """The content languages of the site; the default one is served without prefix."""
    from wagtail.models import Locale

    names = get_content_languages()
    return [
        {
            "language_code": locale.language_code,
            "name": str(names.get(locale.language_code, locale.language_code)),
            "is_default": locale.language_code == settings.LANGUAGE_CODE,
        }
        for locale in Locale.objects.order_by("pk")
    ]


_registered = False


def register_routers() -> None:
    """Add our routers, and the site's (``CAMPAIGNS_API_V3_ROUTERS``), to Wagtail's API.

    Once, before its URLs are read. ``/locales/`` only without ``wagtail.locales``;
    Wagtail's page reads are replaced only with ``CAMPAIGNS_API_V3_PAGE_READS``.
    """
    global _registered
    if _registered:
        return
    from wagtail.api.v3.api import api

    if not apps.is_installed("wagtail.locales"):
        # Its own /locales/ (the locale admin's, for tokens) is added to the same
        # API: ours would answer its URL while the document described Wagtail's.
        api.add_router("/locales/", locales_router)
    from campaigns.api.v3.comments import captcha_router, comments_router

    api.add_router("/comments/", comments_router)
    api.add_router("/captcha/", captcha_router)
    from campaigns.api.v3.stats import stats_router

    api.add_router("/", stats_router)
    api.add_router("/preview/", "campaigns.api.v3.preview.preview_router")
    for prefix, router in conf.API_V3_ROUTERS.items():
        api.add_router(prefix, router)
    if conf.API_V3_PAGE_READS:
        from campaigns.api.v3.pages import replace_page_reads

        replace_page_reads()
    from campaigns.api.guards import guarded_operation
    from campaigns.api.v3.document import complete_document
    from campaigns.api.v3.languages import document_locale, in_requested_language
    from campaigns.api.v3.schemas import add_document_step

    # Added first, so it runs inside the guard: a malformed `locale` is the
    # guard's 422; in the document, the shared answers (the guard's 422
    # among them) come first.
    api.add_decorator(in_requested_language, mode="view")
    api.add_decorator(guarded_operation, mode="view")
    add_document_step(api, complete_document)
    add_document_step(api, document_locale)
    _registered = True
