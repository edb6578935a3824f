"""The v2 API router: pages, images and documents (DESIGN §8)."""

from wagtail.api.v2.router import WagtailAPIRouter

from campaigns.api.v2.views import (
    CampaignPagesAPIViewSet,
    GuardedDocumentsAPIViewSet,
    GuardedImagesAPIViewSet,
)

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", CampaignPagesAPIViewSet)
api_router.register_endpoint("images", GuardedImagesAPIViewSet)
api_router.register_endpoint("documents", GuardedDocumentsAPIViewSet)
