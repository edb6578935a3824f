"""A host that is not ours: the plugin with Wagtail's defaults and nothing of the site.

English only, no wagtail-localize, Wagtail's own root page as the home page
and the plugin's bare base template. ``make test`` runs ``tests/plugin`` with
these settings, so a string reference to the site (``"home.HomePage"``,
``{% extends "base.html" %}``, a migration dependency) fails here.
"""

import os
from pathlib import Path

from campaigns.comments.audio import captcha_flite_path

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = "plugin-tests-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
ROOT_URLCONF = "tests.plugin.urls"

INSTALLED_APPS = [
    "campaigns",
    "captcha",
    "django_ratelimit",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtailmedia",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "ninja",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "campaigns.api.caching.APICacheMiddleware",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(BASE_DIR / "plugin.sqlite3"),
        "TEST": {"NAME": os.environ.get("TEST_SQLITE_PATH", ":memory:")},
    }
}
if os.environ.get("DATABASE_URL"):
    # CI runs this suite on PostgreSQL too, as it does the site's.
    import environ

    DATABASES["default"] = environ.Env.db_url_config(os.environ["DATABASE_URL"])
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES["default"] = {
        "BACKEND": "campaigns.cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
        "KEY_PREFIX": "plugin-tests",
    }
    CAMPAIGNS_REDIS_URL = os.environ["REDIS_URL"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", str(BASE_DIR / ".media"))

WAGTAIL_SITE_NAME = "Department of Health"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILEMBEDS_FINDERS = []
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}
WAGTAILAPI_RICH_TEXT_FORMAT = "html"

CAPTCHA_CHALLENGE_FUNCT = "campaigns.comments.captcha.digits_challenge"
CAPTCHA_FLITE_PATH = captcha_flite_path()
RATELIMIT_USE_CACHE = "default"
RATELIMIT_FAIL_OPEN = True
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
