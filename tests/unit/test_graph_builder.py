"""The graph of a hand-built extraction: what a user querying it would notice."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL

from ingest.graph_builder import DocumentGraph, build_document_graph, document_iri
from ingest.model import (
    DocumentInfo,
    Extraction,
    Indicator,
    Programme,
    Reference,
    SourceText,
    Span,
    Target,
    Task,
)
from ontology import ONTOLOGY_FILE
from ontology.generate_vocabulary import MG_NAMESPACE
from ontology.identifiers import IriFactory, Jurisdiction
from ontology.vocabulary import DCTERMS, MG, PREFIXES, PROV, RDF, SKOS, XSD
from queries.validation import validate_graph

TEXT = """ỦY BAN NHÂN DÂN XÃ TÂN HƯNG
KẾ HOẠCH
Triển khai thực hiện Kế hoạch số 38/KH-UBND ngày 28/01/2026 của UBND tỉnh An Giang
và Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.
Quán triệt Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị.
II. NHIỆM VỤ
1. Phát triển nông nghiệp
- Rà soát, điều chỉnh quy hoạch vùng lúa chất lượng cao của xã.
- Xây dựng mô hình hợp tác xã kiểu mới gắn với tiêu thụ sản phẩm.
III. CHỈ TIÊU
- Tỷ lệ hộ nghèo giảm 0,5 - 1%/năm; đến năm 2030 có 100% hộ dùng nước sạch.
PHỤ LỤC
14. Đề án phát triển các đô thị động lực: Long Xuyên, Phú Quốc.
"""

TASK_1 = "Rà soát, điều chỉnh quy hoạch vùng lúa chất lượng cao của xã."
TASK_2 = "Xây dựng mô hình hợp tác xã kiểu mới gắn với tiêu thụ sản phẩm."
INDICATOR = "Tỷ lệ hộ nghèo giảm 0,5 - 1%/năm; đến năm 2030 có 100% hộ dùng nước sạch."
PLAN_38 = "Kế hoạch số 38/KH-UBND ngày 28/01/2026 của UBND tỉnh An Giang"
RESOLUTION_57 = "Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị"
CONGRESS = "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
PROGRAMME = "Đề án phát triển các đô thị động lực: Long Xuyên, Phú Quốc."

QUERY_PREFIXES = "".join(f"PREFIX {prefix}: <{ns}>\n" for prefix, ns in PREFIXES.items())


def span(text: str) -> Span:
    start = TEXT.index(text)
    return Span(start, start + len(text))


def commune_plan(commune: str = "Tân Hưng", *, tasks: list[Task] | None = None) -> Extraction:
    source = SourceText(
        path=f"/tmp/ke-hoach-{commune}.txt",
        text=TEXT,
        media_type="text/plain",
        content_hash=hashlib.sha256((TEXT + commune).encode()).hexdigest(),
    )
    document = DocumentInfo(
        kind="ke_hoach",
        issuer=f"Ủy ban nhân dân xã {commune}",
        level="commune",
        locality=commune,
        province="An Giang",
        number="12/KH-UBND",
        date="2026-03-02",
        term="2026",
        title="Kế hoạch triển khai thực hiện Kế hoạch số 38/KH-UBND",
    )
    if tasks is None:
        tasks = [
            Task(
                id="II.1/-1",
                section="Phát triển nông nghiệp",
                text=TASK_1,
                lead=["UBND xã"],
                coordinating=["Ủy ban MTTQ Việt Nam xã", "UBND tỉnh"],
                timing="Trong năm 2026",
                expected_result="Quy hoạch vùng lúa được phê duyệt",
                field="economy",
                measures=["Tổ chức khảo sát thực địa"],
                resources=["Ngân sách xã"],
                span=span(TASK_1),
            ),
            Task(
                id="II.1/-2",
                section="Phát triển nông nghiệp",
                text=TASK_2,
                lead=["Ủy ban nhân dân xã"],
                field="other",
                span=span(TASK_2),
            ),
        ]
    indicators = [
        Indicator(
            id="III/-1",
            text=INDICATOR,
            targets=[
                Target(value=0.5, value_max=1.0, unit="%", comparator="range", year=None),
                Target(value=100.0, value_max=None, unit="%", comparator=">=", year=2030),
            ],
            lead=["UBND xã"],
            field="society",
            span=span(INDICATOR),
        )
    ]
    references = [
        Reference(
            "38/KH-UBND", PLAN_38, "UBND tỉnh An Giang", "2026-01-28", "implements", span(PLAN_38)
        ),
        Reference(None, CONGRESS, None, None, "implements", span(CONGRESS)),
        Reference(
            "57-NQ/TW", RESOLUTION_57, "Bộ Chính trị", "2024-12-22", "cites", span(RESOLUTION_57)
        ),
    ]
    programmes = [
        Programme(
            id="14",
            title=PROGRAMME,
            kind="de_an",
            field="economy",
            applies_to=["Long Xuyên", "Phú Quốc", "khu vực biên giới"],
            span=span(PROGRAMME),
        )
    ]
    return Extraction(source, document, references, indicators, tasks, programmes)


IRIS = IriFactory()
MOMENT = datetime(2026, 3, 5, 8, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def built() -> DocumentGraph:
    return build_document_graph(commune_plan(), IRIS, ingested_at=MOMENT)


def select(graph: Graph, query: str, **bindings: object) -> list[tuple]:
    return [tuple(row) for row in graph.query(QUERY_PREFIXES + query, initBindings=bindings)]


def test_two_spellings_of_the_commune_committee_are_one_agency_that_chairs_both_tasks(
    built: DocumentGraph,
) -> None:
    rows = select(
        built.graph,
        "SELECT DISTINCT ?agency WHERE { ?task a mg:Task ; mg:chairedBy ?agency }",
    )
    assert len(rows) == 1
    agency = rows[0][0]
    graph = built.graph
    assert graph.value(agency, SKOS.prefLabel) == Literal("Ủy ban nhân dân", lang="vi")
    alt = {str(label) for label in graph.objects(agency, SKOS.altLabel)}
    assert {"UBND xã", "Ủy ban nhân dân xã", "Ủy ban nhân dân xã Tân Hưng"} <= alt
    assert (built.document, MG.issuedBy, agency) in graph, "the issuer is the same body"
    commune = IRIS.unit(Jurisdiction("An Giang", "Tân Hưng"))
    assert graph.value(agency, MG.jurisdiction) == commune
    assert (commune, RDF.type, MG.Commune) in graph


def test_the_same_name_in_two_communes_is_two_agencies() -> None:
    first = build_document_graph(commune_plan("Tân Hưng"), IRIS, ingested_at=MOMENT)
    second = build_document_graph(commune_plan("Bình Hòa"), IRIS, ingested_at=MOMENT)
    lead = "SELECT DISTINCT ?a WHERE { ?t a mg:Task ; mg:chairedBy ?a }"
    assert select(first.graph, lead) != select(second.graph, lead)


def test_a_provincial_body_named_in_a_commune_plan_belongs_to_the_province(
    built: DocumentGraph,
) -> None:
    rows = select(
        built.graph,
        """SELECT ?agency ?unit WHERE {
             ?task mg:outlinePath "II.1/-1" ; mg:coordinatesWith ?agency .
             ?agency mg:jurisdiction ?unit ; skos:altLabel "UBND tỉnh"@vi }""",
    )
    assert len(rows) == 1
    agency, unit = rows[0]
    assert unit == IRIS.unit(Jurisdiction("An Giang"))
    plan_38 = select(built.graph, 'SELECT ?d WHERE { ?d mg:documentNumber "38/KH-UBND" }')[0][0]
    assert (plan_38, MG.issuedBy, agency) in built.graph


def test_tasks_carry_their_clarities_field_and_provenance(built: DocumentGraph) -> None:
    graph = built.graph
    task = IRIS.task(built.document, "II.1/-1")
    assert graph.value(task, MG.text) == Literal(TASK_1)
    assert graph.value(task, MG.timing) == Literal("Trong năm 2026")
    assert graph.value(task, MG.expectedResult) == Literal("Quy hoạch vùng lúa được phê duyệt")
    assert graph.value(task, MG.measure) == Literal("Tổ chức khảo sát thực địa")
    assert graph.value(task, MG.resource) == Literal("Ngân sách xã")
    assert graph.value(task, MG.inField) == MG.economy
    assert graph.value(IRIS.task(built.document, "II.1/-2"), MG.inField) == MG.other_field
    assert graph.value(task, MG.sourceDocument) == built.document
    start, end = span(TASK_1).start, span(TASK_1).end
    assert graph.value(task, MG.spanStart) == Literal(start, datatype=XSD.integer)
    assert graph.value(task, MG.spanEnd) == Literal(end, datatype=XSD.integer)
    assert TEXT[start:end] == TASK_1


def test_sections_nest_from_the_task_up_to_the_document(built: DocumentGraph) -> None:
    graph = built.graph
    task = IRIS.task(built.document, "II.1/-1")
    section = graph.value(task, MG.partOf)
    assert section == IRIS.section(built.document, "II.1")
    assert graph.value(section, MG.heading) == Literal("Phát triển nông nghiệp")
    assert graph.value(section, MG.outlinePath) == Literal("II.1")
    outer = graph.value(section, MG.partOf)
    assert outer == IRIS.section(built.document, "II")
    assert graph.value(outer, MG.partOf) == built.document
    heading_at = TEXT.index("Phát triển nông nghiệp")
    assert graph.value(section, MG.spanStart) == Literal(heading_at, datatype=XSD.integer)
    assert graph.value(section, MG.spanEnd) == Literal(span(TASK_2).end, datatype=XSD.integer)
    indicator = IRIS.indicator(built.document, "III/-1")
    assert graph.value(indicator, MG.partOf) == IRIS.section(built.document, "III")


def test_a_range_target_has_value_upper_value_and_comparator(built: DocumentGraph) -> None:
    rows = select(
        built.graph,
        """SELECT ?value ?upper ?unit ?comparator WHERE {
             ?indicator a mg:Indicator ; mg:target ?target .
             ?target mg:value ?value ; mg:upperValue ?upper ; mg:unit ?unit ;
                     mg:comparator ?comparator }""",
    )
    assert len(rows) == 1
    value, upper, unit, comparator = rows[0]
    assert (value.toPython(), upper.toPython(), str(unit)) == (0.5, 1.0, "%")
    assert value.datatype == XSD.decimal
    assert comparator == MG.within_range
    year = select(
        built.graph,
        "SELECT ?year WHERE { ?t mg:comparator mg:at_least ; mg:value 100.0 ; mg:year ?year }",
    )
    assert year == [(Literal("2030", datatype=XSD.gYear),)]


def test_an_implements_reference_has_its_qualified_link(built: DocumentGraph) -> None:
    rows = select(
        built.graph,
        """SELECT ?plan ?link ?evidence ?start ?end WHERE {
             ?document mg:implements ?plan ; mg:qualifiedImplementation ?link .
             ?plan a mg:Plan ; mg:documentNumber "38/KH-UBND" .
             ?link a mg:ImplementationLink ; prov:entity ?plan ; mg:linkMethod mg:stated ;
                   mg:reviewStatus mg:auto ; mg:evidence ?evidence ;
                   mg:spanStart ?start ; mg:spanEnd ?end }""",
        document=built.document,
    )
    assert len(rows) == 1
    plan, link, evidence, start, end = rows[0]
    assert str(evidence) == PLAN_38
    assert (start.toPython(), end.toPython()) == (span(PLAN_38).start, span(PLAN_38).end)
    assert built.graph.value(link, PROV.wasAttributedTo) == IRIS.software_agent()
    assert built.graph.value(plan, DCTERMS.issued) == Literal("2026-01-28", datatype=XSD.date)
    provincial_plan = DocumentInfo(
        kind="ke_hoach",
        issuer="Ủy ban nhân dân tỉnh An Giang",
        level="province",
        locality="An Giang",
        province="An Giang",
        number="38/KH-UBND",
        date="2026-01-28",
    )
    assert plan == document_iri(provincial_plan, IRIS, content_hash="0" * 64), (
        "the cited plan is the node the provincial plan gets when it is ingested"
    )


def test_a_cited_reference_has_no_link_and_is_the_national_node(built: DocumentGraph) -> None:
    graph = built.graph
    resolution = select(graph, 'SELECT ?d WHERE { ?d mg:documentNumber "57-NQ/TW" }')[0][0]
    assert (built.document, MG.cites, resolution) in graph
    assert (built.document, MG.implements, resolution) not in graph
    assert (resolution, RDF.type, MG.Resolution) in graph
    assert str(resolution).endswith("/document/vn/tw/2021-2026/57-nq")
    assert graph.value(resolution, MG.citedAs) == Literal(RESOLUTION_57)
    politburo = graph.value(resolution, MG.issuedBy)
    assert graph.value(politburo, MG.jurisdiction) == IRIS.unit(Jurisdiction())


def test_an_unnumbered_congress_resolution_is_named_by_congress_and_term(
    built: DocumentGraph,
) -> None:
    rows = select(
        built.graph, "SELECT ?r WHERE { ?d mg:implements ?r . ?r a mg:CongressResolution }"
    )
    assert len(rows) == 1
    congress = rows[0][0]
    assert str(congress).endswith(
        "/document/vn/dai-hoi-dai-bieu-toan-quoc/2026-2031/nghi-quyet-dai-hoi"
    )
    assert str(built.graph.value(congress, DCTERMS.title)).startswith(
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV"
    )


def test_a_programme_applies_to_communes_and_named_areas(built: DocumentGraph) -> None:
    graph = built.graph
    programme = IRIS.programme(built.document, "14")
    assert (programme, RDF.type, MG.ProvincialProgramme) in graph
    assert graph.value(programme, DCTERMS.title) == Literal(PROGRAMME)
    assert graph.value(programme, MG.programmeKind) == Literal("de_an")
    assert graph.value(programme, MG.inField) == MG.economy
    assert graph.value(programme, MG.partOf) == built.document
    assert graph.value(programme, MG.spanStart) == Literal(
        span(PROGRAMME).start, datatype=XSD.integer
    )
    places = set(graph.objects(programme, MG.appliesTo))
    phu_quoc = IRIS.unit(Jurisdiction("An Giang", "Phú Quốc"))
    border = IRIS.area(Jurisdiction("An Giang"), "khu vực biên giới")
    assert {phu_quoc, border, IRIS.unit(Jurisdiction("An Giang", "Long Xuyên"))} == places
    assert (phu_quoc, RDF.type, MG.Commune) in graph
    assert (border, RDF.type, MG.AdministrativeUnit) in graph
    assert (border, RDF.type, MG.Commune) not in graph


def test_sibling_tasks_sharing_a_heading_hang_from_the_parent_section() -> None:
    tasks = [
        Task(id="V.1", section="TỔ CHỨC THỰC HIỆN", text="Các phòng chuyên môn xây dựng kế hoạch."),
        Task(id="V.2", section="TỔ CHỨC THỰC HIỆN", text="Văn phòng tổng hợp, báo cáo định kỳ."),
        Task(id="III.5", section="Công tác tư pháp", text="Rà soát văn bản quy phạm pháp luật."),
    ]
    built = build_document_graph(commune_plan(tasks=tasks), IRIS, ingested_at=MOMENT)
    graph, document = built.graph, built.document
    closing = IRIS.section(document, "V")
    assert graph.value(IRIS.task(document, "V.1"), MG.partOf) == closing
    assert graph.value(closing, MG.heading) == Literal("TỔ CHỨC THỰC HIỆN")
    justice = IRIS.section(document, "III.5")
    assert graph.value(IRIS.task(document, "III.5"), MG.partOf) == justice
    assert graph.value(justice, MG.heading) == Literal("Công tác tư pháp")


def test_tasks_numbered_alike_stay_two_nodes() -> None:
    tasks = [
        Task(
            id="4.2.1/(1)",
            section="Về công tác xây dựng Đảng",
            text="Lãnh đạo quán triệt nghị quyết.",
        ),
        Task(
            id="4.2.1/(1)",
            section="Về xây dựng chính quyền",
            text="Nâng cao chất lượng chuyên môn.",
        ),
    ]
    built = build_document_graph(commune_plan(tasks=tasks), IRIS, ingested_at=MOMENT)
    nodes = select(built.graph, "SELECT ?t WHERE { ?t a mg:Task }")
    assert len(nodes) == 2
    assert IRIS.task(built.document, "4.2.1/(1)", 2) in {row[0] for row in nodes}


def test_the_graph_uses_only_defined_terms_and_validates(built: DocumentGraph) -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    defined = {s for s in ontology.subjects() if isinstance(s, URIRef)}
    used = {
        term
        for triple in built.graph
        for term in (triple[1], triple[2])
        if isinstance(term, URIRef) and str(term).startswith(MG_NAMESPACE)
    }
    assert used <= defined
    assert (MG.Task, RDF.type, OWL.Class) in ontology
    report = validate_graph(built.graph, lang="en")
    assert report.violations == []
    bare = str(IRIS.task(built.document, "II.1/-2"))
    complete = str(IRIS.task(built.document, "II.1/-1"))
    rules = {(f.focus, f.rule) for f in report.warnings}
    assert {rule for focus, rule in rules if focus == complete} == set()
    assert {rule for focus, rule in rules if focus == bare} == {
        "clear timing (rõ thời gian)",
        "clear measures and resources (rõ biện pháp, nguồn lực)",
        "clear deliverable (rõ sản phẩm)",
    }
