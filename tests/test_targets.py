"""Targets: quantities in invented clauses and the bundled corpus against the gold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from policykg.ingest.targets import extract_targets, indicator_of, parse_number, quantities
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def test_vietnamese_numerals() -> None:
    assert parse_number("01") == 1
    assert parse_number("7,5") == 7.5
    assert parse_number("1.000") == 1000


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Có ít nhất 05 chuyên gia đạt chuẩn", ("at_least", 5, None, "chuyên gia")),
        ("tối thiểu có 10 doanh nghiệp được hỗ trợ", ("at_least", 10, None, "doanh nghiệp")),
        ("tăng bình quân trên 7,5%/năm", ("more_than", 7.5, None, "%")),
        ("khoảng 900 lượt cán bộ", ("about", 900, 900, "lượt cán bộ")),
        ("khoảng 15 - 20 lượt chuyên gia", ("range", 15, 20, "lượt chuyên gia")),
        ("có từ 03 đến 05 chuyên gia", ("range", 3, 5, "chuyên gia")),
        ("tăng từ 10 - 15%", ("range", 10, 15, "%")),
        ("Có 30 doanh nghiệp trở lên được hỗ trợ", ("at_least", 30, None, "doanh nghiệp")),
        ("không quá 3 đơn vị", ("at_most", None, 3, "đơn vị")),
        ("Hỗ trợ 02 doanh nghiệp tham gia", ("exact", 2, 2, "doanh nghiệp")),
    ],
)
def test_quantities(clause: str, expected: tuple[object, ...]) -> None:
    (q,) = quantities(clause)
    assert (q.comparator, q.min, q.max, q.unit) == expected


def test_years_symbols_and_standards_are_not_quantities() -> None:
    assert quantities("so với giai đoạn 2011-2020 theo ISO 9001 và Quyết định số 36/QĐ-TTg") == []


def test_indicators() -> None:
    assert indicator_of("Có tối thiểu 02 chuyên gia đạt chuẩn quốc tế", "chuyên gia") == (
        "experts_international"
    )
    assert indicator_of("tập huấn cho 50 lượt cán bộ", "lượt cán bộ") == "people_trained"
    assert indicator_of("TFP đóng góp 40% vào tăng GRDP", "%") == "tfp_contribution"
    assert indicator_of("Số doanh nghiệp được hỗ trợ tăng 10%", "%") == (
        "enterprises_supported_growth"
    )


PLAN = """Số: 12/KH-UBND

Hà Tĩnh, ngày 02 tháng 3 năm 2022

KẾ HOẠCH

Nâng cao năng suất đến năm 2030

I. MỤC TIÊU

1. Mục tiêu cụ thể

a) Đến năm 2025:

- Có ít nhất 05 chuyên gia năng suất đạt chuẩn; hỗ trợ 20 doanh nghiệp áp dụng hệ thống quản lý.

b) Đến năm 2030:

- Năng suất lao động tăng bình quân trên 7%/năm.

- Năm 2021 - 2022: có khoảng 10 doanh nghiệp được hỗ trợ.

II. NHIỆM VỤ VÀ GIẢI PHÁP

1. Thành lập câu lạc bộ

a) Sản phẩm: Hình thành tối thiểu 01 câu lạc bộ năng suất cho sinh viên.
"""


def test_invented_plan() -> None:
    got = extract_targets(parse(PLAN), period_end=2030)
    rows = [
        (t["ref"], t["indicator"], t["min"], t["max"], t["by_year"], t["per_year"]) for t in got
    ]
    assert rows == [
        ("I.1.a", "experts_certified", 5, None, 2025, False),
        ("I.1.a", "enterprises_supported", 20, 20, 2025, False),
        ("I.1.b", "labor_productivity_growth", 7, None, 2030, True),
        ("I.1.b", "enterprises_supported", 10, 10, 2022, False),
        ("II.1.a", "student_clubs", 1, None, 2030, False),
    ]
    first = got[0]
    assert PLAN[first["_span"][0] : first["_span"][1]] == first["text"]


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_corpus_targets_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "corpus" / gold["source"]).read_text(encoding="utf-8")
    period = gold["document"].get("period") or {}
    got = extract_targets(parse(text), period_end=period.get("end"))

    def key(t: dict[str, object]) -> tuple[object, ...]:
        return (t["ref"], t["indicator"], t["comparator"], t["min"], t["max"], t["by_year"],
                t["per_year"])  # fmt: skip

    assert Counter(key(t) for t in got) == Counter(key(t) for t in gold["targets"])
