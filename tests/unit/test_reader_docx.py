"""Reading DOCX files: automatic numbering written out, tables as cells, bad files refused."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.text.paragraph import Paragraph

from ingest.errors import IngestError
from ingest.model import SourceText
from ingest.readers import read_source

LIMIT = 20 * 1024 * 1024

# Sentences from samples/01-ke-hoach-ubnd-xa-hoa-thuan.txt.
PURPOSE = "MỤC ĐÍCH, YÊU CẦU"
GOAL = (
    "Đưa các mục tiêu của Nghị quyết Đại hội Đảng bộ tỉnh vào công việc hằng năm của xã, "
    "phân công rõ người, rõ việc, rõ thời hạn."
)
ASSIGNMENT = (
    "Mỗi nhiệm vụ có cơ quan chủ trì, cơ quan phối hợp và sản phẩm cụ thể để theo dõi, đánh giá."
)
TASKS = "NHIỆM VỤ, GIẢI PHÁP"
FARMING = "Phát triển kinh tế nông nghiệp"
RICE = (
    "Xây dựng vùng trồng lúa chất lượng cao 300 ha gắn với liên kết tiêu thụ; hỗ trợ hợp tác "
    "xã đăng ký sản phẩm OCOP từ 3 sao trở lên."
)
LEAD = "Cơ quan chủ trì thực hiện: Phòng Kinh tế xã."
DIGITAL = "Chuyển đổi số và cải cách hành chính"
RECORDS = "Số hóa toàn bộ sổ hộ tịch và hồ sơ đất đai đang lưu trữ tại xã."
CULTURE = "Văn hóa - xã hội"
INCOME = "Thu nhập bình quân đầu người đến năm 2030 đạt từ 95 triệu đồng trở lên."
POVERTY = "Tỷ lệ hộ nghèo đa chiều giảm bình quân 0,5%/năm."
ONLINE = "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt 80% trở lên."

OUTLINE_ID, HEADINGS_ID, TARGETS_ID = 101, 102, 103


def _level(ilvl: int, number_format: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{number_format}"/>'
        f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def add_list(document: Document, num_id: int, levels: list[str]) -> None:
    """Add an abstract numbering definition with `levels` and a list instance `num_id`."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{num_id}">'
        f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{num_id}"/></w:num>'
        )
    )


def number(paragraph: Paragraph, num_id: int, ilvl: int = 0) -> Paragraph:
    """Attach automatic numbering (list `num_id`, level `ilvl`) to `paragraph`."""
    properties = paragraph._p.get_or_add_pPr()
    properties.append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return paragraph


def write_plan(tmp_path: Path) -> Path:
    """Write a DOCX plan with multi-level automatic numbering and a table with merged cells."""
    document = docx.Document()
    add_list(document, HEADINGS_ID, [_level(0, "upperRoman", "%1.")])
    add_list(
        document,
        OUTLINE_ID,
        [
            _level(0, "decimal", "%1."),
            _level(1, "decimal", "%1.%2."),
            _level(2, "bullet", "+"),
            _level(3, "lowerLetter", "%4)"),
        ],
    )
    add_list(document, TARGETS_ID, [_level(0, "decimal", "(%1)", start=3)])
    document.add_paragraph("KẾ HOẠCH")
    number(document.add_paragraph(PURPOSE), HEADINGS_ID)
    number(document.add_paragraph(GOAL), OUTLINE_ID)
    number(document.add_paragraph(ASSIGNMENT), OUTLINE_ID)
    number(document.add_paragraph(TASKS), HEADINGS_ID)
    number(document.add_paragraph(FARMING), OUTLINE_ID, 1)
    number(document.add_paragraph(RICE), OUTLINE_ID, 2)
    document.add_paragraph(LEAD)

    table = document.add_table(rows=4, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ["STT", "Nhiệm vụ", "Cơ quan chủ trì"], strict=True):
        cell.text = text
    table.cell(1, 0).text = "1"
    table.cell(1, 1).text = RECORDS
    table.cell(1, 1).add_paragraph("Thời gian: hoàn thành trong quý IV/2026.")
    table.cell(2, 0).text = "2"
    table.cell(2, 1).text = "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến."
    lead = table.cell(1, 2).merge(table.cell(2, 2))
    lead.text = "Văn phòng HĐND và UBND xã"
    footer = table.cell(3, 0).merge(table.cell(3, 2))
    footer.text = "Nguồn lực: ngân sách xã."

    number(document.add_paragraph(DIGITAL), OUTLINE_ID, 1)
    number(document.add_paragraph("Bồi dưỡng kỹ năng số"), OUTLINE_ID, 3)
    number(document.add_paragraph("Số hóa sổ hộ tịch"), OUTLINE_ID, 3)
    number(document.add_paragraph(CULTURE), OUTLINE_ID, 0)
    number(document.add_paragraph("Duy trì phong trào văn hóa ở các ấp."), OUTLINE_ID, 1)
    number(document.add_paragraph(INCOME), TARGETS_ID)
    number(document.add_paragraph(POVERTY), TARGETS_ID)
    document.add_paragraph(ONLINE, style="List Number")
    document.add_paragraph("Giữ gìn vệ sinh môi trường.", style="List Bullet")

    path = tmp_path / "ke-hoach.docx"
    document.save(str(path))
    return path


@pytest.fixture
def plan(tmp_path: Path) -> SourceText:
    return read_source(write_plan(tmp_path), max_bytes=LIMIT)


def paragraphs(source: SourceText) -> list[str]:
    return source.text.split("\n\n")


def test_automatic_numbers_are_written_as_word_shows_them(plan: SourceText) -> None:
    found = paragraphs(plan)
    expected = [
        f"I. {PURPOSE}",
        f"1. {GOAL}",
        f"2. {ASSIGNMENT}",
        f"II. {TASKS}",
        f"2.1. {FARMING}",
        f"+ {RICE}",
        f"2.2. {DIGITAL}",
        "a) Bồi dưỡng kỹ năng số",
        "b) Số hóa sổ hộ tịch",
        f"3. {CULTURE}",
        "3.1. Duy trì phong trào văn hóa ở các ấp.",
        f"(3) {INCOME}",
        f"(4) {POVERTY}",
    ]
    for paragraph in expected:
        assert paragraph in found, (paragraph, found)
    positions = [found.index(paragraph) for paragraph in expected]
    assert positions == sorted(positions)


def test_numbering_inherited_from_a_list_style_is_written_too(plan: SourceText) -> None:
    found = paragraphs(plan)
    assert f"1. {ONLINE}" in found
    assert "- Giữ gìn vệ sinh môi trường." in found


def test_paragraphs_without_numbering_are_left_as_written(plan: SourceText) -> None:
    found = paragraphs(plan)
    assert found[0] == "KẾ HOẠCH"
    assert LEAD in found


def test_the_table_arrives_as_rows_of_cells_in_document_order(plan: SourceText) -> None:
    assert len(plan.tables) == 1
    table = plan.tables[0]
    rows = [[cell.text for cell in row] for row in table.rows]
    assert rows == [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì"],
        ["1", f"{RECORDS} Thời gian: hoàn thành trong quý IV/2026.", "Văn phòng HĐND và UBND xã"],
        ["2", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.", ""],
        ["Nguồn lực: ngân sách xã."],
    ]
    for row in table.rows:
        for cell in row:
            assert plan.text[cell.span.start : cell.span.end] == cell.text
    assert plan.text.index(LEAD) < table.span.start < plan.text.index(DIGITAL)


def test_a_document_without_a_numbering_part_reads_without_numbers(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph(GOAL, style="List Number")
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            del part.rels[rel_id]
    path = tmp_path / "no-numbering.docx"
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        assert "word/numbering.xml" not in package.namelist()
    source = read_source(path, max_bytes=LIMIT)
    assert source.text == GOAL
    assert source.tables == ()


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return buffer.getvalue()


def _ole(*streams: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    directory = b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in streams)
    return header + directory


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        pytest.param(
            random.Random(3).randbytes(4096), "not a readable DOCX file", id="random-bytes"
        ),
        pytest.param(
            _zip({"[Content_Types].xml": b"<Types/>", "hello.txt": b"xin chao"}),
            "not a readable DOCX file",
            id="zip-without-document",
        ),
        pytest.param(
            _zip({"mimetype": b"application/vnd.oasis.opendocument.text"}),
            "not a readable DOCX file",
            id="odt-renamed",
        ),
        pytest.param(b"PK\x03\x04" + bytes(200), "not a readable DOCX file", id="truncated-zip"),
        pytest.param(
            _ole("Root Entry", "EncryptionInfo", "EncryptedPackage"),
            "password-protected",
            id="encrypted",
        ),
        pytest.param(_ole("Root Entry", "WordDocument"), "old Word .doc", id="word-97"),
    ],
)
def test_unreadable_docx_files_are_refused_in_one_line(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    path = tmp_path / "van-ban.docx"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        read_source(path, max_bytes=LIMIT)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert problem in message
    assert "\n" not in message


def test_a_docx_cut_short_is_refused(tmp_path: Path) -> None:
    whole = write_plan(tmp_path).read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(whole[: len(whole) * 6 // 10])
    with pytest.raises(IngestError, match="not a readable DOCX file"):
        read_source(path, max_bytes=LIMIT)
