"""Tables of a parsed document: header, rows and cells over the original text.

:func:`build_tables` is called by :func:`policykg.ingest.text.parse` once the section tree
is built; it sets ``doc.tables``.

``Table`` / ``TableRow`` / ``Cell``
    ``table.header`` (cells of the first row), ``table.rows`` (data rows, continuation lines
    merged: the first fragment of a continuation line continues the last cell of the line
    before, the next fragments the following columns), ``row.cells``, ``row.lines`` (the raw
    cells of each physical line), ``cell.text``/``start``/``end`` (original offsets),
    ``table.section`` (the section it belongs to, the appendix for an appendix table).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from policykg.ingest.text import Doc, Paragraph, Section

__all__ = ["Cell", "Table", "TableRow", "build_tables"]


@dataclass
class Cell:
    text: str
    start: int
    end: int


@dataclass
class TableRow:
    cells: list[Cell]
    lines: list[list[Cell]]
    start: int
    end: int
    line: int


@dataclass
class Table:
    header: list[Cell]
    rows: list[TableRow]
    start: int
    end: int
    section: Section | None = None


def _split_cells(p: Paragraph) -> list[Cell]:
    cells: list[Cell] = []
    pos = 0
    for part in p.text.split("\t"):
        i, j = pos, pos + len(part)
        s, e = p.span_of(i, j)
        cells.append(Cell(part.strip(), s, e))
        pos = j + 1
    return cells


_ROW_NO = re.compile(r"^\s*(?:\d{1,3}|[IVX]{1,5}|[a-zđ])[.)]?\s*$")


def build_tables(doc: Doc) -> None:
    """Set ``doc.tables``: the tables of the tab-separated rows of ``doc``."""
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
        cells = _split_cells(p)
        if current is None:
            current = Table(cells, [], p.start, p.end, _section_at(doc, p.start))
            tables.append(current)
        elif _ROW_NO.match(cells[0].text) and cells[0].text:
            current.rows.append(TableRow(list(cells), [cells], p.start, p.end, p.line))
        elif current.rows:
            row = current.rows[-1]
            row.lines.append(cells)
            _merge_continuation(row, cells, len(current.header))
            row.end = p.end
        else:
            current.rows.append(TableRow(list(cells), [cells], p.start, p.end, p.line))
        current.end = p.end
        prev_kind = p.kind
    doc.tables = tables


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
