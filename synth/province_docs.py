"""The two provincial documents: the guidance letter and the party action programme (CTr/TU).

The letter lists the province's numbered programmes; the programme carries out the congresses.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from synth.catalogue import PROGRAMME_TOPICS, Topic
from synth.geography import Province, slugify
from synth.indicators import make_indicators
from synth.model import Doc, cut_task_text, indicator_key
from synth.references import congress_reference, numbered_reference
from synth.tasks import realise

__all__ = [
    "ProvinceContext",
    "ProvincialProgramme",
    "build_guidance",
    "build_province_programme",
    "plan_province",
]

_GROUPS = (
    ("government_operation", "Vận hành hiệu quả chính quyền địa phương 02 cấp"),
    ("economy", "Về phát triển kinh tế"),
    ("culture_society", "Về phát triển văn hóa, xã hội"),
    ("defense_security_foreign", "Về quốc phòng, an ninh, đối ngoại"),
)
_KINDS = (("Đề án", "de_an"), ("Chương trình", "chuong_trinh"), ("Kế hoạch", "ke_hoach"))
XIV = "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"


@dataclass(frozen=True)
class ProvincialProgramme:
    """One numbered programme of a province's list."""

    number: int
    title: str
    topic: Topic
    applies_to: tuple[str, ...]


@dataclass
class ProvinceContext:
    """What the commune documents of a province need to know about it."""

    province: Province
    programmes: list[ProvincialProgramme]
    ctr_number: str
    ctr_day: str
    congress: str
    tasks: list[tuple[str, ProvincialProgramme]]
    special_zone: str


def _day(rng: random.Random, year: int, months: tuple[int, int]) -> str:
    return f"{rng.randint(1, 28):02d}/{rng.randint(*months)}/{year}"


def _long_date(day: str) -> str:
    d, m, y = day.split("/")
    return f"ngày {d} tháng {int(m):02d} năm {y}"


def plan_province(rng: random.Random, province: Province, communes: list[str]) -> ProvinceContext:
    """Return the province's programme list and numbers, drawn from `rng`."""
    droppable = [t for t in PROGRAMME_TOPICS if t.restriction is None]
    dropped = set(rng.sample([t.key for t in droppable], len(PROGRAMME_TOPICS) - 29))
    topics = [t for t in PROGRAMME_TOPICS if t.key not in dropped]
    zone = f"{rng.choice(('Hòn', 'Cồn', 'Bạch'))} {rng.choice(('Ngọc', 'Thủy', 'Long', 'Hải'))}"
    urban = sorted(set(rng.sample(communes, min(len(communes), 2))) | {zone}, key=slugify)
    extra = rng.sample(["Mỹ Hòa", "Tân Thạnh", "Bình Lộc", "Phú Điền", "Hưng Khánh"], 2)
    urban_names = urban + [name for name in extra if name not in urban]
    border = rng.choice(("khu vực biên giới", "các xã biên giới"))
    programmes: list[ProvincialProgramme] = []
    for number, topic in enumerate(topics, start=1):
        applies: tuple[str, ...] = ()
        if topic.restriction == "urban":
            title = f"{topic.titles[0]}: {', '.join(urban_names)}."
            applies = tuple(urban_names)
        elif topic.restriction == "special":
            title = f"{topic.titles[0]} {zone} theo cơ chế đặc thù, vượt trội."
            applies = (zone,)
        elif topic.restriction == "border":
            title = f"Đề án bảo đảm an ninh trật tự, củng cố quốc phòng {border}."
            applies = (border,)
        else:
            title = rng.choice(topic.titles).replace("{p}", f"{province.unit} {province.name}")
        programmes.append(ProvincialProgramme(number, title, topic, applies))
    tasks = [(realise(rng, [p.topic], f"{province.unit} {province.name}"), p) for p in programmes]
    return ProvinceContext(
        province=province,
        programmes=programmes,
        ctr_number=f"{rng.randint(2, 30):02d}-CTr/TU",
        ctr_day=_day(rng, 2026, (1, 3)),
        congress=f"Nghị quyết Đại hội Đảng bộ {province.unit} lần thứ I, nhiệm kỳ 2025 - 2030",
        tasks=tasks,
        special_zone=zone,
    )


def _letterhead(doc: Doc, left: list[str], right: list[str], number: str, place_date: str) -> None:
    for line in left + right:
        doc.para(line, bold=True, center=True)
    doc.para(number)
    doc.para(place_date)


def build_guidance(rng: random.Random, ctx: ProvinceContext, stem: str) -> Doc:
    """Return the provincial guidance letter (cong_van) listing the programmes."""
    p = ctx.province
    draft = rng.random() < 0.3
    number = None if draft else f"{rng.randint(100, 990)}/UBND-TH"
    day = None if draft else _day(rng, 2026, (3, 4))
    title = (
        "V/v hướng dẫn xây dựng Chương trình hành động, kế hoạch cụ thể hóa Nghị quyết Đại "
        "hội Đảng các cấp"
    )
    issuer = f"Ủy ban nhân dân {p.unit} {p.name}"
    doc = Doc(
        stem,
        "cong_van",
        p.name,
        None,
        {
            "kind": "cong_van",
            "issuer": issuer,
            "level": "province",
            "locality": p.name,
            "province": p.name,
            "number": number,
            "date": _iso(day),
            "term": "2025-2030",
            "title": title,
        },
    )
    _letterhead(
        doc,
        ["ỦY BAN NHÂN DÂN", f"{p.unit.upper()} {p.name.upper()}"],
        ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"],
        f"Số: {number}" if number else "Số: /UBND-TH",
        f"{p.name}, {_long_date(day)}" if day else f"{p.name}, ngày tháng năm 2026",
    )
    doc.para(title)
    doc.para("Kính gửi: Đảng ủy, Ủy ban nhân dân các xã, phường, đặc khu.")
    span, ref = numbered_reference(
        "Chương trình hành động",
        ctx.ctr_number,
        ctx.ctr_day,
        f"Ban Chấp hành Đảng bộ {p.unit}",
        "về các nhiệm vụ trọng tâm nhiệm kỳ 2025 - 2030",
        "implements",
    )
    doc.cite(ref)
    doc.para(
        f"Thực hiện {span}; Ủy ban nhân dân {p.unit} hướng dẫn các xã, phường, đặc khu một "
        "số nội dung khi xây dựng Chương trình hành động và Kế hoạch như sau:"
    )
    doc.para("1. Mục đích, yêu cầu")
    for text in (
        "Mỗi xã, phường, đặc khu xây dựng 01 Chương trình hành động của Đảng ủy và 01 Kế hoạch "
        "của Ủy ban nhân dân, tích hợp các đề án, chương trình của tỉnh phù hợp với điều kiện "
        "của địa phương.",
        "Các đầu việc phải bảo đảm “6 rõ”; không sao chép máy móc văn bản của cấp trên; không "
        "giao cấp dưới cụ thể hóa, trừ công tác tuyên truyền, vận động Nhân dân.",
        "Tập hợp đầy đủ các chỉ tiêu được giao; hoàn thành việc ban hành chậm nhất trong tháng "
        "5 năm 2026.",
    ):
        doc.para(f"- {text}")
    doc.para("2. Danh mục các đề án, chương trình, kế hoạch của tỉnh cần cụ thể hóa")
    doc.para(
        rng.choice(
            (
                "Danh mục các đề án, chương trình, kế hoạch cụ thể hóa Chương trình hành động "
                "của Tỉnh ủy:",
                "Các đề án, chương trình, kế hoạch của tỉnh giai đoạn 2026 - 2030:",
            )
        )
    )
    for programme in ctx.programmes:
        doc.para(f"{programme.number}. {programme.title}")
        kind = next((code for word, code in _KINDS if programme.title.startswith(word)), "other")
        doc.programmes.append(
            {
                "id": str(programme.number),
                "title": programme.title,
                "kind": kind,
                "field": programme.topic.group,
                "applies_to": list(programme.applies_to),
            }
        )
    doc.para("MẪU KẾ HOẠCH CỦA ỦY BAN NHÂN DÂN CẤP XÃ", bold=True)
    doc.para("III. NỘI DUNG, NHIỆM VỤ, GIẢI PHÁP")
    for index, (group, heading) in enumerate(_GROUPS, start=1):
        doc.para(f"{index}. {heading}")
        for programme in ctx.programmes:
            if programme.topic.group == group:
                doc.para(f"- Các nhiệm vụ, giải pháp {_core(programme.title)}")
    doc.para("Nơi nhận:")
    doc.para("- Như trên;")
    doc.para("- Lưu: VT.")
    doc.para("TM. ỦY BAN NHÂN DÂN", bold=True)
    doc.notes = (
        "Generated guidance letter. Programmes: the numbered list of section 2; field "
        "from the template group each programme is listed under (null when in none)."
    )
    return doc


def _core(title: str) -> str:
    for word, _code in _KINDS:
        if title.startswith(word):
            title = title[len(word) :].strip()
    return title.rstrip(".")


def _iso(day: str | None) -> str | None:
    if day is None:
        return None
    d, m, y = day.split("/")
    return f"{y}-{int(m):02d}-{int(d):02d}"


def build_province_programme(rng: random.Random, ctx: ProvinceContext, stem: str) -> Doc:
    """Return the provincial party action programme (CTr/TU) with indicators and tasks."""
    p = ctx.province
    issuer = f"Ban Chấp hành Đảng bộ {p.unit}"
    heading = [
        "CHƯƠNG TRÌNH HÀNH ĐỘNG",
        f"CỦA BAN CHẤP HÀNH ĐẢNG BỘ {p.unit.upper()}",
        f"thực hiện {ctx.congress} và {XIV}",
    ]
    doc = Doc(
        stem,
        "chuong_trinh_hanh_dong",
        p.name,
        None,
        {
            "kind": "chuong_trinh_hanh_dong",
            "issuer": issuer,
            "level": "province",
            "locality": p.name,
            "province": p.name,
            "number": ctx.ctr_number,
            "date": _iso(ctx.ctr_day),
            "term": "2025-2030",
            "title": " ".join(heading),
        },
    )
    _letterhead(
        doc,
        [f"{p.party_committee.upper()} {p.name.upper()}", "*"],
        ["ĐẢNG CỘNG SẢN VIỆT NAM"],
        f"Số {ctx.ctr_number}",
        f"{p.name}, {_long_date(ctx.ctr_day)}",
    )
    for line in heading:
        doc.para(line, bold=True, center=True)
    doc.cite(congress_reference(XIV, "implements"))
    doc.cite(congress_reference(ctx.congress, "implements"))
    doc.para(
        f"Thực hiện {XIV} và {ctx.congress}, {issuer} xây dựng Chương trình hành động như sau:"
    )
    doc.para("I. MỤC ĐÍCH, YÊU CẦU")
    doc.para(
        "- Cụ thể hóa các chỉ tiêu chủ yếu, nhiệm vụ trọng tâm và khâu đột phá mà Nghị quyết "
        "đã đề ra; các đầu việc bảo đảm 06 rõ."
    )
    doc.para(
        "- Tạo sự thống nhất cao trong nhận thức và hành động của cán bộ, đảng viên và Nhân dân."
    )
    doc.para("II. CÁC CHỈ TIÊU CHỦ YẾU")
    for index, (text, targets, field) in enumerate(make_indicators(rng, 20), start=1):
        doc.para(f"({index}) {text}")
        doc.indicators.append(indicator_key(f"({index})", text, targets, field))
    doc.para("III. NHIỆM VỤ, GIẢI PHÁP TRỌNG TÂM")
    lead = "Đảng ủy Ủy ban nhân dân tỉnh" if not p.is_city else "Đảng ủy Ủy ban nhân dân thành phố"
    partners = ["các sở, ngành có liên quan", "Đảng ủy các xã, phường, đặc khu"]
    for index, (group, title) in enumerate(_GROUPS, start=1):
        doc.para(f"{index}. {title}")
        section_tasks = [(text, pr) for text, pr in ctx.tasks if pr.topic.group == group]
        if group == "economy":
            section_tasks += [(t, pr) for t, pr in ctx.tasks if pr.topic.group is None]
        for number, (text, _programme) in enumerate(section_tasks, start=1):
            doc.para(f"- {text}")
            doc.tasks.append(
                {
                    "id": f"III.{index}/-{number}",
                    "section": title,
                    "text": cut_task_text(text),
                    "lead": [lead],
                    "coordinating": list(partners),
                    "timing": "Giai đoạn 2026 - 2030.",
                    "expected_result": None,
                    "field": _programme.topic.field,
                }
            )
        doc.para("- Thời gian thực hiện: Giai đoạn 2026 - 2030.")
        doc.para(f"- Cơ quan chủ trì thực hiện: {lead}.")
        doc.para(f"- Cơ quan phối hợp thực hiện: {', '.join(partners)}.")
    doc.para("IV. TỔ CHỨC THỰC HIỆN")
    duties = (
        (
            "Ủy ban Kiểm tra Tỉnh ủy",
            "tham mưu Ban Thường vụ kiểm tra, giám sát việc thực hiện Chương trình hành động này.",
        ),
        ("Văn phòng Tỉnh ủy", "theo dõi, đôn đốc, định kỳ tổng hợp báo cáo kết quả thực hiện."),
    )
    for number, (body, what) in enumerate(duties, start=1):
        doc.para(f"{number}. Giao {body} {what}")
        doc.tasks.append(
            {
                "id": f"IV.{number}",
                "section": "TỔ CHỨC THỰC HIỆN",
                "text": f"Giao {body} {what}",
                "lead": [body],
                "coordinating": [],
                "timing": None,
                "expected_result": None,
                "field": "other",
            }
        )
    doc.para("T/M TỈNH ỦY", bold=True)
    doc.notes = (
        "Generated provincial action programme: indicators (1)-(n) of II, tasks as dash "
        "bullets of III with the section lines' lead, coordinating and timing, duties of IV."
    )
    return doc
