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


# --- any domain, any layout ------------------------------------------------------------------
# Variants written for the tests (other provinces, other domains, other layouts) and short
# excerpts of the forms real documents use.


def _rows(text: str, period_end: int | None = None) -> list[tuple[object, ...]]:
    got = extract_targets(parse(text), period_end=period_end)
    return [(t["indicator"], t["comparator"], t["min"], t["max"], t["by_year"]) for t in got]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("ở 63/63 tỉnh, thành phố", ("exact", 63, 63, "tỉnh, thành phố")),
        ("đơn giản hóa 15-20% thủ tục hành chính", ("range", 15, 20, "%")),
        ("tăng trưởng bình quân đạt tối thiểu 30%/năm", ("at_least", 30, None, "%")),
        ("đấu giá từ 05 mỏ khoáng sản làm vật liệu xây dựng thông thường trở lên",
         ("at_least", 5, None, "mỏ khoáng")),
        ("có 04 - 05 nhóm nghiên cứu làm chủ công nghệ", ("range", 4, 5, "nhóm nghiên cứu")),
        ("đưa vào sử dụng 114 Cơ sở dữ liệu quốc gia", ("exact", 114, 114, "Cơ sở dữ liệu")),
        ("có tối thiểu 5.000 doanh nghiệp", ("at_least", 5000, None, "doanh nghiệp")),
        ("đạt tối thiểu 55 tỷ USD/năm", ("at_least", 55, None, "tỷ USD")),
    ],
)  # fmt: skip
def test_quantities_in_other_domains(clause: str, expected: tuple[object, ...]) -> None:
    (q,) = quantities(clause)
    assert (q.comparator, q.min, q.max, q.unit) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "triển khai hạ tầng 5G trong các khu công nghiệp",
        "bản đồ địa chất khoáng sản tỷ lệ 1:50.000",
        "được hỗ trợ trong thời gian 06 tháng",
        "Nghị quyết số 01/NQ-CP ngày 05/01/2024",
        "quy định tại khoản 3 Điều 4 Nghị định số 67/2007/NĐ-CP",
        "người từ 85 tuổi trở lên",
        "Hỗ trợ 6.000.000 đồng/hộ",
        "(1) Hoàn thành xây dựng",
    ],
)
def test_numbers_that_are_not_quantities(clause: str) -> None:
    assert quantities(clause) == []


def test_indicator_follows_the_counted_noun() -> None:
    trained = "Phấn đấu 100% nhân lực quản lý nhà nước được đào tạo, bồi dưỡng"
    assert indicator_of(trained, "%", " nhân lực quản lý nhà nước được đào tạo") == (
        "people_trained"
    )
    capacity = "Nhân lực được đào tạo, bồi dưỡng bảo đảm tự chủ được 70% năng lực thẩm định"
    assert indicator_of(capacity, "%", " năng lực thẩm định") == "other"
    assert indicator_of("Bảo đảm 100% cán bộ, đảng viên được quán triệt", "%", " cán bộ") == (
        "other"
    )
    assert indicator_of("Tỉ lệ đóng góp của năng suất nhân tố tổng hợp (TFP)", "%") == (
        "tfp_contribution"
    )
    # a certificate issued by a land office is not an ISO certificate
    assert indicator_of("cấp giấy chứng nhận trực tuyến ở 63/63 tỉnh", "tỉnh") == "other"


HEALTH_PLAN = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: 45/KH-UBND
Bắc Ninh, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Phát triển y tế cơ sở tỉnh Bắc Ninh giai đoạn 2026 - 2030

I. MỤC TIÊU
1. Mục tiêu chung
Nâng cao chất lượng khám, chữa bệnh tại tuyến cơ sở.
2. Mục tiêu cụ thể
a) Đến năm 2028:
- 95% trạm y tế xã có bác sĩ làm việc;
- Tỷ lệ dân số tham gia bảo hiểm y tế đạt trên 95%.
b) Đến năm 2030:
- 100% trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã;
- Giảm tỷ lệ suy dinh dưỡng thấp còi ở trẻ em dưới 5 tuổi xuống dưới 15%;
- Đào tạo, bồi dưỡng cho ít nhất 1.200 lượt nhân viên y tế.
c) Tầm nhìn đến năm 2035: tối thiểu 10 bệnh viện tuyến huyện đạt chuẩn hạng I.
II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Đầu tư cơ sở vật chất
Đầu tư xây dựng, cải tạo 30 trạm y tế xã xuống cấp. Mức hỗ trợ tối đa 2 tỷ đồng/trạm.
2. Phát triển nhân lực
Phấn đấu đến năm 2027, có 50 bác sĩ được luân phiên về tuyến xã.
3. Cấp nước sạch
Theo dõi việc vận hành các công trình cấp nước, đến nay 100% công trình đã được kiểm định.
III. KINH PHÍ
Tổng kinh phí dự kiến 120 tỷ đồng, trong đó ngân sách tỉnh 80%.
IV. TỔ CHỨC THỰC HIỆN
1. Sở Y tế
Chủ trì triển khai Kế hoạch; nghiên cứu, thiết kế tối thiểu 03 mẫu trạm y tế điển hình.
"""


def test_a_plan_of_another_domain() -> None:
    assert _rows(HEALTH_PLAN, period_end=2030) == [
        ("other", "exact", 95, 95, 2028),
        ("other", "more_than", 95, None, 2028),
        ("other", "exact", 100, 100, 2030),
        ("other", "at_most", None, 15, 2030),
        ("people_trained", "at_least", 1200, None, 2030),
        ("other", "at_least", 10, None, 2035),
        # a task that states an aim, with its own year; rates, status, money and the
        # execution section's duties are not targets
        ("other", "exact", 50, 50, 2027),
    ]


def test_years_of_a_sentence() -> None:
    text = (
        "II. NHIỆM VỤ\n1. Nhiệm vụ\n"
        "a) Đến năm 2030, phấn đấu 100% hộ gia đình nông thôn được sử dụng nước sạch, năm "
        "2027 đạt 90%, năm 2028 đạt 95,5%; 85% trường học có công trình vệ sinh đạt chuẩn.\n"
        "b) Tăng 20% số hợp tác xã so với năm 2020.\n"
    )
    assert _rows(text, period_end=2035) == [
        ("other", "exact", 100, 100, 2030),
        ("other", "exact", 90, 90, 2027),
        ("other", "exact", 95.5, 95.5, 2028),
        ("other", "exact", 85, 85, 2030),
        ("other", "exact", 20, 20, 2035),  # "so với năm 2020" is the baseline, not the due year
    ]


def test_rates_and_norms_of_a_regulation_are_not_targets() -> None:
    text = (
        "QUY ĐỊNH\nVề miễn, giảm tiền sử dụng đất đối với người có công tỉnh Kon Tum\n"
        "Điều 3. Mức giảm\n"
        "1. Giảm 90% tiền sử dụng đất cho thương binh có tỷ lệ suy giảm khả năng lao động từ "
        "81% trở lên.\n"
        "2. Đất nông nghiệp được bồi thường bằng 30% giá đất cùng vị trí.\n"
        "3. Kinh phí quản lý với mức tối đa không quá 0,5% tổng kinh phí.\n"
        "Điều 4. Thời gian thực hiện\n"
        "1. Trong năm 2027, Ủy ban nhân dân các huyện phải hoàn thành việc hỗ trợ đối với "
        "khoảng 2.500 hộ theo danh sách đã báo cáo.\n"
    )
    assert _rows(text) == [("other", "about", 2500, 2500, 2027)]


def test_thresholds_qualify_a_count() -> None:
    text = (
        "II. MỤC TIÊU\n"
        "- Phấn đấu có 60 doanh nghiệp có doanh thu từ thị trường nước ngoài đạt 20 triệu "
        "USD/năm.\n"
        "- Có tối thiểu 3.000 doanh nghiệp có doanh thu từ xuất khẩu, doanh thu xuất khẩu của "
        "các doanh nghiệp đạt tối thiểu 40 tỷ USD/năm.\n"
    )
    assert [(r[1], r[2]) for r in _rows(text, 2030)] == [
        ("exact", 60),
        ("at_least", 3000),
        ("at_least", 40),
    ]


def test_page_numbers_joined_into_a_sentence_are_not_quantities() -> None:
    text = (
        "II. MỤC TIÊU\n"
        "- Doanh thu xuất khẩu sản phẩm và dịch vụ công\n\n"
        "CÔNG BÁO/Số 12/Ngày 16-06-2026\n81\n\n"
        "nghệ số đạt tối thiểu 12 tỷ USD/năm.\n"
    )
    assert [(r[1], r[2]) for r in _rows(text, 2030)] == [("at_least", 12)]


INDICATOR_TABLE = """KẾ HOẠCH
I. MỤC TIÊU
Các chỉ tiêu cụ thể tại Phụ lục I.
II. TỔ CHỨC THỰC HIỆN
Các bộ, ngành triển khai Kế hoạch này./.

PHỤ LỤC I
DANH MỤC CÁC CHỈ TIÊU CỤ THỂ
| TT | Chỉ tiêu | Đơn vị | Kết quả | Cơ quan chủ trì theo dõi, đánh giá |
| --- | --- | --- | --- | --- |
| **I** | **Đến năm 2030** | | | |
| 1 | Trình độ công nghệ của doanh nghiệp | Thứ bậc | Đạt mức trên trung bình của thế giới | Bộ Khoa học và Công nghệ |
| 2 | Xếp hạng chỉ số đổi mới sáng tạo | Thứ bậc | ≤ 3 Đông Nam Á; ≤ 40 Thế giới | Bộ Khoa học và Công nghệ |
| 3 | Chỉ số phát triển con người (HDI) | Chỉ số | > 0,7 | Bộ Kế hoạch và Đầu tư |
| 4 | Tỷ lệ hồ sơ giải quyết trực tuyến | % | 90 | Văn phòng Chính phủ |
| 5 | Tỷ lệ cắt giảm thủ tục hành chính tối thiểu. | | | |
| 5.1 | Đối với các bộ có kết quả cắt giảm dưới 15% | % | 10 | Văn phòng Chính phủ |
| 5.2 | Đối với các bộ có kết quả cắt giảm từ 15% trở lên | % | 5 | Văn phòng Chính phủ |
| 6 | Tỷ lệ người dân có hồ sơ sức khỏe điện tử | % | 100% | Bộ Y tế |
| **II** | **Đến năm 2045** | | | |
| 7 | Số lượng công bố khoa học quốc tế tăng trung bình | %/năm | 16 - 18 | Bộ Khoa học và Công nghệ |
"""  # noqa: E501


def test_an_indicator_table() -> None:
    got = extract_targets(parse(INDICATOR_TABLE), period_end=2030)
    assert [
        (t["ref"], t["comparator"], t["min"], t["max"], t["unit"], t["by_year"], t["per_year"])
        for t in got
    ] == [
        ("PL.I.I.2", "at_most", None, 3, "Thứ bậc", 2030, False),
        ("PL.I.I.2", "at_most", None, 40, "Thứ bậc", 2030, False),
        ("PL.I.I.3", "more_than", 0.7, None, "Chỉ số", 2030, False),
        ("PL.I.I.4", "exact", 90, 90, "%", 2030, False),
        ("PL.I.I.5.1", "at_least", 10, None, "%", 2030, False),
        ("PL.I.I.5.2", "at_least", 5, None, "%", 2030, False),
        ("PL.I.I.6", "exact", 100, 100, "%", 2030, False),
        ("PL.I.II.7", "range", 16, 18, "%/năm", 2045, True),
    ]


def test_an_indicator_table_with_a_column_per_year() -> None:
    text = (
        "I. MỤC TIÊU\nCác chỉ tiêu chủ yếu như sau:\n"
        "STT\tChỉ tiêu\tĐơn vị tính\tNăm 2026\tNăm 2030\tCơ quan theo dõi\n"
        "1\tTỷ lệ hồ sơ giải quyết trực tuyến toàn trình\t%\t≥ 60\t≥ 80\tSở Nội vụ\n"
        "2\tSố doanh nghiệp công nghệ số\tDoanh nghiệp\t120\t200\tSở Công Thương\n"
        "3\tXếp hạng chỉ số chuyển đổi số cấp tỉnh\tThứ hạng\tTop 20\tTop 10\tSở Nội vụ\n"
    )
    assert _rows(text, 2030) == [
        ("other", "at_least", 60, None, 2026),
        ("other", "at_least", 80, None, 2030),
        ("other", "exact", 120, 120, 2026),
        ("other", "exact", 200, 200, 2030),
        ("other", "at_most", None, 20, 2026),
        ("other", "at_most", None, 10, 2030),
    ]


def test_a_task_table_gives_the_targets_of_its_cells() -> None:
    text = (
        "PHỤ LỤC II\nDANH MỤC NHIỆM VỤ\n"
        "| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |\n"  # noqa: E501
        "|---|---|---|---|---|---|\n"
        "| 1. | Hoàn thiện, đưa vào khai thác 25 cơ sở dữ liệu chuyên ngành | Bộ Tư pháp | "
        "Bộ Công an | Cơ sở dữ liệu được đưa vào sử dụng | 2027 |\n"
        "| 2. | Lập các trung tâm đổi mới sáng tạo vùng | Bộ Khoa học và Công nghệ | | "
        "Ít nhất 6 trung tâm được thành lập | 2030 |\n"
        "| 3. | Xây dựng cơ chế thu hút đầu tư theo nguyên tắc: có trung tâm nghiên cứu tại "
        "Việt Nam với tỷ lệ 1% - 3% doanh thu | Bộ Tài chính | | Nghị định | Quý IV/2026 |\n"
    )
    assert _rows(text, 2030) == [
        ("other", "exact", 25, 25, 2027),
        ("other", "at_least", 6, None, 2030),
    ]


def test_what_a_report_states_as_done_is_not_a_target() -> None:
    text = (
        "BÁO CÁO\nKết quả thực hiện Chỉ thị số 12/CT-TTg năm 2025\n"
        "1. Một số nội dung đã thực hiện trong năm 2025\n"
        "- Cấp mới 05 giấy phép khai thác; gia hạn 02 giấy phép.\n"
        "2. Công tác cấp phép\n"
        "Trong năm 2025, UBND tỉnh Yên Bái đã cấp 09 giấy phép thăm dò, trong đó, thăm dò: "
        "03 giấy phép; khai thác: 06 giấy phép.\n"
        "3. Phương hướng, nhiệm vụ năm 2026\n"
        "Phấn đấu trong năm 2026 hoàn thành đấu giá ít nhất 04 mỏ khoáng sản.\n"
    )
    assert _rows(text) == [("other", "at_least", 4, None, 2026)]


def test_a_report_template_has_no_targets() -> None:
    text = (
        "Điều 1. Ban hành kèm theo Thông tư này các mẫu báo cáo.\n\n"
        "PHỤ LỤC I\nMẪU BÁO CÁO\n"
        "| TT | Chỉ tiêu | Đơn vị tính | Kết quả | Ghi chú |\n"
        "| (1) | (2) | (3) | (4) | (5) |\n"
        "| 1 | Doanh thu của dự án trong kỳ báo cáo | Tỷ đồng | | |\n"
        "| 2 | Tổng số lao động | Người | | |\n"
    )
    assert _rows(text) == []


def test_measures_are_targets_only_as_objectives() -> None:
    text = (
        "KẾ HOẠCH\nPhát triển lâm nghiệp tỉnh Cà Mau giai đoạn 2026 - 2030\n"
        "I. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
        "- Trồng mới 1.000 ha rừng phòng hộ ven biển.\n"
        "- Tỷ lệ lao động qua đào tạo đạt không dưới 75%.\n"
        "II. NHIỆM VỤ\n1. Hạ tầng\n"
        "Nâng cấp các tuyến đường với mặt đường rộng tối thiểu 7 m.\n"
        "Điều 5. Nhà ở bảo đảm diện tích sử dụng tối thiểu 30 m2.\n"
    )
    assert [(t["comparator"], t["min"], t["unit"]) for t in extract_targets(parse(text))] == [
        ("exact", 1000, "ha"),
        ("at_least", 75, "%"),
    ]
