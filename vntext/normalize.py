"""Unicode normalisation applied to every text before anything else reads it."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# The Icelandic eth looks like the Vietnamese d-with-stroke and is a common typing slip.
_ETH_TO_D_STROKE = str.maketrans({"ð": "đ", "Ð": "Đ"})
# Unicode's stream-safe limit (UAX #15): NFC reorders a run of combining marks in quadratic
# time, so a hostile text of thousands of marks in a row took minutes; no script needs more.
_MAX_COMBINING_RUN = 30
# Every character with a non-zero combining class lies below this code point.
_COMBINING_LIMIT = 0x20000
_BMP_LIMIT = 0x10000
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _run_pattern(limit: int) -> re.Pattern[str]:
    ranges: list[str] = []
    start = None
    for code in range(limit + 1):
        combining = code < limit and unicodedata.combining(chr(code)) != 0
        if combining and start is None:
            start = code
        elif not combining and start is not None:
            ranges.append(f"{re.escape(chr(start))}-{re.escape(chr(code - 1))}")
            start = None
    marks = f"[{''.join(ranges)}]"
    return re.compile(f"({marks}{{{_MAX_COMBINING_RUN}}}){marks}+")


@cache
def _long_combining_runs() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # The engine matches a class of basic-plane characters by bitmap; one reaching beyond
    # the plane is matched range by range, twenty times slower, so it serves only texts
    # that have such characters.
    return _run_pattern(_BMP_LIMIT), _run_pattern(_COMBINING_LIMIT)


def normalize_unicode(text: str) -> str:
    """Return `text` in NFC with the eth look-alikes replaced by `đ`/`Đ`.

    A run of more than 30 combining marks keeps its first 30.

    >>> normalize_unicode("ðảng") == "đảng"
    True
    """
    basic, every = _long_combining_runs()
    text = (every if _ASTRAL.search(text) else basic).sub(r"\1", text)
    return unicodedata.normalize("NFC", text).translate(_ETH_TO_D_STROKE)
