"""Reporting duties and each agency's duties under "TỔ CHỨC THỰC HIỆN".

:func:`extract_reporting` finds every duty to send a report: who reports (the agencies
that head the item, "1. Sở Khoa học và Công nghệ", or the subject of the clause), to whom
(the agencies the clause names, up to a purpose "để ..."), by when ("trước ngày 30/11 hằng
năm" -> ``"--11-30"``, "Quý IV/2025" -> ``"2025-12-31"``) and how often (``annual``,
``periodic``, ``on_request``, ``once``). Not reporting duties: escalation clauses ("phản
ánh vướng mắc ... để tổng hợp, báo cáo ... xem xét", "trường hợp vượt thẩm quyền"), budget
estimates ("dự toán"), and "sơ kết, tổng kết" with neither a date nor a report.

:func:`extract_duties` lists, per agency section of "TỔ CHỨC THỰC HIỆN", what the agency
must do, with whom ("phối hợp với ...") and for or to whom ("tham mưu", "trình", "gửi",
"báo cáo"): the agency network. It is not part of the gold form (keep it under "_duties").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from policykg.ingest.agencies import AgencyMention, chain_after, mentions_between
from policykg.ingest.reading import diacritic_key
from policykg.ingest.text import Doc, Paragraph, Section, clean

__all__ = ["deadline_of", "extract_duties", "extract_reporting", "recurrence_of"]

_ESCALATION = re.compile(
    r"phản ánh|vướng mắc|khó khăn|vượt thẩm quyền|xem xét,? (?:quyết định|chỉ đạo|điều chỉnh"
    r"|giải quyết)"
)
_BUDGET = re.compile(r"dự toán|kinh phí")
_REPORT = re.compile(r"báo cáo(?! viên)")
_SUMMARY = re.compile(r"tổng kết|sơ kết")
_QUARTER = re.compile(r"quý\s+(i{1,3}|iv|[1-4])\s*(?:/|năm)\s*((?:19|20)\d\d)")
_DAY_MONTH = re.compile(
    r"(?:trước|chậm nhất|đến|vào)\s+ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})"
    r"(?:\s*(?:/|năm)\s*((?:19|20)\d\d))?"
)
_ANNUAL = re.compile(r"h[àằ]ng năm|mỗi năm|định kỳ năm")
_PERIODIC = re.compile(r"định kỳ|h[àằ]ng quý|6 tháng|sáu tháng|h[àằ]ng tháng")
_ON_REQUEST = re.compile(r"đột xuất|khi có yêu cầu|theo yêu cầu")
_PURPOSE = re.compile(r"\s+để\s+")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER_END = {1: "03-31", 2: "06-30", 3: "09-30", 4: "12-31"}
_SENTENCE = re.compile(r"(?<=[.;])\s+")


def deadline_of(clause: str) -> tuple[str | None, bool]:
    """(deadline, recurring) of a clause: ``("--11-30", True)``, ``("2025-12-31", False)``."""
    f = diacritic_key(clause)
    recurring = bool(_ANNUAL.search(f) or _PERIODIC.search(f))
    m = _DAY_MONTH.search(f)
    if m:
        day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
        if year and not recurring:
            return f"{year}-{month:02d}-{day:02d}", False
        return f"--{month:02d}-{day:02d}", recurring
    q = _QUARTER.search(f)
    if q:
        return f"{q.group(2)}-{_QUARTER_END[_ROMAN[q.group(1)]]}", False
    return None, recurring


def recurrence_of(clause: str) -> str:
    """``annual`` / ``periodic`` / ``on_request`` / ``once`` from the wording."""
    f = diacritic_key(clause)
    if _ANNUAL.search(f):
        return "annual"
    if _PERIODIC.search(f):
        return "periodic"
    if _ON_REQUEST.search(f):
        return "on_request"
    return "once"


def _tcth(doc: Doc) -> Section | None:
    for style in ("roman", "dieu", "part", "arabic"):
        for s in doc.sections():
            if s.style == style and "tổ chức thực hiện" in diacritic_key(clean(s.heading)):
                return s
    return None


def _ref(m: AgencyMention) -> dict[str, Any]:
    return {"kind": m.kind, "scope": m.scope}


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for x in items:
        if x not in out:
            out.append(x)
    return out


def _heading_actors(doc: Doc, sec: Section, province: str | None) -> list[AgencyMention]:
    """The agencies a duty section is addressed to: the list that opens its heading."""
    p = sec.heading_paragraph
    if p is None:
        return []
    ms = mentions_between(doc.original, p.start, p.end, province=province)
    # skip the marker ("1.", "**2.") and a collective lead-in ("Các sở, ngành,")
    m = re.match(r"^\W*(?:\d+|[IVX]+|[a-zđ])[.)]\s*", p.text)
    pos, _ = p.span_of(m.end() if m else 0, (m.end() if m else 0) + 1)
    return chain_after(doc.original, ms, pos, slack=24)


def _actor_section(sec: Section, top: Section) -> Section | None:
    """The numbered section under "TỔ CHỨC THỰC HIỆN" that contains ``sec``."""
    node: Section | None = sec
    while node is not None and node.parent is not top:
        node = node.parent
    return node


def _clauses(p: Paragraph) -> Iterator[tuple[int, int]]:
    """Sentences and ";"-clauses of a paragraph (offsets in ``p.text``)."""
    text = p.text
    pos = 0
    for m in _SENTENCE.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _units(doc: Doc, top: Section) -> Iterator[tuple[Section, Paragraph]]:
    for s in top.walk():
        for p in s.paragraphs:
            yield s, p
    # closing paragraphs after the last item belong to the section too (already walked)


def _subject(doc: Doc, p: Paragraph, a: int, b: int, province: str | None) -> list[AgencyMention]:
    """Agencies named as the subject right before the report verb of a clause."""
    f = diacritic_key(p.text[a:b])
    rv = _REPORT.search(f)
    if not rv:
        return []
    start, _ = p.span_of(a, a + 1)
    verb, _ = p.span_of(a + rv.start(), a + rv.start() + 1)
    ms = mentions_between(doc.original, start, verb, province=province)
    if not ms or not re.fullmatch(r"[\s,]*", doc.original[ms[-1].end : verb]):
        return []
    chain = chain_after(doc.original, ms, ms[0].start)
    # the original may break lines or carry markdown between the words: read it clean
    before = diacritic_key(clean(doc.original[max(start, chain[0].start - 30) : chain[0].start]))
    if re.search(r"(?:tham mưu|giúp|cho|với|của)\s*$", before):
        return []  # "tham mưu UBND tỉnh báo cáo ...": advised, not the reporter
    return [m for m in ms if m in chain]


def extract_reporting(doc: Doc, *, province: str | None) -> list[dict[str, Any]]:
    """Reporting duties in the form of SCHEMA.md, with "_span" of the evidence."""
    top = _tcth(doc) or doc.root
    out: list[dict[str, Any]] = []
    for sec, p in _units(doc, top):
        if p.kind not in ("text", "footnote"):
            continue
        for a, b in _clauses(p):
            text = p.text[a:b]
            f = diacritic_key(text)
            if _ESCALATION.search(f) or _BUDGET.search(f):
                continue
            deadline, _rec = deadline_of(text)
            if not _REPORT.search(f) and not (_SUMMARY.search(f) and deadline):
                continue
            # the evidence: from the clause start to a purpose ("để tổng hợp ...")
            cut = _PURPOSE.search(text)
            if (
                cut
                and _REPORT.search(diacritic_key(text[: cut.start()])) is None
                and cut.start() < 20
            ):
                cut = None
            end = a + (cut.start() if cut else len(text))
            # a clause "...; báo cáo ..." after other duties: start at the report
            semi = [m.end() for m in re.finditer(r";\s*", p.text[a:end])]
            for s_end in semi:
                rest = diacritic_key(p.text[a + s_end : end])
                if _REPORT.search(rest) and not _REPORT.search(
                    diacritic_key(p.text[a : a + s_end])
                ):
                    a = a + s_end
                    break
            lead = re.match(r"^\W*(?:[a-zđ]\)|\d+[.)])?\s*[-+]?\s*", p.text[a:end])
            if lead:
                a += lead.end()
            evidence = p.text[a:end].strip().rstrip(" .;")
            start, stop = p.span_of(a, a + len(evidence))
            actor_sec = _actor_section(sec, top) if top is not doc.root else None
            subject = _subject(doc, p, a, end, province)
            actors = subject or (
                _heading_actors(doc, actor_sec, province) if actor_sec is not None else []
            )
            names = mentions_between(doc.original, start, stop, province=province)
            actor_refs = _dedupe([_ref(m) for m in actors])
            recipients = _dedupe([_ref(m) for m in names if _ref(m) not in actor_refs])
            out.append(
                {
                    "actor": actor_refs,
                    "recipient": recipients,
                    "deadline": deadline,
                    "recurrence": recurrence_of(evidence),
                    "evidence": clean(evidence),
                    "_span": [start, stop],
                }
            )
    return out


_PARTNER = re.compile(r"phối hợp(?:\s+với)?\s*")
_CLOSING = re.compile(
    r"^\W*(?:trên đây|yêu cầu|(?:ủy ban nhân dân|ubnd) tỉnh yêu cầu|trong quá trình)"
)
_TO = re.compile(
    r"(?:tham mưu(?:\s+giúp)?|trình|gửi(?:\s+(?:báo cáo\s+)?về)?|báo cáo(?:\s+về)?)\s*"
)


def extract_duties(doc: Doc, *, province: str | None) -> list[dict[str, Any]]:
    """Each agency's duties under "TỔ CHỨC THỰC HIỆN" (for the agency network).

    One entry per item: ``{"ref", "actor", "text", "partners", "to", "others", "_span"}``
    where ``partners`` follow "phối hợp (với)", ``to`` follow "tham mưu", "trình", "gửi",
    "báo cáo", and ``others`` are the other agencies the item names.
    """
    top = _tcth(doc)
    if top is None:
        return []
    out: list[dict[str, Any]] = []
    for sec in top.children:
        actors = _dedupe([_ref(m) for m in _heading_actors(doc, sec, province)])
        if not actors:
            continue
        paragraphs = list(sec.all_paragraphs())
        items = paragraphs[1:] or paragraphs
        for p in items:
            if _CLOSING.match(diacritic_key(p.text)):
                continue  # the plan's closing words, not this agency's duty
            ms = mentions_between(doc.original, p.start, p.end, province=province)
            f = diacritic_key(p.text)
            partners: list[dict[str, Any]] = []
            to: list[dict[str, Any]] = []
            for rx, bucket in ((_PARTNER, partners), (_TO, to)):
                for hit in rx.finditer(f):
                    pos, _ = p.span_of(hit.end(), hit.end() + 1)
                    bucket.extend(_ref(m) for m in chain_after(doc.original, ms, pos))
            partners, to = _dedupe(partners), _dedupe(to)
            others = _dedupe(
                [
                    _ref(m)
                    for m in ms
                    if _ref(m) not in partners and _ref(m) not in to and _ref(m) not in actors
                ]
            )
            out.append(
                {
                    "ref": sec.ref if p is paragraphs[0] else _own_ref(sec, p),
                    "actor": actors,
                    "text": clean(re.sub(r"^\W*(?:[a-zđ]\)|\d+\.)?\s*[-+]?\s*", "", p.text)),
                    "partners": partners,
                    "to": to,
                    "others": others,
                    "_span": [p.start, p.end],
                }
            )
    return out


def _own_ref(sec: Section, p: Paragraph) -> str:
    for s in sec.walk():
        if p in s.paragraphs:
            return s.numbered_ref or s.ref
    return sec.ref
