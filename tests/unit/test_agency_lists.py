import pytest

from ingest.agency_lists import assigned_subject, split_agencies, stated_assignment


def test_lists_split_at_commas_and_semicolons_but_keep_names_with_commas():
    assert split_agencies(
        "Hội đồng nhân dân, Ủy ban Mặt trận Tổ quốc và các tổ chức chính trị - xã hội xã, "
        "các cơ quan tham mưu, giúp việc Đảng ủy."
    ) == [
        "Hội đồng nhân dân",
        "Ủy ban Mặt trận Tổ quốc",
        "các tổ chức chính trị - xã hội xã",
        "các cơ quan tham mưu, giúp việc Đảng ủy",
    ]


def test_a_shared_qualifier_is_given_to_each_body():
    assert split_agencies("Đảng ủy, UBND cấp xã") == ["Đảng ủy cấp xã", "UBND cấp xã"]
    assert split_agencies("Thống kê; Đảng ủy, UBND xã, phường, đặc khu") == [
        "Thống kê",
        "Đảng ủy xã, phường, đặc khu",
        "UBND xã, phường, đặc khu",
    ]


def test_single_bodies_named_with_va_stay_whole():
    assert split_agencies("Văn phòng HĐND và UBND xã") == ["Văn phòng HĐND và UBND xã"]
    assert split_agencies("Bộ Nông nghiệp và Môi trường") == ["Bộ Nông nghiệp và Môi trường"]


def test_duty_sentences_name_their_lead_and_partners():
    assert assigned_subject(
        "Giao Phòng Kinh tế xã chủ trì, phối hợp Văn phòng HĐND và UBND xã, các ngành có liên "
        "quan định kỳ báo cáo kết quả."
    ) == (["Phòng Kinh tế xã"], ["Văn phòng HĐND và UBND xã", "các ngành có liên quan"])
    assert assigned_subject(
        "Đề nghị Thường trực HĐND xã và các đại biểu HĐND xã tăng cường giám sát."
    ) == (["Thường trực HĐND xã", "các đại biểu HĐND xã"], [])
    assert assigned_subject(
        "Căn cứ kế hoạch này, các đảng ủy trực thuộc xây dựng chương trình cụ thể."
    ) == (["các đảng ủy trực thuộc"], [])
    assert assigned_subject("Tăng cường công tác tuyên truyền.") == ([], [])


@pytest.mark.parametrize(
    ("text", "lead", "coordinating"),
    [
        pytest.param(
            "Tập trung thu ngân sách (Cơ quan chủ trì: Phòng Kinh tế; cơ quan phối hợp: Ủy ban "
            "Mặt trận Tổ quốc Việt Nam xã, Công an xã).",
            ["Phòng Kinh tế"],
            ["Ủy ban Mặt trận Tổ quốc Việt Nam xã", "Công an xã"],
            id="labelled-parenthesis",
        ),
        pytest.param(
            "Tập trung thu ngân sách (chủ trì: Phòng Kinh tế; phối hợp: Công an xã).",
            ["Phòng Kinh tế"],
            ["Công an xã"],
            id="short-labels",
        ),
        pytest.param(
            "Tập trung thu ngân sách (Giao Phòng Kinh tế chủ trì, phối hợp Công an xã, "
            "Đoàn Thanh niên xã).",
            ["Phòng Kinh tế"],
            ["Công an xã", "Đoàn Thanh niên xã"],
            id="giao-in-parenthesis",
        ),
        pytest.param(
            "Tập trung thu ngân sách (Phòng Kinh tế chủ trì, Công an xã phối hợp).",
            ["Phòng Kinh tế"],
            ["Công an xã"],
            id="bodies-before-roles",
        ),
        pytest.param(
            "Giao Trưởng các thôn chủ trì tuyên truyền, vận động Nhân dân tham gia xây dựng "
            "nông thôn mới, báo cáo kết quả về UBND xã.",
            ["Trưởng các thôn"],
            [],
            id="task-opens-with-giao",
        ),
    ],
)
def test_a_task_states_its_own_lead_and_partners(text, lead, coordinating):
    found = stated_assignment(text)
    assert found is not None
    assert (found.lead, found.coordinating) == (lead, coordinating)


def test_a_parenthesis_that_assigns_nothing_is_not_read_as_an_assignment():
    assert stated_assignment("Phát triển giao thông nông thôn (chủ trì xây dựng mô hình).") is None
    assert stated_assignment("Giao thông nông thôn được đầu tư (hoàn thành năm 2027).") is None
    assert stated_assignment("Rà soát hồ sơ (hoàn thành trong quý I/2026).") is None


def test_the_assigning_parenthesis_is_located_and_may_carry_timing():
    text = "Rà soát hồ sơ (Đơn vị chủ trì: UBND xã; thời gian thực hiện: quý II/2026)."
    found = stated_assignment(text)
    assert found is not None and found.timing == "quý II/2026"
    assert text[found.start : found.end].startswith("(Đơn vị chủ trì")


def test_a_sentence_opening_with_to_chuc_as_a_verb_names_no_body():
    assert assigned_subject("Tổ chức tuyên truyền, quán triệt nội dung Nghị quyết.") == ([], [])
    assert assigned_subject("Tổ chức cơ sở đảng chủ động xây dựng kế hoạch.") == (
        ["Tổ chức cơ sở đảng"],
        [],
    )


def test_places_listed_after_a_colon_stay_in_the_body_name():
    assert split_agencies("Sở Xây dựng; Đảng ủy các xã, phường, đặc khu: Long Xuyên, Châu Đốc") == [
        "Sở Xây dựng",
        "Đảng ủy các xã, phường, đặc khu: Long Xuyên, Châu Đốc",
    ]
