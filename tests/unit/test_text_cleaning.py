from ingest.paragraphs import clean_text_run, join_wrapped_lines
from tests.unit._texts import source


def test_hard_wrapped_lines_are_joined_but_items_stay_apart():
    lines = [
        "- Tăng cường kiểm tra việc thực hiện kế hoạch phát triển kinh tế - xã hội của Ban ",
        "",
        "Chấp hành Đảng bộ xã về phát triển kinh tế trong năm 2026; bảo đảm tiến độ",
        "và chất lượng các công trình trọng điểm trên địa bàn xã như kế hoạch đã đề",
        "ra, gắn với trách nhiệm của người đứng đầu các cơ quan, đơn vị trên địa bàn",
        "xã và kết quả được báo cáo định kỳ về Ban Thường vụ Đảng ủy theo quy định.",
        "- Duy trì 04 hợp tác xã hiện có.",
    ]
    text = join_wrapped_lines([line.strip() for line in lines])
    assert text.split("\n") == [
        "- Tăng cường kiểm tra việc thực hiện kế hoạch phát triển kinh tế - xã hội của Ban"
        " Chấp hành Đảng bộ xã về phát triển kinh tế trong năm 2026; bảo đảm tiến độ và chất"
        " lượng các công trình trọng điểm trên địa bàn xã như kế hoạch đã đề ra, gắn với trách"
        " nhiệm của người đứng đầu các cơ quan, đơn vị trên địa bàn xã và kết quả được báo cáo"
        " định kỳ về Ban Thường vụ Đảng ủy theo quy định.",
        "- Duy trì 04 hợp tác xã hiện có.",
    ]


def test_blank_line_inside_a_sentence_is_joined_when_the_next_word_is_lowercase():
    text = join_wrapped_lines(["- Xây dựng phương pháp làm việc khoa học, hiệu", "", "quả."])
    assert text == "- Xây dựng phương pháp làm việc khoa học, hiệu quả."


def test_a_heading_is_not_glued_to_the_paragraph_under_it():
    text = join_wrapped_lines(["2. Hội đồng nhân dân xã", "", "Chỉ đạo cụ thể hóa mục tiêu."])
    assert text == "2. Hội đồng nhân dân xã\n\nChỉ đạo cụ thể hóa mục tiêu."


def test_page_numbers_and_footnotes_are_removed():
    raw = (
        "Dân số toàn xã đạt 12.500 người(1) theo số liệu thống kê.\n\n\n\n7 \n \n\n \n"
        "1 Theo dữ liệu dân cư là 13.000 người.\nTiếp theo là phần kế hoạch."
    )
    text = "\n".join(part for part in clean_text_run(raw) if isinstance(part, str))
    assert "(1)" not in text
    assert "Theo dữ liệu dân cư" not in text
    assert "\n7" not in text
    assert "12.500 người theo số liệu" in text


def test_repeated_page_headers_are_dropped_after_their_first_copy():
    header = [f"Dòng tiêu đề trang số {n} của văn bản" for n in range(1, 9)]
    body = []
    for page in range(3):
        body += [*header, "", f"Nội dung riêng của trang {page} được giữ lại.", ""]
    text = "\n".join(part for part in clean_text_run("\n".join(body)) if isinstance(part, str))
    assert text.count("Dòng tiêu đề trang số 1") == 1
    assert "Nội dung riêng của trang 2 được giữ lại." in text


FLAT_TABLE = """PHỤ LỤC
Số
TT

Tên công việc
Cơ quan
chủ trì

Cơ quan
phối hợp

Thời gian
thực hiện

Kết quả cần
đạt được
I CHỈ TIÊU CHỦ YẾU
1 Các chỉ tiêu xã hội

1.1

Tỷ lệ trường học đạt
chuẩn quốc gia đạt
80%.

Đảng ủy
UBND xã

Trường học;
Hội Khuyến
học xã

Thực hiện
thường xuyên

Theo chỉ tiêu
đề ra.

1.2
Tỷ lệ hộ nghèo giảm
bình quân 0,5%/năm.

Đảng ủy
UBND xã

Đảng ủy,
UBND các
thôn

Thực hiện
từ năm 2026

Theo chỉ tiêu
đề ra.
"""


def test_a_flattened_table_is_rebuilt_into_rows_and_columns():
    text = source(FLAT_TABLE)
    assert len(text.tables) == 1
    rows = [[cell.text for cell in row] for row in text.tables[0].rows]
    assert rows[0][:3] == ["Số TT", "Tên công việc", "Cơ quan chủ trì"]
    assert rows[3] == [
        "1.1",
        "Tỷ lệ trường học đạt chuẩn quốc gia đạt 80%.",
        "Đảng ủy UBND xã",
        "Trường học; Hội Khuyến học xã",
        "Thực hiện thường xuyên",
        "Theo chỉ tiêu đề ra.",
    ]
    cell = text.tables[0].rows[4][3]
    assert text.text[cell.span.start : cell.span.end] == "Đảng ủy, UBND các thôn"


def test_tone_placement_variants_fold_together_but_text_keeps_its_spelling():
    from vntext import fold_tone_placement

    text = source("Kế hoạch về thuỷ lợi và hoà giải ở cơ sở.")
    assert "thuỷ lợi" in text.text
    assert fold_tone_placement("thuỷ lợi, hoà giải") == fold_tone_placement("thủy lợi, hòa giải")
