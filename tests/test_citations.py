"""Citations against the gold: F1 >= 0.95 overall, plus the reading rules on small texts."""

from __future__ import annotations

import json
from pathlib import Path

from policykg.ingest.citations import extract_citations
from policykg.ingest.evaluate import Score, evaluate_record
from policykg.ingest.extract import extract_file
from policykg.ingest.header import extract_document
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus").glob("*.txt"))


def test_citation_f1_on_the_corpus() -> None:
    total = Score()
    for path in PLANS:
        gold = json.loads((ROOT / "tests" / "gold" / f"{path.stem}.json").read_text("utf-8"))
        score = evaluate_record(extract_file(path), gold)["citations"]
        print(f"{path.stem:36} P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}")
        total.add(score)
    print(f"{'overall':36} P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f}")
    assert total.f1 >= 0.95


def _cites(body: str) -> list[dict[str, object]]:
    text = "Số: 9/KH-UBND\n\nHà Nam, ngày 1 tháng 2 năm 2022\n\nKẾ HOẠCH\nVề X\n\n" + body
    doc = parse(text)
    return extract_citations(doc, extract_document(doc))


def _rel(cites: list[dict[str, object]]) -> set[tuple[object, object, object]]:
    return {(c["subject"], c["relation"], c["target"]["number"]) for c in cites}  # type: ignore[index]


def test_implements_and_coordination() -> None:
    cites = _cites(
        "Thực hiện Quyết định số 1/QĐ-TTg ngày 2/3/2020 của Thủ tướng Chính phủ phê duyệt A; "
        "Quyết định số 2/QĐ-TTg ngày 3/4/2021 của Thủ tướng Chính phủ phê duyệt B.\n"
    )
    assert _rel(cites) == {("self", "implements", "1/QĐ-TTg"), ("self", "implements", "2/QĐ-TTg")}
    first = cites[0]["target"]
    assert first == {  # type: ignore[comparison-overlap]
        "kind": "QuyetDinh",
        "number": "1/QĐ-TTg",
        "date": "2020-03-02",
        "issuer": {"kind": "thu_tuong", "scope": "national"},
        "title": "phê duyệt A",
    }


def test_chain_and_alias_and_dedup() -> None:
    cites = _cites(
        "I. NHIỆM VỤ\n\n1. Hỗ trợ\n\n"
        "- Tổ chức thực hiện Kế hoạch số 26/KH-UBND ngày 04/02/2021 về triển khai thực hiện "
        "Quyết định số 100/QĐ-TTg ngày 19/01/2019 của Thủ tướng Chính phủ.\n\n"
        "- Nghiên cứu bổ sung vào Nghị quyết số 02/2019/NQ-HĐND ngày 12/7/2019 của HĐND tỉnh "
        "về chính sách (gọi tắt là Nghị quyết 02).\n\n"
        "- Tiếp tục hỗ trợ theo quy định tại Nghị quyết 02.\n"
    )
    rel = _rel(cites)
    kh = next(c for c in cites if c["target"]["number"] == "26/KH-UBND")  # type: ignore[index]
    assert ("self", "applies", "26/KH-UBND") in rel
    assert (kh["id"], "implements", "100/QĐ-TTg") in rel
    # a mention of NQ 02 is dropped because "theo quy định tại Nghị quyết 02" applies it
    assert ("self", "applies", "02/2019/NQ-HĐND") in rel
    assert ("self", "mentions", "02/2019/NQ-HĐND") not in rel
    nq = next(c for c in cites if c["target"]["number"] == "02/2019/NQ-HĐND")  # type: ignore[index]
    assert nq["target"]["issuer"] == {"kind": "hdnd_tinh", "scope": "Hà Nam"}  # type: ignore[index]


def test_laws_legal_basis_and_amendment() -> None:
    cites = _cites(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một "
        "số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày "
        "22/11/2019;\n\nCăn cứ Luật Chất lượng sản phẩm, hàng hóa ngày 21/11/2007;\n"
    )
    laws = [(c["subject"], c["relation"], c["target"]["title"], c["target"]["date"]) for c in cites]  # type: ignore[index]
    assert ("self", "legal_basis", "Luật Chất lượng sản phẩm, hàng hóa", "2007-11-21") in laws
    amended = [c for c in cites if c["relation"] == "amended_by"]
    assert len(amended) == 1 and amended[0]["target"]["date"] == "2019-11-22"  # type: ignore[index]
    assert all(c["target"]["issuer"] == {"kind": "quoc_hoi", "scope": "national"} for c in cites)  # type: ignore[index]


def test_party_resolution_and_symbol_issuers() -> None:
    cites = _cites(
        "- Thực hiện hiệu quả các Nghị quyết của tỉnh như: Nghị quyết Đại hội đại biểu Đảng bộ "
        "tỉnh Hà Nam lần thứ XX nhiệm kỳ 2020 - 2025; Nghị quyết số 25-NQ/TU ngày 25/5/2021 về "
        "phát triển công nghiệp.\n"
    )
    by_title = {c["target"]["title"]: c for c in cites}  # type: ignore[index]
    party = by_title[
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Hà Nam lần thứ XX nhiệm kỳ 2020 - 2025"
    ]
    assert party["relation"] == "applies" and party["target"]["kind"] == "Other"  # type: ignore[index]
    tu = next(c for c in cites if c["target"]["number"] == "25-NQ/TU")  # type: ignore[index]
    assert tu["target"]["issuer"] == {"kind": "other", "scope": "Hà Nam", "name": "Tỉnh ủy"}  # type: ignore[index]
    assert tu["relation"] == "applies"


def test_spans_quote_the_source() -> None:
    path = ROOT / "corpus" / "nghe-an_683-kh-ubnd_2021.txt"
    text = path.read_text("utf-8")
    rec = extract_file(path)
    for c in rec["citations"]:
        s, e = c["_span"]
        assert c["target"]["number"].split("/")[0] in text[s:e]
