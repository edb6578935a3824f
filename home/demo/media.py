"""Demo images, PDFs and the cached video embed, made locally: nothing is downloaded.

Each ``ensure_*`` function is idempotent: it finds its object by title (or, for
the embed, by the cache key Wagtail looks up) and creates it only when missing.
"""

import math
import textwrap
from functools import cache
from io import BytesIO
from pathlib import Path

from anyascii import anyascii
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.file import hash_filelike

from home.demo.body import VIDEO_URL
from home.demo.content import (
    COLLECTION_NAME,
    INTERNAL_COLLECTION_NAME,
    PORTAL_NAME,
    VIDEO_EMBED,
    DocumentSpec,
    ImageSpec,
)

SIZE = (1600, 900)
#: Fonts with Vietnamese glyphs, tried in order (Debian's fonts-dejavu / fonts-noto).
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
)
#: Sky (top, bottom) colours; mountains are drawn in darker shades of the bottom one.
PALETTES = (
    ((14, 61, 145), (31, 138, 112)),
    ((176, 36, 36), (242, 169, 59)),
    ((34, 87, 122), (124, 181, 206)),
    ((74, 44, 110), (214, 112, 112)),
    ((16, 94, 60), (170, 205, 102)),
)


def ensure_collection() -> Collection:
    """The "Chiến dịch" collection, a child of the root collection."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def ensure_internal_collection() -> Collection:
    """The "Tài liệu nội bộ" collection: signed-in staff only.

    The dispatches of draft and private pages live here, so that neither the
    documents APIs nor ``/documents/`` give them to the public.
    """
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=INTERNAL_COLLECTION_NAME).first()
    collection = collection or root.add_child(name=INTERNAL_COLLECTION_NAME)
    CollectionViewRestriction.objects.get_or_create(
        collection=collection,
        defaults={"restriction_type": CollectionViewRestriction.LOGIN},
    )
    return collection


def ensure_image(spec: ImageSpec, *, collection: Collection, number: int):
    """The image titled ``spec.title``, drawn when missing; returns (image, created)."""
    model = get_image_model()
    existing = model.objects.filter(title=spec.title).first()
    if existing is not None:
        return existing, False
    data = render_jpeg(spec.title, number=number)
    image = model(
        title=spec.title,
        description=spec.description,
        collection=collection,
        file=ImageFile(BytesIO(data), name=f"{spec.key}.jpg"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    image.save()
    return image, True


def ensure_document(spec: DocumentSpec, *, collection: Collection):
    """The document titled ``spec.title``, written when missing; (doc, created)."""
    model = get_document_model()
    existing = model.objects.filter(title=spec.title).first()
    if existing is not None:
        if existing.collection_id != collection.pk:
            # An earlier seed left it in the public collection.
            existing.collection = collection
            existing.save(update_fields=["collection"])
        return existing, False
    data = render_pdf(spec.lines)
    document = model(
        title=spec.title,
        collection=collection,
        file=ContentFile(data, name=f"{spec.key}.pdf"),
        file_size=len(data),
        file_hash=hash_filelike(BytesIO(data)),
    )
    document.save()
    return document, True


def ensure_video_embed(url: str = VIDEO_URL, details: dict | None = None) -> bool:
    """Cache a demo video's embed the way ``get_embed`` looks it up; True if new.

    ``details`` (title, video_id, width, height) default to the campaign body
    video's. ``EmbedBlock`` asks for ``max_width=None``; with the row present
    (and no ``cache_until``), rendering the video never calls YouTube.
    """
    details = details or VIDEO_EMBED
    embed_hash = get_embed_hash(url, None, None)
    if Embed.objects.filter(hash=embed_hash).exists():
        return False
    Embed.objects.create(
        url=url,
        max_width=None,
        hash=embed_hash,
        type="video",
        html=_iframe(details),
        title=details["title"],
        provider_name="YouTube",
        thumbnail_url="",
        width=details["width"],
        height=details["height"],
    )
    return True


def _iframe(details: dict) -> str:
    source = f"https://www.youtube-nocookie.com/embed/{details['video_id']}"
    return (
        f'<iframe src="{source}" title="{details["title"]}" '
        f'width="{details["width"]}" height="{details["height"]}" '
        'frameborder="0" allow="encrypted-media; picture-in-picture" '
        "allowfullscreen></iframe>"
    )


def render_jpeg(caption: str, *, number: int, caption_on_top: bool = False) -> bytes:
    """A 1600×900 illustration: sky gradient, sun, mountains and a caption band.

    ``caption_on_top`` puts the band at the top, clear of a video player's
    controls.
    """
    top, bottom = PALETTES[number % len(PALETTES)]
    mask = Image.linear_gradient("L").resize(SIZE)
    picture = Image.composite(
        Image.new("RGB", SIZE, bottom), Image.new("RGB", SIZE, top), mask
    )
    draw = ImageDraw.Draw(picture)
    sun_x = 1150 + 80 * math.sin(number)
    draw.ellipse((sun_x, 90, sun_x + 180, 270), fill=(255, 236, 170))
    for layer in range(3):
        draw.polygon(_ridge(number, layer), fill=_shade(bottom, 0.55 - 0.15 * layer))
    _draw_caption(picture, caption, top=0 if caption_on_top else SIZE[1] - 230)
    output = BytesIO()
    picture.save(output, "JPEG", quality=82, optimize=True)
    return output.getvalue()


def _ridge(number: int, layer: int) -> list[tuple[float, float]]:
    base = 520 + 110 * layer
    points = [
        (x, base - 90 * math.sin(x / 170 + number + layer) - 40 * math.sin(x / 53))
        for x in range(0, SIZE[0] + 40, 40)
    ]
    return [(0, SIZE[1]), *points, (SIZE[0], SIZE[1])]


def _shade(colour: tuple[int, int, int], factor: float) -> tuple[int, ...]:
    return tuple(int(channel * factor) for channel in colour)


def _draw_caption(picture: Image.Image, caption: str, *, top: int) -> None:
    band = Image.new("RGBA", (SIZE[0], 230), (0, 0, 0, 150))
    picture.paste(band, (0, top), band)
    draw = ImageDraw.Draw(picture)
    title_font = font(54)
    y = top + 25
    for line in _wrap(draw, _text(caption), title_font, SIZE[0] - 120)[:2]:
        draw.text((60, y), line, font=title_font, fill="white")
        y += 68
    credit = _text(f"Ảnh minh họa – {PORTAL_NAME}")
    draw.text((60, top + 170), credit, font=font(28), fill=(230, 230, 230))


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            candidate = word
        line = candidate
    return [*lines, line]


@cache
def _font_path() -> str | None:
    return next((path for path in FONT_CANDIDATES if Path(path).exists()), None)


def font(size: int) -> ImageFont.FreeTypeFont:
    """A bold font with Vietnamese glyphs if one is installed, else Pillow's own."""
    path = _font_path()
    return ImageFont.truetype(path, size) if path else ImageFont.load_default(size)


def _text(text: str) -> str:
    # Pillow's built-in font has no Vietnamese glyphs: fall back to plain letters.
    return text if _font_path() else anyascii(text)


def render_pdf(lines: tuple[str, ...]) -> bytes:
    """A valid one-page PDF (Helvetica, ASCII text) with the given lines."""
    wrapped = [part for line in lines for part in textwrap.wrap(anyascii(line), 80)]
    shown = " ".join(f"({_pdf_escape(line)}) Tj T*" for line in wrapped)
    stream = f"BT /F1 11 Tf 15 TL 56 780 Td {shown} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    output = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(output))
        output += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref_at = len(output)
    output += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    output += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    output += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    output += b"startxref\n%d\n%%%%EOF\n" % xref_at
    return bytes(output)


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
