"""The `indicator_collection` rule: provincial indicators assigned to communes and not collected.

Communes must gather every indicator the province assigns to them ("tập hợp đầy đủ các chỉ
tiêu"). A provincial indicator is assigned to communes when a body that leads or
coordinates it names communes in general ("Ủy ban nhân dân các xã, phường, đặc khu",
"Đảng ủy cấp xã") or the audited commune by name; bodies that name only some communes
("các xã biên giới", "đặc khu: Phú Quốc") are left out, since the graph cannot tell whether
the audited commune is one of them. It is collected when an indicator of the audited
document implements it through a qualified link (`mg:qualifiedImplementation`) that counts:
its latest review confirmed it, or, never reviewed, the document states it or its confidence
reaches `min_confidence` (`queries.reviews.link_is_used`, as every query counts links).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import URIRef

from ontology.vocabulary import MG
from queries.audit_model import AuditContext, Finding, level_rank
from queries.copying import syllables
from queries.reviews import latest_reviews, link_is_used
from queries.sparql import load_query

__all__ = ["RULE", "indicator_collection", "names_communes"]

RULE = "indicator_collection"

_COMMUNE_WORDS = (("xã",), ("phường",), ("đặc", "khu"), ("thị", "trấn"))
# "xã hội" is society and "hợp tác xã" a cooperative, not communes.
_NOT_COMMUNE = {("xã",): ({"tác"}, {"hội"})}
# Words that may follow the communes without narrowing them ("... trên địa bàn tỉnh").
_WIDE = frozenset({"trên", "địa", "bàn", "tỉnh", "thành", "phố", "thuộc", "trong", "toàn"})
_WIDE |= frozenset({"có", "liên", "quan", "các", "cấp"})


@dataclass
class _Assigned:
    iri: URIRef
    text: str
    source: URIRef
    title: str | None
    bodies: list[str] = field(default_factory=list)


def _commune_word_ends(keys: tuple[str, ...]) -> list[int]:
    ends = []
    for index in range(len(keys)):
        for words in _COMMUNE_WORDS:
            if keys[index : index + len(words)] != words:
                continue
            not_after, not_before = _NOT_COMMUNE.get(words, (set(), set()))
            before = keys[index - 1] if index else ""
            end = index + len(words)
            after = keys[end] if end < len(keys) else ""
            if before not in not_after and after not in not_before:
                ends.append(end)
    return ends


def names_communes(name: str, commune: str | None = None) -> bool:
    """Return whether the body `name` stands for all communes, or names `commune` itself.

    >>> names_communes("Ủy ban nhân dân các xã, phường, đặc khu")
    True
    >>> names_communes("Ủy ban nhân dân các xã biên giới"), names_communes("Bảo hiểm xã hội")
    (False, False)
    """
    keys = syllables(name).keys
    ends = _commune_word_ends(keys)
    if not ends:
        return False
    if commune:
        own = syllables(commune).keys
        if own and any(keys[i : i + len(own)] == own for i in range(len(keys))):
            return True
    return all(key in _WIDE for key in keys[ends[-1] :])


def _assigned(context: AuditContext) -> list[_Assigned]:
    document = context.document
    if document.province is None:
        return []
    roles = {MG.chairedBy: "lead", MG.coordinatesWith: "coordinating"}
    found: dict[URIRef, _Assigned] = {}
    named: dict[tuple[URIRef, URIRef, URIRef], str] = {}
    canonical: dict[URIRef, str] = {}
    rows = context.store.select(
        load_query("audit_assigned_indicators"), {"province": document.province}
    )
    rank = level_rank(document.level)
    for row in rows:
        # A commune plan whose commune extraction could not name also sits in the province;
        # only documents of a higher level than the audited one assign indicators to it.
        other = level_rank(str(row["level"]))
        if other is None or (rank is not None and other <= rank):
            continue
        agency, label = URIRef(str(row["agency"])), str(row["label"])
        if str(row["canonical"]) == "true":
            canonical.setdefault(agency, label)
        if not names_communes(label, document.unit_label):
            continue
        iri = URIRef(str(row["indicator"]))
        found.setdefault(
            iri,
            _Assigned(
                iri,
                str(row.get("text", "")),
                URIRef(str(row["source"])),
                str(row["title"]) if "title" in row else None,
            ),
        )
        named.setdefault((iri, URIRef(str(row["role"])), agency), label)
    for (iri, role, agency), label in named.items():
        # One body is named once, by its canonical name, whichever spelling named communes.
        found[iri].bodies.append(f"“{canonical.get(agency, label)}” ({roles[role]})")
    return list(found.values())


def _implemented(context: AuditContext) -> tuple[set[URIRef], dict[URIRef, list[str]]]:
    """Return the nodes implemented by links that count, and why other links do not."""
    reviews = latest_reviews(context.store)
    counted: set[URIRef] = set()
    refused: dict[URIRef, list[str]] = defaultdict(list)
    for row in context.store.select(
        load_query("audit_indicator_links"), {"document": context.document.iri}
    ):
        link, implemented = URIRef(str(row["link"])), URIRef(str(row["implemented"]))
        method = URIRef(str(row["method"])) if "method" in row else None
        confidence = float(str(row["confidence"])) if "confidence" in row else 0.0
        decision = reviews.get(link)
        if link_is_used(method, confidence, decision, context.min_confidence):
            counted.add(implemented)
        elif decision is not None:
            refused[implemented].append(f"link {link} was rejected on {decision.when}")
        else:
            refused[implemented].append(
                f"link {link} has confidence {confidence:.2f}, below "
                f"{context.min_confidence:.2f}, and no review"
            )
    return counted, refused


def indicator_collection(context: AuditContext) -> list[Finding]:
    """Return one finding per provincial indicator assigned to communes but not collected.

    Only documents of the audited commune's province are considered. The detail names the
    bodies that assign it to communes, the provincial document, and any link from the
    audited document that exists but does not count.
    """
    assigned = _assigned(context)
    if not assigned:
        return []
    counted, refused = _implemented(context)
    findings = []
    for item in assigned:
        if item.iri in counted:
            continue
        source = f"“{item.title}”" if item.title else str(item.source)
        detail = (
            f"assigned to communes through {', '.join(item.bodies)} in {source}; "
            "no indicator of the audited document implements it"
        )
        if refused.get(item.iri):
            detail += " (" + "; ".join(refused[item.iri]) + ")"
        findings.append(Finding(RULE, str(item.iri), item.text, detail))
    return findings
