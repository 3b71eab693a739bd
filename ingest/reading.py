"""The reading layer: how the text of a document is read, before any extraction.

A document comes in many forms: a plain or Markdown copy, a web-portal copy (menus, a
"Thuộc tính văn bản" block, related-document lists, a crawler's title line), a Markdown
table header (the issuer and the national motto side by side in one row, the number and
the place-date on the next), a Word file flattened to text (table rows as cells joined by
" | " or tabs, lines indented by tabs), Official Gazette text (page headers "CÔNG BÁO/Số
…/Ngày …", page numbers, digital-signature stamps), PDF text (form feeds, hard wraps,
two columns side by side), OCR output (letter-spaced words "ỦY B AN NHÂN D Â N", "tháng
0 6"). :func:`read` turns any of them into the document's own logical text: one field a
line in the header (issuer, motto, number, place-date, kind, title, issuing authority), the
signature block one line each ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name), table rows as
tab-separated cells, page furniture gone. Every character of the result remembers the
characters of the original it came from (:class:`MappedText`), so provenance spans found
in the logical text point at the original.

Each form is a list of small named steps (:data:`FORMS`); :func:`forms_of` tells which
forms a text shows (a text may show several: a Markdown copy of an OCR scan) and
:func:`read` runs the steps of those forms in the one order of :data:`STEPS`. Each step only
touches what its form puts there, so a step run on a text that does not need it changes
nothing. The structure of the text (paragraphs, sections, tables) is built on the result by
:func:`policykg.ingest.text.parse`.

Vietnamese text keys
--------------------
Names, headings and cue words are compared through a key, never through the raw string:
the same word comes with its tone mark on another vowel ("Uỷ"/"Ủy", "hoá"/"hóa"),
decomposed (NFD), in capitals, or without diacritics at all. Three keys, each named for
what it keeps:

``diacritic_key(s)``
    Lower case, NFC, every diacritic kept, old-style tone placement moved to the modern one
    ("uỷ/hoá/thuỷ" -> "ủy/hóa/thủy"); same length as ``s`` once NFC. For cue words and
    headings, where "tháng" and "thắng" must stay apart.
``toneless_key(s)``
    Lower case, NFC, the five tone marks removed, the vowel shapes kept ("Sở" -> "sơ",
    "Bộ" -> "bô", "Đ" stays "đ"); the eth "Ð" is read as "Đ". For agency names, whose
    tone marks are the ones a typist gets wrong most.
``ascii_key(s)``
    Lower case without any diacritic ("Đồng Nai" -> "dong nai"). For place names and
    titles compared loosely.

All three are pure and cached (called for every token of every section scanned).
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

__all__ = [
    "FORMS",
    "LINE_CLEANING",
    "POSITIONS",
    "STEPS",
    "MappedText",
    "ascii_key",
    "clean_line",
    "diacritic_key",
    "forms_of",
    "is_syllable",
    "nfc_mapped",
    "read",
    "toneless_key",
]

# ---------------------------------------------------------------------------
# Vietnamese text keys.

# old-style tone placement -> modern (same length)
_TONE_FIX = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_NOT_AFTER = r"(?![a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
# the keys of _TONE_FIX, not after "q"; a literal first character lets the engine skip ahead
_TONE_RE = re.compile(
    "o(?<!qo)[" + "".join(k[1] for k in _TONE_FIX if k[0] == "o") + "]" + _NOT_AFTER
    + "|u(?<!qu)[" + "".join(k[1] for k in _TONE_FIX if k[0] == "u") + "]" + _NOT_AFTER
)  # fmt: skip

#: The combining tone marks of Vietnamese (grave, acute, tilde, hook above, dot below).
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@functools.lru_cache(maxsize=8192)
def diacritic_key(s: str) -> str:
    """Lower-cased NFC text with modern tone placement ("Uỷ"/"Ủy" match). Same length."""
    low = unicodedata.normalize("NFC", s).lower()
    return _TONE_RE.sub(lambda m: _TONE_FIX[m.group(0)], low)


@functools.lru_cache(maxsize=1 << 16)
def toneless_key(word: str) -> str:
    """NFC, lower case, tone marks removed, vowel shapes kept ("Sở" -> "sơ")."""
    word = word.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES))


@functools.lru_cache(maxsize=8192)
def ascii_key(s: str) -> str:
    """Lower case without diacritics (đ -> d)."""
    low = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in low if not unicodedata.combining(c))


# ---------------------------------------------------------------------------
# Strings that remember where each character came from.


class MappedText:
    """A string whose every character carries its original [start, end) range.

    ``starts``/``ends`` are lists, or ``range`` objects while the text is the original's
    own characters (slicing a range copies nothing)."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, i: int, j: int) -> MappedText:
        return MappedText(self.text[i:j], self.starts[i:j], self.ends[i:j])

    def sub(
        self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]
    ) -> MappedText:
        matches = pattern.finditer(self.text)
        first = next(matches, None)
        if first is None:  # most lines: nothing to replace, no copy of the offset maps
            return self
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in itertools.chain((first,), matches):
            i, j = m.span()
            out.append(self.text[pos:i])
            starts.extend(self.starts[pos:i])
            ends.extend(self.ends[pos:i])
            r = repl if isinstance(repl, str) else repl(m)
            if r:
                if i < j:
                    s, e = self.starts[i], self.ends[j - 1]
                elif i < len(self.text):
                    s = e = self.starts[i]
                else:
                    s = e = self.ends[-1] if self.ends else 0
                out.append(r)
                starts.extend([s] * len(r))
                ends.extend([e] * len(r))
            pos = j
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(out), starts, ends)

    def strip_spaces(self) -> MappedText:
        if not self.text.startswith(" ") and not self.text.endswith(" "):
            return self
        i, j = 0, len(self.text)
        while i < j and self.text[i] == " ":
            i += 1
        while j > i and self.text[j - 1] == " ":
            j -= 1
        return self.slice(i, j)

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Replace ``text[i:j]`` by ``r`` for each ``(i, j, r)`` (sorted, disjoint).

        Each inserted character maps to the whole span it replaces (or, for a pure
        insertion, to the position where it is inserted)."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        changed = False
        for i, j, r in edits:
            if i < pos or (i == j and not r):
                continue
            changed = True
            out.append(self.text[pos:i])
            starts.extend(self.starts[pos:i])
            ends.extend(self.ends[pos:i])
            if r:
                if i < j:
                    s, e = self.starts[i], self.ends[j - 1]
                elif i < len(self.text):
                    s = e = self.starts[i]
                else:
                    s = e = self.ends[-1] if self.ends else 0
                out.append(r)
                starts.extend([s] * len(r))
                ends.extend([e] * len(r))
            pos = j
        if not changed:
            return self
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(out), starts, ends)

    @staticmethod
    def join(parts: list[MappedText], sep: str = " ") -> MappedText:
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for k, p in enumerate(parts):
            if k and sep:
                text.append(sep)
                prev_end = starts[-1] if not ends else ends[-1]
                nxt = p.starts[0] if p.starts else prev_end
                nxt = max(nxt, prev_end)  # parts read out of order (columns) map forward
                starts.extend([prev_end] * len(sep))
                ends.extend([nxt] * len(sep))
            text.append(p.text)
            starts.extend(p.starts)
            ends.extend(p.ends)
        return MappedText("".join(text), starts, ends)


def nfc_mapped(original: str) -> MappedText:
    """NFC-compose ``original``, mapping each output char to its source cluster."""
    if unicodedata.is_normalized("NFC", original):
        n = len(original)
        return MappedText(original, range(n), range(1, n + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        comp = unicodedata.normalize("NFC", original[i:j])
        out.append(comp)
        starts.extend([i] * len(comp))
        ends.extend([j] * len(comp))
        i = j
    return MappedText("".join(out), starts, ends)


# ---------------------------------------------------------------------------
# Cleaning one line (Markdown and HTML markers, odd spaces).

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_MD_BULLET = re.compile(r"^([ ]*)[*•·][ \t]+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MD_MARKERS = re.compile(r"\\\*|\*+|\\_|__|\\(?=[\[\]().#>-])")
# runs of spaces that collapse to one " " (a lone " " is left alone: replacing it with " "
# would change nothing but cost a copy of the line)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]{2,}|[\u00a0\u2000-\u200b\u202f\u3000]")
_PAREN_SPACE = re.compile(r"\( | \)")
_SPACE_TAB = re.compile(r" *\t *")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot);")
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"'}


#: The cleaning steps, in order, of :func:`clean_line` and :func:`clean` (the literal
#: replacements hold no backslash or group reference: ``re.sub`` inserts them as they are,
#: like ``MappedText.sub``).
LINE_CLEANING: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_MD_HEADING, ""),
    (_MD_BULLET, lambda m: m.group(1) + "- "),
    (_HTML_TAG, " "),
    (_ENTITY, lambda m: _ENTITIES[m.group(1)]),
    (_MD_MARKERS, ""),
    (_SPACES, " "),
    (_PAREN_SPACE, lambda m: m.group(0).strip(" ")),
    (_SPACE_TAB, "\t"),
)
#: What every match of a cleaning step holds (a "#", "*", "•", "·", "<", "&", "\\", "_",
#: a tab, an odd space, two spaces, "( " or " )"): a line without any is left as it is by
#: every step (most lines of a plain-text plan need no cleaning).
_CLEAN_NEEDED = re.compile(r"[#*\u2022\u00b7<&\\_\t\u00a0\u2000-\u200b\u202f\u3000]|  |\( | \)")


def clean_line(s: MappedText) -> MappedText:
    if _CLEAN_NEEDED.search(s.text) is None:
        return s.strip_spaces()
    for pattern, repl in LINE_CLEANING:
        s = s.sub(pattern, repl)
    return s.strip_spaces()


# ---------------------------------------------------------------------------
# Vietnamese syllables (to mend words an OCR engine spaced out letter by letter).

_ONSETS = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
#: Every rhyme of Vietnamese (vowel nucleus, medial and final), tone marks removed.
_RHYMES = frozenset(
    " ".join(
        (
            "a ai ao au ay am an ang anh ap at ac ach",
            "ăm ăn ăng ăp ăt ăc",
            "âu ây âm ân âng âp ât âc",
            "e eo em en eng ep et ec",
            "ê êu êm ên ênh êp êt êch",
            "i ia iu im in inh ip it ich",
            "iêu iêm iên iêng iêp iêt iêc",
            "y yêu yêm yên yêng yêt",
            "o oi om on ong op ot oc ooc oong",
            "oa oai oao oay oam oan oang oanh oap oat oac oach",
            "oăm oăn oăng oăt oăc",
            "oe oeo oen oet",
            "ô ôi ôm ôn ông ôp ôt ôc",
            "ơ ơi ơm ơn ơp ơt",
            "u ua ui uôi um un ung up ut uc",
            "uân uâng uât uây",
            "uê uênh uêch",
            "uy uyu uya uyn uynh uyt uych uyên uyêt",
            "uôm uôn uông uôt uôc",
            "uơ",
            "ư ưa ưi ưu ưng ưt ưc ưm ưn",
            "ươi ươu ươm ươn ương ươp ươt ươc",
        )
    ).split()
)
_STOP_FINALS = ("p", "t", "c", "ch")
#: Tones a syllable ending in a stop (p, t, c, ch) may carry: acute or dot below.
_STOP_TONES = {"\u0301", "\u0323"}


@functools.lru_cache(maxsize=1 << 14)
def is_syllable(word: str) -> bool:
    """True when ``word`` (letters only, any case) is a well-formed Vietnamese syllable."""
    if not word or not word.isalpha() or len(word) > 7:
        return False
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in nfd if c in _TONES]
    if len(tones) > 1:
        return False
    base = toneless_key(word)
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset) :]
        if onset in ("gi", "qu") and not rhyme:
            rhyme = "i" if onset == "gi" else ""
        if rhyme not in _RHYMES:
            continue
        if rhyme.endswith(_STOP_FINALS) and (not tones or tones[0] not in _STOP_TONES):
            continue
        return True
    return False


# ---------------------------------------------------------------------------
# Reading steps. Each takes the text read so far and gives it back with one kind of form
# undone; what it does not recognise it leaves as it is.

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


def _sub(pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]) -> Step:
    def step(mt: MappedText) -> MappedText:
        return mt.sub(pattern, repl)

    return step


# -- page furniture (PDF and Gazette pages) ------------------------------------------------

_GAZETTE_HEAD = re.compile(
    r"^[ \t]*C[ÔO]NG\s+B[ÁA]O\s*/\s*Số\s*[\d\s+]{1,12}/\s*Ngày\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s*"
    r"[-/.]\s*\d{4}[ \t]*$",
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
_BREADCRUMB = re.compile(r"^[^\n>»›]{1,40}(?:\s[>»›]\s[^\n>»›]{1,60}){2,}$")


def portal_furniture(mt: MappedText) -> MappedText:
    """The furniture of a web-portal copy is blanked: the "Thuộc tính văn bản" block (its
    heading and "Số hiệu: …", "Loại văn bản: …" field lines), lists of related documents
    (a heading such as "Văn bản liên quan" and the lines up to the next blank line) and
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
            while m < len(lines) and m - k <= 60:
                if _PORTAL_FIELD.match(lines[m]) or not lines[m].strip():
                    blank[m] = bool(lines[m].strip()) or blank[m]
                    if (
                        not lines[m].strip()
                        and m + 1 < len(lines)
                        and not (
                            _PORTAL_FIELD.match(lines[m + 1]) or _PORTAL_HEAD.match(lines[m + 1])
                        )
                    ):
                        break
                    m += 1
                    continue
                if re.match(r"^[ \t]*Văn\s+bản", ln, re.IGNORECASE):
                    blank[m] = True  # an item of a related-document list
                    m += 1
                    continue
                break
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
    ("| a | b |", their "|---|---|" rules blanked) and Word tables flattened to text
    ("a | b")."""
    text = mt.text
    if "|" not in text:
        return mt
    edits: list[tuple[int, int, str]] = []
    for i, j in _line_spans(text):
        ln = text[i:j]
        if "|" not in ln:
            continue
        if _MD_RULE_ROW.match(ln):
            edits.append((i, j, ""))
            continue
        stripped = ln.strip()
        markdown_row = stripped.startswith("|")
        if not markdown_row and " | " not in ln and not stripped.endswith(" |"):
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
    changed = False
    for a, b in blocks:
        lines = [text[spans[n][0] : spans[n][1]] for n in range(a, b)]
        gaps = [_GAP.search(ln) for ln in lines]
        cols = [g.end() for g in gaps if g is not None]
        if not cols:
            continue
        if not any(
            g is not None
            and (_LAYOUT_CELL.match(ln[: g.start()]) or _LAYOUT_CELL.match(ln[g.end() :]))
            for ln, g in zip(lines, gaps, strict=True)
        ):
            continue
        col = min(cols)
        left: list[MappedText] = []
        right: list[MappedText] = []
        for n, (ln, g) in zip(range(a, b), zip(lines, gaps, strict=True), strict=True):
            i = spans[n][0]
            if g is not None:
                left.append(mt.slice(i, i + g.start()).strip_spaces())
                right.append(mt.slice(i + g.end(), spans[n][1]).strip_spaces())
            elif len(ln) - len(ln.lstrip()) >= col - 8:
                right.append(mt.slice(i, spans[n][1]).strip_spaces())
            else:
                left.append(mt.slice(i, spans[n][1]))
        ordered = [p for p in left + right if p.text]
        start, end = spans[a][0], spans[b - 1][1]
        pieces.append(mt.slice(pos, start))
        pieces.append(MappedText.join(ordered, "\n"))
        pos = end
        changed = True
    if not changed:
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
_NUMBER_HEAD = re.compile(r"^[ \t]*Số\s*(?:hiệu)?\s*:?[ \t]*(?=\S*[/-])")
_NUMBER_TAIL = re.compile(r"\S*(?:[ \t]+[/-][ \t]*\S+|[/-][ \t]+\S+)*")
_PLACE_DATE = re.compile(
    r"[" + _UPPER + r"][^\d,\n]{1,40}?,?[ \t]*ngày[ \t]*[\d \t.…_]*tháng[ \t]*[\d \t.…_]*"
    r"năm[ \t]*\d{4}"
)
_DATE_END = re.compile(r"ngày[ \t]*[\d \t.…_]*tháng[ \t]*[\d \t.…_]*năm[ \t]*\d{4}")
_MOTTO_SPLIT = re.compile(r"(?<=\S)[ \t]+(?=CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–])")
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


def run_together_header(mt: MappedText) -> MappedText:
    """Header fields printed on one line are put one a line.

    A copy that lost the header's layout runs it together ("Số: 3745/QĐ-UBND Tây Ninh,
    ngày 30 tháng 12 năm 2021 QUYẾT ĐỊNH VỀ VIỆC … ỦY BAN NHÂN DÂN TỈNH TÂY NINH"): the
    line is broken after the number, after the date, after the kind word and before the
    issuing authority that follows an upper-case title; a motto line is broken before "Độc
    lập - Tự do - Hạnh phúc" and an issuer line before "CỘNG HÒA XÃ HỘI …". Only the
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
                sp = re.match(r"[ \t]+", ln[end:])
                edits.append((i + end, i + end + (sp.end() if sp else 0), "\n"))
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
        if after_kind and ln[pos:].strip() and ln[pos:].upper() == ln[pos:]:
            p = _authority_suffix(ln[pos:])
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
_WORD_PARTS = re.compile(r"^([(\"“'\[]*)([^\W\d_]+)([)\"”'\].,;:!?]*)$")


def _mend_run(words: list[str], spaced: bool) -> list[int]:
    """Group sizes that cover ``words`` (letters only) with the fewest syllables.

    A group of several fragments is taken only when it spells a syllable and one of them
    is no syllable on its own ("B AN", "Qu ả ng"), or the whole line is spaced out."""
    n = len(words)
    # cost: 10 a syllable, 1 more for a joined one that has no initial consonant (so "C H Í
    # M I NH" reads "CHÍ MINH", not "CHÍM INH")
    best: list[tuple[int, int]] = [(0, 0)] + [(1 << 30, 0)] * n
    for e in range(1, n + 1):
        for size in range(1, min(5, e) + 1):
            cost = best[e - size][0] + 10
            if size > 1 and toneless_key(words[e - size][:1]) in "aăâeêioôơuưy":
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
    edits: list[tuple[int, int, str]] = []
    for i, j in _line_spans(text):
        ln = text[i:j]
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
            if m > k:
                words = [parts[x].group(2) for x in range(k, m + 1)]  # type: ignore[union-attr]
                x = k
                for size in _mend_run(words, spaced):
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


# ---------------------------------------------------------------------------
# Forms and the reading.

#: Every step, in the order :func:`read` runs them.
STEPS: dict[str, Step] = {
    "line_endings": line_endings,
    "page_furniture": page_furniture,
    "layout_breaks": layout_breaks,
    "signature_stamps": signature_stamps,
    "portal_furniture": portal_furniture,
    "markdown": markdown,
    "letter_spacing": letter_spacing,
    "spaced_digits": spaced_digits,
    "indentation_tabs": indentation_tabs,
    "table_rows": table_rows,
    "side_by_side": side_by_side,
    "run_together_header": run_together_header,
    "signature_lines": signature_lines,
}

#: The steps each form of text needs.
FORMS: dict[str, tuple[str, ...]] = {
    "plain": (
        "line_endings",
        "layout_breaks",
        "side_by_side",
        "run_together_header",
        "signature_lines",
    ),
    "markdown": ("markdown", "table_rows"),
    "word": ("indentation_tabs", "table_rows"),
    "portal": ("portal_furniture",),
    "gazette": ("page_furniture", "signature_stamps"),
    "pdf": ("page_furniture",),
    "ocr": ("letter_spacing", "spaced_digits"),
}

_MARKDOWN_SIGNS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]|\|.*\|)|\*\*")
_WORD_SIGNS = re.compile(r"(?m)^\t|^[ \t]*[^|\s][^\n|]* \| ")
_PORTAL_SIGNS = re.compile(r"(?m)" + _PORTAL_HEAD.pattern.lstrip("^") + "|" + _PORTAL_FIELD.pattern)
_GAZETTE_SIGNS = re.compile(r"C[ÔO]NG\s+B[ÁA]O\s*/\s*Số|Ký\s+bởi\s*:", re.IGNORECASE)
_FRAGMENT = re.compile(r"(?<!\S)[^\W\d_]{1,3}(?!\S)")


def _ocr_fragments(text: str, enough: int = 3) -> bool:
    """Whether ``text`` holds ``enough`` fragments of spaced-out words (a single capital,
    or a short piece in lower case that is no syllable: "B AN", "Qu ả ng")."""
    found = 0
    for m in _FRAGMENT.finditer(text):
        w = m.group()
        if (len(w) == 1 and w.isupper()) or (not w.isupper() and not is_syllable(w)):
            found += 1
            if found >= enough:
                return True
    return False


def forms_of(text: str) -> tuple[str, ...]:
    """The forms a text shows, "plain" first (a text may show several)."""
    forms = ["plain"]
    head = text[:200_000]
    if _MARKDOWN_SIGNS.search(head):
        forms.append("markdown")
    if _WORD_SIGNS.search(head):
        forms.append("word")
    if re.search(
        r"(?im)^[ \t]*(?:Thuộc\s+tính|Số\s+hiệu\s*:|Loại\s+văn\s+bản\s*:|Trang\s+chủ\b)", head
    ):
        forms.append("portal")
    if _GAZETTE_SIGNS.search(head):
        forms.append("gazette")
    if "\f" in head or re.search(r"\S {4,}\S", head):
        forms.append("pdf")
    if _ocr_fragments(head) or re.search(r"(?:ngày|tháng)\s\d\s\d\b", head):
        forms.append("ocr")
    return tuple(forms)


def read(text: str, forms: Sequence[str] | None = None) -> MappedText:
    """The logical text of ``text`` (any form), mapped back to ``text`` character by
    character. ``forms`` names the forms to undo (default: :func:`forms_of`)."""
    mt = nfc_mapped(text)
    wanted = forms_of(mt.text) if forms is None else tuple(forms)
    names = {name for form in wanted for name in FORMS[form]}
    for name, step in STEPS.items():
        if name in names:
            mt = step(mt)
    return mt
