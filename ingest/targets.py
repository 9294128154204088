"""Quantified targets in Vietnamese text: "đạt từ 3,2% (370 người) trở lên", "giảm 5%".

Numbers use "." for thousands and "," for decimals ("630.370,27" → 630370.27). A target is a
number with its measure word; numbers that only define who or what is measured ("trẻ em dưới
01 tuổi", "trên 1 ha", "cả 3 tiêu chí", "mỗi năm 01 lần"), years, dates, document numbers and
numbers inside quoted names ("Chi bộ 4 tốt") are not targets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Target

__all__ = ["KNOWN_UNITS", "find_targets", "has_target", "parse_vietnamese_number"]

KNOWN_UNITS = (
    "cán bộ, đảng viên", "triệu đồng", "tỷ đồng", "ngàn đồng", "nghìn đồng", "đô la Mỹ",
    "hợp tác xã", "tổ hợp tác", "câu lạc bộ", "điểm đến", "khách sạn", "sản phẩm", "cơ sở",
    "tổ chức đảng", "đảng viên", "doanh nghiệp", "nhà đa năng", "mô hình", "tiêu chí",
    "lao động", "người", "con", "ha", "km", "tuổi", "năm", "bác sĩ", "giường", "căn",
    "trường", "nội dung", "HTX", "hộ", "xã", "thôn", "tấn", "USD", "MW", "công trình",
    "dự án", "lượt", "học sinh", "giáo viên", "chi bộ",
)
"""Measure words recognised as units (longest first when matching)."""

_UNITS = sorted(KNOWN_UNITS, key=len, reverse=True)
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_QUANTITY = re.compile(
    rf"(?P<top>\btop\s+)?(?P<value>{_NUMBER})(?:\s*[-–]\s*(?P<upper>{_NUMBER}))?"
    rf"(?P<slash>/\d+)?(?P<percent>\s?%)?"
)
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b(?:tháng|quý)\s+[\dIVX]+/\d{4}\b", re.I)
_DOC_NUMBER = re.compile(r"\b\d+(?:/\d{4})?[-/][A-ZĐ][\wĐđ]*(?:[-/][A-ZĐ\d][\wĐđ]*)+")
_QUOTED = re.compile(r"[“\"][^”\"]{0,80}[”\"]")
_YEAR_CONTEXT = re.compile(
    r"(?:năm|giai đoạn|nhiệm kỳ|đến|từ|thời kỳ|khóa|tầm nhìn)\s*$", re.IGNORECASE
)
_TARGET_CUE = re.compile(
    r"\b(?:đạt|phấn đấu|phân đấu|phần đầu|phấn đầu|ít nhất|tối thiểu|trở lên|có thêm|thành lập"
    r"|giảm|tăng|duy trì|là|xây dựng thêm|hoàn thành|công nhận|có từ|huy động|kết nạp)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Quantity:
    start: int
    end: int
    value: float
    upper: float | None
    unit: str | None


def parse_vietnamese_number(text: str) -> float:
    """Return the value of a number written the Vietnamese way ("630.370,27" → 630370.27)."""
    return float(text.replace(".", "").replace(",", "."))


def _mask(text: str) -> str:
    """Blank out dates, document numbers and quoted names, keeping offsets."""
    for pattern in (_DATE, _DOC_NUMBER, _QUOTED):
        text = pattern.sub(lambda match: " " * len(match.group(0)), text)
    return text


def _unit_after(text: str, position: int) -> str | None:
    rest = text[position:].lstrip()
    for unit in _UNITS:
        if rest.startswith(unit) and not rest[len(unit) : len(unit) + 1].isalnum():
            return unit
    return None


def _quantities(text: str) -> list[_Quantity]:
    masked = _mask(text)
    found: list[_Quantity] = []
    for match in _QUANTITY.finditer(masked):
        previous = masked[match.start() - 1] if match.start() > 0 else " "
        if previous.isalnum() or previous in ".,":
            continue
        raw = match.group("value")
        value = parse_vietnamese_number(raw)
        upper = match.group("upper")
        upper_value = parse_vietnamese_number(upper) if upper else None
        if match.group("top"):
            found.append(_Quantity(match.start(), match.end(), value, None, "top"))
            continue
        if match.group("percent"):
            unit: str | None = "%"
        else:
            unit = _unit_after(masked, match.end())
        is_year = re.fullmatch(r"(?:19|20)\d\d", raw) is not None and unit in (None, "năm")
        if is_year or (upper and re.fullmatch(r"(?:19|20)\d\d", upper) and unit is None):
            continue
        if unit is None:
            following = masked[match.end() : match.end() + 2]
            if not re.match(r"\s*[,.;)]|\s*$", following + " ") or _YEAR_CONTEXT.search(
                masked[: match.start()]
            ):
                continue
        before = masked[max(0, match.start() - 25) : match.start()].lower()
        if _is_definition(before, unit, masked, match.end()):
            continue
        found.append(_Quantity(match.start(), match.end(), value, upper_value, unit))
    return found


def _is_definition(before: str, unit: str | None, text: str, end: int) -> bool:
    """Return True for numbers that define the population measured rather than a target."""
    words = before.split()
    last = words[-1] if words else ""
    if unit in ("tuổi", "tháng", "lần") and not re.search(r"(đạt|là)\s*$", before):
        return True
    if unit == "năm" and not re.search(r"(đạt|tối thiểu|ít nhất|là)\s*$", before):
        return True
    if last in ("cả", "mỗi") or before.rstrip().endswith(("mỗi năm", "trên cả")):
        return True
    later = text[end : end + 80]
    return last == "trên" and unit not in (None, "%") and re.search(r"\bđạt\b", later) is not None


def _comparator(text: str, quantity: _Quantity) -> str:
    before = text[max(0, quantity.start - 40) : quantity.start].lower()
    after = text[quantity.end : quantity.end + 40].lower()
    if quantity.unit == "top":
        return "<="
    if re.search(r"\bgiảm\b[^.;,]*$", before) and not re.search(r"dưới\s*$", before):
        return "reduce_by"
    if quantity.upper is not None:
        return "range"
    if re.search(r"(dưới|không quá|tối đa)\s*$", before):
        return "<="
    if re.search(r"(trên|ít nhất|tối thiểu)\s*$", before) or re.match(
        r"\s*(?:[^\s,;.]+\s+){0,4}trở lên", after
    ):
        return ">="
    return "="


def _year(text: str) -> int | None:
    if re.search(r"hằng năm|hàng năm", text, re.IGNORECASE):
        explicit = re.search(r"(?:đến|trong) năm ((?:19|20)\d\d)", text)
        return int(explicit.group(1)) if explicit else None
    span = re.search(r"giai đoạn\s*(?:19|20)\d\d\s*[-–]\s*((?:19|20)\d\d)", text, re.IGNORECASE)
    if span:
        return int(span.group(1))
    single = re.search(r"năm\s+((?:19|20)\d\d)", text)
    return int(single.group(1)) if single else None


def _clauses(text: str) -> list[tuple[int, str]]:
    clauses: list[tuple[int, str]] = []
    start = 0
    for match in re.finditer(r";|\.(?=\s+[A-ZĐÀ-Ỹ])|\.$", text):
        clauses.append((start, text[start : match.start()]))
        start = match.end()
    if start < len(text):
        clauses.append((start, text[start:]))
    return clauses


def find_targets(text: str) -> list[Target]:
    """Return the targets a piece of text sets, in reading order."""
    targets: list[Target] = []
    for _offset, clause in _clauses(text):
        year = _year(clause)
        subject = re.match(r"\s*Số\s+(.*)", clause)
        for quantity in _quantities(clause):
            unit = quantity.unit
            if unit is None and subject:
                unit = _unit_after(subject.group(1), 0)
            targets.append(
                Target(
                    value=quantity.value,
                    value_max=quantity.upper,
                    unit=unit,
                    comparator=_comparator(clause, quantity),
                    year=year,
                )
            )
    return targets


def has_target(text: str) -> bool:
    """Return True when `text` states a quantified target (a number, a unit and a cue)."""
    return bool(_TARGET_CUE.search(text)) and any(q.unit for q in _quantities(text))
