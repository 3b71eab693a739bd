"""Tables whose cells are written one after the other (Official Gazette / PDF text).

Text taken from a PDF table often keeps no column separator: each row is its number alone
on a line, then the lines of its first text cell, then those of the next cells, each cell
wrapped at its column's width::

    TT
    Tên nhiệm vụ
    Cơ quan
    chủ trì
    Cơ quan
    phối hợp
    ...
    1.
    Tổ chức tuyên truyền, phổ biến, quán triệt thường
    xuyên, sâu rộng về nội dung Chỉ thị số 49-CT/TW ...
    Bộ Ngoại
    giao
    Các Bộ, ngành, địa phương, Ủy ban Công tác về ...

:func:`linear_tables` finds such tables by their header (a "TT"/"STT" line followed by the
names of the columns, one of them "chủ trì" or "phối hợp"), reads the column order from the
header words, and splits each row into cells:

* the first text cell is made of the long lines after the row number (the widest column,
  as wide as most lines, or as the rows' first lines in a table of few rows) and the line
  that ends its sentence;
* the next cells are told apart where a line ends a name or a clause (no ",", "và", "của",
  "-" ... at its end, no name left open such as "Bộ" or "Ủy ban") and the next line starts
  with a capital, a date or a year;
* when a row gives more cells than the header has columns, the extra ones are bodies of the
  coordination column (a list of bodies written one per line); when it gives fewer and the
  cell after the lead does not name a body, the coordination cell is empty.

A header that names an indicator table instead ("STT / Chỉ tiêu / Đơn vị tính / Năm 2026
...", no task column) is read by :mod:`policykg.ingest.indicator_tables` (name, unit, a value
per column, the monitoring body).

Page furniture between two pages ("CÔNG BÁO/Số …/Ngày …", also for a double issue "Số 612
+ 613", the page number, the header printed again at the top of the page) is skipped; a
row cut by a page break goes on after it with the rest of each cut cell, in column order:
those pieces are joined to the cells whose last line was cut.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence

from policykg.ingest.indicator_tables import indicator_header, indicator_table
from policykg.ingest.reading import clean
from policykg.ingest.table_model import Cell, Line, Table, TableRow, cell_of_lines, lines_of
from policykg.ingest.table_rows import ROW_LABEL, Row, read_rows

__all__ = ["linear_tables"]

_HEADER_START = re.compile(r"^\s*(?:S\s*TT|TT|Số\s+TT)\s*\.?\s*$", re.IGNORECASE)

#: Column kinds and the header words that name them, in the order they are tried.
_COLUMNS: tuple[tuple[str, str], ...] = (
    ("lead", r"chủ\s+trì|(?:cơ\s+quan|đơn\s+vị)\s+(?:thực\s+hiện|chịu\s+trách\s+nhiệm)"),
    ("coord", r"phối\s+hợp|cho\s+ý\s+kiến"),
    ("product", r"sản\s+phẩm|kết\s+quả"),
    ("time", r"thời\s+gian|thời\s+hạn|tiến\s+độ"),
    ("approval", r"cấp\s+phê\s+duyệt|cấp\s+trình|phê\s+duyệt"),
    ("note", r"ghi\s+chú"),
    ("task", r"nhiệm\s+vụ|nội\s+dung|giải\s+pháp|hoạt\s+động|tên|danh\s+mục|đề\s+án"),
)

#: Words that leave a name or a clause open at the end of a line.
_OPEN_END_WORDS = frozenset(
    (
        *("và", "với", "của", "các", "cho", "về", "tại", "trong", "thuộc", "theo", "hoặc"),
        *("những", "từ", "đến", "là", "có", "được", "ở", "trên", "đối", "việt"),
        *("bộ", "sở", "cục", "vụ", "viện", "tổng", "ủy", "uỷ", "ngân", "văn", "hội", "đài"),
        *("trung", "liên", "tập", "cơ", "đơn"),
    )
)
_OPEN_END_CHARS = ",;-–—/(&:"
#: Capitalized words that go on a name begun on the line before ("Đài Truyền hình / Việt Nam").
_NAME_TAILS = re.compile(
    r"^(?:Việt\s+Nam|Chính\s+phủ|Trung\s+ương|Quốc\s+hội|Nhà\s+nước|Nhân\s+dân|Tổ\s+quốc"
    r"|Hồ\s+Chí\s+Minh|Quốc\s+gia|Thành\s+phố)\b"
)
_DATE_START = re.compile(
    r"^(?:(?:Quý|Tháng|Năm|Quí)\b|(?:0?[1-9]|1[0-2])/\d{4}\b(?!/)|(?:19|20)\d\d\b(?!/)"
    r"|Trước\b|Hằng\b|Hàng\b"
    r"|Thường\s+xuyên|Định\s+kỳ)",
    re.IGNORECASE,
)
#: How the name of a body (or a class of bodies) starts: a head word and a capitalized name
#: ("Bộ Tài chính", "Ủy ban Công tác ..."), or a word that names bodies by itself.
_BODY_START = re.compile(
    r"^(?:(?:Bộ|Sở|Ban|Cục|Vụ|Viện|Trường|Đài|Hội|Trung\s+tâm|Tổng\s+cục|Tập\s+đoàn"
    r"|Ngân\s+hàng|Văn\s+phòng|Ủy\s+ban|Uỷ\s+ban|Thanh\s+tra|Kho\s+bạc|Bảo\s+hiểm|Công\s+an"
    r"|Hiệp\s+hội|Liên\s+đoàn|Liên\s+minh|Mặt\s+trận|Tòa\s+án|Toà\s+án|Kiểm\s+toán"
    r"|Đại\s+học|Thông\s+tấn\s+xã|Tỉnh\s+ủy|Thành\s+ủy|Đảng\s+ủy)(?:\s+[A-ZĐÀ-Ỹ]|\s*$)"
    r"|(?:Các|các)\s+(?:bộ|Bộ|sở|Sở|cơ\s+quan|đơn\s+vị|tổ\s+chức|địa\s+phương|tỉnh|ngành"
    r"|ban|Ban|cơ\s+sở|viện|Viện|trường|doanh\s+nghiệp|hội|Hội|đoàn|Đoàn|Cục|cục|Vụ)\b"
    r"|(?:UBND|Cơ\s+quan|Đơn\s+vị|Chủ\s+tịch|Thủ\s+tướng|Chính\s+phủ|Quốc\s+hội|Doanh\s+nghiệp"
    r"|Địa\s+phương|Bộ,\s*ngành)(?=\W|$)|[A-ZĐ]{2,}(?=[\s,;.]|$))"
)


def linear_tables(original: str) -> list[Table]:
    """Every table of ``original`` written without column separators."""
    lines = lines_of(original)
    out: list[Table] = []
    i = 0
    while i < len(lines):
        if not _HEADER_START.match(lines[i].raw):
            i += 1
            continue
        found = _read_table(original, lines, i)
        if found is None:
            i += 1
            continue
        table, i = found
        out.append(table)
    return out


def _column_order(header_text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each named column in ``header_text``, in text order."""
    low = header_text.lower()
    found: list[tuple[str, int, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, words in _COLUMNS:
        for m in re.finditer(words, low):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            found.append((kind, m.start(), m.end()))
            taken.append(m.span())
            break
    found.sort(key=lambda f: f[1])
    return found


def _header_cells(header_text: str, order: list[tuple[str, int, int]]) -> list[str]:
    """The header split into column names at the words that name each column."""
    cuts: list[int] = []
    for _, start, _ in order:
        # take one or two capitalized words before the keyword ("Cơ quan chủ trì")
        before = header_text[:start].rstrip()
        words = list(re.finditer(r"\S+", before))
        cut = start
        for w in reversed(words[-2:]):
            if cuts and w.start() <= cuts[-1]:
                break
            if w.group()[:1].isupper() or w.group().lower() in ("quan", "vị"):
                cut = w.start()
                if w.group()[:1].isupper():
                    break
        cuts.append(cut)
    names = []
    for k, cut in enumerate(cuts):
        end = cuts[k + 1] if k + 1 < len(cuts) else len(header_text)
        names.append(header_text[cut:end].strip())
    return names


def _read_table(original: str, lines: list[Line], i: int) -> tuple[Table, int] | None:
    # the header: from "TT" to the first row number
    j = i + 1
    header: list[Line] = [lines[i]]
    while j < len(lines) and j - i <= 24:
        if ROW_LABEL.match(lines[j].raw) and lines[j].raw.strip():
            break
        if lines[j].raw.strip():
            header.append(lines[j])
        j += 1
    else:
        return None
    if len(header) < 3 or any("|" in ln.raw or "\t" in ln.raw for ln in header):
        return None
    if indicator_header(header):
        return indicator_table(original, lines, i, header, j)  # "STT / Chỉ tiêu / Đơn vị tính"
    header_text = clean(" ".join(ln.raw for ln in header[1:]))
    order = _column_order(header_text)
    kinds = [k for k, _, _ in order]
    if "lead" not in kinds and "coord" not in kinds:
        return None
    if not kinds or kinds[0] != "task":
        if "task" in kinds:
            return None  # the text cell is read first; another order is not this form
        order.insert(0, ("task", 0, 0))
    header_words = [clean(ln.raw).lower() for ln in header]

    rows, end = read_rows(lines, j, header_words)
    if not rows:
        return None
    names = _header_cells(header_text, order)
    header_cells = [Cell(clean(header[0].raw), header[0].start, header[0].end)]
    header_cells += [Cell(n, header[1].start, header[-1].end) for n in names]
    kinds = [k for k, _, _ in order]
    table_rows = _split_rows(original, rows, kinds)
    last = rows[-1].segments[-1][-1] if rows[-1].segments and rows[-1].segments[-1] else None
    table_end = last.end if last else rows[-1].label_line.end
    table = Table(header_cells, table_rows, lines[i].start, table_end, form="gazette")
    return table, end


# --- splitting a row into cells -----------------------------------------------------------


def _last_word(s: str) -> str:
    words = re.findall(r"[\wÀ-ỹ]+", s)
    return words[-1] if words else ""


def _open_end(a: str) -> bool:
    """Does line ``a`` leave its name or clause open for the next line?"""
    a = a.rstrip()
    if not a:
        return True
    if a[-1] in _OPEN_END_CHARS:
        return True
    return _last_word(a).lower() in _OPEN_END_WORDS


def _breaks(a: str, b: str) -> bool:
    """Does a new cell start at line ``b`` after line ``a``?"""
    b = b.lstrip(" \"“'")
    if not b or b[0] in "-+•*" or not a.strip() or re.match(r"(?i)và\b", b):
        return False
    first = b[0]
    if a.rstrip()[-1] in ",;" and first.isupper():
        # a list of bodies goes on with a body; a capital that names none starts a cell
        return not _BODY_START.match(b)
    if _open_end(a):
        return False
    if first.isdigit():
        return bool(_DATE_START.match(b))
    if not first.isupper():
        return False
    last = _last_word(a)
    return not (last[:1].isupper() and _NAME_TAILS.match(b))


def _pieces(lines: Sequence[Line]) -> list[list[Line]]:
    out: list[list[Line]] = []
    for ln in lines:
        if out and not _breaks(out[-1][-1].raw, ln.raw):
            out[-1].append(ln)
        else:
            out.append([ln])
    return out


def _long(ln: Line, width: float) -> bool:
    return len(ln.raw.strip()) >= 0.6 * width


def _task_lines(seg: Sequence[Line], width: float, first: bool) -> int:
    """How many lines at the start of a row's page segment belong to its text cell."""
    k = 0
    while k < len(seg) and _long(seg[k], width):
        k += 1
    if k == 0:
        if not first:
            return 0
        k = 1  # a short text: one line
        if (
            len(seg) > 1
            and not _breaks(seg[0].raw, seg[1].raw)
            and not _BODY_START.match(seg[1].raw.strip())
        ):
            k = 2 if not _BODY_START.match(seg[0].raw.strip()) else 1
        return min(k, len(seg))
    if k < len(seg):
        prev = seg[k - 1].raw.rstrip()
        nxt = seg[k].raw.strip()
        ends_sentence = nxt.rstrip(" )").endswith((".", "…"))
        text = " ".join(ln.raw for ln in seg[:k])
        if text.count("(") > text.count(")"):
            k += 1  # "(thay thế Thông tư / 34/2014/TT-BKHCN)"
        elif (
            not prev.endswith(".")
            and nxt[:1]
            and (nxt[:1].islower() or ends_sentence or not _breaks(prev, nxt))
            and (nxt[:1].islower() or not _BODY_START.match(nxt))
        ):
            k += 1
    return k


def _width(rows: list[Row]) -> float:
    """The width of the text column: the 90th percentile of the lines' lengths, or, when
    most lines are short cells (a table of few rows), the median length of the rows' first
    lines (each row's text starts at the row's number)."""
    lengths = [len(ln.raw.strip()) for r in rows for seg in r.segments for ln in seg]
    if not lengths:
        return 0.0
    lengths.sort()
    firsts = sorted(len(r.segments[0][0].raw.strip()) for r in rows if r.segments and r.segments[0])
    first = float(firsts[(len(firsts) - 1) // 2]) if firsts else 0.0
    return max(float(lengths[int(0.9 * (len(lengths) - 1))]), first) or statistics.mean(lengths)


def _split_rows(original: str, rows: list[Row], kinds: list[str]) -> list[TableRow]:
    width = _width(rows)
    rest_kinds = kinds[1:]
    col_width: dict[int, int] = {}
    split: list[list[list[Line]]] = []
    for r in rows:
        cut = len(r.segments) > 1
        cells = _first_segment(r.segments[0] if r.segments else [], width, rest_kinds, cut)
        split.append(cells)
        for k, c in enumerate(cells):
            if c and k > 0:
                col_width[k] = max(col_width.get(k, 0), *(len(ln.raw.strip()) for ln in c))
    out: list[TableRow] = []
    for r, cells in zip(rows, split, strict=True):
        for seg in r.segments[1:]:
            _continue_cells(cells, seg, width, col_width, rest_kinds)
        label_cell = Cell(r.label, r.label_line.start, r.label_line.end)
        row_cells = [label_cell] + [cell_of_lines(original, c) for c in cells]
        end = max((c.end for c in row_cells), default=r.label_line.end)
        out.append(TableRow(row_cells, [row_cells], r.label_line.start, end, r.label_line.no))
    return out


def _first_segment(
    seg: list[Line], width: float, rest_kinds: list[str], cut: bool
) -> list[list[Line]]:
    """The cells of a row's first page: [text cell, then one list per column].

    A row cut by a page break right after it started (``cut``) often shows one line of each
    cell at the foot of the page: as many lines after the text as there are columns.
    """
    k = _task_lines(seg, width, True)
    cells: list[list[Line]] = [list(seg[:k])]
    n_cols = len(rest_kinds)
    if cut and len(seg) - k == n_cols and k and _long(seg[k - 1], width):
        return cells + [[ln] for ln in seg[k:]]
    pieces = _pieces(seg[k:])
    if "lead" in rest_kinds and "coord" in rest_kinds:
        li, ci = rest_kinds.index("lead"), rest_kinds.index("coord")
        if ci == li + 1:
            extra = len(pieces) - n_cols
            # bodies of the coordination column written one per line
            while extra > 0 and len(pieces) > ci + 1 and _BODY_START.match(pieces[ci + 1][0].text):
                pieces = [*pieces[:ci], pieces[ci] + pieces[ci + 1], *pieces[ci + 2 :]]
                extra -= 1
            if extra > 0 and len(pieces) > ci + 1:
                # a clause of the next column broken before a capital ("Đề xuất xây dựng / Luật")
                merged = [ln for p in pieces[ci + 1 : ci + extra + 2] for ln in p]
                pieces = [*pieces[: ci + 1], merged, *pieces[ci + extra + 2 :]]
            elif extra < 0 and len(pieces) > ci and not _BODY_START.match(pieces[ci][0].text):
                pieces = [*pieces[:ci], [], *pieces[ci:]]  # no coordinator
    cells.extend(pieces)
    while len(cells) < n_cols + 1:
        cells.append([])
    if len(cells) > n_cols + 1:
        tail = [ln for p in cells[n_cols:] for ln in p]
        cells = [*cells[:n_cols], tail]
    return cells


def _continue_cells(
    cells: list[list[Line]],
    seg: list[Line],
    width: float,
    col_width: dict[int, int],
    rest_kinds: list[str],
) -> None:
    """Join the lines of a row's next page to the cells its page break cut."""
    text = cells[0]
    cut_text = bool(text) and _long(text[-1], width) and not text[-1].raw.rstrip().endswith(".")
    k = _task_lines(seg, width, False)
    if k == 0 and cut_text and seg and seg[0].raw.strip()[:1].islower():
        k = 1
    text.extend(seg[:k])
    opened = [
        i
        for i in range(1, len(cells))
        if cells[i]
        and _cut(cells[i][-1].raw, col_width.get(i, 0), rest_kinds[i - 1] in ("lead", "coord"))
    ]
    rest = seg[k:]
    pos = 0
    for i in opened:
        if pos >= len(rest):
            break
        take = [rest[pos]]
        pos += 1
        bodies = rest_kinds[i - 1] in ("lead", "coord")
        while pos < len(rest) and not _breaks(take[-1].raw, rest[pos].raw):
            if bodies and not _open_end(take[-1].raw):
                break  # the rest of a cut name ("Bộ Khoa học và / Công nghệ") is done
            take.append(rest[pos])
            pos += 1
        cells[i].extend(take)


def _cut(last: str, width: int, bodies: bool) -> bool:
    """Was a cell whose last line is ``last`` cut by the page break?

    A list of bodies is cut only where a name or the list is left open ("Bộ Khoa học và");
    other cells also where their last line fills the column.
    """
    last = last.rstrip()
    if last.endswith("."):
        return False
    if _open_end(last):
        return True
    return not bodies and width > 0 and len(last) >= 0.6 * width
