"""The whole benchmark at tiny scale, end to end: every stage, sensible figures."""

import json
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO_ROOT

pytestmark = [pytest.mark.server, pytest.mark.corpus]

STAGES = {"synth", "extract", "ingest", "queries", "threeway", "api"}


def _metric(stage: dict, name: str, unit: str | None = None) -> dict:
    for metric in stage["metrics"]:
        if metric["name"] == name and (unit is None or metric["unit"] == unit):
            return metric
    raise AssertionError(f"no metric {name!r} ({unit}) in {stage['stage']}")


def _central(metric: dict) -> float:
    return metric.get("p50", metric.get("median", metric.get("value")))


@pytest.fixture(scope="module")
def report(tmp_path_factory, corpus_dir):
    work, out = tmp_path_factory.mktemp("work"), tmp_path_factory.mktemp("out")
    started = time.monotonic()
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench",
            "--scale",
            "tiny",
            "--runs",
            "1",
            "--api-seconds",
            "2",
            "--work",
            str(work),
            "--out",
            str(out),
        ],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    elapsed = time.monotonic() - started
    assert completed.returncode == 0, completed.stderr[-3000:]
    data = json.loads((out / "tiny.json").read_text(encoding="utf-8"))
    return data, (out / "tiny.md").read_text(encoding="utf-8"), elapsed


def test_every_stage_ran_without_error_in_reasonable_time(report):
    data, _markdown, elapsed = report
    assert set(data["stages"]) == STAGES
    assert [name for name, stage in data["stages"].items() if stage["error"]] == []
    assert elapsed < 150


def test_throughputs_and_memory_are_positive(report):
    stages = report[0]["stages"]
    assert _metric(stages["synth"], "documents")["value"] >= 5
    assert _central(_metric(stages["extract"], "real corpus: extract", "documents/s")) > 0
    assert _central(_metric(stages["extract"], "synthetic sample: extract + build", "MB/s")) > 0
    assert 0 < _metric(stages["extract"], "quality: overall F1")["value"] <= 1
    assert _central(_metric(stages["ingest"], "throughput", "documents/s")) > 0
    assert _metric(stages["ingest"], "statements in the store")["value"] > 1000
    assert _metric(stages["ingest"], "files not ingested")["value"] == 0
    for stage in ("extract", "ingest", "queries", "threeway"):
        assert _central(_metric(stages[stage], "peak memory (process tree)")) > 20


def test_queries_have_latency_distributions(report):
    queries = report[0]["stages"]["queries"]
    for name in ("lineage", "commune coverage", "province matrix", "search"):
        metric = _metric(queries, name)
        assert 0 < metric["p50"] <= metric["p95"] <= metric["maximum"]


def test_three_ways_give_the_same_answers(report):
    threeway = report[0]["stages"]["threeway"]
    assert _metric(threeway, "answers equal (all three)")["value"] is True
    assert threeway["details"]["mismatches"] == []
    assert threeway["details"]["reaching_national"] > 0
    assert _metric(threeway, "lineage: rdflib/oxigraph")["value"] > 0


def test_api_answered_without_errors(report):
    api = report[0]["stages"]["api"]
    for endpoint in ("lineage", "search"):
        assert _metric(api, f"{endpoint}: errors")["value"] == 0
        assert _central(_metric(api, f"{endpoint}: throughput")) > 0
        assert _metric(api, f"{endpoint}: latency")["p99"] > 0


def test_markdown_has_machine_goals_and_a_table_per_stage(report):
    markdown = report[1]
    assert "| cpu |" in markdown and "## Goals" in markdown
    for stage in STAGES:
        assert f"\n## {stage}\n" in markdown
