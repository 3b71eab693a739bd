"""The document writes of the REST API (they need the bearer write token; with none
configured they are refused, 403): ``POST /documents`` checks a plan against the shapes and
the store (:mod:`policykg.shapes.draft`), then ingests it (:mod:`policykg.load.documents`),
its graph replaced whole; ``DELETE /documents/...`` removes one.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from policykg.api.deps import GraphDep, SettingsDep, StoreDep
from policykg.api.errors import ApiError
from policykg.api.graph_store import GuardDep
from policykg.api.models import CheckFinding, CheckSummary, IngestAnswer
from policykg.api.params import Issuer, Kind, Local, Year, errors
from policykg.api.uploads import UPLOAD_REQUEST_BODY, read_upload
from policykg.graph.base import Store
from policykg.graph.lookups import Graph
from policykg.ingest.errors import IngestError
from policykg.load.documents import build_document
from policykg.shapes.draft import check_file

log = logging.getLogger(__name__)

router = APIRouter()


@router.post(
    "/documents",
    tags=["documents"],
    summary="Ingest a plan (needs the write token)",
    status_code=201,
    response_model=IngestAnswer,
    responses=errors(400, 401, 403, 413, 422),
    openapi_extra={
        "requestBody": UPLOAD_REQUEST_BODY,
        "parameters": [
            {
                "name": "filename",
                "in": "query",
                "required": False,
                "schema": {"type": "string", "maxLength": 200},
                "description": "name of the source for a text/plain body",
            }
        ],
    },
)
async def post_document(
    store: StoreDep,
    settings: SettingsDep,
    graph: GraphDep,
    guard: GuardDep,
    request: Request,
    fail_on: Annotated[
        Literal["violation", "warning", "never"],
        Query(
            description="refuse the document (422 check_failed) when the checker "
            "finds a problem this severe or worse"
        ),
    ] = "never",
) -> IngestAnswer:
    """Upload a file (`multipart/form-data`, field `file`: .txt, .md, .docx, .pdf) or
    send the plan's text (`text/plain; charset=utf-8`). The plan is checked against the
    shapes and the store first (findings in `check`), then its graph is replaced whole.
    Needs `Authorization: Bearer <write token>`."""
    guard.authorize(request)
    name, data = await read_upload(request, settings.max_upload_bytes)
    answer = await run_in_threadpool(_ingest, store, graph, name, data, fail_on)
    log.info("POST /documents: %s %s (%d triples)", answer.status, answer.iri, answer.triples)
    return answer


@router.delete(
    "/documents/{issuer}/{year}/{kind}/{local}",
    tags=["documents"],
    summary="Remove an ingested document (needs the write token)",
    status_code=204,
    response_class=Response,
    responses=errors(401, 403, 404, 422),
)
def delete_document(
    store: StoreDep,
    graph: GraphDep,
    guard: GuardDep,
    issuer: Issuer,
    year: Year,
    kind: Kind,
    local: Local,
    request: Request,
) -> Response:
    guard.authorize(request)
    iri = f"{graph.eli_base}{issuer}/{year}/{kind}/{local}"
    gone = graph.minter.document_graph(iri)
    if not graph.write_graph(gone, lambda: store.drop_graph(gone)):
        raise ApiError(404, "not_found", "no ingested document with this id")
    log.info("DELETE /documents: %s", iri)
    return Response(status_code=204)


def _ingest(store: Store, graph: Graph, name: str, data: bytes, fail_on: str) -> IngestAnswer:
    with tempfile.TemporaryDirectory(prefix="policykg-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            report = check_file(path, store=store, minter=graph.minter)
            doc_iri, graph_iri, triples = build_document(path, graph.minter)
        except IngestError as exc:
            raise ApiError(422, "bad_document", _client_message(exc, name)) from None
    check = CheckSummary(
        counts=report.counts(),
        findings=[
            CheckFinding(
                severity=f.severity, code=f.code, message_en=f.message_en,
                message_vi=f.message_vi, focus=f.focus, line=f.line, quote=f.quote,
            )
            for f in report.findings
        ],
    )  # fmt: skip
    if fail_on != "never" and report.reaches(fail_on):
        raise ApiError(
            422, "check_failed", f"the checker found problems ({fail_on} or worse)",
            detail=check.model_dump(),
        )  # fmt: skip
    checked = True
    existed = store.has_graph(graph_iri)
    written = graph.write_graph(graph_iri, lambda: store.replace_graph(graph_iri, triples))
    return IngestAnswer(
        id=graph.doc_id(doc_iri),
        iri=doc_iri,
        graph=graph_iri,
        triples=written,
        status="replaced" if existed else "created",
        checked=checked,
        check=check,
    )


def _client_message(exc: IngestError, name: str) -> str:
    """The ingest error naming the upload, never the server's temporary path."""
    where = name if exc.line is None else f"{name}:{exc.line}"
    return f"{where}: {exc.message}"
