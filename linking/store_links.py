"""The derived links: resolved references, and proposed implements links per commune.

After every ingest the derived graphs are recomputed from the document graphs:

- the links graph (`iris.links_graph()`), rebuilt whole: mg:resolvesTo from a referenced
  node to the document it turned out to be, and the mg:ReferencedDocument mark on
  documents still known only from references (`linking.resolution`);
- one graph per commune (`iris.commune_links_graph(commune)`): for every task and
  indicator of the commune's documents, the provincial programmes of its province and the
  provincial documents' tasks and indicators it most likely implements, each an
  mg:ImplementationLink with confidence, method mg:similarity, the matched terms as
  evidence and review status auto (`linking.province_links`). The best declined proposal is
  kept too, so reviewers can see near misses; queries use only links at or above the
  threshold (or confirmed).

Only the communes an ingest touched are relinked: a commune document relinks its commune, a
provincial document every commune of its province. Each commune's graph is replaced in its
own transaction, so readers see its old links or its new ones, never a mix. Provinces are
linked in worker processes when asked to.

Link IRIs depend only on the two ends, so a reviewer's decision (kept in the reviews graph)
finds its link again after any re-ingest.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Collection, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from itertools import chain, islice

from rdflib import Graph, Literal, URIRef

from linking.province_links import (
    EVIDENCE_SEPARATOR,
    CommuneItem,
    ProvinceInput,
    ProvinceLinks,
    link_province,
)
from linking.resolution import resolve_references
from ontology.identifiers import IriFactory
from ontology.vocabulary import MG, PREFIXES, RDF, RDFS
from queries.sparql import load_query
from store import GraphStore

__all__ = ["EVIDENCE_SEPARATOR", "LinkSummary", "rebuild_links"]


@dataclass
class LinkSummary:
    """What a rebuild wrote: counts of each kind of derived statement."""

    resolved: int = 0
    referenced_only: int = 0
    proposed: int = 0
    accepted: int = 0
    communes: int = 0
    by_province: dict[str, int] = field(default_factory=dict)


def _scope(store: GraphStore, touched: Collection[URIRef] | None) -> dict[str, set[str] | None]:
    """Return province → the communes to relink (None: all of them)."""
    scope: dict[str, set[str] | None] = {}
    wanted = None if touched is None else {str(document) for document in touched}
    for row in store.select_values(load_query("linking_documents")):
        if wanted is not None and str(row["document"]) not in wanted:
            continue
        unit, level = str(row["unit"]), str(row["level"])
        if level == "province":
            scope[unit] = None
        elif level == "commune" and row.get("province") is not None:
            province = str(row["province"])
            communes = scope.setdefault(province, set())
            if communes is not None:
                communes.add(unit)
    return scope


def _province_inputs(store: GraphStore, provinces: Collection[str]) -> dict[str, ProvinceInput]:
    inputs = {province: ProvinceInput(province) for province in provinces}
    listings: dict[str, str] = {}
    for row in store.select_values(load_query("linking_programmes")):
        data = inputs.get(str(row["province"]))
        if data is None:
            continue
        data.programmes.append((str(row["programme"]), str(row["number"]), str(row["title"])))
        listings.setdefault(data.province, str(row["lister"]))
    for province, lister in listings.items():
        rows = store.select(load_query("linking_listing_text"), {"lister": URIRef(lister)})
        inputs[province].listing = str(rows[0]["listing"]) if rows else None
    places: dict[str, list[tuple[str, str]]] = {}
    for row in store.select_values(load_query("linking_programme_places")):
        place = str(row["place"])
        places.setdefault(str(row["programme"]), []).append((place, str(row.get("label") or place)))
    for data in inputs.values():
        data.places = {node: places[node] for node, _n, _t in data.programmes if node in places}
    for row in store.select_values(load_query("linking_provincial_items")):
        data = inputs.get(str(row["province"]))
        if data is None:
            continue
        text = " ".join(filter(None, (str(row["text"]), str(row.get("measures") or ""))))
        data.provincial_items.setdefault(str(row["kind"]), []).append((str(row["item"]), text))
    for data in inputs.values():
        for items in data.provincial_items.values():
            items.sort()
    return inputs


def _add_commune_items(store: GraphStore, data: ProvinceInput, communes: set[str] | None) -> None:
    query = load_query("linking_commune_items")
    rows = store.select_values(query, {"province": URIRef(data.province)})
    for row in rows:
        commune = str(row["commune"])
        if communes is not None and commune not in communes:
            continue
        name = str(row.get("communeLabel") or commune)
        entry = data.communes.setdefault(commune, (name, []))
        entry[1].append(CommuneItem(str(row["item"]), str(row["kind"]), str(row["text"])))
    for _name, items in data.communes.values():
        items.sort(key=lambda entry: (entry.item, entry.kind))


# Communes linked by one worker task: a province alone (the province-scale case) is then
# shared among the workers too, at the cost of building its linkers once per share.
_COMMUNES_PER_TASK = 25


def _shares(data: ProvinceInput) -> Iterator[ProvinceInput]:
    """Yield the province's communes in shares of at most _COMMUNES_PER_TASK."""
    communes = sorted(data.communes)
    for start in range(0, len(communes), _COMMUNES_PER_TASK):
        chosen = communes[start : start + _COMMUNES_PER_TASK]
        yield replace(data, communes={commune: data.communes[commune] for commune in chosen})


def _linked(
    store: GraphStore, scope: dict[str, set[str] | None], base_iri: str, workers: int
) -> Iterator[ProvinceLinks]:
    """Yield the links of each share of each province's communes, here or in `workers`."""
    inputs = _province_inputs(store, scope)

    def ready() -> Iterator[ProvinceInput]:
        for province in sorted(inputs):
            data = inputs[province]
            _add_commune_items(store, data, scope[province])
            yield from _shares(data)

    work = partial(link_province, base_iri=base_iri)
    tasks = ready()
    first = list(islice(tasks, 2))
    if workers <= 1 or len(first) < 2:
        yield from map(work, chain(first, tasks))
        return
    # Forked like the ingest workers: they never touch the parent's open store.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # A province's items are read only when a worker is about to be free, so at most a
        # few provinces' texts are held at once.
        pending: deque[Future[ProvinceLinks]] = deque()
        for data in chain(first, tasks):
            pending.append(pool.submit(work, data))
            if len(pending) > workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _resolution_graph(store: GraphStore, summary: LinkSummary) -> Graph:
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    resolutions, unresolved = resolve_references(store)
    for resolution in resolutions:
        graph.add((resolution.placeholder, MG.resolvesTo, resolution.document))
        graph.add((resolution.placeholder, RDFS.comment, Literal(resolution.reason, lang="en")))
    for node in unresolved:
        graph.add((node, RDF.type, MG.ReferencedDocument))
    summary.resolved, summary.referenced_only = len(resolutions), len(unresolved)
    return graph


def rebuild_links(
    store: GraphStore,
    iris: IriFactory,
    *,
    touched: Collection[URIRef] | None = None,
    workers: int = 1,
) -> LinkSummary:
    """Recompute the derived links after documents `touched` were ingested; return counts.

    With `touched` None every commune is relinked. The resolution graph is rebuilt whole;
    each relinked commune's graph is replaced in its own transaction.
    """
    summary = LinkSummary()
    store.replace_graph(iris.links_graph(), _resolution_graph(store, summary))
    scope = _scope(store, touched)
    for links in _linked(store, scope, iris.base, workers):
        for commune, text in links.by_commune.items():
            store.write_graphs(replace={iris.commune_links_graph(URIRef(commune)): text})
        summary.proposed += links.proposed
        summary.accepted += links.accepted
        summary.communes += len(links.by_commune)
        summary.by_province[links.province] = (
            summary.by_province.get(links.province, 0) + links.proposed
        )
    return summary
