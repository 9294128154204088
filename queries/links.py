"""The implements links proposed for each task of a document, as `mandate links` lists them."""

from __future__ import annotations

from collections import defaultdict

from rdflib import Literal, URIRef

from linking.store_links import EVIDENCE_SEPARATOR
from ontology.vocabulary import MG
from queries.reviews import DEFAULT_MIN_CONFIDENCE, hop_kind, latest_reviews, link_is_used
from queries.sparql import load_query
from store import GraphStore

__all__ = ["document_links"]


def _evidence(values: list[str], method: URIRef) -> list[str]:
    if method != MG.similarity:
        return values
    return [term for value in values for term in value.split(EVIDENCE_SEPARATOR)]


def document_links(
    store: GraphStore,
    document: URIRef,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    include_unused: bool = False,
    with_indicators: bool = False,
) -> list[dict[str, object]]:
    """Return, per task of `document` in reading order, the programmes it implements.

    Each entry is `{"task", "iri", "programmes": [...], "provincial_items": [...]}`; a
    programme is `{"number", "title", "iri", "confidence", "evidence", "method", "status",
    "link"}`, best first. Only links queries use are listed (stated, confirmed, or proposed at
    or above `min_confidence`, never rejected) unless `include_unused` lists every proposal.
    """
    reviews = latest_reviews(store)
    links: dict[str, dict[str, dict[str, object]]] = defaultdict(dict)
    for row in store.select(load_query("item_links"), {"document": document}):
        link = URIRef(str(row["link"]))
        method = URIRef(str(row["method"]))
        confidence = float(str(row["confidence"]))
        decision = reviews.get(link)
        used = link_is_used(method, confidence, decision, min_confidence)
        if not used and not include_unused:
            continue
        entry = links[str(row["item"])].setdefault(
            str(link),
            {
                "number": str(row["number"]) if row.get("number") is not None else None,
                "title": str(row.get("title") or row.get("targetText") or ""),
                "iri": str(row["target"]),
                "confidence": round(confidence, 4),
                "evidence": [],
                "method": str(method).rsplit("#", 1)[-1],
                "status": hop_kind(method, decision),
                "used": used,
                "link": str(link),
                "programme": str(row["isProgramme"]) == "true",
            },
        )
        if row.get("evidence") is not None:
            for term in _evidence([str(row["evidence"])], method):
                if term not in entry["evidence"]:  # type: ignore[operator]
                    entry["evidence"].append(term)  # type: ignore[attr-defined]
    result: list[dict[str, object]] = []
    bindings = {"document": document, "withIndicators": Literal(with_indicators)}
    for row in store.select(load_query("document_items"), bindings):
        item = str(row["item"])
        found = sorted(links.get(item, {}).values(), key=lambda e: -float(str(e["confidence"])))
        programmes = [entry for entry in found if entry.pop("programme")]
        others = [entry for entry in found if entry not in programmes]
        for entry in others:
            entry.pop("number", None)
        result.append(
            {
                "task": str(row["text"]),
                "iri": item,
                "kind": str(row["kind"]).rsplit("#", 1)[-1].lower(),
                "programmes": programmes,
                "provincial_items": others,
            }
        )
    return result
