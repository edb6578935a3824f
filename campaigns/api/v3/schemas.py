"""Schemas of the plugin's v3 endpoints."""

from datetime import datetime
from functools import wraps
from http import HTTPStatus
from typing import Any, Literal

from ninja import Field, Schema
from pydantic import ConfigDict
from wagtail.api.v3.schemas.pages import SimpleBasePageMetaSchema

#: The media type of every v3 error (RFC 7807).
PROBLEM_JSON = "application/problem+json"


class LocaleSchema(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"language_code": "vi", "name": "Tiếng Việt", "is_default": True}
            ]
        }
    )

    language_code: str
    name: str
    is_default: bool


class PageTranslationSchema(Schema):
    """A live, public edition of a page in another language."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 26,
                    "locale": "en",
                    "title": "“Good work, creative work” emulation movement launched",
                    "html_url": (
                        "https://example.gov.vn/en/communication-campaigns/"
                        "good-work-creative-work-2022/"
                    ),
                    "detail_url": "https://example.gov.vn/api/v3/pages/26/",
                }
            ]
        }
    )

    id: int
    locale: str = Field(description="Language code of the edition.")
    title: str
    html_url: str | None = Field(description="Absolute URL of the edition's page.")
    detail_url: str | None = Field(
        description="Absolute URL of the edition's detail in this API."
    )

    @staticmethod
    def resolve_locale(page) -> str:
        return page.locale.language_code

    # Wagtail's own resolvers, so the URLs read like the page's ``meta``.
    resolve_html_url = staticmethod(SimpleBasePageMetaSchema.resolve_html_url)
    resolve_detail_url = staticmethod(SimpleBasePageMetaSchema.resolve_detail_url)


# --- Readers' comments (DESIGN §8) ---------------------------------------------------
# Only these fields are ever serialised: no e-mail, IP hash, moderation note,
# moderator or status can reach a response.


class CommentReplySchema(Schema):
    """The agency's official reply; it never names the staff member who wrote it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "content": "Lớp tập huấn tại xã Mường Phăng mở ngày 15/12.",
                    "created_at": "2026-11-20T02:30:00.000Z",
                }
            ]
        }
    )

    content: str
    created_at: datetime | None


class CommentSchema(Schema):
    """An approved comment as the public reads it."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": 15,
                    "page": 6,
                    "name": "Lò Văn Páo",
                    "title": "Hỏi về lịch tập huấn",
                    "content": "Xã Mường Phăng có lớp tập huấn của chiến dịch không?",
                    "created_at": "2026-11-18T07:05:12.481Z",
                    "reply": {
                        "content": "Lớp tập huấn tại xã Mường Phăng mở ngày 15/12.",
                        "created_at": "2026-11-20T02:30:00.000Z",
                    },
                }
            ]
        }
    )

    id: int
    page: int = Field(description="Id of the page the comment was posted on.")
    name: str
    title: str
    content: str = Field(description="Plain text; escape it before showing it as HTML.")
    created_at: datetime
    reply: CommentReplySchema | None = Field(
        description="The agency's official reply, or null."
    )

    @staticmethod
    def resolve_page(comment) -> int:
        return comment.page_id

    @staticmethod
    def resolve_reply(comment) -> dict | None:
        if not comment.reply:
            return None
        return {"content": comment.reply, "created_at": comment.reply_at}


class CommentFilterSchema(Schema):
    page: int = Field(
        ge=1, le=2**31 - 1, description="Id of a live, public campaign or video page."
    )
    locale: str | None = Field(
        default=None,
        max_length=20,
        pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$",
        description="Language code; the page must be in this language.",
    )


class NewCommentSchema(Schema):
    """A reader's comment as posted; any other field is ignored."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "page": 6,
                    "name": "Lò Văn Páo",
                    "title": "Hỏi về lịch tập huấn",
                    "content": (
                        "Xã Mường Phăng có lớp tập huấn của chiến dịch không? "
                        "Bà con muốn đăng ký tham gia."
                    ),
                    "email": "lovanpao@example.vn",
                    "captcha_key": "c0b8edab0fc2a4dbe12bab5e20f430332c2f8d63",
                    "captcha_value": "4827",
                }
            ]
        }
    )

    page: int = Field(description="Id of the page commented on.")
    name: str = Field(max_length=80, description="Full name, published.")
    title: str = Field(max_length=200)
    content: str = Field(
        max_length=4000,
        description="Plain text; at most 2 links, no control characters.",
    )
    email: str | None = Field(
        default=None,
        max_length=254,
        description="Optional, never published: used only to tell of a reply.",
    )
    captcha_key: str = Field(max_length=40, description="`key` from GET /captcha/.")
    captcha_value: str = Field(
        max_length=10, description="The digits the captcha shows; a key is used once."
    )
    website: str | None = Field(
        default=None,
        description="Leave absent or empty (a comment with it is refused).",
    )


class CommentCreatedSchema(Schema):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"id": 15, "status": "pending"}]}
    )

    id: int
    status: Literal["pending"] = Field(
        description="Always pending: a moderator publishes it or not."
    )


class CaptchaSchema(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "key": "c0b8edab0fc2a4dbe12bab5e20f430332c2f8d63",
                    "image_url": (
                        "/captcha/image/c0b8edab0fc2a4dbe12bab5e20f430332c2f8d63/"
                    ),
                    "audio_url": (
                        "/captcha/audio/c0b8edab0fc2a4dbe12bab5e20f430332c2f8d63.wav"
                    ),
                }
            ]
        }
    )

    key: str = Field(description="Send it back as `captcha_key`; valid once.")
    image_url: str = Field(description="Root-relative URL of the picture.")
    audio_url: str | None = Field(
        description="Root-relative URL of the digits spoken in Vietnamese, or null."
    )


class FieldErrorSchema(Schema):
    field: str | None = Field(
        description="The request field at fault; null for the comment as a whole."
    )
    code: str
    message: str


class ViewCountSchema(Schema):
    model_config = ConfigDict(json_schema_extra={"examples": [{"view_count": 16660}]})

    view_count: int


class VisitorStatisticsSchema(Schema):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"online": 12, "today": 843, "this_week": 5438, "total": 66686856}
            ]
        }
    )

    online: int
    today: int
    this_week: int
    total: int


class ProblemSchema(Schema):
    """RFC 7807 problem details, served as application/problem+json."""

    type: str
    title: str
    status: int
    detail: str = ""
    errors: list[dict[str, Any]] | None = None


class CommentProblemSchema(ProblemSchema):
    errors: list[FieldErrorSchema] | None = None


#: Models that ``openapi_extra`` refers to by :func:`schema_ref`; they are added to
#: the document's components by ``campaigns.api.v3.document.complete_document``.
REFERENCED_SCHEMAS = (ProblemSchema, CommentProblemSchema)

_COMPONENT_REF = "#/components/schemas/{model}"


def schema_ref(schema: type[Schema]) -> dict:
    """A ``$ref`` to ``schema``, one of :data:`REFERENCED_SCHEMAS`."""
    return {"$ref": _COMPONENT_REF.format(model=schema.__name__)}


def component_schemas() -> dict[str, dict]:
    """The JSON schemas of :data:`REFERENCED_SCHEMAS` and the models they nest."""
    components = {}
    for schema in REFERENCED_SCHEMAS:
        document = schema.model_json_schema(ref_template=_COMPONENT_REF)
        components.update(document.pop("$defs", {}))
        components[schema.__name__] = document
    return components


def inline_json_schema(schema: type[Schema]) -> dict:
    """The JSON schema of ``schema`` with nested models written in place.

    For ``openapi_extra``, where a ``$ref`` to a model outside
    :data:`REFERENCED_SCHEMAS` would not resolve.
    """
    document = schema.model_json_schema()
    definitions = document.pop("$defs", {})

    def resolve(node):
        if isinstance(node, dict):
            if "$ref" in node:
                return resolve(definitions[node["$ref"].rsplit("/", 1)[-1]])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    return resolve(document)


def problem(status: int, detail: str, **extra) -> dict:
    """The body of an RFC 7807 answer, as Wagtail's ``problem_response`` writes it."""
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        **extra,
    }


def problem_doc(
    description: str, examples: dict[str, dict], schema=ProblemSchema
) -> dict:
    """An OpenAPI response: ``schema`` as problem+json, with named ``examples``.

    ``examples`` maps a name to ``{"summary": ..., "value": problem(...)}``.
    """
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": schema_ref(schema), "examples": examples}},
    }


def example(summary: str, value) -> dict:
    """An OpenAPI Example Object."""
    return {"summary": summary, "value": value}


def success_doc(name: str, summary: str, value) -> dict:
    """The content of a JSON success response, with one named example ``value``."""
    return {
        "content": {"application/json": {"examples": {name: example(summary, value)}}}
    }


def add_document_step(api, step) -> None:
    """Pass the v3 ``NinjaAPI``'s OpenAPI document through ``step`` when built."""
    build_document = api.get_openapi_schema

    @wraps(build_document)
    def get_openapi_schema(*args, **kwargs):
        return step(build_document(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
