from bench.goals import check_goals
from bench.markdown import format_number, metric_row, table
from bench.report import render_markdown
from bench.results import Metric, StageResult


def test_numbers_are_written_with_about_three_figures():
    assert format_number(1234.5678) == "1235"
    assert format_number(12.345) == "12.3"
    assert format_number(1.2345) == "1.23"
    assert format_number(0.0012345) == "0.00123"
    assert format_number(0.0) == "0"
    assert format_number(7) == "7"
    assert format_number(True) == "yes"
    assert format_number(None) == "–"


def test_table_escapes_pipes_and_has_a_separator_row():
    text = table(["a", "b"], [["x|y", "2"]])
    assert text.splitlines() == ["| a | b |", "|---|---|", "| x\\|y | 2 |"]


def test_metric_row_of_a_distribution_and_of_a_value():
    latency = Metric.of("lineage", "ms", [1.0, 2.0, 3.0, 4.0], distribution=True)
    row = metric_row(latency)
    assert row[:4] == ["lineage", "ms", "2.50", "1.00–4.00"]
    assert row[4] == "2.50"
    value = metric_row(Metric("documents", "documents", value=5))
    assert value[:3] == ["documents", "documents", "5"] and value[3] == ""


def test_single_run_shows_no_range():
    assert metric_row(Metric.of("wall time", "s", [2.0]))[3] == ""


def _stages(lineage_ms: float, ratio: float) -> dict[str, StageResult]:
    queries = StageResult("queries")
    queries.add(Metric.of("lineage", "ms", [lineage_ms], distribution=True))
    threeway = StageResult("threeway")
    threeway.add(Metric("lineage: rdflib/oxigraph", "×", value=ratio))
    return {"queries": queries, "threeway": threeway}


def test_goals_met_missed_and_not_measured():
    checks = {c.goal: c for c in check_goals("province", _stages(0.5, 3.0))}
    assert checks["lineage p50 < 1 ms"].met is True
    assert checks["search p50 < 20 ms"].met is None
    assert checks["national ingest < 10 min"].met is None
    assert checks["embedded store faster than rdflib on every query"].met is True
    missed = {c.goal: c for c in check_goals("province", _stages(5.0, 0.5))}
    assert missed["lineage p50 < 1 ms"].met is False
    assert missed["embedded store faster than rdflib on every query"].met is False


def test_markdown_has_machine_goals_and_one_table_per_stage():
    stages = _stages(0.5, 3.0)
    stages["api"] = StageResult("api", error="RuntimeError: no server")
    text = render_markdown(
        "tiny",
        {"cpu": "Test CPU", "cores": 2},
        stages,
        check_goals("tiny", stages),
        runs=3,
        command="python -m bench",
    )
    assert text.startswith("# Benchmark: tiny scale")
    assert "| cpu | Test CPU |" in text
    assert "| goal | measured | met? |" in text
    assert text.count("| metric | unit | median | min–max |") == 2
    assert "## api" in text and "**FAILED**: RuntimeError: no server" in text
