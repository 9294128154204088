"""Folding Vietnamese text for matching, search and identifiers.

Three strengths, from weakest to strongest:
- `fold_tone_placement` only moves tone marks to one placement ("hoà" and "hòa" meet);
- `match_key` adds case and whitespace folding, keeping the letters' accents;
- `fold_accents` drops every diacritic ("Đất đai" becomes "dat dai"), for accent-insensitive
  search; it merges many distinct syllables, so callers rank exact-accent matches first.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from vntext.normalize import normalize_unicode

# The five tone marks as combining characters (NFD). Other marks (circumflex, breve, horn) are
# part of the vowel letter and never move.
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_WORD = re.compile(r"\w+")
# Open syllables whose tone placement differs between the old and new conventions: the tone
# goes on the first vowel ("hòa", "khỏe", "thủy") when nothing follows the pair.
_MOVABLE_PAIRS = ("oa", "oe", "uy")


# Documents reuse a small vocabulary of syllables, so each is rebuilt once.
@lru_cache(maxsize=1 << 16)
def _move_tone(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in _TONE_MARKS]
    if len(tones) != 1:
        return word
    bare = "".join(ch for ch in decomposed if ch not in _TONE_MARKS)
    base_letters = "".join(ch for ch in bare if not unicodedata.combining(ch))
    lower = base_letters.lower()
    for pair in _MOVABLE_PAIRS:
        if not lower.endswith(pair):
            continue
        start = len(lower) - 2
        if pair == "uy" and lower[:start].endswith("q"):
            return word  # "quý": u belongs to the consonant "qu", y carries the tone
        if start > 0 and lower[start - 1] in "aăâeêioôơuưy":
            return word  # part of a longer vowel cluster, not the open pair
        # Rebuild: put the tone right after the first vowel of the pair.
        out: list[str] = []
        letter_index = -1
        for ch in bare:
            out.append(ch)
            if not unicodedata.combining(ch):
                letter_index += 1
            if letter_index == start and not unicodedata.combining(ch):
                out.append(tones[0])
        return unicodedata.normalize("NFC", "".join(out))
    return word


def fold_tone_placement(text: str) -> str:
    """Return `text` with tone marks of open oa/oe/uy syllables on the first vowel.

    The original text stays untouched for display; use this for matching only.

    >>> fold_tone_placement("hoà bình, thuỷ lợi, quý")
    'hòa bình, thủy lợi, quý'
    """
    text = normalize_unicode(text)
    return _WORD.sub(lambda m: _move_tone(m.group(0)), text)


def match_key(text: str) -> str:
    """Return a key for comparing Vietnamese phrases that keeps accents.

    Tone placement, case and runs of white space are folded.

    >>> match_key("  Cụ thể  HOÁ ") == match_key("cụ thể hóa")
    True
    """
    return " ".join(fold_tone_placement(text).casefold().split())


def fold_accents(text: str) -> str:
    """Return `text` lower-cased without any diacritic, with `đ` as `d`.

    >>> fold_accents("Đất đai Nông thôn mới")
    'dat dai nong thon moi'
    """
    decomposed = unicodedata.normalize("NFD", normalize_unicode(text))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d").replace("Đ", "D").casefold()


def slugify(text: str, *, keep: str = "") -> str:
    """Return a lower-case ASCII slug of `text`: letters, digits and single hyphens.

    Characters listed in `keep` are kept as they are.

    >>> slugify("Ủy ban nhân dân xã Vĩnh Phong")
    'uy-ban-nhan-dan-xa-vinh-phong'
    """
    folded = fold_accents(text)
    allowed = re.escape(keep)
    slug = re.sub(rf"[^a-z0-9{allowed}]+", "-", folded)
    return slug.strip("-")
