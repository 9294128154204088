"""Loading the SPARQL text of queries kept beside this module as `.rq` files."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ontology.vocabulary import PREFIXES

__all__ = ["load_query", "prefix_block"]

_QUERY_DIR = Path(__file__).resolve().parent


def prefix_block() -> str:
    """Return the PREFIX declarations of the project's vocabulary, one per line."""
    return "\n".join(f"PREFIX {prefix}: <{namespace}>" for prefix, namespace in PREFIXES.items())


@cache
def load_query(name: str) -> str:
    """Return the text of `queries/<name>.rq` with the vocabulary's prefixes prepended.

    Values are never spliced into this text: callers bind variables as parameters.
    """
    path = _QUERY_DIR / f"{name}.rq"
    return prefix_block() + "\n" + path.read_text(encoding="utf-8")
