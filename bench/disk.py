"""Sizes on disk."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["directory_mb"]


def directory_mb(folder: Path) -> float:
    """Return the total size in MB of the files under `folder` (0 when it does not exist)."""
    total = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                continue
    return total / 1e6
