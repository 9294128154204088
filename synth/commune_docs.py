"""The two commune documents: the party action programme (CTr/ĐU) and the plan (KH-UBND).

Each comes with its answer key and its link key.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Any

from synth.catalogue import FREE_TOPICS, Topic
from synth.geography import Commune
from synth.indicators import make_indicators
from synth.model import Doc, cut_task_text, first_words, indicator_key
from synth.province_docs import XIV, ProvinceContext, ProvincialProgramme
from synth.references import CENTRAL, Central, congress_reference, numbered_reference
from synth.tasks import realise

__all__ = ["CommuneParty", "build_commune_plan", "build_commune_programme"]

_GROUPS = (
    (("economy",), "Về phát triển kinh tế"),
    (("environment",), "Về quản lý tài nguyên, bảo vệ môi trường"),
    (("society", "culture"), "Về văn hóa, xã hội"),
    (("defense_security",), "Về quốc phòng, an ninh"),
    (("party_building", "other"), "Về xây dựng Đảng, chính quyền"),
)
_FREE_HEADINGS = {
    "budget": "Về quản lý ngân sách nhà nước",
    "party": "Về công tác xây dựng Đảng, đoàn thể",
    "justice": "Về công tác tư pháp",
    "complaints": "Về tiếp công dân, giải quyết khiếu nại, tố cáo",
    "sport": "Về thể dục, thể thao",
    "population": "Về công tác dân số",
}
_QUARTERS = ("I", "II", "III", "IV")
# A time phrase that opens a duty governs all of it (gold README, "Timing").
_OPENING_TIME = re.compile(r"^(Định kỳ hằng (?:tháng|quý|năm)|Hằng năm),")


@dataclass
class CommuneParty:
    """The commune party programme's number and date (None for a draft) for the plan to cite."""

    number: str | None
    day: str | None


@dataclass
class _Section:
    topics: list[Topic]
    programmes: list[ProvincialProgramme | None]
    heading: str


def _commune_doc(
    stem: str,
    kind: str,
    province: str,
    commune: str,
    issuer: str,
    number: str | None,
    day: str | None,
    heading: list[str],
) -> Doc:
    """Return an empty commune document of `kind` with its answer key's document block."""
    block = {
        "kind": kind,
        "issuer": issuer,
        "level": "commune",
        "locality": commune,
        "province": province,
        "number": number,
        "date": _iso(day),
        "term": "2025-2030",
        "title": " ".join(heading),
    }
    return Doc(stem, kind, province, commune, block)


def _iso(day: str | None) -> str | None:
    if day is None:
        return None
    d, m, y = day.split("/")
    return f"{y}-{int(m):02d}-{int(d):02d}"


def _long(day: str) -> str:
    d, m, y = day.split("/")
    return f"ngày {d} tháng {int(m):02d} năm {y}"


def _applicable(ctx: ProvinceContext, commune: Commune, border: bool) -> list[ProvincialProgramme]:
    out = []
    for programme in ctx.programmes:
        restriction = programme.topic.restriction
        if (
            restriction is None
            or (restriction == "border" and border)
            or (restriction in ("urban", "special") and commune.name in programme.applies_to)
        ):
            out.append(programme)
    return out


def _sections(
    rng: random.Random, ctx: ProvinceContext, commune: Commune, border: bool
) -> list[tuple[str, list[_Section]]]:
    programmes = _applicable(ctx, commune, border)
    groups: list[tuple[str, list[_Section]]] = []
    for fields, heading in _GROUPS:
        sections = [
            _Section([p.topic], [p], "Về " + _lower_first(_core(p.title)))
            for p in programmes
            if p.topic.field in fields
        ]
        sections += [
            _Section([t], [None], _FREE_HEADINGS[t.key]) for t in FREE_TOPICS if t.field in fields
        ]
        rng.shuffle(sections)
        if sections:
            groups.append((heading, sections))
    return groups


def _core(title: str) -> str:
    for word in ("Đề án", "Chương trình", "Kế hoạch"):
        if title.startswith(word + " "):
            title = title[len(word) + 1 :]
    return title.split(":")[0].rstrip(".")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


class _Writer:
    """Writes the body shared by both commune documents and fills the keys."""

    def __init__(
        self, rng: random.Random, doc: Doc, ctx: ProvinceContext, commune: Commune, *, party: bool
    ) -> None:
        self.rng, self.doc, self.ctx, self.commune, self.party = rng, doc, ctx, commune, party
        self.marker = rng.choice(("dash", "paren"))
        styles = ["section_lines", "closing_only", "parenthesis"] + (
            ["mapping"] if self.marker == "paren" else []
        )
        self.lead_style = rng.choice(styles)
        self.ubnd = rng.choice(("UBND xã", "Ủy ban nhân dân xã"))
        self.hamlet = ctx.province.hamlet
        self.seen: set[str] = set()
        self.links: list[dict[str, Any]] = []
        self.cited_central: set[str] = set()

    def agencies(self, field: str) -> tuple[list[str], list[str]]:
        if self.party:
            lead = {"party_building": "Ban Xây dựng Đảng", "other": "Văn phòng Đảng ủy"}.get(
                field, self.ubnd
            )
            return [lead], [
                "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
                "các tổ chức chính trị - xã hội xã",
            ]
        lead = {
            "economy": "Phòng Kinh tế",
            "environment": "Phòng Kinh tế",
            "society": "Phòng Văn hóa - Xã hội",
            "culture": "Phòng Văn hóa - Xã hội",
            "defense_security": self.rng.choice(("Công an xã", "Ban Chỉ huy Quân sự xã")),
        }.get(field, "Văn phòng HĐND và UBND xã")
        partners = [
            a
            for a in (
                "Phòng Kinh tế",
                "Phòng Văn hóa - Xã hội",
                "Công an xã",
                "Ủy ban Mặt trận Tổ quốc Việt Nam xã",
            )
            if a != lead
        ]
        return [lead], self.rng.sample(partners, 2)

    def indicators(self, count: int) -> None:
        style = self.rng.choice(("paren", "chi_tieu"))
        made = make_indicators(self.rng, count)
        number = 0
        index = 0
        while index < len(made):
            number += 1
            group = 2 if style == "chi_tieu" and self.rng.random() < 0.3 else 1
            chunk = made[index : index + group]
            index += group
            if style == "paren":
                text, targets, field = chunk[0]
                self.doc.para(f"({number}) {text}")
                self._indicator(f"({number})", text, targets, field)
            elif len(chunk) == 1:
                text, targets, field = chunk[0]
                self.doc.para(f"- Chỉ tiêu {number}: {text}")
                self._indicator(f"Chỉ tiêu {number}", text, targets, field)
            else:
                self.doc.para(f"- Chỉ tiêu {number}:")
                for sub, (text, targets, field) in enumerate(chunk, start=1):
                    self.doc.para(f"+ {text}")
                    self._indicator(f"Chỉ tiêu {number}/{sub}", text, targets, field)

    def _indicator(self, ident: str, text: str, targets: list[Any], field: str) -> None:
        self.doc.indicators.append(indicator_key(ident, text, targets, field))

    def tasks(self, roman: str, count: int, border: bool) -> None:
        groups = _sections(self.rng, self.ctx, self.commune, border)
        total_sections = sum(len(s) for _h, s in groups)
        per = max(1, round(count / total_sections))
        made = 0
        for g_index, (g_heading, sections) in enumerate(groups, start=1):
            self.doc.para(f"{g_index}. {g_heading}")
            for s_index, section in enumerate(sections, start=1):
                path = f"{roman}.{g_index}.{s_index}"
                self.doc.para(f"{g_index}.{s_index}. {section.heading}")
                n = max(1, min(per + self.rng.randint(-1, 1), count - made)) if made < count else 1
                self._section(path, section, n)
                made += n

    def _section(self, path: str, section: _Section, count: int) -> None:
        topic, programme = section.topics[0], section.programmes[0]
        lead, partners = self.agencies(topic.field)
        timing = self.rng.choice(
            (None, "Trong năm 2026.", "Giai đoạn 2026 - 2030.", "Thường xuyên, hằng năm.")
        )
        entries: list[tuple[str, dict[str, Any]]] = []
        for number in range(1, count + 1):
            text, links, own_timing, own_lead = self._task_text(topic, programme)
            marker = f"({number}) " if self.marker == "paren" else "- "
            ident = f"{path}/({number})" if self.marker == "paren" else f"{path}/-{number}"
            key = {
                "id": ident,
                "section": section.heading,
                "text": cut_task_text(text),
                "lead": own_lead[0],
                "coordinating": own_lead[1],
                "timing": own_timing,
                "expected_result": None,
                "field": topic.field,
            }
            entries.append((marker + text, key))
            self.links.append({"text": first_words(text), "programmes": links})
        mapping: list[tuple[list[str], list[int]]] = []
        if self.lead_style == "mapping" and count >= 2:
            split = self.rng.randint(1, count - 1)
            other = self.agencies(self.rng.choice(("economy", "society", "other")))[0]
            if other == lead:
                other = [self.ubnd]
            mapping = [
                (lead, list(range(1, split + 1))),
                (other, list(range(split + 1, count + 1))),
            ]
        if self.marker == "paren" and self.lead_style in ("section_lines", "mapping"):
            self.doc.para("- Các nhiệm vụ, giải pháp:")
        for number, (line, key) in enumerate(entries, start=1):
            self.doc.para(line)
            if self.lead_style in ("section_lines", "mapping") and not key["lead"]:
                key["lead"] = next((a for a, ns in mapping if number in ns), lead)
                key["coordinating"] = list(partners)
            if self.lead_style in ("section_lines", "mapping") and key["timing"] is None and timing:
                key["timing"] = timing
            self.doc.tasks.append(key)
        if self.lead_style == "section_lines":
            if timing:
                self.doc.para(f"- Thời gian thực hiện: {timing}")
            self.doc.para(f"- Cơ quan chủ trì thực hiện: {', '.join(lead)}.")
            self.doc.para(f"- Cơ quan phối hợp thực hiện: {', '.join(partners)}.")
        elif self.lead_style == "mapping":
            if timing:
                self.doc.para(f"- Thời gian thực hiện: {timing}")
            if mapping:
                self.doc.para("- Cơ quan chủ trì thực hiện:")
                for agencies, numbers in mapping:
                    listed = ", ".join(f"({n})" for n in numbers)
                    self.doc.para(
                        f"+ {', '.join(agencies)} chủ trì thực hiện đối với nhiệm vụ, "
                        f"giải pháp số {listed}."
                    )
            else:
                self.doc.para(f"- Cơ quan chủ trì thực hiện: {', '.join(lead)}.")
            self.doc.para(f"- Cơ quan phối hợp thực hiện: {', '.join(partners)}.")

    def _task_text(
        self, topic: Topic, programme: ProvincialProgramme | None
    ) -> tuple[str, list[int], str | None, tuple[list[str], list[str]]]:
        rng = self.rng
        numbers = [programme.number] if programme else []
        own_lead: tuple[list[str], list[str]] = ([], [])
        own_timing: str | None = None
        unit = f"{self.commune.unit} {self.commune.name}"
        for _attempt in range(20):
            roll = rng.random()
            own_timing, own_lead = None, ([], [])
            cited: tuple[Central, str] | None = None
            if programme and roll < 0.06:
                text = next(t for t, p in self.ctx.tasks if p is programme)
            elif programme and roll < 0.10:
                clause = rng.choice(topic.phrases)
                holder = f"Trưởng các {self.hamlet}"
                text = (
                    f"Giao {holder} chủ trì tuyên truyền, vận động Nhân dân tham gia "
                    f"{clause}, báo cáo kết quả về {self.ubnd}."
                )
                own_lead = ([holder], [])
            elif programme and roll < 0.18:
                others = [
                    p
                    for p in _applicable(self.ctx, self.commune, False)
                    if p is not programme and p.topic.field == topic.field
                ]
                if others:
                    other = rng.choice(others)
                    text = realise(rng, [topic, other.topic], unit)
                    numbers = [programme.number, other.number]
                else:
                    text = realise(rng, [topic], unit)
            else:
                text = realise(rng, [topic], unit)
                central = [
                    c
                    for c in CENTRAL
                    if topic.key in c.topics and c.number not in self.cited_central
                ]
                if central and rng.random() < 0.5:
                    chosen = central[0]
                    span = chosen.span(comma=rng.random() < 0.5)
                    text = f"Thực hiện có hiệu quả {span}; {_lower_first(text)}"
                    cited = (chosen, span)
                if rng.random() < 0.1:
                    text = f"{text[:-1]} (hoàn thành trong quý {rng.choice(_QUARTERS)}/2026)."
                    own_timing = text[text.rindex("(") + 1 : -2]
                elif rng.random() < 0.08:
                    text = f"Hằng năm, {_lower_first(text)}"
                    own_timing = "Hằng năm"
                if self.lead_style == "parenthesis" and own_timing is None:
                    lead, partners = self.agencies(topic.field)
                    text = (
                        f"{text[:-1]} (Cơ quan chủ trì: {', '.join(lead)}; cơ quan phối hợp: "
                        f"{', '.join(partners)})."
                    )
                    own_lead = (lead, partners)
            if programme is None:
                numbers = []
            head = " ".join(text.split()[:10])
            if head not in self.seen or _attempt == 19:
                self.seen.add(head)
                if cited is not None:
                    # Only a citation that stays in the text goes into the key.
                    self.cited_central.add(cited[0].number)
                    self.doc.cite(cited[0].reference(cited[1]))
                return text, numbers, own_timing, own_lead
            numbers = [programme.number] if programme else []
        return text, numbers, own_timing, own_lead

    def closing(self, roman: str, bodies: list[tuple[str, list[str]]]) -> None:
        self.doc.para(f"{roman}. TỔ CHỨC THỰC HIỆN")
        for index, (body, duties) in enumerate(bodies, start=1):
            self.doc.para(f"{index}. {body}")
            for number, duty in enumerate(duties, start=1):
                self.doc.para(f"- {duty}")
                opening = _OPENING_TIME.match(duty)
                self.doc.tasks.append(
                    {
                        "id": f"{roman}.{index}/-{number}",
                        "section": body,
                        "text": duty,
                        "lead": [body],
                        "coordinating": [],
                        "timing": opening.group(1) if opening else None,
                        "expected_result": None,
                        "field": "other",
                    }
                )
                self.links.append({"text": first_words(duty), "programmes": []})


def _header(
    doc: Doc, left: list[str], right: list[str], number: str, place_date: str, heading: list[str]
) -> None:
    for line in left + right:
        doc.para(line, bold=True, center=True)
    doc.para(number)
    doc.para(place_date)
    for line in heading:
        doc.para(line, bold=True, center=True)


def _ctr_reference(ctx: ProvinceContext) -> tuple[str, dict[str, Any]]:
    p = ctx.province
    return numbered_reference(
        "Chương trình hành động",
        ctx.ctr_number,
        ctx.ctr_day,
        f"Ban Chấp hành Đảng bộ {p.unit} {p.name}",
        f"thực hiện {ctx.congress}",
        "implements",
    )


def build_commune_programme(
    rng: random.Random, ctx: ProvinceContext, commune: Commune, stem: str, *, border: bool
) -> tuple[Doc, CommuneParty]:
    """Return the commune party committee's action programme and its number and date."""
    p = ctx.province
    draft = rng.random() < 0.25
    number = None if draft else f"{rng.randint(1, 20):02d}-CTr/ĐU"
    day = None if draft else f"{rng.randint(1, 28):02d}/{rng.randint(4, 5)}/2026"
    c_congress = (
        f"Nghị quyết Đại hội Đảng bộ {commune.unit} {commune.name} lần thứ I, nhiệm kỳ 2025 - 2030"
    )
    unit_upper = commune.unit.upper()
    heading = [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        f"CỦA BAN CHẤP HÀNH ĐẢNG BỘ {unit_upper}",
        f"thực hiện {c_congress}",
    ]
    issuer = f"Ban Chấp hành Đảng bộ {commune.unit} {commune.name}"
    doc = _commune_doc(
        stem, "chuong_trinh_hanh_dong", p.name, commune.name, issuer, number, day, heading
    )
    _header(
        doc,
        [
            f"ĐẢNG BỘ {p.unit.upper()} {p.name.upper()}",
            f"ĐẢNG ỦY {unit_upper} {commune.name.upper()}",
            "*",
        ],
        ["ĐẢNG CỘNG SẢN VIỆT NAM"],
        f"Số {number}" if number else "Số -CTr/ĐU",
        f"{commune.name}, {_long(day)}" if day else f"{commune.name}, ngày tháng năm 2026",
        heading,
    )
    span, ref = _ctr_reference(ctx)
    doc.cite(congress_reference(c_congress, "implements"))
    doc.cite(congress_reference(XIV, "implements"))
    doc.cite(ref)
    doc.cite(congress_reference(ctx.congress, "implements"))
    doc.para(
        f"Thực hiện {XIV}; {span}; {c_congress}, {issuer} xây dựng Chương trình hành động như sau:"
    )
    writer = _Writer(rng, doc, ctx, commune, party=True)
    doc.para("I. MỤC ĐÍCH, YÊU CẦU")
    doc.para("- Cụ thể hóa đầy đủ các chỉ tiêu, nhiệm vụ mà Nghị quyết đã đề ra, bảo đảm 06 rõ.")
    doc.para("II. CÁC CHỈ TIÊU CHỦ YẾU")
    writer.indicators(20)
    doc.para("III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
    writer.tasks("III", rng.randint(80, 100), border)
    writer.closing(
        "IV",
        [
            (
                "Ban Thường vụ Đảng ủy",
                [
                    "Chỉ đạo quán triệt, triển khai Chương trình hành động này đến các chi, đảng "
                    "bộ "
                    "trực thuộc.",
                    "Định kỳ hằng quý nghe báo cáo tiến độ thực hiện, kịp thời chỉ đạo tháo gỡ "
                    "vướng mắc.",
                ],
            ),
            (
                "Ủy ban Kiểm tra Đảng ủy",
                [
                    "Tham mưu kiểm tra, giám sát việc tổ chức thực hiện Chương trình hành động.",
                ],
            ),
            (
                "Văn phòng Đảng ủy",
                [
                    "Theo dõi, đôn đốc, tổng hợp kết quả thực hiện, báo cáo Ban Thường vụ Đảng ủy.",
                ],
            ),
        ],
    )
    doc.para("T/M BAN CHẤP HÀNH", bold=True)
    doc.links = writer.links
    doc.notes = _notes(writer)
    return doc, CommuneParty(number, day)


def build_commune_plan(
    rng: random.Random,
    ctx: ProvinceContext,
    commune: Commune,
    stem: str,
    party: CommuneParty,
    *,
    border: bool,
) -> Doc:
    """Return the commune people's committee plan (KH-UBND)."""
    p = ctx.province
    draft = rng.random() < 0.25
    number = None if draft else f"{rng.randint(10, 250)}/KH-UBND"
    day = None if draft else f"{rng.randint(1, 28):02d}/5/2026"
    c_congress = (
        f"Nghị quyết Đại hội Đảng bộ {commune.unit} {commune.name} lần thứ I, nhiệm kỳ 2025 - 2030"
    )
    heading = [
        "KẾ HOẠCH",
        "Thực hiện Chương trình hành động của Đảng ủy và các đề án, chương "
        f"trình của tỉnh trên địa bàn {commune.unit} {commune.name}, nhiệm kỳ 2025 - 2030",
    ]
    issuer = f"Ủy ban nhân dân {commune.unit} {commune.name}"
    doc = _commune_doc(stem, "ke_hoach", p.name, commune.name, issuer, number, day, heading)
    _header(
        doc,
        ["ỦY BAN NHÂN DÂN", f"{commune.unit.upper()} {commune.name.upper()}"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        f"Số: {number}" if number else "Số: /KH-UBND",
        f"{commune.name}, {_long(day)}" if day else f"{commune.name}, ngày tháng năm 2026",
        heading,
    )
    span, ref = _ctr_reference(ctx)
    party_issuer = f"Ban Chấp hành Đảng bộ {commune.unit} {commune.name}"
    if party.number and party.day:
        party_span, party_ref = numbered_reference(
            "Chương trình hành động",
            party.number,
            party.day,
            party_issuer,
            "về các nhiệm vụ trọng tâm nhiệm kỳ 2025 - 2030",
            "implements",
        )
    else:
        party_span = (
            f"Chương trình hành động của {party_issuer} về các nhiệm vụ nhiệm kỳ 2025 - 2030"
        )
        party_ref = {
            "number": None,
            "name": party_span,
            "issuer": party_issuer,
            "date": None,
            "relation": "implements",
        }
    doc.cite(congress_reference(c_congress, "implements"))
    doc.cite(ref)
    doc.cite(congress_reference(ctx.congress, "implements"))
    doc.cite(party_ref)
    doc.para(f"Căn cứ {c_congress};")
    doc.para(f"Thực hiện {span}; {party_span},")
    doc.para(f"Ủy ban nhân dân {commune.unit} ban hành Kế hoạch thực hiện như sau:")
    writer = _Writer(rng, doc, ctx, commune, party=False)
    doc.para("I. MỤC ĐÍCH, YÊU CẦU")
    doc.para("- Cụ thể hóa các nhiệm vụ, giải pháp thuộc thẩm quyền của địa phương, bảo đảm 06 rõ.")
    doc.para("II. CHỈ TIÊU CHỦ YẾU")
    writer.indicators(25)
    doc.para("III. NHIỆM VỤ, GIẢI PHÁP")
    writer.tasks("III", rng.randint(140, 160), border)
    writer.closing(
        "IV",
        [
            (
                "Phòng Kinh tế",
                [
                    "Tham mưu Ủy ban nhân dân xã theo dõi, tổng hợp tình hình thực hiện Kế "
                    "hoạch, báo "
                    "cáo định kỳ 6 tháng, năm.",
                ],
            ),
            (
                "Văn phòng HĐND và UBND xã",
                [
                    "Đôn đốc các cơ quan, đơn vị thực hiện các nhiệm vụ được giao đúng tiến độ.",
                ],
            ),
            (
                f"Trưởng các {ctx.province.hamlet}",
                [
                    "Tuyên truyền, vận động Nhân dân hưởng ứng các phong trào thi đua, thực hiện "
                    "tốt các "
                    "nhiệm vụ của Kế hoạch.",
                ],
            ),
        ],
    )
    doc.para("TM. ỦY BAN NHÂN DÂN", bold=True)
    doc.links = writer.links
    doc.notes = _notes(writer)
    return doc


def _notes(writer: _Writer) -> str:
    return (
        f"Generated. Task markers: {writer.marker}; lead agencies stated by: "
        f"{writer.lead_style}; closing section duties are tasks led by their body."
    )
