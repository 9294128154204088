"""Fixtures shared by the whole suite: the real corpus, CLI runners and a real SPARQL server."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from cli.main import cli

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = REPO_ROOT.parent / "shared"
SAMPLES = REPO_ROOT / "samples"
UNDER_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def _shared_folder(name: str) -> Path:
    folder = SHARED / name
    if not folder.is_dir() or not any(folder.iterdir()):
        message = f"the real {name} is missing: expected it in {folder}"
        if UNDER_CI:
            pytest.fail(message + " (required under CI)")
        pytest.skip(message)
    return folder


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The five real documents; a failure under CI when absent, a skip elsewhere."""
    return _shared_folder("corpus")


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    """The answer keys of the real documents."""
    return _shared_folder("gold")


class Mandate:
    """Runs `mandate` in process against one store directory."""

    def __init__(self, store: Path | str) -> None:
        self.store = str(store)
        self.runner = CliRunner()

    def __call__(self, *args: str, store: bool = True) -> Result:
        argv = list(args) + (["--store", self.store] if store else [])
        return self.runner.invoke(cli, argv, catch_exceptions=False)

    def stats(self) -> dict:
        result = self("stats", "--json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)


@pytest.fixture
def mandate(tmp_path: Path) -> Mandate:
    """The CLI bound to a fresh store directory."""
    return Mandate(tmp_path / "store")


def mandate_executable() -> str:
    """Return the path of the installed `mandate` console script."""
    candidate = Path(sys.executable).with_name("mandate")
    if candidate.exists():
        return str(candidate)
    found = shutil.which("mandate")
    if found is None:
        # Not pytest.fail: the long campaigns in scripts/ call this outside pytest.
        raise RuntimeError("the mandate console script is not installed (pip install -e .)")
    return found


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """A real `oxigraph serve` on loopback with an empty store; yields its base URL."""
    binary = Path(sys.executable).with_name("oxigraph")
    executable = str(binary) if binary.exists() else shutil.which("oxigraph")
    if executable is None:
        message = "the oxigraph server binary is missing (pip install oxigraph)"
        if UNDER_CI:
            pytest.fail(message)
        pytest.skip(message)
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    argv = [executable, "serve", "--location", str(tmp_path / "oxigraph-server")]
    with running_server([*argv, "--bind", f"127.0.0.1:{port}"], url, "/query?query=ASK%20%7B%7D"):
        yield url


@contextmanager
def running_server(
    argv: list[str],
    url: str,
    ready_path: str,
    *,
    env: dict[str, str] | None = None,
    log: Path | None = None,
    timeout: float = 60,
) -> Iterator[subprocess.Popen[bytes]]:
    """Start a real server process, wait until `url + ready_path` answers 200, stop it after.

    Its output goes to `log` when given (read back if it fails to start), else is kept in a
    pipe for the failure message.
    """
    output = log.open("wb") if log is not None else subprocess.PIPE
    process = subprocess.Popen(argv, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                if httpx.get(url + ready_path, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                said = log.read_text() if log is not None else process.communicate()[0].decode()
                pytest.fail(f"{argv[0]} {argv[1]} did not start on {url}: {said}")
            time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if log is not None:
            output.close()  # type: ignore[union-attr]


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory: pytest.TempPathFactory, corpus_dir: Path) -> Mandate:
    """The CLI bound to one store holding the whole corpus, shared by read-only tests."""
    mandate = Mandate(tmp_path_factory.mktemp("corpus") / "store")
    result = mandate("ingest", str(corpus_dir))
    assert result.exit_code == 0, result.output
    return mandate
