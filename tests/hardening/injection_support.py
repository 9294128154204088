"""Sending hostile strings into every read parameter of the web app and the CLI.

The routes come from the app itself (`read_parameters`): every GET route of the API and of
the pages, with its query and path parameters, so a new route or parameter is covered
without editing the tests. Each hostile value goes into one parameter while the others get
a value that reaches deep into the handler (a real document IRI, a unit's name), and every
answer is tallied per parameter. The graph is compared before and after by its quad count
and a digest of its sorted N-Quads (`graph_fingerprint`).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

__all__ = [
    "CLI_READS",
    "Parameter",
    "Tally",
    "app_routes",
    "benign_values",
    "cli_fingerprint",
    "graph_fingerprint",
    "graphs_except",
    "looks_like_bad_iri",
    "proposed_link",
    "read_parameters",
    "reviewer_names",
    "send_cli",
    "send_hostile",
    "served_operations",
]

COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"

CLI_READS: tuple[tuple[str, ...], ...] = (
    ("lineage", "{}"),
    ("lineage", "--json", "{}"),
    ("coverage", "{}"),
    ("agency", "{}"),
    ("agency", "Ủy ban nhân dân", "--in", "{}"),
    ("links", "{}"),
    ("audit", "{}"),
    ("search", "{}"),
    ("search", "--json", "{}"),
    ("export", "--format", "nquads", "--document", "{}"),
    ("analyze", "--province", "{}"),
)
"""The read commands and where the hostile argument goes (`{}`)."""

_ANSWER_CODES = {"lineage": {0, 1, 2}}
"""Exit codes that are answers, per command: lineage exits 1 when no path reaches the top."""


@dataclass(frozen=True)
class Parameter:
    """One parameter of one GET route: where it goes and whether it takes free text."""

    path: str
    name: str
    location: str
    text: bool

    @property
    def label(self) -> str:
        """Return `GET path name`, as the tallies name it."""
        return f"GET {self.path} {self.name}"


@dataclass
class Tally:
    """Answers to hostile requests: status counts per parameter and the 5xx seen."""

    statuses: dict[str, Counter[str]] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)

    def add(self, label: str, status: str, problem: str | None = None) -> None:
        """Count one answer; keep `problem` when the answer was wrong."""
        self.statuses.setdefault(label, Counter())[status] += 1
        if problem is not None:
            self.failures.append(f"{label}: {problem}")

    def total(self) -> Counter[str]:
        """Return the status counts summed over every parameter."""
        summed: Counter[str] = Counter()
        for counts in self.statuses.values():
            summed.update(counts)
        return summed


def _is_text(annotation: object) -> bool:
    return "str" in repr(annotation) or annotation is str


@contextmanager
def _listing_app() -> Iterator[FastAPI]:
    """Yield the app over an empty temporary store, removed afterwards."""
    from api.app import create_app
    from config import load_settings

    with tempfile.TemporaryDirectory(prefix="mandate-routes-") as folder:
        app = create_app(load_settings({}, store=str(Path(folder) / "store")))
        try:
            yield app
        finally:
            app.state.context.store.close()


def app_routes(app: FastAPI) -> list[tuple[str, set[str], Dependant]]:
    """Return every route the app serves (API and pages) as (path, methods, dependant)."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # FastAPI before 0.130 keeps included routes flat in app.routes
        return [
            (route.path, set(route.methods), route.dependant)
            for route in app.routes
            if isinstance(route, APIRoute)
        ]
    found = []
    for context in iter_route_contexts(app.routes):
        original = context.original_route
        if isinstance(original, APIRoute):
            found.append((str(context.path), set(context.methods or ()), original.dependant))
    return found


def served_operations() -> list[tuple[str, str]]:
    """Return (METHOD, path) for every route of the app, pages included, sorted.

    Builds the app over an empty temporary store just to list its routes.
    """
    with _listing_app() as app:
        return sorted((method, path) for path, methods, _ in app_routes(app) for method in methods)


def read_parameters(app: FastAPI | None = None) -> list[Parameter]:
    """Return every query and path parameter of every GET route the app serves.

    Pages also get `lang`, which they read from the request rather than declare.

    Without `app`, builds one over an empty temporary store just to list its routes.
    """
    if app is None:
        with _listing_app() as app:
            return read_parameters(app)
    found: list[Parameter] = []
    for path, methods, dependant in app_routes(app):
        if "GET" not in methods:
            continue
        seen: set[str] = set()
        for location, item in _fields(dependant):
            if item.alias not in seen:
                seen.add(item.alias)
                text = _is_text(item.field_info.annotation)
                found.append(Parameter(path, item.alias, location, text))
        if not path.startswith(("/api/", "/static/")) and "lang" not in seen:
            # Pages read `?lang=` from the request itself and echo every parameter in links.
            found.append(Parameter(path, "lang", "query", True))
    return found


def _fields(dependant: Dependant) -> Iterator[tuple[str, Any]]:
    for item in dependant.path_params:
        yield "path", item
    for item in dependant.query_params:
        yield "query", item
    for sub in dependant.dependencies:
        yield from _fields(sub)


def benign_values(client: httpx.Client) -> dict[str, str]:
    """Return, per parameter name, a value naming something real in the served graph."""
    documents = client.get("/api/documents").json()
    document = str(documents[0]["iri"])
    units = [str(d["unit"]) for d in documents if d.get("unit")]
    return {
        "iri": document,
        "node": document,
        "document": document,
        "unit": units[0] if units else "An Giang",
        "name": "Ủy ban nhân dân",
        "q": "OCOP",
        "query": "ASK {}",
    }


def looks_like_bad_iri(text: str) -> bool:
    """Return whether `text` has an IRI's scheme but is not a valid IRI."""
    import re

    import pyoxigraph as ox

    if not re.match(r"^[a-z][a-z0-9+.-]*://\S+$", text.strip(), re.IGNORECASE):
        return False
    try:
        ox.NamedNode(text.strip())
    except ValueError:
        return True
    return False


_IRI_PARAMETERS = {"iri", "node", "document"}


def _request(
    parameter: Parameter, value: str, benign: dict[str, str], required: Iterable[Parameter]
) -> tuple[str, dict[str, str]]:
    params = {
        other.name: benign[other.name]
        for other in required
        if other.location == "query" and other.name in benign and other.name != parameter.name
    }
    path = parameter.path
    if parameter.location == "path":
        path = path.replace("{" + parameter.name + "}", quote(value, safe=""))
    else:
        params[parameter.name] = value
    for other in required:
        if other.location == "path" and other is not parameter:
            path = path.replace("{" + other.name + "}", "x")
    return path, params


def _judge(parameter: Parameter, value: str, response: httpx.Response) -> str | None:
    status = response.status_code
    if status >= 500:
        return f"{status} for {value[:80]!r}: {response.text[:200]}"
    if status in (401, 403):
        return f"{status} on a read for {value[:80]!r}"
    is_api = parameter.path.startswith("/api/")
    if is_api and status >= 400:
        message = response.json().get("error", {}).get("message", "")
        if not message:
            return f"{status} without an error message for {value[:80]!r}"
    if parameter.name in _IRI_PARAMETERS and looks_like_bad_iri(value) and status != 422:
        return f"{status}, not 422, for the malformed IRI {value[:80]!r}"
    return None


def send_hostile(
    client: httpx.Client,
    parameters: Sequence[Parameter],
    values_for: Callable[[Parameter], Sequence[str]],
    tally: Tally,
    *,
    every: Sequence[Parameter] | None = None,
    benign: dict[str, str] | None = None,
) -> None:
    """Send every value `values_for(parameter)` gives into its parameter; tally the answers.

    The route's other parameters (found in `every`, default `parameters`) get `benign` values.
    """
    benign = benign if benign is not None else benign_values(client)
    by_path: dict[str, list[Parameter]] = {}
    for parameter in every if every is not None else parameters:
        by_path.setdefault(parameter.path, []).append(parameter)
    for parameter in parameters:
        for value in values_for(parameter):
            path, params = _request(parameter, value, benign, by_path[parameter.path])
            try:
                response = client.get(path, params=params)
            except httpx.HTTPError as error:
                tally.add(parameter.label, "no answer", f"{error!r} for {value[:80]!r}")
                continue
            tally.add(
                parameter.label, str(response.status_code), _judge(parameter, value, response)
            )


def _digest(lines: Iterable[str]) -> str:
    kept = sorted(line for line in lines if line.strip())
    return hashlib.sha256("\n".join(kept).encode()).hexdigest()


def graph_fingerprint(client: httpx.Client) -> tuple[int, str]:
    """Return the served graph's quad count and the SHA-256 of its sorted N-Quads."""
    counted = client.get("/api/sparql", params={"query": COUNT_QUADS}).json()
    quads = int(counted["results"]["bindings"][0]["n"]["value"])
    dump = client.get("/api/export", params={"format": "nquads"})
    dump.raise_for_status()
    return quads, _digest(dump.text.split("\n"))


def cli_fingerprint(mandate: Callable[..., object]) -> tuple[int, str]:
    """Return the quad count and sorted N-Quads digest of the store `mandate` runs on."""
    result = mandate("export", "--format", "nquads")
    # N-Quads lines end only at "\n"; literals may hold other line separators (U+2028).
    lines = [line for line in result.output.split("\n") if line.strip()]  # type: ignore[attr-defined]
    return len(lines), _digest(lines)


def send_cli(mandate: Callable[..., object], values: Sequence[str], tally: Tally) -> None:
    """Run every read command of CLI_READS with each value as its argument; tally exits.

    Exit 0 (an answer, maybe empty), 2 (a refused argument with a message) and a command's
    documented answer codes (`_ANSWER_CODES`) are right; anything else, an exception or a
    traceback in the output is a failure.
    """
    for template in CLI_READS:
        label = "mandate " + " ".join(template)
        for value in values:
            argv = [value if part == "{}" else part for part in template]
            try:
                result = mandate(*argv)
            except Exception as error:  # any exception is the finding
                tally.add(label, "exception", f"{error!r} for {value[:80]!r}")
                continue
            code = result.exit_code  # type: ignore[attr-defined]
            output = result.output  # type: ignore[attr-defined]
            problem = None
            if code not in _ANSWER_CODES.get(template[0], {0, 2}):
                problem = f"exit {code} for {value[:80]!r}: {output[-200:]}"
            elif "Traceback" in output:
                problem = f"a traceback for {value[:80]!r}"
            elif code == 2 and not output.strip():
                problem = f"refused without a message for {value[:80]!r}"
            tally.add(label, f"exit {code}", problem)


REVIEWER_NAMES = (
    "PREFIX prov: <http://www.w3.org/ns/prov#> "
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
    "SELECT ?name WHERE { GRAPH ?g { ?review prov:wasAssociatedWith ?agent . "
    "?agent rdfs:label ?name } }"
)


def reviewer_names(client: httpx.Client) -> list[str]:
    """Return the names of every reviewer in the served graph, as stored."""
    answer = client.get("/api/sparql", params={"query": REVIEWER_NAMES})
    answer.raise_for_status()
    return [row["name"]["value"] for row in answer.json()["results"]["bindings"]]


def proposed_link(client: httpx.Client) -> str:
    """Return the IRI of one link proposed in the served graph (raises when there is none)."""
    for document in client.get("/api/documents").json():
        answer = client.get(
            "/api/links", params={"document": document["iri"], "include_unused": True}
        )
        for item in answer.json():
            for target in [*item["programmes"], *item["provincial_items"]]:
                if target.get("link"):
                    return str(target["link"])
    raise LookupError("the served graph has no proposed link to review")


def graphs_except(client: httpx.Client, graph_suffix: str) -> str:
    """Return the SHA-256 of the sorted N-Quads of every graph not ending in graph_suffix."""
    dump = client.get("/api/export", params={"format": "nquads"}).text.split("\n")
    return _digest(line for line in dump if not line.endswith(f"{graph_suffix}> ."))
