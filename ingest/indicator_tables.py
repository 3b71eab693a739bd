"""Indicator tables written a cell a line (Official Gazette / PDF text).

A table of indicators taken from a PDF keeps no column separator: each row is its number
alone on a line, then the lines of the indicator's name, then its unit, its value (one per
value column) and the body that monitors it, each wrapped at its column's width::

    STT
    Chỉ tiêu
    Đơn vị tính
    Chỉ tiêu năm
    2026
    Đơn vị chủ trì theo
    dõi
    1
    Tỷ lệ công dân từ đủ 14 tuổi trở
    lên được cấp thẻ căn cước
    %
    100
    Cục Cảnh sát quản lý
    hành chính về trật tự xã hội

:func:`indicator_table` reads such a table once :mod:`policykg.ingest.linear_tables` has
found its header (a "TT"/"STT" line, then a "Chỉ tiêu"/"Chỉ số" column and a unit column,
no task column): the header lines are split into column names where a line starts with a
capital (a year alone starts a column after a year column: "2026 / 2027"); each row's lines
are split into the name (its first line and every line that goes on a wrapped sentence),
the unit (the last piece before the first value, when the header names a unit column), the
values (lines that are a number, with a comparator or a "%": "100", "≥ 60", "ít nhất 30",
"< 0,05", "15 - 20%") and the rest (the monitoring body). A group row ("I / Đến năm 2030")
keeps its name alone. Page furniture and a header printed again are skipped as for task
tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.ingest.reading import clean
from policykg.ingest.table_model import Cell, Line, Table, TableRow, cell_of_lines
from policykg.ingest.table_rows import read_rows

__all__ = ["indicator_header", "indicator_table"]

_NAME = re.compile(r"\bchỉ\s+tiêu\b|\bchỉ\s+số\b", re.I)
_UNIT = re.compile(r"^(?:đơn\s+vị\s+tính|đvt|đơn\s+vị|đơn\s+vị\s+đo)$", re.I)
_TASK = re.compile(r"nhiệm\s+vụ|nội\s+dung|giải\s+pháp|hoạt\s+động", re.I)
#: a value cell: a number with its comparator, "%" or range ("≥ 60", "ít nhất 30", "100%")
_VALUE = re.compile(
    r"^\s*(?:[≥≤<>]=?|>=|<=|trên|dưới|tối\s+thiểu|ít\s+nhất|tối\s+đa|không\s+quá|khoảng|top)?"
    r"\s*\d[\d.,]*\s*%?(?:\s*[-–]\s*\d[\d.,]*\s*%?)?\s*[;.]?\s*$",
    re.I,
)
#: a unit of measure written in lower case on its own line
_MEASURE = re.compile(
    r"^\s*(?:ha|km2?|m2|m3|m²|kg|tấn|lít|mw|kw|kwh|gb|tb|tbps|lượt|người|hộ|%|‰)\s*$", re.I
)
_YEAR = re.compile(r"^\s*(?:năm\s+)?(?:19|20)\d\d\s*$", re.I)
#: words that leave a column name or a wrapped line open ("Chỉ tiêu năm / 2026")
_OPEN = re.compile(r"(?:\b(?:năm|đến|và|của|với|các|theo|về|trong|giai\s+đoạn)|[-,/(])\s*$", re.I)


def _header_names(lines: Sequence[Line]) -> list[list[Line]]:
    """The header's lines (after "STT") grouped into column names."""
    cols: list[list[Line]] = []
    for ln in lines:
        raw = ln.raw.strip()
        if not raw:
            continue
        prev = cols[-1] if cols else None
        starts = raw[:1].isupper() or raw[:1] in "%("
        if prev is not None and _YEAR.match(raw):
            starts = bool(_YEAR.match(prev[-1].raw)) or not _OPEN.search(prev[-1].raw)
        elif prev is not None and _OPEN.search(prev[-1].raw):
            starts = False
        if prev is None or starts:
            cols.append([ln])
        else:
            prev.append(ln)
    return cols


def indicator_header(header: Sequence[Line]) -> bool:
    """Is this a Gazette header of an indicator table ("STT / Chỉ tiêu / Đơn vị tính /
    ...", no task column)?"""
    names = [clean(" ".join(ln.raw for ln in col)) for col in _header_names(header[1:])]
    return (
        any(_NAME.search(n) for n in names[:2])
        and any(_UNIT.match(n) for n in names)
        and not any(_TASK.search(n) for n in names)
    )


def _pieces(lines: Sequence[Line]) -> list[list[Line]]:
    """Lines grouped where a line starts a new cell: with a capital or a symbol, after a
    line that leaves nothing open; a line in lower case goes on the one before."""
    out: list[list[Line]] = []
    for ln in lines:
        raw = ln.raw.strip()
        if not raw:
            continue
        new = raw[:1].isupper() or not raw[:1].isalpha()
        if out and (not new or _OPEN.search(out[-1][-1].raw)):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _split_row(lines: Sequence[Line], n_values: int, has_unit: bool) -> list[list[Line]]:
    """[name, unit, value ..., rest] of a row's lines (empty lists where a cell is blank)."""
    lines = [ln for ln in lines if ln.raw.strip()]
    first_value = next((k for k, ln in enumerate(lines) if k > 0 and _VALUE.match(ln.raw)), None)
    if first_value is None:
        return [list(lines)] + [[] for _ in range(n_values + (2 if has_unit else 1))]
    pieces = _pieces(lines[:first_value])
    unit: list[Line] = []
    if has_unit and len(pieces) == 1 and len(pieces[0]) > 1 and _MEASURE.match(pieces[0][-1].raw):
        unit = [pieces[0].pop()]  # a unit in lower case: "... vùng trồng / ha / ≥ 25.000"
    elif has_unit and len(pieces) > 1:
        unit = pieces.pop()
    name = [ln for p in pieces for ln in p]
    values: list[list[Line]] = []
    k = first_value
    while k < len(lines) and len(values) < n_values and _VALUE.match(lines[k].raw):
        values.append([lines[k]])
        k += 1
    values += [[] for _ in range(n_values - len(values))]
    rest = list(lines[k:])
    return [name] + ([unit] if has_unit else []) + values + [rest]


def indicator_table(
    original: str, lines: list[Line], i: int, header: Sequence[Line], j: int
) -> tuple[Table, int] | None:
    """The indicator table whose header runs from ``lines[i]`` ("STT") to the first row
    at ``lines[j]``, and the index of the line after it."""
    cols = _header_names(header[1:])
    names = [clean(" ".join(ln.raw for ln in col)) for col in cols]
    has_unit = any(_UNIT.match(n) for n in names)
    unit_at = next((k for k, n in enumerate(names) if _UNIT.match(n)), 1)
    # the value columns: after the unit up to the first column that names a body or a note
    tail = names[unit_at + 1 :] if has_unit else names[1:]
    n_values = next(
        (k for k, n in enumerate(tail) if re.search(r"cơ quan|đơn vị|chủ trì|ghi chú", n, re.I)),
        len(tail),
    )
    header_words = [clean(ln.raw).lower() for ln in header]
    rows, end = read_rows(lines, j, header_words)
    if not rows:
        return None
    header_cells = [Cell(clean(header[0].raw), header[0].start, header[0].end)]
    header_cells += [Cell(n, col[0].start, col[-1].end) for n, col in zip(names, cols, strict=True)]
    n_cols = len(names)
    out: list[TableRow] = []
    for r in rows:
        row_lines = [ln for seg in r.segments for ln in seg]
        parts = _split_row(row_lines, n_values, has_unit)
        # as many cells as the header has columns: extra pieces go to the last one
        parts = parts[:n_cols] if len(parts) >= n_cols else parts + [[]] * (n_cols - len(parts))
        label = Cell(r.label, r.label_line.start, r.label_line.end)
        cells = [label] + [
            cell_of_lines(original, p) if p else Cell("", label.end, label.end) for p in parts
        ]
        row_end = max((c.end for c in cells), default=label.end)
        out.append(TableRow(cells, [cells], r.label_line.start, row_end, r.label_line.no))
    table_end = max((row.end for row in out), default=lines[i].end)
    return Table(header_cells, out, lines[i].start, table_end, form="gazette"), end
