"""REST lookups over the graph: documents, citation chains, agencies, tasks, targets, reporting.

Identifiers in paths are the local parts of the minted IRIs (see ``docs/api.md``):

* a document or instrument ``{base}eli/vn/{issuer}/{year}/{kind}/{local}`` is
  ``/documents/{issuer}/{year}/{kind}/{local}``
  (e.g. ``/documents/tuyen-quang/2022/kh/60-kh-ubnd``);
* an agency ``{base}agency/{kind}/{scope}[/{name}]`` is ``/agencies/{kind}/{scope}[/{name}]``
  and, in query parameters, ``agency=so-khcn/nghe-an`` (or the full IRI);
* an instrument in ``/instruments/{number}/implemented-by`` is its number as written
  (``100/QĐ-TTg``, URL-encoded or not), its slug (``100-qd-ttg``), its id or its IRI.

Every answer comes from the named queries of :mod:`policykg.graph.queries` with bound values
(:mod:`policykg.graph.lookups`). Writes (``POST /documents``, ``DELETE /documents/...``)
need the bearer write token; with none configured they are refused (403).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from starlette.concurrency import run_in_threadpool

from policykg.api.errors import ApiError
from policykg.api.formats import deadline_key, duty_events, targets_csv, wants
from policykg.api.graph_store import WriteGuard
from policykg.api.ical import calendar
from policykg.api.models import (
    AgencyCount,
    AgencyDetail,
    AgencyList,
    AgencySummary,
    ChainResult,
    CheckFinding,
    CheckSummary,
    DocumentList,
    ErrorBody,
    IngestAnswer,
    Partner,
    ReachResult,
    ReportingList,
    RoleGroup,
    TargetRow,
    TargetTable,
    TaskList,
)
from policykg.api.settings import Settings
from policykg.api.uploads import UPLOAD_REQUEST_BODY, read_upload
from policykg.graph.base import Store
from policykg.graph.lookup_models import AgencyRef, ChainPath, DocumentDetail, DutyItem
from policykg.graph.lookups import (
    MAX_DEPTH,
    Graph,
    chain_paths,
    document_detail,
    documents_implementing,
    duty_items,
    implemented_by_document,
    task_items,
)
from policykg.graph.queries import run_select
from policykg.ingest.errors import IngestError
from policykg.load.documents import build_document
from policykg.ontology.iri import IriMinter, slug
from policykg.shapes.draft import check_file

log = logging.getLogger(__name__)

RELATIONS = ("implements", "legal_basis", "applies", "amended_by", "proposed_by", "mentions")
MAX_PATHS = 1000
SEGMENT = r"^[A-Za-z0-9._~-]{1,120}$"
CODE = r"^[A-Za-z_]{1,40}$"
TQ = "tuyen-quang/2022/kh/60-kh-ubnd"


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "bad request", 401: "missing or wrong write token", 403: "writes are off",
            404: "not found", 406: "no acceptable format", 413: "upload too large",
            422: "invalid parameters"}  # fmt: skip
    return {c: {"model": ErrorBody, "description": text[c]} for c in codes}


def _example(value: Any, summary: str) -> dict[str, Any]:
    return {"summary": summary, "value": value}


# path segments of a document id
Issuer = Annotated[str, PathParam(pattern=SEGMENT, examples=["tuyen-quang"])]
Year = Annotated[str, PathParam(pattern=SEGMENT, examples=["2022"])]
Kind = Annotated[str, PathParam(pattern=SEGMENT, examples=["kh"])]
Local = Annotated[str, PathParam(pattern=SEGMENT, examples=["60-kh-ubnd"])]

ProvinceQ = Annotated[
    str | None,
    Query(
        max_length=80,
        description="province name or slug",
        openapi_examples={"nghe-an": _example("Nghệ An", "Nghệ An")},
    ),
]
AgencyQ = Annotated[
    str | None,
    Query(
        max_length=300,
        description="agency id (`so-khcn/nghe-an`) or IRI",
        openapi_examples={
            "bo-khcn": _example("bo-khcn/national", "Ministry of Science and Technology"),
        },
    ),
]


def _paginate(items: list[Any], limit: int, offset: int) -> list[Any]:
    return items[offset : offset + limit]


def lookups_router(store: Store, settings: Settings) -> APIRouter:
    """Routes of the lookups and of the document writes."""
    graph = Graph(store, IriMinter(settings.base_iri))
    guard = WriteGuard(settings)
    router = APIRouter()

    # --- documents ------------------------------------------------------------------------
    @router.get(
        "/documents",
        tags=["documents"],
        summary="List and filter ingested documents",
        response_model=DocumentList,
        responses=_errors(404, 422),
    )
    def list_documents(
        province: ProvinceQ = None,
        kind: Annotated[
            str | None,
            Query(
                pattern=CODE,
                description="document kind code, e.g. KeHoach, QuyetDinh",
                openapi_examples={"plan": _example("KeHoach", "plans")},
            ),
        ] = None,
        year: Annotated[int | None, Query(ge=1900, le=2100, description="year of issue")] = None,
        implements: Annotated[
            str | None,
            Query(
                max_length=300,
                description="only documents implementing this instrument (number, id or IRI),"
                " directly or through another instrument",
                openapi_examples={"1322": _example("1322/QĐ-TTg", "QĐ 1322/QĐ-TTg")},
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
            total=len(docs), limit=limit, offset=offset, items=_paginate(docs, limit, offset)
        )

    @router.get(
        "/documents/{issuer}/{year}/{kind}/{local}",
        tags=["documents"],
        summary="One document: metadata and extracted facts with their source quotes",
        response_model=DocumentDetail,
        responses=_errors(404, 422),
    )
    def get_document(issuer: Issuer, year: Year, kind: Kind, local: Local) -> DocumentDetail:
        """The id is the IRI's part after `eli/vn/`. Citations carry their evidence sentence;
        every fact carries the quote (and line) it was read from when ingest recorded one."""
        iri = graph.document_iri(issuer, year, kind, local)
        return graph.cached("document", iri, lambda: document_detail(graph, iri))

    @router.get(
        "/documents/{issuer}/{year}/{kind}/{local}/chain",
        tags=["citations"],
        summary="Citation chains from or to a document, as paths with evidence",
        response_model=ChainResult,
        responses=_errors(404, 422),
    )
    def get_chain(
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
                openapi_examples={"impl": _example("implements,applies", "implements, applies")},
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
        responses=_errors(404, 422),
    )
    def get_implements(
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
                openapi_examples={"decisions": _example("QuyetDinh", "decisions only")},
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
        responses=_errors(404, 422),
    )
    def get_implemented_by(
        number: Annotated[str, PathParam(max_length=300, examples=["100/QĐ-TTg"])],
        transitive: bool = True,
        relations: Annotated[
            str,
            Query(
                pattern=r"^(implements|legal_basis)(,(implements|legal_basis))?$",
                description="last edge into the instrument: implements and/or legal_basis",
                openapi_examples={"both": _example("implements,legal_basis", "and based on")},
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

    # --- agencies -------------------------------------------------------------------------
    @router.get(
        "/agencies",
        tags=["agencies"],
        summary="List and filter agencies",
        response_model=AgencyList,
        responses=_errors(422),
    )
    def list_agencies(
        kind: Annotated[
            str | None,
            Query(
                pattern=CODE,
                description="agency kind code",
                openapi_examples={"dost": _example("so_khcn", "provincial DOST")},
            ),
        ] = None,
        province: ProvinceQ = None,
        with_roles: Annotated[
            bool, Query(description="only agencies given a role by some document")
        ] = False,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    ) -> AgencyList:
        """Agencies of the documents and of the reference data (before and after 2025),
        with how many items give each one each role."""
        cat = graph.catalog()
        out = []
        for iri, a in cat.agencies.items():
            if kind and a.kind != kind:
                continue
            if province and not (a.province and slug(a.province) == slug(province)):
                continue
            roles = cat.roles.get(iri, {})
            if with_roles and not roles:
                continue
            out.append(AgencySummary(**a.model_dump(), roles=roles))
        out.sort(key=lambda a: (-sum(a.roles.values()), a.iri))
        return AgencyList(
            total=len(out), limit=limit, offset=offset, items=_paginate(out, limit, offset)
        )

    def agency_detail(iri: str) -> AgencyDetail:
        groups: dict[tuple[str, str], list[str]] = {}
        by_role: dict[str, set[str]] = {}
        for r in run_select(store, "agency_roles", agency=iri):
            role, item, doc = (r[k].value for k in ("role", "item", "doc"))
            groups.setdefault((role, doc), []).append(item)
            by_role.setdefault(role, set()).add(item)
        # the counts of agency_role_counts, from this agency's rows (no whole-corpus catalog)
        counts = {role: len(items) for role, items in sorted(by_role.items())}
        roles = [
            RoleGroup(role=role, document=graph.instrument(doc), items=sorted(items))
            for (role, doc), items in sorted(groups.items())
        ]
        partners = [
            Partner(
                relation=r["relation"].value,  # type: ignore[arg-type]
                agency=graph.agency(r["partner"].value),
                count=int(r["count"].value),
            )
            for r in run_select(store, "agency_partners", agency=iri)
        ]
        successors = run_select(store, "successor_of_agency", agency=iri)
        successor = graph.agency(successors[0]["successor"].value) if successors else None
        agency = AgencySummary(**graph.agency(iri).model_dump(), roles=counts)
        return AgencyDetail(agency=agency, roles=roles, partners=partners, successor=successor)

    @router.get(
        "/agencies/{kind}/{scope}",
        tags=["agencies"],
        summary="One agency: roles across plans, partners with counts, successor after 2025",
        response_model=AgencyDetail,
        responses=_errors(404, 422),
    )
    def get_agency(
        kind: Annotated[str, PathParam(pattern=SEGMENT, examples=["so-khdt"])],
        scope: Annotated[str, PathParam(pattern=SEGMENT, examples=["nghe-an"])],
    ) -> AgencyDetail:
        """The id is the IRI's part after `agency/` (`so-khcn/nghe-an`, `bo-khcn/national`)."""
        iri = graph.resolve_agency(f"{kind}/{scope}")
        return graph.cached("agency", iri, lambda: agency_detail(iri))

    @router.get(
        "/agencies/{kind}/{scope}/{name}",
        tags=["agencies"],
        summary="One agency of kind `other` (named)",
        response_model=AgencyDetail,
        responses=_errors(404, 422),
    )
    def get_named_agency(
        kind: Annotated[str, PathParam(pattern=SEGMENT)],
        scope: Annotated[str, PathParam(pattern=SEGMENT)],
        name: Annotated[str, PathParam(pattern=SEGMENT)],
    ) -> AgencyDetail:
        iri = graph.resolve_agency(f"{kind}/{scope}/{name}")
        return graph.cached("agency", iri, lambda: agency_detail(iri))

    # --- tasks ------------------------------------------------------------------------------
    @router.get(
        "/tasks",
        tags=["tasks"],
        summary="Tasks by theme and role (e.g. which agencies co-lead training)",
        response_model=TaskList,
        responses=_errors(404, 422),
    )
    def list_tasks(
        theme: Annotated[
            str | None,
            Query(
                pattern=CODE,
                description="task theme code",
                openapi_examples={"training": _example("training", "training")},
            ),
        ] = None,
        co_led: Annotated[bool | None, Query(description="true: two or more leads")] = None,
        agency: AgencyQ = None,
        role: Annotated[Literal["lead", "coordinating", "any"], Query()] = "any",
        province: ProvinceQ = None,
        limit: Annotated[int, Query(ge=1, le=500, description="tasks per page")] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000, description="tasks skipped")] = 0,
    ) -> TaskList:
        """`lead_agencies` counts, over every task matching the filters (all pages), the
        tasks each agency leads. Pages follow province, document and reference."""
        if theme and theme not in graph.codes("theme"):
            raise ApiError(
                422, "invalid_parameters", "unknown theme",
                detail={"theme": theme, "known": sorted(graph.codes("theme"))},
            )  # fmt: skip
        who = graph.resolve_agency(agency) if agency else None
        items = []
        for t in graph.cached("tasks", "", lambda: task_items(graph)):
            if theme and theme not in t.themes:
                continue
            if co_led is not None and (len(t.lead) >= 2) != co_led:
                continue
            if province and not (
                t.document.province and slug(t.document.province) == slug(province)
            ):
                continue
            if who is not None:
                leads = {a.iri for a in t.lead}
                coords = {a.iri for a in t.coordinating}
                pool = (
                    leads
                    if role == "lead"
                    else coords
                    if role == "coordinating"
                    else leads | coords
                )
                if who not in pool:
                    continue
            items.append(t)
        items.sort(key=lambda t: (t.document.province or "", t.document.iri, t.ref or ""))
        counts: dict[str, tuple[AgencyRef, set[str], set[str]]] = {}
        for t in items:
            for a in t.lead:
                entry = counts.setdefault(a.iri, (a, set(), set()))
                entry[1].add(t.iri)
                entry[2].add(t.document.iri)
        lead_counts = [
            AgencyCount(agency=a, tasks=len(ts), documents=sorted(ds))
            for a, ts, ds in counts.values()
        ]
        lead_counts.sort(key=lambda c: (-c.tasks, c.agency.iri))
        return TaskList(
            total=len(items),
            limit=limit,
            offset=offset,
            items=_paginate(items, limit, offset),
            lead_agencies=lead_counts,
        )

    # --- targets ----------------------------------------------------------------------------
    @router.get(
        "/targets",
        tags=["targets"],
        summary="One indicator across provinces and years, as a comparable table",
        response_model=TargetTable,
        responses={
            **_errors(404, 422),
            200: {
                "content": {"application/json": {}, "text/csv": {}},
                "description": "JSON, or CSV with `Accept: text/csv` or `format=csv`",
            },
        },
    )
    def list_targets(
        request: Request,
        indicator: Annotated[
            str,
            Query(
                pattern=CODE,
                description="indicator code",
                openapi_examples={"experts": _example("experts_certified", "certified experts")},
            ),
        ],
        year: Annotated[
            int | None,
            Query(
                ge=1900,
                le=2100,
                description="due year",
                openapi_examples={"2025": _example(2025, "due by 2025")},
            ),
        ] = None,
        province: ProvinceQ = None,
        format: Annotated[Literal["json", "csv"] | None, Query()] = None,
    ) -> Any:
        """Rows sorted by due year and province; bounds as numbers (`min`, `max`)."""
        if indicator not in graph.codes("indicator"):
            raise ApiError(
                422, "invalid_parameters", "unknown indicator",
                detail={"indicator": indicator, "known": sorted(graph.codes("indicator"))},
            )  # fmt: skip
        concept = graph.minter.concept("indicator", indicator)
        rows = graph.cached(
            "targets",
            concept,
            lambda: run_select(store, "targets_by_indicator_all_years", indicator=concept),
        )
        table = []
        for r in rows:
            doc = graph.instrument(r["doc"].value)
            due = int(r["dueYear"].value[:4]) if "dueYear" in r else None
            if year is not None and due != year:
                continue
            if province and not (doc.province and slug(doc.province) == slug(province)):
                continue
            table.append(
                TargetRow(
                    province=doc.province,
                    document=doc,
                    ref=r["ref"].value if "ref" in r else None,
                    indicator=indicator,
                    due_year=due,
                    comparator=r["comparator"].value if "comparator" in r else None,
                    min=float(r["min"].value) if "min" in r else None,
                    max=float(r["max"].value) if "max" in r else None,
                    unit=r["unit"].value if "unit" in r else None,
                    per_year=r["perYear"].value == "true" if "perYear" in r else None,
                    text=r["text"].value if "text" in r else None,
                )
            )
        table.sort(key=lambda t: (t.due_year or 0, t.province or "", t.document.iri, t.ref or ""))
        result = TargetTable(indicator=indicator, year=year, rows=table)
        if wants(request, format, "text/csv", "csv"):
            return Response(
                targets_csv(result), media_type="text/csv; charset=utf-8",
                headers={"Vary": "Accept"},
            )  # fmt: skip
        return result

    # --- reporting ----------------------------------------------------------------------
    @router.get(
        "/reporting",
        tags=["reporting"],
        summary="Reporting duties by agency and deadline (JSON or iCalendar)",
        response_model=ReportingList,
        responses={
            **_errors(404, 422),
            200: {
                "content": {"application/json": {}, "text/calendar": {}},
                "description": "JSON, or iCalendar with `Accept: text/calendar` or "
                "`format=ics` (annual duties as RRULE:FREQ=YEARLY)",
            },
        },
    )
    def list_reporting(
        request: Request,
        agency: AgencyQ = None,
        role: Annotated[
            Literal["actor", "recipient", "any"],
            Query(description="the agency reports (actor) or receives (recipient)"),
        ] = "any",
        province: ProvinceQ = None,
        format: Annotated[Literal["json", "ics"] | None, Query()] = None,
        limit: Annotated[
            int, Query(ge=1, le=1000, description="duties per page (JSON; a calendar has all)")
        ] = 100,
        offset: Annotated[int, Query(ge=0, le=1_000_000, description="duties skipped")] = 0,
    ) -> Any:
        """Duties sorted by deadline (month and day for yearly ones). JSON answers are paged
        (`limit`, `offset`, `total`); the iCalendar answer holds every matching duty."""
        who = graph.resolve_agency(agency) if agency else None
        items: list[DutyItem] = []
        for d in graph.cached("duties", "", lambda: duty_items(graph)):
            if who is not None:
                actors = {a.iri for a in d.actors}
                recipients = {a.iri for a in d.recipients}
                pool = (
                    actors if role == "actor"
                    else recipients if role == "recipient" else actors | recipients
                )  # fmt: skip
                if who not in pool:
                    continue
            if province and not (
                d.document.province and slug(d.document.province) == slug(province)
            ):
                continue
            items.append(d)
        items.sort(key=lambda d: (deadline_key(d.deadline), d.document.province or "", d.iri))
        if wants(request, format, "text/calendar", "ics"):
            body = calendar(duty_events(graph, items), name="policykg: báo cáo")
            return Response(body, media_type="text/calendar; charset=utf-8",
                            headers={"Vary": "Accept"})  # fmt: skip
        return ReportingList(
            total=len(items), limit=limit, offset=offset, items=_paginate(items, limit, offset)
        )

    # --- writes -------------------------------------------------------------------------
    @router.post(
        "/documents",
        tags=["documents"],
        summary="Ingest a plan (needs the write token)",
        status_code=201,
        response_model=IngestAnswer,
        responses=_errors(400, 401, 403, 413, 422),
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
        responses=_errors(401, 403, 404, 422),
    )
    def delete_document(
        issuer: Issuer, year: Year, kind: Kind, local: Local, request: Request
    ) -> Response:
        guard.authorize(request)
        iri = f"{graph.eli_base}{issuer}/{year}/{kind}/{local}"
        gone = graph.minter.document_graph(iri)
        if not graph.write_graph(gone, lambda: store.drop_graph(gone)):
            raise ApiError(404, "not_found", "no ingested document with this id")
        log.info("DELETE /documents: %s", iri)
        return Response(status_code=204)

    return router


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
