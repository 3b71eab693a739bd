"""Response models of the REST lookups (:mod:`policykg.api.lookups`)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

# --- response models ------------------------------------------------------------------------


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str
    detail: dict[str, Any] | None = None


class ErrorBody(BaseModel):
    """The one error shape of every endpoint."""

    error: ErrorDetail


class InstrumentRef(BaseModel):
    """A document or cited instrument."""

    id: str | None = Field(default=None, description="path under /documents/, or null if not ELI")
    iri: str
    kind: str | None = None
    number: str | None = None
    date: str | None = None
    title: str | None = None
    province: str | None = None
    ingested: bool = Field(default=False, description="true for a plan ingested from a source file")


class DocumentSummary(InstrumentRef):
    source: str | None = None
    period_start: int | None = None
    period_end: int | None = None


class DocumentList(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[DocumentSummary]


class AgencyRef(BaseModel):
    id: str | None = Field(default=None, description="path under /agencies/")
    iri: str
    kind: str | None = None
    label: str | None = None
    province: str | None = None
    scope: str | None = None


class Quote(BaseModel):
    text: str
    line: int | None = None


class CitationFact(BaseModel):
    iri: str
    relation: str | None
    subject: InstrumentRef
    target: InstrumentRef
    cited_number: str | None = None
    cited_date: str | None = None
    cited_title: str | None = None
    evidence: str | None = None
    quote: Quote | None = None


class TaskFact(BaseModel):
    iri: str
    ref: str | None = None
    title: str | None = None
    themes: list[str] = []
    lead: list[AgencyRef] = []
    coordinating: list[AgencyRef] = []
    timeframe: str | None = None
    deliverables: list[str] = []
    quote: Quote | None = None


class TargetFact(BaseModel):
    iri: str
    ref: str | None = None
    text: str | None = None
    indicator: str | None = None
    comparator: str | None = None
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    due_year: int | None = None
    per_year: bool | None = None
    quote: Quote | None = None


class DutyFact(BaseModel):
    iri: str
    actors: list[AgencyRef] = []
    recipients: list[AgencyRef] = []
    deadline: str | None = None
    recurrence: str | None = None
    evidence: str | None = None
    quote: Quote | None = None


class DocumentDetail(BaseModel):
    document: DocumentSummary
    issuer: AgencyRef | None = None
    citations: list[CitationFact]
    tasks: list[TaskFact]
    targets: list[TargetFact]
    reporting: list[DutyFact]


class Statement(BaseModel):
    """Where an edge is stated: the citing document and its evidence sentence."""

    document: str
    citation: str
    evidence: str | None = None


class Edge(BaseModel):
    source: InstrumentRef
    relation: str
    target: InstrumentRef
    evidence: list[Statement] = Field(
        default=[], description="each citation stating this edge (none for reference data)"
    )


class ChainPath(BaseModel):
    direction: Literal["out", "in"]
    end: InstrumentRef
    edges: list[Edge]


class ChainResult(BaseModel):
    start: InstrumentRef
    direction: str
    depth: int
    relations: list[str]
    truncated: bool
    paths: list[ChainPath]


class ReachItem(BaseModel):
    """An instrument reached (or a document reaching one), with every path that shows how."""

    instrument: InstrumentRef
    relation: str
    how: Literal["direct", "through"]
    paths: list[list[Edge]]


class ReachResult(BaseModel):
    start: InstrumentRef
    transitive: bool
    items: list[ReachItem]


class AgencySummary(AgencyRef):
    roles: dict[str, int] = {}


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


class TaskItem(TaskFact):
    document: InstrumentRef


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


class DutyItem(DutyFact):
    document: InstrumentRef


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
