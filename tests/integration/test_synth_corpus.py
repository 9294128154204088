"""A tiny synthetic corpus, extracted and scored against its own answer keys, then ingested."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.pipeline import extract
from synth import generate_corpus
from tests.conftest import SHARED, Mandate

SCORER = SHARED / "tools" / "score_extraction.py"
# Measured 0.999 on this corpus (2 provinces x 2 communes, seed 11); margin for extractor changes.
F1_FLOOR = 0.95
KEY_FIELDS = {"source", "document", "references", "indicators", "tasks", "programmes", "notes"}
DOCUMENT_FIELDS = {
    "kind",
    "issuer",
    "level",
    "locality",
    "province",
    "number",
    "date",
    "term",
    "title",
}
ITEM_FIELDS = {
    "references": {"number", "name", "issuer", "date", "relation"},
    "indicators": {
        "id",
        "text",
        "targets",
        "lead",
        "coordinating",
        "field",
        "timing",
        "expected_result",
    },
    "tasks": {
        "id",
        "section",
        "text",
        "lead",
        "coordinating",
        "timing",
        "expected_result",
        "field",
    },
    "programmes": {"id", "title", "kind", "field", "applies_to"},
}
TARGET_FIELDS = {"value", "value_max", "unit", "comparator", "year"}
TASK_FIELDS = {
    "economy",
    "society",
    "environment",
    "party_building",
    "defense_security",
    "culture",
    "other",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synth")
    generate_corpus(root, provinces=2, communes_per_province=2, seed=11, docx_share=0.5)
    return root


@pytest.fixture(scope="module")
def manifest(corpus: Path) -> dict:
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def answers(corpus: Path, manifest: dict) -> dict[str, dict]:
    """What extraction reads from each document, by key file name."""
    return {
        Path(row["key"]).name: extract(corpus / row["path"]).to_answer_key()
        for row in manifest["documents"]
    }


def test_manifest_counts_match_the_files(corpus: Path, manifest: dict) -> None:
    rows = manifest["documents"]
    assert len(rows) == 2 * 2 + 2 * 2 * 2
    assert {row["format"] for row in rows} == {"txt", "docx"}
    for row in rows:
        assert (corpus / row["path"]).is_file() and (corpus / row["key"]).is_file()
        assert (row["links_key"] is None) == (row["commune"] is None)
    documents = [p for p in corpus.rglob("*") if p.suffix in (".txt", ".docx")]
    assert len(documents) == len(rows)
    assert len(list((corpus / "keys").glob("*.json"))) == len(rows)


def test_every_key_has_the_gold_schema(corpus: Path, manifest: dict) -> None:
    for row in manifest["documents"]:
        key = json.loads((corpus / row["key"]).read_text(encoding="utf-8"))
        assert set(key) == KEY_FIELDS and key["source"] == Path(row["path"]).name
        assert set(key["document"]) == DOCUMENT_FIELDS
        for category, fields in ITEM_FIELDS.items():
            for item in key[category]:
                assert set(item) == fields, (row["key"], category, item)
        for indicator in key["indicators"]:
            assert all(set(t) == TARGET_FIELDS for t in indicator["targets"])
        assert all(task["field"] in TASK_FIELDS for task in key["tasks"])
        if row["links_key"]:
            links = json.loads((corpus / row["links_key"]).read_text(encoding="utf-8"))
            assert len(links["links"]) == len(key["tasks"])


@pytest.mark.skipif(not SCORER.is_file(), reason=f"the scoring tool is missing: {SCORER}")
def test_extraction_scores_above_the_floor(
    corpus: Path, answers: dict[str, dict], tmp_path: Path
) -> None:
    for name, answer in answers.items():
        (tmp_path / name).write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(SCORER), "--dir", str(corpus / "keys"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    last = scored.stdout.strip().splitlines()[-1]
    assert last.startswith("overall F1 = "), scored.stdout
    assert float(last.removeprefix("overall F1 = ")) >= F1_FLOOR, scored.stdout


def test_every_document_ingests(corpus: Path, manifest: dict, mandate: Mandate) -> None:
    paths = [str(corpus / row["path"]) for row in manifest["documents"]]
    result = mandate("ingest", *paths)
    assert result.exit_code == 0, result.output
    assert f"{len(paths)} ingested, 0 failed" in result.output


def test_every_numbered_reference_of_a_key_is_in_its_text(
    corpus: Path, manifest: dict, answers: dict[str, dict]
) -> None:
    # Regression: a citation drawn for a task that was then discarded stayed in the key.
    for row in manifest["documents"]:
        answer = answers[Path(row["key"]).name]
        key = json.loads((corpus / row["key"]).read_text(encoding="utf-8"))
        found = {ref["number"] for ref in answer["references"]}
        for ref in key["references"]:
            assert ref["number"] is None or ref["number"] in found, (row["path"], ref["number"])
