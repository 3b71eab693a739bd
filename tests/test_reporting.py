"""Reporting duties and agency duties: invented snippets and the corpus against the gold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from policykg.ingest.extract import extract
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


# --- any document: variants written for the tests (other provinces, other layouts) ---------


def _duties(text: str, province: str | None = "Hà Tĩnh") -> list[tuple[object, ...]]:
    got = extract_reporting(parse(text), province=province)
    return [
        (
            [a["kind"] for a in r["actor"]],
            [a["kind"] for a in r["recipient"]],
            r["deadline"],
            r["recurrence"],
        )
        for r in got
    ]


def test_each_deadline_of_a_sentence_is_a_duty() -> None:
    text = (
        "Điều 3. Chế độ báo cáo\n"
        "1. Định kỳ trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm, Ủy ban nhân dân "
        "cấp huyện báo cáo tình hình cụm công nghiệp trên địa bàn trong 6 tháng và cả năm, gửi "
        "Ủy ban nhân dân cấp tỉnh và Sở Công Thương.\n"
        "2. Hằng tháng, Sở Lao động - Thương binh và Xã hội rà soát đối tượng, báo cáo về Ủy ban "
        "nhân dân tỉnh trước ngày 22 hằng tháng.\n"
    )
    assert _duties(text) == [
        (["ubnd_huyen"], ["ubnd_tinh", "so_ct"], "--06-20", "periodic"),
        (["ubnd_huyen"], ["ubnd_tinh", "so_ct"], "--12-20", "annual"),
        (["so_ldtbxh"], ["ubnd_tinh"], "---22", "periodic"),
    ]


def test_a_directive_ministry_by_ministry() -> None:
    text = (
        "CHỈ THỊ\nVề chấn chỉnh công tác quản lý\n"
        "1. Bộ Xây dựng:\n"
        "- Chủ trì, phối hợp với Bộ Tài chính, Bộ Kế hoạch và Đầu tư rà soát quy hoạch, báo cáo "
        "Thủ tướng Chính phủ trong quý III năm 2012.\n"
        "- Chủ trì xây dựng Đề án, trình Thủ tướng Chính phủ phê duyệt trong quý IV năm 2012.\n"
        "2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương:\n"
        "Rà soát các dự án chậm triển khai, báo cáo Bộ Kế hoạch và Đầu tư (đối với khu công "
        "nghiệp) và Bộ Công Thương (đối với cụm công nghiệp) trong quý II/2012.\n"
        "3. Các Bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương báo cáo "
        "kết quả thực hiện với Thủ tướng Chính phủ, đồng thời gửi Bộ Kế hoạch và Đầu tư để tổng "
        "hợp.\n"
    )
    assert _duties(text, None) == [
        (["bo_xd"], ["thu_tuong"], "2012-09-30", "once"),
        (["ubnd_tinh"], ["bo_khdt", "bo_ct"], "2012-06-30", "once"),
        # a copy sent "để tổng hợp" is not a recipient
        (["ubnd_tinh"], ["thu_tuong"], None, "once"),
    ]


def test_partners_enumerated_after_a_collective_head_do_not_report() -> None:
    text = (
        "CHỈ THỊ\nVề hỗ trợ nhà ở\n1. Bộ Xây dựng:\n"
        "- Chủ trì, phối hợp với các Bộ, ngành liên quan: Tài chính, Lao động - Thương binh và "
        "Xã hội hướng dẫn triển khai; định kỳ tổng hợp tình hình báo cáo Thủ tướng Chính phủ.\n"
    )
    assert [d[:2] for d in _duties(text, "national")] == [(["bo_xd"], ["thu_tuong"])]


def test_a_report_passed_on_is_a_second_duty() -> None:
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "Hằng năm, Ủy ban nhân dân các huyện báo cáo kết quả thực hiện về Sở Lao động - Thương "
        "binh và Xã hội để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n"
        "Các sở, ngành định kỳ hằng năm (trước ngày 10/12) hoặc đột xuất báo cáo Ủy ban nhân dân "
        "tỉnh (qua Sở Nội vụ) về tình hình thực hiện Kế hoạch.\n"
        "Sở Nội vụ tổng hợp, tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ kết quả thực hiện "
        "Chỉ thị số 05-CT/TU ngày 04/01/2026 theo quy định.\n"
    )
    assert _duties(text) == [
        (["ubnd_huyen"], ["so_ldtbxh"], None, "annual"),
        (["so_ldtbxh"], ["ubnd_tinh"], None, "annual"),
        # a collective subject reports, to the committee through the department
        ([], ["ubnd_tinh", "so_nv"], "--12-10", "annual"),
        # advised, not the reporter; a cited instrument's date is not a deadline
        (["so_nv"], ["ubnd_tinh", "bo_nv"], None, "periodic"),
    ]


def test_who_reports_when_the_sentence_does_not_say() -> None:
    text = (
        "Điều 2. Tổ chức thực hiện\n"
        "2 - Sở Lao động - Thương binh và Xã hội có trách nhiệm:\n"
        "- Quản lý chặt chẽ đối tượng trên địa bàn tỉnh;\n"
        "- Thực hiện chế độ báo cáo gửi Ủy ban nhân dân tỉnh theo quy định;\n"
        "3 - Ủy ban nhân dân các huyện, thành phố:\n"
        "- Lập danh sách các hộ được hỗ trợ báo cáo Sở Xây dựng. Thời gian hoàn tất: trước "
        "ngày 18 tháng 8 năm 2014.\n"
    )
    assert _duties(text) == [
        (["so_ldtbxh"], ["ubnd_tinh"], None, "periodic"),
        (["ubnd_huyen"], ["so_xd"], "2014-08-18", "once"),
    ]


def test_listed_frequencies_without_dates() -> None:
    text = "I. TỔ CHỨC THỰC HIỆN\nSở Y tế định kỳ 6 tháng, hằng năm báo cáo Bộ Y tế.\n"
    assert _duties(text) == [
        (["so_yt"], ["bo_yt"], None, "periodic"),
        (["so_yt"], ["bo_yt"], None, "annual"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a request for a decision, an escalation, a budget estimate, a report already made,
        # a document called a report
        "Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh xem xét, quyết định.",
        "Trường hợp vượt thẩm quyền, Sở Xây dựng báo cáo Ủy ban nhân dân tỉnh.",
        "Sở Y tế lập dự toán kinh phí, báo cáo Ủy ban nhân dân tỉnh trước ngày 20 tháng 6.",
        "Ủy ban nhân dân tỉnh đã báo cáo Thủ tướng Chính phủ kết quả thực hiện.",
        "Sở Công Thương thẩm định Báo cáo đánh giá tác động môi trường của dự án.",
        "Nếu có vướng mắc, các cơ quan phản ánh về Sở Nội vụ để tổng hợp, báo cáo Ủy ban nhân "
        "dân tỉnh xem xét.",
    ],
)
def test_what_is_not_a_reporting_duty(sentence: str) -> None:
    assert _duties("I. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n") == []


def test_a_report_template_is_not_a_duty() -> None:
    text = (
        "Điều 1. Ban hành kèm theo Thông tư này các biểu mẫu báo cáo.\n\n"
        "PHỤ LỤC I\nCÁC BIỂU BÁO CÁO\n"
        "Biểu số 01. Tình hình hoạt động của dự án\n"
        "Đơn vị gửi báo cáo: Chủ đầu tư\n"
        "Đơn vị nhận báo cáo: Sở Công Thương\n"
        "(Thời hạn gửi báo cáo: Báo cáo năm gửi trước ngày 20 tháng 12 hằng năm)\n"
    )
    assert _duties(text) == []


def test_a_task_table_row_asking_for_a_report() -> None:
    text = (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nI. NHIỆM VỤ\nChi tiết tại Phụ lục.\n\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
        "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |\n"  # noqa: E501
        "|---|---|---|---|---|---|\n"
        "| 1. | Rà soát các quy định pháp luật về đầu tư | Các bộ, ngành | Bộ Tư pháp | Bộ Tư pháp "
        "tổng hợp, báo cáo, đề xuất Thủ tướng Chính phủ phương án sửa đổi | 6/2025 |\n"
        "| 2. | Nghiên cứu kinh nghiệm quốc tế | Bộ Ngoại giao | Các bộ, ngành | Báo cáo Thủ "
        "tướng Chính phủ | 2025 |\n"
        "| 3. | Theo dõi tình hình thực hiện | Bộ Nội vụ | | Báo cáo hằng năm | Hằng năm |\n"
    )
    assert _duties(text, None) == [
        (["bo_tp"], ["thu_tuong"], "2025-06-30", "once"),
        (["bo_ng"], ["thu_tuong"], "2025-12-31", "once"),
        # a report named as the row's product, to no one, is not a duty
    ]


def test_a_ministry_calls_itself_bo() -> None:
    text = (
        "CHƯƠNG TRÌNH HÀNH ĐỘNG\nI. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Xây dựng các tỉnh, thành phố trực thuộc Trung ương:\n"
        "a) Định kỳ hằng quý, tổng hợp tình hình thực hiện, gửi Văn phòng Bộ trước ngày 15 tháng "
        "cuối quý để tổng hợp, trình Bộ trưởng báo cáo Chính phủ.\n"
        "b) Kịp thời đề xuất, báo cáo Bộ để báo cáo Thủ tướng Chính phủ tháo gỡ khó khăn.\n"
        "c) Hướng dẫn các chủ đầu tư thực hiện quan trắc, báo cáo định kỳ về chất lượng công "
        "trình theo quy định.\n"
    )
    got = extract_reporting(
        parse(text), province=None, issuer={"kind": "bo_xd", "scope": "national"}
    )
    rows = [([a["kind"] for a in r["actor"]], [a["kind"] for a in r["recipient"]]) for r in got]
    # "gửi Văn phòng Bộ": a unit of the ministry the register does not know; the minister
    # it is submitted to reports to the Government; "báo cáo Bộ": the issuing ministry;
    # a report the department has builders make is theirs, not its
    assert (["bo_xd"], ["chinh_phu"]) in rows
    assert (["so_xd"], ["bo_xd"]) in rows and (["bo_xd"], ["thu_tuong"]) in rows
    assert all("quan trắc" not in r["evidence"] for r in got)


def test_a_period_names_the_frequency_not_a_report_period() -> None:
    text = (
        "I. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp\n"
        "Thường xuyên nắm tình hình, định kỳ báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n"
        "2. Kỳ báo cáo: tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 12.\n"
    )
    assert _duties(text) == [(["so_tp"], ["ubnd_tinh"], None, "periodic")]


def test_a_time_line_dates_the_duty_of_the_paragraph_before() -> None:
    text = (
        "II. CÁC BƯỚC THỰC HIỆN\n2.3. Bước 3: Tổng hợp danh sách.\n\n"
        "Ủy ban nhân dân các huyện tổng hợp danh sách các hộ được hỗ trợ, báo cáo Sở Xây dựng.\n\n"
        "Thời gian hoàn tất: trước ngày 18 tháng 8 năm 2026.\n"
    )
    assert _duties(text) == [(["ubnd_huyen"], ["so_xd"], "2026-08-18", "once")]


def test_a_provincial_plan_of_another_layout() -> None:
    text = (
        "KẾ HOẠCH\nTriển khai công tác cải cách hành chính\nIV. TỔ CHỨC THỰC HIỆN\n"
        "1. Các sở, ban, ngành, UBND các huyện, thành phố báo cáo kết quả thực hiện về Sở Kế "
        "hoạch và Đầu tư trước ngày 15/12 hằng năm để tổng hợp, báo cáo UBND tỉnh.\n"
        "2. Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12), các cơ quan, đơn "
        "vị gửi báo cáo kết quả thực hiện về Sở Nội vụ để tổng hợp, báo cáo UBND tỉnh và Bộ Nội "
        "vụ.\n"
        "3. Giao Sở Tài chính chủ trì, theo dõi việc thực hiện Kế hoạch; định kỳ báo cáo UBND "
        "tỉnh kết quả thực hiện.\n"
        "4. Ủy ban nhân dân tỉnh giao Sở Y tế tổng hợp, báo cáo Bộ Y tế trước ngày 20 tháng 11 "
        "năm 2026.\n"
        "5. Chậm nhất ngày 25/12/2026, Sở Công Thương báo cáo UBND tỉnh kết quả thực hiện.\n"
    )
    assert _duties(text, "Bình Dương") == [
        (["ubnd_huyen"], ["so_khdt"], "--12-15", "annual"),
        (["so_khdt"], ["ubnd_tinh"], None, "annual"),
        ([], ["so_nv"], "--06-15", "periodic"),
        ([], ["so_nv"], "--12-15", "annual"),
        (["so_nv"], ["ubnd_tinh", "bo_nv"], None, "periodic"),
        (["so_tc"], ["ubnd_tinh"], None, "periodic"),
        (["so_yt"], ["bo_yt"], "2026-11-20", "once"),
        (["so_ct"], ["ubnd_tinh"], "2026-12-25", "once"),
    ]


# --- wordings of other issuers and domains ------------------------------------------------------


@pytest.mark.parametrize(
    "province, sentence, want",
    [
        # a department named like a noun ("xây dựng báo cáo") is still the subject
        (
            "Vĩnh Phúc",
            "Định kỳ hằng tháng (trước ngày 20), Sở Xây dựng báo cáo UBND tỉnh tiến độ thực hiện.",
            [(["so_xd"], ["ubnd_tinh"], "---20", "periodic")],
        ),
        # "các đơn vị gửi báo cáo" is a duty (not a form's "Đơn vị gửi báo cáo:"); a copy
        # "để theo dõi" is not a recipient
        (
            "Quảng Ninh",
            "Các đơn vị gửi báo cáo về Sở Nội vụ trước ngày 25/11 hằng năm, đồng thời gửi Văn "
            "phòng UBND tỉnh để theo dõi.",
            [([], ["so_nv"], "--11-25", "annual")],
        ),
        # a second date written without "ngày"
        (
            "Phú Thọ",
            "Ủy ban nhân dân các huyện định kỳ trước ngày 10/6 và 10/12 hằng năm báo cáo kết "
            "quả thực hiện về Sở Khoa học và Công nghệ.",
            [
                (["ubnd_huyen"], ["so_khcn"], "--06-10", "annual"),
                (["ubnd_huyen"], ["so_khcn"], "--12-10", "annual"),
            ],
        ),
        # a list of frequencies with no dates: one duty each
        (
            "Hà Nội",
            "Định kỳ hằng quý, 6 tháng, năm, Sở Tư pháp báo cáo UBND Thành phố (qua Sở Nội vụ).",
            [
                (["so_tp"], ["ubnd_tinh", "so_nv"], None, "periodic"),
                (["so_tp"], ["ubnd_tinh", "so_nv"], None, "periodic"),
                (["so_tp"], ["ubnd_tinh", "so_nv"], None, "annual"),
            ],
        ),
        (
            "Bình Phước",
            "Sở Y tế là cơ quan đầu mối, có trách nhiệm tổng hợp kết quả, báo cáo Ủy ban nhân "
            "dân tỉnh định kỳ 6 tháng, năm hoặc đột xuất theo yêu cầu.",
            [
                (["so_yt"], ["ubnd_tinh"], None, "periodic"),
                (["so_yt"], ["ubnd_tinh"], None, "annual"),
            ],
        ),
        # quarterly by a day of the quarter's last month: no date
        (
            "Cần Thơ",
            "Ủy ban nhân dân cấp huyện báo cáo kết quả thực hiện về Sở Y tế trước ngày 15 tháng "
            "cuối quý.",
            [(["ubnd_huyen"], ["so_yt"], None, "periodic")],
        ),
        # a plan asks a body outside the committee's command ("Đề nghị ..."): it reports
        (
            "Hưng Yên",
            "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp thực hiện, báo cáo kết quả "
            "về UBND tỉnh (qua Sở Nội vụ) trước ngày 30/11 hằng năm.",
            [(["mttq_tinh"], ["ubnd_tinh", "so_nv"], "--11-30", "annual")],
        ),
        # enterprises and investors given a report to make: one collective actor
        (
            "Tây Ninh",
            "Chủ đầu tư có trách nhiệm báo cáo Sở Xây dựng tình hình thực hiện dự án hằng quý.",
            [(["doanh_nghiep"], ["so_xd"], None, "periodic")],
        ),
        (
            "Sóc Trăng",
            "Định kỳ trước ngày 15 tháng 7 hằng năm, các tổ chức, cá nhân sản xuất kinh doanh "
            "trong khu công nghiệp báo cáo tình hình hoạt động về Sở Công Thương.",
            [(["doanh_nghiep"], ["so_ct"], "--07-15", "annual")],
        ),
    ],
)
def test_wordings_of_other_provinces(
    province: str, sentence: str, want: list[tuple[object, ...]]
) -> None:
    assert _duties("IV. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n", province) == want


@pytest.mark.parametrize(
    "sentence",
    [
        # guidance on how others report
        "Sở Tài chính chủ trì, hướng dẫn các sở, ngành, địa phương thực hiện chế độ báo cáo "
        "theo quy định.",
        # a report for the recipient's decision or choice
        "Bộ Chỉ huy quân sự tỉnh xét duyệt, tổng hợp, báo cáo cấp có thẩm quyền ra quyết định "
        "thực hiện chế độ.",
        "Sở Công Thương chủ trì tổ chức thẩm định, báo cáo Hội đồng đánh giá để thực hiện việc "
        "lựa chọn chủ đầu tư theo quy định.",
        # escalations: problems raised as they come
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, Ủy ban nhân dân các huyện báo "
        "cáo về Sở Tư pháp để tổng hợp.",
        "Văn phòng Ủy ban nhân dân tỉnh phối hợp tổ chức thực hiện; báo cáo Ủy ban nhân dân tỉnh "
        "các vấn đề phát sinh trong quá trình thực hiện.",
        # a document called a report: the adjustment of a plan drafted
        "Sở Công Thương chủ trì xây dựng, hoàn thành báo cáo điều chỉnh phương án phát triển cụm "
        "công nghiệp theo quy định.",
    ],
)
def test_what_else_is_not_a_reporting_duty(sentence: str) -> None:
    assert _duties("IV. TỔ CHỨC THỰC HIỆN\n" + sentence + "\n", "Kiên Giang") == []


def test_a_monitoring_body_reports_problems_in_time() -> None:
    text = (
        "Điều 3. Tổ chức thực hiện\nBộ Kế hoạch và Đầu tư chịu trách nhiệm theo dõi, đôn đốc "
        "thực hiện, kịp thời báo cáo Thủ tướng Chính phủ những vấn đề phát sinh.\n"
    )
    assert _duties(text, None) == [(["bo_khdt"], ["thu_tuong"], None, "on_request")]


def test_clauses_of_one_sentence() -> None:
    text = (
        "Điều 4. Tổ chức thực hiện\n"
        # the deadline of an earlier clause is not the report's; a copy "để thực hiện" is
        # not a recipient; a body in parentheses or after "cho các" is not the subject
        "2. Bộ Xây dựng phân bổ và giao dự toán cho các Sở Xây dựng trước ngày 25 tháng 12 năm "
        "trước; đồng thời giao dự toán cho các đơn vị (Sở Tài chính, Sở Nội vụ) trước ngày 31 "
        "tháng 12 năm trước; gửi Bộ Tài chính (kèm theo báo cáo phân bổ), đồng thời gửi Kho bạc "
        "Nhà nước để thực hiện.\n"
        # a report sent to A for A to send on ("gửi A tổng hợp, gửi B")
        "3. Sở Y tế báo cáo kết quả thực hiện trong báo cáo quyết toán hằng năm gửi Bộ Y tế tổng "
        "hợp, gửi Bộ Tài chính.\n"
        # two reports: the first to no one named shares the recipients of the second; an
        # occasion besides a period is one more duty
        "4. Ủy ban nhân dân các tỉnh báo cáo tình hình thực hiện 3 tháng một lần; báo cáo kết "
        "quả thực hiện hằng năm và khi kết thúc Chương trình về Bộ Xây dựng, Bộ Tài chính.\n"
    )
    assert _duties(text, None) == [
        (["bo_xd"], ["bo_tc"], None, "once"),
        (["so_yt"], ["bo_yt"], None, "annual"),
        (["bo_yt"], ["bo_tc"], None, "annual"),
        (["ubnd_tinh"], ["bo_xd", "bo_tc"], None, "periodic"),
        (["ubnd_tinh"], ["bo_xd", "bo_tc"], None, "annual"),
        (["ubnd_tinh"], ["bo_xd", "bo_tc"], None, "once"),
    ]


def test_a_report_to_the_bodies_whose_programme_it_follows() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n4. Bộ Khoa học và Công nghệ chủ trì theo dõi, đôn đốc việc "
        "triển khai thực hiện Chương trình hành động; bám sát các nội dung liên quan trong "
        "chương trình làm việc của Bộ Chính trị, Ban Bí thư, Quốc hội để thực hiện việc báo cáo "
        "theo quy định.\n"
    )
    assert _duties(text, None) == [
        (["bo_khcn"], ["bo_chinh_tri", "ban_bi_thu", "quoc_hoi"], None, "periodic")
    ]


def test_a_heading_names_operators() -> None:
    text = (
        "Điều 14. Trách nhiệm của các cơ sở sản xuất trong khu công nghiệp\n"
        "Thực hiện đầy đủ các thủ tục đầu tư và báo cáo tình hình hoạt động sản xuất kinh doanh "
        "định kỳ theo quy định.\n"
    )
    assert _duties(text, "Bình Dương") == [(["doanh_nghiep"], [], None, "periodic")]


def test_bodies_of_a_labour_text() -> None:
    # "Bộ LĐTBXH", "Sở Lao động thương binh xã hội" (no "và"), and "Công an tỉnh" after "Bộ
    # Chỉ huy quân sự," (not the ministry "Bộ Công an" by enumeration)
    text = (
        "Điều 6. Trách nhiệm thực hiện\n"
        "1. Hàng quý, Ủy ban nhân dân huyện, thị xã, thành phố tổng hợp việc miễn, giảm để báo "
        "cáo Sở Lao động thương binh xã hội.\n"
        "2. Sở LĐTBXH tổng hợp báo cáo quyết toán gửi Bộ LĐTBXH trước ngày 05 tháng 7 hằng năm.\n"
        "3. Ban Chỉ huy quân sự huyện rà soát, tổng hợp báo cáo Bộ Chỉ huy quân sự, Công an "
        "tỉnh, Sở Lao động - Thương binh và Xã hội.\n"
    )
    assert _duties(text, "Gia Lai") == [
        (["ubnd_huyen"], ["so_ldtbxh"], None, "periodic"),
        (["so_ldtbxh"], ["bo_ldtbxh"], "--07-05", "annual"),
        (["other"], ["bchqs_tinh", "cong_an_tinh", "so_ldtbxh"], None, "once"),
    ]


def test_a_government_programme_and_a_circular() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        # the committee listed after "cơ quan thuộc Chính phủ" is a subject of its own
        "2. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành "
        "phố trực thuộc trung ương định kỳ hằng năm báo cáo kết quả thực hiện gửi Bộ Kế hoạch và "
        "Đầu tư trước ngày 15 tháng 12 để tổng hợp, báo cáo Chính phủ.\n"
        # a ground opening the clause names a body that is not the subject
        "3. Hằng năm, căn cứ dự toán được giao và hướng dẫn của Bộ Y tế, Sở Y tế các tỉnh lập "
        "phương án phân bổ, trình Ủy ban nhân dân cấp tỉnh quyết định; đồng thời báo cáo Bộ Y "
        "tế để tổng hợp, theo dõi.\n"
    )
    assert _duties(text, None) == [
        (["ubnd_tinh"], ["bo_khdt"], "--12-15", "annual"),
        (["bo_khdt"], ["chinh_phu"], None, "annual"),
        (["so_yt"], ["bo_yt"], None, "annual"),
    ]


def test_several_reports_of_a_sentence() -> None:
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\n"
        # the recipient of the first serves the second; a summary report's recipient
        "1. Ủy ban nhân dân các huyện có trách nhiệm triển khai Kế hoạch; báo cáo sơ kết 6 "
        "tháng về Sở Tài nguyên và Môi trường trước ngày 20/6/2026 và báo cáo tổng kết trước "
        "ngày 20/12/2026.\n"
        # a collective's dated reports to no one named are duties, each with its frequency
        "2. Các sở, ban, ngành báo cáo tình hình thực hiện trước ngày 05 hằng tháng; báo cáo quý "
        "trước ngày 05 tháng đầu quý sau; báo cáo năm trước ngày 10 tháng 12.\n"
        # 6-monthly and yearly with their dates in parentheses
        "3. Sở Văn hóa, Thể thao và Du lịch định kỳ 6 tháng (trước ngày 15/6) và năm (trước ngày "
        "15/12) tổng hợp kết quả báo cáo UBND tỉnh.\n"
        # a summary due in a year, without a report named
        "4. Sở Công Thương tổ chức sơ kết vào năm 2027 và tổng kết vào năm 2030.\n"
    )
    assert _duties(text, "Tiền Giang") == [
        (["ubnd_huyen"], ["so_tnmt"], "2026-06-20", "once"),
        (["ubnd_huyen"], ["so_tnmt"], "2026-12-20", "once"),
        ([], [], "---05", "periodic"),
        ([], [], None, "periodic"),
        ([], [], "--12-10", "annual"),
        (["so_vhttdl"], ["ubnd_tinh"], "--06-15", "periodic"),
        (["so_vhttdl"], ["ubnd_tinh"], "--12-15", "annual"),
        (["so_ct"], [], "2027-12-31", "once"),
        (["so_ct"], [], "2030-12-31", "once"),
    ]


def test_an_official_letter_asks_for_reports() -> None:
    text = (
        "Kính gửi: Các sở, ban, ngành tỉnh\n"
        "Để có cơ sở tổng hợp, Sở Nội vụ đề nghị các cơ quan, đơn vị gửi báo cáo về Sở Nội vụ "
        "trước ngày 15/11/2025.\n"
    )
    assert _duties(text, "Bắc Ninh") == [([], ["so_nv"], "2025-11-15", "once")]


def test_a_letter_without_sections_and_a_report_that_is_the_document() -> None:
    letter = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSỞ NỘI VỤ\nSố: 1250/SNV-TCBC\n"
        "V/v báo cáo kết quả cải cách hành chính năm 2025\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Bắc Ninh, ngày 20 tháng 10 năm 2025\n\nKính gửi: Các sở, ban, ngành tỉnh\n\n"
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 10/01/2025 của UBND tỉnh, Sở Nội vụ đề nghị các "
        "cơ quan, đơn vị báo cáo kết quả thực hiện, gửi về Sở Nội vụ trước ngày 15/11/2025 để "
        "tổng hợp, báo cáo UBND tỉnh.\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n"
    )
    assert _duties(letter, "Bắc Ninh") == [
        ([], ["so_nv"], "2025-11-15", "once"),
        (["so_nv"], ["ubnd_tinh"], None, "once"),
    ]
    report = (
        "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 215/BC-UBND\n\nLào Cai, ngày 05 tháng 6 năm 2026\n\n"
        "BÁO CÁO\nKết quả thực hiện Chỉ thị số 38/CT-TTg\n\n"
        "Kính gửi: Bộ Nông nghiệp và Môi trường\n\n"
        "Ủy ban nhân dân tỉnh Lào Cai báo cáo Bộ Nông nghiệp và Môi trường kết quả thực hiện như "
        "sau:\n\nI. KẾT QUẢ THỰC HIỆN\n1. Công tác chỉ đạo\nĐã ban hành các văn bản chỉ đạo.\n"
    )
    assert _duties(report, "Lào Cai") == []


def test_the_subject_of_the_reports_own_clause() -> None:
    text = (
        "CHỈ THỊ\nVề tăng cường phòng cháy\n"
        "Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố "
        "trực thuộc trung ương chịu trách nhiệm tổ chức thực hiện nghiêm Chỉ thị này; Bộ Công an "
        "theo dõi, đôn đốc, định kỳ hằng năm báo cáo Thủ tướng Chính phủ.\n"
    )
    assert _duties(text, None) == [(["bo_ca"], ["thu_tuong"], None, "annual")]


def test_quarterly_half_yearly_and_yearly_with_their_dates() -> None:
    text = (
        "IV. TỔ CHỨC THỰC HIỆN\nSở Nội vụ chủ trì theo dõi, tổng hợp; báo cáo Ủy ban nhân dân "
        "tỉnh định kỳ quý (trước ngày 15 của tháng cuối quý), 6 tháng (trước ngày 15 tháng 6) và "
        "năm (trước ngày 15 tháng 12).\n"
    )
    assert sorted(_duties(text, "Bắc Ninh"), key=str) == sorted(
        [
            (["so_nv"], ["ubnd_tinh"], "--06-15", "periodic"),
            (["so_nv"], ["ubnd_tinh"], "--12-15", "annual"),
            (["so_nv"], ["ubnd_tinh"], None, "periodic"),
        ],
        key=str,
    )


def test_a_councils_resolution_and_a_reports_closing() -> None:
    resolution = (
        "NGHỊ QUYẾT\nVề phát triển du lịch\n"
        "Điều 3. Tổ chức thực hiện\n1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết; "
        "báo cáo kết quả tại kỳ họp thường lệ cuối năm.\n"
    )
    got = extract_reporting(
        parse(resolution), province="Ninh Bình", issuer={"kind": "hdnd_tinh", "scope": "Ninh Bình"}
    )
    assert [
        ([a["kind"] for a in r["actor"]], [a["kind"] for a in r["recipient"]]) for r in got
    ] == [(["ubnd_tinh"], ["hdnd_tinh"])]
    closing = (
        "I. KẾT QUẢ\n1. Công tác chỉ đạo\nĐã ban hành các văn bản.\n"
        "Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính năm 2025 của Ủy ban "
        "nhân dân tỉnh Quảng Trị./.\n"
    )
    assert _duties(closing, "Quảng Trị") == []


def test_after_each_event_and_after_each_period() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "1. Ban Chỉ huy phòng thủ dân sự tỉnh tổng hợp thiệt hại, báo cáo Ủy ban nhân dân tỉnh "
        "ngay sau mỗi đợt thiên tai.\n"
        "2. Sở Tài chính báo cáo Ủy ban nhân dân tỉnh tình hình giải ngân sau mỗi quý.\n"
    )
    assert [d[3] for d in _duties(text, "Quảng Ngãi")] == ["once", "periodic"]


def test_a_regime_whose_deadline_has_a_point_per_period() -> None:
    text = (
        "Điều 6. Báo cáo của cơ sở lưu trú du lịch\n"
        "1. Đối tượng thực hiện báo cáo: cơ sở lưu trú du lịch.\n"
        "2. Cơ quan nhận báo cáo: cơ quan chuyên môn về du lịch cấp tỉnh.\n"
        "3. Thời hạn gửi báo cáo:\n"
        "a) Báo cáo tháng: trước ngày 20 của tháng tiếp theo;\n"
        "b) Báo cáo năm: trước ngày 15 tháng 01 của năm sau.\n"
        "4. Thời gian chốt số liệu: từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 12.\n"
    )
    assert _duties(text, "national") == [
        (["doanh_nghiep"], ["other"], "---20", "periodic"),
        (["doanh_nghiep"], ["other"], "--01-15", "annual"),
    ]


def test_a_heading_body_and_a_bullet_reporting_to_a_body() -> None:
    # the bullet's body is the report's recipient, not a line naming who the items are for
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n3. Giám đốc Sở Du lịch:\n"
        "- Định kỳ hằng quý báo cáo Chủ tịch Ủy ban nhân dân tỉnh.\n"
        "- Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh trong tháng 12 hằng năm.\n"
    )
    assert _duties(text, "Khánh Hòa") == [
        (["so_dl"], ["ubnd_tinh"], None, "periodic"),
        (["so_dl"], ["ubnd_tinh"], "--12-31", "annual"),
    ]


def test_bodies_of_every_province_and_heads_of_establishments() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n"
        "3. Công an các tỉnh, thành phố trực thuộc trung ương báo cáo Bộ Công an trước ngày 15/12 "
        "hằng năm.\n"
        "4. Bảo hiểm xã hội các tỉnh báo cáo Bảo hiểm xã hội Việt Nam hằng quý.\n"
        "5. Người đứng đầu cơ sở lưu trú du lịch có trách nhiệm báo cáo Sở Du lịch định kỳ hằng "
        "tháng.\n"
    )
    assert _duties(text, "national") == [
        (["cong_an_tinh"], ["bo_ca"], "--12-15", "annual"),
        (["bhxh_tinh"], ["bhxh_vn"], None, "periodic"),
        (["doanh_nghiep"], ["so_dl"], None, "periodic"),
    ]


def test_more_deadlines_by_reference_and_rules_of_a_quarter() -> None:
    text = (
        "Điều 8. Chế độ báo cáo\n1. Báo cáo định kỳ:\n"
        "a) Ủy ban nhân dân cấp xã báo cáo Sở Y tế trước ngày 10 tháng 12 hằng năm;\n"
        "b) Các cơ sở y tế ngoài công lập báo cáo Sở Y tế cùng thời hạn quy định tại điểm a "
        "khoản này.\n"
        "2. Sở Y tế tổng hợp, báo cáo Ủy ban nhân dân tỉnh chậm nhất 10 ngày sau thời hạn quy "
        "định tại khoản 1 Điều này.\n"
        "3. Sở Tài chính báo cáo Ủy ban nhân dân tỉnh:\n"
        "- Báo cáo quý I: trước ngày 20 tháng 3;\n- Báo cáo năm: trước ngày 20 tháng 12.\n"
    )
    assert _duties(text, "Bắc Ninh") == [
        (["ubnd_xa"], ["so_yt"], "--12-10", "annual"),
        (["other"], ["so_yt"], "--12-10", "annual"),
        # a deadline counted from another: no date
        (["so_yt"], ["ubnd_tinh"], None, "once"),
        (["so_tc"], ["ubnd_tinh"], "--03-20", "periodic"),
        (["so_tc"], ["ubnd_tinh"], "--12-20", "annual"),
    ]


def test_one_sentence_under_two_bodies_is_a_duty_of_each() -> None:
    # the same words under two headings: each body's duty, every frequency of each kept
    item = (
        "Hàng quý, năm lập báo cáo quyết toán kinh phí gửi Sở Tài chính chậm nhất sau khi kết "
        "thúc quý 15 ngày (đối với báo cáo quý) và trước ngày 30 tháng 4 hằng năm.\n"
    )
    text = (
        f"Điều 5. Trách nhiệm của Trung tâm dịch vụ việc làm\n{item}"
        f"Điều 6. Trách nhiệm của Trung tâm bảo trợ xã hội\n{item}"
    )
    assert sorted(_duties(text, "Bắc Ninh"), key=str) == sorted(
        [
            (["other"], ["so_tc"], "--04-30", "annual"),
            (["other"], ["so_tc"], None, "periodic"),
            (["other"], ["so_tc"], "--04-30", "annual"),
            (["other"], ["so_tc"], None, "periodic"),
        ],
        key=str,
    )


def test_a_role_is_no_report_unless_it_says_how_often() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n"
        "- Là cơ quan đầu mối, giúp việc tổng hợp, báo cáo Ban Chỉ đạo tỉnh trong việc triển "
        "khai Đề án.\n"
        "- Là cơ quan thường trực, định kỳ hằng năm tổng hợp, báo cáo Ủy ban nhân dân tỉnh.\n"
    )
    assert _duties(text, "Bắc Ninh") == [(["so_nv"], ["ubnd_tinh"], None, "annual")]


def test_period_rules_after_a_comma() -> None:
    text = (
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch báo cáo Ủy ban nhân dân tỉnh: báo cáo tháng "
        "trước ngày 25 hằng tháng, báo cáo năm trước ngày 15 tháng 12.\n"
    )
    assert _duties(text, "Khánh Hòa") == [
        (["so_dl"], ["ubnd_tinh"], "---25", "periodic"),
        (["so_dl"], ["ubnd_tinh"], "--12-15", "annual"),
    ]


# --- documents of other issuers, kinds and forms, annotated by hand ----------------------------
# tests/data/reporting/README.md: short documents written for these tests, each with the
# duties it states (actor kinds, recipient kinds, deadline, recurrence) beside reports that are
# not duties.

REPORT_DOCS = ROOT / "tests" / "data" / "reporting"
DOC_DUTIES: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str | None, str]]] = {
    "r01_quangbinh-kh-2026-chuyen-doi-so.txt": [
        (("so_khcn",), ("bo_khcn", "ubnd_tinh"), None, "periodic"),
        (("so_khcn",), ("bo_khcn", "ubnd_tinh"), "--12-10", "annual"),
        (("so_khcn",), ("ubnd_tinh",), "2026-07-31", "once"),
        (("ubnd_huyen",), ("so_khcn",), None, "periodic"),
    ],
    "r02_byt-tt-2026-bao-cao-tiem-chung.txt": [
        (("other",), ("other",), "---05", "periodic"),
        (("other",), ("other", "so_yt"), "---10", "periodic"),
        (("so_yt",), ("bo_yt", "other"), "--07-15", "periodic"),
        (("so_yt",), ("bo_yt", "other"), "--01-15", "annual"),
        (("other",), ("so_yt",), None, "once"),
    ],
    "r03_ttg-qd-2026-de-an-nhan-luc-y-te.txt": [
        (("bo_yt",), ("thu_tuong",), "--03-31", "annual"),
        (("bo_yt",), ("thu_tuong",), "2028-12-31", "once"),
        (("bo_yt",), ("thu_tuong",), "2030-12-31", "once"),
        (("bo_gddt",), ("bo_yt",), None, "annual"),
        (("ubnd_tinh",), ("bo_yt",), "--12-15", "annual"),
    ],
    "r04_hanoi-sgddt-cv-2025-bao-cao-so-ket.txt": [
        ((), ("other", "so_gddt"), "2026-01-10", "once"),
    ],
    "r05_dongnai-ct-2026-an-toan-thuc-pham.txt": [
        (("so_yt",), ("ubnd_tinh",), "2026-03-15", "once"),
        (("so_yt",), ("bo_yt", "other"), None, "periodic"),
        (("so_yt",), ("bo_yt", "other"), None, "annual"),
        (("so_ct", "so_nnmt"), ("so_yt",), "2026-11-30", "once"),
        (("cong_an_tinh",), ("ubnd_tinh",), None, "on_request"),
        (("ubnd_xa",), ("other", "so_yt"), None, "periodic"),
    ],
    "r06_bnnmt-qd-2026-ke-hoach-tai-nguyen-nuoc.txt": [
        # the Cục's report to the minister of row 2 is the one II.1 has it pass on: one duty
        (("other",), ("bo_nnmt",), "2026-11-30", "once"),
        (("other",), ("other",), "2026-11-15", "once"),
    ],
    "r07_hatinh-tu-kh-2026-hoc-tap-nghi-quyet.txt": [
        (("other",), ("tinh_uy",), "2026-06-30", "once"),
        (("other",), ("other", "tinh_uy"), "2026-06-15", "once"),
    ],
    "r08_haiphong-bc-2025-kinh-te-xa-hoi.txt": [
        (("so_tc",), ("ubnd_tinh",), None, "periodic"),
        (("ubnd_xa",), ("so_tc",), "2026-12-05", "once"),
        (("so_tc",), ("ubnd_tinh",), None, "once"),
    ],
    "r09_nghean-qd-2026-quy-che-cum-cong-nghiep.txt": [
        (("ubnd_xa",), ("so_ct",), "--06-10", "periodic"),
        (("ubnd_xa",), ("so_ct",), "--12-10", "annual"),
        (("doanh_nghiep",), ("so_ct", "ubnd_xa"), None, "periodic"),
        (("so_ct",), ("bo_ct", "ubnd_tinh"), "--12-20", "annual"),
        (("so_xd",), ("so_ct",), None, "annual"),
    ],
    "r10_cantho-nq-hdnd-2026-ho-tro-hoc-phi.txt": [
        (("ubnd_tinh",), ("hdnd_tinh",), None, "annual"),
    ],
    "r11_ttg-ct-2026-giai-ngan-cong-bao.txt": [
        ((), ("bo_tc",), "---10", "periodic"),
        (("bo_tc",), ("thu_tuong",), None, "periodic"),
        (("bo_tc",), ("chinh_phu",), None, "periodic"),
    ],
    "r13_btc-bnv-ttlt-2026-kinh-phi-cong-bao.txt": [
        (("ubnd_xa",), ("so_nv",), "--01-31", "annual"),
        (("so_nv",), ("ubnd_tinh",), "--02-28", "annual"),
        (("ubnd_tinh",), ("bo_nv", "bo_tc"), None, "annual"),
    ],
    "r14_cp-nq-2026-ctr-hanh-dong-du-lich.txt": [
        (("ubnd_tinh",), ("bo_vhttdl",), "--06-15", "periodic"),
        (("ubnd_tinh",), ("bo_vhttdl",), "--12-15", "annual"),
        (("bo_vhttdl",), ("chinh_phu",), None, "periodic"),
        (("bo_vhttdl",), ("thu_tuong",), "2028-12-31", "once"),
    ],
    "r15_thanhhoa-kh-2026-cai-cach-hanh-chinh.txt": [
        (("vp_ubnd",), ("ubnd_tinh",), None, "periodic"),
        (("ubnd_xa",), ("so_nv",), "--06-10", "periodic"),
        (("ubnd_xa",), ("so_nv",), "--11-10", "annual"),
        (("so_nv",), ("bo_nv", "ubnd_tinh"), None, "periodic"),
        ((), ("ubnd_tinh",), None, "on_request"),
    ],
    "r16_angiang-tb-2026-ket-luan-giai-ngan.txt": [
        (("so_tc",), ("ubnd_tinh",), "---10", "periodic"),
        (("doanh_nghiep",), ("so_tc",), "---05", "periodic"),
        (("so_xd",), ("ubnd_tinh",), "2026-10-31", "once"),
    ],
    "r17_tanphu-xa-kh-2026-phong-chong-thien-tai.txt": [
        (("other",), ("other", "so_nnmt"), None, "once"),
        ((), ("other",), None, "on_request"),
    ],
    "r18_binhdinh-skhdt-bc-2026-giai-ngan.txt": [
        (("so_khdt",), ("ubnd_tinh",), "---10", "periodic"),
    ],
    "r19_khanhhoa-kh-2026-du-lich-dem.txt": [
        (("so_dl",), ("ubnd_tinh",), "--06-20", "periodic"),
        (("so_dl",), ("ubnd_tinh",), "--12-15", "annual"),
        (("cong_an_tinh",), ("ubnd_tinh",), "2026-11-30", "once"),
        # "4. Các sở, ban, ngành:" heads the paragraph under it: a collective actor
        ((), ("so_dl",), "--06-10", "periodic"),
        ((), ("so_dl",), "--12-05", "annual"),
        (("ubnd_xa",), ("so_dl",), None, "periodic"),
        (("doanh_nghiep",), ("so_dl",), "---05", "periodic"),
    ],
    "r20_bvhttdl-tt-2026-che-do-bao-cao-thong-ke-du-lich.txt": [
        (("doanh_nghiep",), ("other",), "---20", "periodic"),
        (("doanh_nghiep",), ("other",), "--01-15", "annual"),
        (("other",), ("other",), "---25", "periodic"),
        (("other",), ("other",), "--01-25", "annual"),
        # "cùng thời hạn quy định tại khoản 2 Điều này"
        (("ubnd_tinh",), ("bo_vhttdl",), "---25", "periodic"),
        (("ubnd_tinh",), ("bo_vhttdl",), "--01-25", "annual"),
        # "cùng thời hạn báo cáo năm quy định tại khoản 2 Điều 3 Thông tư này"
        (("other",), ("bo_vhttdl",), "--01-25", "annual"),
        # a deadline set by another instrument: no date
        (("other",), (), None, "periodic"),
    ],
    "r21_bgddt-kh-2026-tieng-anh-tieu-hoc.txt": [
        (("other",), ("bo_gddt",), "2028-06-30", "once"),
        (("so_gddt",), ("bo_gddt", "other"), "--06-15", "annual"),
        (("ubnd_tinh",), ("bo_gddt",), "--12-31", "annual"),
        (("other",), ("so_gddt",), "--05-25", "annual"),
        (("other",), (), None, "on_request"),
    ],
    "r22_bacninh-qd-2026-quy-che-chat-thai-ran.txt": [
        (("ubnd_xa",), ("so_nnmt",), "--06-15", "periodic"),
        (("ubnd_xa",), ("so_nnmt",), "--12-15", "annual"),
        (("doanh_nghiep",), ("ubnd_xa",), "--06-15", "periodic"),
        (("doanh_nghiep",), ("ubnd_xa",), "--12-15", "annual"),
        (("so_nnmt",), ("ubnd_tinh",), "--12-25", "annual"),
        (("so_nnmt",), ("bo_nnmt",), "--12-25", "annual"),
        (("so_xd",), ("so_nnmt",), "--12-05", "annual"),
        ((), ("so_nnmt",), "--12-05", "annual"),
    ],
    "r23_dongthap-ct-2026-chong-buon-lau.txt": [
        (("so_ct",), ("ubnd_tinh",), None, "periodic"),
        (("so_ct",), ("ubnd_tinh",), "--06-18", "periodic"),
        (("so_ct",), ("ubnd_tinh",), "--12-18", "annual"),
        (("cong_an_tinh",), ("so_ct", "ubnd_tinh"), "--12-18", "annual"),
        (("ubnd_xa",), ("so_ct",), None, "periodic"),
        ((), ("so_ct",), "--12-10", "annual"),
    ],
    "r24_bxd-tt-2026-che-do-bao-cao-bat-dong-san.txt": [
        # a regime written element by element (who, to whom, how often, by when)
        (("doanh_nghiep",), ("so_xd",), None, "periodic"),
        (("so_xd",), ("bo_xd", "ubnd_tinh"), "--06-25", "periodic"),
        (("so_xd",), ("bo_xd", "ubnd_tinh"), "--12-25", "annual"),
        (("so_xd",), ("bo_xd",), None, "on_request"),
        (("other",), ("bo_xd",), "--01-31", "annual"),
    ],
    "r25_hungyen-qd-2026-quy-dinh-che-do-bao-cao.txt": [
        (("so_tc",), ("ubnd_tinh",), "---22", "periodic"),
        (("ubnd_xa",), ("so_nv",), None, "periodic"),
        (("ubnd_xa",), ("so_nv",), "--06-15", "periodic"),
        (("ubnd_xa",), ("so_nv",), "--11-15", "annual"),
        # the deadlines of point d of clause 2 for the frequencies it has (6 months, a year)
        (("thanh_tra_tinh",), ("ttcp", "ubnd_tinh"), "--06-15", "periodic"),
        (("thanh_tra_tinh",), ("ttcp", "ubnd_tinh"), "--11-15", "annual"),
        (("vp_ubnd",), ("ubnd_tinh",), "--12-20", "annual"),
    ],
    "r26_quangtri-syt-kh-2026-giam-sat-dich-benh.txt": [
        # "1. Đối với Trung tâm ...:" heads; the rules detail "Báo cáo Sở Y tế ... như sau:"
        (("other",), ("so_yt",), None, "periodic"),
        (("other",), ("so_yt",), "---05", "periodic"),
        (("other",), ("so_yt",), "--09-20", "periodic"),
        (("other",), ("other",), None, "once"),
        (("other",), ("other",), "---03", "periodic"),
        (("other",), ("other",), "--12-10", "annual"),
        (("other",), ("so_yt",), "---05", "periodic"),
    ],
    "r27_bnnmt-tt-2026-che-do-bao-cao-phan-bon.txt": [
        # "2. Thời hạn gửi báo cáo:" and its points date the report of clause 1
        (("doanh_nghiep",), ("other",), "--06-20", "periodic"),
        (("doanh_nghiep",), ("other",), "--12-15", "annual"),
        (("other",), ("other",), "--06-30", "periodic"),
        (("other",), ("other",), "--12-25", "annual"),
        # "trong thời hạn quy định tại khoản 2 Điều 3 Thông tư này"
        (("so_nnmt",), ("ubnd_tinh",), "--06-30", "periodic"),
        (("so_nnmt",), ("ubnd_tinh",), "--12-25", "annual"),
        (("other",), ("bo_nnmt",), "--01-15", "annual"),
    ],
    "r28_ninhbinh-kh-2026-kich-cau-du-lich.txt": [
        (("so_vhttdl",), ("ubnd_tinh",), "--06-15", "periodic"),
        (("so_vhttdl",), ("ubnd_tinh",), "--12-05", "annual"),
        ((), ("so_vhttdl",), "--11-30", "annual"),
        (("doanh_nghiep",), ("so_vhttdl",), "---25", "periodic"),
        # "theo thời hạn nêu tại mục 3"
        (("other",), ("so_vhttdl",), "---25", "periodic"),
    ],
    "r29_cp-nd-2026-quan-ly-gia.txt": [
        (("ubnd_tinh",), ("bo_tc",), "--01-15", "annual"),
        (("other",), ("ubnd_tinh",), None, "periodic"),
        (("doanh_nghiep",), ("other",), None, "on_request"),
        ((), ("bo_tc",), "--01-15", "annual"),
        (("bo_tc",), ("chinh_phu",), "--03-31", "annual"),
    ],
    "r30_laocai-snv-cv-2026-bao-cao-cong-chuc.txt": [
        # the rules of the letter's reports; where they go is said after them
        ((), ("other", "so_nv"), None, "periodic"),
        ((), ("other", "so_nv"), "--11-10", "annual"),
        (("ubnd_xa",), ("so_nv",), None, "on_request"),
    ],
    "r31_btp-tt-2026-che-do-bao-cao-tro-giup-phap-ly-web.txt": [
        # each body's report dated by the clause naming it ("Thời hạn gửi báo cáo của X: ...")
        (("other",), ("so_tp",), "--06-05", "periodic"),
        (("other",), ("so_tp",), "--12-05", "annual"),
        (("so_tp",), ("bo_tp", "other"), "--06-15", "periodic"),
        (("so_tp",), ("bo_tp", "other"), "--12-15", "annual"),
        (("other",), ("so_tp",), None, "on_request"),
    ],
    "r32_ttg-qd-2026-chuong-trinh-du-lich-nong-thon.txt": [
        (("bo_vhttdl",), ("thu_tuong",), None, "annual"),
        (("bo_vhttdl",), (), "2028-12-31", "once"),
        (("bo_vhttdl",), (), "2030-12-31", "once"),
        (("ubnd_tinh",), ("bo_vhttdl",), "--11-15", "annual"),
    ],
    "r33_daklak-qd-2026-quy-che-tin-nguong-ton-giao.txt": [
        # two dates "hằng năm" and no frequency named: each yearly (as for Phú Thọ above)
        (("ubnd_xa",), ("so_dttg",), "--06-15", "annual"),
        (("ubnd_xa",), ("so_dttg",), "--12-15", "annual"),
        (("so_dttg",), ("bo_dttg", "ubnd_tinh"), None, "annual"),
        # the representatives of a class of establishments (not enterprises): other
        (("other",), ("ubnd_xa",), "--11-30", "annual"),
        (("cong_an_tinh",), ("ubnd_tinh",), None, "on_request"),
    ],
    "r34_ttg-ct-2026-phat-trien-du-lich-ben-vung.txt": [
        (("bo_vhttdl",), ("thu_tuong",), "--12-31", "annual"),
        (("ubnd_tinh",), ("bo_vhttdl",), "--12-15", "annual"),
        (("other",), ("bo_vhttdl",), "--12-15", "annual"),
    ],
    "r12_lamdong-kh-2026-giam-ngheo-bang-bao-cao.txt": [
        (("ubnd_xa",), ("so_nnmt",), "--06-10", "periodic"),
        (("ubnd_xa",), ("so_nnmt",), "--12-10", "annual"),
        (("so_nnmt",), ("bo_nnmt", "ubnd_tinh"), "--12-20", "annual"),
    ],
}


#: what a document's duties still miss, and why (recognition of bodies the register lacks)
WAITING = {
    "r31_btp-tt-2026-che-do-bao-cao-tro-giup-phap-ly-web.txt": "'Tổ chức ký hợp đồng thực "
    "hiện trợ giúp pháp lý' opening a clause: organisations of a kind, not the verb 'tổ chức'",
}


def _doc_duties(name: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str | None, str]]:
    text = (REPORT_DOCS / name).read_text(encoding="utf-8")
    got = extract(text, source=name).reporting
    return [
        (
            tuple(sorted(a.kind for a in r.actor)),
            tuple(sorted(a.kind for a in r.recipient)),
            r.deadline,
            r.recurrence,
        )
        for r in got
    ]


@pytest.mark.parametrize("name", sorted(set(DOC_DUTIES) - set(WAITING)))
def test_duties_of_documents_in_other_forms(name: str) -> None:
    assert Counter(_doc_duties(name)) == Counter(DOC_DUTIES[name])


def test_duties_of_documents_in_other_forms_overall() -> None:
    """Over every document written for the tests, those waiting included: F1 of the key of
    the evaluation (actor kinds | recipient kinds | deadline) stays above what was reached."""
    tp = pred = gold = 0
    for name, want in DOC_DUTIES.items():
        got = Counter(d[:3] for d in _doc_duties(name))
        exp = Counter(d[:3] for d in want)
        tp += sum((got & exp).values())
        pred += sum(got.values())
        gold += sum(exp.values())
    p, r = tp / pred, tp / gold
    assert 2 * p * r / (p + r) >= 0.97
