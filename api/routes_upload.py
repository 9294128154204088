"""`POST /api/documents`: upload documents (multipart, one or more files) and ingest them.

Each file is streamed to disk with its size capped, checked (suffix the readers know, bytes
that fit the suffix, MANDATE_MAX_FILE_MB, the MANDATE_MAX_UPLOAD_MB total kept), kept under
its SHA-256 (never the client's name), then ingested all-or-nothing per file. The answer
lists every file as `{"name", "sha256", "ok", "document", "error"}`; the status is 200 when
every file was ingested, 207 when some were and some were not, 422 when none was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from python_multipart.multipart import MultipartParseError, parse_options_header
from starlette.concurrency import run_in_threadpool

from api.context import AppContext, context_of
from api.errors import ERROR_RESPONSES, ApiError, error_responses
from api.security import require_write
from api.upload_files import IncomingFile, UploadReceiver, keep, kept_bytes, sniff, uploads_folder

__all__ = ["router"]

router = APIRouter(
    prefix="/api",
    tags=["upload"],
    dependencies=[Depends(require_write)],
    responses={**ERROR_RESPONSES, **error_responses(413, 415)},
)


def _boundary(request: Request) -> bytes:
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise ApiError(415, "send the files as multipart/form-data (one part per file)")
    return boundary


def _result(incoming: IncomingFile, *, document: str | None = None) -> dict[str, Any]:
    return {
        "name": incoming.name,
        "sha256": incoming.sha256 or None,
        "ok": incoming.error is None and document is not None,
        "document": document,
        "error": incoming.error,
    }


def _keep_and_ingest(context: AppContext, files: list[IncomingFile]) -> list[dict[str, Any]]:
    from ingest.loader import ingest_paths

    settings = context.settings
    folder = uploads_folder(settings)
    limit = int(settings.max_upload_mb * 1024 * 1024)
    kept: dict[int, tuple[Path, bool]] = {}
    with context.write_lock:
        for index, incoming in enumerate(files):
            if incoming.error is not None:
                continue
            waiting = incoming.temp
            if waiting is None:
                incoming.error = "the file's bytes were lost; upload it again"
                continue
            incoming.error = sniff(waiting, incoming.suffix)
            already = (folder / f"{incoming.sha256}{incoming.suffix}").exists()
            too_much = not already and kept_bytes(folder) + incoming.size > limit
            if incoming.error is None and too_much:
                incoming.error = (
                    f"the uploads kept would pass {settings.max_upload_mb:g} MB "
                    "(MANDATE_MAX_UPLOAD_MB); remove old uploads or raise the limit"
                )
            if incoming.error is not None:
                incoming.discard()
                continue
            kept[index] = keep(incoming, folder)
        paths = sorted({path for path, _new in kept.values()})
        report = ingest_paths(
            context.store, paths, iris=context.iris, max_bytes=settings.max_file_bytes
        )
    outcome = {Path(result.path).resolve(): result for result in report.results}
    answers = []
    for index, incoming in enumerate(files):
        if index not in kept:
            answers.append(_result(incoming))
            continue
        path, new = kept[index]
        result = outcome.get(path.resolve())
        if result is not None and result.ok:
            answers.append(_result(incoming, document=result.document))
            continue
        message = result.error if result is not None and result.error else "not ingested"
        # The server's path means nothing to the person; name their file instead.
        incoming.error = message.replace(str(path), incoming.name)
        if new:
            path.unlink(missing_ok=True)
        answers.append(_result(incoming))
    return answers


@router.post(
    "/documents",
    summary="Upload and ingest documents (.txt, .docx, .pdf)",
    responses={
        207: {"description": "Some files were ingested, some were refused (see each result)."},
        422: {"description": "No file was ingested (see each result)."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "multipart/form-data": {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "files": {
                                "type": "array",
                                "items": {"type": "string", "format": "binary"},
                            }
                        },
                    }
                }
            },
        }
    },
)
async def upload(
    request: Request, context: Annotated[AppContext, Depends(context_of)]
) -> JSONResponse:
    """Return one result per uploaded file, with 200, 207 or 422 as described above."""
    from ingest.readers import supported_suffixes

    receiver = UploadReceiver(
        _boundary(request),
        uploads_folder(context.settings),
        max_file_bytes=context.settings.max_file_bytes,
        suffixes=set(supported_suffixes()),
    )
    try:
        async for chunk in request.stream():
            receiver.feed(chunk)
        files = receiver.finish()
    except (MultipartParseError, ValueError) as error:
        receiver.discard()
        raise ApiError(400, f"the upload is not a well-formed multipart form: {error}") from error
    except BaseException:
        receiver.discard()
        raise
    if not files:
        raise ApiError(400, "no files in the upload: send each file as a multipart file part")
    try:
        answers = await run_in_threadpool(_keep_and_ingest, context, files)
    finally:
        receiver.discard()
    ingested = sum(1 for answer in answers if answer["ok"])
    status = 200 if ingested == len(answers) else 207 if ingested else 422
    return JSONResponse(status_code=status, content={"files": answers})
