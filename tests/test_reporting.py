"""Reporting duties and agency duties: invented snippets and the corpus against the gold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from policykg.ingest.reporting import deadline_of, extract_duties, extract_reporting, recurrence_of
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def test_deadlines_and_recurrence() -> None:
    assert deadline_of("Trước ngày 30 tháng 11 hàng năm") == ("--11-30", True)
    assert deadline_of("Định kỳ trước ngày 15/6 hằng năm") == ("--06-15", True)
    assert deadline_of("tổng kết trong Quý IV/2025") == ("2025-12-31", False)
    assert deadline_of("trước ngày 15/12/2024") == ("2024-12-15", False)
    assert deadline_of("báo cáo khi có yêu cầu") == (None, False)
    assert recurrence_of("báo cáo kết quả hàng năm, 5 năm, đột xuất") == "annual"
    assert recurrence_of("báo cáo định kỳ hoặc đột xuất") == "periodic"
    assert recurrence_of("báo cáo đột xuất khi có yêu cầu") == "on_request"
    assert recurrence_of("báo cáo kết quả gửi về Sở") == "once"


PLAN = """Số: 12/KH-UBND

Hà Tĩnh, ngày 02 tháng 3 năm 2022

KẾ HOẠCH

Nâng cao năng suất

I. TỔ CHỨC THỰC HIỆN

1. Sở Khoa học và Công nghệ

a) Phối hợp với Sở Tài chính lập dự toán, báo cáo UBND tỉnh phê duyệt.

b) Trước ngày 30/11 hằng năm, tổng hợp, báo cáo UBND tỉnh và Bộ Khoa học và Công nghệ.

c) Tổ chức sơ kết, tổng kết Kế hoạch.

2. Các sở: Y tế, Xây dựng

Định kỳ 6 tháng gửi báo cáo về Sở Khoa học và Công nghệ để tổng hợp, báo cáo UBND tỉnh.

Trong quá trình thực hiện, nếu có vướng mắc, phản ánh về Sở Khoa học và Công nghệ để tổng hợp, báo cáo UBND tỉnh xem xét.
"""  # noqa: E501


def ref(kind: str, scope: str = "Hà Tĩnh") -> dict[str, str]:
    return {"kind": kind, "scope": scope}


def test_invented_plan() -> None:
    doc = parse(PLAN)
    got = extract_reporting(doc, province="Hà Tĩnh")
    assert [(r["actor"], r["recipient"], r["deadline"], r["recurrence"]) for r in got] == [
        ([ref("so_khcn")], [ref("ubnd_tinh"), ref("bo_khcn", "national")], "--11-30", "annual"),
        ([ref("so_yt"), ref("so_xd")], [ref("so_khcn")], None, "periodic"),
    ]
    assert got[1]["evidence"] == "Định kỳ 6 tháng gửi báo cáo về Sở Khoa học và Công nghệ"
    s, e = got[1]["_span"]
    assert PLAN[s:e] == got[1]["evidence"]
    duties = extract_duties(doc, province="Hà Tĩnh")
    first = duties[0]
    assert first["actor"] == [ref("so_khcn")]
    assert first["partners"] == [ref("so_tc")]
    assert first["to"] == [ref("ubnd_tinh")]
    assert all("vướng mắc" not in d["text"] for d in duties)


def _key(r: dict[str, object]) -> tuple[object, ...]:
    return (
        frozenset((a["kind"], a["scope"]) for a in r["actor"]),  # type: ignore[attr-defined]
        frozenset((a["kind"], a["scope"]) for a in r["recipient"]),  # type: ignore[attr-defined]
        r["deadline"],
        r["recurrence"],
    )


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_corpus_reporting_matches_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "corpus" / gold["source"]).read_text(encoding="utf-8")
    doc = parse(text)
    got = extract_reporting(doc, province=gold["document"]["place"])
    assert Counter(_key(r) for r in got) == Counter(_key(r) for r in gold["reporting"])
    for r in got:
        s, e = r["_span"]
        assert " ".join(text[s:e].split()).replace("**", "") == r["evidence"]
    duties = extract_duties(doc, province=gold["document"]["place"])
    assert duties and all(d["actor"] for d in duties)


@pytest.mark.parametrize("gap", [" ", "\n", " **", "** "])
def test_advised_agency_is_not_the_reporter_across_a_line_break(gap: str) -> None:
    # "tham mưu UBND tỉnh báo cáo ...": the section's agency reports, whatever separates
    # "tham" and "mưu" in the source (a wrap, markdown)
    plan = PLAN.replace(
        "c) Tổ chức sơ kết, tổng kết Kế hoạch.",
        f"c) Trước ngày 15/12 hằng năm, tổng hợp, tham{gap}mưu UBND tỉnh báo cáo Bộ Khoa học"
        " và Công nghệ.",
    )
    got = extract_reporting(parse(plan), province="Hà Tĩnh")
    row = next(r for r in got if r["deadline"] == "--12-15")
    assert row["actor"] == [ref("so_khcn")]
    assert row["recipient"] == [ref("ubnd_tinh"), ref("bo_khcn", "national")]
