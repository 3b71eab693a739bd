"""Tasks read from task tables: the rows of a table whose columns name who leads.

A task table has a lead column ("Cơ quan chủ trì", "Đơn vị chủ trì soạn thảo", "Sở, ngành
chủ trì tham mưu", a "Chủ trì" sub-column of "Đơn vị thực hiện") or a coordination column
("Cơ quan phối hợp", "Đơn vị cho ý kiến"). Tables of indicators (the item column names a
"Chỉ tiêu" or "Chỉ số", the lead column is the body that monitors it) give targets, not
tasks, and are left out.

Every numbered row is a task (:class:`RowTask`); group rows (a roman numeral, or a number
whose next rows are numbered under it: "1." before "1.1") are not, but their numeral goes
before the numbers of the rows under them. ``ref`` is the row's number path as printed,
"PL." before it for an appendix, and the appendix's own numeral when several appendices
assign tasks ("PL.02.II.5"; see :func:`table_tasks`).

Without a "chủ trì" column, a column "Cơ quan thực hiện" / "Đơn vị chịu trách nhiệm" is
the lead column. A lead cell may name partners too: bodies after "phối hợp" in it ("Phòng
Tổ chức cán bộ (phối hợp: Trường Đại học Hà Tĩnh)"), and the unmarked bodies of a cell that
marks its lead ("Sở Công Thương (chủ trì); Sở Tài chính"), coordinate. Cells of Gazette
text are read as one text, so a name wrapped over lines ("Vụ / Pháp chế") is one name.

An allocation table whose item column is the executing body ("Danh mục dự án/ Cơ quan, đơn
vị, địa phương thực hiện") gives one task per group row, led by the body the group row
names, its project rows as deliverables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from policykg.ingest.agencies import AgencyMention, chain_after, find_agencies, mentions_between
from policykg.ingest.reading import diacritic_key
from policykg.ingest.tables import Cell, Table, TableRow, cell_spans
from policykg.ingest.text import Doc, Section, clean

__all__ = ["Columns", "RowTask", "table_columns", "table_tasks"]

#: Group rows: a roman numeral or a capital letter ("A. CÁC NHIỆM VỤ CHUNG")
_ROMAN = re.compile(r"^(?:[IVXL]+|[A-HJKM-UWYZ])$")
_LABEL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,3})*|[IVXL]{1,6}|[A-HJKM-UWYZ])$")
_APPENDIX_LABEL = re.compile(
    r"^\W*(?:phụ\s+lục)(?:\s+số)?\s*[:.]?\s*(?P<label>[ivxl]+|\d+)\b", re.IGNORECASE
)
_INDICATOR = re.compile(r"chỉ\s+tiêu|chỉ\s+số")


@dataclass(frozen=True)
class Columns:
    """The columns of a task table that matter (indices into a row's cells)."""

    num: int
    title: int | None
    lead: int | None
    coord: int | None
    product: int | None
    time: int | None
    #: the item column names the executing body of its group rows (an allocation table)
    allocation: bool = False


@dataclass
class RowTask:
    """One task row of a table."""

    ref: str
    label: str
    title: str
    lead: list[AgencyMention]
    coord: list[AgencyMention]
    product: str
    time: str
    start: int
    end: int
    appendix: str | None
    #: the group row's title (allocation tables: the body) and its project rows
    deliverables: list[str] = field(default_factory=list)
    #: an allocation group whose body the register does not know: its name as written
    other_name: str | None = None
    #: the numbers of the table's first-level rows and groups ("1" ... "8"), to tell a
    #: table numbered like the body's items from one that numbers its own rows
    top_labels: tuple[str, ...] = ()
    #: the table's index in the document (rows of one table are judged together)
    table: int = 0


def _col(header: Sequence[str], pattern: str, skip: Sequence[int | None] = ()) -> int | None:
    rx = re.compile(pattern)
    for i, h in enumerate(header):
        if i in skip:
            continue
        if rx.search(diacritic_key(h)):
            return i
    return None


def table_columns(table: Table) -> Columns | None:
    """The columns of a task table, or ``None`` for a table that assigns no task."""
    header = [clean(c.text) for c in table.header]
    if len(header) < 3:
        return None
    num = 0
    lead = _col(header, r"chủ\s+trì", skip=(num,))
    coord = _col(header, r"phối\s+hợp|cho\s+ý\s+kiến", skip=(num, lead))
    if lead is None:
        # "Cơ quan thực hiện", "Đơn vị chịu trách nhiệm" name who leads the row
        lead = _col(
            header,
            r"^(?:cơ\s+quan|đơn\s+vị)(?:,\s*(?:cơ\s+quan|đơn\s+vị))?\s+"
            r"(?:thực\s+hiện|chịu\s+trách\s+nhiệm|phụ\s+trách|được\s+giao)\W*$",
            skip=(num, coord),
        )
    title = _col(
        header,
        r"nhiệm\s+vụ|nội\s+dung|giải\s+pháp|tên|danh\s+mục|hoạt\s+động|đề\s+án|chỉ\s+tiêu|chỉ\s+số",
        skip=(num, lead, coord),
    )
    if title is None:
        title = 1 if len(header) > 1 and 1 not in (lead, coord) else None
    product = _col(header, r"sản\s+phẩm|kết\s+quả", skip=(num, lead, coord, title))
    time = _col(header, r"thời\s+gian|thời\s+hạn|tiến\s+độ", skip=(num, lead, coord, title))
    if title is not None and _INDICATOR.search(diacritic_key(header[title])):
        return None  # indicators and the body that monitors them: targets, not tasks
    if lead is None and coord is None:
        if (
            title is not None
            and re.search(r"thực\s+hiện", diacritic_key(header[title]))
            and re.search(r"cơ\s+quan|đơn\s+vị|địa\s+phương", diacritic_key(header[title]))
        ):
            return Columns(num, title, None, None, None, time, allocation=True)
        return None
    return Columns(num, title, lead, coord, product, time)


def _text(row: TableRow, col: int | None) -> str:
    if col is None or col >= len(row.cells):
        return ""
    return clean(row.cells[col].text)


def _label(row: TableRow, col: int) -> str:
    t = _text(row, col).strip().rstrip(".)").strip()
    return t if _LABEL.match(t) else ""


#: Where a cell written as a bullet list ("- Vụ Đất đai - Cục Quy hoạch ...") puts its next
#: item: a dash before the head of a body's name (not "Lao động - Thương binh")
_NEXT_BULLET = re.compile(
    r"\s[-–+•]\s+(?=(?:Bộ|Sở|Cục|Vụ|Viện|Trung tâm|Tổng cục|Ban|Văn phòng|Thanh tra|Ủy ban"
    r"|Uỷ ban|UBND|Các|các|Trường|Đại học|Ngân hàng|Kho bạc|Đài|Hội|Liên)\b)"
)


def _cell_text_mentions(
    doc: Doc, cell: Cell, province: str | None, joined: bool = False
) -> tuple[list[AgencyMention], str, int]:
    """The bodies a cell names, the text their offsets point into and where it starts.

    A cell split by a page break, or wrapped over lines of its own (Gazette text,
    ``joined``), is read as one text (a name cut there, "Bộ Khoa học và / Công nghệ", "Vụ /
    Pháp chế", is one name); a bullet list item by item; else the original text.
    """
    text = cell.text
    if text[:1] in "-–+•" and _NEXT_BULLET.search(text):
        out: list[AgencyMention] = []
        for piece in _NEXT_BULLET.split(text.lstrip("-–+• ")):
            out.extend(find_agencies(piece, province=province))
        return out, "", 0
    if joined or len(cell_spans(cell)) > 1:
        return find_agencies(text, province=province), text, 0
    s, e = cell_spans(cell)[0]
    return mentions_between(doc.original, s, e, province=province), doc.original[s:e], s


def _cell_mentions(
    doc: Doc, cell: Cell, province: str | None, joined: bool = False
) -> list[AgencyMention]:
    """The bodies a cell names (:func:`_cell_text_mentions`)."""
    return _cell_text_mentions(doc, cell, province, joined)[0]


#: In a lead cell: "(phối hợp: Y)", "phối hợp với Y" put Y among the partners; "X (chủ
#: trì)" marks the lead of a cell that names several bodies.
_PARTNER_MARK = re.compile(r"(?<![\wà-ỹ])phối\s+hợp(?![\wà-ỹ])")
_LEAD_MARK = re.compile(r"^[\s(]*chủ\s+trì(?![\wà-ỹ])")
_PARTNER_AFTER = re.compile(r"^[\s(]*phối\s+hợp\s*\)")


def _lead_cell_roles(
    doc: Doc, cell: Cell, province: str | None, joined: bool = False
) -> tuple[list[AgencyMention], list[AgencyMention]]:
    """The lead and partner bodies a lead cell names.

    A body marked "(chủ trì)" leads and one marked "(phối hợp)" takes part; bodies after
    "phối hợp" in the cell take part ("Phòng Tổ chức cán bộ (phối hợp: Trường Đại học Hà
    Tĩnh)"); when some body is marked "(chủ trì)", the unmarked ones take part.
    """
    found, text, base = _cell_text_mentions(doc, cell, province, joined)
    f = diacritic_key(text)
    if len(found) < 2 or not text or len(f) != len(text):
        return found, []
    lead: list[AgencyMention] = []
    coord: list[AgencyMention] = []
    marked: list[AgencyMention] = []
    partners = False
    for k, m in enumerate(found):
        after = f[
            m.end - base : (found[k + 1].start if k + 1 < len(found) else base + len(f)) - base
        ]
        if partners:
            coord.append(m)
        elif _LEAD_MARK.match(after):
            marked.append(m)
        elif _PARTNER_AFTER.match(after):
            coord.append(m)  # "Sở Y tế (phối hợp)"
        else:
            lead.append(m)
        if _PARTNER_MARK.search(after) and not _PARTNER_AFTER.match(after):
            partners = True  # "... (phối hợp: Y)", "phối hợp với Y": the bodies after it
    if marked:
        return marked, [*lead, *coord]
    return lead, coord


def _cell(row: TableRow, col: int | None) -> Cell | None:
    if col is None or col >= len(row.cells):
        return None
    return row.cells[col]


_LIST_HEAD = re.compile(r"(?:các\s+(?:sở|bộ)[^:]{0,20}:)?\s*")


def _slid_leads(
    doc: Doc, row: TableRow, cols: Columns, province: str | None
) -> list[AgencyMention]:
    """Bodies of the lead cell that slid into another column of a tab row.

    A bullet item of another column that starts with a list of agencies ("- Các Sở: Công
    Thương; Nông" broken into the next line) is a lead cell that slid into the wrong column.
    """
    if cols.lead is None or row.start >= row.end:
        return []
    text = doc.original
    ms = mentions_between(text, row.start, row.end, province=province)
    own = [
        c
        for c in (_cell(row, cols.lead), _cell(row, cols.coord), _cell(row, cols.title))
        if c is not None
    ]
    out: list[AgencyMention] = []
    for b in re.finditer(r"(?:^|[\s>])-\s+", text[row.start : row.end]):
        pos = row.start + b.end()
        if any(c.start <= pos < c.end for c in own):
            continue
        first = next((m for m in ms if m.start >= pos), None)
        if first is None:
            continue
        if not _LIST_HEAD.fullmatch(diacritic_key(clean(text[pos : first.start]))):
            continue
        out.extend(m for m in chain_after(text, ms, first.start) if m not in out)
    return out


def _appendix_of(doc: Doc, table: Table) -> Section | None:
    node = table.section
    while node is not None and node.style != "appendix":
        node = node.parent
    return node


def _appendix_label(sec: Section) -> str:
    """The numeral of an appendix as printed ("01", "II"), "" when it has none."""
    head = sec.paragraphs[0].text if sec.paragraphs else ""
    m = _APPENDIX_LABEL.match(clean(head))
    return m.group("label").upper() if m else ""


def _is_group(rows: list[TableRow], k: int, cols: Columns) -> bool:
    label = _label(rows[k], cols.num)
    if not label:
        return False
    if _ROMAN.match(label):
        return True
    nxt = next((_label(r, cols.num) for r in rows[k + 1 :] if _label(r, cols.num)), "")
    return nxt.startswith(label + ".")


def _row_tasks(
    doc: Doc, table: Table, cols: Columns, prefix: str, province: str | None
) -> list[RowTask]:
    out: list[RowTask] = []
    group = ""
    rows = table.rows
    top = tuple(
        lab
        for r in rows
        if (lab := _label(r, cols.num)) and "." not in lab and not _ROMAN.match(lab)
    )
    for k, row in enumerate(rows):
        label = _label(row, cols.num)
        if not label:
            continue
        if _is_group(rows, k, cols):
            if _ROMAN.match(label):
                group = label
            if cols.allocation:
                out.append(_allocation_task(doc, rows, k, cols, prefix, province))
            continue
        if cols.allocation:
            continue
        path = f"{group}.{label}" if group and not _ROMAN.match(label) else label
        ref = f"{prefix}{path}" if prefix else path
        lead_cell, coord_cell = _cell(row, cols.lead), _cell(row, cols.coord)
        joined = table.form != "tab"  # cells wrapped over lines of their own
        lead, partners = (
            _lead_cell_roles(doc, lead_cell, province, joined) if lead_cell else ([], [])
        )
        if table.form == "tab":
            lead += [m for m in _slid_leads(doc, row, cols, province) if m not in lead]
        coord = _cell_mentions(doc, coord_cell, province, joined) if coord_cell else []
        coord += [m for m in partners if m not in coord]
        out.append(
            RowTask(
                ref=ref,
                label=label,
                title=_text(row, cols.title),
                lead=lead,
                coord=coord,
                product=_text(row, cols.product),
                time=_text(row, cols.time),
                start=row.start,
                end=row.end,
                appendix=prefix or None,
                top_labels=top,
            )
        )
    return out


def _allocation_task(
    doc: Doc, rows: list[TableRow], k: int, cols: Columns, prefix: str, province: str | None
) -> RowTask:
    row = rows[k]
    label = _label(row, cols.num)
    cell = _cell(row, cols.title)
    lead = _cell_mentions(doc, cell, province) if cell else []
    name = _text(row, cols.title)
    items: list[str] = []
    end = row.end
    for r in rows[k + 1 :]:
        lab = _label(r, cols.num)
        if lab and _ROMAN.match(lab):
            break
        if lab and _text(r, cols.title):
            items.append(_text(r, cols.title))
            end = r.end
    return RowTask(
        ref=f"{prefix}{label}",
        label=label,
        title=name,
        lead=lead,
        coord=[],
        product="",
        time=_text(row, cols.time),
        start=row.start,
        end=end,
        appendix=prefix or None,
        deliverables=items,
        other_name=None if lead else name,
    )


def table_tasks(doc: Doc, *, province: str | None) -> list[RowTask]:
    """The task rows of every task table of ``doc``, in text order.

    Refs of an appendix's rows start with "PL."; when more than one appendix holds a task
    table, with "PL.<numeral of the appendix>." ("PL.01.3").
    """
    found: list[tuple[Table, Columns, Section | None]] = []
    for t in doc.tables:
        cols = table_columns(t)
        if cols is not None and t.rows:
            found.append((t, cols, _appendix_of(doc, t)))
    appendices = {id(a): a for _, _, a in found if a is not None}
    several = len(appendices) > 1
    out: list[RowTask] = []
    for k, (t, cols, app) in enumerate(found):
        if app is None:
            prefix = ""
        else:
            label = _appendix_label(app) if several else ""
            prefix = f"PL.{label}." if label else "PL."
        rows = _row_tasks(doc, t, cols, prefix, province)
        for r in rows:
            r.table = k
        out.extend(rows)
    return out
