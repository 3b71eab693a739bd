"""The parts of a table, over the original text: :class:`Table`, :class:`TableRow`,
:class:`Cell`, and the physical lines (:class:`Line`) the readers of column-less and
aligned tables build cells from.

Shared by the table readers (:mod:`policykg.ingest.tables`,
:mod:`~policykg.ingest.linear_tables`, :mod:`~policykg.ingest.indicator_tables`,
:mod:`~policykg.ingest.aligned_tables`) and their users; it imports none of them, so the
readers import each other in one direction only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from policykg.ingest.reading import clean

if TYPE_CHECKING:
    from policykg.ingest.text import Section

__all__ = [
    "Cell",
    "Line",
    "Table",
    "TableRow",
    "cell_of_lines",
    "cell_spans",
    "lines_of",
    "span_cell",
]


@dataclass
class Cell:
    text: str
    start: int
    end: int
    #: the original spans the text is made of, when not the one span ``start``-``end``
    parts: tuple[tuple[int, int], ...] = ()


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
    form: str = "tab"


def cell_spans(cell: Cell) -> tuple[tuple[int, int], ...]:
    """The original spans of a cell's text (one span unless a page break split it)."""
    return cell.parts or ((cell.start, cell.end),)


@dataclass(frozen=True)
class Line:
    """One physical line of the original text: ``raw`` is ``original[start:end]``."""

    no: int  # 1-based
    start: int
    end: int
    raw: str

    @property
    def text(self) -> str:
        return clean(self.raw)


def lines_of(original: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for no, raw in enumerate(original.split("\n"), start=1):
        end = pos + len(raw)
        if raw.endswith("\r"):
            raw = raw[:-1]
        out.append(Line(no, pos, pos + len(raw), raw))
        pos = end + 1
    return out


def span_cell(original: str, spans: Sequence[tuple[int, int]]) -> Cell:
    """A cell made of the original ``spans`` (trimmed, empty spans dropped)."""
    parts: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and original[s].isspace():
            s += 1
        while e > s and original[e - 1].isspace():
            e -= 1
        if s < e:
            parts.append((s, e))
    if not parts:
        pos = spans[0][0] if spans else 0
        return Cell("", pos, pos)
    text = clean(" ".join(original[s:e] for s, e in parts))
    return Cell(text, parts[0][0], parts[-1][1], tuple(parts) if len(parts) > 1 else ())


def cell_of_lines(original: str, lines: Sequence[Line]) -> Cell:
    """A cell of ``lines``: one span over lines that follow each other in the text (a name
    broken over two lines stays one name), a new span after a page break."""
    spans: list[tuple[int, int]] = []
    for ln in lines:
        if spans and not original[spans[-1][1] : ln.start].strip():
            spans[-1] = (spans[-1][0], ln.end)
        else:
            spans.append((ln.start, ln.end))
    return span_cell(original, spans)
