"""Headless preview of drafts for editors (DESIGN §8, issue 8).

Wagtail's server-rendered preview stays the default mode. The "headless" mode
hands the editor a link to the front-end carrying a signed token; the
front-end exchanges it at ``GET /api/v3/preview/`` for the draft. The token is
made only inside the admin preview view, which has already checked that the
user may edit the page; it names the page, its latest revision and a cache
key holding the content being previewed (unsaved edits included), and is
refused once it is older than :data:`MAX_AGE` seconds. When the cached
content is gone (evicted, or a per-process cache in development) the token
falls back to the revision it names.
"""

import secrets
from urllib.parse import urlencode, urlsplit

from django.core import signing
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from campaigns import conf, sites

#: The preview mode that hands the draft to the headless front-end.
HEADLESS = "headless"

#: Seconds a token stays valid, enforced when it is read.
MAX_AGE = 10 * 60

_SALT = "campaigns.preview.headless"
_CACHE_PREFIX = "campaigns:preview:"


class PreviewTokenError(Exception):
    """The token is missing, malformed, tampered with or expired."""


class ExpiredPreviewToken(PreviewTokenError):
    """The token was signed more than :data:`MAX_AGE` seconds ago."""


class PreviewGone(Exception):
    """The token is valid, but its page or revision no longer exists."""


def make_preview_token(page, *, with_content: bool = False) -> str:
    """A signed token for ``page``'s latest revision (or its live content).

    With ``with_content``, ``page`` as it is in memory (the editor's unsaved
    form) is also kept in the cache for :data:`MAX_AGE` seconds.
    """
    payload = {"page": page.pk, "revision": page.latest_revision_id}
    if with_content:
        key = secrets.token_urlsafe(16)
        cache.set(_CACHE_PREFIX + key, page.serializable_data(), MAX_AGE)
        payload["content"] = key
    return signing.dumps(payload, salt=_SALT)


def _read_payload(token: str) -> dict:
    if not token:
        raise PreviewTokenError("missing")
    try:
        payload = signing.loads(token, salt=_SALT, max_age=MAX_AGE)
    except signing.SignatureExpired as exc:
        raise ExpiredPreviewToken("expired") from exc
    except signing.BadSignature as exc:
        raise PreviewTokenError("invalid") from exc
    if not isinstance(payload, dict):
        raise PreviewTokenError("invalid")
    return payload


def read_preview_token(token: str) -> tuple[int, int | None]:
    """The page and revision ids a valid token names."""
    payload = _read_payload(token)
    page_id = payload.get("page")
    revision_id = payload.get("revision")
    if not isinstance(page_id, int) or not isinstance(revision_id, int | None):
        raise PreviewTokenError("invalid")
    return page_id, revision_id


def draft_for_token(token: str):
    """The page a valid token names: the previewed content while it is
    cached, else the revision the token names, else the live page."""
    from wagtail.models import Page, Revision

    page_id, revision_id = read_preview_token(token)
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise PreviewGone("page")
    content_key = _read_payload(token).get("content")
    content = (
        cache.get(_CACHE_PREFIX + content_key) if isinstance(content_key, str) else None
    )
    if isinstance(content, dict):
        return page.specific.with_content_json(content)
    if revision_id is None:
        return page.specific
    revision = (
        Revision.page_revisions.filter(pk=revision_id, object_id=str(page.pk))
        .select_related("content_type")
        .first()
    )
    if revision is None:
        raise PreviewGone("revision")
    return revision.as_object()


def preview_api_url(token: str) -> str:
    """The root-relative API address that returns the draft for ``token``."""
    return f"{reverse('wagtailapi_v3:preview_page')}?{urlencode({'token': token})}"


def front_end_url(token: str, page) -> str:
    """The front-end preview address of the page's site with the token, or ``""``.

    The site's ``HeadlessPreviewSettings`` first, else
    ``CAMPAIGNS_HEADLESS_PREVIEW_URL``.
    """
    # The page models mix this module in: their module cannot be imported first.
    from campaigns.models.preview import HeadlessPreviewSettings

    site = sites.site_for_page(page)
    own = HeadlessPreviewSettings.for_site(site).front_end_url if site else ""
    base = own or conf.HEADLESS_PREVIEW_URL
    if not base:
        return ""
    separator = "&" if "?" in base else "?"
    query = urlencode({"token": token, "page": page.pk})
    return f"{base}{separator}{query}"


class HeadlessPreviewMixin:
    """Adds the "headless" preview mode after Wagtail's own page preview."""

    preview_modes = [("", _("Page")), (HEADLESS, _("Headless front-end"))]

    def serve_preview(self, request, mode_name):
        if mode_name != HEADLESS:
            return super().serve_preview(request, mode_name)
        context = {"page": self, "max_minutes": MAX_AGE // 60}
        if self.pk is not None:
            token = make_preview_token(self, with_content=True)
            context.update(
                token=token,
                api_url=request.build_absolute_uri(preview_api_url(token)),
                front_end_url=front_end_url(token, self),
            )
        response = TemplateResponse(request, "campaigns/preview/headless.html", context)
        response["Cache-Control"] = "no-store"
        if context.get("front_end_url"):
            # The page frames the front end: a site's content security policy
            # (django-csp reads this) must let it.
            origin = urlsplit(context["front_end_url"])
            response._csp_update = {"frame-src": [f"{origin.scheme}://{origin.netloc}"]}
        return response
