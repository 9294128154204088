from ingest.outline import parse_outline

TEXT = "\n".join(
    [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. NỘI DUNG",
        "1. Về kinh tế",
        "1.1. Các chỉ tiêu chủ yếu",
        "- Chỉ tiêu 1: Thu ngân sách 2 tỷ đồng.",
        "- Chỉ tiêu 2:",
        "+ Diện tích lúa 300 ha.",
        "+ Đàn bò 1.200 con.",
        "1.2. Nhiệm vụ, giải pháp",
        "(1) Xây dựng kế hoạch thu ngân sách.",
        "(2) Phát triển chăn nuôi.",
        "4. 1. Về xây dựng Đảng",
        "4.2.1. Về công tác xây dựng Đảng",
        "- Các nhiệm vụ, giải pháp:",
        "(1) Học tập nghị quyết.",
        "- Thời gian thực hiện: Trong năm 2026.",
        "4.2.1. Về xây dựng chính quyền",
        "(1) Nâng cao chất lượng kỳ họp.",
        "a) Chuẩn bị tài liệu.",
    ]
)


def paths(text):
    return {node.path: node for node in parse_outline(text).walk() if node.path}


def test_sections_and_items_get_answer_key_paths():
    found = paths(TEXT)
    assert found["II.1.2/(2)"].text == "Phát triển chăn nuôi."
    assert found["Chỉ tiêu 2/2"].text == "Đàn bò 1.200 con."
    assert found["Chỉ tiêu 1"].text == "Thu ngân sách 2 tỷ đồng."
    assert found["II.4.1"].text == "Về xây dựng Đảng"


def test_a_section_number_used_twice_gets_a_b_suffix():
    found = paths(TEXT)
    assert found["II.4.2.1"].text == "Về công tác xây dựng Đảng"
    assert found["II.4.2.1b"].text == "Về xây dựng chính quyền"
    assert found["II.4.2.1b/(1)"].text == "Nâng cao chất lượng kỳ họp."
    assert found["II.4.2.1b/(1)/a)"].text == "Chuẩn bị tài liệu."


def test_numbered_items_under_a_dash_label_stay_items_of_the_section():
    found = paths(TEXT)
    assert found["II.4.2.1/(1)"].text == "Học tập nghị quyết."
    assert found["II.4.2.1/-2"].text == "Thời gian thực hiện: Trong năm 2026."


def test_spans_point_at_the_item_text():
    root = parse_outline(TEXT)
    for node in root.walk():
        if node.path:
            assert TEXT[node.text_start : node.span.end] == node.text
