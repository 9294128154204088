"""The `hamlet_handdown` rule: work handed down to hamlets, which are not a level of government.

Since 2025 local government has two levels; hamlets ("ấp, khóm, thôn, tổ dân phố, khu
phố", "bản, buôn, phum, sóc, xóm, khu dân cư") may only be given propaganda and
mobilisation ("không giao cấp dưới", except "tuyên truyền, vận động"). A task is flagged
when a hamlet-level body leads or coordinates it (`mg:chairedBy`, `mg:coordinatesWith`),
heads the section it sits in (a closing section assigning duties body by body), or is
assigned it by one of its sentences ("Giao Trưởng ấp ..."), and any of its sentences asks
for more than propaganda, mobilisation and reporting back.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from rdflib import URIRef

from ontology.vocabulary import MG
from queries.audit_model import AuditContext, Finding, TaskRecord
from queries.copying import syllables
from queries.sparql import load_query

__all__ = ["RULE", "hamlet_handdown", "is_hamlet_body", "is_propaganda"]

RULE = "hamlet_handdown"

# Words naming a hamlet as folded syllables; each with the neighbours that make the same
# syllable mean something else ("nông thôn" is the countryside, "chăm sóc" is care).
_HAMLET_WORDS: tuple[tuple[tuple[str, ...], frozenset[str], frozenset[str]], ...] = (
    (("ấp",), frozenset(), frozenset()),
    (("khóm",), frozenset(), frozenset()),
    (("xóm",), frozenset(), frozenset()),
    (("buôn",), frozenset(), frozenset({"bán", "lậu"})),
    (("phum",), frozenset(), frozenset()),
    (("sóc",), frozenset({"chăm"}), frozenset({"trăng"})),
    (("thôn",), frozenset({"nông"}), frozenset()),
    (("tổ", "dân", "phố"), frozenset(), frozenset()),
    (("khu", "phố"), frozenset(), frozenset()),
    (("khu", "dân", "cư"), frozenset(), frozenset()),
    (("tổ", "dân", "cư"), frozenset(), frozenset()),
)
# "bản" and "làng" are hamlets only after these words ("văn bản", "cơ bản" are not).
_GUARDED_WORDS = frozenset({"bản", "làng"})
_GUARDS = frozenset({"trưởng", "các", "mỗi", "từng", "thôn", "xóm"})
_FIRST_WORDS = frozenset(words[0] for words, _after, _before in _HAMLET_WORDS) | _GUARDED_WORDS

# Words that soften or frame a verb without changing what is asked ("Tổ chức tuyên truyền",
# "Thường xuyên nắm bắt"), skipped before the verb is read; longest first.
_FRAMING = tuple(
    tuple(phrase.split())
    for phrase in (
        "thực hiện tốt",
        "làm tốt",
        "có trách nhiệm",
        "chịu trách nhiệm",
        "tổ chức",
        "thường xuyên",
        "tích cực",
        "đẩy mạnh",
        "tăng cường",
        "chủ động",
        "tiếp tục",
        "kịp thời",
        "thực hiện",
        "công tác",
        "tham gia",
        "phối hợp",
        "chủ trì",
        "định kỳ",
        "hằng năm",
        "hàng năm",
        "hằng quý",
        "hằng tháng",
        "duy trì",
        "việc",
        "và",
        "tốt",
    )
)
_PROPAGANDA = tuple(
    tuple(phrase.split())
    for phrase in (
        "tuyên truyền",
        "vận động",
        "phổ biến",
        "quán triệt",
        "thông báo",
        "thông tin",
        "giáo dục",
        "động viên",
        "phát động",
        "tuyên dương",
    )
)
# Reporting back to the commune is part of any hamlet head's role, not work handed down.
_REPORTING = tuple(
    tuple(phrase.split())
    for phrase in (
        "báo cáo",
        "phản ánh",
        "nắm bắt",
        "nắm tình hình",
        "kiến nghị",
        "đề xuất",
        "tiếp nhận",
        "lắng nghe",
    )
)
# A sentence that may open with the body it assigns work to ("Giao Trưởng ấp ...").
_OPENS_WITH_BODY = re.compile(
    r"^(?:Giao|Đề nghị|Yêu cầu|Trưởng|Trường|Ban|Chi bộ|Chi hội|Tổ|Các|Ủy ban|UBND|Bí thư)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;!?](?:\s+|$)|\n+")
_SUBJECT_REACH = 25
_SHOWN = 160


@cache
def is_hamlet_body(name: str) -> bool:
    """Return whether the body `name` sits at hamlet level (a hamlet, its head or its cell).

    >>> is_hamlet_body("Trưởng ấp các ấp"), is_hamlet_body("Ban quản lý nông thôn mới")
    (True, False)
    """
    keys = syllables(name).keys
    for index, key in enumerate(keys):
        if key not in _FIRST_WORDS:
            continue
        before = keys[index - 1] if index else ""
        if key in _GUARDED_WORDS and before in _GUARDS:
            return True
        for words, not_after, not_before in _HAMLET_WORDS:
            if keys[index : index + len(words)] != words:
                continue
            after = keys[index + len(words)] if index + len(words) < len(keys) else ""
            if before not in not_after and after not in not_before:
                return True
    return False


def _starts_with(keys: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> int:
    for phrase in phrases:
        if keys[: len(phrase)] == phrase:
            return len(phrase)
    return 0


def _assigned(sentence: str) -> tuple[list[str], list[str]]:
    """Return the (lead, coordinating) bodies `sentence` assigns, read as extraction reads them."""
    # The extraction package is heavy to import; most audits never need it.
    from ingest.agency_lists import assigned_subject

    return assigned_subject(sentence)


def _predicate(sentence: str) -> str:
    """Return `sentence` without the body it opens with ("Giao Trưởng ấp ...", "X chủ trì")."""
    if not _OPENS_WITH_BODY.match(sentence):
        return sentence
    lead, _partners = _assigned(sentence)
    if not lead:
        return sentence
    first = sentence.find(lead[0])
    last = sentence.find(lead[-1], max(first, 0))
    if 0 <= first <= _SUBJECT_REACH and last >= 0:
        return sentence[last + len(lead[-1]) :]
    return sentence


def _sentence_kind(sentence: str) -> str:
    """Return "propaganda", "reporting" or "work" for what one sentence asks."""
    keys = syllables(_predicate(sentence)).keys
    while skipped := _starts_with(keys, _FRAMING):
        keys = keys[skipped:]
    if _starts_with(keys, _PROPAGANDA):
        return "propaganda"
    if _starts_with(keys, _REPORTING):
        return "reporting"
    return "work"


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part and part.strip()]


def is_propaganda(text: str) -> bool:
    """Return whether `text` asks only for propaganda and mobilisation (and reporting back).

    >>> is_propaganda("Tổ chức tuyên truyền, vận động Nhân dân. Báo cáo kết quả về UBND xã.")
    True
    >>> is_propaganda("Tuyên truyền Nghị quyết. Triển khai thu gom rác thải trong ấp.")
    False
    """
    return _first_work(text) is None


def _first_work(text: str) -> str | None:
    for sentence in _sentences(text):
        if _sentence_kind(sentence) == "work":
            return sentence
    return None


def _named_in_text(task: TaskRecord) -> list[str]:
    named = []
    for sentence in _sentences(task.text):
        if not is_hamlet_body(sentence):
            continue
        lead, partners = _assigned(sentence)
        named += [name for name in [*lead, *partners] if is_hamlet_body(name)]
    return named


def _shorten(text: str) -> str:
    return text if len(text) <= _SHOWN else text[: _SHOWN - 1].rstrip() + "…"


def _name_key(name: str) -> str:
    return " ".join(syllables(name).keys)


def _hamlet_bodies(context: AuditContext) -> dict[str, dict[str, str]]:
    """Return, per task, the hamlet-level bodies leading or coordinating it, described."""
    roles = {MG.chairedBy: "lead", MG.coordinatesWith: "coordinating"}
    document = context.document.iri
    names: dict[URIRef, str] = {}
    for row in context.store.select(load_query("audit_task_agencies"), {"document": document}):
        label = str(row["label"])
        if is_hamlet_body(label):
            names.setdefault(URIRef(str(row["agency"])), label)
    bodies: dict[str, dict[str, str]] = defaultdict(dict)
    for agency, label in names.items():
        query = load_query("audit_task_roles")
        for row in context.store.select(query, {"document": document, "agency": agency}):
            described = f"“{label}” ({roles[row['role']]})"
            bodies[str(row["task"])].setdefault(_name_key(label), described)
    # A closing section that assigns duties body by body names the body in its heading
    # ("6. Trưởng ấp các ấp trên địa bàn xã"); its items are that body's work even where
    # extraction read no agency for them.
    for row in context.store.select(load_query("audit_task_sections"), {"document": document}):
        heading = " ".join(str(row["heading"]).split())
        if _OPENS_WITH_BODY.match(heading) and is_hamlet_body(heading):
            described = f"“{heading}” (heading of its section)"
            bodies[str(row["task"])].setdefault(_name_key(heading), described)
    return bodies


def hamlet_handdown(context: AuditContext) -> list[Finding]:
    """Return one finding per task handed to a hamlet-level body beyond propaganda.

    The detail names the hamlet-level bodies with their role (lead, coordinating, or named
    in the text) and quotes the first sentence that asks for other work.
    """
    bodies = _hamlet_bodies(context)
    findings = []
    for task in context.tasks:
        named = list(bodies.get(str(task.iri), {}).values())
        if not named:
            named = [f"“{name}” (named in the text)" for name in _named_in_text(task)]
        if not named:
            continue
        work = _first_work(task.text)
        if work is None:
            continue
        detail = (
            f"handed down to hamlet-level {', '.join(named)}, beyond propaganda and "
            f"mobilisation: “{_shorten(work)}”"
        )
        findings.append(Finding(RULE, str(task.iri), task.text, detail))
    return findings
