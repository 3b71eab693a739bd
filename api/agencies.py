"""REST lookups of agencies: the list with role counts, and one agency with its roles
across plans, its partners and its successor after 2025.

Agency ids are the local parts of the minted IRIs (``/agencies/{kind}/{scope}[/{name}]``,
see ``docs/api.md``); answers come from :mod:`policykg.graph.lookups`.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi import Path as PathParam

from policykg.api.deps import GraphDep
from policykg.api.models import AgencyDetail, AgencyList, AgencySummary, Partner, RoleGroup
from policykg.api.params import CODE, SEGMENT, ProvinceQ, errors, example, paginate
from policykg.graph.lookups import Graph
from policykg.graph.queries import run_select
from policykg.ontology.iri import slug

router = APIRouter()


@router.get(
    "/agencies",
    tags=["agencies"],
    summary="List and filter agencies",
    response_model=AgencyList,
    responses=errors(422),
)
def list_agencies(
    graph: GraphDep,
    kind: Annotated[
        str | None,
        Query(
            pattern=CODE,
            description="agency kind code",
            openapi_examples={"dost": example("so_khcn", "provincial DOST")},
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
        total=len(out), limit=limit, offset=offset, items=paginate(out, limit, offset)
    )


def _agency_detail(graph: Graph, iri: str) -> AgencyDetail:
    store = graph.store
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
    responses=errors(404, 422),
)
def get_agency(
    graph: GraphDep,
    kind: Annotated[str, PathParam(pattern=SEGMENT, examples=["so-khdt"])],
    scope: Annotated[str, PathParam(pattern=SEGMENT, examples=["nghe-an"])],
) -> AgencyDetail:
    """The id is the IRI's part after `agency/` (`so-khcn/nghe-an`, `bo-khcn/national`)."""
    iri = graph.resolve_agency(f"{kind}/{scope}")
    return graph.cached("agency", iri, lambda: _agency_detail(graph, iri))


@router.get(
    "/agencies/{kind}/{scope}/{name}",
    tags=["agencies"],
    summary="One agency of kind `other` (named)",
    response_model=AgencyDetail,
    responses=errors(404, 422),
)
def get_named_agency(
    graph: GraphDep,
    kind: Annotated[str, PathParam(pattern=SEGMENT)],
    scope: Annotated[str, PathParam(pattern=SEGMENT)],
    name: Annotated[str, PathParam(pattern=SEGMENT)],
) -> AgencyDetail:
    iri = graph.resolve_agency(f"{kind}/{scope}/{name}")
    return graph.cached("agency", iri, lambda: _agency_detail(graph, iri))
