from ingest.items import extract_items
from ingest.model import DocumentInfo, truncate_task_text
from tests.unit._texts import source

PLAN = """KẾ HOẠCH

Thực hiện nhiệm vụ năm 2026 của xã Hòa Bình

I. MỤC ĐÍCH, YÊU CẦU

1. Cụ thể hóa các nhiệm vụ của Nghị quyết.

II. NỘI DUNG

1. Về kinh tế

1.1. Các chỉ tiêu chủ yếu

- Chỉ tiêu 1: Thu ngân sách đạt 2,5 tỷ đồng.
- Chỉ tiêu 2:
+ Diện tích lúa chất lượng cao đạt 300 ha trở lên.
+ Duy trì 03 hợp tác xã hiện có.

1.2. Nhiệm vụ, giải pháp

(1) Xây dựng kế hoạch thu ngân sách năm 2026 (hoàn thành trong quý I/2026).
(2) Phát triển chăn nuôi an toàn sinh học.
(3) Kiểm tra việc quản lý đất đai.

1.3. Thời gian thực hiện: Trong năm 2026.
1.4. Cơ quan chủ trì thực hiện: Ủy ban nhân dân xã.
1.5. Cơ quan phối hợp thực hiện: Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ
chức chính trị - xã hội xã.

2. Về xây dựng Đảng

- Các nhiệm vụ, giải pháp:
(1) Học tập và làm theo tư tưởng Hồ Chí Minh.
(2) Kiểm tra, giám sát tổ chức đảng.
- Cơ quan chủ trì thực hiện:
+ Ban Xây dựng Đảng chủ trì thực hiện đối với nhiệm vụ, giải pháp số (1).
+ Ủy ban Kiểm tra Đảng ủy chủ trì thực hiện đối với nhiệm vụ, giải pháp số (2).

III. TỔ CHỨC THỰC HIỆN

1. Ủy ban nhân dân xã xây dựng kế hoạch cụ thể và báo cáo kết quả.
2. Giao Văn phòng Đảng ủy chủ trì, phối hợp các cơ quan, đơn vị tổng hợp báo cáo.
3. Ban Thường vụ Đảng ủy

- Định kỳ hằng quý, Ban Thường vụ Đảng ủy họp nghe báo cáo tiến độ.
- Chỉ đạo sơ kết giữa nhiệm kỳ.
"""


def items():
    indicators, tasks = extract_items(source(PLAN), DocumentInfo(kind="ke_hoach"))
    return {i.text: i for i in indicators}, {t.text: t for t in tasks}


def test_indicators_with_sub_items_and_targets():
    indicators, _ = items()
    assert set(indicators) == {
        "Thu ngân sách đạt 2,5 tỷ đồng.",
        "Diện tích lúa chất lượng cao đạt 300 ha trở lên.",
        "Duy trì 03 hợp tác xã hiện có.",
    }
    rice = indicators["Diện tích lúa chất lượng cao đạt 300 ha trở lên."]
    assert [(t.value, t.unit, t.comparator) for t in rice.targets] == [(300, "ha", ">=")]
    assert rice.lead == ["Ủy ban nhân dân xã"]


def test_section_lines_give_lead_partners_and_timing_and_own_deadline_wins():
    _, tasks = items()
    budget = tasks["Xây dựng kế hoạch thu ngân sách năm 2026 (hoàn thành trong quý I/2026)."]
    assert budget.lead == ["Ủy ban nhân dân xã"]
    assert budget.coordinating == [
        "Hội đồng nhân dân",
        "Ủy ban Mặt trận Tổ quốc",
        "các tổ chức chính trị - xã hội xã",
    ]
    assert budget.timing == "hoàn thành trong quý I/2026"
    assert tasks["Phát triển chăn nuôi an toàn sinh học."].timing == "Trong năm 2026."


def test_per_number_mapping_gives_each_task_its_lead():
    _, tasks = items()
    assert tasks["Học tập và làm theo tư tưởng Hồ Chí Minh."].lead == ["Ban Xây dựng Đảng"]
    assert tasks["Kiểm tra, giám sát tổ chức đảng."].lead == ["Ủy ban Kiểm tra Đảng ủy"]


def test_closing_section_assigns_duties_by_body_and_purposes_are_not_tasks():
    _, tasks = items()
    assert tasks["Ủy ban nhân dân xã xây dựng kế hoạch cụ thể và báo cáo kết quả."].lead == [
        "Ủy ban nhân dân xã"
    ]
    office = tasks["Giao Văn phòng Đảng ủy chủ trì, phối hợp các cơ quan, đơn vị tổng hợp báo cáo."]
    assert office.lead == ["Văn phòng Đảng ủy"]
    meeting = tasks["Định kỳ hằng quý, Ban Thường vụ Đảng ủy họp nghe báo cáo tiến độ."]
    assert (meeting.lead, meeting.timing) == (["Ban Thường vụ Đảng ủy"], "Định kỳ hằng quý")
    assert tasks["Chỉ đạo sơ kết giữa nhiệm kỳ."].lead == ["Ban Thường vụ Đảng ủy"]
    assert not any(text.startswith("Cụ thể hóa") for text in tasks)
    assert len(tasks) == 9


def test_every_item_records_its_span():
    text = source(PLAN)
    indicators, tasks = extract_items(text, DocumentInfo(kind="ke_hoach"))
    for item in [*indicators, *tasks]:
        assert item.span is not None
        assert text.text[item.span.start : item.span.end].startswith(item.text[:20])


def test_long_task_texts_are_cut_like_the_answer_keys():
    sentence = "Tăng cường công tác quản lý nhà nước về đất đai trên địa bàn xã. "
    text = sentence * 10
    cut = truncate_task_text(text)
    assert len(cut) <= 400 and cut.endswith("xã.") and text.startswith(cut)
    assert truncate_task_text("Ngắn gọn.") == "Ngắn gọn."


def test_a_guidance_letter_has_no_tasks():
    indicators, tasks = extract_items(source(PLAN), DocumentInfo(kind="cong_van"))
    assert indicators == [] and tasks == []


OWN_ASSIGNMENTS = """KẾ HOẠCH

I. NHIỆM VỤ, GIẢI PHÁP

1. Về văn hóa, xã hội

- Hỗ trợ xóa nhà tạm, nhà dột nát (Cơ quan chủ trì: Phòng Văn hóa - Xã hội; cơ quan phối
hợp: Ủy ban Mặt trận Tổ quốc Việt Nam xã, Công an xã).
- Giao Trưởng các thôn chủ trì tuyên truyền, vận động Nhân dân tham gia giữ gìn vệ sinh
môi trường, báo cáo kết quả về UBND xã.
- Nâng cao chất lượng khám, chữa bệnh tại trạm y tế.
- Thời gian thực hiện: Trong năm 2026.
- Cơ quan chủ trì thực hiện: Ủy ban nhân dân xã.
- Cơ quan phối hợp thực hiện: Hội Nông dân xã.
"""


def test_a_task_that_names_its_own_lead_overrides_the_section_lines():
    _, tasks = extract_items(source(OWN_ASSIGNMENTS), DocumentInfo(kind="ke_hoach"))
    by_start = {t.text[:12]: t for t in tasks}
    housing = by_start["Hỗ trợ xóa n"]
    assert housing.lead == ["Phòng Văn hóa - Xã hội"]
    assert housing.coordinating == ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Công an xã"]
    assert housing.timing == "Trong năm 2026."
    hamlets = by_start["Giao Trưởng "]
    assert (hamlets.lead, hamlets.coordinating) == (["Trưởng các thôn"], [])
    clinic = by_start["Nâng cao chấ"]
    assert (clinic.lead, clinic.coordinating) == (["Ủy ban nhân dân xã"], ["Hội Nông dân xã"])


def test_the_bodies_in_an_assigning_parenthesis_do_not_decide_the_field():
    _, tasks = extract_items(source(OWN_ASSIGNMENTS), DocumentInfo(kind="ke_hoach"))
    assert tasks[0].field == "society"


CLOSING_DUTIES = """KẾ HOẠCH

I. NHIỆM VỤ, GIẢI PHÁP

1. Phát triển kinh tế.

II. TỔ CHỨC THỰC HIỆN

1. Giao Phòng Kinh tế xã chủ trì, phối hợp Văn phòng HĐND và UBND xã định kỳ báo cáo kết quả.
Đồng thời, giao Phòng Kinh tế các nhiệm vụ cụ thể như sau:

- Cụ thể hoá các mục tiêu, nhiệm vụ bằng kế hoạch hằng năm.

- Tham mưu tổ chức sơ kết giữa nhiệm kỳ.

2. Trưởng ấp các ấp trên địa bàn xã

- Tổ chức tuyên truyền, quán triệt nội dung Nghị quyết đến Nhân dân trong ấp.
"""


def test_duties_given_in_a_closing_item_are_read_once_with_the_body_given_them():
    _, tasks = extract_items(source(CLOSING_DUTIES), DocumentInfo(kind="ke_hoach"))
    closing = [t for t in tasks if t.id.startswith("II.")]
    by_start = {t.text[:12]: t for t in closing}
    assert len(closing) == 4
    assert by_start["Cụ thể hoá c"].lead == ["Phòng Kinh tế"]
    assert by_start["Tham mưu tổ "].lead == ["Phòng Kinh tế"]
    assert by_start["Tổ chức tuyê"].lead == ["Trưởng ấp các ấp trên địa bàn xã"]
