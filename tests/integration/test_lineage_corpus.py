"""Lineage on the real corpus: from commune tasks up to Nghị quyết Đại hội XIV."""

import json

from linking import LINK_THRESHOLD
from tests.conftest import Mandate

VINH_PHONG = "001_305fbde6a937b113.txt"
CAO_MINH = "003_ff64f192a8de5e6c.txt"


def _tasks(mandate: Mandate, corpus_dir, name: str, *flags: str) -> list[dict]:
    result = mandate("links", str(corpus_dir / name), "--json", *flags)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _lineage(mandate: Mandate, node: str) -> tuple[int, dict]:
    result = mandate("lineage", node, "--json")
    return result.exit_code, json.loads(result.output)


def test_ocop_task_reaches_congress_xiv_through_programme_12_and_the_action_programme(
    corpus_store: Mandate, corpus_dir
):
    tasks = _tasks(corpus_store, corpus_dir, VINH_PHONG)
    ocop = [
        task
        for task in tasks
        if "OCOP" in task["task"] and any(p["number"] == "12" for p in task["programmes"])
    ]
    assert ocop, "no OCOP task of document 001 is linked to programme 12"
    code, lineage = _lineage(corpus_store, ocop[0]["iri"])
    assert code == 0
    labels = {iri: node["label"] for iri, node in lineage["nodes"].items()}
    through_12 = [
        path
        for path in lineage["paths"]
        if path[0]["relation"] == "implements"
        and labels[path[0]["to"]].startswith("Chương trình sản phẩm quốc gia")
    ]
    assert through_12, "no path goes through programme 12"
    path = through_12[0]
    assert "XIV" in labels[path[-1]["to"]]
    assert path[0]["kind"] in ("proposed", "confirmed") and path[0]["confidence"] >= LINK_THRESHOLD
    assert path[0]["evidence"], "the similarity hop shows no matched terms"
    assert all(len(term) > 1 for term in path[0]["evidence"]), path[0]["evidence"]
    assert any("Chương trình hành động" in labels[hop["to"]] for hop in path[1:])
    for hop in path:
        assert hop["kind"] in ("stated", "proposed", "confirmed", "resolved")
        assert hop["explanation"]
    stated = [hop for hop in path if hop["kind"] == "stated" and hop["relation"] == "implements"]
    assert all(hop["evidence"] for hop in stated), "a stated hop shows no citation"
    assert all("Đại hội" in " ".join(hop["evidence"]) for hop in stated)


def test_cao_minh_task_ends_in_a_named_gap_or_a_real_document(corpus_store: Mandate, corpus_dir):
    tasks = _tasks(corpus_store, corpus_dir, CAO_MINH)
    code, lineage = _lineage(corpus_store, tasks[0]["iri"])
    # Cao Minh (Thái Nguyên) has no programme list or provincial plan in the corpus, so any
    # path must run through what documents state, never through a similarity link.
    for path in lineage["paths"]:
        assert all(hop["kind"] != "proposed" for hop in path)
    if code != 0:
        assert lineage["gap"] and "XIV" in lineage["gap"]
        assert lineage["furthest_ancestors"]


def test_lineage_of_a_document_by_number_and_unknown_node(corpus_store: Mandate):
    code, lineage = _lineage(corpus_store, "16-CTr/TU")
    assert code == 0
    assert len(lineage["paths"][0]) == 1 and lineage["paths"][0][0]["kind"] == "stated"
    result = corpus_store("lineage", "https://example.org/nothing")
    assert result.exit_code == 2
    assert "no such node" in result.output
