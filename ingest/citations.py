"""Citations: every instrument a document refers to, with its relation to the document.

``extract_citations(doc, document) -> list[dict]`` gives the gold "citations" list of
SCHEMA.md (``id``, ``subject``, ``relation``, ``target``, ``evidence``, ``_span``).

The reading runs in separate steps, each a small set of rules of Vietnamese
administrative writing (no rule names a file, a province or a number):

1. **Units.** Every paragraph that can cite (not page furniture, "Nơi nhận" or the
   signature), with the document's own "Số:" and place-date line blanked out. A line set
   in capitals (a title: "KẾ HOẠCH TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 11-CT/TU") is read in
   lower case, its numbers kept as printed. Each unit knows its zone (:class:`_Zoner`):
   the title block (also a letter's "V/v ..." line, the body of "Điều 1", the kind line and
   title of an attached plan, a title set over two lines), the preamble (before "QUYẾT
   ĐỊNH:", "Điều 1", "I."; also the opening of an attached plan), the purpose section, or
   the body; a blank form of an appendix ("Mẫu số 01") is never cited from.
2. **Mentions** (:func:`_scan`). Numbered instruments ("Quyết định số 1322/QĐ-TTg",
   "Nghị định 69/2009/NĐ-CP", "Chỉ thị số 49-CT /TW", "văn bản số 3374/ BKHCN- CNCNTT",
   the bare "số 547/QĐ-LĐTBXH" of an enumeration); laws, codes and ordinances by name
   ("Luật Đất đai ngày 29 tháng 11 năm 2013", "Luật Khoáng sản năm 2010", "Luật Xây dựng
   số 50/2014/QH13", "Pháp lệnh Ưu đãi người có công với cách mạng"); party congress
   resolutions ("Nghị quyết Đại hội XIII", "Nghị quyết Trung ương 4 khóa XII"); unnumbered
   instruments with a stated issuer ("Kế hoạch của UBND tỉnh ...
   triển khai ...", "Nghị quyết của Quốc hội về ..."); named programmes, schemes,
   strategies, plans and master plans ("Đề án tổng kiểm kê tài nguyên nước quốc gia",
   'Đề án "Phát triển văn hóa đọc ..."');
   short names ("Đề án 06", "Chỉ thị 18"); names defined in the text ("(sau đây gọi tắt
   là Nghị quyết 02)"). After each mention: its date, issuer ("của Thủ tướng Chính phủ";
   else from the number's symbol, :func:`issuer_from_number`) and title. Numbers are
   read as meant: spaces dropped, a missing hyphen restored ("QĐTTg" -> "QĐ-TTg"), a law
   number without its symbol completed ("64/2025" -> "64/2025/QH15").
3. **Structure.** An instrument named inside another's title is chained to it: "hướng dẫn
   thi hành / quy định chi tiết / thực hiện X" -> the outer one ``implements`` X; "sửa
   đổi, bổ sung X" -> X ``amended_by`` the outer one; "theo X" -> ``applies``. "X (đã
   được sửa đổi, bổ sung bởi Y)" and "X được sửa đổi, bổ sung tại Y" -> X ``amended_by``
   Y, and Y takes X's relation to the document. An amending law names the laws it amends
   ("Luật sửa đổi, bổ sung một số điều của Luật A và Luật B").
   Otherwise instruments side by side ("A; B và C") are a list sharing one relation.
4. **Identity** (:class:`_Registry`). One instrument per number (a number printed with or
   without its kind symbol, "118/TTg" and "118/QĐ-TTg", is one); a law or named
   programme by its name (abbreviations such as "BVMT" match "Bảo vệ môi trường"), a
   dated mention lending its date to undated ones; a programme or scheme named in the
   title of a numbered decision ("phê duyệt Đề án X") is that decision, and so is a later
   reference without its period ("Quy hoạch tỉnh X"); a short name
   ("Nghị quyết 02") is the numbered instrument it abbreviates.
5. **Relations** (:func:`_classify`), from the words before the mention in its clause:
   ``legal_basis`` ("Căn cứ" in the preamble or a "Căn cứ pháp lý" section),
   ``proposed_by`` ("Theo / Xét đề nghị của ... tại Tờ trình số ..., văn bản số ..."),
   ``implements`` ("Thực hiện / Triển khai / Cụ thể hóa X" in the title or preamble, "góp
   phần thực hiện", "Kế hoạch / Chương trình hành động thực hiện X", the opening of a
   report), ``applies`` ("theo (quy định của / tại) X", "Tiếp tục thực hiện", "thực hiện X"
   as a task of the body, "đáp ứng yêu cầu tại", "phù hợp với" when nothing more specific
   is known, "thuộc / từ Chương trình X", "đẩy mạnh thực hiện X"), else ``mentions``
   (also "Sau 5 năm thực hiện X", looking back, and a law whose detailing texts are to be
   drafted). A report (Báo cáo) only
   mentions what it recounts. Replacement by this document ("Quyết định này ... thay thế
   X", "Bãi bỏ X", "X hết hiệu lực kể từ ngày Thông tư này có hiệu lực") gives a
   ``mentions`` and X ``replaced_by`` the document. Instruments still to be drafted
   ("xây dựng Đề án ...", "trình ban hành ...", "ngay sau khi được phê duyệt") and
   generic references ("các văn bản hướng dẫn", "Đề án này") are not citations.
6. **Assembly.** One citation per distinct (subject, relation, target); ``mentions`` only
   when the pair has no specific relation; ids in text order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.citation_vocab import (
    KIND_BY_SYMBOL,
    KIND_CODES,
    KIND_RX,
    LAW_NAMES,
    NUMBER,
    SYMBOL_ISSUER,
    canon_number,
    is_party,
    iso_date,
    issuer_from_number,
    kind_from_symbol,
    law_number,
    normalize_number,
    target_key,
)
from policykg.ingest.reading import ascii_key, diacritic_key
from policykg.ingest.text import Doc, Paragraph, Section

__all__ = ["extract_citations", "issuer_from_number", "normalize_number", "target_key"]


# ---------------------------------------------------------------------------
# patterns


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_LEAD_SO = re.compile(r"(?:số|số hiệu|s[ốo])\s*:?\s*$")
_KIND_BEFORE = re.compile(rf"(?<![\w])(?P<kind>{KIND_RX})\s*(?:số\s*|số hiệu\s*|so\s+)?:?\s*$")
_NOT_INSTRUMENT_BEFORE = re.compile(
    r"(?:mẫu|biểu|biểu mẫu|phụ lục|mục|ký hiệu|tiêu chuẩn|tcvn|qcvn|hồ sơ|giấy phép|giấy"
    r" chứng nhận|tài khoản|điện thoại|fax|lô|thửa|tờ bản đồ|quyển|tập|trang|ô|phòng)"
    r"\s*(?:số\s*)?:?\s*$"
)
#: a date given before the instrument it is the date of ("Ngày 30/6/2024, Chính phủ ban hành")
_DATE_BEFORE = re.compile(
    r"\bngày\s+(?P<d>\d{1,2})\s*(?:/|-|tháng)\s*(?P<m>\d{1,2})\s*(?:/|-|năm)\s*"
    r"(?P<y>(?:19|20)\d\d)\s*,?\s*(?:[^,;.\d]{0,60}?\s)?(?:đã\s+)?(?:ký\s+)?(?:ban hành"
    r"|phê duyệt|thông qua)\s*$"
)
_DATE_AFTER = re.compile(
    r"\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày"
    r"|ngầy)\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})"
    r"\s*[/.-]\s*(?P<y>(?:19|20)\d\d)|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+"
    r"(?P<y2>(?:19|20)\d\d))"
)
_YEAR_AFTER = re.compile(r"\s*(?:,\s*)?(?:năm\s+|\(\s*(?=\d{4}\s*\)))(?P<y>(?:19|20)\d\d)\)?(?!\d)")
_BARE_YEAR_AFTER = re.compile(r"\s+(?P<y>(?:19|20)\d\d)(?![\d/])")
_OF = re.compile(r"\s*,?\s*của\s+(?:liên\s+)?")
_TERM = re.compile(r"\s*,?\s*(?:khóa|khoá|nhiệm kỳ)\s+[IVXLC\d]+\b", re.IGNORECASE)
_TITLE_LEAD = re.compile(r"\s*,?\s*(?:về việc|v/v|về|:)\s+", re.IGNORECASE)
_TITLE_STOP = re.compile(
    r";|\.(?:\s|$)|\s(?=(?:Xét|Theo) đề nghị\b|Căn cứ\s|Thực hiện\s)|\s(?:thì|nhưng)\s"
    r"|\s*\(\s*(?:sau đây|gọi tắt|viết tắt|đã được|được sửa|sửa đổi|gọi là)"
    r"|,?\s*(?:đã\s+)?được\s+sửa\s+đổi|\s+hết\s+hiệu\s+lực"
    r"|,\s*(?:với|cụ thể|như sau|trong đó|nhằm|để|theo đó|đồng thời)\b"
    r"|\s+với\s+(?:các\s+)?nội dung|:\s|\s-\s(?=[A-ZĐ])|\s\|\s|\t"
)
#: words that cannot start a title (a new clause follows the instrument)
_NO_TITLE = re.compile(
    r"(?:và|hoặc|cùng|của|tại|theo|thì|nhưng|mà|là|được|đã|đang|sẽ|để|nhằm|trong|khi|nếu"
    r"|gắn với|gắn liền|kết hợp|đồng thời|hết hiệu lực|có hiệu lực|bị|sẽ|đều|tiếp tục)\b|[,;)]"
    r"|(?:số|số hiệu)\s*\d"
)
_ALIAS = re.compile(
    r"\(\s*(?:sau đây\s+)?(?:được\s+)?(?:viết tắt|gọi tắt|gọi chung|gọi)\s*(?:là)?\s*"
    r"[“\"]?(?P<alias>[^()“”\"]{2,60}?)[”\"]?\s*\)"
)
_LAW = re.compile(r"(?<![\w])(?P<kw>Bộ [Ll]uật|Luật|Pháp lệnh)\s+(?=\S)")
_PARTY = re.compile(
    r"(?<![\w])[Nn]ghị quyết\s+(?P<name>(?:Đại hội|Hội nghị|Ban Chấp hành|Ban Thường vụ)\b"
    r"|Trung ương\s+(?:\d{1,2}|[IVX]{1,5})\b)"
)
_OF_ISSUER = re.compile(
    r"(?<![\w])(?P<kind>[Kk]ế hoạch|[Nn]ghị quyết|[Qq]uyết định|[Đđ]ề án|[Cc]hương trình"
    r"|[Cc]hỉ thị)\s+của\s+"
)
_NAMED = re.compile(
    r"(?<![\w“\"'])(?P<kind>[Đđ]ề án|[Cc]hương trình|[Cc]hiến lược|[Kk]ế hoạch|[Qq]uy hoạch"
    r"|Thỏa thuận|Thoả thuận|Tuyên bố|Hiệp định|Công ước)\s+(?=\S)"
)
_SHORT = re.compile(
    r"(?<![\w])(?P<kind>[Đđ]ề án|[Cc]hỉ thị|[Nn]ghị quyết|[Qq]uyết định|[Cc]hương trình"
    r"|[Kk]ết luận|[Nn]ghị định|[Kk]ế hoạch)\s+(?P<n>\d{1,3})"
    r"(?![\d/\w,-]|\.\d|\s*(?:năm|tháng|ngày|%|/))"
)

#: words that cannot continue a name after a comma (they start a new clause)
_NAME_STOP = re.compile(
    r"(?:các|những|và|hoặc|cũng|đã|đang|sẽ|được|bị|là|có|không|theo|tại|của|để|nhằm|trong|với"
    r"|về|từ|cho|khi|do|nếu|thì|mà|như|này|đó|trên|sau|trước|đến|bảo đảm|đảm bảo|tránh"
    r"|thực hiện|triển khai|tổ chức|xây dựng|ban hành|hướng dẫn|quy định|phối hợp|nâng cao"
    r"|tăng cường|góp phần|phù hợp|kịp thời|hiệu quả|đồng thời|gồm|bao gồm|cụ thể|nhất là"
    r"|đặc biệt|trình|kiến nghị|đề xuất|rà soát|sửa đổi|bổ sung|hoàn thiện|thẩm tra|tiếp tục"
    r"|chủ trì|giúp|bố trí|quản lý|sử dụng)\b"
)
#: verbs that end a law's name ("Luật Giá thực hiện ...", "Luật Đất đai quy định ...")
_LAW_VERB_STOP = re.compile(
    r"(?:thực hiện|triển khai|tổ chức thực|ban hành|hướng dẫn|quy định|bảo đảm|đảm bảo|sửa đổi"
    r"|bổ sung|hoàn thiện|rà soát|đề xuất|kiến nghị|trình|thay thế|được|đã|chưa|cần|phải)\b"
)
#: words that end a programme's name ("Kế hoạch đề ra trong ...", "... ngay sau khi ...")
_NAMED_STOP_WORDS = _wordset("đề đến cho là có do khi nay này ngay phạm như bao gồm bằng mà nhưng")
#: words that end a law's name ("Luật Đất đai hiện hành", "Luật X về ...")
_LAW_STOP_WORDS = _wordset(
    "về trong đối với do khi cho là có nay này mới hiện quy hướng trình chưa đến trên sau"
    " trước vào từ nêu cũng phải cần gồm"
)
#: words after which a name does not go on past a comma
_FUNCTION_WORDS = _wordset("theo của tại để nhằm được đã đang sẽ thì và hoặc trong với về")


# ---------------------------------------------------------------------------
# model


@dataclass
class Instrument:
    kind: str
    number: str | None
    date: str | None = None
    issuer: dict[str, str] | None = None
    title: str | None = None
    names: list[list[str]] = field(default_factory=list)  # named instruments its title carries
    word_kind: str | None = None  # the kind its kind word says (for numbers with a typo)
    short: bool = False  # a short name ("Đề án 06"): never lends its name
    pending: bool = False  # the document says it is still to be drafted or approved

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
    unit: _Unit
    start: int  # offsets into unit.text
    core_end: int  # end of number / name
    end: int  # end of number/name, date, issuer and title
    inst: Instrument | None
    title_start: int | None = None
    title_end: int | None = None
    named: bool = False  # an unnumbered instrument found by its name
    listed: bool = False  # a bare item of a list of instruments
    party: bool = False  # a party congress resolution ("Nghị quyết Đại hội XIII của Đảng")
    law: bool = False  # a law, code or ordinance by name
    parent: Mention | None = None  # the mention whose title holds this one
    chain_rel: str | None = None  # parent -> self relation ("implements", "applies", ...)
    amends: bool = False  # this one is amended by the parent ("sửa đổi ... X")
    amended: Mention | None = None  # "X (đã được sửa đổi bởi Y)": on Y, the X it amends
    relation: str | None = None
    evidence_start: int | None = None
    lead_start: int | None = None  # read the relation from here (a programme named before it)
    bare: bool = False  # "số N" with no kind word (an item of an enumeration)
    folded_via: str | None = None  # "theo" / "tại": how the programme was tied to this one
    folded_name: list[str] | None = None  # the programme's name, which this decision carries
    skip: bool = False


@dataclass
class _Unit:
    para: Paragraph
    text: str  # the paragraph text, own number/date blanked, capitals lowered
    low: str  # diacritic_key(text)
    zone: str  # "title", "preamble", "body"
    column: str | None = None  # "basis" for the legal-basis column of a table
    intro: str | None = None  # the list intro ("... như:", "... sau:") this item belongs to
    legal_section: bool = False
    report_opening: bool = False


# ---------------------------------------------------------------------------
# keys and numbers


def _words(s: str) -> list[str]:
    return [w for w in re.findall(r"[\w&]+", ascii_key(s)) if w not in ("va",)]


# ---------------------------------------------------------------------------
# issuers named in the text

_PARTY_ISSUERS = (
    (r"bộ chính trị", "bo_chinh_tri"),
    (r"ban bí thư", "ban_bi_thu"),
    (r"ban chấp hành trung ương", "bch_tw"),
    (r"ban thường vụ tỉnh ủy|tỉnh ủy|ban thường vụ thành ủy|thành ủy", "tinh_uy"),
)
_FALLBACK = (
    (r"thủ tướng chính phủ|thủ tướng", "thu_tuong", "national"),
    (r"chính phủ", "chinh_phu", "national"),
    (r"ủy ban thường vụ quốc hội|ubtvqh", "ubtvqh", "national"),
    (r"quốc hội", "quoc_hoi", "national"),
    (r"(?:chủ tịch )?(?:ủy ban nhân dân|ubnd) (?:tỉnh|thành phố)", "ubnd_tinh", None),
    (r"(?:hội đồng nhân dân|hđnd) (?:tỉnh|thành phố)", "hdnd_tinh", None),
    (r"(?:bộ trưởng )?bộ tài chính", "bo_tc", "national"),
    (r"(?:bộ trưởng )?bộ khoa học và công nghệ", "bo_khcn", "national"),
)
_HEAD_TITLES = (
    "",
    "chủ tịch",
    "bộ trưởng",
    "giám đốc",
    "thủ trưởng",
    "tổng cục trưởng",
    "cục trưởng",
    "vụ trưởng",
    "bộ trưởng, chủ nhiệm",
    "chủ nhiệm",
    "liên",
    "liên bộ",
)


def _issuer_at(text: str, province: str | None) -> tuple[dict[str, str], int] | None:
    """The issuer named at the start of ``text`` (after "của"): (issuer, end offset)."""
    head = text[:140]
    fh = diacritic_key(head)
    for rx, kind in _PARTY_ISSUERS:
        pm = re.match(rf"(?:{rx})\b(?:\s+(?:trung ương|đảng|khóa [ivxlc]+))*", fh)
        if pm:
            scope = province or "" if kind == "tinh_uy" else "national"
            return {"kind": kind, "scope": scope}, pm.end()
    try:
        from policykg.ingest.agencies import find_agencies
    except ImportError:  # pragma: no cover
        return _issuer_fallback(head, province)
    found = find_agencies(head, province=province)
    if not found and not any(c.isupper() for c in head[:40]):
        # a line set in capitals was read in lower case: names are looked up capitalized
        found = find_agencies(head.title(), province=province)
    for m in found:
        if m.start > 30:
            break
        pre = diacritic_key(head[: m.start]).strip(" ,")
        if pre not in _HEAD_TITLES:
            continue
        iss: dict[str, str] = {"kind": m.kind, "scope": m.scope or province or ""}
        if m.kind == "other" and m.name:
            iss["name"] = m.name
        return iss, m.end
    return _issuer_fallback(head, province)


def _issuer_fallback(text: str, province: str | None) -> tuple[dict[str, str], int] | None:
    ft = diacritic_key(text)
    for rx, kind, scope in _FALLBACK:
        m = re.match(rx, ft)
        if m:
            return {"kind": kind, "scope": scope or province or ""}, m.end()
    ab = re.match(r"(?:liên\s+)?Bộ\s+(?P<sym>[A-ZĐ][A-ZĐ&]{2,})\b", text)
    if ab:
        hit = SYMBOL_ISSUER.get("B" + ab.group("sym")) or SYMBOL_ISSUER.get(ab.group("sym"))
        if hit is not None:
            return {"kind": hit[0], "scope": hit[1] or province or ""}, ab.end()
    body = _GENERIC_BODY.match(text)
    if body:
        provincial = body.group("head") == "Sở" or re.search(
            r"\b(?:tỉnh ủy|thành ủy|tỉnh)\b", diacritic_key(body.group())
        )  # "Sở Tài chính", "Văn phòng Tỉnh ủy": bodies of the province
        scope = province or "" if provincial else "national"
        return {"kind": "other", "scope": scope, "name": body.group().strip()}, body.end()
    return None


#: a body named by its head word and capitalized name ("Bộ Quốc phòng", "Bộ Tài nguyên và Môi
#: trường"), for issuers the agency register does not know
_GENERIC_BODY = re.compile(
    r"(?P<head>Bộ|Ủy ban|Uỷ ban|Tổng cục|Cục|Sở|Văn phòng|Ban)\s+[A-ZĐ][\w&]*(?:\s+[a-zđà-ỹ][\w]*)?"
    r"(?:\s*(?:và|-|–|,)\s*(?!Bộ\b|Ủy\b|Sở\b)[A-ZĐ][\w&]*(?:\s+[a-zđà-ỹ][\w]*)?)*"
)


# ---------------------------------------------------------------------------
# units


_OWN_NUMBER_LINE = re.compile(
    r"(?:^|\s|\|)(?:Số|SỐ|số)\s*(?:hiệu)?\s*:\s*[^\s|]*(?:\s?/\s?[^\s|]+)?"
)
_PLACE_DATE = re.compile(
    r"(?:^|\s|\|)[^\d,;|]{2,40},\s*ngày\s*[\d\s]*(?:tháng|/)\s*[\d\s]*(?:năm|/)\s*\d{0,4}"
)
_OPERATIVE = re.compile(
    r"^(?:quyết định|quyết nghị|chỉ thị|nghị quyết|ban hành)\s*:\s*$|^điều\s+1\b|^chương\s+i\b"
    r"|^phần\s+(?:i|1|thứ nhất)\b|^(?:i|1)\s*[.)/]\s+\S|^[ia]\)\s"
)
_OPERATIVE_WORD = re.compile(r"^(?:quyết định|quyết nghị)\s*:?\s*$")
_CAPS_WORD = re.compile(r"\S+")


def _mostly_upper(t: str) -> bool:
    """Set in capitals (leaving out a parenthesized note such as "(Ban hành kèm theo ...)")."""
    letters = [c for c in re.sub(r"\([^()]*\)", "", t) if c.isalpha()]
    if len(letters) < 12:
        return False
    return sum(1 for c in letters if c.isupper()) >= 0.8 * len(letters)


def _lower_caps(t: str) -> str:
    """A line set in capitals, lower-cased except the words holding a digit (numbers)."""
    return _CAPS_WORD.sub(
        lambda m: m.group() if re.search(r"\d", m.group()) else diacritic_key(m.group()), t
    )


def _blank(t: str, a: int, b: int) -> str:
    return t[:a] + " " * (b - a) + t[b:]


#: a line that starts a blank form of an appendix ("Mẫu số 01", "Biểu số 02/ĐK")
_FORM_START = re.compile(r"^(?:mẫu|biểu|biểu mẫu)(?:\s+số)?\s+[\w./-]{1,8}\s*(?:\(.*\))?$")
_STRUCTURE_START = re.compile(
    r"^\s*(?:[ivx]+|\d{1,2}|[a-zđ])\s*[.)/]\s|^\s*(?:phần|chương|điều|mục)\s+(?:[ivxlc]+|\d+)\b"
)
_KIND_LINE = re.compile(
    r"^\s*(?:quyết định|kế hoạch|nghị quyết|chỉ thị|thông tư|báo cáo|chương trình|đề án|tờ trình"
    r"|công văn|hướng dẫn)\b"
)


def _units(doc: Doc) -> list[_Unit]:
    """The citing units of a document with their zones (:class:`_Zoner`) and list intros."""
    sec_of: dict[int, Section] = {}
    for s in doc.sections():
        for p in s.paragraphs:
            sec_of[id(p)] = s
    basis_tables = [
        (table.start, table.end)
        for table in doc.tables
        if any(re.search(r"cơ sở|căn cứ", diacritic_key(c.text)) for c in table.header)
    ]
    zoner = _Zoner({id(p) for p in doc.header})
    units: list[_Unit] = []
    for p in doc.paragraphs:
        if p.kind in ("furniture", "recipients", "signature"):
            continue
        t, zone = zoner.read(p)
        if zone is None:
            continue
        sec = sec_of.get(id(p))
        if zone == "body" and _purpose_section(sec):
            zone = "purpose"
        column = None
        if p.kind == "table" and any(a <= p.start <= b for a, b in basis_tables):
            column = "basis"
        units.append(_Unit(p, t, diacritic_key(t), zone, column, None, _legal_section(sec)))
    # list items read with their intro ("... như:", "... sau:")
    intro: str | None = None
    item = re.compile(r"^(?:[-–•+*]|[a-zđ]\))\s")
    for u in units:
        lt = u.low.strip(" \t|")
        if item.match(lt) and intro is not None:
            u.intro = intro
        if lt.endswith(":") and len(lt) < 400:
            intro = lt
        elif not item.match(lt):
            intro = None
    return units


class _Zoner:
    """Reads paragraphs in order and says which zone each belongs to: the title block,
    the preamble (before "QUYẾT ĐỊNH:", "Điều 1", "I."; also the opening of an attached plan),
    the body, or a blank form of an appendix (``None``: never cited from)."""

    def __init__(self, header_ids: set[int]) -> None:
        self.header_ids = header_ids
        self.operative = self.seen_kind_line = self.seen_grounds = False
        self.attached = self.in_form = False
        self.article1 = 0  # paragraphs of Điều 1 still to read as its title
        self.last_zone: str | None = None

    def read(self, p: Paragraph) -> tuple[str, str | None]:
        t = p.text
        in_header = id(p) in self.header_ids
        if in_header and not self.operative:
            for rx in (_OWN_NUMBER_LINE, _PLACE_DATE):
                for m in rx.finditer(t):
                    t = _blank(t, m.start(), m.end())
        upper = _mostly_upper(t)
        if upper:
            t = _lower_caps(t)
        low = diacritic_key(t)
        stripped = low.strip(" \t|*-")
        first_upper = t.lstrip(" \t|*-")[:1].isupper()
        zone = self.zone(low, stripped, upper, in_header, p.kind == "table", first_upper)
        self.last_zone = zone
        return t, zone

    def zone(
        self, low: str, stripped: str, upper: bool, in_header: bool, table: bool, first_upper: bool
    ) -> str | None:
        if _FORM_START.match(stripped):
            self.in_form = True
        elif self.in_form and re.match(r"^phụ lục\b", stripped):
            self.in_form = False
        if self.in_form:
            return None
        if stripped.startswith(("căn cứ", "theo đề nghị", "xét đề nghị")):
            self.seen_grounds = True
        if not self.operative and (
            _OPERATIVE.match(stripped) or (self.seen_grounds and _OPERATIVE_WORD.match(stripped))
        ):
            self.operative = True
        if not self.operative:
            return self.opening(low, stripped, in_header)
        zone = "body"
        if self.attached:
            if re.match(r"^[\s*-]*(?:thực hiện|triển khai|căn cứ|để|nhằm)\b", low) and not table:
                zone = "preamble"  # the opening of an attached plan, before its first section
            elif not upper:
                self.attached = False
        if re.match(r"^\s*điều\s+1\s*[.:]", low):
            # the first article names what the document issues or approves
            zone, self.article1 = "title", 1 if len(stripped) < 12 else 0
        elif self.article1 and zone == "body" and not _STRUCTURE_START.match(low):
            zone, self.article1 = "title", self.article1 - 1
        elif (
            zone == "body"
            and upper
            and not _STRUCTURE_START.match(low)
            and (_KIND_LINE.match(low) or re.search(r"\b(?:thực hiện|triển khai|thi hành)\b", low))
        ):
            zone = "title"  # the kind line or title of an attached plan or programme
        elif (
            zone == "body"
            and self.last_zone == "title"
            and (upper or (stripped[:1].islower() and not first_upper))
            and not _STRUCTURE_START.match(low)
        ):
            zone = "title"  # a title set over two lines
        if re.match(r"^[\s(*]*(?:ban hành\s+)?kèm theo\b", low) or re.search(
            r"\((?:ban hành\s+)?kèm theo\s+(?:quyết định|nghị quyết|thông tư|chỉ thị)\b", low
        ):
            self.attached = True
        return zone

    def opening(self, low: str, stripped: str, in_header: bool) -> str:
        """Before the operative part: the kind line and title, or the preamble."""
        if not in_header or low.lstrip(" \t|-+").startswith(
            ("căn cứ", "theo đề nghị", "xét đề nghị", "thực hiện", "triển khai")
        ):
            return "preamble"
        if _KIND_LINE.match(low):
            self.seen_kind_line = True
            return "title"
        if re.match(r"^\s*v/v\b|^\s*về việc\b", low):
            return "title"  # the subject line of an official letter ("V/v triển khai ...")
        if self.seen_kind_line and not re.search(r"\.\s*$", low.strip()) and len(low) < 600:
            return "title"
        return "preamble"


def _purpose_section(sec: Section | None) -> bool:
    node = sec
    while node is not None:
        if "mục đích" in diacritic_key(node.heading):
            return True
        node = node.parent
    return False


def _legal_section(sec: Section | None) -> bool:
    """Is the paragraph under a "Căn cứ pháp lý" / "CĂN CỨ XÂY DỰNG KẾ HOẠCH" heading?"""
    node = sec
    while node is not None:
        h = diacritic_key(node.heading).strip(" .:")
        if re.match(r"^(?:các\s+)?căn cứ\b.{0,60}$", h) and not re.search(r"[,;]", h):
            return "thực tiễn" not in h
        node = node.parent
    return False


# ---------------------------------------------------------------------------
# scanning


def _tail(
    u: _Unit, i: int, province: str | None, *, law: bool = False
) -> tuple[str | None, dict[str, str] | None, int]:
    """Date, issuer, title start and the end of date/issuer, reading from offset ``i``."""
    text = u.text
    date: str | None = None
    issuer: dict[str, str] | None = None
    pos = i
    for _ in range(4):
        m = _DATE_AFTER.match(text, pos)
        if m and date is None:
            if m.group("y"):
                date = iso_date(m.group("d"), m.group("m"), m.group("y"))
            else:
                date = iso_date(m.group("d2"), m.group("m2"), m.group("y2"))
            pos = m.end()
            continue
        if law and date is None:
            ym = _YEAR_AFTER.match(text, pos) or _BARE_YEAR_AFTER.match(text, pos)
            if ym:
                date = ym.group("y")
                pos = ym.end()
                continue
        m2 = _OF.match(u.low, pos)
        if m2 and issuer is None:
            got = _issuer_at(text[m2.end() :], province)
            if got is not None:
                issuer, e = got
                pos = m2.end() + e
                # joint issuers: "của liên Bộ Quốc phòng - Bộ LĐTBXH - Bộ Tài chính"
                while True:
                    j = re.match(r"\s*(?:-|–|,|và)\s*", text[pos:])
                    if j is None:
                        break
                    if j.group().strip() in (",", "và") and not re.search(
                        r"liên\s+(?:tịch|bộ|ngành)|tt\s*lt|nqlt|ttlt|/\w*lt-",
                        u.low[max(0, i - 80) : pos],
                    ):
                        break  # ", Bộ Tài chính hướng dẫn như sau": the next clause's subject
                    nxt = _issuer_at(text[pos + j.end() :], province)
                    if nxt is None:
                        ab = re.match(r"Bộ\s+[A-ZĐ][A-ZĐ&]{2,}\b", text[pos + j.end() :])
                        if ab is None:
                            break
                        pos += j.end() + ab.end()
                        continue
                    pos += j.end() + nxt[1]
                continue
        m3 = _TERM.match(text, pos)
        if m3:
            pos = m3.end()
            continue
        break
    return date, issuer, pos


def _title_end(u: _Unit, i: int) -> int:
    m = _TITLE_STOP.search(u.text, i)
    return m.start() if m else len(u.text)


def _name_end(u: _Unit, i: int, *, law: bool) -> int:
    """End of an instrument name starting at ``i`` (a law's, a programme's)."""
    rest = ascii_key(u.text[i : i + 160])
    if law:
        for name in LAW_NAMES:
            if rest.startswith(name) and (len(rest) == len(name) or not rest[len(name)].isalnum()):
                j = i + len(name)
                return max(j, _name_end_plain(u, j, law=law, first_ok=True))
    return _name_end_plain(u, i, law=law)


_NAME_HARD_STOP = re.compile(
    r";|\.(?:\s|$)|:|”|\"|\)|\||\t|\s-\s(?=[A-ZĐ])|\s+(?:ngày|ngầy)\s+\d|\s+(?:số|số hiệu)\s+\d"
    r"|\s+nhiệm kỳ\b"
)
#: a law's name ends before its year ("Luật Khoáng sản năm 2010", "... tham nhũng 2018")
_LAW_YEAR_STOP = re.compile(r"\s+năm\s+(?:19|20)\d\d|\s+\(?(?:19|20)\d\d\)?(?!\d)")


def _name_end_plain(u: _Unit, i: int, *, law: bool, first_ok: bool = False) -> int:
    text, low = u.text, u.low
    hard = _NAME_HARD_STOP.search(text, i)
    end = hard.start() if hard else len(text)
    numbered = re.compile(rf"\s(?=(?:{KIND_RX})\s+(?:số\s*)?\d)").search(low, i, end)
    if numbered:
        end = numbered.start()
    if law:
        yr = _LAW_YEAR_STOP.search(text, i, end)
        end = yr.start() if yr else end
    # a "(" ends the name unless it holds an acronym of it ("(OCOP)", "(NDC)") or "sửa đổi"
    for m in re.finditer(r"\s*\(", text[i:end]):
        inner = text[i + m.end() : i + m.end() + 20]
        if re.match(r"[A-ZĐ&.]{2,10}\)|(?:sửa đổi)\)", inner) and not law:
            continue
        end = i + m.start()
        break
    # function words end it
    pos = i
    for w in re.finditer(r"[\w&]+|,", low[i:end]):
        tok = w.group()
        a = i + w.start()
        if a == i and not first_ok:
            continue
        if tok == ",":
            nxt = re.match(r"\s*([\w&]+)", low[i + w.end() : end])
            orig = re.match(r"\s*([\w&]+)", text[i + w.end() : end])
            if nxt is None or orig is None:
                return a
            word = orig.group(1)
            prev_word = re.search(r"([\w&]+)\s*$", text[i:a])
            if word.isupper() and len(word) >= 2 and prev_word and prev_word.group(1).isupper():
                continue  # "KKT, KCN", "KH,CN&ĐMST"
            if word[:1].isupper() or _NAME_STOP.match(
                low, i + w.end() + (len(nxt.group(0)) - len(nxt.group(1)))
            ):
                return a
            seg = re.match(r"[^,;.()]*", low[i + w.end() : end])
            seg_words = []
            for x in (seg.group() if seg else "").split():
                if x in _FUNCTION_WORDS:
                    break
                seg_words.append(x)
            if len(seg_words) > (5 if law else 9):
                return a
            continue
        if tok in ("của", "theo", "để", "nhằm", "tại", "thì", "đã", "đang", "sẽ", "được", "bị"):
            if law and tok == "của" and re.search(r"(?:một số điều|sửa đổi|bổ sung)\s*$", low[i:a]):
                continue
            return a - 1 if text[a - 1] == " " else a
        if tok == "hoặc" or (tok == "bao" and low.startswith("bao gồm", a)):
            return a - 1
        if tok == "vào" and re.match(rf"vào\s+(?:các\s+)?(?:{KIND_RX})\b", low[a:]):
            return a - 1  # "Quy hoạch tỉnh vào Quy hoạch xây dựng": another instrument
        if tok in ("và", "hoặc"):
            after = low[a + len(tok) :]
            if re.match(
                r"\s+(?:các|những|hướng dẫn|quy định|văn bản|luật|bộ luật|pháp lệnh|nghị|quyết"
                r"|thông|chỉ thị|kế hoạch|chương trình|đề án|chiến lược|các văn|thực hiện|triển"
                r"|tổ chức|xây dựng|sửa đổi|bổ sung|ban hành|cơ chế|chính sách|chỉ đạo|nâng cao)\b",
                after,
            ):
                return a - 1
        if not law and tok in _NAMED_STOP_WORDS:
            if tok == "đề" and not low.startswith("đề ra", a):
                continue
            if tok == "đến" and low.startswith("đến năm", a):
                continue
            if tok == "phạm" and not low.startswith("phạm vi", a):
                continue
            return a - 1
        if law and _LAW_VERB_STOP.match(low, a):
            return a - 1
        if law and tok in _LAW_STOP_WORDS:
            # "Luật Đất đai hiện hành", "Luật X quy định", "Luật X về ..."
            if tok == "quy" and not low.startswith("quy định", a):
                continue
            if tok == "hướng" and not low.startswith("hướng dẫn", a):
                continue
            if tok in ("đối", "với") and tok == "với" and re.search(r"đối\s*$", low[i:a]):
                continue
            return a - 1
        pos = a
    del pos
    return end


def _scan(u: _Unit, province: str | None, own: str | None) -> list[Mention]:
    """Every instrument mentioned in a unit, in text order (:class:`_Scanner`)."""
    return _Scanner(u, province, own).scan()


#: the words that make a law's name a class, not a name ("pháp luật", "các luật", "dự luật")
_NOT_A_LAW_BEFORE = re.compile(r"(?:pháp|dự|văn bản|các|những|dưới)\s*$")
_LAW_NUMBER_AFTER = re.compile(
    r"\s*,?\s*số\s+(\d{1,4}\s?/\s?(?:19|20)\d\d(?:\s?/\s?[A-Z]+\d*(?:-[A-Z]+\d*)*)?)"
)
_OWN_ATTACHMENT = re.compile(
    r"(?:^|\(|\s)(?:ban hành\s+)?kèm theo\s+(?:$|\S+\s+(?:\S+\s+)?(?:số\s*)?$)"
)
_KIND_LIST_BEFORE = re.compile(
    rf"(?:(?:các|những)\s+(?:(?:{KIND_RX})\s*,\s*)+|(?:{KIND_RX})(?:\s+hành động)?\s*,\s*)$"
)
_VERB_AFTER_KIND = re.compile(
    r"(?:tham mưu|báo cáo|gửi|trình|chủ trì|phối hợp|đề xuất|thực hiện|triển"
    r"|được|đã|này|đó|nêu|bảo đảm|đảm bảo|cho|để|bằng|hỗ trợ$|về$)\b"
)


class _Scanner:
    """Finds the mentions of one unit: numbered instruments first, then laws by name, party
    congress resolutions, unnumbered instruments with a stated issuer, short names and
    named programmes, each kept out of the spans already taken."""

    def __init__(self, u: _Unit, province: str | None, own: str | None) -> None:
        self.u, self.province, self.own = u, province, own
        self.text, self.low = u.text, u.low
        self.out: list[Mention] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.taken)

    def add(self, m: Mention, a: int, b: int) -> None:
        self.out.append(m)
        self.taken.append((a, b))

    def scan(self) -> list[Mention]:
        self.numbered()
        if "uật" in self.text or "háp lệnh" in self.text:
            self.laws()
        if "ghị quyết" in self.text:
            self.party()
        if "của" in self.text:
            self.of_issuer()
        self.short()
        self.named()
        if not self.out and self.u.intro is not None:
            item = _list_item(self.u)
            if item is not None:
                self.out.append(item)
        self.out.sort(key=lambda x: x.start)
        return self.out

    # -- numbered: "Quyết định số 1322/QĐ-TTg", "số 547/QĐ-LĐTBXH" --------------------
    def numbered(self) -> None:
        u, text, low, province = self.u, self.text, self.low, self.province
        plural_kind: str | None = None
        for m in NUMBER.finditer(text):
            before = low[max(0, m.start() - 60) : m.start()]
            km = _KIND_BEFORE.search(before)
            so = _LEAD_SO.search(before)
            if _NOT_INSTRUMENT_BEFORE.search(before):
                continue
            num = canon_number(m.group())
            if not _is_symbol(num):
                continue
            sym_kind = kind_from_symbol(num)
            # a bare number in running text only when its symbol says what it is
            if (
                km is None
                and so is None
                and sym_kind is None
                and not issuer_from_number(num, province)
            ):
                continue
            if self.own and normalize_number(num) == normalize_number(self.own):
                continue
            if (
                self.own is None
                and _OWN_ATTACHMENT.search(before)
                and re.match(r"^\s*[(*]*\s*(?:ban hành\s+)?kèm theo", low)
            ):
                continue  # "(Kèm theo Quyết định số ... )": the document itself
            kw = km.group("kind") if km else None
            start = m.start()
            if km is not None:
                start -= len(before) - km.start()
            else:
                pk = re.search(rf"(?<![\w])các\s+(?P<k>{KIND_RX})\b[^.;]*$", low[: m.start()])
                plural_kind = pk.group("k") if pk else plural_kind
                if so is not None:
                    start -= len(before) - so.start()
            kind = _kind_for(kw or (plural_kind if so else None), num, sym_kind)
            date, issuer, tpos = _tail(u, m.end(), province)
            if date is None:
                db = _DATE_BEFORE.search(low[max(0, start - 120) : start])
                if db:  # "Ngày 30/6/2024, Chính phủ ban hành Nghị định số 73/2024/NĐ-CP"
                    date = iso_date(db.group("d"), db.group("m"), db.group("y"))
            if issuer is None:
                issuer = issuer_from_number(num, province)
            t0, t1 = _title_span(u, tpos)
            inst = Instrument(kind, num, date, issuer, None)
            inst.word_kind = KIND_CODES.get(diacritic_key(kw)) if kw else None
            self.add(Mention(u, start, m.end(), t1, inst, t0, t1, bare=kw is None), start, m.end())

    # -- laws, codes and ordinances by name -------------------------------------------
    def laws(self) -> None:
        u, text, low, province = self.u, self.text, self.low, self.province
        for m in _LAW.finditer(text):
            if not self.free(m.start(), m.end()):
                continue
            code = "PhapLenh" if diacritic_key(m.group("kw")) == "pháp lệnh" else "Luat"
            prev = low[max(0, m.start() - 12) : m.start()]
            if _NOT_A_LAW_BEFORE.search(prev) and not re.search(r"dự án\s*:?\s*$", prev):
                continue
            rest = low[m.end() :]
            if re.match(r"số\s+\d", rest):
                self.law_by_number(m, code)
                continue
            if rest.startswith(("này", "số ")):
                continue
            amend = bool(re.match(r"(?:sửa đổi|bổ sung)", rest))
            e = m.end() + _amend_name_end(u, m.end()) if amend else _name_end(u, m.end(), law=True)
            name = re.sub(r"\s*\(sửa đổi\)\s*$", "", text[m.start() : e].strip(" ,"))
            fname = diacritic_key(name)
            if len(name.split()) < 2 or fname.split()[-1] in ("này", "đó", "trên"):
                continue
            if re.match(
                r"^(?:luật|bộ luật|pháp lệnh)\s+(?:có|của|và|về|mới|hiện|liên|các|\d)", fname
            ):
                continue
            revised = re.match(r"\s*\(sửa đổi\)", text[e:])
            date, issuer, after = _tail(
                u, e + (revised.end() if revised else 0), province, law=True
            )
            number = None
            nm = _LAW_NUMBER_AFTER.match(text, after)
            if nm:
                number = law_number(canon_number(nm.group(1)))
                # the number was read on its own already: it is this law's
                self.out[:] = [
                    x
                    for x in self.out
                    if not (x.inst and x.inst.number and after <= x.start <= nm.end())
                ]
                d2, iss2, after = _tail(u, nm.end(), province, law=True)
                date, issuer = date or d2, issuer or iss2
            inst = Instrument(code, number, date, issuer or _law_issuer(code), name)
            mention = Mention(
                u, m.start(), e, after, inst, m.start(), e, law=True, named=not number
            )
            if amend:
                mention.title_start = m.end()  # the laws it amends are inside its title
            self.add(mention, m.start(), e)

    def law_by_number(self, m: re.Match[str], code: str) -> None:
        """ "Luật số 87/2025/QH15": the number is the mention."""
        nm = re.match(r"số\s+(\d{1,4}\s?/\s?(?:19|20)\d\d(?:\s?/\s?QH\d+)?)", self.text[m.end() :])
        if nm is None:
            return
        e = m.end() + nm.end()
        date, _, _ = _tail(self.u, e, self.province)
        inst = Instrument(
            code, law_number(re.sub(r"\s+", "", nm.group(1))), date, _law_issuer(code)
        )
        self.add(Mention(self.u, m.start(), e, e, inst, law=True), m.start(), e)

    # -- party congress resolutions ------------------------------------------------------
    def party(self) -> None:
        u, text, province = self.u, self.text, self.province
        for m in _PARTY.finditer(text):
            if not self.free(m.start(), m.end()):
                continue
            e = _party_end(text, m.start("name"))
            title = text[m.start() : e].strip(" ,")
            name = re.sub(r"\s+nhiệm kỳ.*$", "", title[len("Nghị quyết ") :]).strip()
            national = bool(re.search(r"của đảng\s*$", diacritic_key(name))) or not province
            iss: dict[str, str] = {
                "kind": "other",
                "scope": "national" if national else str(province),
                "name": name,
            }
            if re.match(r"(?:hội nghị\s+)?(?:ban chấp hành\s+)?trung ương\b", diacritic_key(name)):
                iss = {"kind": "bch_tw", "scope": "national"}  # "Nghị quyết Trung ương 4 khóa XII"
            date, _, _ = _tail(u, e, province)
            inst = Instrument("Other", None, date, iss, title)
            self.add(Mention(u, m.start(), e, e, inst, named=True, party=True), m.start(), e)

    # -- unnumbered with a stated issuer: "Kế hoạch của UBND tỉnh X triển khai ..." -----
    def of_issuer(self) -> None:
        u, text, low = self.u, self.text, self.low
        for m in _OF_ISSUER.finditer(text):
            if not self.free(m.start(), m.end()):
                continue
            if re.search(r"(?:các|những|dự thảo|này)\s+$", low[max(0, m.start() - 10) : m.start()]):
                continue
            if re.search(
                rf"(?:các|những)\s+(?:(?:{KIND_RX})\s*,\s*)+$",
                low[max(0, m.start() - 60) : m.start()],
            ):
                continue
            got = _issuer_at(text[m.end() :], self.province)
            if got is None:
                continue
            iss, e = got
            t0 = m.end() + e
            tl = _TITLE_LEAD.match(text, t0)
            t0 = tl.end() if tl else t0
            while t0 < len(text) and text[t0] in " ,":
                t0 += 1
            rest = text[t0:]
            if not rest[:1].islower() or rest.startswith(("tỉnh", "đã ", "được ", "và ", "về ")):
                continue
            frest = diacritic_key(rest)
            names_one = re.match(r"(?:quy định|ban hành|phê duyệt|về|hướng dẫn|thông qua)\b", frest)
            carries_out = re.match(
                rf"(?:triển khai|thực hiện)\b(?:\s+\S+){{0,4}}\s+(?:{KIND_RX})\b", frest
            )
            if not (tl or names_one or carries_out):
                continue  # "Quyết định của Bộ trưởng thực hiện nhiệm vụ ...": no title
            t1 = _title_end(u, t0)
            title = text[t0:t1].strip()
            if len(title.split()) < 3:
                continue
            kind = KIND_CODES.get(diacritic_key(m.group("kind")), "Other")
            inst = Instrument(kind, None, None, iss, title)
            mention = Mention(u, m.start(), m.end() + e, t1, inst, t0, t1, named=True)
            self.add(mention, m.start(), m.end() + e)

    # -- short names: "Đề án 06", "Chỉ thị 18", "Nghị quyết 02" -------------------------
    def short(self) -> None:
        for m in _SHORT.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            kind = KIND_CODES.get(diacritic_key(m.group("kind")), "Other")
            title = f"{m.group('kind')} {m.group('n')}"
            inst = Instrument(kind, None, None, None, title, short=True)
            self.add(
                Mention(self.u, m.start(), m.end(), m.end(), inst, named=True), m.start(), m.end()
            )

    # -- named programmes, schemes, strategies, plans -------------------------------------
    def named(self) -> None:
        u, text, low = self.u, self.text, self.low
        for m in _NAMED.finditer(text):
            if not self.free(m.start(), m.end()):
                continue
            if _GENERIC_AFTER.match(low, m.end()):
                continue
            if _KIND_LIST_BEFORE.search(low[max(0, m.start() - 80) : m.start()]):
                continue  # "các nghị quyết, chương trình, đề án, kế hoạch ...": a class
            quoted = re.match(r"[“\"](?P<q>[^“”\"\n]{8,250})[”\"]", text[m.end() :])
            if quoted:  # 'Đề án "Phát triển văn hóa đọc ..."': the name between the marks
                e = m.end() + quoted.end()
                name = f"{m.group('kind')} {quoted.group('q').strip()}"
            else:
                e = _name_end(u, m.end(), law=False)
                name = text[m.start() : e].strip(' ,“”"')
            words = name.split()
            if len(words) < 3 or _VERB_AFTER_KIND.match(diacritic_key(" ".join(words[2:]))):
                continue
            at_start = not low[: m.start()].strip(" \t-–•+*|") or bool(
                re.search(r"(?:[.;:!?]|^[a-zđ\d]{1,2}[.)])\s*[-–•+*]?\s*$|\|\s*$", low[: m.start()])
            )
            if not _specific_name(name, at_start):
                continue
            kind = KIND_CODES.get(diacritic_key(m.group("kind")), "Other")
            inst = Instrument(kind, None, None, None, _clean_title(name))
            self.add(Mention(u, m.start(), e, e, inst, m.start(), e, named=True), m.start(), e)


def _is_symbol(num: str) -> bool:
    """Every part of a number's symbol holds two capitals ("QĐ-TTg", not "Số 333/Ngày")."""
    parts = [p for p in re.split(r"[-/]", num)[1:] if not p.isdigit()]
    return bool(parts) and all(sum(1 for c in p if c.isupper()) >= 2 for p in parts)


def _title_span(u: _Unit, tpos: int) -> tuple[int, int]:
    """Where the title of a numbered instrument runs, from the end of its date and issuer
    (empty when a new clause follows: "..., UBND tỉnh đã ...", "số 1518/...", "và ...")."""
    text = u.text
    tl = _TITLE_LEAD.match(text, tpos)
    t0 = tl.end() if tl else tpos
    while t0 < len(text) and text[t0] in " ,":
        t0 += 1
    if (
        _NO_TITLE.match(text, t0)
        or re.match(r"(?:Xét|Theo) đề nghị\b|Căn cứ\s", text[t0:])  # the next ground, run in
        or (t0 > tpos and re.match(r"\s*,\s*[A-ZĐ]", text[tpos : t0 + 1]))
    ):
        return t0, t0
    return t0, _title_end(u, t0)


_KIND_PREFIX = {"ChuongTrinh": "Chương trình", "DeAn": "Đề án", "KeHoach": "Kế hoạch"}


def _list_item(u: _Unit) -> Mention | None:
    """A bare item of a list of instruments ("... các chương trình, đề án quốc gia như:" then
    "- Đổi mới công nghệ quốc gia;"): an instrument of the list's first kind."""
    intro = u.intro or ""
    if not re.search(r"như\s*:\s*$", intro):
        return None
    km = re.search(r"\b(chương trình|đề án|kế hoạch)\b", intro)
    if km is None:
        return None
    kind = KIND_CODES[km.group(1)]
    m = re.match(r"^\s*[-–•+]\s*(?P<name>[^;:.]+?)\s*[;.]?\s*$", u.text)
    if m is None:
        return None
    name = m.group("name")
    if (
        re.match(r"^(?:các|những|và)\b", diacritic_key(name))
        or len(name.split()) < 2
        or len(name.split()) > 14
    ):
        return None
    inst = Instrument(kind, None, None, None, name)
    inst.names = [_words(_KIND_PREFIX[kind] + " " + name)]
    a, b = m.span("name")
    return Mention(u, a, b, b, inst, named=True, listed=True)


def _kind_for(kw: str | None, num: str, sym_kind: str | None) -> str:
    if is_party(num):
        return "Other"
    if kw is not None:
        k = KIND_CODES.get(diacritic_key(kw), "Other")
        if k == "CongVan" and sym_kind is not None:
            return sym_kind if sym_kind in ("ToTrinh", "BaoCao") else "CongVan"
        if k in ("Other",) and sym_kind:
            return sym_kind if diacritic_key(kw) not in ("công điện", "kết luận") else "Other"
        return k
    if sym_kind is not None:
        return sym_kind
    return "CongVan"


def _law_issuer(code: str) -> dict[str, str]:
    if code == "PhapLenh":
        return {"kind": "ubtvqh", "scope": "national"}
    return {"kind": "quoc_hoi", "scope": "national"}


def _party_end(text: str, i: int) -> int:
    best = len(text)
    for rx in (r";", r"\.(?:\s|$)", r",", r"\s+(?:và|theo|để|nhằm|về|đã)\s", r"\("):
        m = re.compile(rx).search(text, i)
        if m and m.start() < best:
            best = m.start()
    return best


def _amend_name_end(u: _Unit, i: int) -> int:
    m = re.compile(
        r"\s+(?:ngày|ngầy)\s+\d|;|\.(?:\s|$)|\s+năm\s+(?:19|20)\d\d|\s+số\s+\d|\s*\(|:"
    ).search(u.text, i)
    return (m.start() if m else len(u.text)) - i


_GENERIC_AFTER = re.compile(
    r"(?:đến\s+(?!năm)|với\b|trong\b|đề ra|cho\b|một cách|nghiêm túc|hiệu quả|kịp thời|đầy đủ"
    r"|đồng bộ|bảo đảm|đảm bảo|này|đó|trên|nói trên|nêu trên|của tỉnh\b|của bộ\b|của ngành\b"
    r"|hằng năm|hàng năm|giai đoạn"
    r"|,|;|\.|:|\)|và\b|khác|liên quan|được|đã|có|sẽ|là|theo|tại|cấp|các|công tác"
    r"|hành động\s*(?:$|[,.;]|thực hiện|triển khai|của|hằng|hàng|trong|năm)"
    r"|số\b|\d|tổng thể\s*(?:$|[,.;])|mục tiêu quốc gia\s*(?:$|[,.;])|của\b|phù hợp|đúng|kèm theo"
    r"|chi tiết"
    r"|cụ thể|thực hiện|triển khai|đã được|năm\b|sau\b|trước|chung|riêng)"
)


def _specific_name(name: str, at_start: bool) -> bool:
    """Does a programme's name single out one instrument ("Chương trình phát triển 1.000
    doanh nghiệp tiên phong", "Đề án triển khai kết quả COP26")? Mid-sentence, a proper
    name is written with a capital ("Chương trình tổng thể cải cách hành chính"); a phrase
    in lower case needs a number or a scope of its own ("quốc gia", "tỉnh X", "giai đoạn
    2021-2025"); at the start of a sentence a proper noun or acronym also does."""
    words = name.split()
    n_kind = 1 if diacritic_key(words[0]) in ("thỏa", "thoả", "tuyên", "hiệp", "công") else 2
    tail = words[n_kind:]
    if not tail:
        return False
    if re.search(r"\b(?:hằng|hàng)\s+(?:năm|quý|tháng)\b", diacritic_key(name)):
        return False  # "Kế hoạch phát triển kinh tế - xã hội hằng năm": a kind of plan
    if re.search(r"\b(?:trên địa bàn|của|tại)\s+(?:các|những)\b", diacritic_key(name)):
        return False  # "Quy hoạch xây dựng trên địa bàn các xã": one for each
    lower = not name[:1].isupper()
    if not lower and not at_start and len(words) >= 5:
        return True
    proper = re.sub(rf"(?<!\w)(?:{KIND_RX})(?!\w)", " ", " ".join(tail), flags=re.IGNORECASE)
    if any(re.search(r"\d", w) for w in proper.split()):
        return True
    if not lower and any(w[:1].isupper() for w in proper.split()):
        return True
    ft = diacritic_key(" ".join(tail))
    return bool(
        re.search(r"quốc gia|toàn quốc|đến năm|giai đoạn|thời kỳ", ft)
        or re.search(r"(?:tỉnh|thành phố|huyện|vùng)\s+[A-ZĐ]", " ".join(tail))
    )


# ---------------------------------------------------------------------------
# structure: chains inside titles, amendments stated beside an instrument

_IMPL_VERB = re.compile(
    r"(?:hướng dẫn|quy định chi tiết|thi hành|thực hiện|triển khai|cụ thể hóa|cụ thể hoá)\b"
)
_AMEND_VERB = re.compile(r"(?:sửa đổi|bổ sung|cập nhật|điều chỉnh)\b")
_APPLY_VERB = re.compile(r"(?:theo|tại|căn cứ)\s*(?:quy định\s*(?:của|tại)?\s*)?$")
_COORD = re.compile(r"^[\s,;]*(?:và|hoặc|cùng|,)?[\s,;]*(?:các\s+)?(?:số\s*)?$")
_AMENDED_BY = re.compile(
    r"\(?\*?\s*(?:đã\s+)?(?:được\s+)?(?:sửa đổi(?:,?\s*bổ sung)?|bổ sung"
    r"|thay thế)(?:\s+một số điều)?"
    r"\s*(?:bởi|tại|theo)(?:\s+(?:các\s+)?(?:điểm|khoản|điều)\s+[\w\s,.]{1,40}?)?\s*(?:của\s+)?"
    r"(?:các\s+)?(?:\w+\s+\w+\s+)?(?:số\s*)?$"
)


def _link(ms: list[Mention]) -> None:
    """Chain the mentions inside another's title; cut titles at coordinated mentions."""
    for i, m in enumerate(ms):
        if m.skip or m.title_start is None or m.title_end is None:
            continue
        u = m.unit
        last_child: Mention | None = None
        for n in ms[i + 1 :]:
            if n.start >= m.title_end:
                break
            if n.start < m.title_start or n.parent is not None:
                continue
            if last_child is not None and n.start < last_child.end:
                continue
            gap = u.low[m.title_start : n.start]
            near = u.low[(last_child.end if last_child else m.title_start) : n.start]
            if (
                (n.bare and re.search(r"(?:[,;]|\bvà|\bhoặc)\s*$", near))
                or (
                    re.search(
                        r"\b(?:và|hoặc)\s+(?:theo|tại|thực hiện|triển khai|các"
                        r"|căn cứ)\b[^,;]{0,30}$",
                        near,
                    )
                )
                or (last_child is None and re.search(r"(?:^|\s)(?:và|hoặc)\s*$", near))
            ):
                _cut(m, n.start)  # the list goes on outside the title
                if (
                    m.parent is not None
                    and re.search(r"\s(?:và|hoặc)\s*$", near)
                    and not _later(n, m.parent)
                ):
                    # "sửa đổi ... X ... và Y": Y is chained to X's parent like X
                    n.parent, n.chain_rel, n.amends = m.parent, m.chain_rel, m.amends
                break
            if (
                m.inst is not None
                and m.inst.kind in ("ToTrinh", "CongVan", "BaoCao")
                and _PROPOSED.search(u.low[_segment_start(u.low, m.start) : m.start])
            ):
                n.skip = True  # what a proposal is about is not cited by the proposal
                continue
            if (
                n.named
                and not n.law
                and (not gap.strip() or not (_COORD.match(gap) or re.search(r"[;,]\s*$", gap)))
            ):
                # a programme named in the title ("phê duyệt Chương trình X") is carried by it
                n.skip = True
                continue
            if last_child is not None and _COORD.match(near) and not _later(n, m):
                # "sửa đổi X và Y": Y is chained like X
                n.parent, n.chain_rel, n.amends = m, last_child.chain_rel, last_child.amends
                last_child = n
                continue
            tail = gap[-40:]
            if (
                _COORD.match(gap)
                or re.search(r"(?:^|[\s,;])(?:và|hoặc)\s*(?:các\s+)?$|[;,]\s*$", tail)
            ) and not _chain_words(gap):
                _cut(m, n.start)
                break
            if last_child is not None and re.search(r"[;,]\s*$|\svà\s*$", near) and _later(n, m):
                _cut(m, n.start)
                break
            rel, amends = _chain_relation(gap)
            if rel is None:
                _cut(m, n.start)
                break
            n.parent, n.chain_rel, n.amends = m, rel, amends
            last_child = n
    # "X (đã được sửa đổi, bổ sung bởi Y)", "X được sửa đổi, bổ sung tại Y"
    for i, m in enumerate(ms):
        if m.skip or m.parent is not None:
            continue
        for n in ms[i + 1 :]:
            if n.parent is not None or n.skip:
                continue
            gap = m.unit.low[m.core_end : n.start]
            if len(gap) > 400 or ";" in gap[:-1]:
                break
            between = m.unit.low[(m.end if m.end > m.core_end else m.core_end) : n.start]
            if _AMENDED_BY.search(gap[-90:]) and (len(between) < 90 or "(" in gap):
                base = m if m.amended is None else m.amended
                n.amended = base
                if m.title_end is not None and m.title_end > n.start:
                    _cut(m, max(m.core_end, n.start - len(gap[-90:])))
                # "(đã được sửa đổi, bổ sung bởi Y và Z)"
                y = n
                for z in ms[ms.index(n) + 1 :]:
                    if z.parent is not None or z.skip:
                        continue
                    if not re.match(
                        r"^\s*(?:,\s*)?và\s*$", m.unit.low[max(y.end, y.core_end) : z.start]
                    ):
                        break
                    z.amended, y = base, z
                break
            break


_FOLD = re.compile(
    r"^\s*,?\s*(?:của\s+[^,;.()]{0,40}?\s+)?(?:\(?\s*(?:đã\s+)?(?:được\s+)?[^,;.()]{0,60}?"
    r"(?:phê duyệt|ban hành|thông qua)\s+)?(?:kèm\s+)?(?P<via>theo|tại)\s+(?:các\s+)?$"
)
_FOLD_FAR = re.compile(
    r"(?:đã\s+)?được\s+[^;.]{0,40}?(?:phê duyệt|ban hành|thông qua)\s+(?P<via>tại"
    r"|theo)\s+(?:các\s+)?$"
)
_REQUEST = re.compile(r"^\s*,?\s*theo\s+yêu cầu\s+của\s+[^;.]{0,80}?\btại\s+$")


def _fold_named(ms: list[Mention]) -> None:
    """A programme named right before the decision that approved it ("Đề án X theo Quyết
    định số N", "Quy hoạch X đã được Thủ tướng Chính phủ phê duyệt tại Quyết định số N") is
    that decision; one carried out "theo yêu cầu của ... tại Quyết định số N" implements it."""
    for i, m in enumerate(ms):
        if m.skip or m.parent is not None or m.inst is None:
            continue
        for n in ms[i + 1 :]:
            if n.skip or n.parent is not None or n.inst is None or not n.inst.number:
                continue
            gap = m.unit.low[max(m.core_end, m.end if m.named else m.core_end) : n.start]
            if len(gap) > 160:
                break
            if _REQUEST.match(gap):
                n.parent, n.chain_rel = m, "implements"
                break
            fm = (
                _FOLD.match(gap) or _FOLD_FAR.search(gap)
                if ";" not in gap and ". " not in gap
                else None
            )
            if fm and m.named and not m.law:
                m.skip = True
                n.lead_start = m.start
                n.folded_via = fm.group("via")
                n.folded_name = _words(m.inst.title or "")
            break


def _later(n: Mention, m: Mention) -> bool:
    """Is ``n`` dated after ``m`` (so ``m`` cannot amend or carry it)?"""
    a, b = n.inst.date if n.inst else None, m.inst.date if m.inst else None
    return bool(a and b and a > b)


def _cut(m: Mention, at: int) -> None:
    text = m.unit.text
    end = at
    while m.title_start is not None and end > m.title_start and text[end - 1] in " ,;":
        end -= 1
    if diacritic_key(text[max(0, end - 4) : end]) in (" và", "hoặc"):
        end -= 4 if diacritic_key(text[end - 4 : end]) == " và" else 5
    m.title_end = max(m.title_start or end, end)
    m.end = max(m.core_end, m.title_end)


def _chain_words(gap: str) -> bool:
    return bool(
        _IMPL_VERB.search(gap) or _AMEND_VERB.search(gap) or re.search(r"\b(?:theo|tại)\b", gap)
    )


def _chain_relation(gap: str) -> tuple[str | None, bool]:
    """The relation of an outer instrument to one named in its title, from the words between
    (the last verb decides: "sửa đổi ... Chương trình hành động thực hiện Nghị quyết 57" is
    carried out, not amended). Returns (relation, the inner one is the subject)."""
    g = gap.rstrip()
    if (
        re.search(r"(?:sửa đổi|bổ sung|thay thế)\b[^;]{0,30}?\b(?:tại|bởi)\b[^;]{0,60}$", g)
        and re.search(r"(?:được|đã được)\s+(?:sửa đổi|bổ sung|thay thế)", g)
    ) or re.search(r"(?:sửa đổi|bổ sung)\s*,?\s*(?:bổ sung\s+)?(?:tại|bởi)\b[^;]{0,60}$", g):
        return "amended_by", False  # "X, sửa đổi, bổ sung tại Y": X amended by Y
    verbs = [
        (m.end(), kind)
        for rx, kind in (
            (r"(?:sửa đổi|bổ sung|cập nhật)\b", "amend"),
            (r"thay thế\b", "replace"),
            (
                r"(?:hướng dẫn|quy định chi tiết|thi hành|thực hiện|triển khai|cụ thể hóa"
                r"|cụ thể hoá)\b",
                "impl",
            ),
            (r"\b(?:theo|tại)\b", "apply"),
        )
        for m in re.finditer(rx, g)
    ]
    if not verbs:
        if re.search(r"\b(?:của|về)\s*$", g):
            return "mentions", False
        return None, False
    pos, kind = max(verbs)
    after = g[pos:]
    if kind == "amend":
        if re.search(
            r"^[^;]{0,40}?\b(?:một số|các)\s+(?:nghị định|thông tư|quyết định|văn bản|luật)", after
        ):
            return "mentions", False  # amends "các nghị định quy định chi tiết ... X": not X
        return "amended_by", True
    if kind == "replace":
        return "replaced_by", True
    if kind == "impl":
        return "implements", False
    if re.search(r"(?:hướng dẫn|quy định chi tiết)\b", g[:pos]):
        return "implements", False  # "hướng dẫn thực hiện chế độ ... theo Quyết định X"
    return "applies", False


# ---------------------------------------------------------------------------
# identity


def _acronym_eq(a: list[str], b: list[str]) -> bool:
    """Word lists equal, an acronym of one standing for a run of words of the other
    ("luat bvmt" ~ "luat bao ve moi truong")."""
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            i, j = i + 1, j + 1
        elif _initials(a[i], b, j):
            i, j = i + 1, j + len(a[i])
        elif _initials(b[j], a, i):
            i, j = i + len(b[j]), j + 1
        else:
            return False
    return i == len(a) and j == len(b)


def _initials(word: str, words: list[str], at: int) -> bool:
    """Is ``word`` the initials of the ``len(word)`` words from ``at``?"""
    n = len(word)
    return (
        2 <= n <= 8 and at + n <= len(words) and "".join(w[0] for w in words[at : at + n]) == word
    )


def _same_name(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a == b or _acronym_eq(a, b):
        return True
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    shorter = min(len(a), len(b))
    # words shared only in an amending title's opening ("luật sửa đổi, bổ sung một số điều
    # của ...") say nothing about which law is amended
    generic = 0
    for x in a[:n]:
        if x in _GENERIC_NAME_WORDS:
            generic += 1
    if (n >= 8 and n - generic >= 5) or (n == shorter and n >= 5 and abs(len(a) - len(b)) <= 2):
        return True
    # a later reference without the period ("Quy hoạch tỉnh Lào Cai", "Quy hoạch điều chỉnh
    # tỉnh Lào Cai") is the plan named in full ("... thời kỳ 2021-2030, tầm nhìn đến năm 2050")
    ca, cb = _core_name(a), _core_name(b)
    return ca == cb and len(ca) >= 4 and (ca == _unadjusted(a) or cb == _unadjusted(b))


def _unadjusted(words: list[str]) -> list[str]:
    """A name's words without "điều chỉnh" (the adjusted plan is the plan)."""
    out: list[str] = []
    for w in words:
        if w == "chinh" and out and out[-1] == "dieu":
            out.pop()
            continue
        out.append(w)
    return out


def _core_name(words: list[str]) -> list[str]:
    """A name's words before its period ("thời kỳ", "giai đoạn", "đến năm", "tầm nhìn",
    a year), without "điều chỉnh"."""
    ws = _unadjusted(words)
    for i, w in enumerate(ws):
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        if (
            re.fullmatch(r"\d{4}", w)
            or (w, nxt)
            in (
                ("thoi", "ky"),
                ("giai", "doan"),
                ("den", "nam"),
                ("tam", "nhin"),
            )
            or (w == "nam" and re.fullmatch(r"\d{4}", nxt))
        ):
            return ws[:i]
    return ws


_GENERIC_NAME_WORDS = frozenset(
    [
        "luat",
        "phap",
        "lenh",
        "nghi",
        "dinh",
        "quyet",
        "thong",
        "tu",
        "sua",
        "doi",
        "bo",
        "sung",
        "mot",
        "so",
        "dieu",
        "cua",
        "cac",
        "ve",
        "viec",
    ]
)


def _carried_names(title: str) -> list[list[str]]:
    """Named instruments inside a title: "phê duyệt Chương trình X" -> [words]."""
    out: list[list[str]] = []
    for m in re.finditer(
        r"(?:Chương trình|Đề án|Kế hoạch|Chiến lược|Quy hoạch|Quy chế|Quy định|chương trình"
        r"|đề án|kế hoạch|chiến lược|quy hoạch|quy chế)\s+",
        title,
    ):
        pre = diacritic_key(title[max(0, m.start() - 30) : m.start()])
        if not re.search(
            r"(?:phê duyệt|ban hành|về|thông qua|điều chỉnh)\s*(?:việc\s+)?[“\"]?$", pre
        ):
            continue
        rest = title[m.end() :].strip("“”\"' ")
        out.append(_words(m.group(0)) + _words(rest))
    return out


def _names(inst: Instrument) -> list[str]:
    return _words(inst.title or "")


class _Registry:
    def __init__(self) -> None:
        self.items: list[Instrument] = []
        self.by_number: dict[str, Instrument] = {}

    def add(self, inst: Instrument) -> Instrument:
        if inst.number:
            key = normalize_number(inst.number)
            old = self.by_number.get(key) or self._variant(key, inst)
            if old is not None:
                _merge(old, inst)
                return old
            self.by_number[key] = inst
            self.items.append(inst)
            return inst
        name = _names(inst)
        if inst.short:
            n = re.search(r"\d+$", inst.title or "")
            for other in self.items:
                if (
                    other.number
                    and n
                    and re.match(rf"0*{int(n.group())}\b(?=[/-])", other.number)
                    and (other.kind == inst.kind or inst.kind in ("DeAn", "ChuongTrinh", "KeHoach"))
                ):
                    return other
        if inst.kind in ("ChuongTrinh", "DeAn", "KeHoach", "ChienLuoc", "Other"):
            own = [name, *inst.names]
            for other in self.items:
                if other.number:
                    for carried in other.names:
                        if any(_same_name(n, carried) for n in own):
                            return other
        for other in self.items:
            if (
                (other.number is None or inst.kind in ("Luat", "PhapLenh"))
                and other.kind == inst.kind
                and _same_name(name, _names(other))
            ):
                if inst.date and other.date and inst.date[:4] != other.date[:4]:
                    continue
                if (
                    inst.issuer
                    and other.issuer
                    and inst.issuer.get("kind") != other.issuer.get("kind")
                ):
                    continue
                _merge(other, inst)
                return other
        self.items.append(inst)
        return inst

    def _variant(self, key: str, inst: Instrument) -> Instrument | None:
        """One instrument printed two ways: "118/TTg" and "118/QĐ-TTg" (the kind symbol left
        out), "Chỉ thị số 49-NQ/TW" and "49-CT/TW" (the kind word says which)."""
        lead = re.match(r"\d+", key)
        if lead is None:
            return None
        mine = [p for p in re.split(r"[-/]", key)[1:] if p not in KIND_BY_SYMBOL]
        my_kinds = [KIND_BY_SYMBOL[p] for p in re.split(r"[-/]", key)[1:] if p in KIND_BY_SYMBOL]
        for other_key, other in self.by_number.items():
            if re.match(rf"{lead.group()}(?!\d)", other_key) is None:
                continue
            theirs = [p for p in re.split(r"[-/]", other_key)[1:] if p not in KIND_BY_SYMBOL]
            their_kinds = [
                KIND_BY_SYMBOL[p] for p in re.split(r"[-/]", other_key)[1:] if p in KIND_BY_SYMBOL
            ]
            if mine != theirs or not mine:
                continue
            if not my_kinds or not their_kinds:
                return other  # "118/TTg": no kind symbol at all
            if inst.word_kind and inst.word_kind in their_kinds and inst.word_kind not in my_kinds:
                return other  # the kind word overrides a mistyped symbol
        return None

    def resolve_names(self) -> None:
        """An undated law lends nothing; a dated one lends its date to undated namesakes."""


def _merge(old: Instrument, new: Instrument) -> None:
    if (old.date is None and new.date is not None) or (
        old.date and new.date and len(new.date) > len(old.date) and new.date.startswith(old.date)
    ):
        old.date = new.date
    if new.issuer is not None and old.issuer is None:
        old.issuer = new.issuer
    if not old.title and new.title:
        old.title = new.title
        old.names = _carried_names(new.title)
    if old.number is None and new.number is not None:
        old.number = new.number


# ---------------------------------------------------------------------------
# relations

_LEGAL = re.compile(r"^(?:[-–•+*]\s*)?(?:[a-zđ]\)\s*)?căn cứ\b")
_PROPOSED = re.compile(
    r"(?:theo|xét)\s+(?:đề nghị|đề xuất)\b|ý kiến (?:của|thống nhất)\b.*\btại\s*$"
)
_CONFORM = re.compile(
    r"\b(?:phù hợp(?:\s+với)?|đáp ứng(?:\s+(?:các\s+)?(?:quy định|yêu cầu))?(?:\s+(?:của|tại))?"
    r"|sát với|tuân thủ)\s*$"
)
_CONFORM_ANY = re.compile(r"\b(?:phù hợp|đáp ứng|sát với|tương ứng)\b")
_CONTINUE = re.compile(
    r"\btiếp tục\s+(?:triển khai\s+|tổ chức\s+)?(?:thực hiện|triển khai|thi hành)\b"
)
_PURPOSE = re.compile(
    r"\b(?:để|nhằm)\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành|triển khai)\b"
)
_CONTRIBUTE = re.compile(r"\bgóp phần\s+(?:triển khai\s+)?(?:thực hiện|triển khai)\b")
_THEO = re.compile(
    r"(?:\btheo\s+(?:đúng\s+)?(?:các\s+)?|\b(?:căn cứ(?:\s+vào)?|bám sát|áp dụng"
    r"|thuộc)\s+(?:các\s+)?"
    r"|\b(?:quy định|hướng dẫn|chỉ đạo|tinh thần|yêu cầu|nội dung|phân cấp, ủy quyền|lộ trình)"
    r"(?:\s+(?:đã được|được))?(?:\s+quy định)?\s+(?:của|tại|trong|ở)\s+)"
    r"(?:(?:quy định|hướng dẫn|chỉ đạo|tinh thần|yêu cầu|nội dung|lộ trình|mức chi[\w\s]{0,30}?)"
    r"(?:\s+(?:đã được|được))?(?:\s+quy định)?\s*(?:(?:của|tại|trong|ở)\s+)?)?"
    r"(?:(?:các\s+)?(?:điểm|khoản|điều|mục|chương|phụ lục)\s+[\w.,\s]{1,40}?(?:(?:của|tại)\s+)?)?$"
)
_FUNDED_FROM = re.compile(
    r"\b(?:kinh phí|nguồn vốn|vốn|ngân sách|nguồn)\b[^;.]{0,40}\btừ(?:\s+các)?\s*$"
)
_GENERIC_PLURAL = re.compile(
    r"\b(?:thực hiện|triển khai)\b[^;.]{0,30}?\b(?:các|những)\s+(?:nghị quyết|chương trình|đề án"
    r"|kế hoạch|quyết định|chính sách|văn bản|chỉ thị|kết luận)\b"
)
_ATTACHED = re.compile(r"\bban hành kèm theo\s*$|\bkèm theo\s*$")
_REGULATED_BY = re.compile(
    r"\b(?:quy định|được quy định|đã được quy định)\s+(?:tại|trong|ở)\s+(?:[\w.,\s]{0,40}?)?$"
)
_INITIAL_IMPL = re.compile(
    r"^(?:[-–•+*]\s*)?(?:[a-zđ\d]{1,2}[.)]\s*)?(?:để\s+|nhằm\s+)?(?:tiếp tục\s+)?(?:tổ chức\s+)?"
    r"(?:triển khai\s+)?(?:thực hiện|triển khai|thi hành|cụ thể hóa|cụ thể hoá|quán triệt)\s+"
    r"(?:(?:có\s+)?hiệu quả\s+|nghiêm túc\s+|đầy đủ\s+|tốt\s+|đồng bộ\s+)?"
    r"(?:(?:các\s+)?(?:mục tiêu|nội dung|nhiệm vụ|giải pháp|chỉ đạo|quy định|chủ trương"
    r"|yêu cầu|định hướng)(?:[\s,]+(?:được giao|đã đề ra|đề ra|giao))?[\s,]*)*"
    r"(?:(?:theo|tại|của|trong)\s+)?(?:(?:các|những)\s+)?$"
)
_PLAN_IMPL = re.compile(
    r"\b(?:kế hoạch|chương trình(?: hành động)?|đề án)\b[^;]{0,120}?\b(?:triển khai\s+)?"
    r"(?:thực hiện|triển khai|thi hành|cụ thể hóa)\s+(?:các\s+)?$"
)
_REVIEW = re.compile(
    r"\b(?:sửa đổi|bổ sung|thay thế|rà soát|điều chỉnh|tổng kết|sơ kết|đánh giá|giám sát|kiến nghị"
    r"|hoàn thiện|thẩm tra)\b"
)
_DRAFT = re.compile(
    r"ban hành\s+và\s+(?:tổ chức\s+)?(?:triển khai\s+)?thực hiện\s*$|(?:xây dựng|ban hành"
    r"|soạn thảo|dự thảo|trình|nghiên cứu|đề xuất|lập|phê duyệt|thẩm định"
    r"|hoàn thiện|đề nghị xây dựng|chuẩn bị|tham mưu|thông qua|ký)\s+(?:mới\s+)?(?:các\s+)?$"
)
_NOT_YET = re.compile(
    r"^[^.;]{0,120}?\bsau khi\b[^.;]{0,60}?\b(?:ban hành|phê duyệt|thông qua|được ký)\b"
    r"|^\s*(?:\(sửa đổi\)\s*)?(?:được|chưa được)\s+(?:[^.;]{0,25}?\s)?(?:thông qua|phê duyệt"
    r"|ban hành)\b"
)
#: "X ... hết hiệu lực (thi hành) kể từ ngày Thông tư này có hiệu lực"
_LOSES_FORCE = re.compile(r"\s*,?\s*(?:sẽ\s+|đều\s+)?(?:hết hiệu lực|bị bãi bỏ|bị thay thế)\b")
_REPLACE_SELF = re.compile(
    r"(?:(?:quyết định|thông tư|nghị quyết|chỉ thị|nghị định|kế hoạch|quy chế|quy định"
    r"|văn bản)\s+này"
    r"[^.]*?\b(?:thay thế|bãi bỏ)\b|^(?:[-–•+*]\s*)?(?:[a-zđ\d]{1,2}[.)]\s*)?bãi bỏ\b)"
)


def _segment_start(low: str, i: int) -> int:
    """Start of the clause holding offset ``i``: after the last sentence end or a new
    "Căn cứ / Xét đề nghị / Theo đề nghị" run into the line."""
    best = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=\S)|(?<=[.!?:])\s*(?=[-–•+]\s)", low[:i]):
        if not re.search(r"(?:tp|\d|\bv\.v)\.$", low[: m.start()]):
            best = m.end()
    for m in re.finditer(r"(?:^|\s)(?=(?:căn cứ|xét đề nghị|theo đề nghị)\b)", low[:i]):
        if m.end() > best and (
            m.end() == 0 or not re.search(r"(?:của|và|theo|tại)\s*$", low[: m.start() + 1])
        ):
            best = m.end()
    return best


_VERB_THEO = re.compile(
    r"\btheo\s+(?:đúng\s+)?(?:các\s+)?(?:(?:quy định|hướng dẫn|chỉ đạo|tinh thần|yêu cầu|nội dung"
    r"|lộ trình|phân cấp, ủy quyền|cơ chế|mức chi[\w\s]{0,30}?)(?:\s+(?:đã được|được))?"
    r"(?:\s+quy định)?\s*(?:của\s+[^,;.]{1,60}?\s+)?(?:(?:của|tại|trong|ở)\s+)?)?"
    r"(?:(?:các\s+)?(?:điểm|khoản|điều|mục|chương|phụ lục)\s+[\w.,\s]{1,40}?(?:(?:của|tại)\s+)?)?$"
)
_NOUN_THEO = re.compile(
    r"\b(?:quy định|hướng dẫn|chỉ đạo|yêu cầu|tinh thần|nội dung)(?:\s+(?:đã được"
    r"|được))?(?:\s+quy định)?"
    r"\s+(?:của\s+[^,;.]{1,60}?\s+)?(?:của|tại|trong|ở)\s+"
    r"(?:(?:các\s+)?(?:điểm|khoản|điều|mục|chương|phụ lục)\s+[\w.,\s]{1,40}?(?:(?:của|tại)\s+)?)?$"
    r"|\b(?:bám sát|áp dụng|thuộc)\s+(?:các\s+)?$"
)
_IMPL_NEAR = re.compile(
    r"(?P<noun>\b(?:việc|dự toán|kinh phí|kết quả|tình hình|quá trình|sơ kết|tổng kết|đánh giá"
    r"|giám sát|kiểm tra|báo cáo)\s+(?:\w+\s+)?)?\b(?:thực hiện|triển khai|thi hành|áp dụng)\s+"
    r"(?P<how>(?:có\s+)?hiệu quả\s+|tốt\s+|nghiêm\s+(?:túc\s+)?|đầy đủ\s+|đồng bộ\s+)?(?:các\s+)?$"
)
#: a body directed to carry an instrument out ("hướng dẫn các doanh nghiệp thực hiện X")
_DIRECTED = re.compile(r"\b(?:hướng dẫn|đôn đốc|yêu cầu|chỉ đạo)\b")
#: instruments that detail or guide a law, to be drafted ("xây dựng các văn bản quy định chi
#: tiết, hướng dẫn thi hành Luật X"): the law is context
_DETAILING = re.compile(
    r"\b(?:văn bản|nghị định|thông tư)\b[^;.]{0,60}?(?:quy định chi tiết|hướng dẫn)"
    r"(?:\s*,?\s*(?:và\s+)?(?:quy định chi tiết|hướng dẫn))?(?:\s+(?:thi hành|thực hiện))?"
    r"(?:\s+(?:một số điều|các điều)(?:\s+của)?)?\s*$"
)
_IMPL_START = re.compile(
    r"^(?:[-–•+*]\s*)?(?:[a-zđ\d]{1,2}[.)]\s*)?(?:tiếp tục\s+|tập trung\s+|đẩy mạnh\s+"
    r"|tăng cường\s+)?"
    r"(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai|thi hành)\b"
)
_LOOKING_BACK = re.compile(
    r"\b(?:sau|qua)\s+(?:hơn\s+|gần\s+|gần\s+hai\s+)?(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
    r"|mười|nhiều)(?:\s+\w+)?\s+(?:năm|tháng)\s+(?:triển khai\s+)?(?:thực hiện|thi hành|triển khai)"
    r"\s*$"
)
_NEGATED = re.compile(r"\bkhông\s+(?:áp dụng|thuộc phạm vi|điều chỉnh)\b")


def _classify(u: _Unit, lead: str, clause: str, report: bool) -> str | None:
    """The relation of the document to an instrument given the words before it.

    ``lead``: the words since the previous instrument of the clause (or the clause start);
    ``clause``: the whole clause up to the instrument. Cues nearer the instrument win."""
    c = lead.rstrip()
    full = clause.rstrip()
    bare_item = not re.sub(r"^\s*(?:[-–•+*]|[a-zđ\d]{1,2}[.)])", "", c).strip()
    opening = u.zone in ("title", "preamble") or u.report_opening
    grounds = u.zone in ("preamble", "title") and _LEGAL.match(clause.lstrip())
    if (grounds or u.legal_section) and not _PROPOSED.search(full):
        return "legal_basis"
    if _PROPOSED.search(full) and re.search(r"\b(?:tại|ở)\b", full):
        return "proposed_by"
    if opening and re.match(r"^(?:[-–•+*]\s*)?xét\s*(?:các\s+)?$", full):
        return "proposed_by"  # "Xét Tờ trình số N của Ủy ban nhân dân tỉnh"
    if _REPLACE_SELF.search(full) and u.zone == "body":
        return "replaced"
    if _NEGATED.search(full) or (u.intro is not None and _NEGATED.search(u.intro)):
        return "mentions"
    if report and not u.report_opening:
        return "mentions"
    if not report and _LOOKING_BACK.search(c):
        return "mentions"  # "Sau 5 năm thực hiện Chỉ thị X, ...": what was done, not this act
    if opening and re.match(
        r"^(?:[-–•+*]\s*)?(?:thực hiện|triển khai)\s+(?:ý kiến\s+)?(?:chỉ đạo|chủ trương|yêu cầu"
        r"|ý kiến|kết luận|nhiệm vụ được giao)\b[^;]{0,90}?\b(?:tại|theo)\s*$",
        c,
    ):
        return "implements"  # "Thực hiện chỉ đạo của Thủ tướng Chính phủ tại Văn bản số N, ..."
    if _CONTINUE.search(c) or re.search(
        r"\b(?:đẩy mạnh|tăng cường)\s+(?:việc\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành)"
        r"(?:\s+(?:có\s+)?hiệu quả)?(?:\s+các)?\s*$",
        c,
    ):
        return "applies"  # "đẩy mạnh thực hiện Chỉ thị 18": carried on
    if _CONTRIBUTE.search(c):
        return "implements"
    if _PLAN_IMPL.search(c) or _PLAN_IMPL.search(full):
        return "implements"
    if u.zone == "title" and re.search(
        r"\b(?:thực hiện|triển khai|cụ thể hóa|cụ thể hoá|thi hành)\b|\bquy định (?:cụ thể"
        r"|chi tiết)\b",
        full,
    ):
        return "implements"
    if u.zone == "purpose" and _IMPL_START.match(full) and not re.search(r"\bđúng\b", c):
        return "implements"  # "Tổ chức triển khai thực hiện có hiệu quả các nội dung theo X"
    review = [
        m.end()
        for m in _REVIEW.finditer(c)
        if not re.search(r"(?:được|đã được)\s+$", c[: m.start()])
    ]
    theo = [m.end() for m in re.finditer(r"\btheo\b", c)]
    if _VERB_THEO.search(c + " ") and not (review and theo and review[-1] > theo[-1]):
        if re.search(r"\b(?:phù hợp|đáp ứng|sát)\s+(?:với\s+)?theo\b[^;]*$", c):
            return "conform"  # "đáp ứng theo đúng Quyết định X": conformity
        return "applies"
    if _ATTACHED.search(c) or _FUNDED_FROM.search(c):
        return "applies"
    if re.search(
        r"\b(?:để|nhằm)\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|thi hành"
        r"|triển khai)\s+(?:các\s+)?"
        r"(?:nội dung|nhiệm vụ|mục tiêu|giải pháp|yêu cầu)[\w\s,]{0,20}?\s+(?:trong|của|tại)\s+$",
        c + " ",
    ):
        return "mentions"
    conform = [m.end() for m in _CONFORM_ANY.finditer(c)]
    noun = _NOUN_THEO.search(c + " ") or _REGULATED_BY.search(c)
    if noun and not re.search(
        r"(?:sửa đổi|bổ sung|thay thế|rà soát|điều chỉnh|hoàn thiện)\s*(?:,\s*\w+\s*)*(?:một số"
        r"|các)?\s*$"
        r"|\b(?:việc|để|nhằm)\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai"
        r"|thi hành)\s+(?:các\s+)?$",
        c[: noun.start()],
    ):
        return "conform" if conform and (not review or conform[-1] > review[-1]) else "applies"
    if conform and (not review or conform[-1] > review[-1]):
        return "conform"
    if review:
        return "mentions"  # "sửa đổi một số quy định trong Luật X", "tổng kết việc thi hành X"
    if _INITIAL_IMPL.match(full + " ") or (
        u.intro is not None and _INITIAL_IMPL.match(u.intro.rstrip(":") + " ") and bare_item
    ):
        return "implements" if opening or u.zone == "purpose" else "applies"
    if _PURPOSE.search(c) or _DETAILING.search(c):
        return "mentions"
    near = _IMPL_NEAR.search(c + " ")
    led = re.search(
        r"\b(?:lãnh đạo|chỉ đạo|đôn đốc)\s+việc\s+(?:tổ chức\s+)?(?:triển khai\s+)?(?:thực hiện"
        r"|triển khai"
        r"|thi hành)\s+(?:các\s+)?$",
        c + " ",
    )
    purpose = near is not None and re.search(r"\b(?:để|nhằm)\b[^;.]*$", c[: near.start()])
    directed = near is not None and re.search(
        r"\b(?:hướng dẫn|đôn đốc|yêu cầu|chỉ đạo)\b[^,;]{0,50}$", c[: near.start()]
    )
    if led or (near and not near.group("noun") and not purpose and (near.group("how") or directed)):
        return "implements" if opening or u.zone == "purpose" else "applies"
    if _GENERIC_PLURAL.search(full):
        return "applies"
    if u.column == "basis":
        return "applies"
    if u.intro is not None and bare_item:
        rel = _classify_intro(u)
        if rel is not None:
            return rel
    if opening and re.search(r"\b(?:thực hiện|triển khai)\b", full):
        if _CONTINUE.search(full) and re.search(
            r"\b(?:gắn với|gắn liền với|kết hợp với|cùng với)\s+(?:việc\s+)?(?:thực hiện"
            r"|triển khai)\s*$",
            c,
        ):
            return "applies"  # "tiếp tục thực hiện X gắn với thực hiện Y": Y carried on too
        return "implements"
    if u.zone == "body" and _IMPL_START.match(full):
        return "applies"
    return "mentions"


def _classify_intro(u: _Unit) -> str | None:
    intro = (u.intro or "").rstrip(": ")
    if (
        re.search(r"\b(?:bãi bỏ|hết hiệu lực)\b", intro)
        and u.zone == "body"
        and not re.search(r"(?:kiến nghị|đề nghị|đề xuất|xem xét)\s+(?:\w+\s+)?bãi bỏ", intro)
    ):
        return "replaced"
    if _LEGAL.match(intro) and u.zone != "body":
        return "legal_basis"
    if re.search(r"\b(?:thực hiện|triển khai)\b[^:]*\bnhư$", intro) or _VERB_THEO.search(
        intro + " "
    ):
        return "applies"
    if re.search(r"\bnhư$", intro):
        return "mentions"
    return None


# ---------------------------------------------------------------------------
# main


def extract_citations(doc: Doc, document: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """The citations of ``doc`` in the gold form (with ``_span`` provenance)."""
    document = document or {}
    issuer = document.get("issuer") if isinstance(document.get("issuer"), dict) else None
    province = (issuer or {}).get("scope") or document.get("place")
    if province == "national":
        province = None
    own_number = document.get("number")
    if not (isinstance(own_number, str) and NUMBER.fullmatch(own_number)):
        own_number = _own_number(doc)
    own_kind = document.get("kind")
    report = own_kind == "BaoCao" or _is_report(doc)

    units = _units(doc)
    if report:
        for u in units:
            if u.low.lstrip(" \t|").startswith(("thực hiện", "triển khai")):
                u.report_opening = True
                break

    scanned: list[tuple[_Unit, list[Mention]]] = []
    for u in units:
        scanned.append((u, _scan(u, province, own_number)))
    for _, ms in scanned:
        _link(ms)
        _fold_named(ms)

    # titles, then identity
    registry = _Registry()
    for _, ms in scanned:
        for m in ms:
            if m.inst is not None and m.inst.number and m.title_start is not None:
                title = m.unit.text[m.title_start : m.title_end or m.end]
                m.inst.title = _clean_title(title) or None
                m.inst.names = _carried_names(m.inst.title or "")
    for _, ms in scanned:
        for m in ms:
            if m.folded_name and m.inst is not None:
                m.inst.names.append(m.folded_name)
    self_names = _self_names(document)
    for _, ms in scanned:
        for m in ms:
            if m.inst is not None and m.inst.number:
                m.inst = registry.add(m.inst)
    for _, ms in scanned:
        for m in ms:
            if m.inst is None or m.inst.number:
                continue
            if m.named and not m.law and _is_self(_words(m.inst.title or ""), self_names):
                m.skip = True
                continue
            m.inst = registry.add(m.inst)

    _aliases(scanned, registry)

    triples: list[tuple[str, str, Instrument, Mention]] = []
    self_inst = _self_instrument(document, province)
    if self_inst is not None and own_number:
        self_inst.number = own_number
    seen_table: list[str] = []
    for u, ms in scanned:
        prev: Mention | None = None
        rel: str | None
        for m in ms:
            if m.inst is None or m.skip:
                continue
            if m.parent is not None:
                continue
            if u.para.kind == "table" and _repeated(u, m, seen_table):
                continue
            at = m.lead_start if m.lead_start is not None else m.start
            s0 = _segment_start(u.low, at)
            clause = u.low[s0:at]
            same = prev is not None and prev.start >= s0
            lead_from = prev.end if same and prev is not None and prev.end <= at else s0
            lead = u.low[lead_from:at]
            m.evidence_start = s0
            coordinated = False
            if m.amended is not None and m.amended.relation is not None:
                rel = m.amended.relation
                if rel != "legal_basis" and "(" in u.low[m.amended.core_end : m.start]:
                    # "Theo X (đã được sửa đổi ... tại Y)": the aside only records the amendment
                    rel = None
            elif same and prev is not None and prev.relation is not None and _COORD.match(lead):
                rel, coordinated = prev.relation, True
            elif (
                same
                and prev is not None
                and prev.relation in ("implements", "applies", "legal_basis", "conform")
                and re.match(r"^\s*về\b[^;:()]{0,200}\svà\s*$", lead)
            ):
                rel, coordinated = prev.relation, True  # "X về <its subject> và Y"
            else:
                rel = _classify(u, lead, clause, report)
                if (
                    rel == "mentions"
                    and same
                    and prev is not None
                    and prev.relation
                    and (not lead.strip(" ,;") or re.search(r";\s*$", lead))
                ):
                    rel, coordinated = prev.relation, True
                if (
                    rel == "mentions"
                    and m.folded_via == "theo"
                    and not report
                    and not re.search(
                        r"(?:xây dựng|lập|ban hành|trình)\s+(?:các\s+)?(?:kế hoạch|chương trình"
                        r"|đề án)",
                        lead,
                    )
                ):
                    rel = "applies"
            if m.named and rel is not None:
                ok = _named_ok(u, m, clause if coordinated else lead, rel)
                revised = m.law and re.search(r"\(\s*sửa đổi\s*\)", u.low[m.start : m.end + 12])
                if ok is None and not m.inst.number and not m.inst.date and not revised:
                    # ("Luật X (sửa đổi)" to be drafted is not the Luật X in force)
                    m.inst.pending = True  # still to be drafted or approved: never a citation
                if not ok:
                    m.skip = True
                    continue
            if rel in ("mentions", "applies") and _LOSES_FORCE.match(u.low, m.end):
                rel = "replaced"
            m.relation = rel
            prev = m
            if rel == "replaced":
                triples.append(("self", "mentions", m.inst, m))
                if self_inst is not None:
                    triples.append((f"#{id(m.inst)}", "replaced_by", self_inst, m))
                continue
            if rel == "conform":  # (what is coordinated with it conforms too)
                triples.append(("self", "conform", m.inst, m))
                continue
            if rel is not None:
                triples.append(("self", rel, m.inst, m))
        if u.para.kind == "table":
            seen_table.append(u.text)
        # chains
        for m in ms:
            if m.inst is None or m.skip:
                continue
            if m.amended is not None and m.amended.inst is not None:
                triples.append((f"#{id(m.amended.inst)}", "amended_by", m.inst, m))
            if (
                m.parent is None
                or m.parent.inst is None
                or m.parent.skip
                or m.parent.inst is m.inst
            ):
                continue
            rel = m.chain_rel or "mentions"
            if rel == "mentions":
                continue
            if not _identified(m.inst):
                continue
            if not _identified(m.parent.inst) and not (m.parent.named and not m.parent.inst.short):
                continue
            if m.amends or rel == "replaced_by":
                # the inner one is amended by the outer one
                triples.append((f"#{id(m.inst)}", rel, m.parent.inst, m))
                triples.append(("need", "mentions", m.inst, m))
            else:
                triples.append((f"#{id(m.parent.inst)}", rel, m.inst, m))
    _amending_laws(scanned, registry, triples)
    triples = [
        t
        for t in triples
        if not t[2].pending and not (t[0].startswith("#") and _pending_subject(t, registry))
    ]
    return _assemble(triples)


def _repeated(u: _Unit, m: Mention, earlier: list[str]) -> bool:
    """A garbled table cell repeating a citation phrase of an earlier row verbatim."""
    frag = u.text[m.start : min(len(u.text), m.core_end + 40)]
    return len(frag) > 30 and any(frag in t for t in earlier[-3:])


def _own_number(doc: Doc) -> str | None:
    """The document's number from its "Số:" line (when the header reading found none)."""
    for p in doc.paragraphs[:40]:
        m = re.search(r"(?:^|\s|\|)(?:Số|SỐ)\s*(?:hiệu)?\s*:\s*", p.text)
        if m:
            n = NUMBER.match(p.text, m.end()) or re.match(
                r"\d{1,5}\s?/\s?(?:19|20)\d\d\s?/\s?\S+", p.text[m.end() :]
            )
            if n:
                return canon_number(n.group())
    return None


def _is_report(doc: Doc) -> bool:
    """Does the document's kind line say BÁO CÁO (when the header reading did not)?"""
    return any(diacritic_key(p.text).strip(" \t|*") == "báo cáo" for p in doc.paragraphs[:40])


def _pending_subject(t: tuple[str, str, Instrument, Mention], registry: _Registry) -> bool:
    sid = int(t[0][1:])
    return any(id(i) == sid and i.pending for i in registry.items)


def _identified(inst: Instrument) -> bool:
    return bool(inst.number or inst.date)


def _named_ok(u: _Unit, m: Mention, lead: str, rel: str) -> bool | None:
    """Is an instrument named without a number cited here? ``False`` when it is a product
    of a task table or part of a body's name, ``None`` when the document says it is still
    to be drafted, submitted or approved ("xây dựng Đề án ...", "trình ... dự án Luật X",
    "ngay sau khi được phê duyệt")."""
    if u.column == "product":
        return False
    if m.listed or m.party or (m.inst is not None and m.inst.short):
        return True
    tail = u.low[m.end : m.end + 160]
    if _NOT_YET.match(tail) or _NOT_YET.match(u.low[m.core_end : m.core_end + 160]):
        return None
    near = lead[-50:]
    if _DRAFT.search(near) and not re.search(
        r"(?:sửa đổi|bổ sung|điều chỉnh|rà soát)\s+(?:các\s+)?$", near
    ):
        return None
    if (
        m.law
        and re.search(r"\bdự án\s*:?\s*$", near)
        and not re.search(r"(?:sửa đổi|bổ sung|rà soát|thẩm tra)", lead)
    ):
        return None  # "trình Chính phủ dự án Luật X": a bill
    if re.search(
        r"(?:tổ công tác|ban chỉ đạo|hội đồng|văn phòng|quỹ|dự án)\s+(?:triển khai\s+"
        r"|thực hiện\s+)?$",
        near,
    ):
        return False
    if m.law:
        return True
    if rel in ("applies", "implements", "legal_basis", "conform"):
        return True
    # mentions: only a reviewed, adjusted or supervised instrument, or context with a scope
    return bool(
        _REVIEW.search(lead[-80:]) or re.search(r"\b(?:vào|với|của|trong|tham gia|hưởng)\s*$", near)
    )


def _self_names(document: dict[str, Any]) -> list[list[str]]:
    """Names the document goes by ("Kế hoạch <title>", the plan a decision promulgates):
    a mention of them is the document itself, not a citation."""
    out: list[list[str]] = []
    words = {
        "KeHoach": "kế hoạch",
        "DeAn": "đề án",
        "ChuongTrinh": "chương trình",
        "ChienLuoc": "chiến lược",
        "Other": "",
    }
    prom = document.get("promulgates")
    if isinstance(prom, dict) and prom.get("title"):
        t = str(prom["title"])
        out.append(_words(t))
        kw = words.get(str(prom.get("kind")), "")
        if kw:
            out.append(_words(kw + " " + t))
    title = document.get("title")
    if isinstance(title, str) and title:
        kw = words.get(str(document.get("kind")), "")
        if kw:
            out.append(_words(kw + " " + title))
        m = re.match(
            r"^(?:ban hành|phê duyệt|thông qua)\s+(?P<rest>(?:đề án|chương trình|kế hoạch"
            r"|chiến lược"
            r"|quy chế|quy định)\b.*)$",
            diacritic_key(title),
        )
        if m:
            out.append(_words(m.group("rest")))
    return [w for w in out if len(w) >= 3]


def _is_self(words: list[str], self_names: list[list[str]]) -> bool:
    for s in self_names:
        if _same_name(words, s) or (len(words) >= 4 and s[: len(words)] == words):
            return True
    return False


def _self_instrument(document: dict[str, Any], province: str | None) -> Instrument | None:
    if not document:
        return None
    issuer = document.get("issuer") if isinstance(document.get("issuer"), dict) else None
    iss = {k: str(v) for k, v in issuer.items()} if issuer else None
    return Instrument(
        str(document.get("kind") or "Other"),
        document.get("number"),
        document.get("date"),
        iss,
        document.get("title"),
    )


def _aliases(scanned: list[tuple[_Unit, list[Mention]]], registry: _Registry) -> None:
    aliases: dict[str, Instrument | None] = {}
    for u, ms in scanned:
        for am in _ALIAS.finditer(u.text):
            alias = re.sub(r"^là\s+", "", am.group("alias").strip(" *_"))
            before = [
                m for m in ms if m.parent is None and m.start < am.start() and m.inst is not None
            ]
            if not before:
                continue
            last = before[-1]
            gap = u.low[last.core_end : am.start()]
            if len(gap) > 400 or re.search(r"ban hành\s+kế hoạch", gap):
                continue
            if re.search(r"\w", alias) and len(alias.split()) <= 8:
                # an alias of the document itself ("ban hành Kế hoạch X (sau đây viết tắt là
                # Kế hoạch)") names no citation
                target: Instrument | None = None if last.skip else last.inst
                if last.skip and last.named:
                    # a programme carried in a decision's title ("Quyết định số N phê duyệt
                    # Đề án X (sau đây gọi tắt là Đề án)"): the alias is that decision
                    for m in ms:
                        if (
                            m.inst is not None
                            and m.inst.number
                            and m.title_start is not None
                            and m.title_start <= last.start < (m.title_end or m.end)
                        ):
                            target = m.inst
                aliases[alias] = target
            for m in ms:
                if (
                    m.title_start is not None
                    and m.title_end is not None
                    and m.title_start < am.start() < m.title_end
                ):
                    m.title_end = am.start()
    if not aliases:
        return
    by_length = sorted(aliases.items(), key=lambda kv: -len(kv[0]))
    for i, (u, ms) in enumerate(scanned):
        extra: list[Mention] = []
        for alias, inst in by_length:
            if alias not in u.text:
                continue
            for am in re.finditer(rf"(?<![\w]){re.escape(alias)}(?![\w])", u.text):
                a, b = am.span()
                if any(
                    m.start <= a < max(m.end, m.core_end) for m in ms + extra if m.parent is None
                ):
                    # an alias read as a short name or a programme: it is the aliased one
                    for m in ms:
                        if m.start == a and m.named:
                            if inst is None:
                                m.skip = True
                            else:
                                m.inst = inst
                    continue
                if inst is None:
                    continue
                if re.match(r"\s*[”\"*]*\s*\)", u.text[b:]) or re.search(
                    r"là\s*[“\"*]*$", u.text[:a]
                ):
                    continue
                extra.append(Mention(u, a, b, b, inst))
        if extra:
            ms.extend(extra)
            ms.sort(key=lambda x: x.start)
            scanned[i] = (u, ms)
    del registry


def _amending_laws(
    scanned: list[tuple[_Unit, list[Mention]]],
    registry: _Registry,
    triples: list[tuple[str, str, Instrument, Mention]],
) -> None:
    """ "Luật sửa đổi, bổ sung một số điều của Luật A và Luật B": A and B, where cited
    with a date, are amended by it."""
    cited = {id(t[2]) for t in triples if t[0] == "self"}
    for _, ms in scanned:
        for m in ms:
            inst = m.inst
            if inst is None or m.skip or inst.kind not in ("Luat", "PhapLenh") or not inst.title:
                continue
            if not re.match(r"(?:luật|pháp lệnh)\s+(?:sửa đổi|bổ sung)", diacritic_key(inst.title)):
                continue
            amended_part = re.split(r"\bcủa\b", inst.title, maxsplit=1)
            body = amended_part[1] if len(amended_part) > 1 else inst.title
            for other in registry.items:
                if other is inst or other.kind != inst.kind or not other.title:
                    continue
                if not other.date or (inst.date and other.date >= inst.date):
                    continue
                if id(other) not in cited:
                    continue
                ow = _words(other.title)
                bw = _words(body)
                if any(bw[k : k + len(ow)] == ow for k in range(len(bw))):
                    triples.append((f"#{id(other)}", "amended_by", inst, m))


def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip(" ,;:.")
    t = re.sub(r"\b(\w+) \1\b", r"\1", t)
    t = re.sub(r"^(?:về việc|về|v/v)\s+", "", t, flags=re.IGNORECASE)
    t = re.sub(r"\s*[|\t].*$", "", t)
    return t.strip("*_ ()")


def _evidence(m: Mention, parent: Mention | None = None) -> str:
    text = m.unit.text
    s = parent.start if parent is not None else (m.evidence_start or m.start)
    e = m.core_end
    tail = _DATE_AFTER.match(text, e)
    if tail:
        e = tail.end()
    return re.sub(r"\s+", " ", m.unit.para.text[s:e]).strip(" ,;:-|\t")


def _assemble(triples: list[tuple[str, str, Instrument, Mention]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str, str]] = set()
    first_id: dict[int, str] = {}
    specific: set[tuple[str, str]] = set()

    def add(subj: str, rel: str, inst: Instrument, m: Mention) -> str:
        cid = f"c{len(out) + 1}"
        out.append(_item(cid, subj, rel, inst, m))
        return cid

    def subject(s: str) -> str | None:
        if s == "self":
            return "self"
        if s.startswith("#"):
            return first_id.get(int(s[1:]))
        return None

    # self relations first (specific, then conformity, then mentions), chains after
    selfs = [t for t in triples if t[0] == "self"]
    for phase in ("specific", "conform", "mentions"):
        for _, rel, inst, m in selfs:
            kind = rel if rel in ("mentions", "conform") else "specific"
            if kind != phase:
                continue
            key_inst = _ikey(inst)
            if phase != "specific" and ("self", key_inst) in specific:
                continue
            r = "applies" if rel == "conform" else rel
            key = ("self", r, key_inst)
            if key in seen:
                continue
            seen.add(key)
            if phase != "mentions":
                specific.add(("self", key_inst))
            cid = add("self", r, inst, m)
            first_id.setdefault(id(inst), cid)
    # instruments needed as chain subjects get a mention of their own
    for s, _, inst, m in triples:
        if s == "need" and id(inst) not in first_id:
            used = any(t[0] == f"#{id(inst)}" for t in triples)
            if used:
                key = ("self", "mentions", _ikey(inst))
                if key not in seen:
                    seen.add(key)
                    first_id[id(inst)] = add("self", "mentions", inst, m)
    for s, rel, inst, m in triples:
        if s in ("self", "need"):
            continue
        subj = subject(s)
        if subj is None:
            continue
        key = (subj, rel, _ikey(inst))
        if key in seen:
            continue
        seen.add(key)
        add(subj, rel, inst, m)
    return _renumber(out)


def _ikey(inst: Instrument) -> str:
    if inst.number:
        return normalize_number(inst.number)
    return f"{inst.kind}|{ascii_key(inst.title or '')}|{id(inst)}"


def _item(cid: str, subj: str, rel: str, inst: Instrument, m: Mention) -> dict[str, Any]:
    p = m.unit.para
    a = m.evidence_start if m.evidence_start is not None else m.start
    if m.parent is not None:
        a = m.parent.start
    s, e = p.span_of(a, m.core_end)
    return {
        "id": cid,
        "subject": subj,
        "relation": rel,
        "target": inst.target(),
        "evidence": _evidence(m, m.parent),
        "_span": [s, e],
    }


def _renumber(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    order = sorted(range(len(items)), key=lambda k: (items[k]["_span"][0], k))
    mapping = {items[k]["id"]: f"c{new}" for new, k in enumerate(order, start=1)}
    out: list[dict[str, Any]] = []
    for k in order:
        it = dict(items[k])
        it["id"] = mapping[it["id"]]
        if it["subject"] != "self":
            it["subject"] = mapping.get(it["subject"], it["subject"])
        it["target"] = dict(it["target"])
        out.append(it)
    return out
