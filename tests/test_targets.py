"""Targets: quantities in invented clauses and the bundled corpus against the gold."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from policykg.ingest.extract import extract
from policykg.ingest.targets import extract_targets, indicator_of, parse_number, quantities
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def test_vietnamese_numerals() -> None:
    assert parse_number("01") == 1
    assert parse_number("7,5") == 7.5
    assert parse_number("1.000") == 1000
    assert parse_number("2.500,5") == 2500.5
    assert parse_number("25 000") == 25000


def test_numerals_with_a_decimal_part_or_a_space_between_thousands() -> None:
    assert [(q.min, q.unit) for q in quantities("trồng 25 000 ha rừng")] == [(25000, "ha")]
    assert [(q.min, q.unit, q.money) for q in quantities("thu đạt 12,5 nghìn tỷ đồng")] == [
        (12.5, "nghìn tỷ đồng", True)
    ]
    assert [q.min for q in quantities("thu ngân sách đạt 2.500,5 tỷ đồng")] == [2500.5]


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
        # the count a task builds ("cải tạo 30 trạm y tế"), a task that states an aim with
        # its own year; rates, status, money and the execution section's duties are not
        ("other", "exact", 30, 30, 2030),
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


@pytest.mark.parametrize(
    "cue",
    [
        "- Giai đoạn đến năm 2030:",
        "* Đến năm 2030, phấn đấu:",
        "- Đến hết năm 2030, phấn đấu đạt các chỉ tiêu sau:",
        "Mục tiêu đến năm 2030 như sau:",
        "- Đến năm 2030, cụ thể:",
        "Phấn đấu đến năm 2030, đạt được các mục tiêu cụ thể sau:",
    ],
)
def test_a_line_that_states_the_year_of_the_items_under_it(cue: str) -> None:
    later = cue.replace("2030", "2035")
    text = (
        f"I. MỤC TIÊU\n2. Mục tiêu cụ thể\n{cue}\n+ Tỷ lệ A đạt 60%;\n+ Tỷ lệ B đạt 70%.\n"
        f"{later}\n+ Tỷ lệ C đạt 90%.\n"
    )
    assert [t["by_year"] for t in extract_targets(parse(text), period_end=2040)] == [
        2030,
        2030,
        2035,
    ]


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("- Tỷ lệ phụ phẩm được tái sử dụng đạt 80% vào năm 2030 và 90% vào năm 2035;",
         [2030, 2035]),
        ("- Tỷ lệ hồ sơ trực tuyến đạt 60% năm 2026, 80% năm 2027;", [2026, 2027]),
        ("- Tỷ lệ che phủ rừng đạt 42% (năm 2030), 43% (năm 2035);", [2030, 2035]),
        ("- Năm 2026 đạt 60%, năm 2027 đạt 80%;", [2026, 2027]),
        # a bracket that goes on past its year states a baseline, not the year of the target
        ("- Tỷ lệ tiêm chủng đạt trên 90% (năm 2025 đạt 86,4%);", [2030]),
    ],
)  # fmt: skip
def test_a_year_right_after_a_quantity_is_its_own(line: str, years: list[int]) -> None:
    text = "I. MỤC TIÊU\n2. Mục tiêu cụ thể\n" + line + "\n"
    assert [t["by_year"] for t in extract_targets(parse(text), period_end=2030)] == years


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


def test_a_task_table_with_a_column_of_values_per_year() -> None:
    text = (
        "II. NHIỆM VỤ\n"
        "| TT | Nhiệm vụ | Đơn vị chủ trì | Chỉ tiêu năm 2024 | Chỉ tiêu năm 2025 |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Triển khai bệnh án điện tử tại bệnh viện tuyến tỉnh | Sở Y tế | 50% | 100% |\n"
        "| 2 | Tập huấn cho cán bộ y tế | Sở Y tế | 500 lượt | 1.000 lượt |\n"
        "| 3 | Kết nối liên thông dữ liệu | Sở Y tế | x | x |\n"
    )
    assert _rows(text, 2025) == [
        ("other", "exact", 50, 50, 2024),
        ("other", "exact", 100, 100, 2025),
        ("people_trained", "exact", 500, 500, 2024),
        ("people_trained", "exact", 1000, 1000, 2025),
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


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        # a rate per head of population or per a power of ten
        ("Giảm tỷ số tử vong mẹ xuống dưới 30/100.000 trẻ đẻ sống",
         ("at_most", None, 30, "/100.000 trẻ đẻ sống")),
        ("Số giường bệnh đạt 32 giường bệnh/vạn dân", ("exact", 32, 32, "giường bệnh/vạn dân")),
        # a count in millions of a counted noun is not money
        ("đón khoảng 25 triệu lượt khách", ("about", 25, 25, "triệu lượt khách")),
        ("Phát triển khoảng 6,5 triệu m2 sàn nhà ở", ("about", 6.5, 6.5, "triệu m2 sàn")),
        ("bình quân đạt 32 m2 sàn/người", ("exact", 32, 32, "m2 sàn/người")),
        # a multiplier, a rank to reach
        ("thu nhập tăng 1,5 lần so với năm 2025", ("exact", 1.5, 1.5, "lần")),
        ("thuộc nhóm 15 tỉnh, thành phố dẫn đầu cả nước", ("at_most", None, 15, "tỉnh, thành phố")),
        ("nằm trong Top 10 tỉnh về chỉ số PCI", ("at_most", None, 10, "tỉnh")),
        ("trở thành 1 trong 10 tỉnh dẫn đầu cả nước", ("at_most", None, 10, "tỉnh dẫn")),
        # classifiers that a duration or a household size would otherwise take
        ("giao nộp ít nhất 500 khẩu súng các loại", ("at_least", 500, None, "khẩu súng")),
        ("Tổ chức 02 ngày hội văn hóa cấp vùng", ("exact", 2, 2, "ngày hội")),
        # places, not a score; "trên 10.000 dân" is per capita; dollars are money
        ("Xóa bỏ 12 điểm tập kết rác tự phát", ("exact", 12, 12, "điểm tập")),
        ("Số bác sĩ trên 10.000 dân đạt khoảng 15 bác sĩ", ("about", 15, 15, "bác sĩ")),
        ("GDP bình quân đầu người đạt 5.400 - 5.500 USD", ("range", 5400, 5500, "USD")),
    ],
)  # fmt: skip
def test_quantities_of_rates_multipliers_and_ranks(
    clause: str, expected: tuple[object, ...]
) -> None:
    (q,) = quantities(clause)
    assert (q.comparator, q.min, q.max, q.unit) == expected


@pytest.mark.parametrize(
    "clause",
    [
        "kéo giảm tai nạn giao thông trên cả 03 tiêu chí",  # all of a known set
        "có 05 sản phẩm OCOP đạt 5 sao",  # a rating, not a count (the products are one)
        "hộ có 3 khẩu",
        "Nhóm 2 gồm các tỉnh miền núi",
        "bài thi đạt 85 điểm trở lên",
        "lực lượng mỗi xã từ 10 đến 12 đồng chí",
    ],
)
def test_sets_ratings_and_groups_are_not_counted(clause: str) -> None:
    assert [q.unit for q in quantities(clause)] in ([], ["sản phẩm"])


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Tỷ suất chết trẻ em dưới 1 tuổi giảm xuống còn 12‰", ("exact", 12, 12, "‰")),
        ("Tuổi thọ trung bình đạt 75,5 tuổi", ("exact", 75.5, 75.5, "tuổi")),
        ("Chiều cao của thanh niên 18 tuổi đạt 167 cm", ("exact", 167, 167, "cm")),
        ("Số giường bệnh trên 10.000 dân đạt 35 giường", ("exact", 35, 35, "giường")),
        ("số năm sống khỏe đạt tối thiểu 68 năm", ("at_least", 68, None, "năm")),
        ("Chỉ số PCI thuộc Top 10 cả nước", ("at_most", None, 10, "cả nước")),
    ],
)  # fmt: skip
def test_ages_lifetimes_and_heights_named_before_their_number(
    clause: str, expected: tuple[object, ...]
) -> None:
    (q,) = quantities(clause)
    assert (q.comparator, q.min, q.max, q.unit) == expected


def test_a_sentence_led_by_a_date_before_the_documents_states_what_was_reached() -> None:
    text = (
        "SỞ TÀI CHÍNH\nPhú Thọ, ngày 05 tháng 7 năm 2026\n\nBÁO CÁO\nGiải ngân năm 2026\n\n"
        "I. NHIỆM VỤ TRỌNG TÂM\n"
        "Đến ngày 30 tháng 6 năm 2026, toàn tỉnh giải ngân đạt 41,5% kế hoạch vốn.\n"
        "Đến ngày 30 tháng 9 năm 2026, phấn đấu giải ngân đạt trên 70% kế hoạch vốn.\n"
    )
    assert [t["min"] for t in extract_targets(parse(text), period_end=2026)] == [70]


def test_a_party_documents_dash_markers() -> None:
    text = "I- MỤC TIÊU\n1- Đến năm 2030\n- Kinh tế số chiếm tối thiểu 20% GRDP.\n"
    got = extract_targets(parse(text), period_end=2035)
    assert [(t["ref"], t["min"], t["by_year"]) for t in got] == [("I.1", 20, 2030)]


def test_an_eth_printed_for_dj_reads_as_dj() -> None:
    text = "II. NHIỆM VỤ\n1. Ðào tạo nghề cho 500 lao động.\n"  # "Ð" (U+00D0), OCR and old fonts
    assert [t["indicator"] for t in extract_targets(parse(text), period_end=2030)] == [
        "people_trained"
    ]


def test_a_quantity_inside_a_quoted_name_is_no_target() -> None:
    text = (
        "I. MỤC TIÊU\n2. Mục tiêu cụ thể\n- Tham gia Đề án “Phát triển bền vững 1 triệu ha "
        "chuyên canh lúa chất lượng cao” với 50.000 ha;\n"
    )
    assert [t["min"] for t in extract_targets(parse(text), period_end=2030)] == [50000]


def test_a_contest_top_ten_is_no_rank() -> None:
    assert quantities("lựa chọn Top 10 sáng kiến xuất sắc để khen thưởng") == []


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a baseline of last year's figure is no status in an objective
        ("- Thu ngân sách tăng 10% so với cùng kỳ năm 2025;", [("exact", 10, 2030)]),
        ("- Số người tham gia bảo hiểm xã hội tăng 5% so với năm trước;", [("exact", 5, 2030)]),
        # "nâng cấp 12 trạm" is no level "cấp 2"
        ("- Đầu tư nâng cấp 12 trạm y tế xã với tổng kinh phí 36 tỷ đồng.", [("exact", 12, 2030)]),
        # a maintained share, a measure a task makes
        ("- Duy trì tỷ lệ tiêm chủng đầy đủ trên 95%.", [("more_than", 95, 2030)]),
        ("- Chuyển đổi 500 ha đất trồng lúa kém hiệu quả sang trồng cây ăn quả.",
         [("exact", 500, 2030)]),
        # a frequency, a quota, a selection of a contest, the members of a board
        ("- Tuyên truyền trên Báo, Đài tỉnh với thời lượng ít nhất 02 tin, bài/tháng.", []),
        ("- Ưu tiên tuyển dụng 50% chỉ tiêu cho người dân tộc thiểu số.", []),
        ("- Lựa chọn 10 dự án tiêu biểu tham gia vòng chung kết.", []),
        ("- Kiện toàn Ban Chỉ đạo gồm 15 thành viên.", []),
        ("- Rà soát, đề xuất sửa đổi 03 văn bản quy phạm pháp luật.", []),
    ],
)  # fmt: skip
def test_lines_of_a_task_section(line: str, expected: list[tuple[object, ...]]) -> None:
    text = "II. NHIỆM VỤ, GIẢI PHÁP\n1. Nhiệm vụ cụ thể\n" + line + "\n"
    got = extract_targets(parse(text), period_end=2030)
    mins = [
        (t["comparator"], t["min"] if t["min"] is not None else t["max"], t["by_year"]) for t in got
    ]
    assert mins == expected


def test_indicators_keep_to_what_they_were_made_for() -> None:
    # a model of another domain is not a model enterprise, a kindergarten no training school
    assert indicator_of("xây dựng từ 3 đến 5 mô hình điểm trạm y tế xã", "mô hình") == "other"
    assert indicator_of("Số trường mầm non đạt chuẩn quốc gia", "Trường") == "other"
    assert indicator_of("Có 02 doanh nghiệp trở thành mô hình điểm", "doanh nghiệp") == (
        "model_enterprises"
    )
    assert indicator_of("Đào tạo 50 chuyên gia y tế dự phòng", "chuyên gia") == "other"
    assert indicator_of("Có 02 câu lạc bộ thể dục dưỡng sinh", "câu lạc bộ") == "other"
    assert indicator_of("80% sản phẩm chủ lực có mã truy xuất nguồn gốc", "%") == "other"
    # the counted noun is an enterprise or a unit, not the verb "tổ chức" of the sentence
    assert indicator_of("Tổ chức tập huấn, hỗ trợ sinh kế cho 500 hộ nghèo", "hộ") == "other"
    assert indicator_of("Số doanh nghiệp được hỗ trợ tăng 10%", "%") == (
        "enterprises_supported_growth"
    )


def test_what_a_quantity_is_in_a_plan_of_another_domain() -> None:
    text = (
        "II. MỤC TIÊU\n"
        "- Số hóa ít nhất 30% di sản văn hóa đã được xếp hạng cấp quốc gia;\n"
        "- Kéo giảm tai nạn giao thông trên cả 03 tiêu chí: số vụ, số người chết và số người "
        "bị thương từ 5 - 10% so với năm 2025.\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Nhân lực: mỗi trạm y tế bố trí tối thiểu 05 người làm việc theo quy định; mỗi lớp "
        "không quá 50 học viên.\n"
        "2. Truyền thông: Hằng năm tổ chức ít nhất 02 chiến dịch truyền thông cao điểm.\n"
        "3. Trường lớp: Ưu tiên xây dựng phòng học cho các điểm trường lẻ có từ 15 trẻ trở lên.\n"
        "4. Quỹ đất: Dành 20% quỹ đất ở trong các dự án có quy mô từ 10 ha trở lên.\n"
        "5. Mô hình: Đến năm 2027, mỗi xã xây dựng ít nhất 01 mô hình phân loại rác tại nguồn.\n"
        "6. Bồi dưỡng: Hằng năm bồi dưỡng cho khoảng 5.000 lượt giáo viên; bồi dưỡng kỹ năng "
        "số cho 100% cán bộ, công chức cấp xã.\n"
        "7. Hạ tầng: Đầu tư 02 nhà máy xử lý chất thải công suất 500 tấn/ngày tại Long Xuyên "
        "và Rạch Giá, hoàn thành trước năm 2029.\n"
        "8. Tiêm chủng: Tổ chức tiêm vắc xin cho khoảng 150.000 trẻ trong Quý II/2026.\n"
    )
    assert _rows(text, 2030) == [
        # a qualifier of the counted noun ("đã được xếp hạng") in an objective
        ("other", "at_least", 30, None, 2030),
        # the measures a target is counted on, listed after "tiêu chí:"
        ("other", "range", 5, 10, 2030),
        # norms per unit, frequencies of events, conditions and reserved shares are not
        ("other", "at_least", 1, None, 2027),
        ("people_trained", "about", 5000, 5000, 2030),
        ("people_trained", "exact", 100, 100, 2030),
        # the due year after the quantity, past a measure that qualifies it
        ("other", "exact", 2, 2, 2029),
        ("other", "about", 150000, 150000, 2026),
    ]


def test_a_due_date_leading_a_rule_makes_a_target() -> None:
    text = (
        "Điều 3. Lộ trình triển khai\n"
        "1. Chậm nhất đến ngày 31 tháng 12 năm 2026, 100% bệnh viện hạng I hoàn thành triển "
        "khai hồ sơ bệnh án điện tử.\n"
        "Điều 4. Định mức\n"
        "1. Bệnh viện bố trí tối thiểu 03 người làm công nghệ thông tin.\n"
    )
    got = extract_targets(parse(text))
    assert [(t["ref"], t["min"], t["by_year"]) for t in got] == [("Đ3.1", 100, 2026)]


def test_a_part_titled_on_the_line_under_its_marker() -> None:
    text = (
        "Phần thứ nhất\nKẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2025\n1. Về chuyển đổi số\n"
        "Phấn đấu hoàn thành; tỷ lệ hồ sơ trực tuyến đạt 65%; 100% xã có điểm phục vụ.\n"
        "Phần thứ hai\nPHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n1. Chỉ tiêu\n"
        "Phấn đấu tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%.\n"
    )
    got = extract_targets(parse(text), period_end=2025)
    assert [(t["ref"], t["min"], t["by_year"]) for t in got] == [("II.1", 80, 2026)]


def test_report_tables_of_what_was_done_give_no_targets() -> None:
    text = (
        "I. KẾT QUẢ THỰC HIỆN NĂM 2025\n"
        "TT | Chỉ tiêu | Đơn vị | Kế hoạch năm 2025 | Thực hiện năm 2025\n"
        "1 | Số xã đạt chuẩn nông thôn mới nâng cao | Xã | 90 | 95\n"
        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026\n"
        "1. Chỉ tiêu\n"
        "TT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026\n"
        "1 | Số người tham gia bảo hiểm xã hội | Người | 118.400 | 124.000\n"
        "2 | Tỷ lệ số nợ trên tổng số phải thu | % | 2,1 | ≤ 1,8\n"
    )
    assert _rows(text) == [
        ("other", "exact", 124000, 124000, 2026),
        ("other", "at_most", None, 1.8, 2026),
    ]


def test_a_column_per_year_headed_by_the_year_alone() -> None:
    text = (
        "I. MỤC TIÊU\n"
        "- 100% giáo viên đạt chuẩn theo quy định của Luật Giáo dục năm 2019.\n"
        "STT\tChỉ tiêu\tĐơn vị tính\t2026\t2028\t2030\n"
        "1\tTỷ lệ huy động trẻ em mẫu giáo ra lớp\t%\t88\t92\t95\n"
    )
    got = extract_targets(parse(text), period_end=2030)
    assert [(t["ref"], t["min"], t["by_year"]) for t in got] == [
        ("I", 100, 2030),
        ("I.1", 88, 2026),
        ("I.1", 92, 2028),
        ("I.1", 95, 2030),
    ]


def test_a_part_of_a_share_is_measured_as_the_whole() -> None:
    text = (
        "I. MỤC TIÊU\n"
        "- Tỷ lệ lao động qua đào tạo đạt 75%, trong đó có bằng cấp, chứng chỉ đạt 35%.\n"
    )
    assert [t["indicator"] for t in extract_targets(parse(text), period_end=2026)] == [
        "people_trained",
        "people_trained",
    ]


def test_indicator_tables_of_other_headers() -> None:
    # a schedule ("Lộ trình thực hiện") over years is no column of what was done
    text = (
        "I. MỤC TIÊU\n"
        "| TT | Chỉ tiêu | Đơn vị tính | Lộ trình thực hiện | |\n"
        "|---|---|---|---|---|\n"
        "| | | | Năm 2024 | Năm 2025 |\n"
        "| 1 | Tỷ lệ bệnh viện triển khai bệnh án điện tử | % | 50 | 100 |\n"
    )
    got = extract_targets(parse(text), period_end=2030)
    assert [(t["min"], t["by_year"]) for t in got] == [(50, 2024), (100, 2025)]
    # "Tên chỉ số", "Giá trị mục tiêu" and the year it is due in a column of its own
    text = (
        "I. MỤC TIÊU\n"
        "| STT | Tên chỉ số | Đơn vị đo | Giá trị mục tiêu | Năm đạt |\n"
        "|---|---|---|---|---|\n"
        "| 1 | Tỷ lệ người dân có hồ sơ sức khỏe điện tử | % | 90 | 2025 |\n"
    )
    got = extract_targets(parse(text), period_end=2030)
    assert [(t["min"], t["by_year"]) for t in got] == [(90, 2025)]


def test_a_table_header_on_two_rows() -> None:
    text = (
        "I. MỤC TIÊU\n"
        "| TT | Chỉ tiêu | Đơn vị tính | Mục tiêu | |\n"
        "|---|---|---|---|---|\n"
        "| | | | Năm 2027 | Năm 2030 |\n"
        "| 1 | Tỷ lệ thất nghiệp khu vực thành thị | % | < 3 | < 2,5 |\n"
    )
    got = extract_targets(parse(text), period_end=2030)
    assert [(t["ref"], t["max"], t["by_year"]) for t in got] == [
        ("I.1", 3, 2027),
        ("I.1", 2.5, 2030),
    ]


def test_expected_results_norms_per_hectare_and_sizes() -> None:
    text = (
        "II. KẾT QUẢ DỰ KIẾN\n"
        "Hình thành 02 vùng nguyên liệu gỗ lớn gắn với nhà máy chế biến.\n"
        "III. NHIỆM VỤ, GIẢI PHÁP\n"
        "1. Phát triển rừng: mật độ trồng tối thiểu 1.100 cây/ha.\n"
        "2. Thiết kế mẫu nhà ở xã hội\n"
        "Sản phẩm: 05 thiết kế mẫu; diện tích căn hộ từ 25 m2 đến 70 m2.\n"
    )
    got = extract_targets(parse(text), period_end=2030)
    assert [(t["ref"], t["min"], t["unit"]) for t in got] == [
        ("II", 2, "vùng nguyên liệu"),
        ("III.2", 5, "thiết kế mẫu"),
    ]


def test_counts_a_task_makes_or_trains() -> None:
    text = (
        "III. NHIỆM VỤ\n"
        "1. Cục Lưu trữ chủ trì số hóa khoảng 15 triệu trang tài liệu, trong đó năm 2026 số "
        "hóa 4 triệu trang.\n"
        "2. Tổ chức 04 lớp tập huấn nghiệp vụ cho khoảng 200 công chức, viên chức.\n"
        "3. Chủ đầu tư gửi Sở Công Thương, Ủy ban nhân dân cấp xã 01 bản để theo dõi.\n"
        "4. Thuyền viên: 100% thuyền trưởng được bồi dưỡng pháp luật về khai thác thủy sản.\n"
    )
    got = extract_targets(parse(text), period_end=2028)
    assert [(t["ref"], t["indicator"], t["min"], t["by_year"]) for t in got] == [
        ("III.1", "other", 15, 2028),
        ("III.1", "other", 4, 2026),
        ("III.2", "people_trained", 200, 2028),
        ("III.4", "people_trained", 100, 2028),
    ]


def test_copies_and_where_a_count_is_are_not_outcomes() -> None:
    text = (
        "II. CHỈ TIÊU\n"
        "- Năm 2026: số hóa 30% tài liệu lưu trữ;\n"
        "- Tài liệu được sao lưu tối thiểu 02 bản tại 02 địa điểm khác nhau.\n"
    )
    assert [t["min"] for t in extract_targets(parse(text), period_end=2028)] == [30]


# --- documents of other domains and forms, annotated by hand -------------------------------
# tests/data/targets/README.md: short documents written for these tests, each with the
# targets it states (ref, indicator, comparator, min, max, unit, by_year, per_year) beside
# quantities that are not targets.

TARGET_DOCS = ROOT / "tests" / "data" / "targets"
N = None
DOC_TARGETS: dict[str, list[tuple[object, ...]]] = {
    "t01_thanhhoa-kh-2026-y-te-co-so.txt": [
        ("II.2.a", "other", "at_least", 95, N, "%", 2027, False),
        ("II.2.a", "other", "more_than", 95, N, "%", 2027, False),
        ("II.2.b", "other", "exact", 100, 100, "%", 2030, False),
        ("II.2.b", "other", "range", 90, 95, "%", 2030, False),
        ("II.2.b", "other", "at_most", N, 30, "/100.000 trẻ đẻ sống", 2030, False),
        ("II.2.b", "other", "exact", 10, 10, "%", 2030, False),
        ("II.2.b", "other", "exact", 32, 32, "giường bệnh/vạn dân", 2030, False),
        ("III.1", "people_trained", "at_least", 500, N, "lượt cán bộ", 2030, True),
        ("III.2", "other", "range", 3, 5, "mô hình", 2028, False),
        ("III.3", "other", "exact", 100, 100, "%", 2026, False),
        ("V.3", "other", "exact", 100, 100, "%", 2028, False),
    ],
    "t02_phutho-qd-2025-de-an-chuyen-doi-so.txt": [
        ("I.1", "other", "at_most", N, 15, "tỉnh, thành phố", 2030, False),
        ("I.2.1", "other", "exact", 50, 50, "%", 2026, False),
        ("I.2.1", "other", "exact", 60, 60, "%", 2027, False),
        ("I.2.1", "other", "exact", 70, 70, "%", 2028, False),
        ("I.2.1", "other", "at_least", 80, N, "%", 2030, False),
        ("I.2.2", "other", "exact", 70, 70, "%", 2026, False),
        ("I.2.2", "other", "exact", 80, 80, "%", 2027, False),
        ("I.2.2", "other", "exact", 85, 85, "%", 2028, False),
        ("I.2.2", "other", "exact", 90, 90, "%", 2030, False),
        ("I.2.3", "other", "exact", 12, 12, "%", 2026, False),
        ("I.2.3", "other", "exact", 14, 14, "%", 2027, False),
        ("I.2.3", "other", "exact", 16, 16, "%", 2028, False),
        ("I.2.3", "other", "exact", 20, 20, "%", 2030, False),
        ("I.2.4", "other", "exact", 450, 450, "Doanh nghiệp", 2026, False),
        ("I.2.4", "other", "exact", 500, 500, "Doanh nghiệp", 2027, False),
        ("I.2.4", "other", "exact", 550, 550, "Doanh nghiệp", 2028, False),
        ("I.2.4", "other", "exact", 650, 650, "Doanh nghiệp", 2030, False),
        ("I.2.5", "other", "exact", 85, 85, "%", 2026, False),
        ("I.2.5", "other", "exact", 90, 90, "%", 2027, False),
        ("I.2.5", "other", "exact", 95, 95, "%", 2028, False),
        ("I.2.5", "other", "exact", 100, 100, "%", 2030, False),
        ("I.3", "other", "about", 30, 30, "%", 2035, False),
        ("I.3", "other", "exact", 100, 100, "%", 2035, False),
        ("II.1", "other", "exact", 100, 100, "%", 2026, False),
        ("II.1", "other", "at_least", 1, N, "%", 2030, True),
        ("II.2", "people_trained", "exact", 100, 100, "%", 2030, False),
        ("II.2", "other", "at_least", 1, N, "tổ công nghệ số", 2030, False),
    ],
    "t03_hcm-ct-2025-nam-hoc.txt": [
        ("1.a", "other", "exact", 1500, 1500, "phòng học", 2026, False),
        ("1.b", "other", "exact", 100, 100, "%", 2026, False),
        ("1.b", "other", "at_least", 35, N, "%", 2026, False),
        ("1.d", "other", "exact", 100, 100, "%", 2030, False),
        ("1.d", "other", "at_least", 30, N, "%", 2030, False),
        ("3.b", "other", "more_than", 98, N, "%", 2026, False),
    ],
    "t04_byt-tt-2026-benh-an-dien-tu.txt": [
        ("Đ3.1", "other", "exact", 100, 100, "%", 2026, False),
        ("Đ3.2", "other", "exact", 100, 100, "%", 2028, False),
    ],
    "t05_quangtri-bc-2025-bao-hiem-xa-hoi.txt": [
        ("II.1", "other", "exact", 45, 45, "%", 2026, False),
        ("II.1", "other", "exact", 8, 8, "%", 2026, False),
        ("II.1", "other", "more_than", 95, N, "%", 2026, False),
        ("II.1", "other", "at_least", 3000, N, "người", 2026, False),
        ("II.2.1", "other", "exact", 124000, 124000, "Người", 2026, False),
        ("II.2.2", "other", "exact", 27500, 27500, "Người", 2026, False),
        ("II.2.3", "other", "at_most", N, 1.8, "%", 2026, False),
        ("II.3", "other", "at_most", N, 15, "doanh nghiệp", 2026, False),
    ],
    "t06_lamdong-nq-hdnd-2025-du-lich.txt": [
        ("Đ1.2.a", "other", "exact", 8, 8, "%", 2030, True),
        ("Đ1.2.a", "other", "about", 25, 25, "triệu lượt khách", 2030, False),
        ("Đ1.2.a", "other", "more_than", 2.5, N, "triệu lượt", 2030, False),
        ("Đ1.2.b", "other", "exact", 120000, 120000, "tỷ đồng", 2030, False),
        ("Đ1.2.b", "other", "range", 12, 13, "%", 2030, False),
        ("Đ1.2.c", "other", "more_than", 1000, N, "lao động", 2030, True),
        ("Đ1.2.c", "people_trained", "exact", 75, 75, "%", 2030, False),
        ("Đ1.2.d", "other", "at_least", 5, N, "khu du lịch", 2030, False),
        ("Đ1.2.d", "other", "range", 3, 5, "sản phẩm du lịch", 2030, False),
        ("Đ2.2", "people_trained", "about", 2000, 2000, "lượt lao động", 2030, True),
    ],
    "t07_bvhttdl-kh-2025-van-hoa.txt": [
        ("I", "other", "exact", 95, 95, "%", 2026, False),
        ("I", "other", "at_least", 30, N, "%", 2026, False),
        ("I", "other", "range", 60, 65, "%", 2026, False),
        ("PL.1", "other", "exact", 1200, 1200, "hồ sơ di tích", 2026, False),
        ("PL.2", "other", "exact", 2, 2, "ngày hội", 2026, False),
        ("PL.3", "people_trained", "at_least", 800, N, "lượt học viên", 2026, False),
        ("PL.4", "other", "exact", 50, 50, "nhà văn hóa", 2026, False),
    ],
    "t08_angiang-kh-2025-chat-thai-nhua.txt": [
        ("II.1", "other", "exact", 95, 95, "%", 2030, False),
        ("II.1", "other", "exact", 85, 85, "%", 2026, False),
        ("II.1", "other", "exact", 90, 90, "%", 2028, False),
        ("II.1", "other", "exact", 50, 50, "%", 2030, False),
        ("II.1", "other", "exact", 100, 100, "%", 2030, False),
        ("II.1", "other", "range", 60, 70, "%", 2030, False),
        ("II.1", "other", "range", 5, 7, "%", 2030, True),
        ("II.2", "other", "at_least", 30, N, "%", 2035, False),
        ("III.2", "other", "at_least", 1, N, "mô hình", 2027, False),
        ("III.2", "other", "range", 3, 5, "mô hình", 2027, True),
        ("III.3", "other", "exact", 2, 2, "nhà máy", 2029, False),
    ],
    "t09_bacninh-kh-2026-cai-cach-hanh-chinh.txt": [
        ("I.2.a", "other", "exact", 100, 100, "%", 2026, False),
        ("I.2.a", "other", "exact", 100, 100, "%", 2026, False),
        ("I.2.b", "other", "at_least", 30, N, "%", 2026, False),
        ("I.2.b", "other", "at_least", 80, N, "%", 2026, False),
        ("I.2.b", "other", "at_most", N, 1, "%", 2026, False),
        ("I.2.b", "other", "at_least", 90, N, "%", 2026, False),
        ("I.2.c", "other", "at_least", 5, N, "%", 2026, False),
        ("I.2.c", "people_trained", "exact", 100, 100, "%", 2026, False),
        ("I.2.d", "other", "at_most", N, 10, "tỉnh, thành phố", 2026, False),
        ("I.2.d", "other", "more_than", 85, N, "%", 2026, False),
        ("II.1", "other", "at_least", 20, N, "%", 2026, False),
        ("II.1", "other", "at_least", 30, N, "%", 2026, False),
    ],
    "t10_bgddt-qd-2025-mam-non-vung-kho-khan.txt": [
        ("I", "other", "exact", 95, 95, "%", 2030, False),
        ("I", "other", "exact", 99.5, 99.5, "%", 2030, False),
        ("I", "other", "at_least", 85, N, "%", 2030, False),
        ("I", "other", "exact", 90, 90, "%", 2030, False),
        ("I", "other", "exact", 100, 100, "%", 2030, False),
        ("I.1", "other", "exact", 88, 88, "%", 2026, False),
        ("I.1", "other", "exact", 90, 90, "%", 2027, False),
        ("I.1", "other", "exact", 92, 92, "%", 2028, False),
        ("I.1", "other", "exact", 93, 93, "%", 2029, False),
        ("I.1", "other", "exact", 95, 95, "%", 2030, False),
        ("I.2", "other", "exact", 40, 40, "Trường", 2026, False),
        ("I.2", "other", "exact", 45, 45, "Trường", 2027, False),
        ("I.2", "other", "exact", 50, 50, "Trường", 2028, False),
        ("I.2", "other", "exact", 55, 55, "Trường", 2029, False),
        ("I.2", "other", "exact", 60, 60, "Trường", 2030, False),
        ("II.2", "people_trained", "about", 5000, 5000, "lượt giáo viên", 2030, True),
    ],
    "t11_gialai-kh-2026-an-ninh-trat-tu.txt": [
        ("II.1", "other", "at_least", 5, N, "%", 2026, False),
        ("II.1", "other", "more_than", 80, N, "%", 2026, False),
        ("II.1", "other", "more_than", 95, N, "%", 2026, False),
        ("II.2", "other", "exact", 100, 100, "%", 2026, False),
        ("II.2", "other", "more_than", 90, N, "%", 2026, False),
        ("II.3", "other", "range", 5, 10, "%", 2026, False),
        ("II.4", "other", "at_least", 500, N, "khẩu súng", 2026, False),
        ("II.4", "other", "more_than", 100, N, "kg", 2026, False),
        ("III.2", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t12_dongthap-ctr-2025-nong-nghiep-ocop.txt": [
        ("I.1.a", "other", "range", 3.5, 4, "%", 2030, True),
        ("I.1.b", "other", "exact", 150000, 150000, "ha", 2030, False),
        ("I.1.b", "other", "more_than", 60000, N, "ha", 2030, False),
        ("I.1.c", "other", "at_least", 20, N, "sản phẩm", 2030, True),
        ("I.1.c", "other", "exact", 5, 5, "sản phẩm", 2030, False),
        ("I.1.d", "other", "exact", 80, 80, "%", 2030, False),
        ("I.1.d", "other", "exact", 1.5, 1.5, "lần", 2030, False),
        ("II.3", "other", "exact", 50, 50, "hợp tác xã", 2028, False),
    ],
    "t13_hanoi-syt-kh-2026-phong-chong-dich.txt": [
        ("II.2.1", "other", "exact", 10, 10, "%", 2026, False),
        ("II.2.2", "other", "at_most", N, 0.05, "%", 2026, False),
        ("II.2.3", "other", "exact", 100, 100, "%", 2026, False),
        ("II.2.4", "other", "at_least", 95, N, "%", 2026, False),
        ("II.2.5", "other", "exact", 2, 2, "Chiến dịch/năm", 2026, True),
        ("III.1", "other", "exact", 100, 100, "%", 2026, False),
        ("III.3", "other", "about", 150000, 150000, "trẻ", 2026, False),
    ],
    "t14_danang-qd-2025-chuong-trinh-nha-o.txt": [
        ("Đ1.1.a", "other", "exact", 32, 32, "m2 sàn/người", 2030, False),
        ("Đ1.1.a", "other", "exact", 35, 35, "m2 sàn/người", 2030, False),
        ("Đ1.1.a", "other", "exact", 28, 28, "m2 sàn/người", 2030, False),
        ("Đ1.1.b", "other", "about", 6.5, 6.5, "triệu m2 sàn", 2030, False),
        ("Đ1.1.b", "other", "about", 52000, 52000, "căn nhà ở", 2030, False),
        ("Đ1.1.b", "other", "about", 12000, 12000, "căn", 2030, False),
        ("Đ1.1.c", "other", "more_than", 90, N, "%", 2030, False),
        ("Đ1.2", "other", "about", 35, 35, "m2 sàn/người", 2035, False),
        ("Đ1.3.c", "other", "about", 1500, 1500, "hộ", 2028, False),
    ],
    "t15_bca-kh-2026-de-an-06-cong-bao.txt": [
        ("I.1", "other", "exact", 100, 100, "%", 2026, False),
        ("I.2", "other", "at_least", 60, N, "Triệu tài khoản", 2026, False),
        ("I.3", "other", "at_least", 30, N, "Loại", 2026, False),
        ("I.4", "other", "at_least", 80, N, "%", 2026, False),
        ("II.1", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t16_hungyen-bc-2025-nong-thon-moi.txt": [
        ("II.1", "other", "exact", 15, 15, "xã", 2026, False),
        ("II.1", "other", "exact", 5, 5, "xã", 2026, False),
        ("II.1", "other", "exact", 85, 85, "triệu đồng", 2026, True),
        ("II.1", "other", "more_than", 60, N, "%", 2026, False),
    ],
    "t17_ninhbinh-nq-hdnd-2025-kt-xh-2026.txt": [
        ("Đ1.2.a", "other", "at_least", 10, N, "%", 2026, False),
        ("Đ1.2.a", "other", "exact", 135, 135, "triệu đồng", 2026, False),
        ("Đ1.2.a", "other", "exact", 52000, 52000, "tỷ đồng", 2026, False),
        ("Đ1.2.a", "other", "exact", 12, 12, "%", 2026, False),
        ("Đ1.2.b", "other", "exact", 0.5, 0.5, "%", 2026, False),
        ("Đ1.2.b", "people_trained", "exact", 75, 75, "%", 2026, False),
        ("Đ1.2.b", "people_trained", "exact", 35, 35, "%", 2026, False),
        ("Đ1.2.b", "other", "exact", 95.5, 95.5, "%", 2026, False),
        ("Đ1.2.b", "other", "exact", 14, 14, "bác sĩ", 2026, False),
        ("Đ1.2.c", "other", "exact", 100, 100, "%", 2026, False),
        ("Đ1.2.c", "other", "exact", 14.5, 14.5, "%", 2026, False),
        ("Đ2.1", "other", "more_than", 95, N, "%", 2026, False),
    ],
    "t18_cp-nq-2026-kt-xh-cong-bao.txt": [
        ("I.2.a", "other", "at_least", 10, N, "%", 2026, False),
        ("I.2.a", "other", "range", 5400, 5500, "USD", 2026, False),
        ("I.2.a", "other", "about", 4.5, 4.5, "%", 2026, True),
        ("I.2.a", "labor_productivity_growth", "about", 8.5, 8.5, "%", 2026, True),
        ("I.2.a", "other", "at_most", N, 4.2, "%", 2026, False),
        ("I.2.b", "other", "at_most", N, 4, "%", 2026, False),
        ("I.2.b", "other", "range", 1, 1.5, "%", 2026, False),
        ("I.2.b", "other", "about", 15, 15, "bác sĩ", 2026, False),
        ("I.2.b", "other", "exact", 95.2, 95.2, "%", 2026, False),
        ("I.2.c", "other", "exact", 95, 95, "%", 2026, False),
        ("II.1", "other", "about", 15, 15, "%", 2026, False),
        ("II.2", "other", "more_than", 95, N, "%", 2026, False),
    ],
    "t19_tinhuy-kh-2025-nq57.txt": [
        ("II.1", "other", "exact", 25, 25, "%", 2030, False),
        ("II.1", "other", "more_than", 40, N, "%", 2030, False),
        ("II.1", "other", "at_least", 3, N, "%", 2030, True),
        ("II.1", "other", "at_most", N, 20, "tỉnh, thành phố", 2030, False),
        ("II.1", "other", "range", 3, 5, "sản phẩm", 2030, False),
        ("II.2", "other", "at_least", 50, N, "%", 2045, False),
        ("III.1", "other", "exact", 100, 100, "%", 2025, False),
        ("III.2", "other", "at_least", 10, N, "%", 2030, False),
        ("III.3", "other", "at_least", 200, N, "kỹ sư", 2030, False),
    ],
    "t20_tayninh-qd-2025-chi-tieu-moi-truong.txt": [
        ("I.1", "other", "exact", 13, 13, "%", 2026, False),
        ("I.2", "other", "more_than", 75, N, "%", 2026, False),
        ("I.3", "other", "exact", 2, 2, "khu", 2026, False),
        ("I.4", "other", "exact", 100, 100, "%", 2026, False),
        ("I.5", "other", "at_least", 150, N, "ha", 2026, False),
        ("II.1", "other", "at_least", 500, N, "giếng khoan", 2026, False),
        ("II.2", "other", "at_least", 120, N, "cơ sở", 2026, False),
    ],
    "t21_hcm-sct-ctr-2026-thuong-mai-dien-tu.txt": [
        ("I.1", "other", "range", 20, 25, "%", 2026, False),
        ("I.2", "other", "exact", 60, 60, "tỷ USD", 2026, False),
        ("I.3", "enterprises_supported", "at_least", 500, N, "doanh nghiệp", 2026, False),
        ("I.4", "people_trained", "about", 2000, 2000, "lượt học viên", 2026, False),
        ("II.3", "other", "at_least", 3, N, "trung tâm", 2026, False),
    ],
    "t22_vungtau-phuong-kh-2026-ve-sinh-moi-truong.txt": [
        ("I", "other", "exact", 100, 100, "%", 2026, False),
        ("I", "other", "at_least", 80, N, "%", 2026, False),
        ("I", "other", "exact", 100, 100, "%", 2026, False),
        ("I", "other", "exact", 12, 12, "điểm", 2026, False),
        ("II.2", "other", "exact", 2000, 2000, "cây xanh", 2026, False),
    ],
    "t23_laocai-kh-2026-lam-nghiep.txt": [
        ("I.2", "other", "exact", 5000, 5000, "ha", 2028, True),
        ("I.2", "other", "exact", 60, 60, "%", 2028, False),
        ("I.2", "other", "exact", 61, 61, "%", 2030, False),
        ("I.2", "other", "more_than", 20000, N, "ha", 2030, False),
        ("I.2", "other", "range", 6, 7, "%", 2030, True),
        ("II", "other", "exact", 2, 2, "vùng nguyên liệu", 2030, False),
        ("II", "other", "about", 15000, 15000, "lao động", 2030, False),
        ("III.1", "other", "exact", 100, 100, "%", 2030, False),
        ("III.3", "other", "exact", 100, 100, "%", 2030, True),
    ],
    "t24_thainguyen-kh-2026-giao-duc-nghe-nghiep.txt": [
        ("I.1.1", "people_trained", "exact", 72, 72, "%", 2027, False),
        ("I.1.1", "people_trained", "exact", 75, 75, "%", 2030, False),
        ("I.1.2", "other", "exact", 20000, 20000, "Lao động/năm", 2027, True),
        ("I.1.2", "other", "exact", 22000, 22000, "Lao động/năm", 2030, True),
        ("I.1.3", "other", "at_most", N, 3, "%", 2027, False),
        ("I.1.3", "other", "at_most", N, 2.5, "%", 2030, False),
        ("I.1.4", "other", "exact", 2500, 2500, "Người", 2027, False),
        ("I.1.4", "other", "exact", 3000, 3000, "Người", 2030, False),
        ("I.2", "training_institutions", "at_most", N, 15, "cơ sở giáo dục nghề nghiệp", 2030,
         False),
        ("I.2", "training_institutions", "at_least", 2, N, "trường cao đẳng", 2030, False),
        ("II.2", "people_trained", "about", 8000, 8000, "lao động", 2030, True),
    ],
    "t25_bxd-qd-2026-ctr-hanh-dong-nha-o-xa-hoi.txt": [
        ("I", "other", "at_least", 1000000, N, "căn hộ", 2030, False),
        ("I", "other", "about", 150000, 150000, "căn", 2026, False),
        ("II.1", "other", "at_least", 30, N, "%", 2026, False),
        ("II.2", "other", "exact", 5, 5, "thiết kế mẫu", 2026, False),
        ("II.3", "other", "at_least", 20, N, "tỉnh, thành phố", 2027, False),
        ("II.4", "other", "exact", 100, 100, "%", 2030, False),
    ],
    "t26_camau-kh-2026-kinh-te-bien.txt": [
        ("I.1.a", "other", "exact", 650000, 650000, "tấn", 2028, False),
        ("I.1.a", "other", "more_than", 60, N, "%", 2028, False),
        ("I.1.b", "other", "at_least", 1.5, N, "tỷ USD", 2028, False),
        ("I.2.a", "other", "exact", 5000, 5000, "ha", 2030, False),
        ("I.2.b", "other", "exact", 100, 100, "%", 2030, False),
        ("I.2.c", "other", "exact", 30, 30, "%", 2030, False),
        ("II.1", "other", "exact", 3, 3, "vùng nuôi", 2027, False),
        ("II.3", "people_trained", "more_than", 3000, N, "lượt nông dân", 2030, True),
        ("II.3", "people_trained", "exact", 100, 100, "%", 2030, False),
    ],
    "t27_bnv-kh-2026-chuyen-doi-so-luu-tru.txt": [
        ("II", "other", "exact", 30, 30, "%", 2026, False),
        ("II", "other", "exact", 70, 70, "%", 2027, False),
        ("II", "other", "exact", 100, 100, "%", 2028, False),
        ("III.1", "other", "about", 15, 15, "triệu trang", 2028, False),
        ("III.1", "other", "exact", 4, 4, "triệu trang", 2026, False),
        ("III.3", "people_trained", "about", 200, 200, "công chức", 2028, False),
    ],
    "t28_byt-kh-2026-tiem-chung-mo-rong.txt": [
        ("II.2.a", "other", "at_least", 95, N, "%", 2026, False),
        ("II.2.b", "other", "more_than", 90, N, "%", 2026, False),
        ("II.2.c", "other", "exact", 10, 10, "%", 2026, False),
        ("II.2.d", "other", "exact", 100, 100, "%", 2026, False),
        ("III.1", "other", "about", 12, 12, "triệu liều", 2026, False),
        ("III.3", "people_trained", "exact", 100, 100, "%", 2026, False),
    ],
    "t29_quangngai-kh-2026-giam-ngheo-ben-vung.txt": [
        ("II.2", "other", "range", 1, 1.5, "%", 2030, True),
        ("II.2", "other", "range", 3, 4, "%", 2030, True),
        ("II.2", "other", "at_least", 1.5, N, "lần", 2030, False),
        ("II.2", "other", "exact", 100, 100, "%", 2030, False),
        ("II.2", "other", "about", 1200, 1200, "hộ", 2030, True),
        ("II.2", "other", "exact", 15, 15, "xã", 2028, False),
        ("III.2", "people_trained", "about", 3000, 3000, "lao động", 2030, True),
    ],
    "t30_ttg-qd-2026-chuyen-doi-so-giao-duc-cong-bao.txt": [
        ("Đ1.1.b", "other", "exact", 100, 100, "%", 2030, False),
        ("Đ1.1.b", "people_trained", "at_least", 90, N, "%", 2030, False),
        ("Đ1.1.b", "other", "exact", 50, 50, "%", 2030, False),
        ("Đ1.1.b", "other", "at_least", 1, N, "chương trình", 2030, False),
        ("Đ1.1.c", "other", "exact", 100, 100, "%", 2035, False),
        ("Đ1.2.b", "other", "exact", 1, 1, "nền tảng", 2027, False),
    ],
    "t31_hanoi-kh-2026-cai-cach-hanh-chinh.txt": [
        ("I.1", "other", "at_most", N, 5, "tỉnh, thành phố", 2026, False),
        ("II.1", "other", "at_least", 99, N, "%", 2026, False),
        ("II.2", "other", "exact", 80, 80, "%", 2026, False),
        ("II.3", "other", "at_least", 70, N, "%", 2026, False),
        ("II.4", "other", "more_than", 90, N, "%", 2026, False),
        ("II.5", "other", "exact", 150, 150, "Thủ tục", 2026, False),
        ("III.1", "other", "at_least", 20, N, "%", 2026, False),
        ("III.1", "other", "exact", 100, 100, "%", 2026, False),
        ("III.2", "other", "at_least", 5, N, "%", 2026, False),
    ],
    "t32_sonla-nq-hdnd-2025-cay-an-qua.txt": [
        ("Đ2", "other", "exact", 85000, 85000, "ha", 2030, False),
        ("Đ2", "other", "more_than", 40, N, "%", 2030, False),
        ("Đ2", "other", "exact", 120, 120, "triệu đồng", 2030, False),
        ("Đ2", "other", "exact", 20, 20, "sản phẩm", 2030, False),
    ],
    "t33_nghean-kh-2026-chat-thai-ran.txt": [
        ("I.2.1", "other", "exact", 95, 95, "%", 2026, False),
        ("I.2.1", "other", "exact", 97, 97, "%", 2028, False),
        ("I.2.1", "other", "exact", 100, 100, "%", 2030, False),
        ("I.2.2", "other", "exact", 75, 75, "%", 2026, False),
        ("I.2.2", "other", "exact", 80, 80, "%", 2028, False),
        ("I.2.2", "other", "at_least", 90, N, "%", 2030, False),
        ("I.2.3", "other", "exact", 40, 40, "%", 2026, False),
        ("I.2.3", "other", "exact", 30, 30, "%", 2028, False),
        ("I.2.3", "other", "at_most", N, 20, "%", 2030, False),
        ("I.2", "other", "exact", 10, 10, "%", 2030, False),
        ("I.2", "other", "at_least", 1, N, "mô hình", 2030, False),
        ("II.1", "other", "exact", 2, 2, "khu", 2028, False),
    ],
    "t34_vinhlong-kh-2026-phat-trien-bhxh.txt": [
        ("II.1", "other", "exact", 192000, 192000, "người", 2026, False),
        ("II.1", "other", "exact", 3.5, 3.5, "%", 2026, False),
        ("II.2", "other", "at_least", 5000, N, "người", 2026, False),
        ("II.3", "other", "exact", 95.2, 95.2, "%", 2026, False),
        ("II.4", "other", "at_most", N, 2, "%", 2026, False),
        ("III.3", "other", "at_least", 300, N, "đơn vị", 2026, False),
    ],
    "t35_khanhhoa-ctr-2026-kich-cau-du-lich.txt": [
        ("I.1", "other", "exact", 4.5, 4.5, "triệu lượt khách", 2026, False),
        ("I.1", "other", "about", 1.8, 1.8, "triệu lượt", 2026, False),
        ("I.1", "other", "exact", 500000, 500000, "lượt khách", 2026, False),
        ("I.2", "other", "exact", 52000, 52000, "tỷ đồng", 2026, False),
        ("I.2", "other", "exact", 15, 15, "%", 2026, False),
        ("I.3", "other", "exact", 65, 65, "%", 2026, False),
        ("I.4", "other", "exact", 100, 100, "%", 2026, False),
        ("II.4", "other", "exact", 4, 4, "tuyến", 2026, False),
    ],
    "t36_hatinh-kh-2026-giai-ngan-dau-tu-cong.txt": [
        ("I.1", "other", "more_than", 95, N, "%", 2026, False),
        ("I.1", "other", "at_least", 60, N, "%", 2026, False),
        ("I.1", "other", "at_least", 85, N, "%", 2026, False),
        ("I.2", "other", "exact", 100, 100, "%", 2026, False),
        ("II.3", "other", "exact", 12, 12, "dự án", 2026, False),
    ],
    "t37_bacninh-sgddt-kh-2026-nam-hoc.txt": [
        ("II.1", "other", "exact", 99.5, 99.5, "%", 2027, False),
        ("II.2", "other", "at_least", 99, N, "%", 2027, False),
        ("II.3", "other", "exact", 15, 15, "trường", 2027, False),
        ("II.3", "other", "exact", 520, 520, "trường", 2027, False),
        ("II.4", "other", "at_least", 40, N, "học sinh", 2027, False),
        ("III.1", "other", "exact", 350, 350, "giáo viên", 2027, False),
        ("III.1", "people_trained", "exact", 100, 100, "%", 2027, False),
        ("III.3", "other", "exact", 120, 120, "phòng học", 2027, False),
    ],
    "t38_ttg-ct-2026-an-toan-thuc-pham.txt": [
        ("1.b", "other", "exact", 15, 15, "%", 2027, False),
        ("2.a", "other", "exact", 100, 100, "%", 2026, False),
        ("4.a", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t39_bnv-kh-2026-chuyen-doi-so-bang-nhiem-vu.txt": [
        ("I.1", "other", "exact", 100, 100, "%", 2028, False),
        ("I.2", "other", "at_least", 85, N, "%", 2028, False),
        ("I.2", "other", "exact", 70, 70, "%", 2028, False),
        ("I.3", "other", "exact", 63, 63, "tỉnh, thành phố", 2028, False),
        ("PL.1", "other", "exact", 100, 100, "%", 2026, False),
        ("PL.2", "other", "exact", 1, 1, "triệu hồ sơ", 2027, False),
        ("PL.4", "people_trained", "about", 2000, 2000, "lượt công chức", 2028, True),
    ],
    "t40_dongnai-kh-2024-ho-so-suc-khoe-pdf.txt": [
        ("II.1", "other", "exact", 100, 100, "%", 2024, False),
        ("II.1", "other", "at_least", 80, N, "%", 2024, False),
        ("II.2", "other", "exact", 100, 100, "%", 2025, False),
        ("II.2", "other", "more_than", 90, N, "%", 2025, False),
        ("III.1", "other", "exact", 38, 38, "bệnh viện", 2024, False),
    ],
    "t41_bgddt-qd-2024-kh-khoi-nghiep-web.txt": [
        ("I.1", "other", "exact", 100, 100, "%", 2025, False),
        ("I.2", "other", "at_least", 250, N, "dự án", 2025, True),
        ("I.2", "other", "at_least", 20, N, "dự án", 2025, False),
        ("II.1", "people_trained", "about", 1500, 1500, "cán bộ, giảng viên", 2025, False),
        ("II.3", "other", "exact", 10, 10, "mô hình", 2025, False),
    ],
    "t42_ttg-qd-2026-de-an-nong-nghiep-tuan-hoan.txt": [
        ("II.2.a", "other", "more_than", 70, N, "%", 2030, False),
        ("II.2.a", "other", "at_least", 80, N, "%", 2030, False),
        ("II.2.a", "other", "range", 1.5, 2, "%", 2030, True),
        ("II.2.a", "other", "exact", 10, 10, "%", 2030, False),
        ("II.2.a", "other", "at_least", 50, N, "chuỗi liên kết", 2030, False),
        ("II.2.b", "other", "exact", 90, 90, "%", 2035, False),
        ("II.2.b", "other", "exact", 100, 100, "%", 2035, False),
        ("III.2", "other", "exact", 30, 30, "mô hình", 2035, False),
        ("III.3", "people_trained", "exact", 10000, 10000, "lượt nông dân", 2035, False),
    ],
    "t43_haiphong-ct-2024-giai-ngan-von.txt": [
        ("1.a", "other", "more_than", 40, N, "%", 2024, False),
        ("1.a", "other", "more_than", 70, N, "%", 2024, False),
        ("1.a", "other", "exact", 100, 100, "%", 2025, False),
        ("2", "other", "exact", 100, 100, "%", 2024, False),
    ],
    "t44_quangtri-bc-syt-du-thao-2026-so-ket-ct25.txt": [
        ("II.1", "other", "exact", 100, 100, "%", 2030, False),
        ("II.1", "other", "exact", 100, 100, "%", 2030, False),
        ("II.2", "other", "exact", 15, 15, "bác sĩ/vạn dân", 2030, False),
        ("II.3", "other", "exact", 17, 17, "trạm y tế", 2030, False),
    ],
    "t45_lamdong-kh-2026-ma-so-vung-trong-cong-bao.txt": [
        ("I.1", "other", "at_least", 150, N, "mã số vùng trồng", 2027, False),
        ("I.1", "other", "exact", 40, 40, "mã số cơ sở đóng gói", 2027, False),
        ("I.1", "other", "exact", 100, 100, "%", 2027, False),
        ("I.2.1", "other", "at_least", 25000, N, "ha", 2030, False),
        ("I.2.2", "other", "exact", 100, 100, "%", 2030, False),
        ("I.2.3", "other", "at_most", N, 0.5, "%", 2030, False),
        ("II.1", "other", "exact", 100, 100, "%", 2030, True),
        ("II.2", "people_trained", "about", 1000, 1000, "lượt nông dân", 2030, False),
    ],
    "t46_hanoi-qd-2025-quy-che-phoi-hop-ocr.txt": [],
    "t47_daklak-kh-2025-bao-ve-phat-trien-rung-word.txt": [
        ("I.2.1", "other", "exact", 2500, 2500, "ha", 2025, False),
        ("I.2.2", "other", "exact", 39.5, 39.5, "%", 2025, False),
        ("I.2.3", "other", "at_least", 10, N, "%", 2025, False),
        ("I.2", "other", "exact", 20, 20, "%", 2025, False),
        ("I.2", "other", "about", 15000, 15000, "ha", 2025, True),
        ("II.2", "other", "exact", 100, 100, "%", 2025, False),
    ],
    "t48_thanhhoa-kh-2026-chuyen-doi-so-pdf-layout.txt": [
        ("I.2.1", "other", "exact", 12, 12, "%", 2026, False),
        ("I.2.1", "other", "at_least", 15, N, "%", 2028, False),
        ("I.2.2", "other", "exact", 70, 70, "%", 2026, False),
        ("I.2.2", "other", "exact", 90, 90, "%", 2028, False),
        ("I.2.3", "other", "exact", 650, 650, "Doanh nghiệp", 2026, False),
        ("I.2.3", "other", "more_than", 800, N, "Doanh nghiệp", 2028, False),
        ("I.2.4", "other", "at_most", N, 15, "Thứ hạng", 2026, False),
        ("I.2.4", "other", "at_most", N, 10, "Thứ hạng", 2028, False),
        ("I.3", "other", "exact", 100, 100, "%", 2028, False),
        ("I.3", "other", "at_least", 1, N, "tổ công nghệ số", 2028, False),
        ("II.1", "other", "exact", 100, 100, "%", 2026, False),
        ("II.2", "people_trained", "about", 8000, 8000, "lượt cán bộ, công chức", 2028, False),
    ],
    "t49_tuyenquang-kh-2026-suc-khoe-nhan-dan.txt": [
        ("I.2.a", "other", "exact", 12, 12, "‰", 2028, False),
        ("I.2.a", "other", "exact", 100, 100, "%", 2028, True),  # "01 lần/năm"
        ("I.2.b", "other", "exact", 75, 75, "tuổi", 2030, False),
        ("I.2.b", "other", "at_least", 68, N, "năm", 2030, False),
        ("I.2.b", "other", "exact", 167, 167, "cm", 2030, False),
        ("I.2.b", "other", "exact", 156, 156, "cm", 2030, False),
        ("I.2.b", "other", "exact", 35, 35, "giường", 2030, False),
        ("I.2.b.1", "other", "exact", 100, 100, "%", 2030, False),
        ("I.2.b.2", "other", "exact", 19, 19, "Bác sĩ", 2030, False),
        ("I.2.b.3", "other", "more_than", 95, N, "%", 2030, False),
        ("II.1", "other", "exact", 25, 25, "trạm y tế", 2027, False),
    ],
    "t50_gialai-de-an-2026-phat-trien-ca-phe-ben-vung.txt": [
        ("I.2", "other", "about", 100000, 100000, "ha", 2030, False),
        ("I.2", "other", "exact", 3.5, 3.5, "tấn/ha", 2030, False),
        ("I.2", "other", "more_than", 60, N, "%", 2030, False),
        ("I.2", "other", "exact", 25, 25, "%", 2030, False),
        ("I.2", "other", "exact", 15000, 15000, "ha", 2030, False),
        ("II.1", "other", "about", 5, 5, "triệu cây giống", 2030, True),
        ("II.2", "other", "at_least", 3, N, "nhà máy", 2030, False),
    ],
    "t51_vpcp-tb-2026-ket-luan-giai-ngan.txt": [
        ("2.a", "other", "more_than", 60, N, "%", 2026, False),
        ("2.a", "other", "more_than", 95, N, "%", 2026, False),
        ("2.c", "other", "exact", 1000, 1000, "km", 2026, False),
    ],
    "t52_xa-tanphu-kh-2026-nong-thon-moi.txt": [
        ("I.1", "other", "exact", 19, 19, "tiêu chí", 2026, False),
        ("I.1", "other", "exact", 5, 5, "ấp", 2026, False),
        ("I.2", "other", "exact", 75, 75, "triệu đồng", 2026, True),
        ("I.3", "other", "at_most", N, 1, "%", 2026, False),
        ("I.4", "other", "at_least", 95, N, "%", 2026, False),
        ("II.1", "other", "exact", 4.5, 4.5, "km", 2026, False),
        ("II.1", "other", "exact", 120, 120, "bóng đèn", 2026, False),
        ("II.2", "other", "exact", 2000, 2000, "cây xanh", 2026, False),
    ],
    "t53_binhduong-kh-2026-kt-xh-bang-nhom.txt": [
        ("I.A.1", "other", "range", 8, 8.5, "%", 2026, False),
        ("I.A.2", "other", "exact", 75000, 75000, "Tỷ đồng", 2026, False),
        ("I.A.3", "other", "at_least", 95, N, "%", 2026, False),
        ("I.B.4", "people_trained", "exact", 87, 87, "%", 2026, False),
        ("I.B.5", "other", "more_than", 55000, N, "Người", 2026, False),
        ("II.1", "other", "at_most", N, 5, "%", 2026, False),
        ("II.1", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t54_ninhbinh-syt-kh-2026-benh-khong-lay-tab.txt": [
        ("II.1", "other", "at_least", 70, N, "%", 2026, False),
        ("II.2", "other", "at_least", 60, N, "%", 2026, False),
        ("II.4", "people_trained", "about", 300, 300, "lượt nhân viên y tế", 2026, False),
    ],
    "t55_quangbinh-kh-2024-benh-an-dien-tu-lo-trinh.txt": [
        ("I.2.a", "other", "exact", 100, 100, "%", 2024, False),
        ("I.2.b", "other", "exact", 100, 100, "%", 2025, False),
        ("I.2.b", "other", "at_least", 50, N, "%", 2025, False),
        ("I.2.c", "other", "exact", 100, 100, "%", N, False),
        ("II.2", "people_trained", "exact", 100, 100, "%", N, False),
    ],
    "t56_bgddt-kh-2025-noi-dung-chi-tieu.txt": [
        ("II.1", "other", "exact", 100, 100, "%", 2025, False),
        ("II.1", "other", "exact", 95, 95, "%", 2025, False),
        ("II.2", "other", "at_least", 5000, N, "bài giảng điện tử", 2025, False),
        ("II.2", "other", "exact", 2000, 2000, "video bài giảng", 2025, False),
        ("II.3", "people_trained", "about", 10000, 10000, "lượt cán bộ", 2025, False),
    ],
    "t57_ttg-qd-2026-de-an-kinh-te-tuan-hoan-cong-bao.txt": [
        ("Đ1.1.a", "other", "exact", 70, 70, "%", 2030, False),
        ("Đ1.1.b", "other", "at_least", 15, N, "%", 2030, False),
        ("Đ1.1.c", "other", "exact", 30, 30, "%", 2030, False),
        ("Đ1.1.c", "other", "at_least", 10, N, "%", 2030, False),
        ("Đ1.1.d", "other", "exact", 100, 100, "%", 2030, False),
        ("Đ1.3.a", "other", "exact", 20, 20, "mô hình", 2030, False),
        ("Đ1.3.c", "people_trained", "about", 5000, 5000, "lượt cán bộ", 2030, False),
    ],
    "t58_angiang-ct-2026-giai-ngan-ngay-khong-nam.txt": [
        ("1.a", "other", "more_than", 45, N, "%", 2026, False),
        ("1.a", "other", "more_than", 75, N, "%", 2026, False),
        ("1.a", "other", "exact", 100, 100, "%", 2026, False),
        ("2", "other", "exact", 100, 100, "%", 2026, False),
        ("3", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t59_hungyen-kh-2025-vu-dong-xuan.txt": [
        ("II.1", "other", "exact", 75000, 75000, "ha", 2026, False),
        ("II.1", "other", "at_least", 66, N, "tạ/ha", 2026, False),
        ("II.1", "other", "about", 495000, 495000, "tấn", 2026, False),
        ("II.2", "other", "exact", 18000, 18000, "ha", 2026, False),
        ("II.2", "other", "exact", 6000, 6000, "ha", 2026, False),
        ("II.3", "other", "more_than", 40, N, "%", 2026, False),
        ("II.3", "other", "exact", 100, 100, "%", 2026, False),
        ("III.1", "other", "exact", 70, 70, "%", 2026, False),
    ],
    "t60_quangninh-nq-hdnd-2025-kt-xh-2026-ngoac.txt": [
        ("Đ1.2", "other", "at_least", 12, N, "%", 2026, False),
        ("Đ1.2", "other", "more_than", 11000, N, "USD", 2026, False),
        ("Đ1.2", "other", "exact", 60000, 60000, "tỷ đồng", 2026, False),
        ("Đ1.2", "other", "exact", 45000, 45000, "tỷ đồng", 2026, False),
        ("Đ1.2", "other", "exact", 20, 20, "triệu lượt khách", 2026, False),
        ("Đ1.2", "other", "exact", 0.3, 0.3, "%", 2026, False),
        ("Đ1.2", "other", "exact", 96, 96, "%", 2026, False),
        ("Đ1.3", "other", "exact", 5, 5, "công trình", 2026, False),
    ],
    "t61_daklak-snv-kh-2026-chi-so-cai-cach.txt": [
        ("I.1", "other", "at_least", 90, N, "/100 điểm", 2026, False),
        ("I.1", "other", "at_most", N, 5, "sở", 2026, False),
        ("I.2", "other", "more_than", 90, N, "%", 2026, False),
        ("II.1", "other", "at_least", 30, N, "%", 2026, False),
    ],
    "t62_hanoi-kh-2026-chat-luong-khong-khi.txt": [
        ("I.1", "other", "exact", 30, 30, "%", 2030, False),
        ("I.2", "other", "more_than", 80, N, "%", 2030, False),
        ("I.3", "other", "exact", 100, 100, "%", 2030, False),
        ("I.4", "other", "exact", 50, 50, "trạm quan trắc", 2030, False),
        ("II.3", "other", "exact", 1, 1, "triệu cây xanh", 2030, False),
    ],
    "t63_ttg-qd-2026-lo-trinh-bhxh.txt": [
        ("Đ1.1", "other", "exact", 45, 45, "%", 2026, False),
        ("Đ1.1", "other", "exact", 52, 52, "%", 2028, False),
        ("Đ1.1", "other", "exact", 60, 60, "%", 2030, False),
        ("Đ1.2", "other", "exact", 45, 45, "%", 2030, False),
        ("Đ1.3", "other", "about", 60, 60, "%", 2030, False),
    ],
    "t64_nghean-sgddt-kh-2026-pho-cap.txt": [
        ("I.1.1", "other", "exact", 100, 100, "%", 2026, False),
        ("I.1.2", "other", "exact", 35, 35, "%", 2026, False),
        ("I.1.2", "other", "exact", 97, 97, "%", 2026, False),
        ("I.1.2", "other", "exact", 99.8, 99.8, "%", 2026, False),
        ("I.1.3", "other", "exact", 12, 12, "xã", 2026, False),
        ("I.1.4", "other", "exact", 98.5, 98.5, "%", 2026, False),
        ("II.1", "other", "about", 900, 900, "học viên", 2026, False),
        ("II.3", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t65_ninhbinh-nq-hdnd-2026-du-lich-phu-luc.txt": [
        ("PL.1", "other", "exact", 10, 10, "Triệu lượt", 2027, False),
        ("PL.1", "other", "range", 13, 14, "Triệu lượt", 2030, False),
        ("PL.2", "other", "exact", 1.5, 1.5, "Triệu lượt", 2027, False),
        ("PL.2", "other", "at_least", 2.5, N, "Triệu lượt", 2030, False),
        ("PL.3", "other", "exact", 16, 16, "Nghìn tỷ đồng", 2027, False),
        ("PL.3", "other", "exact", 25, 25, "Nghìn tỷ đồng", 2030, False),
        ("PL.4", "other", "exact", 2800, 2800, "Buồng", 2027, False),
        ("PL.4", "other", "more_than", 4000, N, "Buồng", 2030, False),
    ],
    "t66_phuongbaduong-kh-2026-chuyen-doi-so.txt": [
        ("II", "other", "at_least", 70, N, "%", 2026, False),
        ("II", "other", "exact", 100, 100, "%", 2026, False),
        ("II", "other", "at_least", 1, N, "tổ công nghệ số", 2026, False),
        ("II", "other", "exact", 90, 90, "%", 2026, False),
        ("III.1", "people_trained", "at_least", 2000, N, "lượt người dân", 2026, False),
        ("IV", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t67_caobang-kh-2026-giam-ngheo-ocr.txt": [
        ("I.1", "other", "at_least", 4, N, "%", 2026, False),
        ("I.1", "other", "about", 3200, 3200, "hộ", 2026, False),
        ("I.2", "other", "at_least", 1.2, N, "lần", 2026, False),
        ("I.3", "other", "exact", 100, 100, "%", 2026, False),
        ("II.1", "people_trained", "about", 1500, 1500, "lao động", 2026, False),
        ("II.2", "other", "exact", 2100, 2100, "hộ", 2026, False),
        ("II.3", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t68_bnnmt-qd-2026-kh-co-so-du-lieu-phu-luc.txt": [
        ("I", "other", "exact", 12, 12, "cơ sở dữ liệu", 2027, False),
        ("PL.2", "other", "exact", 100, 100, "%", 2027, False),
        ("PL.3", "other", "exact", 1, 1, "cơ sở dữ liệu", 2026, False),
        ("PL.3", "other", "exact", 30000, 30000, "tàu cá", 2026, False),
        ("PL.4", "people_trained", "exact", 400, 400, "lượt học viên", 2027, True),
    ],
    "t69_laichau-kh-2026-dinh-duong-cong-cong.txt": [
        ("II.1", "other", "at_most", N, 25.5, "%", 2026, False),
        ("II.1", "other", "at_most", N, 15, "%", 2026, False),
        ("II.2", "other", "at_least", 95, N, "%", 2026, True),
        ("II.2", "other", "more_than", 80, N, "%", 2026, False),
        ("III.1", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t70_quangtri-tu-ctr-2026-kinh-te-so.txt": [
        ("I.1", "other", "at_least", 20, N, "%", 2030, False),
        ("I.1", "other", "more_than", 30, N, "%", 2030, False),
        ("I.1", "other", "exact", 2, 2, "%", 2030, True),
        ("I.2", "other", "at_most", N, 20, "tỉnh, thành phố", 2045, False),
        ("II.1", "other", "exact", 100, 100, "%", 2026, False),
        ("II.2", "people_trained", "at_least", 500, N, "lượt cán bộ", 2030, True),
    ],
    "t71_haiphong-kh-2026-chi-tieu-trong-nhiem-vu.txt": [
        ("II.1", "other", "exact", 80, 80, "%", 2026, False),
        ("II.1", "other", "exact", 100, 100, "%", 2027, False),
        ("II.2", "other", "at_least", 70, N, "%", 2026, False),
        ("II.3", "other", "exact", 100, 100, "%", 2027, False),
    ],
    "t72_bacninh-qd-2026-the-thao-web-nbsp.txt": [
        ("Đ1.1", "other", "exact", 42, 42, "%", 2030, False),
        ("Đ1.1", "other", "exact", 30, 30, "%", 2030, False),
        ("Đ1.1", "other", "exact", 100, 100, "%", 2030, False),
        ("Đ1.2", "other", "exact", 25, 25, "nhà văn hóa", 2030, False),
    ],
    "t73_thanhhoa-qd-2026-giao-chi-tieu-bang.txt": [
        ("Đ1.1", "other", "exact", 3480000, 3480000, "Người", 2026, False),
        ("Đ1.2", "other", "exact", 95.1, 95.1, "%", 2026, False),
        ("Đ1.3", "other", "at_least", 15000, N, "Người", 2026, False),
    ],
    "t74_sotc-bc-2026-sau-thang-dau-nam.txt": [
        ("II.1", "other", "more_than", 70, N, "%", 2026, False),
        ("II.1", "other", "exact", 100, 100, "%", 2027, False),
        ("II.2", "other", "exact", 100, 100, "%", 2026, False),
        ("II.2", "other", "at_least", 90, N, "%", 2026, False),
        ("II.2", "other", "exact", 50, 50, "%", 2026, False),
    ],
    "t75_tuyenquang-kh-2026-du-lich-cong-dong-inline.txt": [
        ("I.2", "other", "exact", 15, 15, "làng du lịch", 2028, False),
        ("I.2", "other", "exact", 1.2, 1.2, "triệu lượt khách", 2028, False),
        ("I.2", "people_trained", "exact", 80, 80, "%", 2028, False),
        ("I.3", "other", "about", 600, 600, "tỷ đồng", 2028, False),
        ("II.2", "other", "exact", 5, 5, "tuyến du lịch", 2028, False),
    ],
    "t76_bacninh-qd-2026-quy-dinh-lang-nghe.txt": [
        ("Đ3.1", "other", "exact", 100, 100, "%", 2027, False),
        ("Đ3.2", "other", "at_least", 30, N, "cơ sở", 2030, False),
    ],
    "t77_lamdong-kh-2026-ocop-hang-sao.txt": [
        ("I.1", "other", "at_least", 60, N, "sản phẩm", 2026, False),
        ("I.2", "other", "exact", 10, 10, "sản phẩm", 2026, False),
        ("I.3", "other", "exact", 100, 100, "%", 2026, False),
        ("I.4", "other", "at_least", 5, N, "bậc", 2026, False),
        ("I.4", "other", "at_most", N, 15, "tỉnh, thành phố", 2026, False),
        ("II.3", "people_trained", "exact", 300, 300, "lượt chủ thể", 2026, False),
    ],
    "t78_gialai-kh-2026-y-te-truong-hoc-bullets.txt": [
        ("I", "other", "at_least", 90, N, "%", 2027, False),
        ("I", "other", "exact", 100, 100, "%", 2030, True),
        ("I", "other", "at_most", N, 10, "%", 2030, False),
        ("I", "other", "exact", 100, 100, "%", 2030, False),
        ("II", "people_trained", "at_least", 1000, N, "nhân viên y tế", 2030, False),
    ],
    "t79_hue-kh-2026-thu-ngan-sach.txt": [
        ("I.1", "other", "exact", 14500, 14500, "tỷ đồng", 2026, False),
        ("I.1", "other", "at_least", 8, N, "%", 2026, False),
        ("I.2", "other", "at_most", N, 5, "%", 2026, False),
        ("II.2", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t80_dongthap-kh-2026-cai-cach-thu-tuc.txt": [
        ("I", "other", "at_least", 30, N, "%", 2026, False),
        ("I", "other", "exact", 20, 20, "%", 2026, False),
        ("I", "other", "exact", 100, 100, "%", 2026, False),
        ("I", "other", "at_least", 90, N, "%", 2026, False),
        ("II.1", "other", "exact", 120, 120, "thủ tục", 2026, False),
    ],
    "t81_byt-tt-2026-lo-trinh-don-thuoc-dien-tu.txt": [
        ("Đ3.1", "other", "exact", 100, 100, "%", 2026, False),
        ("Đ3.2", "other", "exact", 100, 100, "%", 2027, False),
    ],
}  # fmt: skip


#: what another part of the extraction leaves out for now, and what the target then gets:
#: the header reads no period from an objective stated in a paragraph ("... đến năm 2030"),
#: so a row due "Hằng quý" has no year
ELSEWHERE: dict[str, dict[tuple[object, ...], tuple[object, ...]]] = {
    "t25_bxd-qd-2026-ctr-hanh-dong-nha-o-xa-hoi.txt": {
        ("II.4", "other", "exact", 100, 100, "%", 2030, False): (
            "II.4", "other", "exact", 100, 100, "%", None, False,
        ),
    },
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(DOC_TARGETS))
def test_targets_of_documents_in_other_domains_and_forms(name: str) -> None:
    text = (TARGET_DOCS / name).read_text(encoding="utf-8")
    got = extract(text, source=name).targets
    gaps = ELSEWHERE.get(name, {})
    expected = [gaps.get(t, t) for t in DOC_TARGETS[name]]

    def key(t: tuple[object, ...]) -> tuple[object, ...]:
        return t[:5] + t[6:]  # the unit aside

    rows = [
        (t.ref, t.indicator, t.comparator, t.min, t.max, t.unit, t.by_year, t.per_year) for t in got
    ]
    assert Counter(map(key, rows)) == Counter(map(key, expected))
    # the unit is the counted noun as written, from its first word (where it ends is read
    # without a dictionary: "hộ người có công" may give "hộ người")
    for k in {key(e) for e in expected}:
        want = sorted(str(e[5]).lower() for e in expected if key(e) == k)
        have = sorted(str(r[5]).lower() for r in rows if key(r) == k)
        for w, h in zip(want, have, strict=True):
            assert w.split()[0] == h.split()[0], (k, w, h)
    for t in got:
        assert t.span is not None, t
        s, e = t.span
        assert text[s:e].strip(), t  # each target points at its text


# The documents written for the tasks (tests/data/tasks), annotated here for their targets:
# nine of them state none (directives, circulars, regulations, a report of results, a rate
# of support), the others in an objective line, a "Sản phẩm" line or an indicator appendix.
TASK_DOCS = ROOT / "tests" / "data" / "tasks"
TASK_DOC_TARGETS: dict[str, list[tuple[object, ...]]] = {
    "t01_thanhhoa-kh-tram-y-te.txt": [
        ("II", "other", "exact", 100, 100, "%", 2027, False),
        ("II", "other", "at_least", 90, N, "%", 2027, False),
        ("II", "other", "exact", 100, 100, "%", 2027, False),
        ("III.3.d", "people_trained", "at_least", 200, N, "lượt viên chức", 2027, True),
    ],
    "t02_cantho-ct-an-toan-du-lich.txt": [],
    "t03_bgddt-qd-de-an-chuyen-doi-so.txt": [
        ("I", "other", "exact", 100, 100, "%", 2028, False),
        ("I", "people_trained", "exact", 80, 80, "%", 2028, False),
    ],
    "t04_byt-tt-chuyen-co-so-kcb.txt": [],
    "t05_quangninh-qd-quy-che-lien-thong.txt": [],
    "t06_hanoi-kh-dich-vu-cong-truc-tuyen.txt": [
        ("PL.I.1", "other", "exact", 60, 60, "%", 2025, False),
        ("PL.I.1", "other", "exact", 80, 80, "%", 2026, False),
        ("PL.I.2", "other", "exact", 90, 90, "%", 2025, False),
        ("PL.I.2", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t07_daklak-kh-phan-bhxh.txt": [
        ("II", "other", "exact", 45, 45, "%", 2030, False),
        ("II", "other", "more_than", 95, N, "%", 2030, False),
    ],
    "t08_ttg-ct-pccc-nha-o.txt": [],
    "t09_hue-qd-kh-di-san-bang-nhiem-vu.txt": [],
    "t10_haiphong-nq-hdnd-ho-tro-bhxh.txt": [],
    "t11_quangtri-bc-cai-cach-hanh-chinh.txt": [],
    "t12_bnnmt-qd-ctr-khong-khi-congbao.txt": [
        ("I", "other", "exact", 100, 100, "%", 2030, False),
    ],
    "t13_lamdong-kh-du-lich-ngoac.txt": [],
    "t14_hatinh-sgddt-kh-bang-dong-gay.txt": [
        ("I", "other", "exact", 100, 100, "%", 2026, False),
        ("I", "other", "exact", 100, 100, "%", 2026, False),
    ],
    "t15_phutho-qd-giao-nhiem-vu-moi-truong.txt": [
        ("Đ1.2", "other", "exact", 98, 98, "%", 2030, False),
    ],
    "t16_vinhlong-kh-bang-lap-lai-muc.txt": [],
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(TASK_DOC_TARGETS))
def test_targets_of_the_task_documents(name: str) -> None:
    text = (TASK_DOCS / name).read_text(encoding="utf-8")
    got = extract(text, source=name).targets
    rows = [(t.ref, t.indicator, t.comparator, t.min, t.max, t.by_year, t.per_year) for t in got]
    expected = [t[:5] + t[6:] for t in TASK_DOC_TARGETS[name]]
    assert Counter(rows) == Counter(expected)
