"""The FastAPI application, built by a factory: ``create_app(store, settings)``.

Nothing is built at import time: the CLI (``policykg serve``), the tests and any ASGI
server call :func:`create_app` with the store and settings they own.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from policykg import __version__
from policykg.api import (
    agencies,
    check,
    documents,
    graph_store,
    items,
    linked_data,
    meta,
    pages,
    sparql,
    writes,
)
from policykg.api.errors import install_error_handlers
from policykg.api.graph_store import WriteGuard, Writer
from policykg.api.limits import BodyLimitMiddleware
from policykg.api.linked_data import Describer
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.lookups import Graph
from policykg.ontology.iri import IriMinter

log = logging.getLogger(__name__)

DESCRIPTION = """
A knowledge graph of Vietnamese public policy: provincial plans, the national decisions
they implement, the agencies that must act, their targets and reporting duties.

* `/sparql`: SPARQL 1.1 Protocol endpoint (read-only unless a write token is configured).
* `/check`: consistency check of a new plan (nothing is stored).
* `/health`: liveness (and the number of named graphs).
* `/.well-known/void`: VoID/DCAT description of the dataset.
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.sparql.executor.close()  # the SPARQL query workers, if any started


def create_app(store: Store, settings: Settings | None = None) -> FastAPI:
    """Build the HTTP application over ``store``."""
    settings = settings or Settings()
    minter = IriMinter(settings.base_iri)
    app = FastAPI(
        title="policykg",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=[
            {"name": "sparql", "description": "SPARQL 1.1 Protocol"},
            {"name": "meta", "description": "Service health"},
            {"name": "documents", "description": "Ingested plans: list, read, ingest, remove"},
            {"name": "citations", "description": "Citation chains with their evidence"},
            {"name": "agencies", "description": "Agencies, their roles and partners"},
            {"name": "tasks", "description": "Tasks by theme and role"},
            {"name": "targets", "description": "Targets as comparable tables"},
            {"name": "reporting", "description": "Reporting duties and calendar"},
            {"name": "linked data", "description": "Dereferencing of every minted IRI"},
            {"name": "pages", "description": "Web pages: index, document, agency network"},
        ],
        lifespan=_lifespan,
    )
    # what the routes get through their dependencies (policykg.api.deps and each router's own)
    app.state.store = store
    app.state.settings = settings
    app.state.minter = minter
    app.state.graph = Graph(store, minter)
    app.state.describer = Describer(store, minter)
    app.state.guard = guard = WriteGuard(settings)
    app.state.writer = writer = Writer(store, guard)
    app.state.sparql = sparql.SparqlService(store, settings, guard=guard, writer=writer)
    app.state.pages = pages.Pages(app.state.graph)
    app.state.templates = pages.make_templates()
    install_error_handlers(app)
    app.add_middleware(
        BodyLimitMiddleware, max_bytes=max(settings.max_request_bytes, settings.max_upload_bytes)
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST", "HEAD", "OPTIONS"],
            allow_headers=["Accept", "Content-Type", "Authorization"],
        )
    app.include_router(meta.health_router)
    app.include_router(sparql.router)
    app.include_router(graph_store.router)
    for lookups in (documents, agencies, items, writes):
        app.include_router(lookups.router)
    app.include_router(check.router)
    app.include_router(meta.router)
    app.include_router(linked_data.router)
    app.include_router(pages.router)
    return app
