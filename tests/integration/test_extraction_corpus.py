"""The extraction measured against the answer keys with the shared scorer, end to end."""

import json
import subprocess
import sys

import pytest

from tests.conftest import mandate_executable

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def scores(corpus_dir, gold_dir, tmp_path_factory):
    predictions = tmp_path_factory.mktemp("predictions")
    for document in sorted(corpus_dir.glob("*.txt")):
        result = subprocess.run(
            [mandate_executable(), "extract", str(document), "--format", "json"],
            capture_output=True,
            text=True,
            check=True,
        )
        (predictions / f"{document.stem}.json").write_text(result.stdout, encoding="utf-8")
    scorer = gold_dir.parent / "tools" / "score_extraction.py"
    report = subprocess.run(
        [sys.executable, str(scorer), "--dir", "--json", str(gold_dir), str(predictions)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(report.stdout[: report.stdout.rindex("}") + 1])


def _category_f1(scores, category):
    counts = [document["categories"][category] for document in scores["documents"]]
    gold = sum(count["gold"] for count in counts)
    pred = sum(count["pred"] for count in counts)
    matched = sum(count["matched"] for count in counts)
    precision = matched / pred if pred else 0.0
    recall = matched / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def test_overall_f1_meets_the_bar(scores):
    assert scores["overall_f1"] >= 0.90


@pytest.mark.parametrize("category", ["indicators", "tasks", "references", "programmes"])
def test_every_category_meets_the_bar(scores, category):
    assert _category_f1(scores, category) >= 0.85


@pytest.mark.parametrize("attribute", ["lead", "coordinating", "targets"])
def test_agencies_and_targets_of_matched_items_meet_the_bar(scores, attribute):
    assert scores["attributes"][attribute] >= 0.85


def test_every_document_field_is_read(scores):
    for document in scores["documents"]:
        assert all(document["document"].values()), document["source"]
