"""Small rules behind links: what a citation says it carries out, and which links count."""

from ingest.references import carried_out, references_in_name
from ontology.vocabulary import MG
from queries.reviews import Decision, hop_kind, link_is_used


def test_a_citation_names_what_the_cited_document_carries_out():
    name = (
        "Chương trình hành động số 16-CTr/TU ngày 10/3/2026 của Ban Chấp hành Đảng bộ tỉnh "
        "thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030 và Nghị "
        "quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    )
    names = [reference.name for reference in references_in_name(name)]
    assert names == [
        "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030",
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    ]


def test_a_list_heading_may_drop_the_repeated_words():
    heading = (
        "Các chương trình, đề án cụ thể hóa Chương trình hành động thực hiện Nghị quyết "
        "Đại hội Đảng bộ tỉnh, Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    )
    assert carried_out(heading).startswith("Chương trình hành động thực hiện")
    names = [reference.name for reference in references_in_name(carried_out(heading))]
    assert names[-1].endswith("lần thứ XIV của Đảng")
    assert len(names) == 2


def test_adjacent_cues_and_no_cue():
    assert carried_out("Kế hoạch triển khai thực hiện Nghị quyết số 57-NQ/TW") == (
        "Nghị quyết số 57-NQ/TW"
    )
    assert carried_out("Nghị quyết số 57-NQ/TW của Bộ Chính trị") is None
    assert references_in_name("Nghị quyết số 57-NQ/TW của Bộ Chính trị") == []


def test_which_links_queries_use():
    confirmed = Decision(MG.confirmed, "A", "2026-01-01T00:00:00")
    rejected = Decision(MG.rejected, "A", "2026-01-01T00:00:00")
    assert link_is_used(MG.similarity, 0.9, None, 0.5)
    assert not link_is_used(MG.similarity, 0.3, None, 0.5)
    assert link_is_used(MG.similarity, 0.1, confirmed, 0.5)
    assert not link_is_used(MG.stated, 1.0, rejected, 0.5)
    assert link_is_used(MG.stated, 1.0, None, 0.99)
    assert hop_kind(MG.similarity, None) == "proposed"
    assert hop_kind(MG.stated, None) == "stated"
    assert hop_kind(MG.similarity, confirmed) == "confirmed"
