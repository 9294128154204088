"""Script-injection payloads and the hostile documents that carry them into the store.

Every payload, if it ever ran, would write its own sentinel global `__xss_<n>` (or open a
dialog saying `<n>`), so a browser test can tell which payload got through and from where.
`hostile_plans()` writes commune plans in the genre whose titles, tasks, indicators, lead
and coordinating bodies, commune names and document numbers carry the payloads;
`hostile_rdf()` adds nodes whose IRIs are `javascript:` URLs or hold quotes, for the pages
that take an IRI.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "PAYLOADS",
    "SEARCHES",
    "Payload",
    "hostile_plans",
    "hostile_rdf",
    "sentinel",
]

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "01-ke-hoach-ubnd-xa-hoa-thuan.txt"


def sentinel(number: int) -> str:
    """Return the name of the global that payload `number` writes if it runs."""
    return f"__xss_{number}"


# `{s}` becomes the payload's sentinel statement (`__xss_<n>=1`), `{n}` its number. Bare
# global assignment works from event handlers and scripts alike and needs no dot, so it
# survives the ingest's cutting of agency names at full stops.
_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("script", "<script>{s}</script>"),
    ("script", "<ScRiPt>{s}</sCrIpT>"),
    ("script", "<scr<script>ipt>{s}</scr</script>ipt>"),
    ("script", "<script src=data:,{s}></script>"),
    ("script", "<svg><script>{s}</script></svg>"),
    ("dialog", "<script>alert({n})</script>"),
    ("breakout", "</script><script>{s}</script>"),
    ("breakout", "</script><img src=x onerror={s}>"),
    ("breakout", '"}}]</script><script>{s}</script>'),
    ("breakout", "</title><script>{s}</script>"),
    ("breakout", "</style><img src=x onerror={s}>"),
    ("breakout", "</textarea><script>{s}</script>"),
    ("breakout", "</noscript><img src=x onerror={s}>"),
    ("breakout", "--><img src=x onerror={s}><!--"),
    ("breakout", "]]><img src=x onerror={s}>"),
    ("img", "<img src=x onerror={s}>"),
    ("img", '<img src="x" onerror="{s}">'),
    ("img", "<IMG SRC=x OnError={s}>"),
    ("img", "<img src=x onerror=alert({n})>"),
    ("img", "<video><source onerror={s}></video>"),
    ("img", "<audio src=x onerror={s}>"),
    ("svg", '"><svg onload={s}>'),
    ("svg", "'><svg onload={s}>"),
    ("svg", "<svg/onload={s}>"),
    ("svg", '<svg><a xlink:href="javascript:{s}"><text y="20">x</text></a></svg>'),
    ("attribute", '" onmouseover="{s}" x="'),
    ("attribute", "' onmouseover='{s}' x='"),
    ("attribute", '" autofocus onfocus="{s}'),
    ("attribute", "' autofocus onfocus='{s}"),
    ("attribute", '"><input autofocus onfocus={s}>'),
    ("attribute", "x onmouseenter={s} y"),
    ("attribute", '" style="position:fixed;inset:0" onpointerover="{s}'),
    ("url", "javascript:{s}"),
    ("url", "JaVaScRiPt:{s}"),
    ("url", " javascript:{s}"),
    ("url", "&#106;avascript:{s}"),
    ("url", "java&#x09;script:{s}"),
    ("url", "data:text/html,<script>{s}</script>"),
    ("url", "vbscript:{s}"),
    ("href", '<a href="javascript:{s}">href</a>'),
    ("href", "<a href=javascript:{s}>href nhấn</a>"),
    ("href", '<a href="/" onclick="{s}">href</a>'),
    ("href", '<form action="javascript:{s}"><button>href</button></form>'),
    ("href", '<button formaction="javascript:{s}">href</button>'),
    ("href", '<base href="javascript:{s}//">'),
    ("href", '<meta http-equiv="refresh" content="0;url=javascript:{s}">'),
    ("template", '{{{{ "<img src=x onerror={s}>"|safe }}}}'),
    ("template", "{{% raw %}}<script>{s}</script>{{% endraw %}}"),
    ("template", "${{{s}}}"),
    ("template", "{{{{constructor.constructor('{s}')()}}}}"),
    ("iframe", '<iframe srcdoc="<script>top.{s}</script>"></iframe>'),
    ("iframe", "<iframe src=javascript:top.{s}></iframe>"),
    ("iframe", '<object data="javascript:{s}"></object>'),
    ("iframe", '<embed src="javascript:{s}">'),
    ("tooltip", "<b onmouseover={s}>đậm</b>"),
    ("tooltip", "<div onpointerenter={s} style=position:fixed;inset:0>x</div>"),
    ("tooltip", "<details open ontoggle={s}>"),
    ("tooltip", "<marquee onstart={s}>"),
    ("tooltip", "<select autofocus onfocus={s}></select>"),
    ("tooltip", "<math><mtext><table><mglyph><style><img src=x onerror={s}>"),
    ("escaped", "\\u003cscript\\u003e{s}\\u003c/script\\u003e"),
    ("escaped", "\\x3cimg src=x onerror={s}\\x3e"),
    ("escaped", "&lt;script&gt;{s}&lt;/script&gt;"),
    ("escaped", "%3Cscript%3E{s}%3C/script%3E"),
    ("escaped", "＜script＞{s}＜/script＞"),
    ("escaped", "\"-{s}-\""),
    ("escaped", "';{s};//"),
    ("iri", "javascript:{s}//mandate"),
    ("iri", "JAVASCRIPT:{s}//mandate"),
    ("iri", "javascript://mandate%0A{s}"),
    ("iri", "https://mandate-graph.example/id/xss/'onmouseover='{s}'x='"),
    ("iri", "urn:xss:%22%3E%3Csvg%20onload={s}%3E"),
    ("commune", "javascript:{s}//commune"),
    ("commune", "https://mandate-graph.example/id/unit/x'onfocus='{s}'autofocus='"),
)


@dataclass(frozen=True)
class Payload:
    """One payload: its number, what it tries (`kind`) and its text."""

    number: int
    kind: str
    text: str

    @property
    def dotless(self) -> bool:
        """Return True when the text survives a place that ends at the first full stop."""
        return "." not in self.text


PAYLOADS: tuple[Payload, ...] = tuple(
    Payload(number, kind, template.format(s=f"{sentinel(number)}=1", n=number))
    for number, (kind, template) in enumerate(_TEMPLATES, start=1)
)
"""Every payload, numbered from 1; the numbers are their sentinels' suffixes."""

SEARCHES: tuple[str, ...] = tuple(p.text for p in PAYLOADS if p.kind in ("breakout", "svg"))
"""Payloads typed into the search box as queries."""

# A name (agency, commune) ends at a full stop, a comma or a semicolon in the genre.
_NAME_BREAKS = ".,;"
# Payloads that are IRIs: of cited documents, and of communes.
_IRI_KINDS = ("iri", "commune")


def _fits_name(payload: Payload) -> bool:
    return payload.kind not in _IRI_KINDS and not any(mark in payload.text for mark in _NAME_BREAKS)


@dataclass(frozen=True)
class _Commune:
    name: str
    number: str


_COMMUNES = (_Commune("Phú Lâm", "97/KH-UBND"), _Commune("Tân Mỹ", "96/KH-UBND"))

_INDICATORS = (
    "Tỷ lệ hộ gia đình {p} sử dụng nước sạch đạt 93,0%.",
    "Đến năm 2030, có thêm 08 sản phẩm OCOP {p} được công nhận.",
    "Tỷ lệ hồ sơ thủ tục hành chính {p} được giải quyết trực tuyến toàn trình đạt 80%.",
    "Tỷ lệ hộ nghèo {p} theo chuẩn đa chiều giảm bình quân 0,5%/năm.",
    "Tỷ lệ dân số tham gia bảo hiểm y tế {p} đạt trên 95%.",
    "Thu nhập bình quân đầu người {p} đến năm 2030 đạt 95 triệu đồng.",
    "Tỷ lệ trường học {p} đạt chuẩn quốc gia đạt 75% vào năm 2030.",
    "Diện tích trồng rừng {p} tập trung đạt 103 ha.",
    "Tỷ lệ lao động qua đào tạo {p} đạt 75%.",
    "Hằng năm, kết nạp mới {p} 20 đảng viên.",
)
_TASKS = (
    "Xây dựng vùng trồng lúa chất lượng cao 300 ha {p} gắn với liên kết tiêu thụ",
    "Số hóa sổ hộ tịch {p} và hồ sơ đất đai đang lưu trữ tại xã",
    "Đầu tư nâng cấp các tuyến đường giao thông nông thôn {p} và cầu dân sinh",
    "Hỗ trợ hợp tác xã {p} đăng ký sản phẩm OCOP từ 3 sao trở lên",
    "Phát triển du lịch cộng đồng {p} gắn với di tích lịch sử",
    "Tuyên truyền, vận động Nhân dân {p} giữ gìn vệ sinh môi trường",
    "Nâng cao chất lượng dịch vụ công trực tuyến {p} cho người dân",
    "Thu gom, xử lý rác thải sinh hoạt {p} trên địa bàn các ấp",
    "Củng cố hoạt động của các tổ hợp tác {p} trong sản xuất nông nghiệp",
    "Ứng dụng tiến bộ khoa học kỹ thuật {p} vào sản xuất",
    "Kiểm tra việc quản lý tài chính {p} của các hợp tác xã",
    "Phòng, chống dịch bệnh {p} trên đàn gia súc, gia cầm",
    "Xây dựng điểm du lịch {p} gắn với cảnh quan sông nước",
    "Triển khai dịch vụ thanh toán trực tuyến {p} phí, lệ phí",
    "Bảo tồn di tích lịch sử {p} của xã",
    "Đào tạo nghề cho lao động nông thôn {p}",
    "Duy trì phong trào toàn dân đoàn kết {p} xây dựng đời sống văn hóa",
    "Nâng cấp trạm y tế xã {p} đạt chuẩn quốc gia",
    "Cứng hóa đường giao thông nông thôn {p} đến năm 2030",
    "Xây dựng chính quyền số {p} và kinh tế số",
)


def _plan(commune: _Commune, placed: dict[str, list[Payload]]) -> str:
    """Return the text of one commune plan with `placed` payloads in each place."""
    pick = {place: iter(items) for place, items in placed.items()}

    def take(place: str) -> str:
        return next(pick[place]).text

    hostile_name = f"{commune.name} {take('commune')}"
    title = " ".join(take("title") for _ in placed["title"])
    pairs = zip(_INDICATORS, placed["indicator"], strict=True)
    indicators = [f"({k}) " + line.format(p=item.text) for k, (line, item) in enumerate(pairs, 1)]
    tasks = []
    lead = iter(placed["lead"])
    partner = iter(placed["partner"])
    for k, (template, payload) in enumerate(zip(_TASKS, placed["task"], strict=True), 1):
        text = template.format(p=payload.text)
        head, chair = next(lead, None), next(partner, None)
        if head is not None:
            helper = f"Hội Nông dân {chair.text} xã" if chair is not None else "Hội Nông dân xã"
            text = (
                f"Giao Phòng Kinh tế {head.text} xã chủ trì, phối hợp {helper}, Trung tâm Dịch vụ"
                f" nông nghiệp triển khai: {text[0].lower() + text[1:]}"
            )
        tasks.append(f"({k}) {text}, hoàn thành trong quý IV/2026.")
    nl = "\n\n"
    return f"""ỦY BAN NHÂN DÂN
XÃ {hostile_name.upper()}

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: {commune.number}

{commune.name}, ngày 12 tháng 3 năm 2026

KẾ HOẠCH
Triển khai Chương trình hành động {title} trên địa bàn xã {commune.name}

Thực hiện Kế hoạch số 38/KH-UBND ngày 28 tháng 01 năm 2026 của UBND tỉnh An Giang; \
Chương trình hành động số 06-CTr/TU ngày 13 tháng 11 năm 2025 của Ban Chấp hành Đảng bộ \
tỉnh, Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:

I. MỤC ĐÍCH, YÊU CẦU

- Cụ thể hóa các nhiệm vụ, giải pháp thuộc thẩm quyền của xã, bảo đảm 06 rõ.

II. CHỈ TIÊU CHỦ YẾU

{nl.join(indicators)}

III. NHIỆM VỤ, GIẢI PHÁP

1. Về phát triển kinh tế {take('section')}

{nl.join(tasks[:10])}

2. Về văn hóa {take('section')} và xã hội

{nl.join(tasks[10:])}

IV. TỔ CHỨC THỰC HIỆN

1. Phòng Văn hóa {take('office')} xã

- Tham mưu Ủy ban nhân dân xã theo dõi, tổng hợp tình hình thực hiện Kế hoạch.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""


# The reader joins a title's lines and a title over 250 characters is not read as one.
_PLACES = {"title": 2, "section": 2, "indicator": 10, "task": 20}
_NAME_PLACES = {"commune": 1, "office": 1, "lead": 5, "partner": 5}


def _placements() -> list[dict[str, list[Payload]]]:
    """Deal the payloads to the places of each plan: names get those a name can hold."""
    names = [p for p in PAYLOADS if _fits_name(p)]
    texts = [p for p in PAYLOADS if p.kind not in _IRI_KINDS]
    plans = []
    for index in range(len(_COMMUNES)):
        placed: dict[str, list[Payload]] = {}
        offset = index * sum(_NAME_PLACES.values())
        for place, count in _NAME_PLACES.items():
            placed[place] = [names[(offset + k) % len(names)] for k in range(count)]
            offset += count
        offset = index * sum(_PLACES.values())
        for place, count in _PLACES.items():
            placed[place] = [texts[(offset + k) % len(texts)] for k in range(count)]
            offset += count
        plans.append(placed)
    return plans


def hostile_plans(folder: Path) -> list[Path]:
    """Write the hostile commune plans into `folder` and return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for commune, placed in zip(_COMMUNES, _placements(), strict=True):
        path = folder / f"98-ke-hoach-xss-{commune.number.split('/')[0]}.txt"
        path.write_text(_plan(commune, placed), encoding="utf-8")
        paths.append(path)
    return paths


def hostile_rdf(path: Path, documents: list[str], province: str) -> Path:
    """Write a Turtle file of hostile IRIs and names; return its path.

    Each `iri` payload becomes a cited document titled with a text payload, cited by every
    document of `documents`, so their pages draw and list the hostile IRIs. Each `commune`
    payload becomes a commune of `province` named with a payload: the genre's own commune
    names hold no markup, as the reader keeps only their capitalised words.
    """
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import DCTERMS, RDF, SKOS

    from ontology.vocabulary import MG

    graph = Graph()
    labels = [p for p in PAYLOADS if p.kind in ("tooltip", "svg", "href")]
    for index, payload in enumerate(p for p in PAYLOADS if p.kind == "iri"):
        node = URIRef(payload.text)
        label = labels[index % len(labels)].text
        graph.add((node, RDF.type, MG.ReferencedDocument))
        graph.add((node, DCTERMS.title, Literal(f"Văn bản {label} {payload.number}")))
        graph.add((node, MG.citedAs, Literal(label)))
        for document in documents:
            graph.add((URIRef(document), MG.cites, node))
    names = [p for p in PAYLOADS if _fits_name(p) and p.kind in ("svg", "img", "attribute")]
    for index, payload in enumerate(p for p in PAYLOADS if p.kind == "commune"):
        node = URIRef(payload.text)
        graph.add((node, RDF.type, MG.Commune))
        graph.add((node, SKOS.prefLabel, Literal(f"Xã {names[index].text}")))
        graph.add((node, MG.partOf, URIRef(province)))
    path.parent.mkdir(parents=True, exist_ok=True)
    graph.serialize(destination=path, format="turtle")
    return path
