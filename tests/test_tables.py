"""Tables in every written form: tab rows, Markdown / flattened pipe rows, Gazette PDF text."""

from __future__ import annotations

from policykg.ingest.tables import cell_spans
from policykg.ingest.text import parse

MARKDOWN = """II. NHIỆM VỤ CỤ THỂ

1. Nâng cao nhận thức.

PHỤ LỤC II

DANH MỤC CÁC NHIỆM VỤ

| TT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Kết quả | Thời gian hoàn thành |
|---|---|---|---|---|---|
|  **I.** | Nâng cao nhận thức về chuyển đổi số |  |   |   |   |
| 1.  |  Xây dựng chương trình tuyên truyền. | Bộ Thông tin và Truyền thông | Bộ Nội vụ | Chương trình | Quý II/2025 |
| 2. | Ban hành văn bản hướng dẫn. | Bộ Tư pháp | Các bộ, ngành | Văn bản | 6/2025 |
|  | và tổ chức tập huấn. |  | Bộ Tài chính |  |  |
"""  # noqa: E501


def test_markdown_table_header_rows_and_continuation() -> None:
    doc = parse(MARKDOWN)
    (table,) = doc.tables
    assert table.form == "tab"
    assert [c.text for c in table.header][:4] == [
        "TT",
        "Tên nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
    ]
    assert [r.cells[0].text for r in table.rows] == ["I.", "1.", "2."]
    two = table.rows[2]
    # a line whose first cell is empty continues the row above, column by column
    assert two.cells[1].text == "Ban hành văn bản hướng dẫn. và tổ chức tập huấn."
    assert two.cells[3].text == "Các bộ, ngành Bộ Tài chính"
    (a, b) = cell_spans(two.cells[3])
    assert MARKDOWN[a[0] : a[1]] == "Các bộ, ngành" and MARKDOWN[b[0] : b[1]] == "Bộ Tài chính"
    assert table.section is not None and table.section.style == "appendix"


FLAT = """PHỤ LỤC
TT | Tên nhiệm vụ | Sở, ngành chủ trì tham mưu | Đơn vị phối hợp thực hiện | Thời gian thực hiện | Ghi chú
 | (1) | (2) | (3) | (4) | (5)
1 | Tổ chức quán triệt Chỉ thị của Ban Thường vụ Tỉnh ủy | Sở Tư pháp | Các Sở, ban, ngành | Xong trong Quý II/2026 | 
2 | Rà soát quy hoạch khoáng sản | Sở Nông nghiệp và Môi trường | Sở Xây dựng | Hàng năm | 
"""  # noqa: E501, W291


def test_word_rows_flattened_with_bars() -> None:
    doc = parse(FLAT)
    (table,) = [t for t in doc.tables if len(t.header) > 3]
    assert table.header[2].text == "Sở, ngành chủ trì tham mưu"
    # the column-number row is not a data row
    assert [r.cells[0].text for r in table.rows] == ["1", "2"]
    assert table.rows[1].cells[2].text == "Sở Nông nghiệp và Môi trường"


SUBHEADER = """| STT |  | Tên đề án | Thời gian trình | Đơn vị thực hiện |  | Ghi chú |
| --- | --- | --- | --- | --- | --- | --- |
|  | Theo NQ 01 |  |  | Chủ trì | Phối hợp |  |
| I | II | Nhóm nhiệm vụ về thể chế |  |  |  |  |
| 1 | 48 | Tổng kết việc thi hành Luật | Tháng 12 | Cục Biển và Hải đảo Việt Nam | Vụ Pháp chế |  |
"""


def test_sub_header_names_join_their_columns() -> None:
    (table,) = parse(SUBHEADER).tables
    assert [c.text for c in table.header] == [
        "STT",
        "Theo NQ 01",
        "Tên đề án",
        "Thời gian trình",
        "Đơn vị thực hiện Chủ trì",
        "Phối hợp",
        "Ghi chú",
    ]
    assert [r.cells[0].text for r in table.rows] == ["I", "1"]


GAZETTE = """PHỤ LỤC
DANH MỤC CÁC NHIỆM VỤ
TT 
Tên nhiệm vụ 
Cơ quan 
chủ trì 
Cơ 
quan 
phối hợp 
Kết quả 
Thời 
hạn 
I.  
Tăng cường sự lãnh đạo của Đảng trong công tác 
phi chính phủ nước ngoài 
1.  
Nghiên cứu, đề xuất xây dựng văn bản quy phạm 
pháp luật điều chỉnh tổng thể hoạt động các tổ 
chức phi chính phủ nước ngoài tại Việt Nam. 
Bộ 
Nội 
vụ, 
Bộ 
Ngoại 
giao 
Bộ Công an, 
Bộ Tư pháp, các 
Bộ, ngành liên 
quan 
Đề xuất xây dựng 
Luật 
Năm 2026 – 
2030 
2.  
Tổng kết, đánh giá thực tiễn thi hành Nghị định 
số 58/2022/NĐ-CP về đăng ký và quản lý hoạt động 
của tổ chức phi chính phủ nước ngoài tại Việt 
Bộ Khoa học và 
Cơ quan, tổ chức 
Nghị định được 
Năm 2026 

CÔNG BÁO/Số 242/Ngày 22-04-2026 
60
 
TT 
Tên nhiệm vụ 
Cơ quan 
chủ trì 
Cơ 
quan 
phối hợp 
Kết quả 
Thời 
hạn 
Nam, đề xuất sửa đổi, bổ sung các quy định phù 
hợp với thực tiễn công tác. 
Công nghệ 
và doanh nghiệp 
ban hành 
"""  # noqa: W291, W293


def test_gazette_rows_without_separators() -> None:
    doc = parse(GAZETTE)
    (table,) = doc.tables
    assert table.form == "gazette"
    assert [c.text for c in table.header] == [
        "TT",
        "Tên nhiệm vụ",
        "Cơ quan chủ trì",
        "Cơ quan phối hợp",
        "Kết quả",
        "Thời hạn",
    ]
    group, one, two = table.rows
    assert group.cells[0].text == "I"
    assert group.cells[1].text.startswith("Tăng cường sự lãnh đạo")
    assert [c.text for c in one.cells[2:]] == [
        "Bộ Nội vụ, Bộ Ngoại giao",
        "Bộ Công an, Bộ Tư pháp, các Bộ, ngành liên quan",
        "Đề xuất xây dựng Luật",
        "Năm 2026 – 2030",
    ]
    # a row cut by a page break: one line of each cell at the foot of the page, the rest
    # after the running head and the repeated header
    assert two.cells[1].text.endswith(
        "tại Việt Nam, đề xuất sửa đổi, bổ sung các quy định phù hợp với thực tiễn công tác."
    )
    assert two.cells[2].text == "Bộ Khoa học và Công nghệ"
    assert "CÔNG BÁO" not in " ".join(c.text for c in two.cells)
    assert two.cells[5].text == "Năm 2026"
    a, b = cell_spans(two.cells[2])
    assert GAZETTE[a[0] : a[1]] == "Bộ Khoa học và" and GAZETTE[b[0] : b[1]] == "Công nghệ"


def test_a_header_printed_again_at_the_top_of_a_page_is_not_a_row() -> None:
    text = (
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
        "1\tKhảo sát nhu cầu\tSở Công Thương\tSở Tài chính\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\n"
        "2\tBồi dưỡng cán bộ\tSở Nội vụ\t\n"
    )
    (table,) = parse(text).tables
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["1", "Khảo sát nhu cầu", "Sở Công Thương", "Sở Tài chính"],
        ["2", "Bồi dưỡng cán bộ", "Sở Nội vụ", ""],
    ]


def test_a_double_gazette_issue_number_is_page_furniture() -> None:
    text = """PHỤ LỤC

TT
Nhiệm vụ
Đơn vị
chủ trì
Đơn vị
phối hợp
Sản phẩm
Thời gian
hoàn thành
1.
Xây dựng Quy chuẩn kỹ thuật quốc gia về khí
thải công nghiệp
Cục Môi trường
Vụ Khoa học và
Công nghệ; Vụ
Pháp chế
Thông tư
Năm 2025
2.
Xây dựng cơ sở dữ liệu quan trắc chất
lượng không khí tự động, liên tục
Cục Chuyển đổi số
Cục Môi trường
Cơ sở dữ liệu
Năm 2026

CÔNG BÁO/Số 612 + 613/Ngày 30-8-2025
48

3.
Hướng dẫn xử lý rơm rạ, phụ phẩm cây trồng không
đốt ngoài đồng ruộng
Cục Trồng trọt
Trung tâm Khuyến
nông quốc gia
Văn bản hướng dẫn
Hằng năm
"""
    (table,) = parse(text).tables
    assert [[c.text for c in r.cells[2:]] for r in table.rows] == [
        ["Cục Môi trường", "Vụ Khoa học và Công nghệ; Vụ Pháp chế", "Thông tư", "Năm 2025"],
        ["Cục Chuyển đổi số", "Cục Môi trường", "Cơ sở dữ liệu", "Năm 2026"],
        ["Cục Trồng trọt", "Trung tâm Khuyến nông quốc gia", "Văn bản hướng dẫn", "Hằng năm"],
    ]


ALIGNED = """PHỤ LỤC

 TT   Nhiệm vụ                                      Cơ quan          Cơ quan phối hợp       Thời gian
                                                    chủ trì                                 hoàn thành
 I    Hoàn thiện thể chế, chính sách
 1    Rà soát, đề xuất cắt giảm thành phần hồ sơ    Sở Tư pháp       Công an tỉnh; Văn      Quý IV/2025
      thủ tục hành chính                                             phòng UBND tỉnh
                                                                                      2
 2    Ban hành quy trình nội bộ                     Văn phòng        Sở Khoa học và         Năm 2026
                                                    UBND tỉnh        Công nghệ

Nơi nhận:
- Như trên.
"""  # noqa: E501


def test_pdf_text_whose_columns_are_aligned_with_spaces() -> None:
    (table,) = parse(ALIGNED).tables
    assert table.form == "aligned"
    assert [c.text for c in table.header] == [
        "TT",
        "Nhiệm vụ",
        "Cơ quan chủ trì",  # a column name wrapped on the next line
        "Cơ quan phối hợp",
        "Thời gian hoàn thành",
    ]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["I", "Hoàn thiện thể chế, chính sách", "", "", ""],
        [
            "1",
            "Rà soát, đề xuất cắt giảm thành phần hồ sơ thủ tục hành chính",
            "Sở Tư pháp",
            "Công an tỉnh; Văn phòng UBND tỉnh",
            "Quý IV/2025",
        ],  # the page number between rows is no cell
        [
            "2",
            "Ban hành quy trình nội bộ",
            "Văn phòng UBND tỉnh",
            "Sở Khoa học và Công nghệ",
            "Năm 2026",
        ],
    ]


def test_gazette_rows_read_the_same_decomposed_with_windows_line_ends_and_numbered_heads() -> None:
    """The same Gazette table in NFD with CRLF line ends, its page header printed with the
    page number on the same line: the same cells, their offsets in that text."""
    import unicodedata

    text = GAZETTE.replace("\nCÔNG BÁO/", "\n12 CÔNG BÁO/")
    nfd = unicodedata.normalize("NFD", text).replace("\n", "\r\n")
    (plain,) = parse(GAZETTE).tables
    (table,) = parse(nfd).tables
    assert [[c.text for c in r.cells] for r in table.rows] == [
        [c.text for c in r.cells] for r in plain.rows
    ]
    a, b = cell_spans(table.rows[2].cells[2])
    got = nfd[a[0] : a[1]] + " " + nfd[b[0] : b[1]]
    assert unicodedata.normalize("NFC", got) == "Bộ Khoa học và Công nghệ"
