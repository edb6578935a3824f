"""What the OpenAPI document shows as examples of each answer of the v3 API.

The documented answers (``openapi_extra``) of the plugin's operations other
than the page reads (:mod:`campaigns.api.v3.page_examples`), and the answers
many operations share (:func:`shared_responses`). The values read like real
answers of the portal: the document is also the front-end's reference.
"""

from django.utils.functional import lazy

from campaigns import conf
from campaigns.api.v3.page_examples import PAGE_DETAIL_EXAMPLE
from campaigns.api.v3.schemas import (
    CommentProblemSchema,
    CommentSchema,
    example,
    problem,
    problem_doc,
    success_doc,
)

# --- Languages ------------------------------------------------------------------------

LOCALE_LIST_RESPONSES = {
    200: success_doc(
        "both",
        "Vietnamese, the default, and English",
        [
            {"language_code": "vi", "name": "Tiếng Việt", "is_default": True},
            {"language_code": "en", "name": "English", "is_default": False},
        ],
    )
}

# --- Comments and the captcha ---------------------------------------------------------


def _with_max_body(text: str):
    """``text`` with ``CAMPAIGNS_COMMENT_MAX_BODY``, read when the document is built."""
    return lazy(lambda: text % {"bytes": conf.COMMENT_MAX_BODY}, str)()


#: ``Retry-After`` of a 429, as documented.
RETRY_AFTER_DOC = {
    "Retry-After": {
        "description": "Seconds to wait before the next attempt.",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def _too_many_doc(description: str) -> dict:
    return {
        **problem_doc(
            description,
            {
                "rate_limited": example(
                    "Over the client's limit",
                    problem(
                        429,
                        "Bạn đã gửi quá nhiều yêu cầu. Vui lòng thử lại sau 10 phút.",
                    ),
                )
            },
        ),
        "headers": RETRY_AFTER_DOC,
    }


def _invalid_fields(*errors: tuple[str | None, str, str]) -> dict:
    """A 400 with ``errors`` of ``(field, code, message)``."""
    return problem(
        400,
        "Vui lòng kiểm tra các ô được đánh dấu dưới đây.",
        errors=[
            {"field": field, "code": code, "message": message}
            for field, code, message in errors
        ],
    )


def _no_public_page(detail: str = "Không có trang này.") -> dict:
    return example("No live, public page with this id", problem(404, detail))


def _malformed_query() -> dict:
    return example(
        "A parameter of the wrong type",
        problem(
            422,
            "Validation failed",
            errors=[
                {
                    "type": "int_parsing",
                    "loc": ["query", "limit"],
                    "msg": (
                        "Input should be a valid integer, "
                        "unable to parse string as an integer"
                    ),
                }
            ],
        ),
    )


COMMENT_LIST_RESPONSES = {
    200: success_doc(
        "one_page",
        "A page's approved comments",
        {"items": CommentSchema.model_json_schema()["examples"], "count": 1},
    ),
    400: problem_doc(
        "`limit` above the maximum.",
        {
            "limit": example(
                "`limit` above WAGTAILAPI_LIMIT_MAX",
                problem(400, "limit cannot be higher than 100"),
            )
        },
    ),
    404: problem_doc(
        "No such public page, or not in that language.",
        {
            "no_page": _no_public_page(),
            "other_language": example(
                "`locale` is not the page's language",
                problem(404, "Trang này không thuộc ngôn ngữ đó."),
            ),
        },
    ),
    422: problem_doc(
        "A query parameter is malformed.", {"malformed": _malformed_query()}
    ),
}
COMMENT_CREATE_RESPONSES = {
    400: problem_doc(
        "Not a JSON object, or a field is missing or invalid (listed in "
        "`errors`); a comment with the honeypot filled in is refused too.",
        {
            "wrong_captcha": example(
                "A wrong or used captcha",
                _invalid_fields(
                    (
                        "captcha_value",
                        "captcha",
                        "Mã kiểm tra sai hoặc đã hết hạn. Hãy nhập mã mới.",
                    )
                ),
            ),
            "missing_fields": example(
                "Fields left empty",
                _invalid_fields(
                    ("title", "required", "Vui lòng điền ô này."),
                    ("content", "required", "Vui lòng điền ô này."),
                ),
            ),
            "wrong_type": example(
                "A field sent as a number instead of text",
                _invalid_fields(
                    ("name", "type", "Hãy gửi trường này dưới dạng văn bản.")
                ),
            ),
            "honeypot": example(
                "The hidden `website` field filled in",
                _invalid_fields(
                    (None, "honeypot", "Không thể tiếp nhận ý kiến của bạn.")
                ),
            ),
            "not_an_object": example(
                "The body is not a JSON object",
                problem(400, "Hãy gửi ý kiến dưới dạng một đối tượng JSON."),
            ),
        },
        CommentProblemSchema,
    ),
    403: problem_doc(
        "Comments on the page are closed, or the poster is blocked.",
        {
            "closed": example(
                "Comments closed on the page",
                problem(403, "Trang này đã ngừng nhận ý kiến."),
            ),
            "blocked": example(
                "The poster is blocked",
                problem(403, "Không nhận ý kiến gửi từ kết nối của bạn."),
            ),
        },
    ),
    404: problem_doc(
        "No such public page that takes comments.",
        {"no_page": _no_public_page()},
    ),
    409: problem_doc(
        "The same comment was just sent; it is stored once.",
        {
            "duplicate": example(
                "The same comment sent twice",
                problem(
                    409,
                    "Bạn vừa gửi ý kiến này; ý kiến đang chờ kiểm duyệt.",
                ),
            )
        },
    ),
    413: problem_doc(
        _with_max_body("The body is over %(bytes)s bytes."),
        {
            "too_large": example(
                "A body over the limit",
                problem(
                    413,
                    _with_max_body(
                        "Yêu cầu quá lớn; một ý kiến chỉ được tối đa %(bytes)s byte."
                    ),
                ),
            )
        },
    ),
    415: problem_doc(
        "The body is not sent as `application/json`.",
        {
            "not_json": example(
                "A form or text body",
                problem(415, "Hãy gửi ý kiến dưới dạng application/json."),
            )
        },
    ),
    429: _too_many_doc("Too many comments; retry after `Retry-After` seconds."),
}
CAPTCHA_RESPONSES = {
    429: _too_many_doc("Too many challenges; retry after `Retry-After` seconds.")
}

# --- Statistics and the preview -------------------------------------------------------


def page_view_responses(not_found: str) -> dict:
    """The answers of the view beacon; ``not_found`` is the ``detail`` of its 404."""
    return {
        404: problem_doc(
            "No live, public page with this id (a draft, a private page, or "
            "an id out of range).",
            {
                "no_page": example(
                    "A draft, private or unknown page", problem(404, not_found)
                )
            },
        ),
    }


def preview_responses(*, missing: str, expired: str, invalid: str, gone: str) -> dict:
    """The answers of the preview, given the ``detail`` of each refusal."""
    return {
        200: success_doc("draft", "The draft of a campaign page", PAGE_DETAIL_EXAMPLE),
        401: problem_doc(
            "No token was given.",
            {"no_token": example("No token", problem(401, missing))},
        ),
        403: problem_doc(
            "The token is invalid, tampered with or expired.",
            {
                "expired": example("An expired token", problem(403, expired)),
                "invalid": example(
                    "A tampered or truncated token", problem(403, invalid)
                ),
            },
        ),
        404: problem_doc(
            "The page or revision no longer exists.",
            {"gone": example("The page was deleted", problem(404, gone))},
        ),
        422: problem_doc(
            "A query parameter is malformed (an unknown `rich_text_format`, "
            "a control character in the token).",
            {
                "control_character": example(
                    "A control character in the token",
                    problem(422, "Giá trị của “token” có chứa ký tự điều khiển."),
                )
            },
        ),
    }


# --- Shared answers -------------------------------------------------------------------


def shared_responses() -> dict[str, dict]:
    """The answers many operations share, by status: the guard's 422, and the
    401, 400 and 404 that Wagtail's own operations leave out.

    New on each call, because the document's later steps add examples to them.
    """
    return {
        "422": problem_doc(
            "A query parameter is malformed or out of range.",
            {
                "out_of_range": example(
                    "A number beyond any id",
                    problem(422, "Giá trị của “offset” vượt quá giới hạn cho phép."),
                )
            },
        ),
        "401": problem_doc(
            "No valid API token (`Authorization: Bearer <token>`).",
            {"no_token": example("No token", problem(401, "Unauthorized"))},
        ),
        "400": problem_doc(
            "`limit` above the API's maximum (WAGTAILAPI_LIMIT_MAX).",
            {
                "limit": example(
                    "`limit` too high", problem(400, "limit cannot be higher than 100")
                )
            },
        ),
        "404": problem_doc(
            "No such object, or none the client may see.",
            {
                "not_found": example(
                    "An unknown id", problem(404, "No Page matches the given query.")
                )
            },
        ),
    }
