"""Tasks: what a document assigns, to whom (SCHEMA.md "Tasks" and "Tasks outside a plan's
task section").

Three sources, merged into one list:

* **a plan's task section** (:func:`task_sections`): the top-level section headed
  "NỘI DUNG THỰC HIỆN", "NHIỆM VỤ VÀ GIẢI PHÁP", "NHIỆM VỤ CỤ THỂ", "PHÂN CÔNG NHIỆM VỤ",
  ... at any layout (I./1./a), "Phần I … Phần V", "Mục"). Each first-level numbered item is a
  task, ``ref`` its number path ("II.4"); a container item ("1. Nhiệm vụ", "2. Giải
  pháp") or an item split into sub-items each headed by a body gives its sub-items instead
  ("II.1.a", "II.2.2.c"). Roles come from the item's own lines
  (:mod:`~policykg.ingest.task_roles`): "Cơ quan chủ trì:" / "phối hợp:" lines, "Cơ quan
  thực hiện: X (chủ trì); Y", "X chủ trì", "phối hợp với Y", "X chủ trì; Y phối hợp",
  "Giao X ...", the body heading a sub-item; themes from keyword rules
  (:mod:`~policykg.ingest.task_themes`); timeframe from "Thời gian thực hiện:" ("Hằng
  năm" -> ``"annual"``, a period, a year); deliverables from "Sản phẩm:".
* **work assigned body by body** when the document has no task section: a directive's
  items, the responsibility articles of a decision or of an attached regulation
  (:mod:`~policykg.ingest.assignments`).
* **task tables** in the body or an appendix (:mod:`~policykg.ingest.task_tables`): a row
  that repeats a body item (the same words; or its number and topic, in a table numbered
  like the items) is merged into it; other rows are tasks of their own ("PL.II.3").

The per-agency duties under "TỔ CHỨC THỰC HIỆN" of a document with a task section (or a
task table) are not tasks; a plan that lists its work nowhere else gives them as its tasks
(:func:`~policykg.ingest.assignments.duty_tasks`, "IV.1").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.agencies import AgencyMention
from policykg.ingest.assignments import Assigned, assigned_tasks, duty_tasks, part_ref
from policykg.ingest.reading import ascii_key, diacritic_key
from policykg.ingest.task_roles import (
    DOER_LINE,
    LEAD_LINE,
    agency_refs,
    heading_bodies,
    heading_text,
    inline_roles,
    is_collective_heading,
)
from policykg.ingest.task_tables import RowTask, table_tasks
from policykg.ingest.task_themes import task_themes
from policykg.ingest.text import Doc, Section, clean

__all__ = [
    "deliverable_sections",
    "extract_tasks",
    "task_section",
    "task_sections",
    "task_themes",
]

#: A task section's heading starts with one of these (after "các"/"những"): "NHIỆM VỤ,
#: GIẢI PHÁP", "NỘI DUNG, NHIỆM VỤ", a report's "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"; "nội
#: dung" alone only as the content of the plan ("NỘI DUNG", "Nội dung thực hiện"), not the
#: content of a procedure ("Nội dung thẩm định", "Nội dung và mức hỗ trợ").
_TASK_HEADING = re.compile(
    r"^(?:(?:các|những)\s+)?(?:nhiệm vụ|giải pháp|phân công nhiệm vụ|phân công thực hiện"
    r"|phân công|chương trình hành động|hoạt động (?:chủ yếu|trọng tâm|cụ thể)"
    r"|(?:nội dung|phương hướng|định hướng)(?:\s*,\s*|\s+và\s+|\s+)(?:nhiệm vụ|giải pháp)"
    r"|nội dung(?:\s+(?:thực hiện|chủ yếu|cụ thể|kế hoạch|chương trình|hoạt động|trọng tâm"
    r"|chính|triển khai|công việc)|\s+và\s+(?:nhiệm vụ|giải pháp))*\W*$)"
)
_NOT_TASK_HEADING = re.compile(r"tổ chức thực hiện|kinh phí|mục tiêu|căn cứ|mục đích")
#: A container item: a short heading that only says "tasks" or "solutions".
_CONTAINER = re.compile(
    r"^(?:(?:các|những)\s+)?(?:nhiệm vụ|giải pháp)(?:\s*(?:,|và)\s*(?:nhiệm vụ|giải pháp))?"
    r"(?:\s+(?:chủ yếu|cụ thể|trọng tâm|chung|chính))?\s*:?$"
)
_TIME_LINE = re.compile(r"^\W*(?:[a-zđ]\)\s*)?thời gian(?: thực hiện| hoàn thành)?\s*:\s*(.*)$")
_PRODUCT_LINE = re.compile(r"^(?:sản phẩm|kết quả|kết quả, sản phẩm)(?: đầu ra)?\s*:\s*(.*)$")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)")
_PLAN_STYLES = ("roman", "part", "dieu", "arabic")
#: An article about a body's duties or powers is not a plan's task section.
_DUTIES_OF = re.compile(r"\bcủa\b|quyền hạn|trách nhiệm")


# --- task sections ----------------------------------------------------------------------


def _in_appendix(sec: Section) -> bool:
    return sec.style == "appendix" or any(a.style == "appendix" for a in sec.ancestors())


def _is_task_heading(sec: Section) -> bool:
    h = diacritic_key(heading_text(sec))
    if sec.style == "dieu" and _DUTIES_OF.search(h):
        return False
    # a heading run on with its first line of text: judge its first words
    return bool(_TASK_HEADING.match(h)) and not _NOT_TASK_HEADING.search(" ".join(h.split()[:8]))


def _in_article(sec: Section) -> bool:
    """Is ``sec`` a clause of an article (not an item of a plan attached under one)?"""
    for a in sec.ancestors():
        if a.style in ("roman", "part"):
            return False
        if a.style == "dieu":
            return True
    return False


def task_sections(doc: Doc) -> list[Section]:
    """The sections that list what a plan will do (one, or siblings of one style).

    A numbered clause of an article ("Điều 4. ... 2. Nội dung ...") is not a plan's section.
    """
    for style in _PLAN_STYLES:
        found = [
            s
            for s in doc.sections()
            if s.style == style
            and not _in_appendix(s)
            and _is_task_heading(s)
            and not (style == "arabic" and _in_article(s))
        ]
        if found:
            parent = found[0].parent
            return [s for s in found if s.parent is parent]
    return []


def task_section(doc: Doc) -> Section | None:
    """The first section listing what will be done, or ``None``."""
    found = task_sections(doc)
    return found[0] if found else None


def _items(sec: Section) -> list[Section]:
    for style in ("arabic", "letter", "roman"):
        items = [c for c in sec.children if c.style == style]
        if items:
            return items
    return []


def _sub_items(sec: Section) -> list[Section]:
    return [c for c in sec.children if c.style in ("arabic", "letter")]


def _is_container(sec: Section) -> bool:
    return bool(_CONTAINER.match(diacritic_key(clean(sec.heading)).strip(" .:"))) and bool(
        _sub_items(sec)
    )


def _split(doc: Doc, sec: Section, province: str | None) -> bool:
    """Is the item split into sub-items each headed by a body (or by such a split)?"""
    kids = _sub_items(sec)
    if not kids:
        return False
    headed = [k for k in kids if heading_bodies(doc, k, province) and not is_collective_heading(k)]
    return len(headed) >= 2 or any(_split(doc, k, province) for k in kids)


def _expand(doc: Doc, item: Section, province: str | None) -> list[Section]:
    if _is_container(item) or _split(doc, item, province):
        out: list[Section] = []
        for k in _sub_items(item):
            out.extend(_expand(doc, k, province))
        return out
    return [item]


# --- one task ---------------------------------------------------------------------------


@dataclass
class _Task:
    ref: str
    title: str
    section: Section | None
    lead: list[AgencyMention] = field(default_factory=list)
    coord: list[AgencyMention] = field(default_factory=list)
    extra_lead: list[dict[str, Any]] = field(default_factory=list)
    timeframe: str | None = None
    deliverables: list[str] = field(default_factory=list)
    items: list[str] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    #: a table row keeps a body named in both its lead and its partner cells, as printed
    as_printed: bool = False

    def record(self) -> dict[str, Any]:
        lead = agency_refs(self.lead)
        lead += [r for r in self.extra_lead if r not in lead]
        coord = [r for r in agency_refs(self.coord) if self.as_printed or r not in lead]
        return {
            "ref": self.ref,
            "title": self.title,
            "themes": task_themes(self.title, self.items),
            "lead": lead,
            "coordinating": coord,
            "timeframe": self.timeframe,
            "deliverables": self.deliverables,
            "_span": list(self.span),
        }


_NAME_ONLY = re.compile(
    r"^(?:trách nhiệm(?:\s+của)?\s+)?(?:(?:bộ|sở|ban|cục|vụ|viện|ủy ban|uỷ ban|ubnd|văn phòng"
    r"|tổng cục|kho bạc|thanh tra|công an|ngân hàng|các|phòng|trung tâm|đài|tổ đảng|đảng)\b)"
)


def _title(sec: Section) -> str:
    """The heading; for an item headed only by its body ("2. Bộ Công Thương:"), the body
    and the first clause of its work ("Bộ Công Thương: Chủ trì, phối hợp ... đánh giá ...")."""
    title = clean(sec.heading).rstrip(" .:;")
    if not title or len(title.split()) > 12 or not _NAME_ONLY.match(diacritic_key(title)):
        return title
    first = next((clean(p.text) for p in list(sec.all_paragraphs())[1:] if clean(p.text)), "")
    first = re.sub(r"^(?:[-+•*]|[a-zđ]\)|\d+(?:\.\d+)*[.)])\s*", "", first)
    clause = re.split(r"(?<=[^\d])[.;:](?:\s|$)", first, maxsplit=1)[0]
    words = clause.split()
    if not words or clause == title:
        return title
    return f"{title}: {' '.join(words[:20])}{' …' if len(words) > 20 else ''}"


def _timeframe_of(value: str) -> str | None:
    value = diacritic_key(value)
    if re.search(r"h[àằ]ng năm|mỗi năm|thường xuyên", value):
        return "annual"
    per = _PERIOD.search(value)
    if per:
        return f"{per.group(1)}-{per.group(2)}"
    q = re.search(r"quý\s+([ivx]+)\s*/\s*((?:19|20)\d\d)", value)
    if q:
        return f"{q.group(2)}-Q{_roman_value(q.group(1))}"
    mo = re.search(r"(?:tháng\s*)?(\d{1,2})\s*/\s*((?:19|20)\d\d)", value)
    if mo and 1 <= int(mo.group(1)) <= 12:
        return f"{mo.group(2)}-{int(mo.group(1)):02d}"
    year = re.search(r"(?:19|20)\d\d", value)
    return year.group() if year else None


def _roman_value(s: str) -> int:
    return {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(s.lower(), 0)


def _timeframe(sec: Section) -> str | None:
    for p in sec.all_paragraphs():
        m = _TIME_LINE.match(diacritic_key(p.text))
        if m:
            return _timeframe_of(m.group(1))
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


def _theme_items(sec: Section) -> list[str]:
    """The item texts of a task for theme rules (not its lead/coordination/time lines)."""
    out: list[str] = []
    for p in list(sec.all_paragraphs())[1:]:
        f = diacritic_key(p.text)
        if LEAD_LINE.match(f) or DOER_LINE.match(f) or _TIME_LINE.match(f):
            continue
        t = re.sub(r"^\W*[a-zđ]\)\s*", "", f)
        m = _PRODUCT_LINE.match(t)
        if m:
            if m.group(1).strip():
                out.append(m.group(1))
            continue
        out.append(p.text)
    return out


def _section_task(
    doc: Doc, sec: Section, ref: str, province: str | None, heads: Iterable[AgencyMention] = ()
) -> _Task:
    heads = list(heads)
    lead, coord = inline_roles(doc, sec.all_paragraphs(), province)
    # a body heading one of the task's bullets is given that bullet's work
    # ("- Đảng đoàn Quốc hội phối hợp với ... tổ chức phổ biến ...")
    for sub in sec.walk():
        if sub is not sec and sub.style in ("dash", "plus"):
            found = heading_bodies(doc, sub, province, past_collectives=True)
            heads.extend(m for m in found if m not in heads)
    return _Task(
        ref=ref,
        title=_title(sec),
        section=sec,
        lead=[*heads, *(m for m in lead if m not in heads)],
        coord=coord,
        timeframe=_timeframe(sec),
        deliverables=_deliverables(sec),
        items=_theme_items(sec),
        span=(sec.start, sec.end),
    )


def _plan_tasks(doc: Doc, sections: list[Section], province: str | None) -> list[_Task]:
    out: list[_Task] = []
    for sec in sections:
        for item in _items(sec):
            for it in _expand(doc, item, province):
                heads = heading_bodies(doc, it, province, lead_in=it is not item)
                # "Phần II" -> "II": a plan in parts numbers its tasks by the part's numeral
                ref = part_ref(it.ref)
                out.append(_section_task(doc, it, ref, province, heads))
    return out


# --- task tables ------------------------------------------------------------------------


def _words(s: str) -> set[str]:
    return set(re.findall(r"\w+", ascii_key(s)))


def _jaccard(row: RowTask, task: _Task) -> float:
    a, b = _words(row.title), _words(task.title)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _numbered_like_items(rows: list[RowTask], body: list[_Task]) -> bool:
    """Is a table numbered like the body's items (its row "3" is the item numbered 3)?

    It is when its first-level numbers are those of the items, or when, in a table without
    groups, most of its rows numbered like an item share that item's topic (a table of
    items 1-4 and one more row of its own, "5").
    """
    labels = [t.section.label for t in body if t.section is not None]
    if rows and sorted(rows[0].top_labels) == sorted(labels):
        return True
    by_label = {
        lab: t for t in body if t.section is not None and labels.count(lab := t.section.label) == 1
    }
    if any(not r.ref.endswith(f"{r.appendix or ''}{r.label}") for r in rows):
        return False  # rows numbered under the table's own groups ("I", "1" ... "II", "5")
    pairs = [(r, by_label[r.label]) for r in rows if r.label in by_label]
    hits = sum(1 for r, t in pairs if _jaccard(r, t) >= 0.2)
    return len(pairs) >= 2 and 2 * hits > len(pairs)


def _repeats(row: RowTask, task: _Task, numbered_like: bool) -> bool:
    """Does a table row repeat a body item: the same words, or its number and its topic?

    "7. Nghiên cứu đề xuất bổ sung chức năng ..." repeats "III.7" of the same words; a row
    numbered like the item, in a table numbered like the body's items, repeats it when it
    shares its topic. A row that only shares some words with an item (it details one of
    its bullets) does not.
    """
    jaccard = _jaccard(row, task)
    same_number = numbered_like and task.section is not None and row.label == task.section.label
    return jaccard >= 0.6 or (same_number and jaccard >= 0.2)


def _row_task(row: RowTask, province: str | None) -> _Task:
    extra: list[dict[str, Any]] = []
    if row.other_name:
        extra.append({"kind": "other", "scope": province or "national", "name": row.other_name})
    products = [row.product] if row.product else []
    return _Task(
        ref=row.ref,
        title=row.title,
        section=None,
        lead=row.lead,
        coord=row.coord,
        extra_lead=extra,
        timeframe=_timeframe_of(row.time) if row.time else None,
        deliverables=row.deliverables or products,
        items=[row.title],
        span=(row.start, row.end),
        as_printed=True,
    )


def _merge_rows(tasks: list[_Task], rows: list[RowTask], province: str | None) -> list[_Task]:
    out = list(tasks)
    body = [t for t in tasks if t.section is not None]
    tables: dict[int, list[RowTask]] = {}
    for row in rows:
        tables.setdefault(row.table, []).append(row)
    numbered_like = {k: _numbered_like_items(rs, body) for k, rs in tables.items()}
    for row in rows:
        like = numbered_like[row.table]
        target = next((t for t in body if _repeats(row, t, like)), None)
        if target is None:
            out.append(_row_task(row, province))
            continue
        target.lead += [m for m in row.lead if m not in target.lead]
        target.coord += [m for m in row.coord if m not in target.coord]
        if row.product and row.product not in target.deliverables:
            target.deliverables.append(row.product)
        if target.timeframe is None and row.time:
            target.timeframe = _timeframe_of(row.time)
    return out


# --- tasks ------------------------------------------------------------------------------


def extract_tasks(doc: Doc, *, province: str | None) -> list[dict[str, Any]]:
    """The tasks of a document in the form of SCHEMA.md, each with "_span" (its text)."""
    sections = task_sections(doc)
    rows = table_tasks(doc, province=province)
    if sections:
        tasks = _plan_tasks(doc, sections, province)
    else:
        assigned = assigned_tasks(doc, province=province)
        if not assigned and not rows:
            # a plan that lists its work nowhere else: the duties of "TỔ CHỨC THỰC HIỆN"
            assigned = duty_tasks(doc, province=province)
        tasks = [_assigned_task(a) for a in assigned]
    tasks = _merge_rows(tasks, rows, province)
    return [t.record() for t in tasks]


def _assigned_task(a: Assigned) -> _Task:
    return _Task(
        ref=a.ref,
        title=_title(a.section),
        section=a.section,
        lead=a.lead,
        coord=a.coord,
        timeframe=_timeframe(a.section),
        deliverables=_deliverables(a.section),
        items=_theme_items(a.section),
        span=(a.section.start, a.section.end),
    )
