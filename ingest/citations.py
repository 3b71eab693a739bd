"""Citations: every instrument a plan refers to, with its relation to the plan.

``extract_citations(doc, document) -> list[dict]`` gives the gold "citations" list of
SCHEMA.md (``id``, ``subject``, ``relation``, ``target``, ``evidence``, ``_span``).

How it reads
------------
1. **Mentions.** Numbered instruments ("Quyết định số 1322/QĐ-TTg", "Nghị quyết số
   25-NQ/TU", "Tờ trình số 311/TTr- SKHĐT"); laws by name ("Luật Khoa học và Công nghệ");
   named schemes and programmes ("Đề án ...", "Chương trình ..."); party congress
   resolutions ("Nghị quyết Đại hội ..."); unnumbered instruments with a stated issuer
   ("Kế hoạch của UBND tỉnh X triển khai ...", "Nghị quyết của HĐND tỉnh quy định ...");
   short forms defined in the text ("(sau đây viết tắt là Chương trình)", "(gọi tắt là
   Nghị quyết 02)"). After each mention: the date ("ngày 31/8/2020", "ngày 01 tháng 10 năm
   2021"), the issuer ("của Thủ tướng Chính phủ", else decoded from the number's symbol:
   ``-TTg`` → thu_tuong, ``-CP`` → chinh_phu, ``-BTC`` → bo_tc, ``-UBND`` → ubnd_tinh,
   ``-HĐND`` → hdnd_tinh, ``-NQ/TU`` → other "Tỉnh ủy"; laws → quoc_hoi) and the title
   (the words after the issuer, "về việc"/"về" dropped, up to the end of the clause).
2. **Identity.** Mentions of one instrument merge: same number; or, without a number, the
   same kind and name; a named programme or scheme ("Chương trình quốc gia hỗ trợ doanh
   nghiệp ...") is the numbered decision whose title carries that name; a scheme followed
   by "theo Quyết định số N" is decision N.
3. **Relation** (from the words before the mention, within its sentence):
   ``legal_basis`` ("Căn cứ ...", items of a "Căn cứ pháp lý" section); ``proposed_by``
   ("Theo đề nghị của ... tại Tờ trình"); ``applies`` ("theo (quy định của|tại|tinh thần)
   ...", "Tiếp tục thực hiện ...", clause-initial "Tổ chức thực hiện ...", "Thực hiện hiệu
   quả các Nghị quyết ... như:", the "Cơ sở thực hiện" column of an assignment table);
   ``implements`` (clause-initial "Thực hiện / Triển khai", "góp phần thực hiện", "Kế
   hoạch thực hiện ...", and inside a cited title "về triển khai thực hiện ...", "theo yêu
   cầu ... tại ..."); ``amended_by`` ("(đã được sửa đổi, bổ sung ... tại Quyết định ...)",
   and an amending law's title naming a law cited beside it); everything else ``mentions``.
   Conformity ("phù hợp", "đáp ứng") and purpose clauses ("để thực hiện ...") only mention.
   Coordinated mentions ("A; B và C") share the relation of the first.
4. **Chains.** A numbered instrument inside the title of another cited in the same
   sentence gets that citation as ``subject``.
5. **De-duplication** per (subject, relation, target); ``mentions`` is kept only when the
   pair has no specific relation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.header import KIND_BY_SYMBOL, KIND_WORDS
from policykg.ingest.reading import ascii_key, diacritic_key
from policykg.ingest.text import Doc, Paragraph, Section

__all__ = ["extract_citations", "normalize_number", "target_key"]

_KIND_ALT = (
    r"Luật|Bộ luật|Nghị quyết|Nghị định|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị"
    r"|Kế hoạch|Tờ trình|Công văn|Đề án|Chương trình|Chiến lược|Hướng dẫn|Thông báo"
    r"|Kết luận|Văn bản"
)
# number: 1322/QĐ-TTg, 35/2021/TT-BTC, 25-NQ/TU, 311/TTr- SKHĐT, 1078/VPCP-KGVX
_NUM = (
    r"\d{1,6}(?:/\d{4})?(?:\s?[/-]\s?(?=[A-ZĐ])[A-ZĐa-zđ&]+[0-9]*)+"
    r"(?:\s?-\s?(?=[A-ZĐ])[A-ZĐa-zđ&0-9]+)*"
)
_NUMBERED = re.compile(
    rf"(?P<kind>{_KIND_ALT})?\s*(?:số|số hiệu)?\s*(?P<num>(?<![\w/]){_NUM})(?![\w/])"
)
#: A digit where a number may start, and every character the words before it may hold.
_NUM_START = re.compile(r"(?<![\w/])\d")
_PREFIX_CHARS = frozenset("".join(_KIND_ALT.split("|")) + "số hiệu")


def _numbered(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_NUMBERED.finditer(text)``, found without trying it everywhere.

    A match is (kind)? (số)? then a number starting at a digit; the words before the number
    hold no digit, so a match ends its prefix at the first digit after its start. For each
    digit where a number may start, only the run of prefix characters right before it can
    hold the match's start: ``_NUMBERED.match`` is tried there, leftmost first.
    """
    pos, n = 0, len(text)
    while pos < n:
        c = _NUM_START.search(text, pos)
        if c is None:
            return
        d = c.start()
        i = d
        while i > pos and (text[i - 1] in _PREFIX_CHARS or text[i - 1].isspace()):
            i -= 1
        for s in range(i, d + 1):
            m = _NUMBERED.match(text, s)
            if m is not None:
                yield m
                pos = m.end()
                break
        else:
            pos = d + 1


_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*"
    r"(?P<y>\d{4})|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)
_OF = re.compile(r"^\s*,?\s*của\s+")
_TITLE_LEAD = re.compile(r"^\s*,?\s*(?:về việc|v/v|về)\s+", re.IGNORECASE)
_ALIAS = re.compile(
    r"\(\s*(?:sau đây\s+)?(?:được\s+)?(?:viết tắt|gọi tắt|gọi chung|gọi)\s*(?:là)?\s*"
    r"(?P<alias>[^()]{2,60}?)\s*\)"
)
_LAW = re.compile(r"(?<![\w])(?:Bộ luật|Luật)\s+(?=[A-ZĐÀ-Ỹa-zđà-ỹ])")
_NAMED = re.compile(r"(?<![\w“\"'])(?P<kind>Đề án|Chương trình|Chiến lược)\s+(?=\S)")
_PARTY = re.compile(
    r"(?<![\w])Nghị quyết\s+(?P<name>(?:Đại hội|Hội nghị|Ban Chấp hành|Ban Thường vụ)\b)"
)
_OF_ISSUER = re.compile(
    r"(?<![\w])(?P<kind>Kế hoạch|Nghị quyết|Quyết định|Đề án|Chương trình|Chỉ thị)\s+của\s+"
)
_OF_ISSUER_KINDS = ("Kế hoạch", "Nghị quyết", "Quyết định", "Đề án", "Chương trình", "Chỉ thị")
_NAMED_KINDS = ("Đề án", "Chương trình", "Chiến lược")


def _may_cite_issuer(text: str) -> bool:
    """Can ``_OF_ISSUER`` match in ``text``? (Substring tests: far cheaper than the pattern,
    whose look-behind makes the engine try it at every position.)"""
    return "của" in text and any(k in text for k in _OF_ISSUER_KINDS)


_GENERIC_AFTER = re.compile(
    r"^(?:này|đó|trên|nói trên|của tỉnh\b|của Bộ\b|hằng năm|hàng năm|giai đoạn|,|;|\.|:|\)|và\b"
    r"|khác|liên quan|được|đã|có|sẽ|là|theo|tại|cấp|và các)",
)
_SELF_REF = re.compile(r"kèm theo\s*$")
_FOLDED_INTO = re.compile(
    r"^\s*(?:của [^,;]{0,30}?\s)?(?:theo|tại|ban hành kèm theo)\s+"
    r"(?:Quyết định|Nghị quyết|Kế hoạch|Thông tư)\s+số"
)


@dataclass
class Instrument:
    kind: str
    number: str | None
    date: str | None = None
    issuer: dict[str, str] | None = None
    title: str | None = None
    names: list[list[str]] = field(default_factory=list)  # named things it carries
    aliases: list[str] = field(default_factory=list)

    def key(self) -> str:
        return target_key(self.target())

    def target(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "number": self.number,
            "date": self.date,
            "issuer": self.issuer,
            "title": self.title,
        }


@dataclass
class Mention:
    para: Paragraph
    start: int  # offsets into para.text
    end: int  # end of the whole mention (number/name, date, issuer, title)
    core_end: int  # end of number / name
    inst: Instrument | None
    title_start: int | None = None
    title_end: int | None = None
    table_column: str | None = None
    parent: Mention | None = None
    chain_rel: str | None = None
    relation: str | None = None
    evidence_start: int | None = None
    skip: bool = False


# ---------------------------------------------------------------------------
# keys


def normalize_number(n: str) -> str:
    return re.sub(r"\s+", "", n).upper()


def _words(s: str) -> list[str]:
    return [w for w in re.findall(r"[\w/&.-]+", ascii_key(s)) if w not in ("va",)]


def target_key(t: dict[str, Any]) -> str:
    """Matching key of a target (SCHEMA.md): number, else kind|date|first 6 title words."""
    num = t.get("number")
    if num:
        return normalize_number(str(num))
    words = re.findall(r"\w+", ascii_key(t.get("title") or ""))[:6]
    return f"{t.get('kind')}|{t.get('date')}|{' '.join(words)}"


def _iso(d: str, m: str, y: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


# ---------------------------------------------------------------------------
# issuers


def _issuer_at(text: str, province: str | None) -> tuple[dict[str, str], int] | None:
    """Issuer named at the start of ``text`` (after "của"): (issuer, end offset)."""
    try:
        from policykg.ingest.agencies import find_agencies
    except ImportError:  # pragma: no cover
        return _issuer_fallback(text, province)
    head = text[:120]
    for m in find_agencies(head, province=province):
        if m.start > 20:
            break
        pre = diacritic_key(head[: m.start]).strip()
        if pre not in ("", "chủ tịch", "bộ trưởng", "giám đốc", "thủ trưởng", "tổng cục trưởng"):
            continue
        scope = m.scope or province or ""
        iss: dict[str, str] = {"kind": m.kind, "scope": scope}
        if m.kind == "other" and m.name:
            iss["name"] = m.name
        return iss, m.end
    return _issuer_fallback(text, province)


_FALLBACK = [
    (r"thủ tướng chính phủ", "thu_tuong", "national"),
    (r"chính phủ", "chinh_phu", "national"),
    (r"quốc hội", "quoc_hoi", "national"),
    (r"(?:chủ tịch )?(?:ủy ban nhân dân|ubnd) (?:tỉnh|thành phố)", "ubnd_tinh", None),
    (r"(?:hội đồng nhân dân|hđnd) (?:tỉnh|thành phố)", "hdnd_tinh", None),
    (r"(?:bộ trưởng )?bộ tài chính", "bo_tc", "national"),
    (r"(?:bộ trưởng )?bộ khoa học và công nghệ", "bo_khcn", "national"),
]


def _issuer_fallback(text: str, province: str | None) -> tuple[dict[str, str], int] | None:
    ft = diacritic_key(text[:120])
    for rx, kind, scope in _FALLBACK:
        m = re.match(rx, ft)
        if m:
            return {"kind": kind, "scope": scope or province or ""}, m.end()
    return None


_SYMBOL_ISSUER = {
    "TTG": ("thu_tuong", "national"),
    "CP": ("chinh_phu", "national"),
    "BTC": ("bo_tc", "national"),
    "BKHCN": ("bo_khcn", "national"),
    "BCT": ("bo_ct", "national"),
    "BNV": ("bo_nv", "national"),
    "UBND": ("ubnd_tinh", None),
    "HĐND": ("hdnd_tinh", None),
    "SKHCN": ("so_khcn", None),
    "SKHĐT": ("so_khdt", None),
    "STC": ("so_tc", None),
}


def _issuer_from_number(number: str, province: str | None) -> dict[str, str] | None:
    n = normalize_number(number)
    if re.search(r"-NQ/TU$|/NQ-TU$|-CT/TU$|-KL/TU$|/TU$", n):
        return {"kind": "other", "scope": province or "", "name": "Tỉnh ủy"}
    if re.search(r"/QH\d*$|-QH\d*$", n):
        return {"kind": "quoc_hoi", "scope": "national"}
    if re.search(r"-NQ/TW$|-KL/TW$|-CT/TW$", n):
        return {"kind": "other", "scope": "national", "name": "Ban Chấp hành Trung ương"}
    last = re.split(r"[-/]", n)[-1]
    hit = _SYMBOL_ISSUER.get(last)
    if hit is None:
        return None
    kind, scope = hit
    return {"kind": kind, "scope": scope or province or ""}


def _kind_from_symbol(number: str) -> str:
    n = normalize_number(number)
    parts = re.split(r"[-/]", n)
    for p in parts[1:]:
        if p in KIND_BY_SYMBOL:
            return KIND_BY_SYMBOL[p]
    return "Other"


# ---------------------------------------------------------------------------
# mention scanning


_TITLE_STOP = re.compile(
    r";|\.(?:\s|$)|\((?=\s*\*?\s*(?:sau đây|gọi|viết tắt|đã được|được sửa))"
    r"|\s*\(\s*(?:sau đây|gọi tắt)"
    r"|,\s*(?:với|cụ thể|như sau|trong đó|nhằm|để)\b|\s+với\s+(?:các\s+)?nội dung"
    r"|:\s|\s-\s(?=[A-ZĐ])"
)


def _clause_end(text: str, i: int) -> int:
    m = _TITLE_STOP.search(text, i)
    return m.start() if m else len(text)


def _parse_tail(
    text: str, i: int, province: str | None
) -> tuple[str | None, dict[str, str] | None, int, int]:
    """date, issuer, title start, position after date/issuer (from offset i)."""
    date: str | None = None
    issuer: dict[str, str] | None = None
    pos = i
    for _ in range(2):
        m = _DATE_AFTER.match(text[pos:])
        if m and date is None:
            if m.group("y"):
                date = _iso(m.group("d"), m.group("m"), m.group("y"))
            else:
                date = _iso(m.group("d2"), m.group("m2"), m.group("y2"))
            pos += m.end()
            continue
        m2 = _OF.match(text[pos:])
        if m2 and issuer is None:
            got = _issuer_at(text[pos + m2.end() :], province)
            if got is not None:
                issuer, e = got
                pos += m2.end() + e
                continue
        break
    return date, issuer, pos, pos


def _name_end(text: str, i: int) -> int:
    """End of an instrument name starting at i (laws, schemes, programmes)."""
    best = len(text)
    for rx in (
        r"\s+ngày\s+\d",
        r";",
        r"\.(?:\s|$)",
        r",",
        r"\s+và\s+(?:các|những|hướng dẫn|quy định|văn bản|Luật|Nghị|Quyết|Thông|Kế hoạch)\b",
        r"\s*\((?!OCOP|KH&CN|[A-ZĐ]{2,8}\))",
        r"\s+(?:theo|để|nhằm|trong|đối với|được|của|tại|thì|đã|đang|với)\s",
        r":",
        r"”",
    ):
        m = re.compile(rx).search(text, i)
        if m and m.start() < best:
            best = m.start()
    return best


def _scan_paragraph(p: Paragraph, province: str | None, column: str | None = None) -> list[Mention]:
    text = p.text
    out: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    # numbered
    for m in _numbered(text):
        num = re.sub(r"\s+", "", m.group("num"))
        kw = m.group("kind")
        start = m.start("kind") if kw else m.start("num")
        if not kw:
            # a bare "số 12/KH-UBND" still counts; a bare symbol in running text too
            pre = text[max(0, m.start("num") - 4) : m.start("num")]
            if "số" not in pre and not re.search(r"[A-ZĐ]{2}", num):
                continue
        if _SELF_REF.search(diacritic_key(text[max(0, start - 20) : start])):
            continue
        kind = KIND_WORDS.get(diacritic_key(kw), "Other") if kw else _kind_from_symbol(num)
        if kind == "Other" and kw and diacritic_key(kw) in ("hướng dẫn", "thông báo", "kết luận"):
            kind = "Other"
        if kind == "Other" and not kw:
            kind = _kind_from_symbol(num)
        date, issuer, tpos, _ = _parse_tail(text, m.end("num"), province)
        if issuer is None:
            issuer = _issuer_from_number(num, province)
        tl = _TITLE_LEAD.match(text[tpos:])
        t0 = tpos + (tl.end() if tl else 0)
        while t0 < len(text) and text[t0] in " ,":
            t0 += 1
        t1 = _clause_end(text, t0)
        inst = Instrument(kind, num, date, issuer, None)
        mention = Mention(p, start, t1, m.end("num"), inst, t0, t1, column)
        out.append(mention)
        taken.append((start, m.end("num")))

    # party resolutions
    for m in _PARTY.finditer(text) if "Nghị quyết" in text else ():
        if not free(m.start(), m.end()):
            continue
        e = _name_end_party(text, m.start("name"))
        title = text[m.start() : e].strip(" ,")
        name = re.sub(r"\s+nhiệm kỳ.*$", "", title[len("Nghị quyết ") :]).strip()
        iss = {"kind": "other", "scope": province or "", "name": name}
        date, _, _, _ = _parse_tail(text, e, province)
        inst = Instrument("Other", None, date, iss, title)
        out.append(Mention(p, m.start(), e, e, inst, None, None, column))
        taken.append((m.start(), e))

    # unnumbered with an issuer: "Kế hoạch của UBND tỉnh X triển khai ..."
    for m in _OF_ISSUER.finditer(text) if _may_cite_issuer(text) else ():
        if not free(m.start(), m.end()):
            continue
        if re.search(r"(?:các|những)\s+$", text[max(0, m.start() - 8) : m.start()]):
            continue
        got = _issuer_at(text[m.end() :], province)
        if got is None:
            continue
        iss, e = got
        t0 = m.end() + e
        rest = text[t0:].lstrip(" ,")
        t0 = len(text) - len(rest)
        if not rest or not rest[0].islower() or rest.startswith(("tỉnh", "đã ", "được ")):
            continue
        t1 = _clause_end(text, t0)
        # the title runs through instruments it names ("triển khai thực hiện Quyết định số ...")
        title = text[t0:t1].strip()
        if len(title.split()) < 3:
            continue
        kind = KIND_WORDS.get(diacritic_key(m.group("kind")), "Other")
        inst = Instrument(kind, None, None, iss, title)
        out.append(Mention(p, m.start(), t1, m.end(), inst, t0, t1, column))
        taken.append((m.start(), m.end() + e))

    # laws by name
    for m in _LAW.finditer(text) if "Luật" in text or "Bộ luật" in text else ():
        if not free(m.start(), m.end()):
            continue
        if text[max(0, m.start() - 5) : m.start()].lower().endswith("pháp "):
            continue
        rest = text[m.end() :]
        if diacritic_key(rest).startswith(("sửa đổi", "sửa đổi,")):
            e = m.end() + _amend_end(rest)
        else:
            e = _name_end(text, m.end())
            dated = re.search(
                rf"\s+ngày\s+\d|;|\.(?:\s|$)|(?<![\w])(?:{_KIND_ALT})\s", text[m.end() :]
            )
            if dated and dated.group(0).strip().startswith("ngày"):
                e = max(e, m.end() + dated.start())
        name = text[m.start() : e].strip(" ,")
        if len(name.split()) < 2 or diacritic_key(name) in ("luật này",):
            continue
        date, _, _, _ = _parse_tail(text, e, province)
        inst = Instrument("Luat", None, date, {"kind": "quoc_hoi", "scope": "national"}, name)
        full = e
        dm = _DATE_AFTER.match(text[e:])
        if dm:
            full = e + dm.end()
        out.append(Mention(p, m.start(), full, e, inst, m.start(), e, column))
        taken.append((m.start(), e))

    # named schemes and programmes
    for m in _NAMED.finditer(text) if any(k in text for k in _NAMED_KINDS) else ():
        if not free(m.start(), m.end()):
            continue
        rest = text[m.end() :]
        if _GENERIC_AFTER.match(rest):
            continue
        e = _name_end(text, m.end())
        name = text[m.start() : e].strip(" ,")
        if len(name.split()) < 3 or _FOLDED_INTO.match(text[e:]):
            continue
        first = diacritic_key(" ".join(name.split()[2:5]))
        if re.search(r"\b(?:tham mưu|báo cáo|gửi|trình|chủ trì|phối hợp|đề xuất)\b", first):
            continue
        kind = KIND_WORDS.get(diacritic_key(m.group("kind")), "Other")
        inst = Instrument(kind, None, None, None, name)
        out.append(Mention(p, m.start(), e, e, inst, m.start(), e, column))
        taken.append((m.start(), e))

    out.sort(key=lambda x: x.start)
    return out


def _name_end_party(text: str, i: int) -> int:
    best = len(text)
    for rx in (r";", r"\.(?:\s|$)", r",", r"\s+(?:và|theo|để|nhằm|của)\s", r"\("):
        m = re.compile(rx).search(text, i)
        if m and m.start() < best:
            best = m.start()
    return best


def _amend_end(rest: str) -> int:
    m = re.search(r"\s+ngày\s+\d|;|\.(?:\s|$)", rest)
    return m.start() if m else len(rest)


# ---------------------------------------------------------------------------
# relations

_LEGAL_PARA = re.compile(r"^(?:[-–•+]\s*)?căn cứ\b")
_PROPOSED = re.compile(r"(?:theo\s+)?đề nghị của\b.*\btại\s*$")
_AMENDED = re.compile(r"(?:sửa đổi|bổ sung|thay thế)\b[^;]*\b(?:tại|bởi|theo)\s*$")
_CONFORM = re.compile(r"\b(?:đáp ứng|phù hợp|sát với|tương ứng)\b")
_PURPOSE = re.compile(r"\b(?:để|nhằm)\s+(?:tổ chức\s+)?(?:triển khai\s+)?thực hiện\b")
_CONTINUE = re.compile(r"\btiếp tục\s+(?:triển khai\s+)?(?:thực hiện|triển khai)\b")
_ORGANIZE = re.compile(r"^(?:[-–•+]\s*)?tổ chức\s+(?:triển khai\s+)?thực hiện\s*$")
_EFFECTIVE = re.compile(
    r"\bthực hiện\s+(?:có\s+)?hiệu quả\s+(?:các\s+)?(?:nghị quyết|chương trình|đề án|kế hoạch"
    r"|quyết định|chính sách)"
)
_REQUEST = re.compile(r"\btheo yêu cầu của\b[^;]*\btại\s*$")
_CONTRIBUTE = re.compile(r"\bgóp phần\s+(?:triển khai\s+)?thực hiện\b")
_THEO = re.compile(
    r"\b(?:theo|tại)\s+(?:đúng\s+)?(?:quy định\s+)?(?:(?:của|tại)\s+)?(?:tinh thần\s+)?"
    r"(?:hướng dẫn\s+(?:của|tại)\s+)?$"
)
_THEO_STRICT = re.compile(
    r"\btheo\s+(?:đúng\s+)?(?:quy định\s+)?(?:(?:của|tại)\s+)?(?:tinh thần\s+)?"
    r"(?:hướng dẫn\s+(?:của|tại)\s+)?$"
)
_INITIAL_IMPL = re.compile(
    r"^(?:[-–•+]\s*)?(?:[a-zđ]\)\s*)?(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai"
    r"|cụ thể hóa)\s+(?:có\s+)?(?:hiệu quả\s+)?(?:(?:các\s+)?(?:mục tiêu|nội dung|nhiệm vụ"
    r"|giải pháp)[\s,]*)*(?:(?:theo|tại|của)\s+)?$"
)
_PLAN_IMPL = re.compile(r"\bkế hoạch\s+(?:này\s+)?(?:triển khai\s+)?thực hiện\s*$")
_CHAIN_IMPL = re.compile(r"(?:triển khai|thực hiện|cụ thể hóa)\b[^;]*$")
_COORD = re.compile(r"^[\s,;]*(?:và|hoặc|cùng)?[\s,;]*(?:các\s+)?$")


def _sentence_start(text: str, i: int) -> int:
    best = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ“\"(])", text[:i]):
        if not re.search(r"(?:TP|\d)\.$", text[: m.start()]):
            best = m.end()
    return best


def _classify(ctx: str, sentence: str, legal: bool, column: str | None) -> str | None:
    """Relation of self to a mention given the words before it (folded)."""
    c = ctx.rstrip()
    if legal:
        return "legal_basis"
    if _SELF_REF.search(c):
        return None
    if _PROPOSED.search(c):
        return "proposed_by"
    if _CONFORM.search(c):
        return "mentions"
    if _PURPOSE.search(c):
        return "mentions"
    if _CONTINUE.search(c):
        return "applies"
    if _ORGANIZE.match(sentence.rstrip()):
        return "applies"
    if _EFFECTIVE.search(c):
        return "applies"
    if _REQUEST.search(c):
        return "implements"
    if _CONTRIBUTE.search(c):
        return "implements"
    if _PLAN_IMPL.search(c):
        return "implements"
    if _INITIAL_IMPL.match(sentence):
        return "implements"
    if _THEO_STRICT.search(c + " "):
        return "applies"
    if column is not None:
        return "applies"
    return "mentions"


def _chain_relation(gap: str) -> str:
    g = gap.rstrip()
    if _AMENDED.search(g):
        return "amended_by"
    if _REQUEST.search(g):
        return "implements"
    if re.search(r"\btheo\s*$", g) or _THEO_STRICT.search(g + " "):
        return "applies"
    if _CHAIN_IMPL.search(g):
        return "implements"
    return "mentions"


# ---------------------------------------------------------------------------
# identity


def _name_words(title: str) -> list[str]:
    return _words(title)


def _carried_names(title: str) -> list[list[str]]:
    """Named instruments inside a title: "phê duyệt Chương trình X" -> [X words]."""
    out: list[list[str]] = []
    for m in re.finditer(r"(?:Chương trình|Đề án|Kế hoạch|Chiến lược|Quy hoạch)\s+", title):
        kind_word = _words(m.group(0))
        rest = title[m.end() :].strip("“”\"' ")
        out.append(kind_word + _words(rest))
    return out


def _same_name(a: list[str], b: list[str]) -> bool:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    shorter = min(len(a), len(b))
    return n >= 8 or (n == shorter and n >= 4)


class _Registry:
    def __init__(self) -> None:
        self.items: list[Instrument] = []
        self.by_number: dict[str, Instrument] = {}

    def add(self, inst: Instrument) -> Instrument:
        if inst.number:
            key = normalize_number(inst.number)
            old = self.by_number.get(key)
            if old is not None:
                _merge(old, inst)
                return old
            self.by_number[key] = inst
            self.items.append(inst)
            return inst
        name = _name_words(inst.title or "")
        own = [name, *inst.names]
        # a named programme / scheme carried by a numbered instrument
        for other in self.items:
            if other.number and inst.kind in ("ChuongTrinh", "DeAn", "KeHoach", "ChienLuoc"):
                for carried in other.names:
                    if any(_same_name(n, carried) for n in own):
                        return other
        for other in self.items:
            if (
                other.number is None
                and other.kind == inst.kind
                and _same_name(name, _name_words(other.title or ""))
                and not (inst.issuer and other.issuer and inst.issuer != other.issuer)
            ):
                _merge(other, inst)
                return other
        self.items.append(inst)
        return inst


def _merge(old: Instrument, new: Instrument) -> None:
    if old.date is None and new.date is not None:
        old.date = new.date
    if new.issuer is not None and old.issuer is None:
        old.issuer = new.issuer
    if not old.title and new.title:
        old.title = new.title
        old.names = _carried_names(new.title)


# ---------------------------------------------------------------------------
# main


def _legal_section(sec: Section | None) -> bool:
    node = sec
    while node is not None:
        h = diacritic_key(node.heading)
        if "căn cứ" in h:
            return "thực tiễn" not in h
        node = node.parent
    return False


def _section_of(doc: Doc, p: Paragraph) -> Section | None:
    best: Section | None = None
    for s in doc.sections():
        if p in s.paragraphs:
            return s
    return best


def extract_citations(doc: Doc, document: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The citations of ``doc`` in the gold form (with ``_span`` provenance)."""
    province = None
    if document and isinstance(document.get("issuer"), dict):
        province = document["issuer"].get("scope") or document.get("place")
    elif document:
        province = document.get("place")

    paras = _citing_paragraphs(doc)
    sec_of: dict[int, Section | None] = {}
    for s in doc.sections():
        for p in s.paragraphs:
            sec_of[id(p)] = s

    # -- pass 1: scan numbered/named mentions -----------------------------------
    scanned: list[tuple[Paragraph, list[Mention], str | None]] = []
    for p, column in paras:
        ms = _scan_paragraph(p, province, column)
        intro = _list_intro(p, sec_of.get(id(p)))
        if not ms and intro is not None:
            item = _list_item(p, intro[0], column)
            if item is not None:
                ms = [item]
        scanned.append((p, ms, column))

    # chains and title extents
    for p, ms, _ in scanned:
        _link_chains(p, ms)

    # aliases ("sau đây viết tắt là X")
    aliases: dict[str, Instrument | None] = {}
    registry = _Registry()
    for _, ms, _ in scanned:
        for m in ms:
            if m.inst is None:
                continue
            if m.inst.number:
                title = m.para.text[m.title_start or m.end : m.title_end or m.end].strip(" ,")
                m.inst.title = _clean_title(title) or None
                m.inst.names = _carried_names(m.inst.title or "")
    # numbered first so that names resolve to them
    for _, ms, _ in scanned:
        for m in ms:
            if m.inst is not None and m.inst.number:
                m.inst = registry.add(m.inst)
    for _, ms, _ in scanned:
        for m in ms:
            if m.inst is not None and not m.inst.number:
                m.inst = registry.add(m.inst)

    for p, ms, _ in scanned:
        for am in _ALIAS.finditer(p.text):
            alias = am.group("alias").strip(" *_")
            alias = re.sub(r"^(?:là\s+)", "", alias)
            before = [m for m in ms if m.parent is None and m.start < am.start()]
            target: Instrument | None = None
            if before:
                last = before[-1]
                gap = p.text[last.core_end : am.start()]
                if len(gap) < 400 and not re.search(r"ban hành\s+kế hoạch", diacritic_key(gap)):
                    target = last.inst
            aliases[alias] = target
            # cut a title that ran into the alias definition
            for m in ms:
                if (
                    m.title_end is not None
                    and m.title_start is not None
                    and m.title_start < am.start() < m.title_end
                ):
                    m.title_end = am.start()

    # alias mentions (a paragraph without an alias's text cannot match its pattern)
    by_length = sorted(aliases.items(), key=lambda kv: -len(kv[0]))
    for i, (p, ms, column) in enumerate(scanned):
        extra: list[Mention] = []
        for alias, inst in by_length:
            if inst is None or alias not in p.text:
                continue
            for am in re.finditer(rf"(?<![\w]){re.escape(alias)}(?![\w])", p.text):
                a, b = am.span()
                if any(m.start <= a < max(m.end, m.core_end) for m in ms + extra):
                    continue
                if re.match(r"\s*\)", p.text[b:]) or re.search(r"là\s*$", p.text[:a]):
                    continue
                extra.append(Mention(p, a, b, b, inst, None, None, column))
        if extra:
            ms.extend(extra)
            ms.sort(key=lambda x: x.start)
            scanned[i] = (p, ms, column)

    # -- pass 2: relations ------------------------------------------------------
    triples: list[tuple[str, str, Instrument, Mention, str]] = []  # subj, rel, inst, m, evidence
    prev_table = ""
    for p, ms, column in scanned:
        legal_sec = _legal_section(sec_of.get(id(p)))
        intro = _list_intro(p, sec_of.get(id(p)))
        prev_top: Mention | None = None
        for m in ms:
            if m.inst is None or m.skip:
                continue
            if m.parent is not None:
                continue
            text = p.text
            if p.kind == "table" and _repeated(prev_table + "\n" + text, m, len(prev_table) + 1):
                continue
            s0 = _sentence_start(text, m.start)
            sentence = diacritic_key(text[s0 : m.start])
            same_sentence = prev_top is not None and s0 <= prev_top.start
            clause_from = s0
            if same_sentence and prev_top is not None and prev_top.end <= m.start:
                clause_from = prev_top.end
            ctx = diacritic_key(text[clause_from : m.start])
            legal = legal_sec or bool(_LEGAL_PARA.match(diacritic_key(text[s0:])))
            m.evidence_start = clause_from
            chained = _AMENDED.search(ctx.rstrip()) or _REQUEST.search(ctx.rstrip())
            if same_sentence and prev_top is not None and ";" not in ctx and chained:
                m.parent = prev_top
                m.chain_rel = "amended_by" if _AMENDED.search(ctx.rstrip()) else "implements"
                m.evidence_start = prev_top.start
                continue
            seg_from = max(clause_from, text.rfind(";", 0, m.start) + 1)
            seg = diacritic_key(text[seg_from : m.start])
            if (
                same_sentence
                and prev_top is not None
                and prev_top.relation is not None
                and _COORD.match(seg)
                and not legal
            ):
                rel: str | None = prev_top.relation
            else:
                rel = _classify(ctx, sentence, legal, column)
                if rel == "mentions" and intro is not None and s0 == 0:
                    rel = intro[1]
            m.relation = rel
            prev_top = m
            if rel is None:
                continue
            triples.append(("self", rel, m.inst, m, _evidence(text, m)))
        # chains
        for m in ms:
            if m.parent is None or m.inst is None or m.parent.inst is None:
                continue
            rel = m.chain_rel or "mentions"
            triples.append(("@", rel, m.inst, m, _evidence(p.text, m, m.parent)))
        prev_table = p.text if p.kind == "table" else ""
    # amending laws: "Luật sửa đổi, bổ sung ... của Luật A và Luật B" amends A and B
    for p, ms, _ in scanned:
        for m in ms:
            if m.inst is None or m.inst.kind != "Luat":
                continue
            t = m.inst.title or ""
            if not diacritic_key(t).startswith("luật sửa đổi"):
                continue
            for other in registry.items:
                if other is m.inst or other.kind != "Luat" or not other.title:
                    continue
                if diacritic_key(other.title) in diacritic_key(t) and other.date != m.inst.date:
                    cited = any(x[2] is other and x[0] == "self" for x in triples)
                    if cited:
                        triples.append(
                            (f"#{id(other)}", "amended_by", m.inst, m, _evidence(p.text, m))
                        )

    return _assemble(triples, doc)


_KIND_PREFIX = {"ChuongTrinh": "Chương trình", "DeAn": "Đề án", "KeHoach": "Kế hoạch"}


def _list_item(p: Paragraph, kind: str, column: str | None) -> Mention | None:
    """A bare list item naming an instrument ("- Đổi mới công nghệ quốc gia;")."""
    m = re.match(r"^[-–•+]\s*(?P<name>[^;:]+?)\s*[;.]?\s*$", p.text)
    if m is None or kind not in _KIND_PREFIX:
        return None
    name = m.group("name")
    if re.match(r"^(?:các|những|và)\b", diacritic_key(name)) or len(name.split()) < 2:
        return None
    inst = Instrument(kind, None, None, None, name)
    inst.names = [_words(_KIND_PREFIX[kind] + " " + name)]
    a, b = m.span("name")
    return Mention(p, a, b, b, inst, a, b, column)


def _repeated(text: str, m: Mention, shift: int = 0) -> bool:
    """A garbled table cell repeating an earlier citation phrase verbatim."""
    a, b = m.start + shift, min(len(text), m.core_end + shift + 40)
    frag = text[a:b]
    return len(frag) > 30 and text.find(frag) < a


def _list_intro(p: Paragraph, sec: Section | None) -> tuple[str, str] | None:
    """For an item of a list introduced by "... như:": (kind code, relation of the list)."""
    if sec is None or sec.style not in ("dash", "plus") or sec.parent is None:
        return None
    if p is not sec.heading_paragraph:
        return None
    head = sec.parent.paragraphs[-1].text if sec.parent.paragraphs else ""
    fh = diacritic_key(head)
    if not re.search(r"như\s*:\s*$", fh):
        return None
    km = re.search(r"\b(chương trình|đề án|kế hoạch|nghị quyết|quyết định)\b", fh)
    if km is None:
        return None
    kind = KIND_WORDS.get(km.group(1), "Other")
    s0 = 0
    rel = _classify(fh, fh, False, None) if fh else "mentions"
    del s0
    return kind, rel or "mentions"


def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip(" ,;:.")
    t = re.sub(r"^(?:về việc|về)\s+", "", t)
    return t.strip("*_ ")


def _evidence(text: str, m: Mention, parent: Mention | None = None) -> str:
    s = parent.start if parent is not None else (m.evidence_start or m.start)
    e = m.core_end
    tail = _DATE_AFTER.match(text[e:])
    if tail:
        e += tail.end()
    return re.sub(r"\s+", " ", text[s:e]).strip(" ,;:-")


def _link_chains(p: Paragraph, ms: list[Mention]) -> None:
    """Numbered mentions inside another's title are chained to it; titles are cut at
    coordinated mentions ("A ...; B" / "A ... và B")."""
    text = p.text
    for i, m in enumerate(ms):
        if m.title_start is None or m.title_end is None:
            continue
        for n in ms[i + 1 :]:
            if n.start >= m.title_end:
                break
            if n.start < m.title_start:
                continue
            gap = text[m.title_start : n.start]
            tail = diacritic_key(text[max(m.title_start, n.start - 12) : n.start])
            coord = re.search(r"(?:^|[\s,;])(?:và|hoặc)\s*$|[;,]\s*$", tail)
            if _COORD.match(diacritic_key(gap)) or (coord and not _chain_gap(gap)):
                m.title_end = n.start
                # trim the connector
                while m.title_end > m.title_start and text[m.title_end - 1] in " ,;":
                    m.title_end -= 1
                if diacritic_key(text[m.title_start : m.title_end]).endswith(" và"):
                    m.title_end -= 3
                m.end = m.title_end
                break
            if n.inst is not None and n.inst.number:
                n.parent = m
                n.chain_rel = _chain_relation(diacritic_key(text[m.core_end : n.start]))
            else:
                n.skip = True
                n.inst = None


def _chain_gap(gap: str) -> bool:
    g = diacritic_key(gap)
    return bool(
        re.search(r"(?:triển khai|thực hiện|theo|tại|sửa đổi)\b[^;]*$", g)
    ) and not re.search(r"[;]", g)


def _citing_paragraphs(doc: Doc) -> list[tuple[Paragraph, str | None]]:
    out: list[tuple[Paragraph, str | None]] = []
    table_cols: dict[int, str] = {}
    for table in doc.tables:
        for k, cell in enumerate(table.header):
            h = diacritic_key(cell.text)
            if "cơ sở" in h or "căn cứ" in h:
                table_cols[id(table)] = str(k)
    header_ids = {id(p) for p in doc.header}
    for p in doc.paragraphs:
        if p.kind in ("furniture", "recipients", "signature"):
            continue
        t = p.text
        if id(p) in header_ids and (
            re.match(r"^(?:Số|SỐ)\s*(?:hiệu\s*)?(?::|\d)", t)
            or re.search(r"ngày\s*\d*\s*tháng", t[:60])
            or t.isupper()
        ):
            continue
        out.append((p, _table_column(doc, p, table_cols)))
    return out


def _table_column(doc: Doc, p: Paragraph, cols: dict[int, str]) -> str | None:
    if p.kind != "table":
        return None
    for t in doc.tables:
        if t.start <= p.start <= t.end and id(t) in cols:
            return "basis"
    return None


def _assemble(
    triples: list[tuple[str, str, Instrument, Mention, str]], doc: Doc
) -> list[dict[str, Any]]:
    # ids of (self, *, inst) citations for chain subjects
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    first_id: dict[int, str] = {}
    specific: set[tuple[str, str]] = set()

    def subj_of(s: str, m: Mention) -> str | None:
        if s == "self":
            return "self"
        if s == "@":
            parent = m.parent
            if parent is None or parent.inst is None:
                return None
            return first_id.get(id(parent.inst))
        if s.startswith("#"):
            return first_id.get(int(s[1:]))
        return None

    # first pass: specific relations (self ones first so chain subjects exist)
    ordered = sorted(
        range(len(triples)),
        key=lambda k: (triples[k][0] != "self", k),
    )
    pending_mentions: list[int] = []
    for k in ordered:
        s, rel, inst, m, ev = triples[k]
        if rel == "mentions":
            pending_mentions.append(k)
            continue
        subj = subj_of(s, m)
        if subj is None:
            continue
        key = (subj, rel, _ikey(inst))
        if key in seen:
            continue
        seen.add(key)
        specific.add((subj, _ikey(inst)))
        cid = f"c{len(out) + 1}"
        if s == "self" and id(inst) not in first_id:
            first_id[id(inst)] = cid
        out.append(_item(cid, subj, rel, inst, m, ev))
    for k in pending_mentions:
        s, rel, inst, m, ev = triples[k]
        subj = subj_of(s, m)
        if subj is None:
            continue
        if (subj, _ikey(inst)) in specific:
            continue
        key = (subj, rel, _ikey(inst))
        if key in seen:
            continue
        seen.add(key)
        cid = f"c{len(out) + 1}"
        if s == "self" and id(inst) not in first_id:
            first_id[id(inst)] = cid
        out.append(_item(cid, subj, rel, inst, m, ev))
    # order by position in the text, keep ids stable in that order
    return _renumber(out)


def _ikey(inst: Instrument) -> str:
    if inst.number:
        return normalize_number(inst.number)
    return f"{inst.kind}|{ascii_key(inst.title or '')}|{id(inst)}"


def _item(cid: str, subj: str, rel: str, inst: Instrument, m: Mention, ev: str) -> dict[str, Any]:
    s, e = m.para.span_of(m.evidence_start if m.evidence_start is not None else m.start, m.core_end)
    return {
        "id": cid,
        "subject": subj,
        "relation": rel,
        "target": inst.target(),
        "evidence": ev,
        "_span": [s, e],
    }


def _renumber(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = sorted(range(len(items)), key=lambda k: (items[k]["_span"][0], k))
    mapping: dict[str, str] = {}
    out: list[dict[str, Any]] = []
    for new, k in enumerate(order, start=1):
        mapping[items[k]["id"]] = f"c{new}"
    for k in order:
        it = dict(items[k])
        it["id"] = mapping[it["id"]]
        if it["subject"] != "self":
            it["subject"] = mapping.get(it["subject"], it["subject"])
        it["target"] = dict(it["target"])
        out.append(it)
    return out
