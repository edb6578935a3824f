"""Portal-wide demo content: settings, home and index texts, media, users.

All texts are original; only public facts of the old portal are reused (the
province, its agencies and the legacy visit total). Addresses and e-mails are
on the reserved ``example.gov.vn`` domain.
"""

from dataclasses import dataclass

from campaigns.slugs import ascii_slug

#: Longest slug a demo page gets; longer ones are cut at a hyphen.
MAX_SLUG_LENGTH = 80


def short_slug(title: str, limit: int = MAX_SLUG_LENGTH) -> str:
    """The ASCII slug of ``title``, cut at the last hyphen that fits in ``limit``."""
    slug = ascii_slug(title)
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1].rsplit("-", 1)[0]
    return cut or slug[:limit]


@dataclass(frozen=True)
class ImageSpec:
    """An image drawn at seed time; ``title`` identifies it, ``description`` is alt."""

    key: str
    title: str
    description: str


@dataclass(frozen=True)
class DocumentSpec:
    """A one-page PDF written at seed time; ``title`` identifies it."""

    key: str
    title: str
    lines: tuple[str, ...]


PORTAL_NAME = "Cổng thông tin điện tử tỉnh Lào Cai"
PORTAL_SETTINGS = {
    "portal_name": PORTAL_NAME,
    "tagline": "Thông tin chính thống – Phục vụ người dân và doanh nghiệp",
    "agency": "Ủy ban nhân dân tỉnh Lào Cai",
    "address": "Số 1 đường Hoàng Liên, tỉnh Lào Cai (địa chỉ demo)",
    "phone": "0214 3800 000",
    "email": "congthongtin@laocai.example.gov.vn",
    "licence": (
        "Giấy phép số 00/GP-TTĐT (bản demo). Cơ quan chủ quản: Ủy ban nhân dân "
        "tỉnh Lào Cai. Ghi rõ nguồn khi phát hành lại thông tin từ cổng."
    ),
}

#: Title of the page Wagtail's first migration creates and the seed replaces.
WELCOME_TITLE = "Welcome to your new Wagtail site!"

HOME_TITLE = "Trang chủ"
HOME_SLUG = "trang-chu"
HOME_INTRO = (
    "<p>Chào mừng bạn đến với <b>Cổng thông tin điện tử tỉnh Lào Cai</b>: tin "
    "chính thống về các chiến dịch truyền thông, phong trào thi đua và phóng sự "
    "của tỉnh, cập nhật hằng ngày.</p>"
)

INDEX_TITLE = "Chiến dịch truyền thông"
INDEX_SLUG = ascii_slug(INDEX_TITLE)
INDEX_INTRO = (
    "<p>Các chiến dịch tuyên truyền và phong trào thi đua do <b>Ủy ban nhân dân "
    "tỉnh</b>, các sở, ngành và đoàn thể phát động. Lọc theo năm hoặc chủ đề để "
    "tìm lại văn bản, khẩu hiệu và kết quả của từng đợt.</p>"
)

COLLECTION_NAME = "Chiến dịch"
#: Staff-only documents: the dispatches of draft and private pages.
INTERNAL_COLLECTION_NAME = "Tài liệu nội bộ"

#: The cached oEmbed answer for :data:`home.demo.body.VIDEO_URL`.
VIDEO_EMBED = {
    "title": "Phóng sự: Lễ phát động phong trào thi đua năm 2022 (video demo)",
    "video_id": "Lao2022Demo",
    "width": 560,
    "height": 315,
}

#: Images used inside campaign bodies (hero images are declared with each campaign).
BODY_IMAGES = (
    ImageSpec(
        "le-phat-dong-2022",
        "Lễ phát động phong trào thi đua năm 2022",
        "Hội trường đông người dự lễ phát động, phía trước là băng rôn khẩu hiệu "
        "“Lao động giỏi, Lao động sáng tạo”.",
    ),
    ImageSpec(
        "xuong-cai-tien-2022",
        "Công nhân trao đổi giải pháp cải tiến tại xưởng",
        "Ba công nhân mặc đồng phục bảo hộ đứng cạnh máy, cùng xem bản vẽ cải tiến.",
    ),
    ImageSpec(
        "trao-giay-khen-2022",
        "Trao giấy khen cho người lao động có sáng kiến",
        "Đại diện lãnh đạo trao giấy khen và hoa cho năm người lao động trên sân khấu.",
    ),
    ImageSpec(
        "hoi-thi-sang-kien-2023",
        "Hội thi sáng kiến cải tiến kỹ thuật",
        "Thí sinh trình bày mô hình sáng kiến trước hội đồng giám khảo.",
    ),
    ImageSpec(
        "thon-kieu-mau-2025",
        "Đường bê tông liên thôn vừa hoàn thành",
        "Con đường bê tông uốn quanh ruộng bậc thang, hai bên trồng hoa.",
    ),
)

#: Attachments other than the official dispatches (those come with each campaign).
EXTRA_DOCUMENTS = (
    DocumentSpec(
        "huong-dan-tu-kiem-tra-atvsld",
        "Hướng dẫn tự kiểm tra an toàn, vệ sinh lao động tại doanh nghiệp",
        (
            "Hướng dẫn tự kiểm tra an toàn, vệ sinh lao động",
            "1. Rà soát nội quy, quy trình làm việc an toàn.",
            "2. Kiểm tra thiết bị có yêu cầu nghiêm ngặt về an toàn.",
            "3. Tổ chức huấn luyện và diễn tập sơ cứu, cứu nạn.",
        ),
    ),
    DocumentSpec(
        "the-le-hoi-thi-sang-kien-2023",
        "Thể lệ hội thi sáng kiến cải tiến kỹ thuật năm 2023",
        (
            "Thể lệ hội thi sáng kiến cải tiến kỹ thuật năm 2023",
            "Đối tượng: công nhân, viên chức, người lao động trong tỉnh.",
            "Hồ sơ: bản mô tả sáng kiến, xác nhận của đơn vị áp dụng.",
            "Hạn nộp: 31/03/2024.",
        ),
    ),
    DocumentSpec(
        "bo-tieu-chi-thon-kieu-mau",
        "Bộ tiêu chí thôn kiểu mẫu giai đoạn 2025–2026",
        (
            "Bộ tiêu chí thôn kiểu mẫu giai đoạn 2025–2026",
            "Nhóm tiêu chí: hạ tầng, sản xuất, môi trường, văn hóa, an ninh.",
        ),
    ),
)

#: Disclaimer printed on every demo PDF.
PDF_DISCLAIMER = "Văn bản minh họa cho bản demo, không có giá trị pháp lý."

#: Demo accounts (DEBUG only): username → (group name, is superuser).
DEMO_USERS = {
    "editor": ("Communications officers", False),
    "moderator": ("Campaign moderators", False),
    "admin": ("", True),
}
#: Shared password of the private (view-restricted) demo campaign.
PRIVATE_PASSWORD = "demo-private"  # noqa: S105 -- documented demo restriction.
