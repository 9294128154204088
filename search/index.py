"""The search index: an SQLite FTS5 table keyed by node IRI, with an accent-folded column.

Oxigraph has no full-text index, and FTS5's own `remove_diacritics` does not fold `đ`, so
every text is indexed twice: in its exact form (accents kept) and folded (`search.folding`).
A query is cut into words here and each word is quoted, so no FTS5 syntax ever reaches
MATCH. Hits whose words all appear with the query's accents come first, then the rest, each
group by bm25.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from search.folding import exact_text, exact_words, folded_text, folded_words
from search.snippets import label_of, snippet_of
from search.sources import (
    KINDS,
    SCHEMA_VERSION,
    Entry,
    entry_batches,
    fingerprint_of,
    ingested_documents,
    store_fingerprint,
)
from store import GraphStore
from store.base import FactCache

__all__ = ["DERIVATION", "KINDS", "SearchHit", "SearchIndex", "SearchIndexError"]

DERIVATION = (
    "SQLite FTS5 index of the store's node texts (titles, task, indicator and section texts, "
    "agency and unit names), rebuilt after every ingest; every query word must match, accents "
    "optional (the last word as a prefix); hits with the query's accents first, then by bm25"
)
"""How every search answer is derived, for the `derivation` field."""

_CREATE = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS entries USING fts5(
    iri UNINDEXED, kind UNINDEXED, document UNINDEXED, label UNINDEXED, display UNINDEXED,
    exact, folded,
    tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
);
"""
# Recent answers kept (the least recently asked goes first).
_ANSWERS_KEPT = 512
_SEARCH = """
SELECT iri, kind, document, label, display, bm25(entries) AS rank
FROM entries WHERE entries MATCH ? {kinds} ORDER BY rank LIMIT ?
"""


class SearchIndexError(Exception):
    """The search index cannot be read or written; the message names the file."""


@dataclass(frozen=True)
class SearchHit:
    """One node found by a search.

    `snippet` is original-accent text around the match and `highlights` the `(start, end)`
    offsets of the matched words in it; `exact` says the query's words appear with the
    query's accents; `score` is bm25 made positive (higher is better, comparable only among
    hits of one search); `document` is the source document of a task, indicator or section.
    """

    iri: str
    kind: str
    label: str
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float
    exact: bool
    document: str | None = None

    def to_json(self) -> dict[str, object]:
        """Return the hit as a JSON-ready dict (highlights as lists of two offsets)."""
        return {
            "iri": self.iri,
            "kind": self.kind,
            "label": self.label,
            "snippet": self.snippet,
            "highlights": [list(pair) for pair in self.highlights],
            "exact": self.exact,
            "document": self.document,
            "score": self.score,
        }


def _match_expression(column: str, words: Sequence[str], *, prefix_last: bool) -> str:
    # Words are runs of letters and digits (search.folding.WORD), so quoting them is enough
    # to make any query text a plain phrase list: no operator, quote or star survives.
    terms = [f'{column} : "{word}"' for word in words]
    if prefix_last:
        terms[-1] += "*"
    return " AND ".join(terms)


class SearchIndex:
    """An accent-insensitive full-text index of the store's nodes in one SQLite file.

    Safe to share between threads: writes and checks go through one connection under one
    lock, while each thread searches on a read connection of its own (SQLite's WAL mode lets
    readers run side by side, each seeing the last committed index).
    """

    def __init__(self, path: str | Path, *, answers_kept: int = _ANSWERS_KEPT) -> None:
        self.path = Path(path)
        # Recent answers, least recently asked first out (0 kept: none, as the benchmark
        # measures searches).
        self._answers = FactCache(answers_kept)
        self._lock = threading.Lock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._closed = False
        # The (store object, write generation) last found current: see `ensure_current`.
        self._current_at: tuple[int, int] | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._connection = sqlite3.connect(
                self.path, check_same_thread=False, isolation_level=None, timeout=10
            )
            self._connection.execute("PRAGMA journal_mode=WAL")
            self._prepare()
        except (sqlite3.Error, OSError) as error:
            raise SearchIndexError(f"{self.path}: cannot open the search index: {error}") from error

    def _prepare(self) -> None:
        connection = self._connection
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        if tables and "meta" not in tables:
            raise SearchIndexError(
                f"{self.path}: an SQLite file that is not a search index; move it away "
                "or set MANDATE_SEARCH_INDEX to another file"
            )
        if "meta" in tables and self._meta("schema") != SCHEMA_VERSION:
            connection.executescript("DROP TABLE IF EXISTS entries; DROP TABLE IF EXISTS meta;")
        connection.executescript(_CREATE)
        connection.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def _meta(self, key: str) -> str | None:
        row = self._connection.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    @contextmanager
    def _locked(self, doing: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._connection
            except sqlite3.Error as error:
                raise SearchIndexError(f"{self.path}: {doing}: {error}") from error

    def rebuild(self, store: GraphStore) -> int:
        """Index every searchable node of `store` afresh; return the number of entries.

        The old entries are replaced in one SQLite transaction: a reader sees the old index
        or the new one, never a mix. Entries are read and written a batch at a time, so a
        national store's texts never sit in memory at once.
        """
        documents = ingested_documents(store)
        fingerprint = fingerprint_of(documents)
        count = 0
        with self._locked("cannot rebuild the search index") as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                connection.execute("DELETE FROM entries")
                for batch in entry_batches(store, documents):
                    connection.executemany(
                        "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?)", map(_row, batch)
                    )
                    count += len(batch)
                connection.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('fingerprint', ?)", (fingerprint,)
                )
                connection.execute("COMMIT")
                self._answers = FactCache(self._answers.limit)
            except BaseException:
                # SQLite has already rolled back after some errors (a full disk); a second
                # ROLLBACK would then replace the real error by "no transaction is active".
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        return count

    def entry_count(self) -> int:
        """Return how many nodes the index holds."""
        with self._locked("cannot read the search index") as connection:
            return int(connection.execute("SELECT count(*) FROM entries").fetchone()[0])

    def _is_empty(self) -> bool:
        # count(*) reads the whole FTS5 table; one row is enough to know it is not empty.
        with self._locked("cannot read the search index") as connection:
            return connection.execute("SELECT 1 FROM entries LIMIT 1").fetchone() is None

    def ensure_current(self, store: GraphStore) -> bool:
        """Rebuild the index when it is empty or was built from other documents.

        Returns True when it rebuilt. The check is one SPARQL query over content hashes; for
        a store whose every change goes through its own writes (`GraphStore.cacheable`) it
        is made once per write generation, so the searches in between cost no store query.
        """
        marker = (id(store), store.generation) if store.cacheable else None
        if marker is not None and marker == self._current_at:
            return False
        fingerprint = store_fingerprint(store)
        with self._locked("cannot read the search index"):
            recorded = self._meta("fingerprint")
        rebuilt = recorded != fingerprint or self._is_empty()
        if rebuilt:
            self.rebuild(store)
        # The marker was taken before the check, so a write made meanwhile forces another.
        self._current_at = marker
        return rebuilt

    def search(
        self, query: str, *, limit: int = 20, kinds: Collection[str] | None = None
    ) -> list[SearchHit]:
        """Return up to `limit` nodes matching every word of `query`, accents optional.

        Exact-accent hits come first, then accent-folded ones, each by bm25. The last word
        matches as a prefix in the folded form. Any text is a valid query: quotes, `*`,
        parentheses, NEAR, AND and OR are plain words. An empty query returns [].

        Raises ValueError for a kind not in `KINDS`.
        """
        unknown = sorted(set(kinds or ()) - set(KINDS))
        if unknown:
            raise ValueError(f"unknown kind {unknown[0]!r}; kinds are: {', '.join(KINDS)}")
        folded = folded_words(query)
        if not folded or limit <= 0 or (kinds is not None and not kinds):
            return []
        # Answers are kept per index content: the fingerprint changes with every rebuild
        # that changes anything, whichever process makes it.
        key = (self._fingerprint(), query, limit, tuple(sorted(kinds)) if kinds else None)
        known = self._answers.get(key)
        if isinstance(known, tuple):
            return list(known)
        hits = self._search(query, folded, limit, kinds)
        self._answers.put(key, tuple(hits))
        return hits

    def _fingerprint(self) -> str | None:
        try:
            reader = self._reader()
            row = reader.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
        except sqlite3.Error as error:
            raise SearchIndexError(f"{self.path}: cannot read the search index: {error}") from error
        return None if row is None else str(row[0])

    def _search(
        self, query: str, folded: list[str], limit: int, kinds: Collection[str] | None
    ) -> list[SearchHit]:
        exact = exact_words(query)
        hits: list[SearchHit] = []
        seen: set[str] = set()
        searches = (
            (True, _match_expression("exact", exact, prefix_last=False)),
            (False, _match_expression("folded", folded, prefix_last=True)),
        )
        for is_exact, expression in searches:
            if not expression or len(hits) >= limit:
                continue
            for row in self._rows(expression, kinds, limit + len(seen)):
                if row[0] in seen or len(hits) >= limit:
                    continue
                seen.add(row[0])
                hits.append(_hit(row, folded, is_exact))
        return hits

    def _rows(
        self, expression: str, kinds: Collection[str] | None, limit: int
    ) -> list[tuple[str, str, str | None, str, str, float]]:
        kind_list = sorted(set(kinds)) if kinds else []
        kind_filter = f"AND kind IN ({', '.join('?' * len(kind_list))})" if kind_list else ""
        sql = _SEARCH.format(kinds=kind_filter)
        try:
            return self._reader().execute(sql, (expression, *kind_list, limit)).fetchall()
        except sqlite3.Error as error:
            raise SearchIndexError(f"{self.path}: cannot search the index: {error}") from error

    def _reader(self) -> sqlite3.Connection:
        """Return this thread's read connection, opened on first use."""
        reader: sqlite3.Connection | None = getattr(self._local, "reader", None)
        if reader is None:
            with self._lock:
                if self._closed:
                    raise sqlite3.ProgrammingError("the search index is closed")
                reader = sqlite3.connect(
                    self.path, check_same_thread=False, isolation_level=None, timeout=10
                )
                self._readers.append(reader)
            self._local.reader = reader
        return reader

    def close(self) -> None:
        """Close the SQLite connections; the index file stays."""
        with self._lock:
            self._closed = True
            for reader in self._readers:
                reader.close()
            self._readers.clear()
            self._connection.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _row(entry: Entry) -> tuple[str, str, str | None, str, str, str, str]:
    """Return the table row of one entry: its forms for display, exact and folded search."""
    return (
        entry.iri,
        entry.kind,
        entry.document,
        entry.label or label_of(entry.text),
        entry.text,
        exact_text(entry.text),
        folded_text(entry.text),
    )


def _hit(
    row: tuple[str, str, str | None, str, str, float], words: list[str], exact: bool
) -> SearchHit:
    iri, kind, document, label, display, rank = row
    snippet = snippet_of(display, words)
    return SearchHit(
        iri=iri,
        kind=kind,
        label=label,
        snippet=snippet.text,
        highlights=snippet.highlights,
        score=round(-float(rank), 4),
        exact=exact,
        document=document,
    )
