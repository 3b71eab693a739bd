"""The policykg vocabulary as Python names, and the code-list tables used by ingest.

:class:`PKG` lists every term that ``ontology/vocab.ttl`` declares. ``_fail = True`` makes
a misspelled attribute of ``PKG`` raise instead of silently minting a new IRI; a test checks
that this list and the Turtle file agree.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

from policykg.ontology.iri import PKG as PKG_NS


class PKG(DefinedNamespace):
    """Terms of the policykg ontology (``https://w3id.org/policykg/ontology#``)."""

    _NS = Namespace(PKG_NS)
    _fail = True

    # classes
    AgencyList: URIRef
    Annex: URIRef
    Assignment: URIRef
    Citation: URIRef
    Proposal: URIRef
    Province: URIRef
    ReportingDuty: URIRef
    Target: URIRef
    Task: URIRef
    TaskGroup: URIRef
    # properties
    annex: URIRef
    annexReference: URIRef
    executionClause: URIRef
    signedAt: URIRef
    statedNumber: URIRef
    actor: URIRef
    agencyLevel: URIRef
    cityLabel: URIRef
    assignee: URIRef
    citedAsDate: URIRef
    citedAsNumber: URIRef
    citedDate: URIRef
    citedIssuer: URIRef
    citedKind: URIRef
    citedNumber: URIRef
    citedResource: URIRef
    citedTitle: URIRef
    citingDocument: URIRef
    comparator: URIRef
    coordinatingAgency: URIRef
    deadline: URIRef
    deliverable: URIRef
    dueYear: URIRef
    evidence: URIRef
    functionsTransferredTo: URIRef
    indicator: URIRef
    leadAgency: URIRef
    line: URIRef
    partnerAgency: URIRef
    perYear: URIRef
    periodEnd: URIRef
    periodStart: URIRef
    placeOfIssue: URIRef
    position: URIRef
    promulgates: URIRef
    property: URIRef
    proposedBy: URIRef
    province: URIRef
    recipient: URIRef
    recurrence: URIRef
    relation: URIRef
    reportsTo: URIRef
    scope: URIRef
    signer: URIRef
    sourceFile: URIRef
    sourceText: URIRef
    taskGroup: URIRef
    theme: URIRef
    timeframe: URIRef
    # sort keys (policykg.ontology.order_keys)
    agencyKey: URIRef
    assignmentKey: URIRef
    dutyKey: URIRef
    instrumentKey: URIRef
    orderKey: URIRef
    planKey: URIRef
    taskKey: URIRef


#: Code-list scheme names, as passed to ``IriMinter.concept(scheme, code)``.
SCHEMES: tuple[str, ...] = (
    "document-kind",
    "relation",
    "agency-kind",
    "theme",
    "indicator",
    "comparator",
    "recurrence",
)

#: Citation relation code -> the property that states it between two instruments.
RELATION_PROPERTIES: dict[str, str] = {
    "implements": "http://data.europa.eu/eli/ontology#ensures_implementation_of",
    "legal_basis": "http://data.europa.eu/eli/ontology#based_on",
    "applies": "http://data.europa.eu/eli/ontology#applies",
    "amended_by": "http://data.europa.eu/eli/ontology#amended_by",
    "replaced_by": "http://data.europa.eu/eli/ontology#repealed_by",
    "proposed_by": PKG_NS + "proposedBy",
    "mentions": "http://data.europa.eu/eli/ontology#cites",
}

#: Document kind code -> the short segment used in ELI-style IRIs (the number symbol).
DOCUMENT_KIND_SEGMENTS: dict[str, str] = {
    "Luat": "luat",
    "NghiQuyet": "nq",
    "NghiDinh": "nd",
    "QuyetDinh": "qd",
    "ThongTu": "tt",
    "ChiThi": "ct",
    "KeHoach": "kh",
    "ToTrinh": "ttr",
    "CongVan": "cv",
    "DeAn": "da",
    "ChuongTrinh": "ctr",
    "ChienLuoc": "cl",
    "BaoCao": "bc",
    "PhapLenh": "pl",
    "Other": "other",
}


def kind_segment(kind: str | None) -> str:
    """IRI segment of a document kind code (unknown codes fall back to ``other``)."""
    return DOCUMENT_KIND_SEGMENTS.get(kind or "Other", "other")
