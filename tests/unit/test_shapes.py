"""The SHACL shapes: six clarities as warnings, structure as violations."""

from __future__ import annotations

from rdflib import Graph

from queries.validation import validate_graph

PREFIXES = """
@prefix mg: <https://mandate-graph.example/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
"""

DOCUMENT = """
ex:doc a mg:Plan ; dcterms:title "KẾ HOẠCH thử" ; mg:issuedBy ex:ubnd .
ex:ubnd a mg:Agency ; skos:prefLabel "Ủy ban nhân dân xã Thử"@vi .
ex:phong a mg:Agency ; skos:prefLabel "Phòng Kinh tế xã"@vi .
"""


def task(name: str, extra: str) -> str:
    return f"""
ex:{name} a mg:Task ; mg:text "Xây dựng vùng lúa chất lượng cao {name}" ;
    mg:sourceDocument ex:doc ; mg:outlinePath "III.1/-1" ;
    mg:spanStart "10"^^xsd:integer ; mg:spanEnd "60"^^xsd:integer {extra} .
"""


def graph(*parts: str) -> Graph:
    return Graph().parse(data=PREFIXES + DOCUMENT + "".join(parts), format="turtle")


def test_a_task_with_all_six_clarities_has_no_finding() -> None:
    complete = task(
        "full",
        '; mg:chairedBy ex:phong ; mg:resource "Ngân sách xã" ; mg:timing "Năm 2026" ; '
        'mg:expectedResult "Vùng nguyên liệu được công nhận"',
    )
    report = validate_graph(graph(complete), lang="en")
    assert report.findings == []
    assert report.conforms


def test_missing_clarities_are_named_per_task_as_warnings() -> None:
    report = validate_graph(graph(task("bare", "")), lang="vi")
    rules = {
        finding.rule for finding in report.findings if finding.focus == "http://example.org/bare"
    }
    assert rules == {
        "rõ cơ quan chủ trì, phối hợp",
        "rõ biện pháp, nguồn lực",
        "rõ thời gian",
        "rõ sản phẩm đạt được",
    }
    assert all(finding.severity == "warning" for finding in report.findings)
    assert report.conforms, "missing clarities are warnings, not violations"
    assert any("Xây dựng vùng lúa" in (finding.focus_text or "") for finding in report.findings)


def test_authority_is_missing_when_the_document_has_no_issuer() -> None:
    data = graph(task("orphan", ""))
    data.remove((None, data.namespace_manager.expand_curie("mg:issuedBy"), None))
    report = validate_graph(data, lang="en")
    assert "clear authority (rõ thẩm quyền)" in {finding.rule for finding in report.findings}


def test_structural_errors_are_violations() -> None:
    broken = """
ex:t1 a mg:Target ; mg:value "abc" ; mg:comparator mg:within_range .
ex:link a mg:ImplementationLink ; mg:confidence 1.5 ; mg:reviewStatus mg:equal .
"""
    report = validate_graph(graph(broken), lang="en")
    assert not report.conforms
    messages = " ".join(finding.message for finding in report.violations)
    assert "decimal value" in messages
    assert "upper value" in messages
    assert "between 0 and 1" in messages
    assert "review status" in messages
