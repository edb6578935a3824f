"""Settings shared by every environment.

This is the only settings module that reads the environment (DESIGN §9). Defaults
are safe for a developer machine: SQLite, local-memory cache, no wildcard hosts.
"""

import re
import shutil
from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from campaigns.comments.audio import captcha_flite_path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "cms"

env = environ.Env()

SECRET_KEY = env.str("SECRET_KEY", default="")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
#: Which of the variables that production requires are really set.
ENV_PROVIDED = {
    name: bool(env.str(name, default=""))
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL")
}
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=[])
#: Where cms/urls.py mounts the plugin's APIs (v2/ and v3/ below it).
PORTAL_API_PREFIX = "api/"
# Front-ends read the API only, without cookies; they revalidate with ETags.
CORS_URLS_REGEX = rf"^/{re.escape(PORTAL_API_PREFIX)}"
CORS_ALLOW_CREDENTIALS = False
# Front-ends read the ETag to revalidate and Retry-After to wait after a 429.
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The unprefixed variable of earlier releases still counts.
CAMPAIGNS_TRUSTED_PROXY_COUNT = env.int(
    "CAMPAIGNS_TRUSTED_PROXY_COUNT", default=env.int("TRUSTED_PROXY_COUNT", default=0)
)

INSTALLED_APPS = [
    "home",
    "cms.sign_in",
    "campaigns",
    "wagtail_localize",
    "wagtail_localize.locales",
    "captcha",
    "django_ratelimit",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django_filters",
    "rest_framework",
    "ninja",  # serves the v3 API's interactive docs from our static files, not a CDN
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before CommonMiddleware, so that preflights and redirects get CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "cms.middleware.PathDecidesLanguageMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: it adds user.is_verified(), which the next one reads.
    "django_otp.middleware.OTPMiddleware",
    "cms.sign_in.two_factor.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.sign_in.throttling.PasswordFormThrottleMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # After both: a preview may be framed by the admin's preview panel.
    "cms.middleware.PreviewFramingMiddleware",
    # Wagtail's redirects, never to a draft or a private page.
    "cms.middleware.PublicRedirectMiddleware",
    # It answers 304 before the API view runs (campaigns/api/caching.py).
    "campaigns.api.caching.APICacheMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the
    # lockout page after every other layer has run.
    "axes.middleware.AxesMiddleware",
]

# The lockout check first: it refuses a locked-out sign-in before any password
# is checked (django-axes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# --- Database and cache -----------------------------------------------------------
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers queue instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20}
    )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Starts every key this deployment writes to Redis, so several can share one.
CAMPAIGNS_KEY_PREFIX = env.str("CAMPAIGNS_KEY_PREFIX", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "campaigns.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CAMPAIGNS_KEY_PREFIX}cms",
            "TIMEOUT": 300,
            # An outage must cost a request milliseconds, not the worker's timeout.
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cms",
        }
    }
# The view counter's own Redis connection; the cache's unless set apart.
CAMPAIGNS_REDIS_URL = env.str("CAMPAIGNS_REDIS_URL", default=REDIS_URL)
# Wagtail keeps rendition lookups in this alias, so repeated images cost no query.
CACHES["renditions"] = {
    **CACHES["default"],
    "TIMEOUT": 3600,
    "KEY_PREFIX": f"{CAMPAIGNS_KEY_PREFIX}renditions",
    **({} if REDIS_URL else {"LOCATION": "renditions"}),
}

# --- Passwords and sessions ------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Sign-in security (docs/security.md) -------------------------------------------
# Admin sign-in: a username tried from one address is locked out after this many
# wrong passwords, for the cool-off time counted from the last try. Another
# account from the same address, or the same account from elsewhere, still signs in.
AXES_FAILURE_LIMIT = env.int("SIGN_IN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("SIGN_IN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "cms.sign_in.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "cms.sign_in.lockout.lockout_response"
# Every failure is kept (within the retention period below), so that an attack
# can still be traced once its lockout has expired.
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_ACCESS_FAILURE_LOG_PER_USER_LIMIT = 200
#: Days sign-in records (successes, failures, addresses, usernames) are kept;
#: ``purge_sign_in_records`` deletes older ones daily (Decree 13/2023/NĐ-CP).
PORTAL_SIGN_IN_RECORD_DAYS = env.int("SIGN_IN_RECORD_DAYS", default=90)
# The public page-password form, the admin's password reset and admin sign-in
# per address (cms/sign_in/throttling.py). Passwords of private pages are
# shared secrets, so guesses are counted per page too.
PORTAL_PAGE_PASSWORD_RATE_PER_IP = env.str(
    "PAGE_PASSWORD_RATE_PER_IP", default="10/10m"
)
PORTAL_PAGE_PASSWORD_RATE_PER_PAGE = env.str(
    "PAGE_PASSWORD_RATE_PER_PAGE", default="100/h"
)
PORTAL_PASSWORD_RESET_RATE_PER_IP = env.str(
    "PASSWORD_RESET_RATE_PER_IP", default="10/h"
)
PORTAL_PASSWORD_RESET_RATE_PER_EMAIL = env.str(
    "PASSWORD_RESET_RATE_PER_EMAIL", default="3/h"
)
PORTAL_SIGN_IN_RATE_PER_IP = env.str("SIGN_IN_RATE_PER_IP", default="60/h")
#: Two-factor sign-in (TOTP) for superusers and these groups. ``None`` when the
#: environment does not say: each settings module decides (on in production).
PORTAL_REQUIRE_TWO_FACTOR = env.bool("PORTAL_REQUIRE_TWO_FACTOR", default=None)
PORTAL_TWO_FACTOR_GROUPS = env.list(
    "PORTAL_TWO_FACTOR_GROUPS", default=["Campaign moderators", "Moderators"]
)
# The account name authenticator apps show beside the code.
OTP_TOTP_ISSUER = env.str("TWO_FACTOR_ISSUER", default="Cổng thông tin điện tử")

# --- Languages ---------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project catalogue first, then the completion of the admin (Wagtail,
# wagtail-localize and wagtailmedia ship few Vietnamese strings).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-admin"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- Static and media files ------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Mail --------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="cong-thong-tin@localhost")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# --- Security headers (the production module turns on HTTPS-only ones) -----------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True

# The public site runs no inline script; the Wagtail admin keeps its own policy.
CONTENT_SECURITY_POLICY = {
    # The v3 API's interactive documentation (Swagger UI) is left out too.
    "EXCLUDE_URL_PREFIXES": [
        "/admin/",
        "/django-admin/",
        f"/{PORTAL_API_PREFIX}v3/docs",
    ],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "media-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# --- Wagtail -----------------------------------------------------------------------
WAGTAIL_SITE_NAME = _("Provincial e-portal")
# Wagtail's form for pages behind a password, in the portal's layout.
WAGTAIL_PASSWORD_REQUIRED_TEMPLATE = "password_required.html"  # noqa: S105 -- a template
WAGTAILADMIN_BASE_URL = env.str(
    "WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000"
)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No Gravatar: it fails without internet and hands a third party a hash of
# each staff e-mail address. Wagtail shows its own avatar, or an uploaded one.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# On PostgreSQL, "simple" keeps every folded syllable: the server's default
# ("english") drops "an", "my", "do" as stop words (DESIGN §7). Vectors keep
# the configuration they were built with: run update_index after changing it.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "simple",
    }
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "vtt",  # caption tracks of video stories
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
# Unset: each site's API links to its own address (its Site record), so that a
# sub-portal's detail_url and find redirect stay on the sub-portal. Set it only
# when one host serves the API of every site.
WAGTAILAPI_BASE_URL = env.str("WAGTAILAPI_BASE_URL", default=None)
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 100
WAGTAILEMBEDS_RESPONSIVE_HTML = False
# Purge a CDN in front of the site on publish (docs/deploy.md); off when unset.
FRONTEND_CACHE_BACKEND = env.str("FRONTEND_CACHE_BACKEND", default="")
_FRONTEND_CACHE_BACKENDS = {
    "http": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_URL"),
    },
    "cloudflare": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env.str("CLOUDFLARE_BEARER_TOKEN"),
        "ZONEID": env.str("CLOUDFLARE_ZONEID"),
    },
    "cloudfront": lambda: {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("CLOUDFRONT_DISTRIBUTION_ID"),
    },
}
if FRONTEND_CACHE_BACKEND:
    WAGTAILFRONTENDCACHE = {
        "default": _FRONTEND_CACHE_BACKENDS[FRONTEND_CACHE_BACKEND]()
    }
WAGTAILMEDIA = {
    "MEDIA_MODEL": "wagtailmedia.Media",
    "VIDEO_EXTENSIONS": ["mp4", "webm", "ogv", "m4v", "mov"],
    # Its anonymous /api/v3/media/ lists files of draft and private pages too.
    "ENABLE_API_V3": False,
}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
# The admin writes dates as above; every admin language must parse them back.
FORMAT_MODULE_PATH = ["cms.formats"]

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Tag slugs in ASCII ("Lao động" → "lao-dong"), like page slugs.
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True
TAGGIT_CASE_INSENSITIVE = True

#: Password of the demo users that ``seed_demo`` creates when DEBUG is on.
DEMO_PASSWORD = env.str("DEMO_PASSWORD", default="portal-demo-2026")

# --- Readers' comments (DESIGN §5) -------------------------------------------------
# Digits only, spoken in Vietnamese: django-simple-captcha calls its "flite" hook
# with flite's arguments; the plugin's espeak-vi translates them for Debian's
# espeak-ng. Without espeak-ng there is no audio, and no audio link.
CAPTCHA_CHALLENGE_FUNCT = "campaigns.comments.captcha.digits_challenge"
CAPTCHA_LENGTH = 5
CAPTCHA_TIMEOUT = 10  # minutes
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 30
CAPTCHA_FLITE_PATH = captcha_flite_path()
CAPTCHA_SOX_PATH = shutil.which("sox")
# Hard per-address limits stay high: a government office or a mobile carrier puts
# hundreds of readers behind one address. One browser (address + User-Agent)
# gets a stricter limit.
CAMPAIGNS_COMMENT_RATE_PER_IP = env.str("COMMENT_RATE_PER_IP", default="300/h")
CAMPAIGNS_COMMENT_RATE_PER_CLIENT = env.str("COMMENT_RATE_PER_CLIENT", default="10/10m")
CAMPAIGNS_CAPTCHA_RATE_PER_IP = env.str("CAPTCHA_RATE_PER_IP", default="3000/h")
CAMPAIGNS_CAPTCHA_RATE_PER_CLIENT = env.str("CAPTCHA_RATE_PER_CLIENT", default="60/10m")
# Front-end page that shows a draft for `?token=` (headless preview, docs/preview.md).
CAMPAIGNS_HEADLESS_PREVIEW_URL = env.str("HEADLESS_PREVIEW_URL", default="")
# The site's own v3 routers, in the same OpenAPI document as the plugin's.
CAMPAIGNS_API_V3_ROUTERS = {"/portal/": "home.api.portal_router"}
# The v3 page reads of DESIGN §8 (?locale=, folded search, /en/ paths), and
# Vietnamese transliteration in every slug field of the admin.
CAMPAIGNS_API_V3_PAGE_READS = True
CAMPAIGNS_VIETNAMESE_SLUGS = True
# Automatic redirects only from addresses that were public (never a draft's slug).
CAMPAIGNS_PUBLIC_REDIRECTS_ONLY = True
# The campaign and video story indexes live directly under the portal's home page.
CAMPAIGNS_INDEX_PARENT_PAGE_TYPES = ["home.HomePage"]
# The plugin's pages wear the portal's header, menu and footer, and are published
# under the portal's name in each language (og:site_name, the JSON-LD publisher).
CAMPAIGNS_BASE_TEMPLATE = "base.html"
CAMPAIGNS_SITE_NAME_FUNCTION = "home.models.portal_name_for"
RATELIMIT_USE_CACHE = "default"
# Count in the cache; with a cache error, let the request through (the captcha
# and moderation still hold). Without Redis the counts are per process: the
# checks below say so for a shared cache only, which we document instead.
RATELIMIT_FAIL_OPEN = True
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
