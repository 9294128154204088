"""Reading agency names out of text: lists of bodies and the body a sentence assigns work to.

Lists are split at commas, semicolons and "và các", except where the comma sits inside one
body's name ("các cơ quan tham mưu, giúp việc Đảng ủy", "xã, phường, đặc khu"). A qualifier
shared by several bodies is given to each: "Đảng ủy, UBND cấp xã" → "Đảng ủy cấp xã",
"UBND cấp xã".
"""

from __future__ import annotations

import re

__all__ = ["AGENCY_HEAD", "assigned_subject", "split_agencies"]

_HEADS = (
    r"Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Ban|Văn phòng|Phòng|Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ"
    r"|Thường trực|MTTQ|Mặt trận|Sở|Bộ|Cơ quan|Công an|Quân sự|Thủ trưởng|Trưởng|Trường"
    r"|Chủ tịch|Đồng chí|Ủy viên|Lãnh đạo|Tỉnh ủy|Thành ủy|Đoàn|Hội|Liên đoàn|Trung tâm"
    r"|Thống kê|Thuế|Bảo hiểm|Công ty|Người đứng đầu|người đứng đầu|Đơn vị|Tổ chức|Cục|Chi cục"
    r"|Hải quân|Vùng|VCCI|Viện|Tòa án|Kho bạc|Ngân hàng|Bí thư"
)
_PLURAL_NOUNS = (
    r"đơn vị|cơ quan|ngành|tổ chức|ban|phòng|sở|xã|chi|đảng ủy|đảng bộ|hội|đoàn thể|địa phương"
    r"|đồng chí|ủy viên|trường|bộ|cấp|chi bộ|đại biểu|thành viên|hợp tác xã|doanh nghiệp"
)
AGENCY_HEAD = re.compile(
    rf"^(?:(?:{_HEADS})\b|(?:[Cc]ác|[Nn]hững)\s+(?:{_PLURAL_NOUNS}|{_HEADS})\b)"
)
"""Matches text that opens with the name of a body."""

_BARE_HEADS = re.compile(r"^(?:Đảng ủy|Đảng uỷ|UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)$")
_QUALIFIED = re.compile(
    r"^(Đảng ủy|Đảng uỷ|UBND|HĐND|Ủy ban nhân dân|Hội đồng nhân dân)\s+(\S.*)$"
)
_LOCALITY_LIST = re.compile(
    r"\b(xã|phường|đặc khu|thị trấn)((?:\s*,\s*(?:xã|phường|đặc khu|thị trấn))+)"
)
_PLACEHOLDER = "\u0001"
_VERBS = (
    r"chủ trì|phối hợp|chỉ đạo|xây dựng|ban hành|tăng cường|căn cứ|quán triệt|tham mưu|theo dõi"
    r"|trực tiếp|thực hiện|triển khai|chủ động|tập trung|nghiên cứu|đẩy mạnh|kiểm tra|giám sát"
    r"|báo cáo|phổ biến|tuyên truyền|sẽ|có trách nhiệm|chịu trách nhiệm|định kỳ|thường xuyên"
    r"|hướng dẫn|đôn đốc|rà soát|cụ thể hóa|lãnh đạo|họp|nghe|tiếp tục|phát huy|vận động"
    r"|tổ chức(?!\s+(?:chính trị|hành chính|đảng|cơ sở|đoàn thể|hội))"
)
_VERB = re.compile(rf"(?<![\w/])(?<!các )(?<!và )(?<!những )(?:{_VERBS})(?!\w)")
_LEAD_IN = re.compile(r"^(?:Giao|Đề nghị|Yêu cầu|Giao cho)\s+")
_OPENERS = re.compile(r"^(?:Căn cứ|Đối với|Trên cơ sở|Trong quá trình|Để|Nhằm)\b")


def _protect(text: str) -> str:
    return _LOCALITY_LIST.sub(
        lambda match: match.group(1) + match.group(2).replace(",", _PLACEHOLDER), text
    )


def _starts_body(fragment: str) -> bool:
    return bool(AGENCY_HEAD.match(fragment)) or fragment[:1].isupper()


def split_agencies(text: str) -> list[str]:
    """Return the bodies named in a list such as a table cell or a "Cơ quan phối hợp" line."""
    text = re.sub(r"\s+", " ", text).strip().rstrip(".;,")
    text = re.sub(r"\s*\([^)]*\)\s*$", "", text) if text.endswith(")") else text
    if not text:
        return []
    protected = _protect(text)
    fragments: list[str] = []
    for part in re.split(r"\s*;\s*", protected):
        for piece in re.split(r"\s*,\s*", part):
            if not piece:
                continue
            if fragments and not _starts_body(piece) and not piece.startswith("các "):
                fragments[-1] = f"{fragments[-1]}, {piece}"
            else:
                fragments.append(piece)
    names: list[str] = []
    for fragment in fragments:
        names.extend(part for part in re.split(r"\s+và\s+(?=các\s)", fragment) if part)
    names = [name.replace(_PLACEHOLDER, ",").strip(" .") for name in names]
    return _distribute_qualifier([name for name in names if name])


def _distribute_qualifier(names: list[str]) -> list[str]:
    """Give a bare head ("Đảng ủy") the qualifier of the next body that has one."""
    out = list(names)
    for index, name in enumerate(out):
        if not _BARE_HEADS.match(name):
            continue
        for following in out[index + 1 :]:
            if match := _QUALIFIED.match(following):
                out[index] = f"{name} {match.group(2)}"
                break
    return out


def assigned_subject(text: str) -> tuple[list[str], list[str]]:
    """Return (lead, coordinating) bodies that a duty sentence assigns, or empty lists.

    Reads "Giao X chủ trì, phối hợp Y ...", "Đề nghị X và Y <verb> ..." and "X <verb> ...",
    skipping an opening clause such as "Căn cứ ..., ".
    """
    sentence = text.split(". ")[0]
    if ":" in sentence[:80] and AGENCY_HEAD.match(sentence.split(":", 1)[1].strip()):
        sentence = sentence.split(":", 1)[1].strip()
    starts = [0] + [match.end() for match in re.finditer(r",\s+", sentence[:300])]
    for start in starts:
        candidate = _LEAD_IN.sub("", sentence[start:])
        if start == 0 and _OPENERS.match(candidate):
            continue
        if not AGENCY_HEAD.match(candidate):
            continue
        verb = _VERB.search(candidate)
        if verb is None or verb.start() == 0:
            continue
        lead = split_agencies(candidate[: verb.start()])
        coordinating: list[str] = []
        rest = candidate[verb.start() :]
        if rest.startswith("chủ trì"):
            partner = re.match(r"chủ trì,?\s*phối hợp(?: với)?\s+(.*)", rest)
            if partner:
                tail = partner.group(1)
                stop = _VERB.search(tail)
                coordinating = split_agencies(tail[: stop.start()] if stop else tail)
        return lead, coordinating
    return [], []
