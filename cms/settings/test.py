"""Test suite: SQLite file by default; PostgreSQL and Redis when their URLs are set."""

from .base import *  # noqa: F403 -- a settings module extends its base.
from .base import BASE_DIR, DATABASES, env

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105 -- never used outside tests.
SECURE_SSL_REDIRECT = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / ".test-media")
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not the shared in-memory database, so that threads can share it.
    DATABASES["default"]["TEST"] = {
        "NAME": env.str("TEST_SQLITE_PATH", default=str(BASE_DIR / "test-db.sqlite3"))
    }
# No embed provider is ever asked: tests store the embeds they use.
WAGTAILEMBEDS_FINDERS = []
# Off whatever the environment says; tests/test_two_factor.py turns it on.
PORTAL_REQUIRE_TWO_FACTOR = False
