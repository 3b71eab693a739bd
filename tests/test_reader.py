"""read_text over txt/md/docx/pdf/html and clear errors on bad input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.extract import extract_file
from policykg.ingest.reader import read_text

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "corpus" / "tuyen-quang_60-kh-ubnd_2022.txt"


def _pdf(text_lines: list[str]) -> bytes:
    """A minimal valid one-page PDF with a Helvetica text layer."""
    ops = ["BT", "/F1 12 Tf", "72 720 Td", "14 TL"]
    for line in text_lines:
        ops.append("(" + line.replace("(", r"\(").replace(")", r"\)") + ") Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(out.tell())
        out.write(f"{k} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def test_txt_with_bom_and_md(tmp_path: Path) -> None:
    body = PLAN.read_text("utf-8")
    f = tmp_path / "plan.txt"
    f.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert read_text(f) == body
    md = tmp_path / "plan.md"
    md.write_text(body, "utf-8")
    assert extract_file(md).document.number == "60/KH-UBND"


def test_docx_paragraphs_and_tables(tmp_path: Path) -> None:
    d = docx.Document()
    for line in PLAN.read_text("utf-8").split("\n\n")[:12]:
        d.add_paragraph(line.strip())
    table = d.add_table(rows=2, cols=3)
    for k, text in enumerate(["STT", "Nhiệm vụ", "Cơ quan chủ trì"]):
        table.rows[0].cells[k].text = text
    for k, text in enumerate(["1", "Tuyên truyền", "Sở Khoa học\nvà Công nghệ"]):
        table.rows[1].cells[k].text = text
    path = tmp_path / "plan.docx"
    d.save(str(path))
    text = read_text(path)
    assert "Số: 60/KH-UBND" in text
    assert "1\tTuyên truyền\tSở Khoa học và Công nghệ" in text
    record = extract_file(path)
    assert record.document.date == "2022-04-19"
    assert record.source == "plan.docx"


def test_pdf_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(_pdf(["So: 12/KH-UBND", "KE HOACH", "Thuc hien Quyet dinh so 1322/QD-TTg"]))
    text = read_text(path)
    assert "KE HOACH" in text and "1322/QD-TTg" in text


def test_html_is_stripped(tmp_path: Path) -> None:
    path = tmp_path / "plan.html"
    path.write_text(
        "<html><head><style>p{}</style></head><body><p>Số: 7/KH-UBND</p>"
        "<table><tr><td>1</td><td>Sở Tài chính</td></tr></table></body></html>",
        "utf-8",
    )
    text = read_text(path)
    assert "Số: 7/KH-UBND" in text and "1\tSở Tài chính" in text and "<" not in text


@pytest.mark.parametrize("name", ["plan.txt", "plan.md", "plan"])
def test_html_saved_under_a_text_extension_is_read_as_html(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(
        "\ufeff<!-- saved from a portal -->\n<!DOCTYPE html>\n<html lang=vi><head>"
        "<script>var x = '<p>';</script></head><body><p>Số: 7/KH-UBND</p>"
        "<p>KẾ HOẠCH</p></body></html>",
        "utf-8",
    )
    text = read_text(path)
    assert "Số: 7/KH-UBND" in text and "KẾ HOẠCH" in text
    assert "<" not in text and "var x" not in text


def test_html_page_without_text_saved_as_txt_says_it_is_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text("<html><head><script>alert(1)</script></head><body> </body></html>", "utf-8")
    assert "HTML page saved as .txt" in _err(path)


def test_text_that_mentions_html_is_still_text(tmp_path: Path) -> None:
    from policykg.ingest.reader import looks_like_html

    assert looks_like_html("  <HTML>\n<body>x</body>")
    assert looks_like_html('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')
    assert not looks_like_html("Số: 7/KH-UBND\n<html> là một thẻ")
    assert not looks_like_html("<htmlish>")
    path = tmp_path / "plan.txt"
    path.write_text("Số: 7/KH-UBND\nThẻ <b>đậm</b> giữ nguyên\n", "utf-8")
    assert "<b>đậm</b>" in read_text(path)


def _err(path: Path) -> str:
    with pytest.raises(IngestError) as exc:
        read_text(path)
    assert str(path) in str(exc.value)
    return str(exc.value)


def test_empty_file(tmp_path: Path) -> None:
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert "empty file" in _err(f)
    f.write_bytes(b"  \n\n ")
    assert "empty file" in _err(f)


def test_binary_file(tmp_path: Path) -> None:
    f = tmp_path / "blob.txt"
    f.write_bytes(b"abc\ndef\x00\x01\x02\xff")
    assert ":2: binary file" in _err(f)


def test_cp1258_bytes(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    # CP1258 writes tone marks as combining characters after precomposed vowels
    f.write_bytes("Sô\u0301: 5/KH-UBND\nKê\u0301 hoa\u0323ch\n".encode("cp1258"))
    msg = _err(f)
    assert ":1:" in msg and "UTF-8" in msg


def test_vni_and_tcvn3_mojibake(tmp_path: Path) -> None:
    # VNI-Windows / TCVN3 (ABC) bytes shown as Latin-1 and saved as UTF-8
    vni = "Soá: 5/KH-UBND\nKEÁ HOAÏCH\nThöïc hieän Quyeát ñònh soá 1322/QÑ-TTg cuûa Thuû töôùng\n"
    f = tmp_path / "vni.txt"
    f.write_text(vni, "utf-8")
    assert "legacy Vietnamese encoding" in _err(f)
    tcvn = "Sè: 5/KH-UBND\nKÕ ho¹ch\nThùc hiÖn QuyÕt ®Þnh sè 1322/Q§-TTg cña Thñ t­íng\n"
    g = tmp_path / "tcvn3.txt"
    g.write_text(tcvn, "utf-8")
    assert "legacy Vietnamese encoding" in _err(g)


def test_truncated_docx(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Số: 1/KH-UBND")
    good = tmp_path / "good.docx"
    d.save(str(good))
    bad = tmp_path / "bad.docx"
    bad.write_bytes(good.read_bytes()[:400])
    assert "corrupt or truncated .docx" in _err(bad)


def test_zip_bomb_docx_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"<w/>")
        zf.writestr("word/big.bin", b"\0" * (120 * 1024 * 1024))
    assert "refused" in _err(path)


def test_truncated_pdf(tmp_path: Path) -> None:
    f = tmp_path / "bad.pdf"
    f.write_bytes(_pdf(["So: 1/KH-UBND"])[:120])
    msg = _err(f)
    assert ".pdf" in msg


def test_missing_file(tmp_path: Path) -> None:
    assert "file not found" in _err(tmp_path / "nope.txt")


def test_no_header_names_the_file(tmp_path: Path) -> None:
    f = tmp_path / "noheader.txt"
    f.write_text("Một đoạn văn bản bình thường.\nKhông có số, không có ngày.\n", "utf-8")
    with pytest.raises(IngestError) as exc:
        extract_file(f)
    assert str(exc.value).startswith(f"{f}:1:")


# ---------------------------------------------------------------------------
# Office layouts: the .docx and .pdf of a document extract the same facts as its text.

from policykg.bench.office import (  # noqa: E402
    MOTTO,
    Block,
    Layout,
    write_docx,
    write_pdf,
    write_scanned_pdf,
    write_text,
)
from policykg.ingest.extract import extract  # noqa: E402
from policykg.ingest.record import AgencyRef, Record  # noqa: E402

_TASK_HEAD = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
_LONG = (
    "Thực hiện Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt "
    "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, "
    "hàng hóa giai đoạn 2021 - 2030 và Quyết định số 36/QĐ-TTg ngày 11/01/2021 của Thủ tướng "
    "Chính phủ ban hành Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công "
    "nghệ và đổi mới sáng tạo giai đoạn 2021 - 2030, Ủy ban nhân dân tỉnh Bắc Ninh ban hành Kế "
    "hoạch thực hiện trên địa bàn tỉnh với các nội dung sau:"
)


def _plan() -> Layout:
    """A provincial plan of another province, in the forms offices print."""
    P = lambda text, heading=False: Block("para", text, heading=heading)  # noqa: E731
    rows = [
        _TASK_HEAD,
        ["1", "Tuyên truyền, nâng cao nhận thức về năng suất chất lượng",
         "Sở Khoa học và Công nghệ", "Sở Thông tin và Truyền thông", "Hằng năm"],
        ["2", "Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất",
         "Sở Khoa học và Công nghệ", "Sở Công Thương", "2024 - 2025"],
        ["3", "Đào tạo chuyên gia năng suất", "Sở Nội vụ", "Sở Tài chính", "2025"],
    ]  # fmt: skip
    body = [
        P(_LONG),
        P("I. MỤC TIÊU", True),
        P("1. Mục tiêu cụ thể", True),
        P("- Đến năm 2025, có ít nhất 10 chuyên gia năng suất được đào tạo, cấp chứng chỉ."),
        P("- Hỗ trợ từ 20 đến 30 doanh nghiệp áp dụng hệ thống quản lý, công cụ cải tiến."),
        P("II. NHIỆM VỤ, GIẢI PHÁP", True),
        P("1. Tuyên truyền, nâng cao nhận thức về năng suất chất lượng", True),
        P(
            "Tổ chức hội nghị, hội thảo, tuyên truyền trên Báo Bắc Ninh và Đài Phát thanh và "
            "Truyền hình tỉnh về vai trò của năng suất chất lượng đối với doanh nghiệp."
        ),
        P("2. Hỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất", True),
        P(
            "Hỗ trợ doanh nghiệp xây dựng, áp dụng hệ thống quản lý tiên tiến, công cụ cải tiến "
            "năng suất, đánh giá sự phù hợp và chứng nhận theo tiêu chuẩn quốc gia."
        ),
        P("3. Đào tạo chuyên gia năng suất", True),
        P("Đào tạo đội ngũ chuyên gia năng suất chất lượng của tỉnh."),
        P("III. TỔ CHỨC THỰC HIỆN", True),
        P(
            "Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày "
            "15 tháng 12 hằng năm để tổng hợp, báo cáo Ủy ban nhân dân tỉnh."
        ),
        Block(
            "closing",
            recipients=[
                "Nơi nhận:",
                "- Bộ Khoa học và Công nghệ;",
                "- Các sở, ban, ngành;",
                "- Lưu: VT, KGVX.",
            ],
            signature=["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Đào Quang Khải"],
        ),
        Block("para", "Phụ lục", heading=True, page_break=True),
        P("PHÂN CÔNG THỰC HIỆN NHIỆM VỤ"),
        Block("table", rows=rows),
    ]
    return Layout(
        issuer=["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH"],
        motto=list(MOTTO),
        number="Số: 215/KH-UBND",
        place_date="Bắc Ninh, ngày 05 tháng 3 năm 2024",
        kind="KẾ HOẠCH",
        title="Nâng cao năng suất và chất lượng sản phẩm, hàng hóa tỉnh Bắc Ninh giai đoạn "
        "2024 - 2025",
        blocks=body,
    )


def _facts(record: Record) -> dict:  # type: ignore[type-arg]
    out = record.to_gold()
    out.pop("source")
    return out


@pytest.fixture(scope="module")
def plan_facts() -> dict:  # type: ignore[type-arg]
    facts = _facts(extract(write_text(_plan()), source="plan.txt"))
    doc = facts["document"]
    assert (doc["kind"], doc["number"], doc["date"]) == ("KeHoach", "215/KH-UBND", "2024-03-05")
    assert doc["issuer"] == {"kind": "ubnd_tinh", "scope": "Bắc Ninh"}
    assert doc["signer"]["name"] == "Đào Quang Khải"
    assert len(facts["tasks"]) == 3 and facts["citations"] and facts["targets"]
    assert facts["reporting"]
    return facts  # type: ignore[no-any-return]


def test_docx_header_and_task_tables_read_as_the_text(tmp_path: Path, plan_facts: dict) -> None:  # type: ignore[type-arg]
    path = tmp_path / "plan.docx"
    write_docx(_plan(), path)
    text = read_text(path)
    lines = text.splitlines()
    # the header table column by column, the rule under the motto dropped
    head = [s for s in lines[: lines.index("KẾ HOẠCH")] if s]
    assert head == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 215/KH-UBND", *MOTTO,
                    "Bắc Ninh, ngày 05 tháng 3 năm 2024"]  # fmt: skip
    # the agency shared by rows 1-2 is one merged cell in Word: read in both rows
    assert (
        "1\tTuyên truyền, nâng cao nhận thức về năng suất chất lượng\tSở Khoa học và Công "
        "nghệ\tSở Thông tin và Truyền thông\tHằng năm" in lines
    )
    assert lines.count("\t".join(_TASK_HEAD)) == 1
    assert lines.index("Nơi nhận:") < lines.index("TM. ỦY BAN NHÂN DÂN")
    assert "215/KH-UBND" not in text.split("KẾ HOẠCH", 1)[1]  # the page header is not body
    assert _facts(extract_file(path)) == plan_facts


@pytest.mark.parametrize("ragged", [False, True], ids=["justified", "ragged"])
def test_pdf_layout_read_as_the_text(
    tmp_path: Path,
    plan_facts: dict,  # type: ignore[type-arg]
    ragged: bool,
) -> None:
    """Justified with a first-line indent, or ragged right with space between paragraphs."""
    path = tmp_path / "plan.pdf"
    write_pdf(_plan(), path, ragged=ragged)
    text = read_text(path)
    lines = text.splitlines()
    assert _LONG in lines  # the lines the page cut are one paragraph again
    head = [s for s in lines[: lines.index("KẾ HOẠCH")] if s]
    assert head == ["ỦY BAN NHÂN DÂN", "TỈNH BẮC NINH", "Số: 215/KH-UBND", *MOTTO,
                    "Bắc Ninh, ngày 05 tháng 3 năm 2024"]  # fmt: skip
    assert (
        "2\tHỗ trợ doanh nghiệp áp dụng công cụ cải tiến năng suất\tSở Khoa học và Công "
        "nghệ\tSở Công Thương\t2024 - 2025" in lines
    )
    assert "215/KH-UBND" not in text.split("KẾ HOẠCH", 1)[1]  # the running footer is gone
    assert not any(s.strip().isdigit() for s in lines)  # page numbers too
    assert _facts(extract_file(path)) == plan_facts


def _needs_ocr() -> None:
    """Skip without Tesseract and its Vietnamese model; under CI (.ci/run installs them), fail."""
    import os

    from policykg.ingest.read_pdf import ocr_available

    if not ocr_available():
        reason = "Tesseract with its Vietnamese model (tesseract-ocr-vie) is not installed"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"required program unavailable in CI: {reason}")
        pytest.skip(reason)


def _scan_plan() -> Layout:
    plan = _plan()
    plan.blocks = plan.blocks[:4]  # one page: the header, the preamble and the targets
    return plan


def test_scanned_pdf_is_read_by_ocr(tmp_path: Path) -> None:
    _needs_ocr()
    path = tmp_path / "scan.pdf"
    write_scanned_pdf(_scan_plan(), path)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert not pdf.pages[0].chars  # a picture only
    text = read_text(path)
    assert "KẾ HOẠCH" in text and "ỦY BAN NHÂN DÂN" in text
    doc = extract_file(path).document
    assert (doc.kind, doc.number, doc.date) == ("KeHoach", "215/KH-UBND", "2024-03-05")
    assert doc.issuer == AgencyRef("ubnd_tinh", "Bắc Ninh")


def test_scanned_pdf_without_ocr_is_refused_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from policykg.ingest import read_pdf

    monkeypatch.setattr(read_pdf, "ocr_available", lambda: False)
    path = tmp_path / "scan.pdf"
    write_scanned_pdf(_scan_plan(), path, dpi=50)
    msg = _err(path)
    assert "no text layer" in msg and "tesseract-ocr-vie" in msg


def test_pdf_with_a_password_is_refused_and_without_one_read(tmp_path: Path) -> None:
    from fpdf import FPDF

    from policykg.bench.office import find_font

    def locked(user: str) -> bytes:
        pdf = FPDF()
        pdf.add_font("serif", "", str(find_font()))
        pdf.set_font("serif", "", 12)
        pdf.set_encryption(owner_password="owner", user_password=user)
        pdf.add_page()
        pdf.multi_cell(0, 6, "Số: 7/KH-UBND\nKẾ HOẠCH\nThực hiện Quyết định số 1322/QĐ-TTg")
        return bytes(pdf.output())

    secret = tmp_path / "secret.pdf"
    secret.write_bytes(locked("secret"))
    assert "encrypted .pdf" in _err(secret)
    # copy-protected only (an owner password, no user password): readable as any viewer does
    protected = tmp_path / "protected.pdf"
    protected.write_bytes(locked(""))
    assert "KẾ HOẠCH" in read_text(protected)


def _numbered(d: docx.document.Document, levels: list[tuple[str, str]]) -> str:
    """Add a numbering of ``levels`` (format, text per level) to ``d``; its numId."""
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering = d.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for k, (fmt, text) in enumerate(levels)
    )
    numbering.append(parse_xml(f'<w:abstractNum {w} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {w} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _list_item(d: docx.document.Document, text: str, num_id: str, level: int) -> None:
    from docx.oxml import parse_xml

    p = d.add_paragraph(text)
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {w}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def test_docx_numbering_drawn_by_word_is_written_out(tmp_path: Path) -> None:
    """Section numbers Word draws (not typed) are part of the text: the sections stay."""
    d = docx.Document()
    num = _numbered(d, [("upperRoman", "%1."), ("decimal", "%2."), ("lowerLetter", "%3)")])
    d.add_paragraph("Số: 31/KH-UBND")
    d.add_paragraph("Lạng Sơn, ngày 9 tháng 2 năm 2023")
    d.add_paragraph("KẾ HOẠCH")
    d.add_paragraph("Chuyển đổi số tỉnh Lạng Sơn năm 2023")
    for text, level in [
        ("MỤC TIÊU", 0),
        ("NHIỆM VỤ, GIẢI PHÁP", 0),
        ("Phát triển hạ tầng số", 1),
        ("Cơ quan chủ trì: Sở Thông tin và Truyền thông.", 2),
        ("Thời gian thực hiện: năm 2023.", 2),
        ("Phát triển dữ liệu số", 1),
        ("TỔ CHỨC THỰC HIỆN", 0),
    ]:
        _list_item(d, text, num, level)
    path = tmp_path / "numbered.docx"
    d.save(str(path))
    lines = read_text(path).splitlines()
    assert lines[4:] == [
        "I. MỤC TIÊU",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Phát triển hạ tầng số",
        "a) Cơ quan chủ trì: Sở Thông tin và Truyền thông.",
        "b) Thời gian thực hiện: năm 2023.",
        "2. Phát triển dữ liệu số",  # a deeper level restarts under a new item
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    tasks = extract_file(path).tasks
    assert [t.ref for t in tasks] == ["II.1", "II.2"]
    assert tasks[0].lead == (AgencyRef("so_tttt", "Lạng Sơn"),)


def test_docx_header_laid_out_with_tabs_and_soft_breaks(tmp_path: Path) -> None:
    """No table: the header typed in two columns with tabs, the issuer with a line break."""
    d = docx.Document()
    first = d.add_paragraph()
    first.add_run("BỘ TÀI CHÍNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    second = d.add_paragraph("\tĐộc lập - Tự do - Hạnh phúc")
    del second
    d.add_paragraph()
    d.add_paragraph("Số: 45/2023/TT-BTC\tHà Nội, ngày 12 tháng 7 năm 2023")
    kind = d.add_paragraph()
    kind.add_run("THÔNG TƯ")
    kind.add_run().add_break()
    kind.add_run("Quy định mức thu, chế độ thu, nộp phí thẩm định")
    d.add_paragraph("Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;")
    d.add_paragraph("Điều 1.\tPhạm vi điều chỉnh")
    path = tmp_path / "tt.docx"
    d.save(str(path))
    lines = [s for s in read_text(path).splitlines() if s]
    assert lines[:7] == [
        "BỘ TÀI CHÍNH",
        "Số: 45/2023/TT-BTC",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 12 tháng 7 năm 2023",
        "THÔNG TƯ",
        "Quy định mức thu, chế độ thu, nộp phí thẩm định",
    ]
    assert "Điều 1. Phạm vi điều chỉnh" in lines  # a tab in the body is a space
    doc = extract_file(path).document
    assert (doc.kind, doc.number, doc.date) == ("ThongTu", "45/2023/TT-BTC", "2023-07-12")


def test_docx_task_table_merges_groups_and_repeated_heads(tmp_path: Path) -> None:
    """Group rows merged across columns keep their column; a head row repeated once more
    (a table split by hand across pages) is read once; a cell merged down fills its rows."""
    d = docx.Document()
    head = ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp"]
    rows = [
        head,
        ["I", "Hoàn thiện thể chế", "", ""],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp", "Các sở, ngành"],
        head,
        ["2", "Xây dựng quy chế phối hợp", "Sở Nội vụ", "Sở Tư pháp"],
        ["3", "Ban hành quy định phân cấp", "", "Sở Tài chính"],
    ]
    t = d.add_table(rows=len(rows), cols=4)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    t.cell(1, 1).merge(t.cell(1, 3)).text = "Hoàn thiện thể chế"
    t.cell(4, 2).merge(t.cell(5, 2)).text = "Sở Nội vụ"
    path = tmp_path / "tasks.docx"
    d.save(str(path))
    lines = [s for s in read_text(path).splitlines() if s]
    assert lines == [
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp",
        "I\tHoàn thiện thể chế\t\t",
        "1\tRà soát văn bản quy phạm pháp luật\tSở Tư pháp\tCác sở, ngành",
        "2\tXây dựng quy chế phối hợp\tSở Nội vụ\tSở Tư pháp",
        "3\tBan hành quy định phân cấp\tSở Nội vụ\tSở Tài chính",
    ]


def test_pdf_table_across_pages_is_one_table_with_its_heads_once(tmp_path: Path) -> None:
    rows = [_TASK_HEAD] + [
        [str(k), f"Nhiệm vụ số {k} về chuyển đổi số của các cơ quan nhà nước trên địa bàn tỉnh",
         "Sở Thông tin và Truyền thông" if k % 3 else "Sở Nội vụ", "Các sở, ngành", "2025"]
        for k in range(1, 61)
    ]  # fmt: skip
    plan = _plan()
    plan.blocks = [Block("para", "Phụ lục", heading=True), Block("table", rows=rows)]
    path = tmp_path / "long.pdf"
    write_pdf(plan, path)
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) >= 3  # the table runs over pages, its heads printed on each
    lines = read_text(path).splitlines()
    table = [s for s in lines if "\t" in s]
    assert table == ["\t".join(row) for row in rows]
