"""The plugin's settings (``CAMPAIGNS_*``) and their defaults.

Read them here, never through scattered ``getattr(settings, ...)``.
"""

from django.conf import settings

#: Named image renditions used by templates and by both APIs.
RENDITION_SPECS: dict[str, str] = getattr(
    settings,
    "CAMPAIGNS_RENDITION_SPECS",
    {"thumbnail": "fill-480x270", "medium": "width-800", "large": "width-1200"},
)

#: Renditions Wagtail's rich-text image formats produce (fullwidth, left, right).
RICH_TEXT_RENDITION_SPECS = ["width-800", "width-500"]

ALL_RENDITION_SPECS = sorted({*RENDITION_SPECS.values(), *RICH_TEXT_RENDITION_SPECS})

#: Campaigns per page on the campaign index.
INDEX_PAGE_SIZE: int = getattr(settings, "CAMPAIGNS_INDEX_PAGE_SIZE", 10)

#: Campaigns on the home page below the pinned ones.
HOME_LATEST_COUNT: int = getattr(settings, "CAMPAIGNS_HOME_LATEST_COUNT", 6)

#: Video stories on the home page.
HOME_VIDEO_COUNT: int = getattr(settings, "CAMPAIGNS_HOME_VIDEO_COUNT", 4)

#: Video stories beside a video story page.
VIDEO_SIDEBAR_COUNT: int = getattr(settings, "CAMPAIGNS_VIDEO_SIDEBAR_COUNT", 8)

#: Related campaigns listed under a campaign page.
RELATED_COUNT: int = getattr(settings, "CAMPAIGNS_RELATED_COUNT", 4)

#: Items in the RSS/Atom feed.
FEED_ITEM_COUNT: int = getattr(settings, "CAMPAIGNS_FEED_ITEM_COUNT", 20)

_PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def fragment_cache_seconds() -> int:
    """Seconds a cached fragment of a public page lives (0: fragments are not cached).

    Publishing invalidates fragments sooner, through the content generation,
    which must be shared by every process that serves or publishes. So the
    default is to cache only with a shared cache (Redis); a process-local cache
    would keep serving what another process has unpublished.
    """
    configured = getattr(settings, "CAMPAIGNS_FRAGMENT_CACHE_SECONDS", None)
    if configured is not None:
        return configured
    backend = settings.CACHES["default"]["BACKEND"]
    return 0 if backend in _PROCESS_LOCAL_CACHES else 600


#: Approved comments per page under an article (and the API's default limit).
COMMENTS_PER_PAGE: int = getattr(settings, "CAMPAIGNS_COMMENTS_PER_PAGE", 20)

#: Largest request body a comment POST may have, in bytes (413 above).
COMMENT_MAX_BODY: int = getattr(settings, "CAMPAIGNS_COMMENT_MAX_BODY", 64 * 1024)

#: Days a comment keeps its poster's IP hash (``purge_ip_hashes`` clears it).
IP_HASH_RETENTION_DAYS: int = getattr(settings, "CAMPAIGNS_IP_HASH_RETENTION_DAYS", 30)

#: Days a comment keeps its optional e-mail address (cleared sooner once the
#: reader has been told of the reply).
EMAIL_RETENTION_DAYS: int = getattr(settings, "CAMPAIGNS_EMAIL_RETENTION_DAYS", 365)

#: Minutes between two digests of new comments sent to moderators.
MODERATION_DIGEST_MINUTES: int = getattr(
    settings, "CAMPAIGNS_MODERATION_DIGEST_MINUTES", 15
)

#: Largest page id a URL or request may name: ids are 32-bit on every backend,
#: and a larger number must be "not found", never a database overflow.
MAX_PAGE_ID = 2**31 - 1

#: The host site's own v3 routers by prefix, as dotted paths
#: (``{"/portal/": "home.api.portal_router"}``): added to Wagtail's v3 API with
#: the plugin's, so that one OpenAPI document describes them all.
API_V3_ROUTERS: dict[str, str] = getattr(settings, "CAMPAIGNS_API_V3_ROUTERS", {})


def base_template() -> str:
    """The template every page of the plugin extends (``CAMPAIGNS_BASE_TEMPLATE``).

    It provides the blocks ``title``, ``head``, ``content`` and ``scripts``
    (docs/install.md); the default is the plugin's own, bare document.
    """
    return getattr(settings, "CAMPAIGNS_BASE_TEMPLATE", "campaigns/base.html")


def site_name_function() -> str | None:
    """The name pages are published under (``CAMPAIGNS_SITE_NAME_FUNCTION``).

    The dotted path of a ``(site, language_code) -> str`` function; its answer
    is ``og:site_name`` and the JSON-LD publisher's name. None: the Wagtail
    site's name, else its host name.
    """
    return getattr(settings, "CAMPAIGNS_SITE_NAME_FUNCTION", None)
