"""Parsing Vietnamese document numbers ("số, ký hiệu") into their parts.

Party documents read `<n>-<TYPE>/<ISSUER>` (57-NQ/TW, 06-CTr/TU); State documents read
`<n>/<TYPE>-<ISSUER>` (38/KH-UBND, 06/QĐ-TTg), sometimes with the year (226/2025/QH15,
13/2025/NĐ-CP). Party numbers restart each term, State numbers each year, and local issuer
codes (TU, ĐU, UBND, ...) exist in every province and commune.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vntext import normalize_unicode

__all__ = ["DocumentNumber", "find_document_numbers", "is_national_issuer", "parse_document_number"]

_CODE = r"[A-ZĐa-zđƯư][A-ZĐa-zđƯư0-9]*"
_PARTY = re.compile(
    rf"(?<![\w/])(?P<serial>\d{{1,4}})\s*-\s*(?P<type>{_CODE})\s*/\s*(?P<issuer>{_CODE})"
)
_STATE = re.compile(
    rf"(?<![\w/])(?P<serial>\d{{1,5}})\s*/\s*(?:(?P<year>(?:19|20)\d\d)\s*/\s*)?"
    rf"(?:(?P<type>{_CODE})\s*-\s*(?P<issuer>{_CODE}(?:\s*-\s*{_CODE})?)|(?P<body>{_CODE}))"
)
# Central issuers: their numbering is national, so no locality is needed to tell documents apart.
_NATIONAL_CODES = frozenset(
    {"TW", "TTG", "CP", "VPCP", "QH", "UBTVQH", "CTN", "TANDTC", "VKSNDTC", "KTNN", "BCT", "BBT"}
)
_MINISTRY = re.compile(r"^B[A-ZĐ]{1,6}$")


@dataclass(frozen=True)
class DocumentNumber:
    """The parts of a document number.

    `type_code` is None for numbers like 226/2025/QH15 that carry only the issuing body.
    """

    serial: str
    type_code: str | None
    issuer_code: str
    year: int | None
    party: bool

    @property
    def canonical(self) -> str:
        """Return the number in its standard written form, e.g. ``57-NQ/TW`` or ``38/KH-UBND``."""
        if self.party:
            return f"{self.serial}-{self.type_code}/{self.issuer_code}"
        year = f"{self.year}/" if self.year else ""
        if self.type_code is None:
            return f"{self.serial}/{year}{self.issuer_code}"
        return f"{self.serial}/{year}{self.type_code}-{self.issuer_code}"

    @property
    def national(self) -> bool:
        """Return True when the issuer code belongs to a central body."""
        return is_national_issuer(self.issuer_code)


def is_national_issuer(code: str) -> bool:
    """Return True when `code` (TW, TTg, QH15, BTC, ...) names a central issuing body."""
    upper = normalize_unicode(code).upper().split("-")[-1]
    bare = re.sub(r"\d+$", "", upper)
    return bare in _NATIONAL_CODES or bool(_MINISTRY.match(bare))


def _party(match: re.Match[str]) -> DocumentNumber:
    return DocumentNumber(
        serial=match["serial"].lstrip("0").rjust(2, "0"),
        type_code=match["type"],
        issuer_code=match["issuer"],
        year=None,
        party=True,
    )


def _state(match: re.Match[str]) -> DocumentNumber:
    issuer = match["issuer"] or match["body"]
    return DocumentNumber(
        serial=match["serial"].lstrip("0").rjust(2, "0"),
        type_code=match["type"],
        issuer_code=re.sub(r"\s+", "", issuer),
        year=int(match["year"]) if match["year"] else None,
        party=False,
    )


def parse_document_number(text: str) -> DocumentNumber | None:
    """Return the parts of the first document number in `text`, or None when there is none.

    >>> parse_document_number("Nghị quyết số 72- NQ/TW ngày 09/9/2025").canonical
    '72-NQ/TW'
    >>> parse_document_number("Kế hoạch số 38/KH-UBND").canonical
    '38/KH-UBND'
    """
    found = find_document_numbers(text)
    return found[0][1] if found else None


def find_document_numbers(text: str) -> list[tuple[re.Match[str], DocumentNumber]]:
    """Return every document number in `text` with its match, in reading order."""
    text = normalize_unicode(text)
    results: list[tuple[re.Match[str], DocumentNumber]] = []
    taken: list[tuple[int, int]] = []
    for match in _PARTY.finditer(text):
        results.append((match, _party(match)))
        taken.append(match.span())
    for match in _STATE.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        # A bare "n/yyyy" is a date fragment, not a number.
        if match["body"] and re.fullmatch(r"\d+", match["body"]):
            continue
        results.append((match, _state(match)))
    results.sort(key=lambda pair: pair[0].start())
    return results
