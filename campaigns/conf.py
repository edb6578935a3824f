"""The plugin's settings (``CAMPAIGNS_*``) and their defaults, read at each use.

``conf.INDEX_PAGE_SIZE`` reads ``settings.CAMPAIGNS_INDEX_PAGE_SIZE`` every time
it is used (a module ``__getattr__``, PEP 562), so ``override_settings`` takes
effect without a reimport. Import the module, never a name from it
(``from campaigns import conf``, then ``conf.INDEX_PAGE_SIZE``): a name imported
or copied into a module or class attribute keeps the value it had then.

A new setting is one entry in :data:`SETTINGS`; docs/install.md lists each of
them with its default (``tests/test_conf.py`` checks that it does).
"""

from dataclasses import dataclass

from django.conf import settings as django_settings
from django.utils.translation import gettext

#: Every setting's name starts with this.
PREFIX = "CAMPAIGNS_"


@dataclass(frozen=True)
class Setting:
    #: The value when the host does not set it.
    default: object
    #: What it means, as docs/install.md says it.
    doc: str


SETTINGS: dict[str, Setting] = {
    "RENDITION_SPECS": Setting(
        {"thumbnail": "fill-480x270", "medium": "width-800", "large": "width-1200"},
        "Named image renditions of templates and both APIs (`large` is the share "
        "image).",
    ),
    "INDEX_PAGE_SIZE": Setting(10, "Campaigns or stories per page of an index."),
    "HOME_LATEST_COUNT": Setting(
        6, "Campaigns on the home page below the pinned ones."
    ),
    "HOME_VIDEO_COUNT": Setting(4, "Video stories on the home page."),
    "VIDEO_SIDEBAR_COUNT": Setting(8, "Video stories beside a video story page."),
    "RELATED_COUNT": Setting(4, "Related campaigns listed under a campaign page."),
    "FEED_ITEM_COUNT": Setting(20, "Items in the RSS/Atom feed."),
    "FRAGMENT_CACHE_SECONDS": Setting(
        None,
        "Seconds a cached fragment of a public page lives; 0: not cached. `None`: "
        "600 with a shared cache, 0 with a process-local one.",
    ),
    "COMMENTS_PER_PAGE": Setting(
        20, "Approved comments per page under an article (and the API's limit)."
    ),
    "COMMENT_MAX_BODY": Setting(
        64 * 1024, "Largest body of a comment POST, in bytes (413 above)."
    ),
    "COMMENT_RATE_PER_IP": Setting(
        "300/h",
        "Comments one address may post (django-ratelimit rate; `None`: no limit).",
    ),
    "COMMENT_RATE_PER_CLIENT": Setting(
        "10/10m", "Comments one browser (address and User-Agent) may post."
    ),
    "CAPTCHA_RATE_PER_IP": Setting("3000/h", "Captchas one address may fetch."),
    "CAPTCHA_RATE_PER_CLIENT": Setting("60/10m", "Captchas one browser may fetch."),
    "VIEW_COUNT_RATE_PER_IP": Setting(
        "6000/h",
        "Views one address may have counted (django-ratelimit rate); beacons "
        "beyond it are answered but not counted. High enough for an office "
        "behind one address; `None`: no ceiling.",
    ),
    "IP_HASH_RETENTION_DAYS": Setting(
        30, "Days a comment keeps its poster's IP hash (`purge_ip_hashes`)."
    ),
    "EMAIL_RETENTION_DAYS": Setting(
        365, "Days a comment keeps its optional e-mail address."
    ),
    "MODERATION_DIGEST_MINUTES": Setting(
        15, "Minutes between two digests of new comments sent to moderators."
    ),
    "TRUSTED_PROXY_COUNT": Setting(
        0,
        "Proxies of ours in front of the site: the client's address is the one "
        "the outermost saw (`X-Forwarded-For`); 0: `REMOTE_ADDR`.",
    ),
    "REDIS_URL": Setting(
        "",
        "Redis that buffers view and visitor counts; empty: they are counted in "
        "the database.",
    ),
    "REDIS_COOLDOWN_SECONDS": Setting(
        5,
        "Seconds the plugin stops calling a Redis that just failed or hung (its "
        "cache backend and view counter), so an outage costs one timeout.",
    ),
    "HEADLESS_PREVIEW_URL": Setting(
        "",
        "Front-end page that shows a draft for `?token=`, for sites whose "
        '"Headless preview" setting is blank; empty: no such link.',
    ),
    "KEY_PREFIX": Setting(
        "",
        "Put before every key the plugin writes straight to Redis (counters, "
        "versions), so several deployments can share one Redis; set the cache's "
        "`KEY_PREFIX` to the same value.",
    ),
    "API_V3_ROUTERS": Setting(
        {},
        "The host's django-ninja routers by prefix, as dotted paths, added to "
        "Wagtail's v3 API with the plugin's. Read at startup.",
    ),
    "API_V3_PAGE_READS": Setting(
        False,
        "Replace Wagtail's v3 page list, find and detail (for every page type) "
        "by the plugin's: `?locale=`, accent-folded search, `/en/` paths, "
        "translations in `meta`. Read at startup.",
    ),
    "INDEX_PARENT_PAGE_TYPES": Setting(
        None,
        'Page types (`"app_label.ModelName"`) the campaign and video story '
        "indexes may be created under; `None`: any page type.",
    ),
    "OFFICERS_GROUP": Setting(
        "Communications officers",
        "Group of the communications officers, who write pages (`campaigns_setup`).",
    ),
    "MODERATORS_GROUP": Setting(
        "Campaign moderators",
        "Group of the plugin's moderators, who approve pages and work the "
        "comments; not Wagtail's own `Moderators`, which may publish the whole tree.",
    ),
    "WORKFLOW_NAME": Setting(
        None,
        "Name of the approval workflow `campaigns_setup` makes; `None`: "
        '"Moderator approval" in `LANGUAGE_CODE`.',
    ),
    "BASE_TEMPLATE": Setting(
        "campaigns/base.html",
        "The template every page of the plugin extends; it provides the blocks "
        "`title`, `head`, `content` and `scripts`. The default is a bare document.",
    ),
    "SITE_NAME_FUNCTION": Setting(
        None,
        "Dotted path of a `(site, language_code) -> str` function naming the "
        "publisher (`og:site_name`, JSON-LD); `None`: the Wagtail site's name, "
        "else `WAGTAIL_SITE_NAME`, else its host name.",
    ),
    "PUBLIC_REDIRECTS_ONLY": Setting(
        False,
        "With `wagtail.contrib.redirects`: create automatic redirects (slug "
        "change, move) only for pages that have been live, never from a draft's "
        "address. Read at startup.",
    ),
    "VIETNAMESE_SLUGS": Setting(
        False,
        "Transliterate Vietnamese in the admin's slug field of every model "
        "(`Đoàn` → `doan`). Read at startup.",
    ),
}


def __getattr__(name: str):
    if name not in SETTINGS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return _read(name)


def _read(name: str):
    return getattr(django_settings, PREFIX + name, SETTINGS[name].default)


def __dir__() -> list[str]:
    return sorted({*globals(), *SETTINGS})


#: Renditions Wagtail's rich-text image formats produce (fullwidth, left, right).
RICH_TEXT_RENDITION_SPECS = ["width-800", "width-500"]

#: Largest page id a URL or request may name: ids are 32-bit on every backend,
#: and a larger number must be "not found", never a database overflow.
MAX_PAGE_ID = 2**31 - 1

_PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def all_rendition_specs() -> list[str]:
    """Every rendition filter the plugin uses: the named ones and rich text's."""
    return sorted({*_read("RENDITION_SPECS").values(), *RICH_TEXT_RENDITION_SPECS})


def fragment_cache_seconds() -> int:
    """Seconds a cached fragment of a public page lives (0: fragments are not cached).

    Publishing invalidates fragments sooner, through the content generation,
    which must be shared by every process that serves or publishes. So the
    default is to cache only with a shared cache (Redis); a process-local cache
    would keep serving what another process has unpublished.
    """
    configured = _read("FRAGMENT_CACHE_SECONDS")
    if configured is not None:
        return configured
    backend = django_settings.CACHES["default"]["BACKEND"]
    return 0 if backend in _PROCESS_LOCAL_CACHES else 600


def workflow_name() -> str:
    """Name of the approval workflow and its task, when ``campaigns_setup`` makes them.

    Wagtail shows workflow names untranslated, so the default is translated
    once, into the language active when the command runs (``LANGUAGE_CODE``).
    """
    return _read("WORKFLOW_NAME") or gettext("Moderator approval")
