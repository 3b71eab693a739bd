"""Web pages served by the API, and the JSON they fetch.

Routes (HTML pages are server-rendered with Jinja2, autoescaping on, and sent with a
``Content-Security-Policy`` that allows only the app's own scripts and styles):

* ``GET /``: index: the ingested plans, with links to every page.
* ``GET /documents/{issuer}/{year}/{kind}/{local}/page``: a document's source text with the
  extracted facts highlighted (citations, agencies, tasks, targets, reporting duties), each
  linked to its node, and the citation chain around the document.
* ``GET /network``: the interactive agency network (Cytoscape.js).
* ``GET /network/agencies.json``: the network's Cytoscape.js elements, the filter choices
  and, per node, its centrality (``province``, ``theme``, ``period`` filter it).
* ``GET /network/roles.json?agency=...``: an agency's roles, grouped by plan.
* ``GET /network/agencies/{format}``: the same network as GraphML, GEXF, Cytoscape.js JSON or
  a CSV edge list (a download).
* ``GET /network/citations/{format}``: the citation network of instruments, likewise.
* ``GET /static/app.css``, ``/static/app.js``, ``/static/cytoscape/cytoscape.min.js``.

The text of a plan is never trusted: it is escaped by the templates, and no page carries
inline script (the CSP forbids it), so even a plan containing ``<script>`` only shows it.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi import Path as PathParam
from fastapi.responses import FileResponse, HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from policykg.api.deps import StoreDep
from policykg.api.errors import ApiError
from policykg.api.models import ErrorBody
from policykg.graph.lookup_models import ChainPath
from policykg.graph.lookups import Graph, chain_paths
from policykg.graph.network import (
    AGENCY_EDGE_TYPES,
    FORMATS,
    MEASURES,
    MEDIA_TYPES,
    agency_network,
    cytoscape_elements,
    export_network,
    network_options,
)
from policykg.graph.queries import run_select
from policykg.ontology.iri import DCTERMS, OA, ORG, PKG, PROV, RDF, SKOS
from policykg.ontology.terms import RELATION_PROPERTIES

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"
#: The only files served from ``/static/`` by this router (path below ``static/``).
STATIC_FILES = {
    "app.css": "text/css; charset=utf-8",
    "app.js": "text/javascript; charset=utf-8",
    "cytoscape/cytoscape.min.js": "text/javascript; charset=utf-8",
}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SEGMENT = r"^[A-Za-z0-9._~-]{1,120}$"
#: Citation relations followed by the chain around a document: all of them.
RELATIONS = frozenset(RELATION_PROPERTIES)
EDGE_LABELS = {
    "co_lead": "co-lead a task",
    "lead_coordinator": "lead → coordinator",
    "reports_to": "reports to",
    "part_of": "part of",
    "succeeded_by": "succeeded by (2025)",
}
NODE_SIZE = (16.0, 64.0)
CHAIN_DEPTH = 3
CHAIN_LIMIT = 200

#: Kinds of highlighted facts: (key, rdf:type, label, marker letter), in display order.
FACT_KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("citation", PKG + "Citation", "Citations", "C"),
    ("agency", ORG + "Organization", "Agencies", "A"),
    ("task", PKG + "Task", "Tasks", "N"),
    ("target", PKG + "Target", "Targets", "T"),
    ("duty", PKG + "ReportingDuty", "Reporting duties", "R"),
)
_KIND_OF_TYPE = {t: k for k, t, _, _ in FACT_KINDS}
_LETTER = {k: letter for k, _, _, letter in FACT_KINDS}


# --- highlighting ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One extracted fact placed in the source text (``start``/``end``: character offsets)."""

    key: str
    kind: str
    iri: str
    href: str
    label: str
    start: int
    end: int
    n: int = 0  # number within its kind, from 1 in text order

    @property
    def marker(self) -> str:
        return f"{_LETTER[self.kind]}{self.n}"


@dataclass(frozen=True)
class Segment:
    """A run of text with the same facts over it; ``link`` is the innermost one."""

    text: str
    facts: tuple[Fact, ...] = ()
    starts: tuple[Fact, ...] = ()

    @property
    def link(self) -> Fact | None:
        return min(self.facts, key=lambda f: (f.end - f.start, f.key)) if self.facts else None

    @property
    def kinds(self) -> list[str]:
        return sorted({f.kind for f in self.facts})


def highlight(text: str, facts: Iterable[Fact]) -> list[Segment]:
    """Cut ``text`` at every fact boundary; each piece lists the facts covering it.

    Facts outside the text or empty are dropped. Overlapping and nested facts are fine:
    the pieces never overlap, so the page can wrap each in one link.
    """
    placed = [f for f in facts if 0 <= f.start < f.end <= len(text)]
    bounds = sorted({0, len(text), *(f.start for f in placed), *(f.end for f in placed)})
    by_start: dict[int, list[Fact]] = defaultdict(list)
    for f in sorted(placed, key=lambda f: (f.start, -f.end, f.key)):
        by_start[f.start].append(f)
    out: list[Segment] = []
    for a, b in itertools.pairwise(bounds):
        active = tuple(f for f in placed if f.start <= a and f.end >= b)
        out.append(Segment(text[a:b], active, tuple(by_start.get(a, ()))))
    return out


def agency_mentions(text: str, labels: Mapping[str, Iterable[str]]) -> list[tuple[str, int, int]]:
    """(agency IRI, start, end) of every mention of an agency's labels in ``text``.

    Labels match as whole words, with any run of white space between their words; the
    longest label wins where two could match at the same place.
    """
    owner: dict[str, str] = {}
    for iri in sorted(labels):
        for label in labels[iri]:
            key = " ".join(label.split())
            if key and key not in owner:
                owner[key] = iri
    if not owner:
        return []
    alternatives = sorted(owner, key=lambda k: (-len(k), k))
    pattern = re.compile(
        r"(?<!\w)(?:"
        + "|".join(r"\s+".join(map(re.escape, k.split())) for k in alternatives)
        + r")(?!\w)"
    )
    return [
        (owner[" ".join(m.group().split())], m.start(), m.end()) for m in pattern.finditer(text)
    ]


# --- reading one document -------------------------------------------------------------------


@dataclass
class DocumentView:
    """What the document page shows."""

    iri: str
    id: str
    title: str
    meta: list[tuple[str, str]]
    text: str | None
    segments: list[Segment]
    facts: dict[str, list[Fact]]
    agencies: list[tuple[str, str, int]]  # (href, label, mentions)
    unplaced: int
    chain_out: list[ChainPath] = field(default_factory=list)
    chain_in: list[ChainPath] = field(default_factory=list)


class Pages:
    """Reads what the pages show from the store."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph  # the lookups' view of the store, shared with the REST lookups
        self.store = graph.store
        self.minter = graph.minter

    # links -----------------------------------------------------------------------------
    def node_href(self, iri: str, root: str = "") -> str:
        """The linked-data URL of a node (its identifier path in this app) or the IRI."""
        if iri.startswith(self.minter.base):
            return f"{root}/{iri[len(self.minter.base) :]}"
        return iri

    def page_href(self, iri: str, root: str = "") -> str | None:
        """The document page of an ingested document, else ``None``."""
        doc = self.graph.summary(iri)  # a point lookup, not the catalog
        if doc is None or not doc.ingested or doc.id is None:
            return None
        return f"{root}/documents/{doc.id}/page"

    def instrument_label(self, iri: str) -> str:
        ref = self.graph.instrument(iri)
        parts = [p for p in (ref.number, ref.title) if p]
        if not parts and ref.province:
            parts = [f"{ref.kind or 'document'} ({ref.province})"]
        return " · ".join(parts) or (ref.id or iri)

    def agency_label(self, iri: str, fallback: Iterable[str] = ()) -> str:
        ref = self.graph.agency(iri)
        return ref.label or next(iter(fallback), None) or (ref.id or iri)

    # documents -------------------------------------------------------------------------
    def documents(self) -> list[dict[str, Any]]:
        docs = [d for d in self.graph.catalog().instruments.values() if d.ingested and d.id]
        docs.sort(key=lambda d: (d.province or "", d.iri))
        return [
            {"id": d.id, "title": d.title or d.id, "number": d.number, "date": d.date,
             "province": d.province, "kind": d.kind}
            for d in docs
        ]  # fmt: skip

    def document(self, issuer: str, year: str, kind: str, local: str, root: str) -> DocumentView:
        iri = self.graph.document_iri(issuer, year, kind, local)
        ref = self.graph.instrument(iri)
        graph_iri = self.minter.document_graph(iri)
        triples = self.store.graph_triples(graph_iri) if self.store.has_graph(graph_iri) else []
        props: dict[str, dict[str, list[ox.NamedNode | ox.Literal]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for t in triples:
            if isinstance(t.subject, ox.NamedNode) and isinstance(
                t.object, ox.NamedNode | ox.Literal
            ):
                props[t.subject.value][t.predicate.value].append(t.object)

        def one(s: str, p: str) -> str | None:
            values = props.get(s, {}).get(p)
            return min(v.value for v in values) if values else None

        text = one(iri, PKG + "sourceText")
        facts: list[Fact] = []
        unplaced = 0
        for subject, p in sorted(props.items()):
            kinds = [
                _KIND_OF_TYPE[v.value] for v in p.get(RDF + "type", []) if v.value in _KIND_OF_TYPE
            ]
            derived = one(subject, PROV + "wasDerivedFrom")
            if not kinds or kinds[0] == "agency" or derived is None:
                continue
            start = end = None
            for sel in props.get(derived, {}).get(OA + "hasSelector", []):
                s, e = one(sel.value, OA + "start"), one(sel.value, OA + "end")
                if s is not None and e is not None:
                    start, end = int(s), int(e)
            if start is None or end is None or text is None or not 0 <= start < end <= len(text):
                unplaced += 1
                continue
            facts.append(
                Fact("", kinds[0], subject, self.node_href(subject, root),
                     self._fact_label(kinds[0], subject, one), start, end)
            )  # fmt: skip
        labels = {
            s: [v.value for v in p.get(SKOS + "altLabel", [])]
            for s, p in props.items()
            if any(v.value == ORG + "Organization" for v in p.get(RDF + "type", []))
        }
        counts: dict[str, int] = defaultdict(int)
        if text is not None:
            for agency, start, end in agency_mentions(text, labels):
                counts[agency] += 1
                facts.append(
                    Fact("", "agency", agency, self.node_href(agency, root),
                         self.agency_label(agency, labels[agency]), start, end)
                )  # fmt: skip
        facts.sort(key=lambda f: (f.start, -f.end, f.kind, f.iri))
        per_kind: dict[str, int] = defaultdict(int)
        numbered = []
        for n, f in enumerate(facts, start=1):
            per_kind[f.kind] += 1
            numbered.append(
                Fact(f"f{n}", f.kind, f.iri, f.href, f.label, f.start, f.end, per_kind[f.kind])
            )
        facts = numbered
        by_kind: dict[str, list[Fact]] = {k: [] for k, _, _, _ in FACT_KINDS if k != "agency"}
        for f in facts:
            if f.kind != "agency":
                by_kind[f.kind].append(f)
        agencies = sorted(
            (
                (self.node_href(a, root), self.agency_label(a, labels[a]), counts.get(a, 0))
                for a in labels
            ),
            key=lambda x: (-x[2], x[1]),
        )
        meta = [
            (k, v)
            for k, v in (
                ("Number", ref.number), ("Kind", ref.kind), ("Date", ref.date),
                ("Province", ref.province), ("Source file", one(iri, PKG + "sourceFile")),
            )
            if v
        ]  # fmt: skip
        relations = set(RELATIONS)
        out, _ = chain_paths(self.graph, iri, direction="out", depth=CHAIN_DEPTH,
                             relations=relations, limit=CHAIN_LIMIT)  # fmt: skip
        out.sort(key=lambda p: [(e.relation, e.target.iri) for e in p.edges])
        into, _ = chain_paths(self.graph, iri, direction="in", depth=1,
                              relations=relations, limit=CHAIN_LIMIT)  # fmt: skip
        return DocumentView(
            iri=iri,
            id=ref.id or "",
            title=ref.title or ref.number or (ref.id or iri),
            meta=meta,
            text=text,
            segments=highlight(text, facts) if text is not None else [],
            facts=by_kind,
            agencies=agencies,
            unplaced=unplaced,
            chain_out=out,
            chain_in=into,
        )

    def _fact_label(self, kind: str, iri: str, one: Any) -> str:
        if kind == "citation":
            cited = one(iri, PKG + "citedNumber") or one(iri, PKG + "citedTitle") or ""
            relation = (one(iri, PKG + "relation") or "").rsplit("/", 1)[-1]
            return f"{relation}: {cited}" if relation else str(cited)
        if kind == "task":
            ident = one(iri, DCTERMS + "identifier") or ""
            return f"{ident} {one(iri, DCTERMS + 'title') or ''}".strip()
        if kind == "target":
            return str(one(iri, DCTERMS + "description") or iri.rsplit("/", 1)[-1])
        evidence = str(one(iri, PKG + "evidence") or iri.rsplit("/", 1)[-1])
        return evidence if len(evidence) <= 160 else evidence[:157] + "..."

    # agencies --------------------------------------------------------------------------
    def roles(self, agency: str, root: str) -> dict[str, Any]:
        """An agency's roles grouped by plan: lead, coordinating, actor, recipient, issuer."""
        iri = self.graph.resolve_agency(agency)
        groups: dict[tuple[str, str], list[str]] = defaultdict(list)
        for row in run_select(self.store, "agency_roles", agency=iri):
            role, doc, item = row["role"].value, row["doc"].value, row["item"].value
            groups[(doc, role)].append(item)
        titles = self._item_titles({doc for doc, _ in groups})
        out = []
        for (doc, role), items in sorted(groups.items()):
            out.append(
                {
                    "role": role,
                    "document": {
                        "iri": doc,
                        "label": self.instrument_label(doc),
                        "province": self.graph.instrument(doc).province,
                        "page": self.page_href(doc, root),
                        "href": self.node_href(doc, root),
                    },
                    "items": [
                        {"iri": i, "label": titles.get(i, i.rsplit("/", 2)[-2:][-1]),
                         "href": self.node_href(i, root)}
                        for i in sorted(set(items)) if i != doc
                    ],
                }
            )  # fmt: skip
        return {
            "agency": {
                "iri": iri,
                "label": self.agency_label(iri),
                "href": self.node_href(iri, root),
            },
            "roles": out,
        }

    def _item_titles(self, docs: Iterable[str]) -> dict[str, str]:
        titles: dict[str, str] = {}
        for doc in docs:
            g = self.minter.document_graph(doc)
            if not self.store.has_graph(g):
                continue
            parts: dict[str, dict[str, str]] = defaultdict(dict)
            for t in self.store.graph_triples(g):
                pred = t.predicate.value
                if (
                    pred in (DCTERMS + "identifier", DCTERMS + "title", PKG + "evidence")
                    and isinstance(t.subject, ox.NamedNode)
                    and isinstance(t.object, ox.Literal)
                ):
                    parts[t.subject.value][pred] = t.object.value
            for subject, values in parts.items():
                label = " ".join(
                    x
                    for x in (values.get(DCTERMS + "identifier"), values.get(DCTERMS + "title"))
                    if x
                ) or values.get(PKG + "evidence", "")
                titles[subject] = label if len(label) <= 160 else label[:157] + "..."
        return titles


# --- the router -----------------------------------------------------------------------------


def make_templates() -> Environment:
    """The pages' Jinja2 environment: autoescaping on for every template, strict names."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["fact_kinds"] = FACT_KINDS
    return env


Issuer = Annotated[str, PathParam(pattern=SEGMENT, examples=["tuyen-quang"])]
Year = Annotated[str, PathParam(pattern=SEGMENT, examples=["2022"])]
Kind = Annotated[str, PathParam(pattern=SEGMENT, examples=["kh"])]
Local = Annotated[str, PathParam(pattern=SEGMENT, examples=["60-kh-ubnd"])]
ProvinceQ = Annotated[
    str | None,
    Query(max_length=80, description="province name, slug or IRI", examples=["Nghệ An"]),
]
ThemeQ = Annotated[
    str | None, Query(max_length=200, description="task theme code or IRI", examples=["training"])
]
PeriodQ = Annotated[
    str | None,
    Query(
        pattern=r"^\d{4}(-\d{4})?$",
        description="years `2021-2025` (or one year): plans whose period overlaps them",
        examples=["2021-2025"],
    ),
]


def _period(value: str | None) -> tuple[int, int] | None:
    if not value:
        return None
    first, _, last = value.partition("-")
    a, b = int(first), int(last or first)
    if a > b:
        raise ApiError(422, "invalid_parameters", "period: the first year comes first")
    return (a, b)


_HTML: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/html": {"schema": {"type": "string"}}}, "description": "the page"}
}
_ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "not found"},
    422: {"model": ErrorBody, "description": "invalid parameters"},
}
#: Errors of the HTML pages are JSON (the one error shape), whatever the page's own type.
_PAGE_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {**spec, "content": {"application/json": {}}} for status, spec in _ERRORS.items()
}


async def get_pages(request: Request) -> Pages:
    """The app's :class:`Pages` (kept on ``app.state`` by ``create_app``)."""
    pages: Pages = request.app.state.pages
    return pages


async def get_templates(request: Request) -> Environment:
    """The app's Jinja2 environment (:func:`make_templates`, kept on ``app.state``)."""
    templates: Environment = request.app.state.templates
    return templates


PagesDep = Annotated[Pages, Depends(get_pages)]
TemplatesDep = Annotated[Environment, Depends(get_templates)]

router = APIRouter(tags=["pages"])


def _render(request: Request, templates: Environment, name: str, **context: Any) -> HTMLResponse:
    root = request.scope.get("root_path", "")
    body = templates.get_template(name).render(root=root, **context)
    return HTMLResponse(body, headers={"Content-Security-Policy": CSP})


def _static_file(path: str) -> FileResponse:
    media = STATIC_FILES.get(path)
    if media is None:
        raise ApiError(404, "not_found", "no such file")
    return FileResponse(STATIC / path, media_type=media)


@router.get("/", summary="Index page: the plans and links to every page",
            response_class=HTMLResponse, responses=_HTML)  # fmt: skip
def index(pages: PagesDep, templates: TemplatesDep, request: Request) -> HTMLResponse:
    """Lists the ingested plans (each with its document page) and links to the network,
    the SPARQL editor and the API documentation."""
    return _render(request, templates, "index.html", documents=pages.documents())


@router.get(
    "/documents/{issuer}/{year}/{kind}/{local}/page",
    summary="Document page: source text with the extracted facts highlighted",
    response_class=HTMLResponse,
    responses={**_HTML, **_PAGE_ERRORS},
)
def document_page(
    pages: PagesDep,
    templates: TemplatesDep,
    request: Request,
    issuer: Issuer,
    year: Year,
    kind: Kind,
    local: Local,
) -> HTMLResponse:
    """The text as ingested, each citation, agency mention, task, target and reporting
    duty highlighted and linked to its node; the citation chain around the document."""
    root = request.scope.get("root_path", "")
    view = pages.document(issuer, year, kind, local, root)
    return _render(request, templates, "document.html", doc=view, pages=pages)


# --- the agency network ---------------------------------------------------------------
@router.get("/network", summary="Agency network page (Cytoscape.js)",
            response_class=HTMLResponse, responses=_HTML)  # fmt: skip
def network_page(store: StoreDep, templates: TemplatesDep, request: Request) -> HTMLResponse:
    """Agencies linked by co-leading, coordinating, reporting, being part of and
    succeeding; filters by province, theme and edge type; node size by centrality;
    click an agency to list its roles with links to the plans."""
    options = network_options(store)
    return _render(
        request,
        templates,
        "network.html",
        provinces=[(p, p) for p in options.provinces],
        themes=options.themes,
        edge_types=[(t, EDGE_LABELS.get(t, t)) for t in AGENCY_EDGE_TYPES],
        formats=FORMATS,
    )


@router.get(
    "/network/agencies.json",
    summary="The agency network as Cytoscape.js elements, sized by centrality",
    responses=_ERRORS,
)
def network_json(
    store: StoreDep,
    province: ProvinceQ = None,
    theme: ThemeQ = None,
    period: PeriodQ = None,
    measure: Annotated[
        str, Query(pattern=r"^[a-z]{1,20}$", description=f"one of {', '.join(MEASURES)}")
    ] = "degree",
) -> dict[str, Any]:
    """`elements` (nodes: `id` = agency IRI, `label`, `kind`, `province`, `tasks`,
    `plans`, `centrality`, `size` in pixels; edges: `source`, `target`, `type`, `weight`,
    `directed`), `counts` and the `filters` applied."""
    if measure not in MEASURES:
        raise ApiError(422, "invalid_parameters", f"measure: one of {', '.join(MEASURES)}")
    g = agency_network(store, province=province, theme=theme, period=_period(period))
    elements = cytoscape_elements(g, centrality_measure=measure)
    scores = [float(n["data"]["centrality"]) for n in elements["nodes"]]
    low, high = (min(scores), max(scores)) if scores else (0.0, 0.0)
    for n in elements["nodes"]:
        c = float(n["data"]["centrality"])
        share = (c - low) / (high - low) if high > low else 0.5
        n["data"]["size"] = round(NODE_SIZE[0] + share * (NODE_SIZE[1] - NODE_SIZE[0]), 1)
    for e in elements["edges"]:
        e["data"]["directed"] = e["data"].get("type") != "co_lead"
    return {
        "elements": elements,
        "counts": {"nodes": len(elements["nodes"]), "edges": len(elements["edges"])},
        "filters": {"province": province, "theme": theme, "period": period,
                    "measure": measure},
    }  # fmt: skip


@router.get(
    "/network/roles.json",
    summary="An agency's roles in the plans (for the network page)",
    responses=_ERRORS,
)
def network_roles(
    pages: PagesDep,
    request: Request,
    agency: Annotated[
        str, Query(max_length=300, description="agency IRI or id (`so-khcn/nghe-an`)")
    ],
) -> dict[str, Any]:
    """`agency` (`iri`, `label`, `href`) and `roles`: one group per role and plan with
    the plan's `page` (document page, when ingested) and the tasks or duties."""
    return pages.roles(agency, request.scope.get("root_path", ""))


@router.get(
    "/network/agencies/{format}",
    summary="Export the agency network: GraphML, GEXF, Cytoscape.js JSON or CSV edges",
    response_class=Response,
    responses={
        200: {"description": "the network file",
              "content": {m.split(";")[0]: {} for m in MEDIA_TYPES.values()}},
        **_ERRORS,
    },
)  # fmt: skip
def network_export(
    store: StoreDep,
    format: Annotated[str, PathParam(pattern=r"^[a-z]{1,20}$", examples=["graphml"])],
    province: ProvinceQ = None,
    theme: ThemeQ = None,
    period: PeriodQ = None,
) -> Response:
    """The same filters as `/network/agencies.json`; a download named
    `agency-network.<ext>`."""
    if format not in FORMATS:
        raise ApiError(404, "not_found", f"no such format; one of {', '.join(FORMATS)}")
    body = export_network(
        store, kind="agency", fmt=format, province=province, theme=theme,
        period=_period(period),
    )  # fmt: skip
    ext = {"cytoscape": "json"}.get(format, format)
    return Response(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="agency-network.{ext}"'},
    )


@router.get(
    "/network/citations/{format}",
    summary="Export the citation network of instruments: GraphML, GEXF, Cytoscape.js JSON "
    "or CSV edges",
    response_class=Response,
    responses={
        200: {"description": "the network file",
              "content": {m.split(";")[0]: {} for m in MEDIA_TYPES.values()}},
        **_ERRORS,
    },
)  # fmt: skip
def citation_export(
    store: StoreDep,
    format: Annotated[str, PathParam(pattern=r"^[a-z]{1,20}$", examples=["graphml"])],
    province: ProvinceQ = None,
) -> Response:
    """Instruments and the relations between them (implements, legal basis, applies,
    amended by, replaced by, proposed by, mentions) with the evidence of each edge;
    `province` keeps the citations made by that province's plans. A download named
    `citation-network.<ext>`."""
    if format not in FORMATS:
        raise ApiError(404, "not_found", f"no such format; one of {', '.join(FORMATS)}")
    body = export_network(store, kind="citation", fmt=format, province=province)
    ext = {"cytoscape": "json"}.get(format, format)
    return Response(
        body,
        media_type=MEDIA_TYPES[format],
        headers={"Content-Disposition": f'attachment; filename="citation-network.{ext}"'},
    )


# --- static files -----------------------------------------------------------------------
@router.get("/static/{name}", include_in_schema=False)
def app_asset(name: str) -> FileResponse:
    return _static_file(name)


@router.get("/static/cytoscape/{name}", include_in_schema=False)
def cytoscape_asset(name: str) -> FileResponse:
    return _static_file(f"cytoscape/{name}")
