"""The reading layer: text keys, layout characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.reader import read_text
from policykg.ingest.reading import (
    ascii_key,
    diacritic_key,
    forms_of,
    is_syllable,
    read,
    toneless_key,
)


def test_diacritic_key_moves_old_tone_placement_and_keeps_every_diacritic() -> None:
    assert diacritic_key("Uỷ ban nhân dân") == diacritic_key("Ủy ban nhân dân") == "ủy ban nhân dân"
    assert diacritic_key("hoá") == "hóa" and diacritic_key("Thuỷ lợi") == "thủy lợi"
    # "oa"/"uy" inside a longer vowel group, and after "q", are left as written
    assert diacritic_key("hoạch") == "hoạch" and diacritic_key("quý") == "quý"
    assert diacritic_key("tháng") != diacritic_key("thắng")
    nfd = unicodedata.normalize("NFD", "QUYẾT ĐỊNH")
    assert diacritic_key(nfd) == "quyết định"
    assert len(diacritic_key("Hoà Bình")) == len("Hoà Bình")


def test_toneless_key_drops_tone_marks_and_keeps_vowel_shapes() -> None:
    assert toneless_key("Sở") == "sơ" and toneless_key("Bộ") == "bô"
    assert toneless_key("Uỷ") == toneless_key("Ủy") == "uy"
    assert toneless_key("ĐỒNG") == "đông"
    assert toneless_key("\u00d0ồng") == "đông"  # an eth typed for "Đ"
    assert toneless_key(unicodedata.normalize("NFD", "Thương")) == "thương"


def test_ascii_key_drops_every_diacritic() -> None:
    assert ascii_key("Đồng Nai") == "dong nai"
    assert ascii_key("Bà Rịa - Vũng Tàu") == "ba ria - vung tau"
    assert ascii_key(unicodedata.normalize("NFD", "Quảng Ngãi")) == "quang ngai"


def test_form_feeds_are_layout_not_binary(tmp_path: Path) -> None:
    """PDF and OCR text breaks pages with form feeds: the file is text, read as it is."""
    page = "Điều {n}. Nội dung\nSở Tài chính chủ trì thực hiện.\n"
    text = "\f".join(page.format(n=n) for n in range(1, 6)) + "\v"
    f = tmp_path / "ocr.txt"
    f.write_text(text, encoding="utf-8")
    assert read_text(f) == text
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\x01\x02\x03def\n" * 3)
    with pytest.raises(IngestError, match="control characters"):
        read_text(bad)


# -- the reading steps, on excerpts of real document forms ---------------------------------


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in read(text).text.split("\n") if ln.strip()]


def _maps_back(text: str) -> None:
    """Every character of the logical text comes from the original."""
    mt = read(text)
    for k, ch in enumerate(mt.text):
        s, e = mt.starts[k], mt.ends[k]
        assert 0 <= s <= e <= len(text)
        if ch.isalnum() and e - s == 1:
            assert unicodedata.normalize("NFC", text[s:e]) == ch


def test_markdown_table_header_is_read_one_field_a_line() -> None:
    text = (
        "| ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc --------------- |\n"
        "|---|---|\n"
        "| Số: 12/QĐ-UBND | Bắc Ninh, ngày 05 tháng 3 năm 2020 |\n\nQUYẾT ĐỊNH\n"
    )
    assert _lines(text) == [
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/QĐ-UBND",
        "Bắc Ninh, ngày 05 tháng 3 năm 2020",
        "QUYẾT ĐỊNH",
    ]
    _maps_back(text)


def test_body_tables_stay_tables() -> None:
    text = "| STT | Nhiệm vụ | Cơ quan chủ trì |\n|---|---|---|\n| 1 | Rà soát | Sở Tài chính |\n"
    assert _lines(text) == ["STT\tNhiệm vụ\tCơ quan chủ trì", "1\tRà soát\tSở Tài chính"]
    flat = "TT | Nhiệm vụ | Chủ trì | Phối hợp\n1 | Kiểm tra | Sở Công Thương | Công an tỉnh\n"
    assert _lines(flat)[1] == "1\tKiểm tra\tSở Công Thương\tCông an tỉnh"


def test_flattened_word_header_and_signature_rows() -> None:
    text = (
        "BỘ CÔNG THƯƠNG\n------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc \n---------------\n"
        "Số: 14/2024/TT-BCT | Hà Nội, ngày 15 tháng 8 năm 2024\n \nTHÔNG TƯ\n"
        "QUY ĐỊNH CHẾ ĐỘ BÁO CÁO\nĐiều 1. Phạm vi\n"
        "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT, PC. | KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\n"
        "Phan Văn An\n"
    )
    lines = _lines(text)
    assert lines[:6] == [
        "BỘ CÔNG THƯƠNG",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 14/2024/TT-BCT",
        "Hà Nội, ngày 15 tháng 8 năm 2024",
        "THÔNG TƯ",
    ]
    assert lines[-4:] == ["- Lưu: VT, PC.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Phan Văn An"]


def test_word_indentation_tabs_are_not_cells() -> None:
    text = "\tBÁO CÁO\n\tKết quả thực hiện Chỉ thị số 38/CT-TTg\n\tKính gửi: Bộ Tài chính\n"
    assert _lines(text) == [
        "BÁO CÁO",
        "Kết quả thực hiện Chỉ thị số 38/CT-TTg",
        "Kính gửi: Bộ Tài chính",
    ]


def test_gazette_page_furniture_and_signature_stamp_are_read_away() -> None:
    text = (
        "CÔNG BÁO/Số 210/Ngày 10-03-2025 \n35\n \nTHỦ TƯỚNG CHÍNH PHỦ \n \n"
        "Số:  301/QĐ-TTg \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n"
        "Hà Nội, ngày 02 tháng 3 năm 2025 \nQUYẾT ĐỊNH \nPhê duyệt Đề án X \n"
        "Căn cứ Luật Tổ chức Chính phủ;\n"
        "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2025-03-10 08:00:00 +07:00\n\n"
        "CÔNG BÁO/Số 210/Ngày 10-03-2025 \n36\nĐiều 1. Phê duyệt Đề án X.\n"
    )
    lines = _lines(text)
    assert not any("CÔNG BÁO" in ln or "Ký bởi" in ln or "Cơ quan:" in ln for ln in lines)
    assert "35" not in lines and "36" not in lines
    assert lines[0] == "THỦ TƯỚNG CHÍNH PHỦ" and "Điều 1. Phê duyệt Đề án X." in lines
    assert "gazette" in forms_of(text)
    _maps_back(text)


def test_pdf_page_numbers_next_to_form_feeds() -> None:
    text = "hiệu lực sau 10 ngày.\n\f                    2\n\n 2. Bãi bỏ Quyết định số 03/2025.\n"
    assert _lines(text) == ["hiệu lực sau 10 ngày.", "2. Bãi bỏ Quyết định số 03/2025."]


def test_two_column_pdf_header_and_signature_are_read_column_by_column() -> None:
    text = (
        "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        " TỈNH YÊN BÁI                             Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 7 /2024/QĐ-UBND                   Yên Bái, ngày 05 tháng 02 năm 2024\n\n"
        "Nơi nhận:                                       TM. ỦY BAN NHÂN DÂN\n"
        "- Văn phòng Chính phủ;\n"
        "- Bộ Công Thương;                                   KT. CHỦ TỊCH\n"
        "- Sở Tư pháp;                                       PHÓ CHỦ TỊCH\n"
        "- Lưu: VT.                                          Trần Văn Bình\n"
    )
    assert _lines(text) == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH YÊN BÁI",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 7 /2024/QĐ-UBND",
        "Yên Bái, ngày 05 tháng 02 năm 2024",
        "Nơi nhận:",
        "- Văn phòng Chính phủ;",
        "- Bộ Công Thương;",
        "- Sở Tư pháp;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Bình",
    ]
    _maps_back(text)


def test_blanks_of_a_draft_are_not_columns() -> None:
    text = "Số:           /KH-UBND |  | Lào Cai, ngày       tháng      năm 2026\n"
    assert _lines(text) == ["Số:           /KH-UBND", "Lào Cai, ngày       tháng      năm 2026"]


def test_header_fields_run_together_are_put_one_a_line() -> None:
    text = (
        "Quyết định 210/QĐ-UBND\nỦY BAN NHÂN DÂN TỈNH LONG AN -------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 210/QĐ-UBND Long An, ngày 15 tháng 01 năm 2022 QUYẾT ĐỊNH VỀ VIỆC PHÊ DUYỆT KẾ "
        "HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN ĐỨC HÒA ỦY BAN NHÂN DÂN TỈNH LONG AN\n"
        "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;\n"
    )
    assert _lines(text) == [
        "Quyết định 210/QĐ-UBND",
        "ỦY BAN NHÂN DÂN TỈNH LONG AN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 210/QĐ-UBND",
        "Long An, ngày 15 tháng 01 năm 2022",
        "QUYẾT ĐỊNH",
        "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN ĐỨC HÒA",
        "ỦY BAN NHÂN DÂN TỈNH LONG AN",
        "Căn cứ Luật Đất đai ngày 29 tháng 11 năm 2013;",
    ]
    # a title that ends with "… của Thủ tướng Chính phủ" keeps it
    kept = (
        "Số: 5/QĐ-UBND Hà Nội, ngày 1 tháng 2 năm 2020 QUYẾT ĐỊNH VỀ THỰC HIỆN QUYẾT ĐỊNH CỦA "
        "THỦ TƯỚNG CHÍNH PHỦ\n"
    )
    assert _lines(kept)[-1] == "VỀ THỰC HIỆN QUYẾT ĐỊNH CỦA THỦ TƯỚNG CHÍNH PHỦ"


def test_signing_blocks_run_together_are_split() -> None:
    assert _lines("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn Chiến\n") == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Trần Văn Chiến",
    ]
    assert _lines("| | TM. UỶ BAN NHÂN DÂN TỈNH CHỦ TỊCH Phạm Văn Hải |\n") == [
        "TM. UỶ BAN NHÂN DÂN TỈNH",
        "CHỦ TỊCH",
        "Phạm Văn Hải",
    ]
    assert _lines("BỘ TRƯỞNG Lê Văn Thành CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA NGÀNH\n") == [
        "BỘ TRƯỞNG",
        "Lê Văn Thành",
        "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA NGÀNH",
    ]
    # an issuing authority line is no signing block
    assert _lines("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ\n") == [
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"
    ]


def test_ocr_letter_spacing_is_mended_by_syllables() -> None:
    assert _lines("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH\n") == [
        "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"
    ]
    assert _lines("Số: 9/QĐ-UBND\nQu ả ng Trị, ngày 04 tháng 0 6 năm 2022\n")[-1] == (
        "Quảng Trị, ngày 04 tháng 06 năm 2022"
    )
    assert _lines("| Nơi nhận: - Như trên; | KT. CHỦ TỊ CH P HÓ CHỦ T Ị CH Ngu y ễn Văn A n |\n")[
        -3:
    ] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An"]
    # ordinary text, abbreviations and list letters are left as they are
    plain = "Sở KH&CN, UBND tỉnh và các cơ quan: a) Bộ Y tế; điểm đ khoản 2 Điều 5 Luật."
    assert _lines(plain) == [plain]


def test_is_syllable() -> None:
    for w in ("Nguyễn", "quốc", "khuyến", "ngoài", "Quảng", "gì", "TỊCH", "uỷ"):
        assert is_syllable(w), w
    for w in ("B", "ng", "Qu", "Đặ", "UBND", "hồc", "cac"):
        assert not is_syllable(w), w


def test_portal_property_block_and_related_documents_are_read_away() -> None:
    text = (
        "Trang chủ > Văn bản pháp luật > Đất đai\n\n"
        "Số: 12/2023/QĐ-UBND\nNghệ An, ngày 3 tháng 4 năm 2023\nQUYẾT ĐỊNH\nVề X\n"
        "Điều 1. Nội dung.\n\n"
        "Thuộc tính văn bản\nSố hiệu: 12/2023/QĐ-UBND\nLoại văn bản: Quyết định\n"
        "Nơi ban hành: Tỉnh Nghệ An\nNgười ký: Lê Văn B\n\n"
        "Văn bản liên quan\nVăn bản căn cứ 45/2013/QH13\nVăn bản hướng dẫn 43/2014/NĐ-CP\n"
    )
    lines = _lines(text)
    assert lines == [
        "Số: 12/2023/QĐ-UBND",
        "Nghệ An, ngày 3 tháng 4 năm 2023",
        "QUYẾT ĐỊNH",
        "Về X",
        "Điều 1. Nội dung.",
    ]
    assert "portal" in forms_of(text)


def test_plain_text_is_read_as_it_is() -> None:
    text = "Số: 1/KH-UBND\n\nHà Nam, ngày 2 tháng 3 năm 2023\n\nKẾ HOẠCH\nPhát triển X\n"
    assert read(text).text == text


def test_forms_are_told_on_any_encoding_and_line_ending() -> None:
    text = (
        "Điều 5. Tổ chức thực hiện.\nKý bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Cơ quan: VĂN PHÒNG CHÍNH PHỦ\nNgày ký: 2025-03-10 08:00:00 +07:00\n\n"
        "CÔNG BÁO/Số 210/Ngày 10-03-2025 \n36\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nLê Minh Khái\n"
    )
    want = ["Điều 5. Tổ chức thực hiện.", "KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "Lê Minh Khái"]
    assert _lines(text) == want
    assert _lines(text.replace("\n", "\r\n")) == want
    assert [
        unicodedata.normalize("NFC", ln) for ln in _lines(unicodedata.normalize("NFD", text))
    ] == want


def test_spaced_words_read_as_the_document_writes_them() -> None:
    """Between readings with as many syllables, the one whose syllables the document writes
    elsewhere wins."""
    text = (
        "Báo cáo Thành ủy và Ban Thường vụ.\n"
        "| Nơi nhận: - T h ườ ng t r ự c T h à nh ủ y ; - L ư u : V T . | CHỦ TỊCH Lê Văn An |\n"
    )
    assert "Thường trực Thành ủy" in read(text).text


def test_gazette_page_header_with_its_page_number_on_the_line() -> None:
    text = (
        "CÔNG BÁO/Số 667 + 668/Ngày 05-11-2012 12\nTHỦ TƯỚNG CHÍNH PHỦ\nSố: 45/2012/QĐ-TTg\n"
        "Căn cứ Quyết định số 418/QĐ-\n\n12 CÔNG BÁO/Số 667 + 668/Ngày 05-11-2012\n\n"
        "TTg ngày 11 tháng 4 năm 2012;\n"
    )
    lines = _lines(text)
    assert not any("CÔNG BÁO" in ln for ln in lines)
    _maps_back(text)


def test_rows_of_empty_cells_and_word_rows_with_an_empty_first_cell() -> None:
    """The empty head row of a layout table ("|  |  |") is no row; under a row of a Word
    table ("a | b"), a row whose first cell is empty (" | b | c") keeps its first cell."""
    closing = (
        "|  |  |\n|---|---|\n"
        "| Nơi nhận: - Như Điều 3; | KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Lê Minh Khái |\n"
    )
    assert _lines(closing) == [
        "Nơi nhận: - Như Điều 3;",
        "KT. THỦ TƯỚNG",
        "PHÓ THỦ TƯỚNG",
        "Lê Minh Khái",
    ]
    word = (
        "3 | Hỗ trợ doanh nghiệp | - Sở Khoa học và Công nghệ | - Các Sở: Công Thương; Nông\n"
        " | nghiệp và Phát triển nông thôn; Y tế | chi theo Thông tư số 35/2021/TT-BTC\n"
    )
    assert read(word).text.split("\n")[1] == (
        "\tnghiệp và Phát triển nông thôn; Y tế\tchi theo Thông tư số 35/2021/TT-BTC"
    )
    assert read("| a | b |\n| c | d |\n").text == "a\tb\nc\td\n"


def test_a_number_set_off_from_its_symbol_in_a_header_run_together() -> None:
    text = (
        "Số: 683 /KH-UBND Nghệ An, ngày 17 tháng 11 năm 2021 KẾ HOẠCH Nâng cao năng suất "
        "trên địa bàn tỉnh Nghệ An giai đoạn 2021 - 2030\nThực hiện Quyết định số 1322/QĐ-TTg;\n"
    )
    assert _lines(text)[:4] == [
        "Số: 683 /KH-UBND",
        "Nghệ An, ngày 17 tháng 11 năm 2021",
        "KẾ HOẠCH",
        "Nâng cao năng suất trên địa bàn tỉnh Nghệ An giai đoạn 2021 - 2030",
    ]


def test_two_columns_end_where_a_line_spans_the_page() -> None:
    """A PDF that prints no blank line after the header's columns: the kind line and the
    title that follow are no column of it; the left column of a closing goes on below the
    signing marks."""
    text = (
        "Số: 12015/KH-UBND        Đồng Nai, ngày 01 tháng 10 năm 2021\n"
        "KẾ HOẠCH\n"
        "Thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất\n"
        "và chất lượng sản phẩm, hàng hóa trên địa bàn tỉnh Đồng Nai\n"
        "I. CĂN CỨ XÂY DỰNG\n"
    )
    assert _lines(text) == [
        "Số: 12015/KH-UBND",
        "Đồng Nai, ngày 01 tháng 10 năm 2021",
        "KẾ HOẠCH",
        "Thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất",
        "và chất lượng sản phẩm, hàng hóa trên địa bàn tỉnh Đồng Nai",
        "I. CĂN CỨ XÂY DỰNG",
    ]
    _maps_back(text)
    closing = (
        "Nơi nhận:                                      TM. ỦY BAN NHÂN DÂN\n"
        "- Như phân công;                               KT. CHỦ TỊCH\n"
        "- Bộ Khoa học và Công nghệ;                    PHÓ CHỦ TỊCH\n"
        "- Lưu: VT.\n"
        "                                               Bùi Đình Long\n"
    )
    assert _lines(closing) == [
        "Nơi nhận:",
        "- Như phân công;",
        "- Bộ Khoa học và Công nghệ;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Bùi Đình Long",
    ]


def test_a_header_and_a_closing_in_columns_in_one_block_of_lines() -> None:
    """A PDF that prints no blank line between its parts: the header's columns and the
    closing's columns are each read column by column."""
    text = (
        "ỦY BAN NHÂN DÂN        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH HÀ GIANG          Độc lập - Tự do - Hạnh phúc\n"
        "Số: 378/QĐ-UBND        Hà Giang, ngày 18 tháng 3 năm 2022\n"
        "QUYẾT ĐỊNH\n"
        "Về việc công bố danh mục thủ tục hành chính\n"
        "Điều 1. Quyết định này có hiệu lực thi hành kể từ ngày ký.\n"
        "Nơi nhận: - Như Điều 2; - Lưu: VT.        CHỦ TỊCH\n"
        "                                          Nguyễn Văn Sơn\n"
    )
    lines = _lines(text)
    assert lines[:7] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH HÀ GIANG",
        "Số: 378/QĐ-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Giang, ngày 18 tháng 3 năm 2022",
        "QUYẾT ĐỊNH",
    ]
    assert lines[-3:] == ["Nơi nhận: - Như Điều 2; - Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn Sơn"]
    _maps_back(text)


def test_an_authority_in_capitals_after_a_title_in_sentence_case_run_together() -> None:
    text = (
        "Số: 982/QĐ-TTg Hà Nội, ngày 04 tháng 6 năm 2026 QUYẾT ĐỊNH Phê duyệt Đề án hỗ trợ "
        "doanh nghiệp công nghệ số vươn ra toàn cầu đến năm 2030 THỦ TƯỚNG CHÍNH PHỦ\n"
        "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;\n"
    )
    assert _lines(text)[2:5] == [
        "QUYẾT ĐỊNH",
        "Phê duyệt Đề án hỗ trợ doanh nghiệp công nghệ số vươn ra toàn cầu đến năm 2030",
        "THỦ TƯỚNG CHÍNH PHỦ",
    ]
