"""Namespaces, prefixes and the only functions that mint instance IRIs.

Every IRI that policykg creates for an instance comes from a function in this module,
so the identifier scheme is defined (and documented, see ``docs/ontology.md``) in one
place. The same input always yields the same IRI.

Templates (``{base}`` defaults to ``https://w3id.org/policykg/``):

* document (ELI-style):  ``{base}eli/vn/{issuer}/{year}/{kind}/{number}``
  e.g. ``eli/vn/nghe-an/2021/kh/683-kh-ubnd`` or ``eli/vn/ttg/2020/qd/1322-qd-ttg``;
  a document without a number gets ``.../{kind}/k-{hash}`` where the hash is taken
  from its normalized kind, issuer, date and title (never its file name). A document
  ingested from its text whose identity cannot all be read (its issuer, and its number
  and year, or without a number its date and title) gets ``.../{kind}/c-{hash}``, the hash
  of its own text: no other document can get it, and the same text always does.
* named graph of a source document: ``{document}/graph``
* parts of a document: ``{document}/task/{ref}``, ``{document}/target/{n}``,
  ``{document}/duty/{n}``, ``{document}/citation/{n}``, ``{document}/section/{ref}``
* agency: ``{base}agency/{kind}/{scope}`` (scope = province slug, ``national``,
  ``international``; agencies of kind ``other`` add a slug of their name)
* province: ``{base}province/{slug}``
* concept of a code list: ``{base}code/{scheme}/{code}``
* change event of an organization (2025 mergers): ``{base}event/{act}/{key...}``
* fixed graphs: ``{base}graph/ontology``, ``{base}graph/reference``
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/policykg/"

PKG = "https://w3id.org/policykg/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
DCTERMS = "http://purl.org/dc/terms/"
SDO = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
SH = "http://www.w3.org/ns/shacl#"
VOID = "http://rdfs.org/ns/void#"
DCAT = "http://www.w3.org/ns/dcat#"
FOAF = "http://xmlns.com/foaf/0.1/"
TIME = "http://www.w3.org/2006/time#"

#: The one prefix map: used by every ``.rq`` file, every serializer and the docs.
PREFIXES: dict[str, str] = {
    "pkg": PKG,
    "eli": ELI,
    "org": ORG,
    "skos": SKOS,
    "prov": PROV,
    "oa": OA,
    "dcterms": DCTERMS,
    "schema": SDO,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "owl": OWL,
    "sh": SH,
    "void": VOID,
    "dcat": DCAT,
    "foaf": FOAF,
    "time": TIME,
}


@functools.lru_cache(maxsize=1 << 14)  # a pure function, called for every minted IRI
def slug(text: str) -> str:
    """ASCII slug of a Vietnamese name: ``"Nghệ An"`` -> ``"nghe-an"``."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def content_key(*parts: str | None) -> str:
    """Stable short key from normalized content (for instances without a number)."""
    norm = "|".join(" ".join(unicodedata.normalize("NFC", p or "").lower().split()) for p in parts)
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:12]


class IriMinter:
    """Mints instance IRIs under one base. ``IriMinter()`` uses :data:`DEFAULT_BASE`."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not base.endswith(("/", "#")):
            base += "/"
        self.base = base

    # --- documents -------------------------------------------------------------------
    def document(
        self,
        *,
        issuer_scope: str | None,
        issuer_kind: str | None,
        year: int | str | None,
        kind: str,
        number: str | None,
        title: str | None = None,
        date: str | None = None,
        issuer_name: str | None = None,
        content: str | None = None,
    ) -> str:
        """ELI-style IRI of a legal or policy instrument (see module docstring).

        ``content`` (the text of a document being ingested) is used only when the fields
        cannot identify the document: then the IRI is derived from it (:func:`identified`).
        """
        issuer = _issuer_segment(issuer_kind, issuer_scope, issuer_name)
        yr = str(year) if year else "nd"
        kind_seg = slug(kind)
        if content is not None and not identified(
            issuer_kind=issuer_kind,
            issuer_scope=issuer_scope,
            year=year,
            number=number,
            title=title,
            date=date,
        ):
            local = "c-" + content_key(content)
        elif number:
            local = slug(number)
        else:
            local = "k-" + content_key(kind, issuer_kind, issuer_scope, date, title)
        return f"{self.base}eli/vn/{issuer}/{yr}/{kind_seg}/{local}"

    def document_graph(self, document_iri: str) -> str:
        return f"{document_iri}/graph"

    def part(self, document_iri: str, part: str, ref: str | int) -> str:
        """IRI of a part of a document: task, target, duty, citation, section, ..."""
        return f"{document_iri}/{slug(part)}/{_ref_segment(str(ref))}"

    # --- agencies and places -----------------------------------------------------------
    def agency(self, kind: str, scope: str | None, name: str | None = None) -> str:
        scope_seg = slug(scope) if scope else "unscoped"
        iri = f"{self.base}agency/{slug(kind)}/{scope_seg}"
        if kind == "other" and name:
            iri += "/" + slug(name)
        return iri

    def province(self, name: str) -> str:
        return f"{self.base}province/{slug(name)}"

    def concept(self, scheme: str, code: str) -> str:
        return f"{self.base}code/{slug(scheme)}/{code}"

    def scheme(self, scheme: str) -> str:
        return f"{self.base}code/{slug(scheme)}"

    def change_event(self, act: str, *keys: str) -> str:
        """IRI of an ``org:ChangeEvent``: the legal act's slug, then slugs of ``keys``."""
        return f"{self.base}event/{slug(act)}/" + "/".join(slug(k) for k in keys)

    # --- fixed graphs -----------------------------------------------------------------
    @property
    def ontology_graph(self) -> str:
        return f"{self.base}graph/ontology"

    @property
    def reference_graph(self) -> str:
        return f"{self.base}graph/reference"


_NATIONAL_OFFICES = {"thu_tuong": "ttg", "chinh_phu": "cp", "quoc_hoi": "qh"}


def identified(
    *,
    issuer_kind: str | None,
    issuer_scope: str | None,
    year: int | str | None,
    number: str | None,
    title: str | None,
    date: str | None,
) -> bool:
    """Whether these fields name one document: a known issuer (a national office or body, or
    one scoped to its province), and its number and year, or without a number its date and
    title."""
    issuer_known = issuer_kind in _NATIONAL_OFFICES or bool(issuer_kind and issuer_scope)
    if not issuer_known:
        return False
    if number:
        return bool(year)
    return bool(date and title)


def _issuer_segment(kind: str | None, scope: str | None, name: str | None = None) -> str:
    if kind in _NATIONAL_OFFICES:
        return _NATIONAL_OFFICES[kind]
    if scope and scope not in {"national", "international"}:
        return slug(scope)
    if kind == "other" and name:
        return slug(name)  # a national body with no code: "dang-doan-quoc-hoi"
    if kind:
        return slug(kind)
    return "unknown"


def _ref_segment(ref: str) -> str:
    ref = unicodedata.normalize("NFC", ref).strip()
    ref = re.sub(r"\s+", "", ref)
    out = re.sub(r"[^0-9A-Za-z._-]", lambda m: "_" + format(ord(m.group()), "x"), ref)
    return out or "_"
