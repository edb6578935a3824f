"""The portal's identity on the v3 API: what a front-end prints in header and footer.

Added to Wagtail's v3 API through ``CAMPAIGNS_API_V3_ROUTERS`` (see
:func:`campaigns.api.v3.routers.register_routers`).
"""

from django.conf import settings
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from pydantic import ConfigDict
from wagtail.models import Locale

from campaigns.api.v3.schemas import example, problem, problem_doc
from home.models import portal_texts_for

portal_router = Router(tags=["portal"])


class PortalSchema(Schema):
    """The header's and footer's texts in one language."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "locale": "vi",
                    "portal_name": "Cổng thông tin điện tử tỉnh",
                    "tagline": "Thông tin chính thống – Phục vụ người dân",
                    "agency": "Văn phòng Ủy ban nhân dân tỉnh",
                    "address": "Số 1 đường Hùng Vương, thành phố tỉnh lỵ",
                    "phone": "0211 3 862 000",
                    "email": "congthongtin@example.gov.vn",
                    "licence": "Giấy phép số 01/GP-TTĐT do Sở TT&TT cấp",
                }
            ]
        }
    )

    locale: str
    portal_name: str
    tagline: str
    agency: str
    address: str
    phone: str
    email: str
    licence: str


@portal_router.get(
    "/",
    response=PortalSchema,
    summary="The portal's name and footer texts",
    description=(
        "What the portal's own pages print in their header and footer, in the "
        "language of `locale` (default: the site's default language). A text "
        "not translated yet is the default one; phone and e-mail are the same "
        "in every language."
    ),
    operation_id="portal_texts",
    url_name="portal_texts",
    openapi_extra={
        "responses": {
            404: problem_doc(
                "An unknown `locale`.",
                {
                    "locale": example(
                        "An unknown `locale`",
                        problem(404, "No Locale matches the given query."),
                    )
                },
            ),
        }
    },
)
def portal_texts(
    request: HttpRequest,
    locale: str | None = Query(None, description="A language code: `vi`, `en`."),
):
    language = locale or settings.LANGUAGE_CODE
    get_object_or_404(Locale, language_code=language)
    return {"locale": language, **portal_texts_for(request, language)}
