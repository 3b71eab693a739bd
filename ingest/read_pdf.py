"""PDF files into the text forms the extractor reads, with their layout kept.

A PDF holds positioned words, not lines or paragraphs. This module reads the words of each
page (pdfplumber) and rebuilds what the page shows:

* Ruled tables (found from their drawn rules) become one tab-separated line per row; a cell
  merged down rows is repeated in each row it spans, a cell merged across columns leaves the
  others empty; the column heads a long table repeats at the top of each page are kept once,
  and a table cut by a page break continues as one table. A ruled box of one column (a kind
  line and title in a frame) is read as text.
* Words become lines (by their vertical overlap), lines become paragraphs again: a line
  continues on the next one when the next one's first word would not have fitted at its end
  (the layout cut it there, justified or ragged right), unless the next one is indented or
  set apart by more than the usual line step; also across a page break.
* Two columns side by side (issuer | motto, number | place-date; "Nơi nhận" | signature) are
  read column by column: the left column's lines, then the right column's, as a plain copy of
  the document has them. Rules drawn with characters ("--------") under them are dropped.
* Page furniture is left out: page numbers ("2", "- 2 -", "Trang 2", "2/10") at the top or
  bottom of a page, and running headers or footers printed on several pages.
* Small raised digits (a footnote mark) become superscript digits; footnotes printed at the
  foot of a page follow the paragraph they interrupt, each on its own line ("¹ text").
* A page with no text layer (a scan) is read by OCR: Tesseract with its Vietnamese model
  (``tesseract`` and the ``vie`` data), its words laid out as above. Without it, such a PDF is
  refused with an error that says what to install.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import statistics
import subprocess
import tempfile
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from policykg.ingest.errors import IngestError

__all__ = ["MAX_OCR_PAGES", "MAX_PDF_PAGES", "OCR_INSTALL", "ocr_available", "pdf_text"]

#: Most pages read from one PDF.
MAX_PDF_PAGES = 1000
#: Most scanned pages read by OCR from one PDF (a page takes seconds).
MAX_OCR_PAGES = 60
#: What to install for OCR, as the refusal of a scanned PDF says it.
OCR_INSTALL = (
    "install Tesseract with its Vietnamese model (Debian/Ubuntu: apt-get install "
    "tesseract-ocr tesseract-ocr-vie)"
)
_OCR_DPI = 300
_OCR_TIMEOUT = 180  # seconds per page

_SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_RULE = re.compile(r"^\s*[-–—_=.*]{3,}\s*$")
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:(?:Trang|Page)\s+)?\d{1,4}(?:\s*(?:/|trên|of)\s*\d{1,4})?[-–—\s]*$",
    re.IGNORECASE,
)
_ITEM_START = re.compile(
    r"^(?:[-–+•*]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][).]\s|[IVXL]{1,5}[.)]\s|Điều\s+\d"
    r"|Chương\s+[IVXL\d]|Phần\s+[IVXL\d]|PHỤ LỤC|Phụ lục|Nơi nhận)"
)


@dataclass
class _Word:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str
    size: float


@dataclass
class _Line:
    words: list[_Word]
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    text: str = ""
    segments: list[tuple[float, float, str]] = field(default_factory=list)

    def finish(self, gap: float) -> _Line:
        ws = sorted(self.words, key=lambda w: w.x0)
        self.words = ws
        self.size = statistics.median(w.size for w in ws)
        base = statistics.median(w.bottom for w in ws if w.size >= 0.85 * self.size)
        self.x0 = min(w.x0 for w in ws)
        self.x1 = max(w.x1 for w in ws)
        self.top = min(w.top for w in ws)
        self.bottom = max(w.bottom for w in ws)
        segs: list[list[_Word]] = [[ws[0]]]
        for prev, w in itertools.pairwise(ws):
            if w.x0 - prev.x1 > gap * max(self.size, 1.0):
                segs.append([w])
            else:
                segs[-1].append(w)
        self.segments = [(s[0].x0, max(w.x1 for w in s), self._join(s, base)) for s in segs]
        self.text = " ".join(t for _, _, t in self.segments)
        return self

    def _join(self, ws: list[_Word], base: float) -> str:
        out = ""
        prev: _Word | None = None
        for w in ws:
            text = w.text
            raised = (
                text.isdigit()
                and w.size < 0.8 * self.size
                and w.bottom < base - 0.15 * self.size
                and prev is not None
            )
            if raised or (prev is None and text.isdigit() and w.size < 0.8 * self.size):
                text = text.translate(_SUP)
            if prev is not None and not (raised or w.x0 - prev.x1 < 0.08 * self.size):
                out += " "
            out += text
            prev = w
        return out


@dataclass
class _Table:
    top: float
    bottom: float
    rows: list[list[str]]


@dataclass
class _Page:
    lines: list[_Line]
    tables: list[_Table]
    width: float
    height: float


# ---------------------------------------------------------------------------
# reading pages


def _words_from_plumber(
    page: Any, skip: Sequence[tuple[float, float, float, float]]
) -> list[_Word]:
    words = []
    for w in page.extract_words(extra_attrs=["size"], keep_blank_chars=False):
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(x0 <= cx <= x1 and t <= cy <= b for x0, t, x1, b in skip):
            continue
        text = unicodedata.normalize("NFC", w["text"])
        words.append(_Word(w["x0"], w["x1"], w["top"], w["bottom"], text, float(w["size"])))
    return words


def _group_lines(words: list[_Word], gap: float = 1.6) -> list[_Line]:
    """Words into lines: a word joins the line it overlaps vertically by half its height."""
    lines: list[_Line] = []
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = max(w.bottom - w.top, 0.1)
        for line in reversed(lines[-4:]):
            top = (
                min(x.top for x in line.words if x.size >= 0.85 * w.size)
                if any(x.size >= 0.85 * w.size for x in line.words)
                else line.words[0].top
            )
            bottom = max(x.bottom for x in line.words)
            if min(bottom, w.bottom) - max(top, w.top) >= 0.5 * min(h, bottom - top):
                line.words.append(w)
                break
        else:
            lines.append(_Line([w]))
    out = [line.finish(gap) for line in lines]
    out.sort(key=lambda ln: ln.top)
    return out


def _plumber_tables(page: Any) -> list[tuple[tuple[float, float, float, float], _Table]]:
    """The ruled tables of a page with two columns or more (bbox, rows)."""
    out = []
    for t in page.find_tables():
        rows = t.extract()
        ncols = max((len(r) for r in rows), default=0)
        filled = [sum(1 for c in r if c and c.strip()) for r in rows]
        if ncols < 2 or max(filled, default=0) < 2:
            continue  # a framed box: read as text
        cells = [row.cells for row in t.rows]
        grid: list[list[str]] = []
        for i, row in enumerate(rows):
            out_row = []
            for c, value in enumerate(row):
                if value is None:
                    value = _merged_down(rows, cells, i, c)
                out_row.append(re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip())
            grid.append(out_row)
        x0, top, x1, bottom = t.bbox
        out.append(((x0, top, x1, bottom), _Table(top, bottom, grid)))
    return out


def _merged_down(rows: list[list[str | None]], cells: list[Any], i: int, c: int) -> str:
    """The text of the cell above that spans down over row ``i`` at column ``c``, or ""."""
    row_top = next((b[1] for b in cells[i] if b is not None), None)
    for k in range(i - 1, -1, -1):
        if c < len(rows[k]) and rows[k][c] is not None:
            box = cells[k][c] if c < len(cells[k]) else None
            if box is not None and row_top is not None and box[3] > row_top + 1:
                return rows[k][c] or ""
            return ""
    return ""


# ---------------------------------------------------------------------------
# OCR


def ocr_available() -> bool:
    """True when the ``tesseract`` program and its Vietnamese model are installed."""
    exe = shutil.which("tesseract")
    if exe is None:
        return False
    try:
        langs = subprocess.run(
            [exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "vie" in langs.stdout.split()


def _ocr_words(image: Any, scale: float) -> list[_Word]:
    """Tesseract's words of a page image, in PDF points (``scale`` pixels per point)."""
    exe = shutil.which("tesseract")
    assert exe is not None
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)
        done = subprocess.run(
            [exe, str(png), "stdout", "-l", "vie", "--psm", "3", "tsv"],
            capture_output=True,
            text=True,
            timeout=_OCR_TIMEOUT,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip()[-300:])
    words = []
    line_heights: dict[tuple[str, ...], float] = {}
    rows = [r.split("\t") for r in done.stdout.splitlines()[1:]]
    for r in rows:
        if len(r) >= 12 and r[0] == "4":
            line_heights[tuple(r[1:5])] = int(r[9]) / scale
    for r in rows:
        if len(r) < 12 or r[0] != "5" or not r[11].strip():
            continue
        if float(r[10]) < 0:
            continue
        left, top, width, height = (int(v) / scale for v in r[6:10])
        size = line_heights.get(tuple(r[1:5]), height) * 0.8
        text = unicodedata.normalize("NFC", r[11].strip())
        words.append(_Word(left, left + width, top, top + height, text, size))
    return words


# ---------------------------------------------------------------------------
# layout


def _edges(pages: list[_Page]) -> tuple[float, float]:
    """The left and right edges of the body text (from the long lines of every page)."""
    lines = [ln for p in pages for ln in p.lines]
    if not lines:
        return 0.0, 1.0
    lo = min(ln.x0 for ln in lines)
    hi = max(ln.x1 for ln in lines)
    long = [ln for ln in lines if ln.x1 - ln.x0 >= 0.6 * (hi - lo)] or lines
    left = sorted(ln.x0 for ln in long)[len(long) // 5]
    right = sorted(ln.x1 for ln in long)[(len(long) * 4) // 5]
    return left, max(right, left + 1)


def _furniture(pages: list[_Page]) -> None:
    """Drop page numbers and running headers/footers from the top and bottom of pages."""

    def key(s: str) -> str:
        return re.sub(r"\d+", "#", re.sub(r"\s+", " ", s.strip().lower()))

    counts: dict[str, int] = {}
    for p in pages:
        edge = p.lines[:2] + [ln for ln in p.lines[-2:] if all(ln is not x for x in p.lines[:2])]
        for k in {key(ln.text) for ln in edge}:
            counts[k] = counts.get(k, 0) + 1
    pages_n = len(pages)
    repeated = {k for k, n in counts.items() if (n >= 3 and n * 2 >= pages_n) or n == pages_n == 2}
    for p in pages:
        for ln in [*p.lines[:2], *p.lines[-2:]]:
            if ln.text and (_PAGE_NUMBER.match(ln.text) or key(ln.text) in repeated):
                ln.text = ""
        p.lines = [ln for ln in p.lines if ln.text]


def _split(ln: _Line, mid: float, slack: float) -> tuple[float, float, str, str] | None:
    """A line in two columns: (end of the left part, start of the right part, left text,
    right text); the gap between them straddles the middle of the text width."""
    segs = ln.segments
    for k in range(len(segs) - 1):
        if segs[k][1] <= mid + slack and segs[k + 1][0] >= mid - 2 * slack:
            left = " ".join(s[2] for s in segs[: k + 1])
            right = " ".join(s[2] for s in segs[k + 1 :])
            return (segs[k][1], segs[k + 1][0], left, right)
    return None


def _side(ln: _Line, gutter: tuple[float, float], mid: float, slack: float) -> str:
    """ "left" or "right" when ``ln`` lies in one column of a two-column block, else ""."""
    centre = (ln.x0 + ln.x1) / 2
    if ln.x1 <= gutter[1] and centre <= mid - slack:
        return "left"
    if ln.x0 >= gutter[0] and centre >= mid + slack:
        return "right"
    return ""


def _column_blocks(
    items: list[tuple[float, Any]], mid: float, slack: float
) -> dict[int, tuple[int, list[str], list[str]]]:
    """Runs of lines in two columns on one page: start index -> (end, left, right).

    Each run grows from a line split in two (issuer | motto, number | place-date, "Nơi
    nhận" | signature) over the lines next to it that lie in one of its columns: a short
    line on the left (the rest of the issuer), one on the right (a date line below the
    number, the motto above it), while the lines stay close together.
    """
    spans: list[list[int]] = []
    gutters: list[tuple[float, float]] = []
    for i, (_, it) in enumerate(items):
        if not isinstance(it, _Line):
            continue
        sp = _split(it, mid, slack)
        if sp is None:
            continue
        gutter = (sp[0], sp[1])
        lo = hi = i

        def joins(j: int, near: int, gutter: tuple[float, float] = gutter) -> bool:
            if not (0 <= j < len(items)) or not isinstance(items[j][1], _Line):
                return False
            a, b = items[min(j, near)][1], items[max(j, near)][1]
            if b.top - a.bottom > 2.5 * max(a.size, b.size):
                return False
            ln = items[j][1]
            return _split(ln, mid, slack) is not None or bool(_side(ln, gutter, mid, slack))

        while joins(lo - 1, lo):
            lo -= 1
        while joins(hi + 1, hi):
            hi += 1
        if spans and lo <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], hi)
        else:
            spans.append([lo, hi])
            gutters.append(gutter)
    out: dict[int, tuple[int, list[str], list[str]]] = {}
    for (lo, hi), gutter in zip(spans, gutters, strict=True):
        left: list[str] = []
        right: list[str] = []
        for _, ln in items[lo : hi + 1]:
            sp = _split(ln, mid, slack)
            if sp is not None:
                parts = [(left, sp[2]), (right, sp[3])]
            elif _side(ln, gutter, mid, slack) == "left":
                parts = [(left, ln.text)]
            else:
                parts = [(right, ln.text)]
            for col, text in parts:
                if text and not _RULE.match(text):
                    col.append(text)
        out[lo] = (hi + 1, left, right)
    return out


@dataclass
class _Out:
    """The text being written: lines, the paragraph open at the end, footnotes held back."""

    lines: list[str] = field(default_factory=list)
    last: _Line | None = None  # the last body line written, while its paragraph is open
    notes: list[str] = field(default_factory=list)
    table_head: list[str] | None = None

    def close(self) -> None:
        self.last = None
        if self.notes:
            self.lines.extend(self.notes)
            self.notes = []

    def text(self, s: str) -> None:
        self.close()
        self.lines.append(s)
        self.table_head = None


def _layout(pages: list[_Page]) -> str:
    _furniture(pages)
    left, right = _edges(pages)
    width = right - left
    mid = (left + right) / 2
    slack = 0.1 * width
    body_sizes = [ln.size for p in pages for ln in p.lines if ln.x1 - ln.x0 > 0.6 * width]
    body_size = statistics.median(body_sizes) if body_sizes else 12.0
    pitch = _pitch(pages, body_size)
    out = _Out()
    for page in pages:
        items: list[tuple[float, Any]] = [(ln.top, ln) for ln in page.lines]
        items += [(t.top, t) for t in page.tables]
        items.sort(key=lambda it: it[0])
        blocks = _column_blocks(items, mid, slack)
        first_on_page = True
        k = 0
        while k < len(items):
            item = items[k][1]
            if isinstance(item, _Table):
                rows = item.rows
                continued = first_on_page and out.table_head is not None
                if continued and rows and rows[0] == out.table_head:
                    rows = rows[1:]
                if not continued:
                    out.close()
                    out.lines.append("")
                    out.table_head = item.rows[0] if item.rows else None
                for row in rows:
                    if not any(row):
                        continue
                    line = "\t".join(row)
                    out.lines.append(line if "\t" in line else line + "\t")
                out.last = None
                first_on_page = False
                k += 1
                continue
            if k in blocks:  # a run of lines in two columns
                out.close()
                m, left_col, right_col = blocks[k]
                out.lines.extend(["", *left_col, "", *right_col, ""])
                out.table_head = None
                k = m
                first_on_page = False
                continue
            ln = item
            if _RULE.match(ln.text):
                k += 1
                continue
            is_note = ln.text[:1] in _SUPERSCRIPTS and ln.size < 0.92 * body_size
            if is_note and _at_page_foot(items, k):
                out.notes.append(ln.text)
                k += 1
                continue
            prev = out.last
            if prev is not None and _continues(prev, ln, left, right, pitch, first_on_page):
                out.lines[-1] += " " + ln.text
            else:
                out.text(ln.text)
            out.last = ln
            out.table_head = None
            first_on_page = False
            k += 1
    out.close()
    text = "\n".join(out.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def _at_page_foot(items: list[tuple[float, Any]], k: int) -> bool:
    """Only footnote-like lines (or nothing) follow line ``k`` on its page."""
    for _, it in items[k + 1 :]:
        if isinstance(it, _Table):
            return False
        if not (it.text[:1] in _SUPERSCRIPTS or it.size < items[k][1].size * 1.05):
            return False
    return True


def _continues(
    a: _Line, b: _Line, left: float, right: float, pitch: float | None, new_page: bool
) -> bool:
    """Line ``b`` continues the paragraph of line ``a``: ``b`` starts at the left edge, close
    below ``a``, and its first word would not have fitted at the end of ``a`` (the line was
    cut there by the layout, justified or ragged)."""
    first = b.words[0]
    room = right - a.x1 - 0.3 * a.size  # what was left on ``a``'s line after a space
    if first.x1 - first.x0 < room - 0.5 * a.size:
        return False  # the word would have fitted: ``a`` ended its paragraph
    if b.x0 > left + 0.6 * b.size:
        return False  # ``b`` is indented: a new paragraph (or a centred line)
    if abs(a.size - b.size) > 0.15 * max(a.size, b.size):
        return False
    if not new_page:
        step = b.top - a.top
        if step > (pitch + 0.3 * a.size if pitch else 2.2 * a.size):
            return False  # space between paragraphs
    return not (_ITEM_START.match(b.text) and a.text.rstrip()[-1:] in ".;:")


def _pitch(pages: list[_Page], size: float) -> float | None:
    """The usual distance from one line's top to the next within a paragraph of body text:
    the common step between body-size lines, no more than a quarter above the shortest
    steps (in a document of one-line paragraphs most steps cross a paragraph gap)."""
    steps = sorted(
        b.top - a.top
        for p in pages
        for a, b in itertools.pairwise(p.lines)
        if abs(a.size - size) < 0.1 * size
        and abs(b.size - size) < 0.1 * size
        and 0 < b.top - a.top < 2.5 * size
    )
    if len(steps) < 3:
        return None
    return min(statistics.median_low(steps), steps[len(steps) // 10] * 1.25)


# ---------------------------------------------------------------------------


def pdf_text(data: bytes, source: Path) -> str:
    """The text of a PDF (see the module docstring); :class:`IngestError` on bad input."""
    _check(data, source)
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise IngestError("pdfplumber is not installed", source=source) from None
    pages: list[_Page] = []
    scanned: list[int] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise IngestError(
                    f".pdf has {len(pdf.pages)} pages (limit {MAX_PDF_PAGES}): refused",
                    source=source,
                )
            for n, page in enumerate(pdf.pages):
                if not page.chars:
                    pages.append(_Page([], [], float(page.width), float(page.height)))
                    if page.images:
                        scanned.append(n)
                    continue
                tables = _plumber_tables(page)
                words = _words_from_plumber(page, [bbox for bbox, _ in tables])
                pages.append(
                    _Page(
                        _group_lines(words),
                        [t for _, t in tables],
                        float(page.width),
                        float(page.height),
                    )
                )
                page.close()
            if scanned:
                _ocr_pages(pdf, scanned, pages, source)
    except IngestError:
        raise
    except Exception as exc:  # pdfminer raises many types on malformed files
        raise IngestError(
            f"corrupt or truncated .pdf ({type(exc).__name__})", source=source
        ) from None
    if not any(p.lines or p.tables for p in pages):
        raise IngestError(".pdf has no text (no text layer and no scanned page)", source=source)
    return _layout(pages)


def _ocr_pages(pdf: Any, numbers: list[int], pages: list[_Page], source: Path) -> None:
    if not ocr_available():
        raise IngestError(
            f".pdf has no text layer on {len(numbers)} page(s) (a scanned document): reading "
            f"it needs OCR; {OCR_INSTALL}",
            source=source,
        )
    if len(numbers) > MAX_OCR_PAGES:
        raise IngestError(
            f".pdf has {len(numbers)} scanned pages (OCR limit {MAX_OCR_PAGES}): refused",
            source=source,
        )
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf.stream)
    try:
        scale = _OCR_DPI / 72
        for n in numbers:
            image = doc[n].render(scale=scale).to_pil().convert("L")
            try:
                words = _ocr_words(image, scale)
            except (OSError, subprocess.SubprocessError, RuntimeError) as exc:
                raise IngestError(f"OCR of page {n + 1} failed ({exc})", source=source) from None
            pages[n].lines = _group_lines(words)
    finally:
        doc.close()


def _check(data: bytes, source: Path) -> None:
    """Refuse before layout: password-protected files, and content streams that inflate
    beyond reason (pypdf stops a decompression bomb at its own output limit)."""
    import logging
    import warnings

    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover
        return
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError("encrypted .pdf (needs a password): refused", source=source)
            if len(reader.pages) > MAX_PDF_PAGES:
                raise IngestError(
                    f".pdf has {len(reader.pages)} pages (limit {MAX_PDF_PAGES}): refused",
                    source=source,
                )
            total = 0
            for page in reader.pages:
                for stream in _content_streams(page):
                    total += len(stream.get_data())
                    if total > _MAX_CONTENT_BYTES:
                        raise IngestError(
                            f".pdf content inflates beyond {_MAX_CONTENT_BYTES} bytes: refused",
                            source=source,
                        )
    except IngestError:
        raise
    except Exception as exc:  # pypdf raises PdfReadError, ValueError, KeyError, ...
        if type(exc).__name__ == "LimitReachedError":
            raise IngestError(
                ".pdf has a stream that inflates beyond reason (a decompression bomb): refused",
                source=source,
            ) from None
        raise IngestError(
            f"corrupt or truncated .pdf ({type(exc).__name__})", source=source
        ) from None


def _content_streams(page: Any) -> list[Any]:
    """The streams text is drawn from: the page's contents and its form XObjects (nested
    forms too), each once."""
    out: list[Any] = []
    contents = page.get_contents()
    if contents is not None:
        out.append(contents)
    seen: set[int] = set()
    todo: list[Any] = [page.get("/Resources")]
    while todo and len(seen) < 10_000:
        res: Any = todo.pop()
        res = res.get_object() if res is not None else None
        xobjects: Any = res.get("/XObject") if hasattr(res, "get") else None
        xobjects = xobjects.get_object() if xobjects is not None else None
        for ref in xobjects.values() if hasattr(xobjects, "values") else ():
            obj = ref.get_object()
            if id(obj) in seen or obj.get("/Subtype") != "/Form":
                continue
            seen.add(id(obj))
            out.append(obj)
            todo.append(obj.get("/Resources"))
    return out


_MAX_CONTENT_BYTES = 200 * 1024 * 1024
