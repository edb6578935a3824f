"""Developer machine: `make run`."""

from .base import *  # noqa: F403 -- a settings module extends its base.
from .base import PORTAL_REQUIRE_TWO_FACTOR, env

DEBUG = True
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-not-for-production")
SECURE_SSL_REDIRECT = False
# The demo's sub-portal answers on so-lao-dong.localhost (docs/sites.md).
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", ".localhost"]
)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# Two-factor sign-in only when asked for (PORTAL_REQUIRE_TWO_FACTOR=true).
PORTAL_REQUIRE_TWO_FACTOR = bool(PORTAL_REQUIRE_TWO_FACTOR)
