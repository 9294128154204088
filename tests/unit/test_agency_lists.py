from ingest.agency_lists import assigned_subject, split_agencies


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
