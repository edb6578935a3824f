"""English editions of a few demo pages (DESIGN §9), made through wagtail-localize.

Each page gets a wagtail-localize translation source and a translation into
English, as its "Translate this page" action makes them; the English text of
every string segment is stored as a manual string translation, and the
translated page is then created from them and published. The pages therefore
open in its translation editor, synced with their Vietnamese source.
"""

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.demo.announcements_2023_2026 import DIGITAL_2023, VILLAGES_2025
from home.demo.catalogue import REFERENCE_SLUG
from home.demo.content import (
    HOME_SLUG,
    INDEX_SLUG,
    MAX_SLUG_LENGTH,
    PORTAL_SETTINGS,
)
from home.demo.video_stories import HOUSEHOLD_ECONOMY
from home.demo.videos import VIDEO_CAPTIONED_SLUG, VIDEO_INDEX_SLUG
from home.models import PortalText

PHOTO_CREDIT = "Photo: Provincial Portal"

#: The English edition of each demo topic tag: an edition keeps its own tags.
ENGLISH_TAGS = {
    "An toàn lao động": "Workplace safety",
    "Chuyển đổi số": "Digital transformation",
    "Cán bộ cơ sở": "Grassroots officials",
    "Công nhân viên chức": "Workers and public employees",
    "Công đoàn": "Trade union",
    "Cải cách hành chính": "Administrative reform",
    "Cộng đồng": "Community",
    "Doanh nghiệp": "Business",
    "Du lịch": "Tourism",
    "Khen thưởng": "Awards",
    "Kinh tế nông nghiệp": "Farm economy",
    "Lao động sáng tạo": "Creative work",
    "Môi trường": "Environment",
    "Nông thôn mới": "New rural development",
    "Phòng chống thiên tai": "Disaster prevention",
    "Sáng kiến": "Initiatives",
    "Thi đua": "Emulation movements",
    "Thôn kiểu mẫu": "Model villages",
}

#: Vietnamese slug → English text of each translatable field. A field with
#: several segments (rich text, StreamField) lists them in their order on the
#: page. Parents come before their children.
ENGLISH: dict[str, dict[str, str | list[str]]] = {
    HOME_SLUG: {
        "title": "Home",
        "intro": [
            "Welcome to the <b>Lao Cai Provincial Electronic Portal</b>: official "
            "news of the province's communication campaigns, emulation movements "
            "and video stories, updated every day."
        ],
    },
    INDEX_SLUG: {
        "title": "Communication campaigns",
        "intro": [
            "Campaigns and emulation movements launched by the <b>Provincial "
            "People's Committee</b>, departments and mass organisations. Filter by "
            "year or topic to find the documents, slogans and results of each one."
        ],
    },
    REFERENCE_SLUG: {
        "title": "“Good work, creative work” emulation movement launched for 2022",
        "source": "Provincial Portal",
        "lead": "The Provincial People's Committee and the Lao Cai Provincial "
        "Labour Federation launch the 2022 “Good work, creative work” emulation "
        "movement, encouraging workers and public employees to raise their skills "
        "and contribute initiatives to the province's development.",
        "hero_caption": "A banner supporting the movement at a local enterprise.",
        "slogan": "Good work, creative work",
        "issuing_bodies": "Lao Cai Provincial People's Committee<br/>"
        "Lao Cai Provincial Labour Federation",
        "dispatch_number": "No. 1234/UBND-VX",
        "body": [
            "On 22 February 2022 the Lao Cai Provincial People's Committee issued "
            "an official letter launching the “Good work, creative work” emulation "
            "movement among the province's workers and public employees. Organised "
            "with the Provincial Labour Federation, it builds on the results "
            'recognised at the <a id="a1">2021 review conference</a>.',
            "The launch ceremony in the provincial hall.",
            PHOTO_CREDIT,
            "Three goals for 2022",
            "This year the movement sets three goals: higher productivity and "
            "quality of work; workers who keep learning and raising their skills; "
            "and technical initiatives put into production and business quickly.",
            "Every agency, unit and enterprise draws up its own emulation plan tied "
            "to its mission, with attention to digital transformation in management "
            "and to safe working conditions.",
            "A technical team discusses how to improve a machine.",
            PHOTO_CREDIT,
            "A small initiative applied in the right place can save an enterprise "
            "a hundred working hours a year.",
            "Representative of the Provincial Labour Federation",
            "Trade unions at every level follow and encourage the work, review it "
            "at mid-year and promptly reward outstanding teams and individuals. "
            "Leading examples are presented on the portal for others to learn from.",
            "Rewarding workers for their initiatives.",
            PHOTO_CREDIT,
            "Alongside the movement, units take part in the "
            '<a id="a1">2022 Occupational Safety and Health Action Month</a>, so '
            "that workers can compete with peace of mind.",
            "The Provincial People's Committee calls on workers and public "
            "employees to work together with initiative and creativity to fulfil "
            "the tasks of 2022 with distinction.",
            "Full text of Official Letter No. 1234/UBND-VX",
            "PDF of the official letter launching the 2022 emulation movement.",
        ],
    },
    DIGITAL_2023.slug: {
        "title": "Digital transformation for small and medium enterprises, 2023",
        "source": "Provincial Portal",
        "lead": "The campaign presents free digital platforms and shows small and "
        "medium enterprises how to use e-invoices, digital signatures and "
        "e-commerce in their daily work.",
        "hero_caption": "E-invoices save a small shop time.",
        "slogan": "Digital business, digital economy",
        "issuing_bodies": "Lao Cai Department of Information and Communications"
        "<br/>Lao Cai Provincial Business Association",
        "dispatch_number": "No. 356/STTTT-CĐS",
        "body": [
            "Many small businesses still keep their books on paper. The 2023 "
            "campaign sends technical staff to their premises to guide them step "
            "by step towards digital tools.",
            "Training schedule",
            "The campaign carries on the spirit of the "
            '<a id="a1">“Good work, creative work” movement</a>: every worker is a '
            "seed of innovation.",
            "Register for the training",
            "Enterprises register online on the public services portal.",
            "Register",
        ],
    },
    VILLAGES_2025.slug: {
        "title": "Building new-style rural areas and model villages together, "
        "2025–2026",
        "source": "Provincial Portal",
        "lead": "Villagers give their labour and land to build roads, renovate "
        "the cultural house and sort waste at source so that their village meets "
        "the model standard.",
        "hero_caption": "Villagers plant flowers along the road into the village.",
        "slogan": "Clean villages, fine roads, people of one mind",
        "issuing_bodies": "Lao Cai Provincial People's Committee<br/>"
        "Vietnam Fatherland Front Committee of Lao Cai Province",
        "dispatch_number": "No. 987/UBND-NTM",
        "body": [
            "The 2025–2026 phase focuses on highland villages. The detailed "
            'criteria are in the <a id="a1">model village criteria</a>; lessons '
            "on coping with floods come from the "
            '<a id="a2">2024 natural disaster prevention campaign</a>.',
            "A newly finished concrete road between villages.",
            PHOTO_CREDIT,
            "The villagers built this road with their own hands, so everyone takes "
            "care of it.",
            "Village head",
        ],
    },
    VIDEO_INDEX_SLUG: {
        "title": "Video stories",
        "intro": [
            "Short reports on <b>building new-style rural areas</b>, model villages, "
            "community tourism and emulation movements in the province. Every video "
            "has subtitles or a transcript so that everyone can follow it."
        ],
    },
    VIDEO_CAPTIONED_SLUG: {
        "title": "Two years of building a model village: a road made by its people",
        "lead": "Without waiting for funds from above, the people of a highland "
        "village gave land and working days to build their road, repair the "
        "cultural house and light the village lanes. Two years on, the village "
        "has been recognised as a model village.",
        "transcript": [
            "Two years ago the villagers met and agreed to work towards the model "
            "village standard. The first task was to widen the main road so that "
            "trucks carrying produce could reach every lane.",
            "Many households gave land of their own accord, moved their fences back "
            "and gave working days to mix concrete. The State provided the cement, "
            "the villagers the sand, gravel and labour. Now the village road has "
            "solar lamps at night.",
            "Besides the roads, the village keeps a self-managed sanitation team, a "
            "performing arts group and new village rules. Criteria that seemed the "
            "hardest were met because every household agreed.",
        ],
        "body": [
            "In two years the village has laid more than two kilometres of new "
            "concrete road and put lights along the main road, mostly with the "
            "villagers' own labour.",
            "Every family lent a hand, so this road belongs to the whole village.",
            "A household that gave land for the road",
        ],
    },
    HOUSEHOLD_ECONOMY.slug: {
        "title": "Household economies, the foundation of new-style rural areas",
        "lead": "With orchards, fish ponds and neatly planned livestock pens, many "
        "families have become well-off and help their commune keep its income "
        "criterion.",
        "transcript": [
            "On hillsides that once grew a single maize crop, many families have "
            "turned to organic pears, plums and tea. Short-term crops grown in "
            "between bring an income while the fruit trees come into bearing.",
            "Households receive technical training and preferential loans and are "
            "linked with cooperatives to sell their produce. Pens have been moved "
            "away from the houses, and manure is composted to fertilise the gardens.",
            "When household economies are sound, people can give their labour to "
            "build roads and repair the cultural house, and keep their children in "
            "school: all directly linked to the new-style rural criteria.",
        ],
        "body": [
            "The video is published on the portal's channel; the full transcript is "
            "right on this page.",
            "We used to worry about food from one season to the next; now we can "
            "plan to extend the orchard next year.",
            "An organic pear grower",
        ],
    },
}


#: English portal texts (header and footer), translated like the pages.
ENGLISH_PORTAL_TEXT = {
    "portal_name": "Lao Cai Provincial Electronic Portal",
    "tagline": "Official information serving citizens and businesses",
    "agency": "Lao Cai Provincial People's Committee",
    "address": "1 Hoang Lien Street, Lao Cai Province (demo address)",
    "licence": "Licence No. 00/GP-TTĐT (demo). Governing body: Lao Cai Provincial "
    "People's Committee. Please cite the portal when you republish its information.",
}


def ensure_english_editions(summary) -> None:
    """Translate, fill in and publish the English pages that are missing.

    Idempotent: a page that already has an English edition, made by this
    seed or by an editor, is left as it is.
    """
    english, created = Locale.objects.get_or_create(language_code="en")
    summary.record("locale", created)
    for slug, fields in ENGLISH.items():
        source_page = Page.objects.filter(slug=slug, locale__language_code="vi").first()
        if source_page is None:
            continue
        source_page = source_page.specific
        exists = source_page.get_translations().filter(locale=english).exists()
        summary.record("English pages", not exists)
        if exists:
            continue
        source, _ = TranslationSource.get_or_create_from_instance(source_page)
        _store_english_strings(source, english, fields)
        Translation.objects.get_or_create(source=source, target_locale=english)
        # Strict: a segment without English text raises instead of falling back.
        # Published here rather than on commit, so the seed's caller sees it live.
        page, _ = source.create_or_update_translation(english, publish=False)
        if hasattr(page, "tags"):
            names = [tag.name for tag in page.tags.all()]
            page.tags.set([ENGLISH_TAGS.get(name, name) for name in names])
            page.save_revision().publish()
        else:
            page.get_latest_revision().publish()
    _ensure_portal_texts(english, summary)


def _ensure_portal_texts(english: Locale, summary) -> None:
    """The default site's Vietnamese portal texts and their English translation."""
    vietnamese, created = PortalText.objects.get_or_create(
        site=Site.objects.get(is_default_site=True),
        locale=Locale.get_default(),
        defaults={name: PORTAL_SETTINGS[name] for name in PortalText.TEXT_FIELDS},
    )
    summary.record("portal texts", created)
    exists = vietnamese.get_translations().filter(locale=english).exists()
    summary.record("portal texts", not exists)
    if exists:
        return
    source, _ = TranslationSource.get_or_create_from_instance(vietnamese)
    _store_english_strings(source, english, ENGLISH_PORTAL_TEXT, slug=False)
    Translation.objects.get_or_create(source=source, target_locale=english)
    source.create_or_update_translation(english)


def english_segments(
    fields: dict[str, str | list[str]], *, slug: bool = True
) -> dict[str, list[str]]:
    """The English text of each field as a list of segments, a page's slug included."""
    segments = {
        name: [value] if isinstance(value, str) else list(value)
        for name, value in fields.items()
    }
    if slug:
        title = fields["title"].replace("–", "-")
        segments["slug"] = [slugify(title)[:MAX_SLUG_LENGTH].rstrip("-")]
    return segments


def _store_english_strings(
    source: TranslationSource, english: Locale, fields, *, slug: bool = True
) -> None:
    """Save the English text of each of the source's string segments."""
    remaining = english_segments(fields, slug=slug)
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    for segment in segments:
        texts = remaining.get(segment.context.path.split(".")[0])
        if not texts:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=english,
            context=segment.context,
            defaults={
                "data": texts.pop(0),
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
