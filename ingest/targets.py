"""Targets: every quantified objective of a document, in any domain.

A target is an outcome to reach by a time (SCHEMA.md, "Targets"): "Có ít nhất 05 chuyên gia
...", "100% hồ sơ ... được số hóa", "tăng bình quân trên 7,5%/năm", a row of an indicator
table ("Quy mô kinh tế số | % GDP | ≥ 30"). A quantity that defines a rule or a norm is not
one: a rate or level of support ("giảm 90% tiền sử dụng đất", "mức hỗ trợ"), a cap ("không
quá 0,5%"), a threshold that defines what is counted ("doanh nghiệp có doanh thu đạt 20
triệu USD/năm"), a condition or a definition ("cho các điểm trường lẻ có từ 15 trẻ trở lên",
"là bệnh viện có từ 500 giường bệnh"), a norm shared out per unit ("mỗi trạm y tế bố trí tối
thiểu 05 người", "mỗi lớp không quá 50 học viên"; a target only when the sentence states an
aim: "Phấn đấu mỗi xã có ít nhất 01 tổ ..."), a duration, a frequency of events ("Hằng năm
tổ chức ít nhất 02 chiến dịch", "mỗi tháng ít nhất 01 đợt"), a count per a thing outside an
objective ("mật độ trồng tối thiểu 1.100 cây/ha"), the size of each thing ("diện tích căn hộ
từ 25 m2 đến 70 m2"), money allocated, a state of affairs already reached ("đến nay 100% hồ
chứa đã được kết nối"), a report's table of what was done, a figure of a year before the
document's own (its header's date: "(năm 2025 đạt 86,4%)", a "Kết quả năm 2025" column or
section), a figure in brackets after a target ("đạt 95,2% (chỉ tiêu ... giao là 95%)"), a
count of instruments to issue ("ban hành 03 thông tư"), a discount ("giảm giá tối thiểu
20%") or a rate of support ("hỗ trợ 50% chi phí").

Where targets are read
----------------------
* **Objectives** (a section headed "Mục tiêu", "Chỉ tiêu", "Tầm nhìn", "Kết quả dự kiến",
  ...) and **deliverables** ("Sản phẩm:", "Kết quả:" lines, the result cell of a task
  table): every
  quantity of a counted noun or a percentage ("đã được ..." after it qualifies the counted
  noun there: "Số hóa ít nhất 30% di sản đã được xếp hạng").
* **Tasks** (a section headed "Nhiệm vụ", "Giải pháp", "Nội dung ...", a task table's task
  cell): a quantity in a sentence that states an aim ("phấn đấu", "bảo đảm", "hoàn thành",
  "đạt", a due year or period "trong Quý II/2026", a floor: the quantity's own "ít nhất" or
  one that is no other number's condition), or an output with no aim word: a coverage of
  100% ("bồi dưỡng cho 100% cán bộ, công chức cấp xã"), a yearly count ("Hằng năm bồi
  dưỡng cho khoảng 5.000 lượt giáo viên"), the count a verb of making, training or
  supporting is done to ("số hóa khoảng 15 triệu trang", "tập huấn cho 200 công chức").
  A count right after another one and "tại / ở" says where that one is ("02 bản tại 02
  địa điểm"), not an outcome.
* **Anywhere else** (the execution section, articles of a decision, ...): only a sentence
  with a strong cue ("phấn đấu", "Đến năm 2030, ...", "Trong năm 2013, ...", "Chậm nhất đến
  ngày 31 tháng 12 năm 2026, ...", "bảo đảm 100%").
* **Tables** of every written form (:mod:`policykg.ingest.tables`: tab, Markdown and Word
  rows, Gazette text with a cell a line). A task table's task and result cells read as
  deliverables, due by the row's time cell ("2025", "6/2025"). An **indicator table**
  (columns "Chỉ tiêu" / "Đơn vị" / "Kết quả", "Mục tiêu phấn đấu năm 2024", "2026", ...; a
  header on two rows, "Mục tiêu" over "Năm 2027 | Năm 2030", names each column by both):
  every row whose value cell holds a number ("≥ 5", "≤ 3 Đông Nam Á; ≤ 50 Thế
  giới" gives two, "> 0,7", "90", "100%", "Trên 600", "Tăng ít nhất 2 bậc"); the unit is
  the unit column's (or the one the name ends with: "Tỷ lệ che phủ rừng (%)"), the
  comparator the value's (or "tối thiểu" ending the indicator's name
  or its group's name). A column of what was done or of the baseline ("Thực hiện năm 2025",
  "Ước thực hiện", "Năm gốc") gives none, nor does a table in a report's results section.

Fields: ``comparator`` (``exact``, ``at_least``, ``more_than``, ``about``, ``range``,
``at_most``), ``min``/``max`` (Vietnamese numerals: "01" -> 1, "7,5" -> 7.5, "1.000" ->
1000), ``unit`` as written, ``by_year`` (the quantity's own "năm 2018 đạt 99%", or a due
year after it in its clause ("..., hoàn thành trước năm 2029", "vào cuối năm 2026", "trong
năm học 2025 - 2026"), or a due time of an earlier clause of its sentence ("... trong Quý
II/2025; 100% cán bộ được quán triệt"), else the sentence's or item's lead "Đến năm 2030,
...", else the nearest heading's year ("Mục tiêu cụ thể đến năm 2030", "Phấn đấu đến cuối
năm 2026:", a table's group row "Đến năm 2045", a value column "Chỉ tiêu năm 2024", a task
row's deadline "2025"; an item's own sentence is no heading), else the plan's end year),
``per_year`` ("hằng năm", "/năm", "tăng bình quân"; not an average level "thu nhập bình
quân"), ``indicator`` (:func:`indicator_of`: a code of SCHEMA.md when it fits, else
``other``; a part after ", trong đó" is measured as its whole), ``ref`` (the section or
table row; an article "Đ7.1" as the gold writes it), ``text`` and ``"_span"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from policykg.ingest.quantities import (
    Quantity,
    Value,
    cell_values,
    indicator_of,
    parse_number,
    quantities,
)
from policykg.ingest.reading import diacritic_key
from policykg.ingest.text import Doc, Paragraph, Section, clean

__all__ = ["Quantity", "extract_targets", "indicator_of", "parse_number", "quantities"]

# --- years -------------------------------------------------------------------------------

_Y = r"((?:19|20)\d\d)"
#: a day or a month before its year: "ngày 30/9/", "ngày 31 tháng 12 năm ", "tháng 6/"
_DAY = (
    r"(?:ngày\s*)?\d{1,2}\s*(?:/|-|tháng)\s*\d{1,2}\s*(?:/|-|năm)\s*|"
    r"tháng\s+\d{1,2}\s*(?:/|năm)\s*"
)
#: a due year: "đến năm 2030", "Trong năm 2013", "năm 2018 đạt", "giai đoạn 2021 - 2025",
#: "đến hết ngày 30/9/2026", "trong tháng 4 năm 2024"
_YEAR_CUE = re.compile(
    r"(?<!so với )(?<!so với các )\b(?:(?:đến|trước|trong|vào|tới)\s+(?:hết\s+|cuối\s+)?(?:"
    + _DAY
    + r")|đến hết năm|đến năm|đến|tới năm|trong năm|vào năm|"
    r"năm học|năm|giai đoạn|tầm nhìn đến năm|tầm nhìn đến|từ năm)\s*"
    + _Y
    + r"(?:\s*[-–]\s*"
    + _Y
    + ")?"
)
#: a due year stated after the quantity ("100% ... trong năm 2025", "... trước năm 2030")
_DUE_AFTER = re.compile(
    r"\b(?:đến|trong|vào|trước|tới)\s+(?:hết\s+|cuối\s+)?(?:năm(?:\s+học)?\s+|giai đoạn\s+|"
    r"quý\s+[ivx1-4]+\s*(?:/|năm)\s*|" + _DAY + ")" + _Y + r"(?:\s*[-–]\s*" + _Y + ")?"
)
#: a year stated right after a quantity: "80% vào năm 2030", "60% năm 2026", "42% (năm 2030)"
_YEAR_RIGHT_AFTER = re.compile(
    r"\s*(?P<open>\(\s*)?(?:vào\s+|trong\s+|đến\s+|tới\s+)?(?:hết\s+|cuối\s+)?năm(?:\s+học)?\s+"
    + _Y
    + r"(?:\s*[-–]\s*"
    + _Y
    + r")?(?(open)\s*\))"  # "(năm 2030)" closed: not "(năm 2025 đạt 86,4%)", a baseline
)
_BASELINE = re.compile(r"so với\s+(?:cùng kỳ\s+)?(?:(?:cuối|đầu|hết)\s+)?(?:năm|giai đoạn|kỳ)?\s*$")
#: a line that only states the year of what follows ("a) Đến năm 2030", "Năm 2021 - 2022:")
_CUE_LINE = re.compile(
    r"^\W*(?:[a-zđ]\)\s*|\d+(?:\.\d+)*[.)]\s*|[ivx]+[.)]\s*)?"
    r"(?:(?:mục tiêu|chỉ tiêu)(?: cụ thể| chủ yếu)?\s+)?(?:tầm nhìn\s+)?(?:phấn đấu\s+)?"
    r"(?:giai đoạn\s+(?:từ nay\s+)?(?=đến))?"
    r"(?:đến hết năm|đến cuối năm|đến năm|đến|năm|giai đoạn|trong năm|từ năm)\s*"
    + _Y
    + r"(?:\s*[-–]\s*"
    + _Y
    # "..., phấn đấu đạt các chỉ tiêu sau:", "... như sau:", "..., cụ thể:"
    + r")?(?:\s*,?\s*(?:phấn đấu\s*)?(?:đạt\s*(?:được\s*)?)?(?:(?:các|những)\s+)?"
    r"(?:(?:mục tiêu|chỉ tiêu)\s*(?:cụ thể|chủ yếu)?\s*)?(?:sau|như sau|cụ thể)?)?\s*:?\s*$"
)


def _years_in(text: str) -> list[tuple[int, int]]:
    """(offset, year) of each due-year cue of a folded text (a range gives its end)."""
    out = []
    for m in _YEAR_CUE.finditer(text):
        if _BASELINE.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        out.append((m.start(), int(m.group(2) or m.group(1))))
    return out


def _year_of_heading(heading: str) -> int | None:
    years = _years_in(diacritic_key(clean(heading)))
    return years[-1][1] if years else None


def _cue_year(text: str) -> int | None:
    m = _CUE_LINE.match(diacritic_key(clean(text)))
    if not m:
        return None
    return int(m.group(2) or m.group(1))


# --- zones -------------------------------------------------------------------------------

#: headings of the zones (matched at the start of a heading, or anywhere in a short one)
_OBJECTIVE = re.compile(
    r"^(?:các\s+)?(?:mục tiêu|chỉ tiêu|giao (?:các\s+)?chỉ tiêu|tầm nhìn|định hướng (?:đến|tới)|"
    r"kết quả (?:cần|phải) đạt|kết quả (?:dự kiến|mong đợi))"
)
_OBJECTIVE_IN = re.compile(r"mục tiêu cụ thể|chỉ tiêu cụ thể|chỉ tiêu chủ yếu|các chỉ tiêu")
_EXECUTION = re.compile(
    r"^(?:tổ chức thực hiện|kinh phí|nguồn kinh phí|trách nhiệm|phân công|hiệu lực|"
    r"điều khoản thi hành|chế độ báo cáo|thời gian và tiến độ)"
)
_TASK = re.compile(
    r"^(?:các\s+)?(?:nhiệm vụ|giải pháp|nội dung|hoạt động|chương trình hành động|"
    r"danh mục (?:các\s+)?nhiệm vụ)"
)
#: what a report states as done ("Kết quả thực hiện", "Tình hình", "Một số nội dung đã thực
#: hiện trong năm 2025"): no target there
_STATUS_HEADING = re.compile(
    r"^(?:(?:một số\s+)?(?:kết quả (?:thực hiện|đạt được|triển khai)|tình hình|thực trạng|bối cảnh|"
    r"đánh giá (?:kết quả|tình hình|việc|chung)|những (?:kết quả|tồn tại)|khó khăn|tồn tại)|"
    r"(?:một số\s+)?(?:nội dung|công việc|nhiệm vụ) đã)"
)
_TASK_IN = re.compile(r"nhiệm vụ|giải pháp|nội dung thực hiện|nội dung chủ yếu")
_DELIVERABLE = re.compile(r"^(?:sản phẩm|kết quả|kết quả, sản phẩm|sản phẩm đầu ra)\s*:\s*")
_MARKER = re.compile(r"^\W*(?:(?:phần|mục|điều)\s+(?:[ivxlc]+|\d+)\b\s*[.:]?\s*|[a-zđ]\)\s*|"
                     r"\d+(?:\.\d+)*[.)]?\s+|[ivxlc]+[.)]\s*)", re.I)  # fmt: skip

#: cues that a sentence states an aim
_STRONG = re.compile(
    r"phấn đấu|hướng tới|(?:bảo đảm|đảm bảo)\s+(?:đạt\s+)?100\s*%|"
    r"^\W*(?:[a-zđ]\)\s*|\d+\.\s*)?(?:(?:chậm nhất|muộn nhất)\s+)?(?:đến|trong|vào|tới|trước)\s+"
    r"(?:hết\s+|cuối\s+)?(?:" + _DAY + r"|năm\s+)(?:19|20)\d\d"
)
_AIM = re.compile(
    r"phấn đấu|hướng tới|bảo đảm|đảm bảo|hoàn thành|(?<!không )\bđạt\b|duy trì|giữ vững|"
    r"^(?!.*\b(?:ngân sách|vốn|kinh phí)\b).*\bchiếm\b|"
    r"(?:đến|trong|vào) năm (?:19|20)\d\d|mục tiêu|nâng\b.*\blên\b|"
    r"(?:trong|trước|vào|đến)\s+(?:hết\s+)?(?:giai đoạn\s+|quý\s+[ivx1-4]+\s*(?:/|năm)\s*|"
    r"tháng\s+\d{1,2}\s*(?:/|năm)\s*)(?:19|20)\d\d"
)
_FLOOR = re.compile(r"tối thiểu|ít nhất|trở lên")
#: a count per a thing that is not a time or a population: a norm ("1.100 cây/ha", "25
#: học viên/lớp"), not a rate to reach ("20.000 lao động/năm", "32 giường bệnh/vạn dân")
_PER_THING = re.compile(
    r"^\s*(?:[^\W\d_]+\s+){0,2}[^\W\d_]+\s*/\s*(?!năm|tháng|quý|tuần|ngày|kỳ|vụ|giai đoạn|"
    r"vạn|nghìn|ngàn|\d|dân|người dân|dân số)[^\W\d_]"
)
#: the size of each thing, read before a measure that has no verb of an outcome between
_SPEC = re.compile(
    r"\b(?:diện tích|chiều (?:rộng|dài|cao|sâu)|công suất|quy mô|mật độ|tải trọng|kích thước|"
    r"dung tích|khổ)\b(?:(?!\b(?:đạt|tăng|giảm|lên|thêm)\b)[^,;:])*$"
)
#: a size stated for each thing: "có diện tích", "mỗi ...", "từ", a floor or a cap
_SIZE_OF_EACH = re.compile(
    r"^(?:diện tích|chiều|công suất|quy mô|mật độ|tải trọng|kích thước|dung tích|khổ)\b.*"
    r"\b(?:từ|tối thiểu|tối đa|không quá|không dưới|mỗi|bình quân mỗi)\s*$"
)
#: a floor word that is a number's comparator
_OTHER_FLOOR = re.compile(
    r"(?:tối thiểu|ít nhất|không dưới)(?:\s+(?:có|là|đạt|được))?\s*\d|"
    r"\d[^,;.:\d]{0,40}\btrở lên"
)
#: a rule, norm or rate, not an outcome
_RULE = re.compile(
    r"mức (?:hỗ trợ|trợ cấp|bồi thường|chi|thu|phạt|giảm|tối thiểu|tối đa)|hỗ trợ bằng|"
    r"bồi thường|được hưởng|(?<!ảnh )\bhưởng\b(?! lương)|trợ cấp|suy giảm khả năng|"
    r"tỷ lệ thương tật|"
    r"tiền sử dụng đất|tiền thuê|đơn giá|giá đất|định mức|nguyên tắc|được tính|cứ mỗi|"
    r"(?<!mặt )\bbằng \d|diện tích sử dụng|giảm giá|chiết khấu|"
    # a rate of support: "hỗ trợ doanh nghiệp 50% chi phí hợp lý"
    r"hỗ trợ[^\d,;]{0,60}?\d+(?:,\d+)?\s*%\s*(?:số\s+)?(?:chi phí|kinh phí|học phí|lãi|giá|tiền)\b"
)
#: what makes a quantity a cap, a condition or a relief outside an objective ("không quá
#: 0,5%", "nếu ...", "giảm 90% ...", "đối với hộ ...")
_RULE_OUTSIDE = re.compile(
    r"không quá|không vượt quá|tối đa|nếu\b|trường hợp|đối với (?:hộ|người|đối tượng)|"
    r"miễn\b|giảm \d[\d.,]*\s*%?\s*(?:số\s+)?(?:tiền|giá|học phí|phí|lệ phí|thuế|chi phí|mức|lãi)\b"
)
#: criteria listed after "theo nguyên tắc:", "điều kiện:"
_CRITERIA = re.compile(r"(?:nguyên tắc|tiêu chí|điều kiện|tiêu chuẩn)\s*:")
#: ... but in an objective, the measures a target is counted on ("kéo giảm tai nạn giao
#: thông trên cả 03 tiêu chí: số vụ, số người chết ... từ 5 - 10%")
_LIST_OF_MEASURES = re.compile(r"(?:tiêu chí|chỉ tiêu|chỉ số)\s*:")
#: a state already reached
_STATUS = re.compile(r"đến nay|hiện nay|hiện có|hiện đang|năm qua|hiện xếp")
#: ... also when said after the quantity outside an objective ("95% hồ sơ đã được giải
#: quyết"); in an objective it qualifies the counted noun ("số hóa 30% di sản đã được xếp
#: hạng")
_DONE = re.compile(r"đã có|đã được|đã hoàn thành|đã thực hiện|đã đạt")
#: a quantity shared out per unit ("mỗi trạm y tế bố trí tối thiểu 05 người", "mỗi lớp
#: không quá 60 học viên"): a norm, unless the sentence states an aim; "mỗi năm" is a period
_PER_UNIT = re.compile(
    r"\bmỗi\s+(?!năm\b|tháng\b|quý\b|tuần\b|ngày\b|kỳ\b|vụ\b|giai đoạn\b)[^\W\d]"
)
_CAP = re.compile(r"không quá|không vượt quá|tối đa")
#: a verb that sets what each unit must have ("bố trí tối thiểu 05 người", "trang bị ít nhất")
_NORM_VERB = re.compile(r"\b(?:bố trí|trang bị|duy trì)\s+(?:tối thiểu|ít nhất|không dưới)\s*$")
#: events counted per period: a frequency ("Hằng năm tổ chức ít nhất 02 chiến dịch", "mỗi
#: tháng ít nhất 01 đợt cao điểm"), not an outcome
_EVENT = re.compile(
    r"^(?:lượt\s+)?(?:đợt|lần|cuộc|chiến dịch|hội nghị|hội thảo|hội chợ|buổi|phiên|kỳ|"
    r"chương trình|sự kiện|đoàn|ngày hội|lễ hội|cuộc thi|diễn đàn|triển lãm|tuần lễ)\b"
)
_PERIODIC = re.compile(
    r"(?:mỗi|hằng|hàng)\s+(?:năm|tháng|quý|tuần)|/\s*(?:năm|tháng|quý|tuần)\b|định kỳ"
)
#: a quantity in a condition or a definition: "cho các điểm trường lẻ có từ 15 trẻ trở
#: lên", "là bệnh viện có từ 500 giường bệnh"
_CONDITION = re.compile(
    r"(?:\b(?:cho|đối với|với|của)\s+(?:các|những|mỗi)\s+|\blà\s+)[^,;:\d]{1,40}?"
    r"\s(?:có|đạt|sử dụng)\s+(?:từ\s+|trên\s+|dưới\s+)?$"
)
_PARENS = re.compile(r"\([^()]*\)")
#: a past action before the quantity ("UBND tỉnh đã cấp 09 giấy phép"), not an instrument
#: "đã được ... phê duyệt / ban hành" that the sentence goes on to carry out
_PAST = re.compile(r"\bđã\b(?!\s+(?:được\s+)?(?:[^\W\d]+\s+){0,6}(?:phê duyệt|ban hành|giao))")
_AIM_AFTER_PAST = re.compile(
    r"phấn đấu|mục tiêu|hướng tới|đến năm|bảo đảm|đảm bảo|hoàn thành|\bđạt\b"
)
#: inside the title of another instrument ("các nghị quyết ... về ... 6 vùng kinh tế")
_IN_TITLE = re.compile(
    r"(?:nghị quyết|quyết định|chương trình|đề án|kế hoạch|chiến lược|quy hoạch|chỉ thị|"
    r"kết luận|luật|nghị định|thông tư)\b[^;:]{0,120}\bvề\b[^;:]{0,120}$"
)
#: after a first counted quantity, what qualifies it ("60 doanh nghiệp có doanh thu đạt
#: 20 triệu USD/năm", "với giá trị mỗi thương vụ từ 01 triệu USD")
_QUALIFIER = re.compile(r"\bcó doanh thu\b|\bvới giá trị\b|\bmỗi\b|\bcó quy mô\b|\bcó vốn\b")


#: instruments counted as a product: the form of the work, not an outcome
_INSTRUMENT = re.compile(
    r"^(?:văn bản|thông tư|nghị định|nghị quyết|quyết định|chỉ thị|quy chế|quy định|kế hoạch|"
    r"báo cáo|công văn|hướng dẫn)\b"
)


def _named_indicator(zone: str, clause: str, q: Quantity) -> bool:
    """An objective's indicator named before "đạt" ("Tỷ lệ người ... được hưởng lương hưu
    ... đạt khoảng 60%"): its words of a rule name what is measured."""
    return (
        zone == "objective"
        and bool(re.match(r"^\W*(?:[a-zđ]\)\s*|\d+\.\s*)?(?:tỷ lệ|tỉ lệ|số)\b", clause))
        and bool(re.search(r"\bđạt\b[^\d;]{0,20}$", clause[: q.start]))
    )


def _ruled(clause: str, q: Quantity) -> bool:
    """Whether a rule, a norm or a rate governs the quantity: its word before the quantity
    in the clause ("định mức 1,5 giáo viên/lớp", "mức hỗ trợ 50%"), or right after it with
    no other number between ("giảm 90% tiền sử dụng đất"); not a count before a norm that
    governs another number ("Tuyển dụng 350 giáo viên ... theo định mức 1,5 giáo viên/lớp")."""
    for m in _RULE.finditer(clause):
        if m.end() <= q.start or m.start() < q.end:
            return True
        if (
            len(clause[q.end : m.start()].split()) <= 1
            and not re.search(r"\d", clause[q.end : m.start()])
            and not re.match(r"\s*(?:[^\W\d]+\s+){0,2}\d", clause[m.end() :])
        ):
            # what the number is of ("giảm 90% tiền sử dụng đất"); not a norm of its own
            # number ("theo định mức 1,5 giáo viên/lớp"), nor what qualifies the counted
            # noun further on ("100% đối tượng hưởng trợ cấp xã hội ... nhận qua tài khoản")
            return True
    return False


def _in_quotes(before: str) -> bool:
    """Whether the text ends inside quotation marks (a quoted name)."""
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def _heading_zone(heading: str, *, own: bool) -> str | None:
    """The zone a heading opens, or None; ``own``: the section's own first line (which may
    be an item's whole text), matched at its start only."""
    h = _MARKER.sub("", diacritic_key(clean(heading)), count=1).strip()
    if _DELIVERABLE.match(h):
        return "deliverable"
    if _EXECUTION.match(h):
        return "execution"
    if _OBJECTIVE.match(h):
        return "objective"
    if _TASK.match(h):
        return "task"
    if _STATUS_HEADING.match(h):
        return "status"
    if own and len(h) > 60:
        return None
    if _OBJECTIVE_IN.search(h) and not h.startswith("quan điểm"):
        return "objective"
    if _TASK_IN.search(h):
        return "task"
    return None


def _title(sec: Section) -> str:
    """A section's heading, or, when its marker stands alone on its line ("Phần thứ hai"
    over "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026"), the title line under it."""
    if sec.heading.strip() or sec.style in ("root", "dash", "plus") or not sec.paragraphs:
        return sec.heading
    for p in sec.paragraphs[:2]:
        first = clean(p.text)
        if _BARE_MARKER.match(first):
            continue  # the marker's own line
        if len(first) <= 120 and not first.endswith((".", ";")) and first == first.upper():
            return first
        break
    return sec.heading


_BARE_MARKER = re.compile(
    r"^\W*(?:phần|chương|mục|điều)\s+(?:thứ\s+\w+|[ivxlc]+|\d+)\W*$", re.IGNORECASE
)


def _zone(sec: Section, switched: dict[int, str] | None = None) -> str:
    """objective / deliverable / task / execution / other: the section's own heading, else
    the latest heading-like paragraph of it or an ancestor (``switched``), else the nearest
    ancestor's heading."""
    switched = switched or {}
    own = _heading_zone(_title(sec), own=True) if sec.style != "root" else None
    if own:
        return own
    for node in [sec, *sec.ancestors()]:
        if id(node) in switched:
            return switched[id(node)]
        if node is not sec and node.style != "root":
            z = _heading_zone(_title(node), own=False)
            if z:
                return z
    for node in [sec, *sec.ancestors()]:
        if node.style not in ("root", "dash", "plus") and _BODY_HEADED.match(
            diacritic_key(clean(node.heading))
        ):
            # an item of a directive headed by the bodies that must do it ("2. Sở Tài
            # chính", "3. Ban Quản lý dự án ...") is a task
            return "task"
    return "other"


_BODY_HEADED = re.compile(
    r"^(?:các\s+)?(?:bộ|sở|ủy ban nhân dân|ubnd|ban|thủ trưởng|chủ tịch|giám đốc|cục|"
    r"tổng cục|văn phòng|kho bạc|bảo hiểm xã hội|công an|bộ chỉ huy|chủ đầu tư|đài|"
    r"ngân hàng|thanh tra|trung tâm)\b"
)


def _heading_year(sec: Section) -> int | None:
    """The year of the nearest heading that is a title ("Mục tiêu đến năm 2030", "a) Đến
    năm 2025:"); an item's own text (a dash item, a sentence ending in "." or ";") is read
    as a sentence, not as a heading ("- 100% giáo viên đạt chuẩn ... Luật Giáo dục năm
    2019.")."""
    for node in [sec, *sec.ancestors()]:
        if node.style == "root":
            return None
        h = clean(_title(node))
        if len(h) > 120 or node.style in ("dash", "plus") or h.endswith((".", ";")):
            continue
        y = _year_of_heading(h)
        if y:
            return y
    return None


# --- clauses -----------------------------------------------------------------------------

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ0-9(\-+])|(?<=:)\s+(?=[-+•])")
_LIST_MARK = re.compile(r"^(?:\s*(?:[-+•*]|[a-zđ]\)|\d+(?:\.\d+)*[.)]|\(\d+\))\s*)+")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in _SENTENCE.finditer(text):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _clauses(text: str, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The ";"-clauses of ``text[a:b]`` (and ", trong đó")."""
    pos = a
    for m in re.finditer(r";\s*|[.,]\s*trong đó,?\s*|:\s+|\s\(\d{1,2}\)\s", text[a:b]):
        if a + m.start() > pos:
            yield pos, a + m.start()
        pos = a + m.end()
    if pos < b:
        yield pos, b


def _lead_year(f: str) -> int | None:
    """The year of a sentence's lead ("Đến năm 2030, ...", "Phấn đấu đến năm 2030, ...")."""
    k = _LIST_MARK.match(f)
    head = f[k.end() if k else 0 :]
    first = re.split(r"[,:]", head, maxsplit=1)[0]
    if len(first) > 60:
        return None
    # the lead ends at a bracket or a share: "Tỷ lệ ... đạt trên 90% (năm 2025 đạt ...)"
    years = _years_in(re.split(r"[(%]", first, maxsplit=1)[0])
    return years[0][1] if years else None


# --- tables ------------------------------------------------------------------------------


@dataclass
class _Cell:
    text: str
    start: int  # offsets in the original text
    end: int


@dataclass
class _Grid:
    header: list[str]
    rows: list[tuple[int, list[_Cell]]]  # (row start, cells)


def _grids(doc: Doc) -> list[_Grid]:
    """The document's tables (:mod:`policykg.ingest.tables`: tab, Markdown and Word rows,
    Gazette text with a cell a line), header folded, cells clean."""
    out = []
    for t in doc.tables:
        header = [diacritic_key(clean(c.text)) for c in t.header]
        rows = [(r.start, [_Cell(clean(c.text), c.start, c.end) for c in r.cells]) for r in t.rows]
        while rows and _sub_header(rows[0][1]):
            # "| Mục tiêu | |" over "| | | Năm 2027 | Năm 2030 |": each column named by both
            sub = [diacritic_key(c.text) for c in rows[0][1]]
            header = [" ".join(x for x in (h, u) if x) for h, u in zip(header, sub, strict=False)]
            rows = rows[1:]
        out.append(_Grid(header, rows))
    return out


def _sub_header(cells: list[_Cell]) -> bool:
    """A row under a table's header that names sub-columns: no number, no name, and
    column names ("Năm 2027", "2030", "Kế hoạch", "Chủ trì") where values would be."""
    texts = [c.text.strip() for c in cells]
    if len(texts) < 3 or texts[0] or not any(texts):
        return False
    named = [t for t in texts if t]
    return all(
        not re.search(r"\d", t) or _cue_year(t) or re.fullmatch(r"(?:19|20)\d\d", t) for t in named
    )


def _in_tables(doc: Doc) -> list[tuple[int, int]]:
    """The spans of the tables (header and rows), whose paragraphs are not prose."""
    spans = []
    for t in doc.tables:
        cells = [c for c in t.header] + [c for r in t.rows for c in r.cells]
        starts = [c.start for c in cells if c.end > c.start]
        ends = [c.end for c in cells if c.end > c.start]
        if starts:
            spans.append((min(starts), max(ends)))
    return spans


@dataclass
class _Columns:
    name: int | None = None
    unit: int | None = None
    values: list[tuple[int, int | None]] = field(default_factory=list)  # (index, year)
    result: int | None = None
    deadline: int | None = None
    lead: int | None = None


#: a value column of what was done or the baseline, not of what is to be reached
_PAST_COLUMN = re.compile(
    r"(?<!lộ trình )(?<!tiến độ )(?<!thời gian )(?<!dự kiến )thực hiện|\bước\b|\bước tính|"
    r"hiện trạng|hiện nay|năm gốc|gốc|cơ sở|so sánh|so với|"
    r"tăng,? giảm|\bth\b"
)
_NAME_COLUMN = re.compile(
    r"^(?:tên nhiệm vụ|nhiệm vụ|nội dung|tên đề án|tên văn bản|chỉ tiêu|chỉ số|bộ chỉ số|"
    r"nhóm chỉ số|tên chỉ tiêu|tên chỉ số)"
)


def _columns(header: list[str]) -> _Columns:
    c = _Columns()
    for i, h in enumerate(header):
        h = " ".join(h.split())
        if not h:
            continue
        if re.match(r"^(?:đơn vị tính|đơn vị|đvt)$", h) or h in ("đơn vị đo",):
            c.unit = i
        elif re.search(r"chủ trì", h) and not re.search(r"theo dõi|đánh giá", h):
            c.lead = i
        elif re.search(r"thời gian|thời hạn|tiến độ|năm đạt|năm hoàn thành|thời điểm", h):
            c.deadline = i
        elif _NAME_COLUMN.match(h) and not re.search(r"(?:19|20)\d\d|phấn đấu", h):
            c.name = i
        elif re.search(r"sản phẩm|kết quả đầu ra", h) or (h.startswith("kết quả") and c.lead):
            c.result = i
        elif re.search(
            r"^kết quả|mục tiêu|chỉ tiêu|giá trị|kế hoạch năm|(?:19|20)\d\d", h
        ) and not re.search(r"cơ quan|đơn vị|chủ trì|ghi chú", h):
            if _PAST_COLUMN.search(h):
                continue  # what was done: "Thực hiện năm 2025", "Ước thực hiện", "Năm gốc"
            years = _years_in(h) or [
                (0, int(y)) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", h)
            ]
            c.values.append((i, years[-1][1] if years else None))
    if c.lead is not None and c.values and c.result is None and not any(y for _i, y in c.values):
        # a task table's "Kết quả" column is its deliverable (columns of years, "Chỉ tiêu
        # năm 2024 | Chỉ tiêu năm 2025", stay values, each due in its year)
        i, _y = c.values.pop(0)
        c.result = i
    return c


def _value_cells(
    header: list[str], columns: list[tuple[int, int | None]], cells: list[_Cell | None]
) -> list[tuple[_Cell, int | None]]:
    """The value cells of an indicator row that give targets: one per year when the value
    columns are years ("Năm 2026 | Năm 2030"), else one (the "Mục tiêu phấn đấu" column
    before a "Kế hoạch ... giao" one that repeats it)."""
    filled = [
        (c, y, header[i])
        for (i, y), c in zip(columns, cells, strict=True)
        if c is not None and re.search(r"\d", c.text)
    ]
    if not filled:
        return []
    years = {y for _c, y, _h in filled if y}
    if len(years) > 1:
        return [(c, y) for c, y, _h in filled]
    for c, y, h in filled:
        if re.search(r"mục tiêu|phấn đấu", h):
            return [(c, y)]
    return [(filled[-1][0], filled[-1][1])]


def _deadline_year(cell: str) -> int | None:
    years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", cell)
    return int(years[-1]) if years else None


#: a rate per year: "hằng năm", "/năm", an average growth ("tăng bình quân 8%"); not an
#: average level ("thu nhập bình quân")
_PER_YEAR = re.compile(
    r"h[àằ]ng năm|mỗi năm|/\s*năm|(?:tăng|tăng trưởng|tốc độ)\b[^\d;,.]{0,60}?\bbình quân|"
    r"bình quân (?:hằng|hàng|mỗi) năm|trung bình mỗi năm"
)


# --- extraction --------------------------------------------------------------------------


class _Out:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.items: list[dict[str, Any]] = []
        self.spans: set[tuple[int, int, str]] = set()

    def add(
        self,
        *,
        ref: str,
        text: str,
        span: tuple[int, int],
        q: Value,
        indicator: str,
        year: int | None,
        per_year: bool,
    ) -> None:
        key = (span[0], span[1], f"{q[0]}|{q[1]}|{q[2]}")
        if key in self.spans:
            return
        self.spans.add(key)
        cmp, mn, mx, unit = q
        self.items.append(
            {
                "ref": ref,
                "text": text,
                "indicator": indicator,
                "comparator": cmp,
                "min": mn,
                "max": mx,
                "unit": unit,
                "by_year": year,
                "per_year": per_year,
                "_span": [span[0], span[1]],
            }
        )


def _accept(zone: str, sentence: str, clause: str, q: Quantity, before: str) -> bool:
    """Whether a quantity of a clause is a target in a zone (see the module doc)."""
    if q.money:
        # money is an outcome only when it is what is to be reached ("đạt tối thiểu 55 tỷ USD")
        piece = before.rsplit(",", 1)[-1]
        part = re.match(r"\s*trong đó\b", piece) and re.search(r"\bđạt\b", before)
        if not (part or re.search(r"\bđạt\b(?:\s+\S+){0,2}\s*$", piece)) or _QUALIFIER.search(
            piece
        ):
            # a part of a sum to reach is reached too ("đạt 60.000 tỷ đồng, trong đó thu
            # nội địa 45.000 tỷ đồng")
            return False
    if zone == "status":
        return False
    plain = _PARENS.sub("", clause)
    if _STATUS.search(plain) or (_ruled(clause, q) and not _named_indicator(zone, clause, q)):
        return False
    if _INSTRUMENT.match(diacritic_key(q.unit)):
        return False  # a count of instruments to issue ("ban hành 03 thông tư", "01 Thông tư")
    aim_zone = zone in ("objective", "deliverable")
    done_at = _DONE.search(plain)
    if (
        done_at
        and not aim_zone
        and (
            done_at.start() < q.start
            or not _OUTPUT_VERB.search(clause[max(0, q.start - 80) : q.start])
        )
    ):
        # what was done ("95% hồ sơ đã được giải quyết"), not what a verb is done to ("rà
        # soát 100% vùng trồng đã được cấp mã số")
        return False
    if (
        zone == "task"
        and q.comparator == "at_least"
        and q.unit != "%"
        and _NORM_VERB.search(before)
        and not (_STRONG.search(sentence) or _STRONG.search(clause))
    ):
        return False  # a norm for each: "Các bệnh viện bố trí tối thiểu 02 máy chủ"
    if _CRITERIA.search(before) and not (aim_zone and _LIST_OF_MEASURES.search(before)):
        return False
    here = before.rsplit(";", 1)[-1]
    if _CONDITION.search(before):
        return False
    per_unit = _PER_UNIT.search(here)
    if per_unit and (
        _CAP.search(here[per_unit.start() :])
        or not (zone == "objective" or _STRONG.search(sentence) or _STRONG.search(clause))
    ):
        return False
    if _EVENT.match(diacritic_key(q.unit)) and (
        _PERIODIC.search(sentence) or zone not in ("objective", "deliverable")
    ):
        return False
    done = _PAST.search(_PARENS.sub("", before))
    if done and not _AIM_AFTER_PAST.search(before[done.end() :]):
        return False  # "Trong năm 2025, UBND tỉnh đã cấp 09 giấy phép, trong đó ..."
    if _IN_TITLE.search(before):
        return False
    if _in_quotes(before):
        return False  # a name: Đề án "Phát triển bền vững 1 triệu ha lúa ..."
    spec = _SPEC.search(clause[: q.start]) if q.measure else None
    if spec and (
        zone != "objective"
        or _SIZE_OF_EACH.search(spec.group())
        or re.search(r"\b(?:có|với|mỗi)\s*$", clause[: spec.start()])
    ):
        # a size, not an outcome: "diện tích căn hộ từ 25 m2 đến 70 m2"; in an objective a
        # total ("Ổn định diện tích cà phê khoảng 100.000 ha") unless sized each
        return False
    if _PER_SHORT_PERIOD.match(clause[q.end :]) or (
        q.unit != "%" and _SHORT_PERIODIC.search(sentence)
    ):
        return False  # a frequency: "ít nhất 02 tin, bài/tháng", "mỗi tháng 01 đợt"
    if zone in ("objective", "deliverable"):
        return True
    if _PER_THING.match(clause[q.end :]):
        return False  # a norm per unit: "mật độ trồng tối thiểu 1.100 cây/ha"
    if _RULE_OUTSIDE.search(clause) or q.measure:
        strong = _STRONG.search(sentence) or _STRONG.search(clause)
        made = (
            zone == "task"
            and not _RULE_OUTSIDE.search(clause)
            and _OUTPUT_VERB.search(clause[max(0, q.start - 80) : q.start])
        )
        # a measure is an outcome with an aim, or as what a task makes ("Chuyển đổi 500 ha
        # đất trồng lúa", "trồng mới 1.000 ha rừng")
        return bool(q.measure and (strong or made))
    if zone == "task":
        # a floor is an aim when it is the quantity's own ("ít nhất 500 lượt") or a word
        # of the task ("dòng chảy tối thiểu"), not another number's condition ("Dành 20%
        # quỹ đất ... trong các dự án có quy mô từ 10 ha trở lên")
        floor = _FLOOR.search(_OTHER_FLOOR.sub(" ", sentence))
        return bool(
            _AIM.search(sentence)
            # a growth to reach, stated before the number ("tăng 20% số hợp tác xã"), not
            # a noun after it ("Trích 40% tăng thu ngân sách")
            or re.search(r"\btăng\b(?:\s+\S+){0,6}\s*$", before)
            or floor
            or q.comparator == "at_least"
            or _task_output(sentence, clause, q)
        )
    return bool(_STRONG.search(sentence) or _STRONG.search(clause))


#: what a share of 100% is of, when it is a rate of support, not a coverage
_FUNDS_AFTER = re.compile(
    r"^\s*(?:số\s+)?(?:học phí|chi phí|kinh phí|phí|lệ phí|vốn|ngân sách|tiền|lãi|giá|mức|"
    r"tổng mức|dự toán|giá trị)\b"
)
#: paying out or allocating all of a sum is an outcome, not a rate ("giải ngân 100% tiền
#: dịch vụ môi trường rừng", "phân bổ chi tiết 100% kế hoạch vốn")
_SPEND_BEFORE = re.compile(
    r"\b(?:giải ngân|phân bổ|thanh toán|quyết toán|thu hồi|chi trả)\b(?:\s+[^\W\d]+){0,3}\s*$"
)
#: a count per a short period: a frequency, not an outcome
_PER_SHORT_PERIOD = re.compile(r"^[^;.\d]{0,30}?/\s*(?:tháng|quý|tuần|ngày)\b")
_SHORT_PERIODIC = re.compile(r"(?:mỗi|hằng|hàng)\s+(?:tháng|quý|tuần|ngày)\b")
_PER_YEAR_LEAD = re.compile(r"(?:hằng|hàng|mỗi)\s+năm")
#: a count right after another one's noun and "tại / ở": where that one is, not an outcome
_WHERE_OF = re.compile(r"\d\s+[^\W\d]+(?:\s+[^\W\d]+){0,3}\s+(?:tại|ở)\s+(?:khoảng\s+)?$")
#: a verb whose object is the count (a few words and "cho / tại / ở" between at most)
_OUTPUT_VERB = re.compile(
    r"\b(?:số hóa|xây dựng|xây mới|trồng|đào tạo|tập huấn|bồi dưỡng|hỗ trợ|cấp (?:mới|đổi|phép)|"
    r"đầu tư|cải tạo|"
    r"nâng cấp|sửa chữa|thành lập|tuyển dụng|tuyển sinh|giải quyết việc làm|thu hút|kiểm tra|"
    r"thanh tra|di dời|tiêm|khám|đưa vào (?:sử dụng|hoạt động|khai thác)|hình thành|công nhận|"
    r"rà soát|giám sát|kết nối|chuyển đổi|khoanh nuôi|phục hồi|nạo vét|kiên cố hóa|cứng hóa|"
    r"bê tông hóa|nhựa hóa|lắp đặt|phân loại|xóa|"
    r"xác định|trám lấp|xóa bỏ|phổ cập|vận động)\b"
    r"(?:,?\s+[^\W\d]+){0,6}?\s*(?:\b(?:cho|tại|ở|thêm|mới|được)\s+)?"
    r"(?:(?:khoảng|ít nhất|tối thiểu|trên|gần|từ|hơn)\s+)?$"
)


def _task_output(sentence: str, clause: str, q: Quantity) -> bool:
    """A task's quantity that is an output to reach with no aim word: a coverage of 100%
    ("bồi dưỡng kỹ năng số cho 100% cán bộ, công chức cấp xã"), a yearly count ("Hằng
    năm bồi dưỡng cho khoảng 5.000 lượt giáo viên"), or the count a verb of making,
    training or supporting is done to ("số hóa khoảng 15 triệu trang tài liệu", "tập huấn
    nghiệp vụ cho khoảng 200 công chức", "xây dựng cơ sở dữ liệu ở 530 đơn vị")."""
    if q.measure or q.money:
        return False
    if q.unit == "%":
        return q.min == 100 and (
            not _FUNDS_AFTER.match(clause[q.end :])
            or bool(_SPEND_BEFORE.search(clause[max(0, q.start - 40) : q.start]))
        )
    return bool(
        _PER_YEAR_LEAD.search(sentence)
        or _OUTPUT_VERB.search(clause[max(0, q.start - 80) : q.start])
        or _CLASSES_FOR.search(clause[max(0, q.start - 80) : q.start])
    )


#: the people classes or courses are held for ("Mở 45 lớp xóa mù chữ cho khoảng 900 học
#: viên")
_CLASSES_FOR = re.compile(
    r"\b(?:lớp|khóa|khoá)\b[^\d;,]{0,50}\bcho\s+(?:(?:khoảng|ít nhất|tối thiểu|trên|gần|hơn)\s+)?$"
)


def _prose(doc: Doc, out: _Out, period_end: int | None) -> None:
    issued = _issued_year(doc)
    issued_on = _issued_date(doc)
    header = {id(p) for p in doc.header}
    tables = _in_tables(doc)
    switched: dict[int, str] = {}  # section -> zone opened by a heading-like paragraph
    cues: dict[int, int] = {}  # numbered section -> year of the last cue line in it
    for sec in doc.root.walk():
        heading_year = _heading_year(sec)
        holder = _numbered(sec)
        for i, p in enumerate(sec.paragraphs):
            if id(p) in header or p.kind != "text" or any(a <= p.start < b for a, b in tables):
                continue
            text = p.text
            cy = _cue_year(text)
            if cy is not None:
                cues[id(holder)] = cy
                continue
            if i > 0 or sec.style == "root":
                z = _heading_zone(text, own=True)
                if z and z != "deliverable":
                    switched[id(sec)] = z
            zone = _zone(sec, switched)
            cue = next((cues[id(n)] for n in [holder, *holder.ancestors()] if id(n) in cues), None)
            pzone = zone
            k = _LIST_MARK.match(text)
            body_at = k.end() if k else 0
            fp = diacritic_key(text)
            if _DELIVERABLE.match(fp[body_at:]):
                pzone = "deliverable"
            item_year = _lead_year(fp)
            # "Năm 2021 - 2022: có khoảng 10 ..." -> the item's own year
            lead = re.match(r"^([^:]{0,40}):\s*", fp[body_at:])
            if lead and _years_in(lead.group(1)):
                item_year = _years_in(lead.group(1))[-1][1]
            for sa, sb in _sentences(text):
                sentence = fp[sa:sb]
                if _before_issue(sentence, issued_on):
                    continue
                s_year = _lead_year(sentence)
                prev: tuple[int, int] | None = None
                for ca, cb in _clauses(text, sa, sb):
                    clause = text[ca:cb]
                    fc = diacritic_key(clause)
                    qs = quantities(clause)
                    # a part ("..., trong đó có bằng cấp, chứng chỉ đạt 35%") is measured as
                    # the whole it is part of
                    whole = ""
                    if prev and re.search(
                        r"trong đó", diacritic_key(text[prev[1] : ca] + text[ca:cb][:12])
                    ):
                        whole = text[prev[0] : prev[1]] + " "
                    prev = (ca, cb)
                    counted = -1  # end of the last counted quantity in the clause
                    for q in qs:
                        if _page_number(doc, p, ca + q.start):
                            continue
                        if q.money and counted >= 0 and "," not in clause[counted : q.start]:
                            continue  # a threshold qualifying that count
                        if counted >= 0 and _qualifies(fc, counted, q):
                            continue  # "giảm 15% số vụ ... từ 30 người mắc trở lên"
                        if _WHERE_OF.search(fc[max(0, q.start - 40) : q.start]):
                            continue  # where a count is: "02 bản tại 02 địa điểm khác nhau"
                        if not q.money:
                            counted = q.end
                        if not _accept(
                            pzone, sentence, fc, q, diacritic_key(text[sa : ca + q.start])
                        ):
                            continue
                        # a year right after a quantity is that quantity's ("đạt 80% vào
                        # năm 2030 và 90% vào năm 2035", "60% năm 2026, 80% năm 2027")
                        right = _YEAR_RIGHT_AFTER.match(fc, q.end)
                        taken = _years_of_others(fc, q, qs)
                        own = [y for pos, y in _years_in(fc) if pos < q.start and pos not in taken]
                        if right:
                            own = [int(right.group(2) or right.group(1))]
                        after = _due_after(fc, q, qs)
                        # a due time of an earlier clause of the sentence ("... quán triệt
                        # Nghị quyết trong Quý II/2025; 100% cán bộ, đảng viên được quán triệt")
                        earlier = [
                            int(m.group(2) or m.group(1))
                            for m in _DUE_AFTER.finditer(diacritic_key(text[sa:ca]))
                        ]
                        year = (
                            (own[-1] if own else None)
                            or (after[0] if after and not own else None)
                            or (earlier[-1] if earlier else None)
                            or s_year
                            or item_year
                            or cue
                            or heading_year
                            or period_end
                        )
                        if issued and year and year < issued:
                            continue  # a past figure: "(năm 2025 đạt 86,4%)", "Kết quả năm 2025"
                        k2 = _LIST_MARK.match(clause)
                        c0 = ca + (k2.end() if k2 else 0)
                        raw = text[c0:cb].strip().rstrip(" .;:")
                        start, end = p.span_of(c0, c0 + len(raw))
                        out.add(
                            ref=_ref(sec.numbered_ref),
                            text=clean(raw),
                            span=(start, end),
                            q=(q.comparator, q.min, q.max, q.unit),
                            indicator=indicator_of(whole + clause, q.unit, clause[q.end :]),
                            year=year,
                            # up to the next quantity: not a rate of what qualifies it
                            # ("03 nhà máy ... công suất từ 10.000 tấn/năm")
                            per_year=bool(
                                _PER_YEAR.search(
                                    fc[
                                        : min(
                                            (o.start for o in qs if o.start > q.start),
                                            default=len(fc),
                                        )
                                    ]
                                )
                            ),
                        )


def _years_of_others(fc: str, q: Quantity, qs: list[Quantity]) -> set[int]:
    """Offsets of the year cues that another quantity of the clause is stated with, right
    after it ("80% vào năm 2030 và 90% ..."): no year of ``q``."""
    out: set[int] = set()
    for o in qs:
        m = _YEAR_RIGHT_AFTER.match(fc, o.end) if o is not q else None
        if m:
            out.update(pos for pos, _y in _years_in(fc[: m.end()]) if pos >= o.end)
    return out


def _qualifies(fc: str, counted: int, q: Quantity) -> bool:
    """Whether a quantity after a counted one in its clause qualifies what that one counts:
    a floor "từ N ... trở lên" with no comma between ("giảm 15% số vụ ngộ độc từ 30 người
    mắc trở lên"), or a figure in brackets after it ("đạt 95,2% (... giao là 95%)")."""
    between = fc[counted : q.start]
    if "(" in between and ")" not in between[between.rfind("(") :]:
        return True
    return (
        q.comparator == "at_least"
        and not re.search(r"[,;:]", between)
        and bool(re.search(r"\btừ\s*$", between))
    )


def _issued_year(doc: Doc) -> int | None:
    """The year the document was issued, from its header: a figure of an earlier year is
    what was done, not an outcome to reach."""
    issued = _issued_date(doc)
    return issued[0] if issued else None


def _issued_date(doc: Doc) -> tuple[int, int, int] | None:
    """(year, month, day) of the header's place-date line."""
    for p in doc.header:
        m = _ISSUED_DATE.search(diacritic_key(p.text))
        if m:
            return int(m.group(3)), int(m.group(2)), int(m.group(1))
    return None


#: the place-date line of the header ("Hà Nội, ngày 16 tháng 01 năm 2026")
_ISSUED_DATE = re.compile(r"ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*((?:19|20)\d\d)")
#: a sentence led by a full date ("Đến ngày 30 tháng 6 năm 2026, ...", "Tính đến 30/6/2026")
_LEAD_DATE = re.compile(
    r"^\W*(?:[a-zđ]\)\s*|\d+\.\s*)?(?:tính\s+)?(?:đến|tới|trong|vào|trước)\s+(?:hết\s+)?(?:ngày\s*)?"
    r"(\d{1,2})\s*(?:/|-|tháng)\s*(\d{1,2})\s*(?:/|-|năm)\s*((?:19|20)\d\d)"
)


def _before_issue(sentence: str, issued: tuple[int, int, int] | None) -> bool:
    """Whether a sentence is led by a date before the document's own: a state reached, not
    an aim ("Đến ngày 30 tháng 6 năm 2026, toàn tỉnh giải ngân ... đạt 41,5%" in a report of
    5 July 2026)."""
    m = _LEAD_DATE.match(sentence)
    if not m or issued is None:
        return False
    return (int(m.group(3)), int(m.group(2)), int(m.group(1))) < issued


def _due_after(fc: str, q: Quantity, qs: list[Quantity]) -> list[int]:
    """Due years stated after a quantity in its clause ("100% trạm y tế ... trong năm
    2026", "02 nhà máy ..., hoàn thành trước năm 2029"): near it, or anywhere after it when
    no other quantity of the clause comes between (that one's own year)."""
    nxt = min(
        (o.start for o in qs if o.start >= q.end and not (o.measure or o.money)), default=len(fc)
    )
    out = []
    for m in _DUE_AFTER.finditer(fc, q.end):
        if m.start() - q.end < 60 or m.start() < nxt:
            out.append(int(m.group(2) or m.group(1)))
    return out


def _page_number(doc: Doc, p: Paragraph, i: int) -> bool:
    """Whether the number at ``p.text[i]`` stands alone on its line of the original (a page
    number the reading joined into the paragraph)."""
    pos, _ = p.span_of(i, i + 1)
    a = doc.original.rfind("\n", 0, pos) + 1
    b = doc.original.find("\n", pos)
    line = doc.original[a : b if b >= 0 else len(doc.original)]
    return bool(re.fullmatch(r"\s*\d{1,4}\s*", line))


def _ref(ref: str) -> str:
    """A section's ref in the gold's form: an article "Điều 7.1" is "Đ7.1", a part "Phần
    II" its numeral "II", "Phần thứ hai" too."""
    ref = re.sub(
        r"^Phần\s+thứ\s+(nhất|hai|ba|tư|năm|sáu|bảy)",
        lambda m: _ORDINALS[m.group(1).lower()],
        ref,
        flags=re.I,
    )
    return re.sub(r"^Phần\s+", "", re.sub(r"^Điều\s+", "Đ", ref), flags=re.I)


_ORDINALS = {
    "nhất": "I",
    "hai": "II",
    "ba": "III",
    "tư": "IV",
    "năm": "V",
    "sáu": "VI",
    "bảy": "VII",
}


def _numbered(sec: Section) -> Section:
    """The nearest section that is not a dash or plus item."""
    node = sec
    while node.style in ("dash", "plus") and node.parent is not None:
        node = node.parent
    return node


def _cell(cells: list[_Cell], i: int | None) -> _Cell | None:
    return cells[i] if i is not None and i < len(cells) else None


def _table_prefix(sec: Section) -> str:
    """Where a table sits, for its rows' refs: "PL.03.II" (appendix 03, its part II), "PL"
    (the only appendix), or the body section's ref."""
    chain = [sec, *sec.ancestors()]
    appendix = next((s for s in chain if s.style == "appendix"), None)
    if appendix is None:
        return _ref(sec.numbered_ref) if sec.style != "root" else ""
    label = appendix.label or ""
    if not label:
        m = re.match(r"\s*số\s+(\w+)", diacritic_key(appendix.heading))
        label = m.group(1).upper() if m else ""
    parts = ["PL", label] + [
        s.label for s in reversed(chain[: chain.index(appendix)]) if s.style == "roman"
    ]
    return ".".join(x for x in parts if x)


def _section_at(doc: Doc, offset: int) -> Section:
    """The deepest section whose extent holds ``offset``."""
    best = doc.root
    for sec in doc.root.walk():
        if sec.style != "root" and sec.start <= offset < sec.end:
            best = sec
    return best


def _tables(doc: Doc, out: _Out, period_end: int | None) -> None:
    issued = _issued_year(doc)
    for grid in _grids(doc):
        cols = _columns(grid.header)
        # a value column of a year before the document's is what was done ("Kết quả năm 2025")
        cols.values = [(i, y) for i, y in cols.values if not (issued and y and y < issued)]
        indicator_table = cols.values and cols.name is not None and cols.lead is None
        task_table = cols.lead is not None and cols.name is not None
        if not indicator_table and not task_table:
            continue
        if indicator_table and grid.rows and _zone(_section_at(doc, grid.rows[0][0])) == "status":
            continue  # a table of results in a report ("Kế hoạch năm 2025 | Thực hiện")
        group_year: int | None = None
        group_cmp = ("", "")  # (row number, comparator its name ends with)
        group_ref = ""
        for row_start, cells in grid.rows:
            sec = _numbered(_section_at(doc, row_start))
            base_year = _heading_year(sec) or period_end
            texts = [c.text for c in cells]
            num = texts[0].strip(" .*") if texts else ""

            name = _cell(cells, cols.name)
            if name is None:
                continue
            name_f = diacritic_key(clean(name.text))
            values = [_cell(cells, i) for i, _ in cols.values]
            if not any(v is not None and v.text.strip() for v in values) and not (
                task_table and (name.text.strip())
            ):
                # a group row: "I | Đến năm 2030", "2 | Tỷ lệ ... tối thiểu."
                y = _year_of_heading(clean(name.text))
                if re.fullmatch(r"[IVXLC]+\.?|[A-Z]\.?", num.strip("*")) or y:
                    group_year = y or group_year
                    group_ref = num.strip("*.")
                if re.search(r"tối thiểu\.?$", name_f):
                    group_cmp = (num.strip("*. "), "at_least")
                continue
            ref = ".".join(x for x in (_table_prefix(sec), group_ref, num.strip("*. ")) if x)
            if indicator_table:
                own_cmp = "at_least" if re.search(r"tối thiểu\.?$", name_f) else ""
                inherited = (
                    group_cmp[1] if group_cmp[0] and num.startswith(group_cmp[0] + ".") else ""
                )
                default = own_cmp or inherited or "exact"
                chosen = _value_cells(grid.header, cols.values, values)
                unit_cell = _cell(cells, cols.unit)
                unit_text = clean(unit_cell.text) if unit_cell is not None else ""
                if not unit_text:
                    # no unit column: the unit the name ends with ("Tỷ lệ che phủ rừng (%)")
                    named = re.search(r"\(([^()\d]{1,15})\)\s*$", clean(name.text))
                    unit_text = named.group(1).strip() if named else ""
                for value_cell, value_year in chosen:
                    due = _cell(cells, cols.deadline)
                    year = (
                        value_year
                        or (_deadline_year(due.text) if due is not None else None)
                        or group_year
                        or base_year
                    )
                    if issued and year and year < issued:
                        continue
                    for cmp, mn, mx, u in cell_values(value_cell.text, default):
                        # a share in the cell is a share whatever the column says ("Vụ" |
                        # "Giảm ít nhất 10%")
                        unit = u if u == "%" else (unit_text or u)
                        start, end = name.start, max(name.end, value_cell.end)
                        text = " ".join(
                            clean(x) for x in (name.text, unit_text, value_cell.text) if x.strip()
                        )
                        out.add(
                            ref=ref,
                            text=text,
                            span=(start, end),
                            q=(cmp, mn, mx, unit),
                            indicator=indicator_of(name.text + " " + unit, unit),
                            year=year,
                            per_year=bool(_PER_YEAR.search(diacritic_key(name.text + " " + unit))),
                        )
                continue
            # a task table: the task cell as a task, the result cell as a deliverable
            dl = _cell(cells, cols.deadline)
            year = (_deadline_year(dl.text) if dl is not None else None) or base_year
            if issued and year and year < issued:
                continue  # a row of what was due before the document
            per_year = bool(dl is not None and _PER_YEAR.search(diacritic_key(dl.text)))
            seen: set[tuple[object, ...]] = set()
            for c in (_cell(cells, cols.result), name):
                if c is None or not c.text.strip():
                    continue
                ct = c.text
                for sa, sb in _sentences(ct):
                    fc = diacritic_key(ct[sa:sb])
                    for ca, cb in _clauses(ct, sa, sb):
                        clause = ct[ca:cb]
                        fcl = diacritic_key(clause)
                        for q in quantities(clause):
                            before = diacritic_key(ct[sa : ca + q.start])
                            if not _accept("deliverable", fc, fcl, q, before):
                                continue
                            key = (q.comparator, q.min, q.max)
                            if key in seen:
                                continue  # the task and its product state the same number
                            seen.add(key)
                            out.add(
                                ref=ref,
                                text=clean(clause.strip().rstrip(" .;:")),
                                span=(c.start, c.end),
                                q=(q.comparator, q.min, q.max, q.unit),
                                indicator=indicator_of(clause, q.unit, clause[q.end :]),
                                year=year,
                                per_year=per_year or bool(_PER_YEAR.search(fcl)),
                            )
            # a task row's values by year ("Chỉ tiêu năm 2024 | Chỉ tiêu năm 2025": "50%")
            for i, value_year in cols.values:
                vc = _cell(cells, i)
                if value_year is None or vc is None or not re.search(r"\d", vc.text):
                    continue
                for cmp, mn, mx, u in cell_values(vc.text, "exact"):
                    out.add(
                        ref=ref,
                        text=" ".join(clean(x) for x in (name.text, vc.text) if x.strip()),
                        span=(name.start, max(name.end, vc.end)),
                        q=(cmp, mn, mx, u),
                        indicator=indicator_of(name.text + " " + vc.text, u),
                        year=value_year,
                        per_year=per_year,
                    )


def extract_targets(doc: Doc, *, period_end: int | None = None) -> list[dict[str, Any]]:
    """The quantified targets of a document in the form of SCHEMA.md, with "_span"."""
    out = _Out(doc)
    _prose(doc, out, period_end)
    _tables(doc, out, period_end)
    out.items.sort(key=lambda t: t["_span"][0])
    return out.items
