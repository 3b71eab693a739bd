"""Every shape: one violating and one conforming graph, and the two engines agree.

``tests/shapes/base.ttl`` is a small plan graph that conforms to every shape. Each
``tests/shapes/*.trig`` holds patches of it, as named graphs
``<urn:patch:CODE:violating:remove>`` / ``...:violating:add`` (and optionally
``...:conforming:remove`` / ``...:conforming:add``, a near miss; without them the conforming
graph is the base itself).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.shapes.validate import (
    ShapeResult,
    UnsupportedShape,
    compiled_checks,
    shape_codes,
    shape_subgraph,
    shapes_graph,
    validate,
    validate_pyshacl,
)

HERE = Path(__file__).resolve().parent / "shapes"
CODES = shape_codes()


@lru_cache(maxsize=1)
def _base() -> frozenset[ox.Triple]:
    return frozenset(
        ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(path=str(HERE / "base.ttl"))
    )


@lru_cache(maxsize=1)
def _patches() -> dict[str, dict[str, set[ox.Triple]]]:
    out: dict[str, dict[str, set[ox.Triple]]] = {}
    for f in sorted(HERE.glob("*.trig")):
        for q in ox.parse(path=str(f)):
            assert isinstance(q.graph_name, ox.NamedNode), f
            m = re.fullmatch(
                r"urn:patch:(\w+):(violating|conforming):(add|remove)", q.graph_name.value
            )
            assert m, q.graph_name
            key = f"{m.group(2)}:{m.group(3)}"
            out.setdefault(m.group(1), {}).setdefault(key, set()).add(
                ox.Triple(q.subject, q.predicate, q.object)
            )
    return out


def _graph(code: str, kind: str) -> list[ox.Triple]:
    patch = _patches().get(code, {})
    remove = patch.get(f"{kind}:remove", set())
    add = patch.get(f"{kind}:add", set())
    assert remove <= _base(), f"{code} {kind}: removes triples the base does not have"
    return sorted((set(_base()) - remove) | add, key=str)


def _codes(results: list[ShapeResult]) -> set[str]:
    return {r.code for r in results}


def test_base_conforms_with_both_engines() -> None:
    base = sorted(_base(), key=str)
    assert validate(base, with_context=False) == []
    assert validate_pyshacl(base, with_context=False) == []


def test_every_patch_names_a_shape() -> None:
    assert set(_patches()) <= set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_violating_graph(code: str) -> None:
    assert code in _patches(), f"no violating test graph for {code}"
    results = validate(_graph(code, "violating"), with_context=False)
    assert code in _codes(results)
    mine = [r for r in results if r.code == code]
    for r in mine:
        assert r.messages.get("vi") and r.messages.get("en"), r
        assert "{?" not in r.messages["vi"] and "{$" not in r.messages["en"], r.messages


@pytest.mark.parametrize("code", CODES)
def test_conforming_graph(code: str) -> None:
    assert code not in _codes(validate(_graph(code, "conforming"), with_context=False))


@pytest.mark.parametrize("code", CODES)
def test_pyshacl_agrees(code: str) -> None:
    """The reference validator gives the same results for this shape on its violating graph."""
    graph = _graph(code, "violating")
    fast = {r.key() for r in validate(graph, with_context=False) if r.code == code}
    ref = {
        r.key()
        for r in validate_pyshacl(graph, with_context=False, shapes=shape_subgraph(code))
        if r.code == code
    }
    assert fast == ref


def test_messages_keep_the_specifics() -> None:
    results = validate(_graph("TargetMinAboveMax", "violating"), with_context=False)
    (r,) = [r for r in results if r.code == "TargetMinAboveMax"]
    assert "30" in r.messages["vi"] and "20" in r.messages["vi"] and "I.1" in r.messages["en"]
    results = validate(_graph("AnnexNumberDisagrees", "violating"), with_context=False)
    (r,) = [r for r in results if r.code == "AnnexNumberDisagrees"]
    assert "/2014/KH-UBND" in r.messages["vi"] and "1/KH-UBND" in r.messages["en"]
    results = validate(_graph("NoLongerExisted", "violating"), with_context=False)
    (r,) = [r for r in results if r.code == "NoLongerExisted"]
    assert "Sở Tài chính tỉnh Thử" in r.messages["vi"] and "2025-03-01" in r.messages["en"]


def test_every_shape_has_severity_and_bilingual_messages() -> None:
    for check in compiled_checks():
        langs = {lang for lang, _ in check.messages}
        assert {"vi", "en"} <= langs, check.code
        assert check.severity in ("Violation", "Warning", "Info")


def test_shapes_graph_parses_and_unsupported_features_are_refused() -> None:
    assert len(shapes_graph()) > 300
    with pytest.raises(UnsupportedShape):
        from policykg.shapes import validate as v

        g = shapes_graph()
        import rdflib

        g.add(
            (
                rdflib.URIRef(v.SHAPES_NS + "TaskShape"),
                rdflib.URIRef("http://www.w3.org/ns/shacl#closed"),
                rdflib.Literal(True),
            )
        )
        v._property_checks(g, rdflib.URIRef(v.SHAPES_NS + "TaskShape"), "", "Violation")


def test_context_reference_data_is_used() -> None:
    """With the reference data, an agency merged in 2025 is reported with its successor."""
    plan = "https://example.org/late-plan"
    agency = "https://w3id.org/policykg/agency/so-khdt/nghe-an"
    triples = [
        ox.Triple(ox.NamedNode(plan), ox.NamedNode(p), o)
        for p, o in [
            ("https://w3id.org/policykg/ontology#sourceFile", ox.Literal("late.txt")),
            (
                "http://data.europa.eu/eli/ontology#date_document",
                ox.Literal(
                    "2025-09-01", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date")
                ),
            ),
        ]
    ]
    task = ox.NamedNode(plan + "/task/1")
    triples += [
        ox.Triple(task, ox.NamedNode("http://purl.org/dc/terms/isPartOf"), ox.NamedNode(plan)),
        ox.Triple(
            task,
            ox.NamedNode("https://w3id.org/policykg/ontology#leadAgency"),
            ox.NamedNode(agency),
        ),
    ]
    results = [r for r in validate(triples) if r.code == "NoLongerExisted"]
    assert len(results) == 1
    assert results[0].value == agency
    assert "Sở Tài chính Nghệ An" in results[0].messages["vi"]
