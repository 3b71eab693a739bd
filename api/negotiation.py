"""Content negotiation: the client's ``Accept`` header against what an endpoint offers.

Used by the SPARQL endpoint and the Graph Store (:data:`RESULT_OFFERS`, :data:`GRAPH_OFFERS`,
:data:`MEDIA_TYPES`), the linked-data documents and the VoID description.
"""

from __future__ import annotations

#: (media type accepted in Accept, format key). Order breaks ties: the first is the default.
RESULT_OFFERS: list[tuple[str, str]] = [
    ("application/sparql-results+json", "json"),
    ("application/json", "json"),
    ("application/sparql-results+xml", "xml"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
    ("text/csv", "csv"),
    ("text/tab-separated-values", "tsv"),
]
GRAPH_OFFERS: list[tuple[str, str]] = [
    ("text/turtle", "turtle"),
    ("application/x-turtle", "turtle"),
    ("application/turtle", "turtle"),
    ("application/n-triples", "ntriples"),
    ("text/plain", "ntriples"),
    ("application/n-quads", "nquads"),
    ("application/ld+json", "jsonld"),
    ("application/json", "jsonld"),
    ("application/rdf+xml", "rdfxml"),
    ("application/xml", "rdfxml"),
    ("text/xml", "rdfxml"),
]
#: Content-Type of each answer format.
MEDIA_TYPES: dict[str, str] = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """``Accept`` as (media range, q) pairs, in header order; malformed q counts as 0."""
    out: list[tuple[str, float]] = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            name, _, value = f.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media, q))
    return out


def negotiate(header: str | None, offers: list[tuple[str, str]]) -> str | None:
    """The offered key the client prefers: highest q of the most specific matching range,
    ties broken by the offers' order. ``None`` when the client accepts none of them."""
    ranges = parse_accept(header)
    if not ranges:
        return offers[0][1]
    best: tuple[float, int, str] | None = None
    for index, (media, key) in enumerate(offers):
        kind = media.split("/")[0]
        q: float | None = None
        specificity = -1
        for rng, rq in ranges:
            s = 2 if rng == media else 1 if rng == f"{kind}/*" else 0 if rng == "*/*" else -1
            if s > specificity:
                specificity, q = s, rq
        if q is None or q <= 0:
            continue
        if best is None or q > best[0]:
            best = (q, index, key)
    return best[2] if best else None


def negotiate_rdf(header: str | None) -> tuple[str, str]:
    """(format key, media type) for an RDF answer; Turtle when nothing offered is accepted."""
    key = negotiate(header, GRAPH_OFFERS) or "turtle"
    return key, MEDIA_TYPES[key]
