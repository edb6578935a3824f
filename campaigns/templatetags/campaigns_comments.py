"""Readers' comments under an article: the approved ones, a page at a time.

::

    {% load campaigns_comments %}
    {% comments_page_number page as comments_page %}
    {% public_cache "campaign-article" page.pk comments_page %}
        {% approved_comments page comments_page as comments %}
    {% endpublic_cache %}

The page number is cleaned outside the cached fragment, because it is part of
the fragment's key: garbage gives page 1, and a number past the end gives the
last page, so a crawler cannot fill the cache with copies of one page.
"""

from django import template
from django.core.paginator import Paginator
from django.urls import reverse

from campaigns import conf
from campaigns.selectors import public_comments

register = template.Library()

#: Query parameter of the comment page under an article.
PAGE_PARAMETER = "comments"


def _requested_number(request) -> int:
    raw = request.GET.get(PAGE_PARAMETER, "") if request is not None else ""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 6:
        return 1
    return max(1, int(raw))


@register.simple_tag(takes_context=True)
def comments_page_number(context, page) -> int:
    """The comment page the request asks for, cleaned: 1 unless a later one exists.

    Page 1, the usual request, costs no query; a later page costs one count.
    """
    number = _requested_number(context.get("request"))
    if number == 1 or page is None or not page.pk:
        return 1
    total = public_comments(page).count()
    last = max(1, -(-total // conf.COMMENTS_PER_PAGE))
    return min(number, last)


@register.simple_tag
def approved_comments(page, number=1):
    """One page of ``page``'s approved comments: a count and one slice, at any size."""
    paginator = Paginator(public_comments(page), conf.COMMENTS_PER_PAGE)
    return paginator.get_page(number)


@register.simple_tag
def comment_form_urls(page) -> dict | None:
    """Where the form lives: the full page (no JavaScript) and the fragment.

    None for a page not saved yet (the preview of a new page).
    """
    if page is None or not page.pk:
        return None
    return {
        "page": reverse("campaigns:comment-create", args=[page.pk]),
        "fragment": reverse("campaigns:comment-form", args=[page.pk]),
    }
