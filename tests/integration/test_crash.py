"""Killing an ingest with SIGKILL while it writes leaves the store whole: before or after."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from tests.conftest import SAMPLES, mandate_executable
from tests.hardening.crash_support import KillableRun, store_env, store_parts


def _run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [mandate_executable(), *args], env=env, capture_output=True, text=True, timeout=300
    )


def _big_document(path: Path) -> None:
    """A plan of about 15 MB: long enough that writing it takes a noticeable time."""
    bullet = (
        "- Xây dựng vùng sản xuất lúa chất lượng cao gắn với liên kết tiêu thụ, ứng dụng "
        "chuyển đổi số trong quản lý đất đai, môi trường và nông thôn mới.\n"
    )
    header = "ỦY BAN NHÂN DÂN\nXÃ THỬ NGHIỆM\n\nSố: 99/KH-UBND\n\nKẾ HOẠCH\nKiểm tra độ bền\n\n"
    path.write_text(header + bullet * (15_000_000 // len(bullet.encode())), encoding="utf-8")


def test_sigkill_while_writing_a_document_leaves_the_store_as_before(tmp_path: Path) -> None:
    store = tmp_path / "store"
    env = {**store_env(store), "MANDATE_MAX_FILE_MB": "100"}
    assert _run("ingest", str(SAMPLES), env=env).returncode == 0
    before = _run("stats", "--json", env=env).stdout
    assert json.loads(before)["documents"] == 3
    quads_before = store_parts(store).whole_digest

    big = tmp_path / "big.txt"
    _big_document(big)
    process = KillableRun([mandate_executable(), "ingest", "--verbose", str(big)], env)
    killed, _seen = process.kill_on("writing:")
    assert killed, "the ingest finished before it could be killed"

    killed = _run("stats", "--json", env=env).stdout
    if store_parts(store).whole_digest != quads_before:
        # On a loaded machine the kill can land after the document's transaction committed
        # (while the links and search are rebuilt): then the whole document is there, never
        # a part of it.
        assert json.loads(killed)["documents"] == 4, killed
    validate = _run("validate", env=env)
    assert validate.returncode == 0, validate.stdout + validate.stderr

    again = _run("ingest", str(big), env=env)
    assert again.returncode == 0, again.stdout + again.stderr
    assert json.loads(_run("stats", "--json", env=env).stdout)["documents"] == 4
