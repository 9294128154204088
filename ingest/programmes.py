"""Lists of provincial programmes (đề án, chương trình, kế hoạch) that lower levels must carry.

A guidance letter lists them as a numbered run under a heading that names "đề án"; most
items open with a programme type word. Each programme's field comes from the template
outlines that group the same programmes under field headings ("Về phát triển kinh tế",
"Vận hành hiệu quả chính quyền địa phương"); the template with the most groups wins, since it
is the finer grouping. A programme restricted to some places says so: a list of places after
a colon, a named border area, or the name of one of the places listed elsewhere.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.model import Programme, SourceText, Span
from vntext import fold_tone_placement

__all__ = ["extract_programmes"]

_LIST_HEADING = re.compile(r"đề án", re.IGNORECASE)
_ITEM = re.compile(r"^(\d{1,3})\.\s+(.+)$")
_KINDS = (("Đề án", "de_an"), ("Chương trình", "chuong_trinh"), ("Kế hoạch", "ke_hoach"))
_GROUP_FIELDS = (
    (r"chính quyền|hành chính", "government_operation"),
    (r"dân tộc|tôn giáo", "ethnic_religion"),
    (r"quốc phòng|an ninh|đối ngoại", "defense_security_foreign"),
    (r"văn hóa|xã hội", "culture_society"),
    (r"kinh tế", "economy"),
)
_TEMPLATE = re.compile(r"^MẪU\b")
_GROUP_HEADING = re.compile(r"^\d{1,2}\.\s+(.+)$")
_STOPWORD_TEXT = (
    "các nhiệm vụ biện pháp giải pháp của và có liên quan địa phương việc thuộc chức năng"
    " đối với triển khai trên địa bàn tỉnh phối hợp trách nhiệm đề án chương trình kế"
    " hoạch hỗ trợ thực hiện giai đoạn đến năm định hướng"
)
_STOPWORDS = frozenset(re.findall(r"\w+", _STOPWORD_TEXT))


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    folded = fold_tone_placement(text.lower())
    return frozenset(word for word in re.findall(r"\w+", folded) if word not in _STOPWORDS)


def _programme_lines(lines: list[tuple[str, int]]) -> tuple[str, list[tuple[str, str, int]]]:
    """Return the list's heading and its (number, title, offset) items."""
    for index, (line, _offset) in enumerate(lines):
        if not _LIST_HEADING.search(line) or _ITEM.match(line):
            continue
        items: list[tuple[str, str, int]] = []
        for candidate, offset in lines[index + 1 :]:
            if not candidate.strip():
                continue
            match = _ITEM.match(candidate)
            if not match:
                break
            items.append((match.group(1), match.group(2), offset + match.start(2)))
        typed = sum(1 for _n, title, _o in items if title.startswith(tuple(k for k, _ in _KINDS)))
        if len(items) >= 3 and typed * 2 >= len(items):
            return line, items
    return "", []


def _template_groups(lines: list[tuple[str, int]]) -> list[list[tuple[str, str]]]:
    """Return, per template, its (field, bullet text) pairs."""
    templates: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] | None = None
    field: str | None = None
    for line, _offset in lines:
        if _TEMPLATE.match(line):
            current = []
            templates.append(current)
            field = None
            continue
        if current is None:
            continue
        heading = _GROUP_HEADING.match(line)
        if heading:
            folded = fold_tone_placement(heading.group(1).lower())
            field = next(
                (
                    code
                    for pattern, code in _GROUP_FIELDS
                    if re.search(fold_tone_placement(pattern), folded)
                ),
                None,
            )
            continue
        if field and line.startswith(("- ", "– ")):
            current.append((field, line[2:]))
    return templates


def _field(title: str, templates: list[list[tuple[str, str]]]) -> str | None:
    words = _words(title)
    ranked = sorted(templates, key=lambda t: len({f for f, _ in t}), reverse=True)
    for template in ranked:
        best, best_score = None, 0.0
        for field, bullet in template:
            bullet_words = _words(bullet)
            if not words or not bullet_words:
                continue
            score = len(words & bullet_words) / len(words)
            if score > best_score:
                best, best_score = field, score
        if best is not None and best_score >= 0.6:
            return best
    return None


def _places_listed(title: str) -> list[str]:
    if ":" not in title:
        return []
    tail = title.split(":", 1)[1].strip().rstrip(".")
    names = [name.strip() for name in tail.split(",")]
    if len(names) >= 2 and all(name[:1].isupper() for name in names if name):
        return [name for name in names if name]
    return []


def extract_programmes(source: SourceText) -> list[Programme]:
    """Return the programmes of a list of programmes, or an empty list when there is none."""
    lines: list[tuple[str, int]] = []
    offset = 0
    for line in source.text.split("\n"):
        lines.append((line, offset))
        offset += len(line) + 1
    heading, items = _programme_lines(lines)
    heading = re.sub(r"\s+", " ", heading.strip(" *_#")).strip() or None
    if not items:
        return []
    templates = _template_groups(lines)
    known_places = {place for _n, title, _o in items for place in _places_listed(title)}
    programmes: list[Programme] = []
    for number, title, start in items:
        kind = next((code for word, code in _KINDS if title.startswith(word)), "other")
        applies = _places_listed(title)
        if not applies:
            border = re.search(r"(?:khu vực|vùng|các xã) biên giới", title)
            if border:
                applies = [border.group(0)]
            else:
                applies = [place for place in sorted(known_places) if place in title]
        programmes.append(
            Programme(
                id=number,
                title=title,
                kind=kind,
                field=_field(title, templates),
                applies_to=applies,
                span=Span(start, start + len(title)),
                list_heading=heading,
            )
        )
    return programmes
