"""From a reader's blocks to the one normalised text every extractor reads.

Text runs get Unicode normalisation, page furniture removed (repeated page headers, page
numbers, footnotes) and hard line wraps joined, so that each paragraph is one line and blank
lines separate blocks. A flat text run that holds a flattened table (cells wrapped over lines,
as text copied out of a PDF prints it) is rebuilt into rows and columns. Tables come out as
one line per row with cells separated by " | ", and their cells keep their offsets.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.model import Span, Table, TableCell
from ingest.paragraphs import clean_text_run
from vntext import normalize_unicode

__all__ = ["CELL_SEPARATOR", "assemble_blocks"]

CELL_SEPARATOR = " | "

RawBlock = str | list[list[str]]


def _clean_cell(text: str) -> str:
    return " ".join(normalize_unicode(text).split())


def assemble_blocks(blocks: Sequence[RawBlock]) -> tuple[str, tuple[Table, ...]]:
    """Return the normalised text of `blocks` and the tables found in them, with offsets."""
    pieces: list[str] = []
    tables: list[Table] = []
    offset = 0

    def emit(text: str) -> None:
        nonlocal offset
        if pieces:
            pieces.append("\n\n")
            offset += 2
        pieces.append(text)
        offset += len(text)

    def emit_table(rows: list[list[str]]) -> None:
        nonlocal offset
        cleaned = [[_clean_cell(cell) for cell in row] for row in rows]
        cleaned = [row for row in cleaned if any(row)]
        if not cleaned:
            return
        if pieces:
            pieces.append("\n\n")
            offset += 2
        start = offset
        table_rows: list[tuple[TableCell, ...]] = []
        for index, row in enumerate(cleaned):
            if index:
                pieces.append("\n")
                offset += 1
            cells: list[TableCell] = []
            for position, cell in enumerate(row):
                if position:
                    pieces.append(CELL_SEPARATOR)
                    offset += len(CELL_SEPARATOR)
                cells.append(TableCell(cell, Span(offset, offset + len(cell))))
                pieces.append(cell)
                offset += len(cell)
            table_rows.append(tuple(cells))
        tables.append(Table(tuple(table_rows), Span(start, offset)))

    for block in blocks:
        if isinstance(block, str):
            for part in clean_text_run(normalize_unicode(block)):
                if isinstance(part, str):
                    if part.strip():
                        emit(part.strip("\n"))
                else:
                    emit_table(part)
        else:
            emit_table(block)
    return "".join(pieces), tuple(tables)
