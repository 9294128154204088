"""DOCX reader: paragraphs and tables in document order, automatic numbering written out.

Word keeps list numbers ("1.", "1.2.", "a)", bullets) out of the text, in numbering.xml; the
extractors need them to see where items start, so each numbered paragraph gets its number as
Word would show it. Tables come out as rows of cell texts, one cell per merged cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE

from ingest.errors import IngestError
from ingest.readers import Block
from ingest.readers.docx_package import check_package

__all__ = ["read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_NUMBER_FIELD = re.compile(r"%([1-9])")
_LEVELS = 9


def _w(name: str) -> str:
    return f"{{{_W}}}{name}"


_P, _T, _TBL, _TR, _TC = _w("p"), _w("t"), _w("tbl"), _w("tr"), _w("tc")
# Containers whose children belong to the enclosing block or row as if written there.
_TRANSPARENT = frozenset({_w("sdt"), _w("sdtContent"), _w("customXml"), _w("ins"), _w("moveTo")})
# Content that is not part of the paragraph's own text: deleted revisions, drawings and text
# boxes (whose AlternateContent holds the same text twice), footnote marks.
_SKIPPED = frozenset(
    {
        _w("del"),
        _w("moveFrom"),
        _w("drawing"),
        _w("pict"),
        _w("object"),
        _w("pPr"),
        _w("rPr"),
        _w("instrText"),
        f"{{{_MC}}}AlternateContent",
    }
)
_CHARACTERS = {
    _w("tab"): "\t",
    _w("br"): "\n",
    _w("cr"): "\n",
    _w("noBreakHyphen"): "-",
    _w("softHyphen"): "",
}


def _val(element: Any, child: str) -> str | None:
    found = element.find(_w(child)) if element is not None else None
    return None if found is None else found.get(_w("val"))


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass(frozen=True)
class _Level:
    number_format: str
    text: str
    start: int
    restart_after: int
    legal: bool
    style: str | None


def _read_level(element: Any) -> _Level:
    ilvl = _int(element.get(_w("ilvl")), 0)
    restart = element.find(_w("lvlRestart"))
    return _Level(
        number_format=_val(element, "numFmt") or "decimal",
        text=_val(element, "lvlText") or "",
        start=_int(_val(element, "start"), 0 if _val(element, "numFmt") == "none" else 1),
        restart_after=ilvl if restart is None else _int(restart.get(_w("val")), ilvl),
        legal=element.find(_w("isLgl")) is not None,
        style=_val(element, "pStyle"),
    )


def _roman(number: int) -> str:
    if number <= 0 or number >= 4000:
        return str(number)
    numerals = (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    )  # fmt: skip
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _letter(number: int) -> str:
    if number <= 0:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def _format_number(number: int, number_format: str) -> str:
    if number_format == "lowerLetter":
        return _letter(number)
    if number_format == "upperLetter":
        return _letter(number).upper()
    if number_format == "lowerRoman":
        return _roman(number)
    if number_format == "upperRoman":
        return _roman(number).upper()
    if number_format == "decimalZero":
        return f"{number:02d}"
    if number_format == "none":
        return ""
    return str(number)


class _Numbering:
    """The document's list definitions and the running counters of each list."""

    def __init__(self, numbering: Any, styles: Any) -> None:
        self._abstract: dict[str, dict[int, _Level]] = {}
        self._abstract_link: dict[str, str] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._style_numbering: dict[str, tuple[str | None, int | None]] = {}
        self._style_parent: dict[str, str] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if styles is not None:
            self._read_styles(styles)
        if numbering is not None:
            self._read_numbering(numbering)

    def _read_styles(self, styles: Any) -> None:
        for style in styles.iter(_w("style")):
            style_id = style.get(_w("styleId"))
            if not style_id:
                continue
            parent = _val(style, "basedOn")
            if parent:
                self._style_parent[style_id] = parent
            num_pr = style.find(f"{_w('pPr')}/{_w('numPr')}")
            if num_pr is not None:
                ilvl = _val(num_pr, "ilvl")
                self._style_numbering[style_id] = (
                    _val(num_pr, "numId"),
                    None if ilvl is None else _int(ilvl, 0),
                )

    def _read_numbering(self, numbering: Any) -> None:
        for abstract in numbering.iter(_w("abstractNum")):
            abstract_id = abstract.get(_w("abstractNumId"))
            if abstract_id is None:
                continue
            levels = {}
            for level in abstract.iter(_w("lvl")):
                levels[_int(level.get(_w("ilvl")), 0)] = _read_level(level)
            self._abstract[abstract_id] = levels
            link = _val(abstract, "numStyleLink")
            if link:
                self._abstract_link[abstract_id] = link
        for num in numbering.iter(_w("num")):
            num_id = num.get(_w("numId"))
            abstract_id = _val(num, "abstractNumId")
            if num_id is None or abstract_id is None:
                continue
            starts = {}
            for override in num.iter(_w("lvlOverride")):
                start = _val(override, "startOverride")
                if start is not None:
                    starts[_int(override.get(_w("ilvl")), 0)] = _int(start, 1)
            self._nums[num_id] = (abstract_id, starts)

    def _levels(self, num_id: str) -> dict[int, _Level]:
        abstract_id, _starts = self._nums[num_id]
        linked_style = self._abstract_link.get(abstract_id)
        if linked_style is not None:
            linked_num, _ilvl = self._style_numbering.get(linked_style, (None, None))
            if linked_num in self._nums and linked_num != num_id:
                abstract_id = self._nums[linked_num][0]
        return self._abstract.get(abstract_id, {})

    def _style_chain(self, style_id: str | None) -> Iterator[str]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            yield style_id
            style_id = self._style_parent.get(style_id)

    def _paragraph_numbering(self, paragraph: Any) -> tuple[str, int] | None:
        properties = paragraph.find(_w("pPr"))
        style_id = _val(properties, "pStyle")
        num_pr = properties.find(_w("numPr")) if properties is not None else None
        num_id = _val(num_pr, "numId")
        ilvl_text = _val(num_pr, "ilvl")
        ilvl = None if ilvl_text is None else _int(ilvl_text, 0)
        for style in self._style_chain(style_id):
            style_num, style_ilvl = self._style_numbering.get(style, (None, None))
            if num_id is None and style_num is not None:
                num_id = style_num
                if ilvl is None:
                    ilvl = style_ilvl
            if num_id is not None:
                break
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return None
        if ilvl is None:
            by_style = {
                level.style: index for index, level in self._levels(num_id).items() if level.style
            }
            ilvl = next((by_style[s] for s in self._style_chain(style_id) if s in by_style), 0)
        return num_id, min(max(ilvl, 0), _LEVELS - 1)

    def label(self, paragraph: Any) -> str:
        """Return the paragraph's list number as Word shows it, with a trailing space, or ""."""
        found = self._paragraph_numbering(paragraph)
        if found is None:
            return ""
        num_id, ilvl = found
        levels = self._levels(num_id)
        level = levels.get(ilvl)
        if level is None:
            return ""
        starts = self._nums[num_id][1]
        counters = self._counters.setdefault(num_id, {})

        def start_of(index: int) -> int:
            if index in starts:
                return starts[index]
            return levels[index].start if index in levels else 1

        counters[ilvl] = counters[ilvl] + 1 if ilvl in counters else start_of(ilvl)
        for deeper in [index for index in counters if index > ilvl]:
            restart_after = levels[deeper].restart_after if deeper in levels else deeper
            if restart_after > ilvl:
                del counters[deeper]
        if level.number_format == "bullet":
            return "+ " if ilvl >= 1 and level.text.strip() == "+" else "- "

        def field(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            number = counters.get(index, start_of(index))
            shown = levels.get(index, level)
            number_format = "decimal" if level.legal else shown.number_format
            if shown.number_format == "bullet":
                number_format = "decimal"
            return _format_number(number, number_format)

        text = _NUMBER_FIELD.sub(field, level.text).strip()
        return f"{text} " if text else ""


def _children(element: Any) -> Iterator[Any]:
    """Yield the block-level children of `element`, looking through transparent wrappers."""
    for child in element:
        if child.tag in _TRANSPARENT:
            yield from _children(child)
        else:
            yield child


def _run_text(element: Any, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag in _CHARACTERS:
            out.append(_CHARACTERS[tag])
        else:
            _run_text(child, out)


def _paragraph_text(paragraph: Any) -> str:
    out: list[str] = []
    _run_text(paragraph, out)
    return "".join(out)


class _Walker:
    def __init__(self, numbering: _Numbering) -> None:
        self.numbering = numbering

    def paragraph(self, element: Any) -> str:
        label = self.numbering.label(element)
        text = _paragraph_text(element)
        return label + text if text.strip() else ""

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in _children(container):
            if child.tag == _P:
                text = self.paragraph(child)
                if text.strip():
                    yield text
            elif child.tag == _TBL:
                rows = self.table(child)
                if rows:
                    yield rows

    def table(self, table: Any) -> list[list[str]]:
        rows: list[list[str]] = []
        for row in _children(table):
            if row.tag != _TR:
                continue
            cells: list[str] = []
            for cell in _children(row):
                if cell.tag != _TC:
                    continue
                properties = cell.find(_w("tcPr"))
                if properties is not None and _merge_continues(properties.find(_w("hMerge"))):
                    continue
                below_merged = properties is not None and _merge_continues(
                    properties.find(_w("vMerge"))
                )
                cells.append("" if below_merged else self.cell_text(cell))
            if cells:
                rows.append(cells)
        return rows

    def cell_text(self, cell: Any) -> str:
        lines: list[str] = []
        for block in self.blocks(cell):
            if isinstance(block, str):
                lines.append(block)
            else:
                lines.extend(" ".join(part for part in row if part) for row in block)
        return "\n".join(line for line in lines if line.strip())


def _merge_continues(merge: Any) -> bool:
    return merge is not None and merge.get(_w("val"), "continue") == "continue"


def _one_line(error: BaseException) -> str:
    message = " ".join(str(error).split())
    if isinstance(error, KeyError):
        message = f"missing part {message}"
    if len(message) > 160:
        message = message[:157] + "..."
    return message or type(error).__name__


def _related_element(part: Any, relationship: str) -> Any:
    try:
        return part.part_related_by(relationship).element
    except (KeyError, AttributeError):
        return None


def read_docx(path: Path, data: bytes) -> list[Block]:
    """Return the blocks of a DOCX file: one text run per paragraph and one block per table.

    Paragraphs and tables come in document order. A numbered paragraph starts with its
    automatic number as Word shows it ("1.", "1.2.", "a)", "- " for bullets). A table is a
    list of rows of cell texts: a merged cell appears once, vertically merged cells below the
    first are empty, and paragraphs inside a cell are joined with newlines.

    Raises IngestError when the file is not a readable DOCX (not a ZIP package, no document
    part, an old .doc file), is password-protected, or fails the package checks of
    `ingest.readers.docx_package` (too many parts, a ZIP bomb, a DTD in its XML).
    """
    check_package(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        part = document.part
        numbering = _Numbering(
            _related_element(part, RELATIONSHIP_TYPE.NUMBERING),
            _related_element(part, RELATIONSHIP_TYPE.STYLES),
        )
        return list(_Walker(numbering).blocks(document.element.body))
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(path, f"not a readable DOCX file ({_one_line(error)})") from error
