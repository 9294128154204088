"""Reference resolution across ingests, and reviewers' decisions that survive re-ingest."""

import json

from config import load_settings
from linking import LINK_THRESHOLD
from ontology.vocabulary import MG
from store import open_store
from tests.conftest import Mandate

GUIDANCE = "000_ca2e7f0847605366.txt"
VINH_PHONG = "001_305fbde6a937b113.txt"
PROVINCIAL = "002_b6ddfe5c33c6f6c2.txt"

RESOLVED = "SELECT ?placeholder ?document WHERE { ?placeholder $resolvesTo ?document }"
MARKED = "SELECT ?document WHERE { ?document a $referenced }"


def _select(mandate: Mandate, query: str) -> list[dict]:
    store = open_store(mandate.store, base_iri=load_settings().base_iri, read_only=True)
    try:
        terms = {"resolvesTo": MG.resolvesTo, "referenced": MG.ReferencedDocument}
        return store.select(
            query, {name: term for name, term in terms.items() if f"${name}" in query}
        )
    finally:
        store.close()


def _ingest(mandate: Mandate, *paths) -> dict:
    result = mandate("ingest", *map(str, paths))
    assert result.exit_code == 0, result.output
    return result


def test_a_later_ingest_fills_in_a_referenced_document(mandate: Mandate, corpus_dir):
    _ingest(mandate, corpus_dir / VINH_PHONG)
    assert not _select(mandate, RESOLVED)
    marked = {str(row["document"]) for row in _select(mandate, MARKED)}
    placeholders = [iri for iri in marked if "/cited/chuong-trinh-hanh-dong/" in iri]
    assert placeholders, "the unnumbered action programme 001 implements is not marked"

    _ingest(mandate, corpus_dir / PROVINCIAL)
    resolved = {str(row["placeholder"]): str(row["document"]) for row in _select(mandate, RESOLVED)}
    assert set(placeholders) <= set(resolved)
    after = {str(row["document"]) for row in _select(mandate, MARKED)}
    assert not set(placeholders) & after
    provincial = json.loads(mandate("lineage", str(corpus_dir / PROVINCIAL), "--json").output)
    assert resolved[placeholders[0]] == provincial["node"]["iri"]


def test_review_decisions_survive_reingest(mandate: Mandate, corpus_dir):
    _ingest(mandate, corpus_dir / GUIDANCE, corpus_dir / VINH_PHONG, corpus_dir / PROVINCIAL)
    document = str(corpus_dir / VINH_PHONG)
    tasks = json.loads(mandate("links", document, "--json").output)
    task = next(task for task in tasks if task["programmes"])
    rejected = task["programmes"][0]
    every = json.loads(mandate("links", document, "--json", "--all").output)
    near_misses = [
        (entry, programme)
        for entry in every
        for programme in entry["programmes"]
        if programme["confidence"] < LINK_THRESHOLD
    ]
    assert near_misses, "no proposal under the threshold is kept for review"
    confirmed_task, confirmed = near_misses[0]

    assert mandate("review", rejected["link"], "--reject", "--by", "Reviewer A").exit_code == 0
    result = mandate("review", confirmed["link"], "--confirm", "--by", "Reviewer B")
    assert result.exit_code == 0 and "confirmed" in result.output
    assert mandate("review", rejected["link"], "--by", "Reviewer A").exit_code == 2

    _ingest(mandate, corpus_dir / VINH_PHONG)  # the same file again: links are rebuilt

    after = {
        entry["iri"]: entry for entry in json.loads(mandate("links", document, "--json").output)
    }
    assert rejected["link"] not in {p["link"] for p in after[task["iri"]]["programmes"]}
    kept = {p["link"]: p for p in after[confirmed_task["iri"]]["programmes"]}
    assert kept[confirmed["link"]]["status"] == "confirmed"
    lineage = json.loads(mandate("lineage", confirmed_task["iri"], "--json").output)
    hops = [hop for path in lineage["paths"] for hop in path if hop["link"] == confirmed["link"]]
    assert hops and "Reviewer B" in hops[0]["explanation"]


def test_documents_are_found_by_file_iri_and_number(mandate: Mandate, corpus_dir, tmp_path):
    _ingest(mandate, corpus_dir / PROVINCIAL)
    by_file = json.loads(mandate("lineage", str(corpus_dir / PROVINCIAL), "--json").output)
    iri = by_file["node"]["iri"]
    by_iri = json.loads(mandate("lineage", iri, "--json").output)
    assert by_iri["node"]["iri"] == iri
    stray = tmp_path / "never-ingested.txt"
    stray.write_text("KẾ HOẠCH\nnội dung\n", encoding="utf-8")
    result = mandate("links", str(stray))
    assert result.exit_code == 2 and "has not been ingested" in result.output
    result = mandate("links", "999-XX/YY")
    assert result.exit_code == 2 and "999-XX/YY" in result.output
