"""Facts the checker reads from a plan's text that the extraction does not put in RDF.

:func:`text_facts` is called by :func:`policykg.shapes.draft.check_record`; the shapes
(``shapes/*.ttl``) and :func:`policykg.shapes.check.check_document` compare them with the
document's graph and the store. General rules, no document is special-cased:

* ``pkg:statedNumber``: the "Số:" line of the header as written (blank numbers included);
* ``pkg:signedAt``: digital-signature timestamps (``2021-01-28T15:02:39+0700``);
* ``pkg:annex`` with ``pkg:statedNumber``: each annex ("PHỤ LỤC" heading or a
  "(Ban hành kèm theo ... số ... ngày ...)" line) and the number it says it is attached to;
* ``pkg:annexReference``: each sentence that says an annex is attached;
* ``pkg:executionClause``: the bodies the execution clause ("... chịu trách nhiệm thi hành")
  lists, in order, repeats kept;
* a citation "as stated" for each proposer named with its submission ("Theo đề nghị của X
  tại Tờ trình số N"), with X as the issuer, when the document cites N.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pyoxigraph as ox

from policykg.ingest.agencies import find_agencies
from policykg.ontology.iri import DCTERMS, OA, ORG, PKG, PROV, RDF, XSD, IriMinter

_NUMBER_LINE = re.compile(r"^[ \t*#]*Số[ \t]*:[ \t]*(?P<num>[^\n]*?)[ \t*]*$", re.MULTILINE)
_TIMESTAMP = re.compile(
    r"\b(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>\d{2}:\d{2}:\d{2})(?:\.\d+)?"
    r"(?P<tz>Z|[+-]\d{2}:?\d{2})?(?!\d)"
)
_ANNEX_HEADING = re.compile(
    r"^[ \t*#]*(?:PHỤ LỤC|Phụ lục)(?:[ \t]+(?:[IVXLC]+|\d+)[a-z]?)?[ \t]*[:.]?[ \t*]*$",
    re.MULTILINE,
)
_ATTACHED_TO = re.compile(
    r"^[ \t*]*\([ \t]*(?:Ban hành[ \t]+)?[Kk]èm theo[ \t]+[^()\n]*?\bsố[ \t]*:?[ \t]*"
    r"(?P<num>[^\n]*?)[ \t]+ngày\b[^\n]*$",
    re.MULTILINE,
)
_ANNEX_REFERENCE = re.compile(
    r"phụ\s+lục[^\n.;()]{0,80}?(?:kèm\s+theo|đính\s+kèm)"
    r"|(?:kèm\s+theo|đính\s+kèm|chi\s+tiết\s+tại|theo)\s+(?:các\s+)?phụ\s+lục",
    re.IGNORECASE,
)
_PROPOSAL = re.compile(
    r"đề\s+nghị\s+của\s+(?P<who>[^;:()]{3,160}?)\s+tại\s+(?:Tờ\s+trình|Công\s+văn|Văn\s+bản)"
    r"\s+số\s*(?P<num>[^\s,;()]+[-/][ \t]*\n?[ \t]*[^\s,;()]+|[^\s,;()]+)",
    re.IGNORECASE,
)
_EXECUTION = re.compile(
    r"(?:chịu|có)\s+trách\s+nhiệm\s+thi\s+hành|thi\s+hành\s+(?:quyết\s+định|kế\s+hoạch)\s+này",
    re.IGNORECASE,
)


class _Facts:
    def __init__(self, text: str, document: str, minter: IriMinter) -> None:
        self.text = text
        self.doc = document
        self.minter = minter
        self.triples: list[ox.Triple] = []

    def add(self, s: str, p: str, o: ox.NamedNode | ox.Literal | str) -> None:
        obj = ox.NamedNode(o) if isinstance(o, str) else o
        self.triples.append(ox.Triple(ox.NamedNode(s), ox.NamedNode(p), obj))

    def line(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def provenance(self, node: str, start: int, end: int) -> None:
        """Same pattern as policykg.ingest.rdf: a SpecificResource with quote and position."""
        target = self.minter.part(node, "source", "text")
        self.add(node, PROV + "wasDerivedFrom", target)
        self.add(target, RDF + "type", OA + "SpecificResource")
        self.add(target, OA + "hasSource", self.doc)
        quote = " ".join(self.text[start:end].split())
        sel = self.minter.part(node, "selector", "quote")
        self.add(target, OA + "hasSelector", sel)
        self.add(sel, RDF + "type", OA + "TextQuoteSelector")
        self.add(sel, OA + "exact", ox.Literal(quote, language="vi"))
        pos = self.minter.part(node, "selector", "position")
        self.add(target, OA + "hasSelector", pos)
        self.add(pos, RDF + "type", OA + "TextPositionSelector")
        nn = ox.NamedNode(XSD + "nonNegativeInteger")
        self.add(pos, OA + "start", ox.Literal(str(start), datatype=nn))
        self.add(pos, OA + "end", ox.Literal(str(end), datatype=nn))
        self.add(
            pos,
            PKG + "line",
            ox.Literal(str(self.line(start)), datatype=ox.NamedNode(XSD + "integer")),
        )


def _signature_start(text: str) -> int:
    """Offset of the first annex heading (text after it belongs to annexes), else the end."""
    m = _ANNEX_HEADING.search(text)
    return m.start() if m else len(text)


def text_facts(
    text: str,
    *,
    document_iri: str,
    minter: IriMinter,
    province: str | None,
    cited: Mapping[str, str] | None = None,
) -> list[ox.Triple]:
    """Facts the checker needs that the extraction does not put in RDF (see module doc).

    ``cited`` maps normalized numbers of the instruments the document cites to their IRIs
    (:func:`cited_numbers`), so a proposer named in the text can be compared with the
    instrument's number symbol and its issuer.
    """
    f = _Facts(text, document_iri, minter)
    doc = document_iri
    head = text[: _nth_line_offset(text, 40)]
    m = _NUMBER_LINE.search(head)
    if m:
        f.add(doc, PKG + "statedNumber", ox.Literal(" ".join(m.group("num").split())))
    for m in _TIMESTAMP.finditer(text):
        tz = m.group("tz") or ""
        if tz and tz != "Z" and ":" not in tz:
            tz = tz[:3] + ":" + tz[3:]
        value = f"{m.group('date')}T{m.group('time')}{tz}"
        f.add(doc, PKG + "signedAt", ox.Literal(value, datatype=ox.NamedNode(XSD + "dateTime")))
    _annexes(f, text)
    _annex_references(f, text)
    _execution_clause(f, text, province)
    _stated_proposers(f, text, province, cited or {})
    return sorted(set(f.triples), key=str)


def _nth_line_offset(text: str, n: int) -> int:
    pos = 0
    for _ in range(n):
        nxt = text.find("\n", pos)
        if nxt < 0:
            return len(text)
        pos = nxt + 1
    return pos


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return end if end >= 0 else len(text)


def _annexes(f: _Facts, text: str) -> None:
    starts = [m.start() for m in _ANNEX_HEADING.finditer(text)]
    attached = list(_ATTACHED_TO.finditer(text))
    # an "(Ban hành kèm theo ...)" line with no heading in the 8 lines before it is an annex too
    for a in attached:
        lines_before = text[: a.start()].split("\n")[-9:]
        if not any(_ANNEX_HEADING.match(line) for line in lines_before):
            starts.append(a.start())
    for n, start in enumerate(sorted(set(starts)), start=1):
        node = f.minter.part(f.doc, "annex", n)
        f.add(f.doc, PKG + "annex", node)
        f.add(node, RDF + "type", PKG + "Annex")
        nxt = sorted(s for s in starts if s > start)
        limit = nxt[0] if nxt else len(text)
        span = (start, _line_end(text, start))
        for a in attached:
            if start <= a.start() < limit and a.start() - start < 2000:
                f.add(node, PKG + "statedNumber", ox.Literal(" ".join(a.group("num").split())))
                span = (a.start(), a.end())
                break
        f.provenance(node, *span)


def _annex_references(f: _Facts, text: str) -> None:
    body_end = _signature_start(text)
    n = 0
    for m in _ANNEX_REFERENCE.finditer(text, 0, body_end):
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = le if le >= 0 else len(text)
        line = text[ls:le]
        if _ANNEX_HEADING.match(line) or _ATTACHED_TO.match(line):
            continue
        n += 1
        node = f.minter.part(f.doc, "annex-reference", n)
        f.add(f.doc, PKG + "annexReference", node)
        f.add(node, PKG + "evidence", ox.Literal(" ".join(line.split()), language="vi"))
        f.provenance(node, ls, le)


def _norm(number: str) -> str:
    return re.sub(r"\s+", "", number).upper().replace("Đ", "D")


def cited_numbers(triples: Sequence[ox.Triple]) -> dict[str, str]:
    """Normalized number -> cited instrument IRI, from a document's pkg:Citation nodes."""
    by_node: dict[str, dict[str, str]] = {}
    for t in triples:
        if t.predicate.value in (PKG + "citedNumber", PKG + "citedResource") and isinstance(
            t.subject, ox.NamedNode
        ):
            assert isinstance(t.object, ox.NamedNode | ox.Literal)
            by_node.setdefault(t.subject.value, {})[t.predicate.value] = t.object.value
    out: dict[str, str] = {}
    for props in by_node.values():
        if PKG + "citedNumber" in props and PKG + "citedResource" in props:
            out[_norm(props[PKG + "citedNumber"])] = props[PKG + "citedResource"]
    return out


def _stated_proposers(f: _Facts, text: str, province: str | None, cited: Mapping[str, str]) -> None:
    """ "Theo đề nghị của X tại Tờ trình số N": a citation as stated, with X as its issuer."""
    for n, m in enumerate(_PROPOSAL.finditer(text), start=1):
        number = re.sub(r"\s+", "", m.group("num")).rstrip(".")
        target = cited.get(_norm(number))
        who = find_agencies(m.group("who"), province=province)
        if target is None or not who:
            continue
        a = who[-1]
        issuer = f.minter.agency(a.kind, a.scope, a.name if a.kind == "other" else None)
        node = f.minter.part(f.doc, "citation", f"stated-proposal-{n}")
        f.add(node, RDF + "type", PKG + "Citation")
        f.add(node, DCTERMS + "isPartOf", f.doc)
        f.add(node, PKG + "citingDocument", f.doc)
        f.add(node, PKG + "citedResource", target)
        f.add(node, PKG + "relation", f.minter.concept("relation", "proposed_by"))
        f.add(node, PKG + "citedNumber", ox.Literal(number))
        f.add(node, PKG + "citedIssuer", issuer)
        f.add(issuer, RDF + "type", ORG + "Organization")
        f.add(issuer, ORG + "classification", f.minter.concept("agency-kind", a.kind))
        f.add(node, PKG + "evidence", ox.Literal(" ".join(m.group(0).split()), language="vi"))
        f.provenance(node, m.start(), m.end())


def _execution_clause(f: _Facts, text: str, province: str | None) -> None:
    m = _EXECUTION.search(text)
    if m is None:
        return
    blank = text.rfind("\n\n", 0, m.start())
    article = max(
        (a.start() for a in re.finditer(r"(?m)^[ \t*#]*Điều\s+\d+\s*\.", text[: m.start()])),
        default=-1,
    )
    start = max(blank + 2 if blank >= 0 else 0, article if article >= 0 else 0)
    segment = text[start : m.start()]
    mentions = find_agencies(segment, province=province)
    if not mentions:
        return
    node = f.minter.part(f.doc, "execution-clause", 1)
    f.add(f.doc, PKG + "executionClause", node)
    f.add(node, RDF + "type", PKG + "AgencyList")
    for i, a in enumerate(mentions, start=1):
        iri = f.minter.agency(a.kind, a.scope, a.name if a.kind == "other" else None)
        f.add(node, f"{RDF}_{i}", iri)
    f.provenance(node, start, m.end())
