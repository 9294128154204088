"""`mandate validate` on ingested seed 003 lists exactly the tasks that miss a clarity."""

import json

import pytest

pytestmark = pytest.mark.corpus


@pytest.fixture
def findings(mandate, corpus_dir):
    document = corpus_dir / "003_ff64f192a8de5e6c.txt"
    assert mandate("ingest", str(document)).exit_code == 0
    result = mandate("validate", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["violations"] == 0
    by_rule: dict[str, set[str]] = {}
    for finding in report["findings"]:
        task = finding["focus"].rsplit("/task/", 1)[-1]
        by_rule.setdefault(finding["rule"], set()).add(task)
    return by_rule


def test_only_the_closing_duties_lack_a_time(findings):
    # Sections 1-3 and 4.2.1 state "Thời gian thực hiện"; the closing duties (IV) give none.
    assert findings["rõ thời gian"] == {f"iv.{n}" for n in range(1, 7)}


def test_no_task_lacks_a_lead(findings):
    # Every numbered task gets its lead from its section line or the per-number mapping.
    assert not any("cơ quan" in rule for rule in findings)


def test_measures_and_deliverables_are_missing_everywhere(findings):
    # The plan states no resources and no expected product for any of its 59 tasks.
    assert len(findings["rõ biện pháp, nguồn lực"]) == 59
    assert len(findings["rõ sản phẩm đạt được"]) == 59
    assert "ii.1.2/(1)" in findings["rõ sản phẩm đạt được"]
