"""REST lists of what the plans assign, across the corpus: tasks by theme and role, the
targets of one indicator as a comparable table (JSON or CSV), reporting duties by agency
and deadline (JSON or iCalendar). Answers come from :mod:`policykg.graph.lookups`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response

from policykg.api.deps import GraphDep
from policykg.api.errors import ApiError
from policykg.api.formats import deadline_key, duty_events, targets_csv, wants
from policykg.api.ical import calendar
from policykg.api.models import AgencyCount, ReportingList, TargetRow, TargetTable, TaskList
from policykg.api.params import CODE, AgencyQ, ProvinceQ, errors, example, paginate
from policykg.graph.lookup_models import AgencyRef, DutyItem
from policykg.graph.lookups import duty_items, task_items
from policykg.graph.queries import run_select
from policykg.ontology.iri import slug

router = APIRouter()


@router.get(
    "/tasks",
    tags=["tasks"],
    summary="Tasks by theme and role (e.g. which agencies co-lead training)",
    response_model=TaskList,
    responses=errors(404, 422),
)
def list_tasks(
    graph: GraphDep,
    theme: Annotated[
        str | None,
        Query(
            pattern=CODE,
            description="task theme code",
            openapi_examples={"training": example("training", "training")},
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
        if province and not (t.document.province and slug(t.document.province) == slug(province)):
            continue
        if who is not None:
            leads = {a.iri for a in t.lead}
            coords = {a.iri for a in t.coordinating}
            pool = leads if role == "lead" else coords if role == "coordinating" else leads | coords
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
        AgencyCount(agency=a, tasks=len(ts), documents=sorted(ds)) for a, ts, ds in counts.values()
    ]
    lead_counts.sort(key=lambda c: (-c.tasks, c.agency.iri))
    return TaskList(
        total=len(items),
        limit=limit,
        offset=offset,
        items=paginate(items, limit, offset),
        lead_agencies=lead_counts,
    )


@router.get(
    "/targets",
    tags=["targets"],
    summary="One indicator across provinces and years, as a comparable table",
    response_model=TargetTable,
    responses={
        **errors(404, 422),
        200: {
            "content": {"application/json": {}, "text/csv": {}},
            "description": "JSON, or CSV with `Accept: text/csv` or `format=csv`",
        },
    },
)
def list_targets(
    graph: GraphDep,
    request: Request,
    indicator: Annotated[
        str,
        Query(
            pattern=CODE,
            description="indicator code",
            openapi_examples={"experts": example("experts_certified", "certified experts")},
        ),
    ],
    year: Annotated[
        int | None,
        Query(
            ge=1900,
            le=2100,
            description="due year",
            openapi_examples={"2025": example(2025, "due by 2025")},
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
        lambda: run_select(graph.store, "targets_by_indicator_all_years", indicator=concept),
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


@router.get(
    "/reporting",
    tags=["reporting"],
    summary="Reporting duties by agency and deadline (JSON or iCalendar)",
    response_model=ReportingList,
    responses={
        **errors(404, 422),
        200: {
            "content": {"application/json": {}, "text/calendar": {}},
            "description": "JSON, or iCalendar with `Accept: text/calendar` or "
            "`format=ics` (annual duties as RRULE:FREQ=YEARLY)",
        },
    },
)
def list_reporting(
    graph: GraphDep,
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
        if province and not (d.document.province and slug(d.document.province) == slug(province)):
            continue
        items.append(d)
    items.sort(key=lambda d: (deadline_key(d.deadline), d.document.province or "", d.iri))
    if wants(request, format, "text/calendar", "ics"):
        body = calendar(duty_events(graph, items), name="policykg: báo cáo")
        return Response(body, media_type="text/calendar; charset=utf-8",
                        headers={"Vary": "Accept"})  # fmt: skip
    return ReportingList(
        total=len(items), limit=limit, offset=offset, items=paginate(items, limit, offset)
    )
