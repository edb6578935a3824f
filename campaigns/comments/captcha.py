"""The captcha: digits only, checked once, with image and Vietnamese audio (DESIGN §5).

django-simple-captcha speaks the challenge and stores it. We check answers here
rather than in its form field, so that the HTML form and the API share one
rule, and so that one challenge can never be used twice, even by two requests
racing each other: the check is a single conditional DELETE.

We also lay out the picture: the library scales the font at ``@2`` but keeps
the configured canvas, which cuts the digits off on phones, and it crops the
foot of each glyph even at ``1x``. Its canvas, colours, noise and filters are
reused as they are.
"""

import random
import secrets
from io import BytesIO

from captcha import views as captcha_views
from captcha.conf import settings as captcha_settings
from captcha.helpers import captcha_audio_url, captcha_image_url
from captcha.models import CaptchaStore
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

#: Pixel densities the picture is drawn at: phones are mostly at 2 or 3.
DENSITIES = (1, 2, 3)
#: The canvas, in CSS pixels, when ``CAPTCHA_IMAGE_SIZE`` leaves it unset.
DEFAULT_IMAGE_SIZE = (150, 50)
#: The URL of the picture at each density (``captcha-image`` is the library's name).
IMAGE_URL_NAMES = {1: "captcha-image", 2: "captcha-image-2x", 3: "captcha-image-3x"}


def digits_challenge() -> tuple[str, str]:
    """``CAPTCHA_CHALLENGE_FUNCT``: random digits, shown and spoken as they are."""
    digits = "".join(
        secrets.choice("0123456789") for _ in range(captcha_settings.CAPTCHA_LENGTH)
    )
    return digits, digits


def audio_available() -> bool:
    return bool(captcha_settings.CAPTCHA_FLITE_PATH)


def image_densities() -> tuple[int, ...]:
    """The densities offered in ``srcset``; ``CAPTCHA_2X_IMAGE`` turns them on."""
    return DENSITIES if captcha_settings.CAPTCHA_2X_IMAGE else DENSITIES[:1]


def image_size() -> tuple[int, int]:
    """The picture's size in CSS pixels: its canvas at density 1."""
    return tuple(captcha_settings.CAPTCHA_IMAGE_SIZE or DEFAULT_IMAGE_SIZE)


def draw_image(store: CaptchaStore, scale: int) -> bytes:
    """The challenge of ``store`` as a PNG of :func:`image_size` × ``scale``.

    Every glyph lies inside the canvas and is drawn at the density's own font
    size, so each density shows the same picture, sharp. Seeded by the key
    like the library's, so the same key always gives the same picture.
    """
    random.seed(store.hashkey)
    try:
        image = _draw(store.challenge, scale)
    finally:
        # A known seed would let anyone predict the next random numbers.
        random.seed()
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _draw(text: str, scale: int) -> Image.Image:
    font = _font(scale)
    glyphs = [_glyph(font, char) for char in text]
    gap = 2 * scale
    width, height = (side * scale for side in image_size())
    x = (width - sum(glyph.width for glyph in glyphs) - gap * (len(glyphs) - 1)) // 2
    image = captcha_views.makeimg((width, height))
    for index, glyph in enumerate(glyphs):
        colour = Image.new(
            "RGB", glyph.size, captcha_settings.get_letter_color(index, text)
        )
        image.paste(colour, (x, (height - glyph.height) // 2), glyph)
        x += glyph.width + gap
    return captcha_views.add_noise(image)


def _font(scale: int) -> ImageFont.FreeTypeFont:
    path = captcha_settings.CAPTCHA_FONT_PATH
    if isinstance(path, list | tuple):
        path = random.choice(path)  # noqa: S311 -- looks, seeded by the key
    return ImageFont.truetype(path, captcha_settings.CAPTCHA_FONT_SIZE * scale)


def _glyph(font: ImageFont.FreeTypeFont, char: str) -> Image.Image:
    """The mask of one character, turned like the library's, cropped to its ink."""
    left, top, right, bottom = font.getbbox(char)
    glyph = Image.new("L", (right - left, bottom - top))
    ImageDraw.Draw(glyph).text((-left, -top), char, font=font, fill=255)
    if captcha_settings.CAPTCHA_LETTER_ROTATION:
        turn = captcha_settings.CAPTCHA_LETTER_ROTATION
        angle = random.randrange(*turn)  # noqa: S311 -- looks, seeded by the key
        glyph = glyph.rotate(angle, expand=True, resample=Image.Resampling.BICUBIC)
    return glyph.crop(glyph.getbbox())


def image_srcset(key: str) -> str:
    """The ``srcset`` of the picture of ``key``: one candidate per density."""
    return ", ".join(
        f"{reverse(IMAGE_URL_NAMES[scale], args=[key])} {scale}x"
        for scale in image_densities()
    )


def new_challenge() -> dict:
    """A fresh challenge: its key and where to fetch its picture and its audio."""
    key = CaptchaStore.generate_key()
    return {
        "key": key,
        "image_url": captcha_image_url(key),
        "audio_url": captcha_audio_url(key) if audio_available() else None,
    }


def check_answer(key: str, answer: str) -> bool:
    """Whether ``answer`` solves challenge ``key``, which is used up either way.

    Keys and answers are ASCII without NUL: anything else is answered as wrong
    before it reaches the database, which refuses a NUL byte (PostgreSQL) or
    a lone surrogate (every driver) in a query.
    """
    key = (key or "").strip()
    answer = (answer or "").strip().lower()
    if not key or len(key) > 40 or not _queryable(key):
        return False
    challenge = CaptchaStore.objects.filter(hashkey=key)
    if _queryable(answer):
        deleted, _ = challenge.filter(
            response=answer, expiration__gt=timezone.now()
        ).delete()
        if deleted:
            return True
    challenge.delete()
    return False


def _queryable(text: str) -> bool:
    return text.isascii() and "\x00" not in text
