"""What a route needs, as FastAPI dependencies: the objects :func:`policykg.api.app.create_app`
keeps on ``app.state`` (the store, the settings, the IRI minter, the lookups' view of the
graph). Each router module adds the dependencies of its own state the same way.

They are ``async`` so that FastAPI calls them in the event loop, without a thread hop.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.graph.lookups import Graph
from policykg.ontology.iri import IriMinter


async def get_store(request: Request) -> Store:
    """The store the app serves."""
    store: Store = request.app.state.store
    return store


async def get_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_minter(request: Request) -> IriMinter:
    """The IRI minter of ``settings.base_iri``."""
    minter: IriMinter = request.app.state.minter
    return minter


async def get_graph(request: Request) -> Graph:
    """The lookups' view of the store (catalog and caches, one per app)."""
    graph: Graph = request.app.state.graph
    return graph


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
MinterDep = Annotated[IriMinter, Depends(get_minter)]
GraphDep = Annotated[Graph, Depends(get_graph)]
