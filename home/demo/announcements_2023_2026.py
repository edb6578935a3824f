"""Demo campaigns of 2023–2026, with the private and the draft page."""

from datetime import date

from home.demo.body import (
    call_to_action,
    document,
    heading,
    image,
    key_facts,
    paragraph,
    quote,
    table,
    video,
)
from home.demo.content import ImageSpec
from home.demo.spec import DRAFT, LDLD, PRIVATE, UBND, CampaignSpec

DIGITAL_2023 = CampaignSpec(
    key="chuyen-doi-so-2023",
    title="Tuyên truyền chuyển đổi số trong doanh nghiệp nhỏ và vừa năm 2023",
    date=date(2023, 3, 14),
    lead=(
        "Chiến dịch giới thiệu các nền tảng số miễn phí và hướng dẫn doanh nghiệp "
        "nhỏ và vừa dùng hóa đơn điện tử, chữ ký số, thương mại điện tử trong công "
        "việc hằng ngày."
    ),
    slogan="Doanh nghiệp số – Kinh tế số",
    period=(date(2023, 3, 15), date(2023, 10, 31)),
    issuing_bodies=(
        "Sở Thông tin và Truyền thông tỉnh Lào Cai",
        "Hiệp hội Doanh nghiệp tỉnh Lào Cai",
    ),
    dispatch_number="Số 356/STTTT-CĐS",
    tags=("Chuyển đổi số", "Doanh nghiệp", "Lao động sáng tạo"),
    hero=ImageSpec(
        "chuyen-doi-so-2023",
        "Ảnh đại diện: chuyển đổi số trong doanh nghiệp nhỏ và vừa 2023",
        "Chủ cửa hàng dùng máy tính bảng để xuất hóa đơn điện tử cho khách.",
    ),
    hero_caption="Hóa đơn điện tử giúp cửa hàng nhỏ tiết kiệm thời gian.",
    body=(
        paragraph(
            "Nhiều doanh nghiệp nhỏ vẫn quản lý sổ sách bằng giấy. Chiến dịch năm "
            "2023 đưa cán bộ kỹ thuật tới tận nơi, hướng dẫn từng bước chuyển sang "
            "công cụ số."
        ),
        heading("Lịch tập huấn"),
        table(
            "Lịch tập huấn dự kiến",
            ["Thời gian", "Địa điểm", "Nội dung"],
            ["04/2023", "Trung tâm Hội nghị tỉnh", "Hóa đơn điện tử, chữ ký số"],
            ["06/2023", "Khu công nghiệp", "Quản lý kho và bán hàng trực tuyến"],
            ["09/2023", "Các huyện vùng cao", "Thanh toán không dùng tiền mặt"],
        ),
        paragraph(
            "Chiến dịch tiếp nối tinh thần của [[page:lao-dong-gioi-2022|phong trào "
            "“Lao động giỏi, Lao động sáng tạo”]]: mỗi người lao động là một hạt "
            "nhân đổi mới."
        ),
        call_to_action(
            "Đăng ký tham gia tập huấn",
            "Đăng ký",
            text="Doanh nghiệp đăng ký trực tuyến trên cổng dịch vụ công.",
            url="https://dichvucong.laocai.example.gov.vn/tap-huan-chuyen-doi-so",
        ),
    ),
)

INNOVATION_2023 = CampaignSpec(
    key="sang-kien-2023",
    title=(
        "Phát động hội thi sáng kiến cải tiến kỹ thuật trong công nhân lao động "
        "năm 2023"
    ),
    date=date(2023, 9, 12),
    lead=(
        "Hội thi tìm kiếm những giải pháp giúp tiết kiệm nguyên liệu, giảm chi phí "
        "và nâng cao an toàn; các sáng kiến đạt giải được hỗ trợ nhân rộng."
    ),
    slogan="Sáng kiến hôm nay, năng suất ngày mai",
    period=(date(2023, 9, 15), date(2024, 5, 31)),
    issuing_bodies=(LDLD, "Sở Khoa học và Công nghệ tỉnh Lào Cai"),
    dispatch_number="Số 602/LĐLĐ-TG",
    tags=("Sáng kiến", "Lao động sáng tạo", "Thi đua"),
    hero=ImageSpec(
        "sang-kien-2023",
        "Ảnh đại diện: hội thi sáng kiến cải tiến kỹ thuật 2023",
        "Bàn trưng bày các mô hình cơ khí nhỏ do công nhân tự chế tạo.",
    ),
    hero_caption="Một số mô hình sáng kiến dự hội thi.",
    body=(
        paragraph(
            "Hội thi mở cho mọi công nhân, viên chức, người lao động, cá nhân hoặc "
            "nhóm. Sáng kiến phải đã được áp dụng thử tại đơn vị."
        ),
        key_facts(
            "Cơ cấu giải thưởng",
            ("Giải nhất", "02 giải"),
            ("Giải nhì", "04 giải"),
            ("Giải ba", "06 giải"),
        ),
        image("hoi-thi-sang-kien-2023", "Thí sinh trình bày trước hội đồng."),
        quote(
            "Chúng tôi chỉ thay đổi thứ tự hai công đoạn, vậy mà mỗi ca tiết kiệm "
            "được gần một giờ.",
            "Một thí sinh đạt giải",
        ),
        document(
            "the-le-hoi-thi-sang-kien-2023",
            "Thể lệ hội thi",
            "Đối tượng, hồ sơ dự thi và tiêu chí chấm điểm.",
        ),
        call_to_action(
            "Ứng dụng công nghệ số vào sáng kiến",
            "Xem chiến dịch",
            page="chuyen-doi-so-2023",
        ),
    ),
)

DISASTER_2024 = CampaignSpec(
    key="thien-tai-2024",
    title=(
        "Tuyên truyền phòng, chống thiên tai và tìm kiếm cứu nạn mùa mưa lũ năm 2024"
    ),
    date=date(2024, 6, 4),
    lead=(
        "Trước mùa mưa lũ, tỉnh đẩy mạnh tuyên truyền kỹ năng nhận biết dấu hiệu "
        "sạt lở, lũ quét và cách di chuyển người, tài sản tới nơi an toàn."
    ),
    slogan="Chủ động phòng ngừa, ứng phó kịp thời",
    period=(date(2024, 6, 1), date(2024, 10, 31)),
    issuing_bodies=(
        UBND,
        "Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Lào Cai",
    ),
    dispatch_number="Số 2150/UBND-NLN",
    tags=("Phòng chống thiên tai", "Cộng đồng", "Môi trường"),
    hero=ImageSpec(
        "thien-tai-2024",
        "Ảnh đại diện: phòng, chống thiên tai mùa mưa lũ 2024",
        "Lực lượng xung kích mặc áo phao hướng dẫn người dân qua suối.",
    ),
    hero_caption="Diễn tập ứng phó lũ quét tại một xã vùng cao.",
    body=(
        paragraph(
            "Các xã vùng cao được yêu cầu rà soát khu dân cư ven suối, chân taluy và "
            "phương án sơ tán; mỗi thôn có một tổ xung kích trực trong mùa mưa."
        ),
        heading("Dấu hiệu cần sơ tán ngay"),
        key_facts(
            "Khi thấy những dấu hiệu này",
            ("Nước suối", "Đục bất thường, dâng nhanh, có cây trôi"),
            ("Sườn đồi", "Xuất hiện vết nứt, nước rỉ ra từ chân đồi"),
            ("Đường dây nóng", "112 – Tìm kiếm cứu nạn"),
        ),
        video("Phóng sự: diễn tập sơ tán dân khi có lũ quét."),
        table(
            "Cấp độ rủi ro do mưa lớn",
            ["Cấp độ", "Lượng mưa 24 giờ", "Hành động"],
            ["Cấp 1", "100 – 200 mm", "Theo dõi bản tin"],
            ["Cấp 2", "200 – 400 mm", "Chuẩn bị sơ tán"],
            ["Cấp 3", "trên 400 mm", "Sơ tán ngay"],
        ),
        call_to_action(
            "Nhận tin cảnh báo thiên tai",
            "Xem bản tin",
            url="https://laocai.example.gov.vn/canh-bao-thien-tai",
        ),
    ),
)

VILLAGES_2025 = CampaignSpec(
    key="nong-thon-moi-2025",
    title="Chung tay xây dựng nông thôn mới, thôn kiểu mẫu giai đoạn 2025–2026",
    date=date(2025, 3, 20),
    lead=(
        "Người dân góp công, góp đất làm đường, chỉnh trang nhà văn hóa và phân "
        "loại rác tại nguồn để thôn đạt chuẩn kiểu mẫu."
    ),
    slogan="Thôn sạch, đường đẹp, người dân đồng lòng",
    period=(date(2025, 4, 1), date(2026, 12, 31)),
    issuing_bodies=(UBND, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai"),
    dispatch_number="Số 987/UBND-NTM",
    tags=("Nông thôn mới", "Cộng đồng", "Thi đua"),
    hero=ImageSpec(
        "nong-thon-moi-2025",
        "Ảnh đại diện: xây dựng nông thôn mới, thôn kiểu mẫu 2025–2026",
        "Người dân cùng nhau trồng hoa dọc con đường vào thôn.",
    ),
    hero_caption="Người dân trồng hoa dọc đường vào thôn.",
    body=(
        paragraph(
            "Giai đoạn 2025–2026 tập trung vào các thôn vùng cao. Tiêu chí chi tiết "
            "có trong [[document:bo-tieu-chi-thon-kieu-mau|bộ tiêu chí thôn kiểu "
            "mẫu]]; kinh nghiệm ứng phó mưa lũ được rút ra từ [[page:thien-tai-2024|"
            "chiến dịch phòng, chống thiên tai năm 2024]]."
        ),
        image("thon-kieu-mau-2025", "Đường bê tông liên thôn vừa hoàn thành."),
        quote(
            "Con đường này do chính bà con góp công làm, nên ai cũng giữ gìn.",
            "Trưởng thôn",
        ),
        document("bo-tieu-chi-thon-kieu-mau"),
    ),
)

MODEL_WORKER_2026 = CampaignSpec(
    key="lao-dong-gioi-2026",
    title="Phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2026",
    date=date(2026, 2, 24),
    lead=(
        "Phong trào năm 2026 gắn thi đua với chuyển đổi số và tiết kiệm năng lượng, "
        "hướng tới người lao động trong các khu công nghiệp mới của tỉnh."
    ),
    slogan="Lao động giỏi, Lao động sáng tạo",
    period=(date(2026, 3, 1), date(2026, 12, 31)),
    issuing_bodies=(UBND, LDLD),
    dispatch_number="Số 415/UBND-VX",
    tags=("Thi đua", "Lao động sáng tạo", "Công đoàn", "Chuyển đổi số"),
    hero=ImageSpec(
        "lao-dong-gioi-2026",
        "Ảnh đại diện: phong trào “Lao động giỏi, Lao động sáng tạo” 2026",
        "Kỹ sư trẻ theo dõi dây chuyền tự động qua màn hình điều khiển.",
    ),
    hero_caption="Kỹ sư vận hành dây chuyền tự động tại khu công nghiệp.",
    body=(
        paragraph(
            "Bốn năm sau [[page:lao-dong-gioi-2022|lần phát động năm 2022]], phong "
            "trào trở lại với yêu cầu mới: mỗi đơn vị có ít nhất một giải pháp số "
            "được áp dụng trong năm."
        ),
        heading("Chỉ tiêu năm 2026"),
        key_facts(
            "Chỉ tiêu chính",
            ("Sáng kiến mới", "Ít nhất 400"),
            ("Giải pháp số được áp dụng", "Mỗi đơn vị ít nhất 01"),
            ("Sơ kết", "Tháng 7/2026"),
        ),
        call_to_action(
            "Tham gia hội thi sáng kiến",
            "Xem thể lệ",
            text="Thể lệ hội thi sáng kiến vẫn được áp dụng cho năm 2026.",
            page="sang-kien-2023",
        ),
    ),
)

INTERNAL_2025 = CampaignSpec(
    key="noi-bo-2025",
    title="Kế hoạch tuyên truyền nội bộ về cải cách hành chính năm 2025",
    date=date(2025, 8, 5),
    lead=(
        "Tài liệu dành cho cán bộ, công chức: lịch họp, phân công và nội dung "
        "tuyên truyền cải cách hành chính trong quý IV."
    ),
    slogan="Cải cách hành chính vì người dân",
    period=(date(2025, 10, 1), date(2025, 12, 31)),
    issuing_bodies=("Văn phòng Ủy ban nhân dân tỉnh Lào Cai",),
    dispatch_number="Số 77/VP-KSTT",
    tags=("Cải cách hành chính", "Công nhân viên chức"),
    hero=ImageSpec(
        "noi-bo-2025",
        "Ảnh đại diện: kế hoạch tuyên truyền nội bộ 2025",
        "Bàn họp với tài liệu và máy tính xách tay.",
    ),
    hero_caption="Tài liệu nội bộ, chỉ dành cho cán bộ, công chức.",
    body=(
        paragraph(
            "Trang này chỉ mở cho cán bộ, công chức có mật khẩu. Nội dung gồm phân "
            "công nhiệm vụ và lịch họp giao ban hằng tháng."
        ),
        key_facts("Lịch họp", ("Giao ban", "Thứ Hai đầu tháng, 8 giờ")),
    ),
    status=PRIVATE,
)

DRAFT_2026 = CampaignSpec(
    key="nhap-thang-cong-nhan-2026",
    title="Bản nháp: Kế hoạch tuyên truyền Tháng Công nhân năm 2026",
    date=date(2026, 4, 10),
    lead="Bản nháp chưa duyệt: các hoạt động chăm lo đời sống công nhân tháng 5.",
    slogan="Chăm lo đời sống công nhân",
    period=(date(2026, 5, 1), date(2026, 5, 31)),
    issuing_bodies=(LDLD,),
    dispatch_number="Số 120/LĐLĐ-NC",
    tags=("Công đoàn", "Thi đua"),
    hero=ImageSpec(
        "nhap-thang-cong-nhan-2026",
        "Ảnh đại diện: bản nháp Tháng Công nhân 2026",
        "Công nhân nhận quà hỗ trợ tại nhà văn hóa khu công nghiệp.",
    ),
    hero_caption="Ảnh minh họa, chờ thay ảnh chính thức.",
    body=(
        paragraph(
            "Bản nháp để biên tập viên hoàn thiện: danh sách hoạt động và kinh phí "
            "chưa được phê duyệt."
        ),
    ),
    status=DRAFT,
)

#: Campaigns of 2023–2026 (with the private and the draft one), oldest first.
CAMPAIGNS_2023_2026 = (
    DIGITAL_2023,
    INNOVATION_2023,
    DISASTER_2024,
    VILLAGES_2025,
    INTERNAL_2025,
    MODEL_WORKER_2026,
    DRAFT_2026,
)
