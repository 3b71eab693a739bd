"""Load the vocabulary, the code lists and the reference data as pyoxigraph triples.

Files (package-relative, found through :mod:`importlib.resources`):

* ontology: ``ontology/*.ttl`` (``vocab.ttl``, ``agency-kinds.ttl``, ...) and
  ``ontology/schemes/*.ttl`` (SKOS code lists);
* reference data: ``ontology/reference/*.ttl`` (national instruments, provinces and the
  changes of agencies; generated, with ``agency-kinds.ttl``, from ``ontology/register/*.tsv`` by
  ``python -m policykg.ontology.build_reference``).

The files carry absolute IRIs under :data:`~policykg.ontology.iri.DEFAULT_BASE`, so each is
valid Turtle on its own. When an :class:`~policykg.ontology.iri.IriMinter` uses another base,
pass it as ``base=``: instance IRIs (code lists, instruments, agencies, provinces) are moved
to that base; the vocabulary namespace ``pkg:`` never moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable

import pyoxigraph as ox

from policykg.ontology.iri import DEFAULT_BASE, PKG
from policykg.ontology.order_keys import order_key_triples

_PACKAGE = "policykg.ontology"


def _ttl_files(folder: Traversable) -> list[Traversable]:
    if not folder.is_dir():
        return []
    return sorted(
        (f for f in folder.iterdir() if f.is_file() and f.name.endswith(".ttl")),
        key=lambda f: f.name,
    )


def ontology_files() -> list[Traversable]:
    """The Turtle files of the vocabulary and the code lists, in load order."""
    root = resources.files(_PACKAGE)
    return _ttl_files(root) + _ttl_files(root / "schemes")


def reference_files() -> list[Traversable]:
    """The Turtle files of the reference data."""
    return _ttl_files(resources.files(_PACKAGE) / "reference")


def _parse(files: Iterable[Traversable]) -> list[ox.Triple]:
    out: list[ox.Triple] = []
    for f in files:
        data = f.read_bytes()
        try:
            out.extend(ox.parse(data, format=ox.RdfFormat.TURTLE))
        except SyntaxError as exc:
            raise SyntaxError(f"{f.name}: {exc}") from exc
    return out


@lru_cache(maxsize=4)
def _ontology(base: str) -> tuple[ox.Triple, ...]:
    return tuple(_rebase(_parse(ontology_files()), base))


@lru_cache(maxsize=4)
def _reference(base: str) -> tuple[ox.Triple, ...]:
    return tuple(_rebase(_parse(reference_files()), base))


def ontology_triples(base: str = DEFAULT_BASE) -> list[ox.Triple]:
    """All triples of the vocabulary and the SKOS code lists."""
    return list(_ontology(_norm(base)))


def reference_triples(base: str = DEFAULT_BASE) -> list[ox.Triple]:
    """All triples of the reference data (instruments, provinces, agencies, changes)."""
    triples = list(_reference(_norm(base)))
    return triples + order_key_triples(triples)


def _norm(base: str) -> str:
    return base if base.endswith(("/", "#")) else base + "/"


def _rebase(triples: list[ox.Triple], base: str) -> Iterator[ox.Triple]:
    if base == DEFAULT_BASE:
        yield from triples
        return
    for t in triples:
        s = _move(t.subject, base)
        p = t.predicate
        o = _move(t.object, base)
        yield ox.Triple(s, p, o)  # type: ignore[arg-type]


def _move(term: object, base: str) -> object:
    if (
        isinstance(term, ox.NamedNode)
        and term.value.startswith(DEFAULT_BASE)
        and not term.value.startswith(PKG)
        and not term.value.startswith(DEFAULT_BASE + "ontology")
    ):
        return ox.NamedNode(base + term.value[len(DEFAULT_BASE) :])
    return term
