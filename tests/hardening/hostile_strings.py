"""Hostile strings for the injection tests: quotes, braces, query keywords, broken IRIs.

`hostile_text()` is a Hypothesis strategy mixing fragments that would change the shape of a
SPARQL or Cypher statement if a value were ever spliced into one (`"} ; DROP ALL ; {"`,
`MATCH (n) DETACH DELETE n //`, `> } INSERT DATA {`), IRI-like strings that are not IRIs
(`http://x/>`), control characters, long runs and unicode; property tests draw from it.
`draw_strings(count, seed_value=...)` gives a fixed list of the same shapes, fast enough for
the full campaign's thousands, so any run can be repeated by its seed.
"""

from __future__ import annotations

import random

from hypothesis import strategies as st

__all__ = ["FRAGMENTS", "SEEDS", "draw_strings", "hostile_text"]

FRAGMENTS = (
    '"',
    "'",
    '"""',
    "'''",
    "`",
    "{",
    "}",
    "{{",
    "}}",
    "(",
    ")",
    "[",
    "]",
    "\\",
    '\\"',
    "\\u0022",
    "\n",
    "\r\n",
    "\t",
    "\x00",
    "\x1b[2J",
    "<",
    ">",
    "#",
    "$",
    "?s",
    "$node",
    "%",
    "%00",
    "%3E",
    "&",
    ";",
    ",",
    ".",
    "//",
    "/*",
    "*/",
    "--",
    "^^",
    "@",
    "|",
    "*",
    '"} ; DROP ALL ; {"',
    "} ; DROP ALL ; {",
    "'} ; CLEAR ALL ; {'",
    "> } ; DROP ALL ; INSERT DATA { <http://x/a> <http://x/b> <http://x/c> } #",
    '" . } ; DELETE WHERE { ?s ?p ?o } #',
    "} } ; DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } } #",
    'INSERT DATA { GRAPH <http://x/g> { <http://x/s> <http://x/p> "o" } }',
    "DELETE WHERE { ?s ?p ?o }",
    "CLEAR ALL",
    "CLEAR DEFAULT",
    "DROP ALL",
    "DROP GRAPH <http://x/g>",
    "LOAD <http://127.0.0.1:1/evil.ttl>",
    "LOAD <file:///etc/passwd> INTO GRAPH <http://x/g>",
    "SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o }",
    "SELECT * WHERE { ?s ?p ?o }",
    "ASK { ?s ?p ?o }",
    "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "FILTER(true) ||",
    "UNION { ?s ?p ?o }",
    "BIND(1 AS ?x)",
    "PREFIX x: <http://x/>",
    "MATCH (n) DETACH DELETE n //",
    "DETACH DELETE n",
    "MATCH (n) RETURN n",
    "}) MERGE (m:Evil {iri: 'x'}) //",
    "' OR 1=1 --",
    "'; DROP TABLE entries; --",
    '" OR "a"="a',
    "CALL db.labels()",
    "UNWIND range(1,100000000) AS x RETURN x",
    "NEAR(a b)",
    "a OR b NOT c",
    "^",
    "{kinds}",
    "{0}",
    "%s",
    "%(name)s",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "../../etc/passwd",
    "file:///etc/passwd",
    "http://x/>",
    'http://x/"}',
    "http://x/{a}",
    "http://x/a b",
    "http://x/%zz",
    "http://[::1",
    "https://mandate-graph.example/id/>",
    "urn:x:}",
    "_:b0",
    "Vĩnh Phong",
    "xã Vĩnh Phong",
    "Ủy ban nhân dân",
    "06-CTr/TU",
    "Ｆｕｌｌｗｉｄｔｈ",
    "e\u0301",
    "\u202e",
    "\ufeff",
    "\U0001f4a3",
    "\ud7ff",
    "\uffff",
)
"""Pieces that break quoting, close blocks, start statements or are not valid IRIs."""

SEEDS = (20250101, 7, 31337)
"""Seeds the tests use, so a failure can be replayed."""

_LONGEST = 6000

_PREFIXES = ("http://x/", "https://mandate-graph.example/id/", "urn:x:", "file:///")

_plain = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
_fragment = st.sampled_from(FRAGMENTS)
_mixed = st.lists(st.one_of(_fragment, _plain), min_size=1, max_size=8).map("".join)
_iri_like = st.tuples(st.sampled_from(_PREFIXES), _mixed).map("".join)
_long = st.tuples(_fragment, st.integers(min_value=200, max_value=3000)).map(
    lambda pair: (pair[0] * pair[1])[:_LONGEST]
)


def hostile_text() -> st.SearchStrategy[str]:
    """Return a strategy of hostile strings: fragments, mixtures, IRI-like and long ones."""
    return st.one_of(_fragment, _mixed, _iri_like, _long, _plain)


def _random_plain(rng: random.Random) -> str:
    # Mostly printable, sometimes any code point outside the surrogates.
    size = rng.randint(0, 40)
    if rng.random() < 0.5:
        return "".join(chr(rng.randint(0x20, 0x24F)) for _ in range(size))
    points = (rng.randint(0, 0x10FFFF) for _ in range(size))
    return "".join(chr(p) for p in points if not 0xD800 <= p <= 0xDFFF)


def _random_mixed(rng: random.Random) -> str:
    pieces = rng.randint(1, 8)
    return "".join(
        rng.choice(FRAGMENTS) if rng.random() < 0.7 else _random_plain(rng) for _ in range(pieces)
    )


def draw_strings(count: int, *, seed_value: int = SEEDS[0]) -> list[str]:
    """Return `count` hostile strings: every fragment first, then seeded mixtures.

    The mixtures have the shapes `hostile_text()` draws (fragments, mixtures, IRI-like,
    long runs, plain unicode) but come from `random.Random(seed_value)`, which draws
    thousands in well under a second; the same count and seed give the same list.
    """
    rng = random.Random(seed_value)
    drawn: list[str] = list(FRAGMENTS[:count])
    while len(drawn) < count:
        shape = rng.random()
        if shape < 0.45:
            drawn.append(_random_mixed(rng))
        elif shape < 0.75:
            drawn.append(rng.choice(_PREFIXES) + _random_mixed(rng))
        elif shape < 0.8:
            drawn.append((rng.choice(FRAGMENTS) * rng.randint(200, 3000))[:_LONGEST])
        else:
            drawn.append(_random_plain(rng))
    return drawn
