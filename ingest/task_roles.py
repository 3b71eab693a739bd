"""Who leads and who coordinates a task, read from its own lines.

* a lead line: "Cơ quan chủ trì: X", "Chủ trì: X", "Đơn vị chủ trì thực hiện: X" -> lead;
  "Cơ quan phối hợp: Y" -> coordinating;
* a doer line: "Cơ quan thực hiện: X (chủ trì); Y, Z" -> X lead, Y and Z coordinating;
  "Đơn vị thực hiện: X, Y" (no lead marked) -> X and Y lead;
* inline: "X chủ trì, phối hợp (chặt chẽ) với / cùng Y ..." -> X lead, Y coordinating;
  "Phối hợp với Y" -> Y coordinating (whoever's line it is); "X chủ trì ...; Y phối hợp
  ..." -> Y coordinating too (the subject of "phối hợp" after the lead's clause);
* an assignment: "Giao X (thực hiện) ...", "Giao các cơ sở ... gồm: X, Y" -> X (and Y) lead;
* the body heading an item ("3. Bộ Nội vụ: ...", "Điều 12. Trách nhiệm của Sở Công
  Thương", "Ủy ban nhân dân cấp xã có trách nhiệm ...") -> :func:`heading_bodies`.

Collective mentions ("các sở, ban, ngành", "các cơ quan liên quan") give no agency: the
agency register does not report them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from policykg.ingest.agencies import AgencyMention, chain_after, find_agencies
from policykg.ingest.reading import diacritic_key
from policykg.ingest.text import Doc, Paragraph, Section, clean

__all__ = [
    "DOER_LINE",
    "LEAD_LINE",
    "agency_refs",
    "chain_before",
    "duty_holders",
    "first_line_bodies",
    "heading_bodies",
    "inline_roles",
    "is_collective_heading",
    "partner_chain",
]

LEAD_LINE = re.compile(
    r"^\W*(?:[a-zđ]\)\s*|\d+[.)]\s*)?(?:(?:cơ quan|đơn vị)\s+)?(chủ trì|phối hợp)"
    r"(?:\s+thực hiện)?\s*:"
)
#: A line naming who carries the task out: "Cơ quan thực hiện: X (chủ trì); Y, Z",
#: "Đơn vị thực hiện: X", "Trách nhiệm thực hiện: X chủ trì; Y phối hợp".
DOER_LINE = re.compile(
    r"^\W*(?:[a-zđ]\)\s*|\d+[.)]\s*)?(?:(?:cơ quan|đơn vị)(?:\s*,\s*(?:cơ quan|đơn vị))?"
    r"\s+(?:thực hiện|chịu trách nhiệm|được giao|phụ trách)|trách nhiệm thực hiện"
    r"|phân công thực hiện)\s*:"
)
_LIST_GAP = re.compile(r"(?:[\s,;*\-+]|\bvà\b)*")
#: between a body and its verb: spaces, the "(" of a role marked after a name ("Sở Y tế
#: (chủ trì)"), the provinces a national text's "Sở Giáo dục và Đào tạo các tỉnh, thành phố
#: trực thuộc trung ương" names, "để"/"sẽ"
_SUBJECT_GAP = re.compile(
    r"[\s*(]*(?:các\s+tỉnh\s*,\s*thành\s+phố(?:\s+trực\s+thuộc\s+(?:trung\s+ương|tw))?\s*)?"
    # "X theo chức năng, nhiệm vụ (được giao) chủ trì", "X chịu trách nhiệm chủ trì", "X là
    # cơ quan chủ trì", "X (cơ quan chủ trì)"
    r"(?:(?:theo|căn\s+cứ)\s+chức\s+năng\s*,?\s*nhiệm\s+vụ(?:\s+được\s+giao)?\s*,?\s*)?"
    r"(?:(?:chịu|có)\s+trách\s+nhiệm\s+|(?:là\s+)?(?:cơ\s+quan|đơn\s+vị)\s+)?"
    r"(?:(?:để|sẽ)\s+)?",
    re.IGNORECASE,
)
#: "X là cơ quan chủ trì" after a preposition describes X ("gửi về Bộ Xây dựng là cơ quan
#: chủ trì"); it does not give X this task
_APPOSITION = re.compile(r"\blà\s", re.IGNORECASE)
#: A role label inside a line ("Cơ quan chủ trì: X; cơ quan phối hợp: Y", "(Chủ trì: X.
#: Phối hợp: Y)"), and the labels that end its list ("Thời gian thực hiện: ...").
_ROLE_LIST_LABEL = re.compile(
    r"(?:^|(?<=[.;,(]))\W*(?:[a-zđ]\)\s*|\d+[.)]\s*)?(?:(?:cơ quan|đơn vị)\s+)?"
    r"(chủ trì|phối hợp)(?:\s+thực hiện)?\s*:"
)
_OTHER_LABEL = re.compile(
    r"(?<=[.;,(])\W*(?:thời gian|thời hạn|sản phẩm|kết quả|kinh phí|tiến độ)[^.;:]{0,30}:"
)
#: A body after a preposition is its object, not a subject listed with the next body
_OBJECT_BEFORE = re.compile(r"(?<![\wà-ỹ])(?:của|với|cho|theo|tại|từ|đến|về|qua)\s+$")
#: What may stand between the bodies of a list of partners besides separators: the
#: collective words of the same list ("phối hợp với các sở, ngành, Ủy ban nhân dân cấp xã").
_PARTNER_GAP = re.compile(
    r"(?:[\s,;:*\-+–]|\b(?:và|với|các|những|sở|ban|ngành|bộ|cơ quan|đơn vị|địa phương"
    r"|có liên quan|liên quan|khác|các cấp|trung ương|chức năng|đảng|đoàn thể)\b)*"
)
_CHU_TRI = re.compile(r"(?<![\wà-ỹ])chủ trì(?![\wà-ỹ])")
#: "X có trách nhiệm / có nhiệm vụ / chịu trách nhiệm": X is the one who must do it
_DUTY = re.compile(r"(?<![\wà-ỹ])(?:có trách nhiệm|có nhiệm vụ|chịu trách nhiệm)(?! thi hành)")
#: "(việc X) do Y thực hiện / đảm nhiệm": Y is the one who does it
_DONE_BY = re.compile(r"(?<![\wà-ỹ])do\s+")
_DONE_VERB = re.compile(
    r"\s*(?:trực tiếp\s+|chủ trì\s+)?(?:thực hiện|đảm nhiệm|phụ trách|chủ trì)(?![\wà-ỹ])"
)
#: "phối hợp (chặt chẽ) (với / cùng) X" as a verb; "Quy chế phối hợp", "cơ chế phối hợp"
#: name a thing
_PHOI_HOP = re.compile(
    r"(?<![\wà-ỹ])(?<!quy chế )(?<!cơ chế )(?<!kế hoạch )(?<!chương trình )(?<!quan hệ )"
    r"phối hợp(?:\s+(?:chặt chẽ|thường xuyên|tích cực|đồng bộ))?(?:\s+(?:với|cùng))?\s*"
)
#: "... chỉ đạo Sở X phối hợp với Y": the partner of another body than the task's
_DIRECTED = re.compile(r"(?<![\wà-ỹ])chỉ đạo\s+[^.;:]*$")
#: "Giao X ..." opening an item or a clause (not "phương án giao X", "Bộ Ngoại giao")
_GIAO = re.compile(
    r"(?:^\W*(?:[a-zđ]\)|\d+[.)]|[-+•])?\s*|[.;:]\s+)giao(?:\s+cho)?\s+"
    r"(?:(?:[^.;:]{0,80}?\bgồm|[^.;:]{0,40}?\bcho)\s*:?\s*)?"
)
#: Words before a body that head an item without changing who it is.
_HEAD_PREFIX = re.compile(
    r"^\W*(?:(?:giao|đề nghị|yêu cầu)\s+(?:cho\s+)?|trách nhiệm(?:\s+của)?\s+|đối với\s+"
    r"|(?:chủ tịch|giám đốc|thủ trưởng|lãnh đạo|bộ trưởng|tổng giám đốc|cục trưởng)\s+)*"
)
_COLLECTIVE_HEAD = re.compile(
    r"^\W*(?:trách nhiệm(?:\s+của)?\s+)?(?:các|những)\s+(?:bộ|sở|cơ quan|đơn vị|ngành|tổ chức"
    r"|địa phương|ban)\b"
)


def agency_refs(mentions: Iterable[AgencyMention]) -> list[dict[str, Any]]:
    """Agency references (kind, scope, and the name of an ``other``), each once, in order."""
    out: list[dict[str, Any]] = []
    for m in mentions:
        ref: dict[str, Any] = {"kind": m.kind, "scope": m.scope}
        if m.kind == "other" and m.name:
            ref["name"] = m.name
        if ref not in out:
            out.append(ref)
    return out


def chain_before(text: str, mentions: Sequence[AgencyMention], pos: int) -> list[AgencyMention]:
    """The list of agencies that ends right before ``pos`` ("Sở X, Sở Y | chủ trì").

    The last body is the subject of the verb at ``pos``: only spaces between them (not the
    end of another clause, "... của Chính phủ; chủ trì").
    """
    out: list[AgencyMention] = []
    for m in sorted(mentions, key=lambda x: -x.end):
        if m.end > pos:
            continue
        gap = unicodedata.normalize("NFC", text[m.end : pos])
        if not (_SUBJECT_GAP if not out else _LIST_GAP).fullmatch(gap):
            break
        after_object = _OBJECT_BEFORE.search(diacritic_key(text[max(0, m.start - 12) : m.start]))
        if out and after_object:
            break  # "Trên cơ sở đề nghị của UBND quận, huyện, Sở Xây dựng chủ trì"
        if not out and after_object and _APPOSITION.search(gap):
            break  # "Gửi kế hoạch về Bộ Xây dựng là cơ quan chủ trì": it describes the body
        out.insert(0, m)
        pos = m.start
    return out


def partner_chain(text: str, mentions: Sequence[AgencyMention], pos: int) -> list[AgencyMention]:
    """The bodies listed from ``pos`` on, past the collective items of the same list."""
    out: list[AgencyMention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if m.start < pos:
            continue
        gap = diacritic_key(unicodedata.normalize("NFC", text[pos : m.start]))
        if not _PARTNER_GAP.fullmatch(gap):
            break
        out.append(m)
        pos = max(pos, m.end)
    return out


def _para_mentions(doc: Doc, p: Paragraph, province: str | None) -> list[AgencyMention]:
    """The bodies a paragraph names, their offsets into its clean text ``p.text``.

    The clean text is what is read, not the original: a name broken by a Gazette page
    header ("Bộ Chỉ huy Bộ đội / CÔNG BÁO/Số 41/Ngày ... / Biên phòng tỉnh") or set in
    Markdown bold is one name there.
    """
    return list(_text_mentions(p.text, province))


@lru_cache(maxsize=4096)
def _text_mentions(text: str, province: str | None) -> tuple[AgencyMention, ...]:
    return tuple(find_agencies(text, province=province))


def inline_roles(
    doc: Doc, paragraphs: Iterable[Paragraph], province: str | None, *, giao: bool = True
) -> tuple[list[AgencyMention], list[AgencyMention]]:
    """Lead and coordinating bodies stated in ``paragraphs`` (lead lines, inline wording)."""
    lead: list[AgencyMention] = []
    coord: list[AgencyMention] = []
    for p in paragraphs:
        f = diacritic_key(p.text)
        ms = _para_mentions(doc, p, province)
        if not ms:
            continue
        labels = list(_ROLE_LIST_LABEL.finditer(f))
        if labels:
            # each label's list runs to the next label
            stops = sorted(
                [(x.start(), x) for x in labels]
                + [(x.start(), None) for x in _OTHER_LABEL.finditer(f)]
                + [(len(f), None)],
                key=lambda t: t[0],
            )
            before = labels[0].start()
            sub_lead, sub_coord = _inline(p, f, [a for a in ms if a.end <= before], giao)
            lead.extend(sub_lead)
            coord.extend(sub_coord)
            for k, (_, x) in enumerate(stops[:-1]):
                if x is None:
                    continue
                a, b = x.end(), stops[k + 1][0]
                found = [m for m in ms if a <= m.start and m.end <= b]
                (lead if x.group(1) == "chủ trì" else coord).extend(found)
            continue
        d = DOER_LINE.match(f)
        if d:
            start = d.end()
            sub_lead, sub_coord = _inline(p, f, [a for a in ms if a.start >= start], giao)
            marked = bool(_CHU_TRI.search(f, d.end()))
            rest = [a for a in ms if a.start >= start and a not in sub_lead + sub_coord]
            # unmarked bodies: the doers, or those taking part when another one "chủ trì"
            lead.extend([*sub_lead, *([] if marked else rest)])
            coord.extend([*sub_coord, *(rest if marked else [])])
            continue
        sub_lead, sub_coord = _inline(p, f, ms, giao)
        lead.extend(sub_lead)
        coord.extend(sub_coord)
    return lead, coord


def _inline(
    p: Paragraph, f: str, ms: list[AgencyMention], giao: bool
) -> tuple[list[AgencyMention], list[AgencyMention]]:
    """Lead and coordinating bodies of one paragraph's wording ("X chủ trì, phối hợp với Y",
    "Giao X ..."); offsets into ``p.text`` (``f`` is its key, of the same length)."""
    text = p.text
    lead: list[AgencyMention] = []
    coord: list[AgencyMention] = []
    first_lead = None
    for hit in _CHU_TRI.finditer(f):
        lead.extend(chain_before(text, ms, hit.start()))
        first_lead = hit.start() if first_lead is None else first_lead
    for hit in _PHOI_HOP.finditer(f):
        if first_lead is not None and hit.start() > first_lead:
            # "X chủ trì ...; Y phối hợp ...": the subject of "phối hợp" takes part
            coord.extend(chain_before(text, ms, hit.start()))
        if hit.end() >= len(f) or _DIRECTED.search(f[: hit.start()]):
            continue
        coord.extend(partner_chain(text, ms, hit.end()))
    if giao:
        for hit in _GIAO.finditer(f):
            if hit.end() >= len(f):
                continue
            lead.extend(chain_after(text, ms, hit.end()))
    return lead, coord


def heading_text(sec: Section) -> str:
    """A section's heading, or the next line when the marker stands alone on its line."""
    h = clean(sec.heading)
    if not h and len(sec.paragraphs) > 1:
        # "Chương II" / "NỘI DUNG ...", a number alone on its line / its heading
        return clean(sec.paragraphs[1].text)
    return h


def is_collective_heading(sec: Section) -> bool:
    """Is the item headed by a collective ("Các Bộ, ngành liên quan khác ...")?"""
    return bool(_COLLECTIVE_HEAD.match(diacritic_key(heading_text(sec))))


def duty_holders(
    doc: Doc, paragraphs: Iterable[Paragraph], province: str | None
) -> list[AgencyMention]:
    """The bodies that "chủ trì" or "có trách nhiệm" in ``paragraphs``, or by whom the
    work is done ("Công tác thanh tra do Thanh tra tỉnh thực hiện")."""
    out: list[AgencyMention] = []
    for p in paragraphs:
        f = diacritic_key(p.text)
        ms = _para_mentions(doc, p, province)
        if not ms:
            continue
        for rx in (_CHU_TRI, _DUTY):
            for hit in rx.finditer(f):
                out.extend(m for m in chain_before(p.text, ms, hit.start()) if m not in out)
        for hit in _DONE_BY.finditer(f):
            found = chain_after(p.text, ms, hit.end())
            if found and _DONE_VERB.match(f, max(m.end for m in found)):
                out.extend(m for m in found if m not in out)
    return out


_ROLE_LABEL = re.compile(r"chủ trì|phối hợp|cơ quan|đơn vị|thời gian|sản phẩm|kết quả|giao")
_LEAD_IN = re.compile(r"^\W*(?:(?:đối với|để)\b[^,:;]{0,120}?,\s*|[^,:;]{1,40}?:\s*)")


def heading_bodies(
    doc: Doc,
    sec: Section,
    province: str | None,
    *,
    lead_in: bool = False,
    past_collectives: bool = False,
) -> list[AgencyMention]:
    """The bodies an item's heading starts with ("3. Bộ Nội vụ:", "Trách nhiệm của Sở X").

    With ``lead_in``, a lead-in that names no body may go first (in the clauses of a
    regulation): "Chế độ báo cáo: Sở Công Thương chủ trì ...", "Đối với các cụm công
    nghiệp ..., Ủy ban nhân dân cấp xã có trách nhiệm ...". With ``past_collectives``, the
    list may start with collectives ("Các Sở, ban, ngành và UBND cấp xã nêu cao ...").
    """
    p = sec.heading_paragraph
    if p is None:
        return []
    if not clean(sec.heading) and sec.style in ("arabic", "letter"):
        # a number alone on its line: its heading is the next line ("3" / "- Ủy ban ...:")
        nxt = sec.paragraphs[1] if len(sec.paragraphs) > 1 else None
        if nxt is None and sec.children:
            nxt = sec.children[0].heading_paragraph
        if nxt is None:
            return []
        p = nxt
    f = diacritic_key(p.text)
    # the marker ("3.", "a)", "Điều 12.") is not part of the heading
    start = len(p.text) - len(p.text.lstrip())
    head = clean(sec.heading)
    if head:
        k = f.find(diacritic_key(head)[:20])
        if k >= 0:
            start = k
    ms = _para_mentions(doc, p, province)
    if not ms:
        return []
    found = _bodies_at(doc, p, ms, f, start, past_collectives)
    if found or not lead_in:
        return found
    m = _LEAD_IN.match(f[start:])
    if m and not _ROLE_LABEL.search(m.group()):
        return _bodies_at(doc, p, ms, f, start + m.end(), past_collectives)
    return []


def first_line_bodies(doc: Doc, sec: Section, province: str | None) -> list[AgencyMention]:
    """The bodies the first line under a lead-in heading starts with ("1. Đối với ...:" /
    "Sở Tài chính thẩm định ...")."""
    if len(sec.paragraphs) < 2 or not clean(sec.heading).endswith(":"):
        return []
    p = sec.paragraphs[1]
    ms = _para_mentions(doc, p, province)
    if not ms:
        return []
    return _bodies_at(doc, p, ms, diacritic_key(p.text), 0)


def _bodies_at(
    doc: Doc,
    p: Paragraph,
    ms: Sequence[AgencyMention],
    f: str,
    start: int,
    past_collectives: bool = False,
) -> list[AgencyMention]:
    m = _HEAD_PREFIX.match(f[start:])
    i = start + (m.end() if m else 0)
    if i >= len(p.text):
        return []
    # the register may name the body with its head ("Chủ tịch Ủy ban nhân dân ...") or not
    for at in dict.fromkeys((start, i)):
        found = (partner_chain if past_collectives else chain_after)(p.text, ms, at)
        if found:
            return found
    return []
