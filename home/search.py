"""Search over public pages."""

from django.utils.translation import get_language
from wagtail.models import Locale, Page


def search_public_pages(query: str):
    """Live, unrestricted pages of the active language matching ``query``."""
    pages = Page.objects.live().public().specific()
    try:
        pages = pages.filter(locale=Locale.get_active())
    except Locale.DoesNotExist:
        pages = pages.filter(locale__language_code=get_language())
    return pages.search(query)
