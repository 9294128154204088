"""`mandate audit` on plans written for the test, ingested with a provincial plan they carry out.

The provincial plan assigns two indicators to communes ("Ủy ban nhân dân các xã, phường,
đặc khu" coordinates them). The Bình Mỹ plan copies a provincial task, hands work to hamlet
heads, leaves a task without a lead body and has a task due in the first quarter; the Tân Phú
plan does none of that. Links between indicators are written by the test into the links
graph, as the linker would, so the outcome does not depend on the linker's scores.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Graph, Literal, URIRef

from cli.audit_command import audit
from config import load_settings
from linking import LINK_THRESHOLD
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PROV, RDF, XSD
from queries.lookup import resolve_document
from queries.reviews import record_review
from store import open_store
from tests.conftest import Mandate

LETTERHEAD = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
"""

PROVINCIAL = f"""ỦY BAN NHÂN DÂN
TỈNH AN GIANG

{LETTERHEAD}
Số: 301/KH-UBND

An Giang, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Phát triển nông nghiệp và bảo vệ môi trường nông thôn năm 2026

Căn cứ Chương trình hành động số 06-CTr/TU ngày 13/11/2025 của Ban Chấp hành Đảng bộ tỉnh, \
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Cụ thể hóa các mục tiêu phát triển nông nghiệp và bảo vệ môi trường nông thôn của tỉnh \
trong năm 2026.

II. NỘI DUNG

1. Về nông nghiệp và môi trường nông thôn

1.1. Các chỉ tiêu chủ yếu

- Chỉ tiêu 1: Tỷ lệ hộ gia đình ở nông thôn được sử dụng nước sạch đạt 95% trở lên.

- Chỉ tiêu 2: Tỷ lệ chất thải rắn sinh hoạt ở nông thôn được thu gom, xử lý đạt 85%.

1.2. Nhiệm vụ, giải pháp

(1) Rà soát, điều chỉnh cơ cấu mùa vụ phù hợp với diễn biến thời tiết, chủ động nguồn nước \
tưới tiêu cho các vùng sản xuất lúa chất lượng cao, bảo đảm không để thiếu nước vào thời điểm \
xuống giống của vụ Đông Xuân.

(2) Tổ chức thu gom, vận chuyển và xử lý chất thải rắn sinh hoạt ở nông thôn theo hướng phân \
loại tại nguồn, từng bước xóa bỏ các bãi rác tự phát dọc theo kênh rạch.

1.3. Thời gian thực hiện: Trong năm 2026.

1.4. Cơ quan chủ trì thực hiện: Sở Nông nghiệp và Môi trường.

1.5. Cơ quan phối hợp thực hiện: Sở Tài chính, Ủy ban nhân dân các xã, phường, đặc khu.

2. Về công nghiệp chế biến

2.1. Các chỉ tiêu chủ yếu

- Chỉ tiêu 3: Giá trị sản xuất công nghiệp chế biến nông sản tăng bình quân 9%/năm.

2.2. Nhiệm vụ, giải pháp

(1) Thu hút doanh nghiệp đầu tư nhà máy chế biến sâu lúa gạo và thủy sản tại các khu công \
nghiệp của tỉnh.

2.3. Thời gian thực hiện: Trong năm 2026.

2.4. Cơ quan chủ trì thực hiện: Sở Công Thương.

2.5. Cơ quan phối hợp thực hiện: Sở Tài chính.

III. TỔ CHỨC THỰC HIỆN

Sở Nông nghiệp và Môi trường theo dõi, tổng hợp và báo cáo Ủy ban nhân dân tỉnh kết quả thực \
hiện trước ngày 15 tháng 12 năm 2026.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
"""

CARRYING_OUT = (
    "Thực hiện Kế hoạch số 301/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân tỉnh An Giang về "
    "phát triển nông nghiệp và bảo vệ môi trường nông thôn năm 2026, Ủy ban nhân dân xã {name} "
    "ban hành Kế hoạch như sau:"
)

# The copied task changes a few words, as a commune copying the province's text does.
COPIED = (
    "Rà soát, điều chỉnh cơ cấu mùa vụ phù hợp với diễn biến thời tiết, chủ động nguồn nước "
    "tưới tiêu cho các cánh đồng sản xuất lúa chất lượng cao, bảo đảm không để thiếu nước vào "
    "thời điểm xuống giống của vụ Đông Xuân."
)

BINH_MY = f"""ỦY BAN NHÂN DÂN
XÃ BÌNH MỸ

{LETTERHEAD}
Số: 45/KH-UBND

Bình Mỹ, ngày 20 tháng 3 năm 2026

KẾ HOẠCH
Phát triển nông nghiệp và bảo vệ môi trường trên địa bàn xã Bình Mỹ năm 2026

{CARRYING_OUT.format(name="Bình Mỹ")}

I. MỤC ĐÍCH, YÊU CẦU

1. Triển khai kịp thời các nhiệm vụ của tỉnh trên địa bàn xã.

II. NỘI DUNG

1. Về nông nghiệp và môi trường

1.1. Các chỉ tiêu chủ yếu

- Chỉ tiêu 1: Tỷ lệ hộ gia đình được sử dụng nước sạch đạt 96%.

1.2. Nhiệm vụ, giải pháp

(1) {COPIED}

(2) Nạo vét kênh Ba Thê đoạn qua ấp Bình Hưng dài 2 km để bảo đảm tưới tiêu cho 150 ha lúa \
(hoàn thành trong quý I/2026).

1.3. Thời gian thực hiện: Trong năm 2026.

1.4. Cơ quan chủ trì thực hiện: Phòng Kinh tế.

1.5. Cơ quan phối hợp thực hiện: Hội Nông dân xã.

2. Về văn hóa - xã hội

2.1. Nhiệm vụ, giải pháp

(1) Tổ chức Ngày hội Đại đoàn kết toàn dân tộc gắn với bình xét gia đình văn hóa, khu dân cư \
văn hóa năm 2026.

III. TỔ CHỨC THỰC HIỆN

1. Phòng Kinh tế chủ trì, phối hợp Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả thực \
hiện Kế hoạch, báo cáo Ủy ban nhân dân xã trước ngày 15 tháng 12 năm 2026.

2. Giao Trưởng ấp các ấp xây dựng kế hoạch nạo vét kênh mương nội đồng và tổ chức thu gom rác \
thải trên địa bàn ấp.

3. Giao Trưởng ấp các ấp tuyên truyền, vận động Nhân dân tham gia giữ gìn vệ sinh môi trường, \
báo cáo kết quả về Ủy ban nhân dân xã.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""

TAN_PHU = f"""ỦY BAN NHÂN DÂN
XÃ TÂN PHÚ

{LETTERHEAD}
Số: 52/KH-UBND

Tân Phú, ngày 25 tháng 3 năm 2026

KẾ HOẠCH
Phát triển nông nghiệp và bảo vệ môi trường trên địa bàn xã Tân Phú năm 2026

{CARRYING_OUT.format(name="Tân Phú")}

I. MỤC ĐÍCH, YÊU CẦU

1. Đưa các chỉ tiêu tỉnh giao vào công việc cụ thể của xã trong năm 2026.

II. NỘI DUNG

1. Về nông nghiệp và môi trường

1.1. Các chỉ tiêu chủ yếu

- Chỉ tiêu 1: Tỷ lệ hộ gia đình được sử dụng nước sạch đạt 97%.

- Chỉ tiêu 2: Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý đạt 90%.

1.2. Nhiệm vụ, giải pháp

(1) Lắp đặt 02 trạm bơm điện cho cánh đồng lớn 250 ha ở ấp Tân Lợi, kết hợp nạo vét 3 km kênh \
nội đồng trước vụ Hè Thu.

(2) Trang bị 40 thùng phân loại rác tại nguồn cho chợ Tân Phú và các trường học; ký hợp đồng \
thu gom rác hằng tuần với hợp tác xã dịch vụ môi trường.

1.3. Thời gian thực hiện: Trong năm 2026.

1.4. Cơ quan chủ trì thực hiện: Phòng Kinh tế.

1.5. Cơ quan phối hợp thực hiện: Hội Nông dân xã.

III. TỔ CHỨC THỰC HIỆN

1. Định kỳ hằng quý, Phòng Kinh tế tổng hợp kết quả thực hiện Kế hoạch, báo cáo Ủy ban nhân \
dân xã.

2. Thường xuyên, Ủy ban Mặt trận Tổ quốc Việt Nam xã phối hợp Trưởng ấp các ấp tuyên truyền, \
vận động Nhân dân giữ gìn vệ sinh môi trường.

TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
"""

AUDIT_DAY = "2026-06-01"
RULES = {"six_clarities", "mechanical_copy", "hamlet_handdown", "indicator_collection", "deadline"}


class Plans:
    """The store holding the three plans, and the IRIs the tests look for."""

    def __init__(self, folder: Path) -> None:
        self.store = str(folder / "store")
        self.iris = IriFactory(load_settings().base_iri)
        self.paths: dict[str, Path] = {}
        for name, text in (("tinh", PROVINCIAL), ("binh-my", BINH_MY), ("tan-phu", TAN_PHU)):
            path = folder / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            self.paths[name] = path
        result = Mandate(self.store)("ingest", *map(str, self.paths.values()))
        assert result.exit_code == 0, result.output
        with open_store(self.store, base_iri=self.iris.base, read_only=True) as store:
            self.documents = {
                name: resolve_document(store, str(path)) for name, path in self.paths.items()
            }

    def indicator(self, plan: str, number: int) -> URIRef:
        return self.iris.indicator(self.documents[plan], f"Chỉ tiêu {number}")

    def task(self, plan: str, path: str) -> str:
        return str(self.iris.task(self.documents[plan], path))

    def write_links(self, links: list[tuple[URIRef, URIRef, float]]) -> list[URIRef]:
        """Replace every derived link by similarity links (source, provincial node, confidence)."""
        graph, made = Graph(), []
        for source, target, confidence in links:
            link = self.iris.implementation_link(source, target)
            graph.add((source, MG.qualifiedImplementation, link))
            graph.add((link, RDF.type, MG.ImplementationLink))
            graph.add((link, PROV.entity, target))
            graph.add((link, MG.linkMethod, MG.similarity))
            graph.add((link, MG.reviewStatus, MG.auto))
            graph.add((link, MG.confidence, Literal(f"{confidence:.2f}", datatype=XSD.decimal)))
            made.append(link)
        with open_store(self.store, base_iri=self.iris.base) as store:
            # The linker's own proposals live in one links graph per commune.
            per_commune = str(self.iris.links_graph()) + "/"
            replaced = {
                name: Graph()
                for name in store.named_graphs()
                if str(name).startswith(per_commune)
            }
            replaced[self.iris.links_graph()] = graph
            store.replace_graphs(replaced)
        return made

    def review(self, link: URIRef, *, confirmed: bool, at: str) -> None:
        with open_store(self.store, base_iri=self.iris.base) as store:
            record_review(
                store,
                self.iris,
                link,
                confirmed=confirmed,
                reviewer="Cán bộ rà soát",
                at=datetime.fromisoformat(at),
            )

    def audit(self, *args: str) -> Result:
        return CliRunner().invoke(audit, [*args, "--store", self.store], catch_exceptions=False)

    def findings(self, plan: str, *args: str) -> dict[str, list[dict[str, str]]]:
        result = self.audit(str(self.paths[plan]), "--json", "--date", AUDIT_DAY, *args)
        assert result.exit_code in (0, 1), result.output
        report = json.loads(result.stdout)
        grouped: dict[str, list[dict[str, str]]] = {rule: [] for rule in RULES}
        for finding in report["findings"]:
            grouped[finding["rule"]].append(finding)
        return grouped


@pytest.fixture
def plans(tmp_path: Path) -> Plans:
    plans = Plans(tmp_path)
    plans.write_links(
        [
            (plans.indicator("tan-phu", 1), plans.indicator("tinh", 1), 0.9),
            (plans.indicator("tan-phu", 2), plans.indicator("tinh", 2), 0.9),
        ]
    )
    return plans


def test_the_json_report_has_exactly_the_documented_form(plans: Plans):
    result = plans.audit(str(plans.paths["binh-my"]), "--json", "--date", AUDIT_DAY)
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert set(report) == {"document", "findings"}
    assert report["document"] == {
        "iri": str(plans.documents["binh-my"]),
        "title": report["document"]["title"],
    }
    assert "Bình Mỹ" in report["document"]["title"]
    assert report["findings"]
    for finding in report["findings"]:
        assert set(finding) == {"rule", "node", "text", "detail"}
        assert finding["rule"] in RULES
        assert finding["detail"]


def test_a_copied_provincial_task_is_reported_with_its_source_and_overlap(plans: Plans):
    copies = plans.findings("binh-my")["mechanical_copy"]
    assert [finding["node"] for finding in copies] == [plans.task("binh-my", "II.1.2/(1)")]
    detail = copies[0]["detail"]
    assert plans.task("tinh", "II.1.2/(1)") in detail
    assert "%" in detail and "syllables" in detail
    assert "chủ động nguồn nước tưới tiêu cho các" in detail


def test_work_handed_to_hamlet_heads_is_reported_but_propaganda_is_not(plans: Plans):
    handed = plans.findings("binh-my")["hamlet_handdown"]
    assert [finding["node"] for finding in handed] == [plans.task("binh-my", "III.2")]
    assert "Trưởng ấp các ấp" in handed[0]["detail"]
    assert "xây dựng kế hoạch nạo vét" in handed[0]["detail"]


def test_a_task_without_a_lead_body_misses_that_clarity(plans: Plans):
    clarities = {f["node"]: f["detail"] for f in plans.findings("binh-my")["six_clarities"]}
    no_lead = plans.task("binh-my", "II.2.1/(1)")
    assert "clear lead body" in clarities[no_lead]
    assert "clear lead body" not in clarities.get(plans.task("binh-my", "II.1.2/(2)"), "")


def test_a_task_due_in_the_first_quarter_is_overdue_in_june(plans: Plans):
    deadlines = {f["node"]: f["detail"] for f in plans.findings("binh-my")["deadline"]}
    assert "2026-03-31" in deadlines[plans.task("binh-my", "II.1.2/(2)")]
    assert plans.task("binh-my", "II.1.2/(1)") not in deadlines  # "Trong năm 2026"


def test_a_clean_plan_has_no_finding_for_those_rules(plans: Plans):
    findings = plans.findings("tan-phu")
    assert findings["mechanical_copy"] == []
    assert findings["hamlet_handdown"] == []
    assert findings["indicator_collection"] == []
    assert findings["deadline"] == []
    for finding in findings["six_clarities"]:
        assert "clear lead body" not in finding["detail"]


def test_provincial_indicators_assigned_to_communes_must_be_collected(plans: Plans):
    collection = plans.findings("binh-my")["indicator_collection"]
    assert {f["node"] for f in collection} == {
        str(plans.indicator("tinh", 1)),
        str(plans.indicator("tinh", 2)),
    }  # not indicator 3, which only provincial departments carry
    for finding in collection:
        assert "Ủy ban nhân dân các xã, phường, đặc khu" in finding["detail"]


def test_a_link_counts_by_confidence_unless_a_reviewer_decided(plans: Plans):
    source, target = plans.indicator("binh-my", 1), plans.indicator("tinh", 1)
    below = round(LINK_THRESHOLD - 0.1, 2)
    (link,) = plans.write_links([(source, target, below)])

    def uncollected(*args: str) -> set[str]:
        return {f["node"] for f in plans.findings("binh-my", *args)["indicator_collection"]}

    assert str(target) in uncollected()
    assert str(target) not in uncollected("--min-confidence", str(below))
    plans.review(link, confirmed=True, at="2026-04-01T09:00:00+07:00")
    assert str(target) not in uncollected()
    plans.review(link, confirmed=False, at="2026-04-02T09:00:00+07:00")
    assert str(target) in uncollected("--min-confidence", str(below))
    rejected = next(
        f for f in plans.findings("binh-my")["indicator_collection"] if f["node"] == str(target)
    )
    assert "rejected" in rejected["detail"]


def test_the_plain_report_groups_findings_by_rule_with_counts(plans: Plans):
    result = plans.audit(str(plans.paths["binh-my"]), "--date", AUDIT_DAY)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("Audit of ")
    headings = [line for line in lines if line.split(":")[0] in RULES]
    assert [line.split(":")[0] for line in headings] == [
        "six_clarities",
        "mechanical_copy",
        "hamlet_handdown",
        "indicator_collection",
        "deadline",
    ]
    assert "mechanical_copy: 1 — tasks copied from a higher level's text" in lines
    assert lines[-1].endswith("deadline " + headings[-1].split(": ")[1].split()[0])
    assert "findings:" in lines[-1]


def test_a_document_the_graph_does_not_know_is_a_one_line_error(plans: Plans):
    result = plans.audit("99/KH-UBND")
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith("mandate: error: 99/KH-UBND")
    assert "Traceback" not in result.output


def test_a_document_only_cited_cannot_be_audited(plans: Plans):
    result = plans.audit("06-CTr/TU")
    assert result.exit_code == 2
    assert "not an ingested document" in result.output


def test_a_malformed_date_is_refused(plans: Plans):
    result = plans.audit(str(plans.paths["tan-phu"]), "--date", "01/06/2026")
    assert result.exit_code == 2
