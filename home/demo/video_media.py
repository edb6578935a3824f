"""Video files, caption documents, posters and embeds of the demo video stories.

Clips and WebVTT files are copied from :data:`~home.demo.video_spec.FILES_DIR`;
posters are drawn with Pillow. Each object is found by title and created only
when missing. Assets of private and draft stories go in a password-restricted
collection, so Wagtail's document view refuses their caption files.
"""

from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.file import hash_filelike
from wagtailmedia.models import get_media_model

from home.demo.content import PRIVATE_PASSWORD
from home.demo.media import ensure_video_embed, render_jpeg
from home.demo.spec import PUBLIC
from home.demo.video_spec import (
    FILES_DIR,
    PRIVATE_VIDEO_COLLECTION,
    VIDEO_COLLECTION,
    VIDEO_EMBEDS,
    ClipSpec,
    VideoStorySpec,
)

#: Palette numbers for posters start after the campaign images' first ones.
_POSTER_PALETTE_OFFSET = 2


@dataclass(frozen=True)
class StoryAssets:
    """Primary keys of what one story shows; None where it has no such thing."""

    poster_id: int
    media_id: int | None = None
    captions_id: int | None = None


def ensure_collections(summary) -> tuple[Collection, Collection]:
    """The public and the password-restricted video collections, under the root."""
    root = Collection.get_first_root_node()
    public, private = (
        root.get_children().filter(name=name).first() or root.add_child(name=name)
        for name in (VIDEO_COLLECTION, PRIVATE_VIDEO_COLLECTION)
    )
    _, created = CollectionViewRestriction.objects.get_or_create(
        collection=private,
        defaults={
            "restriction_type": CollectionViewRestriction.PASSWORD,
            "password": PRIVATE_PASSWORD,
        },
    )
    summary.record("collection view restrictions", created)
    return public, private


def ensure_story_assets(
    spec: VideoStorySpec, *, number: int, collections, summary
) -> StoryAssets:
    """Poster, uploaded video and caption file of ``spec``; the embed if external."""
    public, private = collections
    collection = public if spec.status == PUBLIC else private
    poster, created = _ensure_poster(spec, collection=collection, number=number)
    summary.record("images", created)
    media_id = captions_id = None
    if spec.clip is not None:
        media, created = _ensure_media(spec, spec.clip, collection=collection)
        media_id = media.pk
        summary.record("media", created)
    if spec.clip is not None and spec.clip.captions:
        document, created = _ensure_captions(spec, collection=collection)
        captions_id = document.pk
        summary.record("caption files", created)
    if spec.video_url:
        created = ensure_video_embed(spec.video_url, VIDEO_EMBEDS[spec.video_url])
        summary.record("video embeds", created)
    return StoryAssets(poster_id=poster.pk, media_id=media_id, captions_id=captions_id)


def _ensure_poster(spec: VideoStorySpec, *, collection: Collection, number: int):
    model = get_image_model()
    image_spec = spec.poster
    existing = model.objects.filter(title=image_spec.title).first()
    if existing is not None:
        return existing, False
    data = render_poster(spec.title, number=number)
    image = model(
        title=image_spec.title,
        description=image_spec.description,
        collection=collection,
        file=ImageFile(BytesIO(data), name=f"{image_spec.key}.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image, True


def _ensure_media(spec: VideoStorySpec, clip: ClipSpec, *, collection: Collection):
    model = get_media_model()
    existing = model.objects.filter(title=spec.media_title).first()
    if existing is not None:
        return existing, False
    media = model(
        title=spec.media_title,
        collection=collection,
        file=ContentFile((FILES_DIR / clip.file_name).read_bytes(), clip.file_name),
        type="video",
        duration=clip.seconds,
        width=clip.width,
        height=clip.height,
    )
    media.save()
    return media, True


def _ensure_captions(spec: VideoStorySpec, *, collection: Collection):
    model = get_document_model()
    existing = model.objects.filter(title=spec.captions_title).first()
    if existing is not None:
        return existing, False
    data = (FILES_DIR / spec.clip.captions).read_bytes()
    document = model(
        title=spec.captions_title,
        collection=collection,
        file=ContentFile(data, name=spec.clip.captions),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    document.save()
    return document, True


def render_poster(title: str, *, number: int) -> bytes:
    """A 1600×900 video frame with its title at the top.

    Nothing of a player is drawn in: the pages add their own play button and
    length, and the player's controls sit at the bottom, clear of the title.
    """
    return render_jpeg(
        title, number=number + _POSTER_PALETTE_OFFSET, caption_on_top=True
    )
