"""The API key: every write needs it; reads need it only when reads are closed."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Request

from api.context import AppContext, context_of
from api.errors import ApiError

__all__ = ["KEY_HEADER", "require_read", "require_write"]

KEY_HEADER = "X-API-Key"


def _key_matches(request: Request, context: AppContext) -> bool:
    expected = context.settings.api_key
    given = request.headers.get(KEY_HEADER, "")
    return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())


# Coroutines that never wait, like `context_of`: they run on the event loop, not the pool.
async def require_write(
    request: Request, context: Annotated[AppContext, Depends(context_of)]
) -> None:
    """Refuse the request (401) unless it carries the configured API key."""
    if not context.settings.api_key:
        raise ApiError(401, "writes are disabled: the server has no MANDATE_API_KEY set")
    if not _key_matches(request, context):
        raise ApiError(401, f"this action needs a valid API key in the {KEY_HEADER} header")


async def require_read(
    request: Request, context: Annotated[AppContext, Depends(context_of)]
) -> None:
    """Refuse the request (401) when reads are closed and it carries no valid key."""
    if not context.settings.open_reads and not _key_matches(request, context):
        raise ApiError(401, f"reading needs a valid API key in the {KEY_HEADER} header")
