"""Response models of the HTTP API: the one error shape, the lists and answers of the REST
lookups around the values of :mod:`policykg.graph.lookup_models`, and the answers of the
writes and of the checker."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from policykg.graph.lookup_models import (
    AgencyRef,
    ChainPath,
    DocumentSummary,
    DutyItem,
    InstrumentRef,
    ReachItem,
    TaskItem,
)

# --- response models ------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    detail: dict[str, Any] | None = None


class ErrorBody(BaseModel):
    """The one error shape of every endpoint."""

    error: ErrorDetail


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class ChainResult(BaseModel):
    start: InstrumentRef
    direction: str
    depth: int
    relations: list[str]
    truncated: bool
    paths: list[ChainPath]


class ReachResult(BaseModel):
    start: InstrumentRef
    transitive: bool
    items: list[ReachItem]


class AgencySummary(AgencyRef):
    roles: dict[str, int] = Field(default={})


class AgencyList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[AgencySummary]


class RoleGroup(BaseModel):
    role: str
    document: InstrumentRef
    items: list[str]


class Partner(BaseModel):
    relation: Literal["co_lead", "lead", "coordinator", "reports_to", "reported_by"]
    agency: AgencyRef
    count: int


class AgencyDetail(BaseModel):
    agency: AgencySummary
    roles: list[RoleGroup]
    partners: list[Partner]
    successor: AgencyRef | None = Field(default=None, description="who holds its duties after 2025")


class AgencyCount(BaseModel):
    agency: AgencyRef
    tasks: int
    documents: list[str]


class TaskList(BaseModel):
    total: int = Field(description="tasks matching the filters (all pages)")
    limit: int | None = None
    offset: int = 0
    items: list[TaskItem]
    lead_agencies: list[AgencyCount]


class TargetRow(BaseModel):
    province: str | None
    document: InstrumentRef
    ref: str | None
    indicator: str
    due_year: int | None
    comparator: str | None
    min: float | None
    max: float | None
    unit: str | None
    per_year: bool | None
    text: str | None


class TargetTable(BaseModel):
    indicator: str
    year: int | None
    rows: list[TargetRow]


class ReportingList(BaseModel):
    total: int = Field(description="duties matching the filters (all pages)")
    limit: int | None = None
    offset: int = 0
    items: list[DutyItem]


class CheckFinding(BaseModel):
    severity: str
    code: str
    message_en: str
    message_vi: str
    focus: str
    line: int | None = None
    quote: str | None = None


class CheckSummary(BaseModel):
    """The checker's report on the document, as it stood before ingest."""

    counts: dict[str, int]
    findings: list[CheckFinding]


class IngestAnswer(BaseModel):
    id: str | None
    iri: str
    graph: str
    triples: int
    status: Literal["created", "replaced"]
    checked: bool = Field(description="whether the document was checked before ingest")
    check: CheckSummary | None = None
