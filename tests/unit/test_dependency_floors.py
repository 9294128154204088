"""The dependencies that parse untrusted input require the releases that fixed their DoS bugs."""

from __future__ import annotations

import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"

# Package → the first release with the last denial-of-service (or entity) fix we rely on.
FLOORS = {
    "python-multipart": "0.0.31",  # uploads: part headers, preamble, negative Content-Length
    "lxml": "6.1.0",  # DOCX XML: external entities no longer resolved by default
    "pdfminer.six": "20251107",  # PDF: CMap files beside a PDF no longer unpickled
}


def _requirements() -> dict[str, Requirement]:
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    return {Requirement(text).name.lower(): Requirement(text) for text in declared}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_pyproject_refuses_releases_before_the_fix(name: str) -> None:
    requirement = _requirements().get(name)
    assert requirement is not None, f"{name} is not a declared dependency"
    lowest = [Version(spec.version) for spec in requirement.specifier if spec.operator == ">="]
    assert lowest and max(lowest) >= Version(FLOORS[name]), f"{requirement} admits older releases"
    assert Version(FLOORS[name]) in requirement.specifier


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_installed_release_has_the_fix(name: str) -> None:
    assert Version(metadata.version(name)) >= Version(FLOORS[name])


def test_pdf_reading_does_not_depend_on_pypdf() -> None:
    # pypdf's many DoS fixes would need a floor here; the PDF reader uses pdfplumber instead.
    assert "pypdf" not in _requirements()
