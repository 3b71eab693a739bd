"""Tables whose columns are aligned with runs of spaces (PDF text kept in its layout).

Text taken from a PDF with its layout kept ("pdftotext -layout", layout-preserving OCR)
prints a table as lines whose cells start at the same character column, with runs of two or
more spaces between them, and wraps a long cell onto the next lines at the same column::

     TT   Nhiệm vụ                                 Cơ quan chủ trì     Cơ quan phối hợp
     1    Rà soát văn bản quy phạm pháp luật về    Sở Tư pháp          Sở Công Thương
          thương mại điện tử
     2    Xây dựng chính sách hỗ trợ doanh         Sở Công Thương      Sở Tài chính,
          nghiệp                                                       Sở Nội vụ

:func:`aligned_tables` finds such a table by its header: a line whose first field is "TT" /
"STT" and whose fields (text separated by two or more spaces) name three or more columns,
one of them who leads ("chủ trì", "Cơ quan thực hiện") or who takes part ("phối hợp");
header lines under it (a column name wrapped: "Cơ quan" / "chủ trì") add to the column
they stand under. Each later field belongs to the column whose start is the nearest at or
before it. A line whose first column holds a row number starts a row; the other lines go
on with the row above, column by column. The table ends at a line that starts left of the
second column without a row number (the text after the table), at a heading, or where the
document's blocks end (a "Nơi nhận", an appendix heading). Gazette page furniture between
rows is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.ingest.reading import clean
from policykg.ingest.table_model import Cell, Line, Table, TableRow, lines_of, span_cell
from policykg.ingest.table_rows import FURNITURE

__all__ = ["aligned_tables"]

#: A field: words with single spaces between them; two or more spaces or a tab end it.
_FIELD = re.compile(r"[^\s]+(?: [^\s]+)*")
_HEADER_FIRST = re.compile(r"^(?:S\s?TT|TT|Số\s+TT)\.?$", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"chủ\s+trì|phối\s+hợp|(?:cơ\s+quan|đơn\s+vị)\s+(?:thực\s+hiện|chịu\s+trách\s+nhiệm)",
    re.IGNORECASE,
)
#: an indicator table's header: a name column ("Chỉ tiêu", "Chỉ số") and a unit or value
#: column ("Đơn vị tính", "Năm 2026", "Kế hoạch", "Mục tiêu")
_INDICATOR_NAME = re.compile(r"\bchỉ\s+tiêu\b|\bchỉ\s+số\b", re.IGNORECASE)
_INDICATOR_VALUE = re.compile(
    r"^(?:đơn\s+vị(?:\s+tính)?|đvt)$|(?:19|20)\d\d|kế\s+hoạch|mục\s+tiêu", re.IGNORECASE
)
_ROW_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6}|[A-H])[.)]?$")
_PAGE_NO = re.compile(r"^\s*\d{1,4}\s*$")
_END = re.compile(
    r"^\s*(?:PHỤ\s+LỤC|Phụ\s+lục|Nơi\s+nhận|NƠI\s+NHẬN|Điều\s+\d+\s*[.:]|(?:TM|KT|TL)\.\s"
    r"|[IVXL]{1,6}\.\s+\S)"
)
#: Tolerance, in characters, for a field starting a little left of its column.
_SLACK = 2


@dataclass
class _Field:
    text: str
    col: int  # character column where it starts on its line
    start: int  # original offsets
    end: int


@dataclass
class _Row:
    label_line: Line
    spans: list[list[tuple[int, int]]] = field(default_factory=list)


def _fields(ln: Line) -> list[_Field]:
    """The fields of a line: runs of text separated by two or more spaces or a tab."""
    return [
        _Field(m.group(), m.start(), ln.start + m.start(), ln.start + m.end())
        for m in _FIELD.finditer(ln.raw)
    ]


def aligned_tables(original: str) -> list[Table]:
    """Every task or indicator table of ``original`` whose columns are aligned with
    spaces."""
    if "   " not in original:
        return []
    lines = lines_of(original)
    out: list[Table] = []
    i = 0
    while i < len(lines):
        fields = _fields(lines[i])
        if len(fields) >= 3 and _HEADER_FIRST.match(fields[0].text):
            found = _read_table(original, lines, i, fields)
            if found is not None:
                table, i = found
                out.append(table)
                continue
        i += 1
    return out


def _column_of(cols: list[int], at: int) -> int:
    k = 0
    for n, c in enumerate(cols):
        if c <= at + _SLACK:
            k = n
    return k


def _runs_over(fs: list[_Field], cols: list[int]) -> bool:
    """Whether a line's field runs on past the start of the column after its own (a
    sentence of prose, not a cell wrapped at its column's width)."""
    for f in fs:
        k = _column_of(cols, f.col)
        if k + 1 < len(cols) and f.col + len(f.text) > cols[k + 1] + _SLACK:
            return True
    return False


def _read_table(
    original: str, lines: list[Line], i: int, head: list[_Field]
) -> tuple[Table, int] | None:
    cols = [f.col for f in head]
    names: list[list[tuple[int, int]]] = [[(f.start, f.end)] for f in head]
    j = i + 1
    # header lines under the first: column names wrapped (no row number in the first column)
    while j < len(lines) and j - i <= 4:
        fs = _fields(lines[j])
        if not fs or fs[0].col < cols[1] - _SLACK:
            break  # a row number, or text left of the columns
        for f in fs:
            names[_column_of(cols, f.col)].append((f.start, f.end))
        j += 1
    header = [span_cell(original, spans) for spans in names]
    indicators = any(_INDICATOR_NAME.search(c.text) for c in header[1:3]) and any(
        _INDICATOR_VALUE.search(clean(c.text)) for c in header[2:]
    )
    if not (_ROLE_WORDS.search(" ".join(c.text for c in header)) or indicators):
        return None
    rows: list[_Row] = []
    header_texts = [clean(lines[n].raw) for n in range(i, j)]
    while j < len(lines):
        ln = lines[j]
        raw = ln.raw.strip()
        if not raw or _PAGE_NO.match(raw) or FURNITURE.match(raw):
            j += 1
            continue
        if clean(ln.raw) in header_texts:
            j += 1  # the header printed again at the top of a page
            continue
        if _END.match(ln.raw):
            break
        fs = _fields(ln)
        first = fs[0]
        if first.col < cols[1] - _SLACK:
            if not _ROW_LABEL.match(first.text):
                break  # text after the table
            rows.append(_Row(ln, [[] for _ in cols]))
            rows[-1].spans[0].append((first.start, first.end))
            fs = fs[1:]
        elif not rows:
            break
        elif _runs_over(fs, cols):
            break  # prose after the table: a line that runs across the columns
        for f in fs:
            rows[-1].spans[_column_of(cols, f.col)].append((f.start, f.end))
        j += 1
    if not rows:
        return None
    table_rows: list[TableRow] = []
    for r in rows:
        cells: list[Cell] = [span_cell(original, spans) for spans in r.spans]
        end = max((c.end for c in cells), default=r.label_line.end)
        table_rows.append(TableRow(cells, [cells], r.label_line.start, end, r.label_line.no))
    return Table(header, table_rows, lines[i].start, table_rows[-1].end, form="aligned"), j
