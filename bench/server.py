"""Starting a real `mandate serve` on a free loopback port and waiting until it answers."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import httpx

__all__ = ["free_port", "serving"]


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _log_file(path: Path | None) -> Iterator[IO[bytes]]:
    if path is None:
        with tempfile.TemporaryFile() as log:
            yield log
    else:
        with path.open("w+b") as log:
            yield log


@contextmanager
def serving(
    store: Path,
    *,
    timeout: float = 60.0,
    env: Mapping[str, str] | None = None,
    log_path: Path | None = None,
) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    """Yield the `mandate serve` process over `store` and its base URL, once it answers.

    `env` adds to (or overrides) the server's environment, e.g. MANDATE_SPARQL_TIMEOUT;
    the server's output goes to `log_path` when given (kept), else to a temporary file.
    The server is stopped (terminate, then kill) on exit. Raises RuntimeError when it exits
    or does not answer `/openapi.json` within `timeout` seconds.
    """
    port = free_port()
    mandate = str(Path(sys.executable).with_name("mandate"))
    with _log_file(log_path) as log:
        process = subprocess.Popen(
            [mandate, "serve", "--store", str(store), "--port", str(port)],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, **env} if env else None,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                if process.poll() is not None:
                    log.seek(0)
                    raise RuntimeError("mandate serve exited: " + log.read().decode()[-1000:])
                try:
                    if httpx.get(f"{url}/openapi.json", timeout=5).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise RuntimeError(f"mandate serve did not answer within {timeout} s")
                time.sleep(0.2)
            yield process, url
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
