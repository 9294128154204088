"""Crash atomicity, quick version: a few killed ingests and review runs, and a full disk.

The full run (100 trials of each, kill moments at random) is
`.venv/bin/python -m scripts.crash_trials --trials 100`; see tests/hardening/crash_support.py
for what "the state after k whole documents" means.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from config import load_settings
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PROV, RDF, RDFS
from store import EmbeddedStore
from store.terms import insert_data_block
from tests.hardening import crash_support as crash


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> crash.Reference:
    """Nine small documents (a synthetic province of two communes and the samples)."""
    return crash.build_reference(tmp_path_factory.mktemp("crash"), communes=2)


@pytest.mark.parametrize(
    "on_line",
    [
        pytest.param(("writing:", 2), id="while-writing-the-second-document"),
        pytest.param(("done:", 9), id="after-the-last-document-while-linking"),
    ],
)
def test_a_killed_ingest_leaves_whole_documents_and_a_rerun_completes_it(
    reference: crash.Reference, tmp_path: Path, on_line: tuple[str, int]
) -> None:
    assert len(reference.files) == 9
    trial = crash.ingest_trial(reference, tmp_path / "store", on_line=on_line)
    assert trial.problems == (), trial
    assert trial.documents is not None and trial.documents >= on_line[1] - 1


def test_an_ingest_killed_at_a_random_moment_leaves_whole_documents(
    reference: crash.Reference, tmp_path: Path
) -> None:
    delay = random.Random(3).uniform(0.0, reference.duration)
    trial = crash.ingest_trial(reference, tmp_path / "store", delay=delay)
    assert trial.problems == (), trial


def test_killed_review_runs_leave_each_decision_whole_or_absent(
    reference: crash.Reference, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    links = _reviewed_store(reference, store)
    first = crash.review_trial(store, 0, links, delay=None, on_line=("done:", 3), earlier=0)
    assert first.problems == (), first
    assert first.reviews is not None and first.reviews >= 3
    second = crash.review_trial(store, 1, links, delay=1.5, on_line=None, earlier=first.reviews)
    assert second.problems == (), second


def _reviewed_store(reference: crash.Reference, store: Path) -> list[str]:
    """Copy the complete store to `store`; return links to review there."""
    shutil.copytree(reference.complete, store)
    links = crash.proposed_links(store, 40)
    assert len(links) == 40
    return links


def test_a_full_disk_ends_the_ingest_with_a_clear_error_and_an_intact_store(
    reference: crash.Reference, tmp_path: Path
) -> None:
    outcome = crash.disk_full_ingest(reference, tmp_path / "store", disk=None)
    assert outcome.problems == (), outcome.output
    assert outcome.returncode == 1
    assert "File too large" in outcome.output


def test_a_full_tmpfs_ends_the_ingest_with_a_clear_error_and_an_intact_store(
    reference: crash.Reference, tmp_path: Path
) -> None:
    disk = tmp_path / "disk"
    if not crash.mount_small_disk(disk, 256):
        pytest.skip("mounting a small tmpfs needs root (the file size limit test stands in)")
    try:
        outcome = crash.disk_full_ingest(reference, disk / "store", disk=disk)
    finally:
        crash.unmount(disk)
    assert outcome.problems == (), outcome.output
    assert "No space left on device" in outcome.output


def test_the_judge_notices_a_document_missing_one_statement(
    reference: crash.Reference, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(reference.complete, store)
    assert reference.documents_of(crash.store_parts(store)) == len(reference.files)
    line = next(line for line in crash.store_parts(store).own if "/graph/document/" in line)
    graph = line.rsplit(" ", 2)[-2]
    opened = EmbeddedStore(store)
    try:
        opened.update(f"DELETE DATA {{ GRAPH {graph} {{ {line[: line.rindex(graph)]} }} }}")
    finally:
        opened.close()
    assert reference.documents_of(crash.store_parts(store)) is None


def test_the_judge_notices_a_decision_without_its_time(
    reference: crash.Reference, tmp_path: Path
) -> None:
    store = tmp_path / "store"
    shutil.copytree(reference.complete, store)
    link = URIRef(crash.proposed_links(store, 1)[0])
    iris = IriFactory(load_settings().base_iri)
    review, agent = iris.review(link, "no time"), iris.reviewer("nobody")
    graph = Graph()
    graph.add((review, RDF.type, MG.Review))
    graph.add((review, MG.reviewedLink, link))
    graph.add((review, MG.reviewStatus, MG.confirmed))
    graph.add((review, PROV.wasAssociatedWith, agent))
    graph.add((agent, RDF.type, PROV.Person))
    graph.add((agent, RDFS.label, Literal("nobody")))
    opened = EmbeddedStore(store)
    try:
        opened.update(insert_data_block(iris.reviews_graph(), graph))
    finally:
        opened.close()
    decisions, problems = crash.judge_reviews(store)
    assert decisions == {}
    assert len(problems) == 1 and "not whole (missing ['time'])" in problems[0]
