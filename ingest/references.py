"""References to other documents, and whether this document carries them out or cites them.

Three kinds of mention count (the answer keys' rules): a document number of any type; an
unnumbered Party congress resolution ("Nghị quyết Đại hội Đảng bộ tỉnh ..."); and another
unnumbered Party or State document named by type, issuing body and subject ("Nghị quyết của
Ban Thường vụ Thành ủy về ..."). Generic mentions, schemes (Đề án), laws and template
placeholders do not count. A reference is *implemented* when it is named in the title, the
preamble or the purpose section in a clause that carries it out ("Thực hiện", "Căn cứ", "Cụ
thể hóa", "tổ chức thực hiện"); otherwise it is *cited*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import DocumentInfo, Reference, SourceText, Span
from ontology.document_numbers import find_document_numbers
from vntext import fold_tone_placement

__all__ = ["carried_out", "extract_references", "references_in_name"]

_TYPE_WORDS = (
    r"Nghị quyết|Chương trình hành động|Chương trình|Kế hoạch|Quyết định|Chỉ thị|Kết luận"
    r"|Hướng dẫn|Thông báo|Công văn|Nghị định|Thông tư|Quy định"
)
_TYPE_BEFORE = re.compile(rf"({_TYPE_WORDS})(?:\s+số)?\s*$", re.IGNORECASE)
_DATE_AFTER = re.compile(
    r"^\s*,?\s*ngày\s+(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
    r"|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))"
)
# Written with single spaces; `_flexible` lets each match any run of white space, since a
# wrapped line may break a name anywhere.
_CONGRESS_PATTERN = (
    r"Nghị quyết (?:của )?Đại hội(?: đại biểu)?"
    r"(?P<body>(?: toàn quốc)?(?: lần thứ [IVXLC]+)? của Đảng(?! bộ)| [IVXLC]+ của Đảng(?! bộ)"
    r"|(?: lần thứ [IVXLC]+ của)? Đảng bộ (?!các cấp|cấp)(?:[^,;.()]{0,60}?))"
    r"(?P<tail>(?: lần thứ [IVXLC]+)?(?:,? ?nhiệm kỳ \d{4} ?[-–] ?\d{4})?)"
    r"(?=[\s,;.)]|$)"
)


def _flexible(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern.replace(" ?", r"\s*").replace(" ", r"\s+"))


_CONGRESS = _flexible(_CONGRESS_PATTERN)
# "kèm theo Chương trình ..." names the document the appendix belongs to: the document itself.
_ATTACHED_TO = re.compile(r"kèm\s+theo\s*$", re.IGNORECASE)
_UNNUMBERED = re.compile(
    rf"(?P<type>{_TYPE_WORDS}) của (?P<body>(?:Ban|Hội đồng|Ủy ban|Tỉnh ủy|Thành ủy|Bộ|Chính phủ"
    rf"|Thủ tướng|Quốc hội|UBND|HĐND)[^,;.]*?)(?=\s+(?:về|thực hiện)\s|,\s*(?:{_TYPE_WORDS}) của)"
)
_SUBJECT = re.compile(r"\s+((?:về|thực hiện)\s+[^;\n]*?)(?=;|\.\s|\.$|\s-{3,}|\n|$)")
_IMPLEMENT_CUES = re.compile(
    r"\b(?:thực hiện|căn cứ|cụ thể hóa|cụ thể hoá|triển khai|quán triệt)\b", re.IGNORECASE
)
_LIST_CUE = re.compile(
    r"^[\s\-+•]*(?:Thực hiện|Căn cứ|Cụ thể hóa|Cụ thể hoá|Triển khai|Quán triệt)\b", re.IGNORECASE
)
_LIST_ITEM_HEAD = re.compile(rf"\s*(?:và\s+)?(?:(?:{_TYPE_WORDS})(?:\s+số)?)?\s*", re.IGNORECASE)
_CARRIES_OUT = re.compile(r"\b(?:cụ\s+thể\s+hóa|thực\s+hiện|triển\s+khai)\s+", re.IGNORECASE)
# A list of congresses may drop the repeated words: "Nghị quyết Đại hội A, Đại hội B".
_BARE_CONGRESS = re.compile(r"(,|\svà)\s+(?=Đại\s+hội\b)")
_FIRST_SECTION = re.compile(r"^(?:[IVX]+\s*[.\-–]|1\.)\s", re.MULTILINE)
_TEMPLATE = re.compile(r"^MẪU\b", re.MULTILINE)


@dataclass
class _Found:
    key: str
    reference: Reference
    implements: bool


def _regions(text: str) -> tuple[int, list[tuple[int, int]]]:
    """Return where templates start and the spans where a mention means "implements"."""
    template = _TEMPLATE.search(text)
    template_start = template.start() if template else len(text)
    first = _FIRST_SECTION.search(text)
    preamble_end = first.start() if first else min(len(text), 1500)
    regions = [(0, preamble_end)]
    purpose = re.search(r"^[IVX]+\s*[.\-–]\s*MỤC ĐÍCH[^\n]*$", text, re.MULTILINE | re.IGNORECASE)
    if purpose and purpose.start() < template_start:
        following = re.compile(r"^[IVX]+\s*[.\-–]\s", re.MULTILINE).search(text, purpose.end())
        regions.append((purpose.start(), following.start() if following else template_start))
    return template_start, regions


def _sentence_around(text: str, start: int, end: int) -> str:
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind(";", 0, start))
    right_candidates = [p for p in (text.find(". ", end), text.find("\n", end)) if p != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right]


def _continues_list(text: str, start: int) -> bool:
    """Whether the mention at `start` is a later item of a list the paragraph opens with a cue.

    "Thực hiện A; B, ..." carries out B as well as A: the paragraph opens with the cue and
    nothing but B's own type words stands between the list separator and B.
    """
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start]
    if not _LIST_CUE.match(before) or ". " in before:
        return False
    separator = max(before.rfind(";"), before.rfind(","))
    return separator > 0 and bool(_LIST_ITEM_HEAD.fullmatch(before[separator + 1 :]))


def _implements(text: str, start: int, end: int, regions: list[tuple[int, int]]) -> bool:
    if not any(low <= start < high for low, high in regions):
        return False
    clause = _sentence_around(text, start, end)
    return bool(_IMPLEMENT_CUES.search(clause)) or _continues_list(text, start)


def _iso_date(match: re.Match[str]) -> str:
    day, month, year = (match.group(1), match.group(2), match.group(3))
    if day is None:
        day, month, year = match.group(4), match.group(5), match.group(6)
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _issuer(after: str) -> str | None:
    match = re.match(r"^\s*,?\s*của\s+(.{2,90})", after)
    if not match:
        return None
    issuer = re.split(
        r"\s+(?:về|thực hiện|ban hành|phê duyệt|triển khai|tại|đã|đối với)\s|[,;:“\"]|\.\s|\.$",
        match.group(1),
    )[0].strip()
    if not issuer or not issuer[0].isupper():
        return None
    if issuer == "Thủ tướng Chính":
        issuer = "Thủ tướng Chính phủ"
    return issuer


def _numbered(text: str, template_start: int, regions: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    for match, number in find_document_numbers(text):
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 200]
        type_match = _TYPE_BEFORE.search(before)
        start = match.start() - (len(before) - type_match.start()) if type_match else match.start()
        rest = after
        date = None
        if date_match := _DATE_AFTER.match(rest):
            date = _iso_date(date_match)
            rest = rest[date_match.end() :]
        issuer = _issuer(rest)
        name_end = match.end() + (len(after) - len(rest))
        if issuer:
            name_end += rest.index(issuer[:10]) + len(issuer) if issuer[:10] in rest else 0
        subject = _SUBJECT.match(text, name_end)
        if subject and subject.end() - name_end < 250:
            name_end = subject.end()
        name = text[start:name_end].strip(" ,;")
        found.append(
            _Found(
                key=number.canonical,
                reference=Reference(
                    number=number.canonical,
                    name=name,
                    issuer=issuer,
                    date=date,
                    relation="cites",
                    span=Span(start, start + len(name)),
                ),
                implements=_implements(text, match.start(), match.end(), regions),
            )
        )
    return found


def _congress_key(body: str) -> str:
    folded = fold_tone_placement(body.lower())
    folded = re.sub(r"\s+", " ", folded).strip()
    folded = re.sub(r"^(?:lần thứ [ivxlc]+ )?của (?=đảng bộ)", "", folded)
    if "của đảng" in folded and "đảng bộ" not in folded:
        return "congress:national"
    folded = re.sub(r"\b(lần thứ [ivxlc]+|nhiệm kỳ.*)$", "", folded).strip(" ,")
    for level in ("ủy ban nhân dân tỉnh", "tỉnh", "thành phố", "xã", "phường", "huyện"):
        if folded.startswith(f"đảng bộ {level}"):
            return f"congress:{level}"
    return "congress:" + folded


def _congresses(text: str, template_start: int, regions: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    for match in _CONGRESS.finditer(text):
        body = match.group("body")
        if "/" in body or "các cấp" in body or "cấp mình" in body:
            continue
        if (
            match.start() >= template_start
            and "xã" in body.split(" lần")[0]
            and "/" in text[match.start() : match.end() + 20]
        ):
            continue
        name = match.group(0).strip(" ,")
        found.append(
            _Found(
                key=_congress_key(body),
                reference=Reference(
                    number=None,
                    name=name,
                    issuer=None,
                    date=None,
                    relation="cites",
                    span=Span(match.start(), match.start() + len(name)),
                ),
                implements=_implements(text, match.start(), match.end(), regions),
            )
        )
    return found


def _unnumbered(text: str, regions: list[tuple[int, int]]) -> list[_Found]:
    found: list[_Found] = []
    matches = list(_UNNUMBERED.finditer(text))
    for index, match in enumerate(matches):
        subject_source = match
        if text[match.end() :].lstrip().startswith(","):
            following = matches[index + 1] if index + 1 < len(matches) else None
            if following is None:
                continue
            subject_source = following
        subject = _SUBJECT.match(text, subject_source.end())
        if subject is None or subject.group(1).startswith("về cụ thể hóa"):
            continue
        head = text[match.start() : match.end()]
        if re.search(r"\bsố\b", head) or _ATTACHED_TO.search(
            text[max(0, match.start() - 30) : match.start()]
        ):
            continue
        name = f"{head} {subject.group(1)}".strip(" ,")
        name = re.sub(r"\s+", " ", name)
        found.append(
            _Found(
                key="named:" + fold_tone_placement(name.lower()),
                reference=Reference(
                    number=None,
                    name=name,
                    issuer=match.group("body").strip(),
                    date=None,
                    relation="cites",
                    span=Span(match.start(), match.end()),
                ),
                implements=_implements(text, match.start(), match.end(), regions),
            )
        )
    return found


def _title_implements(info: DocumentInfo, found: _Found) -> bool:
    title = fold_tone_placement((info.title or "").lower())
    if not title or not found.key.startswith("congress:"):
        return False
    name = fold_tone_placement(found.reference.name.lower())
    core = re.sub(r"\s*(lần thứ [ivxlc]+|,?\s*nhiệm kỳ.*)$", "", name)
    core = core.replace("đại biểu ", "")
    return core in title.replace("đại biểu ", "")


def extract_references(source: SourceText, info: DocumentInfo) -> list[Reference]:
    """Return the documents this one refers to, each once, with implements or cites."""
    text = source.text
    template_start, regions = _regions(text)
    mentions = (
        _numbered(text, template_start, regions)
        + _congresses(text, template_start, regions)
        + _unnumbered(text, regions)
    )
    own_number = (info.number or "").replace(" ", "")
    merged: dict[str, _Found] = {}
    order: list[str] = []
    mentions.sort(key=lambda item: item.reference.span.start if item.reference.span else 0)
    for mention in mentions:
        if mention.key.replace(" ", "") == own_number:
            continue
        implements = mention.implements or _title_implements(info, mention)
        existing = merged.get(mention.key)
        if existing is None:
            mention.implements = implements
            merged[mention.key] = mention
            order.append(mention.key)
            continue
        existing.implements = existing.implements or implements
        if len(mention.reference.name) > len(existing.reference.name) and mention.key.startswith(
            "congress:"
        ):
            existing.reference.name = mention.reference.name
        for attribute in ("issuer", "date"):
            if getattr(existing.reference, attribute) is None:
                setattr(existing.reference, attribute, getattr(mention.reference, attribute))
    numbered_names = " ".join(
        fold_tone_placement(merged[key].reference.name.lower())
        for key in order
        if merged[key].reference.number
    )
    references: list[Reference] = []
    for key in order:
        mention = merged[key]
        if key.startswith("named:"):
            subject = _SUBJECT.search(mention.reference.name)
            if subject and fold_tone_placement(subject.group(1).lower()) in numbered_names:
                continue
        mention.reference.relation = "implements" if mention.implements else "cites"
        references.append(mention.reference)
    return references


def carried_out(name: str) -> str | None:
    """Return what a citation or heading says is carried out, or None.

    That is the words after "thực hiện", "triển khai" or "cụ thể hóa".

    >>> carried_out("Kế hoạch số 38/KH-UBND triển khai thực hiện Nghị quyết Đại hội Đảng bộ tỉnh")
    'Nghị quyết Đại hội Đảng bộ tỉnh'
    """
    clause = None
    for match in _CARRIES_OUT.finditer(name):
        if clause is None or match.start() == len(name) - len(clause):
            clause = name[match.end() :]
    return clause.strip(" ,;.") if clause and clause.strip(" ,;.") else None


def references_in_name(name: str) -> list[Reference]:
    """Return the documents a citation's own name says the cited document carries out.

    "Chương trình hành động số 16-CTr/TU ... thực hiện Nghị quyết Đại hội Đảng bộ tỉnh ... và
    Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" names two congress
    resolutions that programme implements. Each is returned once, as "implements".
    """
    clause = carried_out(name)
    if clause is None:
        return []
    clause = _BARE_CONGRESS.sub(r"\1 Nghị quyết ", clause)
    found = _numbered(clause, len(clause), []) + _congresses(clause, len(clause), [])
    found.sort(key=lambda item: item.reference.span.start if item.reference.span else 0)
    references: dict[str, Reference] = {}
    for mention in found:
        mention.reference.relation = "implements"
        mention.reference.span = None
        references.setdefault(mention.key, mention.reference)
    return list(references.values())
