"""Every error the web app returns is JSON with a message a person can act on."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from queries.lookup import NotFound
from store import StoreError

__all__ = ["ERROR_RESPONSES", "ApiError", "ErrorBody", "error_responses", "install_error_handlers"]


class ErrorDetail(BaseModel):
    """What went wrong: the HTTP status again and a message a person can act on."""

    status: int
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


_MEANINGS = {
    400: "The request is malformed (an unknown format or kind, a refused query).",
    401: "The API key is missing or wrong (every write; reads when they are closed).",
    404: "The argument names nothing in the graph.",
    409: "The node exists but the question does not apply to it.",
    413: "The request body is too large.",
    415: "The request body has the wrong media type.",
    422: "A parameter is invalid (a malformed IRI, a value out of range).",
    503: "The graph store or the query sandbox cannot answer now.",
    504: "The query ran past its time limit.",
}


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """Return OpenAPI `responses` declaring each status with the `ErrorBody` schema."""
    return {
        status: {"model": ErrorBody, "description": _MEANINGS.get(status, "An error.")}
        for status in statuses
    }


ERROR_RESPONSES = error_responses(400, 401, 404, 422, 503)
"""The errors any API route may answer with; routers add their own (409, 413, 415, 504)."""


class ApiError(HTTPException):
    """A refused request: its status and the message shown to the person."""

    def __init__(self, status_code: int, message: str) -> None:
        super().__init__(status_code=status_code, detail=message)


def _body(status: int, message: str) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": {"status": status, "message": message}}
    )


def install_error_handlers(app: FastAPI) -> None:
    """Make every error response `{"error": {"status", "message"}}`."""

    # Starlette's own class, so unknown paths (404), wrong methods (405) and bodies FastAPI
    # cannot parse (400) answer in the same shape as the app's errors.
    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return _body(error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        problems = []
        for problem in error.errors():
            where = ".".join(str(part) for part in problem.get("loc", ()) if part != "body")
            problems.append(f"{where}: {problem.get('msg', 'invalid')}")
        return _body(422, "invalid request: " + "; ".join(problems))

    @app.exception_handler(NotFound)
    async def not_found(_request: Request, error: NotFound) -> JSONResponse:
        return _body(error.status, str(error))

    @app.exception_handler(StoreError)
    async def store_error(_request: Request, error: StoreError) -> JSONResponse:
        return _body(503, f"the graph store cannot answer: {error}")
