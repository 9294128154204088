"""Build candidates: programme titles enriched with the wording that describes them.

A programme title alone is a dozen syllables; the documents around it say much more. Two
sources are read, both by rules about the genre, never about one province:

- the guidance letter that lists the programmes. Its templates ("MẪU ...") repeat each
  programme as a line, sometimes with extra words ("... trên lĩnh vực dân tộc, tôn giáo"),
  under a heading that names the field ("Về phát triển văn hóa, xã hội"). Every line that
  covers most of a title's specific wording, and its heading, describe that programme.
- the provincial action programme's tasks, measures and indicators. Each item is linked to
  the programmes by the same scorer that links commune tasks; an accepted item describes the
  programmes it was linked to. The resources clause ("Nguồn lực: Ngân sách ...") is dropped:
  every item has one, and it would tie budget wording to every programme.

Topics of the lexicon are attached by the `Linker` to every candidate from its title and
descriptions, so candidates built elsewhere get them too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from linking.index import TermIndex
from linking.model import Candidate
from linking.similarity import Linker
from linking.tokens import fold, terms

__all__ = ["build_item_candidates", "build_programme_candidates", "without_resources"]

# Share of a title's specific wording (idf-weighted) a guidance line must contain to be
# read as that programme's line.
_LINE_COVERAGE = 0.6
# Provincial items describe a programme only when they clearly belong to it: a stricter
# threshold than for commune tasks, since a wrong item would pull unrelated tasks along.
_ITEM_THRESHOLD = 0.45
# Share of the line's own wording that must come from the titles it restates.
_LINE_PRECISION = 0.4
_HEADING = re.compile(r"^\s*(?:[IVXLC]+|\d+(?:\.\d+)*)\s*[.)\-]\s*(?P<text>\S.*)$")
_HEADING_MAX_LENGTH = 120
_BULLET = re.compile(r"^\s*[-+•*–]\s*")
_ASIDE = re.compile(r"\*?\([^)]*\)\*?|\*+")
_RESOURCES = re.compile(r"[-–;.]?\s*\bnguồn lực\s*:.*?(?=[-–]\s*biện pháp\s*:|$)", re.I | re.S)
_MEASURE_LABEL = re.compile(r"[-–]?\s*\bbiện pháp\s*:\s*", re.I)


def without_resources(text: str) -> str:
    """Return `text` without its "Nguồn lực: ..." clause and "Biện pháp:" labels.

    >>> without_resources("- Biện pháp: Trồng rừng. - Nguồn lực: Ngân sách; ngoài ngân sách.")
    'Trồng rừng.'
    """
    text = _RESOURCES.sub(" ", text)
    text = _MEASURE_LABEL.sub(" ", text)
    return " ".join(text.split())


def _statement(item: str) -> str:
    """Return what an item says it does: its text before any line break or measures label."""
    first = item.strip().split("\n", 1)[0]
    return _MEASURE_LABEL.split(first, maxsplit=1)[0].strip()


def _clean_line(line: str) -> str:
    line = _BULLET.sub("", line)
    return " ".join(_ASIDE.sub(" ", line).split())


class _TitleCoverage:
    """Which titles a line restates: most of their wording in it, little else in it."""

    def __init__(self, titles: Sequence[str]) -> None:
        self._titles = [terms(title) for title in titles]
        self._index = TermIndex(self._titles)
        self._totals = [self._mass(title) for title in self._titles]

    def _mass(self, words: Iterable[str]) -> float:
        return sum(self._index.idf(term) for term in words)

    def covered(self, line: str) -> list[int]:
        """Return the positions of the titles `line` restates, or [] if it is about more."""
        found = terms(line)
        if not found:
            return []
        hits: list[int] = []
        for position, (title, total) in enumerate(zip(self._titles, self._totals, strict=True)):
            if total > 0 and self._mass(t for t in title if t in found) / total >= _LINE_COVERAGE:
                hits.append(position)
        if not hits:
            return []
        union = set().union(*(self._titles[position] for position in hits))
        if self._mass(t for t in found if t in union) / self._mass(found) < _LINE_PRECISION:
            return []  # a sentence that mentions the programme among other things
        return hits


def _guidance_descriptions(titles: Sequence[str], guidance_text: str) -> list[list[str]]:
    """Return, per title, the guidance lines that restate it and the headings above them."""
    coverage = _TitleCoverage(titles)
    listed = {fold(" ".join(title.split())).rstrip(" .") for title in titles}
    found: list[list[str]] = [[] for _ in titles]
    heading: str | None = None
    for raw in guidance_text.splitlines():
        line = _clean_line(raw)
        if not line:
            continue
        numbered = _HEADING.match(line)
        body = numbered.group("text") if numbered else line
        if fold(body).rstrip(" .") in listed:
            continue  # the list entry itself says nothing the title does not
        if numbered and not _BULLET.match(raw) and len(body) <= _HEADING_MAX_LENGTH:
            heading = body  # a numbered short line heads the lines below it
            continue
        hits = coverage.covered(body)
        for position in hits:
            for text in (body, heading):
                if text and text not in found[position]:
                    found[position].append(text)
    return found


def build_programme_candidates(
    programmes: Sequence[tuple[str, str]],
    *,
    guidance_text: str | None,
    provincial_items: Sequence[str],
) -> list[Candidate]:
    r"""Return one candidate per (number, title), enriched with the wording describing it.

    `guidance_text` is the full text of the document that lists the programmes: its template
    lines that restate a programme, and the headings above them, are added.
    `provincial_items` are the provincial action programme's tasks and indicators, each as
    its statement optionally followed by its measures (after a line break or a "Biện pháp:"
    label): an item is linked to the programmes by its statement and, where accepted,
    describes them with all its wording. Topics are attached later, by the `Linker`.

    >>> found = build_programme_candidates(
    ...     [("1", "Đề án phát triển du lịch"), ("2", "Đề án bảo vệ môi trường")],
    ...     guidance_text="2. Về văn hóa, xã hội\n- Các nhiệm vụ phát triển du lịch.",
    ...     provincial_items=["Phát triển du lịch cộng đồng. - Biện pháp: Xây dựng điểm đến."],
    ... )
    >>> for description in found[0].descriptions:
    ...     print(description)
    Các nhiệm vụ phát triển du lịch.
    Về văn hóa, xã hội
    Phát triển du lịch cộng đồng. Xây dựng điểm đến.
    """
    titles = [title for _number, title in programmes]
    guidance = (
        _guidance_descriptions(titles, guidance_text) if guidance_text else [[] for _ in titles]
    )
    described = [
        Candidate(number, title, tuple(lines))
        for (number, title), lines in zip(programmes, guidance, strict=True)
    ]
    item_linker = Linker(described, threshold=_ITEM_THRESHOLD)
    extra: dict[str, list[str]] = {candidate.key: [] for candidate in described}
    for item in provincial_items:
        text = without_resources(item)
        statement = _statement(item)
        if not text or not statement:
            continue
        for proposal in item_linker.accepted(statement):
            if text not in extra[proposal.key]:
                extra[proposal.key].append(text)
    return [
        Candidate(
            candidate.key, candidate.title, candidate.descriptions + tuple(extra[candidate.key])
        )
        for candidate in described
    ]


def build_item_candidates(items: Sequence[tuple[str, str]]) -> list[Candidate]:
    """Return one candidate per (IRI, text) of a provincial task or indicator.

    The resources clause is dropped from the text, as for programme profiles.

    >>> build_item_candidates([("urn:x", "Trồng rừng. - Nguồn lực: Ngân sách.")])[0].title
    'Trồng rừng.'
    """
    return [Candidate(key, without_resources(text)) for key, text in items]
