"""The text layer: a clean, structured view of a plan over its ORIGINAL text.

Everything downstream (header, citations, agencies, tasks, targets, reporting) reads a
:class:`Doc`, never the raw string, and every position it reports is an offset into the
original text as read (``doc.original``), so provenance spans survive normalization.

What :func:`parse` does to the text
-----------------------------------
* NFC: decomposed input (NFD) is composed; each composed character maps back to the
  range of original characters it came from.
* Markdown/HTML markers are dropped: leading ``#``, ``**``, ``\\*``, ``*``, ``<i>``,
  ``<ul ...>`` ...; runs of spaces collapse to one; tabs (table cells) are kept.
* Hard-wrapped lines are rejoined into paragraphs (with one space), also across blank
  lines and across footnote lines printed in the middle of a paragraph (the footnote
  becomes its own paragraph right after it). A line is a continuation when the previous
  line does not end a sentence (``.;:!?``) and the next one starts in lower case or with a
  digit; in hard-wrapped documents (line width under ~120) also when it starts in upper case
  and the previous line is near the wrap width and ends in a letter.
* Web-portal furniture (menus, banners before the issuer block / ``Số:`` line, signature
  timestamps after the signer) is marked ``kind="furniture"`` and kept out of the tree.

Public API
----------
``parse(text, *, source=None) -> Doc``

``Doc``
    ``original`` (str), ``source``, ``paragraphs`` (all :class:`Paragraph`, in order),
    ``text`` (the normalized document: paragraph texts joined by ``"\\n"``),
    ``span(i, j)`` -> original ``(start, end)`` of ``doc.text[i:j]``,
    ``quote(start, end)`` -> ``original[start:end]``, ``line_of(offset)`` (1-based),
    ``header`` (paragraphs before the first numbered section: issuer block, ``Số:``, date,
    kind, title, preamble), ``root`` (the section tree), ``sections()`` (pre-order, root
    excluded), ``section(ref)``, ``find_section(*keywords, styles=None)`` (first section
    whose heading contains all keywords, case/diacritic-variant insensitive),
    ``tables`` (:class:`Table`), ``footnotes``, ``recipients`` ("Nơi nhận" block),
    ``signature`` (the TM./KT./CHỦ TỊCH block and the signer's name), ``sentences()``.

``Paragraph``
    ``text`` (clean, one line), ``start``/``end`` (original offsets), ``line`` (1-based
    line of the first character), ``kind`` (``"text"``, ``"table"``, ``"footnote"``,
    ``"recipients"``, ``"signature"``, ``"furniture"``), ``span_of(i, j)`` -> original
    offsets of ``text[i:j]``, ``sentences()``, ``doc_offset`` (where it starts in ``doc.text``).

``Section``
    ``ref`` ("II", "II.4", "II.4.d", "Điều 2", "Điều 2.1.a"; dash items "II.2-3",
    plus items "II.2-3+1"; the appendix "PL", "PL1"), ``numbered_ref`` (ref of the nearest
    section that is not a dash/plus item), ``style`` (``root``, ``part``, ``dieu``,
    ``roman``, ``arabic``, ``letter``, ``dash``, ``plus``, ``appendix``), ``label`` (the
    marker: "II", "4", "d", "-"), ``heading`` (text of the marker line without the marker),
    ``paragraphs`` (own paragraphs, the heading line first), ``body`` (own text after the
    heading line), ``text`` (heading + own body + all descendants), ``start``/``end``
    (original offsets covering the whole section), ``children``, ``parent``, ``walk()``,
    ``depth``. A roman section restarts the ref path (``II.4`` even inside ``Điều 1``).

``Table`` / ``TableRow`` / ``Cell``
    defined in :mod:`policykg.ingest.tables` (which builds ``doc.tables``), re-exported here.

``clean(s)``: NFC, markers dropped, spaces collapsed (one line). The text keys that
headings are matched with are in :mod:`policykg.ingest.reading`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from policykg.ingest.reading import (
    AUTHORITY_LINE,
    KIND_LINES,
    POSITIONS,
    MappedText,
    clean,
    clean_line,
    diacritic_key,
    read,
)
from policykg.ingest.tables import Cell, Table, TableRow, build_tables

__all__ = [
    "Cell",
    "Doc",
    "Paragraph",
    "Section",
    "Sentence",
    "Table",
    "TableRow",
    "clean",
    "parse",
]


# ---------------------------------------------------------------------------
# Model.


@dataclass
class Sentence:
    text: str
    start: int
    end: int
    paragraph: Paragraph


@dataclass
class Paragraph:
    text: str
    start: int
    end: int
    line: int
    kind: str = "text"
    doc_offset: int = 0
    # original offsets of each character (lists, or ranges where the text is the original's)
    _starts: Sequence[int] = field(default_factory=list, repr=False)
    _ends: Sequence[int] = field(default_factory=list, repr=False)

    def span_of(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets of ``self.text[i:j]``."""
        if not self._starts:
            return (self.start, self.end)
        i = max(0, min(i, len(self.text)))
        j = max(i, min(j, len(self.text)))
        if i == j:
            pos = self._starts[i] if i < len(self._starts) else self._ends[-1]
            return (pos, pos)
        return (self._starts[i], self._ends[j - 1])

    def sentences(self) -> Iterator[Sentence]:
        for i, j in _sentence_bounds(self.text):
            s, e = self.span_of(i, j)
            yield Sentence(self.text[i:j], s, e, self)


_SENT_END = re.compile(r"(?<=[.;!?])\s+(?=[\"“(]?[A-ZĐÀ-ỸÂĂÊÔƠƯ0-9-])|(?<=\.)(?=[A-ZĐ][a-zà-ỹ])")
_ABBR = re.compile(r"(?:\b(?:TP|TS|ThS|PGS|GS|Tp|v\.v|St|Ths|Nxb|tr)|\.\.)\.$")


def _sentence_bounds(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        if _ABBR.search(text[: m.start()]):
            continue
        end = m.start()
        if text[start:end].strip():
            out.append((start, end))
        start = m.end()
    if text[start:].strip():
        out.append((start, len(text)))
    return out


@dataclass
class Section:
    ref: str
    style: str
    label: str
    heading: str
    start: int
    end: int
    level: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def numbered_ref(self) -> str:
        node: Section | None = self
        while node is not None and node.style in ("dash", "plus"):
            node = node.parent
        return node.ref if node is not None else ""

    @property
    def body(self) -> str:
        return "\n".join(p.text for p in self.paragraphs[1:])

    @property
    def heading_paragraph(self) -> Paragraph | None:
        return self.paragraphs[0] if self.paragraphs else None

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.all_paragraphs())

    @property
    def depth(self) -> int:
        d, node = 0, self.parent
        while node is not None:
            d, node = d + 1, node.parent
        return d

    def all_paragraphs(self) -> Iterator[Paragraph]:
        yield from self.paragraphs
        for c in self.children:
            yield from c.all_paragraphs()

    def walk(self) -> Iterator[Section]:
        yield self
        for c in self.children:
            yield from c.walk()

    def ancestors(self) -> Iterator[Section]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass
class Doc:
    original: str
    source: str | None
    paragraphs: list[Paragraph]
    text: str
    root: Section
    header: list[Paragraph]
    tables: list[Table]
    footnotes: list[Paragraph]
    recipients: list[Paragraph]
    signature: list[Paragraph]
    _line_starts: list[int] = field(default_factory=list, repr=False)
    #: :meth:`sections` in order, set by :func:`parse` once the tree is built (the
    #: extractors walk it hundreds of times per document)
    _sections: list[Section] | None = field(default=None, repr=False, compare=False)

    # -- offsets ---------------------------------------------------------
    def paragraph_at(self, i: int) -> Paragraph | None:
        lo, hi = 0, len(self.paragraphs) - 1
        best: Paragraph | None = None
        while lo <= hi:
            mid = (lo + hi) // 2
            if self.paragraphs[mid].doc_offset <= i:
                best, lo = self.paragraphs[mid], mid + 1
            else:
                hi = mid - 1
        return best

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original offsets of ``self.text[i:j]`` (may cross paragraphs)."""
        p = self.paragraph_at(i)
        q = self.paragraph_at(max(i, j - 1))
        if p is None or q is None:
            return (0, 0)
        s, _ = p.span_of(i - p.doc_offset, i - p.doc_offset + 1)
        _, e = q.span_of(j - 1 - q.doc_offset, j - q.doc_offset)
        return (s, max(s, e))

    def quote(self, start: int, end: int) -> str:
        return self.original[start:end]

    @functools.cached_property
    def flat(self) -> str:
        """The original with its paragraphs read as the reading layer reads them, at the
        same offsets: inside a paragraph, line breaks (hard wraps) and what the reading
        dropped (page furniture printed between two lines of it, Markdown markers) are
        spaces. Names a wrap or a page cut ("Trường Đại học\\nKhoa học Tự nhiên") are
        found whole in it, at offsets that are the original's. A block in capitals keeps
        its lines (an issuer block stacks one body a line)."""
        chars = list(self.original)
        for p in self.paragraphs:
            if p.kind == "furniture" or p.end <= p.start or _is_upper_line(p.text):
                continue
            covered = bytearray(p.end - p.start)
            if isinstance(p._starts, range) or not p._starts:
                covered[:] = b"\x01" * len(covered)
            else:  # what the paragraph is read from (a space joining two lines spans a gap)
                for ch, a, b in zip(p.text, p._starts, p._ends, strict=True):
                    a, b = max(a, p.start), min(b, p.end)
                    if b > a and ch != " ":
                        covered[a - p.start : b - p.start] = b"\x01" * (b - a)
            for k in range(p.start, p.end):
                c = chars[k]
                if c in "\r\n" or (not covered[k - p.start] and not c.isspace()):
                    chars[k] = " "
        return "".join(chars)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    # -- structure -------------------------------------------------------
    def sections(self) -> Iterator[Section]:
        if self._sections is not None:
            return iter(self._sections)
        return (s for c in self.root.children for s in c.walk())

    def section(self, ref: str) -> Section | None:
        for s in self.sections():
            if s.ref == ref:
                return s
        return None

    def find_section(self, *keywords: str, styles: tuple[str, ...] | None = None) -> Section | None:
        keys = [diacritic_key(k) for k in keywords]
        for s in self.sections():
            if styles is not None and s.style not in styles:
                continue
            h = diacritic_key(s.heading)
            if all(k in h for k in keys):
                return s
        return None

    def body_paragraphs(self) -> Iterator[Paragraph]:
        for p in self.paragraphs:
            if p.kind in ("text", "table", "footnote"):
                yield p

    def sentences(self) -> Iterator[Sentence]:
        for p in self.paragraphs:
            if p.kind in ("text", "table", "footnote"):
                yield from p.sentences()


# ---------------------------------------------------------------------------
# Line classification.

#: "II. NHIỆM VỤ", "II) ...", and a party document's "II- NHIỆM VỤ" (a dash then a space)
_ROMAN = re.compile(r"^(?P<label>[IVXL]{1,6})\s*(?:[.)]|[-–](?=\s))\s*(?=\S)(?![IVXL]*\.\d)")
_ARABIC = re.compile(r"^(?P<label>\d{1,2})\s*[.)](?!\d)\s*(?=\S)")
#: "2 - Sở Lao động ... có trách nhiệm", a party document's "2- Chỉ tiêu": a number set off by
#: a dash (not a range "2 - 3", "1-2 ngày")
_ARABIC_DASH = re.compile(r"^(?P<label>\d{1,2})\s*[-–]\s+(?=[^\d\s])")
#: A number alone on its line numbers the lines after it (tables turned into text)
_LONE_NUMBER = re.compile(r"^(?P<label>\d{1,2})\s*\.?$")
#: Numbers with their parents' numbers: "2.1.", "2.2.3", "2.1.a." (a letter item)
_DECIMAL = re.compile(r"^(?P<label>\d{1,2}(?:\.\d{1,2}){1,3}(?:\.[a-zđ])?)\.?\s+(?=\S)")
_LETTER = re.compile(r"^(?P<label>[a-zđ])\s*\)\s*(?=\S)")
_DASH = re.compile(r"^(?P<label>[-–—−•])\s*(?=\S)")
_PLUS = re.compile(r"^(?:[-–•]\s*)?(?P<label>\+)\s*(?=\S)")
_DIEU = re.compile(r"^(?P<label>Điều\s+\d{1,3})\s*[.:]\s*")
_PART = re.compile(
    r"^(?P<label>(?:PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?:[IVXL]+|\d+|(?:THỨ|[Tt]hứ) \S+))"
    r"\b[.:]?\s*"
)
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?P<label>[IVXL]+|\d+))?\b[.:]?\s*")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S")
_RECIPIENTS = re.compile(r"^Nơi nhận\s*:?", re.IGNORECASE)
#: A line of a signing block: a signing mark and what it names ("TM. ỦY BAN NHÂN DÂN",
#: "KT. CHỦ TỊCH", "T/M ĐẢNG ĐOÀN"), or a signer's position alone ("PHÓ THỦ TƯỚNG").
_SIGN_MARK_LINE = re.compile(r"^(?:T\s*/\s*M|TM|KT|TL|TUQ|Q|QUYỀN)\b\.?\s*\S.*$")
_POSITION_LINE = re.compile(
    r"^(?:"
    + "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in POSITIONS), key=len)[::-1])
    + r")$"
)
_SIGN_LINE = re.compile(_SIGN_MARK_LINE.pattern + "|" + _POSITION_LINE.pattern)
_STAMP = re.compile(
    r"^\s*(?:\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:[+-]\d{2}:?\d{2}|Z)?|\[[^\]\n]{1,30}\]"
    r"|\((?:[Đđ]ã\s+ký|[Kk]ý|[Kk]ý\s+tên|[Cc]hữ\s+ký[^)\n]{0,60})\))\s*$"
)
#: The number line: "Số: 683/KH-UBND", "Số hiệu: …", "Số 3260-KH/ĐĐQH15" (a party
#: document prints no colon), "Số: /KH-UBND" (a draft's blank number).
_SO = re.compile(r"^(?:(?i:Số\s*(?:hiệu)?\s*:)|(?:Số|SỐ)\s+(?=\d[\w.]*\s?[/-]))")
_ISSUER_BLOCK = re.compile(
    r"^(?:ỦY|UỶ|UBND|HỘI ĐỒNG|BỘ |SỞ |TỈNH |THÀNH PHỐ|CỘNG HÒA|CỘNG HOÀ|Độc lập)"
)
#: Lines of a header that stand alone: the national motto (or a party's), a place-date
#: line, a kind line, the issuing authority before the preamble.
_MOTTO = re.compile(r"^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–]|ĐẢNG\s+CỘNG\s+SẢN)")
_PLACE_DATE_LINE = re.compile(
    r"^(?:[^\d\s,][^\d,]{0,40}?|[.…]+),\s*ngày\s*[\d.…_ ]*tháng\s*[\d.…_ ]*năm\s*\d{4}\s*$"
)
#: The opening of a preamble: after a blank line it starts a paragraph of its own.
_PREAMBLE_OPEN = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Kính\s+gửi)\b"
)
_KIND_ALONE = re.compile(
    r"^(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in KIND_LINES) + r")\s*:?$"
)


def _header_line(t: str) -> bool:
    return bool(
        _MOTTO.match(t)
        or _PLACE_DATE_LINE.match(t)
        or _KIND_ALONE.match(t)
        or AUTHORITY_LINE.fullmatch(t)
    )


#: Nesting levels (a decimal number "2.1" sits one step under "2": 30 + its dots).
_STYLE_LEVEL = {
    "part": 0,
    "dieu": 10,
    "roman": 20,
    "arabic": 30,
    "letter": 40,
    "dash": 50,
    "plus": 60,
}


@functools.lru_cache(maxsize=4096)
def _marker(text: str) -> tuple[str, str, int] | None:
    """(style, label, length of the marker) of a section line, else None.

    Cached: a line is tested while measuring the wrap width, while joining lines and while
    building the tree."""
    for style, rx in (
        ("part", _PART),
        ("dieu", _DIEU),
        ("roman", _ROMAN),
        ("decimal", _DECIMAL),
        ("arabic", _ARABIC),
        ("arabic", _ARABIC_DASH),
        ("letter", _LETTER),
        ("plus", _PLUS),
        ("dash", _DASH),
    ):
        m = rx.match(text)
        if m:
            label = re.sub(r"\s+", " ", m.group("label"))
            if style == "roman" and not _roman_ok(label, text[m.end() :]):
                continue
            return style, label, m.end()
    return None


def _roman_ok(label: str, rest: str) -> bool:
    # a roman heading is followed by a capital or a word; reject "I. " in odd places
    return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or not rest[0].isalpha())


def _is_upper_line(t: str) -> bool:
    """At least three letters, all of them upper case (stops at the first other letter)."""
    letters = 0
    for c in t:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 3


def _starts_lower(t: str) -> bool:
    c = t.lstrip("\"“'(")[:1]
    return bool(c) and (c.islower() or c.isdigit())


@functools.lru_cache(maxsize=4096)
def _is_block_start(t: str) -> bool:
    return bool(
        _marker(t)
        or _FOOTNOTE.match(t)
        or _RECIPIENTS.match(t)
        or _SIGN_LINE.match(t)
        or _APPENDIX.match(t)
        or _STAMP.match(t)
        or _SO.match(t)
        or _header_line(t)
    )


# ---------------------------------------------------------------------------
# Parsing.


def _physical_lines(logical: MappedText, line_starts: list[int]) -> list[tuple[MappedText, int]]:
    """Cleaned lines of the logical text with the 1-based original line of their first
    character (``line_starts``: where each line of the original starts)."""
    out: list[tuple[MappedText, int]] = []
    pos = 0
    text = logical.text
    while pos <= len(text):
        nl = text.find("\n", pos)
        if nl < 0:
            nl = len(text)
        raw = logical.slice(pos, nl)
        if raw.text.endswith("\r"):
            raw = raw.slice(0, len(raw) - 1)
        first = raw.starts[0] if len(raw) else (logical.starts[pos] if pos < len(text) else 0)
        out.append((clean_line(raw), bisect.bisect_right(line_starts, first)))
        pos = nl + 1
    return out


def _wrap_width(lines: list[tuple[MappedText, int]]) -> float | None:
    lengths: list[int] = []
    nonblank = [ln for ln, _ in lines if ln.text.strip()]
    for a, b in itertools.pairwise(nonblank):
        ta, tb = a.text, b.text
        if "\t" in ta or "\t" in tb or ta[-1] in ".;:!?" or _is_block_start(tb):
            continue
        if _starts_lower(tb):
            lengths.append(len(ta))
    if len(lengths) < 5:
        return None
    w = statistics.median(lengths)
    return w if w <= 120 else None


#: Most physical lines re-joined into one paragraph. Real paragraphs have far fewer; the
#: bound keeps hostile input (many short lower-case lines) from costing quadratic time.
MAX_JOINED_LINES = 200


#: Longest item (in words) of an enumeration that a wrapped heading may continue.
_LIST_ITEM_WORDS = 10


def _wrapped_list(ta: str, last_line_len: int, tb: str, width: float | None) -> bool:
    """A line broken at the wrap width inside an enumeration, the next item capitalized.

    ``ta`` (the paragraph so far) ends in "," or ";" on a line that reached the wrap width
    and ``tb`` starts in upper case ("... Y tế; Xây dựng;" / "Giao thông vận tải; ..."). A
    comma never ends a paragraph, so any such line continues. A semicolon does end list
    items, so it continues only the list of a numbered heading ("2. Các Sở: Công Thương;
    ...") whose last item is short: a name, not a clause.
    """
    if width is None or last_line_len < 0.75 * width:
        return False
    if not tb.lstrip("\"“'(")[:1].isupper():
        return False
    if ta.endswith(","):
        return True
    mk = _marker(ta)
    if mk is None or mk[0] in ("dash", "plus") or ":" not in ta[mk[2] :]:
        return False
    last_item = re.split(r"[:;]", ta[:-1])[-1]
    return len(last_item.split()) <= _LIST_ITEM_WORDS


#: A line that goes on with a compound broken at its dash ("kinh tế" / "- xã hội"): a dash,
#: then a word in lower case, after a long paragraph or line (near the wrap width, or of at
#: least ``_LONG_LINE`` characters in a text without one) that ends in a letter.
_BROKEN_COMPOUND = re.compile(r"^[-–]\s+[a-zđà-ỹ]")  # the range holds capitals too: see _joins
_LONG_LINE = 80


def _joins(a: MappedText, last_line_len: int, b: MappedText, width: float | None) -> bool:
    ta, tb = a.text, b.text
    if not ta or not tb or "\t" in tb or "\t" in ta:
        return False
    long_line = 0.75 * width if width else _LONG_LINE
    if (
        _BROKEN_COMPOUND.match(tb)
        and tb.lstrip("-– ")[:1].islower()  # not a bullet "- Đơn vị chủ trì: ..."
        and ta[-1:].isalpha()
        and max(len(ta), last_line_len) >= long_line
    ):
        return True  # "… phát triển kinh tế" / "- xã hội và …": a compound broken at its dash
    if _is_block_start(tb) or _SIGN_LINE.match(ta):
        return False
    if _RECIPIENTS.match(ta) or _STAMP.match(ta) or _KIND_ALONE.match(ta) or _MOTTO.match(ta):
        return False
    end = ta.rstrip()[-1]
    if _is_upper_line(ta):
        # multi-line titles / issuer blocks in capitals
        return _is_upper_line(tb) and not _SO.match(tb)
    if end in ",;" and _wrapped_list(ta, last_line_len, tb, width):
        return True
    if end in ".!?":
        return False
    if end in ";:":
        # a hard wrap after the semicolon or colon of an enumeration: the next clause goes
        # on in lower case on the next line
        wrapped = width is not None and last_line_len >= 0.75 * width
        return wrapped and _starts_lower(tb) and not tb[:1].isdigit()
    if _starts_lower(tb):
        return True
    if end == "-":
        return True
    if width is not None and last_line_len >= 0.75 * width and end.isalpha():
        first = tb.lstrip("\"“'(")[:1]
        return first.isupper()
    return False


def parse(text: str, *, source: str | None = None) -> Doc:
    """Build the :class:`Doc` of ``text`` (any normalization form, markdown or plain)."""
    original = text
    line_starts = [0]
    for m2 in re.finditer("\n", original):
        line_starts.append(m2.end())
    lines = _physical_lines(read(original), line_starts)
    width = _wrap_width(lines)

    # -- paragraphs --------------------------------------------------------
    paras: list[tuple[MappedText, int, str]] = []  # (text, line, kind)

    def collect(
        i: int, allow_notes: bool
    ) -> tuple[MappedText, int, list[tuple[MappedText, int, str]]]:
        """Join the continuation lines of the line at ``i``; (text, next index, footnotes)."""
        cur = lines[i][0]
        parts = [cur]
        last_len = len(cur.text)
        pending: list[tuple[MappedText, int, str]] = []
        i += 1
        while True:
            j = i
            notes: list[tuple[MappedText, int, str]] = []
            while j < n and not lines[j][0].text:
                j += 1
            while allow_notes and j < n and _FOOTNOTE.match(lines[j][0].text):
                note, j2, _ = collect(j, False)
                notes.append((note, lines[j][1], "footnote"))
                j = j2
                while j < n and not lines[j][0].text:
                    j += 1
            if j >= n:
                break
            nxt = lines[j][0]
            if len(parts) >= MAX_JOINED_LINES:
                break
            # _joins reads only the text: join the texts, not the offset maps
            joined_text = MappedText(" ".join(p.text for p in parts), [], [])
            if not _joins(joined_text, last_len, nxt, width):
                break
            if j > i and _PREAMBLE_OPEN.match(nxt.text):
                break  # a preamble after a blank line starts a paragraph (the title ends)
            if notes and not _starts_lower(nxt.text):
                break
            parts.append(nxt)
            last_len = len(nxt.text)
            pending.extend(notes)
            i = j + 1
        joined = MappedText.join(parts) if len(parts) > 1 else cur
        return joined, i, pending

    i, n = 0, len(lines)
    while i < n:
        cur, lineno = lines[i]
        if not cur.text:
            i += 1
            continue
        if "\t" in cur.text:
            paras.append((cur, lineno, "table"))
            i += 1
            continue
        if _FOOTNOTE.match(cur.text):
            note, i, _ = collect(i, False)
            paras.append((note, lineno, "footnote"))
            continue
        joined, i, pending_notes = collect(i, True)
        paras.append((joined, lineno, "text"))
        paras.extend(pending_notes)

    # -- document area (portal furniture before / after) ---------------------
    kinds = [k for _, _, k in paras]
    texts = [p.text for p, _, _ in paras]
    start_idx = _document_start(texts)
    for k in range(start_idx):
        kinds[k] = "furniture"

    # recipients & signature
    sig_idx: list[int] = []
    rec_idx: list[int] = []
    k = start_idx
    while k < len(paras):
        t = texts[k]
        if kinds[k] == "text" and _RECIPIENTS.match(t):
            rec_idx.append(k)
            m = k + 1
            while m < len(paras) and (
                texts[m].startswith(("-", "–", "+", "•")) or texts[m].endswith(";")
            ):
                if _SIGN_LINE.match(texts[m]):
                    break
                rec_idx.append(m)
                m += 1
            k = m
            continue
        after_recipients = bool(rec_idx) and rec_idx[-1] == k - 1
        if (
            kinds[k] == "text"
            and _SIGN_LINE.match(t)
            and (after_recipients or _looks_like_signature(texts, k))
        ):
            m = k
            while m < len(paras) and _SIGN_LINE.match(texts[m]):
                sig_idx.append(m)
                m += 1
            # signer's name (skip [daky]-style markers)
            while m < len(paras) and _STAMP.match(texts[m]):
                kinds[m] = "furniture"
                m += 1
            # the last recipients, cut off from their column by a page break, may come
            # between the signing marks and the name
            q = m
            while q < len(paras) and q - m < 40 and texts[q].startswith(("-", "–", "+", "•")):
                q += 1
            if rec_idx and m < q < len(paras) and _is_name(texts[q]):
                rec_idx.extend(range(m, q))
                m = q
            if m < len(paras) and _is_name(texts[m]):
                sig_idx.append(m)
                m += 1
            # anything up to an appendix is furniture (timestamps, stamps)
            while (
                m < len(paras) and not _APPENDIX.match(texts[m]) and not _RECIPIENTS.match(texts[m])
            ):
                if _STAMP.match(texts[m]) or _stamp_tail(texts, m):
                    kinds[m] = "furniture"
                else:
                    break
                m += 1
            k = m
            continue
        k += 1
    for k in rec_idx:
        kinds[k] = "recipients"
    for k in sig_idx:
        kinds[k] = "signature"

    # -- build paragraph objects and doc text -----------------------------
    paragraphs: list[Paragraph] = []
    offset = 0
    for (ms, lineno, _), kind in zip(paras, kinds, strict=True):
        s, e = (ms.starts[0], ms.ends[-1]) if ms.starts else (0, 0)
        paragraphs.append(Paragraph(ms.text, s, e, lineno, kind, offset, ms.starts, ms.ends))
        offset += len(ms.text) + 1
    doc_text = "\n".join(p.text for p in paragraphs)

    root = Section("", "root", "", "", 0, len(original), -1)
    doc = Doc(
        original=original,
        source=source,
        paragraphs=paragraphs,
        text=doc_text,
        root=root,
        header=[],
        tables=[],
        footnotes=[p for p in paragraphs if p.kind == "footnote"],
        recipients=[p for p in paragraphs if p.kind == "recipients"],
        signature=[p for p in paragraphs if p.kind == "signature"],
        _line_starts=line_starts,
    )
    _build_tree(doc)
    doc._sections = list(doc.sections())
    build_tables(doc)
    return doc


def _stamp_tail(texts: list[str], m: int) -> bool:
    """A place name printed under a signature timestamp."""
    return m > 0 and bool(_STAMP.match(texts[m - 1])) and len(texts[m].split()) <= 4


def _looks_like_signature(texts: list[str], k: int) -> bool:
    if _SIGN_MARK_LINE.match(texts[k]):
        return True
    # a position alone ("THỦ TƯỚNG") signs when a name follows it, or near the end
    for m in range(k + 1, min(len(texts), k + 4)):
        if _STAMP.match(texts[m]) or _SIGN_LINE.match(texts[m]):
            continue
        if _is_name(texts[m]):
            return True
        break
    return k >= len(texts) - 8


_NAME = re.compile(r"^[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){1,5}$")


def _is_name(t: str) -> bool:
    return bool(_NAME.match(t)) and not _is_upper_line(t)


_DOC_KIND_LINE = re.compile(
    r"^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|CÔNG VĂN|THÔNG TƯ|NGHỊ ĐỊNH|TỜ TRÌNH"
    r"|ĐỀ ÁN|CHƯƠNG TRÌNH|BÁO CÁO|PHÁP LỆNH|CHIẾN LƯỢC|THÔNG BÁO)\b"
)


def _document_start(texts: list[str]) -> int:
    """Where the document starts: its number line (or kind line), and the header lines
    just before it (issuer block, motto, place-date)."""
    so = next((k for k, t in enumerate(texts) if _SO.match(t)), None)
    if so is None:
        kind = next((k for k, t in enumerate(texts) if _DOC_KIND_LINE.match(t)), None)
        if kind is None:
            return 0
        so = kind
    start = so
    for k in range(so - 1, max(-1, so - 9), -1):
        t = texts[k]
        if (
            _ISSUER_BLOCK.match(t)
            or _is_upper_line(t)
            or _MOTTO.match(t)
            or _PLACE_DATE_LINE.match(t)
        ):
            start = k
        else:
            break
    return start


def _build_tree(doc: Doc) -> None:
    root = doc.root
    stack: list[Section] = [root]
    dash_counts: dict[int, int] = {}
    header: list[Paragraph] = []
    seen_section = False
    for p in doc.paragraphs:
        if p.kind in ("furniture", "recipients", "signature"):
            continue
        if p.kind == "footnote":
            continue
        am = _APPENDIX.match(p.text) if p.kind == "text" else None
        if am and seen_section:
            label = am.group("label") or ""
            ref = "PL" + label
            node = Section(ref, "appendix", label, p.text[am.end() :].strip(), p.start, p.end, 0)
            node.paragraphs.append(p)
            node.parent = root
            root.children.append(node)
            stack = [root, node]
            continue
        mk = _marker(p.text) if p.kind == "text" else None
        if mk is not None and not seen_section and mk[0] in ("dash", "plus", "letter"):
            mk = None  # bullets in the preamble are not sections
        lone = _LONE_NUMBER.match(p.text) if mk is None and p.kind == "text" else None
        if lone and seen_section and _next_number(stack, int(lone.group("label"))):
            mk = ("arabic", lone.group("label"), len(p.text))
        if mk is None:
            if not seen_section:
                header.append(p)
            else:
                stack[-1].paragraphs.append(p)
            continue
        style, label, mlen = mk
        if style == "decimal":
            style, label, level = _decimal(label)
        elif style == "part" and label[:3].lower() == "mục":
            level = _STYLE_LEVEL["part"] + 5  # a section of a chapter: "Chương II" / "Mục 1"
        else:
            level = _STYLE_LEVEL[style]
        while len(stack) > 1 and stack[-1].level >= level:
            stack.pop()
        parent = stack[-1]
        if "." in label and parent.style in ("arabic", "letter"):
            # "2.1" under "2.": the parent's number is already in its ref
            head, _, last = label.rpartition(".")
            if head.rpartition(".")[2] == parent.label:
                label = last
        ref = _make_ref(style, label, parent, dash_counts)
        node = Section(ref, style, label, p.text[mlen:].strip(), p.start, p.end, level)
        node.paragraphs.append(p)
        node.parent = parent
        parent.children.append(node)
        stack.append(node)
        seen_section = True
    doc.header = header
    _fix_extents(root)


def _next_number(stack: list[Section], n: int) -> bool:
    """Is ``n`` the first number of a list or the one after the last numbered item open?"""
    for node in reversed(stack):
        if node.style == "arabic" and node.label.isdigit() and int(node.label) == n - 1:
            return True
        kids = [c for c in node.children if c.style == "arabic" and c.label.isdigit()]
        if kids and int(kids[-1].label) == n - 1:
            return True
        if node.style in ("dieu", "roman", "part", "root"):
            break
    return n == 1


def _decimal(label: str) -> tuple[str, str, int]:
    """Style, label and level of a decimal number: "2.1" -> arabic one level under "2";
    "2.1.a" -> the letter item "a"."""
    if label[-1].isalpha():
        return "letter", label, _STYLE_LEVEL["letter"]
    return "arabic", label, _STYLE_LEVEL["arabic"] + label.count(".")


def _make_ref(style: str, label: str, parent: Section, counts: dict[int, int]) -> str:
    if style == "dieu":
        return label
    if style == "part":
        return label
    if style == "roman":
        return label
    if style in ("dash", "plus"):
        key = id(parent)
        counts[key] = counts.get(key, 0) + 1
        sep = "-" if style == "dash" else "+"
        return f"{parent.ref}{sep}{counts[key]}" if parent.ref else f"{sep}{counts[key]}"
    if parent.style == "appendix" or not parent.ref:
        return label if not parent.ref else f"{parent.ref}.{label}"
    return f"{parent.ref}.{label}"


def _fix_extents(node: Section) -> None:
    starts: list[int] = []
    ends: list[int] = []
    for p in node.paragraphs:
        starts.append(p.start)
        ends.append(p.end)
    for c in node.children:
        _fix_extents(c)
        starts.append(c.start)
        ends.append(c.end)
    if node.style != "root" and starts:
        node.start, node.end = min(starts), max(ends)
