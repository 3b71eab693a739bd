"""``POST /check``: a plan checked against the shapes and the store, nothing stored.

The checking itself is :mod:`policykg.shapes.draft`; this is its HTTP face.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from policykg.api.deps import MinterDep, SettingsDep, StoreDep
from policykg.api.uploads import UPLOAD_REQUEST_BODY, read_upload
from policykg.graph.base import Store
from policykg.ontology.iri import IriMinter
from policykg.shapes.check import Report
from policykg.shapes.draft import check_file

log = logging.getLogger(__name__)


def _check_upload(store: Store, minter: IriMinter, name: str, data: bytes) -> Report:
    with tempfile.TemporaryDirectory(prefix="policykg-check-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        return check_file(path, store=store, minter=minter)


router = APIRouter()


@router.post(
    "/check",
    tags=["documents"],
    summary="Check a plan against the shapes and the store (nothing is stored)",
    response_class=JSONResponse,
    responses={
        200: {
            "description": "the report: counts and findings (severity, code, "
            "message_vi, message_en, focus, path, value, quote, line)"
        },
        413: {"description": "upload too large"},
        415: {"description": "not multipart/form-data or text/plain, or not .txt/.md/.docx/.pdf"},
        422: {"description": "the document cannot be read or extracted"},
    },
    openapi_extra={"requestBody": UPLOAD_REQUEST_BODY},
)
async def post_check(
    request: Request, store: StoreDep, settings: SettingsDep, minter: MinterDep
) -> JSONResponse:
    # upload a plan (multipart field ``file``) or send its text (``text/plain``); the answer
    # is the checker's report as JSON
    name, data = await read_upload(request, settings.max_upload_bytes)
    report = await run_in_threadpool(_check_upload, store, minter, name, data)
    log.info("POST /check: %s, %d finding(s)", name, len(report.findings))
    return JSONResponse(report.as_dict())
