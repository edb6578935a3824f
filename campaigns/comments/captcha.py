"""The captcha: digits only, checked once, with image and Vietnamese audio (DESIGN §5).

django-simple-captcha draws and speaks the challenge and stores it. We check
answers here rather than in its form field, so that the HTML form and the API
share one rule, and so that one challenge can never be used twice, even by two
requests racing each other: the check is a single conditional DELETE.
"""

import secrets

from captcha.conf import settings as captcha_settings
from captcha.helpers import captcha_audio_url, captcha_image_url
from captcha.models import CaptchaStore
from django.utils import timezone


def digits_challenge() -> tuple[str, str]:
    """``CAPTCHA_CHALLENGE_FUNCT``: random digits, shown and spoken as they are."""
    digits = "".join(
        secrets.choice("0123456789") for _ in range(captcha_settings.CAPTCHA_LENGTH)
    )
    return digits, digits


def audio_available() -> bool:
    return bool(captcha_settings.CAPTCHA_FLITE_PATH)


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
