"""Errors raised by the graph stores, named by what went wrong."""

from __future__ import annotations


class StoreError(Exception):
    """The store could not carry out a request; the message says why and what to do."""


class StoreLockedError(StoreError):
    """Another process holds the embedded store open for writing."""


class StoreUnavailableError(StoreError):
    """A remote SPARQL server did not answer or refused the request."""


class QuerySyntaxError(StoreError):
    """A SPARQL query or update was not valid."""
