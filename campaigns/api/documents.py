"""The v3 images and documents endpoints list only what the requesting site may.

Wagtail's v3 routers read their querysets through the module functions
``get_images_queryset`` and ``get_documents_queryset`` at each request; the
plugin wraps them once, when its API URLs are loaded (:mod:`campaigns.api.urls`;
importing the routers any sooner fails, since they need every app ready), so
that lists, details and searches leave out other sites' own media
(:mod:`campaigns.site_media`) and, for readers who are not editors, documents
only non-public pages use (:mod:`campaigns.documents`). v2's endpoints are the
plugin's own subclasses.
"""

from campaigns.documents import may_see_every_document, without_hidden
from campaigns.site_media import in_requesting_site


def _wrap(module, name: str, restrict) -> None:
    original = getattr(module, name)
    if getattr(original, "campaigns_restricted", False):
        return

    def restricted(request):
        return restrict(request, original(request))

    restricted.campaigns_restricted = True
    setattr(module, name, restricted)


def public_documents(request, documents):
    """What the documents endpoints may list for ``request``."""
    documents = in_requesting_site(request, documents)
    if may_see_every_document(request.user):
        return documents
    return without_hidden(documents)


def restrict_v3_media() -> None:
    from wagtail.documents.api.v3 import router as wagtail_documents
    from wagtail.images.api.v3 import router as wagtail_images

    _wrap(wagtail_images, "get_images_queryset", in_requesting_site)
    _wrap(wagtail_documents, "get_documents_queryset", public_documents)
