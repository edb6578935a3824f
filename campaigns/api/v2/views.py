"""The v2 pages endpoint, with StreamField references resolved in bulk."""

from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from campaigns.api.documents import public_documents
from campaigns.api.guards import GuardedQueryMixin
from campaigns.api.v2.filters import CheckedFieldsFilter, FoldedSearchFilter
from campaigns.api.v2.serializers import CampaignPageSerializer
from campaigns.references import resolved_references
from campaigns.selectors import edition_language, page_for_edition_path
from campaigns.site_media import in_requesting_site


class CampaignPagesAPIViewSet(GuardedQueryMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint whose listing costs the same queries at any ``limit``.

    The paginated pages are inspected once, every image, document, linked page
    and tag they reference is fetched in one query per kind, and serialisation
    then reads from that scope. ``meta.translations`` is in every detail, and
    in a listing that asks for it (``?fields=translations`` or ``*``).
    Hostile query parameters are refused first (:mod:`campaigns.api.guards`).
    """

    base_serializer_class = CampaignPageSerializer
    meta_fields = [*PagesAPIViewSet.meta_fields, "translations"]

    filter_backends = [
        {SearchFilter: FoldedSearchFilter, FieldsFilter: CheckedFieldsFilter}.get(
            backend, backend
        )
        for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        # Wagtail builds it three times per listing, each costing three queries.
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset

    def find_object(self, queryset, request):
        """Also find pages by the path of another edition: ``/en/...``."""
        path = request.GET.get("html_path", "")
        language = edition_language(path)
        if language is None:
            return super().find_object(queryset, request)
        page = page_for_edition_path(request, path, language=language)
        if page is not None and queryset.filter(id=page.id).exists():
            return page
        return None

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        pages = list(self.paginate_queryset(queryset))
        with resolved_references(pages):
            data = self.get_serializer(pages, many=True).data
        return self.get_paginated_response(data)

    def detail_view(self, request, pk):
        instance = self.get_object()
        with resolved_references([instance]):
            data = self.get_serializer(instance).data
        return Response(data)


def _with_checked_fields(backends) -> list:
    return [
        CheckedFieldsFilter if backend is FieldsFilter else backend
        for backend in backends
    ]


class GuardedImagesAPIViewSet(GuardedQueryMixin, ImagesAPIViewSet):
    """Wagtail's images endpoint, hostile query parameters refused first, and
    other sites' own images left out (:mod:`campaigns.site_media`)."""

    filter_backends = _with_checked_fields(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return in_requesting_site(self.request, super().get_queryset())


class GuardedDocumentsAPIViewSet(GuardedQueryMixin, DocumentsAPIViewSet):
    """Wagtail's documents endpoint, hostile query parameters refused first.

    Other sites' own documents are left out, and so are documents that only
    draft or private pages use for readers who are not editors
    (:func:`campaigns.api.documents.public_documents`).
    """

    filter_backends = _with_checked_fields(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return public_documents(self.request, super().get_queryset())
