"""`mandate audit` on the real commune plans: what it reports, and that false alarms stay rare.

The corpus holds three commune plans (001 An Giang, 003 Thái Nguyên, 004 Hải Phòng) and two
An Giang provincial documents (000, 002). None of the commune plans copies the provincial
texts; only 001 gives its hamlet heads work (section V.6); only 001 has provincial documents
of its own province in the store.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.audit_command import audit
from config import load_settings
from queries.lookup import resolve_document
from store import open_store
from tests.conftest import Mandate

VINH_PHONG = "001_305fbde6a937b113.txt"
CAO_MINH = "003_ff64f192a8de5e6c.txt"
TAN_MINH = "004_70de0bcee717c51e.txt"
PROVINCIAL = "002_b6ddfe5c33c6f6c2.txt"
AUDIT_DAY = "2026-11-23"


def findings(store: Mandate, path: Path) -> dict[str, list[dict[str, str]]]:
    result = CliRunner().invoke(
        audit, [str(path), "--json", "--date", AUDIT_DAY, "--store", store.store]
    )
    assert result.exit_code in (0, 1), result.output
    grouped: dict[str, list[dict[str, str]]] = {}
    for finding in json.loads(result.stdout)["findings"]:
        grouped.setdefault(finding["rule"], []).append(finding)
    return grouped


@pytest.mark.parametrize("plan", [VINH_PHONG, CAO_MINH, TAN_MINH])
def test_no_commune_plan_copies_the_provincial_texts(
    corpus_store: Mandate, corpus_dir: Path, plan: str
):
    assert findings(corpus_store, corpus_dir / plan).get("mechanical_copy", []) == []


def test_only_the_hamlet_heads_duties_of_vinh_phong_are_handed_down(
    corpus_store: Mandate, corpus_dir: Path
):
    handed = findings(corpus_store, corpus_dir / VINH_PHONG)["hamlet_handdown"]
    assert handed and all("/task/v.6/" in finding["node"] for finding in handed)
    for plan in (CAO_MINH, TAN_MINH):
        assert findings(corpus_store, corpus_dir / plan).get("hamlet_handdown", []) == []


def test_indicators_are_collected_only_from_the_plans_own_province(
    corpus_store: Mandate, corpus_dir: Path
):
    with open_store(corpus_store.store, base_iri=load_settings().base_iri, read_only=True) as store:
        provincial = str(resolve_document(store, str(corpus_dir / PROVINCIAL)))
    missing = findings(corpus_store, corpus_dir / VINH_PHONG)["indicator_collection"]
    assert missing
    assert all(finding["node"].startswith(provincial + "/indicator/") for finding in missing)
    assert all("xã" in finding["detail"] for finding in missing)
    for plan in (CAO_MINH, TAN_MINH):
        assert findings(corpus_store, corpus_dir / plan).get("indicator_collection", []) == []


def test_cao_minh_first_quarter_tasks_are_overdue(corpus_store: Mandate, corpus_dir: Path):
    deadlines = findings(corpus_store, corpus_dir / CAO_MINH)["deadline"]
    overdue = [finding for finding in deadlines if "passed" in finding["detail"]]
    assert overdue
    assert all("quý I/2026" in finding["detail"] for finding in overdue)
    # "Trong năm 2026" is not over on the audit day.
    assert not any("2026-12-31" in finding["detail"] for finding in deadlines)


def test_every_task_missing_a_clarity_is_reported_once(corpus_store: Mandate, corpus_dir: Path):
    for plan in (VINH_PHONG, CAO_MINH, TAN_MINH):
        clarities = findings(corpus_store, corpus_dir / plan)["six_clarities"]
        nodes = [finding["node"] for finding in clarities]
        assert nodes and len(nodes) == len(set(nodes))
        assert all(finding["detail"].startswith("missing ") for finding in clarities)
