"""The read-only SPARQL endpoint's guard and runner.

`check_query` decides from rdflib's parse tree (never from the raw text) whether a query may
run: SELECT, ASK and CONSTRUCT only, no SERVICE, no FROM / FROM NAMED. `run_query` runs it in
a worker process (`api.sparql_worker`) that opens the store read-only and is killed at the
deadline, because neither pyoxigraph nor rdflib can interrupt a query from Python.
"""

from __future__ import annotations

import multiprocessing
import threading
from functools import cache
from multiprocessing.context import ForkServerContext
from typing import Any

from api.sparql_worker import QueryJob, QueryResult, run_job

__all__ = [
    "QueryBusy",
    "QueryFailed",
    "QueryRefused",
    "QueryTimedOut",
    "check_query",
    "run_query",
]

_KINDS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct"}
# Importing modules and opening the store is not the query's time; this bounds it separately.
_STARTUP_LIMIT = 15.0
_MAX_WORKERS = 4
_workers = threading.BoundedSemaphore(_MAX_WORKERS)


class QueryRefused(ValueError):
    """The query is not allowed here or cannot be parsed; the message says why."""


class QueryTimedOut(RuntimeError):
    """The query ran past its deadline and its worker was killed."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"query stopped after {seconds:g} s (the limit is MANDATE_SPARQL_TIMEOUT)")
        self.seconds = seconds


class QueryFailed(RuntimeError):
    """The store could not answer (unavailable, or the worker died)."""


class QueryBusy(RuntimeError):
    """Too many queries are running at once."""


def _walk(node: Any, found: dict[str, bool]) -> None:
    name = getattr(node, "name", None)
    if name == "ServiceGraphPattern":
        found["service"] = True
    if isinstance(node, dict):
        # CompValue.get answers for missing keys; ask the plain dict.
        if dict.get(node, "datasetClause"):
            found["dataset"] = True
        for value in dict.values(node):
            _walk(value, found)
    elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
        for value in node:
            _walk(value, found)


def check_query(text: str) -> str:
    """Return the kind of an allowed query: "select", "ask" or "construct".

    Raises QueryRefused, with a message a person can act on, for an update, DESCRIBE,
    SERVICE, a FROM / FROM NAMED clause, or text that is not a SPARQL query.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    if not text.strip():
        raise QueryRefused("the query is empty: send it as the `query` parameter")
    try:
        tree = parseQuery(text)
    except ParseException as error:
        try:
            parseUpdate(text)
        except Exception:
            raise QueryRefused(
                f"not a valid SPARQL query (line {error.lineno}, column {error.col}): {error.msg}"
            ) from error
        raise QueryRefused(
            "updates (INSERT, DELETE, LOAD, CLEAR, DROP, CREATE, ...) are refused: this endpoint "
            "only reads; use SELECT, ASK or CONSTRUCT"
        ) from error
    except Exception as error:  # rdflib raises assorted errors for odd input (bad IRIs, ...)
        raise QueryRefused(f"not a valid SPARQL query: {error}") from error
    query = tree[1]
    kind = _KINDS.get(getattr(query, "name", ""))
    if kind is None:
        raise QueryRefused("only SELECT, ASK and CONSTRUCT queries are answered here")
    found = {"service": False, "dataset": False}
    _walk(query, found)
    if found["service"]:
        raise QueryRefused("SERVICE is refused: this endpoint never queries other servers")
    if found["dataset"]:
        raise QueryRefused(
            "FROM and FROM NAMED are refused: the query already sees every graph of the store "
            "(use GRAPH ?g { ... } to ask which one)"
        )
    return kind


@cache
def _context() -> ForkServerContext:
    context = multiprocessing.get_context("forkserver")
    # Workers fork from a server that has imported pyoxigraph and the store once.
    context.set_forkserver_preload(["api.sparql_worker"])
    return context


def run_query(job: QueryJob, *, timeout: float) -> QueryResult:
    """Return the result of `job`, run in a worker process killed after `timeout` seconds.

    Raises QueryTimedOut at the deadline, QueryRefused when the store rejects the query's
    syntax, QueryFailed when the store cannot answer, QueryBusy when too many queries run.
    """
    if not _workers.acquire(timeout=timeout):
        raise QueryBusy(f"{_MAX_WORKERS} queries are already running; try again shortly")
    try:
        return _run_in_worker(job, timeout)
    finally:
        _workers.release()


def _run_in_worker(job: QueryJob, timeout: float) -> QueryResult:
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=run_job, args=(job, sender), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(_STARTUP_LIMIT):
            raise QueryFailed("the query worker did not start in time; try again")
        message = receiver.recv()
        if message[0] == "ready":
            if not receiver.poll(timeout):
                raise QueryTimedOut(timeout)
            message = receiver.recv()
    except EOFError as error:
        stopped = f"the query worker stopped unexpectedly (exit {process.exitcode})"
        raise QueryFailed(stopped) from error
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        receiver.close()
    status = message[0]
    if status == "ok":
        result: QueryResult = message[1]
        return result
    if status == "invalid":
        raise QueryRefused(message[1])
    raise QueryFailed(message[1])
