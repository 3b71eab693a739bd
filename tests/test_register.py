"""The register of state bodies (ontology/register/*.tsv): well formed, faithful to the 2025
reference sheet, and answering "what became of Sở Kế hoạch và Đầu tư tỉnh X" everywhere."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from policykg.graph.queries import run_construct, run_select
from policykg.graph.store import EmbeddedStore
from policykg.ontology import build_reference
from policykg.ontology.iri import IriMinter
from policykg.ontology.load import ontology_triples, reference_triples
from policykg.ontology.register import NOT_FOUND, Register, problems, register

ROOT = Path(__file__).resolve().parent.parent
SHEET = ROOT.parent / "shared" / "reference" / "restructuring-2025.md"
M = IriMinter()
NQ176, ND45, NQ202 = "nq_176", "nd_45", "nq_202"


@pytest.fixture(scope="module")
def reg() -> Register:
    return register()


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    st = EmbeddedStore()
    st.replace_graphs(
        {M.ontology_graph: ontology_triples(), M.reference_graph: reference_triples()}
    )
    return st


@pytest.fixture(scope="module")
def sheet() -> str:
    if not SHEET.is_file():
        pytest.skip(f"the reference sheet is not beside the checkout ({SHEET})")
    return SHEET.read_text(encoding="utf-8")


def _key(name: str) -> str:
    """A name compared without case, tone placement or spacing around hyphens."""
    name = unicodedata.normalize("NFC", name).replace("Uỷ", "Ủy").replace("oá", "óa")
    return re.sub(r"\s*-\s*", " - ", " ".join(name.split())).lower()


def _code(reg: Register, name: str) -> str:
    codes = [b.code for b in reg.bodies.values() if _key(b.name_vi) == _key(name)]
    assert len(codes) == 1, f"{name!r} names {codes} in bodies.tsv"
    return codes[0]


# --- rows well formed ---------------------------------------------------------------------


def test_every_row_is_well_formed(reg: Register) -> None:
    assert problems(reg, known_sources=build_reference.BY_KEY) == []


def test_problems_are_found() -> None:
    """The checker itself: a row with a bad date, an unknown source and a missing successor."""
    from dataclasses import replace

    reg = register()
    bad = replace(reg.bodies["so_tp"], end="1.3.2025", sources=("no_such_source",))
    change = replace(reg.changes[0], after="no_such_body")
    broken = Register({**reg.bodies, "so_tp": bad}, reg.provinces, (change,), reg.sources)
    found = problems(broken, known_sources=build_reference.BY_KEY)
    assert any("'1.3.2025' is not an ISO date" in p for p in found)
    assert any("unknown source 'no_such_source'" in p for p in found)
    assert any("'no_such_body' not in the register" in p for p in found)


def _schema_codes() -> set[str]:
    """The agency kinds of SCHEMA.md: its first agency table and "Beyond the first corpus"."""
    schema = (ROOT / "tests" / "gold" / "SCHEMA.md").read_text(encoding="utf-8")
    first = schema.split("## Agencies", 1)[1].split("\n## ", 1)[0]
    beyond = schema.split("### Issuers and agencies", 1)[1].split("\n### ", 1)[0]
    codes = set(re.findall(r"^\| `([a-z_]+)` \|", first + beyond, re.MULTILINE))
    return codes | set(re.findall(r"`(bo_[a-z]+)`", beyond))


def test_codes_of_the_schema(reg: Register) -> None:
    codes = _schema_codes()
    assert {"ubnd_tinh", "bo_dttg", "tinh_uy", "bo_ldtbxh", "other"} <= codes
    assert not codes - set(reg.bodies), "codes of SCHEMA.md missing from bodies.tsv"
    for b in reg.bodies.values():
        assert (b.schema != "") == (b.code in codes), b.code


def test_names_and_abbreviations_documents_use(reg: Register) -> None:
    names = {
        b.code: {_key(n) for n in (b.name_vi, *b.abbreviations, *b.variants, *b.city_variants)}
        for b in reg.bodies.values()
    }
    for code, written in [
        ("bo_ldtbxh", "Bộ LĐ-TB&XH"),
        ("so_khdt", "Sở KH&ĐT"),
        ("mttq_tinh", "UBMTTQ tỉnh"),
        ("bchqs_tinh", "BCHQS tỉnh"),
        ("tinh_uy", "Thành ủy"),
        ("so_ldtbxh", "Sở LĐTBXH"),
        ("bo_tnmt", "Bộ TN&MT"),
        ("nhnn", "NHNN"),
    ]:
        assert _key(written) in names[code], (code, written)


def test_sources_found_or_said_not_found(reg: Register) -> None:
    """Every row cites a source key, or says in words that none was found; no row guesses."""
    cited = [s for b in reg.bodies.values() for s in b.sources]
    assert cited.count(NOT_FOUND) < len(reg.bodies) // 2
    for s in reg.sources.values():
        assert s.urls or s.key in {"restructuring_2025", NQ202}, s.key


# --- the 2025 changes against the reference sheet -----------------------------------------


def _change(reg: Register, scope: str, after: str, date: str) -> set[str]:
    found = [c for c in reg.changes if c.scope == scope and c.after == after and c.date == date]
    assert len(found) == 1, (scope, after, date)
    return set(found[0].before) | set(found[0].sources)


def test_ministries_as_the_sheet_says(reg: Register, sheet: str) -> None:
    section = sheet.split("## Ministries", 1)[1].split("\n## ", 1)[0]
    assert "176/2025/QH15" in section and "1 March 2025" in section
    rows = re.findall(r"^\| (Bộ [^|]+?) \| ([^|]+?) \|$", section, re.MULTILINE)
    assert len(rows) == 5
    for before_cell, after_cell in rows:
        before = [_code(reg, n) for n in before_cell.split(" + ")]
        after = _code(reg, re.sub(r"^merged into |\s*\(.*$", "", after_cell))
        got = _change(reg, "national", after, "2025-03-01")
        assert set(before) <= got and NQ176 in got, (before_cell, after_cell)
        if after_cell.startswith("merged into"):
            assert after in got  # the ministry that absorbs the other continues
        part = re.search(r"\(some functions to (.+)\)", after_cell)
        for receiver in part.group(1).split(" and ") if part else []:
            (row,) = [c for c in reg.changes if c.scope == "national" and c.after == after]
            assert _code(reg, receiver) in row.transfers, receiver


def test_departments_as_the_sheet_says(reg: Register, sheet: str) -> None:
    section = sheet.split("## Provincial departments", 1)[1].split("\n## ", 1)[0]
    assert "45/2025/NĐ-CP" in section
    text = " ".join(section.split("\n", 1)[1].split())
    pairs = re.findall(r"((?:Sở [^;→.]+?)(?: \+ Sở [^;→.]+?)?) → (Sở [^;.]+)", text)
    assert len(pairs) == 5
    for before_cell, after_name in pairs:
        before = [_code(reg, n.strip()) for n in before_cell.split(" + ")]
        after = _code(reg, after_name.strip())
        got = _change(reg, "province", after, "2025-03-01")
        assert set(before) <= got and ND45 in got, (before_cell, after_name)
    # "Where a province had Sở Du lịch separate from Sở Văn hóa và Thể thao, they merged"
    m = re.search(r"had (Sở [^,]+?) separate from (Sở [^,]+?), they merged into (Sở [^.]+)", text)
    assert m is not None
    got = _change(reg, "province", _code(reg, m.group(3)), "2025-03-01")
    assert {_code(reg, m.group(1)), _code(reg, m.group(2))} <= got


def test_provinces_as_the_sheet_says(reg: Register, sheet: str) -> None:
    section = sheet.split("## Provinces", 1)[1].split("\n## ", 1)[0]
    assert "202/2025/QH15" in section and "1 July 2025" in section
    rows = re.findall(r"^\| ([^|]+?) \| ([^|(]+?)(?: \(city\))? \|$", section, re.MULTILINE)
    merged = {unit.strip(): sorted(n.strip() for n in names.split(",")) for names, unit in rows}
    merged.pop("new unit", None)
    assert len(merged) == 23
    assert {u: sorted(b) for b, u in reg.mergers()} == merged
    unchanged = re.search(r"Unchanged \(11\): ([^.]+)\.", section)
    assert unchanged is not None
    assert sorted(reg.unchanged()) == sorted(n.strip() for n in unchanged.group(1).split(","))
    assert len(reg.provinces) == 63 and len(set(p.after for p in reg.provinces.values())) == 34
    cities = {u for u in merged if f"| {u} (city) |" in section} | {"Hà Nội", "Huế"}
    for name in cities:
        assert reg.provinces[name].is_city, name
    # the district level, abolished at the same time
    assert "district level was abolished" in section
    (district,) = [c for c in reg.changes if c.before == ("ubnd_huyen",)]
    assert (district.after, district.date, district.scope) == (
        "ubnd_xa",
        "2025-07-01",
        "province→new unit",
    )
    assert NQ202 in district.sources
    assert reg.bodies["ubnd_huyen"].end == "2025-07-01"


def test_units_as_the_sheet_says(reg: Register, sheet: str) -> None:
    assert "leave its date open" in sheet
    (row,) = [c for c in reg.changes if c.before == ("tong_cuc_tcdlcl",)]
    assert (row.after, row.date) == ("uy_ban_tcdlcl", "")


def test_every_2025_change_has_its_source(reg: Register) -> None:
    """A 2025 change cites the reference sheet (checked above) or an act or page it names."""
    for c in reg.changes:
        if not c.date.startswith("2025"):
            continue
        assert c.sources, c.id
        if "restructuring_2025" not in c.sources:
            pages = [u for k in c.sources for u in reg.sources[k].urls]
            assert pages, f"{c.id}: no page for a change the sheet does not hold"
    # Ủy ban Dân tộc -> Bộ Dân tộc và Tôn giáo; Ban Dân tộc -> Sở Dân tộc và Tôn giáo
    assert {NQ176, "nd_41_2025"} <= set(_change(reg, "national", "bo_dttg", "2025-03-01"))
    assert {"ban_dt", ND45} <= _change(reg, "province", "so_dttg", "2025-03-01")


def test_bodies_end_when_they_change(reg: Register) -> None:
    """A body merged away in 2025 ends on the date of its change, and only then."""
    for c in reg.changes:
        if c.scope in ("merger", "provinces") or not c.date:
            continue
        for code in c.before:
            if code != c.after:
                assert reg.bodies[code].end[:4] == c.date[:4], (c.id, code)


# --- the reference graph ------------------------------------------------------------------


def test_what_became_of_so_khdt_in_every_province(reg: Register, store: EmbeddedStore) -> None:
    assert len(reg.provinces) == 63
    for p in reg.provinces.values():
        rows = run_select(store, "successor_of_agency", agency=M.agency("so_khdt", p.name))
        got = [(r["successor"].value, r["share"].value) for r in rows]
        assert got == [(M.agency("so_tc", p.after), "whole")], p.name
        label = rows[0]["successorLabel"].value
        assert label.startswith("Sở Tài chính ") and label.endswith(p.after)


def test_split_and_partial_successors(store: EmbeddedStore) -> None:
    rows = run_select(store, "successor_of_agency", agency=M.agency("bo_ldtbxh", "national"))
    got = {(r["successorKind"].value, r["share"].value) for r in rows}
    assert got == {("bo_nv", "whole"), ("bo_gddt", "part"), ("bo_yt", "part")}
    rows = run_select(store, "successor_of_agency", agency=M.agency("ubdt", "national"))
    assert [r["successorKind"].value for r in rows] == ["bo_dttg"]
    # 2008 and 2025: Sở Bưu chính, Viễn thông Hà Nam -> Sở TT&TT -> Sở KH&CN -> Ninh Bình
    rows = run_select(store, "successor_of_agency", agency=M.agency("so_bcvt", "Hà Nam"))
    assert [r["successor"].value for r in rows] == [M.agency("so_khcn", "Ninh Bình")]
    rows = run_select(store, "successor_of_agency", agency=M.agency("ban_dt", "Kon Tum"))
    assert [r["successor"].value for r in rows] == [M.agency("so_dttg", "Quảng Ngãi")]
    rows = run_select(store, "successor_of_agency", agency=M.agency("ubnd_huyen", "Nghệ An"))
    assert [r["successorKind"].value for r in rows] == ["ubnd_xa"]


def test_every_body_dereferences(reg: Register, store: EmbeddedStore) -> None:
    """Names, kind (and so level), period, sources, predecessors and successors."""
    triples = run_construct(store, "resource_describe", resource=M.agency("bo_dttg", "national"))
    by_pred: dict[str, set[str]] = {}
    for t in triples:
        by_pred.setdefault(t.predicate.value, set()).add(t.object.value)
    dc, skos = "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#"
    assert "Bộ Dân tộc và Tôn giáo" in by_pred[skos + "prefLabel"]
    assert by_pred[dc + "valid"] == {"start=2025-03-01"}
    assert M.agency("ubdt", "national") in by_pred[dc + "replaces"]
    assert "national" in by_pred["https://w3id.org/policykg/ontology#agencyLevel"]
    assert any("/eli/vn/qh/2025/nq/176-2025-qh15" in s for s in by_pred[dc + "source"])
    old = run_construct(store, "resource_describe", resource=M.agency("so_khdt", "Nam Định"))
    preds = {t.predicate.value for t in old if t.subject.value == M.agency("so_khdt", "Nam Định")}
    assert {dc + "valid", dc + "isReplacedBy", "http://www.w3.org/ns/org#changedBy"} <= preds
    # every body of the register and every every-province kind in every province
    nodes = {
        t.subject.value
        for t in reference_triples()
        if t.predicate.value == "http://www.w3.org/ns/org#classification"
    }
    for b in reg.bodies.values():
        if b.level == "national":
            assert M.agency(b.code, "national") in nodes, b.code
        elif b.level == "provincial" and b.where == "every":
            for p in ("Nghệ An", "Hà Nội", "Nam Định"):
                assert M.agency(b.code, p) in nodes, (b.code, p)


def test_city_bodies_are_named_as_cities(store: EmbeddedStore) -> None:
    rows = store.select(
        f"SELECT ?l WHERE {{ <{M.agency('ubnd_tinh', 'Hà Nội')}> "
        '<http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(lang(?l) = "vi") }'
    )
    assert [r["l"].value for r in rows] == ["Ủy ban nhân dân thành phố Hà Nội"]
