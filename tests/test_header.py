"""Document fields of the five plans equal the gold exactly; a text without header fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.extract import as_schema
from policykg.ingest.header import extract_document, parse_period, title_case
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_document_fields_equal_gold(path: Path) -> None:
    gold = json.loads((ROOT / "tests" / "gold" / f"{path.stem}.json").read_text("utf-8"))
    doc = parse(path.read_text("utf-8"), source=str(path))
    got = as_schema(extract_document(doc))
    assert got == gold["document"]


def test_spans_point_at_the_fields() -> None:
    path = ROOT / "corpus" / "nghe-an_683-kh-ubnd_2021.txt"
    text = path.read_text("utf-8")
    fields = extract_document(parse(text))
    s, e = fields["_spans"]["number"]
    assert text[s:e].replace(" ", "") == "683/KH-UBND"
    s, e = fields["_spans"]["date"]
    assert text[s:e] == "ngày 17 tháng 11 năm 2021"


def test_partial_dates_and_blank_number() -> None:
    text = (
        "Số: /KH-UBND\n\nHà Nam, ngày    tháng 3 năm 2023\n\nKẾ HOẠCH\nPhát triển X đến năm 2030\n"
    )
    got = extract_document(parse(text))
    assert got["number"] is None
    assert got["date"] == "2023-03"
    assert got["place"] == "Hà Nam"
    assert got["title"] == "Phát triển X đến năm 2030"
    assert got["period"] == {"start": None, "end": 2030}


def test_issuer_from_body_when_block_missing() -> None:
    text = (
        "Số: 5/KH-UBND\n\nLào Cai, ngày 2 tháng 1 năm 2024\n\n"
        "KẾ HOẠCH\nVề X giai đoạn 2024-2025\n\n"
        "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch như sau:\n"
    )
    got = extract_document(parse(text))
    assert got["issuer"] == {"kind": "ubnd_tinh", "scope": "Lào Cai"}
    assert got["period"] == {"start": 2024, "end": 2025}


def test_no_header_is_an_error_naming_file_and_line() -> None:
    with pytest.raises(IngestError) as exc:
        extract_document(parse("\n\nJust some words.\nMore words.\n", source="plans/x.txt"))
    assert str(exc.value).startswith("plans/x.txt:3:")


def test_helpers() -> None:
    assert title_case("NGHỆ AN") == "Nghệ An"
    assert parse_period("giai đoạn 2021 - 2025") == {"start": 2021, "end": 2025}
    assert parse_period("không có") is None


def test_numeric_header_date_is_read_and_an_impossible_one_left_blank() -> None:
    from policykg.ingest.header import extract_document
    from policykg.ingest.text import parse

    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 7/KH-UBND\n\nHà Tĩnh, ngày {}\n\n"
        "KẾ HOẠCH\nVề việc thử\n"
    )
    assert extract_document(parse(head.format("05/3/2024")))["date"] == "2024-03-05"
    assert extract_document(parse(head.format("31/02/2021")))["date"] is None
