"""Identity of legal and policy instruments: one rule for ingest and reference data.

An instrument cited by five plans must be one node, and a plan that cites a national
decision must reach the node of the reference data (``ontology/reference/``). Both
``policykg.ingest.rdf`` and ``policykg.ontology.build_reference`` mint instrument IRIs with
:func:`instrument_iri`, and ingest first tries :func:`resolve_reference`:

* numbered: same normalized number (upper case, no spaces, ``Đ`` = ``D``) and a cited year
  within one year of the reference (or no year), and only one such reference instrument.
  A plan that writes a wrong day or month still reaches the node; its as-cited date stays
  on its ``pkg:Citation`` for the checker to compare.
* unnumbered (laws cited by title and date): same kind and normalized title, and no
  conflicting date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox

from policykg.ontology.iri import DEFAULT_BASE, ELI, SKOS, IriMinter, slug
from policykg.ontology.terms import kind_segment

_YEAR_IN_NUMBER = re.compile(r"(?:^|/)((?:19|20)\d{2})(?:/|$)")


def norm_number(number: str | None) -> str | None:
    """``"683 /KH-UBND"`` -> ``"683/KH-UBND"``; ``Đ`` and ``D`` compare equal."""
    if not number:
        return None
    out = re.sub(r"\s+", "", number).upper().replace("Đ", "D")
    return out or None


def norm_title(title: str | None) -> str:
    """Title key: lower case, no diacritics, words joined by ``-``."""
    return slug(title) if title else ""


def instrument_year(number: str | None, date: str | None) -> int | None:
    """The year in the number (``35/2021/TT-BTC``), else the year of the date."""
    if number:
        m = _YEAR_IN_NUMBER.search(re.sub(r"\s+", "", number))
        if m:
            return int(m.group(1))
    if date and re.match(r"^\d{4}", date):
        return int(date[:4])
    return None


def instrument_iri(
    minter: IriMinter,
    *,
    kind: str | None,
    number: str | None,
    date: str | None,
    issuer_kind: str | None,
    issuer_scope: str | None,
    title: str | None,
    issuer_name: str | None = None,
    content: str | None = None,
) -> str:
    """ELI-style IRI of an instrument, keyed by issuer, year, kind and number (or title and
    date); ``content``, the text of a document being ingested, keys one whose fields do not
    identify it (:meth:`IriMinter.document`)."""
    return minter.document(
        issuer_scope=issuer_scope,
        issuer_kind=issuer_kind,
        year=instrument_year(number, date),
        kind=kind_segment(kind),
        number=norm_number(number),
        title=norm_title(title) if not number else title,
        date=date,
        issuer_name=issuer_name,
        content=content,
    )


@dataclass(frozen=True)
class ReferenceInstrument:
    """An instrument of the reference data, as ingest matches citations against it."""

    iri: str
    kind: str | None
    number: str | None
    date: str | None
    title: str | None


_REFERENCE_QUERY = f"""
SELECT ?doc ?kind ?number ?date ?title WHERE {{
  ?doc a <{ELI}LegalResource> .
  OPTIONAL {{ ?doc <{ELI}type_document> ?k . ?k <{SKOS}notation> ?kind }}
  OPTIONAL {{ ?doc <{ELI}number> ?number }}
  OPTIONAL {{ ?doc <{ELI}date_document> ?date }}
  OPTIONAL {{ ?doc <{ELI}title> ?title }}
}} ORDER BY ?doc
"""


@lru_cache(maxsize=4)
def reference_instruments(base: str = DEFAULT_BASE) -> tuple[ReferenceInstrument, ...]:
    """The instruments of the reference data (cached)."""
    from policykg.ontology.load import reference_triples

    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in reference_triples(base))
    seen: dict[str, ReferenceInstrument] = {}
    for row in store.query(_REFERENCE_QUERY):  # type: ignore[union-attr]
        iri = row["doc"].value
        if iri in seen:
            continue

        def val(name: str, row: ox.QuerySolution = row) -> str | None:
            term = row[name]
            return term.value if term is not None else None

        seen[iri] = ReferenceInstrument(iri, val("kind"), val("number"), val("date"), val("title"))
    return tuple(seen.values())


def resolve_reference(
    refs: tuple[ReferenceInstrument, ...],
    *,
    kind: str | None,
    number: str | None,
    date: str | None,
    title: str | None,
) -> str | None:
    """IRI of the one reference instrument a citation names, or ``None``."""
    num = norm_number(number)
    if num:
        year = instrument_year(number, date)
        cands = [
            r
            for r in refs
            if norm_number(r.number) == num
            and (
                year is None
                or (ry := instrument_year(r.number, r.date)) is None
                or abs(ry - year) <= 1
            )
        ]
    else:
        key = norm_title(title)
        if not key:
            return None
        cands = [
            r
            for r in refs
            if not r.number
            and r.kind == kind
            and norm_title(r.title) == key
            and (not date or not r.date or r.date == date)
        ]
    return cands[0].iri if len(cands) == 1 else None
