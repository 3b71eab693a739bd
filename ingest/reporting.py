"""Reporting duties of any document, and each agency's duties under "TỔ CHỨC THỰC HIỆN".

:func:`extract_reporting` reads the body sentence by sentence (not the header, "Nơi nhận",
the signature, nor an appendix of forms: a report template is not a duty). In a sentence
each "báo cáo" (or "tổng kết / sơ kết ... gửi") is a report, sent to the agencies that follow
it ("báo cáo Bộ X", "gửi về Sở Y", "báo cáo kết quả ... về Bộ Z", "(qua Sở W)" adds W,
"tham mưu UBND tỉnh báo cáo Bộ X" sends to both, "đồng thời gửi Bộ V" adds V but not a copy
"đồng thời gửi Bộ V để tổng hợp"). A report passed on ("gửi A để tổng hợp, báo cáo B", "A
tổng hợp, báo cáo B") is a second duty, of A, unless another sentence states it itself.

Who reports: the clause's subject ("Ủy ban nhân dân cấp huyện báo cáo ...", after
"Hằng năm," or "Định kỳ trước ngày ...,"; the bodies a clause asks: "Đề nghị Ủy ban MTTQ
tỉnh ..., báo cáo ..."; not a body after "của", "với", "cho (các)", "tham mưu", "phối hợp
với", "hướng dẫn" and the list it heads, nor one in parentheses, but the official that
follows such a list: "cơ quan thuộc Chính phủ, Chủ tịch Ủy ban nhân dân các tỉnh"), [] for a
collective subject ("Các sở, ngành ..."), ``doanh_nghiep`` for enterprises, investors and
operators as a group ("Chủ đầu tư", "các tổ chức, cá nhân sản xuất kinh doanh", "Trách
nhiệm của các cơ sở sản xuất"); in a report passed on, the body it is submitted to ("trình
Bộ trưởng báo cáo Chính phủ"); a ministry's "Bộ" / "Bộ trưởng" and a department's "Sở" alone
are the issuing body;
else the agencies the paragraph opens with, else the line heading the items ("2 - Sở Y có
trách nhiệm:"), else the nearest heading ("3. Bộ Công Thương:", "Điều 12. Trách nhiệm của
Sở X").

By when and how often: each deadline of the report's clause (or of the sentence's opening)
is its own duty ("trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm" -> ``--06-20``
periodic and ``--12-20`` annual; "trước ngày 10/6 và 10/12"; "trước ngày 22 hằng tháng",
"Hằng tháng (trước ngày 20)" -> ``---22``, ``---20``; "quý III năm 2012" -> ``2012-09-30``;
"tháng 12 năm 2024" -> ``2024-12-31``; "trước ngày 10/11/2024"; "trước ngày 15 tháng cuối
quý": periodic, no date), listed frequencies without dates ("định kỳ 6 tháng, hằng năm",
"hằng quý, 6 tháng, năm") give a duty each, and so does an occasion besides them ("hằng năm
và khi kết thúc Chương trình"); two reports of one sentence ("Báo cáo ... 3 tháng một lần;
báo cáo ... hằng năm về Bộ X") are read each with its own frequency, the first sharing the
recipients of the second; the date of a cited instrument is not a deadline; a following
"Thời gian hoàn tất: trước ngày ..." dates the duty before it.
``recurrence``: ``annual``, ``periodic``, ``on_request`` ("đột xuất", "kịp thời báo cáo"),
``once``.

Bodies as reporting reads them: besides the register's, a class of bodies given duties is one
``other`` actor ("Các đơn vị thuộc Sở X", "Các huyện ủy, thị ủy, đảng ủy trực thuộc Tỉnh
ủy"; not "Thủ trưởng các đơn vị trực thuộc Bộ", each unit's head), and a unit of a party
committee with the committee's name is one ``other`` body ("Ban Tuyên giáo và Dân vận Tỉnh
ủy", "Văn phòng Tỉnh ủy").

A table of reports ("Tên báo cáo | Cơ quan báo cáo | Cơ quan nhận báo cáo | Thời hạn gửi")
gives a duty per row, a date with no year recurring every year. A task table
(:mod:`policykg.ingest.tables`, any written form) gives the reports its rows
ask for ("Bộ Tư pháp tổng hợp, báo cáo, đề xuất Thủ tướng Chính phủ" in the result or task
cell): the row's lead bodies (or the cell's own subject) report, by the row's time cell
("6/2025" -> ``2025-06-30``, "Quý II/2025", "2025" -> ``2025-12-31``).

To whom: besides the bodies after the verb, "bám sát chương trình làm việc của Bộ Chính trị,
Ban Bí thư ... để thực hiện việc báo cáo" reports to those bodies; a copy "đồng thời gửi B để
theo dõi / để thực hiện / để tổng hợp" is not a recipient.

Not reporting duties: a request for a decision ("báo cáo ... xem xét, quyết định", "báo cáo
cấp có thẩm quyền ra quyết định", "báo cáo Hội đồng để thực hiện việc lựa chọn": the whole
chain), an escalation ("trường hợp vượt thẩm quyền", "phản ánh ... về Sở X", "nếu có khó
khăn, vướng mắc, ... báo cáo", "báo cáo X các vấn đề phát sinh" unless "kịp thời"), a budget
estimate ("lập dự toán ... báo cáo"; a settlement "báo cáo quyết toán" is one), a report
already made ("đã báo cáo"), a report a body must have others make ("hướng dẫn các chủ đầu tư
thực hiện ..., báo cáo định kỳ", "hướng dẫn các sở, ngành thực hiện chế độ báo cáo"), one
asking for action ("để có biện pháp xử lý"), a document called a report ("Báo cáo đánh giá
tác động môi trường", "chuẩn hóa chế độ báo cáo"), a heading or definition naming no one
("Chế độ báo cáo", "Kỳ báo cáo"), a report to no one that says neither what nor how often,
and a report named as a table row's product ("Báo cáo hằng năm").

Rules and regimes: period rules ("Báo cáo tháng: trước ngày 20 của tháng tiếp theo; báo cáo
năm: trước ngày 15 tháng 01 của năm sau", "+ Báo cáo tuần: ...", "Báo cáo quý I: ...") give a
duty each, with the actor and recipients of the report they detail (the sentence before, the
item its ":" opens or heads, one introduced "như sau:", the undated reports of the body a
"Thời hạn gửi báo cáo của X:" names; a clause "Thời hạn gửi báo cáo:" and its points date the
clause before it; "Báo cáo gửi về X" after them says where they go); a regime written element
by element ("Đối tượng thực hiện báo cáo:", "Cơ quan nhận báo cáo:", "Tần suất ...:", "Thời
hạn gửi báo cáo:") is one duty per deadline or frequency; definitions of a report's period,
content or form ("Thời gian chốt số liệu báo cáo", "Báo cáo gồm các nội dung") are none. A
deadline by reference ("cùng thời hạn quy định tại khoản 1 Điều này", "theo thời hạn nêu
trên", "cùng thời hạn báo cáo năm nêu tại mục 1", "điểm a khoản này") takes the deadlines
referred to in this document, one set by another instrument or counted from another none.
Classes: by function ("cơ quan chuyên môn về du lịch cấp tỉnh", "cơ quan quản lý nhà nước về
X"), public establishments ("các cơ sở giáo dục tiểu học", "Trạm Y tế xã", "Trung tâm trợ giúp
pháp lý nhà nước") are one ``other`` actor; "các sở giáo dục và đào tạo", "Công an các tỉnh,
thành phố trực thuộc trung ương" the provincial kind (national in a national text); operators
and their heads ("cơ sở lưu trú du lịch", "Người đứng đầu cơ sở ...") ``doanh_nghiep``.

:func:`extract_duties` lists, per agency section of "TỔ CHỨC THỰC HIỆN", what the agency
must do, with whom ("phối hợp với ...") and for or to whom ("tham mưu", "trình", "gửi",
"báo cáo"): the agency network. It is not part of the gold form (keep it under "_duties").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.agencies import AgencyMention, chain_after, find_agencies, mentions_between
from policykg.ingest.reading import diacritic_key
from policykg.ingest.tables import Cell
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
_PERIODIC = re.compile(
    r"định kỳ|h[àằ]ng quý|mỗi quý|(?:cuối|đầu) quý|quý sau|6 tháng|sáu tháng|h[àằ]ng tháng|"
    r"mỗi tháng|(?:3|ba) tháng một lần"
)
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
    ms = mentions_between(doc.flat, p.start, p.end, province=province)
    # skip the marker ("1.", "**2.") and a collective lead-in ("Các sở, ngành,")
    m = re.match(r"^\W*(?:\d+|[IVX]+|[a-zđ])[.)]\s*", p.text)
    pos, _ = p.span_of(m.end() if m else 0, (m.end() if m else 0) + 1)
    return chain_after(doc.flat, ms, pos, slack=24)


# --- reporting duties ----------------------------------------------------------------------

#: "báo cáo" as what a body must do (not "kỳ báo cáo", "mẫu báo cáo", "Báo cáo số 12/BC-...",
#: "báo cáo viên", a report already made "đã báo cáo")
_VERB = re.compile(r"\bbáo cáo\b(?!\s+viên)(?!\s+số\s*\d)")
_NOUN_BEFORE = re.compile(
    r"(?:(?<!định )\bkỳ|\bmẫu|\bbiểu|\bbiểu mẫu|\bđơn vị nhận|\bcơ quan nhận|"
    r"thời hạn gửi|chốt số liệu|số liệu|\btrong|\bcác|\bcủa|\btờ trình,?|\bđã|\bđược|"
    r"\bxây dựng|\bdự thảo|\blà|chấp hành(?:\s+nghiêm)?\s+chế độ|"
    r"\bthẩm định|phê duyệt|\bhồ sơ,?|ý kiến vào|\bvào|\bnội dung|\bvới|"
    r"(?:quy định|về|hướng dẫn|chuẩn hóa|hoàn thiện|xây dựng|ban hành|sửa đổi)(?:\s+\S+){0,2}"
    r"\s+chế độ)"
    r"\s*$"
)
#: a document called a report ("Báo cáo đánh giá tác động môi trường", "báo cáo nghiên cứu
#: khả thi"), not a duty to report
_NOUN_AFTER = re.compile(
    r"\s*(?:đánh giá tác động|nghiên cứu khả thi|kinh tế - kỹ thuật|đề xuất chủ trương|"
    r"thành lập|đầu tư|tài chính\b|kiểm toán|giám sát môi trường|hiện trạng|:|,\s*giải trình|"
    r"điều chỉnh (?:phương án|quy hoạch|kế hoạch|dự án))"
)
_SEND = re.compile(r"\bgửi\b")
_SUMMARY_VERB = re.compile(r"\btổng kết\b|\bsơ kết\b")
_ADVISE = re.compile(r"\btham mưu(?:\s+(?:giúp|cho))?\b")
_VIA = re.compile(r"\(\s*qua\b|\bqua\b(?=\s)")
_TOWARD = re.compile(r"\b(?:về|tới|lên|với|đến|cho)\s*$")
#: what a chained report starts with after the first one's recipients: "để tổng hợp, báo
#: cáo", "tổng hợp, báo cáo", ", trình Bộ trưởng báo cáo"
_CHAIN_GAP = re.compile(
    r"(?:\bđể\s+(?:tổng hợp(?:\s+chung)?,?\s*(?:và\s+)?)?|^[\s,)]*tổng hợp,?\s*(?:và\s+)?)"
    r"(?:,?\s*trình\s+[^;.]{0,40}?\s+)?(?:và\s+)?(?:trình,\s*)?$"
)
#: what may stand between a report verb and its recipients: "về", "lên", "kịp thời báo cáo
#: và kiến nghị Chính phủ", "báo cáo, đề xuất Thủ tướng"
_RECIPIENT_GAP = re.compile(
    r"[\s,:]*(?:(?:và\s+|,\s*)?(?:kiến nghị|đề xuất|đề nghị)\s+)?"
    r"(?:(?:ngay|kịp thời|bằng văn bản|trực tiếp|đầy đủ)\s+)*"
    r"(?:(?:về|lên|tới|với|đến|cho|qua)\s+)*"
    r"(?:\(\s*qua\s+)?"
)
#: a copy sent besides the report, for another purpose than reporting on ("đồng thời gửi Bộ X
#: để tổng hợp", "đồng thời gửi Kho bạc Nhà nước để thực hiện", "... để theo dõi, phối hợp")
_COPY_AFTER = re.compile(
    r"^(?:[^;.,()]|\([^()]*\)){0,40}?\bđể\s+(?:tổng hợp|theo dõi|biết|phối hợp|thực hiện|"
    r"kiểm soát|giám sát|quản lý|lưu|chỉ đạo|kiểm tra|đối chiếu)\b[^;.]*?(?<!,)\s*[.;]?\s*$"
)
#: a request for a decision or a submission, not a report ("báo cáo ... xem xét, quyết định")
_DECISION = re.compile(
    r"[^;.]{0,60}?(?:xem xét|quyết định(?!\s+(?:số|này|\d))|cho ý kiến|xin ý kiến|"
    r"chỉ đạo giải quyết|(?:có )?biện pháp xử lý)"
)
#: a report made for the recipient to choose, approve or appraise ("báo cáo Hội đồng đánh giá
#: để thực hiện việc lựa chọn chủ đầu tư", "gửi Sở Tài chính để thẩm định")
_DECISION_PURPOSE = re.compile(
    r"[^;.]{0,80}?\bđể\s+(?:(?:thực hiện|tiến hành)\s+)?(?:việc\s+)?"
    r"(?:lựa chọn|phê duyệt|thẩm định|chấp thuận|quyết định|xem xét|cho ý kiến|ban hành)"
)
_DECISION_TAIL = re.compile(r"xem xét,?\s*(?:quyết định|giải quyết|chỉ đạo)")
_ESCALATE = re.compile(r"vượt (?:quá )?thẩm quyền")
#: a budget estimate sent upward is not a report; a settlement ("quyết toán") is
_ESTIMATE = re.compile(r"(?<!thực hiện )(?<!giải ngân )\bdự toán\b")
_SETTLEMENT = re.compile(r"quyết toán")
#: words before a mention that make it something other than the subject
_NOT_SUBJECT = re.compile(
    r"(?:của|với|cho|tham mưu|giúp|theo|tại|về|được|do|bởi|thuộc|đối với|trình|gửi|qua|"
    r"đề nghị|yêu cầu|chỉ đạo|hướng dẫn|đôn đốc|kiến nghị|cơ quan (?:thường trực|đầu mối)|"
    r"thành viên)\s*[,:]?\s*(?:(?:các|những|mọi)\s+)?"
    # the head of an enumeration between ("phối hợp với các Bộ, ngành liên quan: Tài chính")
    r"(?:(?:các\s+)?(?:bộ|sở)\b[^:;.]{0,40}:\s*)?$"
)
#: an official heading a new item of a list of subjects ("..., Chủ tịch UBND các tỉnh")
_OFFICIAL = re.compile(r"(?:chủ tịch|giám đốc|bộ trưởng|thủ trưởng|trưởng ban|chánh)\b")
#: a report a body must have others make ("hướng dẫn chủ đầu tư thực hiện quan trắc, báo
#: cáo định kỳ"): not the body's own duty
_GUIDED = re.compile(
    r"(?<!có )(?<!theo )\b(?:hướng dẫn|yêu cầu|đề nghị)\s+(?:các\s+|những\s+)?"
    r"(?:chủ đầu tư|doanh nghiệp|tổ chức|cá nhân|đơn vị|cơ quan|địa phương|nhà đầu tư|ủy ban|"
    r"sở|phòng|bộ|ban|ngành)\b[^;.]{0,160}?\s+thực hiện\b(?P<what>[^;.]{0,60})$"
)
#: what the guided bodies are to do is to report ("thực hiện chế độ báo cáo", "thực hiện
#: việc báo cáo"), not the guiding body's own report after it
_GUIDED_OBJECT = re.compile(r"^\s*(?:(?:nghiêm|đầy đủ|đúng|tốt)\s+)?(?:chế độ|việc|công tác)?\s*$")
_ASK = re.compile(r"(?:đề nghị|yêu cầu|giao(?:\s+cho)?)\s+")
#: a clause that opens by asking bodies to act addresses them ("Đề nghị Ủy ban MTTQ tỉnh ...
#: phối hợp thực hiện, báo cáo ...", "Yêu cầu Thủ trưởng các sở ..."): their own report
_ASKED = re.compile(r"đề nghị\s|yêu cầu\s+(?:các\s+)?(?:thủ trưởng|chủ tịch|giám đốc|bộ trưởng)")
#: what may open a clause before its subject: a list mark, a leading adverbial
_CLAUSE_OPENING = re.compile(
    r"\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[-+•*]\s*)?"
    r"(?:(?:h[àằ]ng|định kỳ|đồng thời)[^,;:]{0,60},\s*)?"
)
_COLLECTIVE_LEAD = re.compile(
    r"^\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*)?(?:(?:giao|yêu cầu|đề nghị)\s+)?"
    r"(?:các|mọi)\s+(?:bộ|sở|ngành|cơ quan|đơn vị|địa phương|cấp|ban)\b"
)
#: what follows a report that names no recipient and is still a duty
_UNADDRESSED = re.compile(
    r"[\s,]*(?:\S+\s+){0,2}?(?:định kỳ|đột xuất|kết quả|tình hình|cấp có thẩm quyền|"
    r"cơ quan có thẩm quyền|theo quy định|theo yêu cầu|h[àằ]ng (?:năm|quý|tháng)|đánh giá|"
    r"việc thực hiện|khi có yêu cầu|(?:cơ quan\s+)?cấp trên)"
)
_REQUESTED_BY = re.compile(r"\b(?:khi có|theo)\s+yêu cầu(?: đột xuất)? của\s+")
_COUNCILS = {"hdnd_tinh", "quoc_hoi", "ubtvqh"}
_SESSION = re.compile(r"\b(?:tại|trình|ở|trong)\s+(?:các\s+)?kỳ họp\b")
_WORK_PROGRAMME = re.compile(r"chương trình (?:làm việc|công tác)(?: toàn khóa| năm)? của\s+")
#: a report that is the document itself ("báo cáo kết quả thực hiện như sau:")
_SELF_REPORT = re.compile(r"\bnhư sau\s*:?\s*$|\bnhư sau\s*:")
#: a report due on an occasion besides its frequency or date ("hằng năm và khi kết thúc
#: Chương trình", "trong năm 2014 và khi kết thúc Đề án"): one more duty, once
_OCCASION = re.compile(r"(?:\bvà|,|hoặc)\s+(?:sau\s+)?khi\s+(?:kết thúc|hoàn thành)\b")
#: problems met on the way ("Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, ... báo
#: cáo ...") and a report of them ("báo cáo Đảng đoàn các vấn đề phát sinh"): escalations;
#: a monitoring body's "kịp thời báo cáo ... những vấn đề phát sinh" is a duty (on request)
_IF_PROBLEMS = re.compile(
    r"\b(?:nếu|trường hợp|khi)\s+(?:có\s+|gặp\s+|phát sinh\s+)+(?:các\s+|những\s+)?"
    r"(?:khó khăn|vướng mắc|vấn đề|phát sinh)"
)
_PROBLEMS = re.compile(r"[\s,:]*(?:về\s+)?(?:các|những)\s+(?:vấn đề|khó khăn|vướng mắc)")
#: a body raising problems ("phản ánh ... về Sở X để tổng hợp"), not reporting
_REFLECT = re.compile(r"phản ánh")
#: a leading adverbial before the subject ("Hàng năm,", "Định kỳ trước ngày 20/6,")
_ADVERBIAL = re.compile(
    r"^(?:(?:hàng|hằng|định kỳ|trước|sau|trong|khi|đến|vào|chậm nhất|đồng thời|ngoài ra|"
    r"căn cứ|trên cơ sở|thường xuyên)[^,;:]{0,140},\s*)+"
)
_ADVERB = re.compile(
    r"(?:(?P<ground>căn cứ|trên cơ sở|theo)|hàng|hằng|định kỳ|trước|sau|trong|khi|đến|vào|"
    r"chậm nhất|đồng thời|ngoài ra|thường xuyên)[^,;:]{0,140},\s*"
)


def _after_adverbials(f: str, pos: int, end: int, ms: list[AgencyMention]) -> int:
    """Where the subject may start after the adverbials opening a clause ("Hằng năm, căn cứ
    dự toán được giao và hướng dẫn của Bộ LĐTBXH, Sở LĐTBXH ..."): an adverbial naming a body
    is skipped only when it states a ground ("căn cứ ...", "theo ..."), since "Định kỳ hằng
    năm Sở X báo cáo ..., ..." is no adverbial."""
    while (m := _ADVERB.match(f, pos, end)) is not None:
        if m.group("ground") is None and any(pos <= x.start < m.end() for x in ms):
            break
        pos = m.end()
    return pos


_TIME_LINE = re.compile(r"^\W*thời (?:gian|hạn)(?: hoàn (?:thành|tất)| thực hiện| gửi)?\s*:")
_LIST_MARK = re.compile(r"^(?:\s*(?:[-+•*]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|\(\d+\)|\d+\s*-(?=\s))\s*)+")
_AGENCY_LINE_END = re.compile(
    r"[\s:.;,]*(?:(?:có|chịu) trách nhiệm(?: thực hiện)?|thực hiện|chủ trì)?[\s:.;,]*"
)
_LIST_GAP_RE = re.compile(r"(?:[\s,;:*\-+]|\bvà\b|\bvới\b)*")
_PAREN = re.compile(r"\([^()]*\)")
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9(\-+])")
_TEMPLATE = re.compile(r"\bmẫu\b|\bbiểu\b|biểu mẫu")

# deadlines
_DATE = re.compile(
    r"(?P<pre>trước|chậm nhất|đến|vào|và|hoặc|trong)\s+(?:(?:trước|ngày)\s+)*ngày\s+"
    r"(?P<d>\d{1,2})\s*(?:/|-|tháng)\s*(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>(?:19|20)\d\d))?"
    r"|(?P<pre2>trước|chậm nhất)\s+(?P<d2>\d{1,2})\s*/\s*(?P<m2>\d{1,2})"
    r"(?:\s*/\s*(?P<y2>(?:19|20)\d\d))?"
)
_MONTHLY = re.compile(r"ngày\s+(\d{1,2})\s+(?:h[àằ]ng|mỗi)\s+tháng")
#: a date listed after another ("trước ngày 15/6 và 15/12", "ngày 10/6, 10/12 hằng năm")
_MORE_DATE = re.compile(
    r"\s*(?:,|và|hoặc)\s*(?:(?:trước|chậm nhất)\s+)?(?:ngày\s+)?"
    r"(?P<d>\d{1,2})\s*(?:/|-|tháng)\s*(?P<m>\d{1,2})(?:\s*(?:/|-|năm)\s*(?P<y>(?:19|20)\d\d))?"
    r"(?!\s*(?:%|\d|ngày|tháng|năm\b))"
)
#: a day with no month in a monthly duty ("Hằng tháng (trước ngày 20)", "trước ngày 05 của
#: tháng sau"): the day of every month
_DAY_ONLY = re.compile(
    r"(?:trước|chậm nhất|vào|đến)\s+ngày\s+(\d{1,2})\b"
    r"(?!\s*(?:/|-|\d|tháng\s+\d|tháng\s+(?:cuối|đầu)))"
)
_MONTHLY_WORDS = re.compile(r"h[àằ]ng tháng|mỗi tháng|định kỳ tháng|của tháng sau|tháng tiếp theo")
_MONTH_YEAR = re.compile(
    r"(?<!\d)(?<!\d )(?<!ngày )\btháng\s+(\d{1,2})\s*(?:/|năm)\s*((?:19|20)\d\d)"
)
_MONTH_ONLY = re.compile(
    r"\b(?:trong|vào|trước|đến hết|hết|cuối)\s+tháng\s+(\d{1,2})\b(?!\s*(?:/|-|năm)\s*\d)"
)
_SUMMARY_YEAR = re.compile(
    r"\b(?:sơ kết|tổng kết)\b[^;.]{0,40}?\b(?:vào|trong)\s+(?:(?:cuối|đầu)\s+)?năm\s+"
    r"(?P<y>(?:19|20)\d\d)\b(?!\s*[-–]\s*(?:19|20)\d\d)"
)
_LAST_DAY = {1: 31, 2: 28, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}


@dataclass
class _Event:
    actor: list[AgencyMention]
    start: int  # where its report verb is, in the paragraph's text
    recipients: list[AgencyMention] = field(default_factory=list)
    verb_end: int = -1
    report_end: int = -1  # the end of its "báo cáo", when it has one
    derived: bool = False  # a report the first one's recipients make ("để tổng hợp, báo cáo")
    end: int = -1


@dataclass
class _Deadline:
    pos: int
    value: str | None
    kind: str  # "date" (one-off), "yearly", "monthly", "none"


def _deadlines(f: str, a: int, b: int) -> list[_Deadline]:
    """The deadlines a sentence ``f[a:b]`` states, in order."""
    out: list[_Deadline] = []
    taken: list[tuple[int, int]] = []
    for m in _MONTHLY.finditer(f, a, b):
        out.append(_Deadline(m.start(), f"---{int(m.group(1)):02d}", "monthly"))
        taken.append((m.start(), m.end()))
    for m in _DATE.finditer(f, a, b):
        if any(x <= m.start() < y for x, y in taken):
            continue
        d = int(m.group("d") or m.group("d2"))
        mo = int(m.group("m") or m.group("m2"))
        y = m.group("y") or m.group("y2")
        if not (1 <= d <= 31 and 1 <= mo <= 12):
            continue
        if re.match(r"\s*(?:h[àằ]ng|mỗi)\s+tháng", f[m.end() : m.end() + 12]):
            continue
        out.append(
            _Deadline(m.start(), f"{y}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}",
                      "date" if y else "yearly")
        )  # fmt: skip
        taken.append((m.start(), m.end()))
        # "trước ngày 15/6 và 15/12", "ngày 10/6, 10/12 hằng năm": the same kind of date
        pos = m.end()
        while (c := _MORE_DATE.match(f, pos, b)) is not None:
            d, mo = int(c.group("d")), int(c.group("m"))
            y = c.group("y") or y
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                break
            out.append(
                _Deadline(c.start("d"), f"{y}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}",
                          "date" if y else "yearly")
            )  # fmt: skip
            taken.append((c.start(), c.end()))
            pos = c.end()
    if not out and _MONTHLY_WORDS.search(f, a, b):
        for m in _DAY_ONLY.finditer(f, a, b):
            if 1 <= int(m.group(1)) <= 31:
                out.append(_Deadline(m.start(), f"---{int(m.group(1)):02d}", "monthly"))
                taken.append((m.start(), m.end()))
    # "Tổ chức sơ kết vào năm 2027 và tổng kết vào năm 2030": a summary due in a year
    for m in _SUMMARY_YEAR.finditer(f, a, b):
        y = m.group("y")
        if not any(x <= m.start("y") < z for x, z in taken):
            out.append(_Deadline(m.start("y"), f"{y}-12-31", "date"))
            taken.append((m.start("y"), m.end()))
    for m in _QUARTER.finditer(f, a, b):
        out.append(_Deadline(m.start(), f"{m.group(2)}-{_QUARTER_END[_ROMAN[m.group(1)]]}", "date"))
        taken.append((m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(f, a, b):
        if any(x <= m.start() < y for x, y in taken):
            continue
        mo, y = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12:
            out.append(_Deadline(m.start(), f"{y}-{mo:02d}-{_LAST_DAY[mo]:02d}", "date"))
            taken.append((m.start(), m.end()))
    # "trong tháng 12 hằng năm": by the month's last day, every year
    for m in _MONTH_ONLY.finditer(f, a, b):
        mo = int(m.group(1))
        if 1 <= mo <= 12 and not any(x <= m.start(1) < y for x, y in taken):
            out.append(_Deadline(m.start(), f"--{mo:02d}-{_LAST_DAY[mo]:02d}", "yearly"))
    out.sort(key=lambda d: d.pos)
    return out


def _heading_actor(
    sec: Section, province: str | None, issuer: Mapping[str, Any] | None = None
) -> list[AgencyMention] | None:
    """The agencies a section's heading addresses ("3. Bộ Công Thương:", "Điều 12. Trách
    nhiệm của Sở Công Thương", "2. Các sở: Y tế, Xây dựng"); [] for a collective heading
    ("Các Bộ, ngành liên quan khác"); None when the heading names no one."""
    if sec.style == "root" or not sec.paragraphs:
        return None
    text = sec.paragraphs[0].text
    f = diacritic_key(text)
    m = _HEADING_LEAD.match(f)
    pos = m.end() if m else 0
    ms = [x for x in _mentions(text, province, issuer) if x.start >= pos]
    chain = chain_after(text, ms, pos, slack=24)
    if chain:
        return chain
    if (op := _operators(f, pos, len(f), province)) is not None:
        return op
    # "1. Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố": the named ones
    if (
        re.match(r"(?:các|mọi)\s", f[pos:])
        and ms
        and ms[0].start - pos < 80
        and len(f) < 200
        and not re.search(r"[.:;]", f[pos : ms[0].start])
    ):
        return chain_after(text, ms, ms[0].start)
    return None


#: enterprises, investors and operators named as a group, given a duty: one actor,
#: ``doanh_nghiep`` ("Các tổ chức, cá nhân đầu tư sản xuất kinh doanh trong cụm công nghiệp
#: báo cáo ...", "Chủ đầu tư có trách nhiệm báo cáo ...", "Trách nhiệm của các cơ sở sản xuất")
_OPERATOR = re.compile(
    r"(?:(?:người đứng đầu|người đại diện theo pháp luật của|chủ)\s+)?"
    r"(?:(?:các|những|mọi)\s+)?(?:(?:các\s+)?tổ chức,\s*cá nhân|(?<=các )tổ chức|tổ chức dịch vụ|"
    r"chủ đầu tư|nhà đầu tư|doanh nghiệp|cơ sở (?:sản xuất|kinh doanh|lưu trú|chế biến)|"
    r"hợp tác xã|chủ dự án|"
    r"người sử dụng lao động|đơn vị (?:sản xuất|kinh doanh|cung cấp dịch vụ))\b"
)


def _operators(f: str, pos: int, end: int, province: str | None) -> list[AgencyMention] | None:
    """The group of enterprises or operators a clause opens with, as one actor; else None."""
    m = _OPERATOR.match(f, pos, end)
    if m is None:
        return None
    return [AgencyMention("doanh_nghiep", province or "national", m.group(), m.start(), m.end())]


_HEADING_LEAD = re.compile(
    r"^\W*(?:(?:điều|phần|mục)\s+\w+\s*[.:]\s*|[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]?\s+|[ivxlc]+[.)]\s*)?"
    r"(?:(?:trách nhiệm|nhiệm vụ|nhiệm vụ, quyền hạn|quyền hạn|giao)(?: và [^ ]+)?(?:\s+của)?\s*)?"
    r"(?:đối với\s+)?"
)


class _Reader:
    """Reads the reporting duties of one document, sentence by sentence."""

    def __init__(
        self, doc: Doc, province: str | None, issuer: Mapping[str, Any] | None = None
    ) -> None:
        self.doc = doc
        self.province = province
        self.issuer = issuer
        self.running: dict[int, list[AgencyMention]] = {}
        self.opening: dict[int, list[AgencyMention]] = {}

    # -- who --------------------------------------------------------------------------
    def fallback_actor(self, sec: Section, p: Paragraph) -> list[AgencyMention]:
        """Who reports when the sentence names no one: the subject that opens the paragraph
        ("Ủy ban nhân dân cấp xã có trách nhiệm ... . Khi phát hiện ..., báo cáo ..."), else
        the nearest heading above it ("3. Bộ Công Thương:", "Điều 12. Trách nhiệm của Sở
        X") or the agency line that heads the items around it ("2 - Sở Y có trách nhiệm.")."""
        if id(p) in self.opening:
            return self.opening[id(p)]
        node: Section | None = sec.parent if sec.paragraphs and p is sec.paragraphs[0] else sec
        while node is not None and node.style != "root":
            if id(node) in self.running:
                return self.running[id(node)]
            got = _heading_actor(node, self.province, self.issuer)
            if got is not None:
                return got
            node = node.parent
        return []

    def agency_line(self, sec: Section, p: Paragraph) -> None:
        """Remember a line that only names who the following items are for ("2 - Sở Lao
        động, Thương binh và Xã hội có trách nhiệm.", "- Ủy ban nhân dân các huyện:")."""
        f = diacritic_key(p.text)
        if len(f) > 160:
            return
        k = _LIST_MARK.match(f)
        pos = k.end() if k else 0
        ms = [m for m in _mentions(p.text, self.province, self.issuer) if m.start >= pos]
        chain = chain_after(p.text, ms, pos, slack=24)
        if (
            chain
            and _AGENCY_LINE_END.fullmatch(f[chain[-1].end :])
            # not the recipient of a report ("- Định kỳ hằng quý báo cáo Ủy ban nhân dân tỉnh.")
            and not re.search(
                r"\b(?:báo cáo|gửi|trình|về|cho|với|tới|lên)\b", f[pos : chain[0].start]
            )
        ):
            holder = sec.parent if sec.style in ("dash", "plus") and sec.parent else sec
            self.running[id(holder)] = chain

    def note_opening(self, p: Paragraph, ms: list[AgencyMention]) -> None:
        """The agencies a paragraph opens with, for the sentences after its first."""
        f = diacritic_key(p.text)
        k = _LIST_MARK.match(f)
        pos = k.end() if k else 0
        pos = _after_adverbials(f, pos, len(f), ms)
        chain = chain_after(p.text, [m for m in ms if m.start >= pos], pos, slack=3)
        if chain:
            self.opening[id(p)] = chain

    def subject(
        self, text: str, f: str, ms: list[AgencyMention], a: int, verb: int
    ) -> list[AgencyMention] | None:
        """The agencies the clause ``[a, verb)`` names as its subject; [] for a collective
        subject ("Các Sở, ngành, địa phương ..."); None when it names none."""
        k = _LIST_MARK.match(f[a:verb])
        pos = a + (k.end() if k else 0)
        pos = _after_adverbials(f, pos, verb, ms)
        # "Đề nghị Ủy ban MTTQ tỉnh ... báo cáo", "Yêu cầu Chủ tịch UBND các huyện ...": the
        # bodies a clause opens by asking are its subject
        ask = _ASK.match(f, pos, verb)
        lo = ask.end() if ask else a
        found: list[AgencyMention] = []
        excluded_end = -1
        for m in ms:
            if not (pos <= m.start < verb):
                continue
            if f.count("(", a, m.start) > f.count(")", a, m.start):
                continue  # "(Phòng LĐTBXH, cơ sở nuôi dưỡng ...)": an aside, not the subject
            before = f[max(lo, m.start - 30) : m.start]
            listed = (
                excluded_end >= 0
                and _LIST_GAP_RE.fullmatch(f[excluded_end : m.start])
                and not _OFFICIAL.match(f, m.start)
            )
            if listed or _NOT_SUBJECT.search(before):
                if found:
                    break
                # "phối hợp với Bộ X, Bộ Y": Bộ Y is not the subject either; "cơ quan thuộc
                # Chính phủ, Chủ tịch UBND các tỉnh" / "..., Ủy ban nhân dân các tỉnh": the
                # chairman or the committee is (what "thuộc" heads is one item of the list)
                excluded_end = -1 if re.search(r"thuộc\s*$", before) else m.end
                continue
            found.append(m)
        if found:
            chain = chain_after(text, found, found[0].start) or found[:1]
            # "Ủy ban nhân dân tỉnh giao Sở Y tế tổng hợp, báo cáo ...": the department reports
            # "Sở Nội vụ đề nghị các cơ quan, đơn vị gửi báo cáo ...": those asked report
            given = re.match(r"\s*(?:giao(?:\s+cho)?|đề nghị|yêu cầu)\s+", f[chain[-1].end : verb])
            if given:
                pos = chain[-1].end + given.end()
                later = [m for m in ms if pos <= m.start < verb]
                if later and later[0].start == pos:
                    return chain_after(text, later, pos) or later[:1]
                if (op := _operators(f, pos, verb, self.province)) is not None:
                    return op
                if _COLLECTIVE_LEAD.match(f[pos:verb]):
                    return []
            return chain
        if (op := _operators(f, pos, verb, self.province)) is not None:
            return op
        if _COLLECTIVE_LEAD.match(f[pos:verb]):
            return []
        return None

    # -- what --------------------------------------------------------------------------
    def chain_at(
        self, text: str, f: str, ms: list[AgencyMention], pos: int, limit: int
    ) -> list[AgencyMention]:
        """The list of agencies that starts at ``pos`` (after "về", "tới", "với", ...)."""
        gap = _RECIPIENT_GAP.match(f, pos, limit)
        start = gap.end() if gap else pos
        cands = [m for m in ms if start <= m.start < limit]
        return chain_after(_masked(text), cands, start) if cands else []

    def toward(
        self, text: str, f: str, ms: list[AgencyMention], pos: int, limit: int
    ) -> list[AgencyMention]:
        """The agencies after "về", "tới", "lên", "với" later in the segment ("báo cáo kết quả
        thực hiện về Bộ X")."""
        for m in ms:
            if pos <= m.start < limit and _TOWARD.search(f[max(pos, m.start - 8) : m.start]):
                if re.search(r"[;.]", f[pos : m.start]):
                    return []
                return chain_after(_masked(text), [x for x in ms if x.start >= m.start], m.start)
        return []

    def events(self, text: str, f: str, ms: list[AgencyMention], a: int, b: int) -> list[_Event]:
        verbs = []
        for m in _VERB.finditer(f, a, b):
            # the words before it, not those of a body's name ("Sở Xây dựng báo cáo")
            w0 = max([a, m.start() - 25, *(x.end for x in ms if x.end <= m.start())])
            if _NOUN_BEFORE.search(f[w0 : m.start()]):
                continue
            if _NOUN_AFTER.match(f, m.end()):
                continue
            verbs.append(("report", m.start(), m.end()))
        for rx, kind in ((_SEND, "send"), (_SUMMARY_VERB, "summary"), (_ADVISE, "advise")):
            verbs += [(kind, m.start(), m.end()) for m in rx.finditer(f, a, b)]
        verbs += [("via", m.start(), m.end()) for m in _VIA.finditer(f, a, b)]
        verbs.sort(key=lambda v: v[1])
        if not any(v[0] == "report" for v in verbs) and not (
            any(v[0] == "summary" for v in verbs)
            and (any(v[0] == "send" for v in verbs) or _deadlines(f, a, b))
        ):
            return []
        out: list[_Event] = []
        cur: _Event | None = None
        pending: list[AgencyMention] = []
        pending_end = -1
        for i, (kind, vs, ve) in enumerate(verbs):
            nxt = verbs[i + 1][1] if i + 1 < len(verbs) else b
            rec = self.chain_at(text, f, ms, ve, nxt)
            if kind == "advise":
                pending = rec
                pending_end = rec[-1].end if rec else ve
                continue
            if pending and (vs - pending_end > 60 or ";" in f[pending_end:vs]):
                pending = []  # "tham mưu UBND tỉnh trong ...; ... báo cáo ...": not that report
            if not rec and kind in ("report", "send"):
                rec = self.toward(text, f, ms, ve, nxt)
            if kind == "via":
                if cur is not None:
                    cur.recipients += rec
                continue
            if kind == "summary" and cur is not None:
                if not cur.recipients and not f[cur.verb_end : vs].strip():
                    # "báo cáo sơ kết 6 tháng về Sở X": the report's recipients
                    cur.recipients += rec or self.toward(text, f, ms, ve, nxt)
                continue
            if cur is not None and (cur.recipients or pending):
                last = cur.recipients[-1].end if cur.recipients else cur.verb_end
                gap = f[last:vs]
                if kind == "send" and not rec:
                    continue  # "báo cáo X ... gửi" with nothing after it
                if kind == "send" and re.search(r"đồng thời\s*$", gap):
                    if not (rec and _COPY_AFTER.match(f[rec[-1].end : nxt])):
                        cur.recipients += rec  # "gửi A, đồng thời gửi B"; not a copy
                    continue
                if kind in ("report", "send") and cur.recipients and _CHAIN_GAP.search(gap):
                    # "gửi A để tổng hợp, trình B báo cáo C": B reports to C, else A does
                    submitted = [
                        m
                        for m in ms
                        if last <= m.start < vs and re.search(r"trình\s*$", f[last : m.start])
                    ]
                    actor = submitted or list(cur.recipients)
                    new = _Event(actor=actor, start=vs, verb_end=ve, derived=True)
                    new.recipients = pending + rec
                    pending = []
                    out.append(new)
                    cur = new
                    continue
                if not re.search(r"[;.]", gap):
                    cur.recipients += pending + rec
                    pending = []
                    continue
            if cur is None or (
                kind == "report" and (cur.recipients or ";" in f[cur.verb_end : vs])
            ):
                cur = _Event(actor=[], start=vs, verb_end=ve)
                out.append(cur)
            cur.recipients += pending + rec
            pending = []
        for i, e in enumerate(out):
            e.end = out[i + 1].start if i + 1 < len(out) else b
            verb = next((v for v in verbs if v[0] == "report" and e.start <= v[1] < e.end), None)
            e.report_end = verb[2] if verb else e.verb_end
        return out

    # -- the sentence -------------------------------------------------------------------
    def sentence(
        self,
        sec: Section,
        p: Paragraph,
        ms: list[AgencyMention],
        a: int,
        b: int,
        *,
        introduces: bool = False,
    ) -> list[dict[str, Any]]:
        """The duties of the sentence ``[a, b)`` of ``p``; ``introduces``: the sentence
        introduces the period rules that follow it ("Báo cáo Sở Y tế định kỳ như sau:"), not
        the document's own report."""
        text = p.text
        f = diacritic_key(text)
        if _ESCALATE.search(f[a:b]):
            return []
        table = "\t" in text or text.count("|") >= 2
        events = self.events(text, f, ms, a, b)
        if not events:
            return []
        deadlines = _deadlines(f, a, b)
        k = _LIST_MARK.match(f, a, b)
        adv = _ADVERBIAL.match(f, k.end() if k else a, b)
        opening = adv.end() if adv else a
        # who: the subject of each report's clause, else the heading's agencies
        for i, e in enumerate(events):
            if e.derived:
                continue
            start = a
            if i > 0:
                prev = events[i - 1]
                start = prev.recipients[-1].end if prev.recipients else prev.verb_end
                semi = [m.end() for m in re.finditer(r"[;.]\s*", f[start : e.start])]
                start = start + semi[-1] if semi else start
            # "Các Bộ trưởng, Chủ tịch UBND các tỉnh ... thực hiện nghiêm Chỉ thị này; Bộ Công an
            # theo dõi, đôn đốc, định kỳ báo cáo Thủ tướng": the subject of the report's own
            # ";"-clause first
            cut = f.rfind(";", start, e.start)
            who = self.subject(text, f, ms, cut + 1, e.start) if cut >= 0 else None
            if who is None:
                who = self.subject(text, f, ms, start, e.start)
            if who is None:
                who = events[i - 1].actor if i > 0 else self.fallback_actor(sec, p)
            e.actor = who
        # "bám sát chương trình làm việc của Ban Chấp hành Trung ương, Bộ Chính trị ... để thực
        # hiện việc báo cáo": to the bodies whose working programme the report follows
        for e in events:
            cut = f.rfind(";", a, e.start)
            w = _WORK_PROGRAMME.search(f, max(a, cut + 1), e.start)
            if (
                not e.recipients
                and w
                and re.search(
                    r"\bđể\s+(?:thực hiện\s+)?(?:việc\s+)?$", f[max(a, e.start - 30) : e.start]
                )
            ):
                e.recipients = chain_after(text, [m for m in ms if m.start >= w.end()], w.end())
        # "báo cáo kết quả tại kỳ họp cuối năm" in a council's resolution: to the council
        council = str((self.issuer or {}).get("kind") or "")
        for e in events:
            if not e.recipients and council in _COUNCILS and _SESSION.search(f, e.start, e.end):
                scope = (self.issuer or {}).get("scope")
                e.recipients = [AgencyMention(council, scope, "", e.verb_end, e.verb_end)]
        # "báo cáo đột xuất khi có yêu cầu của Ủy ban nhân dân tỉnh": to the body asking
        for e in events:
            if not e.recipients and (ask := _REQUESTED_BY.search(f, e.verb_end, e.end)):
                e.recipients = chain_after(text, [m for m in ms if m.start >= ask.end()], ask.end())
        # "Báo cáo tình hình ... 3 tháng một lần; báo cáo kết quả ... về Bộ X": a report of
        # the same body to no one named shares the recipients of the next one, else of the one
        # before ("báo cáo sơ kết về Sở X trước ngày 20/6 và báo cáo tổng kết trước ngày ...")
        for i in range(len(events) - 2, -1, -1):
            e, nxt_e = events[i], events[i + 1]
            if not e.recipients and not nxt_e.derived and nxt_e.actor == e.actor:
                e.recipients = list(nxt_e.recipients)
        for i in range(1, len(events)):
            e, prev_e = events[i], events[i - 1]
            if (
                not e.recipients
                and not e.derived
                and not prev_e.derived
                and prev_e.actor == e.actor
            ):
                e.recipients = list(prev_e.recipients)
        # which reports are not duties; a request for a decision drops its whole chain
        keep = [True] * len(events)
        for i, e in enumerate(events):
            # the ";"-clause of the report: "..., thẩm định dự toán ... và báo cáo UBND tỉnh"
            semi = [m.end() for m in re.finditer(r";", f[a : e.start])]
            c0 = a + semi[-1] if semi else a
            nxt = re.search(r";", f[e.verb_end : e.end])
            c1 = e.verb_end + nxt.start() if nxt else e.end
            after = f[(e.recipients[-1].end if e.recipients else e.verb_end) : c1]
            clause = f[c0:c1]
            if (
                (_DECISION.match(after) and not _SETTLEMENT.search(after))
                or _DECISION_TAIL.search(f[e.start : c1])
                or _DECISION_PURPOSE.match(after)
            ):
                keep[i] = False
                j = i
                while j > 0 and events[j].derived:
                    j -= 1
                    keep[j] = False
            if i == 0 and _REFLECT.search(f[a : e.start] + f[e.start : c1]):
                keep[i] = False
            if not e.derived and (
                _IF_PROBLEMS.search(f[a : e.start])
                or (_PROBLEMS.match(after) and "kịp thời" not in f[c0 : e.start])
            ):
                keep[i] = False  # an escalation: problems raised as they come, not a report
            if _ESTIMATE.search(clause) and not _SETTLEMENT.search(clause):
                keep[i] = False  # a budget estimate, not "tình hình thực hiện dự toán"
            if re.search(r"\bđã\s+(?:\S+\s+){0,1}$", f[max(a, e.start - 12) : e.start]):
                keep[i] = False  # a report already made
            if (_SELF_REPORT.search(f[e.start : c1]) and not introduces) or re.search(
                r"(?:xin|trân trọng|kính)\s+$", f[max(a, e.start - 12) : e.start]
            ):
                keep[i] = False  # the document itself ("UBND tỉnh báo cáo ... như sau:")
            guided = None if e.derived else _GUIDED.search(f[c0 : e.start])
            if guided and introduces and not guided.group().startswith("hướng dẫn"):
                guided = None  # "đề nghị các cơ quan, đơn vị thực hiện chế độ báo cáo như sau:"
            if (
                guided
                and not (
                    _CLAUSE_OPENING.fullmatch(f[c0 : c0 + guided.start()])
                    and _ASKED.match(f, c0 + guided.start())
                )
                and not re.search(r"tổng hợp,?\s*(?:và\s+)?$", f[c0 : e.start])
                and (not e.recipients or _GUIDED_OBJECT.match(guided.group("what")))
            ):
                keep[i] = False  # a report others are guided to make

            if (
                re.match(r"\W*(?:[-+*•]\s*)?là\s+(?:cơ quan|đơn vị|đầu mối)\b", f[c0 : e.start])
                and not deadlines
                and not _states_frequency(f[c0:c1])
            ):
                keep[i] = False  # a role ("Là cơ quan đầu mối, giúp việc tổng hợp, báo cáo X")
            if table and not e.recipients:
                keep[i] = False  # a table cell naming a report as a product ("Báo cáo hàng năm")
            if (
                not e.recipients
                and not deadlines
                and not introduces  # the rules after it say how often
                and (c1 - c0 < 50 or not _UNADDRESSED.match(f, e.report_end))
            ):
                # a heading ("Chế độ phối hợp, báo cáo") or a report named in passing: a
                # report to no one must say what or how often ("báo cáo tình hình ... định kỳ")
                keep[i] = False
        duties: list[dict[str, Any]] = []
        origin: str | None = None  # how often the report a passed-on one is made of recurs
        for i, e in enumerate(events):
            if not keep[i]:
                continue
            # its own deadlines: those of its clause and after it, or of the sentence's opening
            # ("Định kỳ trước ngày 20/6, ..."), not of an earlier clause ("A phân bổ dự toán
            # trước ngày 25/12; gửi Bộ Tài chính ...")
            own = [
                d
                for d in deadlines
                if d.pos < e.end
                and (
                    d.pos >= e.start if i > 0 else d.pos < opening or ";" not in f[d.pos : e.start]
                )
            ]
            # "báo cáo Thủ tướng; tổ chức sơ kết vào năm 2028 và tổng kết vào năm 2030": the
            # reviews of a later clause with no report of its own are due by themselves
            review = _review_clause(f, e.report_end, e.end)
            reviews = [d for d in own if review is not None and d.pos >= review]
            own = [d for d in own if d not in reviews]
            actor_refs = _refs(e.actor)
            recipients = [r for r in _refs(e.recipients) if r not in actor_refs]
            if (
                not actor_refs
                and not recipients
                and not own
                and not introduces
                and (len(events) == 1 or not _states_frequency(f[e.start : e.end]))
            ):
                # a heading or a definition ("Chế độ báo cáo", "Kỳ báo cáo"), unless one of
                # several reports of a sentence that says how often ("...; báo cáo quý trước
                # ngày 05 tháng đầu quý sau; ...")
                continue
            frm = a
            if i > 0:
                prev = events[i - 1]
                frm = prev.recipients[0].start if e.derived and prev.recipients else e.start
            # how often: the words of its own part of the sentence when they say it, else the
            # sentence's ("Báo cáo ... 3 tháng một lần; báo cáo ... hằng năm": one each)
            part = f[a if i == 0 else e.start : e.end]
            said = _ON_REQUEST.search(part) or _states_frequency(part)
            expanded = _expand(own, part if len(events) > 1 and said else f[a:b])
            if e.derived:
                # one report passed on, as often as the one it is made of unless dated
                value, rec = expanded[0]
                expanded = [(value, origin if value is None and origin else rec)]
            else:
                origin = expanded[0][1]
                if _OCCASION.search(f, e.start if i > 0 else a, e.end):
                    expanded.append((None, "once"))  # "hằng năm và khi kết thúc Chương trình"
            for value, recurrence in expanded:
                duties.append(
                    self.duty(p, frm, e.end, actor_refs, recipients, value, recurrence, e.derived)
                )
            for d in reviews:
                duties.append(
                    self.duty(p, review or frm, e.end, actor_refs, [], d.value, "once", False)
                )
        return duties

    def duty(
        self,
        p: Paragraph,
        a: int,
        b: int,
        actors: list[dict[str, Any]],
        recipients: list[dict[str, Any]],
        deadline: str | None,
        recurrence: str,
        derived: bool,
    ) -> dict[str, Any]:
        text = p.text
        k = _LIST_MARK.match(text[a:b])
        if k:
            a += k.end()
        raw = text[a:b].strip().rstrip(" .;,")
        raw = re.sub(r"[\s,]+(?:để(?:\s+tổng hợp)?|và|đồng thời|tổng hợp)$", "", raw, flags=re.I)
        s0 = a + (len(text[a:b]) - len(text[a:b].lstrip()))
        start, stop = p.span_of(s0, s0 + len(raw))
        return {
            "actor": actors,
            "recipient": recipients,
            "deadline": deadline,
            "recurrence": recurrence,
            "evidence": clean(raw),
            "_span": [start, stop],
            "_derived": derived,
        }


def _review_clause(f: str, pos: int, end: int) -> int | None:
    """Where a later ";"-clause of ``f[pos:end]`` that holds a review ("tổ chức sơ kết ...
    và tổng kết ...") and no report of its own starts, else None."""
    for m in re.finditer(r";", f[pos:end]):
        start = pos + m.end()
        stop = f.find(";", start, end)
        clause = f[start : stop if stop >= 0 else end]
        if _SUMMARY_VERB.search(clause) and not _VERB.search(clause):
            return start
    return None


def _masked(text: str) -> str:
    """``text`` with each parenthesis blanked (same length), so that a list of recipients
    runs across "(đối với KKT, KCN)": "Bộ KH&ĐT (đối với KKT, KCN) và Bộ Công Thương"."""
    return _PAREN.sub(lambda m: " " * len(m.group()), text)


#: a class of bodies given duties, one ``other`` actor ("Các đơn vị thuộc Sở Lao động - Thương
#: binh và Xã hội", "Các đơn vị thuộc Bộ", "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc
#: Tỉnh ủy")
_CLASS = re.compile(
    r"\b(?:các|những)\s+(?:cơ quan,\s*)?(?:đơn vị|cơ quan)(?:,\s*đơn vị)?\s+(?:trực\s+)?thuộc\s+"
    r"(?:bộ|sở|ủy ban nhân dân|ubnd|tổng cục|cục)\b"
    r"|\b(?:các|những)\s+(?:huyện ủy|thị ủy|thành ủy|quận ủy|đảng ủy|cấp ủy|chi bộ|đảng đoàn|"
    r"ban cán sự đảng)(?:\s*,\s*(?:huyện ủy|thị ủy|thành ủy|quận ủy|đảng ủy|đảng đoàn|"
    r"ban cán sự đảng))*(?:\s+(?:trực thuộc|thuộc)\s+(?:tỉnh ủy|thành ủy))?"
)
#: the head of a unit of a party committee, the committee's name following it ("Ban Tuyên
#: giáo và Dân vận Tỉnh ủy", "Văn phòng Tỉnh ủy", "Ủy ban Kiểm tra Thành ủy")
_PARTY_UNIT = re.compile(r"(?:Ban|Văn phòng|Ủy ban Kiểm tra|Uỷ ban Kiểm tra)\b")


def _mentions(
    text: str, province: str | None, issuer: Mapping[str, Any] | None = None
) -> list[AgencyMention]:
    """The agencies of ``text`` as reporting reads them: the register's, the issuer called
    "Bộ" or "Sở" alone, a class of bodies given duties as one ``other`` actor, and a unit of
    a party committee with the committee's name as one ``other`` body."""
    ms = find_agencies(text, province=province)
    ms = sorted([*ms, *_own_body(text, ms, issuer)], key=lambda m: m.start)
    ms = _own_committee(text, ms, issuer)
    f = diacritic_key(text)
    scope = province or "national"
    ms = _classes_by_function(text, f, ms, scope, province)
    ms = _short_names(text, ms, scope)
    if scope == "national":
        ms = _every_province(text, ms)
    for c in _CLASS.finditer(f):
        if re.search(r"(?:thủ trưởng|lãnh đạo|người đứng đầu)\s*$", f[: c.start()]):
            continue  # "Thủ trưởng các đơn vị trực thuộc Bộ": each unit's head, collective
        end = c.end()
        inner = [m for m in ms if c.start() <= m.start < end + 2]
        # "thuộc Sở Lao động - Thương binh và Xã hội": the body named is part of the class
        end = max([end, *(m.end for m in inner)])
        name = clean(text[c.start() : end])
        ms = [m for m in ms if not (c.start() <= m.start < end)]
        ms.append(AgencyMention("other", scope, name, c.start(), end, name))
    out: list[AgencyMention] = []
    for m in sorted(ms, key=lambda m: m.start):
        if m.kind == "tinh_uy" and diacritic_key(m.surface) in ("tỉnh ủy", "thành ủy"):
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.kind == "other"
                and not text[prev.end : m.start].strip()
                and _PARTY_UNIT.match(prev.surface)
            ):
                name = clean(text[prev.start : m.end])
                out[-1] = AgencyMention("other", prev.scope, name, prev.start, m.end, name)
                continue
            unit = re.search(r"(?:Văn phòng|Ủy ban Kiểm tra|Uỷ ban Kiểm tra)\s+$", text[: m.start])
            if unit and not (prev is not None and prev.end > unit.start()):
                name = clean(text[unit.start() : m.end])
                out.append(AgencyMention("other", m.scope, name, unit.start(), m.end, name))
                continue
        out.append(m)
    return out


#: "sở" in lower case heading a department's name ("Các sở giáo dục và đào tạo", "gửi sở y
#: tế"), not "cơ sở", "trụ sở", "sở hữu"
_LOWER_SO = re.compile(r"(?<![Cc]ơ )(?<![Tt]rụ )\bsở(?=\s+(?!hữu|tại|dĩ|thích|trường)[a-zđà-ỹ])")
#: a class of bodies named by what they do, given duties: one ``other`` actor ("cơ quan
#: chuyên môn về du lịch cấp tỉnh", "cơ quan quản lý nhà nước về khoáng sản"); "cơ quan chuyên
#: môn thuộc Ủy ban nhân dân tỉnh" with no field is every department, collective
_FUNCTION_HEAD = re.compile(
    r"\b(?:(?:các|những)\s+)?cơ quan\s+(?:chuyên môn|quản lý(?:\s+nhà nước)?|thống kê|thuế)"
    r"\s+(?:về|ngành|lĩnh vực)\s+"
)
_FUNCTION_LEVEL = re.compile(
    r"\s*(?:cấp\s+(?:tỉnh|huyện|xã|trung ương)|các cấp|ở trung ương|ở địa phương|"
    r"(?:thuộc|của)\s+(?:ủy ban nhân dân|ubnd)\s+(?:cấp\s+)?(?:tỉnh|huyện|xã))\b"
)
_FIELD_WORD = re.compile(r"(\s*,\s*|\s+)([^\W\d_]+)")
#: words that end the field of such a class ("... về du lịch nơi đặt trụ sở", "... tổng hợp")
_FIELD_STOP = frozenset(
    re.findall(
        r"\S+",
        "báo gửi tổng thực chủ phối kiểm hướng theo có chịu định hằng hàng tổ triển xây nơi trên "
        "tại của để trong đối thuộc cấp các và",
    )
)
#: a kind of public centre named by its field in lower case ("Trung tâm trợ giúp pháp lý nhà
#: nước", "các trung tâm dịch vụ việc làm")
_CENTRE = re.compile(r"\b(?:(?:các|những)\s+)?trung tâm\s+(?=[^\W\d_])")
#: public establishments of a field as a class, one ``other`` actor ("Các cơ sở giáo dục tiểu
#: học", "cơ sở tiêm chủng", "Trạm Y tế xã")
_FACILITY = re.compile(
    r"\b(?:(?:các|những)\s+)?(?:cơ sở\s+(?:tiêm chủng|y tế|khám bệnh,?\s*chữa bệnh|giáo dục|"
    r"trợ giúp xã hội|bảo trợ xã hội|cai nghiện(?: ma túy)?|nuôi dưỡng|điều trị|"
    r"tín ngưỡng(?:,\s*tôn giáo)?|tôn giáo)|trạm y tế)"
    r"(?:\s+(?:mầm non|phổ thông|tiểu học|trung học cơ sở|trung học phổ thông|trung học|"
    r"công lập|ngoài công lập|xã|cấp xã|phường|tuyến xã|bắt buộc|tự nguyện))*"
)


def _field_end(text: str, f: str, pos: int) -> int:
    """Where the field of a class by function that starts at ``pos`` ends: at its level
    ("... về du lịch cấp tỉnh", "về văn hóa, thể thao và du lịch các cấp") when one follows
    within a few words, else before the first comma or word that is not the field's ("về
    khoáng sản có trách nhiệm", "về du lịch và Sở Tài chính")."""
    first = re.compile(r"[^\W\d_]+").match(f, pos)
    if first is None:
        return pos
    end, plain = first.end(), -1
    for _ in range(7):
        if (lv := _FUNCTION_LEVEL.match(f, end)) is not None:
            return lv.end()
        w = _FIELD_WORD.match(f, end)
        if w is None:
            break
        word = w.group(2)
        if word != "và" and (word in _FIELD_STOP or not text[w.start(2) : w.end(2)].islower()):
            break
        if "," in w.group(1) and plain < 0:
            plain = end
        end = w.end()
    stop = end if plain < 0 else plain
    while f[pos:stop].endswith(" và"):
        stop -= 3
    return stop


#: the head of a body's name, written alone for the body named in full before it ("Ban Chỉ
#: đạo liên ngành về an toàn thực phẩm tỉnh, ... báo cáo Ban Chỉ đạo")
_SHORT_HEAD = re.compile(
    r"\b(?:Ban [Cc]hỉ đạo|Ban [Cc]hỉ huy|Hội đồng|Tổ công tác|Ban [Qq]uản lý)\b(?!\s+[A-ZĐÀ-Ỹ])"
)


_EVERY = re.compile(r"\s+các\s+tỉnh(?:\s*,\s*thành phố)?(?:\s+trực thuộc\s+[Tt]rung ương)?\b")


def _every_province(text: str, ms: list[AgencyMention]) -> list[AgencyMention]:
    """A provincial body "of every province" in a national text ("Công an các tỉnh, thành
    phố trực thuộc trung ương", "Bảo hiểm xã hội các tỉnh"): its provincial kind, national."""
    out = list(ms)
    for e in _EVERY.finditer(text):
        words = list(re.finditer(r"\S+", text[max(0, e.start() - 60) : e.start()]))
        base = max(0, e.start() - 60)
        for w in words[-6:]:
            head = text[base + w.start() : e.start()]
            if not head[:1].isupper() or re.search(r"[,;:.()]", head):
                continue
            probe = f"{head} tỉnh"
            found = find_agencies(probe, province="national")
            if (
                len(found) == 1
                and found[0].kind != "other"
                and found[0].start == 0
                and found[0].end == len(probe)
            ):
                a = base + w.start()
                out = [m for m in out if not (a <= m.start < e.end() or m.start < a < m.end)]
                out.append(AgencyMention(found[0].kind, "national", text[a : e.end()], a, e.end()))
                break
    return sorted(out, key=lambda m: m.start)


def _short_names(text: str, ms: list[AgencyMention], scope: str) -> list[AgencyMention]:
    """A body named by the head of its name alone after its full name ("báo cáo Ban Chỉ
    đạo"): that body."""
    out = list(ms)
    for h in _SHORT_HEAD.finditer(text):
        if any(m.start <= h.start() < m.end for m in out):
            continue
        head = diacritic_key(h.group())
        full = [
            m
            for m in out
            if m.kind == "other"
            and m.end <= h.start()
            and diacritic_key(m.surface).startswith(head)
        ]
        if full:
            name = full[-1].name or full[-1].surface
            out.append(
                AgencyMention("other", full[-1].scope or scope, h.group(), h.start(), h.end(), name)
            )
    return sorted(out, key=lambda m: m.start)


def _classes_by_function(
    text: str, f: str, ms: list[AgencyMention], scope: str, province: str | None
) -> list[AgencyMention]:
    """Add the bodies a text names by class: a department written in lower case ("các sở
    giáo dục và đào tạo" in a ministry's text), a class by function ("cơ quan chuyên môn về
    du lịch cấp tỉnh") and public establishments of a field ("các cơ sở giáo dục tiểu học")
    as one ``other`` actor each; a mention inside such a class is part of it."""
    out = list(ms)
    if _LOWER_SO.search(text):
        upper = _LOWER_SO.sub("Sở", text)
        for m in find_agencies(upper, province=province):
            if m.kind.startswith("so_") and not any(
                x.start < m.end and m.start < x.end for x in out
            ):
                out.append(m)
    spans: list[tuple[int, int]] = []
    for h in _FUNCTION_HEAD.finditer(f):
        spans.append((h.start(), _field_end(text, f, h.end())))
    for h in _CENTRE.finditer(f):
        # "Trung tâm trợ giúp pháp lý nhà nước": a kind of centre, each province's
        if text[h.end() : h.end() + 1].islower() and not any(
            m.start <= h.end() < m.end for m in out
        ):
            spans.append((h.start(), _field_end(text, f, h.end())))
    spans += [(c.start(), c.end()) for c in _FACILITY.finditer(f)]
    for a, b in spans:
        name = clean(text[a:b])
        out = [m for m in out if not (a <= m.start < b or m.start < a < m.end)]
        out.append(AgencyMention("other", scope, name, a, b, name))
    return sorted(out, key=lambda m: m.start)


def _refs(ms: list[AgencyMention]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for m in ms:
        r = {"kind": m.kind, "scope": m.scope}
        if m.kind == "other" and m.name:
            r["name"] = m.name
        if r not in out:
            out.append(r)
    return out


#: the frequencies a sentence may list for one report ("Hàng quý, năm", "6 tháng và cả
#: năm", "Hàng tháng có báo cáo nhanh, 3 tháng một lần có báo cáo định kỳ")
_FREQUENCIES = (
    ("weekly", re.compile(r"h[àằ]ng tuần|mỗi tuần|báo cáo tuần")),
    ("monthly", re.compile(r"h[àằ]ng tháng|mỗi tháng|định kỳ (?:h[àằ]ng )?tháng\b")),
    (
        "quarterly",
        re.compile(
            r"h[àằ]ng quý|mỗi quý|(?:3|ba) tháng một lần|định kỳ (?:h[àằ]ng )?quý|"
            r"tháng cuối (?:của )?quý|báo cáo quý|\bquý\s*(?:,|và|hoặc)\s*(?:6|sáu) tháng"
        ),
    ),
    ("half", re.compile(r"(?:6|sáu) tháng")),
    (
        "annual",
        re.compile(
            r"h[àằ]ng năm|mỗi năm|cả năm|định kỳ năm|báo cáo năm|"
            r"(?:quý|tháng)\s*(?:\([^()]*\)\s*)?(?:,|và|hoặc)\s*(?:h[àằ]ng\s+)?năm\b"
            r"(?!\s*(?:19|20)\d\d)|"
            # "(06 tháng trước ngày 10/6, năm trước ngày 10/11)"
            r"(?:,|và)\s*(?:cả\s+)?năm\s+(?:\(\s*)?(?:trước|chậm nhất)\b"
        ),
    ),
)


#: another report named as an aside ("Ngoài báo cáo định kỳ, ... báo cáo đột xuất ..."): its
#: frequency is not the duty's
_ASIDE = re.compile(r"\b(?:ngoài|bên cạnh)\s+(?:các\s+)?(?:chế độ\s+)?báo cáo\s+định kỳ\b")


def _states_frequency(text: str) -> bool:
    return bool(
        _ANNUAL.search(text)
        or _PERIODIC.search(text)
        or any(rx.search(text) for _n, rx in _FREQUENCIES)
    )


def _expand(deadlines: list[_Deadline], sentence: str) -> list[tuple[str | None, str]]:
    """(deadline, recurrence) of each duty an event gives: one per deadline, and one with
    no deadline for each listed frequency left without a date ("Hàng quý, năm ... sau khi
    kết thúc quý 15 ngày ... và trước ngày 30 tháng 4 hằng năm": a quarterly report with no
    date and a yearly one by 30/4)."""
    text = _ASIDE.sub(" ", sentence)
    freqs = [name for name, rx in _FREQUENCIES if rx.search(text)]
    out: list[tuple[str | None, str]] = []
    yearly = [d for d in deadlines if d.kind == "yearly"]
    covered: set[str] = set()
    for d in deadlines:
        if d.kind == "monthly":
            out.append((d.value, "periodic"))
            covered.add("monthly")
        elif d.kind == "date":
            out.append((d.value, "once"))
        elif len(yearly) > 1 and d is not yearly[-1] and {"half", "quarterly"} & set(freqs):
            # "quý (...), 6 tháng (trước ngày 15 tháng 6) và năm (...)": the date of a year
            # is the half-year's, the quarter's having none
            out.append((d.value, "periodic"))
            covered.add("half" if "half" in freqs and "half" not in covered else "quarterly")
        elif "annual" in freqs or _ANNUAL.search(text):
            out.append((d.value, "annual"))
            covered.add("annual")
        else:
            # a day and month with no year recur (a standing duty), whatever else is said
            rec = recurrence_of(text)
            out.append((d.value, "annual" if rec == "once" else rec))
            covered.update(freqs)
    if len(freqs) > 1:
        for name in freqs:
            if name not in covered and len(out) < len(freqs):
                out.append((None, "annual" if name == "annual" else "periodic"))
    if not out:
        out.append((None, _recurrence(text)))
    return out


#: a report after each event ("ngay sau mỗi đợt thiên tai", "sau từng vụ việc"), not after
#: each period ("sau mỗi quý", "sau mỗi kỳ báo cáo")
_EACH_EVENT = re.compile(r"\bsau (?:mỗi|từng)\s+(?!(?:quý|tháng|năm|kỳ|giai đoạn|\d|sáu|ba)\b)")


def _recurrence(text: str) -> str:
    f = _ASIDE.sub(" ", diacritic_key(text))
    if _EACH_EVENT.search(f):
        return "once"  # "ngay sau mỗi đợt thiên tai": a report on each event
    if _ANNUAL.search(f):
        return "annual"
    if _PERIODIC.search(f) or re.search(r"theo quy định|tình hình|chế độ báo cáo|thường xuyên", f):
        return "periodic"
    if _ON_REQUEST.search(f) or "kịp thời" in f:
        return "on_request"
    return "once"


def _template_sections(doc: Doc) -> set[int]:
    """The appendix sections that hold forms ("Biểu số 01", "Mẫu báo cáo")."""
    out: set[int] = set()
    for s in doc.sections():
        if s.style == "appendix" and _TEMPLATE.search(diacritic_key(clean(s.heading))):
            out.update(id(x) for x in s.walk())
    return out


def extract_reporting(
    doc: Doc, *, province: str | None, issuer: Mapping[str, Any] | None = None
) -> list[dict[str, Any]]:
    """Reporting duties in the form of SCHEMA.md, with "_span" of the evidence.

    ``issuer`` (the document's, ``{"kind", "scope"}``) names the body a ministry's text calls
    "Bộ" or "Bộ trưởng" alone, and a department's "Sở" ("báo cáo Bộ để báo cáo Chính phủ",
    "trình Bộ trưởng báo cáo Chính phủ")."""
    reader = _Reader(doc, province, issuer)
    header = {id(p) for p in doc.header} - {id(p) for p in _letter_body(doc)}
    templates = _template_sections(doc)
    tables = _table_spans(doc)
    out: list[dict[str, Any]] = []
    last: list[dict[str, Any]] = []  # the duties of the sentence before
    lead = _Lead()  # the report period rules ("Báo cáo tháng: trước ngày 20 ...") detail
    regimes, in_regime = _regimes(doc, templates)
    for sec, p in _body(doc):
        if id(sec) in templates or id(p) in in_regime:
            continue
        if id(p) in header or p.kind not in ("text", "footnote"):
            continue
        if any(a <= p.start < b for a, b in tables):
            continue  # read by _table_duties
        reader.agency_line(sec, p)
        f = diacritic_key(p.text)
        if (
            not (_VERB.search(f) or _SUMMARY_VERB.search(f))
            and not _TIME_LINE.match(f)
            and not _DEADLINE_LABEL.fullmatch(f)
        ):
            last, lead = [], _Lead()
            continue
        ms = _mentions(p.text, province, issuer)
        reader.note_opening(p, ms)
        for a, b in _sentences(p.text):
            if _DEADLINE_LABEL.fullmatch(f, a, b):
                lead.labels.append(sec)  # "2. Thời hạn gửi báo cáo:": its points date the lead
                continue
            if _TIME_LINE.match(f[a:b]):
                # "Thời gian hoàn tất: trước ngày 18 tháng 8 năm 2014" dates the duty
                # of the sentence (or paragraph) before it
                _date_last(doc, p, f, a, b, last)
                continue
            if _PROPOSAL.match(f, a, b) and _in_proposals(sec):
                last = []  # "II. KIẾN NGHỊ - 1. Đề nghị UBND tỉnh chỉ đạo ... báo cáo ...": asked
                continue
            if (send := _SEND_LINE.match(f, a, b)) and (
                blank := [d for d in lead.ruled if not d["recipient"]]
            ):
                # "Báo cáo gửi về Sở Nội vụ (qua Phòng ...)" after the rules: where they go
                where = _refs([m for m in ms if send.end() <= m.start < b])
                for d in blank:
                    d["recipient"] = [r for r in where if r not in d["actor"]]
                last = []
                continue
            if _DEFINITION.match(f, a, b):
                last = []  # "Thời gian chốt số liệu báo cáo: ...", "Báo cáo gồm các nội dung"
                continue
            rules = _period_rules(f, a, b)
            of = _DEADLINE_LABEL_OF.match(f, a, rules[0][0]) if rules else None
            named = [m for m in ms if of and of.end() <= m.start < rules[0][0]]
            if rules and _DEADLINE_LABEL.fullmatch(f, a, rules[0][0]):
                lead.labels.append(sec)  # "2. Thời hạn gửi báo cáo: báo cáo 6 tháng ...; ..."
            elif named and (whose := _reports_of(out, _refs(named), sec)):
                # "Thời hạn gửi báo cáo của Sở Tư pháp: báo cáo 6 tháng ...; báo cáo năm ...":
                # the rules date the undated reports of that body stated before
                lead = _Lead(whose, p, sec, True, None, [sec])
                out = [d for d in out if not any(d is x for x in whose)]
            elif rules and rules[0][0] > a:
                # "Sở X báo cáo UBND tỉnh: báo cáo quý ...; báo cáo năm ...": the lead first
                got = reader.sentence(sec, p, ms, a, rules[0][0])
                lead = _Lead(got, p, sec, True)
                out.extend(got)
            if rules and lead.args is not None and not lead.duties and lead.holds(sec, p):
                # "Báo cáo Sở Y tế ... định kỳ như sau:" introduces the rules
                lead.duties = reader.sentence(*lead.args, introduces=True)
            if rules:
                parties: tuple[list[dict[str, Any]], list[dict[str, Any]]] | None
                if lead.duties and lead.holds(sec, p):
                    parties = lead.parties()
                    out = [d for d in out if not any(d is x for x in lead.detailed())]
                else:
                    # rules under a heading ("3. Đối với Trạm Y tế xã: - Thời hạn gửi báo cáo
                    # tháng: trước ngày 03 của tháng sau, gửi Trung tâm ...")
                    own = reader.sentence(sec, p, ms, a, b)
                    to = _sent_to(p.text, f, ms, a, b)
                    if own:
                        parties = (own[0]["actor"], own[0]["recipient"])
                    elif to:
                        parties = (_refs(reader.fallback_actor(sec, p)), _refs(to))
                    else:
                        parties = None  # a rule saying neither who nor to whom
                last = [
                    reader.duty(p, x, y, *parties, value, rec, False)
                    for x, y in rules
                    for value, rec in _rule_deadlines(f, x, y)
                    if parties is not None
                ]
                lead.ruled += last
            else:
                last = reader.sentence(sec, p, ms, a, b)
                if _VERB.search(f, a, b) or _SUMMARY_VERB.search(f, a, b):
                    opens = f[a:b].rstrip(" *").endswith(":")
                    lead = _Lead(last, p, sec, opens, (sec, p, ms, a, b))
            for d in last:
                d["_sec"], d["_at"] = sec, (id(p), a)
            out.extend(last)
    out.extend(d for r in regimes for d in r.duties(reader))
    out.sort(key=lambda d: d["_span"][0])
    out = _resolve_references(doc, out)
    out.extend(_table_duties(doc, reader, templates))
    out.extend(_schedule_duties(doc, reader, templates))
    out.sort(key=lambda d: d["_span"][0])
    return _finish(out)


#: what defines a report rather than asks for one: its period ("Thời gian chốt số liệu báo
#: cáo: từ ngày 15 tháng 12 năm trước ..."), its content ("Báo cáo gồm các nội dung"), its form
_DEFINITION = re.compile(
    r"\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[-+•*]\s*)?"
    r"(?:thời (?:gian|điểm) (?:chốt|lấy|tổng hợp) số liệu|kỳ báo cáo\b|"
    r"(?:các\s+)?nội dung(?: chủ yếu)?(?: của)? báo cáo|"
    r"(?:các\s+)?báo cáo (?:định kỳ\s+)?(?:gồm|bao gồm)\b|"
    r"phương thức gửi|hình thức(?: gửi)? báo cáo|(?:mẫu\s+)?đề cương báo cáo|"
    r"báo cáo (?:được\s+)?(?:gửi|thể hiện|lập)\s+(?:dưới hình thức|bằng)\b|"
    r"số liệu (?:trong\s+)?báo cáo\b)"
)
#: a line that only names the deadlines, its points or the rest of it stating them ("2. Thời
#: hạn gửi báo cáo:", "Thời hạn báo cáo như sau:")
_DEADLINE_LABEL = re.compile(
    r"\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[-+•*]\s*)?(?:thời hạn|thời gian)(?:\s+(?:gửi|nộp))?"
    r"(?:\s+báo cáo)?(?:\s+như sau)?\s*:?[\s*]*"
)
#: where the reports of the rules before it go ("Báo cáo gửi về Sở Nội vụ (qua Phòng ...)")
_SEND_LINE = re.compile(
    r"\W*(?:(?:các|mọi)\s+)?báo cáo(?:\s+(?:định kỳ|nêu trên|trên|này))?\s+(?:được\s+)?gửi"
    r"(?:\s+(?:về|đến|tới|cho))?\b"
)
#: the deadlines of one body's reports ("Thời hạn gửi báo cáo của Sở Tư pháp: ...")
_DEADLINE_LABEL_OF = re.compile(
    r"\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[-+•*]\s*)?(?:thời hạn|thời gian)(?:\s+(?:gửi|nộp))?"
    r"(?:\s+báo cáo)?\s+(?:của|đối với)\s+"
)


def _reports_of(
    duties: list[dict[str, Any]], actor: list[dict[str, Any]], sec: Section
) -> list[dict[str, Any]]:
    """The undated reports of ``actor`` in the article (or part) that holds ``sec``, those
    of the sentence that states the last of them."""
    top = next((s for s in [sec, *sec.ancestors()] if s.style in ("dieu", "roman", "part")), None)
    inside = {id(s) for s in top.walk()} if top is not None else set()
    key = _key(actor)
    mine = [
        d
        for d in duties
        if d["deadline"] is None
        and not d["_derived"]
        and _key(d["actor"]) == key
        and id(d.get("_sec")) in inside
    ]
    return [d for d in mine if d["_at"] == mine[-1]["_at"]] if mine else []


#: a rule for a period's report ("Báo cáo tháng: trước ngày 20 của tháng tiếp theo", "báo cáo
#: năm trước ngày 15 tháng 01 của năm sau", "b) Báo cáo 6 tháng: ..."), at the start of a
#: sentence or after ";" or ":"
_PERIOD_RULE = re.compile(
    r"(?:^|(?<=[;:]))\s*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[-+•*]\s*)?(?:đối với\s+)?"
    r"(?:thời hạn\s+(?:gửi\s+)?)?báo cáo\s+(?:định kỳ\s+|sơ kết\s+|tổng kết\s+|thống kê\s+)?"
    r"(?:h[àằ]ng\s+)?(?P<per>tuần|tháng|quý(?:\s+(?:iv|i{1,3}|[1-4]))?|"
    r"(?:0?[369]|ba|sáu|chín) tháng(?: đầu năm)?|năm|cả năm)"
    r"\s*(?=:|\(|,|[-–]\s|(?:được\s+)?gửi\b|trước\b|chậm nhất\b|thực hiện\b)"
    # one after a comma that dates it ("báo cáo tháng trước ngày 25 hằng tháng, báo cáo năm
    # trước ngày 15 tháng 12")
    r"|(?<=,)\s*báo cáo\s+(?:h[àằ]ng\s+)?(?P<per2>tháng|quý|(?:0?[369]|sáu|chín) tháng|năm)"
    r"\s*(?=:|trước\b|chậm nhất\b)"
)


def _period_rules(f: str, a: int, b: int) -> list[tuple[int, int]]:
    """The spans of the period rules of a sentence, each up to the next ";" ([] when the
    sentence has none)."""
    starts = [a + m.start() for m in _PERIOD_RULE.finditer(f[a:b])]
    if not starts:
        return []
    out = []
    for i, x in enumerate(starts):
        y = starts[i + 1] if i + 1 < len(starts) else b
        semi = f.rfind(";", x, y)
        out.append((x, semi if semi > x and i + 1 < len(starts) else y))
    return out


def _sent_to(text: str, f: str, ms: list[AgencyMention], a: int, b: int) -> list[AgencyMention]:
    """The bodies a sentence sends to ("..., gửi Trung tâm Kiểm soát bệnh tật tỉnh")."""
    for m in ms:
        if a <= m.start < b and re.search(r"\b(?:gửi|về|cho|đến|tới|lên)\s*$", f[a : m.start]):
            return chain_after(text, [x for x in ms if x.start >= m.start], m.start)
    return []


def _rule_deadlines(f: str, a: int, b: int) -> list[tuple[str | None, str]]:
    """(deadline, recurrence) of a period rule: its date, recurring as often as its period
    ("báo cáo năm: trước ngày 15 tháng 01 của năm sau" -> ``--01-15`` annual; "báo cáo quý:
    trước ngày 18 của tháng cuối quý" -> no date, periodic)."""
    m = _PERIOD_RULE.match(f[a:b])
    per = (m.group("per") or m.group("per2") or "") if m else ""
    rec = "annual" if per in ("năm", "cả năm") else "periodic"
    ds = _deadlines(f, a, b)
    if not ds:
        return [(None, rec)]
    return [(d.value, "once" if d.kind == "date" else rec) for d in ds[:1]]


#: a deadline given by reference ("cùng thời hạn quy định tại khoản 1 Điều này", "theo thời
#: hạn nêu trên", "cùng thời hạn báo cáo năm nêu tại mục 1")
_SAME_DEADLINE = re.compile(
    r"\b(?:cùng|theo|đúng|trong)\s+(?:với\s+)?(?:thời hạn|thời gian|thời điểm)(?:\s+gửi)?"
    r"(?:\s+báo cáo)?"
    r"(?:\s+(?:của\s+)?(?:báo cáo\s+)?(?P<which>tháng|quý|(?:06|6|sáu) tháng|năm|cả năm)\b)?"
    r"(?:\s+(?:đã\s+)?(?:được\s+)?(?:quy định|nêu|ghi|xác định))?\s*"
    r"(?:(?P<above>(?:ở\s+|như\s+)?(?:nêu\s+|nói\s+)?trên)\b|(?:tại|ở)\s+(?P<ref>[^;]{0,80}))"
)
#: the parts of a reference inside the document ("điểm b khoản 2 Điều 3", "khoản 1 Điều này",
#: "mục 1")
_REF_PARTS = re.compile(
    r"(?:điểm\s+(?P<diem>[a-zđ])\b\s*,?\s*)?(?:khoản\s+(?P<khoan>\d+|này)\b\s*,?\s*)?"
    r"(?:(?:mục|phần)\s+(?P<muc>\d+|[ivx]+|này)\b\s*,?\s*)?(?:điều\s+(?P<dieu>\d+|này)\b)?"
)
#: after the parts, this document ("Thông tư này", "Quy chế này") or another one
_OTHER_INSTRUMENT = re.compile(
    r"\s*(?:của\s+)?(?:luật|bộ luật|nghị định|thông tư|quyết định|nghị quyết|chỉ thị|"
    r"kế hoạch|công văn|văn bản|quy chế|quy định|chương trình|đề án|hướng dẫn)\b(?!\s+này)"
)


def _target(sec: Section, m: re.Match[str]) -> Section | None:
    """The section of this document a reference names, else None."""
    r = _REF_PARTS.match(m.group("ref"))
    if r is None or not any(r.group(k) for k in ("diem", "khoan", "muc", "dieu")):
        return None
    if _OTHER_INSTRUMENT.match(m.group("ref"), r.end()):
        return None  # "tại Thông tư số 03/2018/TT-BVHTTDL", "khoản 2 Điều 5 Nghị định số ..."
    chain = [sec, *sec.ancestors()]

    def child(node: Section | None, label: str) -> Section | None:
        if node is None:
            return None
        return next((c for c in node.children if c.label.lower() == label), None)

    def nearest(label: str, style: str | None = None) -> Section | None:
        for node in chain:
            for c in node.walk():
                if c.label.lower() == label and (style is None or c.style == style):
                    return c
        return None

    dieu, khoan, muc, diem = (r.group(k) for k in ("dieu", "khoan", "muc", "diem"))
    container: Section | None = None
    if muc == "này":  # "khoản 1 Mục này": the part that holds the reference
        container = next((n for n in chain if n.style in ("roman", "part")), None)
    elif muc:
        container = nearest(muc)
    elif dieu == "này" or (dieu is None and khoan and any(n.style == "dieu" for n in chain)):
        container = next((n for n in chain if n.style == "dieu"), None)
    elif dieu:
        container = nearest(f"điều {dieu}", "dieu")
    node: Section | None = container
    if khoan == "này":  # "điểm a khoản này": the clause that holds the reference
        node = next((n for n in chain if n.style == "arabic"), None)
    elif khoan:
        node = child(container, khoan) if container is not None else nearest(khoan)
    if diem:
        node = child(node, diem)
    return node


def _resolve_references(doc: Doc, duties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A report due "cùng thời hạn quy định tại khoản 1 Điều này" or "theo thời hạn nêu
    trên" takes the deadlines of the reports referred to (those of one period when it names
    it: "cùng thời hạn báo cáo năm ..."); one whose reference cannot be followed in this
    document ("theo thời hạn quy định tại Thông tư số ...") keeps no date."""
    out: list[dict[str, Any]] = []
    done: set[tuple[Any, ...]] = set()
    for i, d in enumerate(duties):
        sec = d.get("_sec")
        m = _SAME_DEADLINE.search(diacritic_key(d["evidence"]))
        if d["deadline"] is not None or sec is None or m is None:
            out.append(d)
            continue
        key = (d["_at"], d["evidence"], repr(d["actor"]), repr(d["recipient"]))
        if key in done:
            continue  # "6 tháng, hằng năm ... cùng thời hạn ...": the deadlines referred to once
        done.add(key)
        if m.group("above"):
            prior = [x for x in duties[:i] if x["deadline"] is not None and "_sec" in x]
            for node in [sec, *sec.ancestors()]:
                inside = {id(s) for s in node.walk()} if node.style != "root" else set()
                near = [x for x in prior if id(x["_sec"]) in inside]
                if near:
                    referred = [x for x in near if x["_at"] == near[-1]["_at"]]
                    break
            else:
                referred = []
        else:
            target = _target(sec, m)
            inside = {id(s) for s in target.walk()} if target is not None else set()
            referred = [x for x in duties if x is not d and id(x.get("_sec")) in inside]
        which = m.group("which")
        if which:
            referred = [x for x in referred if _of_period(x, which)]
        elif d.get("_freqs"):
            # "Tần suất báo cáo: 6 tháng, hằng năm" with "cùng thời hạn quy định tại ...": the
            # deadlines of those frequencies
            own = [x for x in referred if any(_of_period(x, _PERIOD_WORD[n]) for n in d["_freqs"])]
            referred = own or referred
        pairs: list[tuple[str | None, str]] = []
        for x in referred:
            if (x["deadline"], x["recurrence"]) not in pairs:
                pairs.append((x["deadline"], x["recurrence"]))
        if not pairs:
            out.append(d)
            continue
        for value, rec in pairs:
            out.append({**d, "deadline": value, "recurrence": rec})
    return out


_PERIOD_WORD = {
    "weekly": "tuần",
    "monthly": "tháng",
    "quarterly": "quý",
    "half": "6 tháng",
    "annual": "năm",
}


def _of_period(d: dict[str, Any], which: str) -> bool:
    """Is ``d`` the report of the period ``which`` ("năm", "tháng", "quý", "6 tháng")?"""
    value = d["deadline"] or ""
    if which in ("năm", "cả năm"):
        return bool(d["recurrence"] == "annual")
    if which == "tháng":
        return value.startswith("---")
    if which in ("quý", "tuần"):
        return d["recurrence"] == "periodic" and not value
    return d["recurrence"] == "periodic" and value.startswith("--") and not value.startswith("---")


#: an element of a reporting regime written one per line, as a regime on reports lists them
#: ("Đối tượng thực hiện báo cáo: ...", "Cơ quan nhận báo cáo: ...", "Tần suất thực hiện báo
#: cáo: ...", "Thời hạn gửi báo cáo: ...")
_REGIME_LABEL = re.compile(
    r"\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[-+•*]\s*)?(?:"
    r"(?P<sender>(?:đối tượng|cơ quan|đơn vị|chủ thể)\s+(?:thực hiện|lập|gửi)(?:\s+(?:chế độ\s+)?"
    r"báo cáo)?|đối tượng báo cáo|cơ quan báo cáo|đơn vị báo cáo)|"
    r"(?P<receiver>(?:cơ quan|đơn vị|nơi)\s+nhận(?:\s+báo cáo)?)|"
    r"(?P<frequency>tần suất(?:\s+(?:thực hiện|gửi))?(?:\s+báo cáo)?|kỳ báo cáo|chu kỳ báo cáo)|"
    r"(?P<deadline>thời hạn(?:\s+(?:gửi|nộp))?(?:\s+báo cáo)?|thời gian gửi(?:\s+báo cáo)?))"
    r"\s*:\s*"
)


@dataclass
class _Regime:
    """A report whose regime is written element by element (who sends it, who receives it,
    how often, by when), each its line under the report's heading (an article "Điều 2. Báo
    cáo của chủ đầu tư" or an item "1. Báo cáo công tác cải cách hành chính")."""

    lines: dict[str, tuple[Section, Paragraph, int]] = field(default_factory=dict)

    def value(self, kind: str) -> tuple[str, int, int]:
        _sec, p, pos = self.lines[kind]
        return diacritic_key(p.text), pos, len(p.text)

    def duties(self, reader: _Reader) -> list[dict[str, Any]]:
        _, sp, spos = self.lines["sender"]
        ms = _mentions(sp.text, reader.province, reader.issuer)
        f = diacritic_key(sp.text)
        who = [m for m in ms if m.start >= spos]
        if not who:
            who = _operators(f, spos, len(f), reader.province) or []
        recipients: list[AgencyMention] = []
        if "receiver" in self.lines:
            _, rp, rpos = self.lines["receiver"]
            recipients = [
                m for m in _mentions(rp.text, reader.province, reader.issuer) if m.start >= rpos
            ]
        freq = ""
        if "frequency" in self.lines:
            ff, fpos, fend = self.value("frequency")
            freq = ff[fpos:fend]
        actors = _refs(who)
        whom = [r for r in _refs(recipients) if r not in actors]
        if "deadline" not in self.lines:
            _, p, pos = self.lines["frequency" if freq else "sender"]
            pairs = _expand([], freq) if freq else [(None, "periodic")]
            return [reader.duty(p, pos, len(p.text), actors, whom, v, r, False) for v, r in pairs]
        sec, p, pos = self.lines["deadline"]
        f = diacritic_key(p.text)
        out = []
        rules = [(p, f, x, y) for x, y in _period_rules(f, pos, len(f))]
        if not f[pos:].strip(" .;:*"):
            # "Thời hạn gửi báo cáo:" and a point per period ("a) Báo cáo tháng: ...")
            for c in sec.walk():
                for q in c.paragraphs if c is not sec else []:
                    g = diacritic_key(q.text)
                    rules += [(q, g, x, y) for x, y in _period_rules(g, 0, len(g))]
        if rules:
            for q, g, x, y in rules:
                for value, rec in _rule_deadlines(g, x, y):
                    out.append(reader.duty(q, x, y, actors, whom, value, rec, False))
        else:
            own = _deadlines(f, pos, len(f))
            for value, rec in _expand(own, f"{freq} {f[pos:]}"):
                out.append(reader.duty(p, pos, len(f), actors, whom, value, rec, False))
        freqs = [name for name, rx in _FREQUENCIES if rx.search(freq)]
        for d in out:
            d["_sec"], d["_at"], d["_freqs"] = sec, (id(p), pos), freqs
        return out


def _regimes(doc: Doc, templates: set[int]) -> tuple[list[_Regime], set[int]]:
    """The reports whose regime is written element by element, and the paragraphs that
    write them (the heading and each element's line)."""
    out: list[_Regime] = []
    seen: set[int] = set()
    for s in doc.root.walk():
        if id(s) in templates:
            continue
        lines = [(s, p) for p in s.paragraphs[1:]]
        lines += [(c, c.paragraphs[0]) for c in s.children if c.paragraphs]
        r = _Regime()
        for sec, p in lines:
            m = _REGIME_LABEL.match(diacritic_key(p.text))
            if m is not None:
                kind = next(
                    k for k in ("sender", "receiver", "frequency", "deadline") if m.group(k)
                )
                r.lines.setdefault(kind, (sec, p, m.end()))
        if "sender" in r.lines and ("receiver" in r.lines or "deadline" in r.lines):
            out.append(r)
            seen.update(id(p) for _sec, p in lines)
            dsec = r.lines["deadline"][0] if "deadline" in r.lines else s
            if dsec is not s:
                seen.update(id(q) for c in dsec.walk() for q in c.paragraphs)
            if s.paragraphs:
                seen.add(id(s.paragraphs[0]))
    return out, seen


@dataclass
class _Lead:
    """The duties of the sentence that period rules may detail, where it was."""

    duties: list[dict[str, Any]] = field(default_factory=list)
    p: Paragraph | None = None
    sec: Section | None = None
    opens_list: bool = False  # it ends with ":"
    args: tuple[Section, Paragraph, list[AgencyMention], int, int] | None = None
    labels: list[Section] = field(default_factory=list)  # "Thời hạn gửi báo cáo:" after it
    ruled: list[dict[str, Any]] = field(default_factory=list)  # the duties of its rules

    def holds(self, sec: Section, p: Paragraph) -> bool:
        """Does a period rule in paragraph ``p`` of ``sec`` detail this lead: one of the
        same paragraph, of the items its ":" opens, or of the items under its heading?"""
        if self.p is None or self.sec is None:
            return False
        if p is self.p or any(sec is s or sec.parent is s for s in self.labels):
            return True
        up = sec.parent
        near = self.sec in (sec, up) or (up is not None and self.sec.parent in (up, up.parent))
        return near and (self.opens_list or up is self.sec)

    def parties(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The actor and recipients of the lead's (first) report."""
        d = self.duties[0]
        return [dict(r) for r in d["actor"]], [dict(r) for r in d["recipient"]]

    def detailed(self) -> list[dict[str, Any]]:
        """The lead's report the rules give dates to (none when it has its own)."""
        d = self.duties[0]
        return [d] if d["deadline"] is None else []


_ADDRESSEE = re.compile(r"^\W*kính gửi\b")
#: a proposal of a report's "Kiến nghị" part ("Đề nghị Ủy ban nhân dân tỉnh chỉ đạo các chủ đầu
#: tư báo cáo ..."): asked for, not assigned
_PROPOSAL = re.compile(r"\W*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)])?\s*(?:đề nghị|kiến nghị|đề xuất)\b")


def _in_proposals(sec: Section | None) -> bool:
    while sec is not None and sec.style != "root":
        if re.match(r"\W*(?:đề xuất|kiến nghị)\b", diacritic_key(clean(sec.heading))):
            return True
        sec = sec.parent
    return False


_KIND_LINE = re.compile(
    r"^(?:CHỈ THỊ|KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|THÔNG TƯ|BÁO CÁO|CÔNG VĂN|THÔNG BÁO|"
    r"HƯỚNG DẪN|CHƯƠNG TRÌNH|ĐỀ ÁN|KẾT LUẬN|CÔNG ĐIỆN)\s*:?$"
)
_PREAMBLE = re.compile(r"^(?:Căn cứ|Xét|Theo đề nghị|V/v|Về việc|Số\s*:)", re.IGNORECASE)


def _letter_body(doc: Doc) -> list[Paragraph]:
    """The body paragraphs the header holds: those after "Kính gửi: ..." before any numbered
    section (a letter, a report), and in a text with no numbered section at all (a short
    directive or letter) the sentences after its kind line and title."""
    out: list[Paragraph] = []
    after = False
    for p in doc.header:
        if after and p.kind == "text":
            out.append(p)
        elif _ADDRESSEE.match(diacritic_key(p.text)):
            after = True
    if out or doc.root.children:
        return out
    texts = [p.text for p in doc.header]
    kind = next((k for k, t in enumerate(texts) if _KIND_LINE.match(t.strip(" *#"))), None)
    for p in doc.header[kind + 2 :] if kind is not None else []:
        t = p.text.strip()
        if p.kind == "text" and len(t) >= 60 and not t.isupper() and not _PREAMBLE.match(t):
            out.append(p)
    return out


def _body(doc: Doc) -> Iterator[tuple[Section, Paragraph]]:
    for p in _letter_body(doc):
        yield doc.root, p
    for sec in doc.root.walk():
        for p in sec.paragraphs:
            yield sec, p


def _date_last(doc: Doc, p: Paragraph, f: str, a: int, b: int, last: list[dict[str, Any]]) -> None:
    ds = _deadlines(f, a, b)
    for d in last if ds else []:
        if d["deadline"] is None:
            d["deadline"] = ds[0].value
            if ds[0].kind == "date":
                d["recurrence"] = "once"
            d["_span"][1] = p.span_of(a, b)[1]
            d["evidence"] = clean(doc.original[d["_span"][0] : d["_span"][1]])


#: "Bộ" / "Bộ trưởng" alone in a ministry's text, "Sở" / "Giám đốc Sở" in a department's
_OWN_BODY = {
    "bo_": re.compile(r"\b(?:Bộ trưởng|Bộ)\b(?!\s*(?:[A-ZĐ&]|trưởng|ngành|,|và\s+cơ quan))"),
    "so_": re.compile(r"\b(?:Giám đốc Sở|Sở)\b(?!\s*(?:[A-ZĐ&]|,|ban|ngành))"),
}
_NOT_OWN_BEFORE = re.compile(
    r"(?:văn phòng|lãnh đạo|thứ trưởng|phó giám đốc|thanh tra|thuộc|của|các|những|mỗi|từng|"
    r"liên|ngang)\s*$"
)


def _own_body(
    text: str, ms: list[AgencyMention], issuer: Mapping[str, Any] | None
) -> list[AgencyMention]:
    """The issuing ministry or department where its text names it "Bộ" or "Sở" alone."""
    kind = str((issuer or {}).get("kind") or "")
    rx = next((r for prefix, r in _OWN_BODY.items() if kind.startswith(prefix)), None)
    if rx is None:
        return []
    f = diacritic_key(text)
    out = []
    for m in rx.finditer(text):
        if any(x.start <= m.start() < x.end for x in ms):
            continue
        if _NOT_OWN_BEFORE.search(f[max(0, m.start() - 16) : m.start()]):
            continue
        scope = (issuer or {}).get("scope")
        out.append(AgencyMention(kind, scope, m.group(), m.start(), m.end()))
    return out


_LOCAL_COMMITTEE = re.compile(
    r"^(?:ủy ban nhân dân|ubnd)\s+(?P<level>xã|phường|thị trấn|đặc khu|huyện|quận|thị xã)\b"
)


def _own_committee(
    text: str, ms: list[AgencyMention], issuer: Mapping[str, Any] | None
) -> list[AgencyMention]:
    """In the text of a named commune's or district's committee ("Ủy ban nhân dân xã Tân
    Phú"), "Ủy ban nhân dân xã" alone is that committee, not the commune level."""
    name = str((issuer or {}).get("name") or "")
    own = _LOCAL_COMMITTEE.match(diacritic_key(name))
    if (issuer or {}).get("kind") != "other" or own is None:
        return ms
    level = (
        "ubnd_xa" if own.group("level") in ("xã", "phường", "thị trấn", "đặc khu") else "ubnd_huyen"
    )
    out = []
    for m in ms:
        f = diacritic_key(m.surface)
        if (
            m.kind == level
            and re.fullmatch(r"(?:ủy ban nhân dân|ubnd)\s+\w+(?: \w+)?", f)
            and not re.search(r"\b(?:các|cấp)\b", f)
        ):
            m = AgencyMention("other", m.scope, m.surface, m.start, m.end, name)
        out.append(m)
    return out


def _table_spans(doc: Doc) -> list[tuple[int, int]]:
    spans = []
    for t in doc.tables:
        cells = [*t.header, *(c for r in t.rows for c in r.cells)]
        ends = [c.end for c in cells if c.end > c.start]
        if ends:
            spans.append((min(c.start for c in cells if c.end > c.start), max(ends)))
    return spans


_LEAD_COLUMN = re.compile(r"chủ trì|đơn vị thực hiện|cơ quan thực hiện")
_TASK_COLUMN = re.compile(r"nhiệm vụ|nội dung|tên")
_RESULT_COLUMN = re.compile(r"kết quả|sản phẩm")
_TIME_COLUMN = re.compile(r"thời gian|thời hạn|tiến độ")
_YEAR_CELL = re.compile(r"^(?:năm\s+)?((?:19|20)\d\d)$")
_MONTH_CELL = re.compile(r"^(?:tháng\s+)?(\d{1,2})\s*/\s*((?:19|20)\d\d)$")


def _cell_deadline(cell: str) -> tuple[str | None, str | None]:
    """(deadline, recurrence) of a task table's time cell: "6/2025" -> 2025-06-30, "Quý
    II/2025" -> 2025-06-30, "2025" -> 2025-12-31, "Hằng năm" -> (None, "annual")."""
    f = diacritic_key(clean(cell)).strip(" .")
    m = _MONTH_CELL.match(f)
    if m and 1 <= int(m.group(1)) <= 12:
        mo = int(m.group(1))
        return f"{m.group(2)}-{mo:02d}-{_LAST_DAY[mo]:02d}", "once"
    q = _QUARTER.search(f)
    if q:
        return f"{q.group(2)}-{_QUARTER_END[_ROMAN[q.group(1)]]}", "once"
    y = _YEAR_CELL.match(f)
    if y:
        return f"{y.group(1)}-12-31", "once"
    if _ANNUAL.search(f):
        return None, "annual"
    if re.search(r"thường xuyên|định kỳ", f):
        return None, "periodic"
    return None, None


def _table_duties(doc: Doc, reader: _Reader, templates: set[int]) -> list[dict[str, Any]]:
    """Reports a task table's row asks for ("Bộ Tư pháp tổng hợp, báo cáo Thủ tướng Chính
    phủ" in its task or result cell): the row's lead bodies report, by the row's time cell.
    A cell naming a report as a product with no recipient ("Báo cáo hàng năm") is none."""
    out: list[dict[str, Any]] = []
    for t in doc.tables:
        if t.section is not None and id(t.section) in templates:
            continue
        head = [diacritic_key(clean(c.text)) for c in t.header]

        def column(rx: re.Pattern[str], head: list[str] = head) -> int | None:
            return next((i for i, h in enumerate(head) if rx.search(h)), None)

        if _schedule_columns(head) is not None:
            continue  # a table of reports (read by _schedule_duties)
        lead = column(_LEAD_COLUMN)
        if lead is None or re.search(r"theo dõi|đánh giá", head[lead]):
            continue  # not a task table (an indicator table's monitoring body)
        when = column(_TIME_COLUMN)
        cols = [i for i in (column(_RESULT_COLUMN), column(_TASK_COLUMN)) if i is not None]
        for row in t.rows:
            cells = row.cells
            if lead >= len(cells):
                continue
            leads = _mentions(clean(cells[lead].text), reader.province, reader.issuer)
            deadline, recurrence = (
                _cell_deadline(cells[when].text) if when is not None and when < len(cells)
                else (None, None)
            )  # fmt: skip
            for i in cols:
                if i >= len(cells):
                    continue
                text = clean(cells[i].text)
                f = diacritic_key(text)
                if not _VERB.search(f):
                    continue
                ms = _mentions(text, reader.province, reader.issuer)
                for e in reader.events(text, f, ms, 0, len(text)):
                    if not e.recipients or _DECISION.match(f[e.recipients[-1].end :]):
                        continue
                    who = reader.subject(text, f, ms, 0, e.start) or leads
                    actors = _refs(who)
                    own = _deadlines(f, 0, len(text))
                    value = own[0].value if own else deadline
                    rec = recurrence or _recurrence(text)
                    out.append(
                        {
                            "actor": actors,
                            "recipient": [r for r in _refs(e.recipients) if r not in actors],
                            "deadline": value,
                            "recurrence": "once" if own and own[0].kind == "date" else rec,
                            "evidence": text,
                            "_span": [cells[i].start, cells[i].end],
                            "_derived": e.derived,
                        }
                    )
                break  # the result cell, else the task cell
    return out


#: the columns of a table of reports ("Tên báo cáo | Cơ quan báo cáo | Cơ quan nhận báo cáo |
#: Thời hạn gửi"): who sends, who receives, by when, how often
_SENDER_COLUMN = re.compile(
    r"(?:cơ quan|đơn vị|đối tượng|chủ thể)\s+(?:thực hiện\s+|lập\s+|gửi\s+)?(?:báo cáo|gửi)|"
    r"(?:cơ quan|đơn vị) thực hiện"
)
_RECEIVER_COLUMN = re.compile(r"(?:cơ quan|đơn vị|nơi)\s+nhận")
_DUE_COLUMN = re.compile(r"thời hạn|thời gian|ngày gửi|hạn gửi|thời điểm")
_PERIOD_COLUMN = re.compile(r"kỳ báo cáo|tần suất|định kỳ|chu kỳ")


def _schedule_columns(head: list[str]) -> tuple[int, int, int | None, int | None] | None:
    """(sender, receiver, due, period) columns of a table of reports, else None."""
    sender = next((i for i, h in enumerate(head) if _SENDER_COLUMN.search(h)), None)
    receiver = next((i for i, h in enumerate(head) if _RECEIVER_COLUMN.search(h)), None)
    if sender is None or receiver is None or sender == receiver:
        return None
    due = next((i for i, h in enumerate(head) if _DUE_COLUMN.search(h)), None)
    period = next((i for i, h in enumerate(head) if _PERIOD_COLUMN.search(h)), None)
    return sender, receiver, due, period


def _schedule_duties(doc: Doc, reader: _Reader, templates: set[int]) -> list[dict[str, Any]]:
    """A table of reports (a plan's or a circular's "Chế độ báo cáo"): each row a duty, its
    sender's bodies to its receiver's, by its due cell, as often as its name or period cell
    says ("Báo cáo kết quả 6 tháng | UBND các xã | Sở X | Trước ngày 10/6"); a date with no
    year in such a table recurs every year."""
    out: list[dict[str, Any]] = []
    for t in doc.tables:
        if t.section is not None and id(t.section) in templates:
            continue
        cols = _schedule_columns([diacritic_key(clean(c.text)) for c in t.header])
        if cols is None:
            continue
        sender, receiver, due, period = cols
        for row in t.rows:
            cells = row.cells
            if max(sender, receiver) >= len(cells):
                continue

            def cell(i: int | None, cells: list[Cell] = cells) -> str:
                return clean(cells[i].text) if i is not None and i < len(cells) else ""

            who = _mentions(cell(sender), reader.province, reader.issuer)
            whom = _mentions(cell(receiver), reader.province, reader.issuer)
            if not who and not whom:
                continue
            words = " ".join(clean(c.text) for c in cells)
            f = diacritic_key(f"{cell(due)} {cell(period)}")
            own = _deadlines(f, 0, len(f)) or [
                _Deadline(0, d.value, d.kind)
                for d in _deadlines(diacritic_key(words), 0, len(words))
            ]
            expanded = _expand(own, diacritic_key(words))
            actors = _refs(who)
            for value, recurrence in expanded:
                if recurrence == "once" and value is not None and value.startswith("--"):
                    recurrence = "annual"
                out.append(
                    {
                        "actor": actors,
                        "recipient": [r for r in _refs(whom) if r not in actors],
                        "deadline": value,
                        "recurrence": recurrence,
                        "evidence": clean(words),
                        "_span": [row.start, row.end],
                        "_derived": False,
                    }
                )
    return out


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _SENT.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _key(refs: list[dict[str, Any]]) -> frozenset[str]:
    return frozenset(f"{r['kind']}|{r['scope']}|{r.get('name', '')}" for r in refs)


def _finish(duties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop a chained report that another sentence states itself (one duty stated twice),
    and a duty repeated word for word; strip the private keys."""
    for d in duties:  # duties of one report share their bodies: names are dropped per duty
        d["actor"] = [dict(r) for r in d["actor"]]
        d["recipient"] = [dict(r) for r in d["recipient"]]
    explicit = [
        (_key(d["actor"]), _key(d["recipient"]), d["deadline"] is not None, d["recurrence"])
        for d in duties
        if not d["_derived"]
    ]
    dated = [(a, r) for a, r, has, _ in explicit if has]
    out: list[dict[str, Any]] = []
    seen: dict[tuple[frozenset[str], frozenset[str], str | None, str, str], int] = {}
    for d in duties:
        actor, rec = _key(d["actor"]), _key(d["recipient"])
        if d["_derived"] and any(
            a == actor and (rec == r or (rec <= r and has)) and how == d["recurrence"]
            for a, r, has, how in explicit
        ):
            continue  # stated itself elsewhere (a report as often is the same one)
        restated = any(a == actor and rec <= r for a, r in dated)
        own_frequency = any(rx.search(diacritic_key(d["evidence"])) for _n, rx in _FREQUENCIES)
        if (
            d["deadline"] is None
            and actor
            and restated
            and not own_frequency
            and d["recurrence"] != "on_request"  # a report when asked is another one
        ):
            continue  # the same report restated ("Sở X gửi báo cáo định kỳ tới Bộ Y qua ...")
        sig = (actor, rec, d["deadline"], d["recurrence"], diacritic_key(d["evidence"])[:80])
        if seen.get(sig, d["_span"][0]) != d["_span"][0]:
            continue  # the same duty stated again elsewhere, word for word
        seen[sig] = d["_span"][0]
        d.pop("_derived")
        for key in ("_sec", "_at", "_freqs"):
            d.pop(key, None)
        for r in d["actor"] + d["recipient"]:
            r.pop("name", None)
        out.append(d)
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
            ms = mentions_between(doc.flat, p.start, p.end, province=province)
            f = diacritic_key(p.text)
            partners: list[dict[str, Any]] = []
            to: list[dict[str, Any]] = []
            for rx, bucket in ((_PARTNER, partners), (_TO, to)):
                for hit in rx.finditer(f):
                    pos, _ = p.span_of(hit.end(), hit.end() + 1)
                    bucket.extend(_ref(m) for m in chain_after(doc.flat, ms, pos))
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
