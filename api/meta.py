"""The service: liveness at ``/health``, and the dataset described in VoID and DCAT at
``/.well-known/void`` (RFC 5785, VoID section 7)."""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import Response

from policykg import __version__
from policykg.api.deps import MinterDep, StoreDep
from policykg.api.linked_data import serialize
from policykg.api.negotiation import negotiate
from policykg.graph.base import Store
from policykg.graph.dataset import stats
from policykg.ontology.iri import (
    DCAT,
    DCTERMS,
    ELI,
    OA,
    ORG,
    PKG,
    PROV,
    RDF,
    SDO,
    SKOS,
    VOID,
    XSD,
    IriMinter,
)

_OFFERS = [
    ("text/turtle", "turtle"),
    ("application/ld+json", "jsonld"),
    ("application/n-triples", "ntriples"),
]
_MEDIA = {
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
}
_CLASSES = {
    "Task": PKG + "Task",
    "Target": PKG + "Target",
    "ReportingDuty": PKG + "ReportingDuty",
    "Citation": PKG + "Citation",
}


def void_triples(store: Store, minter: IriMinter, endpoint: str) -> list[ox.Triple]:
    """VoID + DCAT description of the dataset with live counts."""
    ds = ox.NamedNode(minter.base + "dataset")
    counts = stats(store, minter)

    def n(x: str) -> ox.NamedNode:
        return ox.NamedNode(x)

    def integer(value: int) -> ox.Literal:
        return ox.Literal(str(value), datatype=n(XSD + "integer"))

    out = [
        ox.Triple(ds, n(RDF + "type"), n(VOID + "Dataset")),
        ox.Triple(ds, n(RDF + "type"), n(DCAT + "Dataset")),
        ox.Triple(ds, n(DCTERMS + "title"), ox.Literal("policykg", language="en")),
        ox.Triple(
            ds,
            n(DCTERMS + "description"),
            ox.Literal(
                "Knowledge graph of Vietnamese public policy: plans, the instruments they "
                "implement, agencies, tasks, targets and reporting duties.",
                language="en",
            ),
        ),
        ox.Triple(
            ds,
            n(DCTERMS + "description"),
            ox.Literal(
                "Đồ thị tri thức về chính sách công của Việt Nam: kế hoạch, văn bản được "
                "thực hiện, cơ quan, nhiệm vụ, chỉ tiêu và chế độ báo cáo.",
                language="vi",
            ),
        ),
        ox.Triple(ds, n(DCTERMS + "hasVersion"), ox.Literal(__version__)),
        ox.Triple(ds, n(VOID + "sparqlEndpoint"), n(endpoint)),
        ox.Triple(ds, n(VOID + "uriSpace"), ox.Literal(minter.base)),
        ox.Triple(ds, n(VOID + "triples"), integer(counts["triples"])),
        ox.Triple(ds, n(VOID + "documents"), integer(counts["documents"])),
    ]
    for vocab in (PKG, ELI, ORG, SKOS, PROV, OA, DCTERMS, SDO):
        out.append(ox.Triple(ds, n(VOID + "vocabulary"), n(vocab)))
    for name, cls in _CLASSES.items():
        part = n(f"{minter.base}dataset/class/{name}")
        out += [
            ox.Triple(ds, n(VOID + "classPartition"), part),
            ox.Triple(part, n(VOID + "class"), n(cls)),
            ox.Triple(part, n(VOID + "entities"), integer(counts[_COUNT_KEYS[name]])),
        ]
    return out


_COUNT_KEYS = {
    "Task": "tasks",
    "Target": "targets",
    "ReportingDuty": "reporting_duties",
    "Citation": "citations",
}


health_router = APIRouter(tags=["meta"])
router = APIRouter(tags=["meta"])


@health_router.get("/health", summary="Liveness")
def health(store: StoreDep) -> dict[str, object]:
    """Answers while the store can be read: `{"status": "ok", "graphs": N}`.

    Cheap at any store size (counts of triples are in `/.well-known/void`).
    """
    return {"status": "ok", "graphs": len(store.graphs())}


@router.get(
    "/.well-known/void",
    summary="VoID and DCAT description of the dataset",
    responses={
        200: {
            "description": "The description, with counts of documents, graphs, triples "
            "and instances per class",
            "content": {m: {} for m in _MEDIA.values()},
        }
    },
    response_class=Response,
)
def void(request: Request, store: StoreDep, minter: MinterDep) -> Response:
    """Turtle by default; JSON-LD or N-Triples by `Accept`."""
    key = negotiate(request.headers.get("accept"), _OFFERS) or "turtle"
    endpoint = str(request.base_url) + "sparql"
    body = serialize(void_triples(store, minter, endpoint), key)
    return Response(body, media_type=_MEDIA[key])
