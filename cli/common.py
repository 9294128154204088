"""What every `mandate` command shares: the store option, opening the store, one-line errors.

Exit statuses: 0 success; 1 the command ran but found a problem; 2 the command could not run
(bad arguments, unusable store, a node that is not in the graph).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

import click

from config import SETTINGS, Settings, load_settings
from ontology.identifiers import IriFactory
from store import GraphStore, StoreError, open_store

__all__ = [
    "CommandFailed",
    "min_confidence_option",
    "no_traceback",
    "opened",
    "settings_for",
    "store_option",
]

F = TypeVar("F", bound=Callable[..., Any])

_STORE_HELP = next(setting.help for setting in SETTINGS if setting.name == "store")


class CommandFailed(click.ClickException):
    """A command could not run; shown as one line and exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        """Print the one-line error to standard error."""
        click.echo(f"mandate: error: {self.format_message()}", err=True)


def store_option(function: F) -> F:
    """Add the `--store` option every command takes."""
    return click.option(
        "--store",
        "store_location",
        metavar="DIR|URL",
        default=None,
        help=f"{_STORE_HELP} Default: $MANDATE_STORE or ./.mandate.",
    )(function)


def settings_for(store_location: str | None) -> Settings:
    """Return the settings with `--store` applied; a bad value is a CommandFailed."""
    try:
        return load_settings(store=store_location)
    except ValueError as error:
        raise CommandFailed(str(error)) from error


@contextmanager
def opened(settings: Settings, *, read_only: bool) -> Iterator[tuple[GraphStore, IriFactory]]:
    """Yield the opened store and the IRI factory; store errors become CommandFailed."""
    try:
        iris = IriFactory(settings.base_iri)
        store = open_store(settings.store, base_iri=iris.base, read_only=read_only)
    except (StoreError, ValueError) as error:
        raise CommandFailed(str(error)) from error
    try:
        yield store, iris
    except StoreError as error:
        raise CommandFailed(str(error)) from error
    finally:
        store.close()


def no_traceback(function: F) -> F:
    """Turn an unexpected exception into one line instead of a traceback."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            # The reader (e.g. `head`) stopped early; that is not an error of ours.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return None
        except Exception as error:
            if os.environ.get("MANDATE_DEBUG"):
                raise
            raise CommandFailed(
                f"internal error: {type(error).__name__}: {error} (set MANDATE_DEBUG=1 for details)"
            ) from error

    return wrapper  # type: ignore[return-value]


def min_confidence_option(function: F) -> F:
    """Add `--min-confidence`, the confidence from which a proposed link counts."""
    from queries.reviews import DEFAULT_MIN_CONFIDENCE

    return click.option(
        "--min-confidence",
        type=click.FloatRange(0.0, 1.0),
        default=DEFAULT_MIN_CONFIDENCE,
        show_default=True,
        help="Count a proposed link only at or above this confidence (stated and confirmed "
        "links always count, rejected never).",
    )(function)
