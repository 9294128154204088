"""Rebuilding tables that reached us flattened: each cell wrapped over several short lines.

Text copied out of a PDF prints a table row as its cells one after another, a blank line
between cells, and repeats the column header on every page; a page break can cut a row so
that the rest of its cells follow the repeated header. This module finds such a table by its
column header (the genre's labels: "Số TT", "Tên công việc", "Cơ quan chủ trì", "Cơ quan phối
hợp", "Biện pháp, nguồn lực", "Thời gian", "Kết quả"), then lines cells up with columns using
the order of cells, each column's typical line width, and what a cell says (measures open with
"Biện pháp"/"Nguồn lực"; timing cells speak of years, quarters and reviews).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["COLUMN_LABELS", "FlatTable", "LineRun", "find_flat_tables"]

COLUMN_LABELS: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"\b(?:Số\s*TT|STT|TT)\b"),
    "name": re.compile(r"Tên công việc|Tên nhiệm vụ|Nội dung|Đầu việc|Tên chỉ tiêu"),
    "lead": re.compile(r"(?:Cơ quan|Đơn vị)\s+chủ\s+trì|Chủ\s+trì"),
    "coordinating": re.compile(r"(?:Cơ quan|Đơn vị)\s+phối\s+hợp|Phối\s+hợp"),
    "measures": re.compile(r"Biện pháp|Giải pháp|Nguồn lực"),
    "timing": re.compile(r"Thời gian|Tiến độ|Thời hạn"),
    "result": re.compile(r"Kết quả|Sản phẩm"),
}
"""Column key → how its header label reads."""

_HEADER_START = re.compile(r"^(?:Số(?:\s*TT)?|STT|TT)$")
_ROW_ID = re.compile(r"^(\d{1,2}(?:\.\d{1,2})?)\.?$")
_GROUP_ROW = re.compile(r"^([IVX]{1,5}|\d{1,2})\.?\s+([A-ZĐÀ-Ỹ].{2,120})$")
_TABLE_END = re.compile(r"^(?:Nơi\s+nh[ậâ]n|T/M\b|TM\.|KT\.)")
_MEASURES = re.compile(r"^-?\s*(?:Biện pháp|Nguồn lực|Giải pháp)\s*:")
_TIMING = re.compile(
    r"^-?\s*(?:Nhiệm vụ thường xuyên|Thực hiện|Triển khai thực hiện|Năm \d{4}|Hoàn thành"
    r"|Hoàn chỉnh|Quý|Trong (?:năm|quý|tháng)|Hằng năm|Hàng năm|Từ năm|Thường xuyên)"
    r"|sơ kết|tổng kết|[Qq]uý [IV]+/\d{4}|tháng \d{1,2}/\d{4}"
)
_MIN_LABELS = 4


@dataclass(frozen=True)
class LineRun:
    """Lines of ordinary text between tables."""

    lines: list[str]


@dataclass(frozen=True)
class FlatTable:
    """A rebuilt table: a header row of labels, then one row of cells per table row."""

    rows: list[list[str]]


Block = list[str]


def _header_at(lines: list[str], start: int) -> tuple[int, list[str]] | None:
    """Return (end, column keys in order) when a column header starts at `start`."""
    if not _HEADER_START.match(lines[start]):
        return None
    taken: list[str] = []
    end = start
    for index in range(start, min(len(lines), start + 40)):
        line = lines[index]
        if line and index > start and (_ROW_ID.match(line) or _GROUP_ROW.match(line)):
            break
        taken.append(line)
        end = index + 1
    joined = " ".join(line for line in taken if line)
    found = sorted(
        (match.start(), key)
        for key, pattern in COLUMN_LABELS.items()
        if (match := pattern.search(joined))
    )
    keys = [key for _position, key in found]
    if len(keys) < _MIN_LABELS or "name" not in keys or keys[0] != "number":
        return None
    return end, keys


def _blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    current: Block = []
    for line in lines:
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _width(block: Block) -> int:
    return max(len(line) for line in block)


def _block_cost(
    block: Block, key: str, widths: dict[str, float], *, continuation: bool = False
) -> float:
    text = " ".join(block)
    measures = bool(_MEASURES.match(block[0]))
    timing = bool(_TIMING.search(text)) and not measures
    cost = 0.0
    if key == "measures":
        cost += 0.0 if measures or continuation else 2.0
    elif measures:
        cost += 2.0
    if key == "timing":
        cost += 0.0 if timing else 1.0
    elif timing and key == "result":
        cost += 0.5
    width = widths.get(key)
    if width:
        cost += abs(_width(block) - width) / width
        if _width(block) > width + 3:
            cost += 0.5
    return cost


def _align(
    blocks: list[Block], keys: list[str], widths: dict[str, float], *, continuation: bool = False
) -> list[list[Block]]:
    """Return, per column in `keys`, the blocks placed there (order kept, columns skippable)."""
    columns: list[list[Block]] = [[] for _ in keys]
    if not blocks:
        return columns
    count, width = len(blocks), len(keys)
    infinity = float("inf")
    best = [[infinity] * width for _ in range(count)]
    back = [[-1] * width for _ in range(count)]
    skip = 0.1 if continuation else 0.4
    for column in range(width):
        cost = _block_cost(blocks[0], keys[column], widths, continuation=continuation)
        best[0][column] = cost + skip * column
    for index in range(1, count):
        for column in range(width):
            cost = _block_cost(blocks[index], keys[column], widths, continuation=continuation)
            for previous in range(column + 1):
                stay = 0.6 if previous == column else skip * (column - previous - 1)
                total = best[index - 1][previous] + cost + stay
                if total < best[index][column]:
                    best[index][column], back[index][column] = total, previous
    column = min(range(width), key=lambda position: best[count - 1][position])
    for index in range(count - 1, -1, -1):
        columns[column].insert(0, blocks[index])
        column = back[index][column]
    return columns


@dataclass
class _Row:
    number: str
    label: str | None
    segments: list[list[Block]]


def _split_overwide(cells: dict[str, list[str]], keys: list[str], widths: dict[str, float]) -> None:
    """Move text that spilled into a narrow column's last line over to the next empty column."""
    for position, key in enumerate(keys):
        lines = cells.get(key)
        width = widths.get(key)
        if not lines or not width or key in ("name", "measures"):
            continue
        last = lines[-1]
        if len(last) <= width + 3:
            continue
        empty = [k for k in keys[position + 1 :] if not cells.get(k)]
        if not empty:
            continue
        words = last.split(" ")
        for cut in range(len(words) - 1, 0, -1):
            head, tail = " ".join(words[:cut]), " ".join(words[cut:])
            if len(head) <= width + 3 and tail[:1].isupper():
                lines[-1] = head
                cells[empty[-1]] = [tail]
                break


def _parse_table(lines: list[str], header_lines: list[str], keys: list[str]) -> list[list[str]]:
    rows: list[_Row] = []
    current: _Row | None = None
    segment: list[str] = []
    header_size = len(header_lines)
    index = 0
    after_group = True
    while index < len(lines):
        line = lines[index]
        if header_size and lines[index : index + header_size] == header_lines:
            if current is not None:
                current.segments.append(_blocks(segment))
                segment = []
            index += header_size
            continue
        previous_blank = index == 0 or not lines[index - 1] or after_group
        after_group = False
        row_id = _ROW_ID.match(line) if previous_blank else None
        group = None
        if previous_blank and not row_id:
            group = _GROUP_ROW.match(line)
            if group and len(line) > 70:
                group = None
        if row_id or group:
            if current is not None:
                current.segments.append(_blocks(segment))
            segment = []
            if row_id:
                current = _Row(row_id.group(1), None, [])
                rows.append(current)
            else:
                assert group is not None
                rows.append(_Row(group.group(1), group.group(2).strip(), []))
                current = None
                after_group = True
            index += 1
            continue
        if current is not None:
            segment.append(line)
        index += 1
    if current is not None:
        current.segments.append(_blocks(segment))

    cell_keys = [key for key in keys if key != "number"]
    _split_frequent_values(rows)
    widths = _column_widths(rows, cell_keys)
    table: list[list[str]] = []
    for row in rows:
        if row.label is not None:
            table.append([row.number, row.label] + [""] * (len(cell_keys) - 1))
            continue
        cells: dict[str, list[str]] = {key: [] for key in cell_keys}
        for number, blocks in enumerate(row.segments):
            if not blocks:
                continue
            if number == 0:
                cells["name"].extend(blocks[0])
                placed = _align(blocks[1:], cell_keys[1:], widths)
                offset = 1
            else:
                placed = _align(blocks, cell_keys, widths, continuation=True)
                offset = 0
            for position, column_blocks in enumerate(placed):
                key = cell_keys[position + offset]
                for block in column_blocks:
                    cells[key].extend(block)
        _split_overwide(cells, cell_keys, widths)
        table.append([row.number] + [_cell_text(cells[key]) for key in cell_keys])
    return table


def _cell_text(lines: list[str]) -> str:
    text = " ".join(lines).strip()
    return text[2:] if text.startswith("- ") and not _MEASURES.match(text) else text


def _column_widths(rows: list[_Row], keys: list[str]) -> dict[str, float]:
    """Return each column's typical widest line, from rows that have every cell and no break."""
    samples: dict[str, list[int]] = {key: [] for key in keys}
    for row in rows:
        if row.label is not None or len(row.segments) != 1:
            continue
        blocks = row.segments[0]
        if len(blocks) != len(keys):
            continue
        for key, block in zip(keys, blocks, strict=True):
            samples[key].append(_width(block))
    return {key: float(max(values)) for key, values in samples.items() if values}


def _split_frequent_values(rows: list[_Row]) -> None:
    """Cut a cell value that recurs on its own line (e.g. a stock result) off longer lines.

    Text taken from a PDF sometimes prints the last line of one cell and the next cell on the
    same line; a value seen as a whole block in several rows is recognised at a line's end.
    """
    counts: dict[str, int] = {}
    for row in rows:
        for blocks in row.segments:
            for block in blocks:
                if len(block) == 1 and len(block[0].split()) >= 3:
                    counts[block[0]] = counts.get(block[0], 0) + 1
    frequent = sorted((value for value, count in counts.items() if count >= 3), key=len)
    if not frequent:
        return
    for row in rows:
        for blocks in row.segments:
            index = 0
            while index < len(blocks):
                block = blocks[index]
                last = block[-1]
                for value in frequent:
                    if last.endswith(" " + value) and len(last) > len(value) + 1:
                        block[-1] = last[: -len(value) - 1]
                        blocks.insert(index + 1, [value])
                        break
                index += 1


def find_flat_tables(lines: list[str]) -> list[LineRun | FlatTable]:
    """Return `lines` cut into runs of ordinary text and the flattened tables among them."""
    pieces: list[LineRun | FlatTable] = []
    start = 0
    index = 0
    while index < len(lines):
        header = _header_at(lines, index) if lines[index] else None
        if header is None:
            index += 1
            continue
        end, keys = header
        stop = next(
            (k for k in range(end, len(lines)) if _TABLE_END.match(lines[k])), len(lines)
        )
        header_lines = lines[index:end]
        while header_lines and not header_lines[-1]:
            header_lines.pop()
        if start < index:
            pieces.append(LineRun(lines[start:index]))
        labels = _header_labels(header_lines, keys)
        rows = _parse_table(lines[end:stop], header_lines, keys)
        pieces.append(FlatTable([labels, *rows]))
        start = index = stop
    if start < len(lines):
        pieces.append(LineRun(lines[start:]))
    return pieces


def _header_labels(header_lines: list[str], keys: list[str]) -> list[str]:
    joined = " ".join(line for line in header_lines if line)
    starts = sorted(
        (match.start(), key)
        for key in keys
        if (match := COLUMN_LABELS[key].search(joined))
    )
    labels: list[str] = []
    for position, (offset, _key) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(joined)
        labels.append(joined[offset:end].strip())
    return labels
