"""What follows a change to what readers may see.

The content generation moves (:mod:`campaigns.generation`) and the view
counter's set of public pages is dropped (:mod:`campaigns.stats.public_pages`).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from campaigns.generation import bump_content_generation
from campaigns.stats.public_pages import forget_public_pages


def content_changed(**kwargs) -> None:
    bump_content_generation()
    forget_public_pages()


def connect_signals() -> None:
    """Follow every change to which pages anonymous readers may see."""
    page_published.connect(content_changed, dispatch_uid="campaigns-publish")
    page_unpublished.connect(content_changed, dispatch_uid="campaigns-unpublish")
    post_delete.connect(
        content_changed, sender=Page, dispatch_uid="campaigns-page-delete"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            content_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"campaigns-restriction-{signal is post_save}",
        )
    post_page_move.connect(content_changed, dispatch_uid="campaigns-move")
