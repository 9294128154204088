"""Labels and snippets cut from the original text, with the matched words' offsets.

Snippets are plain text plus `(start, end)` offsets into that text, so a page can escape the
text and mark the words itself; no markup is ever put into the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from search.folding import WORD, folded_text

__all__ = ["Snippet", "label_of", "snippet_of"]

_ELLIPSIS = "…"
_LABEL_CHARS = 120
_SNIPPET_CHARS = 220
_CONTEXT_BEFORE = 60


@dataclass(frozen=True)
class Snippet:
    """A piece of the original text and the offsets of the matched words within it."""

    text: str
    highlights: tuple[tuple[int, int], ...]


def _cut_end(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + _ELLIPSIS


def label_of(text: str) -> str:
    """Return the start of `text`, at most about 120 characters, cut between words.

    >>> label_of("Xây dựng nông thôn mới")
    'Xây dựng nông thôn mới'
    """
    return _cut_end(text, _LABEL_CHARS)


def _matches(text: str, words: Sequence[str], prefix_last: bool) -> list[tuple[int, int, str]]:
    wanted = set(words)
    last = words[-1] if prefix_last and words else None
    found: list[tuple[int, int, str]] = []
    for match in WORD.finditer(folded_text(text)):
        word = match.group(0)
        if word in wanted:
            found.append((match.start(), match.end(), word))
        elif last is not None and word.startswith(last):
            found.append((match.start(), match.end(), last))
    return found


def _best_start(found: list[tuple[int, int, str]], text_length: int) -> int:
    best, best_count = 0, -1
    for start, _end, _word in found:
        window_start = max(0, start - _CONTEXT_BEFORE)
        window_end = window_start + _SNIPPET_CHARS
        count = len({word for s, e, word in found if s >= window_start and e <= window_end})
        if count > best_count:
            best, best_count = window_start, count
    return min(best, max(0, text_length - _SNIPPET_CHARS))


def snippet_of(text: str, words: Sequence[str], *, prefix_last: bool = True) -> Snippet:
    """Return the part of `text` around the most query words, with their offsets.

    `words` are folded query words; a text word matches one when their folded forms are
    equal (or, with `prefix_last`, when it starts with the last query word).

    >>> snippet_of("Xây dựng nông thôn mới", ["nong", "thon"])
    Snippet(text='Xây dựng nông thôn mới', highlights=((9, 13), (14, 18)))
    """
    found = _matches(text, words, prefix_last)
    if len(text) <= _SNIPPET_CHARS:
        return Snippet(text, tuple((start, end) for start, end, _word in found))
    start = _best_start(found, len(text))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    end = start + _SNIPPET_CHARS
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + _SNIPPET_CHARS // 2 else end
    lead = _ELLIPSIS if start > 0 else ""
    tail = _ELLIPSIS if end < len(text) else ""
    shift = len(lead) - start
    highlights = tuple((s + shift, e + shift) for s, e, _word in found if s >= start and e <= end)
    return Snippet(lead + text[start:end].rstrip() + tail, highlights)
