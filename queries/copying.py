r"""Near-verbatim copying between texts: shared runs of folded syllables.

Texts are compared as sequences of syllables (`\w+`) with tone placement and case folded,
so "hoà"/"hòa" and "Tỉnh"/"tỉnh" meet while a different accent still makes a different
word. Shared passages are found through an index of shingles (`SHINGLE` consecutive
syllables): consecutive shingles that match on one alignment form one shared run.

A text is judged a copy of one source (`is_copy`) when

- runs of at least `MIN_RUN` syllables shared with that source cover at least `MIN_RATIO` of
  the text and the longest of them has at least `MIN_LONGEST` syllables, or
- one shared run alone has `LONG_RUN` syllables or more (a whole copied sentence inside a
  longer task).

Shorter runs are the genre's common phrases. Measured on the corpus (the tasks of the three
commune plans against the texts of the two provincial documents), the longest run a commune
task shares with a provincial text outside quotations and names of bodies and documents is
11 syllables ("Đổi mới nội dung, phương thức hoạt động của Mặt trận") and the best coverage
0.18, so the thresholds leave a wide margin. Passages the caller blocks (quotations, names
of documents and bodies) never take part in a run: citing a resolution by its full name or
quoting a movement's slogan is not copying.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property

from vntext import fold_tone_placement, normalize_unicode

__all__ = [
    "LONG_RUN",
    "MIN_LONGEST",
    "MIN_RATIO",
    "MIN_RUN",
    "SHINGLE",
    "Overlap",
    "PhraseSet",
    "SharedRun",
    "ShingleIndex",
    "Syllables",
    "blocked_syllables",
    "is_copy",
    "syllables",
]

SHINGLE = 5
"""Syllables per shingle: the shortest passage two texts can be found to share."""
MIN_RUN = 8
"""A shared run counts towards coverage from this many syllables."""
MIN_RATIO = 0.5
"""Share of a text's syllables that counted runs must cover to call it a copy."""
MIN_LONGEST = 15
"""With enough coverage, the longest shared run must still reach this many syllables."""
LONG_RUN = 25
"""A single shared run this long is a copied passage whatever the text's length."""

_SYLLABLE = re.compile(r"\w+")
_QUOTED = re.compile(r"“[^”]{0,300}”|\"[^\"]{0,300}\"|‘[^’]{0,300}’|«[^»]{0,300}»")


@dataclass(frozen=True)
class Syllables:
    """A text (in NFC) as folded syllables; `spans` gives where each one is written."""

    text: str
    keys: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.keys)

    @cached_property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """Return the character span of each syllable in `text`."""
        return tuple(match.span() for match in _SYLLABLE.finditer(self.text))

    def passage(self, start: int, end: int) -> str:
        """Return the text from syllable `start` up to (not including) syllable `end`."""
        return self.text[self.spans[start][0] : self.spans[end - 1][1]]


@cache
def _fold(word: str) -> str:
    # Documents reuse a few thousand distinct syllables, so each is folded once.
    return fold_tone_placement(word).casefold()


def syllables(text: str) -> Syllables:
    """Return `text` as syllables folded for matching, keeping where each one is written.

    >>> syllables("Cụ thể hoá, CỤ THỂ HÓA").keys
    ('cụ', 'thể', 'hóa', 'cụ', 'thể', 'hóa')
    """
    normal = normalize_unicode(text)
    return Syllables(normal, tuple(map(_fold, _SYLLABLE.findall(normal))))


class PhraseSet:
    """Phrases (names of documents and bodies) whose words are blocked wherever they recur."""

    def __init__(self, phrases: Iterable[str], *, size: int = SHINGLE) -> None:
        self.size = size
        self._shingles: set[tuple[str, ...]] = set()
        for phrase in phrases:
            keys = syllables(phrase).keys
            for start in range(len(keys) - size + 1):
                self._shingles.add(keys[start : start + size])

    def covered(self, words: Syllables) -> list[bool]:
        """Return, per syllable of `words`, whether it lies in a known phrase."""
        marks = [False] * len(words)
        for start in range(len(words) - self.size + 1):
            if words.keys[start : start + self.size] in self._shingles:
                for position in range(start, start + self.size):
                    marks[position] = True
        return marks


def blocked_syllables(words: Syllables, phrases: PhraseSet | None = None) -> list[bool]:
    """Return, per syllable, whether it may not take part in a shared run.

    Blocked are syllables inside quotation marks (names of movements, slogans, titles) and,
    when `phrases` is given, syllables of a known name recurring in the text.
    """
    blocked = phrases.covered(words) if phrases is not None else [False] * len(words)
    quoted = [match.span() for match in _QUOTED.finditer(words.text)]
    if quoted:
        for index, (start, end) in enumerate(words.spans):
            if any(left <= start and end <= right for left, right in quoted):
                blocked[index] = True
    return blocked


@dataclass(frozen=True)
class SharedRun:
    """Syllables `start`..`end` of a text equal syllables from `source_start` of a source."""

    source: int
    start: int
    end: int
    source_start: int

    @property
    def length(self) -> int:
        """Return the run's length in syllables."""
        return self.end - self.start


@dataclass(frozen=True)
class Overlap:
    """How much of a text one source covers: counted syllables, the total and the longest run."""

    source: int
    covered: int
    total: int
    longest: SharedRun

    @property
    def ratio(self) -> float:
        """Return the share of the text's syllables inside counted runs (0 to 1)."""
        return self.covered / self.total if self.total else 0.0


def is_copy(overlap: Overlap | None) -> bool:
    """Return whether `overlap` makes its text a near-verbatim copy (see the module's rules)."""
    if overlap is None:
        return False
    if overlap.longest.length >= LONG_RUN:
        return True
    return overlap.ratio >= MIN_RATIO and overlap.longest.length >= MIN_LONGEST


class ShingleIndex:
    """The shingles of a set of source texts, to find the runs a new text shares with them."""

    def __init__(self, *, size: int = SHINGLE) -> None:
        self.size = size
        self.sources: list[Syllables] = []
        self._positions: dict[tuple[str, ...], list[tuple[int, int]]] = defaultdict(list)

    def add(self, words: Syllables) -> int:
        """Index one source; return its number, which `SharedRun.source` refers to."""
        number = len(self.sources)
        self.sources.append(words)
        for start in range(len(words) - self.size + 1):
            self._positions[words.keys[start : start + self.size]].append((number, start))
        return number

    def shared_runs(
        self, words: Syllables, blocked: Sequence[bool] | None = None
    ) -> list[SharedRun]:
        """Return every maximal run `words` shares with an indexed source.

        Shingles touching a `blocked` syllable are skipped, so blocked syllables break runs.
        """
        diagonals: dict[tuple[int, int], list[int]] = defaultdict(list)
        size = self.size
        for start in range(len(words) - size + 1):
            if blocked is not None and any(blocked[start : start + size]):
                continue
            for source, position in self._positions.get(words.keys[start : start + size], ()):
                diagonals[(source, position - start)].append(start)
        runs = []
        for (source, offset), starts in diagonals.items():
            first = last = starts[0]
            for start in starts[1:]:
                if start != last + 1:
                    runs.append(SharedRun(source, first, last + size, first + offset))
                    first = start
                last = start
            runs.append(SharedRun(source, first, last + size, first + offset))
        return runs

    def best_overlap(
        self, words: Syllables, blocked: Sequence[bool] | None = None
    ) -> Overlap | None:
        """Return the overlap of `words` with the source that covers most of it, or None.

        Ties go to the source with the longer longest run, then to the source indexed first.
        """
        covered: dict[int, set[int]] = defaultdict(set)
        longest: dict[int, SharedRun] = {}
        for run in self.shared_runs(words, blocked):
            if run.length >= MIN_RUN:
                covered[run.source].update(range(run.start, run.end))
            best = longest.get(run.source)
            if best is None or run.length > best.length:
                longest[run.source] = run
        if not longest:
            return None
        source = max(longest, key=lambda n: (len(covered.get(n, ())), longest[n].length, -n))
        return Overlap(source, len(covered.get(source, ())), len(words), longest[source])
