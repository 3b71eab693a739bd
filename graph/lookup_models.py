"""The values the lookups read from the graph (:mod:`policykg.graph.lookups`): instruments
and agencies, the facts of a document with their source quotes, citation edges and chains.

Pydantic models, so the REST answers (:mod:`policykg.api.models`) embed them as they are.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


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


class ReachItem(BaseModel):
    """An instrument reached (or a document reaching one), with every path that shows how."""

    instrument: InstrumentRef
    relation: str
    how: Literal["direct", "through"]
    paths: list[list[Edge]]


class TaskItem(TaskFact):
    document: InstrumentRef


class DutyItem(DutyFact):
    document: InstrumentRef
