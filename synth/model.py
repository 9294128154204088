"""What a generated document is while it is being written: its paragraphs and its answer key."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Block", "Doc", "cut_task_text", "first_words", "indicator_key"]

_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")


@dataclass
class Block:
    """One paragraph (`rows` None) or one table (`rows` set) of a document."""

    text: str = ""
    bold: bool = False
    center: bool = False
    rows: list[list[str]] | None = None


@dataclass
class Doc:
    """A generated document: where it goes, its blocks, its answer key and its link key."""

    stem: str
    kind: str
    province: str
    commune: str | None
    document: dict[str, Any]
    blocks: list[Block] = field(default_factory=list)
    references: list[dict[str, Any]] = field(default_factory=list)
    indicators: list[dict[str, Any]] = field(default_factory=list)
    tasks: list[dict[str, Any]] = field(default_factory=list)
    programmes: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] | None = None
    notes: str = ""

    def para(self, text: str, *, bold: bool = False, center: bool = False) -> None:
        """Append one paragraph."""
        self.blocks.append(Block(text=text, bold=bold, center=center))

    def table(self, rows: list[list[str]]) -> None:
        """Append one table (first row is the header)."""
        self.blocks.append(Block(rows=rows))

    def cite(self, reference: dict[str, Any]) -> None:
        """Record a reference once (by number, else by name); the first mention wins."""
        key = reference["number"] or reference["name"]
        if all((r["number"] or r["name"]) != key for r in self.references):
            self.references.append(reference)

    def answer_key(self) -> dict[str, Any]:
        """Return the answer key in the gold schema of ../shared/gold/README.md."""
        return {
            "source": self.stem + (".docx" if self.document.get("_docx") else ".txt"),
            "document": {k: v for k, v in self.document.items() if not k.startswith("_")},
            "references": self.references,
            "indicators": self.indicators,
            "tasks": self.tasks,
            "programmes": self.programmes,
            "notes": self.notes,
        }


def indicator_key(
    ident: str, text: str, targets: list[dict[str, Any]], field: str | None
) -> dict[str, Any]:
    """Return an indicator's answer-key entry; the documents assign indicators no agency."""
    return {
        "id": ident,
        "text": text,
        "targets": targets,
        "lead": [],
        "coordinating": [],
        "field": field,
        "timing": None,
        "expected_result": None,
    }


def cut_task_text(text: str) -> str:
    """Return a task's key text: whole up to 400 characters, else the gold README's cut.

    The cut keeps an exact prefix of at most 400 characters ending at the last sentence end
    if that keeps 200 characters or more, else at the last ';', else at a word boundary.
    """
    if len(text) <= 400:
        return text
    prefix = text[:400]
    ends = [m.end() for m in _SENTENCE_END.finditer(prefix)]
    if ends and ends[-1] >= 200:
        return prefix[: ends[-1]]
    if ";" in prefix:
        return prefix[: prefix.rindex(";") + 1]
    return prefix[: prefix.rindex(" ")].rstrip() if " " in prefix else prefix


def first_words(text: str, count: int = 14) -> str:
    """Return the first `count` words of `text`, as the link keys quote tasks."""
    return " ".join(text.split()[:count])
