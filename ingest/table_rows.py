"""The numbered rows of a table written without column separators (Official Gazette or
PDF text, each cell on lines of its own): :func:`read_rows` collects, from the first row
number on, each row's lines page by page, skipping the page furniture and the header printed
again on a new page. The readers of such tables (:mod:`policykg.ingest.linear_tables`,
:mod:`policykg.ingest.indicator_tables`) split the rows into cells their own way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from policykg.ingest.reading import clean
from policykg.ingest.table_model import Line

__all__ = ["FURNITURE", "INLINE_LABEL", "PAGE_NO", "ROW_LABEL", "Row", "read_rows"]

#: a Gazette page header ("CÔNG BÁO/Số 612 + 613/Ngày 30-8-2025", its page number before
#: or after it on the same line), as the reading layer knows it
FURNITURE = re.compile(
    r"^\s*(?:\d{1,4}\s+)?C[ÔO]NG\s*B[ÁA]O\s*/\s*Số\s*\d+(?:\s*\+\s*\d+)*\s*/\s*Ngày\s*"
    r"[\d\-/.\s]+?(?:\s+\d{1,4})?\s*$",
    re.IGNORECASE,
)
PAGE_NO = re.compile(r"^\s*\d{1,4}\s*$")
ROW_LABEL = re.compile(r"^\s*(?P<label>\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6})\s*[.)]?\s*$")
_END = re.compile(
    r"^\s*(?:PHỤ\s+LỤC|Phụ\s+lục|Nơi\s+nhận|NƠI\s+NHẬN|Điều\s+\d+\s*[.:]|(?:TM|KT|TL)\.\s)"
)
INLINE_LABEL = re.compile(r"^\s*(?P<label>\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6})\s*[.)]\s+(?=\S)")


@dataclass
class Row:
    label: str
    label_line: Line
    #: the row's lines, one list per page it runs over
    segments: list[list[Line]] = field(default_factory=list)


def _next_ok(label: str, prev: list[str]) -> bool:
    """Is ``label`` a plausible next row number after the labels ``prev``?"""
    if re.fullmatch(r"[IVXL]+", label):
        romans = [p for p in prev if re.fullmatch(r"[IVXL]+", p)]
        want = _roman(len(romans) + 1)
        return label == want
    nums = [p for p in prev if not re.fullmatch(r"[IVXL]+", p)]
    parts = [int(x) for x in label.split(".")]
    if not nums:
        return parts[-1] == 1 or (len(parts) == 1 and parts[0] <= 2)
    last = [int(x) for x in nums[-1].split(".")]
    if parts == [*last, 1]:
        return True  # first child
    for depth in range(len(last), 0, -1):
        if parts == [*last[: depth - 1], last[depth - 1] + 1]:
            return True  # next sibling of the row or of one of its parents
    # numbering restarted under a new group
    return bool(prev) and re.fullmatch(r"[IVXL]+", prev[-1]) is not None and parts == [1]


def _roman(n: int) -> str:
    vals = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


def read_rows(lines: list[Line], j: int, header_words: list[str]) -> tuple[list[Row], int]:
    rows: list[Row] = []
    labels: list[str] = []
    n = len(lines)
    new_page = False
    while j < n:
        ln = lines[j]
        raw = ln.raw.strip()
        if not raw:
            j += 1
            continue
        if _END.match(raw) or _heading_line(raw):
            break
        if FURNITURE.match(raw):
            j += 1
            # the page number printed with the running head, then the header printed again
            while j < n and (not lines[j].raw.strip() or PAGE_NO.match(lines[j].raw)):
                j += 1
            j = _skip_header(lines, j, header_words)
            new_page = True
            continue
        m = ROW_LABEL.match(raw) or INLINE_LABEL.match(ln.raw)
        if m and _next_ok(m.group("label"), labels):
            labels.append(m.group("label"))
            rows.append(Row(m.group("label"), ln, [[]]))
            if m.re is INLINE_LABEL:
                # "2. Đẩy mạnh ...": the row's text starts on its number's line
                rest = Line(ln.no, ln.start + m.end(), ln.end, ln.raw[m.end() :])
                rows[-1].label_line = Line(ln.no, ln.start, ln.start + m.end(), ln.raw[: m.end()])
                rows[-1].segments[0].append(rest)
            new_page = False
            j += 1
            continue
        if rows:
            if new_page:
                rows[-1].segments.append([])
                new_page = False
            rows[-1].segments[-1].append(ln)
        j += 1
    return rows, j


def _heading_line(raw: str) -> bool:
    """A heading of the text around the table ("III. TỔ CHỨC THỰC HIỆN"), in capitals."""
    m = INLINE_LABEL.match(raw)
    if not m:
        return False
    words = raw[m.end() :].split()[:3]
    return len(words) >= 2 and all(w.isupper() for w in words)


def _skip_header(lines: list[Line], j: int, header_words: list[str]) -> int:
    """Past the header printed again at the top of a page (if it is there)."""
    k, h = j, 0
    while k < len(lines) and h < len(header_words):
        raw = lines[k].raw.strip()
        if not raw:
            k += 1
            continue
        if clean(raw).lower() != header_words[h]:
            break
        k += 1
        h += 1
    return k if h == len(header_words) else j
