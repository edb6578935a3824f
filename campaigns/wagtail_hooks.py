"""Admin and rich-text wiring of the campaigns plugin."""

from wagtail import hooks

from campaigns.rich_text import (
    BulkDocumentLinkHandler,
    BulkImageEmbedHandler,
    BulkPageLinkHandler,
)


# After Wagtail's own registrations (order 0), so that ours replace them.
@hooks.register("register_rich_text_features", order=100)
def register_bulk_reference_handlers(features):
    features.register_link_type(BulkPageLinkHandler)
    features.register_link_type(BulkDocumentLinkHandler)
    features.register_embed_type(BulkImageEmbedHandler)
