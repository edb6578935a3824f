"""Schemas of the plugin's v3 endpoints."""

from datetime import datetime
from typing import Any, Literal

from ninja import Field, Schema
from wagtail.api.v3.schemas.pages import SimpleBasePageMetaSchema


class LocaleSchema(Schema):
    language_code: str
    name: str
    is_default: bool


class PageTranslationSchema(Schema):
    """A live, public edition of a page in another language."""

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

    content: str
    created_at: datetime | None


class CommentSchema(Schema):
    """An approved comment as the public reads it."""

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
    id: int
    status: Literal["pending"] = Field(
        description="Always pending: a moderator publishes it or not."
    )


class CaptchaSchema(Schema):
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


class ProblemSchema(Schema):
    """RFC 7807 problem details, served as application/problem+json."""

    type: str
    title: str
    status: int
    detail: str = ""
    errors: list[dict[str, Any]] | None = None


class CommentProblemSchema(ProblemSchema):
    errors: list[FieldErrorSchema] | None = None


def inline_json_schema(schema: type[Schema]) -> dict:
    """The JSON schema of ``schema`` with nested models written in place.

    For ``openapi_extra``, where a ``$ref`` to the model would not resolve.
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
