"""Tables of a parsed document: header, rows and cells over the original text.

:func:`build_tables` is called by :func:`policykg.ingest.text.parse` once the section tree
is built; it sets ``doc.tables``. Tables come in these written forms:

* **rows of cells**: cells separated by tabs (a Word table pasted as text, the bundled
  plans), and Markdown or flattened Word rows (``| STT | Nhiệm vụ | ... |``, ``1 | Tổ chức
  ... | Sở X``), whose bars the reading layer (:mod:`policykg.ingest.reading`) turns into
  tabs. The first row is the header; a row under it that names sub-columns (``| | |
  Chủ trì | Phối hợp |``) is joined to it, a column-number row (``(1) | (2) | ...``)
  dropped. A row starts at its number; a line that does not start with one continues the
  row above (column by column for a full Markdown row, else fragment by fragment).
* **column-less rows**: Official Gazette / PDF text where every cell of a row sits on
  lines of its own, one cell after the other, with no separator; read by
  :mod:`policykg.ingest.linear_tables` (task tables) and
  :mod:`policykg.ingest.indicator_tables` (tables of indicators).
* **aligned columns**: PDF text kept in its layout, each cell starting at its column's
  character position, runs of spaces between cells, a long cell wrapped at its column;
  read by :mod:`policykg.ingest.aligned_tables` (task tables).

``Table`` / ``TableRow`` / ``Cell``
    ``table.header`` (cells of the header, sub-column names joined to their column),
    ``table.rows`` (data rows), ``table.form`` ("tab", "gazette", "aligned"), ``row.cells``,
    ``row.lines`` (the raw cells of each physical line of tab rows), ``cell.text`` (clean,
    one line), ``cell.start``/``cell.end`` (original offsets of its first and last
    character), ``cell.parts`` (the original spans the cell is made of, when it is not one
    span: a cell split by a page break), ``table.section`` (the section it belongs to, the
    appendix for an appendix table).
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from policykg.ingest.aligned_tables import aligned_tables
from policykg.ingest.linear_tables import linear_tables
from policykg.ingest.reading import nfc_mapped
from policykg.ingest.table_model import Cell, Table, TableRow, cell_spans

if TYPE_CHECKING:
    from policykg.ingest.text import Doc, Paragraph, Section

__all__ = ["Cell", "Table", "TableRow", "build_tables", "cell_spans"]


def build_tables(doc: Doc) -> None:
    """Set ``doc.tables``: every table of ``doc`` in text order, whatever its form."""
    tables = _tab_tables(doc) + _linear_tables(doc) + aligned_tables(doc.original)
    tables.sort(key=lambda t: t.start)
    for t in tables:
        t.section = _section_at(doc, t.start)
    doc.tables = tables


def _linear_tables(doc: Doc) -> list[Table]:
    """The tables written one cell a line, read in the original composed (NFC: a
    decomposed copy reads as the same words), their offsets mapped back to the original.
    (Not in the logical text: the reader needs the page furniture to know where a page
    breaks a row.)"""
    mt = nfc_mapped(doc.original)
    if mt.text == doc.original:
        return linear_tables(doc.original)

    def start(i: int) -> int:
        return mt.starts[i] if i < len(mt.text) else (mt.ends[-1] if len(mt.text) else 0)

    def end(i: int, j: int) -> int:
        return mt.ends[j - 1] if j > i else start(i)

    def cell(c: Cell) -> Cell:
        parts = tuple((start(a), end(a, b)) for a, b in c.parts)
        return Cell(c.text, start(c.start), end(c.start, c.end), parts)

    out: list[Table] = []
    for t in linear_tables(mt.text):
        rows = [
            TableRow(
                [cell(c) for c in r.cells],
                [[cell(c) for c in ln] for ln in r.lines],
                start(r.start),
                end(r.start, r.end),
                r.line,
            )
            for r in t.rows
        ]
        out.append(
            Table(
                [cell(c) for c in t.header], rows, start(t.start), end(t.start, t.end), form=t.form
            )
        )
    return out


# --- tab rows ---------------------------------------------------------------------------


def _split_cells(p: Paragraph) -> list[Cell]:
    cells: list[Cell] = []
    pos = 0
    for part in p.text.split("\t"):
        i, j = pos, pos + len(part)
        s, e = p.span_of(i, j)
        cells.append(Cell(part.strip(), s, e))
        pos = j + 1
    return cells


_ROW_NO = re.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6}|[A-Za-zđ])[.)]?\s*$")


def _tab_tables(doc: Doc) -> list[Table]:
    """Tables of tab-separated rows (also Markdown and ``" | "`` rows: the reading layer
    writes their cells with tabs).

    The first row is the header; a next row naming sub-columns ("| | Chủ trì | Phối hợp |")
    is joined to it and a column-number row ("(1) | (2) | (3)") dropped. A row starts at a
    row number; a line that does not start with one continues the row above: column by
    column when it has as many cells as the header (a Markdown row), else fragment by
    fragment (:func:`_merge_continuation`).
    """
    tables: list[Table] = []
    current: Table | None = None
    prev_kind = ""
    for p in doc.paragraphs:
        if p.kind != "table":
            if p.kind in ("text",) and current is not None and prev_kind == "table":
                # a blank-separated continuation keeps the table open only if tabbed
                current = None
            prev_kind = p.kind
            continue
        prev_kind = p.kind
        cells = _split_cells(p)
        texts = [c.text for c in cells]
        if current is None:
            current = Table(cells, [], p.start, p.end)
            tables.append(current)
            continue
        current.end = p.end
        if texts == [c.text for c in current.header] or (
            texts[:2] == [c.text for c in current.header[:2]]
            and texts[0]
            and not texts[0][0].isdigit()
        ):
            continue  # the header printed again at the top of a page
        if not current.rows and _is_subheader(cells):
            current.header = _merge_header(current.header, cells)
        elif len(cells) > 2 and all(_COLUMN_NO.match(t) for t in texts):
            continue  # "(1) | (2) | (3)" column numbers
        elif _ROW_NO.match(texts[0]) and texts[0]:
            current.rows.append(TableRow(list(cells), [cells], p.start, p.end, p.line))
        elif current.rows:
            row = current.rows[-1]
            if len(cells) >= len(current.header) > 2 and not texts[0]:
                _extend_row(row, cells, p.end)
            else:
                row.lines.append(cells)
                _merge_continuation(row, cells, len(current.header))
                row.end = p.end
        else:
            current.rows.append(TableRow(list(cells), [cells], p.start, p.end, p.line))
    return tables


def _merge_continuation(row: TableRow, cells: list[Cell], width: int) -> None:
    frags = list(cells)
    while frags and not frags[0].text:
        frags.pop(0)
    last_line = row.lines[-2] if len(row.lines) >= 2 else row.cells
    col = len(last_line) - 1
    # column of the last cell of the previous physical line within the row
    col = min(max(col, 0), len(row.cells) - 1)
    for k, frag in enumerate(frags):
        target = col + k
        if width:
            target = min(target, max(width, len(row.cells)) - 1)
        while target >= len(row.cells):
            row.cells.append(Cell("", frag.start, frag.start))
        c = row.cells[target]
        text = f"{c.text} {frag.text}".strip() if c.text else frag.text
        start = c.start if c.text else frag.start
        row.cells[target] = Cell(text, start, frag.end)


def _section_at(doc: Doc, offset: int) -> Section | None:
    best: Section | None = None
    for s in doc.sections():
        if s.start <= offset and (s.end >= offset or s.style == "appendix"):
            best = s
    return best


# --- header rows, continuation rows ------------------------------------------------------

_COLUMN_NO = re.compile(r"^\(?\d{1,2}\)?$|^$")
_SUBHEADER_WORDS = re.compile(r"chủ trì|phối hợp|thực hiện|cho ý kiến|chính phủ|bộ trưởng")


def _merge_header(header: list[Cell], sub: list[Cell]) -> list[Cell]:
    """The header with the names of a sub-header row joined to their columns.

    A sub-header with as many cells as the header is read column by column; a shorter one
    (cells of the spanned columns only) fills the header's spanned groups: a named cell
    followed by empty ones.
    """
    out = list(header)
    if len(sub) >= len(header):
        pairs = list(enumerate(sub[: len(header)]))
    else:
        names = [c for c in sub if c.text]
        slots: list[int] = []
        for k, c in enumerate(header):
            if not c.text and k > 0:
                if not slots or slots[-1] != k - 1:
                    slots.append(k - 1)
                slots.append(k)
        pairs = list(zip(slots, names, strict=False))
    for k, c in pairs:
        if not c.text:
            continue
        h = out[k]
        text = f"{h.text} {c.text}".strip()
        out[k] = Cell(text, h.start if h.text else c.start, c.end)
    return out


def _is_subheader(cells: list[Cell]) -> bool:
    if not cells or re.match(r"^\d", cells[0].text):
        return False
    texts = [c.text for c in cells if c.text]
    if not texts:
        return False
    folded = [unicodedata.normalize("NFC", t).lower() for t in texts]
    return sum(1 for t in folded if _SUBHEADER_WORDS.search(t)) >= 1 and all(
        len(t) <= 40 for t in texts
    )


def _extend_row(row: TableRow, cells: list[Cell], end: int) -> None:
    """A line whose first cell is empty continues ``row``, column by column."""
    row.lines.append(cells)
    for k, c in enumerate(cells):
        if not c.text or (
            len(c.text) >= 15 and any(c.text.lower() in o.text.lower() for o in row.cells)
        ):
            continue  # empty, or the overflow of a cell above printed again
        while k >= len(row.cells):
            row.cells.append(Cell("", c.start, c.start))
        old = row.cells[k]
        if not old.text:
            row.cells[k] = c
            continue
        parts = (*cell_spans(old), *cell_spans(c))
        row.cells[k] = Cell(f"{old.text} {c.text}", old.start, c.end, parts)
    row.end = end
