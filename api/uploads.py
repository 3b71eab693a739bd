"""Plans sent to the API: a multipart upload (field ``file``) or the raw text.

Read by ``POST /documents`` (:mod:`policykg.api.writes`) and ``POST /check``
(:mod:`policykg.api.check`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from policykg.api.errors import ApiError

UPLOAD_SUFFIXES = (".txt", ".md", ".docx", ".pdf")

#: OpenAPI request body of the endpoints that take a plan: a multipart upload (field
#: ``file``) or the raw text.
UPLOAD_REQUEST_BODY: dict[str, Any] = {
    "required": True,
    "content": {
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}},
            }
        },
        "text/plain": {"schema": {"type": "string"}},
    },
}


async def read_upload(request: Request, limit: int) -> tuple[str, bytes]:
    """The uploaded plan as (file name, bytes): multipart field ``file`` or text/plain;
    413 past ``limit``, 415 for other media types or file endings."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, "too_large", f"the upload is larger than {limit} bytes")
    ctype = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    if ctype == "multipart/form-data":
        try:
            form = await request.form(max_files=1, max_fields=5)
        except (MultiPartException, StarletteHTTPException):
            raise ApiError(400, "bad_request", "the multipart body could not be read") from None
        try:
            upload = form.get("file")
            if upload is None or isinstance(upload, str):
                raise ApiError(400, "bad_request", "send the document in a form field named 'file'")
            data = await upload.read(limit + 1)
            name = upload.filename or "upload.txt"
        finally:
            await form.close()
    elif ctype == "text/plain":
        data = b""
        async for chunk in request.stream():
            data += chunk
            if len(data) > limit:
                break
        name = request.query_params.get("filename") or "upload.txt"
        if not name.lower().endswith((".txt", ".md")):
            name += ".txt"
    else:
        raise ApiError(
            415, "unsupported_media_type", "send multipart/form-data (field 'file') or text/plain"
        )
    if len(data) > limit:
        raise ApiError(413, "too_large", f"the upload is larger than {limit} bytes")
    name = Path(name.replace("\\", "/")).name[:200]
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise ApiError(
            415, "unsupported_media_type", "documents must be .txt, .md, .docx or .pdf",
            detail={"filename": name},
        )  # fmt: skip
    return name, data
