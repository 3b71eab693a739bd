"""Quantities in Vietnamese administrative text: numbers, comparators, counted nouns.

:func:`quantities` finds each quantity of a clause: a number (Vietnamese numerals: "01" ->
1, "7,5" -> 7.5, "1.000" -> 1000) followed by "%" or a counted noun ("05 chuyên gia", "114
Cơ sở dữ liệu", "63/63 tỉnh", "25 triệu lượt khách", "500 khẩu súng", "32 giường bệnh/vạn
dân", "dưới 30/100.000 trẻ đẻ sống", "tăng 1,5 lần"), with its comparator ("ít nhất", "tối
thiểu", "trên", "khoảng", "không dưới", "từ ... đến ...", "15 - 20%", "30 doanh nghiệp trở
lên", "≥", "≤"); a rank to reach ("thuộc nhóm 15 tỉnh, thành phố dẫn đầu", "Top 10") is at
most that rank; "trên 10.000 dân" after a count is per capita. A measure ("1.000 ha", "50
km", "500 MW", "6,5 triệu m2 sàn") is a quantity flagged ``measure`` and money ("55 tỷ USD")
one flagged ``money``: the caller decides whether they are outcomes ("5.400 USD" is money, a
sum in đồng a rate or a price, no quantity). Numbers that are dates, years, document
numbers, article or clause numbers, scales ("1:50.000"), durations, ages, scores ("85 điểm";
"12 điểm ven biển" counts places), ratings ("3 sao"), copies of a paper ("01 bản"), group
numbers or all of a known set ("cả 03 tiêu chí") are not quantities.
:func:`cell_values` reads the value cell of an indicator table ("≥ 5", "≤ 3 Đông Nam Á;
≤ 50 Thế giới", "> 0,7", "Trên 600", "Tăng ít nhất 2 bậc", "Top 10").
:func:`indicator_of` gives the indicator code of SCHEMA.md a target fits, else ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.ingest.reading import diacritic_key

__all__ = ["Quantity", "Value", "cell_values", "indicator_of", "parse_number", "quantities"]

#: (comparator, min, max, unit)
Value = tuple[str, int | float | None, int | float | None, str]

# --- numbers -----------------------------------------------------------------------------

_NUM = (
    r"\d{1,3}(?:\.\d{3})+,\d+(?!\d)|\d{1,3}(?:\.\d{3})+(?![\d,])|\d{1,3}(?: \d{3})+(?![\d,.])|"
    r"\d+(?:,\d+)?"
)
#: a number that is not glued to a word, a date or a symbol ("5G", "01/NQ-CP", "1:50.000")
_QTY = re.compile(
    rf"(?<![\w/.:,\-])(?P<a>{_NUM})(?P<pa>\s*[%‰])?"
    rf"(?:\s*(?:-|–|đến|tới)\s*(?P<b>{_NUM})(?P<pb>\s*[%‰])?)?"
    rf"(?:(?<=[%‰])|(?![\w/]|[.,]\d))"
)
#: "63/63 tỉnh": all of them
_ALL_OF = re.compile(r"(?<![\w/.:,\-])(?P<a>\d+)\s*/\s*(?P=a)(?![\w/]|[.,]\d)")


def parse_number(s: str) -> int | float:
    """Vietnamese numeral: "01" -> 1, "7,5" -> 7.5, "1.000" -> 1000, "2.500,5" -> 2500.5,
    "25 000" -> 25000."""
    s = s.strip()
    if re.fullmatch(r"\d{1,3}(?: \d{3})+", s):
        return int(s.replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", s):
        return float(s.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return int(s.replace(".", ""))
    if "," in s:
        return float(s.replace(",", "."))
    if "." in s:
        return float(s)
    return int(s)


# counted nouns written as several words, kept whole as the unit (the longest is tried first)
_UNIT_HEADS = (
    "lượt cán bộ, công chức, viên chức", "lượt cán bộ lãnh đạo, quản lý và người lao động",
    "trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp", "trường đại học, cao đẳng",
    "cơ sở giáo dục nghề nghiệp", "trường đại học", "lượt người", "lượt chuyên gia",
    "lượt cán bộ", "lượt doanh nghiệp", "chuyên gia", "câu lạc bộ", "doanh nghiệp",
    "tổ chức", "đơn vị hành chính cấp huyện", "đơn vị hành chính", "đơn vị", "hợp tác xã",
    "cơ sở dữ liệu", "cơ sở", "nhóm nghiên cứu", "mô hình", "sản phẩm", "giấy chứng nhận",
    "tiêu chuẩn", "quy chuẩn", "phòng thí nghiệm", "hồ chứa", "công trình", "dự án",
    "thương vụ", "trung tâm", "tỉnh, thành phố", "tỉnh thành phố",
    # a head and its two-syllable complement ("05 khu du lịch quốc gia")
    "trường cao đẳng", "trường trung cấp", "trường đại học", "trường mầm non",
    "trường tiểu học", "trường trung học", "trạm y tế", "khu du lịch", "điểm du lịch",
    "khu công nghiệp", "cụm công nghiệp", "khu kinh tế", "nhà văn hóa", "hồ sơ", "vùng nguyên liệu",
    "sản phẩm du lịch", "thiết kế mẫu", "giếng khoan", "tổ công nghệ số",
)  # fmt: skip
_HEADS_LONGEST_FIRST = sorted(_UNIT_HEADS, key=len, reverse=True)
#: words after a number that make it a duration, a date, money, a measure, a frequency,
#: an age or a score: not a count of outcomes
_NOT_UNIT = frozenset(
    re.split(
        r"\s+",
        "năm tháng ngày giờ phút giây tuần quý buổi lần tuổi khẩu điểm đồng vnđ vnd usd "
        "triệu tỷ nghìn ngàn trăm cm mm độ giường suất bước kỳ khóa khoá lớp thứ số phần nhóm "
        "mức sao bản",
    )
)
#: money: a multiple of a currency ("55 tỷ USD", "135 triệu đồng"), or dollars ("GDP bình
#: quân đầu người đạt 5.400 - 5.500 USD"); sums in đồng are rates and prices, not outcomes
_MONEY = re.compile(
    r"^(?:(?:(?:nghìn|ngàn)\s+tỷ|tỷ|triệu|nghìn|ngàn)\s+(?:usd|đô la|đồng)|usd|đô la)\b"
)
#: words that multiply the number before a counted noun ("25 triệu lượt khách")
_MULTIPLIERS = ("nghìn", "ngàn", "triệu", "tỷ")
#: words of _NOT_UNIT that head a counted noun when these words follow ("500 khẩu súng",
#: "02 ngày hội"), not a household size or a duration
_NOUN_AFTER = {
    "khẩu": ("súng", "pháo"),
    "ngày": ("hội", "lễ"),
    # "bản" counts copies of a paper ("gửi 01 bản", "sao lưu 02 bản"), villages only so named
    "bản": ("làng", "đặc", "vùng", "dân", "khó"),
}
#: "điểm" counts places ("12 điểm ven biển", "05 điểm du lịch") unless it is a score ("đạt
#: 85 điểm", "80 điểm trở lên", "điểm sàn")
_SCORE_AFTER = frozenset(("trở", "trên", "theo", "và", "sàn", "chuẩn", "số", "tuyệt", "đánh"))
#: a rate per head of population: "32 giường bệnh/vạn dân", "12 bác sĩ/10.000 dân"
_PER_PEOPLE = re.compile(
    r"(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*/\s*(?:vạn|nghìn|ngàn|\d{1,3}(?:\.\d{3})+|\d+)\s+"
    r"(?:người\s+)?dân(?:\s+số)?\b"
)
#: a rate per a power of ten: "dưới 30/100.000 trẻ đẻ sống", "14/1.000 trẻ sơ sinh"
_PER_N = re.compile(
    rf"(?<![\w/.:,\-])(?P<a>{_NUM})\s*(?P<per>/\s*(?:100|1\.000|10\.000|100\.000|1\.000\.000)"
    r"\s+[^\W\d_]+(?:\s+[^\W\d_]+){0,3})"
)
#: "trên 10.000 dân" after a count is per capita ("Số bác sĩ trên 10.000 dân đạt 15 bác sĩ")
_PER_CAPITA = re.compile(
    r"\btrên\s+(?P<a>100|1\.000|10\.000|100\.000|vạn)\s+(?:người\s+)?(?:dân|dân số|trẻ)\b"
)
#: a rank to reach: "thuộc nhóm 15 tỉnh, thành phố dẫn đầu", "Top 10"
_RANK = re.compile(
    r"(?:\b(?:thuộc|trong|vào)\s+nhóm|\btop|\b(?:một|1|01)\s+trong(?:\s+số)?)\s+"
    r"(?P<a>\d{1,3})(?![\w/]|[.,]\d)"
)
_RANK_LEADING = re.compile(
    r"dẫn đầu|đứng đầu|cao nhất|hàng đầu|tốt nhất|xếp hạng|thứ hạng|chỉ số|\bpci\b|\bpar\b|"
    r"sipas|\bdti\b|papi"
)
#: what a "Top N" ranks: places, countries, universities
_RANKED_AFTER = re.compile(
    r"\s*(?:tỉnh|thành phố|địa phương|quốc gia|nước|nền kinh tế|cả nước|khu vực|thế giới|"
    r"đông nam á|châu á|trường đại học|đại học|bộ, ngành|bộ|cơ quan)\b"
)
#: a word that is a duration, an age or a size after a number, which is a target's unit when
#: the thing it measures was named before ("Tuổi thọ trung bình đạt 75,5 tuổi", "Số giường
#: bệnh ... đạt 32 giường", "Chiều cao ... đạt 168,5 cm", "số năm sống khỏe đạt 68 năm")
_NAMED_BEFORE = {"tuổi": "tuổi thọ", "giường": "giường", "cm": "chiều cao", "năm": "số năm"}
#: a measure after a number, with its multiplier and its rate ("1.000 ha", "6,5 triệu m2
#: sàn", "32 m2 sàn/người", "500 tấn/ngày")
_MEASURE_AFTER = re.compile(
    r"\s*((?:(?:nghìn|ngàn|triệu|tỷ)\s+)?(?P<m>[^\W_]+[²]?)(?:\s+sàn)?(?:\s*/\s*[^\W\d_]+)?)"
)
#: a multiplier: "tăng 1,5 lần so với năm 2025", "gấp 2 lần"
_TIMES = re.compile(
    r"\b(?:tăng|gấp|giảm|lên)(?:\s+(?:gấp|lên))?(?:\s+(?:ít nhất|tối thiểu|trên|hơn|khoảng))?\s*$"
)
#: measures ("1.000 ha rừng", "50 km đường", "500 MW"): an outcome in an objective, a rule
#: elsewhere ("diện tích tối thiểu 30 m2")
_MEASURES = frozenset(
    re.split(
        r"\s+",
        "ha héc-ta hecta km km2 m m2 m² m3 kg tạ tấn lít mw kw kwh gw gwh gb tb tbps mbps gbps",
    )
)
#: words that cannot start a counted noun (function words, verbs)
_STOP = frozenset(
    re.split(
        r"\s+",
        "và của cho được có là đạt tại ở về để với trong trên theo thuộc từ đến khi nếu thì "
        "các những mỗi này đó hoặc như tham gia",
    )
)
_CMP_BEFORE = (
    ("at_least", re.compile(
        r"(?:ít nhất|tối thiểu|không (?:dưới|thấp hơn|ít hơn)|≥|>=)(?:\s+(?:có|là|đạt|được))?\s*$"
    )),
    ("at_most", re.compile(r"(?:tối đa|không (?:vượt )?quá|dưới|≤|<=|<)(?:\s+(?:có|là))?\s*$")),
    ("more_than", re.compile(r"(?:trên|hơn|vượt|>)\s*$")),
    ("about", re.compile(r"(?:khoảng|gần|xấp xỉ|chừng)\s*$")),
)  # fmt: skip


@dataclass(frozen=True)
class Quantity:
    comparator: str
    min: int | float | None
    max: int | float | None
    unit: str
    start: int  # offsets in the clause
    end: int
    money: bool = False
    measure: bool = False


def _unit_after(clause: str, f: str, pos: int) -> tuple[str, bool] | None:
    """The counted noun after a number ending at ``pos`` (unit, is money), or None."""
    rest = f[pos:]
    stripped = rest.lstrip()
    k = pos + len(rest) - len(stripped)
    if not stripped or not (stripped[0].isalpha()):
        return None
    m = _MONEY.match(stripped)
    if m:
        return clause[k : k + m.end()], True
    m = _PER_PEOPLE.match(stripped)
    if m:
        return clause[k : k + m.end()], False
    first = stripped.split(maxsplit=1)[0]
    if first in _MULTIPLIERS:
        inner = _unit_after(clause, f, k + len(first))
        if inner is None or inner[1]:
            return None
        end = clause.find(inner[0], k + len(first)) + len(inner[0])
        return clause[k:end], False
    for head in _HEADS_LONGEST_FIRST:
        if stripped.startswith(head) and not stripped[len(head) : len(head) + 1].isalnum():
            return clause[k : k + len(head)], False
    words = re.match(r"[^\W\d_]+(?:\s+[^\W\d_]+){0,2}", stripped)
    if not words:
        return None
    parts = words.group().split()
    noun_after = len(parts) > 1 and (
        parts[1] in _NOUN_AFTER.get(parts[0], ())
        or (parts[0] == "điểm" and parts[1] not in _SCORE_AFTER and parts[1] not in _STOP)
    )
    if (parts[0] in _NOT_UNIT and not noun_after) or parts[0] in _STOP or parts[0] in _MEASURES:
        return None
    n = 1
    limit = 3 if parts[0] in ("lượt", "số") else 2
    while n < len(parts) and parts[n] not in _STOP and n < limit:
        n += 1
    length = len(" ".join(parts[:n]))
    return clause[k : k + length], False


def _named_before(clause: str, f: str, pos: int) -> tuple[str, bool] | None:
    """The unit of a number whose word after it names what was measured before it."""
    m = re.match(r"\s*([^\W\d_]+)", f[pos:])
    if m is None or m.group(1) not in _NAMED_BEFORE:
        return None
    if _NAMED_BEFORE[m.group(1)] not in f[max(0, pos - 120) : pos]:
        return None
    return clause[pos + m.start(1) : pos + m.end(1)], False


def quantities(clause: str) -> list[Quantity]:
    """The quantities of a clause: numbers followed by "%" or a counted noun."""
    f = diacritic_key(clause)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _PER_N.finditer(f):
        words = m.group("per").split()
        n_words = next(
            (i for i, w in enumerate(words[2:], 2) if w in _STOP or w == "trở"), len(words)
        )
        unit = " ".join(clause[m.start("per") : m.end("per")].split()[:n_words])
        unit = re.sub(r"^/\s*", "/", unit)
        # the comparator after the unit: "đạt từ 90/100 điểm trở lên"
        end = f.find(words[n_words - 1], m.start("per")) + len(words[n_words - 1])
        cmp, mn, mx = _single(f, m.start(), end, parse_number(m.group("a")))
        out.append(Quantity(cmp, mn, mx, unit, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _RANK.finditer(f):
        leading = _RANK_LEADING.search(f[m.end() : m.end() + 80])
        if not leading and (
            "top" not in m.group()
            or not (
                _RANKED_AFTER.match(f[m.end() :])
                or _RANK_LEADING.search(f[max(0, m.start() - 60) : m.start()])
            )
        ):
            continue  # a rank among places or a ranking, not "Top 10 dự án xuất sắc" of a contest
        found = _unit_after(clause, f, m.end("a"))
        unit = found[0] if found is not None and not found[1] else ""
        n = parse_number(m.group("a"))
        out.append(Quantity("at_most", None, n, unit, m.start("a"), m.end("a")))
        taken.append((m.start("a"), m.end("a")))
    for m in _PER_CAPITA.finditer(f):
        taken.append((m.start("a"), m.end("a")))
    for m in _ALL_OF.finditer(f):
        counted = _unit_after(clause, f, m.end())
        if counted is not None and not counted[1]:
            n = parse_number(m.group("a"))
            out.append(Quantity("exact", n, n, counted[0], m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for m in _QTY.finditer(f):
        if any(a <= m.start() < b for a, b in taken):
            continue
        a, b = m.group("a"), m.group("b")
        if re.fullmatch(r"(?:19|20)\d\d", a) and not m.group("pa"):
            continue  # a year
        before = f[max(0, m.start() - 30) : m.start()]
        if _NOT_QTY_BEFORE.search(before):
            continue
        if (
            re.search(r"(?:(?<!nâng )(?<!phân )\bcấp|\bmức(?: độ)?)\s*$", before)
            and re.fullmatch(r"0?[1-5]", a)
            and not m.group("pa")
        ):
            # a level ("cấp 2", "trường cấp 3", "khí thải mức 2"), not "nâng cấp 12 trạm",
            # "cấp 500 thẻ", "ở mức 14,5%"
            continue
        pct = bool(m.group("pa") or m.group("pb"))
        money = False
        unit = "‰" if "‰" in (m.group("pa") or "") + (m.group("pb") or "") else "%"
        measure = False
        if not pct:
            found = _unit_after(clause, f, m.end()) or _named_before(clause, f, m.end())
            times = re.match(r"\s*lần\b", f[m.end() :])
            if times and not b and _TIMES.search(before):
                found = (clause[m.end() + times.end() - 3 : m.end() + times.end()], False)
            if found is None:
                mm = _MEASURE_AFTER.match(f[m.end() :])
                if not (mm and mm.group("m") in _MEASURES):
                    continue
                unit, measure = clause[m.end() + mm.start(1) : m.end() + mm.end(1)], True
                if a in ("1", "01") and not b and re.search(r"\b(?:trên|mỗi)\s*$", before):
                    continue  # the unit a rate is per: "giá trị thu hoạch trên 1 ha đạt ..."
            else:
                unit, money = found
        lo = parse_number(a)
        hi = parse_number(b) if b else None
        if hi is not None:
            cmp, mn, mx = "range", lo, hi
        else:
            cmp, mn, mx = _single(f, m.start(), m.end(), lo)
        out.append(Quantity(cmp, mn, mx, unit, m.start(), m.end(), money, measure))
    out.sort(key=lambda q: q.start)
    return out


def _single(
    f: str, start: int, end: int, n: int | float
) -> tuple[str, int | float | None, int | float | None]:
    """(comparator, min, max) of a single number from the words around it."""
    before = f[max(0, start - 30) : start]
    cmp = "exact"
    for name, rx in _CMP_BEFORE:
        if rx.search(before):
            cmp = name
            break
    if cmp == "exact" and _at_least_after(f, start, end):
        cmp = "at_least"
    if cmp in ("exact", "about"):
        return cmp, n, n
    if cmp == "at_most":
        return cmp, None, n
    return cmp, n, None


_NOT_QTY_BEFORE = re.compile(
    r"(?:\biso|\bsố|nghị quyết|quyết định|kế hoạch|thông tư|nghị định|chỉ thị|chương trình|"
    r"đề án|khoản|(?<!dứt )(?<!trọng )điểm|điều|mục|phụ lục|lần thứ|khóa|nhóm|tcvn|qcvn|"
    r"giai đoạn|năm|ngày|tháng|quý|biểu|mẫu|bước|(?<!phân )loại|(?<!nâng )hạng|"
    r"tỷ lệ \d*\s*:|vùng|khu vực|\bcả|\btop|\()\s*$"
)


def _at_least_after(f: str, start: int, end: int) -> bool:
    """ "30 doanh nghiệp trở lên", "từ 05 mỏ khoáng sản ... trở lên"."""
    after = f[end : end + 120]
    stop = re.search(r"[,;.:()]", after)
    window = after[: stop.start()] if stop else after
    words = 3
    if re.search(r"\btừ\s*$", f[max(0, start - 6) : start]):
        words = 12
    m = re.search(r"\btrở lên\b", window)
    return m is not None and len(window[: m.start()].split()) <= words


# --- indicators --------------------------------------------------------------------------

_PEOPLE = r"(?:lượt\s+)?(?:người|cán bộ|công chức|viên chức|nhân lực|nhân viên|lao động|học viên|giảng viên|giáo viên|đảng viên)"  # noqa: E501
_TRAINED = r"đào tạo|tập huấn|bồi dưỡng"


def indicator_of(text: str, unit: str, after: str = "") -> str:
    """Indicator code of a target from its clause, its unit and the words after the number.

    The codes of SCHEMA.md name the first corpus's indicators (productivity and quality);
    a target of another domain is ``other``. The counted noun decides ("100% nhân lực ...
    được đào tạo" is ``people_trained``, "70% năng lực thẩm định" is not), and a code
    names only what it was made for: experts of productivity and quality, students' clubs,
    schools that train (universities, colleges, vocational schools), enterprises as models
    ("3 mô hình điểm trạm y tế" and "40 trường mầm non" are ``other``).
    """
    f = diacritic_key(text)
    u = diacritic_key(unit)
    a = diacritic_key(after).strip()
    if (
        u.startswith(("chuyên gia", "lượt chuyên gia"))
        or (u in ("người", "lượt người") and "chuyên gia" in f)
    ) and re.search(r"năng suất|chất lượng|đạt chuẩn", f):
        if re.search(r"quốc tế|khu vực", f):
            return "experts_international"
        return "experts_certified"
    if (u.startswith("câu lạc bộ") or (u == "%" and a.startswith("câu lạc bộ"))) and re.search(
        r"sinh viên|học sinh", f
    ):
        return "student_clubs"
    if u.startswith(("trường", "cơ sở giáo dục")) and re.search(
        r"đại học|cao đẳng|nghề nghiệp|\bnghề\b", f + " " + u
    ):
        return "training_institutions"
    trained = re.search(_TRAINED, f)
    if u.startswith("lượt") and (
        trained or re.match(r"lượt\s+" + _PEOPLE.removeprefix(r"(?:lượt\s+)?") + r"\b", u)
    ):
        return "people_trained"  # not visits: "500.000 lượt khách", "lượt truy cập"
    if trained and (re.fullmatch(_PEOPLE, u) or (u == "%" and re.match(_PEOPLE + r"\b", a))):
        return "people_trained"
    if u == "%" and re.match(rf"[^,;:]{{0,40}}?\bđược\s+(?:{_TRAINED})", a):
        return "people_trained"  # "100% thuyền trưởng được bồi dưỡng pháp luật"
    if u == "%" and re.search(r"\btỷ lệ\s+" + _PEOPLE, f) and trained:
        return "people_trained"
    if re.search(r"\btfp\b|\btep\b|nhân tố tổng hợp", f):
        return "tfp_contribution"
    if "năng suất lao động" in f:
        return "labor_productivity_growth"
    if u == "%" and re.search(r"\biso\b|giấy chứng nhận hệ thống", f) and re.search(r"\btăng\b", f):
        return "certificates_growth"
    if u == "%" and "ocop" in f and re.search(r"nhãn hiệu|bảo hộ", f):
        return "ocop_trademark_share"
    if (
        u == "%"
        and re.search(r"truy xuất nguồn gốc|mã số mã vạch", f)
        and re.search(r"tuyên truyền|tập huấn|đào tạo|phổ biến|thông tin|hướng dẫn", f)
    ):
        # the share of producers reached about traceability, not of products traced ("80%
        # sản phẩm chủ lực có mã truy xuất nguồn gốc" is a target of another domain)
        return "traceability_outreach_share"
    if "giải thưởng chất lượng" in f:
        return "quality_award_enterprises"
    if re.search(r"đánh giá sự phù hợp", f):
        return "conformity_bodies"
    if re.search(r"mô hình điểm|đi đầu|doanh nghiệp điểm", f) and re.match(
        r"(?:doanh nghiệp|đơn vị|tổ chức|hợp tác xã|cơ sở sản xuất)", u
    ):
        return "model_enterprises"
    counted = a if u == "%" else u
    if (
        re.match(r"(?:lượt\s+)?(?:doanh nghiệp|đơn vị|tổ chức|hợp tác xã)", counted)
        or (u == "%" and re.search(r"\bsố\s+(?:tổ chức, )?(?:doanh nghiệp|đơn vị|tổ chức)", f))
    ) and re.search(r"hỗ trợ|hướng dẫn|áp dụng", f):
        # the counted noun is an enterprise or a unit, not a word of the sentence ("Tổ chức
        # tập huấn, hỗ trợ cho 500 hộ")
        if u == "%" and re.search(r"\btăng\b", f):
            return "enterprises_supported_growth"
        return "enterprises_supported"
    return "other"


# --- table cells -------------------------------------------------------------------------

_VALUE = re.compile(
    r"(?P<cmp>≥|>=|≤|<=|>|<|trên|dưới|tối thiểu|ít nhất|tối đa|không quá|khoảng|top)?\s*"
    rf"(?P<a>{_NUM})\s*(?P<pa>[%‰])?(?:\s*(?:-|–|đến)\s*(?P<b>{_NUM})\s*(?P<pb>[%‰])?)?"
)
_VALUE_CMP = {
    "≥": "at_least", ">=": "at_least", "tối thiểu": "at_least", "ít nhất": "at_least",
    "≤": "at_most", "<=": "at_most", "<": "at_most", "dưới": "at_most", "tối đa": "at_most",
    "không quá": "at_most", "top": "at_most", ">": "more_than", "trên": "more_than",
    "khoảng": "about",
}  # fmt: skip


def cell_values(cell: str, default_cmp: str) -> Iterator[Value]:
    """(comparator, min, max, unit-in-cell) of each value in an indicator table's cell."""
    for part in re.split(r";", cell):
        f = diacritic_key(part)
        for m in _VALUE.finditer(f):
            if m.start("a") > 0 and (f[m.start("a") - 1].isalnum() or f[m.start("a") - 1] in "/.,"):
                continue
            end = max(m.end(g) for g in ("a", "pa", "b", "pb") if m.group(g))
            if re.match(r"[\w/]", f[end : end + 1]) and not (m.group("pa") or m.group("pb")):
                continue
            a, b = m.group("a"), m.group("b")
            if re.fullmatch(r"(?:19|20)\d\d", a) and not m.group("pa"):
                continue
            before = f[max(0, m.start() - 12) : m.start("a")]
            lo = parse_number(a)
            unit = (m.group("pa") or m.group("pb") or "").strip()
            if not unit:
                um = re.match(r"\s*([^\W\d_]+)", f[end:])
                if um and um.group(1) not in _STOP and um.group(1) not in _NOT_UNIT:
                    unit = part[end + um.start(1) : end + um.end(1)]
            if b:
                yield "range", lo, parse_number(b), unit
                break
            cmp = _VALUE_CMP.get(m.group("cmp") or "", "")
            if not cmp:
                for name, rx in _CMP_BEFORE:
                    if rx.search(before):
                        cmp = name
                        break
            cmp = cmp or default_cmp
            if cmp in ("exact", "about"):
                yield cmp, lo, lo, unit
            elif cmp == "at_most":
                yield cmp, None, lo, unit
            else:
                yield cmp, lo, None, unit
            break  # one value per ";"-part
