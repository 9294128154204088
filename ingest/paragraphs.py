"""Cleaning one run of text: page furniture out, hard line wraps joined into paragraphs.

The result has one paragraph per line; a blank line separates paragraphs that the source
separated with a blank line and that do not continue one another. Flattened tables found in
the run are handed back separately, rebuilt into rows (see `ingest.flat_table`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict

from ingest.flat_table import FlatTable, find_flat_tables

__all__ = ["clean_text_run", "is_item_start", "join_wrapped_lines"]

_PAGE_NUMBER = re.compile(r"(?:-\s*)?\d{1,3}(?:\s*-)?|[Tt]rang \d{1,3}(?:/\d{1,3})?")
_ITEM_START = re.compile(
    r"""^(?:
        [-–•+*](?:\s|$)                      # bullets
      | \(\d{1,3}\)(?!\s*[,;.])               # (1) but not "(3), (4)" in a list
      | [IVXLC]{1,6}\s*[.\-–)]\s             # I.  II-
      | \d{1,2}(?:\.\s?\d{1,2})*\.(?:\s|$)   # 1.  1.1.  4. 1.
      | \d{1,2}(?:\.\d{1,2})+\s             # 1.1 (no final dot)
      | [a-zđ]\)\s                           # a)
      | Chỉ\s+tiêu\s+\d+\s*:                 # Chỉ tiêu 3:
      | (?:Nơi\s+nh[ậâ]n|T/M|TM\.|KT\.|PHỤ\s+LỤC|MẪU\b)
      | [-_=*.]{3,}$                         # rules drawn with dashes
    )""",
    re.VERBOSE,
)
_HEADING = re.compile(r"^(?:[IVXLC]{1,6}\s*[.\-–)]\s|\d{1,2}(?:\.\s?\d{1,2})*\.?\s)")
_SENTENCE_END = re.compile(r"[.:;!?…”\")]\**$")
_FOOTNOTE_LINE = re.compile(r"^(\d{1,2})\s+[A-ZĐÀ-Ỹ][^\n]{5,}$")
_MIN_REPEATED_RUN = 8
_MIN_REPEATS = 3


def is_item_start(line: str) -> bool:
    """Return True when `line` opens a new list item, heading or closing block."""
    return bool(_ITEM_START.match(line))


def _remove_repeated_runs(lines: list[str]) -> list[str]:
    """Drop the second and later copies of multi-line runs repeated verbatim (page headers)."""
    content = [index for index, line in enumerate(lines) if line]
    keys = [lines[index] for index in content]
    width = _MIN_REPEATED_RUN
    windows: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for position in range(len(keys) - width + 1):
        windows[tuple(keys[position : position + width])].append(position)
    candidates = sorted(
        ((len(starts), window, starts) for window, starts in windows.items()),
        key=lambda item: -item[0],
    )
    removed: set[int] = set()
    for count, _window, starts in candidates:
        if count < _MIN_REPEATS:
            break
        starts = [start for start in starts if not removed & set(range(start, start + width))]
        if len(starts) < _MIN_REPEATS:
            continue
        length = width
        while all(
            start + length < len(keys) and keys[start + length] == keys[starts[0] + length]
            for start in starts
        ) and not any(start + length in removed for start in starts):
            length += 1
        for start in starts[1:]:
            removed.update(range(start, start + length))
    drop = {content[position] for position in removed}
    return [line for index, line in enumerate(lines) if index not in drop]


def _remove_page_numbers(lines: list[str]) -> list[str]:
    """Drop lines holding only a page number, set apart by two or more blank lines."""
    kept: list[str] = []
    for index, line in enumerate(lines):
        if line and _PAGE_NUMBER.fullmatch(line):
            before = lines[max(0, index - 2) : index]
            after = lines[index + 1 : index + 3]
            if (index < 2 or not any(before)) and (len(after) < 2 or not any(after)):
                continue
        kept.append(line)
    return kept


def _remove_footnotes(lines: list[str]) -> list[str]:
    """Drop footnote lines ("1 Theo ...") and the markers glued to words that point to them."""
    markers = Counter(re.findall(r"\w\((\d{1,2})\)", "\n".join(lines)))
    text_lines: list[str] = []
    found: set[str] = set()
    for line in lines:
        match = _FOOTNOTE_LINE.match(line)
        if match and markers.get(match.group(1)) == 1 and not is_item_start(line):
            found.add(match.group(1))
            continue
        text_lines.append(line)
    if not found:
        return lines
    pattern = re.compile(r"(?<=\w)\((" + "|".join(sorted(found)) + r")\)")
    return [pattern.sub("", line) for line in text_lines]


def join_wrapped_lines(lines: list[str]) -> str:
    """Return the lines with hard wraps joined: one paragraph per line, blocks apart.

    A single line break continues the paragraph unless the next line opens an item. A blank
    line continues it too when the paragraph has not ended (no closing punctuation) and the
    next line neither opens an item nor follows a heading.
    """
    wrap_width = _wrap_width(lines)
    paragraphs: list[str] = []
    breaks: list[str] = []
    blank_seen = False
    last_line = ""
    for line in lines:
        if not line:
            blank_seen = True
            continue
        if not paragraphs:
            paragraphs.append(line)
            blank_seen, last_line = False, line
            continue
        previous = paragraphs[-1]
        starts_item = is_item_start(line)
        capitals = _is_capitals(last_line) or _is_capitals(line)
        if not blank_seen:
            joined = not starts_item and not capitals
        else:
            ended = bool(_SENTENCE_END.search(previous))
            heading = bool(_HEADING.match(previous)) and len(previous) < 160
            wrapped = wrap_width > 0 and len(last_line) >= 0.7 * wrap_width
            continues = not line[:1].isupper() or (wrapped and not heading)
            joined = not starts_item and not ended and not capitals and continues
        if joined:
            paragraphs[-1] = previous + " " + line
        else:
            paragraphs.append(line)
            breaks.append("\n\n" if blank_seen else "\n")
        blank_seen, last_line = False, line
    if not paragraphs:
        return ""
    out = [paragraphs[0]]
    for separator, paragraph in zip(breaks, paragraphs[1:], strict=True):
        out.append(separator)
        out.append(paragraph)
    return "".join(out)


def _is_capitals(line: str) -> bool:
    letters = [ch for ch in line if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _wrap_width(lines: list[str]) -> float:
    """Return the usual length of hard-wrapped lines in the run, or 0 when it has none."""
    widths = sorted(
        len(line)
        for line, following in itertools.pairwise(lines)
        if line and following and not is_item_start(following) and len(line) > 30
    )
    return float(widths[len(widths) // 2]) if len(widths) >= 3 else 0.0


def _tidy(line: str) -> str:
    return re.sub(r"[ \t\u00a0]+", " ", line).strip()


def clean_text_run(text: str) -> list[str | list[list[str]]]:
    """Return the run as cleaned text pieces and the flattened tables rebuilt from it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n\n")
    lines = [_tidy(line) for line in text.split("\n")]
    lines = _remove_page_numbers(lines)
    lines = _remove_footnotes(lines)
    parts: list[str | list[list[str]]] = []
    for piece in find_flat_tables(lines):
        if isinstance(piece, FlatTable):
            parts.append(piece.rows)
            continue
        joined = join_wrapped_lines(_remove_repeated_runs(piece.lines))
        if joined:
            parts.append(joined)
    return parts
