"""Document metadata: kind, issuing body, level, locality, province, number, date, term, title.

Read from the genre's fixed places: the letterhead and "Số:" line, the kind heading and the
title lines under it, the preamble sentence in which the body issues the document ("… ban
hành …", "… xây dựng Kế hoạch …"), and the closing "Trên đây là …" sentence.
"""

from __future__ import annotations

import re

from ingest.model import DocumentInfo, SourceText
from ontology.document_numbers import parse_document_number
from vntext import fold_accents

__all__ = ["KIND_BY_TYPE_CODE", "KIND_HEADINGS", "extract_metadata"]

# Heading word (accent-folded, upper case) → kind code of the answer keys.
KIND_HEADINGS: tuple[tuple[str, str], ...] = (
    ("CHUONG TRINH HANH DONG", "chuong_trinh_hanh_dong"),
    ("KE HOACH", "ke_hoach"),
    ("NGHI QUYET", "nghi_quyet"),
    ("QUYET DINH", "quyet_dinh"),
    ("CHI THI", "chi_thi"),
    ("KET LUAN", "ket_luan"),
    ("HUONG DAN", "huong_dan"),
    ("THONG BAO", "thong_bao"),
    ("DE AN", "de_an"),
    ("CHUONG TRINH", "chuong_trinh"),
)
# Type code in a document number → kind code, for documents without a kind heading.
KIND_BY_TYPE_CODE = {
    "NQ": "nghi_quyet",
    "CTR": "chuong_trinh_hanh_dong",
    "CTHD": "chuong_trinh_hanh_dong",
    "KH": "ke_hoach",
    "QD": "quyet_dinh",
    "CT": "chi_thi",
    "KL": "ket_luan",
    "HD": "huong_dan",
    "TB": "thong_bao",
}
_HEADER_LINES = 40
_TITLE_MAX_LINES = 6
_SEPARATOR = re.compile(r"^\s*[-_*=]{3,}\s*$")
# Capitalised: a title line may itself begin with a lower-case "thực hiện …".
_PREAMBLE_START = re.compile(r"^\s*(Căn cứ|Thực hiện|Kính gửi|[IVX]+[.\-]\s)")
_TITLE_LINE_MAX = 250
_NUMBER_LINE = re.compile(r"^\s*Số\s*:?\s*(?P<rest>.*)$", re.I)
_PLACE_DATE_LINE = re.compile(r"^\W*[\wÀ-ỹ ]{2,40},\s*ngày\b")
_PLACE_DATE = re.compile(
    r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})", re.I
)
_TERM = re.compile(r"nhiệm\s+kỳ\s+(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)\d\d)", re.I)
_PERIOD = re.compile(r"giai\s+đoạn\s+(?P<a>(?:19|20)\d\d)\s*[-–—]\s*(?P<b>(?:19|20)\d\d)", re.I)
_YEAR_IN_TITLE = re.compile(r"năm\s+(?P<y>(?:19|20)\d\d)", re.I)
_NAME = r"(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ]*)"
# Words of a place name are separated by spaces only, never by a line or paragraph break.
_PLACE_NAME = rf"{_NAME}(?:[ ]+{_NAME}){{0,3}}"
_WHERE_COMMUNE = re.compile(rf"trên địa bàn (?:xã|phường|đặc khu)\s+(?P<name>{_PLACE_NAME})")
_UNIT_THEN_NAME = re.compile(
    r"\b(tỉnh ủy|thành ủy|tỉnh|xã|phường|đặc khu|thành phố)\s+(?P<name>.+)$"
)
_COMMUNE = re.compile(rf"\b(?P<kind>xã|phường|đặc khu)\s+(?P<name>{_PLACE_NAME})")
_PROVINCE = re.compile(
    rf"\b(?:tỉnh|Tỉnh ủy|Tỉnh uỷ|thành phố|Thành ủy|Thành uỷ)\s+(?P<name>{_PLACE_NAME})"
)
# Bodies that issue documents, as they open an issuing sentence.
_BODY = (
    r"(?:Ban Chấp hành Đảng bộ|Ban Thường vụ Đảng ủy|Ban Thường vụ|Ủy ban nhân dân|UBND|"
    r"Hội đồng nhân dân|HĐND|Đảng ủy|Tỉnh ủy|Thành ủy|Ban Chấp hành)"
)
_ISSUING_SENTENCE = re.compile(
    rf"(?P<body>{_BODY}(?:\s+(?:tỉnh|xã|phường|đặc khu|thành phố))?(?:\s+{_PLACE_NAME})?)\s+"
    r"(?:xây\s+)?(?:ban hành|xây dựng)\s+(?:(?:Chương trình|Kế hoạch|Nghị quyết|Quyết định|"
    r"kế hoạch|chương trình)\b)",
)
_CLOSING = re.compile(rf"Trên đây là\s.{{0,300}}?\scủa\s+(?P<body>{_BODY}.{{0,80}}?)\s*\.", re.S)
_LETTERHEAD_BODY = re.compile(
    r"^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|ĐẢNG ỦY|ĐẢNG BỘ|TỈNH ỦY|THÀNH ỦY|BAN CHẤP HÀNH)"
)
_BODY_WORDS = (
    ("ủy ban nhân dân", "Ủy ban nhân dân"),
    ("hội đồng nhân dân", "Hội đồng nhân dân"),
    ("ban chấp hành", "Ban Chấp hành"),
    ("ban thường vụ", "Ban Thường vụ"),
)
# Capitalised words that open body or document names, never a place name.
_NOT_PLACE = frozenset(
    {"Đảng", "Nhân", "Ủy", "Uỷ", "Ban", "Nghị", "Chương", "Kế", "Hội", "Mặt", "Nhà"}
)
_UNIT_WORD_UPPER = re.compile(r"^(TỈNH|XÃ|PHƯỜNG|ĐẶC KHU|THÀNH PHỐ)\b")
_COMMUNE_WORDS = ("xã", "phường", "đặc khu")
_PROVINCE_WORDS = ("tỉnh", "thành phố", "tỉnh ủy", "thành ủy")


def _flatten(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _paragraphs(text: str) -> str:
    """Return `text` with wrapped lines joined and one newline between paragraphs."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n".join(_flatten(paragraph) for paragraph in paragraphs if paragraph.strip())


def _kind_heading(lines: list[str]) -> tuple[int, str] | None:
    for index, line in enumerate(lines[:_HEADER_LINES]):
        stripped = line.strip()
        if not stripped or stripped != stripped.upper():
            continue
        folded = fold_accents(stripped).upper()
        for heading, kind in KIND_HEADINGS:
            if folded == heading or folded.startswith(heading + " "):
                return index, kind
    return None


def _title(lines: list[str], start: int) -> str:
    parts = [lines[start].strip()]
    for line in lines[start + 1 : start + 1 + 3 * _TITLE_MAX_LINES]:
        stripped = line.strip()
        if not stripped:
            continue
        # The first line under the heading is the title even when it opens with "Thực hiện".
        opens_preamble = len(parts) > 1 and _PREAMBLE_START.match(stripped)
        if _SEPARATOR.match(stripped) or opens_preamble or len(stripped) > _TITLE_LINE_MAX:
            break
        parts.append(stripped)
        if len(parts) > _TITLE_MAX_LINES:
            break
    return _flatten(" ".join(parts))


def _subject_line(lines: list[str]) -> str | None:
    """Return the "V/v …" subject of an official letter, joined over its lines."""
    for index, line in enumerate(lines[:_HEADER_LINES]):
        if line.strip().startswith("V/v"):
            parts = []
            for follow in lines[index : index + 10]:
                if not follow.strip():
                    break
                parts.append(follow.strip())
            return _flatten(" ".join(parts))
    return None


def _number(lines: list[str]) -> str | None:
    for line in lines[:_HEADER_LINES]:
        match = _NUMBER_LINE.match(line)
        if match:
            parsed = parse_document_number(match["rest"])
            return parsed.canonical if parsed else None
    return None


def _date(lines: list[str]) -> str | None:
    for line in lines[:_HEADER_LINES]:
        if _PLACE_DATE_LINE.match(line):
            match = _PLACE_DATE.search(line)
            if match:
                return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"
    return None


def _sentence_case(text: str) -> str:
    """Return an upper-case body name as written in running text.

    >>> _sentence_case("ỦY BAN NHÂN DÂN TỈNH AN GIANG")
    'Ủy ban nhân dân tỉnh An Giang'
    """
    if text != text.upper():
        return text
    lowered = text.lower()
    for word, written in _BODY_WORDS:
        lowered = lowered.replace(word, written)
    lowered = lowered.replace("đảng", "Đảng")
    place = _UNIT_THEN_NAME.search(lowered)
    if place:
        lowered = lowered[: place.start("name")] + place["name"].title()
    return lowered[0].upper() + lowered[1:]


def _letterhead_bodies(lines: list[str], heading_index: int | None) -> list[str]:
    """Return the bodies named in the letterhead, superior first, issuing body last.

    A body may wrap onto a second upper-case line ("ỦY BAN NHÂN DÂN" / "XÃ HÒA THUẬN").
    """
    end = heading_index if heading_index is not None else _HEADER_LINES
    bodies: list[str] = []
    complete = True
    for raw in lines[:end]:
        line = raw.strip()
        if not line:
            continue
        match = _LETTERHEAD_BODY.match(line) if line == line.upper() else None
        if match:
            body = re.split(r"\s{2,}|CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN", line)[0].strip(" *")
            bodies.append(body)
            complete = body != match.group(1)
        elif not complete and line == line.upper() and _UNIT_WORD_UPPER.match(line):
            bodies[-1] = f"{bodies[-1]} {line}"
            complete = True
        else:
            complete = True
    return [_sentence_case(body) for body in bodies]


def _issuer_from_title(title: str | None) -> str | None:
    """Return the body of an upper-case "CỦA BAN …" in the title, in sentence case."""
    if not title:
        return None
    words = title.split()
    for index, word in enumerate(words[:-1]):
        if word == "CỦA" and words[index + 1] == "BAN":
            body = []
            for follow in words[index + 1 :]:
                if follow != follow.upper() or not any(ch.isalpha() for ch in follow):
                    break
                body.append(follow)
            return _sentence_case(" ".join(body))
    return None


def _names(pattern: re.Pattern[str], text: str) -> list[str]:
    """Return the place names `pattern` finds in `text`, most frequent first."""
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        name = match["name"]
        if name.split()[0] not in _NOT_PLACE:
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda name: -counts[name])


def _level_of(body: str) -> str | None:
    lowered = body.lower()
    if any(re.search(rf"\b{word}$", lowered) for word in _COMMUNE_WORDS) or "đảng ủy" in lowered:
        return "commune"
    if any(re.search(rf"\b{word}$", lowered) for word in _PROVINCE_WORDS):
        return "province"
    return None


def _locality(bodies: list[str | None], text: str) -> tuple[str | None, str | None]:
    """Return (level, bare locality name) from the issuing bodies, else from the text."""
    level = None
    for body in bodies:
        if not body:
            continue
        communes = _names(_COMMUNE, body)
        if communes and level in (None, "commune"):
            return "commune", communes[0]
        provinces = _names(_PROVINCE, body)
        if provinces and level in (None, "province"):
            return "province", provinces[0]
        level = level or _level_of(body)
    if level in (None, "commune"):
        where = _names(_WHERE_COMMUNE, text)
        communes = where or _names(_COMMUNE, text)
        if communes:
            return "commune", communes[0]
    if level == "province":
        provinces = _names(_PROVINCE, text)
        if provinces:
            return "province", provinces[0]
    return level, None


def _province(
    level: str | None, locality: str | None, letterhead: list[str], text: str
) -> str | None:
    if level == "province":
        return locality
    for body in letterhead:
        named = _names(_PROVINCE, body)
        if named:
            return named[0]
    provinces = _names(_PROVINCE, text)
    return provinces[0] if provinces else None


def _term(title: str | None, text: str) -> str | None:
    if title:
        match = _TERM.search(title)
        if match:
            return f"{match['a']}-{match['b']}"
        year = _YEAR_IN_TITLE.search(title)
        if year:
            return year["y"]
    match = _TERM.search(text) or _PERIOD.search(text)
    return f"{match['a']}-{match['b']}" if match else None


def _ends_with_unit_word(issuer: str) -> bool:
    return bool(re.search(r"\b(tỉnh|xã|phường|đặc khu|thành phố)$", issuer))


def _choose_issuer(
    text: str, lines: list[str], heading: tuple[int, str] | None, title: str | None
) -> str | None:
    """Return the issuing body: the title's "CỦA …", the letterhead, or the issuing sentence."""
    from_title = _issuer_from_title(title)
    if from_title:
        return from_title
    letterhead = _letterhead_bodies(lines, heading[0] if heading else None)
    if letterhead:
        return letterhead[-1]
    closing = _CLOSING.search(text[-3000:])
    sentence = _ISSUING_SENTENCE.search(_flatten(text[:6000]))
    candidates = [
        _flatten(closing["body"]) if closing else None,
        sentence["body"] if sentence else None,
    ]
    # Prefer the candidate that names a place; else the first one found.
    named = [c for c in candidates if c and (_COMMUNE.search(c) or _PROVINCE.search(c))]
    return named[0] if named else next((c for c in candidates if c), None)


def extract_metadata(source: SourceText) -> DocumentInfo:
    """Return the document's metadata read from its header, preamble and closing lines."""
    text = source.text
    lines = text.split("\n")
    paragraphs = _paragraphs(text)
    heading = _kind_heading(lines)
    subject = _subject_line(lines)
    number = _number(lines)
    kind: str | None
    title: str | None
    if heading is not None:
        index, kind = heading
        title = _title(lines, index)
    elif subject is not None:
        kind, title = "cong_van", subject
    else:
        kind, title = None, None
    if kind is None and number:
        parsed = parse_document_number(number)
        if parsed and parsed.type_code:
            kind = KIND_BY_TYPE_CODE.get(fold_accents(parsed.type_code).upper())
    issuer = _choose_issuer(text, lines, heading, title)
    letterhead = _letterhead_bodies(lines, heading[0] if heading else None)
    level, locality = _locality([issuer, *reversed(letterhead)], paragraphs)
    if issuer and locality and _ends_with_unit_word(issuer):
        issuer = f"{issuer} {locality}"
    info = DocumentInfo(
        kind=kind,
        issuer=issuer,
        level=level,
        locality=locality,
        province=_province(level, locality, letterhead, paragraphs),
        number=number,
        date=_date(lines),
        term=_term(title, paragraphs),
        title=title,
    )
    return info
