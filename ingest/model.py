"""What extraction produces: plain data, independent of RDF and of any store.

Field names follow the answer-key schema (`../shared/gold/README.md`) so `mandate extract`
prints an `Extraction` as it is; spans add where each item was read from.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "DocumentInfo",
    "Extraction",
    "Indicator",
    "Programme",
    "Reference",
    "SourceText",
    "Span",
    "Table",
    "TableCell",
    "Target",
    "Task",
    "truncate_task_text",
]


@dataclass(frozen=True)
class Span:
    """Character offsets [start, end) into the normalised text of the source."""

    start: int
    end: int


@dataclass(frozen=True)
class TableCell:
    """One cell of a table, as text with its place in the source text."""

    text: str
    span: Span


@dataclass(frozen=True)
class Table:
    """A table read as rows of cells (DOCX and PDF tables, or one rebuilt from flat text)."""

    rows: tuple[tuple[TableCell, ...], ...]
    span: Span


@dataclass(frozen=True)
class SourceText:
    """A source file read and normalised: the text every extractor works on.

    `tables` holds the tables the reader found; each table also appears in `text` (one line
    per row, cells separated by " | ") at the offsets its cells' spans give.
    """

    path: str
    text: str
    media_type: str
    content_hash: str
    tables: tuple[Table, ...] = ()


@dataclass
class DocumentInfo:
    """The document's own metadata, as the answer keys record it."""

    kind: str | None = None
    issuer: str | None = None
    level: str | None = None
    locality: str | None = None
    province: str | None = None
    number: str | None = None
    date: str | None = None
    term: str | None = None
    title: str | None = None


@dataclass
class Reference:
    """A mention of another document and whether this one implements or merely cites it."""

    number: str | None
    name: str
    issuer: str | None
    date: str | None
    relation: str
    span: Span | None = None


@dataclass
class Target:
    """One quantified level of an indicator."""

    value: float
    value_max: float | None
    unit: str | None
    comparator: str
    year: int | None


@dataclass
class Indicator:
    """A measurable objective with its targets and responsible bodies."""

    id: str
    text: str
    targets: list[Target] = dataclasses.field(default_factory=list)
    lead: list[str] = dataclasses.field(default_factory=list)
    coordinating: list[str] = dataclasses.field(default_factory=list)
    field: str | None = None
    timing: str | None = None
    expected_result: str | None = None
    span: Span | None = None


@dataclass
class Task:
    """An obligation the document assigns."""

    id: str
    section: str | None
    text: str
    lead: list[str] = dataclasses.field(default_factory=list)
    coordinating: list[str] = dataclasses.field(default_factory=list)
    timing: str | None = None
    expected_result: str | None = None
    field: str | None = None
    measures: list[str] = dataclasses.field(default_factory=list)
    resources: list[str] = dataclasses.field(default_factory=list)
    span: Span | None = None


@dataclass
class Programme:
    """A provincial programme from a list of programmes (the guidance letter's appendix)."""

    id: str
    title: str
    kind: str | None = None
    field: str | None = None
    applies_to: list[str] = dataclasses.field(default_factory=list)
    span: Span | None = None
    # The heading of the list, which says what its programmes concretise.
    list_heading: str | None = None


_TEXT_LIMIT = 400


def truncate_task_text(text: str) -> str:
    """Return `text` cut to at most 400 characters the way the answer keys cut task texts.

    The cut ends at the last sentence end if that keeps 200 characters or more, otherwise at
    the last ";", otherwise at the last word boundary.
    """
    if len(text) <= _TEXT_LIMIT:
        return text
    prefix = text[:_TEXT_LIMIT]
    sentence_ends = [m.end() for m in re.finditer(r"[.!?…](?=\s)", text[: _TEXT_LIMIT + 1])]
    sentence_ends = [end for end in sentence_ends if end <= _TEXT_LIMIT]
    if sentence_ends and sentence_ends[-1] >= 200:
        return text[: sentence_ends[-1]]
    if ";" in prefix:
        return prefix[: prefix.rindex(";") + 1]
    if text[_TEXT_LIMIT : _TEXT_LIMIT + 1] in (" ", ""):
        return prefix.rstrip()
    return prefix[: prefix.rindex(" ")] if " " in prefix else prefix


@dataclass
class Extraction:
    """Everything read from one source document."""

    source: SourceText
    document: DocumentInfo = dataclasses.field(default_factory=DocumentInfo)
    references: list[Reference] = dataclasses.field(default_factory=list)
    indicators: list[Indicator] = dataclasses.field(default_factory=list)
    tasks: list[Task] = dataclasses.field(default_factory=list)
    programmes: list[Programme] = dataclasses.field(default_factory=list)

    def to_answer_key(self) -> dict[str, Any]:
        """Return the extraction as one JSON-ready object in the answer-key schema."""

        def strip(item: object) -> dict[str, Any]:
            data = asdict(item)  # type: ignore[call-overload]
            data.pop("span", None)
            data.pop("measures", None)
            data.pop("resources", None)
            data.pop("list_heading", None)
            return data

        def task(item: Task) -> dict[str, Any]:
            data = strip(item)
            data["text"] = truncate_task_text(item.text)
            return data

        return {
            "source": self.source.path.rsplit("/", 1)[-1],
            "document": asdict(self.document),
            "references": [strip(item) for item in self.references],
            "indicators": [strip(item) for item in self.indicators],
            "tasks": [task(item) for item in self.tasks],
            "programmes": [strip(item) for item in self.programmes],
            "notes": None,
        }
