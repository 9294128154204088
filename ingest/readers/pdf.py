"""PDF reader: the text layer page by page, tables as rows of cells, page furniture removed.

Text between tables is kept as one run across pages (pages separated by form feeds) so that a
paragraph broken by a page break can be joined again by the shared cleaner. Running headers
and footers are recognised by repeating on many pages, page numbers by being alone on the
first or last line of a page.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice, pairwise
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import PDFObjRef

from ingest.errors import IngestError
from ingest.readers import Block

__all__ = ["MAX_PAGES", "read_pdf"]

MAX_PAGES = 2000
"""PDFs with more pages than this are refused rather than read for minutes."""

_MIN_PAGES_FOR_RUNNING_LINES = 3
_MAX_FURNITURE_LINES = 3
# Line spacing is measured in heights of the line above, so that small print (a header
# block, footnotes) and body text compare; a gap this many times the page's tightest spacing
# separates paragraphs. Spacings under the minimum are overlapping lines (sub/superscripts).
_PARAGRAPH_GAP = 1.3
_MIN_LINE_SPACING = 0.8
_PAGE_NUMBER = re.compile(
    r"(?:[-–—]\s*)?(?:(?:trang|page)\s*)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?", re.IGNORECASE
)
_DIGITS = re.compile(r"\d+")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\b|\b(\d{1,4})$")
_MIN_NUMBERED_REPEATS = 3
# PDFs without space characters (TeX, some converters) separate words only by a gap, often
# narrower than pdfplumber's fixed 3-point tolerance; measure gaps against the font size.
_TEXT_OPTIONS: dict[str, Any] = {"x_tolerance_ratio": 0.15}
_EOF_MARKER = b"%%EOF"
# Acrobat accepts a file whose end-of-file marker lies within its last 1024 bytes.
_EOF_WINDOW = 1024


@dataclass
class _Text:
    """The lines of one stretch of text on a page."""

    lines: list[str]


@dataclass
class _Band:
    """The lines pdfplumber found in one stretch of a page, with their positions."""

    lines: list[dict[str, Any]]


@dataclass
class _Page:
    """One page as stretches of text and tables, top to bottom."""

    parts: list[_Text | list[list[str]]] = field(default_factory=list)

    def edge_line(self, *, first: bool) -> tuple[_Text, int] | None:
        """Return the first (or last) non-blank text line as (stretch, line index)."""
        stretches = [part for part in self.parts if isinstance(part, _Text)]
        for stretch in stretches if first else reversed(stretches):
            numbers = range(len(stretch.lines))
            for number in numbers if first else reversed(numbers):
                if stretch.lines[number].strip():
                    return stretch, number
        return None


def _running_key(line: str) -> str:
    return " ".join(_DIGITS.sub("", line).split()).casefold()


def _page_offset(line: str, page_index: int) -> int | None:
    """Return the line's leading or trailing number minus the page's index, if it has one."""
    match = _EDGE_NUMBER.search(line)
    return None if match is None else int(match.group(1) or match.group(2)) - page_index


def _remove_furniture(pages: list[_Page]) -> None:
    """Drop running headers/footers and page numbers from the first and last lines of pages.

    A line is running when, digits aside, it is the edge line of at least half the pages, or
    of at least three pages where it carries a number that grows with the page (a chapter's
    header with its page number).
    """
    many = len(pages) >= _MIN_PAGES_FOR_RUNNING_LINES
    for first in (True, False):
        for _ in range(_MAX_FURNITURE_LINES):
            edges = [
                (index, edge)
                for index, page in enumerate(pages)
                if (edge := page.edge_line(first=first))
            ]
            lines = [(index, stretch.lines[number].strip()) for index, (stretch, number) in edges]
            keys = Counter(_running_key(line) for _index, line in lines)
            numbered = Counter(
                (_running_key(line), _page_offset(line, index)) for index, line in lines
            )
            doomed = []
            for (index, line), (_page, edge) in zip(lines, edges, strict=True):
                key = _running_key(line)
                offset = _page_offset(line, index)
                running = (
                    many
                    and bool(key)
                    and (
                        keys[key] * 2 >= len(pages)
                        or (offset is not None and numbered[key, offset] >= _MIN_NUMBERED_REPEATS)
                    )
                )
                if running or _PAGE_NUMBER.fullmatch(line):
                    doomed.append(edge)
            if not doomed:
                break
            for stretch, number in doomed:
                del stretch.lines[number]


def _inside(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _band(
    boxes: list[tuple[float, float, float, float]], top: float, bottom: float
) -> Callable[[dict[str, Any]], bool]:
    def keep(obj: dict[str, Any]) -> bool:
        if "top" not in obj or "x0" not in obj:
            return False
        middle = (float(obj["top"]) + float(obj["bottom"])) / 2
        return top <= middle < bottom and not any(_inside(obj, box) for box in boxes)

    return keep


def _spacing(above: dict[str, Any], below: dict[str, Any]) -> float:
    """Return the distance between two lines' tops in heights of the upper line."""
    height = max(float(above["bottom"]) - float(above["top"]), 1.0)
    return (float(below["top"]) - float(above["top"])) / height


def _line_spacing(bands: list[list[dict[str, Any]]]) -> float:
    """Return the tightest line spacing on the page, ignoring overlapping lines."""
    spacings = [
        spacing
        for band in bands
        for above, below in pairwise(band)
        if (spacing := _spacing(above, below)) >= _MIN_LINE_SPACING
    ]
    return min(spacings, default=float("inf"))


def _lines_with_gaps(lines: list[dict[str, Any]], spacing: float) -> list[str]:
    """Return the line texts with a blank line wherever the gap above is a paragraph gap."""
    out: list[str] = []
    for index, line in enumerate(lines):
        if index and _spacing(lines[index - 1], line) > spacing * _PARAGRAPH_GAP:
            out.append("")
        out.append(str(line["text"]))
    return out


def _read_page(page: Any) -> list[_Band | list[list[str]]]:
    """Return the page's stretches of text lines and its tables, top to bottom."""
    tables = sorted(page.find_tables(), key=lambda table: (table.bbox[1], table.bbox[0]))
    boxes = [tuple(table.bbox) for table in tables]
    pieces: list[_Band | list[list[str]]] = []
    top = float("-inf")
    edges = [(table.bbox[1], table) for table in tables] + [(float("inf"), None)]
    for bottom, table in edges:
        lines = page.filter(_band(boxes, top, bottom)).extract_text_lines(
            return_chars=False, **_TEXT_OPTIONS
        )
        lines = [line for line in lines if str(line["text"]).strip()]
        if lines:
            pieces.append(_Band(lines))
        if table is not None:
            rows = [[cell or "" for cell in row] for row in table.extract(**_TEXT_OPTIONS)]
            if any(any(cell.strip() for cell in row) for row in rows):
                pieces.append(rows)
            top = table.bbox[3]
    return pieces


def _pages(read: list[list[_Band | list[list[str]]]]) -> list[_Page]:
    """Return the pages with their text lines, blank lines marking paragraph gaps."""
    spacing = _line_spacing(
        [piece.lines for page in read for piece in page if isinstance(piece, _Band)]
    )
    return [
        _Page(
            [
                _Text(_lines_with_gaps(piece.lines, spacing)) if isinstance(piece, _Band) else piece
                for piece in page
            ]
        )
        for page in read
    ]


def _join(pages: list[_Page]) -> list[Block]:
    blocks: list[Block] = []
    text: list[str] = []
    for number, page in enumerate(pages):
        if number:
            text.append("\f")
        for part in page.parts:
            if isinstance(part, _Text):
                text.extend(line + "\n" for line in part.lines)
            else:
                if "".join(text).strip():
                    blocks.append("".join(text).strip("\n\f"))
                text = []
                blocks.append(part)
    if "".join(text).strip():
        blocks.append("".join(text).strip("\n\f"))
    return blocks


def _problem(error: BaseException) -> str:
    """Return a one-line description of a pdfminer/pdfplumber failure."""
    cause: BaseException = error
    for _ in range(5):
        if not (cause.args and isinstance(cause.args[0], BaseException)):
            break
        cause = cause.args[0]
    if isinstance(cause, PDFPasswordIncorrect):
        return "password-protected PDF: remove the password and save it again"
    if isinstance(cause, PDFEncryptionError):
        return f"encrypted PDF that cannot be opened ({_message(cause)})"
    return f"not a readable PDF file ({_message(cause)})"


def _message(error: BaseException) -> str:
    message = " ".join(str(error).split()) or type(error).__name__
    return message if len(message) <= 160 else message[:157] + "..."


def _guard_reference_cycles() -> None:
    # pdfminer follows a reference to a reference until it reaches a value, so objects that
    # refer to each other in a circle (5 0 obj 6 0 R, 6 0 obj 5 0 R) kept it looping for
    # ever. Following the chain here, with the objects met so far, ends such a circle.
    follow = PDFObjRef.resolve
    if getattr(follow, "guards_cycles", False):
        return

    def resolve(self: PDFObjRef, default: object = None) -> Any:
        met = {self.objid}
        value = follow(self, default)
        while isinstance(value, PDFObjRef):
            if value.objid in met:
                raise PDFSyntaxError(f"circular object references at object {value.objid}")
            met.add(value.objid)
            value = follow(value, default)
        return value

    resolve.guards_cycles = True  # type: ignore[attr-defined]
    PDFObjRef.resolve = resolve  # type: ignore[method-assign]


_guard_reference_cycles()


def _quiet_pdfminer() -> None:
    # pdfminer warns about harmless defects through logging; without a handler those lines
    # would reach stderr beside the one-line error the command line promises.
    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        if not any(isinstance(handler, logging.NullHandler) for handler in logger.handlers):
            logger.addHandler(logging.NullHandler())


def read_pdf(path: Path, data: bytes) -> list[Block]:
    """Return the blocks of a PDF's text layer: text runs and tables, top to bottom.

    Text outside tables is one run per stretch between tables, pages separated by form feeds;
    each table is a list of rows of cell texts. Running headers and footers (a first or
    last line repeated, digits aside, on at least half of three or more pages) and page
    numbers alone on a first or last line are removed.

    Raises IngestError when the file is not a readable PDF (corrupt, truncated, encrypted),
    has no pages or more than `MAX_PAGES`, or has no text layer at all (a scan).
    """
    if b"%PDF-" not in data[:_EOF_WINDOW]:
        raise IngestError(path, "not a readable PDF file (no %PDF- header)")
    if _EOF_MARKER not in data.rstrip(b"\x00\t\n\f\r ")[-_EOF_WINDOW:]:
        raise IngestError(path, "not a readable PDF file (truncated: no %%EOF end marker)")
    _quiet_pdfminer()
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            count = sum(1 for _ in islice(PDFPage.create_pages(pdf.doc), MAX_PAGES + 1))
            if count > MAX_PAGES:
                raise IngestError(
                    path, f"PDF has more than {MAX_PAGES} pages; split it before ingesting"
                )
            if count == 0:
                raise IngestError(path, "PDF has no pages")
            read = []
            for page in pdf.pages:
                read.append(_read_page(page))
                page.close()
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(path, _problem(error)) from error
    if not any(read):
        raise IngestError(path, "no text layer (a scanned PDF?): run OCR on it first")
    pages = _pages(read)
    _remove_furniture(pages)
    return _join(pages)
