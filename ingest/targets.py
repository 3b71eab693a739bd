"""Targets: every quantified objective of a plan.

Targets are read from the objectives section ("Mục tiêu cụ thể", "Chỉ tiêu") and from the
deliverables of tasks ("Sản phẩm:"). Each clause with a quantity ("ít nhất 05 chuyên gia",
"từ 10 - 15%", "trên 7,5%/năm", "30 doanh nghiệp trở lên") gives a target; a clause with
two quantities gives two. Fields: comparator, min, max (Vietnamese numerals: "01" -> 1,
"7,5" -> 7.5, "1.000" -> 1000), unit as written, by_year (nearest "Đến năm 2025", "Mục
tiêu đến 2030", "Giai đoạn 2021 - 2025", "Năm 2021 - 2022:", else the plan's end year),
per_year ("hằng năm", "/năm", "bình quân"), indicator (keyword rules), ref, text, "_span".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from policykg.ingest.reading import diacritic_key
from policykg.ingest.tasks import deliverable_sections, task_section
from policykg.ingest.text import Doc, Paragraph, Section, clean

__all__ = ["Quantity", "extract_targets", "indicator_of", "parse_number", "quantities"]

_NUM = r"\d{1,3}(?:\.\d{3})+(?!\d)|\d+(?:,\d+)?"
_QTY = re.compile(
    rf"(?P<a>{_NUM})\s*(?P<pa>%)?"
    rf"(?:\s*(?:-|–|đến)\s*(?P<b>{_NUM})\s*(?P<pb>%)?)?"
)
_UNIT_HEADS = (
    "lượt cán bộ, công chức, viên chức", "lượt cán bộ lãnh đạo, quản lý và người lao động",
    "trường đại học, cao đẳng, cơ sở giáo dục nghề nghiệp", "trường đại học, cao đẳng",
    "cơ sở giáo dục nghề nghiệp", "trường đại học", "trường",
    "lượt người", "lượt chuyên gia", "lượt cán bộ", "lượt doanh nghiệp", "lượt",
    "chuyên gia", "câu lạc bộ", "doanh nghiệp", "tổ chức", "đơn vị", "người", "cán bộ",
    "sản phẩm", "mô hình", "hợp tác xã", "cơ sở", "sáng kiến", "nhiệm vụ", "dự án",
    "hội thảo", "hội nghị", "lớp", "khóa", "giấy chứng nhận", "tiêu chuẩn", "quy chuẩn",
    "phòng thí nghiệm", "hệ thống", "giải pháp", "xã", "huyện", "hộ", "tập thể", "cá nhân",
)  # fmt: skip
_NOT_QTY_BEFORE = re.compile(
    r"(?:iso|số|nghị quyết|quyết định|kế hoạch|thông tư|khoản|điểm|điều|lần thứ|nhóm|"
    r"tcvn|giai đoạn|năm|đến năm|ngày|tháng|quý)\s*$"
)
_CMP_BEFORE = (
    ("at_least", re.compile(r"(?:ít nhất|tối thiểu)(?:\s+(?:có|là|đạt))?\s*$")),
    ("more_than", re.compile(r"(?:trên|hơn|vượt)\s*$")),
    ("at_most", re.compile(r"(?:tối đa|không quá|dưới|không vượt quá)(?:\s+(?:có|là))?\s*$")),
    ("about", re.compile(r"(?:khoảng|gần|xấp xỉ|chừng)\s*$")),
)
_YEAR_CUE = re.compile(
    r"(?:đến năm|đến|năm|giai đoạn|mục tiêu đến năm|mục tiêu đến|trong năm)\s*"
    r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?"
)
_CUE_LINE = re.compile(
    r"^\W*(?:[a-zđ]\)\s*)?(?:mục tiêu\s+)?(?:đến năm|đến|năm|giai đoạn|trong năm|từ năm)\s*"
    r"((?:19|20)\d\d)(?:\s*[-–]\s*((?:19|20)\d\d))?\s*:?\s*$"
)
_PER_YEAR = re.compile(r"h[àằ]ng năm|mỗi năm|/\s*năm|bình quân")
_CLAUSE_SPLIT = re.compile(r"[.,]\s*trong đó,?\s*|;\s*|\.\s+(?=[A-ZĐÀ-Ỹ])", re.I)


def parse_number(s: str) -> int | float:
    """Vietnamese numeral: "01" -> 1, "7,5" -> 7.5, "1.000" -> 1000."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        return int(s.replace(".", ""))
    if "," in s:
        return float(s.replace(",", "."))
    return int(s)


@dataclass(frozen=True)
class Quantity:
    comparator: str
    min: int | float | None
    max: int | float | None
    unit: str
    start: int  # offsets in the clause
    end: int


def quantities(clause: str) -> list[Quantity]:
    """The quantities of a clause (numbers followed by "%" or a counted noun)."""
    f = diacritic_key(clause)
    out: list[Quantity] = []
    for m in _QTY.finditer(f):
        if m.start() > 0 and (f[m.start() - 1].isalnum() or f[m.start() - 1] in "/.-"):
            continue
        nxt = f[m.end() : m.end() + 1]
        if nxt in ("/",) and not re.match(r"/\s*năm", f[m.end() :]):
            continue  # a date or a number symbol
        a, b = m.group("a"), m.group("b")
        if re.fullmatch(r"(?:19|20)\d\d", a):
            continue  # a year
        before = f[max(0, m.start() - 25) : m.start()]
        if _NOT_QTY_BEFORE.search(before):
            continue
        pct = bool(m.group("pa") or m.group("pb"))
        rest = f[m.end() :].lstrip()
        unit = "%" if pct else ""
        if not pct:
            for head in _UNIT_HEADS:
                if rest.startswith(head) and not rest[len(head) : len(head) + 1].isalnum():
                    k = len(f) - len(rest)
                    unit = clause[k : k + len(head)]
                    break
            if not unit:
                continue
        lo = parse_number(a)
        hi = parse_number(b) if b else None
        if hi is not None:
            cmp, mn, mx = "range", lo, hi
        else:
            cmp = "exact"
            for name, rx in _CMP_BEFORE:
                if rx.search(before):
                    cmp = name
                    break
            after = f[m.end() : m.end() + 40]
            if cmp == "exact" and re.match(r"\s*\S*(?:\s+\S+){0,2}\s+trở lên", after):
                cmp = "at_least"
            if cmp == "exact" and re.search(r"trở lên", after[: len(unit) + 12]):
                cmp = "at_least"
            if cmp in ("exact", "about"):
                mn, mx = lo, lo
            elif cmp == "at_most":
                mn, mx = None, lo
            else:
                mn, mx = lo, None
        out.append(Quantity(cmp, mn, mx, unit, m.start(), m.end()))
    return out


def indicator_of(text: str, unit: str) -> str:
    """Indicator code of a target from its clause and unit (keyword rules)."""
    f = diacritic_key(text)
    u = diacritic_key(unit)
    if "chuyên gia" in f:
        if re.search(r"quốc tế|khu vực", f):
            return "experts_international"
        return "experts_certified"
    if "câu lạc bộ" in f:
        return "student_clubs"
    if u.startswith(("trường", "cơ sở giáo dục")):
        return "training_institutions"
    if u.startswith("lượt") or (
        u in ("người", "cán bộ") and re.search(r"đào tạo|tập huấn|bồi dưỡng", f)
    ):
        return "people_trained"
    if re.search(r"\biso\b|giấy chứng nhận", f):
        return "certificates_growth"
    if "năng suất lao động" in f:
        return "labor_productivity_growth"
    if re.search(r"\btfp\b|nhân tố tổng hợp", f):
        return "tfp_contribution"
    if u == "%" and "ocop" in f and re.search(r"nhãn hiệu|bảo hộ", f):
        return "ocop_trademark_share"
    if u == "%" and re.search(r"truy xuất|mã số mã vạch", f):
        return "traceability_outreach_share"
    if "giải thưởng" in f:
        return "quality_award_enterprises"
    if re.search(r"đánh giá sự phù hợp|thử nghiệm|kiểm định|hiệu chuẩn", f):
        return "conformity_bodies"
    if re.search(r"mô hình điểm|đi đầu|doanh nghiệp điểm|điển hình", f):
        return "model_enterprises"
    if re.search(r"doanh nghiệp|đơn vị|tổ chức", f + " " + u) and re.search(
        r"hỗ trợ|hướng dẫn|áp dụng", f
    ):
        if u == "%" and re.search(r"\btăng\b", f):
            return "enterprises_supported_growth"
        return "enterprises_supported"
    return "other"


# --- where targets are ------------------------------------------------------------------


def _objective_sections(doc: Doc) -> list[Section]:
    out: list[Section] = []
    for s in doc.sections():
        h = diacritic_key(clean(s.heading))
        if re.search(r"mục tiêu cụ thể|chỉ tiêu cụ thể|các chỉ tiêu", h) and not any(
            s in o.walk() for o in out
        ):
            out.append(s)
    return out


def _sources(doc: Doc) -> Iterator[tuple[Section, list[Paragraph]]]:
    """(section, paragraphs) that may hold targets: objectives, then task deliverables."""
    for s in _objective_sections(doc):
        yield s, list(s.all_paragraphs())[1:]
    tsec = task_section(doc)
    if tsec is not None:
        for it in tsec.children:
            for d, _inline in deliverable_sections(it):
                yield d, list(d.all_paragraphs())


def _section_of(sec: Section, p: Paragraph) -> Section:
    best = sec
    for s in sec.walk():
        if p in s.paragraphs:
            best = s
            break
    return best


def _year_from(text: str) -> int | None:
    years = [int(y) for m in _YEAR_CUE.finditer(diacritic_key(text)) for y in m.groups() if y]
    return years[-1] if years else None


def _cue_year(p: Paragraph) -> int | None:
    """The year of a cue line ("Đến năm 2025:", "- Giai đoạn 2021 - 2025:")."""
    m = _CUE_LINE.match(diacritic_key(clean(p.text)))
    if not m:
        return None
    return int(m.group(2) or m.group(1))


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _CLAUSE_SPLIT.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _strip_item(text: str) -> int:
    """Length of the list marker at the start of an item ("- + ", "a) ")."""
    m = re.match(r"^(?:\s*(?:[-+•*]|[a-zđ]\)|\d+[.)])\s*)+", text)
    return m.end() if m else 0


def extract_targets(doc: Doc, *, period_end: int | None = None) -> list[dict[str, Any]]:
    """The quantified targets of a plan in the form of SCHEMA.md, with "_span"."""
    out: list[dict[str, Any]] = []
    for sec, paragraphs in _sources(doc):
        heading_year = None
        for node in [sec, *sec.ancestors()]:
            heading_year = _year_from(node.heading) if node.style != "root" else None
            if heading_year:
                break
        current = heading_year
        for p in paragraphs:
            cue = _cue_year(p)
            if cue is not None:
                current = cue
                continue
            own = _section_of(sec, p)
            own_year = None
            if own is not sec and own.style not in ("dash", "plus") and len(own.heading) < 60:
                own_year = _year_from(own.heading)
            text = p.text
            k = _strip_item(text)
            # "Năm 2021 - 2022: có khoảng 10 ..." -> the item's own year
            lead = re.match(r"^([^:]{0,40}):\s*", text[k:])
            item_year = _year_from(lead.group(1)) if lead else None
            for a, b in _clauses(text[k:]):
                a, b = a + k, b + k
                clause = text[a:b]
                for q in quantities(clause):
                    raw = clause.strip().rstrip(" .;")
                    ref = own.numbered_ref or sec.numbered_ref
                    year = item_year or own_year or current or period_end
                    s0 = a + (len(clause) - len(clause.lstrip()))
                    start, end = p.span_of(s0, s0 + len(raw))
                    out.append(
                        {
                            "ref": ref,
                            "text": clean(raw),
                            "indicator": indicator_of(clause, q.unit),
                            "comparator": q.comparator,
                            "min": q.min,
                            "max": q.max,
                            "unit": q.unit,
                            "by_year": year,
                            "per_year": bool(_PER_YEAR.search(diacritic_key(clause))),
                            "_span": [start, end],
                        }
                    )
    return out
