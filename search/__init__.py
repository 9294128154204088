"""Accent-insensitive full-text search over the store's nodes (an SQLite FTS5 index).

`open_index(settings)` opens the index that belongs to the configured store; call
`ensure_current(store)` before searching a store that may have changed without it, and
`search(query)` for the hits.
"""

from __future__ import annotations

from pathlib import Path

from config import Settings
from search.index import DERIVATION, KINDS, SearchHit, SearchIndex, SearchIndexError

__all__ = [
    "DERIVATION",
    "KINDS",
    "SearchHit",
    "SearchIndex",
    "SearchIndexError",
    "index_path",
    "open_index",
]

INDEX_FILE = "search.sqlite3"
REMOTE_DEFAULT = ".mandate-search.sqlite3"


def index_path(settings: Settings) -> Path:
    """Return where the search index of the configured store lives.

    An embedded store keeps it in its directory (`<store>/search.sqlite3`); for a remote
    store it is the `search_index` setting, by default `./.mandate-search.sqlite3`.
    """
    if settings.store.startswith(("http://", "https://")):
        return Path(settings.search_index or REMOTE_DEFAULT)
    return Path(settings.store) / INDEX_FILE


def open_index(settings: Settings) -> SearchIndex:
    """Return the opened search index of the configured store (created empty if missing).

    Raises SearchIndexError when the file cannot be opened as a search index.
    """
    return SearchIndex(index_path(settings))
