"""Demo video stories (original Vietnamese texts on the old portal's "PS …" topics).

Six are public: five with a shipped clip, one with an external address. One
more is private (password) and one is an unpublished draft, for leak tests.
"""

from datetime import date, timedelta

from home.demo.body import key_facts, paragraph, quote
from home.demo.spec import DRAFT, PRIVATE
from home.demo.video_spec import VIDEO_EMBED_URL, ClipSpec, VideoStorySpec

TOURISM = VideoStorySpec(
    key="du-lich-nong-thon-moi",
    title="Du lịch cộng đồng tiếp sức cho nông thôn mới vùng cao",
    date=date(2022, 7, 14),
    lead=(
        "Nhà trình tường được sửa sang để đón khách, đường thôn được bê tông hóa "
        "và trồng hoa hai bên: ở nhiều thôn vùng cao, du lịch cộng đồng giúp bà "
        "con vừa tăng thu nhập, vừa hoàn thành các tiêu chí nông thôn mới."
    ),
    transcript=(
        "Buổi sáng ở thôn bắt đầu bằng tiếng gà gáy và làn sương mỏng trên ruộng "
        "bậc thang. Con đường vào thôn, vài năm trước còn lầy lội mỗi mùa mưa, nay "
        "đã được bê tông hóa, hai bên trồng đào và hoa dã quỳ.",
        "Từ khi thôn làm du lịch cộng đồng, nhiều gia đình sửa lại nhà trình "
        "tường, xây nhà vệ sinh khép kín và phân loại rác ngay tại nhà. Khách "
        "đến nghỉ lại, ăn cơm cùng chủ nhà, học thêu thổ cẩm và đi bộ ngắm ruộng.",
        "Theo cán bộ phụ trách nông thôn mới của xã, tiền thu từ dịch vụ lưu trú, "
        "ăn uống và dẫn khách đã giúp nhiều hộ có thêm thu nhập ổn định, đồng thời "
        "góp phần hoàn thành các tiêu chí về môi trường, văn hóa và giao thông.",
        "Bà con trong thôn cùng nhắc nhau một điều: giữ sạch đường làng, giữ nếp "
        "nhà truyền thống thì khách mới quay lại.",
    ),
    body=(
        paragraph(
            "Phóng sự ghi lại cách một thôn vùng cao gắn du lịch cộng đồng với xây "
            "dựng nông thôn mới: mỗi hộ nhận một phần việc, từ giữ vệ sinh đường "
            "làng đến đón khách nghỉ lại."
        ),
        key_facts(
            "Du lịch cộng đồng ở thôn",
            ("Hộ đón khách nghỉ lại", "12 hộ"),
            ("Dịch vụ", "Lưu trú, ẩm thực, dẫn đường, dạy thêu thổ cẩm"),
            ("Tiêu chí được hưởng lợi", "Giao thông, môi trường, văn hóa"),
        ),
    ),
    tags=("Nông thôn mới", "Du lịch", "Cộng đồng"),
    clip=ClipSpec(
        "du-lich-nong-thon-moi.mp4", 8.0, captions="du-lich-nong-thon-moi.vi.vtt"
    ),
)

MODEL_VILLAGE = VideoStorySpec(
    key="thon-kieu-mau",
    title="Hai năm xây dựng thôn kiểu mẫu: con đường do dân góp công",
    date=date(2023, 5, 10),
    lead=(
        "Không chờ vốn cấp trên, người dân một thôn vùng cao đã cùng nhau hiến "
        "đất, góp ngày công làm đường, sửa nhà văn hóa và thắp sáng đường thôn. "
        "Sau hai năm, thôn được công nhận đạt chuẩn thôn kiểu mẫu."
    ),
    transcript=(
        "Hai năm trước, bà con trong thôn họp và thống nhất đăng ký xây dựng thôn "
        "kiểu mẫu. Việc đầu tiên là mở rộng con đường chính, để xe chở nông sản "
        "vào được tận đầu ngõ.",
        "Nhiều hộ tự nguyện hiến đất, dỡ bớt hàng rào, góp ngày công trộn bê "
        "tông. Nhà nước hỗ trợ xi măng, bà con góp cát, sỏi và công lao động. "
        "Giờ đây, buổi tối đường thôn đã có đèn năng lượng mặt trời.",
        "Cùng với hạ tầng, thôn duy trì tổ tự quản vệ sinh môi trường, đội văn "
        "nghệ và hương ước mới. Những tiêu chí tưởng như khó nhất đã hoàn thành "
        "nhờ sự đồng lòng của từng hộ.",
    ),
    body=(
        paragraph(
            "Trong hai năm, thôn đã làm mới hơn hai cây số đường bê tông và lắp "
            "đèn chiếu sáng dọc đường chính, phần lớn bằng công sức của người dân."
        ),
        quote(
            "Nhà nào cũng góp một tay, nên con đường này là của cả thôn.",
            "Một hộ dân hiến đất làm đường",
        ),
    ),
    tags=("Thôn kiểu mẫu", "Nông thôn mới", "Cộng đồng"),
    clip=ClipSpec("thon-kieu-mau.mp4", 8.0, captions="thon-kieu-mau.vi.vtt"),
)

KEEP_CRITERIA = VideoStorySpec(
    key="giu-vung-tieu-chi",
    title="Giữ vững tiêu chí nông thôn mới sau ngày về đích",
    date=date(2024, 4, 18),
    lead=(
        "Đạt chuẩn nông thôn mới mới là bước khởi đầu. Phóng sự theo chân đoàn rà "
        "soát về một xã từng bị giảm tiêu chí môi trường và thu nhập, để thấy xã "
        "đã khắc phục ra sao."
    ),
    transcript=(
        "Sau khi về đích nông thôn mới, có nơi lơ là việc duy trì: rác ven đường "
        "ùn lại, nhà văn hóa thôn xuống cấp, thu nhập của người dân chưa tăng như "
        "kế hoạch.",
        "Khi đợt rà soát chỉ ra hai tiêu chí không còn đạt, xã lập tổ công tác, "
        "giao mỗi tiêu chí cho một cán bộ phụ trách và hẹn thời hạn khắc phục. "
        "Các thôn khôi phục buổi tổng vệ sinh vào sáng Chủ nhật cuối tháng.",
        "Xã cũng liên kết với hợp tác xã để bao tiêu chè và rau an toàn, giúp "
        "nhiều hộ có thu nhập ổn định hơn. Sau một năm, các tiêu chí bị giảm đã "
        "được khôi phục.",
    ),
    body=(
        paragraph(
            "Giữ chuẩn khó hơn đạt chuẩn: phóng sự ghi lại những việc cụ thể một "
            "xã đã làm trong năm sau đợt rà soát."
        ),
        key_facts(
            "Cách xã khắc phục",
            ("Tổ công tác", "Mỗi tiêu chí một cán bộ phụ trách"),
            ("Môi trường", "Tổng vệ sinh sáng Chủ nhật cuối tháng"),
            ("Thu nhập", "Liên kết tiêu thụ chè, rau an toàn"),
        ),
    ),
    tags=("Nông thôn mới", "Môi trường"),
    clip=ClipSpec("giu-vung-tieu-chi.mp4", 6.0),
)

HOUSEHOLD_ECONOMY = VideoStorySpec(
    key="kinh-te-ho",
    title="Phát triển kinh tế hộ, nền móng của nông thôn mới",
    date=date(2024, 10, 22),
    lead=(
        "Từ vườn cây ăn quả, ao cá đến chuồng trại được quy hoạch gọn gàng, nhiều "
        "hộ gia đình đã vươn lên khá giả và trở thành chỗ dựa để xã giữ vững tiêu "
        "chí thu nhập."
    ),
    transcript=(
        "Trên những sườn đồi trước đây chỉ trồng ngô một vụ, nhiều gia đình đã "
        "chuyển sang trồng lê, mận và chè theo hướng hữu cơ. Cây ngắn ngày trồng "
        "xen cho thu nhập trong lúc chờ cây ăn quả bói quả.",
        "Các hộ được tập huấn kỹ thuật, vay vốn ưu đãi và kết nối với hợp tác xã "
        "để bán sản phẩm. Chuồng trại được chuyển ra xa nhà ở, chất thải được ủ "
        "làm phân bón cho vườn.",
        "Khi kinh tế hộ vững vàng, người dân có điều kiện góp công làm đường, sửa "
        "nhà văn hóa và cho con em đi học đầy đủ: những việc gắn trực tiếp với "
        "các tiêu chí nông thôn mới.",
    ),
    body=(
        paragraph(
            "Video được đăng trên kênh của cổng thông tin; bản ghi lời đầy đủ ở "
            "ngay trên trang này."
        ),
        quote(
            "Trước lo cái ăn từng mùa, giờ tính được chuyện mở rộng vườn cho năm sau.",
            "Một chủ hộ trồng lê hữu cơ",
        ),
    ),
    tags=("Nông thôn mới", "Kinh tế nông nghiệp"),
    video_url=VIDEO_EMBED_URL,
    external_duration=timedelta(minutes=3, seconds=20),
)

OFFICIALS = VideoStorySpec(
    key="can-bo-dong-hanh",
    title="Cán bộ tỉnh về thôn, đồng hành cùng xã phấn đấu đạt chuẩn",
    date=date(2025, 5, 6),
    lead=(
        "Mỗi cán bộ lãnh đạo nhận phụ trách một xã còn nhiều khó khăn, định kỳ về "
        "thôn nghe dân nói, cùng tháo gỡ vướng mắc về vốn, giống cây trồng và mặt "
        "bằng làm đường."
    ),
    transcript=(
        "Thực hiện chủ trương mỗi cán bộ lãnh đạo phụ trách một xã, nhiều lãnh "
        "đạo sở, ngành đã về tận thôn để nắm tình hình xây dựng nông thôn mới.",
        "Tại các buổi đối thoại, người dân nêu những khó khăn cụ thể: thiếu vốn "
        "làm chuồng trại, cần giống chè mới, vài đoạn đường chưa có mặt bằng. "
        "Từng việc được ghi vào sổ, giao cho cơ quan phụ trách và hẹn ngày trả lời.",
        "Cán bộ không làm thay mà cùng làm: hướng dẫn lập phương án vay vốn, kết "
        "nối doanh nghiệp bao tiêu sản phẩm, vận động các hộ hiến đất. Nhờ vậy, "
        "xã rút ngắn được thời gian về đích.",
    ),
    body=(
        paragraph(
            "Phóng sự thuộc loạt bài hưởng ứng [[page:nong-thon-moi-2025|chiến "
            "dịch chung tay xây dựng nông thôn mới, thôn kiểu mẫu giai đoạn "
            "2025–2026]]."
        ),
        key_facts(
            "Cách làm",
            ("Phụ trách", "Mỗi cán bộ lãnh đạo một xã"),
            ("Đối thoại với dân", "Ít nhất mỗi quý một lần"),
            ("Theo dõi", "Sổ ghi việc, hẹn ngày trả lời"),
        ),
    ),
    tags=("Nông thôn mới", "Thôn kiểu mẫu", "Cán bộ cơ sở"),
    clip=ClipSpec("can-bo-dong-hanh.mp4", 6.0),
    campaign="nong-thon-moi-2025",
)

YOUNG_WORKERS = VideoStorySpec(
    key="sang-kien-cong-nhan-tre",
    title="Sáng kiến của công nhân trẻ trong phong trào thi đua năm 2026",
    date=date(2026, 3, 12),
    lead=(
        "Một nhóm công nhân trẻ tự thiết kế bộ gá kẹp giúp rút ngắn thời gian thay "
        "khuôn. Sáng kiến được áp dụng ngay tại xưởng và được đề nghị khen thưởng "
        "trong phong trào “Lao động giỏi, Lao động sáng tạo”."
    ),
    transcript=(
        "Mỗi lần thay khuôn, dây chuyền phải dừng gần bốn mươi phút. Nhóm công "
        "nhân trẻ của tổ sản xuất đã dành nhiều buổi tối để đo đạc, vẽ lại và "
        "thử nghiệm một bộ gá kẹp mới.",
        "Sau ba lần chế thử, bộ gá giúp thời gian thay khuôn còn khoảng mười lăm "
        "phút. Thao tác cũng an toàn hơn vì công nhân không phải nâng khuôn bằng "
        "tay.",
        "Công đoàn cơ sở đã hướng dẫn nhóm hoàn thiện hồ sơ sáng kiến để tham gia "
        "phong trào thi đua năm 2026, và ban giám đốc sẽ nhân rộng cách làm sang "
        "các tổ sản xuất khác.",
    ),
    body=(
        paragraph(
            "Phóng sự hưởng ứng [[page:lao-dong-gioi-2026|phong trào thi đua “Lao "
            "động giỏi, Lao động sáng tạo” năm 2026]]."
        ),
        quote(
            "Lúc đầu chỉ mong đỡ vất vả khi nâng khuôn, ai ngờ cả dây chuyền được lợi.",
            "Trưởng nhóm sáng kiến",
        ),
    ),
    tags=("Lao động sáng tạo", "Sáng kiến", "Thi đua"),
    clip=ClipSpec("sang-kien-cong-nhan-tre.mp4", 6.0),
    campaign="lao-dong-gioi-2026",
)

INTERNAL_REHEARSAL = VideoStorySpec(
    key="noi-bo-tong-duyet",
    title="Nội bộ: Tổng duyệt chương trình đón đoàn thẩm định nông thôn mới",
    date=date(2025, 9, 16),
    lead=(
        "Video nội bộ ghi lại buổi tổng duyệt của tổ công tác trước khi đoàn thẩm "
        "định về xã; chỉ cán bộ được giao nhiệm vụ mới xem được."
    ),
    transcript=(
        "Tổ công tác rà soát lần cuối hồ sơ từng tiêu chí và phân công người báo cáo.",
        "Các thôn kiểm tra lại đường giao thông, nhà văn hóa và điểm thu gom rác "
        "trước ngày đoàn về.",
    ),
    body=(
        paragraph("Tài liệu dùng trong nội bộ tổ công tác, không phát hành lại."),
        key_facts(
            "Lịch tổng duyệt",
            ("Thời gian", "8 giờ, thứ Hai"),
            ("Địa điểm", "Hội trường Ủy ban nhân dân xã"),
        ),
    ),
    tags=("Nông thôn mới", "Cải cách hành chính"),
    clip=ClipSpec("noi-bo-tong-duyet.mp4", 5.0, captions="noi-bo-tong-duyet.vi.vtt"),
    campaign="nong-thon-moi-2025",
    status=PRIVATE,
)

DRAFT_HARVEST = VideoStorySpec(
    key="ban-nhap-mua-lua",
    title="Bản nháp: Mùa lúa chín trên ruộng bậc thang",
    date=date(2026, 9, 20),
    lead=(
        "Bản nháp phóng sự về mùa lúa chín và các điểm đón khách du lịch cộng "
        "đồng; đang chờ biên tập, chưa xuất bản."
    ),
    transcript=(
        "Tháng Chín, ruộng bậc thang chuyển sang màu vàng óng, các thôn vào mùa "
        "gặt và cũng là mùa đón khách.",
        "Đoạn phỏng vấn chủ homestay sẽ được bổ sung sau khi biên tập.",
    ),
    body=(paragraph("Nội dung đang được biên tập."),),
    tags=("Du lịch", "Nông thôn mới"),
    clip=ClipSpec("ban-nhap-mua-lua.mp4", 5.0),
    campaign="nong-thon-moi-2025",
    status=DRAFT,
)
