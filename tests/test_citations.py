"""Citations against the gold: F1 >= 0.95 overall, plus the reading rules on small texts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from policykg.ingest.citations import extract_citations
from policykg.ingest.evaluate import Score, evaluate_record
from policykg.ingest.extract import extract_file
from policykg.ingest.header import extract_document
from policykg.ingest.record import Record
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus").glob("*.txt"))


def test_citation_f1_on_the_corpus() -> None:
    total = Score()
    for path in PLANS:
        gold = Record.from_gold(
            json.loads((ROOT / "tests" / "gold" / f"{path.stem}.json").read_text("utf-8"))
        )
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
    assert tu["target"]["issuer"] == {"kind": "tinh_uy", "scope": "Hà Nam"}  # type: ignore[index]
    assert tu["relation"] == "applies"


def test_spans_quote_the_source() -> None:
    path = ROOT / "corpus" / "nghe-an_683-kh-ubnd_2021.txt"
    text = path.read_text("utf-8")
    rec = extract_file(path)
    for c in rec.citations:
        assert c.span is not None and c.target.number is not None
        s, e = c.span
        assert c.target.number.split("/")[0] in text[s:e]


# --- documents of other kinds and issuers (issue 19) ---------------------------------


def _decision(preamble: str, body: str = "Điều 1. Phê duyệt Đề án X.\n") -> list[dict[str, Any]]:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\n\nSố: 15/QĐ-UBND\n\nBắc Ninh, ngày 3 tháng 4 năm 2024\n\n"
        "QUYẾT ĐỊNH\nVề việc phê duyệt Đề án X\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
        + preamble
        + "\n\nQUYẾT ĐỊNH:\n\n"
        + body
    )
    doc = parse(text)
    return extract_citations(doc, extract_document(doc))


def _keys(cites: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    by_id = {c["id"]: c for c in cites}

    def key(t: dict[str, Any]) -> str:
        return str(t["number"] or f"{t['kind']}|{t['date']}|{t['title']}")

    return {
        (
            "self" if c["subject"] == "self" else key(by_id[c["subject"]]["target"]),
            c["relation"],
            key(c["target"]),
        )
        for c in cites
    }


def test_laws_and_ordinances_by_title_and_date() -> None:
    cites = _decision(
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân năm 2003;\n\n"
        "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;\n\n"
        "Căn cứ Pháp lệnh Ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005;\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;\n\n"
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025 được sửa đổi, bổ sung bởi "
        "Luật số 87/2025/QH15;"
    )
    keys = _keys(cites)
    assert (
        "self",
        "legal_basis",
        "Luat|2003|Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
    ) in keys
    assert ("self", "legal_basis", "Luat|2013-11-29|Luật Đất đai") in keys
    assert ("self", "legal_basis", "72/2025/QH15") in keys
    # a law number printed without its symbol is read as meant
    assert ("self", "legal_basis", "64/2025/QH15") in keys
    # the amending law stated inside the ground: same relation, and the amendment itself
    assert ("self", "legal_basis", "87/2025/QH15") in keys
    assert ("64/2025/QH15", "amended_by", "87/2025/QH15") in keys
    ordinance = next(c for c in cites if c["target"]["kind"] == "PhapLenh")
    assert ordinance["target"]["issuer"] == {"kind": "ubtvqh", "scope": "national"}


def test_amendments_stated_inside_grounds() -> None:
    cites = _decision(
        "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19 tháng 6 năm 2015 (đã được sửa đổi, "
        "bổ sung bởi Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
        "Chính quyền địa phương ngày 22 tháng 11 năm 2019);\n\n"
        "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát "
        "thủ tục hành chính (đã được sửa đổi, bổ sung bởi Nghị định số 92/2017/NĐ-CP ngày 07 "
        "tháng 8 năm 2017 của Chính phủ);\n\n"
        "Căn cứ Nghị định số 95/2021/NĐ-CP ngày 01 tháng 11 năm 2021 của Chính phủ sửa đổi, bổ "
        "sung một số điều của Nghị định số 83/2014/NĐ-CP ngày 03 tháng 9 năm 2014 của Chính phủ "
        "về kinh doanh xăng dầu;"
    )
    keys = _keys(cites)
    law = "Luat|2015-06-19|Luật Tổ chức Chính quyền địa phương"
    amending = (
        "Luat|2019-11-22|Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ "
        "chức Chính quyền địa phương"
    )
    assert {("self", "legal_basis", law), ("self", "legal_basis", amending)} <= keys
    assert (law, "amended_by", amending) in keys
    assert {
        ("self", "legal_basis", "92/2017/NĐ-CP"),
        ("63/2010/NĐ-CP", "amended_by", "92/2017/NĐ-CP"),
    } <= keys
    # "Y sửa đổi, bổ sung ... X": X, named only inside Y's title, is mentioned to carry the chain
    assert ("83/2014/NĐ-CP", "amended_by", "95/2021/NĐ-CP") in keys
    assert ("self", "mentions", "83/2014/NĐ-CP") in keys


def test_chains_stated_in_one_sentence() -> None:
    cites = _decision(
        "Căn cứ Luật Đầu tư công ngày 13/6/2019;\n\n"
        "Căn cứ Nghị định số 40/2020/NĐ-CP ngày 06/4/2020 của Chính phủ hướng dẫn thi hành một số "
        "điều của Luật Đầu tư công;\n\n"
        "Căn cứ Nghị quyết số 71/NQ-CP ngày 01 tháng 4 năm 2025 của Chính phủ về sửa đổi, bổ sung "
        "cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW ngày 22 "
        "tháng 12 năm 2024 của Bộ Chính trị;"
    )
    keys = _keys(cites)
    assert ("40/2020/NĐ-CP", "implements", "Luat|2019-06-13|Luật Đầu tư công") in keys
    # the last verb decides: the programme it amends carries out 57-NQ/TW
    assert ("71/NQ-CP", "implements", "57-NQ/TW") in keys
    assert not any(k[1] == "amended_by" for k in keys)


def test_proposals_and_joint_circulars() -> None:
    cites = _decision(
        "Căn cứ Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH ngày 11 tháng 3 năm 2009 của Bộ "
        "Tài chính - Bộ Lao động - Thương binh và Xã hội hướng dẫn cấp phát kinh phí;\n\n"
        "Theo đề nghị của Bộ trưởng Bộ Ngoại giao tại các văn bản số 364/TTr-BNG- NVVH ngày 19 "
        "tháng 01 năm 2026, số 1518/BNG-NVVH ngày 10 tháng 03 năm 2026 và số 2265/BC-BNG-NVVH "
        "ngày 02 tháng 04 năm 2026."
    )
    by_number = {c["target"]["number"]: c for c in cites}
    assert by_number["47/2009/TTLT-BTC-BLĐTBXH"]["target"]["kind"] == "ThongTu"
    assert by_number["47/2009/TTLT-BTC-BLĐTBXH"]["target"]["issuer"]["kind"] == "bo_tc"
    kinds = {n: by_number[n]["target"]["kind"] for n in by_number if "BNG" in n}
    assert kinds == {
        "364/TTr-BNG-NVVH": "ToTrinh",
        "1518/BNG-NVVH": "CongVan",
        "2265/BC-BNG-NVVH": "BaoCao",
    }
    assert all(by_number[n]["relation"] == "proposed_by" for n in kinds)


def test_replacement_by_the_document() -> None:
    cites = _decision(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Điều 1. Ban hành mức trợ giúp.\n\n"
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký và thay thế Quyết định số "
        "1704/QĐ-UBND ngày 15/10/2007 của Chủ tịch UBND tỉnh.\n\n"
        "Điều 3. Bãi bỏ toàn bộ các quyết định sau:\n\n"
        "a) Quyết định số 03/2020/QĐ-UBND ngày 03 tháng 02 năm 2020 của Ủy ban nhân dân tỉnh;\n\n"
        "b) Quyết định số 162/QĐ-UBND ngày 18 tháng 01 năm 2018 của Ủy ban nhân dân tỉnh.\n",
    )
    keys = _keys(cites)
    for number in ("1704/QĐ-UBND", "03/2020/QĐ-UBND", "162/QĐ-UBND"):
        assert ("self", "mentions", number) in keys
        assert (number, "replaced_by", "15/QĐ-UBND") in keys
    old = next(c for c in cites if c["target"]["number"] == "1704/QĐ-UBND")
    assert old["target"]["issuer"] == {"kind": "ubnd_tinh", "scope": "Bắc Ninh"}


def test_relation_follows_the_wording_of_each_kind() -> None:
    # a provincial plan's title carries out a party directive (the issuer decoded from -CT/TU)
    plan = _cites(
        "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy.\n"
    )
    assert _rel(plan) == {("self", "implements", "11-CT/TU")}
    assert plan[0]["target"]["issuer"] == {"kind": "tinh_uy", "scope": "Hà Nam"}
    # a task continuing a scheme applies it; a conclusion continuing a directive too
    tasks = _cites(
        "I. NHIỆM VỤ\n\n1. Chính sách\n\n- Tiếp tục thực hiện Đề án xác định danh tính hài cốt "
        "liệt sĩ còn thiếu thông tin.\n\n- Tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 "
        "của Bộ Chính trị.\n"
    )
    assert {(c["relation"], c["target"]["kind"]) for c in tasks} == {
        ("applies", "DeAn"),
        ("applies", "Other"),
    }


def test_a_report_implements_what_it_reports_on_and_mentions_the_rest() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\n\nSố: /BC-UBND\n\nLào Cai, ngày tháng năm 2026\n\n"
        "BÁO CÁO\n\nKết quả thực hiện Chỉ thị số 38/CT-TTg\n\n"
        "Thực hiện Chỉ thị số 38/CT-TTg ngày 29/9/2020 của Thủ tướng Chính phủ, UBND tỉnh báo "
        "cáo kết quả như sau:\n\n"
        "1. Thực hiện quy định của Luật Khoáng sản năm 2010, UBND tỉnh đã ban hành Quyết định "
        "số 87/QĐ-UBND ngày 14/01/2021 theo quy định của Luật Thanh tra.\n"
    )
    doc = parse(text)
    cites = extract_citations(doc, extract_document(doc, strict=False))
    rel = {(c["relation"], c["target"]["number"] or c["target"]["title"]) for c in cites}
    assert rel == {
        ("implements", "38/CT-TTg"),
        ("mentions", "Luật Khoáng sản"),
        ("mentions", "87/QĐ-UBND"),
        ("mentions", "Luật Thanh tra"),
    }
    law = next(c for c in cites if c["target"]["title"] == "Luật Khoáng sản")
    assert law["target"]["date"] == "2010"


def test_drafts_and_generic_references_are_not_citations() -> None:
    cites = _cites(
        "I. NHIỆM VỤ\n\n1. Thể chế\n\n- Xây dựng Đề án phát triển nguồn nhân lực ngành năng "
        "lượng quốc gia đến năm 2030.\n\n- Trình Chính phủ dự án Luật Địa chất và Khoáng sản.\n\n"
        "- Triển khai Quy hoạch bảo vệ môi trường quốc gia thời kỳ 2021-2030 ngay sau khi được "
        "Thủ tướng Chính phủ phê duyệt.\n\n- Thực hiện các nghị quyết, chương trình, đề án của "
        "tỉnh theo quy định của pháp luật.\n\n- Rà soát, sửa đổi một số quy định trong Luật Viên "
        "chức; Luật Phòng, chống tham nhũng.\n"
    )
    assert {(c["relation"], c["target"]["title"]) for c in cites} == {
        ("mentions", "Luật Viên chức"),
        ("mentions", "Luật Phòng, chống tham nhũng"),
    }


def test_numbers_read_as_meant() -> None:
    cites = _cites(
        "Căn cứ Quyết định số 1626/QĐTTg ngày 15/12/2023 của Thủ tướng Chính phủ; Chỉ thị số "
        "49-CT /TW ngày 28 tháng 6 năm 2025 của Ban Bí thư; Văn bản số 3374/ BKHCN- CNCNTT ngày "
        "21 tháng 5 năm 2026 của Bộ Khoa học và Công nghệ; Nghị định số 78/2025/NĐ-\n"
        "CP ngày 01 tháng 4 năm 2025 của Chính phủ.\n"
    )
    assert {c["target"]["number"] for c in cites} == {
        "1626/QĐ-TTg",
        "49-CT/TW",
        "3374/BKHCN-CNCNTT",
        "78/2025/NĐ-CP",
    }
    party = next(c for c in cites if c["target"]["number"] == "49-CT/TW")
    assert party["target"]["kind"] == "Other"
    assert party["target"]["issuer"] == {"kind": "ban_bi_thu", "scope": "national"}


def test_short_names_and_aliases() -> None:
    cites = _cites(
        "I. NHIỆM VỤ\n\n1. Dữ liệu\n\n- Bảo đảm kết nối với Đề án 06.\n\n"
        "- Nghiên cứu bổ sung vào Nghị quyết số 02/2019/NQ-HĐND ngày 12/7/2019 của HĐND tỉnh "
        "(sau đây gọi tắt là Nghị quyết 02).\n\n- Tiếp tục hỗ trợ theo Nghị quyết 02.\n"
    )
    keys = {(c["relation"], c["target"]["number"] or c["target"]["title"]) for c in cites}
    assert ("mentions", "Đề án 06") in keys
    assert ("applies", "02/2019/NQ-HĐND") in keys


def test_zones_of_a_decision_its_attached_plan_and_blank_forms() -> None:
    # a bare "Điều 1." line: the article's body names what the decision issues (implements);
    # an attached plan's title set over two lines; its purpose section carries out; a blank
    # form of an appendix ("Mẫu số 01") is never cited from
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nSố: 12/QĐ-UBND\n\nHà Tĩnh, ngày 3 tháng 4 năm 2024\n\n"
        "QUYẾT ĐỊNH\n\nBan hành Kế hoạch thực hiện Chỉ thị của Thủ tướng Chính phủ\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV ngày 01/4/2024.\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1.\n\n"
        "Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chỉ thị số 20/CT-TTg ngày "
        "02/3/2024 của Thủ tướng Chính phủ.\n\n"
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n\n"
        "KẾ HOẠCH\n\nTRIỂN KHAI CHỈ THỊ SỐ 20/CT-TTG NGÀY 02/3/2024 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n"
        "VÀ KẾT LUẬN SỐ 70-KL/TW NGÀY 31/01/2024 CỦA BỘ CHÍNH TRỊ\n\n"
        "(Kèm theo Quyết định số 12/QĐ-UBND ngày 03/4/2024 của UBND tỉnh)\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
        "- Tổ chức triển khai thực hiện có hiệu quả Nghị quyết số 10/NQ-HĐND ngày 05/01/2024 "
        "của Hội đồng nhân dân tỉnh.\n\n"
        "II. NHIỆM VỤ\n\n1. Sở Nội vụ chủ trì tham mưu hồ sơ theo mẫu tại Phụ lục.\n\n"
        "PHỤ LỤC\n\nMẫu số 01\n\nTÊN CƠ QUAN\n\n"
        "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n"
    )
    doc = parse(text)
    cites = extract_citations(doc, extract_document(doc, strict=False))
    assert {(c["relation"], c["target"]["number"] or c["target"]["title"]) for c in cites} == {
        ("legal_basis", "Luật Tổ chức chính quyền địa phương"),
        ("proposed_by", "45/TTr-SNV"),
        ("implements", "20/CT-TTg"),
        ("implements", "70-KL/TW"),
        ("implements", "10/NQ-HĐND"),
    }


def test_later_references_to_a_plan_and_drafting_context() -> None:
    # a plan approved "tại Quyết định số N" is that decision, and so are later references
    # without its period or with "điều chỉnh"; plans "trên địa bàn các xã" are a class
    plans = _cites(
        "I. NHIỆM VỤ\n\n1. Quy hoạch\n\n- Đến nay, Chủ tịch Ủy ban nhân dân tỉnh đã phê duyệt "
        "điều chỉnh Quy hoạch tỉnh Hà Nam thời kỳ 2021-2030, tầm nhìn đến năm 2050 tại Quyết "
        "định số 312/QĐ-UBND ngày 14/3/2024. Đối với phương án phát triển cụm công nghiệp trong "
        "Quy hoạch điều chỉnh tỉnh Hà Nam, Sở Công Thương rà soát.\n\n- Cập nhật các khu vực mỏ "
        "của Quy hoạch tỉnh vào Quy hoạch xây dựng trên địa bàn các xã, phường.\n"
    )
    assert _rel(plans) == {("self", "mentions", "312/QĐ-UBND")}
    # a law whose detailing texts are to be drafted is context; "đẩy mạnh thực hiện" carries
    # on; a law in force stays cited beside the bill revising it ("Luật X (sửa đổi)")
    tasks = _cites(
        "I. NHIỆM VỤ\n\n1. Thể chế\n\n- Xây dựng các văn bản quy phạm pháp luật quy định chi "
        "tiết, hướng dẫn thi hành Luật Thủ đô.\n\n- Đẩy mạnh thực hiện Chỉ thị 15 về chống thất "
        "thu ngân sách.\n\n- Tổng kết việc thi hành Luật Tài nguyên nước; trình Chính phủ hồ sơ "
        "đề nghị xây dựng Luật Tài nguyên nước (sửa đổi).\n"
    )
    assert {(c["relation"], c["target"]["title"]) for c in tasks} == {
        ("mentions", "Luật Thủ đô"),
        ("applies", "Chỉ thị 15"),
        ("mentions", "Luật Tài nguyên nước"),
    }


def test_a_ground_run_into_the_next_has_no_title() -> None:
    doc = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n\nSố: 31/2011/QĐ-UBND\n\nGia Lai, ngày 2 tháng 11 năm "
        "2011\n\nQUYẾT ĐỊNH\n\nVề việc miễn, giảm tiền sử dụng đất\n\nỦY BAN NHÂN DÂN TỈNH GIA "
        "LAI\n\nCăn cứ Thông tư số 117/2004/TT-BTC ngày 07/12/2004 của Bộ Tài chính Xét đề nghị "
        "của Cục Thuế tỉnh tại Tờ trình số 2520/TTr-CT ngày 12/10/2011,\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Miễn tiền sử dụng đất.\n"
    )
    cites = extract_citations(doc, extract_document(doc, strict=False))
    assert _rel(cites) == {
        ("self", "legal_basis", "117/2004/TT-BTC"),
        ("self", "proposed_by", "2520/TTr-CT"),
    }
    assert cites[0]["target"]["title"] is None  # type: ignore[index]


def test_an_attached_programme_titled_over_two_lines() -> None:
    # "CHƯƠNG TRÌNH ..." is the kind line of the attached programme (not a chapter "Chương I")
    doc = parse(
        "CHÍNH PHỦ\n\nSố: 100/NQ-CP\n\nHà Nội, ngày 06 tháng 4 năm 2026\n\nNGHỊ QUYẾT\n\n"
        "Ban hành Chương trình hành động của Chính phủ thực hiện Chỉ thị số 49-CT/TW ngày 28 "
        "tháng 6 năm 2025 của Ban Bí thư\n\nCHÍNH PHỦ\n\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n\nQUYẾT NGHỊ:\n\n"
        "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ\n\n"
        "thực hiện Chỉ thị số 49-CT/TW ngày 28 tháng 6 năm 2025 của Ban Bí thư\n\n"
        "(Kèm theo Nghị quyết số 100/NQ-CP ngày 06 tháng 4 năm 2026 của Chính phủ)\n\n"
        "I. MỤC TIÊU\n\n1. Nâng cao nhận thức.\n"
    )
    cites = extract_citations(doc, extract_document(doc, strict=False))
    assert {(c["relation"], c["target"]["number"] or c["target"]["title"]) for c in cites} == {
        ("implements", "49-CT/TW"),
        ("legal_basis", "Luật Tổ chức Chính phủ"),
    }


def _doc_cites(text: str) -> list[dict[str, Any]]:
    doc = parse(text)
    return extract_citations(doc, extract_document(doc, strict=False))


def test_a_party_conclusion_carries_on_a_directive() -> None:
    cites = _doc_cites(
        "BAN CHẤP HÀNH TRUNG ƯƠNG\nBỘ CHÍNH TRỊ\n*\nSố 01-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
        "Hà Nội, ngày 18 tháng 5 năm 2021\n\nKẾT LUẬN\nCỦA BỘ CHÍNH TRỊ\nvề tiếp tục thực hiện "
        "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư "
        "tưởng, đạo đức, phong cách Hồ Chí Minh\n\nSau 5 năm thực hiện Chỉ thị số 05-CT/TW của "
        "Bộ Chính trị khóa XII, việc học tập đã đạt được nhiều kết quả. Bộ Chính trị yêu cầu các "
        "cấp ủy tiếp tục thực hiện Chỉ thị số 05-CT/TW gắn với thực hiện Nghị quyết Trung ương 4 "
        "khóa XII về tăng cường xây dựng, chỉnh đốn Đảng và Kết luận số 21-KL/TW ngày 25/10/2021 "
        "của Ban Chấp hành Trung ương Đảng khóa XIII.\n"
    )
    assert {(c["relation"], c["target"]["number"] or c["target"]["title"]) for c in cites} == {
        ("applies", "05-CT/TW"),
        ("applies", "Nghị quyết Trung ương 4 khóa XII"),
        ("applies", "21-KL/TW"),
    }
    tw4 = next(c for c in cites if c["target"]["number"] is None)
    assert tw4["target"]["issuer"] == {"kind": "bch_tw", "scope": "national"}


def test_an_official_letter() -> None:
    # the subject line ("V/v ...") is the title; "Thực hiện chỉ đạo ... tại Văn bản số N" carries
    # it out; a date given before ("Ngày 30/6/2024, Chính phủ ban hành ...") is the date; the
    # next clause's subject is no joint issuer; a form attached is not cited from
    cites = _doc_cites(
        "BỘ TÀI CHÍNH\nSố: 5123/BTC-NSNN\nV/v triển khai thực hiện Nghị định số 73/2024/NĐ-CP\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 20 tháng 7 năm 2024\n\nKính gửi: Ủy ban nhân dân các tỉnh.\n\n"
        "Ngày 30/6/2024, Chính phủ ban hành Nghị định số 73/2024/NĐ-CP quy định mức lương cơ sở. "
        "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Văn bản số 4567/VPCP-KTTH ngày 05/7/2024 "
        "của Văn phòng Chính phủ, Bộ Tài chính hướng dẫn như sau:\n\n"
        "1. Xác định nhu cầu kinh phí theo hướng dẫn tại Thông tư số 50/2024/TT-BTC ngày "
        "16/7/2024 của Bộ Tài chính.\n\n"
        "2. Báo cáo gửi Bộ Tài chính theo Mẫu số 01 kèm theo Công văn này.\n\n"
        "Mẫu số 01\nBÁO CÁO NHU CẦU KINH PHÍ\n"
        "Căn cứ Nghị định số 24/2023/NĐ-CP ngày 14/5/2023 của Chính phủ;\n"
    )
    assert {(c["relation"], c["target"]["number"]) for c in cites} == {
        ("implements", "73/2024/NĐ-CP"),
        ("implements", "4567/VPCP-KTTH"),
        ("applies", "50/2024/TT-BTC"),
    }
    by = {c["target"]["number"]: c["target"] for c in cites}
    assert by["73/2024/NĐ-CP"]["date"] == "2024-06-30"
    assert by["4567/VPCP-KTTH"]["title"] is None


def test_a_council_resolution_and_a_gazette_page_break() -> None:
    cites = _doc_cites(
        "HỘI ĐỒNG NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 25/2024/NQ-HĐND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT "
        "NAM\nĐộc lập - Tự do - Hạnh phúc\nNghệ An, ngày 10 tháng 12 năm 2024\n\nNGHỊ QUYẾT\n"
        "Quy định chính sách hỗ trợ phát triển sản xuất nông nghiệp\n\n"
        "HỘI ĐỒNG NHÂN DÂN TỈNH NGHỆ AN\n\n"
        "Căn cứ Quyết định số 418/QĐ-\n\nCÔNG BÁO/Số 667 + 668/Ngày 05-11-2012 13\n\n"
        "TTg ngày 11 tháng 4 năm 2012 của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển "
        "khoa học và công nghệ giai đoạn 2011 - 2020;\n"
        "Xét Tờ trình số 9876/TTr-UBND ngày 25 tháng 11 năm 2024 của Ủy ban nhân dân tỉnh; "
        "Báo cáo thẩm tra của Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh.\n\n"
        "QUYẾT NGHỊ:\n\nĐiều 1. Hiệu lực thi hành\n\n"
        "Nghị quyết số 12/2019/NQ-HĐND ngày 12 tháng 7 năm 2019 của Hội đồng nhân dân tỉnh hết "
        "hiệu lực kể từ ngày Nghị quyết này có hiệu lực thi hành.\n"
    )
    assert {(r, n) for _, r, n in _rel(cites)} == {
        ("legal_basis", "418/QĐ-TTg"),
        ("proposed_by", "9876/TTr-UBND"),
        ("mentions", "12/2019/NQ-HĐND"),
        ("replaced_by", "25/2024/NQ-HĐND"),
    }
    old = next(c for c in cites if c["target"]["number"] == "12/2019/NQ-HĐND")
    assert old["target"]["title"] is None


def test_a_purpose_to_comply_applies() -> None:
    cites = _cites(
        "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n- Triển khai có hiệu quả Nghị quyết số "
        "12/2022/NQ-HĐND ngày 10/7/2022 của HĐND tỉnh.\n\n- Thực hiện đúng các quy định tại "
        "Thông tư số 09/2022/TT-BLĐTBXH ngày 25/5/2022 của Bộ Lao động - Thương binh và Xã "
        "hội.\n"
    )
    assert _rel(cites) == {
        ("self", "implements", "12/2022/NQ-HĐND"),
        ("self", "applies", "09/2022/TT-BLĐTBXH"),
    }


def test_a_provincial_report_on_a_party_resolution() -> None:
    cites = _doc_cites(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK LẮK\nSố: 210/BC-UBND\nĐắk Lắk, ngày 05 tháng 8 năm 2024\n\n"
        "BÁO CÁO\nSơ kết 03 năm thực hiện Nghị quyết số 06-NQ/TU ngày 20/7/2021 của Ban Thường "
        "vụ Tỉnh ủy về phát triển nông nghiệp công nghệ cao\n\n"
        "Thực hiện Công văn số 1234-CV/TU ngày 01/7/2024 của Văn phòng Tỉnh ủy về việc sơ kết "
        "Nghị quyết số 06-NQ/TU, Ủy ban nhân dân tỉnh báo cáo kết quả như sau:\n\n"
        "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO\n\nĐể triển khai Nghị quyết số 06-NQ/TU, UBND tỉnh đã ban "
        "hành Kế hoạch số 5678/KH-UBND ngày 15/9/2021 thực hiện Nghị quyết số 06-NQ/TU.\n"
    )
    assert {(s == "self", r, n) for s, r, n in _rel(cites)} == {
        (True, "implements", "06-NQ/TU"),
        (True, "implements", "1234-CV/TU"),
        (True, "mentions", "5678/KH-UBND"),
        (False, "implements", "06-NQ/TU"),  # the plan carries the resolution out
    }
    letter = next(c for c in cites if c["target"]["number"] == "1234-CV/TU")
    assert letter["target"]["issuer"] == {
        "kind": "other",
        "scope": "Đắk Lắk",
        "name": "Văn phòng Tỉnh ủy",
    }


def test_a_scheme_named_in_quotes_and_its_alias() -> None:
    # a scheme named in quotation marks in the title is the decision that approved it; the
    # short name given to a scheme carried in a decision's title is that decision
    cites = _doc_cites(
        "ỦY BAN NHÂN DÂN\nHUYỆN CHÂU THÀNH\nSố: 77/KH-UBND\nChâu Thành, ngày 02 tháng 3 năm "
        '2023\n\nKẾ HOẠCH\nThực hiện Đề án "Phát triển văn hóa đọc trong cộng đồng giai đoạn '
        '2021-2025, định hướng đến năm 2030" trên địa bàn huyện\n\n'
        "Căn cứ Quyết định số 329/QĐ-TTg ngày 15/3/2017 của Thủ tướng Chính phủ phê duyệt Đề án "
        "phát triển văn hóa đọc trong cộng đồng đến năm 2020, định hướng đến năm 2030 (sau đây "
        "gọi tắt là Đề án);\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\n"
        "Các hoạt động phải sát với nội dung của Đề án, Quyết định số 1862/QĐ-TTg ngày "
        "04/11/2021 của Thủ tướng Chính phủ.\n"
    )
    assert _rel(cites) == {
        ("self", "implements", "329/QĐ-TTg"),
        ("self", "legal_basis", "329/QĐ-TTg"),
        ("self", "applies", "1862/QĐ-TTg"),
    }


def test_a_title_in_capitals_keeps_its_chain() -> None:
    # the issuer of a number read in a line set in capitals is still found, so what follows
    # is the cited circular's title (it carries out the decision), not the document's act
    cites = _doc_cites(
        "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 3210/QĐ-UBND\nThành phố Hồ Chí Minh, ngày "
        "28 tháng 6 năm 2014\n\nQUYẾT ĐỊNH\nVỀ BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN THÔNG TƯ "
        "SỐ 09/2013/TT-BXD NGÀY 01 THÁNG 7 NĂM 2013 CỦA BỘ XÂY DỰNG VỀ HƯỚNG DẪN THỰC HIỆN "
        "QUYẾT ĐỊNH SỐ 22/2013/QĐ-TTG NGÀY 26 THÁNG 4 NĂM 2013 CỦA THỦ TƯỚNG CHÍNH PHỦ\n\n"
        "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\n"
        "Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n"
    )
    assert {(s == "self", r, n) for s, r, n in _rel(cites)} == {
        (True, "legal_basis", None),
        (True, "implements", "09/2013/TT-BXD"),
        (False, "implements", "22/2013/QĐ-TTg"),
    }
    circular = next(c for c in cites if c["target"]["number"] == "09/2013/TT-BXD")
    assert circular["target"]["issuer"] == {"kind": "bo_xd", "scope": "national"}
