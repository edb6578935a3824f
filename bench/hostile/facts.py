"""What the public must never see, read from the database where Django is set up.

:func:`hidden_facts` gives the sentinels the leak check looks for and the ids
and paths of hidden content that the catalogue aims at (a draft, a private
page, a private document, a pending comment, preview tokens). Models are
imported inside it, so that the catalogue and the runner work without Django.
"""

import json
import time
from dataclasses import dataclass, field
from urllib.parse import quote

#: Rows of visitor hashes read: the newest are enough to catch a leak of any.
_VISITOR_ROWS = 200


@dataclass
class Facts:
    sentinels: list[str] = field(default_factory=list)
    context: dict[str, str] = field(default_factory=dict)


def hidden_facts() -> Facts:
    """The sentinels of non-public data and the hidden targets of the catalogue."""
    facts = Facts()
    public_texts = _public_texts()
    hidden = [*_hidden_page_texts(), *_hidden_comment_texts(), *_hidden_media_titles()]
    facts.sentinels += [text for text in hidden if not _is_public(text, public_texts)]
    facts.sentinels += _comment_secrets()
    facts.sentinels += _visitor_hashes()
    facts.context.update(_hidden_targets())
    facts.sentinels = sorted(set(facts.sentinels))
    return facts


def _public_pages():
    from wagtail.models import Page

    return Page.objects.live().public()


def _public_texts() -> str:
    """All the text anyone may see, in one string: a hidden item sharing a word
    or a name with it (a rejected comment signed "Bạn đọc", a draft titled like
    a published dispatch) leaks nothing."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Revision

    from campaigns.models import Comment, CommentStatus

    public = _public_pages()
    texts = []
    for title, slug in public.values_list("title", "slug"):
        texts += [title, slug]
    contents = Revision.objects.filter(pk__in=public.values("live_revision_id"))
    for content in contents.values_list("content", flat=True):
        texts.append(json.dumps(content, ensure_ascii=False))
    for model in (get_document_model(), get_image_model()):
        hidden = _restricted(model).values("pk")
        texts += model.objects.exclude(pk__in=hidden).values_list("title", flat=True)
    shown = Comment.objects.filter(
        status=CommentStatus.APPROVED, page_id__in=public.values("pk")
    )
    for row in shown.values_list("name", "title", "content", "reply"):
        texts += row
    return "\n".join(texts)


def _is_public(text: str, public_texts: str) -> bool:
    return text in public_texts


def _hidden_page_texts() -> list[str]:
    """Titles and slugs of drafts and private pages; unpublished titles of live ones."""
    from wagtail.models import Page

    public = _public_pages()
    texts = []
    for title, draft_title, slug in Page.objects.exclude(
        pk__in=public.values("pk")
    ).values_list("title", "draft_title", "slug"):
        texts += [title, draft_title, slug]
    for page in public.filter(has_unpublished_changes=True):
        revision = page.get_latest_revision()
        title = revision.content.get("title", "") if revision else ""
        if title and title != page.title:
            texts.append(title)
    return [text for text in texts if text]


def _hidden_comment_texts() -> list[str]:
    """Words of comments no reader sees: not approved, or on a page not public."""
    from campaigns.models import Comment, CommentStatus

    shown = Comment.objects.filter(
        status=CommentStatus.APPROVED, page_id__in=_public_pages().values("pk")
    )
    texts = []
    for row in Comment.objects.exclude(pk__in=shown.values("pk")).values_list(
        "name", "title", "content", "reply"
    ):
        texts += [text for text in row if text]
    return texts


def _comment_secrets() -> list[str]:
    """What no comment ever shows: e-mails, IP hashes and moderators' notes."""
    from campaigns.models import Comment, CommentBlock

    texts = []
    for row in Comment.objects.values_list("email", "ip_hash", "moderation_note"):
        texts += [text for text in row if text]
    texts += list(CommentBlock.objects.values_list("ip_hash", flat=True))
    return texts


def _restricted(model):
    """Objects of ``model`` in a collection with a view restriction, or under one."""
    from wagtail.models import Collection, CollectionViewRestriction

    restricted = Collection.objects.none()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        restricted |= Collection.objects.descendant_of(
            restriction.collection, inclusive=True
        )
    return model.objects.filter(collection__in=restricted)


def _hidden_media_titles() -> list[str]:
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return [
        title
        for model in (get_document_model(), get_image_model())
        for title in _restricted(model).values_list("title", flat=True)
    ]


def _visitor_hashes() -> list[str]:
    from campaigns.models.stats import RecentPageView, RecentVisitor, VisitorSalt

    hashes = list(VisitorSalt.objects.values_list("secret", flat=True))
    for model in (RecentVisitor, RecentPageView):
        newest = model.objects.order_by("-pk")[:_VISITOR_ROWS]
        hashes += list(newest.values_list("visitor", flat=True))
    return hashes


def _hidden_targets() -> dict[str, str]:
    """Ids and paths of hidden content, and preview tokens no editor was given."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

    from campaigns.models import CampaignPage, Comment, CommentStatus

    context: dict[str, str] = {}
    draft = (
        CampaignPage.objects.filter(live=False).first()
        or Page.objects.filter(live=False).first()
    )
    if draft is not None:
        context.update(_page_target("draft", draft))
        context["draft_title_folded"] = _as_query(draft.title)
        context.update(_preview_tokens(draft))
    restriction = (
        PageViewRestriction.objects.filter(
            restriction_type=PageViewRestriction.PASSWORD, page__live=True
        )
        .select_related("page")
        .first()
    )
    if restriction is not None:
        context.update(_page_target("private", restriction.page))
        context["private_title_folded"] = _as_query(restriction.page.title)
        context["private_restriction_id"] = str(restriction.pk)
    unpublished = Page.objects.filter(live=False, first_published_at__isnull=False)
    if unpublished.exists():
        context.update(_page_target("unpublished", unpublished.first()))
    document = _restricted(get_document_model()).first()
    if document is not None:
        context["private_document_id"] = str(document.pk)
        context["private_document_path"] = quote(document.url, safe="/%")
        restrictions = document.collection.get_view_restrictions()
        if restrictions:
            context["document_restriction_id"] = str(restrictions[0].pk)
    collection = CollectionViewRestriction.objects.first()
    if collection is not None:
        context["private_collection_id"] = str(collection.collection_id)
    image = _restricted(get_image_model()).first()
    if image is not None:
        context["private_image_id"] = str(image.pk)
    redirect = Redirect.objects.exclude(
        redirect_page__in=_public_pages().values("pk")
    ).filter(redirect_page__isnull=False)
    if redirect.exists():
        context["hidden_redirect_path"] = quote(redirect.first().old_path, safe="/%")
    pending = Comment.objects.filter(status=CommentStatus.PENDING).first()
    if pending is not None:
        context["pending_comment_id"] = str(pending.pk)
    return context


def _as_query(title: str) -> str:
    """A title as a reader would search for it: folded, so that the query echoed
    in the answer is not the title itself, and percent-encoded."""
    from campaigns.search import fold

    return quote(fold(title), safe="")


def _page_target(name: str, page) -> dict[str, str]:
    target = {f"{name}_id": str(page.pk)}
    parts = page.get_url_parts()
    if parts is not None:
        target[f"{name}_path"] = quote(parts[2], safe="/%")
    return target


def _preview_tokens(draft) -> dict[str, str]:
    """Headless preview tokens that must all be refused or name nothing.

    Signed with the site's key as the admin signs them, so that the payload
    checks behind the signature are reached: one signed long ago, one naming
    a page that does not exist, one whose payload is not an object, one whose
    ids are text.
    """
    from django.core import signing

    from campaigns import preview

    class SignedLongAgo(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - preview.MAX_AGE - 60)

    def signed(payload, signer=signing.TimestampSigner) -> str:
        return signer(salt=preview._SALT).sign_object(payload)

    revision = {"page": draft.pk, "revision": draft.latest_revision_id}
    return {
        "preview_token_expired": signed(revision, SignedLongAgo),
        "preview_token_no_page": signed({"page": 2**31 - 1, "revision": None}),
        "preview_token_list": signed([draft.pk, draft.latest_revision_id]),
        "preview_token_text_ids": signed({"page": str(draft.pk), "revision": "1"}),
    }
