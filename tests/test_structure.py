"""The text layer: offsets back to the original, markdown, hard wraps, the section tree."""

from __future__ import annotations

import textwrap
import unicodedata
from pathlib import Path

from policykg.ingest.text import clean, parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def _read(name: str) -> str:
    return (CORPUS / name).read_text("utf-8")


def test_offsets_map_back_to_the_original_text() -> None:
    text = _read("nghe-an_683-kh-ubnd_2021.txt")
    doc = parse(text)
    for p in doc.paragraphs:
        if p.kind != "text" or "\n" in text[p.start : p.end]:
            continue
        # a one-line paragraph: the clean text is the original minus markdown markers
        raw = text[p.start : p.end].replace("**", "").replace("#", "").replace("*", "")
        assert " ".join(raw.split()) == p.text


def test_nfd_input_maps_to_nfd_offsets() -> None:
    text = unicodedata.normalize("NFD", _read("tuyen-quang_60-kh-ubnd_2022.txt"))
    doc = parse(text)
    sec = doc.find_section("NHIỆM VỤ VÀ GIẢI PHÁP")
    assert sec is not None and sec.ref == "III"
    quote = doc.quote(sec.start, sec.end)
    assert unicodedata.normalize("NFC", quote).startswith("III. NHIỆM VỤ VÀ GIẢI PHÁP")
    i = doc.text.index("Sở Tài chính")
    s, e = doc.span(i, i + len("Sở Tài chính"))
    assert unicodedata.normalize("NFC", text[s:e]) == "Sở Tài chính"


def test_hard_wrapped_lines_are_rejoined() -> None:
    doc = parse(_read("quang-nam_qd-ubnd_2021.txt"))
    texts = [p.text for p in doc.paragraphs]
    assert any(
        t.startswith("Căn cứ Quyết định số 1322/QĐ-TTg, ngày 31/8/2020 của Thủ tướng Chính phủ về")
        for t in texts
    )
    assert (
        "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 311/TTr- SKHĐT ngày 18/12/2021."
        in texts
    )
    # the title is one paragraph, the preamble starts a new one
    assert (
        "Ban hành Kế hoạch hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa "
        "trên địa bàn tỉnh Quảng Nam, giai đoạn 2021 - 2025"
    ) in texts


def test_footnote_inside_a_paragraph_is_set_apart() -> None:
    doc = parse(_read("dong-nai_12015-kh-ubnd_2021.txt"))
    assert [p.text[:12] for p in doc.footnotes] == ["¹ Sản phẩm, ", "² Sở Khoa họ"]
    sec = doc.section("VI.1.a")
    assert sec is not None
    assert "xây dựng kế hoạch 5 năm để thực hiện các nhiệm vụ của Chương trình quốc gia" in sec.text


def test_section_tree_refs() -> None:
    doc = parse(_read("nghe-an_683-kh-ubnd_2021.txt"))
    refs = [s.ref for s in doc.sections() if s.style not in ("dash", "plus")]
    assert refs[:3] == ["I", "I.1", "I.2"]
    assert "II.4.d" in refs and "IV.8" in refs
    # "### **6. ...**" sits under IV although its markdown level is that of the romans
    assert doc.section("IV.6") is not None
    d = doc.section("II.4.d")
    assert d is not None and d.heading == "Sản phẩm:"
    assert d.children and d.children[0].numbered_ref == "II.4.d"
    tasks = doc.find_section("NỘI DUNG THỰC HIỆN")
    assert tasks is not None and [c.ref for c in tasks.children] == [f"II.{i}" for i in range(1, 6)]


def test_decision_articles_and_roman_sections() -> None:
    doc = parse(_read("quang-nam_qd-ubnd_2021.txt"))
    assert doc.section("II.4.c") is not None
    art = doc.section("Điều 2")
    assert art is not None and art.heading == "Tổ chức thực hiện"
    assert doc.section("Điều 2.1.a") is not None
    assert [p.text for p in doc.signature] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Hồ Quang Bửu",
    ]
    furniture = [p.text for p in doc.paragraphs if p.kind == "furniture"]
    assert any("2021-01-28T15:02:39" in t for t in furniture)


def test_appendix_table_rows_and_cells() -> None:
    text = _read("dong-nai_12015-kh-ubnd_2021.txt")
    doc = parse(text)
    (table,) = doc.tables
    assert [c.text for c in table.header] == [
        "STT",
        "Nhiệm vụ thực hiện",
        "Cơ quan chủ trì",
        "Cơ sở thực hiện",
    ]
    assert [r.cells[0].text for r in table.rows] == ["1", "2", "3", "4", "5"]
    row3 = table.rows[2]
    assert len(row3.lines) == 2
    assert "Nông nghiệp và Phát triển nông thôn" in row3.cells[3].text
    assert "<ul" not in row3.cells[3].text and "<i>" not in row3.cells[3].text
    cell = table.rows[0].cells[2]
    assert text[cell.start : cell.end] == "Sở Khoa học và Công nghệ"
    assert table.section is not None and table.section.style == "appendix"


def test_recipients_are_kept_out_of_sections() -> None:
    doc = parse(_read("tuyen-quang_60-kh-ubnd_2022.txt"))
    assert doc.recipients[0].text.startswith("Nơi nhận")
    assert all("Nơi nhận" not in s.text for s in doc.sections())


def test_web_portal_furniture_before_the_document() -> None:
    body = _read("tuyen-quang_60-kh-ubnd_2022.txt")
    page = "Trang chủ | Văn bản | Liên hệ\n\nTìm kiếm văn bản\n\nĐăng nhập\n\n" + body
    doc = parse(page)
    # the menu, the search box and the login link are furniture, or read away altogether
    before = [p for p in doc.paragraphs if p.start < len(page) - len(body)]
    assert before and all(p.kind == "furniture" for p in before)
    assert doc.header[0].text == "Số: 60/KH-UBND"


def test_sentences_have_offsets() -> None:
    text = "Số: 1/KH-UBND\n\nI. MỤC TIÊU\n\nCâu một có số 1. Câu hai đây; còn tiếp.\n"
    doc = parse(text)
    sents = list(doc.sentences())
    assert [s.text for s in sents][-2:] == ["Câu một có số 1.", "Câu hai đây; còn tiếp."]
    last = sents[-1]
    assert text[last.start : last.end] == last.text


def test_clean() -> None:
    assert clean("**Sở** \\*Tài chính\\*") == "Sở Tài chính"


def _wrapped_plan(heading_lines: list[str]) -> str:
    """A small plan hard-wrapped at ~70 columns (so the wrap width is detected)."""
    prose = (
        "a) Chủ trì, phối hợp với các cơ quan liên quan tổ chức triển khai thực hiện các "
        "nhiệm vụ của kế hoạch, theo dõi, đôn đốc, kiểm tra việc thực hiện của các đơn vị "
        "trên địa bàn tỉnh, tổng hợp tình hình và kết quả thực hiện hằng năm, đề xuất các "
        "giải pháp nâng cao hiệu quả hoạt động hỗ trợ doanh nghiệp và báo cáo định kỳ về "
        "tình hình thực hiện kế hoạch cho các cơ quan có thẩm quyền theo quy định hiện hành."
    )
    body = "\n".join(textwrap.wrap(prose, 70))
    return "\n\n".join(
        ["II. TỔ CHỨC THỰC HIỆN", "1. Sở Khoa học và Công nghệ", body, *heading_lines, body]
    )


def test_wrapped_numbered_heading_keeps_its_whole_list() -> None:
    # the list of a numbered heading, broken at the wrap width after ";" or "," (the next
    # item capitalized), even across a blank line, is one heading
    semi = ["2. Các Sở: Công Thương; Nông nghiệp và Phát triển nông thôn; Y tế; Xây dựng;",
            "Giao thông vận tải; Thông tin và Truyền thông"]  # fmt: skip
    comma = ["2. Các sở: Nông nghiệp và Phát triển Nông thôn, Công thương, Y tế, Xây dựng,",
             "Giao thông Vận tải, Thông tin và Truyền thông:"]  # fmt: skip
    for lines in (semi, comma):
        doc = parse(_wrapped_plan(lines))
        sec = doc.section("II.2")
        assert sec is not None
        assert sec.heading == " ".join(lines).removeprefix("2. ")
        assert [c.ref for c in sec.children] == ["II.2.a"]


def test_semicolon_ends_an_item_that_is_not_a_heading_list() -> None:
    # "Căn cứ ...;" lines and long clauses ending in ";" stay apart from a capitalized next line
    cases = [
        ["Căn cứ Luật Chất lượng sản phẩm, hàng hóa ngày 21/11/2007 của Quốc hội khóa XII;",
         "Căn cứ Luật Khoa học và công nghệ ngày 18/6/2013;"],
        ["2. Sở Tài chính: bố trí kinh phí thực hiện các nhiệm vụ của kế hoạch hằng năm;",
         "Tham mưu Ủy ban nhân dân tỉnh về cơ chế tài chính"],
    ]  # fmt: skip
    for lines in cases:
        texts = [p.text for p in parse(_wrapped_plan(lines)).paragraphs]
        assert lines[0] in texts and lines[1] in texts


def test_numbers_alone_on_their_line_and_numbers_set_off_by_a_dash() -> None:
    text = """Số: 1056/QĐ-CT

QUYẾT ĐỊNH

Điều 2.
Tổ chức thực hiện:
1
- Thời gian thực hiện mức trợ giúp từ ngày 01/01/2010.
2 - Sở Tài chính có trách nhiệm.
- Thẩm định dự toán.
3
- Ủy ban nhân dân các huyện, thành phố:
- Quản lý đối tượng bảo trợ xã hội.
Điều 3. Quyết định có hiệu lực kể từ ngày ký.
"""
    doc = parse(text)
    art = doc.section("Điều 2")
    assert art is not None
    assert [(c.label, c.heading) for c in art.children] == [
        ("1", ""),
        ("2", "Sở Tài chính có trách nhiệm."),
        ("3", ""),
    ]
    # a range is not a number set off by a dash
    assert parse("I. MỤC TIÊU\n\n2 - 3 doanh nghiệp được hỗ trợ.\n").section("I.2") is None


def test_a_muc_is_a_section_of_a_chapter() -> None:
    doc = parse("Chương II\n\nTRÁCH NHIỆM\n\nMục 1\n\nCƠ QUAN TRUNG ƯƠNG\n\nĐiều 5. Bộ Tài chính\n")
    art = doc.section("Điều 5")
    assert art is not None and [a.label for a in art.ancestors()][:2] == ["Mục 1", "Chương II"]


def test_a_report_without_a_number_line_starts_at_its_kind_line() -> None:
    text = (
        "Trang chủ\n\nTin mới\n\nBÁO CÁO\nKết quả thực hiện năm 2025\n\nI. KẾT QUẢ\n1. Nội dung\n"
    )
    doc = parse(text)
    before = [p for p in doc.paragraphs if p.start < text.index("BÁO CÁO")]
    assert before and all(p.kind == "furniture" for p in before)
    assert doc.header[0].text == "BÁO CÁO"


def test_a_preamble_after_a_blank_line_starts_a_paragraph() -> None:
    """A wrapped title that reached the wrap width does not run on into the preamble."""
    lines = [
        "Triển khai thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh",
        "ủy về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý nhà nước về",
        "khoáng sản trên địa bàn tỉnh, bảo đảm đúng quy định của pháp luật hiện hành",
        "",
        "Thực hiện Chỉ thị số 11-CT/TU ngày 04/01/2026 của Ban Thường vụ Tỉnh ủy, Ủy ban",
        "nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện Chỉ thị với các nội dung",
        "cụ thể như sau và giao các sở, ngành, địa phương tổ chức thực hiện nghiêm túc:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "- Cụ thể hóa đầy đủ, kịp thời và đồng bộ các nội dung lãnh đạo, chỉ đạo đã được",
        "nêu trong Chỉ thị; tạo chuyển biến trong công tác quản lý nhà nước về khoáng sản.",
    ]
    doc = parse("\n".join(lines) + "\n")
    texts = [p.text for p in doc.paragraphs]
    assert texts[0].endswith("bảo đảm đúng quy định của pháp luật hiện hành")
    assert texts[1].startswith("Thực hiện Chỉ thị số 11-CT/TU")


def test_the_signers_name_after_recipients_a_page_break_cut_off() -> None:
    """A closing in two columns cut by a page break: the last recipients come between the
    signing marks and the name."""
    text = (
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Bộ Công Thương;\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n\n- CT, các PCT UBND tỉnh;\n- Lưu: VT.\n\nNguyễn Văn Sơn\n"
    )
    doc = parse(text)
    assert [p.text for p in doc.recipients][-2:] == ["- CT, các PCT UBND tỉnh;", "- Lưu: VT."]
    assert [p.text for p in doc.signature] == [
        "TM. ỦY BAN NHÂN DÂN",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Sơn",
    ]


def _wrapped(paragraphs: list[str], width: int = 80) -> list[str]:
    """Paragraphs hard-wrapped as a PDF's text layer prints them."""
    return [ln for p in paragraphs for ln in textwrap.wrap(p, width)]


_PLAN_ITEMS = [
    "a) Chủ trì, phối hợp với các sở, ngành, địa phương xây dựng và triển khai kế hoạch đào "
    "tạo, bồi dưỡng nguồn nhân lực hằng năm và giai đoạn 5 năm trên cơ sở tổng hợp nhu cầu "
    "của các cơ quan, đơn vị, bảo đảm phù hợp với mục tiêu phát triển kinh tế - xã hội.",
    "b) Hướng dẫn các cơ quan, đơn vị xây dựng kế hoạch chi tiết, bố trí kinh phí thực hiện "
    "và tổ chức kiểm tra, giám sát việc triển khai thực hiện các nhiệm vụ được giao tại kế "
    "hoạch này, định kỳ tổng hợp kết quả thực hiện và đề xuất các giải pháp cần thiết.",
    "c) Tổ chức các khóa đào tạo, bồi dưỡng theo các hình thức trực tiếp, trực tuyến, mô "
    "phỏng, thực tập; tổ chức đào tạo chuyên sâu theo hình thức đào tạo tại chỗ cho cán bộ "
    "tham gia việc thẩm định, bảo đảm đủ năng lực, trình độ và kinh nghiệm để làm chủ công "
    "tác thẩm định; thực hiện sát hạch, đánh giá năng lực và cấp chứng chỉ theo quy định.",
]


def test_a_clause_wrapped_after_its_semicolon_goes_on_in_lower_case() -> None:
    """In hard-wrapped text a line that reached the wrap width and ends an enumeration's
    clause with ";" goes on with the next clause when that starts in lower case."""
    item = [
        "c) Tổ chức các khóa đào tạo, bồi dưỡng theo các hình thức trực tiếp, trực tuyến,",
        "mô phỏng, thực tập, tổ chức đào tạo chuyên sâu theo hình thức đào tạo tại chỗ;",
        "thực hiện sát hạch, đánh giá năng lực và cấp chứng chỉ theo quy định hiện hành.",
    ]
    lines = _wrapped(_PLAN_ITEMS, 84) + item
    texts = [p.text for p in parse("\n".join(lines) + "\n").paragraphs]
    assert texts == [*_PLAN_ITEMS, " ".join(item)]
    # a short line that ends in ";" is an item of its own, not a wrap
    short = parse("\n".join([*lines, "- Sở Tài chính;", "báo cáo kết quả thực hiện."]) + "\n")
    assert short.paragraphs[-1].text == "báo cáo kết quả thực hiện."


def test_flat_text_reads_a_paragraph_as_one_line_at_the_original_offsets() -> None:
    """``doc.flat``: the original, same length, a paragraph's hard wraps and the page
    furniture printed inside it read as spaces (a name cut by them is found whole)."""
    item = (
        "d) Giao các cơ sở đào tạo trọng điểm gồm: Đại học Bách Khoa Hà Nội, Trường Đại học "
        "Khoa học Tự nhiên - Đại học Quốc gia Hà Nội xây dựng chương trình đào tạo."
    )
    lines = _wrapped([*_PLAN_ITEMS, item], 84)
    cut = next(k for k, ln in enumerate(lines) if ln.endswith("Trường Đại học"))
    lines.insert(cut + 1, "93 CÔNG BÁO/Số 297/Ngày 27-05-2026")
    text = "\n".join(lines) + "\n"
    doc = parse(text)
    assert doc.paragraphs[-1].text == item
    assert len(doc.flat) == len(text)
    i = doc.flat.index("Trường Đại học")
    assert " ".join(doc.flat[i : i + 160].split()).startswith(
        "Trường Đại học Khoa học Tự nhiên - Đại học Quốc gia Hà Nội xây dựng"
    )
    assert "CÔNG BÁO" not in doc.flat
