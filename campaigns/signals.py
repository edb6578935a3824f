"""What moves the content generation (see :mod:`campaigns.generation`)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.generation import bump_content_generation


def connect_signals() -> None:
    """Bump the generation whenever what anonymous readers see may have changed."""
    page_published.connect(bump_content_generation, dispatch_uid="campaigns-publish")
    page_unpublished.connect(
        bump_content_generation, dispatch_uid="campaigns-unpublish"
    )
    post_delete.connect(
        bump_content_generation, sender=Page, dispatch_uid="campaigns-page-delete"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            bump_content_generation,
            sender=PageViewRestriction,
            dispatch_uid=f"campaigns-restriction-{signal is post_save}",
        )
    post_page_move.connect(bump_content_generation, dispatch_uid="campaigns-move")
