"""Production: everything that must be set comes from the environment (DESIGN §9)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403 -- a settings module extends its base.
from .base import ENV_PROVIDED, PORTAL_REQUIRE_TWO_FACTOR

_missing = [name for name, provided in ENV_PROVIDED.items() if not provided]
if _missing:
    raise ImproperlyConfigured(
        "Set these environment variables for production: " + ", ".join(_missing)
    )

DEBUG = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Moderators and administrators sign in with a second factor unless the
# environment says PORTAL_REQUIRE_TWO_FACTOR=false.
PORTAL_REQUIRE_TWO_FACTOR = PORTAL_REQUIRE_TWO_FACTOR is not False
if CAMPAIGNS_TRUSTED_PROXY_COUNT:  # noqa: F405
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {"django.security": {"level": "WARNING"}},
}
