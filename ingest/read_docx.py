"""Word files (.docx) into the text forms the extractor reads.

What an office's Word file holds, and the text it becomes:

* Body paragraphs in document order, one line each (a soft line break is a line break too;
  tracked insertions are kept and deletions dropped; content controls are read through).
  Numbering that Word draws (``1.``, ``a)``, ``I.``, ``Điều 1.``, bullets) is written out, as
  it is printed. Text boxes anchored in a paragraph are read before its text.
* Layout tables (the borderless two-column header: issuer | motto, number | place-date; a
  one-cell box holding the kind line and the title; the closing "Nơi nhận" | signature
  table) are read column by column, each cell's paragraphs as lines: the order a plain copy
  of the document has (issuer, number, motto, place-date; recipients, then the signature).
  Paragraphs laid out in two columns with tabs, in the header or the closing, likewise.
* Data tables (task appendices, indicator tables) become one tab-separated line per row,
  each cell's paragraphs joined by a space, one cell per grid column: a cell merged across
  columns holds its text in its first column and leaves the others empty, a cell merged down
  rows is repeated in each row it spans (the agency of a merged "Cơ quan chủ trì" cell leads
  every task beside it). Column-head rows repeated inside a table, or at the top of the next
  table of a split one, are kept once.
* Footnotes: the reference mark is written as superscript digits where it stands, and the
  note follows the paragraph (or table) on its own line ("¹ text"), as in a plain copy.
* Page headers and footers, comments and deleted text are not read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

__all__ = ["docx_text"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP = {
    _W + "del",
    _W + "moveFrom",
    _W + "delText",
    _W + "instrText",
    _W + "pPr",
    _W + "rPr",
    _W + "txbxContent",
    _MC + "Fallback",
    _W + "commentReference",
}
#: A line drawn with characters under the issuer or the motto ("-------", "___"): a rule.
_RULE = re.compile(r"^\s*[-–—_=.*]{3,}\s*$")
_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# Lines that only the header (issuer/motto/number/place-date) or the closing (recipients,
# signature) of a Vietnamese administrative document has.
_LAYOUT_LINE = re.compile(
    r"^(?:CỘNG\s+HÒA\s+XÃ\s+HỘI|CỘNG\s+HOÀ\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]\s*Tự\s+do"
    r"|Số\s*(?:hiệu)?\s*:|Nơi\s+nhận\b|(?:TM|KT|TL|TUQ|Q)\.\s*\S"
    r"|[^\d,;:.]{2,40},\s*ngày\b)",
    re.IGNORECASE,
)


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class _Notes:
    """Footnote texts by id, the marks given so far, and the notes waiting to be written."""

    texts: dict[str, str] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    pending: list[str] = field(default_factory=list)

    def mark(self, nid: str) -> str:
        if nid not in self.texts:
            return ""
        if nid not in self.numbers:
            self.numbers[nid] = len(self.numbers) + 1
            self.pending.append(f"{str(self.numbers[nid]).translate(_SUP)} {self.texts[nid]}")
        return str(self.numbers[nid]).translate(_SUP)

    def flush(self) -> list[str]:
        out, self.pending = self.pending, []
        return out


class _Reader:
    def __init__(self, document: Any) -> None:
        self.numbering = _Numbering(document)
        self.notes = _Notes(texts=_footnote_texts(document))

    # -- paragraphs -------------------------------------------------------------------

    def runs_text(self, el: Any) -> str:
        """The printed text of a paragraph (or any run container), line breaks as "\\n"."""
        parts: list[str] = []

        def walk(node: Any) -> None:
            for child in node:
                tag = child.tag
                if not isinstance(tag, str) or tag in _SKIP:
                    continue
                name = tag[len(_W) :] if tag.startswith(_W) else ""
                if name == "t":
                    parts.append(child.text or "")
                elif name == "tab" or name == "ptab":
                    parts.append("\t")
                elif name in ("br", "cr"):
                    parts.append("\n")
                elif name == "noBreakHyphen":
                    parts.append("-")
                elif name == "footnoteReference":
                    parts.append(self.notes.mark(child.get(_W + "id") or ""))
                elif tag == _MC + "AlternateContent":
                    choice = next(iter(child), None)  # mc:Choice (mc:Fallback repeats it)
                    if choice is not None:
                        walk(choice)
                else:
                    walk(child)

        walk(el)
        return "".join(parts)

    def paragraph(self, p: Any) -> list[str]:
        """The lines of one paragraph: its text boxes, then its own text with its number."""
        lines: list[str] = []
        for box in _text_boxes(p):
            for child in box:
                lines.extend(self.block(child))
        text = self.runs_text(p)
        label = self.numbering.label(p)
        if label and text.strip():
            text = f"{label} {text.lstrip()}"
        lines.extend(text.split("\n"))
        return lines

    def block(self, el: Any) -> list[str]:
        name = _local(el)
        if name == "p":
            return self.paragraph(el)
        if name == "tbl":
            return self.table(el)
        if name == "sdt":
            content = el.find(_W + "sdtContent")
            out: list[str] = []
            for child in content if content is not None else ():
                out.extend(self.block(child))
            return out
        return []

    # -- tables -----------------------------------------------------------------------

    def cell_lines(self, tc: Any) -> list[str]:
        lines: list[str] = []
        for child in tc:
            lines.extend(self.block(child))
        return lines

    def grid(self, tbl: Any) -> list[list[list[str]]]:
        """Rows of grid cells, each the lines of its cell ([] for a spanned grid column);
        a cell merged down repeats the lines of the cell it continues."""
        rows: list[list[list[str]]] = []
        for tr in tbl.iterchildren(_W + "tr"):
            row: list[list[str]] = []
            tr_pr = tr.find(_W + "trPr")
            before = _int_val(tr_pr, "gridBefore") if tr_pr is not None else 0
            row.extend([] for _ in range(before))
            for tc in _cells(tr):
                tc_pr = tc.find(_W + "tcPr")
                span = max(1, _int_val(tc_pr, "gridSpan") or 1) if tc_pr is not None else 1
                vmerge = tc_pr.find(_W + "vMerge") if tc_pr is not None else None
                col = len(row)
                if vmerge is not None and vmerge.get(_W + "val") != "restart" and rows:
                    above = rows[-1][col] if col < len(rows[-1]) else []
                    lines = list(above)
                else:
                    lines = self.cell_lines(tc)
                row.append(lines)
                row.extend([] for _ in range(span - 1))
            rows.append(row)
        return rows

    def table(self, tbl: Any) -> list[str]:
        grid = self.grid(tbl)
        if not grid:
            return []
        width = max(len(r) for r in grid)
        grid = [r + [[] for _ in range(width - len(r))] for r in grid]
        if _is_layout(grid):
            out: list[str] = []
            for col in range(width):
                seen: list[list[str]] = []
                for row in grid:
                    cell = row[col]
                    if cell and cell not in seen[-1:]:  # a cell merged down: once
                        out.extend(s for s in cell if not _RULE.match(s))
                        out.append("")
                    seen.append(cell)
            return [*out, *self.notes.flush()]
        lines: list[str] = []
        head: list[str] | None = None
        for row in grid:
            cells = [" ".join(s.strip() for s in cell if s.strip()) for cell in row]
            cells = [re.sub(r"\s+", " ", c).strip() for c in cells]
            if not any(cells):
                continue
            if head is None:
                head = cells
            elif cells == head:
                continue  # the column heads repeated (a table split across pages)
            line = "\t".join(cells)
            if "\t" not in line:
                line += "\t"  # a one-column row is still a table row
            lines.append(line)
        return [*lines, *self.notes.flush()]

    # -- the body -----------------------------------------------------------------------

    def body(self, body: Any) -> list[str]:
        out: list[str] = []
        prev_table_head: str | None = None
        children = [c for c in body if _local(c) in ("p", "tbl", "sdt")]
        items: list[tuple[str, list[str]]] = []
        for child in children:
            name = _local(child)
            if name == "sdt":
                content = child.find(_W + "sdtContent")
                for sub in content if content is not None else ():
                    if _local(sub) in ("p", "tbl"):
                        items.append(self._item(sub))
            else:
                items.append(self._item(child))
        items = _tab_columns(items)
        for kind, lines in items:
            if kind == "data":
                if prev_table_head is not None and lines and lines[0] == prev_table_head:
                    lines = lines[1:]  # the next part of a table split in two
                    if out and out[-1] == "":
                        out.pop()
                elif lines:
                    prev_table_head = lines[0]
                out.extend(lines)
                out.append("")
                continue
            if kind == "p" and not any(s.strip() for s in lines):
                out.append("")
                continue
            prev_table_head = None
            out.extend(lines)
        return out

    def _item(self, el: Any) -> tuple[str, list[str]]:
        if _local(el) == "tbl":
            lines = self.table(el)
            is_data = any("\t" in s for s in lines)
            return ("data" if is_data else "layout", lines)
        lines = self.paragraph(el)
        return ("p", [*lines, *self.notes.flush()])


def _cells(tr: Any) -> Iterator[Any]:
    """The w:tc of a row, also those wrapped in content controls or custom XML."""
    for child in tr:
        name = _local(child)
        if name == "tc":
            yield child
        elif name in ("sdt", "customXml"):
            content = child.find(_W + "sdtContent") if name == "sdt" else child
            if content is not None:
                yield from _cells(content)


def _int_val(parent: Any, name: str) -> int:
    el = parent.find(_W + name) if parent is not None else None
    try:
        return int(el.get(_W + "val")) if el is not None else 0
    except (TypeError, ValueError):
        return 0


def _text_boxes(p: Any) -> Iterator[Any]:
    """The text box contents anchored in a paragraph (not their mc:Fallback copies)."""
    for box in p.iter(_W + "txbxContent"):
        node = box.getparent()
        fallback = False
        while node is not None and node is not p:
            if node.tag == _MC + "Fallback":
                fallback = True
                break
            node = node.getparent()
        if not fallback:
            yield box


def _is_layout(grid: list[list[list[str]]]) -> bool:
    """A table that lays out the header or the closing, or a one-column box; not data."""
    width = len(grid[0]) if grid else 0
    filled = [sum(1 for cell in row if any(s.strip() for s in cell)) for row in grid]
    if width <= 1 or max(filled, default=0) <= 1:
        return True
    if len(grid) > 4:
        return False
    return any(_LAYOUT_LINE.match(s.strip()) for row in grid for cell in row for s in cell)


def _tab_columns(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Header or closing lines laid out in two columns with tabs ("Số: 12/KH-UBND<TAB>Nghệ
    An, ngày ...") read column by column; any other tab in a paragraph is a space."""
    out: list[tuple[str, list[str]]] = []
    k = 0
    while k < len(items):
        kind, lines = items[k]
        if kind != "p":
            out.append(items[k])
            k += 1
            continue
        m = end = k
        while m < len(items) and items[m][0] == "p":
            if _two_sided(items[m][1]):
                end = m + 1
            elif any(s.strip() for s in items[m][1]):
                break
            m += 1
        m = end
        run = [it for it in items[k:m] if _two_sided(it[1])]
        if run and any(
            _LAYOUT_LINE.match(part.strip())
            for _, ls in run
            for s in ls
            for part in s.split("\t")
            if part.strip()
        ):
            left: list[str] = []
            right: list[str] = []
            for _, ls in run:
                for s in ls:
                    a, _, b = s.strip(" ").rstrip("\t ").partition("\t")
                    left.append(a.strip())
                    right.append(b.strip("\t "))
            out.append(("p", [*(s for s in left if s), "", *(s for s in right if s)]))
            k = m
            continue
        out.append((kind, [re.sub(r"[ \t]*\t[ \t]*", " ", s) for s in lines]))
        k += 1
    return out


def _two_sided(lines: list[str]) -> bool:
    """A paragraph with text after a tab (a right column, the left one maybe empty), and
    not a list item whose marker a tab follows ("1.<TAB>text", "Điều 2.<TAB>text")."""
    for s in lines:
        left, tab, right = s.strip(" ").rstrip("\t ").partition("\t")
        if tab and right.strip("\t ") and not _MARKER.match(left.strip()):
            return True
    return False


_MARKER = re.compile(r"^(?:[-–+•]|\d+(?:\.\d+)*[.)]?|[a-zđ][.)]|[IVXL]+[.)]?|Điều\s+\d+\.?)$")


# ---------------------------------------------------------------------------
# footnotes


def _footnote_texts(document: Any) -> dict[str, str]:
    from docx.oxml import parse_xml

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            out: dict[str, str] = {}
            reader = _Reader.__new__(_Reader)
            reader.notes = _Notes()
            reader.numbering = _Numbering(None)
            for note in root.iterchildren(_W + "footnote"):
                if note.get(_W + "type") in ("separator", "continuationSeparator"):
                    continue
                text = " ".join(reader.runs_text(p).strip() for p in note.iter(_W + "p"))
                out[note.get(_W + "id") or ""] = re.sub(r"\s+", " ", text).strip()
            return out
    return {}


# ---------------------------------------------------------------------------
# numbering drawn by Word


_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip


def _roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": _roman,
}


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


class _Numbering:
    """Labels of Word's automatic numbering (numbering.xml), counted as Word counts them."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[tuple[str, int], _Level] = {}
        self.counters: dict[str, list[int]] = {}
        self.num_abstract: dict[str, str] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        if document is None:
            return
        try:
            part = document.part.numbering_part
        except (KeyError, NotImplementedError, AttributeError):
            part = None
        if part is not None:
            self._load(part.element)
        try:
            styles = document.part.styles.element
        except (KeyError, AttributeError):
            styles = None
        if styles is not None:
            for st in styles.iterchildren(_W + "style"):
                num_pr = st.find(f"{_W}pPr/{_W}numPr")
                if num_pr is not None:
                    num_id = num_pr.find(_W + "numId")
                    if num_id is not None:
                        self.style_num[st.get(_W + "styleId") or ""] = (
                            num_id.get(_W + "val") or "",
                            _int_val(num_pr, "ilvl"),
                        )

    def _load(self, root: Any) -> None:
        abstract_levels: dict[str, dict[int, _Level]] = {}
        for ab in root.iterchildren(_W + "abstractNum"):
            levels: dict[int, _Level] = {}
            for lvl in ab.iterchildren(_W + "lvl"):
                ilvl = int(lvl.get(_W + "ilvl") or 0)
                fmt = lvl.find(_W + "numFmt")
                text = lvl.find(_W + "lvlText")
                levels[ilvl] = _Level(
                    fmt.get(_W + "val") if fmt is not None else "decimal",
                    text.get(_W + "val") if text is not None else "",
                    _int_val(lvl, "start") or (0 if lvl.find(_W + "start") is not None else 1),
                )
            abstract_levels[ab.get(_W + "abstractNumId") or ""] = levels
        for num in root.iterchildren(_W + "num"):
            num_id = num.get(_W + "numId") or ""
            ab_id = num.find(_W + "abstractNumId")
            levels = dict(
                abstract_levels.get(ab_id.get(_W + "val") if ab_id is not None else "", {})
            )
            for ov in num.iterchildren(_W + "lvlOverride"):
                ilvl = int(ov.get(_W + "ilvl") or 0)
                start = ov.find(_W + "startOverride")
                if start is not None and ilvl in levels:
                    lv = levels[ilvl]
                    levels[ilvl] = _Level(lv.fmt, lv.text, int(start.get(_W + "val") or 1))
            for ilvl, lv in levels.items():
                self.levels[(num_id, ilvl)] = lv

    def label(self, p: Any) -> str:
        if not self.levels:
            return ""
        p_pr = p.find(_W + "pPr")
        num_pr = p_pr.find(_W + "numPr") if p_pr is not None else None
        if num_pr is not None and num_pr.find(_W + "numId") is not None:
            num_id = num_pr.find(_W + "numId").get(_W + "val") or ""
            ilvl = _int_val(num_pr, "ilvl")
        else:
            style = p_pr.find(_W + "pStyle") if p_pr is not None else None
            key = style.get(_W + "val") if style is not None else None
            if key not in self.style_num:
                return ""
            num_id, ilvl = self.style_num[key]
        if num_id == "0" or (num_id, ilvl) not in self.levels:
            return ""
        level = self.levels[(num_id, ilvl)]
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            depth = len(counts)
            lv = self.levels.get((num_id, depth))
            counts.append((lv.start if lv else 1) - 1)
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            lv = self.levels.get((num_id, deeper))
            counts[deeper] = (lv.start if lv else 1) - 1
        if level.fmt == "bullet":
            return "-" if level.text in ("-", "–", "\uf02d", "") else "•"
        if level.fmt == "none":
            return level.text

        def number(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lv = self.levels.get((num_id, k))
            value = counts[k] if k < len(counts) else 1
            return _FORMATS.get(lv.fmt if lv else "decimal", str)(max(value, 0))

        return re.sub(r"%(\d)", number, level.text)


def docx_text(document: Any) -> str:
    """The text of a python-docx ``Document`` (see the module docstring)."""
    reader = _Reader(document)
    lines = reader.body(document.element.body)
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
