"""Reading PDF files: text without page furniture, tables as cells, scans and bad files refused."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from fpdf import FPDF

from ingest.errors import IngestError
from ingest.model import SourceText
from ingest.readers import read_source

LIMIT = 20 * 1024 * 1024
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Sentences from samples/01-ke-hoach-ubnd-xa-hoa-thuan.txt and samples/03-...-chuyen-doi-so.txt.
RUNNING_HEADER = "UBND XÃ HÒA THUẬN - Kế hoạch số 27/KH-UBND ngày 12/3/2026"
TITLE = "KẾ HOẠCH"
SUBJECT = (
    "Triển khai thực hiện Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện "
    "Nghị quyết Đại hội Đảng bộ tỉnh, nhiệm kỳ 2025 - 2030 trên địa bàn xã Hòa Thuận"
)
PAGES = [
    [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Đưa các mục tiêu của Nghị quyết Đại hội Đảng bộ tỉnh vào công việc hằng năm của xã, "
        "phân công rõ người, rõ việc, rõ thời hạn.",
        "2. Mỗi nhiệm vụ có cơ quan chủ trì, cơ quan phối hợp và sản phẩm cụ thể để theo dõi, "
        "đánh giá.",
    ],
    [
        "II. CHỈ TIÊU CHỦ YẾU",
        "1. Thu nhập bình quân đầu người đến năm 2030 đạt từ 95 triệu đồng trở lên.",
        "2. Tỷ lệ hộ nghèo đa chiều giảm bình quân 0,5%/năm.",
    ],
    [
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Chuyển đổi số và cải cách hành chính",
    ],
    [
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Giao Phòng Kinh tế xã chủ trì, phối hợp các ngành theo dõi, tổng hợp kết quả thực "
        "hiện Kế hoạch, báo cáo Ủy ban nhân dân xã định kỳ 6 tháng, năm.",
    ],
]
TABLE = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
    ["1", "Hoàn thiện hạ tầng số cấp xã", "Sở Khoa học và Công nghệ", "Quý III/2026"],
    ["2", "Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp xã", "Sở Nội vụ", "Năm 2026"],
]
AFTER_TABLE = "Sở Khoa học và Công nghệ theo dõi, tổng hợp và báo cáo Ủy ban nhân dân tỉnh."
LONG_PARAGRAPH = (
    "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã tuyên "
    "truyền, vận động Nhân dân tham gia thực hiện Kế hoạch, giữ gìn vệ sinh môi trường và "
    "duy trì phong trào toàn dân đoàn kết xây dựng đời sống văn hóa ở các ấp"
)


def unicode_font() -> Path:
    if not FONT.exists():
        pytest.fail(
            f"{FONT} is missing: install the fonts-dejavu-core package "
            "(scripts/test.sh does so when run as root)"
        )
    return FONT


class Plan(FPDF):
    """A4 pages with a running header and the page number in the footer."""

    header_text = RUNNING_HEADER

    def __init__(self) -> None:
        super().__init__(format="A4")
        self.add_font("DejaVu", "", str(unicode_font()))
        self.set_font("DejaVu", size=11)

    def header(self) -> None:
        if self.header_text:
            self.cell(0, 8, self.header_text, align="C", new_x="LMARGIN", new_y="NEXT")
            self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.cell(0, 8, str(self.page_no()), align="C")

    def paragraph(self, text: str) -> None:
        self.multi_cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        self.ln(3)


def write_plan(tmp_path: Path, name: str = "ke-hoach.pdf") -> Path:
    """Write a five-page plan: header, page numbers, a table, a paragraph across a page break."""
    pdf = Plan()
    for number, paragraphs in enumerate(PAGES):
        pdf.add_page()
        if number == 0:
            pdf.paragraph(TITLE)
            pdf.paragraph(SUBJECT)
        for text in paragraphs:
            pdf.paragraph(text)
        if number == 2:
            with pdf.table(first_row_as_headings=False, col_widths=(10, 70, 50, 30)) as table:
                for row in TABLE:
                    cells = table.row()
                    for text in row:
                        cells.cell(text)
            pdf.ln(3)
            pdf.paragraph(AFTER_TABLE)
    pdf.set_y(pdf.h - 35)
    pdf.paragraph(LONG_PARAGRAPH + ".")
    path = tmp_path / name
    pdf.output(str(path))
    return path


@pytest.fixture
def plan(tmp_path: Path) -> SourceText:
    return read_source(write_plan(tmp_path), max_bytes=LIMIT)


def test_the_text_comes_back_with_its_diacritics(plan: SourceText) -> None:
    lines = plan.text.split("\n")
    assert plan.text.startswith(TITLE)
    assert SUBJECT in plan.text
    for paragraphs in PAGES:
        for text in paragraphs:
            assert text in lines
    assert AFTER_TABLE in lines


def test_running_headers_and_page_numbers_are_gone(plan: SourceText) -> None:
    assert "Kế hoạch số 27/KH-UBND" not in plan.text
    assert not [line for line in plan.text.split("\n") if re.fullmatch(r"\s*\d+\s*", line)]


def test_a_paragraph_broken_by_a_page_break_is_whole_again(plan: SourceText) -> None:
    assert LONG_PARAGRAPH + "." in plan.text.split("\n")


def test_the_table_arrives_as_rows_of_cells_between_its_paragraphs(plan: SourceText) -> None:
    assert len(plan.tables) == 1
    table = plan.tables[0]
    assert [[cell.text for cell in row] for row in table.rows] == TABLE
    for row in table.rows:
        for cell in row:
            assert plan.text[cell.span.start : cell.span.end] == cell.text
    before = plan.text.index("1. Chuyển đổi số và cải cách hành chính")
    assert before < table.span.start < plan.text.index(AFTER_TABLE)
    assert plan.text.count("Hoàn thiện hạ tầng số cấp xã") == 1


def test_two_pages_lose_their_page_numbers_but_keep_a_repeated_line(tmp_path: Path) -> None:
    pdf = Plan()
    for text in PAGES[:2]:
        pdf.add_page()
        for paragraph in text:
            pdf.paragraph(paragraph)
    path = tmp_path / "two-pages.pdf"
    pdf.output(str(path))
    source = read_source(path, max_bytes=LIMIT)
    assert source.text.count(RUNNING_HEADER) == 2
    assert "I. MỤC ĐÍCH, YÊU CẦU" in source.text
    assert not re.search(r"^\d+$", source.text, re.MULTILINE)


class Appendices(Plan):
    """Pages whose header names the current appendix and carries the page number."""

    def header(self) -> None:
        page = self.page_no()
        if page <= 3:
            self.header_text = f"Phụ lục I. Danh mục nhiệm vụ - trang {page}"
        elif page <= 6:
            self.header_text = f"Phụ lục II. Chỉ tiêu chủ yếu - trang {page}"
        else:
            self.header_text = ""
        super().header()


def test_a_chapter_header_with_its_page_number_goes_but_numbered_titles_stay(
    tmp_path: Path,
) -> None:
    pdf = Appendices()
    titles = {2: "Phụ lục 1", 5: "Phụ lục 2", 7: "Phụ lục 3"}
    lines = [text for paragraphs in PAGES for text in paragraphs]
    for page in range(1, 9):
        pdf.add_page()
        if page in titles:
            pdf.paragraph(titles[page])
        pdf.paragraph(lines[page])
    path = tmp_path / "appendices.pdf"
    pdf.output(str(path))
    source = read_source(path, max_bytes=LIMIT)
    assert "Danh mục nhiệm vụ" not in source.text
    assert "Chỉ tiêu chủ yếu - trang" not in source.text
    for title in titles.values():
        assert title in source.text.split("\n")
    for text in lines[1:9]:
        assert text in source.text


def test_a_scan_without_a_text_layer_is_refused(tmp_path: Path) -> None:
    from PIL import Image

    image = tmp_path / "page.png"
    Image.new("L", (200, 280), color=200).save(image)
    pdf = FPDF(format="A4")
    for _ in range(2):
        pdf.add_page()
        pdf.image(str(image), x=10, y=10, w=190)
        pdf.rect(20, 250, 170, 20)
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(IngestError) as caught:
        read_source(path, max_bytes=LIMIT)
    assert str(caught.value) == f"{path}: no text layer (a scanned PDF?): run OCR on it first"


def test_a_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    pdf = Plan()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.paragraph(TITLE)
    path = tmp_path / "locked.pdf"
    pdf.output(str(path))
    with pytest.raises(IngestError, match="password-protected PDF"):
        read_source(path, max_bytes=LIMIT)


def test_a_pdf_locked_only_by_an_owner_password_reads(tmp_path: Path) -> None:
    pdf = Plan()
    pdf.set_encryption(owner_password="chu-so-huu")
    pdf.add_page()
    pdf.paragraph(SUBJECT)
    path = tmp_path / "owner-only.pdf"
    pdf.output(str(path))
    assert SUBJECT in read_source(path, max_bytes=LIMIT).text


def test_too_many_pages_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.readers.pdf

    monkeypatch.setattr(ingest.readers.pdf, "MAX_PAGES", 3)
    path = write_plan(tmp_path)
    with pytest.raises(IngestError, match="more than 3 pages"):
        read_source(path, max_bytes=LIMIT)


@pytest.mark.parametrize(
    ("cut", "problem"),
    [
        pytest.param(lambda data: data[: len(data) * 6 // 10], "truncated", id="truncated"),
        pytest.param(
            lambda data: data[:2000] + random.Random(5).randbytes(len(data) - 2500) + data[-500:],
            "not a readable PDF file",
            id="garbled",
        ),
        pytest.param(
            lambda data: random.Random(9).randbytes(5000), "not a readable PDF file", id="noise"
        ),
        pytest.param(lambda data: b"%PDF-1.7\n%%EOF\n", "not a readable PDF file", id="hollow"),
    ],
)
def test_corrupt_pdfs_are_refused_in_one_line(tmp_path: Path, cut, problem: str) -> None:
    data = cut(write_plan(tmp_path).read_bytes())
    path = tmp_path / "hong.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        read_source(path, max_bytes=LIMIT)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message
