from ingest.metadata import extract_metadata
from ingest.references import extract_references
from tests.unit._texts import source

PLAN = """KẾ HOẠCH

Triển khai thực hiện Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025 - 2030 trên địa bàn xã Hòa Bình

Thực hiện Kế hoạch số 12/KH-UBND ngày 05 tháng 02 năm 2026 của UBND tỉnh Đồng Tháp về
triển khai nghị quyết;

I. MỤC ĐÍCH, YÊU CẦU

1. Cụ thể hóa Chương trình hành động số 04-CTr/TU ngày 01/12/2025 của Ban Chấp hành Đảng bộ tỉnh.

II. NHIỆM VỤ

- Thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị về khoa học công nghệ.
- Quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Đồng Tháp, nhiệm kỳ 2025 - 2030.
- Triển khai Nghị quyết của Ban Thường vụ Tỉnh ủy về phát triển du lịch cộng đồng giai
đoạn 2026 - 2030.
- Thực hiện Đề án số 06 và các nghị quyết Đại hội Đảng bộ các cấp.
- Nghiên cứu Kế hoạch triển khai Nghị quyết số 57-NQ/TW.
"""


def references():
    text = source(PLAN)
    return {(r.number or r.name): r for r in extract_references(text, extract_metadata(text))}


def test_numbered_references_carry_number_date_issuer_and_relation():
    found = references()
    plan = found["12/KH-UBND"]
    assert (plan.date, plan.issuer, plan.relation) == (
        "2026-02-05",
        "UBND tỉnh Đồng Tháp",
        "implements",
    )
    assert found["04-CTr/TU"].relation == "implements"
    science = found["57-NQ/TW"]
    assert (science.date, science.issuer, science.relation) == (
        "2024-12-22",
        "Bộ Chính trị",
        "cites",
    )


def test_a_congress_resolution_is_one_reference_implemented_through_the_title():
    congress = [r for r in references().values() if "Đại hội" in r.name]
    assert len(congress) == 1
    assert congress[0].relation == "implements"


def test_unnumbered_documents_need_a_body_and_a_subject():
    names = [r.name for r in references().values()]
    assert any(
        name.startswith("Nghị quyết của Ban Thường vụ Tỉnh ủy về phát triển du lịch")
        for name in names
    )
    assert not any("Đề án" in name or "các cấp" in name for name in names)
    assert len(references()) == 5


LISTED_PREAMBLE = "\n\n".join(
    [
        "KẾ HOẠCH",
        "Thực hiện nhiệm vụ năm 2026 trên địa bàn xã Hòa Bình",
        "Thực hiện Chương trình hành động số 19-CTr/TU ngày 01/2/2026 của Ban Chấp hành Đảng bộ "
        "tỉnh Điện Biên thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030; "
        "Chương trình hành động số 06-CTr/ĐU ngày 10/4/2026 của Ban Chấp hành Đảng bộ xã Hòa Bình "
        "về các nhiệm vụ trọng tâm nhiệm kỳ 2025 - 2030; Chương trình hành động của Ban Chấp hành "
        "Đảng bộ xã Hòa Bình về chuyển đổi số nhiệm kỳ 2025 - 2030,",
        "Xét đề nghị của Văn phòng, theo Kết luận số 69-KL/TW ngày 10/01/2024 của Bộ Chính trị "
        "về khoa học và công nghệ.",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Bảo đảm tiến độ.",
    ]
)


def test_later_documents_of_a_preamble_list_are_carried_out_too():
    text = source(LISTED_PREAMBLE)
    found = {(r.number or r.name): r for r in extract_references(text, extract_metadata(text))}
    assert found["19-CTr/TU"].relation == "implements"
    assert found["06-CTr/ĐU"].relation == "implements"
    unnumbered = next(r for key, r in found.items() if "chuyển đổi số" in key)
    assert unnumbered.relation == "implements"
    # A paragraph that does not open with a cue lists nothing carried out.
    assert found["69-KL/TW"].relation == "cites"
