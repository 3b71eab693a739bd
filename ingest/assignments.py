"""Tasks of documents that assign work body by body (directives, decisions, regulations).

A document without a plan's task section may still say who must do what, item by item:

* a directive (Chỉ thị) or a decision whose numbered items are each headed by bodies
  ("1. Bộ Kế hoạch và Đầu tư: ...", "8. Ủy ban nhân dân các tỉnh ..."): one task per item,
  ``ref`` its number ("3"); an item headed only by a collective ("Các Bộ, ngành liên quan
  khác ...") is a task with no lead; the closing item that only asks everyone to carry out
  the document and report is not a task;
* articles (the document's own, ref "Đ23.1"; those of an attached Quy chế / Quy định, ref
  "QC.Đ12"): in the parts that assign responsibilities (an article, chapter or clause whose
  heading says "Trách nhiệm", "Nhiệm vụ", "Tổ chức thực hiện", "Phân công" or names a body;
  every article when the text has no such part: the decision's own articles and those of
  the text it issues are judged apart, so "Điều 2. Giao Sở Xây dựng chủ trì ..." of a
  decision stays a task beside a regulation's "Chương II. TRÁCH NHIỆM ..."), each item
  headed by bodies is a task, at the level where the bodies are named: an article per body
  -> "QC.Đ16"; an article whose clauses each name another body -> one task per clause
  ("Đ8.1", "QC.Đ4.2.a"); clauses that all name one body -> one task for the article.
  Procedure rules (clauses headed by no body), clauses headed by a collective and the
  execution clause ("... chịu
  trách nhiệm thi hành Quyết định này"; a council's "Giao Ủy ban nhân dân tỉnh tổ chức
  triển khai thực hiện Nghị quyết này", "Giao Thường trực Hội đồng nhân dân ... giám sát
  việc thực hiện Nghị quyết này") are not tasks, nor catch-all clauses whatever bodies
  they list ("Các Sở: Tài chính, Nội vụ theo chức năng, nhiệm vụ phối hợp thực hiện").

Each task's lead is the heading's bodies plus those that "chủ trì" in its lines; its
coordinating bodies are those it "phối hợp với" (:func:`~policykg.ingest.task_roles.
inline_roles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from policykg.ingest.agencies import AgencyMention
from policykg.ingest.reading import diacritic_key
from policykg.ingest.task_roles import (
    duty_holders,
    first_line_bodies,
    heading_bodies,
    heading_text,
    inline_roles,
    is_collective_heading,
)
from policykg.ingest.text import Doc, Section

__all__ = ["Assigned", "assigned_tasks", "duty_tasks", "part_ref"]

_RESPONSIBILITY = re.compile(
    r"trách nhiệm|nhiệm vụ|tổ chức thực hiện|phân công|đối với (?:các )?cơ quan"
)
_EXECUTION = re.compile(
    r"chịu trách nhiệm thi hành|thi hành (?:quyết định|chỉ thị|thông tư|nghị quyết) này"
    r"|thực hiện tốt (?:chỉ thị|quyết định|nghị quyết|kế hoạch) này"
    r"|tổ chức (?:triển khai )?thực hiện (?:chỉ thị|quyết định|nghị quyết|thông tư) này"
    # a council's resolution: its standing committee and deputies supervise it
    r"|giám sát (?:việc )?(?:thực hiện|triển khai|thi hành) nghị quyết này"
)
_ITEM_STYLES = ("arabic", "letter")
#: Articles and clauses that define rather than assign ("Đối tượng áp dụng", "Phạm vi").
_DEFINITION = re.compile(
    r"^(?:đối tượng|phạm vi|giải thích|nguyên tắc|hiệu lực|điều khoản thi hành|quy định chung)"
)


@dataclass
class Assigned:
    """A task found by its heading bodies."""

    ref: str
    section: Section
    lead: list[AgencyMention] = field(default_factory=list)
    coord: list[AgencyMention] = field(default_factory=list)


def _article_no(sec: Section) -> int | None:
    m = re.match(r"Điều\s+(\d+)", sec.label)
    return int(m.group(1)) if m else None


def _articles(doc: Doc) -> Iterator[tuple[Section, bool]]:
    """Every article (not in an appendix), with whether it belongs to an attached text.

    The attached text (Quy chế, Quy định) numbers its articles from 1 again.
    """
    attached = False
    last = 0
    appendix = next((s.start for s in doc.sections() if s.style == "appendix"), None)
    for s in doc.sections():
        if s.style != "dieu" or any(a.style == "appendix" for a in s.ancestors()):
            continue
        if appendix is not None and s.start > appendix:
            break  # the forms of an appendix ("Mẫu số 03 ... Điều 3. Trách nhiệm ...")
        no = _article_no(s)
        if no is None:
            continue
        if no <= last and no == 1:
            attached = True
        last = no
        yield s, attached


def _ref(sec: Section, attached: bool) -> str:
    ref = re.sub(r"^Điều\s+", "Đ", sec.ref)
    return f"QC.{ref}" if attached else ref


def _children(sec: Section) -> list[Section]:
    return [c for c in sec.children if c.style in _ITEM_STYLES]


def _own_text(sec: Section) -> str:
    return diacritic_key(sec.text)


#: A catch-all clause: its bodies only take part or carry the document out "theo chức năng,
#: nhiệm vụ" ("Các Sở: Tài chính, Nội vụ theo chức năng, nhiệm vụ phối hợp thực hiện", "...
#: có trách nhiệm phối hợp theo chức năng, nhiệm vụ của đơn vị mình").
_DOC_WORD = (
    r"(?:kế hoạch|chỉ thị|quyết định|quy chế|quy định|nghị quyết|thông tư|chương trình|đề án)"
)
_CATCH_ALL = re.compile(
    r"theo chức năng,? nhiệm vụ(?:,? quyền hạn|,? thẩm quyền| được giao)*,? (?:có trách nhiệm |chủ"
    r" động )?(?:phối hợp(?: thực hiện| triển khai)?|(?:tổ chức )?(?:triển khai|thực hiện)"
    rf"(?: thực hiện)?)(?: (?:nghiêm túc |có hiệu quả )?{_DOC_WORD} này)?\W*$"
    r"|phối hợp(?: thực hiện)? theo chức năng,? nhiệm vụ(?:,? quyền hạn| được giao| của (?:đơn"
    r" vị|cơ quan|ngành|địa phương) mình)*\W*$"
)


def _is_execution(sec: Section) -> bool:
    """The execution clause, or a catch-all clause (neither assigns a task)."""
    text = _own_text(sec)
    return bool(_EXECUTION.search(text) or _CATCH_ALL.search(text))


#: "Thủ trưởng các Sở, Ban, Ngành nêu tại Điều 7": the departments an article named
_CROSS_REF = re.compile(
    r"các\s+(?:sở|cơ quan|đơn vị)[^.;:]{0,30}?(?:nêu|quy định|được giao)\s+tại\s+điều\s+(\d+)"
)


def _heads(doc: Doc, sec: Section, province: str | None) -> list[AgencyMention]:
    heads = heading_bodies(doc, sec, province, lead_in=True)
    m = _CROSS_REF.search(diacritic_key(heading_text(sec)))
    if m and heads:
        for b in _named_in_article(doc, sec, int(m.group(1)), province):
            if b.kind.startswith("ubnd") or any(_same(b, h) for h in heads):
                continue  # the departments and agencies, not the people's committees
            heads.append(b)
    return heads


def _same(a: AgencyMention, b: AgencyMention) -> bool:
    return (a.kind, a.scope, a.name) == (b.kind, b.scope, b.name)


def _named_in_article(
    doc: Doc, sec: Section, number: int, province: str | None
) -> list[AgencyMention]:
    """The bodies heading the clauses of article ``number`` of the text ``sec`` is in."""
    articles = list(_articles(doc))
    here = next((a for a in (sec, *sec.ancestors()) if a.style == "dieu"), None)
    part = next((att for a, att in articles if a is here), None)
    target = next(
        (a for a, att in articles if att == part and _article_no(a) == number and a is not here),
        None,
    )
    out: list[AgencyMention] = []
    if target is None:
        return out
    for c in target.walk():
        if c is not target and c.style in _ITEM_STYLES:
            out.extend(b for b in heading_bodies(doc, c, province, lead_in=True) if b not in out)
    return out


def _key(ms: list[AgencyMention]) -> tuple[tuple[str, str | None, str | None], ...]:
    return tuple(sorted({(m.kind, m.scope, m.name) for m in ms}, key=str))


def _assign(
    doc: Doc, sec: Section, ref: str, province: str | None
) -> list[tuple[str, Section, list[AgencyMention]]]:
    """(ref, section, heading bodies) of the tasks inside ``sec`` (itself included).

    An item headed by bodies is a task, unless its clauses name other bodies than its own,
    or each a different one of its own (then the clauses are); an item whose clauses are
    all tasks of one body is one task; an item headed by no body is a task when its own
    lines say who "chủ trì" or "có trách nhiệm" (a clause "Trách nhiệm của các cơ quan:"
    followed by one paragraph per body).
    """
    if _DEFINITION.match(diacritic_key(heading_text(sec))):
        return []
    if _is_execution(sec) and not _children(sec):
        return []
    heads = _heads(doc, sec, province)
    kids = _children(sec)
    if heads:
        per_kid = [[t for t in _assign(doc, k, f"{ref}.{k.label}", province) if t[2]] for k in kids]
        inner = [t for ts in per_kid for t in ts]
        own = {(m.kind, m.scope, m.name) for m in heads}
        beyond = any(not {(m.kind, m.scope, m.name) for m in t[2]} <= own for t in inner)
        # clauses that each name a different body: "Trách nhiệm của Sở Y tế và Sở Giáo dục
        # và Đào tạo" / "1. Sở Y tế ..." / "2. Sở Giáo dục và Đào tạo ..."
        sets = [{(m.kind, m.scope, m.name) for m in t[2]} for t in inner]
        apart = all(not (a & b) for k, a in enumerate(sets) for b in sets[k + 1 :])
        if all(per_kid) and len({_key(t[2]) for t in inner}) >= 2 and (beyond or apart):
            return inner  # each clause names another body than the heading's
        return [(ref, sec, heads)]
    out: list[tuple[str, Section, list[AgencyMention]]] = []
    for k in kids:
        out.extend(_assign(doc, k, f"{ref}.{k.label}", province))
    direct = [t for t in out if t[1] in kids]
    if len(out) >= 2 and len(direct) == len(out) == len(kids):
        # all clauses of one body (counting those they say "chủ trì"): one task
        keys = {
            _key([*t[2], *duty_holders(doc, list(t[1].all_paragraphs()), province)]) for t in out
        }
        if len(keys) == 1:
            return [(ref, sec, out[0][2])]
    if not out and not kids and sec.style != "dieu":
        # "1. Đối với cụm công nghiệp ...:" then "Sở Tài chính thẩm định ..."
        holders = first_line_bodies(doc, sec, province) or duty_holders(
            doc, sec.paragraphs, province
        )
        if holders:
            return [(ref, sec, holders)]
    return out


def _responsibility(sec: Section) -> bool:
    """Does the heading say the part assigns responsibilities ("Điều 8. Tổ chức thực
    hiện", "Chương III. TRÁCH NHIỆM CỦA CÁC CƠ QUAN", "Trách nhiệm Sở Công Thương")? An
    article whose text runs on its first line ("Điều 3. Chánh Văn phòng ... chịu trách
    nhiệm thi hành Quyết định này.") has no such heading."""
    head = diacritic_key(heading_text(sec))
    if _EXECUTION.search(head):
        return False
    if head.rstrip().endswith(".") and len(head.split()) > 12:
        return False  # a clause of running text, not a heading
    return bool(_RESPONSIBILITY.search(head))


def _in_scope(sec: Section, scoped: bool) -> bool:
    if not scoped:
        return True
    node: Section | None = sec
    while node is not None:
        if node.style in ("part", "dieu") and _responsibility(node):
            return True
        node = node.parent
    return False


def _directive_items(doc: Doc) -> list[Section]:
    """Numbered items at the top of the document (a directive's body), not in articles."""
    return [s for s in doc.root.children if s.style == "arabic"]


#: A part of a plan that gives each body its duties ("IV. TỔ CHỨC THỰC HIỆN", "PHÂN CÔNG
#: TRÁCH NHIỆM", "TRÁCH NHIỆM CỦA CÁC CƠ QUAN").
_DUTIES_PART = re.compile(r"^\W*(?:tổ chức thực hiện|(?:phân công )?trách nhiệm)")
_PART_WORD = re.compile(r"^(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC)\s+")
_ARTICLE_WORD = re.compile(r"^Điều\s+")
#: "Phần thứ hai" is part II
_ORDINAL = re.compile(r"^(?:thứ|THỨ|Thứ)\s+(\S+)")
_ORDINALS = {
    "nhất": "I",
    "hai": "II",
    "ba": "III",
    "tư": "IV",
    "bốn": "IV",
    "năm": "V",
    "sáu": "VI",
    "bảy": "VII",
    "tám": "VIII",
    "chín": "IX",
    "mười": "X",
}


def part_ref(ref: str) -> str:
    """A section's ref with its part's word dropped: "Phần II.1" -> "II.1", "Phần thứ
    hai.1" -> "II.1", "Điều 2.1" -> "Đ2.1"."""
    ref = _ARTICLE_WORD.sub("Đ", _PART_WORD.sub("", ref))
    m = _ORDINAL.match(ref)
    if m:
        head, dot, rest = m.group(1).partition(".")
        numeral = _ORDINALS.get(head.lower())
        if numeral:
            ref = numeral + dot + rest
    return ref


def duty_tasks(doc: Doc, *, province: str | None) -> list[Assigned]:
    """The per-body duties of a plan that lists its work nowhere else (no task section, no
    task table): the items of its "TỔ CHỨC THỰC HIỆN" headed by bodies ("IV.1")."""
    found: list[tuple[str, Section, list[AgencyMention]]] = []
    for sec in doc.sections():
        if sec.style not in ("roman", "part") or any(
            a.style in ("roman", "part", "appendix") for a in sec.ancestors()
        ):
            continue
        if not _DUTIES_PART.match(diacritic_key(heading_text(sec))):
            continue
        for item in _children(sec):
            if _is_execution(item):
                continue
            heads = _heads(doc, item, province)
            if heads or is_collective_heading(item):
                found.append((part_ref(item.ref), item, heads))
    return _with_roles(doc, found, province)


def assigned_tasks(doc: Doc, *, province: str | None) -> list[Assigned]:
    """The tasks of a document that assigns work body by body (see the module doc)."""
    found: list[tuple[str, Section, list[AgencyMention]]] = []
    items = _directive_items(doc)
    headed = [s for s in items if _heads(doc, s, province) or is_collective_heading(s)]
    if len(headed) >= 2:
        for s in headed:
            if _is_execution(s):
                continue
            found.append((s.label, s, _heads(doc, s, province)))
    else:
        articles = list(_articles(doc))
        # the decision's own articles and those of the text it issues are scoped apart
        scoped = {
            part: any(
                _responsibility(s) or (s.parent is not None and _responsibility(s.parent))
                for s, att in articles
                if att == part
            )
            for part in (False, True)
        }
        for art, attached in articles:
            if not _in_scope(art, scoped[attached]):
                # a clause "Trách nhiệm của các cơ quan, đơn vị:" inside another article
                for c in art.walk():
                    if c is not art and c.style in _ITEM_STYLES and _responsibility(c):
                        ref = _ref(art, attached) + c.ref[len(art.ref) :]
                        found.extend(_assign_inner(doc, c, ref, province))
                continue
            found.extend(_assign(doc, art, _ref(art, attached), province))
    return _with_roles(doc, found, province)


def _with_roles(
    doc: Doc, found: list[tuple[str, Section, list[AgencyMention]]], province: str | None
) -> list[Assigned]:
    out: list[Assigned] = []
    for ref, sec, heads in found:
        lead, coord = inline_roles(doc, sec.all_paragraphs(), province)
        lead = [*heads, *(m for m in lead if m not in heads)]
        coord = [m for m in coord if m not in lead]
        out.append(Assigned(ref, sec, lead, coord))
    return out


def _assign_inner(
    doc: Doc, sec: Section, ref: str, province: str | None
) -> list[tuple[str, Section, list[AgencyMention]]]:
    out: list[tuple[str, Section, list[AgencyMention]]] = []
    for k in _children(sec):
        out.extend(_assign(doc, k, f"{ref}.{k.label}", province))
    return out
