"""What the OpenAPI document shows as examples of the v3 page reads.

A campaign page as the detail, the find and the headless preview serve it, an
entry of the listing, and the documented answers (``openapi_extra``) of the
three reads that :mod:`campaigns.api.v3.pages` puts in place of Wagtail's.
"""

from campaigns.api.v3.schemas import (
    PageTranslationSchema,
    example,
    problem,
    problem_doc,
    success_doc,
)

_SITE = "https://example.gov.vn"
_CAMPAIGN_PATH = (
    "/chien-dich-truyen-thong/phat-dong-phong-trao-thi-dua-lao-dong-gioi-2022/"
)

_TITLE = "Phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2022"
_LEAD = (
    "Liên đoàn Lao động tỉnh phát động phong trào thi đua trong công nhân, "
    "viên chức, người lao động toàn tỉnh."
)
#: The portal as a schema.org Organization, the author and publisher of its pages.
_PUBLISHER = {
    "@type": "Organization",
    "name": "Cổng thông tin điện tử tỉnh",
    "url": f"{_SITE}/",
}

#: The ``meta`` of the campaign page in the listing; the detail's adds to it.
_LISTED_META = {
    "type": "campaigns.CampaignPage",
    "detail_url": f"{_SITE}/api/v3/pages/6/",
    "html_url": f"{_SITE}{_CAMPAIGN_PATH}",
    "locale": "vi",
    "slug": "phat-dong-phong-trao-thi-dua-lao-dong-gioi-2022",
    "first_published_at": "2022-02-22T01:30:00.000Z",
}

#: A campaign page as ``GET /pages/{id}/`` serves it (each type has its fields).
PAGE_DETAIL_EXAMPLE = {
    "meta": {
        **_LISTED_META,
        "show_in_menus": False,
        "seo_title": "",
        "search_description": "",
        "alias_of": None,
        "parent": {
            "meta": {
                "type": "campaigns.CampaignIndexPage",
                "detail_url": f"{_SITE}/api/v3/pages/4/",
                "html_url": f"{_SITE}/chien-dich-truyen-thong/",
            },
            "id": 4,
            "title": "Chiến dịch truyền thông",
        },
        "translations": PageTranslationSchema.model_json_schema()["examples"],
    },
    "id": 6,
    "title": _TITLE,
    "date": "2022-02-22",
    "source": "CTTĐT",
    "lead": _LEAD,
    "hero_caption": "Lễ phát động tại Nhà văn hóa lao động tỉnh.",
    "slogan": "Lao động giỏi, Lao động sáng tạo",
    "period_start": "2022-03-01",
    "period_end": "2022-12-31",
    "issuing_bodies": "Liên đoàn Lao động tỉnh\nSở Lao động – Thương binh và Xã hội",
    "dispatch_number": "125/KH-LĐLĐ",
    "comments_enabled": True,
    "hero_image": {
        "id": 1,
        "title": "Lễ phát động phong trào",
        "alt": "Đại biểu bấm nút phát động phong trào thi đua",
        "width": 1600,
        "height": 900,
        "renditions": {
            "thumbnail": {
                "url": "/media/images/le-phat-dong.2e16d0ba.fill-480x270.jpg",
                "width": 480,
                "height": 270,
            },
            "medium": {
                "url": "/media/images/le-phat-dong.width-800.jpg",
                "width": 800,
                "height": 450,
            },
            "large": {
                "url": "/media/images/le-phat-dong.width-1200.jpg",
                "width": 1200,
                "height": 675,
            },
        },
    },
    "dispatch_document": {
        "id": 5,
        "title": "Kế hoạch 125/KH-LĐLĐ",
        "url": "/documents/5/ke-hoach-125-kh-ldld.pdf",
        "file_extension": "pdf",
        "file_size": 1184,
    },
    "tags": ["lao-dong", "thi-dua"],
    "body": [
        {
            "type": "heading",
            "value": {"text": "Mục đích, yêu cầu", "level": "h2"},
            "id": "5f1c0a52-0b7e-4d1b-9d0e-3c2f6a1b8e11",
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Phong trào nhằm khơi dậy tinh thần sáng tạo của người lao động "
                "trong sản xuất, kinh doanh.</p>"
            ),
            "id": "9a4e2d17-6c3b-4f0a-8b51-7d2e9c4a3f20",
        },
    ],
    "related_video_stories": [],
    "comment_count": 4,
    "view_count": 16660,
    "seo": {
        "title": _TITLE,
        "description": _LEAD,
        "canonical_url": f"{_SITE}{_CAMPAIGN_PATH}",
        "og_type": "article",
        "image": {
            "url": f"{_SITE}/media/images/le-phat-dong.width-1200.jpg",
            "width": 1200,
            "height": 675,
            "alt": "Đại biểu bấm nút phát động phong trào thi đua",
        },
        "site_name": _PUBLISHER["name"],
        "locale": "vi_VN",
        "alternates": [
            {"language": "vi", "url": f"{_SITE}{_CAMPAIGN_PATH}"},
            {
                "language": "en",
                "url": PageTranslationSchema.model_json_schema()["examples"][0][
                    "html_url"
                ],
            },
        ],
        "properties": [
            {"property": "article:published_time", "content": "2022-02-22"},
            {
                "property": "article:modified_time",
                "content": "2022-02-22T08:30:00+07:00",
            },
            {"property": "article:tag", "content": "Lao động"},
            {"property": "article:tag", "content": "Thi đua"},
        ],
        "twitter_card": "summary_large_image",
        "json_ld": {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": _TITLE,
            "description": _LEAD,
            "datePublished": "2022-02-22",
            "dateModified": "2022-02-22T08:30:00+07:00",
            "inLanguage": "vi",
            "mainEntityOfPage": {"@type": "WebPage", "@id": f"{_SITE}{_CAMPAIGN_PATH}"},
            "url": f"{_SITE}{_CAMPAIGN_PATH}",
            "author": _PUBLISHER,
            "publisher": _PUBLISHER,
            "image": [f"{_SITE}/media/images/le-phat-dong.width-1200.jpg"],
            "keywords": ["Lao động", "Thi đua"],
        },
    },
}

#: One entry of ``GET /pages/``; ``?fields=`` adds the type's own fields.
PAGE_SUMMARY_EXAMPLE = {
    "meta": _LISTED_META,
    "id": 6,
    "title": PAGE_DETAIL_EXAMPLE["title"],
}


_NO_PAGE = example(
    "No live, public page matches (or not in that `locale`)",
    problem(404, "No Page matches the given query."),
)
_UNKNOWN_LOCALE = example(
    "An unknown `locale`", problem(404, "No Locale matches the given query.")
)
_MALFORMED = example(
    "A parameter of the wrong type",
    problem(
        422,
        "Validation failed",
        errors=[
            {
                "type": "literal_error",
                "loc": ["query", "version"],
                "msg": "Input should be 'live' or 'draft'",
                "ctx": {"expected": "'live' or 'draft'"},
            }
        ],
    ),
)

#: The answers of the page reads besides their 200.
_LIST_ERRORS = {
    400: problem_doc(
        "`limit` above the API's maximum (WAGTAILAPI_LIMIT_MAX).",
        {
            "limit": example(
                "`limit` too high", problem(400, "limit cannot be higher than 100")
            )
        },
    ),
    404: problem_doc(
        "An unknown `locale` or `site`.",
        {
            "locale": _UNKNOWN_LOCALE,
            "site": example(
                "An unknown `site`", problem(404, "No Site matches the given query.")
            ),
        },
    ),
    422: problem_doc(
        "A malformed or contradictory parameter (an unknown `type` or `order`, "
        "`child_of` with `descendant_of`, a `child_of` page that does not exist), "
        "or a control character or out-of-range number in any parameter.",
        {
            "contradictory": example(
                "`child_of` with `descendant_of`",
                problem(
                    422,
                    "Validation failed",
                    errors=[
                        {
                            "type": "value_error",
                            "loc": ["query", "filters"],
                            "msg": (
                                "Value error, filtering by descendant_of with "
                                "child_of is not supported."
                            ),
                            "ctx": {
                                "error": (
                                    "filtering by descendant_of with child_of is "
                                    "not supported."
                                )
                            },
                        }
                    ],
                ),
            ),
            "control_character": example(
                "A control character in a parameter",
                problem(422, "Giá trị của “site” có chứa ký tự điều khiển."),
            ),
        },
    ),
}
_DETAIL_ERRORS = {
    404: problem_doc(
        "No live, public page matches, the page is not in that `locale`, or "
        "the `locale` is unknown.",
        {"no_page": _NO_PAGE, "locale": _UNKNOWN_LOCALE},
    ),
    422: problem_doc(
        "A malformed parameter, or a control character or out-of-range number "
        "in any parameter.",
        {"malformed": _MALFORMED},
    ),
}

#: The documented answers of the listing, the find and the detail.
PAGE_LIST_RESPONSES = {
    200: success_doc(
        "campaigns",
        "Campaign pages (`?type=campaigns.CampaignPage`)",
        {"items": [PAGE_SUMMARY_EXAMPLE], "count": 1},
    ),
    **_LIST_ERRORS,
}
PAGE_FIND_RESPONSES = {
    200: success_doc(
        "campaign", "After the redirect to the page's detail", PAGE_DETAIL_EXAMPLE
    ),
    **_DETAIL_ERRORS,
}
PAGE_DETAIL_RESPONSES = {
    200: success_doc("campaign", "A campaign page", PAGE_DETAIL_EXAMPLE),
    **_DETAIL_ERRORS,
}
