"""Task → programme links on the real plan, scored against the answer key by the shared scorer."""

import json
import re
import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.corpus

# Measured 0.815 (precision 0.79, recall 0.84); see docs/linking.md.
MIN_LINK_F1 = 0.78


@pytest.fixture(scope="module")
def evaluation(corpus_dir, gold_dir, tmp_path_factory):
    prediction = tmp_path_factory.mktemp("links") / "pred.json"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "scripts" / "evaluate_links.py"),
            str(prediction),
            "--corpus",
            str(corpus_dir),
            "--gold",
            str(gold_dir / "links" / "links_001.json"),
            "--scorer",
            str(gold_dir.parent / "tools" / "score_links.py"),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout, json.loads(prediction.read_text(encoding="utf-8"))


def _number(report, pattern):
    match = re.search(pattern, report)
    assert match, f"{pattern!r} not in the scorer's report:\n{report}"
    return match.groups()


def test_link_f1_meets_the_bar(evaluation):
    report, _links = evaluation
    (f1,) = _number(report, r"link F1 = ([0-9.]+)")
    assert float(f1) >= MIN_LINK_F1, report


def test_tasks_no_programme_fits_are_mostly_left_unlinked(evaluation):
    report, _links = evaluation
    right, total = _number(report, r"abstained correctly: (\d+)/(\d+)")
    assert int(right) >= int(total) - 2, report


def test_every_task_is_written_with_confident_evidenced_links(evaluation):
    _report, links = evaluation
    assert len(links) >= 59
    for entry in links:
        assert entry["task"]
        for programme in entry["programmes"]:
            assert 0.0 <= programme["confidence"] <= 1.0
            assert 0 < len(programme["evidence"]) <= 8


def test_the_stored_links_score_as_well(corpus_store, corpus_dir, gold_dir, tmp_path):
    # What `mandate links` reads back from the store must be what the linker decided.
    result = corpus_store("links", str(next(corpus_dir.glob("001_*"))), "--json")
    assert result.exit_code == 0, result.output
    prediction = tmp_path / "stored.json"
    prediction.write_text(result.output, encoding="utf-8")
    scorer = gold_dir.parent / "tools" / "score_links.py"
    gold = gold_dir / "links" / "links_001.json"
    report = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(prediction)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (f1,) = _number(report, r"link F1 = ([0-9.]+)")
    assert float(f1) >= MIN_LINK_F1, report
