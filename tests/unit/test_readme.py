"""The README documents the commands and settings the program really has."""

from __future__ import annotations

from pathlib import Path

from config import SETTINGS

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"`{setting.env}`" in readme, setting.env
        assert f"`{setting.default}`" in readme, setting.env


def test_ci_runs_exactly_the_readme_test_command() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    command = ci[-1].strip()
    assert command == "bash scripts/test.sh"
    assert command in readme
