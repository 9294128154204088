"""Folding text for the search index so that offsets in the folded text fit the original.

The index keeps two forms of every text: the *exact* form (tone placement and case folded,
accents kept) and the *folded* form (no accents, `đ` as `d`, from `vntext.fold_accents`). The
folded form is folded one character at a time, so it has exactly the original's length and a
word found in it can be highlighted at the same offsets in the original.
"""

from __future__ import annotations

import re
from functools import cache

from vntext.folding import fold_accents, fold_tone_placement
from vntext.normalize import normalize_unicode

__all__ = ["WORD", "display_text", "exact_text", "exact_words", "folded_text", "folded_words"]

WORD = re.compile(r"[^\W_]+")
"""A word as FTS5's unicode61 tokenizer sees one: a run of letters and digits."""


def display_text(text: str) -> str:
    r"""Return `text` in NFC with every run of white space made one space, for display.

    >>> display_text("  Nông thôn\n mới ")
    'Nông thôn mới'
    """
    return " ".join(normalize_unicode(text).split())


@cache
def _fold_char(char: str) -> str:
    folded = fold_accents(char)
    # A character whose folding changes the length (ß → ss) stays itself, lower-cased when
    # that keeps the length, so offsets keep matching the original.
    if len(folded) == 1:
        return folded
    lowered = char.lower()
    return lowered if len(lowered) == 1 else char


class _FoldTable(dict[int, str]):
    """str.translate's table, filled in one character at a time as characters are met."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def folded_text(text: str) -> str:
    """Return `text` without accents, lower-cased, `đ` as `d`, of the same length as `text`.

    >>> folded_text("Đất đai, NÔNG THÔN MỚI")
    'dat dai, nong thon moi'
    """
    return text.translate(_FOLD_TABLE)


def exact_text(text: str) -> str:
    """Return `text` with tone placement and case folded, accents kept (the exact form).

    >>> exact_text("Hoà BÌNH")
    'hòa bình'
    """
    return fold_tone_placement(text).casefold()


def folded_words(query: str) -> list[str]:
    """Return the folded words of a query, in order, without FTS5 syntax of any kind.

    >>> folded_words('"Đất đai" OR nông*')
    ['dat', 'dai', 'or', 'nong']
    """
    return WORD.findall(folded_text(display_text(query)))


def exact_words(query: str) -> list[str]:
    """Return the words of a query in the exact form (accents kept), in order.

    >>> exact_words("Nông thôn (mới)")
    ['nông', 'thôn', 'mới']
    """
    return WORD.findall(exact_text(display_text(query)))
