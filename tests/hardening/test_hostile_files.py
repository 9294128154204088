"""Hostile files given to the real `mandate ingest`: each refused or read harmlessly, quickly.

All the files of `hostile_files.HOSTILE` go through one `mandate ingest -v --workers 1` run, so
each file's time is the gap between its `reading:` line and the next one. Every file must be
named on its own result line (refused with the expected problem, or ingested), none may take
30 s, nothing may print a traceback, and the local file some of them point at must not reach
the store.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import mandate_executable
from tests.hardening.hostile_files import HOSTILE, SENTINEL, write_secret

PER_FILE_SECONDS = 30.0


def _env(store: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if not name.startswith("MANDATE_")}
    env["MANDATE_STORE"] = str(store)
    return env


def _timed_ingest(paths: list[Path], store: Path, cwd: Path) -> tuple[int, str, dict[str, float]]:
    """Run `mandate ingest -v --workers 1`; return its status, stdout and each file's seconds."""
    process = subprocess.Popen(
        [mandate_executable(), "ingest", "-v", "--workers", "1", *map(str, paths)],
        cwd=cwd,
        env=_env(store),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stdout: list[str] = []
    reader = threading.Thread(target=lambda: stdout.append(process.stdout.read()))
    reader.start()
    starts: list[tuple[str, float]] = []
    others: list[str] = []
    for line in process.stderr:  # type: ignore[union-attr]
        if line.startswith("reading: "):
            starts.append((line.removeprefix("reading: ").rstrip("\n"), time.monotonic()))
        elif not line.startswith(("writing: ", "done: ")):
            others.append(line)
    status = process.wait(timeout=PER_FILE_SECONDS * len(paths))
    ends = [moment for _name, moment in starts[1:]] + [time.monotonic()]
    reader.join()
    assert others == [], "".join(others)
    seconds = {name: end - start for (name, start), end in zip(starts, ends, strict=True)}
    return status, "".join(stdout), seconds


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "input"
    folder.mkdir()
    secret = write_secret(root)
    paths = []
    for hostile in HOSTILE:
        path = folder / hostile.name
        hostile.write(path, secret)
        paths.append(path)
    store = root / "store"
    status, stdout, seconds = _timed_ingest(paths, store, root)
    export = subprocess.run(
        [mandate_executable(), "export", "--format", "nquads"],
        cwd=root,
        env=_env(store),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert export.returncode == 0, export.stderr
    return {
        "status": status,
        "lines": stdout.splitlines(),
        "seconds": seconds,
        "export": export.stdout,
        "store": store,
    }


def test_hostile_files_are_at_least_thirty() -> None:
    assert len(HOSTILE) >= 30
    assert len({hostile.name for hostile in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize("hostile", HOSTILE, ids=[hostile.name for hostile in HOSTILE])
def test_each_hostile_file_is_refused_or_read_in_one_line(hostile_run, hostile) -> None:
    lines = [line for line in hostile_run["lines"] if f"/input/{hostile.name}" in line]
    assert len(lines) == 1, hostile_run["lines"]
    line = lines[0]
    if hostile.outcome == "refused":
        assert line.startswith("error  "), line
        path_and_problem = line.removeprefix("error  ")
        assert path_and_problem.split(": ", 1)[0].endswith(f"/input/{hostile.name}"), line
        assert hostile.problem in path_and_problem, line
    elif hostile.outcome == "read":
        assert line.startswith("ok     "), line
    else:
        assert line.startswith(("ok     ", "error  ")), line
    assert "Traceback" not in line and "internal error" not in line, line


@pytest.mark.parametrize("hostile", HOSTILE, ids=[hostile.name for hostile in HOSTILE])
def test_each_hostile_file_takes_under_thirty_seconds(hostile_run, hostile) -> None:
    (seconds,) = [
        spent for name, spent in hostile_run["seconds"].items() if name.endswith(hostile.name)
    ]
    assert seconds < PER_FILE_SECONDS, f"{hostile.name} took {seconds:.1f} s"


def test_the_batch_reports_every_file_and_fails(hostile_run) -> None:
    assert hostile_run["status"] == 1
    refused = sum(1 for hostile in HOSTILE if hostile.outcome == "refused")
    summary = hostile_run["lines"][-1]
    ingested, failed = (int(part.split()[0]) for part in summary.split(", "))
    assert ingested + failed == len(HOSTILE)
    assert failed >= refused


def test_no_local_file_content_reaches_the_store(hostile_run) -> None:
    assert SENTINEL not in hostile_run["export"]
    assert hostile_run["export"].strip(), "the harmless files should have been stored"
    needle = SENTINEL.encode()
    for path in Path(hostile_run["store"]).rglob("*"):
        if path.is_file():
            assert needle not in path.read_bytes(), f"the secret leaked into {path}"


def _sleeps(_path: Path, _data: bytes) -> list[str]:
    time.sleep(30)
    return ["never"]


def _hoards(_path: Path, _data: bytes) -> list[str]:
    hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]
    return [str(len(hoard))]


def test_a_reader_past_its_deadline_is_stopped_and_the_file_named(tmp_path: Path) -> None:
    from ingest.errors import IngestError
    from ingest.readers import ReadLimits
    from ingest.readers.sandbox import read_limited

    path = tmp_path / "cham.pdf"
    started = time.monotonic()
    with pytest.raises(IngestError) as caught:
        read_limited(_sleeps, path, b"", limits=ReadLimits(seconds=1, megabytes=256))
    assert time.monotonic() - started < 10
    assert str(caught.value).startswith(f"{path}: reading took longer than 1 s")


def test_a_reader_over_its_memory_ceiling_is_stopped_and_the_file_named(tmp_path: Path) -> None:
    from ingest.errors import IngestError
    from ingest.readers import ReadLimits
    from ingest.readers.sandbox import read_limited

    path = tmp_path / "nang.docx"
    with pytest.raises(IngestError) as caught:
        read_limited(_hoards, path, b"", limits=ReadLimits(seconds=30, megabytes=256))
    assert str(caught.value).startswith(f"{path}: reading needed more than 256 MB")
