"""Turtle built from the register (``ontology/register/*.tsv``); called by ``build_reference``.

* :func:`kinds_graph`: the agency kinds as a SKOS concept scheme (``ontology/agency-kinds.ttl``):
  one concept per row of ``bodies.tsv`` with its names (``skos:prefLabel``), abbreviations
  (``skos:altLabel``), variant spellings (``skos:hiddenLabel``), the names used in the
  centrally governed cities (``pkg:cityLabel``), definition, note and ``pkg:agencyLevel``.
  The gazetteer of :mod:`policykg.ingest.agencies` reads these labels.
* :func:`provinces_graph`: the 63 provinces before 1 July 2025 and one ``org:ChangeEvent``
  per merger.
* :func:`agencies_graph`: every national body; every provincial body of every kind that
  exists in every province, in each province it existed in; and one ``org:ChangeEvent``
  per change of ``changes.tsv`` (per province where the change applies to every province),
  with ``org:originalOrganization`` / ``org:changedBy``, ``org:resultedFrom``,
  ``pkg:functionsTransferredTo``, and the direct ``dcterms:replaces`` /
  ``dcterms:isReplacedBy`` links. A body that continues through a change keeps its IRI: it
  is both an original organization and the result.

Sources (``dcterms:source``) are the IRIs a source key resolves to: the instrument's IRI for
a legal act with kind and number, else the page's URLs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from policykg.ontology.iri import DCTERMS, ORG, PKG, PREFIXES, IriMinter
from policykg.ontology.register import Body, Change, Register

W3ORG = Namespace(ORG)
P = Namespace(PKG)
D = Namespace(DCTERMS)

#: source key -> the IRIs it stands for (empty for sources that are not on the web)
SourceIris = Callable[[str], list[str]]

_SCHEME_VI = "Loại cơ quan"
_SCHEME_EN = "Agency kinds"
_SCHEME_DEF_VI = (
    "Danh mục loại cơ quan, tổ chức được giao vai trò trong kế hoạch, quyết định; xây dựng từ "
    "sổ đăng ký cơ quan nhà nước (ontology/register/bodies.tsv)."
)
_SCHEME_DEF_EN = (
    "Kinds of bodies that plans and decisions give a role to; an agency is a kind with a scope "
    "(province, national, international). Built from the register of state bodies "
    "(ontology/register/bodies.tsv)."
)
_SOME_VI = "Chỉ áp dụng ở tỉnh có cơ quan này."
_SOME_EN = "Only where the province had this body."


def graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    m = IriMinter()
    g.bind("ak", m.scheme("agency-kind") + "/")
    g.bind("dk", m.scheme("document-kind") + "/")
    return g


def date_literal(value: str) -> Literal:
    return Literal(value, datatype=XSD.date if len(value) == 10 else XSD.gYear)


def _period(start: str, end: str) -> Literal | None:
    parts = [f"start={start}"] * bool(start) + [f"end={end}"] * bool(end)
    return Literal("; ".join(parts), datatype=D.Period) if parts else None


# --- the agency kinds ---------------------------------------------------------------------


def kinds_graph(reg: Register) -> Graph:
    m = IriMinter()
    g = graph()
    scheme = URIRef(m.scheme("agency-kind"))
    g.add((scheme, RDF.type, SKOS.ConceptScheme))
    g.add((scheme, SKOS.prefLabel, Literal(_SCHEME_VI, lang="vi")))
    g.add((scheme, SKOS.prefLabel, Literal(_SCHEME_EN, lang="en")))
    g.add((scheme, SKOS.definition, Literal(_SCHEME_DEF_VI, lang="vi")))
    g.add((scheme, SKOS.definition, Literal(_SCHEME_DEF_EN, lang="en")))
    for b in reg.bodies.values():
        c = URIRef(m.concept("agency-kind", b.code))
        g.add((c, RDF.type, SKOS.Concept))
        g.add((c, SKOS.inScheme, scheme))
        g.add((c, SKOS.topConceptOf, scheme))
        g.add((c, SKOS.notation, Literal(b.code)))
        g.add((c, SKOS.prefLabel, Literal(b.name_vi, lang="vi")))
        g.add((c, SKOS.prefLabel, Literal(b.name_en, lang="en")))
        for label in b.abbreviations:
            g.add((c, SKOS.altLabel, Literal(label, lang="vi")))
        for label in b.variants:
            g.add((c, SKOS.hiddenLabel, Literal(label, lang="vi")))
        for label in b.city_variants:
            g.add((c, P.cityLabel, Literal(label, lang="vi")))
        if b.definition_vi:
            g.add((c, SKOS.definition, Literal(b.definition_vi, lang="vi")))
        if b.definition_en:
            g.add((c, SKOS.definition, Literal(b.definition_en, lang="en")))
        if b.note:
            g.add((c, SKOS.note, Literal(b.note, lang="en")))
        if b.level != "other":
            g.add((c, P.agencyLevel, Literal(b.level)))
    return g


# --- provinces ----------------------------------------------------------------------------


def _province_node(g: Graph, reg: Register, name: str, end: str) -> URIRef:
    m = IriMinter()
    p = reg.provinces[name]
    iri = URIRef(m.province(name))
    g.add((iri, RDF.type, P.Province))
    g.add((iri, RDF.type, W3ORG.Organization))
    g.add((iri, SKOS.prefLabel, Literal(name, lang="vi")))
    g.add((iri, SKOS.prefLabel, Literal(name, lang="en")))
    word = "Thành phố" if p.is_city else "Tỉnh"
    g.add((iri, SKOS.altLabel, Literal(f"{word} {name}", lang="vi")))
    for alt in p.alt_names:
        g.add((iri, SKOS.altLabel, Literal(alt, lang="vi")))
    if p.after != name:
        g.add((iri, D.valid, Literal(f"end={end}", datatype=D.Period)))
    return iri


def provinces_graph(reg: Register, source_iris: SourceIris) -> Graph:
    m = IriMinter()
    g = graph()
    (change,) = [c for c in reg.changes if c.scope == "provinces"]
    for name in reg.unchanged():
        _province_node(g, reg, name, change.date)
    for before, after in reg.mergers():
        nodes = [_province_node(g, reg, b, change.date) for b in before]
        _event(
            g,
            m.change_event(change.event, "province", after),
            change,
            source_iris,
            before=nodes,
            after=URIRef(m.province(after)),
            label_vi=f"Sắp xếp {', '.join(before)} thành {after}",
            label_en=f"{', '.join(before)} merged into {after}",
        )
    return g


# --- agencies and their changes -----------------------------------------------------------


class _Agencies:
    def __init__(self, reg: Register, source_iris: SourceIris) -> None:
        self.reg = reg
        self.source_iris = source_iris
        self.m = IriMinter()
        self.g = graph()
        self.seen: set[URIRef] = set()

    def name(self, b: Body, province: str | None, lang: str) -> str:
        if province is None:
            return b.name_vi if lang == "vi" else b.name_en
        if lang == "en":
            return f"{b.name_en}, {province}"
        name = b.name_vi
        if self.reg.provinces[province].is_city:
            if b.city_variants:
                name = b.city_variants[0]
            elif name.endswith(" tỉnh"):
                name = name[: -len("tỉnh")] + "thành phố"
        return f"{name} {province}"

    def node(self, code: str, province: str | None) -> URIRef:
        """The body ``code`` (national when ``province`` is None), described once."""
        b = self.reg.bodies[code]
        scope = province or ("international" if b.level == "international" else "national")
        iri = URIRef(self.m.agency(code, scope))
        if iri in self.seen:
            return iri
        self.seen.add(iri)
        g = self.g
        g.add((iri, RDF.type, W3ORG.Organization))
        g.add((iri, W3ORG.classification, URIRef(self.m.concept("agency-kind", code))))
        if province:
            g.add((iri, P.province, URIRef(self.m.province(province))))
        else:
            g.add((iri, P.scope, Literal(scope)))
        g.add((iri, SKOS.prefLabel, Literal(self.name(b, province, "vi"), lang="vi")))
        g.add((iri, SKOS.prefLabel, Literal(self.name(b, province, "en"), lang="en")))
        end = b.end
        if province and self.reg.new_unit(province) != province:
            merged = self._merger_date()
            end = min(end, merged) if end else merged
        period = _period(b.start, end)
        if period is not None:
            g.add((iri, D.valid, period))
        for src in self.iris(b.sources):
            g.add((iri, D.source, URIRef(src)))
        if b.parent:
            parent = self.reg.bodies[b.parent]
            within = province if parent.level in ("provincial", "collective") else None
            g.add((iri, W3ORG.subOrganizationOf, self.node(b.parent, within)))
        if province is None and b.note:
            g.add((iri, SKOS.note, Literal(b.note, lang="en")))
        return iri

    def _merger_date(self) -> str:
        (change,) = [c for c in self.reg.changes if c.scope == "provinces"]
        return change.date

    def iris(self, keys: Iterable[str]) -> list[str]:
        return [iri for k in keys for iri in self.source_iris(k)]

    def bodies(self) -> None:
        """Every national body, and every-province kinds in each province they existed in."""
        for b in self.reg.bodies.values():
            if b.level in ("national", "international"):
                self.node(b.code, None)
            elif b.level == "provincial" and b.where == "every":
                for p in self.reg.provinces.values():
                    gone = p.after != p.name and b.start and b.start >= self._merger_date()
                    if not gone:
                        self.node(b.code, p.name)

    def change(self, c: Change) -> None:
        reg, m = self.reg, self.m
        labels = {k: (b.name_vi, b.name_en) for k, b in reg.bodies.items()}

        def names(codes: Iterable[str], lang: int) -> str:
            return ", ".join(labels[k][lang] for k in codes)

        if c.scope == "national":
            after = self.node(c.after, None) if c.after else None
            _event(
                self.g,
                m.change_event(c.event, c.key or c.after),
                c,
                self.source_iris,
                before=[self.node(k, None) for k in c.before],
                after=after,
                transfers=[self.node(k, None) for k in c.transfers],
                label_vi=f"Sắp xếp {names(c.before, 0)} thành {names([c.after], 0)}"
                if c.after
                else f"{names(c.before, 0)}: {c.note_vi}",
                label_en=f"{names(c.before, 1)} reorganised as {names([c.after], 1)}"
                if c.after
                else f"{names(c.before, 1)}: {c.note_en}",
            )
        elif c.scope in ("province", "province→new unit"):
            for p in reg.provinces.values():
                target = p.name if c.scope == "province" else reg.new_unit(p.name)
                after = self.node(c.after, target) if c.after else None
                arrow_vi = f"{labels[c.after][0]} {target}" if c.after else c.note_vi
                arrow_en = f"{labels[c.after][1]}, {target}" if c.after else c.note_en
                _event(
                    self.g,
                    m.change_event(c.event, p.name, c.key or c.after),
                    c,
                    self.source_iris,
                    before=[self.node(k, p.name) for k in c.before],
                    after=after,
                    transfers=[self.node(k, target) for k in c.transfers],
                    label_vi=f"{names(c.before, 0)} {p.name} → {arrow_vi}",
                    label_en=f"{names(c.before, 1)}, {p.name} → {arrow_en}",
                )
        elif c.scope == "merger":
            kinds = [
                b for b in reg.bodies.values() if b.level == "provincial" and b.exists_on(c.date)
            ]
            for before, unit in reg.mergers():
                for b in kinds:
                    _event(
                        self.g,
                        m.change_event(c.event, unit, b.code),
                        c,
                        self.source_iris,
                        before=[self.node(b.code, p) for p in before],
                        after=self.node(b.code, unit),
                        label_vi=f"{b.name_vi}: {', '.join(before)} → {unit}",
                        label_en=f"{b.name_en}: {', '.join(before)} → {unit}",
                        note=(_SOME_VI, _SOME_EN) if b.where == "some" else None,
                    )


def agencies_graph(reg: Register, source_iris: SourceIris) -> Graph:
    a = _Agencies(reg, source_iris)
    a.bodies()
    for c in reg.changes:
        if c.scope != "provinces":
            a.change(c)
    return a.g


def _event(
    g: Graph,
    iri: str,
    change: Change,
    source_iris: SourceIris,
    *,
    before: list[URIRef],
    after: URIRef | None,
    label_vi: str,
    label_en: str,
    transfers: Iterable[URIRef] = (),
    note: tuple[str, str] | None = None,
) -> None:
    ev = URIRef(iri)
    g.add((ev, RDF.type, W3ORG.ChangeEvent))
    g.add((ev, RDFS.label, Literal(label_vi, lang="vi")))
    g.add((ev, RDFS.label, Literal(label_en, lang="en")))
    if change.date:
        g.add((ev, D.date, date_literal(change.date)))
    for src in _event_sources(change, source_iris):
        g.add((ev, D.source, URIRef(src)))
    for org in before:
        g.add((ev, W3ORG.originalOrganization, org))
        g.add((org, W3ORG.changedBy, ev))
        if after is not None and org != after:
            g.add((org, D.isReplacedBy, after))
            g.add((after, D.replaces, org))
    if after is not None:
        g.add((after, W3ORG.resultedFrom, ev))
    for t in transfers:
        g.add((ev, P.functionsTransferredTo, t))
    vi, en = note or (change.note_vi, change.note_en)
    if vi:
        g.add((ev, SKOS.note, Literal(vi, lang="vi")))
    if en:
        g.add((ev, SKOS.note, Literal(en, lang="en")))


def _event_sources(change: Change, source_iris: SourceIris) -> list[str]:
    """The legal acts of a change when it names any, else the pages it cites."""
    acts = [iri for k in change.sources for iri in source_iris(k) if "/eli/" in iri]
    return acts or [iri for k in change.sources for iri in source_iris(k)]
