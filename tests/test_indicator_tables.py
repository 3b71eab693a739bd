"""Indicator tables written a cell a line (Gazette / PDF text): header, rows, cells."""

from __future__ import annotations

from policykg.ingest.text import parse

#: an appendix of indicators as a Gazette prints it: a column per year, group rows, a
#: unit and a body wrapped over two lines, a page break with the header printed again
GAZETTE = """I. MỤC TIÊU
Các chỉ tiêu chủ yếu tại Phụ lục I kèm theo.

PHỤ LỤC I
CÁC CHỈ TIÊU CHỦ YẾU
(Kèm theo Nghị quyết số 12/NQ-CP ngày 10 tháng 02 năm 2026 của Chính phủ)

TT
Chỉ tiêu
Đơn vị
Năm 2026
Năm 2028
Năm 2030
Cơ quan chủ trì theo
dõi, đánh giá
I
Kinh tế số
1
Tỷ trọng kinh tế số trong tổng sản phẩm
trong nước (GDP)
% GDP
20
25
30
Bộ Khoa học và
Công nghệ
2
Số doanh nghiệp công nghệ số đang hoạt động
Doanh
nghiệp
75.000
90.000
≥ 100.000
Bộ Khoa học và
Công nghệ

CÔNG BÁO/Số 210 + 211/Ngày 20-02-2026
33

TT
Chỉ tiêu
Đơn vị
Năm 2026
Năm 2028
Năm 2030
Cơ quan chủ trì theo
dõi, đánh giá
II
Xã hội số
3
Tỷ lệ dân số trưởng thành có điện thoại
thông minh
%
85
90
95
Bộ Khoa học và
Công nghệ
4
Tỷ lệ người dân có hồ sơ sức khỏe điện tử
kết nối với Cơ sở dữ liệu quốc gia về
bảo hiểm
%
80
90
100
Bộ Y tế
"""


def test_a_gazette_indicator_table_is_read_cell_by_cell() -> None:
    (table,) = parse(GAZETTE).tables
    assert [c.text for c in table.header] == [
        "TT", "Chỉ tiêu", "Đơn vị", "Năm 2026", "Năm 2028", "Năm 2030",
        "Cơ quan chủ trì theo dõi, đánh giá",
    ]  # fmt: skip
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows == [
        ["I", "Kinh tế số", "", "", "", "", ""],
        ["1", "Tỷ trọng kinh tế số trong tổng sản phẩm trong nước (GDP)", "% GDP", "20", "25",
         "30", "Bộ Khoa học và Công nghệ"],
        ["2", "Số doanh nghiệp công nghệ số đang hoạt động", "Doanh nghiệp", "75.000", "90.000",
         "≥ 100.000", "Bộ Khoa học và Công nghệ"],
        ["II", "Xã hội số", "", "", "", "", ""],
        ["3", "Tỷ lệ dân số trưởng thành có điện thoại thông minh", "%", "85", "90", "95",
         "Bộ Khoa học và Công nghệ"],
        ["4", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử kết nối với Cơ sở dữ liệu quốc gia về "
         "bảo hiểm", "%", "80", "90", "100", "Bộ Y tế"],
    ]  # fmt: skip
    # each cell points at its text in the original
    cell = table.rows[2].cells[2]
    assert " ".join(GAZETTE[cell.start : cell.end].split()) == "Doanh nghiệp"


def test_a_table_of_tasks_is_not_read_as_one_of_indicators() -> None:
    text = (
        "TT\nNhiệm vụ\nChỉ tiêu\nĐơn vị tính\nCơ quan chủ trì\n"
        "1\nSố hóa hồ sơ di tích\n1.200 hồ sơ\nHồ sơ\nCục Di sản văn hóa\n"
    )
    # (read by the task tables' reader: its text column first)
    for table in parse(text).tables:
        assert table.header[1].text.startswith("Nhiệm vụ")
