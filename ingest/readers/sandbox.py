"""Run a reader in a forked child with a wall-clock deadline and a memory ceiling.

DOCX and PDF libraries parse attacker-shaped structures (ZIP directories, XML, PDF object
graphs) and cannot be interrupted from Python, so a hostile file could otherwise hang or
exhaust the whole ingest. The child inherits the already imported libraries (a fork costs a
few milliseconds), caps its own address space with `RLIMIT_AS`, reads the file and sends the
blocks back through a pipe; the parent kills it at the deadline. Either limit exceeded comes
back as an IngestError naming the file.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import resource
import select
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest.errors import IngestError

__all__ = ["DEFAULT_LIMITS", "ReadLimits", "ReaderCrashed", "read_limited"]

_MIB = 1024 * 1024
_CHUNK = 1 << 20
# Status a child uses when even reporting its failure failed; no reader exits this way.
_REPLY_FAILED = 70
# The reply is length-prefixed: a sibling child forked meanwhile by another thread holds a
# copy of the pipe's write end, so the end of the reply cannot be told by end-of-file.
_LENGTH_BYTES = 8


@dataclass(frozen=True)
class ReadLimits:
    """How long (wall clock) and how much more memory one file's reading may take."""

    seconds: float = 60.0
    megabytes: int = 1024


DEFAULT_LIMITS = ReadLimits()
"""One minute and 1 GiB: far above any real policy document (well under a second and
100 MB), low enough that a hostile file cannot stall a batch or starve the machine."""


class ReaderCrashed(RuntimeError):
    """The reader failed with an unexpected error (a bug, not a bad file).

    `child_traceback` holds the traceback printed in the child process.
    """

    def __init__(self, path: str | Path, message: str, child_traceback: str) -> None:
        super().__init__(f"{path}: {message}")
        self.child_traceback = child_traceback


Reader = Callable[[Path, bytes], Any]


def _caused_by_memory(error: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, MemoryError):
            return True
        # libxml2 reports its own failed allocations as parse errors.
        if "memory allocation failed" in str(current).lower():
            return True
        current = current.__cause__ or current.__context__
    return False


def _address_space() -> int:
    """Return this process's current virtual size in bytes (0 when unknown)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(megabytes: int) -> None:
    # The child starts with its parent's mappings (libraries, an open store's reserved
    # areas), so the ceiling is what it already has plus the allowance.
    ceiling = _address_space() + megabytes * _MIB
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _reply(reader: Reader, path: Path, data: bytes, megabytes: int) -> tuple[Any, ...]:
    try:
        _limit_memory(megabytes)
        return ("ok", reader(path, data))
    except IngestError as error:
        if _caused_by_memory(error):
            return ("memory",)
        return ("refused", error.problem)
    except BaseException as error:
        if _caused_by_memory(error):
            return ("memory",)
        message = f"{type(error).__name__}: {error}"
        return ("crash", message[:2000], traceback.format_exc()[-20000:])


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view[:_CHUNK])
        view = view[written:]


def _child(reader: Reader, path: Path, data: bytes, megabytes: int, fd: int) -> None:
    # Leave the inherited objects out of garbage collection: scanning them would touch, and
    # so copy, every page shared with the parent.
    gc.freeze()
    status = 0
    try:
        reply = _reply(reader, path, data, megabytes)
        try:
            payload = pickle.dumps(reply, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            payload = pickle.dumps(("memory",))
        _write_all(fd, len(payload).to_bytes(_LENGTH_BYTES, "big") + payload)
    except BaseException:
        status = _REPLY_FAILED
    finally:
        # Never return into the parent's code, run its exit handlers or flush its buffers.
        os._exit(status)


def _kill(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


def _collect(fd: int, seconds: float) -> bytes | None:
    """Return the child's reply (b"" when it ended without one), or None past the deadline."""
    deadline = time.monotonic() + seconds
    poller = select.poll()
    poller.register(fd, select.POLLIN | select.POLLHUP | select.POLLERR)
    received = bytearray()
    expected: int | None = None
    while expected is None or len(received) < expected:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        if not poller.poll(remaining * 1000):
            continue
        chunk = os.read(fd, _CHUNK)
        if not chunk:
            return b""
        received += chunk
        if expected is None and len(received) >= _LENGTH_BYTES:
            expected = _LENGTH_BYTES + int.from_bytes(received[:_LENGTH_BYTES], "big")
    return bytes(received[_LENGTH_BYTES:expected])


def _died(path: Path, status: int, limits: ReadLimits) -> IngestError:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = f"signal {number}"
        how = f"was stopped by {name}"
    else:
        how = f"stopped with exit status {os.WEXITSTATUS(status)}"
    return IngestError(
        path,
        f"the reader {how} before answering; the file may have needed more than "
        f"{limits.megabytes} MB to read",
    )


def read_limited(
    reader: Reader, path: Path, data: bytes, *, limits: ReadLimits = DEFAULT_LIMITS
) -> Any:
    """Return `reader(path, data)` computed in a child process held to `limits`.

    Raises IngestError as the reader does, and also when the reading took longer than
    `limits.seconds` ("took longer than N s") or needed more than `limits.megabytes` of
    memory ("needed more than N MB"); raises ReaderCrashed when the reader failed with any
    other error. Where processes cannot be forked, the reader runs in this process unlimited.

    >>> read_limited(lambda path, data: data.decode(), Path("a.txt"), b"xin chao")
    'xin chao'
    """
    if not hasattr(os, "fork"):
        return reader(path, data)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:
        os.close(read_end)
        _child(reader, path, data, limits.megabytes, write_end)
    os.close(write_end)
    try:
        payload = _collect(read_end, limits.seconds)
    finally:
        os.close(read_end)
    if payload is None:
        _kill(pid)
        raise IngestError(
            path,
            f"reading took longer than {limits.seconds:g} s and was stopped; the file is too "
            "large or too complex to read (split it, or save it again)",
        )
    _pid, status = os.waitpid(pid, 0)
    try:
        reply = pickle.loads(payload) if payload else None
    except Exception:
        reply = None
    if not isinstance(reply, tuple) or not reply:
        raise _died(path, status, limits)
    kind = reply[0]
    if kind == "ok":
        return reply[1]
    if kind == "refused":
        raise IngestError(path, reply[1])
    if kind == "memory":
        raise IngestError(
            path,
            f"reading needed more than {limits.megabytes} MB of memory and was stopped; the "
            "file is too large or too complex to read (split it, or save it again)",
        )
    raise ReaderCrashed(path, reply[1], reply[2])
