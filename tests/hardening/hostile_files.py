"""Hostile input files, written at test time: ZIP bombs, entity tricks, looping PDFs, bad text.

Each `HOSTILE` entry names a file, the function that writes it and what ingest must do with
it: refuse it with a message containing `problem`, or read it without harm ("read"), or
either. Files that try to pull in a local file point at `secret`, a file holding `SENTINEL`,
which must never reach the store.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx

__all__ = ["HOSTILE", "SENTINEL", "Hostile", "docx_bytes", "pdf_bytes", "write_secret"]

SENTINEL = "SENTINEL-7f3a9c-noi-dung-bi-mat"
"""The secret a local-file trick would leak; it must never appear in the store."""

TITLE = "KẾ HOẠCH"
SENTENCE = (
    "Ủy ban nhân dân xã xây dựng Kế hoạch triển khai thực hiện, với các nội dung cụ thể như sau"
)
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml"


def write_secret(folder: Path) -> Path:
    """Write the local file hostile inputs try to read; return its path."""
    secret = folder / "bi-mat.txt"
    secret.write_text(SENTINEL + "\n", encoding="utf-8")
    return secret


# --- DOCX -----------------------------------------------------------------------------------


def docx_bytes() -> bytes:
    """Return a small valid DOCX: a title and one sentence."""
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(SENTENCE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _rezip(
    base: bytes,
    replace: dict[str, bytes] | None = None,
    extra: list[tuple[str, bytes]] | None = None,
    level: int = 6,
) -> bytes:
    replace = replace or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target,
    ):
        for entry in source.infolist():
            target.writestr(entry.filename, replace.get(entry.filename, source.read(entry)))
        for name, data in extra or []:
            target.writestr(name, data)
    return out.getvalue()


def _document_xml(body: str, prolog: str = "") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n{prolog}'
        f"<w:document {_W}><w:body>{body}</w:body></w:document>"
    ).encode()


def _paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def _docx_zip_bomb(path: Path, _secret: Path) -> None:
    padding = "<w:p/>" * (150 * 1024 * 1024 // 6)
    body = _paragraph(TITLE) + padding + _paragraph(SENTENCE)
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": _document_xml(body)}, level=9))


def _docx_many_small_bombs(path: Path, _secret: Path) -> None:
    # Each part stays under the per-part floor; together they expand about 1000 times.
    filler = b" " * 1_000_000
    extra = [(f"word/media/filler{number}.xml", filler) for number in range(120)]
    path.write_bytes(_rezip(docx_bytes(), extra=extra, level=9))


def _docx_declared_huge(path: Path, _secret: Path) -> None:
    data = bytearray(docx_bytes())
    # Rewrite every central-directory record's uncompressed size to 600 MB.
    position = data.find(b"PK\x01\x02")
    while position != -1:
        struct.pack_into("<I", data, position + 24, 600 * 1024 * 1024)
        position = data.find(b"PK\x01\x02", position + 4)
    path.write_bytes(bytes(data))


def _billion_laughs() -> str:
    lines = ['<!ENTITY lol0 "ha ha ha ha ha ha ha ha ha ha">']
    for level in range(1, 10):
        refs = f"&lol{level - 1};" * 10
        lines.append(f'<!ENTITY lol{level} "{refs}">')
    return "<!DOCTYPE w:document [" + "".join(lines) + "]>"


def _docx_billion_laughs(path: Path, _secret: Path) -> None:
    xml = _document_xml(_paragraph(TITLE) + _paragraph("&lol9;"), _billion_laughs())
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _xxe_prolog(secret: Path) -> str:
    return f'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file://{secret}">]>'


def _docx_external_entity(path: Path, secret: Path) -> None:
    xml = _document_xml(_paragraph(TITLE) + _paragraph("&secret;"), _xxe_prolog(secret))
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _docx_external_entity_utf16(path: Path, secret: Path) -> None:
    text = _document_xml(_paragraph(TITLE) + _paragraph("&secret;"), _xxe_prolog(secret))
    xml = text.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _docx_entity_in_styles(path: Path, secret: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as package:
        styles = package.read("word/styles.xml").decode()
    head, _, rest = styles.partition("?>")
    poisoned = f"{head}?>{_xxe_prolog(secret).replace('w:document', 'w:styles')}{rest}"
    path.write_bytes(_rezip(docx_bytes(), {"word/styles.xml": poisoned.encode()}))


def _docx_entity_in_content_types(path: Path, secret: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as package:
        types = package.read("[Content_Types].xml").decode()
    head, _, rest = types.partition("?>")
    poisoned = f"{head}?>{_xxe_prolog(secret).replace('w:document', 'Types')}{rest}"
    path.write_bytes(_rezip(docx_bytes(), {"[Content_Types].xml": poisoned.encode()}))


def _docx_utf7(path: Path, _secret: Path) -> None:
    xml = (
        '<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE w:document+AD4-'
        f"<w:document {_W}><w:body>{_paragraph(TITLE)}</w:body></w:document>"
    ).encode()
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _docx_external_relationship(path: Path, secret: Path) -> None:
    # A linked (not embedded) image and a sub-document pointing at the local file: Word would
    # fetch them when showing the document; a reader must not.
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as package:
        rels = package.read("word/_rels/document.xml.rels").decode()
    link = (
        f'<Relationship Id="rIdSecret" TargetMode="External" Target="file://{secret}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/subDocument"/>'
        f'<Relationship Id="rIdImage" TargetMode="External" Target="file://{secret}" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"/>'
    )
    rels = rels.replace("</Relationships>", link + "</Relationships>")
    body = (
        _paragraph(TITLE) + _paragraph(SENTENCE) + '<w:p><w:subDoc r:id="rIdSecret" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></w:p>'
        + f'<w:p><w:r><w:fldSimple w:instr="INCLUDETEXT &quot;{secret}&quot;"/></w:r></w:p>'
    )
    path.write_bytes(
        _rezip(
            docx_bytes(),
            {
                "word/_rels/document.xml.rels": rels.encode(),
                "word/document.xml": _document_xml(body),
            },
        )
    )


def _docx_too_many_parts(path: Path, _secret: Path) -> None:
    extra = [(f"extra/item{number}.bin", b"") for number in range(12_000)]
    path.write_bytes(_rezip(docx_bytes(), extra=extra, level=1))


def _docx_thousands_of_parts(path: Path, _secret: Path) -> None:
    extra = [(f"extra/item{number}.xml", b"<a/>") for number in range(4_000)]
    path.write_bytes(_rezip(docx_bytes(), extra=extra, level=1))


def _docx_truncated(path: Path, _secret: Path) -> None:
    data = docx_bytes()
    path.write_bytes(data[: len(data) // 2])


def _docx_cut_central_directory(path: Path, _secret: Path) -> None:
    data = docx_bytes()
    path.write_bytes(data[: data.rfind(b"PK\x05\x06") - 40])


def _ole(*streams: str) -> bytes:
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
    return header + b"".join(name.encode("utf-16-le").ljust(128, b"\x00") for name in streams)


def _docx_encrypted(path: Path, _secret: Path) -> None:
    path.write_bytes(_ole("Root Entry", "EncryptionInfo", "EncryptedPackage") + bytes(4096))


def _docx_old_word(path: Path, _secret: Path) -> None:
    path.write_bytes(_ole("Root Entry", "WordDocument", "1Table") + bytes(4096))


def _nested_tables(depth: int) -> str:
    inner = _paragraph(SENTENCE)
    for level in range(depth):
        cell = f"<w:tc>{_paragraph(f'muc {level}')}{inner}</w:tc>"
        inner = f"<w:tbl><w:tr>{cell}</w:tr></w:tbl><w:p/>"
    return inner


def _docx_nested_tables(path: Path, _secret: Path) -> None:
    xml = _document_xml(_paragraph(TITLE) + _nested_tables(60))
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _docx_deep_xml(path: Path, _secret: Path, depth: int = 50_000) -> None:
    body = "<w:sdt><w:sdtContent>" * depth + _paragraph(SENTENCE)
    body += "</w:sdtContent></w:sdt>" * depth
    xml = _document_xml(_paragraph(TITLE) + body)
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _docx_deep_xml_small(path: Path, secret: Path) -> None:
    _docx_deep_xml(path, secret, depth=4_000)


def _docx_wide_table(path: Path, _secret: Path) -> None:
    cells = "".join(f"<w:tc>{_paragraph(str(number))}</w:tc>" for number in range(3_000))
    rows = f"<w:tr>{cells}</w:tr>" * 40
    xml = _document_xml(_paragraph(TITLE) + f"<w:tbl>{rows}</w:tbl>")
    path.write_bytes(_rezip(docx_bytes(), {"word/document.xml": xml}))


def _docx_encrypted_entry(path: Path, _secret: Path) -> None:
    data = bytearray(docx_bytes())
    # Set the "encrypted" flag on every entry, local headers and central directory alike.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        while position != -1:
            flags = struct.unpack_from("<H", data, position + offset)[0]
            struct.pack_into("<H", data, position + offset, flags | 1)
            position = data.find(signature, position + 4)
    path.write_bytes(bytes(data))


def _docx_bad_crc(path: Path, _secret: Path) -> None:
    data = bytearray(docx_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml") + 20
    for index in range(start, start + 40):
        data[index] ^= 0x5A
    path.write_bytes(bytes(data))


def _docx_numbering_loop(path: Path, _secret: Path) -> None:
    # Styles based on each other in a circle, and a numbering definition linking to itself.
    with zipfile.ZipFile(io.BytesIO(docx_bytes())) as package:
        styles = package.read("word/styles.xml").decode()
    loop = (
        '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/>'
        '<w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>'
    )
    styles = styles.replace("</w:styles>", loop + "</w:styles>")
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {_W}>'
        '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="A"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="-5"/><w:numFmt w:val="upperRoman"/>'
        '<w:lvlText w:val="%1.%9.%2"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="7"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="{level}"/>'
        f'<w:numId w:val="7"/></w:numPr></w:pPr><w:r><w:t>{SENTENCE}</w:t></w:r></w:p>'
        for level in (0, 99, -3, 4)
    )
    path.write_bytes(
        _rezip(
            docx_bytes(),
            {
                "word/styles.xml": styles.encode(),
                "word/numbering.xml": numbering.encode(),
                "word/document.xml": _document_xml(_paragraph(TITLE) + body),
            },
        )
    )


# --- PDF ------------------------------------------------------------------------------------

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(content), extra, content)


def _text(content: str) -> bytes:
    return f"BT /F1 12 Tf 72 720 Td ({content}) Tj ET".encode("latin-1")


def pdf_bytes(
    objects: dict[int, bytes],
    *,
    root: int = 1,
    trailer: bytes = b"",
    size: int | None = None,
) -> bytes:
    """Return a PDF holding `objects` (number -> body) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets: dict[int, int] = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    count = (size or max(objects)) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        if number in offsets:
            out += b"%010d 00000 n \n" % offsets[number]
        else:
            out += b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root %d 0 R %s >>\nstartxref\n%d\n%%%%EOF\n" % (
        count,
        root,
        trailer,
        xref,
    )
    return bytes(out)


def _page(parent: int, contents: int) -> bytes:
    return (
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
        b"/Resources << /Font << /F1 %s >> >> >>" % (parent, contents, _FONT)
    )


def _simple_pdf(**catalog_extra: bytes) -> dict[int, bytes]:
    extra = b" ".join(b"/%s %s" % (key.encode(), value) for key, value in catalog_extra.items())
    return {
        1: b"<< /Type /Catalog /Pages 2 0 R %s >>" % extra,
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        3: _page(2, 4),
        4: _stream(_text("Ke hoach trien khai thuc hien nhiem vu nam 2026")),
    }


def _pdf_circular_references(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    objects[3] = objects[3].replace(b"/Contents 4 0 R", b"/Contents 5 0 R")
    objects[5] = b"6 0 R"
    objects[6] = b"5 0 R"
    path.write_bytes(pdf_bytes(objects))


def _pdf_circular_length(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    content = _text("Ke hoach so 1")
    objects[4] = b"<< /Length 5 0 R >>\nstream\n%s\nendstream" % content
    objects[5] = b"6 0 R"
    objects[6] = b"5 0 R"
    path.write_bytes(pdf_bytes(objects))


def _pdf_pages_loop(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    objects[2] = b"<< /Type /Pages /Kids [3 0 R 2 0 R 5 0 R] /Count 3 >>"
    objects[5] = b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 5 0 R] /Count 2 >>"
    path.write_bytes(pdf_bytes(objects))


def _pdf_outline_loop(path: Path, _secret: Path) -> None:
    objects = _simple_pdf(Outlines=b"5 0 R", PageMode=b"/UseOutlines")
    objects[5] = b"<< /Type /Outlines /First 6 0 R /Last 7 0 R /Count 2 >>"
    objects[6] = b"<< /Title (Muc I) /Parent 5 0 R /Next 7 0 R /Dest [3 0 R /Fit] >>"
    objects[7] = b"<< /Title (Muc II) /Parent 5 0 R /Prev 6 0 R /Next 6 0 R /First 6 0 R >>"
    path.write_bytes(pdf_bytes(objects))


def _pdf_ten_thousand_pages(path: Path, _secret: Path) -> None:
    pages = 10_000
    objects: dict[int, bytes] = {1: b"<< /Type /Catalog /Pages 2 0 R >>"}
    kids = b" ".join(b"%d 0 R" % (4 + number) for number in range(pages))
    objects[2] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages)
    objects[3] = _stream(_text("Trang"))
    for number in range(pages):
        objects[4 + number] = _page(2, 3)
    path.write_bytes(pdf_bytes(objects))


def _pdf_encrypted(path: Path, _secret: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_encryption(owner_password="chu-so-huu", user_password="mat-khau")
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "Ke hoach so 27")
    pdf.output(str(path))


def _pdf_huge_length(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    content = _text("Ke hoach so 2")
    objects[4] = b"<< /Length 99999999999 >>\nstream\n%s\nendstream" % content
    path.write_bytes(pdf_bytes(objects))


def _pdf_negative_length(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    objects[4] = b"<< /Length -40 >>\nstream\n%s\nendstream" % _text("Ke hoach so 3")
    path.write_bytes(pdf_bytes(objects))


def _pdf_deep_arrays(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    depth = 100_000
    objects[5] = b"[" * depth + b"]" * depth
    objects[1] = objects[1].replace(b">>", b"/Deep 5 0 R >>")
    path.write_bytes(pdf_bytes(objects))


def _pdf_deep_dictionaries(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    depth = 20_000
    nested = b"<< /A " * depth + b"1" + b" >>" * depth
    objects[4] = _stream(_text("Ke hoach"), b"/DecodeParms " + nested)
    path.write_bytes(pdf_bytes(objects))


def _pdf_xref_loop(path: Path, _secret: Path) -> None:
    data = pdf_bytes(_simple_pdf())
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    path.write_bytes(data.replace(b"/Root 1 0 R", b"/Root 1 0 R /Prev %d" % xref))


def _pdf_flate_bomb(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    # 400 MB of spaces inside a page's content: about 400 KB packed.
    packer = zlib.compressobj(9)
    block = b" " * (16 * 1024 * 1024)
    packed = b"".join(packer.compress(block) for _ in range(25)) + packer.flush()
    objects[4] = _stream(packed, b"/Filter /FlateDecode")
    path.write_bytes(pdf_bytes(objects))


def _pdf_self_drawing_form(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    objects[3] = objects[3].replace(b"/Font << /F1", b"/XObject << /X1 5 0 R >> /Font << /F1")
    objects[4] = _stream(_text("Ke hoach so 4") + b" /X1 Do")
    form = (
        b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
        b"/Resources << /XObject << /X1 5 0 R >> /Font << /F1 %s >> >>" % _FONT
    )
    objects[5] = _stream(_text("Lap") + b" /X1 Do", form)
    path.write_bytes(pdf_bytes(objects))


def _pdf_local_file_links(path: Path, secret: Path) -> None:
    spec = f"<< /Type /Filespec /F ({secret}) /UF ({secret}) >>".encode()
    objects = _simple_pdf(
        OpenAction=b"<< /S /Launch /F %s >>" % spec,
        Names=b"<< /EmbeddedFiles << /Names [(bi-mat) 6 0 R] >> >>",
    )
    objects[3] = objects[3].replace(b">> >>", b">> >> /Annots [5 0 R]")
    objects[5] = (
        b"<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
        b"/A << /S /GoToR /F %s /D [0 /Fit] >> >>" % spec
    )
    objects[6] = spec
    path.write_bytes(pdf_bytes(objects))


def _pdf_no_root(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    path.write_bytes(pdf_bytes(objects, root=9))


def _pdf_huge_object_number(path: Path, _secret: Path) -> None:
    objects = _simple_pdf()
    objects[3] = objects[3].replace(b"/Contents 4 0 R", b"/Contents 4000000000 0 R")
    path.write_bytes(pdf_bytes(objects))


# --- plain text -----------------------------------------------------------------------------


def _text_invalid_utf8(path: Path, _secret: Path) -> None:
    path.write_bytes(f"{TITLE}\n{SENTENCE}\n".encode() + b"\xc3\x28\xa0\xa1 \xed\xa0\x80\n")


def _text_invalid_utf16(path: Path, _secret: Path) -> None:
    # A byte-order mark, then a lone high surrogate and an odd number of bytes.
    path.write_bytes(b"\xff\xfe" + f"{TITLE}\n".encode("utf-16-le") + b"\x00\xd8A\x00B")


def _text_nul_bytes(path: Path, _secret: Path) -> None:
    path.write_bytes(f"{TITLE}\n{SENTENCE}\n".encode() * 20 + b"\x00" * 64 + b"tiep theo\n")


def _text_control_characters(path: Path, _secret: Path) -> None:
    path.write_bytes(bytes(range(1, 9)) * 200 + SENTENCE.encode())


def _text_over_the_size_limit(path: Path, _secret: Path) -> None:
    line = (SENTENCE + " ").encode()
    with path.open("wb") as handle:
        for _ in range(105 * 1024 * 1024 // len(line) + 1):
            handle.write(line)


def _text_long_single_line(path: Path, _secret: Path) -> None:
    line = (SENTENCE + "; ").encode()
    path.write_bytes(TITLE.encode() + b"\n" + line * (4 * 1024 * 1024 // len(line)))


def _text_one_word_line(path: Path, _secret: Path) -> None:
    path.write_bytes(TITLE.encode() + b"\n" + b"a" * (4 * 1024 * 1024))


def _text_combining_marks(path: Path, _secret: Path) -> None:
    marks = "\u0301\u0323\u0309" * 20_000
    text = f"{TITLE}\n\n1. Kế hoạch{marks} số 1\n\u202e{SENTENCE}\u200b" * 5
    path.write_text(text, encoding="utf-8")


def _text_many_blank_lines(path: Path, _secret: Path) -> None:
    path.write_bytes(TITLE.encode() + b"\n" * 3_000_000 + SENTENCE.encode())


def _text_deep_numbering(path: Path, _secret: Path) -> None:
    lines = [TITLE, ""]
    for depth in range(1, 400):
        number = ".".join(["1"] * depth)
        lines.append(f"{number}. Giao Phòng Kinh tế chủ trì thực hiện nhiệm vụ {depth}.")
    path.write_text("\n".join(lines), encoding="utf-8")


def _text_secret_path_only(path: Path, secret: Path) -> None:
    # Mentions the secret file's path; only the path may be stored, never its content.
    path.write_text(f"{TITLE}\n\n{SENTENCE} (xem tệp {secret}).\n", encoding="utf-8")


@dataclass(frozen=True)
class Hostile:
    """One hostile file: its name, how to write it, and what ingest must make of it.

    `outcome` is "refused" (the message must contain `problem`), "read" or "either".
    """

    name: str
    write: Callable[[Path, Path], None]
    outcome: str
    problem: str = ""


HOSTILE: tuple[Hostile, ...] = (
    Hostile("zip-bomb.docx", _docx_zip_bomb, "refused", "ZIP bomb"),
    Hostile("many-small-bombs.docx", _docx_many_small_bombs, "refused", "ZIP bomb"),
    Hostile("declared-huge.docx", _docx_declared_huge, "refused", "over the 512 MB limit"),
    Hostile("billion-laughs.docx", _docx_billion_laughs, "refused", "DOCTYPE"),
    Hostile("external-entity.docx", _docx_external_entity, "refused", "DOCTYPE"),
    Hostile("external-entity-utf16.docx", _docx_external_entity_utf16, "refused", "DOCTYPE"),
    Hostile("entity-in-styles.docx", _docx_entity_in_styles, "refused", "DOCTYPE"),
    Hostile("entity-in-content-types.docx", _docx_entity_in_content_types, "refused", "DOCTYPE"),
    Hostile("utf7-doctype.docx", _docx_utf7, "refused", "encoding 'UTF-7'"),
    Hostile("external-relationships.docx", _docx_external_relationship, "read"),
    Hostile("too-many-parts.docx", _docx_too_many_parts, "refused", "parts in the package"),
    Hostile("thousands-of-parts.docx", _docx_thousands_of_parts, "read"),
    Hostile("truncated.docx", _docx_truncated, "refused", "not a readable DOCX file"),
    Hostile("no-central-directory.docx", _docx_cut_central_directory, "refused", "not a ZIP"),
    Hostile("encrypted.docx", _docx_encrypted, "refused", "password-protected"),
    Hostile("old-word.docx", _docx_old_word, "refused", "old Word .doc"),
    Hostile("nested-tables.docx", _docx_nested_tables, "either"),
    Hostile("deep-xml.docx", _docx_deep_xml, "refused", "not a readable DOCX file"),
    Hostile("deep-xml-small.docx", _docx_deep_xml_small, "refused", "not a readable DOCX file"),
    Hostile("wide-table.docx", _docx_wide_table, "either"),
    Hostile("encrypted-entries.docx", _docx_encrypted_entry, "refused", "not a readable DOCX"),
    Hostile("bad-crc.docx", _docx_bad_crc, "refused", "not a readable DOCX file"),
    Hostile("numbering-loop.docx", _docx_numbering_loop, "either"),
    Hostile(
        "circular-references.pdf", _pdf_circular_references, "refused", "circular object references"
    ),
    Hostile("circular-length.pdf", _pdf_circular_length, "either"),
    Hostile("pages-tree-loop.pdf", _pdf_pages_loop, "either"),
    Hostile("outline-loop.pdf", _pdf_outline_loop, "either"),
    Hostile("ten-thousand-pages.pdf", _pdf_ten_thousand_pages, "refused", "more than 2000 pages"),
    Hostile("encrypted.pdf", _pdf_encrypted, "refused", "password-protected PDF"),
    Hostile("huge-stream-length.pdf", _pdf_huge_length, "either"),
    Hostile("negative-stream-length.pdf", _pdf_negative_length, "either"),
    Hostile("deep-arrays.pdf", _pdf_deep_arrays, "either"),
    Hostile("deep-dictionaries.pdf", _pdf_deep_dictionaries, "either"),
    Hostile("xref-loop.pdf", _pdf_xref_loop, "either"),
    Hostile("flate-bomb.pdf", _pdf_flate_bomb, "either"),
    Hostile("self-drawing-form.pdf", _pdf_self_drawing_form, "either"),
    Hostile("local-file-links.pdf", _pdf_local_file_links, "either"),
    Hostile("no-root.pdf", _pdf_no_root, "either"),
    Hostile("huge-object-number.pdf", _pdf_huge_object_number, "either"),
    Hostile("invalid-utf8.txt", _text_invalid_utf8, "refused", "not valid UTF-8"),
    Hostile("invalid-utf16.txt", _text_invalid_utf16, "refused", "not valid UTF-16"),
    Hostile("nul-bytes.txt", _text_nul_bytes, "refused", "binary data"),
    Hostile("control-characters.txt", _text_control_characters, "refused", "binary data"),
    Hostile("over-the-limit.txt", _text_over_the_size_limit, "refused", "MANDATE_MAX_FILE_MB"),
    Hostile("long-single-line.txt", _text_long_single_line, "either"),
    Hostile("one-word-line.txt", _text_one_word_line, "either"),
    Hostile("combining-marks.txt", _text_combining_marks, "either"),
    Hostile("many-blank-lines.txt", _text_many_blank_lines, "either"),
    Hostile("deep-numbering.txt", _text_deep_numbering, "either"),
    Hostile("secret-path-only.txt", _text_secret_path_only, "read"),
)
"""Every hostile file, in the order the tests write them."""
