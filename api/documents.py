"""REST lookups of documents and citations: the ingested documents, one document with its
facts, citation chains from or to it, what it implements and what implements an instrument.

Identifiers in paths are the local parts of the minted IRIs (see ``docs/api.md``):

* a document or instrument ``{base}eli/vn/{issuer}/{year}/{kind}/{local}`` is
  ``/documents/{issuer}/{year}/{kind}/{local}``
  (e.g. ``/documents/tuyen-quang/2022/kh/60-kh-ubnd``);
* an instrument in ``/instruments/{number}/implemented-by`` is its number as written
  (``100/QĐ-TTg``, URL-encoded or not), its slug (``100-qd-ttg``), its id or its IRI.

Every answer comes from the named queries of :mod:`policykg.graph.queries` with bound values
(:mod:`policykg.graph.lookups`). The writes are in :mod:`policykg.api.writes`.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from policykg.api.deps import GraphDep
from policykg.api.errors import ApiError
from policykg.api.models import ChainResult, DocumentList, ReachResult
from policykg.api.params import (
    CODE,
    Issuer,
    Kind,
    Local,
    ProvinceQ,
    Year,
    errors,
    example,
    paginate,
)
from policykg.graph.lookup_models import ChainPath, DocumentDetail
from policykg.graph.lookups import (
    MAX_DEPTH,
    chain_paths,
    document_detail,
    documents_implementing,
    implemented_by_document,
)
from policykg.ontology.iri import slug
from policykg.ontology.terms import RELATION_PROPERTIES

#: The citation relations a chain may follow: every code of the relation list.
RELATIONS = tuple(RELATION_PROPERTIES)
MAX_PATHS = 1000

router = APIRouter()


@router.get(
    "/documents",
    tags=["documents"],
    summary="List and filter ingested documents",
    response_model=DocumentList,
    responses=errors(404, 422),
)
def list_documents(
    graph: GraphDep,
    province: ProvinceQ = None,
    kind: Annotated[
        str | None,
        Query(
            pattern=CODE,
            description="document kind code, e.g. KeHoach, QuyetDinh",
            openapi_examples={"plan": example("KeHoach", "plans")},
        ),
    ] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="year of issue")] = None,
    implements: Annotated[
        str | None,
        Query(
            max_length=300,
            description="only documents implementing this instrument (number, id or IRI),"
            " directly or through another instrument",
            openapi_examples={"1322": example("1322/QĐ-TTg", "QĐ 1322/QĐ-TTg")},
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> DocumentList:
    """Ingested documents, sorted by province and IRI. `implements` follows chains
    (a plan that applies a plan that implements the instrument counts)."""
    docs = [d for d in graph.catalog().instruments.values() if d.ingested]
    if province:
        docs = [d for d in docs if d.province and slug(d.province) == slug(province)]
    if kind:
        docs = [d for d in docs if (d.kind or "").lower() == kind.lower()]
    if year is not None:
        docs = [d for d in docs if d.date and d.date[:4] == f"{year:04d}"]
    if implements:
        target = graph.resolve_instrument(implements)
        items = documents_implementing(
            graph, target, transitive=True, relations={"implements"}, ingested_only=True
        )
        keep = {i.instrument.iri for i in items}
        docs = [d for d in docs if d.iri in keep]
    docs.sort(key=lambda d: (d.province or "", d.iri))
    return DocumentList(
        total=len(docs), limit=limit, offset=offset, items=paginate(docs, limit, offset)
    )


@router.get(
    "/documents/{issuer}/{year}/{kind}/{local}",
    tags=["documents"],
    summary="One document: metadata and extracted facts with their source quotes",
    response_model=DocumentDetail,
    responses=errors(404, 422),
)
def get_document(
    graph: GraphDep, issuer: Issuer, year: Year, kind: Kind, local: Local
) -> DocumentDetail:
    """The id is the IRI's part after `eli/vn/`. Citations carry their evidence sentence;
    every fact carries the quote (and line) it was read from when ingest recorded one."""
    iri = graph.document_iri(issuer, year, kind, local)
    return graph.cached("document", iri, lambda: document_detail(graph, iri))


@router.get(
    "/documents/{issuer}/{year}/{kind}/{local}/chain",
    tags=["citations"],
    summary="Citation chains from or to a document, as paths with evidence",
    response_model=ChainResult,
    responses=errors(404, 422),
)
def get_chain(
    graph: GraphDep,
    issuer: Issuer,
    year: Year,
    kind: Kind,
    local: Local,
    direction: Annotated[Literal["out", "in", "both"], Query()] = "out",
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH)] = 2,
    relations: Annotated[
        str | None,
        Query(
            max_length=200,
            pattern=r"^[a-z_]+(,[a-z_]+)*$",
            description="comma-separated: " + ", ".join(RELATIONS) + " (default: all)",
            openapi_examples={"impl": example("implements,applies", "implements, applies")},
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PATHS)] = 200,
) -> ChainResult:
    """Every simple path of up to `depth` citation edges (`out`: what it cites, `in`:
    what cites it). Each edge lists the citations that state it, with their evidence."""
    start = graph.document_iri(issuer, year, kind, local)
    rels = _relations(relations)
    paths: list[ChainPath] = []
    truncated = False
    for d in ("out", "in") if direction == "both" else (direction,):
        found, cut = chain_paths(
            graph, start, direction=d, depth=depth, relations=rels, limit=limit - len(paths)
        )
        paths.extend(found)
        truncated = truncated or cut
    return ChainResult(
        start=graph.instrument(start),
        direction=direction,
        depth=depth,
        relations=sorted(rels),
        truncated=truncated,
        paths=paths,
    )


@router.get(
    "/documents/{issuer}/{year}/{kind}/{local}/implements",
    tags=["citations"],
    summary="Instruments a document implements, directly or through another instrument",
    response_model=ReachResult,
    responses=errors(404, 422),
)
def get_implements(
    graph: GraphDep,
    issuer: Issuer,
    year: Year,
    kind: Kind,
    local: Local,
    transitive: bool = True,
    instrument_kind: Annotated[
        str | None,
        Query(
            alias="kind",
            pattern=CODE,
            description="only instruments of this kind",
            openapi_examples={"decisions": example("QuyetDinh", "decisions only")},
        ),
    ] = None,
) -> ReachResult:
    """`direct`: the document says it implements it. `through`: the document applies or
    implements an instrument that (in a chain of `implements`) implements it.
    E.g. `/documents/tuyen-quang/2022/kh/60-kh-ubnd/implements?kind=QuyetDinh`."""
    doc = graph.document_iri(issuer, year, kind, local)
    items = implemented_by_document(graph, doc, transitive=transitive)
    if instrument_kind:
        items = [i for i in items if (i.instrument.kind or "") == instrument_kind]
    return ReachResult(start=graph.instrument(doc), transitive=transitive, items=items)


@router.get(
    "/instruments/{number:path}/implemented-by",
    tags=["citations"],
    summary="Documents implementing an instrument, directly or through another plan",
    response_model=ReachResult,
    responses=errors(404, 422),
)
def get_implemented_by(
    graph: GraphDep,
    number: Annotated[str, PathParam(max_length=300, examples=["100/QĐ-TTg"])],
    transitive: bool = True,
    relations: Annotated[
        str,
        Query(
            pattern=r"^(implements|legal_basis)(,(implements|legal_basis))?$",
            description="last edge into the instrument: implements and/or legal_basis",
            openapi_examples={"both": example("implements,legal_basis", "and based on")},
        ),
    ] = "implements",
    ingested_only: bool = True,
) -> ReachResult:
    """`number` as written (`100/QĐ-TTg`), slugged (`100-qd-ttg`), an id or an IRI.
    `through` paths go plan → (applies|implements) → … → implements → instrument."""
    instrument = graph.resolve_instrument(number)
    items = documents_implementing(
        graph,
        instrument,
        transitive=transitive,
        relations=set(relations.split(",")),
        ingested_only=ingested_only,
    )
    return ReachResult(start=graph.instrument(instrument), transitive=transitive, items=items)


def _relations(text: str | None) -> set[str]:
    if not text:
        return set(RELATIONS)
    rels = {r.strip() for r in text.split(",") if r.strip()}
    unknown = sorted(rels - set(RELATIONS))
    if unknown:
        raise ApiError(
            422,
            "invalid_parameters",
            "unknown relation",
            detail={"unknown": unknown, "known": list(RELATIONS)},
        )
    return rels
