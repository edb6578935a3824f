"""Documents the public may have: none that only draft or private pages use.

An editor attaches a dispatch to a page before it is published, or to a page
only signed-in readers see; Wagtail serves a document to anyone, whatever
pages use it. Here a document that pages refer to (Wagtail's reference index)
but no live, public page does is kept from anonymous readers: ``/documents/``
answers 404 for it and both documents APIs leave it out. Documents no page uses
are Wagtail's to decide (their collection's view restriction).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.documents.permissions import permission_policy
from wagtail.models import Page, ReferenceIndex


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
    return permission_policy.user_has_any_permission(user, ["add", "change", "choose"])


def without_hidden(documents: QuerySet) -> QuerySet:
    """``documents`` without those only non-public pages use (one query)."""
    references = _page_references()
    used = references.values("to_object_id")
    shown = references.filter(object_id__in=_public_page_keys()).values("to_object_id")
    return documents.annotate(key=Cast("pk", CharField())).exclude(
        Q(key__in=used) & ~Q(key__in=shown)
    )


def is_hidden(document) -> bool:
    """Whether pages use ``document`` and none of them is live and public."""
    references = _page_references().filter(to_object_id=str(document.pk))
    if not references.exists():
        return False
    return not references.filter(object_id__in=_public_page_keys()).exists()
