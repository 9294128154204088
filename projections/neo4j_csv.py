"""CSV files for `neo4j-admin database import full`, written from a property graph.

One node file per label set and one relationship file per type. Node IDs live in one ID
space (`Node`) and are kept as the `iri` property; a property has one type per file (int,
long, float, boolean, string or string[]), picked from the values it has there and coerced.
"""

from __future__ import annotations

import csv
import re
import shlex
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from projections.property_graph import PGRelationship, PropertyGraph

__all__ = [
    "ID_SPACE",
    "IMPORT_SCRIPT",
    "InvalidCsvName",
    "column_types",
    "import_command",
    "write_neo4j_csv",
]

ID_SPACE = "Node"
IMPORT_SCRIPT = "import.sh"
# Tried in order: neo4j-admin has no escape for the array delimiter inside an element.
_ARRAY_DELIMITERS = (";", "|", "\x1f")
_PROPERTY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_FILE_PART = re.compile(r"[^A-Za-z0-9_]+")

Value = str | int | float | bool | list[str]


class InvalidCsvName(ValueError):
    """A property name that a neo4j-admin header cannot carry (it holds `:` or `,`...)."""


def _type_of(value: object) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        # neo4j-admin's int is 32-bit; long holds the rest.
        return "int" if -(2**31) <= value < 2**31 else "long"
    if isinstance(value, float):
        return "float"
    if isinstance(value, list | tuple):
        return "string[]"
    return "string"


def column_types(rows: Iterable[Mapping[str, object]]) -> dict[str, str]:
    """Return one neo4j-admin type per property name over `rows`.

    Integers beyond 32 bits give `long`; mixed numbers give `float`; a list anywhere gives
    `string[]`; any other mix gives `string`.

    >>> column_types([{"a": 1, "b": [""]}, {"a": 2.5, "b": "x"}, {"c": True}])
    {'a': 'float', 'b': 'string[]', 'c': 'boolean'}
    """
    seen: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        for name, value in row.items():
            if value is not None:
                seen[name].add(_type_of(value))
    types: dict[str, str] = {}
    for name, kinds in seen.items():
        if len(kinds) == 1:
            types[name] = next(iter(kinds))
        elif "string[]" in kinds:
            types[name] = "string[]"
        elif kinds <= {"int", "long", "float"}:
            types[name] = "float" if "float" in kinds else "long"
        else:
            types[name] = "string"
    return types


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _cell(value: object, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        items = value if isinstance(value, list | tuple) else [value]
        return delimiter.join(_scalar_text(item) for item in items)
    if kind == "float":
        return repr(float(value))  # type: ignore[arg-type]
    if isinstance(value, list | tuple):
        return delimiter.join(_scalar_text(item) for item in value)
    return _scalar_text(value)


def _array_delimiter(pg: PropertyGraph) -> str:
    elements = [
        str(item)
        for properties in [
            *(node.properties for node in pg.nodes.values()),
            *(rel.properties for rel in pg.relationships),
        ]
        for value in properties.values()
        if isinstance(value, list | tuple)
        for item in value
    ]
    for candidate in _ARRAY_DELIMITERS:
        if not any(candidate in element for element in elements):
            return candidate
    raise InvalidCsvName("every array delimiter neo4j-admin could use occurs inside a value")


def _check_names(names: Iterable[str]) -> None:
    for name in names:
        if not _PROPERTY_NAME.match(name):
            raise InvalidCsvName(f"{name!r}: not usable as a neo4j-admin header property name")


def _file_name(prefix: str, parts: Sequence[str]) -> str:
    stem = "_".join(_FILE_PART.sub("-", part) for part in parts) or "unlabelled"
    return f"{prefix}_{stem}.csv"


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def _write_nodes(pg: PropertyGraph, directory: Path, delimiter: str) -> list[Path]:
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for iri, node in pg.nodes.items():
        groups[tuple(sorted(set(node.labels)))].append(iri)
    paths = []
    for labels, iris in sorted(groups.items()):
        properties = [
            {k: v for k, v in pg.nodes[iri].properties.items() if k != "iri"} for iri in iris
        ]
        types = column_types(properties)
        names = sorted(types)
        _check_names(names)
        header = [f"iri:ID({ID_SPACE})", ":LABEL", *(f"{name}:{types[name]}" for name in names)]
        rows = [
            [
                iri,
                delimiter.join(labels),
                *(_cell(props.get(n), types[n], delimiter) for n in names),
            ]
            for iri, props in zip(iris, properties, strict=True)
        ]
        path = directory / _file_name("nodes", labels)
        _write(path, header, rows)
        paths.append(path)
    return paths


def _write_relationships(
    relationships: list[PGRelationship], directory: Path, delimiter: str
) -> list[Path]:
    groups: dict[str, list[PGRelationship]] = defaultdict(list)
    for relationship in relationships:
        groups[relationship.type].append(relationship)
    paths = []
    for kind, members in sorted(groups.items()):
        types = column_types(rel.properties for rel in members)
        names = sorted(types)
        _check_names(names)
        header = [
            f":START_ID({ID_SPACE})",
            f":END_ID({ID_SPACE})",
            ":TYPE",
            *(f"{name}:{types[name]}" for name in names),
        ]
        rows = [
            [
                rel.source,
                rel.target,
                kind,
                *(_cell(rel.properties.get(n), types[n], delimiter) for n in names),
            ]
            for rel in members
        ]
        path = directory / _file_name("relationships", [kind])
        _write(path, header, rows)
        paths.append(path)
    return paths


def import_command(
    node_files: list[Path], relationship_files: list[Path], delimiter: str
) -> list[str]:
    """Return the `neo4j-admin database import full` arguments for these files.

    File names are relative to the directory that holds them; the database name is last.
    """
    return [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "--id-type=string",
        f"--array-delimiter={delimiter}",
        "--multiline-fields=true",
        *(f"--nodes={path.name}" for path in node_files),
        *(f"--relationships={path.name}" for path in relationship_files),
    ]


def _script(command: list[str], delimiter: str, skipped: int) -> str:
    quoted = " \\\n  ".join(shlex.quote(part) for part in command)
    notes = [
        "#!/bin/sh",
        "# Load these CSV files into a new, empty Neo4j 5 database (default name: neo4j).",
        "# neo4j-admin refuses an existing database: stop Neo4j, run this script, then",
        "# `CREATE DATABASE <name>` (or start Neo4j) and create the constraint on (n:Node) iri.",
        f"# Arrays are split on {delimiter!r}; values with newlines need --multiline-fields.",
    ]
    if skipped:
        notes.append(f"# {skipped} relationship(s) left out: an end is not among the nodes.")
    return "\n".join(
        [*notes, "set -e", 'cd "$(dirname "$0")"', f'{quoted} \\\n  "${{1:-neo4j}}"', ""]
    )


def write_neo4j_csv(pg: PropertyGraph, directory: Path) -> list[Path]:
    """Write `pg` as neo4j-admin import files into `directory`; return the paths written.

    The node files come first, then the relationship files, then `import.sh`, which holds
    the `neo4j-admin database import full` command that loads them. Relationships whose
    start or end is not a node of `pg` are left out (and counted in `import.sh`).
    Raises InvalidCsvName for a property name a header cannot carry.
    """
    directory.mkdir(parents=True, exist_ok=True)
    delimiter = _array_delimiter(pg)
    kept = [rel for rel in pg.relationships if rel.source in pg.nodes and rel.target in pg.nodes]
    node_files = _write_nodes(pg, directory, delimiter)
    relationship_files = _write_relationships(kept, directory, delimiter)
    script = directory / IMPORT_SCRIPT
    command = import_command(node_files, relationship_files, delimiter)
    script.write_text(
        _script(command, delimiter, len(pg.relationships) - len(kept)), encoding="utf-8"
    )
    script.chmod(0o755)
    return [*node_files, *relationship_files, script]
