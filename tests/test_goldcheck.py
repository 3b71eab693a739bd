"""The checker of the gold files: every gold file passes, and each kind of fault is found."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from policykg.ingest.goldcheck import (
    AGENCY_KINDS,
    DOCUMENT_KINDS,
    INDICATORS,
    RELATIONS,
    THEMES,
    check_gold,
    check_paths,
    quote_text,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
DEV_TEXTS = ROOT / "tests" / "data" / "dev"
SCHEMA = (GOLD / "SCHEMA.md").read_text("utf-8")


def _load(name: str) -> dict[str, Any]:
    return json.loads((GOLD / name).read_text("utf-8"))


def _text(name: str) -> str:
    return (ROOT / "corpus" / name).read_text("utf-8")


def test_every_gold_file_passes() -> None:
    problems = check_paths([GOLD, GOLD / "dev"], [ROOT / "corpus", DEV_TEXTS])
    assert not problems, "\n".join(map(str, problems))


def test_the_development_set_is_annotated_whole() -> None:
    texts = sorted(p.stem for p in DEV_TEXTS.glob("*.txt"))
    golds = sorted(p.stem for p in (GOLD / "dev").glob("*.json"))
    assert len(texts) == 25
    assert golds == texts


@pytest.mark.parametrize(
    ("codes", "where"),
    [
        (DOCUMENT_KINDS, "kind"),
        (AGENCY_KINDS, "agency kind"),
        (THEMES, "theme"),
        (INDICATORS, "indicator"),
    ],
)
def test_codes_are_the_schema_codes(codes: frozenset[str], where: str) -> None:
    written = set(re.findall(r"`([A-Za-z_]+)`", SCHEMA))
    missing = sorted(c for c in codes if c not in written)
    assert not missing, f"{where} codes not in SCHEMA.md: {missing}"


def test_every_agency_code_of_the_schema_tables_is_known() -> None:
    rows = re.findall(r"^\| `([a-z_]+)` \|", SCHEMA, flags=re.MULTILINE)
    assert len(rows) > 60
    assert set(rows) - RELATIONS - DOCUMENT_KINDS <= AGENCY_KINDS


def test_quotes_ignore_page_furniture_and_markup() -> None:
    text = (
        "Căn cứ Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính\n"
        "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\f"
        "CÔNG BÁO/Số 333/Ngày 16-06-2026 \n80\n \n"
        "trị về **đột phá** phát triển | khoa học"
    )
    gold = {
        "source": "x.txt",
        "document": {"kind": "QuyetDinh"},
        "citations": [
            {
                "id": "c1",
                "subject": "self",
                "relation": "legal_basis",
                "target": {"kind": "Other", "number": "57-NQ/TW"},
                "evidence": "Căn cứ Nghị quyết số 57-NQ/TW ... của Bộ Chính trị về đột phá "
                "phát triển khoa học",
            }
        ],
        "agencies": [],
        "tasks": [],
        "targets": [],
        "reporting": [],
    }
    assert check_gold(gold, text) == []
    assert "80" not in quote_text(text) and "Ký bởi" not in quote_text(text)


def _problems(gold: dict[str, Any], text: str) -> list[str]:
    return [f"{p.path}: {p.message}" for p in check_gold(gold, text)]


def test_each_fault_is_found() -> None:
    name = "nghe-an_683-kh-ubnd_2021"
    good = _load(f"{name}.json")
    text = _text(f"{name}.txt")
    assert _problems(good, text) == []
    cases: list[tuple[str, Any]] = [
        (
            "citations[0].evidence: not verbatim",
            lambda g: g["citations"][0].update(evidence="Căn cứ Luật X"),
        ),
        ("citations[1].id: id 'c1' used twice", lambda g: g["citations"][1].update(id="c1")),
        ("citations[0].subject", lambda g: g["citations"][0].update(subject="c99")),
        ("citations[0].relation", lambda g: g["citations"][0].update(relation="cites")),
        (
            "citations[0].target.date: not an ISO date",
            lambda g: g["citations"][0]["target"].update(date="31/8/2020"),
        ),
        ("document.kind", lambda g: g["document"].update(kind="Plan")),
        ("document.date", lambda g: g["document"].update(date="2021-02-30")),
        ("document.number", lambda g: g["document"].update(number="683 /KH-UBND")),
        ("agency kind 'so_abc'", lambda g: g["agencies"][0].update(kind="so_abc")),
        (
            "is not listed under agencies",
            lambda g: g["tasks"][0]["lead"].append({"kind": "so_tp", "scope": "Nghệ An"}),
        ),
        ("agency listed twice", lambda g: g["agencies"].append(copy.deepcopy(g["agencies"][0]))),
        ("not a theme", lambda g: g["tasks"][0].update(themes=["productivity"])),
        ("two tasks with ref", lambda g: g["tasks"][1].update(ref=g["tasks"][0]["ref"])),
        ("bounds do not fit range", lambda g: g["targets"][0].update(max=None)),
        ("not an indicator", lambda g: g["targets"][0].update(indicator="experts")),
        ("by_year: a year or null", lambda g: g["targets"][0].update(by_year="2025")),
        ("deadline: gMonthDay", lambda g: g["reporting"][0].update(deadline="--02-30")),
        ("not a recurrence", lambda g: g["reporting"][0].update(recurrence="yearly")),
        ("section missing", lambda g: g.pop("reporting")),
    ]
    for expected, mutate in cases:
        bad = copy.deepcopy(good)
        mutate(bad)
        found = _problems(bad, text)
        assert any(expected in p for p in found), (expected, found)


def test_a_file_naming_another_source_or_unreadable(tmp_path: Path) -> None:
    gold = _load("nam-dinh_kh-ubnd_2023.json")
    other = tmp_path / "quang-nam_qd-ubnd_2021.json"
    other.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    found = [str(p) for p in check_paths([tmp_path], [ROOT / "corpus"])]
    assert any("broken.json: $: not a readable JSON file" in p for p in found)
    assert any("source: names another file" in p for p in found)
