"""A short fuzz of the readers and extractors, run with the default suite.

Hypothesis drives the same corpus-seeded mutations as the full campaign
(`python -m scripts.fuzz_parsers --minutes 10`), derandomised so that a run is repeatable:
only IngestError may escape, with one line naming the file, and no input may take 10 s.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.fuzz_parsers import mutate, run_input, seeds

pytestmark = pytest.mark.corpus

_SETTINGS = {
    "deadline": None,
    "derandomize": True,
    "database": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
_EXAMPLES = {"txt": 200, "docx": 80, "pdf": 12, "extract": 60}


def _check(target: str, data: bytes, folder: Path) -> None:
    outcome = run_input(target, data, folder)
    assert outcome.failure is None, outcome.failure


def _mutated(target: str) -> st.SearchStrategy[bytes]:
    def build(index: int, rounds: int, rng: random.Random) -> bytes:
        pool = seeds(target)
        data = pool[index % len(pool)]
        for _ in range(rounds):
            data = mutate(target, data, rng)
        return data

    return st.builds(
        build, st.integers(0, 100), st.integers(1, 3), st.randoms(use_true_random=False)
    )


@pytest.fixture(scope="module", autouse=True)
def _needs_corpus(corpus_dir: Path) -> None:
    """Seeds come from the real corpus; skip (or fail under CI) without it."""


@pytest.mark.parametrize("target", ["txt", "docx", "pdf", "extract"])
def test_mutated_corpus_inputs_raise_nothing_but_ingest_errors(target: str, tmp_path: Path) -> None:
    @settings(max_examples=_EXAMPLES[target], **_SETTINGS)
    @given(_mutated(target))
    def run(data: bytes) -> None:
        _check(target, data, tmp_path)

    run()


@settings(max_examples=80, **_SETTINGS)
@given(st.binary(max_size=4096))
def test_arbitrary_bytes_as_any_kind_of_file(tmp_path: Path, data: bytes) -> None:
    for target in ("txt", "docx", "pdf"):
        _check(target, data, tmp_path)


_TOKENS = [
    *"aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạếềểễệốồổỗộớờởỡợứừửữự ,.;:()/-%|\n\t",
    *["Ủy ban nhân dân ", "Sở ", "chủ trì", "phối hợp", "I. ", "1. ", "a) ", "- ", "Điều "],
    *["Kế hoạch số 27/KH-UBND ", "ngày 12/3/2026", " đạt 95%", "\u0301", "\f", "\x00"],
]
_VIETNAMESE = st.lists(st.sampled_from(_TOKENS), max_size=1500).map("".join)


@settings(max_examples=40, **_SETTINGS)
@given(_VIETNAMESE)
def test_generated_vietnamese_text_extracts_without_error(tmp_path: Path, text: str) -> None:
    _check("extract", text.encode("utf-8"), tmp_path)
