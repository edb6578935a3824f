"""Readers' comments of the demo (DESIGN §9): a moderated conversation.

Approved comments with the agency's official replies, a few pending ones (one
held by the banned-words list), one rejected and one spam, on two campaigns,
one video story and the English edition of the reference campaign. Each is
found again by its fingerprint (``demo:<key>``), so a re-seed adds only what is
missing, and the texts are original. Addresses are reserved example domains.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from campaigns.comments.posting import held_reason_for
from campaigns.invalidation import comments_changed
from campaigns.models.comments import Comment, CommentPolicy, CommentStatus
from home.demo.announcements_2022 import REFERENCE
from home.demo.announcements_2023_2026 import MODEL_WORKER_2026
from home.demo.sub_portal import CAMPAIGN_DATE as SUB_PORTAL_DATE
from home.demo.sub_portal import CAMPAIGN_SLUG as SUB_PORTAL_CAMPAIGN
from home.demo.video_stories import MODEL_VILLAGE

#: Banned words the demo's comment policy starts with, when it has none.
BANNED_WORDS = ("vay nóng", "cá độ", "lừa đảo")
#: Username of the demo moderator (created in DEBUG only).
MODERATOR_USERNAME = "moderator"

APPROVED = CommentStatus.APPROVED
PENDING = CommentStatus.PENDING
REJECTED = CommentStatus.REJECTED
SPAM = CommentStatus.SPAM


@dataclass(frozen=True)
class DemoComment:
    key: str
    #: Slug of the Vietnamese page; ``english`` puts it on that page's English edition.
    page: str
    page_date: date
    name: str
    title: str
    content: str
    status: str = APPROVED
    #: Days after the page's date (moderated comments) …
    days_after: int = 1
    #: … or hours before the seed run (pending ones, fresh in the queue).
    hours_ago: int | None = None
    reply: str = ""
    email: str = ""
    moderation_note: str = ""
    #: Banned words it contains (held for review).
    held: tuple[str, ...] = ()
    english: bool = False


COMMENTS = (
    # --- “Lao động giỏi, Lao động sáng tạo” 2022 (the reference campaign) ---------
    DemoComment(
        key="ldg22-dang-ky",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Nguyễn Văn Hùng",
        title="Đăng ký sáng kiến ở đâu?",
        content=(
            "Tôi làm thợ cơ khí ở một xưởng trong khu công nghiệp. Tổ chúng tôi vừa "
            "cải tiến đồ gá, rút ngắn gần một nửa thời gian gia công mỗi chi tiết. "
            "Xin hỏi người lao động muốn đăng ký sáng kiến theo phong trào năm nay "
            "thì nộp hồ sơ ở đâu?"
        ),
        days_after=2,
        reply=(
            "Cảm ơn anh đã quan tâm. Anh gửi bản mô tả sáng kiến cho công đoàn cơ sở "
            "nơi mình làm việc; công đoàn cơ sở tổng hợp và chuyển Liên đoàn Lao "
            "động tỉnh. Mẫu bản mô tả được đính kèm công văn phát động ở cuối bài."
        ),
    ),
    DemoComment(
        key="ldg22-lop-boi-duong",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Trần Thị Mai",
        title="Mong có thêm lớp bồi dưỡng buổi tối",
        content=(
            "Phong trào rất thiết thực với anh chị em công nhân. Đề nghị công đoàn "
            "phối hợp với các trường nghề mở thêm lớp bồi dưỡng tay nghề vào buổi "
            "tối, để người làm ca ngày cũng theo học được."
        ),
        days_after=3,
    ),
    DemoComment(
        key="ldg22-doanh-nghiep-tu-nhan",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Lò Văn Sáng",
        title="Doanh nghiệp chưa có công đoàn có được tham gia?",
        content=(
            "Công ty tôi là doanh nghiệp tư nhân nhỏ, chưa thành lập công đoàn. "
            "Người lao động như chúng tôi có được tham gia phong trào và được xét "
            "khen thưởng không?"
        ),
        days_after=5,
        reply=(
            "Phong trào được phát động đến mọi cơ quan, đơn vị và doanh nghiệp trên "
            "địa bàn tỉnh, không phân biệt loại hình. Nơi chưa có công đoàn cơ sở, "
            "người lao động liên hệ Liên đoàn Lao động cấp huyện để được hướng dẫn "
            "đăng ký và xét khen thưởng."
        ),
    ),
    DemoComment(
        key="ldg22-cong-khai",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Phạm Đức Anh",
        title="Nên đăng danh sách sáng kiến được công nhận",
        content=(
            "Sau mỗi đợt xét duyệt, đề nghị đăng danh sách sáng kiến được công nhận "
            "lên Cổng thông tin, kèm tóm tắt cách làm, để các đơn vị khác tham khảo "
            "và áp dụng."
        ),
        days_after=8,
    ),
    DemoComment(
        key="ldg22-thoi-han",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Hoàng Thị Lan",
        title="Hạn cuối nộp hồ sơ",
        content=(
            "Cho tôi hỏi hồ sơ sáng kiến còn được nhận đến ngày nào, và bao giờ thì "
            "có kết quả xét duyệt?"
        ),
        status=PENDING,
        hours_ago=5,
        email="hoang.lan@example.com",
    ),
    DemoComment(
        key="ldg22-mao-danh",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Vũ Minh Tuấn",
        title="Cảnh giác tin nhắn mạo danh công đoàn",
        content=(
            "Mấy hôm nay có số điện thoại lạ nhắn tin tự xưng cán bộ công đoàn, đòi "
            "nộp phí để được xét thi đua. Đây là lừa đảo, mong cơ quan chức năng "
            "sớm cảnh báo để mọi người không mất tiền."
        ),
        status=PENDING,
        hours_ago=2,
        held=("lừa đảo",),
    ),
    DemoComment(
        key="ldg22-ngoai-chu-de",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Bạn đọc",
        title="Đường tổ dân phố bị ngập",
        content=(
            "Đoạn đường trước nhà tôi cứ mưa to là ngập, đã lâu chưa thấy ai xử lý."
        ),
        status=REJECTED,
        days_after=9,
        moderation_note=(
            "Không thuộc nội dung bài viết; đề nghị bạn đọc gửi qua hệ thống tiếp "
            "nhận phản ánh, kiến nghị của tỉnh."
        ),
    ),
    DemoComment(
        key="ldg22-quang-cao",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        name="Tài chính 24h",
        title="Vay nóng online, duyệt trong 5 phút",
        content=(
            "Vay nóng không cần thế chấp, giải ngân trong ngày, lãi suất thấp. "
            "Đăng ký ngay tại https://vay-nhanh.example.com"
        ),
        status=SPAM,
        days_after=4,
        moderation_note="Quảng cáo cho vay.",
        held=("vay nóng",),
    ),
    # --- “Lao động giỏi, Lao động sáng tạo” 2026 --------------------------------
    DemoComment(
        key="ldg26-don-vi-nho",
        page=MODEL_WORKER_2026.slug,
        page_date=MODEL_WORKER_2026.date,
        name="Đặng Quốc Bảo",
        title="Giải pháp số ở đơn vị chỉ có mười mấy người",
        content=(
            "Đơn vị tôi có 12 người, không có cán bộ chuyên về công nghệ thông tin. "
            "Chỉ tiêu mỗi đơn vị ít nhất một giải pháp số có áp dụng cho đơn vị nhỏ "
            "như chúng tôi không?"
        ),
        days_after=3,
        reply=(
            "Chỉ tiêu áp dụng cho mọi đơn vị, nhưng giải pháp số không cần lớn: "
            "chuyển sổ theo dõi giấy sang bảng tính dùng chung hay ký số văn bản "
            "đều được ghi nhận. Liên đoàn Lao động tỉnh sẽ tổ chức buổi hướng dẫn "
            "trực tuyến cho các đơn vị nhỏ trong tháng 4/2026."
        ),
    ),
    DemoComment(
        key="ldg26-tiet-kiem-dien",
        page=MODEL_WORKER_2026.slug,
        page_date=MODEL_WORKER_2026.date,
        name="Nguyễn Thu Trang",
        title="Tiết kiệm điện cũng là sáng tạo",
        content=(
            "Tổ chúng tôi thay toàn bộ đèn xưởng bằng đèn LED và hẹn giờ tắt máy nén "
            "khí lúc nghỉ ca, mỗi tháng giảm gần một phần năm tiền điện. Rất mừng vì "
            "năm nay phong trào ghi nhận cả những việc như thế."
        ),
        days_after=6,
    ),
    DemoComment(
        key="ldg26-the-le",
        page=MODEL_WORKER_2026.slug,
        page_date=MODEL_WORKER_2026.date,
        name="Bùi Văn Khánh",
        title="Thể lệ hội thi có gì mới?",
        content=(
            "Thể lệ hội thi sáng kiến năm 2026 có khác năm 2023 không? Nhóm chúng "
            "tôi ba người muốn đăng ký chung một sáng kiến."
        ),
        status=PENDING,
        hours_ago=1,
        email="bui.khanh@example.org",
    ),
    # --- Video story: two years of building a model village --------------------
    DemoComment(
        key="thon-kieu-mau-thu-tuc",
        page=MODEL_VILLAGE.slug,
        page_date=MODEL_VILLAGE.date,
        name="Sùng A Páo",
        title="Thôn tôi cũng muốn làm đường như vậy",
        content=(
            "Xem phóng sự thấy rất phấn khởi. Thôn tôi ở vùng cao cũng muốn làm "
            "đường bê tông theo cách Nhà nước hỗ trợ xi măng, dân góp công. Xin hỏi "
            "phải đăng ký thế nào?"
        ),
        days_after=2,
        reply=(
            "Thôn họp dân thống nhất, lập danh sách các hộ tham gia rồi gửi đề xuất "
            "lên Ủy ban nhân dân xã. Xi măng được hỗ trợ theo chương trình xây dựng "
            "nông thôn mới; cán bộ xã sẽ hướng dẫn khối lượng và thời gian cấp."
        ),
    ),
    DemoComment(
        key="thon-kieu-mau-cam-on",
        page=MODEL_VILLAGE.slug,
        page_date=MODEL_VILLAGE.date,
        name="Lý Thị Dung",
        title="Cảm ơn các hộ đã hiến đất",
        content=(
            "Đường rộng, tối có đèn nên bọn trẻ đi học về an toàn hơn nhiều. Cảm ơn "
            "những gia đình đã hiến đất, dỡ hàng rào để mở đường cho cả thôn."
        ),
        days_after=4,
    ),
    # --- English edition of the reference campaign ------------------------------
    DemoComment(
        key="ldg22-en-foreign-invested",
        page=REFERENCE.slug,
        page_date=REFERENCE.date,
        english=True,
        name="Daniel Moore",
        title="Open to foreign-invested companies?",
        content=(
            "I work for a foreign-invested manufacturer in the province. Can our "
            "staff, Vietnamese and foreign, take part and submit initiatives?"
        ),
        days_after=6,
        reply=(
            "Yes. The movement is open to every agency and enterprise in the "
            "province, whatever its ownership. Staff submit initiatives through "
            "their company's trade union, or through the district labour "
            "federation where there is none."
        ),
    ),
    # --- The sub-portal's campaign (home.demo.sub_portal) ------------------------
    DemoComment(
        key="atld26-huan-luyen",
        page=SUB_PORTAL_CAMPAIGN,
        page_date=SUB_PORTAL_DATE,
        name="Lò Văn Sơn",
        title="Lớp huấn luyện cho thợ hồ tự do",
        content=(
            "Tôi làm thợ hồ theo công trình, không thuộc doanh nghiệp nào. Tháng "
            "hành động năm nay có lớp huấn luyện an toàn cho người như tôi không?"
        ),
        days_after=3,
        reply=(
            "Có. Sở mở các lớp miễn phí cho lao động tự do tại trung tâm dịch vụ "
            "việc làm của tỉnh vào các sáng thứ Bảy trong tháng 5; anh mang theo "
            "căn cước để đăng ký tại chỗ."
        ),
    ),
    DemoComment(
        key="atld26-duong-day-nong",
        page=SUB_PORTAL_CAMPAIGN,
        page_date=SUB_PORTAL_DATE,
        name="Hoàng Thị Mai",
        title="Đường dây nóng có nghe ngoài giờ không?",
        content=(
            "Xưởng chỗ tôi hay làm ca đêm. Nếu thấy nguy cơ mất an toàn lúc nửa đêm "
            "thì báo cho ai?"
        ),
        status=PENDING,
        hours_ago=5,
    ),
)


def ensure_demo_comments(summary=None) -> int:
    """Create the demo comments that are missing; returns how many were created.

    Pages that do not exist (or are not live) are skipped. ``summary`` is the
    seed's :class:`~home.demo.loader.Summary`, when there is one.
    """
    with transaction.atomic():
        _ensure_banned_words(summary)
        moderator = get_user_model().objects.filter(username=MODERATOR_USERNAME).first()
        existing = set(
            Comment.objects.filter(fingerprint__startswith="demo:").values_list(
                "fingerprint", flat=True
            )
        )
        created = []
        for spec in COMMENTS:
            fingerprint = f"demo:{spec.key}"
            if fingerprint in existing:
                if summary is not None:
                    summary.record("comments", False)
                continue
            page = _page(spec)
            if page is None:
                continue
            created.append(_create(spec, page, fingerprint, moderator))
            if summary is not None:
                summary.record("comments", True)
        if any(comment.status == APPROVED for comment in created):
            comments_changed(c.page_id for c in created if c.status == APPROVED)
    return len(created)


def _ensure_banned_words(summary) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    policy = CommentPolicy.for_site(site)
    missing = not policy.banned_words.strip()
    if missing:
        policy.banned_words = "\n".join(BANNED_WORDS)
        policy.save(update_fields=["banned_words"])
    if summary is not None:
        summary.record("comment policy", missing)


def _page(spec: DemoComment) -> Page | None:
    page = Page.objects.live().filter(slug=spec.page, locale__language_code="vi")
    page = page.first()
    if page is not None and spec.english:
        english = Locale.objects.filter(language_code="en").first()
        page = page.get_translation_or_none(english) if english else None
        if page is not None and not page.live:
            page = None
    return page


def _create(spec: DemoComment, page: Page, fingerprint: str, moderator) -> Comment:
    now = timezone.now()
    if spec.hours_ago is not None:
        created_at = now - timedelta(hours=spec.hours_ago)
    else:
        posted_on = spec.page_date + timedelta(days=spec.days_after)
        created_at = timezone.make_aware(datetime.combine(posted_on, time(9, 30)))
    moderated = spec.status != PENDING
    moderated_at = created_at + timedelta(hours=20) if moderated else None
    comment = Comment(
        page=page,
        locale_id=page.locale_id,
        name=spec.name,
        title=spec.title,
        content=spec.content,
        email=spec.email,
        status=spec.status,
        held_reason=held_reason_for(spec.held),
        created_at=created_at,
        moderated_by=moderator if moderated else None,
        moderated_at=moderated_at,
        moderation_note=spec.moderation_note,
        fingerprint=fingerprint,
    )
    if spec.reply:
        comment.reply = spec.reply
        comment.reply_by = moderator
        comment.reply_at = moderated_at
    comment.save()
    return comment
