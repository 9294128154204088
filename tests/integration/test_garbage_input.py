"""Garbage given to the real `mandate` program: one line about the file, nothing stored.

`mandate ingest` reports each file on its own line on standard output and exits 1 when any
failed; `mandate extract` prints one `mandate: error:` line on standard error and exits 2.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, mandate_executable
from tests.unit.test_reader_pdf import write_plan

GOOD_SAMPLE = SAMPLES / "01-ke-hoach-ubnd-xa-hoa-thuan.txt"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("MANDATE_")}
    return subprocess.run(
        [mandate_executable(), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _random_docx(path: Path) -> None:
    path.write_bytes(random.Random(11).randbytes(64 * 1024))


def _truncated_pdf(path: Path) -> None:
    whole = write_plan(path.parent, "whole.pdf")
    data = whole.read_bytes()
    whole.unlink()
    path.write_bytes(data[: len(data) * 6 // 10])


def _fifty_megabytes(path: Path) -> None:
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _random_text(path: Path) -> None:
    path.write_bytes(random.Random(13).randbytes(64 * 1024))


GARBAGE: list[tuple[str, Callable[[Path], None], str]] = [
    ("x.docx", _random_docx, "not a readable DOCX file"),
    ("cut-short.pdf", _truncated_pdf, "not a readable PDF file"),
    ("huge.txt", _fifty_megabytes, "file is 50.0 MB, over the 20 MB limit"),
    ("empty.txt", _empty, "empty file"),
    ("noise.txt", _random_text, "binary data"),
]


def _stored(store: Path, cwd: Path) -> dict[str, object] | None:
    """Return the store's statistics, or None when ingest never created the store."""
    if not store.exists():
        return None
    stats = _run("stats", "--json", "--store", str(store), cwd=cwd)
    assert stats.returncode == 0, stats.stderr
    return json.loads(stats.stdout)


@pytest.fixture(params=GARBAGE, ids=[name for name, _make, _problem in GARBAGE])
def garbage(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Path, str]:
    name, make, problem = request.param
    path = tmp_path / "input" / name
    path.parent.mkdir()
    make(path)
    return path, problem


def test_ingest_reports_the_file_in_one_line_and_stores_nothing(
    garbage: tuple[Path, str], tmp_path: Path
) -> None:
    path, problem = garbage
    store = tmp_path / "store"
    result = _run("ingest", "--store", str(store), str(path), cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 2, result.stdout
    assert lines[0].startswith(f"error  {path}: {problem}")
    assert lines[1] == "0 ingested, 1 failed"
    stats = _stored(store, tmp_path)
    assert stats is None or (stats["documents"], stats["graphs"]) == (0, 0)


def test_extract_gives_one_error_line_and_no_traceback(
    garbage: tuple[Path, str], tmp_path: Path
) -> None:
    path, problem = garbage
    result = _run("extract", str(path), cwd=tmp_path)
    assert result.returncode == 2, result
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"mandate: error: {path}: {problem}")
    assert not (tmp_path / ".mandate").exists()


def test_a_good_document_beside_garbage_is_ingested_and_the_garbage_reported(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "x.docx"
    _random_docx(bad)
    store = tmp_path / "store"
    result = _run("ingest", "--store", str(store), str(GOOD_SAMPLE), str(bad), cwd=tmp_path)
    assert result.returncode == 1, result
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 4, result.stdout
    assert lines[0].startswith(f"ok     {GOOD_SAMPLE} -> ")
    assert lines[1].startswith(f"error  {bad}: not a readable DOCX file")
    assert lines[2].startswith("links rebuilt: ")
    assert lines[3] == "1 ingested, 1 failed"
    stats = _stored(store, tmp_path)
    assert stats is not None and stats["documents"] == 1
