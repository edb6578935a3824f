"""Which demo video stories exist, the campaigns that list them, and their slugs."""

from home.demo.spec import PUBLIC
from home.demo.video_spec import VIDEO_EMBED_URL, VIDEO_INDEX_SLUG
from home.demo.video_stories import (
    DRAFT_HARVEST,
    HOUSEHOLD_ECONOMY,
    INTERNAL_REHEARSAL,
    KEEP_CRITERIA,
    MODEL_VILLAGE,
    OFFICIALS,
    TOURISM,
    YOUNG_WORKERS,
)

#: Every demo video story, oldest first.
VIDEO_STORIES = (
    TOURISM,
    MODEL_VILLAGE,
    KEEP_CRITERIA,
    HOUSEHOLD_ECONOMY,
    OFFICIALS,
    INTERNAL_REHEARSAL,
    YOUNG_WORKERS,
    DRAFT_HARVEST,
)

#: Campaign key → keys of the video stories its editor lists beside it, in order.
#: The private story is listed on purpose: pages must leave it out.
CAMPAIGN_VIDEO_LINKS = {
    # The "PS …" reportages the old portal's page of this campaign lists, in
    # its order.
    "lao-dong-gioi-2022": (
        TOURISM.key,
        MODEL_VILLAGE.key,
        KEEP_CRITERIA.key,
        HOUSEHOLD_ECONOMY.key,
        OFFICIALS.key,
    ),
    "nong-thon-moi-2025": (
        MODEL_VILLAGE.key,
        KEEP_CRITERIA.key,
        INTERNAL_REHEARSAL.key,
    ),
    "lao-dong-gioi-2026": (YOUNG_WORKERS.key,),
    "sang-kien-2023": (YOUNG_WORKERS.key,),
}

#: Live, unrestricted video stories, oldest first.
VIDEO_PUBLIC_SLUGS = tuple(spec.slug for spec in VIDEO_STORIES if spec.status == PUBLIC)
#: A video story that was never published (one saved revision).
VIDEO_DRAFT_SLUG = DRAFT_HARVEST.slug
#: A published video story behind a password view restriction.
VIDEO_PRIVATE_SLUG = INTERNAL_REHEARSAL.slug
#: A public story with an uploaded video and a Vietnamese caption track.
VIDEO_CAPTIONED_SLUG = MODEL_VILLAGE.slug

__all__ = [
    "CAMPAIGN_VIDEO_LINKS",
    "VIDEO_CAPTIONED_SLUG",
    "VIDEO_DRAFT_SLUG",
    "VIDEO_EMBED_URL",
    "VIDEO_INDEX_SLUG",
    "VIDEO_PRIVATE_SLUG",
    "VIDEO_PUBLIC_SLUGS",
    "VIDEO_STORIES",
]
