"""Document fields: ``extract_document(doc) -> dict`` in the gold form of SCHEMA.md.

The header is read from the document's logical text (:mod:`policykg.ingest.reading` has
already put each header field on a line of its own, whatever the form of the copy), line by
line, each line classified by what it holds:

* the issuer block: the upper-case lines before the number, the motto or the kind line
  ("THỦ TƯỚNG CHÍNH PHỦ", "BỘ TÀI CHÍNH", "ỦY BAN NHÂN DÂN / TỈNH X", "ĐẢNG CỘNG SẢN VIỆT
  NAM / BAN CHẤP HÀNH TRUNG ƯƠNG / ĐẢNG ĐOÀN QUỐC HỘI"); the issuer is its last body (the
  one that issues), the lines above it give the province; a joint block of ministries
  ("BỘ TÀI CHÍNH - BỘ NỘI VỤ", "LIÊN BỘ ...") is issued by its first
  (:func:`policykg.ingest.agencies.joint_issuer`);
* the motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
* ``number``: the "Số:" line (also "Số 3260-KH/ĐĐQH15"), spaces removed, ``None`` when the
  number is left blank ("Số: /KH-UBND");
* ``date`` / ``place``: the "<place>, ngày DD tháng MM năm YYYY" line of the header, as
  precise as written ("2023-03" when the day is blank, "2026" when day and month are). The
  date is the header's or none: a date found elsewhere (a cited instrument's, a signature
  timestamp) is never used;
* ``kind``: the kind line ("QUYẾT ĐỊNH", "THÔNG TƯ", "BÁO CÁO", ...), else the symbol of
  the number (``/KH-`` → KeHoach);
* ``title``: the lines after the kind line up to the issuing authority ("CHỦ TỊCH ỦY BAN
  NHÂN DÂN TỈNH", "THỦ TƯỚNG CHÍNH PHỦ"), the preamble ("Căn cứ", "Thực hiện", "Kính
  gửi") or a blank line, as printed (case kept, whitespace collapsed);
* ``issuer``: the issuer block, classified by the agency register
  (:func:`policykg.ingest.agencies.find_agencies`); a body the register has no code for is
  ``other`` with its name. Without a block: the issuing authority line, a "X ban hành"
  sentence, the signing block ("TM. ỦY BAN NHÂN DÂN") or the number's symbol (``-TTg``,
  ``-CP``, ``-UBND``, ``-BTC``, :data:`ISSUER_BY_SYMBOL`). Provincial bodies are scoped to
  their province, national ones ``"national"``;
* ``period``: from the title ("giai đoạn 2021 - 2030" → {2021, 2030}; "đến năm 2030" →
  {None, 2030}, a vision year "tầm nhìn đến năm 2045" is not the end; "năm 2024" of a
  one-year plan → {2024, 2024}); a plan (or a decision that issues one) whose title states
  none takes the latest horizon of its objectives ("Mục tiêu cụ thể đến năm 2035");
* ``signer``: the first signing block: the name under the TM./KT. lines and the signer's
  own position ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch", never the "KT." line);
* ``promulgates``: a decision or resolution whose Điều 1 issues or approves an attached
  instrument ("Ban hành kèm theo Quyết định này Kế hoạch …", "Phê duyệt Đề án …"):
  ``{"kind", "title"}``, the title being the instrument's name after its kind word, up to
  "với những nội dung", "(sau đây gọi tắt …)" or the final period.

A text with no recognizable header (no "Số:" line, no kind line and no date line)
raises :class:`IngestError` naming the file and the first line of text.
Each field's provenance is in ``document["_spans"]`` (field -> [start, end]).
"""

from __future__ import annotations

import datetime
import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.citation_vocab import KIND_BY_SYMBOL
from policykg.ingest.citation_vocab import SYMBOL_ISSUER as ISSUER_BY_SYMBOL
from policykg.ingest.errors import IngestError
from policykg.ingest.reading import (
    AUTHORITY_LINE,
    KIND_LINES,
    POSITIONS,
    ascii_key,
    diacritic_key,
)
from policykg.ingest.text import Doc, Paragraph

__all__ = [
    "ISSUER_BY_SYMBOL",
    "KIND_BY_SYMBOL",
    "KIND_WORDS",
    "document_province",
    "extract_document",
    "parse_period",
    "title_case",
]

#: Vietnamese name of a document kind -> code (SCHEMA.md; Quy chế, Quy định and the like
#: are ``Other``).
KIND_WORDS: dict[str, str] = {
    "luật": "Luat",
    "bộ luật": "Luat",
    "pháp lệnh": "PhapLenh",
    "nghị quyết": "NghiQuyet",
    "nghị quyết liên tịch": "NghiQuyet",
    "nghị định": "NghiDinh",
    "quyết định": "QuyetDinh",
    "thông tư liên tịch": "ThongTu",
    "thông tư": "ThongTu",
    "chỉ thị": "ChiThi",
    "kế hoạch": "KeHoach",
    "báo cáo": "BaoCao",
    "tờ trình": "ToTrinh",
    "công văn": "CongVan",
    "đề án": "DeAn",
    "chương trình": "ChuongTrinh",
    "chiến lược": "ChienLuoc",
    "quy chế": "Other",
    "quy định": "Other",
    "điều lệ": "Other",
    "thông báo": "Other",
    "hướng dẫn": "Other",
    "kết luận": "Other",
    "quy hoạch": "Other",
    "lệnh": "Other",
}

_SO = re.compile(r"^Số\s*(?:hiệu)?\s*:?\s*(?P<num>.*)$", re.IGNORECASE)
_SO_START = re.compile(r"^(?:(?i:Số\s*(?:hiệu)?\s*:)|(?:Số|SỐ)\s+(?=\d[\w.]*\s?[/-]))")
_DATE = re.compile(
    r"(?:^|,|\s)ngày\s*(?:(?P<d>\d{1,2})?[\s.…_]*tháng\s*(?P<m>\d{1,2})?[\s.…_]*năm\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))",
    re.IGNORECASE,
)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^\d\s,][^\d,]{0,40}?|[.…]+)?,?\s*(?P<date>ngày\s*[\d\s.…_]*tháng\s*[\d\s.…_]*"
    r"năm\s*\d{4}|ngày\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*\.?$",
    re.IGNORECASE,
)
_KIND_LINE = re.compile(
    r"^(?P<kind>" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in KIND_LINES) + r")"
    r"\s*:?\s*(?P<rest>.*)$"
)
_KIND_ALONE = re.compile(
    r"(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in KIND_LINES) + r")\s*:?"
)
_MOTTO = re.compile(
    r"^(?:CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA|Độc\s+lập\s*[-–]|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT"
    r"\s+NAM$)",
    re.IGNORECASE,
)
_PREAMBLE = re.compile(
    r"^(?:Căn\s+cứ|Thực\s+hiện|Theo\s+đề\s+nghị|Xét\s+đề\s+nghị|Trên\s+cơ\s+sở|Kính\s+gửi|Triển"
    r"\s+khai|Nhằm|Để|Ngày\s+\d|\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo|Điều\s+\d|Chương\s+[IVX\d]"
    r"|PHẦN\s+[IVX\d]|[IVX]+\s*[.)]\s|\d+\s*[.)]\s)"
)
_PERIOD = re.compile(
    r"(?:giai\s+đoạn|năm\s+học|(?:niên\s+|mùa\s+)?vụ(?:\s+[^\W\d]+){0,2})\s+"
    r"(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})"
)
_HORIZON = re.compile(
    r"(?<!tầm nhìn )(?<!tầm nhìn đến )(?:từ\s+(?:năm\s+)?(?P<a>(?:19|20)\d{2})\s+)?đến\s+"
    r"(?:năm\s+)?(?P<b>(?:19|20)\d{2})"
)
_VISION = re.compile(r"(?:tầm\s+nhìn|định\s+hướng)\s+(?:đến\s+)?(?:năm\s+)?(?:19|20)\d{2}")
_YEAR = re.compile(r"(?<![\d/])năm\s+(?P<y>(?:19|20)\d{2})(?!\d)")
#: a crop season of one year ("vụ Hè Thu 2026")
_SEASON = re.compile(r"\bvụ(?:\s+[^\W\d]+){1,2}\s+(?P<y>(?:19|20)\d{2})(?!\s*[-–—]\s*\d)")
#: a year and a period joined ("năm 2026 và giai đoạn 2026 - 2028")
_JOINED_PERIOD = re.compile(
    r"(?<![\d/])năm\s+(?P<y>(?:19|20)\d{2})\s*(?:,|và)\s*giai\s+đoạn\s+(?P<a>(?:19|20)\d{2})"
    r"\s*[-–—]\s*(?P<b>(?:19|20)\d{2})"
)
#: the plan's own year or years after the horizon of what it carries out ("năm 2024 - 2025")
_OWN_YEARS = re.compile(
    r"(?<![\d/])năm\s+(?P<y>(?:19|20)\d{2})(?:\s*[-–—]\s*(?P<z>(?:19|20)\d{2}))?(?!\d)"
)
_IN_DATE = re.compile(
    r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|tháng\s+\d{1,2}\s+năm\s+\d{4}"
    r"|\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}"
)
_PROMULGATE = re.compile(
    r"^(?:Nay\s+)?(?:ban\s+hành|phê\s+duyệt)(?:\s+kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết"
    r"|Chỉ\s+thị|Thông\s+tư)\s+này)?(?:\s+là)?\s+[“\"]?"
    r"(?P<kind>kế\s+hoạch|đề\s+án|chương\s+trình|chiến\s+lược|quy\s+chế|quy\s+định|điều\s+lệ"
    r"|quy\s+hoạch)\s+(?P<title>.+)$",
    re.IGNORECASE | re.DOTALL,
)
_PROMULGATED_END = re.compile(
    r"\s*(?:,?\s*(?:với|gồm)\s+(?:những|các)?\s*(?:nội\s+dung|chỉ\s+tiêu)|\(sau\s+đây|,?\s*cụ\s+thể"
    r"\s+như\s+sau|[.;:]\s*$|\.\s*/\s*\.|\n)",
    re.IGNORECASE,
)
_PLAN_KINDS = ("KeHoach", "DeAn", "ChuongTrinh", "ChienLuoc")
_BODY_ISSUER = re.compile(
    r"(?P<org>ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(?:tỉnh|thành phố)\s+"
    r"(?P<p>[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3}?)\s+(?:ban hành|xây dựng|quyết định)"
)
_POSITION_KEYS = {diacritic_key(k): v for k, v in POSITIONS.items()}


def _provinces() -> tuple[str, ...]:
    from policykg.ingest.agencies import PROVINCES

    return tuple(PROVINCES)


def title_case(s: str) -> str:
    """ "NGHỆ AN" -> "Nghệ An"; a known province name is returned as spelled in the list."""
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    key = ascii_key(s)
    for p in _provinces():
        if ascii_key(p) == key:
            return p
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split(" "))


def _match_province(s: str) -> str | None:
    key = " " + ascii_key(re.sub(r"\s+", " ", s)) + " "
    best: str | None = None
    for p in _provinces():
        k = " " + ascii_key(p) + " "
        if k in key and (best is None or len(p) > len(best)):
            best = p
    return best


def parse_period(title: str) -> dict[str, int | None] | None:
    """The period a title states: the first of "giai đoạn 2021 - 2030" ({2021, 2030}),
    "đến (năm) 2030" ({None, 2030}; a vision year is no end) and "năm 2024" of a one-year
    plan ({2024, 2024}; a year inside a date is not one); after the horizon of an instrument
    the plan carries out, the plan's own year ('Kế hoạch triển khai Đề án "... đến năm 2025"
    năm 2024' is {2024, 2024})."""
    t = diacritic_key(title)
    t = _VISION.sub(lambda m: "#" * len(m.group()), t)
    t = _IN_DATE.sub(lambda m: "#" * len(m.group()), t)
    found: list[tuple[int, dict[str, int | None]]] = []
    m = _PERIOD.search(t)
    if m:
        found.append((m.start(), {"start": int(m.group("a")), "end": int(m.group("b"))}))
    m2 = _HORIZON.search(t)
    if m2:
        a = m2.group("a")
        found.append((m2.start(), {"start": int(a) if a else None, "end": int(m2.group("b"))}))
    m4 = _SEASON.search(t)
    if m4:
        y = int(m4.group("y"))
        found.append((m4.start(), {"start": y, "end": y}))
    m3 = _YEAR.search(t)
    if m3 and not (m2 and m2.start() <= m3.start() < m2.end()):
        y = int(m3.group("y"))
        found.append((m3.start(), {"start": y, "end": y}))
    if m2 and re.search(r"\b(?:thực hiện|triển khai)\b", t[: m2.start()]):
        # the horizon of the instrument carried out, then the plan's own year: 'Kế hoạch
        # triển khai Đề án "... đến năm 2025" năm 2024'
        own = [
            m for m in _OWN_YEARS.finditer(t, m2.end()) if int(m.group("y")) <= int(m2.group("b"))
        ]
        if own:
            y = int(own[-1].group("y"))
            return {"start": y, "end": int(own[-1].group("z") or y)}
    if not found:
        return None
    first = min(found, key=lambda x: x[0])[1]
    joined = _JOINED_PERIOD.search(t)
    if joined:
        # "năm 2026 và giai đoạn 2026 - 2028": the plan's year and the period it opens
        return {
            "start": int(joined.group("y")),
            "end": max(first["end"] or 0, int(joined.group("b"))),
        }
    return first


def _on_calendar(y: str, m: str, d: str) -> bool:
    try:
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _first_line(doc: Doc) -> int:
    for p in doc.paragraphs:
        if p.text.strip():
            return p.line
    return 1


def document_province(doc: Doc) -> str | None:
    """The province of the issuing body (from the issuer block, body or place line)."""
    info = extract_document(doc, strict=False)
    issuer = info.get("issuer")
    if isinstance(issuer, dict) and issuer.get("scope") and issuer["scope"] != "national":
        return str(issuer["scope"])
    place = info.get("place")
    if isinstance(issuer, dict) and issuer.get("scope") == "national":
        return None
    return str(place) if place else None


# ---------------------------------------------------------------------------
# The header's lines.


@dataclass
class _Line:
    """One physical line of a header paragraph, with its paragraph and offsets there."""

    text: str
    par: Paragraph
    i: int
    j: int
    adjacent: bool  # no blank line between it and the line before

    def span(self, a: int = 0, b: int | None = None) -> list[int]:
        return list(self.par.span_of(self.i + a, self.i + (len(self.text) if b is None else b)))


def _lines(doc: Doc, paragraphs: list[Paragraph]) -> list[_Line]:
    """The physical lines of ``paragraphs``: a paragraph joined from several lines of the
    text is split again where the original has a line break."""
    out: list[_Line] = []
    prev_end: int | None = None
    for p in paragraphs:
        cuts = [0]
        prev = p.span_of(0, 1)[1] if p.text else 0
        for k in range(1, len(p.text)):
            s, e = p.span_of(k, k + 1)
            # a line break between two characters, or inside the space that joins them
            if "\n" in doc.original[prev:s] or (p.text[k] == " " and "\n" in doc.original[s:e]):
                cuts.append(k)
            prev = e
        cuts.append(len(p.text))
        for a, b in itertools.pairwise(cuts):
            raw = p.text[a:b]
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            if not text:
                continue
            start = p.span_of(a + lead, a + lead + 1)[0]
            gap = doc.original[prev_end:start] if prev_end is not None else ""
            # lines of one paragraph go on with each other (a hard wrap, even over a blank
            # line); between paragraphs a blank line ends a title
            joined = bool(out) and out[-1].par is p
            out.append(
                _Line(text, p, a + lead, a + lead + len(text), joined or gap.count("\n") <= 1)
            )
            prev_end = p.span_of(a + lead + len(text) - 1, a + lead + len(text))[1]
    return out


@dataclass
class _Header:
    issuer_lines: list[_Line] = field(default_factory=list)
    number_line: _Line | None = None
    date_line: _Line | None = None
    kind_line: _Line | None = None
    kind_rest: str = ""
    title_lines: list[_Line] = field(default_factory=list)
    authority: _Line | None = None
    #: the subject of a letter with no kind line ("V/v triển khai …", "Về việc …")
    subject_lines: list[_Line] = field(default_factory=list)
    #: the body the kind line names as the issuer ("NGHỊ QUYẾT" / "CỦA BỘ CHÍNH TRỊ")
    issuing_body: str = ""
    issuing_line: _Line | None = None


def _read_header(lines: list[_Line]) -> _Header:
    h = _Header()
    state = "top"
    for n, ln in enumerate(lines):
        t = ln.text
        if state == "title":
            ob = _OF_BODY.fullmatch(t) if not h.title_lines and not h.issuing_body else None
            if ob and _is_upper(ob.group("body")):
                h.issuing_body, h.issuing_line = ob.group("body"), ln  # "CỦA BỘ CHÍNH TRỊ"
                continue
            if (
                AUTHORITY_LINE.fullmatch(t)
                or (_PREAMBLE.match(t) and (h.title_lines or not _title_like(lines, n)))
                or _SO_START.match(t)
                or (h.title_lines and not ln.adjacent and not _title_goes_on(h.title_lines, t))
                or (h.title_lines and _KIND_ALONE.fullmatch(t))
                or (
                    h.title_lines
                    and all(_is_upper(x.text) for x in h.title_lines)
                    and not _is_upper(t)
                )
            ):
                state = "after"
            else:
                h.title_lines.append(ln)
                continue
        if state == "after":
            if h.authority is None and AUTHORITY_LINE.fullmatch(t):
                h.authority = ln
            break
        if state == "subject":
            if ln.adjacent and _subject_goes_on(h.subject_lines, t):
                h.subject_lines.append(ln)
                continue
            state = "top"
        # top of the header: issuer block, motto, number, place-date, kind line
        if _MOTTO.match(t):
            continue
        if _SO_START.match(t):
            if h.number_line is None:
                h.number_line = ln
            continue
        if _PLACE_DATE.match(t):
            if h.date_line is None:
                h.date_line = ln
            continue
        km = _KIND_LINE.match(t)
        if km and (t.isupper() or not km.group("rest") or km.group("rest")[:1].isupper()):
            h.kind_line, h.kind_rest = ln, km.group("rest").strip()
            ob = _OF_BODY.fullmatch(h.kind_rest)
            if ob and _is_upper(ob.group("body")):  # "CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ"
                h.issuing_body, h.issuing_line, h.kind_rest = ob.group("body"), ln, ""
            state = "title"
            continue
        if _SUBJECT.match(t) and h.kind_line is None and not h.subject_lines:
            h.subject_lines.append(ln)  # a letter (Công văn): "V/v …" under its number
            state = "subject"
            continue
        if _PREAMBLE.match(t):
            break
        if _is_upper(t) and h.kind_line is None:
            h.issuer_lines.append(ln)
    return h


#: a line under the kind line that names who issues ("NGHỊ QUYẾT" / "CỦA BỘ CHÍNH TRỊ",
#: "CHỈ THỊ CỦA BAN BÍ THƯ"): in capitals, part of the kind line, not of the title
_OF_BODY = re.compile(r"(?:CỦA|Của)\s+(?P<body>[^\W\d_][^\d]{2,80})")

#: the subject line of a letter ("V/v báo cáo sơ kết …", "Về việc …")
_SUBJECT = re.compile(r"^(?:V/[vV]|Về\s+việc)\s*[:.]?\s+\S")


def _subject_goes_on(subject: list[_Line], t: str) -> bool:
    """A letter's subject wrapped over the next line: the line is no other part of the
    header (motto, number, place-date, preamble, a block in capitals) and the subject so far
    ends no sentence."""
    if subject[-1].text.rstrip()[-1:] in ".;:!?" or not t.strip():
        return False
    return not (
        _MOTTO.match(t)
        or _SO_START.match(t)
        or _PLACE_DATE.match(t)
        or _PREAMBLE.match(t)
        or _KIND_LINE.match(t)
        or _is_upper(t)
    )


_STRONG_PREAMBLE = re.compile(
    r"^(?:Căn\s+cứ|Kính\s+gửi|Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Điều\s+\d|Chương\s+[IVX\d]"
    r"|[IVX]+\s*[.)]\s|\d+\s*[.)]\s)"
)


def _title_goes_on(title: list[_Line], t: str) -> bool:
    """A title printed as several paragraphs (a Markdown or HTML copy parts its lines by
    blank lines) goes on with ``t``: the title so far ends no sentence, and ``t`` is set like
    it (in capitals under capitals, a compound broken at its dash "KINH TẾ" / "- XÃ HỘI"
    included) or, under a title in sentence case, is no sentence, heading or note of its own
    (it ends in no punctuation, opens with no marker or parenthesis)."""
    last = title[-1].text.rstrip()
    if last[-1:] in ".;:!?" or t[:1] in '(“"[' or len(t) > 300:
        return False
    if all(_is_upper(x.text) for x in title):
        body = t[1:].lstrip() if t[:1] in "-–" else t
        return _is_upper(t) and not re.match(r"[IVX]+\s*[.)]|\d+\s*[.)]|(?:PHẦN|CHƯƠNG)\s", body)
    if _is_upper(t) or t.rstrip()[-1:] in ".;:!?,":
        return False
    return not re.match(r"[IVX]+\s*[.)]|\d+\s*[.)]|[a-zđ]\s*\)|[-–+•]\s", t)


def _title_like(lines: list[_Line], n: int) -> bool:
    """The first line after the kind line is the title even when it opens like a preamble
    ("Thực hiện Chương trình …", "Triển khai …"), unless it is a sentence or a clause: the
    lines it runs on to (up to the next preamble line or blank line) end in punctuation."""
    if _STRONG_PREAMBLE.match(lines[n].text):
        return False
    m = n
    while m + 1 < len(lines) and lines[m + 1].adjacent and not _PREAMBLE.match(lines[m + 1].text):
        m += 1
    return lines[m].text.rstrip()[-1:] not in (".", ";", ":", ",")


def _is_upper(t: str) -> bool:
    letters = [c for c in t if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


# ---------------------------------------------------------------------------
# Fields.


def extract_document(doc: Doc, *, strict: bool = True) -> dict[str, Any]:
    """Document fields in the gold form, plus ``_spans`` for provenance."""
    spans: dict[str, list[int]] = {}
    paragraphs = doc.header or [p for p in doc.paragraphs if p.kind == "text"][:12]
    h = _read_header(_lines(doc, [p for p in paragraphs if p.kind == "text"][:40]))

    number, number_symbol = _number(h, spans)
    date, place = _date_place(h, spans)
    kind = _kind(h, number_symbol, spans)
    if h.number_line is None and h.kind_line is None and h.date_line is None and strict:
        raise IngestError(
            "no document header found (no 'Số:' line, kind line or date line)",
            source=doc.source,
            line=_first_line(doc),
        )
    if kind is None and h.subject_lines:
        kind = "CongVan"  # a letter: no kind line, "V/v …" under its number
    if kind is None and (h.number_line is not None or h.date_line is not None):
        kind = "Other"  # a header whose kind cannot be read: still a document
    _check_issuing_body(doc, h, place)
    title = _title(h, spans)
    issuer = _issuer(doc, h, place, number_symbol, spans)
    promulgates = _promulgates(doc, kind, title)
    period = parse_period(title) if title else None
    plan = kind in _PLAN_KINDS if promulgates is None else promulgates["kind"] in _PLAN_KINDS
    if period is None and plan:
        period = _objectives_period(doc)
    signer = _signer(doc, spans)
    return {
        "kind": kind,
        "number": number,
        "date": date,
        "place": place,
        "issuer": issuer,
        "title": title,
        "period": period,
        "signer": signer,
        "promulgates": promulgates,
        "_spans": spans,
    }


def _number(h: _Header, spans: dict[str, list[int]]) -> tuple[str | None, str | None]:
    ln = h.number_line
    if ln is None:
        return None, None
    m = _SO.match(ln.text)
    raw = re.sub(r"\s+", "", m.group("num") if m else "").rstrip(".,;")
    if raw and not raw.startswith("/") and re.match(r"^[\w.\-]*\d", raw):
        i = ln.text.find(m.group("num")) if m else 0
        spans["number"] = ln.span(i)
        return raw, raw
    return None, raw or None


def _date_place(h: _Header, spans: dict[str, list[int]]) -> tuple[str | None, str | None]:
    ln = h.date_line
    if ln is None:
        return None, None
    t = ln.text
    dm = _DATE.search(t)
    date: str | None = None
    if dm:
        y = dm.group("y") or dm.group("y2")
        mo = dm.group("m") or dm.group("m2")
        d = dm.group("d") or dm.group("d2")
        if mo and d:
            # a date that is not on the calendar ("31/02/2021") is left blank, never
            # replaced by another date of the text
            date = f"{y}-{int(mo):02d}-{int(d):02d}" if _on_calendar(y, mo, d) else None
        elif mo:
            date = f"{y}-{int(mo):02d}"
        else:
            date = y
        d0 = dm.start() + len(dm.group(0)) - len(dm.group(0).lstrip(", "))
        spans["date"] = ln.span(d0, dm.end())
    place: str | None = None
    pm = _PLACE_DATE.match(t)
    pl = (pm.group("place") or "").strip(" ,") if pm else ""
    if pl and not re.fullmatch(r"[.…\s]+", pl):
        place = title_case(pl) if pl.isupper() else re.sub(r"\s+", " ", pl)
        spans["place"] = ln.span(0, len(pl))
    return date, place


def _kind(h: _Header, symbol: str | None, spans: dict[str, list[int]]) -> str | None:
    if h.kind_line is not None:
        km = _KIND_LINE.match(h.kind_line.text)
        if km:
            spans["kind"] = h.kind_line.span(0, km.end("kind"))
            return KIND_WORDS.get(diacritic_key(re.sub(r"\s+", " ", km.group("kind"))), "Other")
    if symbol:
        return _kind_from_number(symbol)
    return None


def _check_issuing_body(doc: Doc, h: _Header, place: str | None) -> None:
    """A "CỦA …" line under the kind line names the issuer only when the register knows the
    body it names ("CỦA BỘ CHÍNH TRỊ"); otherwise ("CỦA UBND TỈNH VỀ TRIỂN KHAI …") it is
    the start of the title."""
    if h.issuing_line is None:
        return
    province = _match_province(" ".join(ln.text for ln in h.issuer_lines)) or (
        _match_province(place) if place else None
    )
    if _register_match(doc, h.issuing_body, province) is not None:
        return
    if h.issuing_line is h.kind_line:
        km = _KIND_LINE.match(h.kind_line.text)
        h.kind_rest = km.group("rest").strip() if km else ""
    else:
        h.title_lines.insert(0, h.issuing_line)
    h.issuing_body, h.issuing_line = "", None


def _title(h: _Header, spans: dict[str, list[int]]) -> str | None:
    parts: list[tuple[str, _Line]] = []
    if h.kind_rest:
        assert h.kind_line is not None
        parts.append((h.kind_rest, h.kind_line))
    parts.extend((ln.text, ln) for ln in h.title_lines)
    if not parts and h.kind_line is None:
        parts = [(ln.text, ln) for ln in h.subject_lines]  # a letter's subject is its title
    if not parts:
        return None
    title = _clean_title(" ".join(p for p, _ in parts))
    first, last = parts[0][1], parts[-1][1]
    spans["title"] = [first.span()[0], last.span()[1]]
    return title or None


def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip()
    return t.strip(" .;:")


def _kind_from_number(symbol: str) -> str | None:
    m = re.search(r"/(?:\d{4}/)?(?P<s>[A-ZĐa-zđ]+)", symbol)
    if m and m.group("s").upper() in KIND_BY_SYMBOL:
        return KIND_BY_SYMBOL[m.group("s").upper()]
    m = re.search(r"^\d+-(?P<s>[A-ZĐ]+)/", symbol)  # party numbers: 3260-KH/ĐĐQH15
    if m:
        return KIND_BY_SYMBOL.get(m.group("s"))
    return None


# -- issuer ---------------------------------------------------------------------------------


def _issuer(
    doc: Doc,
    h: _Header,
    place: str | None,
    symbol: str | None,
    spans: dict[str, list[int]],
) -> dict[str, str] | None:
    block_province = _match_province(" ".join(ln.text for ln in h.issuer_lines))
    prov_hint = block_province or (_match_province(place) if place else None)
    issuer: dict[str, str] | None = None
    joint = _joint_issuer(symbol)
    block = _issuer_block(doc, h.issuer_lines, prov_hint, block_province)
    named = _register_match(doc, h.issuing_body, prov_hint) if h.issuing_body else None
    if joint is not None:
        issuer = joint
    elif named is not None and h.issuing_line is not None:
        issuer = named  # "NGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ" under "BAN CHẤP HÀNH TRUNG ƯƠNG"
        spans["issuer"] = h.issuing_line.span()
    elif block:
        issuer, lines = block
        spans["issuer"] = [lines[0].span()[0], lines[-1].span()[1]]
    if issuer is None and h.authority is not None:
        issuer = _classify(doc, h.authority.text, prov_hint)
        if issuer is not None:
            spans["issuer"] = h.authority.span()
    if issuer is None:
        issuer = _issuer_from_body(doc, place, spans)
    if issuer is None:
        issuer = _issuer_from_signature(doc, prov_hint) or _issuer_from_symbol(symbol)
    if issuer is None:
        return None
    if issuer.get("scope") in (None, ""):
        issuer["scope"] = prov_hint or _match_province(doc.text[:3000]) or ""
    if issuer["scope"] != "national" and place and ascii_key(issuer["scope"]) == ascii_key(place):
        issuer["scope"] = place
    return issuer


#: The head word of a body's name: a line that begins with one names a body of its own
#: ("TỔNG CỤC THUẾ" under "BỘ TÀI CHÍNH"); one that does not continues the line above it
#: ("ỦY BAN NHÂN DÂN" / "TỈNH NGHỆ AN", "NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM").
_BODY_HEAD = re.compile(
    r"^(?:BỘ|SỞ|(?:ỦY|UỶ)\s+BAN|UBND|HĐND|HỘI\s+ĐỒNG|BAN|CỤC|TỔNG\s+CỤC|CHI\s+CỤC|VỤ|VĂN\s+PHÒNG"
    r"|NGÂN\s+HÀNG|KHO\s+BẠC|THANH\s+TRA|ĐẢNG|ĐOÀN|TỈNH\s+(?:ỦY|UỶ)|THÀNH\s+(?:ỦY|UỶ)|HUYỆN"
    r"\s+(?:ỦY|UỶ)|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG|QUỐC\s+HỘI|TO(?:À|À)\s+ÁN|VIỆN|KIỂM\s+TOÁN|BẢO\s+HIỂM"
    r"|CÔNG\s+AN|MẶT\s+TRẬN|LIÊN\s+(?:ĐOÀN|MINH)|HỘI|TRUNG\s+TÂM|TRƯỜNG|ĐẠI\s+HỌC|HỌC\s+VIỆN"
    r"|(?:TỔNG\s+)?CÔNG\s+TY|TẬP\s+ĐOÀN|PHÒNG|ĐÀI|BÁO)\b"
)


def _issuer_block(
    doc: Doc, lines: list[_Line], province: str | None, local: str | None
) -> tuple[dict[str, str], list[_Line]] | None:
    """The body that issues, from an issuer block: the shortest run of its last lines the
    register names whole ("SỞ TÀI CHÍNH" under "ỦY BAN NHÂN DÂN TỈNH LÀO CAI"; "ỦY BAN NHÂN
    DÂN" + "TỈNH NGHỆ AN"); else the last line that names a body, with the lines that
    continue it, as ``other``."""
    if not lines:
        return None
    from policykg.ingest.agencies import joint_issuer

    joint = joint_issuer(" \n".join(ln.text for ln in lines), province=province)
    if joint is not None:  # "BỘ TÀI CHÍNH - BỘ NỘI VỤ": the first body issues
        return {"kind": joint.kind, "scope": joint.scope or province or ""}, lines
    for n in range(1, min(3, len(lines)) + 1):
        tail = lines[-n:]
        ref = _register_match(doc, " ".join(ln.text for ln in tail), province)
        if ref is None and n == 1:
            ref = _last_body(doc, tail[0].text, province)
        if ref is not None:
            return ref, tail
    k = len(lines) - 1
    while k > 0 and not _BODY_HEAD.match(lines[k].text):
        k -= 1
    tail = lines[k:]
    name = re.sub(r"\s+", " ", " ".join(ln.text for ln in tail)).strip(" -–_.,")
    scope = _match_province(name) or local or "national"
    return {"kind": "other", "scope": scope, "name": _as_written(doc, name)}, tail


def _joint_issuer(symbol: str | None) -> dict[str, str] | None:
    """A joint instrument (Thông tư liên tịch: "47/2009/TTLT-BTC-BLĐTBXH") is issued by the
    first body of its number (SCHEMA.md)."""
    m = re.search(r"(?:TTLT|NQLT|CTLT|QĐLT|KHLT)-([A-ZĐ]+)", (symbol or "").upper())
    hit = ISSUER_BY_SYMBOL.get(m.group(1)) if m else None
    return {"kind": hit[0], "scope": hit[1] or ""} if hit else None


def _register_match(doc: Doc, name: str, province: str | None) -> dict[str, str] | None:
    """The register's body when it names all of ``name`` (but a province after it)."""
    from policykg.ingest.agencies import find_agencies

    name = re.sub(r"\s+", " ", name).strip(" -–_.,")
    found = find_agencies(name, province=province)
    if len(found) != 1:
        return None
    m = found[0]
    covered = name[m.start : m.end]
    rest = ascii_key(name.replace(covered, " ")).strip()
    if rest and not _match_province(rest) and not re.fullmatch(r"(tinh|thanh pho|tp\.?)", rest):
        return None
    ref: dict[str, str] = {"kind": m.kind, "scope": m.scope or province or ""}
    if m.kind == "other":
        ref["name"] = _as_written(doc, covered)
    return ref


def _last_body(doc: Doc, name: str, province: str | None) -> dict[str, str] | None:
    """The last of the bodies one line of an issuer block names one after the other (the
    block's lines run together: "BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG ĐOÀN QUỐC HỘI", "UBND TỈNH
    THANH HÓA SỞ Y TẾ"): the one that issues, as on the last line of the block."""
    from policykg.ingest.agencies import find_agencies

    name = re.sub(r"\s+", " ", name).strip(" -–_.,")
    found = find_agencies(name, province=province)
    if len(found) < 2:
        return None
    pos = 0
    for m in found:  # the bodies cover the line, one after the other
        if name[pos : m.start].strip(" -–,"):
            return None
        pos = m.end
    if name[pos:].strip() and not _match_province(name[pos:]):
        return None
    m = found[-1]
    ref: dict[str, str] = {"kind": m.kind, "scope": m.scope or province or ""}
    if m.kind == "other":
        ref["name"] = _as_written(doc, name[m.start : m.end])
    return ref


def _classify(doc: Doc, name: str, province: str | None) -> dict[str, str] | None:
    """The first body the register finds in ``name`` (an authority line "CHỦ TỊCH ỦY BAN
    NHÂN DÂN TỈNH", a signing mark "TM. CHÍNH PHỦ")."""
    from policykg.ingest.agencies import find_agencies

    found = find_agencies(re.sub(r"\s+", " ", name).strip(" -–_.,"), province=province)
    if not found:
        return None
    m = found[0]
    ref: dict[str, str] = {"kind": m.kind, "scope": m.scope or province or ""}
    if m.kind == "other":
        ref["name"] = _as_written(doc, name[m.start : m.end])
    return ref


def _as_written(doc: Doc, name: str) -> str:
    """``name`` as the body of the document writes it ("ĐẢNG ĐOÀN QUỐC HỘI" → "Đảng đoàn
    Quốc hội"), else in sentence case."""
    key = diacritic_key(name)
    for p in doc.paragraphs:
        if p.kind != "text" or p.text.isupper():
            continue
        i = diacritic_key(p.text).find(key)
        if i >= 0:
            found = p.text[i : i + len(name)]
            if not found.isupper():
                return found
    low = name.lower()
    # the name of a place after its level is a proper name: "… huyện Châu Thành"
    low = re.sub(
        r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn) (.+)$",
        lambda m: m.group(1) + " " + " ".join(w[:1].upper() + w[1:] for w in m.group(2).split()),
        low,
    )
    return low[:1].upper() + low[1:]


def _issuer_from_symbol(symbol: str | None) -> dict[str, str] | None:
    if not symbol:
        return None
    last = re.split(r"[-/]", symbol.upper())[-1]
    hit = ISSUER_BY_SYMBOL.get(last)
    if hit is None:
        return None
    return {"kind": hit[0], "scope": hit[1] or ""}


def _issuer_from_signature(doc: Doc, province: str | None) -> dict[str, str] | None:
    """The body a signing block acts for ("TM. ỦY BAN NHÂN DÂN", "TM. CHÍNH PHỦ"), or the
    office of a signer who signs in his own name ("THỦ TƯỚNG")."""
    for p in _first_signature(doc):
        t = p.text.strip()
        m = re.match(r"^(?:T\s*/\s*M|TM|KT|TL|TUQ|Q)\b\.?\s*(?P<body>.+)$", t)
        body = m.group("body") if m else t
        if diacritic_key(body) in _POSITION_KEYS and body.upper() not in ("THỦ TƯỚNG",):
            continue
        ref = _classify(doc, body, province)
        if ref is not None:
            return ref
    return None


def _issuer_from_body(
    doc: Doc, place: str | None, spans: dict[str, list[int]]
) -> dict[str, str] | None:
    paras = list(doc.header) + [p for p in doc.paragraphs if p.kind == "text"][:40]
    for p in paras:
        ft = diacritic_key(p.text)
        for m in _BODY_ISSUER.finditer(ft):
            prov_raw = p.text[m.start("p") : m.end("p")]
            prov = _match_province(prov_raw) or title_case(prov_raw)
            org = m.group("org")
            kind = "hdnd_tinh" if org in ("hội đồng nhân dân", "hđnd") else "ubnd_tinh"
            if place and ascii_key(place) == ascii_key(prov):
                prov = place
            spans["issuer"] = list(p.span_of(m.start(), m.end("p")))
            return {"kind": kind, "scope": prov}
    return None


# -- period, signer, promulgates --------------------------------------------------------------


def _objectives_period(doc: Doc) -> dict[str, int | None] | None:
    """The latest horizon of a plan's objectives ("Mục tiêu cụ thể đến năm 2035"), a
    vision year left out: ``{None, year}``."""
    for s in doc.sections():
        if s.style not in ("part", "roman", "arabic", "dieu"):
            continue
        if not re.match(r"^(?:CÁC\s+)?MỤC\s+TIÊU\b", s.heading.strip(" .:"), re.IGNORECASE):
            continue
        years: list[int] = []
        for sub in s.walk():
            head = diacritic_key(sub.heading)
            if _VISION.search(head) and not re.search(r"mục tiêu", head):
                continue
            for m in _HORIZON.finditer(_VISION.sub("#", head)):
                years.append(int(m.group("b")))
        if years:
            return {"start": None, "end": max(years)}
        return None
    return None


def _first_signature(doc: Doc) -> list[Paragraph]:
    """The paragraphs of the document's own signing block (the first one)."""
    out: list[Paragraph] = []
    prev: Paragraph | None = None
    for p in doc.signature:
        if prev is not None:
            between = doc.paragraphs[doc.paragraphs.index(prev) + 1 : doc.paragraphs.index(p)]
            # (recipients a page break cut off from their column may come before the name)
            if sum(1 for q in between if q.kind != "recipients") > 2:
                break
        out.append(p)
        prev = p
        if not p.text.isupper() and not re.match(r"^(?:T\s*/\s*M|TM|KT|TL|TUQ|Q)\b", p.text):
            break  # the name ends the block
    return out


def _signer(doc: Doc, spans: dict[str, list[int]]) -> dict[str, str | None] | None:
    block = _first_signature(doc)
    if not block:
        return None
    name: str | None = None
    position: str | None = None
    for p in block:
        t = re.sub(r"\s+", " ", p.text.strip())
        ft = diacritic_key(t).strip(" .:")
        mark = re.match(r"^(?:t\s*/\s*m|tm|kt|tl|tuq|q)\b\.?\s*", ft)
        if mark:
            # "KT. CHỦ TỊCH" names the principal; the signer's own title follows
            rest = ft[mark.end() :]
            if rest in _POSITION_KEYS and position is None:
                position = _POSITION_KEYS[rest]
            continue
        if ft in _POSITION_KEYS:
            position = _POSITION_KEYS[ft]
            continue
        name = title_case(t) if t.isupper() else t
        spans["signer"] = [p.start, p.end]
    if name is None and position is None:
        return None
    return {"name": name, "position": position}


def _promulgates(doc: Doc, kind: str | None, title: str | None) -> dict[str, str] | None:
    """The instrument a decision or resolution issues or approves in its Điều 1 (else in
    its title)."""
    if kind not in ("QuyetDinh", "NghiQuyet"):
        return None
    texts: list[str] = []
    art = doc.section("Điều 1")
    if art is not None:
        texts.append(" ".join(p.text for p in art.paragraphs)[:3000])
        texts[-1] = re.sub(r"^Điều\s+1\s*[.:]?\s*", "", texts[-1])
    if title:
        texts.append(title)
    for t in texts:
        m = _PROMULGATE.match(t.strip())
        if not m:
            continue
        k = KIND_WORDS.get(diacritic_key(re.sub(r"\s+", " ", m.group("kind"))), "Other")
        rest = m.group("title")
        end = _PROMULGATED_END.search(rest)
        if end:
            rest = rest[: end.start()]
        rest = re.sub(r"\s+", " ", re.sub(r"[“”\"]", "", rest)).strip(" .;,")
        if not rest:
            continue
        return {"kind": k, "title": rest[:1].upper() + rest[1:]}
    return None
