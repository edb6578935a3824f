"""Both documents endpoints leave out what only non-public pages use.

Wagtail's v3 documents router reads its queryset through the module function
``get_documents_queryset`` at each request; the plugin wraps it once, when its
API URLs are loaded (:mod:`campaigns.api.urls`; importing the router any
sooner fails, since it needs every app ready), so that the list and the detail
obey :mod:`campaigns.documents` for readers who are not editors. v2's endpoint
is the plugin's own subclass.
"""

from campaigns.documents import may_see_every_document, without_hidden


def restrict_v3_documents() -> None:
    from wagtail.documents.api.v3 import router as wagtail_documents

    original = wagtail_documents.get_documents_queryset
    if getattr(original, "campaigns_restricted", False):
        return

    def get_documents_queryset(request):
        documents = original(request)
        if may_see_every_document(request.user):
            return documents
        return without_hidden(documents)

    get_documents_queryset.campaigns_restricted = True
    wagtail_documents.get_documents_queryset = get_documents_queryset
