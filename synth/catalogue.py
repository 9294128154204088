"""The vocabulary the generator writes with: programme topics and the tasks that realise them.

Every sentence here was written for the generator. Programme subject areas follow the
genre (marine economy, OCOP, civil defence ...); `{p}` stands for "tỉnh X" / "thành phố X".
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["FREE_TOPICS", "PROGRAMME_TOPICS", "Topic"]


@dataclass(frozen=True)
class Topic:
    """A subject a provincial programme covers and commune tasks can carry out.

    `titles` are wordings of the programme's title; `group` is the programme field of the
    gold schema; `field` the field of the tasks realising it; `phrases` are task clauses
    (lower-case, no final stop); `restriction` is None, "urban", "special" or "border".
    """

    key: str
    titles: tuple[str, ...]
    group: str | None
    field: str
    phrases: tuple[str, ...]
    restriction: str | None = None


_T = Topic
PROGRAMME_TOPICS: tuple[Topic, ...] = (
    _T(
        "marine",
        (
            "Đề án phát triển kinh tế biển của {p} gắn với bảo vệ chủ quyền biển, đảo.",
            "Đề án tập trung phát triển kinh tế biển xanh, bền vững.",
        ),
        "economy",
        "economy",
        (
            "phát triển kinh tế biển gắn với nuôi trồng, khai thác hải sản bền vững",
            "hỗ trợ ngư dân chuyển đổi nghề khai thác ven bờ sang dịch vụ biển",
            "quản lý chặt chẽ tàu cá, chống khai thác hải sản bất hợp pháp",
        ),
    ),
    _T(
        "transport",
        (
            "Đề án hoàn thiện kết cấu hạ tầng giao thông, logistics.",
            "Đề án nâng cấp hệ thống giao thông kết nối vùng và dịch vụ logistics.",
        ),
        "economy",
        "economy",
        (
            "đầu tư nâng cấp các tuyến đường giao thông nông thôn, cầu dân sinh",
            "phối hợp giải phóng mặt bằng các dự án giao thông trọng điểm đi qua địa bàn",
            "phát triển bến bãi, kho hàng phục vụ vận chuyển và logistics",
        ),
    ),
    _T(
        "digital",
        (
            "Đề án đột phá khoa học công nghệ, đổi mới sáng tạo và chuyển đổi số.",
            "Đề án chuyển đổi số toàn diện, phát triển chính quyền số của {p}.",
        ),
        "economy",
        "economy",
        (
            "đẩy mạnh chuyển đổi số, xây dựng chính quyền số, kinh tế số, xã hội số",
            "nâng cao tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
            "triển khai phong trào “Bình dân học vụ số”, phổ cập kỹ năng số cho người dân",
        ),
    ),
    _T(
        "talent",
        (
            "Đề án phát triển nguồn nhân lực chất lượng cao của {p} giai đoạn 2026 - 2030.",
            "Đề án đào tạo, thu hút nguồn nhân lực chất lượng cao.",
        ),
        "government_operation",
        "society",
        (
            "đào tạo nghề, nâng cao chất lượng nguồn nhân lực cho lao động nông thôn",
            "kết nối cung - cầu lao động, đào tạo nhân lực chất lượng cao theo nhu cầu doanh "
            "nghiệp",
        ),
    ),
    _T(
        "admin_index",
        (
            "Kế hoạch nâng cao các chỉ số cải cách hành chính và chỉ số hài lòng.",
            "Kế hoạch cải thiện thứ hạng chỉ số cải cách hành chính PAR INDEX.",
        ),
        "economy",
        "other",
        (
            "nâng cao chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính",
            "rà soát, đơn giản hóa thủ tục hành chính, công khai quy trình giải quyết hồ sơ",
        ),
    ),
    _T(
        "job_positions",
        (
            "Hoàn thiện vị trí việc làm, cơ cấu ngạch công chức, viên chức.",
            "Kế hoạch hoàn thiện vị trí việc làm trong các cơ quan, đơn vị.",
        ),
        "government_operation",
        "other",
        (
            "rà soát, hoàn thiện đề án vị trí việc làm của các cơ quan chuyên môn",
            "bố trí công chức đúng vị trí việc làm, gắn với tinh giản biên chế",
        ),
    ),
    _T(
        "planning",
        (
            "Điều chỉnh Quy hoạch {p} thời kỳ 2021 - 2030, tầm nhìn đến năm 2050.",
            "Kế hoạch triển khai Quy hoạch {p} sau điều chỉnh.",
        ),
        "economy",
        "economy",
        (
            "lập, điều chỉnh quy hoạch chung và quy hoạch chi tiết trên địa bàn",
            "công khai quy hoạch, quản lý chặt chẽ trật tự xây dựng theo quy hoạch",
        ),
    ),
    _T(
        "growth",
        (
            "Đề án nâng cao chất lượng tăng trưởng kinh tế hướng tới tăng trưởng hai con số.",
            "Đề án đổi mới mô hình tăng trưởng của {p} giai đoạn 2026 - 2030.",
        ),
        "economy",
        "economy",
        (
            "huy động mọi nguồn lực cho đầu tư phát triển, thúc đẩy tăng trưởng kinh tế",
            "đẩy nhanh giải ngân vốn đầu tư công, tháo gỡ vướng mắc cho các dự án",
        ),
    ),
    _T(
        "private",
        (
            "Đề án phát triển kinh tế tư nhân của {p}.",
            "Chương trình hỗ trợ phát triển kinh tế tư nhân và doanh nghiệp nhỏ và vừa.",
        ),
        "economy",
        "economy",
        (
            "hỗ trợ hộ kinh doanh chuyển đổi thành doanh nghiệp, tháo gỡ khó khăn cho doanh nghiệp",
            "cải thiện môi trường đầu tư kinh doanh, đối thoại định kỳ với doanh nghiệp",
        ),
    ),
    _T(
        "hitech_farming",
        (
            "Đề án phát triển nông nghiệp ứng dụng công nghệ cao gắn với chế biến.",
            "Đề án phát triển nông nghiệp sạch, hữu cơ, ứng dụng công nghệ cao.",
        ),
        "economy",
        "economy",
        (
            "phát triển vùng sản xuất nông nghiệp ứng dụng công nghệ cao, liên kết tiêu thụ",
            "chuyển đổi cơ cấu cây trồng, vật nuôi theo hướng hữu cơ, an toàn sinh học",
            "nhân rộng mô hình hợp tác xã nông nghiệp kiểu mới gắn với chuỗi giá trị",
        ),
    ),
    _T(
        "ocop",
        (
            "Chương trình mỗi xã một sản phẩm (OCOP) giai đoạn 2026 - 2030.",
            "Chương trình sản phẩm quốc gia, sản phẩm đặc trưng của tỉnh, mỗi xã một sản phẩm.",
        ),
        "economy",
        "economy",
        (
            "hỗ trợ các chủ thể hoàn thiện, nâng hạng sản phẩm OCOP",
            "xây dựng thương hiệu, quảng bá sản phẩm OCOP, sản phẩm đặc trưng của địa phương",
        ),
    ),
    _T(
        "industry",
        (
            "Đề án tái cơ cấu ngành công nghiệp giai đoạn 2026 - 2030.",
            "Đề án phát triển công nghiệp chế biến, chế tạo của {p}.",
        ),
        "economy",
        "economy",
        (
            "thu hút đầu tư vào cụm công nghiệp, phát triển tiểu thủ công nghiệp, làng nghề",
            "hỗ trợ cơ sở sản xuất đổi mới thiết bị, công nghệ chế biến",
        ),
    ),
    _T(
        "urban",
        ("Đề án phát triển các đô thị động lực",),
        "economy",
        "economy",
        (
            "chỉnh trang đô thị, phát triển hạ tầng đô thị động lực đồng bộ, hiện đại",
            "xây dựng tuyến phố văn minh đô thị, phát triển không gian đô thị xanh",
        ),
        restriction="urban",
    ),
    _T(
        "startup",
        (
            "Chương trình hỗ trợ khởi nghiệp đổi mới sáng tạo đến năm 2030.",
            "Chương trình thúc đẩy hệ sinh thái khởi nghiệp sáng tạo.",
        ),
        "economy",
        "economy",
        ("hỗ trợ thanh niên khởi nghiệp, hình thành ý tưởng, dự án khởi nghiệp sáng tạo",),
    ),
    _T(
        "tourism",
        (
            "Đề án phát triển du lịch {p} giai đoạn 2026 - 2030.",
            "Đề án phát triển du lịch cộng đồng, du lịch sinh thái.",
        ),
        "culture_society",
        "economy",
        (
            "phát triển du lịch cộng đồng, du lịch sinh thái, trải nghiệm nông nghiệp",
            "xây dựng điểm du lịch, tuyến du lịch gắn với di tích lịch sử, cảnh quan",
        ),
    ),
    _T(
        "tech_transfer",
        ("Chương trình hỗ trợ ứng dụng, chuyển giao công nghệ giai đoạn 2026 - 2030.",),
        "economy",
        "economy",
        ("ứng dụng tiến bộ khoa học kỹ thuật, chuyển giao công nghệ vào sản xuất",),
    ),
    _T(
        "environment",
        (
            "Đề án bảo vệ môi trường, thích ứng với biến đổi khí hậu.",
            "Đề án bảo vệ môi trường và phát triển bền vững của {p}.",
        ),
        "economy",
        "environment",
        (
            "thu gom, phân loại, xử lý chất thải rắn sinh hoạt tại nguồn",
            "chủ động phòng, chống thiên tai, ứng phó với biến đổi khí hậu, xâm nhập mặn",
            "trồng cây xanh, bảo vệ rừng, giữ gìn cảnh quan môi trường sáng - xanh - sạch - đẹp",
        ),
    ),
    _T(
        "digitise_assets",
        ("Đề án số hóa tài liệu, quản lý trụ sở, tài sản công sau sắp xếp.",),
        "government_operation",
        "other",
        (
            "số hóa hồ sơ, tài liệu lưu trữ của cơ quan hành chính",
            "sắp xếp, xử lý trụ sở, tài sản công dôi dư sau sắp xếp tổ chức bộ máy",
        ),
    ),
    _T(
        "heritage",
        (
            "Đề án bảo tồn, phát huy giá trị bản sắc văn hóa {p}.",
            "Đề án bảo tồn di sản văn hóa và bản sắc văn hóa các dân tộc.",
        ),
        "culture_society",
        "culture",
        (
            "bảo tồn, phát huy giá trị di tích, lễ hội truyền thống, bản sắc văn hóa các dân tộc",
            "xây dựng đời sống văn hóa cơ sở, phong trào “Toàn dân đoàn kết xây dựng đời sống "
            "văn hóa”",
        ),
    ),
    _T(
        "education",
        (
            "Đề án nâng cao chất lượng giáo dục và đào tạo.",
            "Đề án phát triển giáo dục, xây dựng trường đạt chuẩn quốc gia.",
        ),
        "culture_society",
        "society",
        (
            "đầu tư cơ sở vật chất trường học, xây dựng trường đạt chuẩn quốc gia",
            "nâng cao chất lượng dạy và học, duy trì phổ cập giáo dục các cấp",
        ),
    ),
    _T(
        "poverty",
        ("Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững.",),
        "culture_society",
        "society",
        (
            "thực hiện chính sách hỗ trợ hộ nghèo, hộ cận nghèo phát triển sinh kế",
            "đào tạo nghề, giải quyết việc làm, giảm nghèo đa chiều bền vững",
        ),
    ),
    _T(
        "defence_zone",
        ("Đề án xây dựng khu vực phòng thủ giai đoạn 2026 - 2030.",),
        "defense_security_foreign",
        "defense_security",
        ("xây dựng khu vực phòng thủ vững chắc, tổ chức diễn tập chiến đấu phòng thủ",),
    ),
    _T(
        "militia",
        ("Đề án xây dựng lực lượng dân quân tự vệ và Ban Chỉ huy Quân sự cấp xã.",),
        "defense_security_foreign",
        "defense_security",
        (
            "xây dựng lực lượng dân quân tự vệ vững mạnh, huấn luyện đạt yêu cầu",
            "bảo đảm trụ sở làm việc, chế độ chính sách cho Ban Chỉ huy Quân sự xã",
        ),
    ),
    _T(
        "civil_defence",
        ("Đề án phòng thủ dân sự giai đoạn 2026 - 2030.",),
        "defense_security_foreign",
        "defense_security",
        (
            "xây dựng phương án phòng thủ dân sự, ứng cứu sự cố, cứu hộ, cứu nạn theo phương "
            "châm “bốn tại chỗ”",
        ),
    ),
    _T(
        "border",
        (
            "Đề án bảo đảm an ninh trật tự khu vực biên giới.",
            "Đề án củng cố quốc phòng, an ninh các xã biên giới.",
        ),
        "defense_security_foreign",
        "defense_security",
        (
            "phối hợp bảo vệ chủ quyền, an ninh biên giới, quản lý mốc quốc giới",
            "xây dựng phong trào toàn dân tham gia tự quản đường biên, cột mốc",
        ),
        restriction="border",
    ),
    _T(
        "police",
        ("Chương trình hành động xây dựng lực lượng Công an nhân dân trong sạch, vững mạnh.",),
        "defense_security_foreign",
        "defense_security",
        ("xây dựng lực lượng Công an xã chính quy, tinh nhuệ, phòng, chống tội phạm và ma túy",),
    ),
    _T(
        "order_standard",
        ("Kế hoạch xây dựng xã, phường, đặc khu đạt chuẩn an ninh trật tự và văn minh đô thị.",),
        "defense_security_foreign",
        "defense_security",
        (
            "giữ vững an ninh trật tự, kiềm chế tai nạn giao thông, xây dựng địa bàn đạt chuẩn "
            "an toàn",
        ),
    ),
    _T(
        "foreign",
        ("Đề án đẩy mạnh hoạt động đối ngoại và hội nhập quốc tế.",),
        "defense_security_foreign",
        "other",
        ("mở rộng quan hệ hợp tác, giao lưu với các địa phương, xúc tiến đầu tư",),
    ),
    _T(
        "special_zone",
        ("Đề án phát triển đặc khu",),
        None,
        "economy",
        ("phát triển đặc khu theo cơ chế đặc thù, thu hút đầu tư du lịch, dịch vụ cao cấp",),
        restriction="special",
    ),
    _T(
        "social_housing",
        ("Đề án phát triển nhà ở xã hội giai đoạn 2026 - 2030.",),
        "culture_society",
        "society",
        ("hỗ trợ xóa nhà tạm, nhà dột nát, phát triển nhà ở xã hội cho người thu nhập thấp",),
    ),
    _T(
        "health_grassroots",
        ("Đề án nâng cao chất lượng y tế cơ sở.",),
        "culture_society",
        "society",
        ("nâng cao chất lượng khám, chữa bệnh tại trạm y tế, phát triển bảo hiểm y tế toàn dân",),
    ),
)
"""Topics a province can list as programmes; a province lists 29 of them."""

FREE_TOPICS: tuple[Topic, ...] = (
    _T(
        "budget",
        (),
        None,
        "economy",
        (
            "quản lý chặt chẽ nguồn thu, chống thất thu ngân sách, chi ngân sách tiết kiệm, hiệu "
            "quả",
            "xây dựng dự toán thu, chi ngân sách sát thực tế, công khai, minh bạch",
        ),
    ),
    _T(
        "party",
        (),
        None,
        "party_building",
        (
            "nâng cao chất lượng sinh hoạt chi bộ, kết nạp đảng viên mới",
            "thực hiện tốt công tác kiểm tra, giám sát, thi hành kỷ luật đảng",
            "đổi mới nội dung, phương thức hoạt động của Mặt trận Tổ quốc và các đoàn thể",
        ),
    ),
    _T(
        "justice",
        (),
        None,
        "other",
        (
            "phổ biến, giáo dục pháp luật, hòa giải ở cơ sở, xây dựng xã đạt chuẩn tiếp cận pháp "
            "luật",
            "thực hiện tốt công tác hộ tịch, chứng thực, trợ giúp pháp lý cho người dân",
        ),
    ),
    _T(
        "complaints",
        (),
        None,
        "party_building",
        ("tiếp công dân, giải quyết dứt điểm đơn thư khiếu nại, tố cáo ngay từ cơ sở",),
    ),
    _T(
        "sport",
        (),
        None,
        "culture",
        (
            "phát triển phong trào thể dục thể thao quần chúng, nâng cấp thiết chế văn hóa - thể "
            "thao",
        ),
    ),
    _T(
        "population",
        (),
        None,
        "society",
        ("thực hiện tốt công tác dân số, chăm sóc sức khỏe bà mẹ, trẻ em, người cao tuổi",),
    ),
)
"""Subjects of commune tasks that implement none of the programmes."""
