"""Injection: hostile strings in every read parameter change nothing and never get a 5xx.

The quick version here sends a few hundred strings; the full campaign sends thousands:
`.venv/bin/python -m scripts.injection_campaign --strings 5000`. Values that look like an
IRI but are not one are refused with 422 and a message; other values that name nothing get
404 (API) or the not-found page, or an empty answer (search). Writes with the key store a
hostile reviewer name as a literal, exactly, and refuse hostile link IRIs and decisions.
"""

from __future__ import annotations

import ast
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from tests.api.conftest import API_KEY, _copy, _serve, ingested_corpus  # noqa: F401
from tests.conftest import REPO_ROOT, Mandate, mandate_executable
from tests.hardening.hostile_strings import FRAGMENTS, draw_strings, hostile_text
from tests.hardening.injection_support import (
    Parameter,
    Tally,
    cli_fingerprint,
    graph_fingerprint,
    graphs_except,
    proposed_link,
    read_parameters,
    reviewer_names,
    send_cli,
    send_hostile,
)

pytestmark = [pytest.mark.server, pytest.mark.corpus]

ALWAYS = (
    '"} ; DROP ALL ; {"',
    "MATCH (n) DETACH DELETE n //",
    "http://x/>",
    "> } ; DROP ALL ; INSERT DATA { <http://x/a> <http://x/b> <http://x/c> } #",
)
"""Sent into every parameter, whatever else is drawn."""

PER_TEXT_PARAMETER = 8
PER_OTHER_PARAMETER = 2
PAGES = {"/document", "/search", "/coverage", "/agency", "/explore", "/task", "/review"}


@pytest.fixture(scope="module")
def injection_server(
    ingested_corpus: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[str]:
    """A server of its own over a copy of the corpus, so nothing else writes to it."""
    store = _copy(ingested_corpus, tmp_path_factory, "injection")
    yield from _serve(store, store.parent / "serve.log")


@pytest.fixture(scope="module")
def client(injection_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=injection_server, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def parameters() -> list[Parameter]:
    return read_parameters()


def _quick_values(parameters: list[Parameter]) -> dict[Parameter, list[str]]:
    # Each parameter gets its own slice, so together they cover many more strings.
    pool = draw_strings(len(FRAGMENTS) + 400, seed_value=11)
    chosen: dict[Parameter, list[str]] = {}
    start = 0
    for parameter in parameters:
        size = PER_TEXT_PARAMETER if parameter.text else PER_OTHER_PARAMETER
        picked = [pool[(start + step) % len(pool)] for step in range(size)]
        start += size
        chosen[parameter] = [*ALWAYS, *picked]
    return chosen


def test_every_read_parameter_of_the_api_and_pages_is_enumerated(
    client: httpx.Client, parameters: list[Parameter]
):
    covered = {parameter.path for parameter in parameters}
    schema = client.get("/openapi.json").json()["paths"]
    with_parameters = {
        path for path, item in schema.items() if item.get("get", {}).get("parameters")
    }
    assert with_parameters <= covered
    assert covered >= PAGES


def test_hostile_strings_in_every_read_parameter_change_nothing(
    client: httpx.Client, parameters: list[Parameter]
):
    before = graph_fingerprint(client)
    values = _quick_values(parameters)
    tally = Tally()
    send_hostile(client, parameters, values.__getitem__, tally)
    assert tally.failures == []
    assert sum(tally.total().values()) >= 300
    assert graph_fingerprint(client) == before


def test_a_malformed_iri_is_refused_with_422_and_says_why(client: httpx.Client):
    for path, name in [("/api/node", "iri"), ("/api/lineage", "node"), ("/api/links", "document")]:
        response = client.get(path, params={name: "http://x/>"})
        assert response.status_code == 422, response.text
        assert "not a valid IRI" in response.json()["error"]["message"]
    page = client.get("/document", params={"iri": 'http://x/"}'})
    assert page.status_code == 422 and "not a valid IRI" in page.text


def test_drawn_hostile_text_never_gets_a_server_error(
    client: httpx.Client, parameters: list[Parameter]
):
    text_parameters = [parameter for parameter in parameters if parameter.text]
    before = graph_fingerprint(client)
    tally = Tally()

    @settings(
        max_examples=60,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(st.sampled_from(text_parameters), hostile_text())
    def send(parameter: Parameter, value: str) -> None:
        send_hostile(client, [parameter], lambda _parameter: [value], tally, every=parameters)

    send()
    assert tally.failures == []
    assert graph_fingerprint(client) == before


@pytest.fixture(scope="module")
def cli_store(
    ingested_corpus: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
) -> Mandate:
    return Mandate(_copy(ingested_corpus, tmp_path_factory, "injection-cli"))


def test_hostile_arguments_to_the_read_commands_change_nothing(cli_store: Mandate):
    before = cli_fingerprint(cli_store)
    tally = Tally()
    send_cli(cli_store, [*ALWAYS, *draw_strings(len(FRAGMENTS) + 6)[-6:]], tally)
    assert tally.failures == []
    assert cli_fingerprint(cli_store) == before


def test_the_installed_command_refuses_hostile_arguments_with_a_message(cli_store: Mandate):
    before = cli_fingerprint(cli_store)
    for argv, code in [
        (["lineage", '"} ; DROP ALL ; {"'], 2),
        (["links", "http://x/>"], 2),
        (["search", "MATCH (n) DETACH DELETE n //"], 0),
    ]:
        run = subprocess.run(
            [mandate_executable(), *argv, "--store", cli_store.store],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == code, (argv, run.stdout, run.stderr)
        assert "Traceback" not in run.stderr
        if code == 2:
            assert argv[1] in run.stderr
    assert cli_fingerprint(cli_store) == before


def test_hostile_reviews_are_refused_or_stored_as_literals(client: httpx.Client):
    key = {"X-API-Key": API_KEY}
    link = proposed_link(client)
    others = graphs_except(client, "graph/reviews")
    reviewers = [
        'Ann "} > ; DROP ALL ; {" <http://x/>',
        "MATCH (n) DETACH DELETE n //",
        "'; DELETE WHERE { ?s ?p ?o } #",
        'x\\" . } } ; CLEAR ALL ; #\n',
    ]
    for value in [*ALWAYS, "urn:x:}", f"{link}>", f'{link}" }}']:
        refused = client.post(
            "/api/reviews",
            json={"link": value, "decision": "confirm", "reviewer": "a"},
            headers=key,
        )
        assert 400 <= refused.status_code < 500, (value, refused.text)
        refused = client.post(
            "/api/reviews", json={"link": link, "decision": value, "reviewer": "a"}, headers=key
        )
        assert refused.status_code == 422, (value, refused.text)
    for reviewer in reviewers:
        stored = client.post(
            "/api/reviews",
            json={"link": link, "decision": "reject", "reviewer": reviewer},
            headers=key,
        )
        assert stored.status_code == 200, stored.text
        assert stored.json()["reviewer"] == reviewer.strip()
    names = reviewer_names(client)
    assert {reviewer.strip() for reviewer in reviewers} <= set(names)
    assert graphs_except(client, "graph/reviews") == others


def test_a_blank_reviewer_is_refused(client: httpx.Client):
    link = proposed_link(client)
    response = client.post(
        "/api/reviews",
        json={"link": link, "decision": "confirm", "reviewer": " \n\t "},
        headers={"X-API-Key": API_KEY},
    )
    assert response.status_code == 422, response.text
    assert "reviewer" in response.json()["error"]["message"]


def test_hostile_upload_names_are_answered_and_never_stored(client: httpx.Client, corpus_dir: Path):
    source = sorted(corpus_dir.glob("*.txt"))[0].read_bytes()
    names = [
        'upload-marker-1 "} ; DROP ALL ; {".txt',
        "upload-marker-2 MATCH (n) DETACH DELETE n.txt",
        "upload-marker-3 <http:x>#.txt",
        "upload-marker-4 a\u0000b",
    ]
    for name in names:
        response = client.post(
            "/api/documents",
            files={"files": (name, source, "text/plain")},
            headers={"X-API-Key": API_KEY},
        )
        assert response.status_code in (200, 400, 422), (name, response.text)
        if response.status_code != 400:
            (answer,) = response.json()["files"]
            assert answer["ok"] == name.endswith(".txt"), answer
    dump = client.get("/api/export", params={"format": "nquads"}).text
    assert "upload-marker" not in dump


def test_a_value_with_quotes_braces_and_angles_round_trips_as_a_literal(tmp_path: Path):
    from store import open_store
    from store.terms import triples_text

    value = 'Ann "} > ; DROP ALL ; { <x> \\ \n $name ?s'
    subject = URIRef("https://example.org/s")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    with open_store(str(tmp_path / "store"), base_iri="https://example.org/") as store:
        graph = URIRef("https://example.org/g")
        before = store.quad_count()
        store.write_graphs(replace={graph: triples_text([(subject, label, Literal(value))])})
        rows = store.select(
            "SELECT ?s ?o WHERE { ?s $label $value . ?s $label ?o }",
            {"label": label, "value": Literal(value)},
        )
        assert [(row["s"], str(row["o"])) for row in rows] == [(subject, value)]
        assert store.quad_count() == before + 1


# --- Every SPARQL and Cypher statement binds its values as parameters -----------------

SOURCE_PACKAGES = (
    "api",
    "bench",
    "cli",
    "config",
    "exports",
    "ingest",
    "linking",
    "ontology",
    "projections",
    "queries",
    "search",
    "store",
    "synth",
    "visualizations",
    "vntext",
)
"""The installed packages (pyproject's list); scripts/ are developer tools run by hand."""
_STATEMENT_WORDS = re.compile(
    r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE|INSERT|DELETE|DROP|CLEAR|LOAD|WHERE|GRAPH|"
    r"MATCH|MERGE|UNWIND|DETACH|RETURN)\b"
)
_STATEMENT_SHAPE = re.compile(r"[{]|[?$][A-Za-z_]")
_LOADERS = {"load_query", "load_cypher", "prefix_block"}

AUDITED = {
    ("store/base.py", "write_graphs"): "graph names go through term_text (N-Triples "
    "serialisation) and the data through triples_text; no raw value reaches the text",
    ("store/base.py", "drop_graph"): "the graph name goes through term_text",
    ("store/terms.py", "insert_data_block"): "term_text and triples_text only",
    ("projections/neo4j_sync.py", "statements"): "labels and relationship types pass "
    "check_label / check_type (an allow-list); rows go in as the $rows parameter",
    ("queries/sparql.py", "load_query"): "the prefix block joined to a query file's text",
    ("bench/sparql.py", "bench_query"): "the prefix block joined to a query file's text",
    ("search/index.py", "_rows"): "SQL, not SPARQL: the kinds filter is only `?` "
    "placeholders, the values are bound by sqlite3",
}
"""Places that build statement text by interpolation, each checked by hand, with why."""


def _python_sources() -> list[Path]:
    files = []
    for package in SOURCE_PACKAGES:
        files.extend(sorted((REPO_ROOT / package).rglob("*.py")))
    return files


def _literal_text(node: ast.AST, constants: dict[str, str]) -> str | None:
    """Return the constant text of a string expression (f-string: its literal parts)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value
            for part in node.values
            if isinstance(part, ast.Constant) and isinstance(part.value, str)
        )
    if isinstance(node, ast.Name):
        return constants.get(node.id)
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in _LOADERS:
        return "SELECT { loaded query }"
    return None


def _is_statement(text: str | None) -> bool:
    # One keyword alone is prose ("expected a SELECT query"); a block, a variable or two
    # keywords ("DROP SILENT GRAPH") make a statement.
    if not text:
        return False
    words = set(_STATEMENT_WORDS.findall(text))
    return bool(words) and (len(words) > 1 or bool(_STATEMENT_SHAPE.search(text)))


def _builds_statement(node: ast.AST, constants: dict[str, str]) -> bool:
    """Return whether `node` splices something into SPARQL, Cypher or SQL text."""
    if isinstance(node, ast.JoinedStr):
        spliced = any(isinstance(part, ast.FormattedValue) for part in node.values)
        return spliced and _is_statement(_literal_text(node, constants))
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        sides = (_literal_text(node.left, constants), _literal_text(node.right, constants))
        both_constant = all(isinstance(side, ast.Constant) for side in (node.left, node.right))
        return not both_constant and any(_is_statement(side) for side in sides)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"format", "format_map", "replace"}
    ):
        return _is_statement(_literal_text(node.func.value, constants))
    return False


def _splices(path: Path) -> set[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    constants = {
        target.id: statement.value.value
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        and isinstance(statement.value, ast.Constant)
        and isinstance(statement.value.value, str)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    found = set()
    relative = path.relative_to(REPO_ROOT).as_posix()
    for function in ast.walk(tree):
        if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        # Messages of raised errors name statements ("SELECT and ASK answer only ...").
        messages = {
            id(inner)
            for node in ast.walk(function)
            if isinstance(node, ast.Raise)
            for inner in ast.walk(node)
        }
        for node in ast.walk(function):
            if id(node) not in messages and _builds_statement(node, constants):
                found.add((relative, function.name))
    return found


def test_statements_in_python_bind_values_as_parameters():
    found = set().union(*(_splices(path) for path in _python_sources()))
    unaudited = sorted(found - set(AUDITED))
    assert unaudited == [], f"statement text built from values, unaudited: {unaudited}"
    stale = sorted(set(AUDITED) - found)
    assert stale == [], f"audited exceptions that no longer exist: {stale}"


def test_query_files_hold_parameters_not_placeholders():
    files = [
        *(REPO_ROOT / "queries").glob("*.rq"),
        *(REPO_ROOT / "queries/cypher").glob("*.cypher"),
    ]
    files += list((REPO_ROOT / "bench").glob("*.rq"))
    assert len(files) > 40
    placeholder = re.compile(r"%[sd(]|\{\d*\}|\{[A-Za-z_]\w*\}|\{\{|\}\}")
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not placeholder.search(text), f"{path.name}: a format placeholder in a query file"


def test_the_detector_sees_a_spliced_value(tmp_path: Path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def bad(store, name):\n"
        '    store.select(f"SELECT ?s WHERE {{ ?s ?p \\"{name}\\" }}")\n'
        "def worse(store, name):\n"
        '    store.update("DELETE WHERE { ?s ?p " + name + " }")\n'
        "def fine(store, name):\n"
        '    store.select("SELECT ?s WHERE { ?s ?p $name }", {"name": name})\n'
    )
    found = _splices_at(sample)
    assert found == {"bad", "worse"}


def _splices_at(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and any(
            _builds_statement(node, {}) for node in ast.walk(function)
        ):
            names.add(function.name)
    return names


def test_the_review_command_refuses_hostile_links_and_stores_hostile_names_as_written(
    ingested_corpus: Path,  # noqa: F811
    tmp_path_factory: pytest.TempPathFactory,
):
    mandate = Mandate(_copy(ingested_corpus, tmp_path_factory, "injection-review"))
    from store import open_store

    with open_store(mandate.store, base_iri="https://mandate-graph.example/id/") as opened:
        rows = opened.select(
            "SELECT ?link WHERE { ?link a ?kind FILTER(CONTAINS(STR(?link), '/implements/')) }"
        )
    link = str(rows[0]["link"])
    before = cli_fingerprint(mandate)
    for value in [*ALWAYS, f"{link}>", f'{link}"}}']:
        refused = mandate("review", value, "--confirm", "--by", "someone")
        assert refused.exit_code == 2 and "error" in refused.output, (value, refused.output)
    assert cli_fingerprint(mandate) == before
    name = '"} ; DROP ALL ; {" <http://x/> MATCH (n) DETACH DELETE n //'
    stored = mandate("review", link, "--reject", "--by", name)
    assert stored.exit_code == 0, stored.output
    quads, _digest = cli_fingerprint(mandate)
    assert quads > before[0]
    export = mandate("export", "--format", "nquads").output
    assert any(name.replace('"', '\\"') in line for line in export.split("\n"))
