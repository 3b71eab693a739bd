"""Tasks: the first-level numbered items of the section that lists what will be done.

The section is the top-level one headed "NỘI DUNG THỰC HIỆN", "NHIỆM VỤ VÀ GIẢI PHÁP",
"NHIỆM VỤ, GIẢI PHÁP", ... Each item becomes a task with its ``ref`` ("II.4"), title,
themes (keyword rules, below), lead ("Cơ quan chủ trì:") and coordinating ("Cơ quan phối
hợp:", "Phối hợp với ...") agencies, timeframe ("Thời gian thực hiện: Hằng năm" ->
``"annual"``, a period, else ``None``) and deliverables ("Sản phẩm:"). Rows of an appendix
table that assigns tasks ("Cơ quan chủ trì" column) are merged into the task they name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from policykg.ingest.agencies import AgencyMention, chain_after, mentions_between
from policykg.ingest.reading import ascii_key, diacritic_key
from policykg.ingest.text import Doc, Paragraph, Section, Table, TableRow, clean

__all__ = [
    "deliverable_sections",
    "extract_tasks",
    "task_section",
    "task_themes",
]

_TASK_HEADING = re.compile(r"nhiệm vụ|nội dung thực hiện|nội dung chủ yếu|giải pháp")
_NOT_TASK_HEADING = re.compile(r"tổ chức thực hiện|kinh phí|mục tiêu|căn cứ|mục đích")
_LEAD_LINE = re.compile(
    r"^\W*(?:[a-zđ]\)\s*|\d+[.)]\s*)?(?:(?:cơ quan|đơn vị)\s+)?(chủ trì|phối hợp)"
    r"(?:\s+thực hiện)?\s*:"
)
_PARTNER = re.compile(r"phối hợp(?:\s+với)?[\s:]*$")
_TIME_LINE = re.compile(r"^\W*(?:[a-zđ]\)\s*)?thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.*)$")
_PRODUCT_LINE = re.compile(r"^(?:sản phẩm|kết quả|kết quả, sản phẩm)(?: đầu ra)?\s*:\s*(.*)$")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")


def task_section(doc: Doc) -> Section | None:
    """The top-level section listing what will be done, or ``None``."""
    for style in ("roman", "part", "dieu", "arabic"):
        for s in doc.sections():
            if s.style != style:
                continue
            h = diacritic_key(clean(s.heading))
            if _TASK_HEADING.search(h) and not _NOT_TASK_HEADING.search(h):
                return s
    return None


def _items(sec: Section) -> list[Section]:
    for style in ("arabic", "letter", "roman"):
        items = [c for c in sec.children if c.style == style]
        if items:
            return items
    return []


def _title(sec: Section) -> str:
    return clean(sec.heading).rstrip(" .:;")


def _dedupe(refs: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in refs:
        if r not in out:
            out.append(r)
    return out


def _ref(m: AgencyMention) -> dict[str, Any]:
    return {"kind": m.kind, "scope": m.scope}


def _agencies_after(doc: Doc, p: Paragraph, i: int, province: str | None) -> list[AgencyMention]:
    start, _ = p.span_of(i, i + 1)
    return mentions_between(doc.original, start, p.end, province=province)


def _roles(
    doc: Doc, sec: Section, province: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Lead and coordinating agencies stated in a task's own lines."""
    lead: list[dict[str, Any]] = []
    coord: list[dict[str, Any]] = []
    for p in sec.all_paragraphs():
        f = diacritic_key(p.text)
        m = _LEAD_LINE.match(f)
        if m:
            target = lead if m.group(1) == "chủ trì" else coord
            target.extend(_ref(a) for a in _agencies_after(doc, p, m.end(), province))
            continue
        # "Phối hợp với Bộ Khoa học và Công nghệ, Tổng cục ... hỗ trợ ..."
        ms = mentions_between(doc.original, p.start, p.end, province=province)
        for hit in re.finditer(r"phối hợp(?:\s+với)?\s*", f):
            if "chủ trì" in f[max(0, hit.start() - 12) : hit.start()]:
                continue
            pos, _ = p.span_of(hit.end(), hit.end() + 1)
            coord.extend(_ref(a) for a in chain_after(doc.original, ms, pos))
    return _dedupe(lead), _dedupe(coord)


def _timeframe(sec: Section) -> str | None:
    for p in sec.all_paragraphs():
        m = _TIME_LINE.match(diacritic_key(p.text))
        if not m:
            continue
        value = m.group(1)
        if re.search(r"h[àằ]ng năm|mỗi năm", value):
            return "annual"
        per = _PERIOD.search(value)
        if per:
            return f"{per.group(1)}-{per.group(2)}"
        year = re.search(r"(?:19|20)\d\d", value)
        if year:
            return year.group()
    return None


def deliverable_sections(sec: Section) -> Iterator[tuple[Section, str]]:
    """The "Sản phẩm:" sub-sections of a task, with the text after the colon."""
    for s in sec.walk():
        if s is sec:
            continue
        m = _PRODUCT_LINE.match(diacritic_key(clean(s.heading)))
        if m:
            yield s, clean(s.heading)[m.start(1) :]


def _strip_end(s: str) -> str:
    """Drop a closing ";" or "." (not an ellipsis) and spaces."""
    s = s.strip().rstrip(" ;")
    return re.sub(r"(?<!\.)\.$", "", s).rstrip()


def _deliverables(sec: Section) -> list[str]:
    out: list[str] = []
    for s, inline in deliverable_sections(sec):
        if inline.strip():
            out.append(_strip_end(inline))
        for p in list(s.all_paragraphs())[1:]:
            t = clean(p.text)
            if t.endswith(":") or not t:
                continue  # "Đến năm 2025:" sub-headings
            t = _strip_end(re.sub(r"^[-+•]\s*", "", t))
            if t:
                out.append(t)
    return out


# --- themes -----------------------------------------------------------------------------

_THEME_WORDS: dict[str, tuple[str, ...]] = {
    "policy": ("cơ chế", "chính sách", "văn bản pháp luật", "văn bản quy phạm"),
    "communication": ("thông tin", "tuyên truyền", "truyền thông"),
    "recognition": ("tôn vinh", "khen thưởng", "giải thưởng chất lượng", "giải thưởng"),
    "training": ("đào tạo", "tập huấn", "bồi dưỡng", "câu lạc bộ", "chuyên gia"),
    "standards_conformity": (
        "tiêu chuẩn hóa", "đánh giá sự phù hợp", "thử nghiệm", "kiểm định", "hiệu chuẩn",
        "đo lường", "kiểm nghiệm",
    ),
    "traceability": ("truy xuất nguồn gốc", "mã số mã vạch", "mã số, mã vạch"),
    "international_cooperation": (
        "hợp tác quốc tế", "tổ chức năng suất châu á", "tổ chức quốc tế",
        "các tổ chức tiêu chuẩn quốc tế",
    ),
    "science_technology": (
        "nhiệm vụ khoa học", "tiềm lực khoa học", "đổi mới công nghệ", "quỹ phát triển khoa học",
    ),
    "data_information": ("cơ sở dữ liệu",),
    "support_network": ("mạng lưới",),
}  # fmt: skip
_ENTERPRISE = re.compile(
    r"hỗ trợ (?:các )?(?:tổ chức, )?doanh nghiệp(?:, tổ chức)?\s+(?:áp dụng|triển khai|ứng dụng"
    r"|xây dựng và áp dụng|nghiên cứu, ứng dụng)"
)
_ENTERPRISE_START = re.compile(
    r"^(?:tổ chức\s+)?(?:triển khai,?\s+)?(?:hướng dẫn,?\s+)?áp dụng\s+(?:các\s+)?"
    r"(?:hệ thống quản lý|tiêu chuẩn|công cụ)"
)
_COMM_CUE = re.compile(r"tuyên truyền|phổ biến|truyền thông")
_TRAIN_CUE = re.compile(r"đào tạo|tập huấn|bồi dưỡng")
_POLICY_START = re.compile(r"^(?:nghiên cứu|rà soát|đề xuất)")
_POLICY_NOUN = re.compile(r"đề xuất|cơ chế|chính sách|quy định|quy chế|nghị quyết|văn bản")


def _first_words(s: str, n: int = 9) -> str:
    return " ".join(s.split()[:n])


def task_themes(title: str, items: Sequence[str]) -> list[str]:
    """Theme codes of a task from its title and its items (keyword rules).

    A topic that an item only communicates or trains about adds no theme: an item whose
    first words say "tuyên truyền / phổ biến / truyền thông" counts as communication only,
    "đào tạo / tập huấn / bồi dưỡng" as training only, and "nghiên cứu / rà soát / đề xuất"
    a mechanism or policy as policy only.
    """
    themes: list[str] = []

    def add(code: str) -> None:
        if code not in themes:
            themes.append(code)

    t = diacritic_key(title)
    for code, words in _THEME_WORDS.items():
        if any(w in t for w in words):
            if code == "training" and not _TRAIN_CUE.search(t):
                continue
            add(code)
    if _ENTERPRISE.search(t) or "hỗ trợ doanh nghiệp" in t:
        add("enterprise_support")
    for item in items:
        f = diacritic_key(clean(item))
        f = re.sub(r"^[-+•*]\s*|^[a-zđ]\)\s*", "", f)
        # names of bodies are not activities
        f = f.replace("tổ chức tiêu chuẩn hóa", "tổ chức quốc tế")
        f = f.replace("tiêu chuẩn đo lường chất lượng", "tcđlcl")
        head = _first_words(f)
        if _COMM_CUE.search(head):
            add("communication")
            continue
        if _TRAIN_CUE.search(head):
            add("training")
            continue
        if _POLICY_START.search(f) and _POLICY_NOUN.search(f):
            add("policy")
            continue
        for code, words in _THEME_WORDS.items():
            if code in ("policy", "communication"):
                continue
            if any(w in f for w in words):
                add(code)
        if _ENTERPRISE.search(f) or _ENTERPRISE_START.search(f):
            add("enterprise_support")
    return themes


def _theme_items(sec: Section) -> list[str]:
    """The item texts of a task for theme rules (not its lead/coordination/time lines)."""
    out: list[str] = []
    for p in list(sec.all_paragraphs())[1:]:
        f = diacritic_key(p.text)
        if _LEAD_LINE.match(f) or _TIME_LINE.match(f):
            continue
        t = re.sub(r"^\W*[a-zđ]\)\s*", "", f)
        m = _PRODUCT_LINE.match(t)
        if m:
            if m.group(1).strip():
                out.append(m.group(1))
            continue
        out.append(p.text)
    return out


# --- appendix tables --------------------------------------------------------------------


def _col(header: Sequence[str], *words: str) -> int | None:
    for i, h in enumerate(header):
        f = diacritic_key(h)
        if any(w in f for w in words):
            return i
    return None


def _similarity(a: str, b: str) -> float:
    ta = set(re.findall(r"\w+", ascii_key(a)))
    tb = set(re.findall(r"\w+", ascii_key(b)))
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / min(len(ta), len(tb))


def _cell_span(row: TableRow, col: int) -> tuple[int, int] | None:
    if col < len(row.cells):
        c = row.cells[col]
        return c.start, c.end
    return None


_LIST_HEAD = re.compile(r"(?:các\s+(?:sở|bộ)[^:]{0,20}:)?\s*")


def _row_roles(
    doc: Doc, row: TableRow, lead_col: int | None, coord_col: int | None,
    title_col: int | None, province: str | None,
) -> tuple[list[AgencyMention], list[AgencyMention]]:  # fmt: skip
    """Lead and coordinating agencies of one appendix row.

    Besides the lead and coordination cells, a bullet item of another column that starts
    with a list of agencies ("- Các Sở: Công Thương; Nông" broken into the next line) is a
    lead cell that slid into the wrong column.
    """
    text = doc.original
    ms = mentions_between(text, row.start, row.end, province=province)
    spans = {
        "lead": _cell_span(row, lead_col) if lead_col is not None else None,
        "coord": _cell_span(row, coord_col) if coord_col is not None else None,
        "title": _cell_span(row, title_col) if title_col is not None else None,
    }

    def inside(m: AgencyMention, key: str) -> bool:
        sp = spans[key]
        return sp is not None and sp[0] <= m.start < sp[1]

    lead = [m for m in ms if inside(m, "lead")]
    coord = [m for m in ms if inside(m, "coord")]
    if lead_col is not None:
        for b in re.finditer(r"(?:^|[\s>])-\s+", text[row.start : row.end]):
            pos = row.start + b.end()
            if any(sp and sp[0] <= pos < sp[1] for sp in spans.values()):
                continue
            first = next((m for m in ms if m.start >= pos), None)
            if first is None:
                continue
            # "- Các Sở: Công Thương; Nông ..." (a list of agencies, maybe after a head)
            if not _LIST_HEAD.fullmatch(diacritic_key(clean(text[pos : first.start]))):
                continue
            lead.extend(m for m in chain_after(text, ms, first.start) if m not in lead)
    return lead, coord


def _merge_tables(
    doc: Doc, tasks: list[dict[str, Any]], items: list[Section], province: str | None
) -> None:
    for table in doc.tables:
        _merge_table(doc, table, tasks, items, province)


def _merge_table(
    doc: Doc, table: Table, tasks: list[dict[str, Any]], items: list[Section],
    province: str | None,
) -> None:  # fmt: skip
    header = [c.text for c in table.header]
    lead_col = _col(header, "chủ trì")
    coord_col = _col(header, "phối hợp")
    if lead_col is None and coord_col is None:
        return
    title_col = _col(header, "nội dung", "nhiệm vụ", "tên")
    num_col = _col(header, "stt", "tt", "số")
    for row in table.rows:
        title = (
            row.cells[title_col].text
            if title_col is not None and title_col < len(row.cells)
            else ""
        )
        best, score = None, 0.0
        for k, task in enumerate(tasks):
            s = _similarity(title, task["title"]) if title else 0.0
            if s > score:
                best, score = k, s
        if score < 0.6 and num_col is not None and num_col < len(row.cells):
            num = row.cells[num_col].text.strip().rstrip(".")
            for k, sec in enumerate(items):
                if sec.label == num and (not title or score < 0.3):
                    best, score = k, 1.0
        if best is None or score < 0.6:
            continue
        lead, coord = _row_roles(doc, row, lead_col, coord_col, title_col, province)
        task = tasks[best]
        task["lead"] = _dedupe(task["lead"] + [_ref(m) for m in lead])
        task["coordinating"] = _dedupe(task["coordinating"] + [_ref(m) for m in coord])


# --- tasks ------------------------------------------------------------------------------


def extract_tasks(doc: Doc, *, province: str | None) -> list[dict[str, Any]]:
    """The tasks of a plan in the form of SCHEMA.md, each with "_span" (its section)."""
    sec = task_section(doc)
    if sec is None:
        return []
    items = _items(sec)
    tasks: list[dict[str, Any]] = []
    for it in items:
        lead, coord = _roles(doc, it, province)
        title = _title(it)
        tasks.append(
            {
                "ref": it.ref,
                "title": title,
                "themes": task_themes(title, _theme_items(it)),
                "lead": lead,
                "coordinating": coord,
                "timeframe": _timeframe(it),
                "deliverables": _deliverables(it),
                "_span": [it.start, it.end],
            }
        )
    _merge_tables(doc, tasks, items, province)
    return tasks
