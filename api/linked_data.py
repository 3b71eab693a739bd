"""Linked data: every minted IRI dereferences.

``GET /eli/...``, ``/agency/...``, ``/province/...``, ``/code/...``, ``/event/...``,
``/graph/...`` and ``/ontology`` (the IRI with the configured base stripped) answer
``303 See Other`` to the document ``/data/<same path>``, which serves the description of
the resource as HTML, Turtle, JSON-LD or N-Triples by content negotiation (``Accept``, or
``?format=html|ttl|jsonld|nt``).

The description is every triple with the IRI as subject, in any graph, plus the labels
(titles, numbers, notations) of the resources it links to. A named graph's IRI describes
the graph's content; ``/ontology`` serves the whole vocabulary (a hash namespace).
"""

from __future__ import annotations

import html
import logging
from typing import Annotated, Any, Literal

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import RedirectResponse

from policykg.api.errors import ApiError
from policykg.api.models import ErrorBody
from policykg.api.negotiation import negotiate
from policykg.graph.base import Store
from policykg.graph.queries import run_construct
from policykg.ontology.iri import PKG, PREFIXES, IriMinter

log = logging.getLogger(__name__)

#: First path segments of minted IRIs (see :mod:`policykg.ontology.iri`).
SPACES = ("eli", "agency", "province", "code", "event", "graph")
ONTOLOGY = "ontology"

OFFERS: list[tuple[str, str]] = [
    ("text/turtle", "turtle"),
    ("text/html", "html"),
    ("application/xhtml+xml", "html"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
    ("application/n-triples", "ntriples"),
    ("text/plain", "ntriples"),
]
MEDIA = {
    "turtle": "text/turtle; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
}
FORMAT_PARAM = {"ttl": "turtle", "html": "html", "jsonld": "jsonld", "nt": "ntriples"}
LABELS = (
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
    "http://data.europa.eu/eli/ontology#title",
    "http://purl.org/dc/terms/title",
    "http://data.europa.eu/eli/ontology#number",
    "http://xmlns.com/foaf/0.1/name",
)
_ERRORS: dict[int | str, dict[str, object]] = {
    404: {"model": ErrorBody, "description": "no such resource"},
    406: {"model": ErrorBody, "description": "no acceptable format"},
    422: {"model": ErrorBody, "description": "invalid parameters"},
}
_DATA_ANSWER: dict[int | str, dict[str, object]] = {
    200: {
        "description": "the description, in the format chosen by Accept or `format`",
        "content": {m.split(";")[0]: {"schema": {"type": "string"}} for m in MEDIA.values()},
    },
    **_ERRORS,
}


class Describer:
    """Describes one resource of the store; maps IRIs to local paths and back."""

    def __init__(self, store: Store, minter: IriMinter) -> None:
        self.store = store
        self.minter = minter
        self.base = minter.base

    def iri(self, path: str) -> str:
        """The IRI of an app path; :class:`ApiError` 404 when it cannot be an IRI."""
        iri = self.base + path.lstrip("/")
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise ApiError(404, "not_found", "no resource with this identifier") from None
        return iri

    def local(self, iri: str) -> str | None:
        """The app path of an IRI under the base (``/eli/...``), or ``None``."""
        return "/" + iri[len(self.base) :] if iri.startswith(self.base) else None

    def describe(self, iri: str) -> list[ox.Triple]:
        if iri == self.iri(ONTOLOGY):
            return self._ontology()
        triples = run_construct(self.store, "resource_describe", resource=iri)
        if not triples and iri in set(self.store.graphs()):
            triples = self.store.graph_triples(iri)
        return sorted(set(triples), key=str)

    def _ontology(self) -> list[ox.Triple]:
        own = self.minter.base + ONTOLOGY
        return sorted(
            (
                t
                for t in self.store.graph_triples(self.minter.ontology_graph)
                if isinstance(t.subject, ox.NamedNode)
                and (t.subject.value == own or t.subject.value.startswith(PKG))
            ),
            key=str,
        )


def serialize(triples: list[ox.Triple], key: str) -> bytes:
    fmt = {
        "turtle": ox.RdfFormat.TURTLE,
        "jsonld": ox.RdfFormat.JSON_LD,
        "ntriples": ox.RdfFormat.N_TRIPLES,
    }[key]
    if key == "turtle":
        out = ox.serialize(triples, format=fmt, prefixes=PREFIXES)
    else:
        out = ox.serialize(triples, format=fmt)
    return out if isinstance(out, bytes) else b""


def _compact(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def render_html(iri: str, triples: list[ox.Triple], d: Describer, root: str) -> str:
    """A plain, fully escaped HTML page: the resource's statements, links kept in the app."""
    e = html.escape
    subject = ox.NamedNode(iri)
    labels: dict[str, str] = {}
    for t in triples:
        if t.predicate.value in LABELS and isinstance(t.object, ox.Literal):
            key = str(t.subject).strip("<>")
            if key not in labels or t.object.language == "vi":
                labels[key] = t.object.value

    def link(term: ox.NamedNode) -> str:
        local = d.local(term.value)
        href = root + local if local is not None else term.value
        text = _compact(term.value)
        label = labels.get(term.value)
        shown = f"{e(label)} <small>({e(text)})</small>" if label else e(text)
        return f'<a href="{e(href, quote=True)}">{shown}</a>'

    def value(term: object) -> str:
        if isinstance(term, ox.NamedNode):
            return link(term)
        if isinstance(term, ox.Literal):
            tag = f" <small>@{e(term.language)}</small>" if term.language else ""
            return f"{e(term.value)}{tag}"
        return e(str(term))

    rows = [
        f"<tr><th>{link(t.predicate)}</th><td>{value(t.object)}</td></tr>"
        for t in triples
        if t.subject == subject
    ]
    others = sorted(
        {t.subject.value for t in triples if isinstance(t.subject, ox.NamedNode)} - {iri}
    )
    title = labels.get(iri) or _compact(iri)
    local = d.local(iri) or ""
    alternates = " · ".join(
        f'<a href="{e(root + "/data" + local, quote=True)}?format={k}">{n}</a>'
        for k, n in (("ttl", "Turtle"), ("jsonld", "JSON-LD"), ("nt", "N-Triples"))
    )
    more = ""
    if others and len(rows) == 0:
        more = "<p>" + " ".join(link(ox.NamedNode(o)) for o in others[:500]) + "</p>"
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
        "th{text-align:left;vertical-align:top;padding-right:1em;font-weight:normal}"
        "td,th{border-bottom:1px solid #ddd;padding:.3em}</style></head><body>"
        f"<h1>{e(title)}</h1><p><code>{e(iri)}</code></p>"
        f"<p>Also as: {alternates}</p>"
        f"<table>{''.join(rows)}</table>{more}</body></html>\n"
    )


async def get_describer(request: Request) -> Describer:
    """The app's :class:`Describer` (kept on ``app.state`` by ``create_app``)."""
    describer: Describer = request.app.state.describer
    return describer


DescriberDep = Annotated[Describer, Depends(get_describer)]

router = APIRouter(tags=["linked data"])


def _exists(d: Describer, iri: str) -> bool:
    return d.store.has_graph(iri) or bool(d.describe(iri))


def _redirect(request: Request, d: Describer, path: str) -> RedirectResponse:
    if not _exists(d, d.iri(path)):
        raise ApiError(404, "not_found", "no resource with this identifier")
    root = request.scope.get("root_path", "")
    return RedirectResponse(f"{root}/data/{path}", status_code=303, headers={"Vary": "Accept"})


@router.get(
    "/ontology",
    summary="The vocabulary's identifier: 303 to its description",
    status_code=303,
    response_class=Response,
    responses={303: {"description": "See Other: /data/ontology"}, **_ERRORS},
)
def ontology_id(request: Request, d: DescriberDep) -> RedirectResponse:
    return _redirect(request, d, ONTOLOGY)


def _identifier(request: Request, d: Describer, space: str, rest: str) -> RedirectResponse:
    if not rest or len(rest) > 500:
        raise ApiError(404, "not_found", "no resource with this identifier")
    return _redirect(request, d, f"{space}/{rest}")


def _identifier_route(space: str) -> dict[str, Any]:
    """The route of the minted identifiers ``{base}{space}/...`` (one per :data:`SPACES`)."""
    return {
        "path": f"/{space}/{{rest:path}}",
        "name": f"identifier_{space}",
        "summary": f"A minted identifier {{base}}{space}/...: 303 to its description",
        "status_code": 303,
        "response_class": Response,
        "responses": {303: {"description": f"See Other: /data/{space}/..."}, **_ERRORS},
    }


@router.get(**_identifier_route("eli"))
def identifier_eli(request: Request, rest: str, d: DescriberDep) -> RedirectResponse:
    return _identifier(request, d, "eli", rest)


@router.get(**_identifier_route("agency"))
def identifier_agency(request: Request, rest: str, d: DescriberDep) -> RedirectResponse:
    return _identifier(request, d, "agency", rest)


@router.get(**_identifier_route("province"))
def identifier_province(request: Request, rest: str, d: DescriberDep) -> RedirectResponse:
    return _identifier(request, d, "province", rest)


@router.get(**_identifier_route("code"))
def identifier_code(request: Request, rest: str, d: DescriberDep) -> RedirectResponse:
    return _identifier(request, d, "code", rest)


@router.get(**_identifier_route("event"))
def identifier_event(request: Request, rest: str, d: DescriberDep) -> RedirectResponse:
    return _identifier(request, d, "event", rest)


@router.get(**_identifier_route("graph"))
def identifier_graph(request: Request, rest: str, d: DescriberDep) -> RedirectResponse:
    return _identifier(request, d, "graph", rest)


@router.get(
    "/data/{path:path}",
    summary="Description of a resource: HTML, Turtle, JSON-LD or N-Triples",
    response_class=Response,
    responses=_DATA_ANSWER,
)
def data(
    request: Request,
    path: str,
    d: DescriberDep,
    format: Annotated[Literal["html", "ttl", "jsonld", "nt"] | None, Query()] = None,
) -> Response:
    """Every triple with the resource as subject (any graph), plus labels of the
    resources it links to. Format by `Accept` (Turtle by default) or `format`."""
    first = path.split("/", 1)[0]
    if (first not in SPACES and path != ONTOLOGY) or len(path) > 500:
        raise ApiError(404, "not_found", "no resource with this identifier")
    iri = d.iri(path)
    triples = d.describe(iri)
    if not triples:
        raise ApiError(404, "not_found", "no resource with this identifier")
    key = FORMAT_PARAM[format] if format else negotiate(request.headers.get("accept"), OFFERS)
    if key is None:
        raise ApiError(
            406, "not_acceptable", "available: " + ", ".join(sorted({o for o, _ in OFFERS}))
        )
    headers = {"Vary": "Accept", "Link": f'<{iri}>; rel="canonical"'}
    if key == "html":
        root = request.scope.get("root_path", "")
        body = render_html(iri, triples, d, root).encode("utf-8")
    else:
        body = serialize(triples, key)
    return Response(body, media_type=MEDIA[key], headers=headers)
