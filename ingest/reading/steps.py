"""The reading steps (see :mod:`policykg.ingest.reading`). Each takes the text read so far
and gives it back with one kind of form undone; what it does not recognise it leaves as it
is. Every character keeps its place in the original (:class:`MappedText`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from policykg.ingest.reading.keys import toneless_key
from policykg.ingest.reading.mapped import MappedText
from policykg.ingest.reading.syllables import is_syllable

Step = Callable[[MappedText], MappedText]


def _line_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text`` (without its newline)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer("\n", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


# -- page furniture (PDF and Gazette pages) ------------------------------------------------

_GAZETTE_HEAD = re.compile(
    r"^[ \t]*(?:\d{1,4}[ \t]+)?C[ÔO]NG\s+B[ÁA]O\s*/\s*Số\s*[\d\s+]{1,12}/\s*Ngày\s*\d{1,2}\s*"
    r"[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}(?:[ \t]+\d{1,4})?[ \t]*$",
    re.IGNORECASE,
)
_PAGE_NO = re.compile(r"^[ \t\f]*(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?[ \t]*$")


def page_furniture(mt: MappedText) -> MappedText:
    """Gazette page headers ("CÔNG BÁO/Số 333/Ngày 16-06-2026") and page numbers (a line
    holding only a number next to a page header or a form feed) are blanked."""
    text = mt.text
    if "\f" not in text and "/Ngày" not in text and "/ngày" not in text:
        return mt
    spans = _line_spans(text)
    lines = [text[i:j] for i, j in spans]
    blank = [False] * len(lines)
    for k, ln in enumerate(lines):
        if _GAZETTE_HEAD.match(ln):
            blank[k] = True
            for n in (k - 1, k + 1):
                if 0 <= n < len(lines) and _PAGE_NO.match(lines[n]):
                    blank[n] = True
        elif "\f" in ln:
            if _PAGE_NO.match(ln):
                blank[k] = True
            for n in (k - 1, k + 1):
                if 0 <= n < len(lines) and _PAGE_NO.match(lines[n]) and lines[n].strip():
                    blank[n] = True
    edits = []
    for k, (i, j) in enumerate(spans):
        if blank[k] and i < j:
            keep = "\f" if "\f" in lines[k] else ""
            edits.append((i, j, keep))
    return mt.edit(edits)


_LINE_ENDINGS = re.compile(r"\r\n?")
_BREAKS = re.compile(r"[\v\f\u2028\u2029\x85]")


def line_endings(mt: MappedText) -> MappedText:
    """Carriage returns (Windows and old Mac line endings) become line breaks."""
    return mt.sub(_LINE_ENDINGS, "\n")


def layout_breaks(mt: MappedText) -> MappedText:
    """Vertical tabs, form feeds and Unicode line separators become line breaks (a page
    break ends a line)."""
    return mt.sub(_BREAKS, "\n")


_STAMP_HEAD = re.compile(r"^[ \t]*Ký\s+bởi\s*:", re.IGNORECASE)
_STAMP_FIELD = re.compile(
    r"^[ \t]*(?:Cơ\s+quan|Ngày\s+ký|Thời\s+gian\s+ký|Email|Chức\s+vụ|Tổ\s+chức)\s*:",
    re.IGNORECASE,
)


def signature_stamps(mt: MappedText) -> MappedText:
    """The digital-signature stamp of a signed PDF ("Ký bởi: …", "Cơ quan: …", "Ngày ký:
    …") is blanked."""
    if "bởi" not in mt.text:
        return mt
    spans = _line_spans(mt.text)
    edits = []
    k = 0
    while k < len(spans):
        i, j = spans[k]
        if _STAMP_HEAD.match(mt.text[i:j]):
            edits.append((i, j, ""))
            k += 1
            while k < len(spans) and _STAMP_FIELD.match(mt.text[spans[k][0] : spans[k][1]]):
                edits.append((spans[k][0], spans[k][1], ""))
                k += 1
            continue
        k += 1
    return mt.edit(edits)


# -- web-portal copies -------------------------------------------------------------------

_PORTAL_HEAD = re.compile(
    r"^[ \t]*(?:Thuộc\s+tính(?:\s+văn\s+bản)?|Lược\s+đồ|Văn\s+bản\s+(?:liên\s+quan|gốc|tiếng"
    r"\s+Anh|cùng\s+lĩnh\s+vực|mới|được\s+hướng\s+dẫn|hướng\s+dẫn|được\s+hợp\s+nhất|hợp\s+nhất"
    r"|bị\s+sửa\s+đổi|sửa\s+đổi|bị\s+thay\s+thế|thay\s+thế|căn\s+cứ|dẫn\s+chiếu)(?:\s+.{0,30})?"
    r"|Tải\s+(?:văn\s+bản|về)|In\s+văn\s+bản|Nội\s+dung\s+văn\s+bản|Tin\s+liên\s+quan"
    r"|Bài\s+viết\s+liên\s+quan|Chia\s+sẻ|Đăng\s+nhập|Đăng\s+ký|Trang\s+chủ)[ \t]*:?[ \t]*$",
    re.IGNORECASE,
)
_PORTAL_FIELD = re.compile(
    r"^[ \t]*(?:Số\s+hiệu|Ký\s+hiệu|Loại\s+văn\s+bản|Nơi\s+ban\s+hành|Cơ\s+quan\s+ban\s+hành"
    r"|Người\s+ký|Ngày\s+ban\s+hành|Ngày\s+(?:có\s+)?hiệu\s+lực|Ngày\s+hết\s+hiệu\s+lực"
    r"|Ngày\s+công\s+báo|Số\s+công\s+báo|Tình\s+trạng(?:\s+hiệu\s+lực)?|Lĩnh\s+vực|Ngành"
    r"|Nguồn\s+thu\s+thập|Ngày\s+đăng|Cập\s+nhật|Đã\s+biết)\s*:",
    re.IGNORECASE,
)
_RELATED_HEAD = re.compile(
    r"^[ \t]*(?:Văn\s+bản\s+\S|Tin\s+liên\s+quan|Bài\s+viết\s+liên\s+quan)", re.IGNORECASE
)
_BREADCRUMB = re.compile(r"^[^\n>»›]{1,40}(?:\s[>»›]\s[^\n>»›]{1,60}){2,}$")


def _all_caps(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def portal_furniture(mt: MappedText) -> MappedText:
    """The furniture of a web-portal copy is blanked: the "Thuộc tính văn bản" block (its
    heading and "Số hiệu: …", "Loại văn bản: …" field lines), lists of related documents
    (a heading such as "Văn bản liên quan" and its short lines, up to a line in capitals or
    a header field) and
    breadcrumb menus ("Trang chủ > Văn bản > …")."""
    text = mt.text
    spans = _line_spans(text)
    lines = [text[i:j] for i, j in spans]
    blank = [False] * len(lines)
    k = 0
    while k < len(lines):
        ln = lines[k]
        if _PORTAL_HEAD.match(ln):
            blank[k] = True
            m = k + 1
            if _RELATED_HEAD.match(ln):
                # a list of related documents: its short lines, up to a line in capitals or
                # a header field (the document may follow it)
                while m < len(lines) and m - k <= 200:
                    item = lines[m].strip()
                    if item and (len(item) > 200 or _all_caps(item) or _LAYOUT_CELL.match(item)):
                        break
                    blank[m] = bool(item)
                    m += 1
                k = m
                continue
            # a property block: its field lines, blank lines between them
            while m < len(lines) and m - k <= 60:
                if _PORTAL_FIELD.match(lines[m]):
                    blank[m] = True
                elif lines[m].strip():
                    break
                m += 1
            k = m
            continue
        if _PORTAL_FIELD.match(ln):
            # a run of two or more field lines is a property block without its heading
            m = k
            while m < len(lines) and (_PORTAL_FIELD.match(lines[m]) or not lines[m].strip()):
                m += 1
            if sum(1 for x in lines[k:m] if x.strip()) >= 2:
                for n in range(k, m):
                    blank[n] = True
            k = max(m, k + 1)
            continue
        if len(ln) <= 300 and re.search(r"\s[>»›]\s", ln) and _BREADCRUMB.match(ln.strip()):
            blank[k] = True
        k += 1
    return mt.edit((i, j, "") for (i, j), b in zip(spans, blank, strict=True) if b and i < j)


# -- Markdown and Word copies ------------------------------------------------------------

_MD_BLOCK_MARKERS = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+|\*\*+|__+(?=\S)|(?<=\S)__+|\\\*")


def markdown(mt: MappedText) -> MappedText:
    """Markdown headings ("## …", also indented) and bold markers are dropped, so that the
    steps after this one see the words (each line is cleaned again by the structure)."""
    return mt.sub(_MD_BLOCK_MARKERS, "")


_LEADING_TABS = re.compile(r"(?m)^[ \t]*\t[ \t]*(?=[^\t\n]*$)")


def indentation_tabs(mt: MappedText) -> MappedText:
    """A Word paragraph indented by tabs ("\\tBÁO CÁO") is a paragraph, not a table row:
    leading tabs of a line with no other tab are dropped."""
    return mt.sub(_LEADING_TABS, "")


_MD_RULE_ROW = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*(?::?-{3,}:?[ \t]*)?$")
_PIPE = re.compile(r"[ \t]*\|[ \t]*")


def table_rows(mt: MappedText) -> MappedText:
    """Table rows written with pipes become tab-separated cells: Markdown rows
    ("| a | b |", their "|---|---|" rules and rows of empty cells blanked) and Word tables
    flattened to text ("a | b"; a row under one such whose first cell is empty: " | b")."""
    text = mt.text
    if "|" not in text:
        return mt
    edits: list[tuple[int, int, str]] = []
    word_table = False  # the line before is a row of a Word table ("a | b")
    for i, j in _line_spans(text):
        ln = text[i:j]
        if "|" not in ln:
            word_table = word_table and not ln.strip()
            continue
        if _MD_RULE_ROW.match(ln):
            edits.append((i, j, ""))
            continue
        stripped = ln.strip()
        # a row of a Word table whose first cell is empty (" | b | c") is no Markdown row
        markdown_row = stripped.startswith("|") and not (word_table and not stripped.endswith("|"))
        word_table = not markdown_row
        if not markdown_row and " | " not in ln and not stripped.endswith(" |"):
            continue
        if markdown_row and not stripped.strip("| \t"):
            edits.append((i, j, ""))  # a row of empty cells (the head of a layout table)
            continue
        pipes = list(_PIPE.finditer(ln))
        for n, m in enumerate(pipes):
            a, b = i + m.start(), i + m.end()
            first = n == 0 and not ln[: m.start()].strip()
            last = n == len(pipes) - 1 and not ln[m.end() :].strip()
            if last or (markdown_row and first):
                edits.append((a, b, ""))
            else:
                edits.append((a, b, "\t"))
    return mt.edit(edits)


# -- side by side: header and signature blocks ---------------------------------------------

#: Signing marks before the signer's position: "TM." (on behalf of a collective body),
#: "KT." (deputy for), "TL.", "TUQ." (by delegation), "Q." (acting), "T/M".
_SIGN_MARK = r"(?:T\s*/\s*M|TM|KT|TL|TUQ|Q|QUYỀN)\b\s*[.:]?"
#: Positions of a signer, as printed in capitals -> in sentence case.
POSITIONS: dict[str, str] = {
    "CHỦ TỊCH": "Chủ tịch",
    "PHÓ CHỦ TỊCH": "Phó Chủ tịch",
    "THỦ TƯỚNG": "Thủ tướng",
    "PHÓ THỦ TƯỚNG": "Phó Thủ tướng",
    "BỘ TRƯỞNG": "Bộ trưởng",
    "THỨ TRƯỞNG": "Thứ trưởng",
    "BÍ THƯ": "Bí thư",
    "PHÓ BÍ THƯ": "Phó Bí thư",
    "TỔNG BÍ THƯ": "Tổng Bí thư",
    "GIÁM ĐỐC": "Giám đốc",
    "PHÓ GIÁM ĐỐC": "Phó Giám đốc",
    "TỔNG GIÁM ĐỐC": "Tổng Giám đốc",
    "CHỦ NHIỆM": "Chủ nhiệm",
    "PHÓ CHỦ NHIỆM": "Phó Chủ nhiệm",
    "TRƯỞNG BAN": "Trưởng ban",
    "PHÓ TRƯỞNG BAN": "Phó Trưởng ban",
    "CHÁNH VĂN PHÒNG": "Chánh Văn phòng",
    "PHÓ CHÁNH VĂN PHÒNG": "Phó Chánh Văn phòng",
    "TỔNG CỤC TRƯỞNG": "Tổng cục trưởng",
    "PHÓ TỔNG CỤC TRƯỞNG": "Phó Tổng cục trưởng",
    "CỤC TRƯỞNG": "Cục trưởng",
    "PHÓ CỤC TRƯỞNG": "Phó Cục trưởng",
    "VỤ TRƯỞNG": "Vụ trưởng",
    "PHÓ VỤ TRƯỞNG": "Phó Vụ trưởng",
    "CHÁNH THANH TRA": "Chánh Thanh tra",
    "TỔNG THANH TRA": "Tổng Thanh tra",
    "THỐNG ĐỐC": "Thống đốc",
    "PHÓ THỐNG ĐỐC": "Phó Thống đốc",
    "TỔNG KIỂM TOÁN": "Tổng Kiểm toán",
    "CHÁNH ÁN": "Chánh án",
    "VIỆN TRƯỞNG": "Viện trưởng",
    "TRƯỞNG PHÒNG": "Trưởng phòng",
    "TỔNG THƯ KÝ": "Tổng Thư ký",
    "CHỦ TỊCH QUỐC HỘI": "Chủ tịch Quốc hội",
    "PHÓ CHỦ TỊCH QUỐC HỘI": "Phó Chủ tịch Quốc hội",
}
_POSITION_RE = "|".join(
    sorted((re.escape(k).replace(r"\ ", r"\s+") for k in POSITIONS), key=len, reverse=True)
)
_UPPER = "A-ZĐÀ-ỸĂÂÊÔƠƯ"
_LOWER = "a-zđà-ỹăâêôơư"
#: A person's name: two to six capitalized words ("Nguyễn Thị Bích Việt").
_NAME_RE = rf"[{_UPPER}][{_LOWER}]+(?:\s+[{_UPPER}][{_LOWER}]*){{1,5}}"
_LAYOUT_CELL = re.compile(
    r"^[ \t]*(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ|Độc\s+lập\s*[-–]|ĐẢNG\s+CỘNG\s+SẢN|Số\s*(?:hiệu)?\s*:"
    r"|Nơi\s+nhận|Kính\s+gửi\s*:|" + _SIGN_MARK + r"\s+\S"
    r"|(?:" + _POSITION_RE + r")(?:\s+" + _NAME_RE + r")?\s*$"
    r"|(?:[^\d\s,][^\d,\n]{0,40}|[.…]+),?\s*ngày\s[^\n]{0,30}tháng\s[^\n]{0,20}năm\b)",
)
_GAP = re.compile(r"(?<=\S)[ \u00a0]{4,}(?=[" + _UPPER + r"\d(\[-])")
# (a rule starts a line or a cell, or follows a word; starting only there keeps a long run of
# spaces from being scanned again from each of its positions)
_RULE = re.compile(r"(?:^|(?<=\S)|(?<=\t))[ \t]*[-_=–—]{3,}[ \t]*(?=\t|$)", re.MULTILINE)


def _is_layout_row(cells: Sequence[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return 0 < len(filled) <= 3 and any(_LAYOUT_CELL.match(c) for c in filled)


def side_by_side(mt: MappedText) -> MappedText:
    """Blocks printed side by side are read one after the other.

    * Rules under the issuer and the motto ("-------", "_____") are dropped.
    * A table row of the header or the signature (the issuer and the motto, the number and
      the place-date, "Nơi nhận" and the signing block) becomes one line per cell; a run
      of four or more spaces inside such a cell is a line break.
    * Lines of PDF or OCR text laid out in two columns (a run of four or more spaces
      between them) are read column by column: in a block of lines (up to a blank line)
      that holds a header or signature field, the left column first, then the right one.
      A run of spaces before a word in lower case or a "/" is a blank left to fill in
      ("Số:      /KH-UBND", "ngày    tháng"), not a column.
    """
    mt = mt.sub(_RULE, "")
    text = mt.text
    spans = _line_spans(text)
    # 1. header and signature rows of tables: one line per cell
    edits: list[tuple[int, int, str]] = []
    for i, j in spans:
        ln = text[i:j]
        if "\t" not in ln or not _is_layout_row(ln.split("\t")):
            continue
        for m in re.finditer(r"[ \t]*\t[ \t]*", ln):
            edits.append((i + m.start(), i + m.end(), "\n"))
    edits.sort()
    mt = mt.edit(_disjoint(edits))
    # 2. two columns of physical lines
    return _columns(mt)


def _disjoint(edits: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    end = -1
    for e in edits:
        if e[0] >= end:
            out.append(e)
            end = e[1]
    return out


def _region_end(lines: list[str], gaps: list[re.Match[str] | None], first: int, col: int) -> int:
    """Where a run of lines laid out in two columns ends: after its first line (one with a
    gap between columns), through lines of one column only (the left one, or one indented to
    the right column), up to a line that spans the page: a kind line ("KẾ HOẠCH", the
    header done) or a left line too wide for the left column. (A PDF copy may print no
    blank line after the header's columns and go on with its kind line and title.)"""
    last = first + 1
    for k in range(first + 1, len(lines)):
        ln = lines[k]
        left_only = gaps[k] is None and len(ln) - len(ln.lstrip()) < col - 8
        if left_only and (_KIND_ALONE_LINE.fullmatch(ln) or len(ln.strip()) > col + 8):
            break
        last = k + 1
    return last


def _layout_gap(ln: str, g: re.Match[str] | None) -> bool:
    """A line whose two columns hold a header or signature field on either side."""
    return g is not None and bool(
        _LAYOUT_CELL.match(ln[: g.start()]) or _LAYOUT_CELL.match(ln[g.end() :])
    )


def _columns(mt: MappedText) -> MappedText:
    text = mt.text
    if "    " not in text:
        return mt
    spans = _line_spans(text)
    blocks: list[tuple[int, int]] = []  # ranges of line indexes
    k = 0
    while k < len(spans):
        if not text[spans[k][0] : spans[k][1]].strip():
            k += 1
            continue
        m = k
        while m < len(spans) and text[spans[m][0] : spans[m][1]].strip():
            m += 1
        blocks.append((k, m))
        k = m
    pieces: list[MappedText] = []
    pos = 0
    for a, b in blocks:
        lines = [text[spans[n][0] : spans[n][1]] for n in range(a, b)]
        gaps = [_GAP.search(ln) for ln in lines]
        if not any(_layout_gap(ln, g) for ln, g in zip(lines, gaps, strict=True)):
            continue
        # each run of lines in two columns (a header, a closing) is read column by column
        first = 0
        while first < len(lines):
            g = gaps[first]
            if g is None:
                first += 1
                continue
            last = _region_end(lines, gaps, first, g.end())
            run = range(first, last)
            if not any(_layout_gap(lines[n], gaps[n]) for n in run):
                first += 1
                continue
            col = min(gaps[n].end() for n in run if gaps[n] is not None)  # type: ignore[union-attr]
            left: list[MappedText] = []
            right: list[MappedText] = []
            for n in run:
                ln, gn, i = lines[n], gaps[n], spans[a + n][0]
                if gn is not None:
                    left.append(mt.slice(i, i + gn.start()).strip_spaces())
                    right.append(mt.slice(i + gn.end(), spans[a + n][1]).strip_spaces())
                elif len(ln) - len(ln.lstrip()) >= col - 8:
                    right.append(mt.slice(i, spans[a + n][1]).strip_spaces())
                else:
                    left.append(mt.slice(i, spans[a + n][1]))
            ordered = [p for p in left + right if p.text]
            pieces.append(mt.slice(pos, spans[a + first][0]))
            pieces.append(MappedText.join(ordered, "\n"))
            pos = spans[a + last - 1][1]
            first = last
    if not pieces:
        return mt
    pieces.append(mt.slice(pos, len(text)))
    return MappedText.join(pieces, "")


# -- header fields run together on one line ---------------------------------------------

#: Kind lines of a document, in capitals (longest first where one begins another).
KIND_LINES = (
    "THÔNG TƯ LIÊN TỊCH", "NGHỊ QUYẾT LIÊN TỊCH", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH",
    "CHỈ THỊ", "THÔNG TƯ", "KẾ HOẠCH", "BÁO CÁO", "TỜ TRÌNH", "CÔNG VĂN", "ĐỀ ÁN",
    "CHƯƠNG TRÌNH", "CHIẾN LƯỢC", "PHÁP LỆNH", "LUẬT", "QUY CHẾ", "QUY ĐỊNH", "THÔNG BÁO",
    "HƯỚNG DẪN", "KẾT LUẬN", "ĐIỀU LỆ", "QUY HOẠCH", "LỆNH",
)  # fmt: skip
_KIND_RE = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in KIND_LINES)
#: The issuing authority printed between the title and the preamble ("CHỦ TỊCH ỦY BAN NHÂN
#: DÂN TỈNH", "THỦ TƯỚNG CHÍNH PHỦ", "BỘ TRƯỞNG BỘ TÀI CHÍNH"), as a whole line.
AUTHORITY_LINE = re.compile(
    r"(?:(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỐNG\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|CHỦ\s+NHIỆM|GIÁM\s+ĐỐC"
    r"|TRƯỞNG\s+BAN)\s+)?"
    r"(?:(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN|HỘI\s+ĐỒNG\s+NHÂN\s+DÂN|UBND|HĐND)"
    r"(?:\s+(?:TỈNH|THÀNH\s+PHỐ|TP\.?)(?:\s+[" + _UPPER + r"][" + _UPPER + r"\s.-]*)?)?"
    r"|THỦ\s+TƯỚNG\s+CHÍNH\s+PHỦ|CHÍNH\s+PHỦ|ỦY\s+BAN\s+THƯỜNG\s+VỤ\s+QUỐC\s+HỘI"
    r"|(?:BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG)(?:\s*,\s*CHỦ\s+NHIỆM)?\s+(?:BỘ|ỦY\s+BAN|VĂN\s+PHÒNG)\s+["
    + _UPPER
    + r"]["
    + _UPPER
    + r"\s,-]*"
    r"|(?:THỐNG\s+ĐỐC|TỔNG\s+KIỂM\s+TOÁN|TỔNG\s+THANH\s+TRA|CHÁNH\s+ÁN|VIỆN\s+TRƯỞNG)\s+["
    + _UPPER
    + r"]["
    + _UPPER
    + r"\s,-]*"
)
_PREAMBLE = re.compile(
    r"^[ \t]*(?:Căn\s+cứ|Thực\s+hiện|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Kính\s+gửi|Điều\s+1\b"
    r"|Chương\s+I\b|PHẦN\s+I\b|I\s*\.\s)"
)
#: A number line's head: "Số:" before a number with its symbol ("683/KH-UBND", a number set
#: off from its symbol "683 /KH-UBND", a blank one "/KH-UBND").
_NUMBER_HEAD = re.compile(r"^[ \t]*Số\s*(?:hiệu)?\s*:?[ \t]*(?=\S*[/-]|\d[\w.]*[ \t]+[/-])")
#: the rest of a number, its parts maybe set off by spaces ("773 /QĐ-TTg"); a part after a
#: spaced dash opens with two capitals or digits (a symbol), not with a word of the place that
#: follows ("12/KH-UBND - Bắc Ninh")
_NUMBER_TAIL = re.compile(r"\S*(?:[ \t]+[/-][ \t]*(?:[A-ZĐ\d]{2}\S*)|[/-][ \t]+\S+)*")
#: what parts a number from the place-date run onto it: spaces, maybe a dash or a bar
_AFTER_NUMBER = re.compile(r"[ \t]*[-–—|][ \t]*(?=\S)|[ \t]+")
_PLACE_DATE = re.compile(
    r"[" + _UPPER + r"][^\d,\n]{1,40}?,?[ \t]*ngày[ \t]*[\d \t.…_]*tháng[ \t]*[\d \t.…_]*"
    r"năm[ \t]*\d{4}"
)
_DATE_END = re.compile(r"ngày[ \t]*[\d \t.…_]*tháng[ \t]*[\d \t.…_]*năm[ \t]*\d{4}")
_MOTTO_SPLIT = re.compile(
    r"(?<=\S)[ \t]+(?=CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–])"
    # the place and date run onto the motto ("… Hạnh phúc Hà Nội, ngày 12 tháng 6 năm 2026")
    r"|(?<=Hạnh\sphúc)[ \t]+(?=[^\W\d_][^,\n]{0,40},\s*ngày\b)"
)
_KIND_ALONE_LINE = re.compile(r"[ \t]*(?:" + _KIND_RE + r")[ \t]*:?[ \t]*")
_KIND_START = re.compile(r"^[ \t]*(?:" + _KIND_RE + r")(?=[ \t]+\S)")
_NOT_BEFORE_AUTHORITY = ("CỦA", "VÀ", "VỀ", "VỚI", "CHO", "TẠI", "THUỘC", "GIỮA", "CÁC")


def _authority_suffix(line: str) -> int | None:
    """Where an issuing-authority line run onto the end of an upper-case title starts."""
    if AUTHORITY_LINE.fullmatch(line.strip()):
        return None
    for m in re.finditer(r"(?<=\s)\S", line):
        p = m.start()
        if AUTHORITY_LINE.fullmatch(line[p:].strip()):
            before = line[:p].split()
            # "… CỦA THỦ TƯỚNG CHÍNH PHỦ" ends the title itself (and so does every shorter
            # suffix of it)
            return p if before and before[-1] not in _NOT_BEFORE_AUTHORITY else None
    return None


def _authority_after(line: str) -> int | None:
    """Where an issuing-authority line in capitals run onto the end of a title in sentence
    case starts ("Phê duyệt Đề án … đến năm 2030 THỦ TƯỚNG CHÍNH PHỦ")."""
    for m in re.finditer(r"(?<=\s)\S", line):
        tail = line[m.start() :]
        if tail.upper() == tail and AUTHORITY_LINE.fullmatch(tail.strip()):
            return m.start()
    return None


def run_together_header(mt: MappedText) -> MappedText:
    """Header fields printed on one line are put one a line.

    A copy that lost the header's layout runs it together ("Số: 3745/QĐ-UBND Tây Ninh,
    ngày 30 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC … ỦY BAN NHÂN DÂN TỈNH TÂY NINH"): the
    line is broken after the number, after the date, after the kind word and before the
    issuing authority in capitals that follows the title; a motto line is broken before "Độc
    lập - Tự do - Hạnh phúc" and an issuer line before "CỘNG HÒA XÃ HỘI …", a place-date
    after the motto goes on its own line. Only the
    header (the lines before the preamble) is read so.
    """
    text = mt.text
    edits: list[tuple[int, int, str]] = []
    after_kind = False
    for n, (i, j) in enumerate(_line_spans(text)):
        if n > 60:
            break
        ln = text[i:j]
        if _PREAMBLE.match(ln):
            break
        for m in _MOTTO_SPLIT.finditer(ln):
            edits.append((i + m.start(), i + m.end(), "\n"))
        pos = 0
        run = False
        nm = _NUMBER_HEAD.match(ln)
        if nm:
            tail = _NUMBER_TAIL.match(ln, nm.end())
            end = tail.end() if tail else nm.end()
            if ln[end:].strip():
                sp = _AFTER_NUMBER.match(ln, end)
                edits.append((i + end, i + (sp.end() if sp else end), "\n"))
                pos, run = end, True
        pd = _PLACE_DATE.search(ln, pos)
        if pd and (pd.start() == pos or run or not ln[: pd.start()].strip()):
            de = _DATE_END.search(ln, pd.start())
            if de and ln[de.end() :].strip():
                sp = re.match(r"[ \t]*", ln[de.end() :])
                edits.append((i + de.end(), i + de.end() + (sp.end() if sp else 0), "\n"))
                pos, run = de.end() + (sp.end() if sp else 0), True
        rest = ln[pos:]
        km = _KIND_START.match(rest)
        if km and not after_kind and (run or rest[km.end() :].strip().isupper()):
            sp = re.match(r"[ \t]+", rest[km.end() :])
            a = pos + km.end()
            edits.append((i + a, i + a + (sp.end() if sp else 0), "\n"))
            after_kind, run = True, True
            pos = a
        elif (
            km is None
            and _KIND_START.match(ln) is None
            and re.fullmatch(r"[ \t]*(?:" + _KIND_RE + r")[ \t]*:?[ \t]*", ln)
        ):
            after_kind = True
            continue
        if after_kind and ln[pos:].strip():
            rest = ln[pos:]
            p = _authority_suffix(rest) if rest.upper() == rest else _authority_after(rest)
            if p is not None:
                a = pos + p
                sp = re.search(r"[ \t]+$", ln[:a])
                edits.append((i + (sp.start() if sp else a), i + a, "\n"))
    edits.sort()
    return mt.edit(_disjoint(edits))


# -- signature blocks run together ----------------------------------------------------------

_SIGN_START = re.compile(r"^[ \t]*(?:" + _SIGN_MARK + r"\s*|(?=" + _POSITION_RE + r"\b))")
_SIGN_MARK_AT = re.compile(r"(?<=\s)" + _SIGN_MARK + r"(?=\s)")
_NAME_AT = re.compile(r"(?<=\s)" + _NAME_RE + r"(?=\s+[" + _UPPER + r"]{2}|\s*$)")
_POSITION_END = re.compile(r"(?:^|(?<=\s))(?:" + _POSITION_RE + r")\s*$")


def signature_lines(mt: MappedText) -> MappedText:
    """A signing block run together on one line ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH Trần Văn Chiến") is put one part a line: each signing mark with what it names,
    the signer's position, the signer's name, and what follows the name (the kind line of
    an attached text)."""
    text = mt.text
    edits: list[tuple[int, int, str]] = []
    for i, j in _line_spans(text):
        ln = text[i:j]
        if not _SIGN_START.match(ln) or len(ln) > 2000:
            continue
        nm = _NAME_AT.search(ln)
        if nm is None:
            continue
        caps = ln[: nm.start()]
        if caps.upper() != caps or not caps.strip():
            continue
        cuts: list[int] = [m.start() for m in _SIGN_MARK_AT.finditer(caps)]
        last = max(cuts) if cuts else 0
        pe = _POSITION_END.search(caps, last)
        if pe is not None:
            head = caps[last : pe.start()].strip()
            if head and not re.fullmatch(_SIGN_MARK, head):
                cuts.append(pe.start())
        cuts.append(nm.start())
        if ln[nm.end() :].strip():
            cuts.append(nm.end())
        for c in sorted(set(cuts)):
            sp = re.search(r"[ \t]+$", ln[:c])
            a = sp.start() if sp else c
            b = c
            while b < len(ln) and ln[b] in " \t":
                b += 1
            edits.append((i + a, i + b, "\n"))
    return mt.edit(_disjoint(sorted(edits)))


# -- OCR noise ----------------------------------------------------------------------------

_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]{2,7}")
_SHORT = re.compile(r"(?<!\w)[^\W\d_]{1,3}(?!\w)")
_WORD_PARTS = re.compile(r"^([(\"“'\[]*)([^\W\d_]+)([)\"”'\].,;:!?]*)$")


def _mend_run(words: list[str], spaced: bool, known: frozenset[str] = frozenset()) -> list[int]:
    """Group sizes that cover ``words`` (letters only) with the fewest syllables.

    A group of several fragments is taken only when it spells a syllable and one of them
    is no syllable on its own ("B AN", "Qu ả ng"), or the whole line is spaced out. Between
    readings with as many syllables, the one whose syllables the document writes elsewhere
    (``known``, in lower case) wins ("T h à nh ủ y" reads "Thành ủy", not "Thà nhủy"), then
    the one whose joined syllables begin with a consonant ("C H Í M I NH": "CHÍ MINH")."""
    n = len(words)
    # cost: 10 a syllable; 2 more for a joined one the document never writes, 1 more for a
    # joined one that has no initial consonant
    best: list[tuple[int, int]] = [(0, 0)] + [(1 << 30, 0)] * n
    for e in range(1, n + 1):
        for size in range(1, min(5, e) + 1):
            cost = best[e - size][0] + 10
            if size > 1:
                joined = "".join(words[e - size : e])
                if joined.lower() not in known:
                    cost += 2
                if toneless_key(joined[:1]) in "aăâeêioôơuưy":
                    cost += 1
            if cost >= best[e][0]:
                continue
            if size > 1:
                group = words[e - size : e]
                joined = "".join(group)
                if not is_syllable(joined):
                    continue
                if not spaced and all(is_syllable(w) for w in group):
                    continue
                if any(w[:1].isupper() for w in group[1:]) and not joined.isupper():
                    continue
            best[e] = (cost, size)
    sizes: list[int] = []
    e = n
    while e > 0:
        sizes.append(best[e][1])
        e -= best[e][1]
    return sizes[::-1]


def letter_spacing(mt: MappedText) -> MappedText:
    """Words an OCR engine spaced out ("ỦY B AN NHÂN D Â N", "Qu ả ng Ngãi", "Ngu y ễn")
    are mended: neighbouring fragments that together spell one Vietnamese syllable, where a
    fragment is no syllable on its own, are joined; on a line where many fragments are no
    syllables (a spaced-out line), any fragments that spell one are."""
    text = mt.text
    known: frozenset[str] | None = None  # the words the document writes (read once)
    edits: list[tuple[int, int, str]] = []
    for i, j in _line_spans(text):
        ln = text[i:j]
        if not any(not is_syllable(w) for w in _SHORT.findall(ln)):
            continue  # most lines: no short piece that is no syllable
        toks = list(_TOKEN.finditer(ln))
        if len(toks) < 2:
            continue
        parts = [_WORD_PARTS.match(t.group()) for t in toks]
        broken = sum(
            1
            for p in parts
            if p is not None and len(p.group(2)) <= 3 and not is_syllable(p.group(2))
        )
        if broken == 0:
            continue
        spaced = broken >= 3 and broken * 5 >= len(toks)
        k = 0
        while k < len(toks):
            # a run of letter fragments, one space apart, no punctuation inside
            m = k
            while (
                m + 1 < len(toks)
                and parts[m] is not None
                and not parts[m].group(3)  # type: ignore[union-attr]
                and parts[m + 1] is not None
                and not parts[m + 1].group(1)  # type: ignore[union-attr]
                and toks[m + 1].start() - toks[m].end() == 1
            ):
                m += 1
            words = [parts[x].group(2) for x in range(k, m + 1)] if m > k else []  # type: ignore[union-attr]
            if words and (spaced or not all(is_syllable(w) for w in words)):
                x = k
                if known is None:
                    known = frozenset(w.lower() for w in _WORD.findall(text))
                for size in _mend_run(words, spaced, known):
                    for y in range(x, x + size - 1):
                        edits.append((i + toks[y].end(), i + toks[y + 1].start(), ""))
                    x += size
            k = m + 1
    return mt.edit(edits)


_SPACED_DIGITS = re.compile(
    r"(?<=\b[nN]gày\s)(\d)\s(?=\d\b)|(?<=\b[tT]háng\s)(\d)\s(?=\d\b)|(?<=\b[nN]ăm\s)(\d{2})\s(?=\d{2}\b)"
)


def spaced_digits(mt: MappedText) -> MappedText:
    """A day, month or year an OCR engine split ("tháng 0 6", "năm 20 18") is joined."""
    return mt.sub(_SPACED_DIGITS, lambda m: m.group(1) or m.group(2) or m.group(3))
