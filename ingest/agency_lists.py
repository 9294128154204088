"""Reading agency names out of text: lists of bodies and the body a sentence assigns work to.

Lists are split at commas, semicolons and "và các", except where the comma sits inside one
body's name ("các cơ quan tham mưu, giúp việc Đảng ủy", "xã, phường, đặc khu"). A qualifier
shared by several bodies is given to each: "Đảng ủy, UBND cấp xã" → "Đảng ủy cấp xã",
"UBND cấp xã".

A task may carry its own assignment: in a parenthesis after it ("(Cơ quan chủ trì: X; cơ quan
phối hợp: Y)", "(chủ trì: X; phối hợp: Y)", "(Giao X chủ trì, phối hợp Y)", "(X chủ trì, Y
phối hợp)") or as its opening words ("Giao X chủ trì tuyên truyền ..."); `stated_assignment`
reads both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "AGENCY_HEAD",
    "StatedAssignment",
    "assigned_subject",
    "split_agencies",
    "stated_assignment",
]

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
# Head words that open a sentence as a verb or a common noun when nothing follows them
# ("Tổ chức tuyên truyền ...", "Lãnh đạo, chỉ đạo ..."): alone they name no body.
_GENERIC_HEAD = re.compile(
    r"Tổ chức|Lãnh đạo|Cơ quan|Đơn vị|Ban|Phòng|Hội|Đoàn|Trưởng|Trung tâm|Thống kê|Bảo hiểm"
    r"|Vùng|Thuế"
)
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
            # After "Đảng ủy các xã, phường, đặc khu: A, B, C" the names A, B, C are places.
            listing = bool(fragments) and ":" in fragments[-1] and not AGENCY_HEAD.match(piece)
            if fragments and (listing or not _starts_body(piece)) and not piece.startswith("các "):
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
        if len(lead) == 1 and _GENERIC_HEAD.fullmatch(lead[0]):
            continue
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


@dataclass(frozen=True)
class StatedAssignment:
    """The lead, partners and timing a task states for itself, and where it says so.

    `start`/`end` delimit the words that only assign (a parenthesis), so callers can read the
    task's topic without them; both are 0 when the assignment is the task's own opening.
    """

    lead: list[str]
    coordinating: list[str]
    timing: str | None = None
    start: int = 0
    end: int = 0


_PARENTHESIS = re.compile(r"\(([^()]{3,400})\)")
_ROLE_LABEL = re.compile(
    r"(?:(?:[Cc]ơ quan|[Đđ]ơn vị|[Bb]ộ phận)\s+)?(?P<role>[Cc]hủ trì|[Pp]hối hợp)"
    r"(?:\s+thực hiện)?\s*:"
    r"|(?P<time>[Tt]hời gian|[Tt]hời hạn|[Tt]iến độ)(?:\s+(?:thực hiện|hoàn thành))?\s*:"
)
_ROLE_WORDS = r"(?:\s+thực hiện)?"
_UNLABELLED = re.compile(
    rf"^(?P<lead>.+?)\s+chủ trì{_ROLE_WORDS}"
    r"(?:\s*[,;]\s*(?:phối hợp(?:\s+với)?\s*:?\s*(?P<after>.+?)"
    rf"|(?P<before>.+?)\s+phối hợp{_ROLE_WORDS}))?"
    r"\s*$"
)
_ASSIGNING_OPENER = re.compile(r"^Giao\s+(?:cho\s+)?(?=\S)")


def _labelled(content: str) -> StatedAssignment | None:
    labels = list(_ROLE_LABEL.finditer(content))
    if not labels or content[: labels[0].start()].strip(" ,;."):
        return None
    values: dict[str, str] = {}
    for index, label in enumerate(labels):
        stop = labels[index + 1].start() if index + 1 < len(labels) else len(content)
        role = "timing" if label.group("time") else label.group("role").lower()
        values[role] = content[label.end() : stop].strip(" ,;.")
    lead = split_agencies(values.get("chủ trì", ""))
    if not lead:
        return None
    return StatedAssignment(
        lead, split_agencies(values.get("phối hợp", "")), values.get("timing") or None
    )


def _unlabelled(content: str) -> StatedAssignment | None:
    if _ASSIGNING_OPENER.match(content):
        lead, partners = assigned_subject(content)
        return StatedAssignment(lead, partners) if lead else None
    match = _UNLABELLED.match(content.strip(" .;"))
    if match is None or not AGENCY_HEAD.match(match.group("lead")):
        return None
    partners = match.group("after") or match.group("before") or ""
    return StatedAssignment(split_agencies(match.group("lead")), split_agencies(partners))


def stated_assignment(text: str) -> StatedAssignment | None:
    """Return the lead and partners a task names for itself, or None when it names none.

    >>> found = stated_assignment(
    ...     "Tập trung thu ngân sách (Cơ quan chủ trì: Phòng Kinh tế; cơ quan phối hợp: "
    ...     "Công an xã, Ủy ban Mặt trận Tổ quốc Việt Nam xã)."
    ... )
    >>> found.lead, found.coordinating
    (['Phòng Kinh tế'], ['Công an xã', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã'])
    >>> stated_assignment("Giao Trưởng các thôn chủ trì tuyên truyền, vận động Nhân dân.").lead
    ['Trưởng các thôn']
    """
    if "chủ trì" not in text and not text.startswith("Giao"):
        return None
    for match in _PARENTHESIS.finditer(text):
        content = match.group(1).strip()
        if "chủ trì" not in content and not _ASSIGNING_OPENER.match(content):
            continue
        found = _labelled(content) or _unlabelled(content)
        if found is not None:
            return StatedAssignment(
                found.lead, found.coordinating, found.timing, match.start(), match.end()
            )
    if _ASSIGNING_OPENER.match(text):
        lead, partners = assigned_subject(text)
        if lead:
            return StatedAssignment(lead, partners)
    return None
