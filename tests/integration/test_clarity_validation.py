"""A built document graph written to the real store is checked for the six clarities."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.graph_builder import build_document_graph
from ingest.model import DocumentInfo, Extraction, SourceText, Span, Task
from ontology.identifiers import IriFactory
from queries.validation import validate_store
from store import open_store

TEXT = """ỦY BAN NHÂN DÂN XÃ BÌNH HÒA
KẾ HOẠCH
1. Phát triển kinh tế
- Xây dựng cánh đồng lớn sản xuất lúa chất lượng cao trên địa bàn xã.
- Hỗ trợ hợp tác xã tham gia chương trình mỗi xã một sản phẩm.
"""
COMPLETE = "Xây dựng cánh đồng lớn sản xuất lúa chất lượng cao trên địa bàn xã."
NO_TIMING = "Hỗ trợ hợp tác xã tham gia chương trình mỗi xã một sản phẩm."


def task(path: str, text: str, *, timing: str | None) -> Task:
    start = TEXT.index(text)
    return Task(
        id=path,
        section="Phát triển kinh tế",
        text=text,
        lead=["UBND xã"],
        coordinating=["Hội Nông dân xã"],
        timing=timing,
        expected_result="Báo cáo kết quả thực hiện",
        field="economy",
        measures=["Tập huấn kỹ thuật canh tác"],
        resources=["Ngân sách xã"],
        span=Span(start, start + len(text)),
    )


def extraction() -> Extraction:
    source = SourceText(
        path="ke-hoach-binh-hoa.txt",
        text=TEXT,
        media_type="text/plain",
        content_hash=hashlib.sha256(TEXT.encode()).hexdigest(),
    )
    info = DocumentInfo(
        kind="ke_hoach",
        issuer="Ủy ban nhân dân xã Bình Hòa",
        level="commune",
        locality="Bình Hòa",
        province="An Giang",
        term="2026",
        title="Kế hoạch phát triển kinh tế năm 2026",
    )
    tasks = [
        task("1/-1", COMPLETE, timing="Trong năm 2026"),
        task("1/-2", NO_TIMING, timing=None),
    ]
    return Extraction(source=source, document=info, tasks=tasks)


def test_a_task_missing_timing_is_reported_by_the_timing_clarity_only(tmp_path: Path) -> None:
    iris = IriFactory()
    built = build_document_graph(extraction(), iris)
    with open_store(str(tmp_path / "store"), base_iri=iris.base) as store:
        store.replace_graphs({built.graph_name: built.graph})
        report = validate_store(store, iris, lang="en")

    assert report.conforms, [finding.message for finding in report.violations]
    complete = str(iris.task(built.document, "1/-1"))
    no_timing = str(iris.task(built.document, "1/-2"))
    findings = report.by_focus("warning")
    assert complete not in findings
    assert [finding.rule for finding in findings[no_timing]] == ["clear timing (rõ thời gian)"]
    assert findings[no_timing][0].message == "The task has no timing."
    assert "Hỗ trợ hợp tác xã" in (findings[no_timing][0].focus_text or "")
