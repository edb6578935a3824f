"""StreamField blocks shared by campaign and video story pages (DESIGN §4).

Every block renders through its own template and gives clean JSON to both APIs:
rich text as HTML with resolved links, images as renditions with alt text,
documents and pages as URLs.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from campaigns.media import document_representation, embed_source
from campaigns.references import embed_from_scope, from_scope
from campaigns.renditions import image_representation

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "image"]


class BulkImageChooserBlock(ImageChooserBlock):
    """An image chooser that reads images fetched in bulk for the response."""

    def bulk_to_python(self, values):
        resolved = from_scope("image", values)
        return resolved if resolved is not None else super().bulk_to_python(values)


class BulkDocumentChooserBlock(DocumentChooserBlock):
    """A document chooser that reads documents fetched in bulk for the response."""

    def bulk_to_python(self, values):
        resolved = from_scope("document", values)
        return resolved if resolved is not None else super().bulk_to_python(values)


class BulkPageChooserBlock(blocks.PageChooserBlock):
    """A page chooser that reads pages fetched in bulk for the response."""

    def bulk_to_python(self, values):
        resolved = from_scope("page", values)
        return resolved if resolved is not None else super().bulk_to_python(values)


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "campaigns/blocks/paragraph.html"
        label = _("Paragraph")
        description = _("Body text with links, lists and inline images.")
        preview_value = (
            "<p>Phong trào thi đua được phát động tới toàn thể công nhân, viên chức "
            "và người lao động trên địa bàn tỉnh.</p>"
        )


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subsection heading"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "campaigns/blocks/heading.html"
        label = _("Heading")
        description = _("A section or subsection heading.")
        preview_value = {"text": "Nội dung phong trào", "level": "h2"}


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "campaigns/blocks/quote.html"
        label = _("Quote")
        description = _("A pull quote with its source.")
        preview_value = {
            "text": "Thi đua là yêu nước, yêu nước thì phải thi đua.",
            "attribution": "Chủ tịch Hồ Chí Minh",
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = BulkImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "Describe the image for people who cannot see it. "
            "Leave empty to use the image's own description."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    def get_api_representation(self, value, context=None):
        return {
            "image": image_representation(value["image"], alt=value["alt_text"]),
            "caption": value["caption"],
            "credit": value["credit"],
        }

    class Meta:
        icon = "image"
        template = "campaigns/blocks/captioned_image.html"
        label = _("Image")
        description = _("An image with a caption and a photo credit.")
        preview_value = {
            "caption": "Công nhân nhà máy tham gia hội thi sáng kiến.",
            "credit": "Ảnh: CTTĐT",
        }


class VideoEmbedBlock(blocks.StructBlock):
    video = EmbedBlock(
        label=_("video URL"),
        help_text=_("A YouTube or Vimeo address."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    def get_api_representation(self, value, context=None):
        embed = value["video"]
        if not embed:
            return {"url": None, "html": None, "caption": value["caption"]}
        stored = embed_from_scope(embed.url) or embed
        return {
            **embed_source(embed.url, stored, title=value["caption"]),
            "caption": value["caption"],
        }

    class Meta:
        icon = "media"
        template = "campaigns/blocks/video_embed.html"
        label = _("Video embed")
        description = _("A video from YouTube, Vimeo or another embed provider.")
        preview_value = {"caption": "Phóng sự: lễ phát động phong trào thi đua."}


class DocumentBlock(blocks.StructBlock):
    document = BulkDocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to use the document's title."),
    )
    description = blocks.TextBlock(label=_("description"), required=False)

    def get_api_representation(self, value, context=None):
        return {
            "document": document_representation(value["document"]),
            "title": value["title"] or getattr(value["document"], "title", ""),
            "description": value["description"],
        }

    class Meta:
        icon = "doc-full"
        template = "campaigns/blocks/document.html"
        label = _("Attachment")
        description = _("A downloadable document such as an official dispatch.")
        preview_value = {
            "title": "Công văn phát động phong trào thi đua",
            "description": "Bản PDF có chữ ký số.",
        }


class KeyFactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("label"), max_length=120)
    value = blocks.CharBlock(label=_("value"), max_length=300)

    class Meta:
        icon = "list-ul"
        label = _("Fact")


class KeyFactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=200)
    facts = blocks.ListBlock(KeyFactBlock(), label=_("facts"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "campaigns/blocks/key_facts.html"
        label = _("Key facts")
        description = _("A short list of facts: who, what, when, where.")
        preview_value = {
            "heading": "Thông tin chính",
            "facts": [
                {"label": "Thời gian", "value": "Năm 2022"},
                {"label": "Đối tượng", "value": "Công nhân, viên chức, lao động"},
            ],
        }


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("heading"), max_length=200)
    text = blocks.TextBlock(label=_("text"), required=False)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = BulkPageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choose a page or enter an external address, not both.")
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "text": value["text"],
            "button_label": value["button_label"],
            "url": link_url(value, request=(context or {}).get("request")),
        }

    class Meta:
        icon = "link"
        template = "campaigns/blocks/call_to_action.html"
        label = _("Call to action")
        description = _("A highlighted box that sends readers to a page or a form.")
        preview_value = {
            "heading": "Đăng ký tham gia phong trào",
            "text": "Các đơn vị gửi danh sách đăng ký trước ngày 30/6.",
            "button_label": "Đăng ký",
            "url": "https://example.gov.vn/dang-ky",
        }


def link_url(value, *, request=None) -> str | None:
    """The address a call to action points at; a page that is not live has none."""
    page = value["page"]
    if page is not None:
        return page.get_url(request=request) if page.live else None
    return value["url"] or None


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        template = "campaigns/blocks/table.html"
        label = _("Table")
        description = _("A simple table, for example a timetable or a list of awards.")
        preview_value = {
            "first_row_is_table_header": True,
            "data": [["Đơn vị", "Sáng kiến"], ["Công ty Apatit", "12"]],
        }


class StoryStreamBlock(blocks.StreamBlock):
    """The body of campaign and video story pages."""

    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    video = VideoEmbedBlock()
    document = DocumentBlock()
    key_facts = KeyFactsBlock()
    call_to_action = CallToActionBlock()
    table = TableBlock()

    class Meta:
        template = "campaigns/blocks/stream.html"
