"""Original Vietnamese demo content and its loader (``manage.py seed_demo``).

Tests and benchmarks import the slugs from here, e.g. ``REFERENCE_SLUG`` or
``VIDEO_CAPTIONED_SLUG``.
"""

from home.demo.body import VIDEO_URL
from home.demo.catalogue import (
    DRAFT_SLUG,
    PINNED_SLUGS,
    PRIVATE_SLUG,
    PUBLIC_SLUGS,
    REFERENCE_SLUG,
)
from home.demo.content import (
    HOME_SLUG,
    INDEX_SLUG,
    PRIVATE_PASSWORD,
)
from home.demo.loader import Summary, seed
from home.demo.videos import (
    VIDEO_CAPTIONED_SLUG,
    VIDEO_DRAFT_SLUG,
    VIDEO_EMBED_URL,
    VIDEO_INDEX_SLUG,
    VIDEO_PRIVATE_SLUG,
    VIDEO_PUBLIC_SLUGS,
)

__all__ = [
    "DRAFT_SLUG",
    "HOME_SLUG",
    "INDEX_SLUG",
    "PINNED_SLUGS",
    "PRIVATE_PASSWORD",
    "PRIVATE_SLUG",
    "PUBLIC_SLUGS",
    "REFERENCE_SLUG",
    "VIDEO_CAPTIONED_SLUG",
    "VIDEO_DRAFT_SLUG",
    "VIDEO_EMBED_URL",
    "VIDEO_INDEX_SLUG",
    "VIDEO_PRIVATE_SLUG",
    "VIDEO_PUBLIC_SLUGS",
    "VIDEO_URL",
    "Summary",
    "seed",
]
