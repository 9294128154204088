"""Agency names: one canonical name per body and the level of government it belongs to.

Documents name one body in many ways ("UBND xã", "Ủy ban nhân dân xã", "Ủy ban nhân dân xã
Vĩnh Phong"). `resolve_agency` turns a name as written into the canonical name, the
jurisdiction the body serves and the key that identifies it there, so the graph holds one
node per body: the same words in two communes are two bodies, and "UBND tỉnh" read in a
commune's plan is the province's committee, not the commune's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ontology.identifiers import NATION, Jurisdiction
from vntext import fold_tone_placement, match_key, normalize_unicode

__all__ = [
    "ABBREVIATIONS",
    "AgencyName",
    "agency_jurisdiction",
    "agency_key",
    "agency_label",
    "canonical_agency_name",
    "resolve_agency",
]

ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("MTTQ", "Mặt trận Tổ quốc"),
    ("BHXH", "Bảo hiểm xã hội"),
    ("BCHQS", "Ban Chỉ huy Quân sự"),
    ("BCH", "Ban Chấp hành"),
    ("BTV", "Ban Thường vụ"),
    ("BCĐ", "Ban Chỉ đạo"),
    ("UBKT", "Ủy ban Kiểm tra"),
    ("ĐU", "Đảng ủy"),
    ("TU", "Tỉnh ủy"),
    ("VP", "Văn phòng"),
    ("TNCS", "Thanh niên Cộng sản"),
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("HCCB", "Hội Cựu chiến binh"),
    ("CCB", "Cựu chiến binh"),
    ("KH&CN", "Khoa học và Công nghệ"),
    ("KHCN", "Khoa học và Công nghệ"),
    ("NN&PTNT", "Nông nghiệp và Phát triển nông thôn"),
    ("LĐ-TB&XH", "Lao động - Thương binh và Xã hội"),
    ("LĐTBXH", "Lao động - Thương binh và Xã hội"),
    ("GD&ĐT", "Giáo dục và Đào tạo"),
    ("GDĐT", "Giáo dục và Đào tạo"),
    ("TN&MT", "Tài nguyên và Môi trường"),
    ("TNMT", "Tài nguyên và Môi trường"),
    ("TTg", "Thủ tướng Chính phủ"),
    ("CP", "Chính phủ"),
    ("TW", "Trung ương"),
    ("TƯ", "Trung ương"),
)
"""Abbreviation → full words, matched case-sensitively as whole words (longest first)."""

_ABBREVIATION = re.compile(
    r"(?<![\w&])("
    + "|".join(re.escape(short) for short, _ in sorted(ABBREVIATIONS, key=lambda p: -len(p[0])))
    + r")(?![\w&])"
)
_EXPANSION = dict(ABBREVIATIONS)
# An instruction verb the extractor may leave in front of the body ("Giao Phòng Kinh tế ...").
_LEADING_VERB = re.compile(r"^(?:giao(?!\s+thông)(?:\s+cho)?|đề\s+nghị)\s+", re.IGNORECASE)
# The Party term after a central body ("Bộ Chính trị khóa XIII", "(khóa XII)").
_TRAILING_TERM = re.compile(r"\s*\(?\s*khóa\s+[IVXLC]+\s*\)?\s*$", re.IGNORECASE)
_EDGE_PUNCTUATION = " \t\n.,;:\"'“”‘’"

# Words that place a body at the national level: central Party and State bodies, ministries.
_NATIONAL = re.compile(
    r"Bộ Chính trị|Ban Bí thư|Trung ương|Quốc hội|Chính phủ|Thủ tướng|Chủ tịch nước"
    r"|(?<![\w])(?<!Đảng )(?<!đảng )(?<!Chi )(?<!chi )Bộ(?=[\s,])"
    r"(?!\s+(?:[Đđ]ội|[Cc]hỉ huy|[Pp]hận|[Tt]ư lệnh))"
)
# Words that place a body at the provincial level.
_PROVINCIAL = re.compile(r"(?<![\w])(?:[Tt]ỉnh|[Tt]hành phố|[Tt]hành ủy|Sở)(?![\w])")

_COMMUNE_WORDS = r"(?:cấp\s+)?(?:xã|phường|đặc\s+khu)"
_PROVINCE_WORDS = r"(?:cấp\s+)?(?:tỉnh|thành\s+phố)"
_DANGLING = re.compile(r"(?<!\w)(?:với|của|cho|tại|trong|thuộc|toàn|địa bàn)$", re.IGNORECASE)
# Names of one body that differ by more than spelling, per level (match key → label).
_PARTY_COMMITTEE = "Ban Chấp hành Đảng bộ"
_PROVINCE_SYNONYMS = {"tỉnh ủy": _PARTY_COMMITTEE, "thành ủy": _PARTY_COMMITTEE}
_COMMUNE_SYNONYMS = {"đảng ủy": _PARTY_COMMITTEE}
# "Mặt trận Tổ quốc" is short for the front's full name.
_FRONT = re.compile(r"(Mặt trận Tổ quốc)(?!\s+Việt Nam)", re.IGNORECASE)


@dataclass(frozen=True)
class AgencyName:
    """A body as one document names it, placed and keyed.

    `written` is the name as the document wrote it; `canonical` the same name with
    abbreviations expanded; `jurisdiction` where the body sits; `label` the body's name
    within that jurisdiction (the words that only repeat the jurisdiction dropped), the same
    whichever way a document writes it; `key` the folded label that identifies the body
    there (the IRI is minted from `key` and `jurisdiction`).
    """

    written: str
    canonical: str
    jurisdiction: Jurisdiction
    label: str
    key: str


def canonical_agency_name(name: str) -> str:
    """Return the canonical display form of an agency name.

    Unicode and tone placement are normalised, runs of spaces collapsed, a leading "Giao"
    or "Đề nghị" and a trailing Party term ("khóa XIII") dropped, and common abbreviations
    expanded. Letter case is kept as written.

    >>> canonical_agency_name("Giao  UBND xã")
    'Ủy ban nhân dân xã'
    >>> canonical_agency_name("Ủy ban MTTQ Việt Nam")
    'Ủy ban Mặt trận Tổ quốc Việt Nam'
    """
    text = " ".join(fold_tone_placement(normalize_unicode(name)).split())
    text = text.strip(_EDGE_PUNCTUATION)
    text = _LEADING_VERB.sub("", text)
    text = _ABBREVIATION.sub(lambda match: _EXPANSION[match.group(1)], text)
    text = _TRAILING_TERM.sub("", text).strip(_EDGE_PUNCTUATION)
    if text == "Thủ tướng":
        text = "Thủ tướng Chính phủ"
    return text


def agency_jurisdiction(name: str, document_jurisdiction: Jurisdiction) -> Jurisdiction:
    """Return where the body `name` sits, read in a document of `document_jurisdiction`.

    A name that places the body higher than the document ("UBND tỉnh", "Tỉnh ủy", "Sở ...",
    "Thành ủy" → the province; "Bộ Chính trị", "Ban Bí thư", "Trung ương", "Bộ ...",
    "Quốc hội", "Chính phủ", "Thủ tướng" → the nation) moves it up; the last such word
    decides ("Ban Tuyên giáo Tỉnh ủy" is provincial, "Bộ Chỉ huy Quân sự tỉnh" too). A name
    never moves a body below the document's own level.

    >>> commune = Jurisdiction(province="An Giang", commune="Vĩnh Phong")
    >>> agency_jurisdiction("UBND tỉnh", commune)
    Jurisdiction(province='An Giang', commune=None)
    >>> agency_jurisdiction("Bộ Tài chính", commune) == NATION
    True
    """
    if document_jurisdiction.province is None:
        return document_jurisdiction
    canonical = canonical_agency_name(name)
    found = [(m.start(), "nation") for m in _NATIONAL.finditer(canonical)]
    found += [(m.start(), "province") for m in _PROVINCIAL.finditer(canonical)]
    if not found:
        return document_jurisdiction
    _position, level = max(found)
    if level == "nation":
        return NATION
    return Jurisdiction(province=document_jurisdiction.province)


def _strip_place(name: str, level_words: str, place: str | None) -> str:
    """Drop a trailing phrase naming the jurisdiction ("xã", "xã Vĩnh Phong", "Vĩnh Phong")."""
    alternatives = [level_words]
    if place:
        place_words = r"\s+".join(re.escape(word) for word in fold_tone_placement(place).split())
        alternatives = [rf"{level_words}(?:\s+{place_words})?", place_words]
    stripped = re.sub(rf"\s+(?:{'|'.join(alternatives)})$", "", name, flags=re.IGNORECASE)
    # "liên kết với tỉnh", "trên địa bàn xã": there the place is an object, not a qualifier.
    if not stripped or _DANGLING.search(stripped):
        return name
    return stripped


def agency_label(name: str, jurisdiction: Jurisdiction) -> str:
    """Return the name of the body `name` within `jurisdiction`, however it was written.

    Abbreviations are expanded and the words that only repeat the jurisdiction dropped, so
    "UBND xã", "Ủy ban nhân dân" and "Ủy ban nhân dân xã Vĩnh Phong" of one commune are all
    "Ủy ban nhân dân"; "Tỉnh ủy" and "Ban Chấp hành Đảng bộ tỉnh" of a province (and
    "Đảng ủy xã" and "Ban Chấp hành Đảng bộ xã" of a commune) are "Ban Chấp hành Đảng bộ".

    >>> agency_label("UBND xã", Jurisdiction(province="An Giang", commune="Vĩnh Phong"))
    'Ủy ban nhân dân'
    """
    label = _FRONT.sub(r"\1 Việt Nam", canonical_agency_name(name))
    synonyms: dict[str, str] = {}
    if jurisdiction.commune is not None:
        label = _strip_place(label, _COMMUNE_WORDS, jurisdiction.commune)
        synonyms = _COMMUNE_SYNONYMS
    elif jurisdiction.province is not None:
        label = _strip_place(label, _PROVINCE_WORDS, jurisdiction.province)
        synonyms = _PROVINCE_SYNONYMS
    label = synonyms.get(match_key(label), label)
    return label[:1].upper() + label[1:]


def agency_key(name: str, jurisdiction: Jurisdiction) -> str:
    """Return what identifies the body `name` within `jurisdiction`: its folded label.

    >>> commune = Jurisdiction(province="An Giang", commune="Vĩnh Phong")
    >>> agency_key("UBND xã", commune) == agency_key("Ủy ban nhân dân xã Vĩnh Phong", commune)
    True
    """
    return match_key(agency_label(name, jurisdiction))


@lru_cache(maxsize=4096)
def resolve_agency(name: str, document_jurisdiction: Jurisdiction) -> AgencyName:
    """Return the body `name` names in a document of `document_jurisdiction`, placed and keyed.

    >>> commune = Jurisdiction(province="An Giang", commune="Vĩnh Phong")
    >>> body = resolve_agency("UBND xã", commune)
    >>> body.canonical, body.label, body.jurisdiction == commune
    ('Ủy ban nhân dân xã', 'Ủy ban nhân dân', True)
    """
    canonical = canonical_agency_name(name)
    jurisdiction = agency_jurisdiction(canonical, document_jurisdiction)
    label = agency_label(canonical, jurisdiction)
    return AgencyName(
        written=" ".join(normalize_unicode(name).split()),
        canonical=canonical,
        jurisdiction=jurisdiction,
        label=label,
        key=match_key(label),
    )
