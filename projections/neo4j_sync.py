"""Loading a property graph into a running Neo4j with the official driver, idempotently.

Every value travels as a query parameter. Labels and relationship types cannot be
parameters in Cypher, so they are written into the query text — but only names that pass
the allow-list patterns below (`^[A-Z][A-Za-z]*$` for labels, `^[A-Z_]+$` for types);
any other name is refused with UnsafeCypherName before anything is sent.

Nodes are merged on `iri` under the common label `Node` (a uniqueness constraint backs
it); relationships on (start, type, end, key) where the key is the `link` property when
there is one, else `start|TYPE|end`. Running a sync twice leaves the counts unchanged.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from projections.property_graph import PropertyGraph

__all__ = [
    "NODE_LABEL",
    "SyncReport",
    "UnsafeCypherName",
    "check_label",
    "check_type",
    "schema_statements",
    "statements",
    "sync",
]

NODE_LABEL = "Node"
_LABEL = re.compile(r"^[A-Z][A-Za-z]*$")
_TYPE = re.compile(r"^[A-Z_]+$")

Statement = tuple[str, dict[str, Any]]


class UnsafeCypherName(ValueError):
    """A label or relationship type outside the allow-list patterns."""


def check_label(label: str) -> str:
    """Return `label` when it matches `^[A-Z][A-Za-z]*$`; raise UnsafeCypherName otherwise."""
    if not _LABEL.fullmatch(label):
        raise UnsafeCypherName(f"{label!r}: not an allowed node label")
    return label


def check_type(kind: str) -> str:
    """Return `kind` when it matches `^[A-Z_]+$`; raise UnsafeCypherName otherwise."""
    if not _TYPE.fullmatch(kind):
        raise UnsafeCypherName(f"{kind!r}: not an allowed relationship type")
    return kind


@dataclass(frozen=True)
class SyncReport:
    """What a sync sent and what Neo4j reported changing."""

    nodes: int
    relationships: int
    batches: int
    nodes_created: int
    relationships_created: int
    properties_set: int


def _labels(pg: PropertyGraph) -> list[str]:
    return sorted({check_label(label) for node in pg.nodes.values() for label in node.labels})


def schema_statements(pg: PropertyGraph) -> list[Statement]:
    """Return the constraint on `Node.iri` and one `iri` index per label, all IF NOT EXISTS."""
    result: list[Statement] = [
        (
            f"CREATE CONSTRAINT node_iri IF NOT EXISTS "
            f"FOR (n:{NODE_LABEL}) REQUIRE n.iri IS UNIQUE",
            {},
        )
    ]
    for label in _labels(pg):
        if label != NODE_LABEL:
            result.append(
                (f"CREATE INDEX {label.lower()}_iri IF NOT EXISTS FOR (n:{label}) ON (n.iri)", {})
            )
    return result


def _plain(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        name: list(value) if isinstance(value, tuple) else value
        for name, value in properties.items()
        if value is not None
    }


def _batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield list(rows[start : start + size])


def relationship_key(source: str, kind: str, target: str, properties: dict[str, Any]) -> str:
    """Return the key a relationship is merged on: its `link` when set, else start|TYPE|end."""
    link = properties.get("link")
    return str(link) if link else f"{source}|{kind}|{target}"


def statements(pg: PropertyGraph, *, batch_size: int = 1000) -> list[Statement]:
    """Return the data statements of a sync, in order: node batches, then relationship batches.

    Each is `(query, parameters)`; the query text holds only allow-listed labels and types.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    by_labels: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
    for iri, node in sorted(pg.nodes.items()):
        labels = tuple(sorted({check_label(label) for label in node.labels} - {NODE_LABEL}))
        by_labels[labels].append({"iri": iri, "properties": _plain(dict(node.properties))})
    result: list[Statement] = []
    for labels, rows in sorted(by_labels.items()):
        extra = "".join(f":{label}" for label in labels)
        query = (
            f"UNWIND $rows AS row MERGE (n:{NODE_LABEL} {{iri: row.iri}}) "
            "SET n += row.properties" + (f" SET n{extra}" if extra else "")
        )
        result.extend((query, {"rows": batch}) for batch in _batches(rows, batch_size))
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rel in pg.relationships:
        kind = check_type(rel.type)
        properties = _plain(dict(rel.properties))
        by_type[kind].append(
            {
                "source": rel.source,
                "target": rel.target,
                "key": relationship_key(rel.source, kind, rel.target, properties),
                "properties": properties,
            }
        )
    for kind, rows in sorted(by_type.items()):
        query = (
            f"UNWIND $rows AS row "
            f"MATCH (a:{NODE_LABEL} {{iri: row.source}}) "
            f"MATCH (b:{NODE_LABEL} {{iri: row.target}}) "
            f"MERGE (a)-[r:{kind} {{key: row.key}}]->(b) "
            "SET r += row.properties"
        )
        result.extend((query, {"rows": batch}) for batch in _batches(rows, batch_size))
    return result


def sync(
    pg: PropertyGraph, driver: Any, *, database: str | None, batch_size: int = 1000
) -> SyncReport:
    """Merge `pg` into the Neo4j behind `driver` (a `neo4j.Driver`); return a SyncReport.

    Schema first (each statement in its own auto-commit transaction, as Neo4j requires),
    then each batch in its own write transaction. Driver errors propagate.
    """
    data = statements(pg, batch_size=batch_size)
    counts = {"nodes_created": 0, "relationships_created": 0, "properties_set": 0}
    with driver.session(database=database) as session:
        for query, parameters in schema_statements(pg):
            session.run(query, parameters).consume()
        for query, parameters in data:
            summary = session.execute_write(_run, query, parameters)
            for name in counts:
                counts[name] += getattr(summary.counters, name)
    return SyncReport(
        nodes=len(pg.nodes),
        relationships=len(pg.relationships),
        batches=len(data),
        **counts,
    )


def _run(tx: Any, query: str, parameters: dict[str, Any]) -> Any:
    return tx.run(query, parameters).consume()
