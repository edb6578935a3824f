"""Demo campaigns of 2022 (original Vietnamese texts).

The 2022 "Lao động giỏi, Lao động sáng tạo" campaign is the benchmarks'
reference page: six paragraphs with two internal links, three images, one
attachment and four tags.
"""

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
from home.demo.spec import LDLD, UBND, CampaignSpec

REFERENCE = CampaignSpec(
    key="lao-dong-gioi-2022",
    title="Phát động phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2022",
    date=date(2022, 2, 22),
    lead=(
        "Ủy ban nhân dân tỉnh và Liên đoàn Lao động tỉnh Lào Cai cùng phát động "
        "phong trào thi đua “Lao động giỏi, Lao động sáng tạo” năm 2022, khuyến "
        "khích công nhân, viên chức, người lao động nâng cao tay nghề và đóng góp "
        "sáng kiến cho sự phát triển của tỉnh."
    ),
    slogan="Lao động giỏi, Lao động sáng tạo",
    period=(date(2022, 2, 22), date(2022, 12, 31)),
    issuing_bodies=(UBND, LDLD),
    dispatch_number="Số 1234/UBND-VX",
    tags=("Thi đua", "Lao động sáng tạo", "Công đoàn", "Công nhân viên chức"),
    hero=ImageSpec(
        "lao-dong-gioi-2022",
        "Ảnh đại diện: phong trào “Lao động giỏi, Lao động sáng tạo” 2022",
        "Băng rôn đỏ chữ vàng của phong trào thi đua treo trước cổng nhà máy.",
    ),
    hero_caption="Băng rôn hưởng ứng phong trào tại một doanh nghiệp trong tỉnh.",
    body=(
        paragraph(
            "Ngày 22/02/2022, Ủy ban nhân dân tỉnh Lào Cai ban hành công văn phát "
            "động phong trào thi đua “Lao động giỏi, Lao động sáng tạo” trong công "
            "nhân, viên chức, lao động toàn tỉnh. Phong trào do Ủy ban nhân dân tỉnh "
            "phối hợp với Liên đoàn Lao động tỉnh tổ chức, tiếp nối những kết quả "
            "đã được ghi nhận tại [[page:tong-ket-2021|hội nghị tổng kết năm 2021]]."
        ),
        image("le-phat-dong-2022", "Lễ phát động tại hội trường tỉnh."),
        heading("Ba mục tiêu của năm 2022"),
        paragraph(
            "Phong trào năm nay đặt ra ba mục tiêu: nâng cao năng suất và chất lượng "
            "công việc; khuyến khích người lao động học tập, nâng cao trình độ; "
            "đưa nhanh các sáng kiến cải tiến kỹ thuật vào sản xuất, kinh doanh."
        ),
        paragraph(
            "Mỗi cơ quan, đơn vị, doanh nghiệp xây dựng kế hoạch thi đua riêng, gắn "
            "với nhiệm vụ chính trị của mình, chú trọng chuyển đổi số trong quản lý "
            "và bảo đảm điều kiện làm việc an toàn cho người lao động."
        ),
        image("xuong-cai-tien-2022", "Tổ kỹ thuật bàn phương án cải tiến máy."),
        quote(
            "Một sáng kiến nhỏ được áp dụng đúng chỗ có thể tiết kiệm cho doanh "
            "nghiệp cả trăm giờ công mỗi năm.",
            "Đại diện Liên đoàn Lao động tỉnh",
        ),
        paragraph(
            "Công đoàn các cấp theo dõi, đôn đốc việc triển khai, sơ kết vào giữa năm "
            "và kịp thời khen thưởng tập thể, cá nhân tiêu biểu. Các điển hình tiên "
            "tiến được giới thiệu trên cổng thông tin để các đơn vị học tập."
        ),
        image("trao-giay-khen-2022", "Khen thưởng người lao động có sáng kiến."),
        paragraph(
            "Song song với phong trào, các đơn vị hưởng ứng [[page:an-toan-2022|"
            "Tháng hành động về an toàn, vệ sinh lao động năm 2022]], để người lao "
            "động yên tâm thi đua sản xuất."
        ),
        paragraph(
            "Ủy ban nhân dân tỉnh kêu gọi công nhân, viên chức, người lao động phát "
            "huy tinh thần đoàn kết, chủ động và sáng tạo, thi đua hoàn thành xuất "
            "sắc nhiệm vụ năm 2022."
        ),
        document(
            "lao-dong-gioi-2022-cong-van",
            "Toàn văn Công văn số 1234/UBND-VX",
            "Bản PDF công văn phát động phong trào thi đua năm 2022.",
        ),
    ),
)

RESULTS_2021 = CampaignSpec(
    key="tong-ket-2021",
    title=(
        "Tổng kết phong trào thi đua yêu nước năm 2021 trong công nhân, viên chức, "
        "lao động"
    ),
    date=date(2022, 1, 18),
    lead=(
        "Hội nghị tổng kết đánh giá kết quả nổi bật của phong trào thi đua năm "
        "2021 và biểu dương các tập thể, cá nhân tiêu biểu trong khối công nhân, "
        "viên chức, lao động toàn tỉnh."
    ),
    slogan="Đoàn kết, đổi mới, thi đua lập thành tích",
    period=(date(2021, 1, 1), date(2021, 12, 31)),
    issuing_bodies=(LDLD, "Ban Thi đua – Khen thưởng tỉnh Lào Cai"),
    dispatch_number="Số 45/LĐLĐ-TĐKT",
    tags=("Thi đua", "Công đoàn", "Khen thưởng"),
    hero=ImageSpec(
        "tong-ket-2021",
        "Ảnh đại diện: hội nghị tổng kết phong trào thi đua năm 2021",
        "Đại biểu ngồi kín hội trường, trên sân khấu là phông chữ hội nghị tổng kết.",
    ),
    hero_caption="Quang cảnh hội nghị tổng kết phong trào thi đua năm 2021.",
    body=(
        paragraph(
            "Năm 2021, dù chịu nhiều tác động của dịch bệnh, công nhân, viên chức, "
            "lao động trong tỉnh vẫn duy trì sản xuất, đăng ký hàng trăm sáng kiến "
            "và giữ vững việc làm, thu nhập."
        ),
        key_facts(
            "Kết quả năm 2021",
            ("Sáng kiến được công nhận", "312"),
            ("Tập thể được khen thưởng", "57"),
            ("Cá nhân được khen thưởng", "214"),
        ),
        table(
            "Khen thưởng theo khối",
            ["Khối", "Tập thể", "Cá nhân"],
            ["Doanh nghiệp", "31", "128"],
            ["Hành chính, sự nghiệp", "19", "64"],
            ["Giáo dục, y tế", "7", "22"],
        ),
        paragraph(
            "Hội nghị thống nhất tiếp tục phát động phong trào trong năm 2022, với "
            "trọng tâm là sáng kiến cải tiến kỹ thuật và an toàn lao động."
        ),
        call_to_action(
            "Phong trào thi đua năm 2022",
            "Xem nội dung phát động",
            text="Các mục tiêu và hình thức thi đua mới của năm 2022.",
            page="lao-dong-gioi-2022",
        ),
    ),
)

SAFETY_2022 = CampaignSpec(
    key="an-toan-2022",
    title="Hưởng ứng Tháng hành động về an toàn, vệ sinh lao động năm 2022",
    date=date(2022, 4, 26),
    lead=(
        "Doanh nghiệp, cơ quan, đơn vị trên địa bàn tỉnh tổ chức nhiều hoạt động "
        "thiết thực trong tháng 5, tập trung phòng ngừa tai nạn tại nơi làm việc "
        "và chăm lo sức khỏe người lao động."
    ),
    slogan="Tăng cường phòng ngừa tai nạn tại nơi làm việc",
    period=(date(2022, 5, 1), date(2022, 5, 31)),
    issuing_bodies=("Sở Lao động – Thương binh và Xã hội tỉnh Lào Cai", LDLD),
    dispatch_number="Số 812/SLĐTBXH-ATLĐ",
    tags=("An toàn lao động", "Công đoàn", "Công nhân viên chức"),
    hero=ImageSpec(
        "an-toan-2022",
        "Ảnh đại diện: Tháng hành động về an toàn, vệ sinh lao động 2022",
        "Công nhân đội mũ bảo hộ vàng, đeo dây an toàn khi làm việc trên giàn giáo.",
    ),
    hero_caption="Công nhân tuân thủ quy định bảo hộ khi làm việc trên cao.",
    body=(
        paragraph(
            "Trong tháng hành động, các doanh nghiệp rà soát nội quy, kiểm định "
            "thiết bị và tổ chức huấn luyện sơ cứu. Các đơn vị có thể dùng "
            "[[document:huong-dan-tu-kiem-tra-atvsld|bản hướng dẫn tự kiểm tra]] "
            "để chuẩn bị trước đợt kiểm tra liên ngành."
        ),
        key_facts(
            "Thông tin chính",
            ("Thời gian", "01/05 – 31/05/2022"),
            ("Đơn vị chủ trì", "Sở Lao động – Thương binh và Xã hội"),
            ("Đối tượng", "Doanh nghiệp, cơ quan, đơn vị trong tỉnh"),
        ),
        video("Phóng sự: diễn tập sơ cứu tại nơi làm việc."),
        document(
            "huong-dan-tu-kiem-tra-atvsld",
            description="Danh mục việc cần làm trước đợt kiểm tra liên ngành.",
        ),
        call_to_action(
            "Tra cứu quy định an toàn lao động",
            "Mở trang tra cứu",
            text="Văn bản pháp luật về an toàn, vệ sinh lao động đang có hiệu lực.",
            url="https://laocai.example.gov.vn/an-toan-lao-dong",
        ),
    ),
)

#: Campaigns of 2022, oldest first.
CAMPAIGNS_2022 = (RESULTS_2021, REFERENCE, SAFETY_2022)
