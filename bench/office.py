"""The bundled plans laid out as an office prints them: ``.docx`` and ``.pdf`` copies.

A provincial office does not type a plan as a text file: the issuer block and the national
motto sit side by side in a borderless two-column table, the number and the place-date in
the next row of it; the kind line and the title are often typed in a table cell; the task
appendix is a ruled table whose cells are merged where consecutive rows share an agency;
"Nơi nhận" and the signature block are the two columns of a last borderless table; the PDF
prints the page number at the top of each page after the first and a running footer.

:func:`layout` reads a plan's text (with :func:`policykg.ingest.text.parse`, for its
paragraphs, tables, footnotes, recipients and signature) into a :class:`Layout`;
:func:`write_docx` and :func:`write_pdf` print that layout; :func:`write_scanned_pdf` prints
it and keeps only a picture of each page (no text layer), as a scanner would.
:func:`render_set` writes every plan of a gold folder in one form into a folder with a copy
of the gold files naming the new files: ``policykg eval --set bundled-docx`` /
``bundled-pdf`` score those against the same gold as the texts.

Nothing here is used at run time by the extractor: it makes test and evaluation inputs.
``python -m policykg.bench.office FORM OUT_DIR`` writes the five bundled plans in FORM
(``docx`` or ``pdf``).
"""

from __future__ import annotations

import argparse
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.ingest.text import Doc, Paragraph, clean, parse

__all__ = [
    "Block",
    "Layout",
    "find_font",
    "layout",
    "render_set",
    "write_docx",
    "write_pdf",
    "write_scanned_pdf",
    "write_text",
]

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")

_KIND_LINE = re.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|CÔNG VĂN|THÔNG TƯ|NGHỊ ĐỊNH|TỜ TRÌNH"
    r"|ĐỀ ÁN|CHƯƠNG TRÌNH|BÁO CÁO)\s*$"
)
_SO = re.compile(r"^Số\s*:")
_PLACE_DATE = re.compile(r",\s*ngày\b.*\bnăm\s+\d{4}")
_MOTTO_LINE = re.compile(r"^(?:CỘNG HÒA|CỘNG HOÀ|Độc lập)")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)\b")
_SUPERSCRIPT = "¹²³⁴⁵⁶⁷⁸⁹⁰"


@dataclass
class Block:
    """One piece of the body: a paragraph, a table, or the recipients/signature block.

    ``kind`` is ``"para"`` (``text``; ``heading`` when it is a section or appendix heading;
    ``notes``: footnotes whose marker is in ``text``), ``"table"`` (``rows``: cell texts,
    the first row the column heads) or ``"closing"`` (``recipients`` and ``signature``
    lines; the signer's name is the last signature line).
    """

    kind: str
    text: str = ""
    heading: bool = False
    page_break: bool = False
    notes: list[tuple[str, str]] = field(default_factory=list)  # (marker, note text)
    rows: list[list[str]] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)


@dataclass
class Layout:
    """A plan as an office lays it out: the header fields, then the body blocks."""

    issuer: list[str]
    motto: list[str]
    number: str
    place_date: str
    kind: str
    title: str
    blocks: list[Block]


def _is_heading(p: Paragraph, doc: Doc) -> bool:
    return any(s.paragraphs and s.paragraphs[0] is p for s in doc.sections())


def _note_owner(blocks: list[Block], marker: str) -> Block | None:
    """The last paragraph that carries a footnote's mark."""
    for b in reversed(blocks):
        if marker and b.kind == "para" and marker in b.text:
            return b
    return None


def layout(text: str) -> Layout:
    """The layout of one plan's text (its header fields and body blocks, in order)."""
    doc = parse(text)
    paras = doc.paragraphs
    kind_at = next(k for k, p in enumerate(paras) if _KIND_LINE.match(p.text))
    issuer: list[str] = []
    motto: list[str] = []
    number = place_date = ""
    for p in paras[:kind_at]:
        if p.kind == "furniture":
            continue
        if _SO.match(p.text):
            number = p.text
        elif _PLACE_DATE.search(p.text):
            place_date = p.text
        elif _MOTTO_LINE.match(p.text):
            motto.append(p.text)
        else:  # the issuer block, line by line as printed
            raw = doc.original[p.start : p.end]
            issuer += [ln for ln in (clean(x).strip() for x in raw.splitlines()) if ln]
    title = paras[kind_at + 1].text
    blocks: list[Block] = []
    tables = {t.start: t for t in doc.tables}
    closing: Block | None = None
    for p in paras[kind_at + 2 :]:
        if p.kind == "furniture":
            continue
        if p.kind == "table":
            table = tables.get(p.start)
            if table is not None:
                rows = [[c.text for c in table.header]]
                rows += [[c.text for c in r.cells] for r in table.rows]
                width = max(len(r) for r in rows)
                blocks.append(Block("table", rows=[r + [""] * (width - len(r)) for r in rows]))
            continue
        if p.kind == "footnote":
            marker = re.match(f"[{_SUPERSCRIPT}]+", p.text)
            owner = _note_owner(blocks, marker[0] if marker else "")
            if marker and owner is not None:
                owner.notes.append((marker[0], p.text[len(marker[0]) :].strip()))
                continue
        if p.kind in ("recipients", "signature"):
            if closing is None:
                closing = Block("closing")
                blocks.append(closing)
            (closing.recipients if p.kind == "recipients" else closing.signature).append(p.text)
            continue
        appendix = bool(_APPENDIX.match(p.text))
        blocks.append(
            Block("para", p.text, heading=appendix or _is_heading(p, doc), page_break=appendix)
        )
    return Layout(
        issuer=issuer,
        motto=motto or list(MOTTO),
        number=number,
        place_date=place_date,
        kind=paras[kind_at].text,
        title=title,
        blocks=blocks,
    )


def _merges(rows: list[list[str]]) -> list[list[int]]:
    """Row spans of the body cells: a run of equal non-empty cells in a column (not the
    first, the row number; up to four rows) is one merged cell, as offices merge a shared
    agency."""
    spans = [[1] * len(r) for r in rows]
    for col in range(1, len(rows[0]) if rows else 0):
        r = 1
        while r < len(rows):
            k = r + 1
            while k < len(rows) and k - r < 4 and rows[k][col] and rows[k][col] == rows[r][col]:
                k += 1
            if k - r > 1:
                spans[r][col] = k - r
                for m in range(r + 1, k):
                    spans[m][col] = 0
            r = k
    return spans


def write_text(lay: Layout) -> str:
    """The plain-text copy of ``lay``, as a text version of the same document reads: the
    header column by column, tables as tab-separated rows, notes after their paragraph."""
    lines = [*lay.issuer, lay.number, "", *lay.motto, lay.place_date, "", lay.kind, lay.title]
    for block in lay.blocks:
        if block.kind == "para":
            lines.append(block.text)
            lines += [f"{marker} {note}" for marker, note in block.notes]
        elif block.kind == "table":
            lines.append("")
            lines += ["\t".join(row) for row in block.rows]
            lines.append("")
        else:
            lines += [*block.recipients, "", *block.signature]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# .docx


def write_docx(lay: Layout, path: str | Path) -> None:
    """Print ``lay`` as a Word file: header table, kind cell, body, tables, closing table."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name = "Times New Roman"
    style.font.size = Pt(13)
    section = d.sections[0]
    # running header and footer: never body text
    section.header.paragraphs[0].text = lay.number or lay.kind
    foot = section.footer.paragraphs[0]
    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), "PAGE")
    foot._p.append(fld)

    def cell_lines(cell: Any, lines: list[str], bold: bool = False) -> None:
        cell.text = ""
        for k, line in enumerate(lines):
            par = cell.paragraphs[0] if k == 0 else cell.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            par.add_run(line).bold = bold

    head = d.add_table(rows=2, cols=2)
    cell_lines(head.cell(0, 0), lay.issuer, bold=True)
    cell_lines(head.cell(0, 1), [*lay.motto, "---------------"], bold=True)
    cell_lines(head.cell(1, 0), [lay.number] if lay.number else [])
    cell_lines(head.cell(1, 1), [lay.place_date] if lay.place_date else [])
    d.add_paragraph()
    kind = d.add_table(rows=1, cols=1)
    cell_lines(kind.cell(0, 0), [lay.kind, lay.title], bold=True)

    notes: list[tuple[int, str]] = []
    for block in lay.blocks:
        if block.kind == "para":
            par = d.add_paragraph()
            if block.page_break:
                par.add_run().add_break(WD_BREAK.PAGE)
            text = block.text
            for marker, note in block.notes:
                before, _, text = text.partition(marker)
                par.add_run(before).bold = block.heading
                notes.append((len(notes) + 1, note))
                ref = par.add_run()
                el = OxmlElement("w:footnoteReference")
                el.set(qn("w:id"), str(len(notes)))
                ref._r.append(el)
            par.add_run(text).bold = block.heading
        elif block.kind == "table":
            rows = block.rows
            table = d.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            spans = _merges(rows)
            for r, row in enumerate(rows):
                for c, value in enumerate(row):
                    if spans[r][c] == 0:
                        continue
                    cell = table.cell(r, c)
                    if spans[r][c] > 1:
                        cell = cell.merge(table.cell(r + spans[r][c] - 1, c))
                    cell.text = value
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
            _repeat_header(table)
            d.add_paragraph()
        else:
            table = d.add_table(rows=1, cols=2)
            left, right = table.cell(0, 0), table.cell(0, 1)
            cell_lines(left, block.recipients)
            for par in left.paragraphs:
                par.alignment = WD_ALIGN_PARAGRAPH.LEFT
            *sign, name = block.signature or [""]
            cell_lines(right, [*sign, "", "", name], bold=True)
    if notes:
        _add_footnotes(d, notes)
    d.save(str(path))


def _repeat_header(table: Any) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _add_footnotes(d: Any, notes: list[tuple[int, str]]) -> None:
    """A footnotes part (python-docx writes none): the separators and one note per id."""
    from xml.sax.saxutils import escape

    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>",
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>",
    ]
    for nid, text in notes:
        body.append(
            f'<w:footnote w:id="{nid}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}'
            f"</w:t></w:r></w:p></w:footnote>"
        )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
    xml += "".join(body) + "</w:footnotes>"
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, xml.encode("utf-8"), d.part.package)
    d.part.relate_to(part, _FOOTNOTES_RT)


# ---------------------------------------------------------------------------
# .pdf


def find_font(bold: bool = False, sans: bool = False) -> Path:
    """A TrueType font with Vietnamese glyphs: DejaVu Serif, or DejaVu Sans (more symbols)
    with ``sans`` (matplotlib ships both; Debian's fonts-dejavu-core has them too)."""
    name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
    if sans:
        name = "DejaVuSans.ttf"
    candidates = [Path("/usr/share/fonts/truetype/dejavu") / name]
    try:
        import matplotlib

        candidates.insert(0, Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name)
    except ImportError:  # pragma: no cover
        pass
    for c in candidates:
        if c.is_file():
            return c
    raise FileNotFoundError(f"no {name}: install matplotlib or fonts-dejavu-core")


_SIZE = 11.5  # points: DejaVu is wider than Times New Roman 13


def write_pdf(lay: Layout, path: str | Path, *, ragged: bool = False) -> None:
    """Print ``lay`` as a PDF: header columns, wrapped justified paragraphs with a first-line
    indent, ruled tables (merged cells, column heads repeated on each page), the closing
    columns, the page number at the top of pages after the first and a running footer."""
    Path(path).write_bytes(_pdf_bytes(lay, ragged=ragged))


def _pdf_bytes(lay: Layout, *, ragged: bool = False) -> bytes:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    footer_text = lay.number or lay.kind

    class Office(FPDF):
        def header(self) -> None:
            if self.page_no() > 1:
                self.set_font("serif", "", 10)
                self.set_y(8)
                self.cell(0, 5, str(self.page_no()), align="C")
                self.set_y(self.t_margin)

        def footer(self) -> None:
            self.set_y(-12)
            self.set_font("serif", "", 8)
            self.cell(0, 4, footer_text, align="R")

    pdf = Office(format="A4")
    pdf.set_margins(25, 18, 18)
    pdf.set_auto_page_break(True, margin=18)
    pdf.add_font("serif", "", str(find_font()))
    pdf.add_font("serif", "B", str(find_font(bold=True)))
    pdf.add_font("sans", "", str(find_font(sans=True)))
    pdf.set_fallback_fonts(["sans"])
    pdf.add_page()
    lh = _SIZE * 0.5  # mm per line

    def columns(
        left: list[str], right: list[str], lw: float, bold: tuple[bool, bool], size: float
    ) -> None:
        y = pdf.get_y()
        x0 = pdf.l_margin
        rw = pdf.w - pdf.r_margin - x0 - lw
        pdf.set_font("serif", "B" if bold[0] else "", size)
        pdf.set_xy(x0, y)
        pdf.multi_cell(lw, lh, "\n".join(left), align="C")
        y_left = pdf.get_y()
        pdf.set_font("serif", "B" if bold[1] else "", size)
        pdf.set_xy(x0 + lw, y)
        pdf.multi_cell(rw, lh, "\n".join(right), align="C")
        pdf.set_y(max(y_left, pdf.get_y()))

    columns(lay.issuer, [*lay.motto, "---------------"], 65, (True, True), size=11)
    pdf.ln(1)
    columns([lay.number], [lay.place_date], 65, (False, False), size=11)
    pdf.ln(6)
    pdf.set_font("serif", "B", _SIZE + 1)
    pdf.multi_cell(0, lh, lay.kind, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("serif", "B", _SIZE)
    pdf.multi_cell(0, lh, lay.title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    body_w = pdf.w - pdf.l_margin - pdf.r_margin

    for block in lay.blocks:
        if block.kind == "para":
            if block.page_break:
                pdf.add_page()
            pdf.set_font("serif", "B" if block.heading else "", _SIZE)
            with (
                pdf.text_columns(
                    text_align="L" if ragged else "J", line_height=1.4 if ragged else 1.0
                ) as cols,
                cols.paragraph(
                    first_line_indent=0 if ragged else 8, bottom_margin=2.5 if ragged else 1.2
                ) as par,
            ):
                par.write(block.text)
            for marker, note in block.notes:
                pdf.set_font("serif", "", 9)
                pdf.multi_cell(0, 4, f"{marker} {note}", align="J", new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "table":
            rows = block.rows
            spans = _merges(rows)
            widths = _col_widths(rows)
            pdf.set_font("serif", "", 10)
            with pdf.table(
                col_widths=widths,
                width=body_w,
                line_height=4.6,
                text_align="LEFT",
                headings_style=FontFace(emphasis="BOLD"),
                repeat_headings=1,
                first_row_as_headings=True,
            ) as table:
                for r, row in enumerate(rows):
                    pdf_row = table.row()
                    for c, value in enumerate(row):
                        if spans[r][c] == 0:
                            continue
                        pdf_row.cell(value, rowspan=spans[r][c])
            pdf.ln(4)
        else:
            pdf.ln(3)
            *sign, name = block.signature or [""]
            y = pdf.get_y()
            if y > pdf.h - 70:
                pdf.add_page()
                y = pdf.get_y()
            pdf.set_font("serif", "", 9.5)
            pdf.set_xy(pdf.l_margin, y)
            pdf.multi_cell(80, 4.5, "\n".join(block.recipients), align="L")
            y_left = pdf.get_y()
            pdf.set_font("serif", "B", _SIZE)
            pdf.set_xy(pdf.l_margin + 85, y)
            pdf.multi_cell(body_w - 85, lh, "\n".join([*sign, "", "", "", name]), align="C")
            pdf.set_y(max(y_left, pdf.get_y()) + 2)
    data: bytearray = pdf.output()
    return bytes(data)


def _col_widths(rows: list[list[str]]) -> tuple[float, ...]:
    """Column widths from the longest text of each column (a row number column stays narrow)."""
    n = len(rows[0])
    longest = [max(min(len(r[c]), 400) for r in rows) for c in range(n)]
    widths = [max(8.0, float(x) ** 0.5 * 6) for x in longest]
    if all(re.fullmatch(r"\d{0,3}|STT|TT", r[0]) for r in rows):
        widths[0] = 14.0
    return tuple(widths)


def write_scanned_pdf(lay: Layout, path: str | Path, *, dpi: int = 200) -> None:
    """:func:`write_pdf`, then each page kept only as a picture: a PDF with no text layer."""
    import pypdfium2
    from fpdf import FPDF

    source = pypdfium2.PdfDocument(_pdf_bytes(lay))
    scan = FPDF(format="A4")
    scan.set_auto_page_break(False)
    try:
        for page in source:
            image = page.render(scale=dpi / 72).to_pil().convert("L")
            buf = io.BytesIO()
            image.save(buf, format="PNG")
            scan.add_page()
            scan.image(buf, x=0, y=0, w=scan.w, h=scan.h)
    finally:
        source.close()
    Path(path).write_bytes(bytes(scan.output()))


# ---------------------------------------------------------------------------
# evaluation sets


WRITERS = {"docx": write_docx, "pdf": write_pdf}


def render_set(texts_dir: str | Path, gold_dir: str | Path, out_dir: str | Path, form: str) -> Path:
    """Write each plan of ``gold_dir`` (its text in ``texts_dir``) as ``form`` into
    ``out_dir``, with a copy of its gold file whose ``source`` names the new file; return
    the folder of those gold copies (``out_dir/gold``)."""
    write = WRITERS[form]
    out = Path(out_dir)
    golds = out / "gold"
    golds.mkdir(parents=True, exist_ok=True)
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        source = gold.get("source") or gold_path.with_suffix(".txt").name
        src = Path(texts_dir) / source
        if not src.is_file():
            continue
        target = Path(source).with_suffix("." + form).name
        write(layout(src.read_text(encoding="utf-8")), out / target)
        gold["source"] = target
        (golds / gold_path.name).write_text(
            json.dumps(gold, ensure_ascii=False, indent=2), encoding="utf-8"
        )
    return golds


def main(argv: list[str] | None = None) -> None:
    from policykg import bundled_corpus

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("form", choices=sorted(WRITERS))
    ap.add_argument("out_dir", type=Path)
    args = ap.parse_args(argv)
    corpus = bundled_corpus()
    render_set(corpus, corpus.parent / "tests" / "gold", args.out_dir, args.form)


if __name__ == "__main__":
    main()
