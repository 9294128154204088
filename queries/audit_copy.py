"""The `mechanical_copy` rule: tasks copied near-verbatim from a higher level's documents.

The province forbids copying its text mechanically ("không sao chép máy móc"). Each task of
the audited document is compared with the texts of every ingested document of a higher
level (`mg:level`): their tasks' and indicators' own texts and their whole cleaned text.
`queries.copying` finds the shared runs and holds the thresholds.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from queries.audit_model import AuditContext, Finding, level_rank
from queries.copying import PhraseSet, ShingleIndex, blocked_syllables, is_copy, syllables
from queries.sparql import load_query
from vntext import normalize_unicode

__all__ = ["RULE", "mechanical_copy"]

RULE = "mechanical_copy"

# Real names of bodies are short; a longer "agency" is a sentence the extractor misread,
# and blocking it would hide a copy of that sentence.
_LONGEST_AGENCY_NAME = 20


@dataclass(frozen=True)
class _Item:
    iri: URIRef
    start: int | None
    end: int | None


@dataclass
class _Higher:
    iri: URIRef
    title: str | None
    items: list[_Item] = field(default_factory=list)

    def item_at(self, offset: int) -> URIRef | None:
        """Return the innermost task or indicator whose text spans `offset`."""
        holding = [
            item
            for item in self.items
            if item.start is not None and item.end is not None and item.start <= offset < item.end
        ]
        if not holding:
            return None
        return min(holding, key=lambda item: (item.end or 0) - (item.start or 0)).iri


def _higher_documents(
    context: AuditContext, rank: int
) -> tuple[dict[URIRef, _Higher], dict[URIRef, str]]:
    store, bindings = context.store, {"document": context.document.iri}
    documents: dict[URIRef, _Higher] = {}
    texts: dict[URIRef, str] = {}
    for row in store.select(load_query("audit_copy_documents"), bindings):
        other = level_rank(str(row["level"]))
        if other is None or other <= rank:
            continue
        iri = URIRef(str(row["document"]))
        documents[iri] = _Higher(iri, str(row["title"]) if "title" in row else None)
        texts[iri] = normalize_unicode(str(row["text"]))
    return documents, texts


def _names(context: AuditContext) -> PhraseSet:
    names = []
    for row in context.store.select(load_query("audit_names")):
        name = str(row["name"])
        if str(row["isAgency"]) == "true" and len(syllables(name)) > _LONGEST_AGENCY_NAME:
            continue
        names.append(name)
    return PhraseSet(names)


def _index(
    context: AuditContext, documents: dict[URIRef, _Higher], texts: dict[URIRef, str]
) -> tuple[ShingleIndex, list[tuple[URIRef, _Higher]]]:
    """Return the higher texts indexed, and per source the node it is the text of."""
    index = ShingleIndex()
    sources: list[tuple[URIRef, _Higher]] = []
    for higher in documents.values():
        for row in context.store.select(load_query("audit_copy_items"), {"source": higher.iri}):
            item = _Item(
                URIRef(str(row["item"])),
                int(str(row["start"])) if "start" in row else None,
                int(str(row["end"])) if "end" in row else None,
            )
            higher.items.append(item)
            text = str(row["text"])
            # An item written as is in its document's text is found there and named by its
            # span; only a text extraction rebuilt (a table cell cut by a page break) is
            # indexed on its own, ahead of the whole texts so that it wins a tie.
            if normalize_unicode(text) not in texts[higher.iri]:
                index.add(syllables(text))
                sources.append((item.iri, higher))
    for iri, higher in documents.items():
        index.add(syllables(texts[iri]))
        sources.append((iri, higher))
    return index, sources


def mechanical_copy(context: AuditContext) -> list[Finding]:
    """Return one finding per task that copies a higher-level text, naming both and the overlap.

    The detail gives the copied node (a task or indicator when the shared passage lies in
    one, else the document), the share of the task's syllables in shared runs and the
    longest shared passage. Nothing is compared when the document's level is unknown.
    """
    rank = level_rank(context.document.level)
    if rank is None or not context.tasks:
        return []
    documents, texts = _higher_documents(context, rank)
    if not documents:
        return []
    index, sources = _index(context, documents, texts)
    names = _names(context)
    findings = []
    for task in context.tasks:
        words = syllables(task.text)
        overlap = index.best_overlap(words, blocked_syllables(words, names))
        if overlap is None or not is_copy(overlap):
            continue
        node, higher = sources[overlap.source]
        longest = overlap.longest
        if node == higher.iri:
            source_words = index.sources[overlap.source]
            node = higher.item_at(source_words.spans[longest.source_start][0]) or node
        document = f"“{higher.title}” ({higher.iri})" if higher.title else str(higher.iri)
        where = document if node == higher.iri else f"{node} in {document}"
        detail = (
            f"near-verbatim copy of {where}: {overlap.ratio:.0%} of the task's syllables "
            f"({overlap.covered}/{overlap.total}) are in shared runs; longest shared passage "
            f"({longest.length} syllables): “{words.passage(longest.start, longest.end)}”"
        )
        findings.append(Finding(RULE, str(task.iri), task.text, detail))
    return findings
