"""Documents the public may have: none that only draft or private pages use.

An editor attaches a dispatch to a page before it is published, or to a page
only signed-in readers see; Wagtail serves a document to anyone, whatever
pages use it. Here a document that pages refer to (Wagtail's reference index)
but no live, public page does is kept from anonymous readers: ``/documents/``
answers 404 for it and both documents APIs leave it out. Documents no page uses
are Wagtail's to decide (their collection's view restriction).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry


def _page_references():
    return ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        base_content_type=ContentType.objects.get_for_model(Page),
    )


def _public_page_keys():
    return (
        Page.objects.live().public().annotate(key=Cast("pk", CharField())).values("key")
    )


def may_see_every_document(user) -> bool:
    """Editors see what they may choose in the admin, public or not."""
    policy = policy_registry.get_by_type(get_document_model())
    return policy.user_has_any_permission(user, ["add", "change", "choose"])


def hidden_document_ids() -> list[int]:
    """Documents pages use but no live, public page does (two queries)."""
    references = _page_references()
    shown = references.filter(object_id__in=_public_page_keys()).values("to_object_id")
    hidden = references.exclude(to_object_id__in=shown).values_list(
        "to_object_id", flat=True
    )
    return sorted({int(key) for key in hidden.distinct()})


def without_hidden(documents: QuerySet) -> QuerySet:
    """``documents`` without those only non-public pages use.

    Excluded by id, so that the queryset stays one Wagtail's search backends
    can still search (they refuse annotations they do not index).
    """
    hidden = hidden_document_ids()
    return documents.exclude(pk__in=hidden) if hidden else documents


def is_hidden(document) -> bool:
    """Whether pages use ``document`` and none of them is live and public."""
    references = _page_references().filter(to_object_id=str(document.pk))
    if not references.exists():
        return False
    return not references.filter(object_id__in=_public_page_keys()).exists()
