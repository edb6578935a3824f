"""English editions of a few demo pages (DESIGN §9), made the way editors do.

Each page is copied into the English locale with Wagtail's
``copy_for_translation`` (what wagtail-localize's "Translate" starts from), its
reader-facing fields are replaced by original English text, and it is published.
"""

from django.utils.text import slugify
from wagtail.models import Locale, Page

from campaigns.demo.catalogue import REFERENCE_SLUG
from campaigns.demo.content import HOME_SLUG, INDEX_SLUG
from campaigns.demo.videos import VIDEO_CAPTIONED_SLUG, VIDEO_INDEX_SLUG

#: Vietnamese slug → English fields. Parents come before their children.
ENGLISH = {
    HOME_SLUG: {
        "title": "Home",
        "intro": "<p>Official news of the province: campaigns, emulation "
        "movements and video stories, updated every day.</p>",
    },
    INDEX_SLUG: {
        "title": "Communication campaigns",
        "intro": "<p>Campaigns and emulation movements launched by the "
        "Provincial People's Committee, departments and mass organisations.</p>",
    },
    REFERENCE_SLUG: {
        "title": "“Good work, creative work” emulation movement launched for 2022",
        "lead": "The Provincial People's Committee and the Provincial Labour "
        "Federation call on workers and public employees to raise their skills "
        "and put forward technical improvements.",
        "slogan": "Good work, creative work",
        "body": [
            (
                "paragraph",
                "<p>The movement asks every agency and enterprise to set its own "
                "targets for productivity, quality and safety at work.</p>",
            ),
            (
                "paragraph",
                "<p>Outstanding initiatives will be recognised at the year-end "
                "review and shared across the province.</p>",
            ),
        ],
    },
    VIDEO_INDEX_SLUG: {
        "title": "Video stories",
        "intro": "<p>Short reports from villages and workplaces of the province.</p>",
    },
    VIDEO_CAPTIONED_SLUG: {
        "title": "Two years of building a model village: a road made by its people",
        "lead": "Without waiting for outside funds, villagers gave land and "
        "working days to build their road and light it.",
        "transcript": "<p>The villagers tell how they built the concrete road "
        "together, one section each season.</p>",
        "body": [],
    },
}


def ensure_english_editions(summary) -> None:
    """Create and publish the English pages that are missing."""
    english, created = Locale.objects.get_or_create(language_code="en")
    summary.record("locale", created)
    for slug, fields in ENGLISH.items():
        source = Page.objects.filter(slug=slug, locale__language_code="vi").first()
        if source is None:
            continue
        source = source.specific
        exists = source.get_translations().filter(locale=english).exists()
        summary.record("English pages", not exists)
        if exists:
            continue
        translation = source.copy_for_translation(english)
        for name, value in fields.items():
            setattr(translation, name, value)
        translation.slug = slugify(fields["title"])[:80].rstrip("-") or source.slug
        translation.save_revision().publish()
