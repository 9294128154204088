"""Every error the web app returns is JSON with a message a person can act on."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from queries.lookup import NotFound
from store import StoreError

__all__ = ["ApiError", "install_error_handlers"]


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

    @app.exception_handler(HTTPException)
    async def http_error(_request: Request, error: HTTPException) -> JSONResponse:
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
