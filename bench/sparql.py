"""The harness's own SPARQL text, kept beside this module as `.rq` files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from queries.sparql import prefix_block

__all__ = ["bench_query"]

_DIR = Path(__file__).resolve().parent


@cache
def bench_query(name: str) -> str:
    """Return the text of `bench/<name>.rq` with the vocabulary's prefixes prepended."""
    return prefix_block() + "\n" + (_DIR / f"{name}.rq").read_text(encoding="utf-8")
