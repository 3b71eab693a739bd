"""The record of one document: what extraction yields, RDF is built from and evaluation
scores, as typed, immutable values.

:class:`Record` holds the document's fields (:class:`Document`), its citations
(:class:`Citation`, each with the :class:`CitedInstrument`), its agencies (:class:`Agency`),
tasks (:class:`Task`), targets (:class:`Target`), reporting duties (:class:`ReportingDuty`)
and each agency's duties under "TỔ CHỨC THỰC HIỆN" (:class:`AssignedDuty`, not part of the
gold form); agencies are referred to by :class:`AgencyRef`. Provenance is typed: each item's
``span`` (offsets ``(start, end)`` into the text as given) and the document's ``spans`` per
field (:class:`FieldSpans`; ``None`` on a record not read from a text, e.g. a gold file).

``record.to_gold()`` is the record in the gold form of ``tests/gold/SCHEMA.md`` (what
``policykg extract`` prints, keys in the order it has always printed them), without
provenance; ``record.to_gold(spans=True)`` adds it the way the section extractors write it
(``"_span": [start, end]`` on items, ``"_spans"`` per document field).
``Record.from_gold(data)`` reads the gold form back (a gold file, a test's record): it
refuses a key the form does not have and a value of the wrong type, raising
:class:`~policykg.ingest.errors.IngestError` that names the record's source. Every part has
the two methods (without ``spans``). Sequences are tuples; ``to_gold`` gives lists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, Self, TypeVar

from policykg.ingest.errors import IngestError

__all__ = [
    "Agency",
    "AgencyRef",
    "AssignedDuty",
    "Citation",
    "CitedInstrument",
    "Document",
    "FieldSpans",
    "Period",
    "Promulgated",
    "Record",
    "ReportingDuty",
    "Signer",
    "Span",
    "Target",
    "Task",
]

#: Offsets ``(start, end)`` of a piece of the text the record was read from.
Span = tuple[int, int]
Gold = dict[str, Any]
_T = TypeVar("_T")


# --- reading the gold form -----------------------------------------------------------------


def _fields(data: Any, what: str, allowed: tuple[str, ...]) -> Mapping[str, Any]:
    """``data`` as a mapping of the keys ``allowed`` (others are refused)."""
    if not isinstance(data, Mapping):
        raise TypeError(f"{what}: not an object: {data!r}")
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise ValueError(f"{what}: unknown key(s) {', '.join(map(repr, unknown))}")
    return data


def _opt_str(d: Mapping[str, Any], key: str, what: str) -> str | None:
    v = d.get(key)
    if v is not None and not isinstance(v, str):
        raise TypeError(f"{what}.{key}: not a string: {v!r}")
    return v


def _str(d: Mapping[str, Any], key: str, what: str) -> str:
    v = _opt_str(d, key, what)
    if v is None:
        raise ValueError(f"{what}.{key}: missing")
    return v


def _opt_int(d: Mapping[str, Any], key: str, what: str) -> int | None:
    v = d.get(key)
    if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
        raise TypeError(f"{what}.{key}: not an integer: {v!r}")
    return v


def _opt_number(d: Mapping[str, Any], key: str, what: str) -> float | None:
    v = d.get(key)
    if v is not None and (not isinstance(v, int | float) or isinstance(v, bool)):
        raise TypeError(f"{what}.{key}: not a number: {v!r}")
    return v  # an int stays an int: 5 is printed "5", not "5.0"


def _bool(d: Mapping[str, Any], key: str, what: str) -> bool:
    v = d.get(key)
    if not isinstance(v, bool):
        raise TypeError(f"{what}.{key}: not true or false: {v!r}")
    return v


def _strings(d: Mapping[str, Any], key: str, what: str) -> tuple[str, ...]:
    v = d.get(key) or []
    if not isinstance(v, list | tuple) or not all(isinstance(x, str) for x in v):
        raise TypeError(f"{what}.{key}: not a list of strings: {v!r}")
    return tuple(v)


def _items(d: Mapping[str, Any], key: str, read: Callable[[Any], _T]) -> tuple[_T, ...]:
    v = d.get(key) or []
    if not isinstance(v, list | tuple):
        raise TypeError(f"{key}: not a list: {v!r}")
    return tuple(read(x) for x in v)


def _refs(d: Mapping[str, Any], key: str) -> tuple[AgencyRef, ...]:
    return _items(d, key, AgencyRef.from_gold)


def _gold_refs(refs: tuple[AgencyRef, ...]) -> list[Gold]:
    return [r.to_gold() for r in refs]


# --- agencies ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AgencyRef:
    """An agency as an issuer, a task's lead or a duty's actor names it: its kind and scope
    (a province, ``"national"``, ``"international"``), and for kind ``other`` its name."""

    kind: str
    scope: str | None
    name: str | None = None

    def to_gold(self) -> Gold:
        out: Gold = {"kind": self.kind, "scope": self.scope}
        if self.name is not None:
            out["name"] = self.name
        return out

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        d = _fields(data, "agency", ("kind", "scope", "name"))
        w = "agency"
        return cls(_str(d, "kind", w), _opt_str(d, "scope", w), _opt_str(d, "name", w))


@dataclass(frozen=True, slots=True)
class Agency:
    """An agency the document gives a role to or names as issuer, once each: the
    ``mentions`` as written, and where it is first mentioned (``span``)."""

    kind: str
    scope: str | None
    mentions: tuple[str, ...] = ()
    name: str | None = None
    span: Span | None = None

    @property
    def ref(self) -> AgencyRef:
        return AgencyRef(self.kind, self.scope, self.name)

    def to_gold(self) -> Gold:
        out: Gold = {"kind": self.kind, "scope": self.scope, "mentions": list(self.mentions)}
        if self.name is not None:
            out["name"] = self.name
        return out

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        d = _fields(data, "agencies[]", ("kind", "scope", "name", "mentions"))
        w = "agencies[]"
        return cls(
            kind=_str(d, "kind", w),
            scope=_opt_str(d, "scope", w),
            mentions=_strings(d, "mentions", w),
            name=_opt_str(d, "name", w),
        )


# --- the document -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Period:
    start: int | None
    end: int | None

    def to_gold(self) -> Gold:
        return {"start": self.start, "end": self.end}

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        d = _fields(data, "document.period", ("start", "end"))
        w = "document.period"
        return cls(_opt_int(d, "start", w), _opt_int(d, "end", w))


@dataclass(frozen=True, slots=True)
class Signer:
    name: str | None
    position: str | None

    def to_gold(self) -> Gold:
        return {"name": self.name, "position": self.position}

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        d = _fields(data, "document.signer", ("name", "position"))
        w = "document.signer"
        return cls(_opt_str(d, "name", w), _opt_str(d, "position", w))


@dataclass(frozen=True, slots=True)
class Promulgated:
    """The instrument a decision issues or approves (``Ban hành Kế hoạch ...``)."""

    kind: str
    title: str | None

    def to_gold(self) -> Gold:
        return {"kind": self.kind, "title": self.title}

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        d = _fields(data, "document.promulgates", ("kind", "title"))
        w = "document.promulgates"
        return cls(_str(d, "kind", w), _opt_str(d, "title", w))


@dataclass(frozen=True, slots=True)
class FieldSpans:
    """Where each document field was read (provenance; ``None`` where not read)."""

    number: Span | None = None
    date: Span | None = None
    place: Span | None = None
    kind: Span | None = None
    title: Span | None = None
    issuer: Span | None = None
    signer: Span | None = None

    def to_gold(self) -> dict[str, list[int]]:
        """The fields read, each with its ``[start, end]``."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: [s[0], s[1]] for name, s in out.items() if s is not None}


@dataclass(frozen=True, slots=True)
class Document:
    """The document's own fields (SCHEMA.md, ``document``); ``spans``, where they were read
    (``None``: not read from a text)."""

    kind: str | None
    number: str | None = None
    date: str | None = None
    place: str | None = None
    issuer: AgencyRef | None = None
    title: str | None = None
    period: Period | None = None
    signer: Signer | None = None
    promulgates: Promulgated | None = None
    spans: FieldSpans | None = None

    def to_gold(self) -> Gold:
        return {
            "kind": self.kind,
            "number": self.number,
            "date": self.date,
            "place": self.place,
            "issuer": self.issuer.to_gold() if self.issuer else None,
            "title": self.title,
            "period": self.period.to_gold() if self.period else None,
            "signer": self.signer.to_gold() if self.signer else None,
            "promulgates": self.promulgates.to_gold() if self.promulgates else None,
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        keys = ("kind", "number", "date", "place", "issuer", "title", "period", "signer")
        d = _fields(data, "document", (*keys, "promulgates"))
        w = "document"
        issuer, period, signer, prom = (
            d.get("issuer"),
            d.get("period"),
            d.get("signer"),
            d.get("promulgates"),
        )
        return cls(
            kind=_opt_str(d, "kind", w),
            number=_opt_str(d, "number", w),
            date=_opt_str(d, "date", w),
            place=_opt_str(d, "place", w),
            issuer=AgencyRef.from_gold(issuer) if issuer is not None else None,
            title=_opt_str(d, "title", w),
            period=Period.from_gold(period) if period is not None else None,
            signer=Signer.from_gold(signer) if signer is not None else None,
            promulgates=Promulgated.from_gold(prom) if prom is not None else None,
        )


# --- citations --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CitedInstrument:
    """An instrument as a citation names it (``number`` ``None`` when cited by title)."""

    kind: str
    number: str | None = None
    date: str | None = None
    issuer: AgencyRef | None = None
    title: str | None = None

    def to_gold(self) -> Gold:
        return {
            "kind": self.kind,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer.to_gold() if self.issuer else None,
            "title": self.title,
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        w = "citations[].target"
        d = _fields(data, w, ("kind", "number", "date", "issuer", "title"))
        issuer = d.get("issuer")
        return cls(
            kind=_str(d, "kind", w),
            number=_opt_str(d, "number", w),
            date=_opt_str(d, "date", w),
            issuer=AgencyRef.from_gold(issuer) if issuer is not None else None,
            title=_opt_str(d, "title", w),
        )


@dataclass(frozen=True, slots=True)
class Citation:
    """``subject`` (``"self"`` or the ``id`` of another citation) ``relation`` ``target``."""

    id: str
    subject: str
    relation: str
    target: CitedInstrument
    evidence: str
    span: Span | None = None

    def to_gold(self) -> Gold:
        return {
            "id": self.id,
            "subject": self.subject,
            "relation": self.relation,
            "target": self.target.to_gold(),
            "evidence": self.evidence,
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        w = "citations[]"
        d = _fields(data, w, ("id", "subject", "relation", "target", "evidence"))
        if d.get("target") is None:
            raise ValueError(f"citation {d.get('id')!r} has no target")
        return cls(
            id=_str(d, "id", w),
            subject=_opt_str(d, "subject", w) or "self",
            relation=_str(d, "relation", w),
            target=CitedInstrument.from_gold(d["target"]),
            evidence=_str(d, "evidence", w),
        )


# --- tasks, targets, reporting duties, assigned duties ---------------------------------


@dataclass(frozen=True, slots=True)
class Task:
    ref: str
    title: str
    themes: tuple[str, ...] = ()
    lead: tuple[AgencyRef, ...] = ()
    coordinating: tuple[AgencyRef, ...] = ()
    timeframe: str | None = None
    deliverables: tuple[str, ...] = ()
    span: Span | None = None

    def to_gold(self) -> Gold:
        return {
            "ref": self.ref,
            "title": self.title,
            "themes": list(self.themes),
            "lead": _gold_refs(self.lead),
            "coordinating": _gold_refs(self.coordinating),
            "timeframe": self.timeframe,
            "deliverables": list(self.deliverables),
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        w = "tasks[]"
        keys = ("ref", "title", "themes", "lead", "coordinating", "timeframe", "deliverables")
        d = _fields(data, w, keys)
        return cls(
            ref=_str(d, "ref", w),
            title=_str(d, "title", w),
            themes=_strings(d, "themes", w),
            lead=_refs(d, "lead"),
            coordinating=_refs(d, "coordinating"),
            timeframe=_opt_str(d, "timeframe", w),
            deliverables=_strings(d, "deliverables", w),
        )


@dataclass(frozen=True, slots=True)
class Target:
    """A quantified objective: ``comparator`` ``min``..``max`` ``unit`` by ``by_year``."""

    ref: str
    text: str
    indicator: str
    comparator: str
    min: float | None
    max: float | None
    unit: str
    by_year: int | None
    per_year: bool
    span: Span | None = None

    def to_gold(self) -> Gold:
        return {
            "ref": self.ref,
            "text": self.text,
            "indicator": self.indicator,
            "comparator": self.comparator,
            "min": self.min,
            "max": self.max,
            "unit": self.unit,
            "by_year": self.by_year,
            "per_year": self.per_year,
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        w = "targets[]"
        keys = ("ref", "text", "indicator", "comparator", "min", "max", "unit", "by_year")
        d = _fields(data, w, (*keys, "per_year"))
        return cls(
            ref=_str(d, "ref", w),
            text=_str(d, "text", w),
            indicator=_str(d, "indicator", w),
            comparator=_str(d, "comparator", w),
            min=_opt_number(d, "min", w),
            max=_opt_number(d, "max", w),
            unit=_str(d, "unit", w),
            by_year=_opt_int(d, "by_year", w),
            per_year=_bool(d, "per_year", w),
        )


@dataclass(frozen=True, slots=True)
class ReportingDuty:
    """A duty to send a report: who, to whom, by when (``deadline``), how often."""

    actor: tuple[AgencyRef, ...] = ()
    recipient: tuple[AgencyRef, ...] = ()
    deadline: str | None = None
    recurrence: str | None = None
    evidence: str = ""
    span: Span | None = None

    def to_gold(self) -> Gold:
        return {
            "actor": _gold_refs(self.actor),
            "recipient": _gold_refs(self.recipient),
            "deadline": self.deadline,
            "recurrence": self.recurrence,
            "evidence": self.evidence,
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        w = "reporting[]"
        d = _fields(data, w, ("actor", "recipient", "deadline", "recurrence", "evidence"))
        return cls(
            actor=_refs(d, "actor"),
            recipient=_refs(d, "recipient"),
            deadline=_opt_str(d, "deadline", w),
            recurrence=_opt_str(d, "recurrence", w),
            evidence=_str(d, "evidence", w),
        )


@dataclass(frozen=True, slots=True)
class AssignedDuty:
    """One item of an agency's section under "TỔ CHỨC THỰC HIỆN" (for the agency network;
    not in the gold form): the ``actor`` the section is headed by, its ``partners`` ("phối
    hợp (với)"), whom it answers ``to`` ("tham mưu", "trình", "gửi", "báo cáo") and the
    ``others`` it names."""

    ref: str
    actor: tuple[AgencyRef, ...] = ()
    text: str = ""
    partners: tuple[AgencyRef, ...] = ()
    to: tuple[AgencyRef, ...] = ()
    others: tuple[AgencyRef, ...] = ()
    span: Span | None = None

    def to_gold(self) -> Gold:
        """The duty in the form of the other items (``ref``, ``actor``, ``text``,
        ``partners``, ``to``, ``others``)."""
        return {
            "ref": self.ref,
            "actor": _gold_refs(self.actor),
            "text": self.text,
            "partners": _gold_refs(self.partners),
            "to": _gold_refs(self.to),
            "others": _gold_refs(self.others),
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        w = "duties[]"
        d = _fields(data, w, ("ref", "actor", "text", "partners", "to", "others"))
        return cls(
            ref=_str(d, "ref", w),
            actor=_refs(d, "actor"),
            text=_str(d, "text", w),
            partners=_refs(d, "partners"),
            to=_refs(d, "to"),
            others=_refs(d, "others"),
        )


# --- the record -------------------------------------------------------------------------

_Part = Citation | Agency | Task | Target | ReportingDuty


def _with_span(item: Gold, span: Span | None) -> Gold:
    if span is not None:
        item["_span"] = [span[0], span[1]]
    return item


@dataclass(frozen=True, slots=True)
class Record:
    """One document read: the gold form's sections and the assigned ``duties``."""

    source: str
    document: Document
    citations: tuple[Citation, ...] = ()
    agencies: tuple[Agency, ...] = ()
    tasks: tuple[Task, ...] = ()
    targets: tuple[Target, ...] = ()
    reporting: tuple[ReportingDuty, ...] = ()
    duties: tuple[AssignedDuty, ...] = ()

    def to_gold(self, *, spans: bool = False) -> Gold:
        """The record in the gold form of SCHEMA.md (no assigned duties); with ``spans``,
        each item's ``"_span"`` and the document's ``"_spans"`` (where it has them)."""
        document = self.document.to_gold()
        if spans and self.document.spans is not None:
            document["_spans"] = self.document.spans.to_gold()

        def items(parts: tuple[_Part, ...]) -> list[Gold]:
            return [_with_span(p.to_gold(), p.span if spans else None) for p in parts]

        return {
            "source": self.source,
            "document": document,
            "citations": items(self.citations),
            "agencies": items(self.agencies),
            "tasks": items(self.tasks),
            "targets": items(self.targets),
            "reporting": items(self.reporting),
        }

    @classmethod
    def from_gold(cls, data: Any) -> Self:
        """A record from the gold form (a gold file, a test's record). Sections left out
        are empty; a malformed record raises :class:`IngestError` naming its source."""
        source = data.get("source") if isinstance(data, Mapping) else None
        source = str(source) if source else "<record>"
        try:
            keys = ("source", "document", "citations", "agencies", "tasks", "targets")
            d = _fields(data, "record", (*keys, "reporting"))
            if d.get("document") is None:
                raise ValueError("record has no 'document'")
            return cls(
                source=_opt_str(d, "source", "record") or "",
                document=Document.from_gold(d["document"]),
                citations=_items(d, "citations", Citation.from_gold),
                agencies=_items(d, "agencies", Agency.from_gold),
                tasks=_items(d, "tasks", Task.from_gold),
                targets=_items(d, "targets", Target.from_gold),
                reporting=_items(d, "reporting", ReportingDuty.from_gold),
            )
        except (TypeError, ValueError) as exc:
            raise IngestError(f"malformed record: {exc}", source=source) from None
