"""Running a command while sampling the memory of its whole process tree."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil

__all__ = ["Measured", "TreeSampler", "run_measured", "tree_rss_mb"]

# Reading a process's proportional size walks its page tables: at 3 GB, sampled four times a
# second, that took a fifth of a core from the stage being measured. Sampling starts every
# 50 ms, so short commands are seen, and slows down to once a second, which still finds
# the peak of stages whose memory ramps over minutes.
FIRST_SAMPLE_SECONDS = 0.05
SAMPLE_SECONDS = 1.0
_SLOWER = 1.5


def _next_interval(interval: float, ceiling: float) -> float:
    return min(interval * _SLOWER, ceiling)


_MB = 1024 * 1024


def tree_rss_mb(pid: int) -> float:
    """Return the summed memory (MB) of process `pid` and all its descendants.

    Each process counts its proportional set size where the system reports it (pages a
    forked worker shares with its parent are split between them, not counted twice), else
    its resident size. Processes that end while being read count as 0; a gone `pid` gives 0.
    """
    try:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0.0
    total = 0
    for process in processes:
        try:
            total += _own_memory(process)
        except psutil.Error:
            continue
    return total / _MB


def _own_memory(process: psutil.Process) -> int:
    try:
        return int(process.memory_full_info().pss)
    except (AttributeError, psutil.AccessDenied):
        return int(process.memory_info().rss)


class TreeSampler:
    """Samples a process tree's resident memory in a thread; `peak_mb` is the largest sum."""

    def __init__(self, pid: int, *, interval: float = SAMPLE_SECONDS) -> None:
        self.pid = pid
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        wait = min(FIRST_SAMPLE_SECONDS, self.interval)
        while not self._stop.is_set():
            self.peak_mb = max(self.peak_mb, tree_rss_mb(self.pid))
            self._stop.wait(wait)
            wait = _next_interval(wait, self.interval)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


@dataclass(frozen=True)
class Measured:
    """What one measured command did: exit code, wall time, peak memory, and its output."""

    returncode: int
    wall_seconds: float
    peak_tree_mb: float
    maxrss_mb: float
    stdout: str
    stderr: str

    def check(self, what: str) -> Measured:
        """Return self when the command succeeded; raise RuntimeError with its stderr if not."""
        if self.returncode != 0:
            tail = (self.stderr or self.stdout).strip().splitlines()[-15:]
            raise RuntimeError(f"{what} exited with {self.returncode}:\n" + "\n".join(tail))
        return self


def run_measured(
    argv: Sequence[str],
    *,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    timeout: float | None = None,
    interval: float = SAMPLE_SECONDS,
) -> Measured:
    """Run `argv` to completion and return its Measured exit code, time and memory.

    The tree's memory is summed every 50 ms at first, slowing to every `interval` seconds
    (peak kept); `maxrss_mb` is the kernel's ru_maxrss of the child (and the descendants it
    waited for), from wait4.
    Raises TimeoutError (after killing the child) when it runs longer than `timeout`.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(argv), cwd=cwd, env=dict(env) if env is not None else None, stdout=out, stderr=err
        )
        peak = 0.0
        wait = min(FIRST_SAMPLE_SECONDS, interval)
        while True:
            # wait4 rather than poll(): only wait4 hands back the child's rusage.
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, tree_rss_mb(process.pid))
            if timeout is not None and time.perf_counter() - started > timeout:
                process.kill()
                process.wait()
                raise TimeoutError(f"{' '.join(argv[:3])} ran longer than {timeout} s")
            time.sleep(wait)
            wait = _next_interval(wait, interval)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            returncode=process.returncode,
            wall_seconds=wall,
            peak_tree_mb=peak,
            maxrss_mb=usage.ru_maxrss / 1024,
            stdout=out.read().decode("utf-8", "replace"),
            stderr=err.read().decode("utf-8", "replace"),
        )
