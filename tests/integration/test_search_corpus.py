"""`mandate search` on the real corpus: accent-free words find the tasks written with accents."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Mandate

pytestmark = pytest.mark.corpus


def test_search_nong_thon_moi_returns_a_task(corpus_store: Mandate) -> None:
    result = corpus_store("search", "nong thon moi", "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.output)
    assert answer["query"] == "nong thon moi" and answer["derivation"]
    tasks = [hit for hit in answer["hits"] if hit["kind"] == "task"]
    assert tasks, answer["hits"]
    hit = tasks[0]
    assert "nông thôn mới" in hit["snippet"].lower()
    assert hit["document"] and hit["iri"].startswith(hit["document"])
    marked = {hit["snippet"][s:e].lower() for s, e in hit["highlights"]}
    assert {"nông", "thôn", "mới"} <= marked


def test_search_text_output_and_limit(corpus_store: Mandate) -> None:
    result = corpus_store("search", "dat dai", "--limit", "3")
    assert result.exit_code == 0, result.output
    assert result.output.strip().endswith("3 found")
    assert "đất đai" in result.output


def test_search_with_fts_syntax_is_not_an_error(corpus_store: Mandate) -> None:
    result = corpus_store("search", 'NEAR("nong" *) AND (thon OR', "--json")
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.output)["hits"], list)
