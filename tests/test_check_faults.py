"""The checker on injected faults: a target due after the plan's period whose year heads the
sentence, a plan whose only higher instrument is a programme named by its title, and the
decision that approved that programme. Each fault is injected into the bundled plans and
into variants written for the test (another province, another layout); the bundled plans
as they are raise none of these findings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policykg.ontology.iri import IriMinter
from policykg.shapes.check import Report
from policykg.shapes.draft import check_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
GOLD = ROOT / "tests" / "gold"
BUNDLED = sorted(p.name for p in CORPUS.glob("*.txt"))
NEW_RULES = {"TargetDueOutsidePeriod", "NoHigherInstrument", "ProgrammeApprovalNotCited"}


def _check(text: str, minter: IriMinter, name: str = "plan.txt") -> Report:
    return check_text(text, source=name, store=None, minter=minter)


def _found(report: Report, code: str) -> list[str]:
    return [f.message_en for f in report.findings if f.code == code]


@pytest.mark.parametrize("name", BUNDLED)
def test_no_new_false_alarm_on_the_bundled_plans(name: str, minter: IriMinter) -> None:
    report = _check((CORPUS / name).read_text(encoding="utf-8"), minter, name)
    assert not NEW_RULES & {f.code for f in report.findings}


def _period_end(name: str) -> int | None:
    gold = json.loads((GOLD / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
    period = gold["document"].get("period") or {}
    end = period.get("end")
    return int(end) if end else None


@pytest.mark.parametrize("name", BUNDLED)
def test_a_target_due_after_the_period_whose_year_heads_the_sentence(
    name: str, minter: IriMinter
) -> None:
    text = (CORPUS / name).read_text(encoding="utf-8")
    end = _period_end(name)
    assert end is not None
    gold = json.loads((GOLD / name.replace(".txt", ".json")).read_text(encoding="utf-8"))
    # after the line of the plan's first target, a new item whose year heads the sentence
    first = gold["targets"][0]["text"][:40]
    at = text.index("\n", text.index(first[:25])) + 1
    late = f"\n- Đến năm {end + 5}, đào tạo 20 chuyên gia năng suất chất lượng đạt chuẩn.\n"
    report = _check(text[:at] + late + text[at:], minter, name)
    assert any(str(end + 5) in m for m in _found(report, "TargetDueOutsidePeriod")), name
    # a near miss: the same sentence due within the period
    inside = late.replace(str(end + 5), str(end))
    near = _check(text[:at] + inside + text[at:], minter, name)
    assert not _found(near, "TargetDueOutsidePeriod")


HEALTH_PLAN = """ỦY BAN NHÂN DÂN
TỈNH HÀ GIANG
Số: 88/KH-UBND
Hà Giang, ngày 12 tháng 5 năm 2025

KẾ HOẠCH
Phát triển y tế cơ sở giai đoạn 2025 - 2027

Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;

I. MỤC TIÊU
1. Mục tiêu cụ thể
a) Năm 2026:
- 95% trạm y tế xã có bác sĩ làm việc.
b) Đến năm 2027:
- 100% trạm y tế xã đạt Bộ tiêu chí quốc gia về y tế xã.
- Đến năm 2030, 100% người dân được quản lý sức khỏe điện tử.
II. TỔ CHỨC THỰC HIỆN
Sở Y tế chủ trì triển khai Kế hoạch này.
"""


def test_a_late_target_in_a_plan_of_another_layout(minter: IriMinter) -> None:
    found = _found(_check(HEALTH_PLAN, minter), "TargetDueOutsidePeriod")
    assert len(found) == 1 and "2030" in found[0] and "2025–2027" in found[0]
    fixed = HEALTH_PLAN.replace("Đến năm 2030, 100% người dân", "Đến năm 2027, 100% người dân")
    assert not _found(_check(fixed, minter), "TargetDueOutsidePeriod")


def _without_the_decision(text: str) -> str:
    """The Tuyên Quang plan with every citation of QĐ 1322 taken out: it names the national
    programme by its title only."""
    text = re.sub(r"Thực hiện Quyết định số 1322/QĐ-TTg[^\n]*\n", "", text)
    text = text.replace(
        "tại Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt "
        "Chương trình",
        "của Chương trình",
    )
    return text.replace(
        ", đáp ứng theo đúng Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ", ""
    )


def test_a_bundled_plan_naming_the_programme_by_its_title_only(minter: IriMinter) -> None:
    text = (CORPUS / "tuyen-quang_60-kh-ubnd_2022.txt").read_text(encoding="utf-8")
    faulty = _without_the_decision(text)
    assert "1322" not in faulty
    report = _check(faulty, minter)
    assert _found(report, "NoHigherInstrument")
    (told,) = _found(report, "ProgrammeApprovalNotCited")
    assert "1322/QĐ-TTg" in told and "2020-08-31" in told


DECISION = """ỦY BAN NHÂN DÂN
TỈNH LẠNG SƠN
Số: 512/QĐ-UBND
Lạng Sơn, ngày 03 tháng 4 năm 2024

QUYẾT ĐỊNH
Ban hành Kế hoạch triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 trên địa bàn tỉnh Lạng Sơn

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN

Theo đề nghị của Giám đốc Sở Khoa học và Công nghệ.

QUYẾT ĐỊNH:

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch triển khai Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030 trên địa bàn tỉnh Lạng Sơn giai đoạn 2024 - 2030.

Điều 2. Giám đốc Sở Khoa học và Công nghệ chịu trách nhiệm thi hành Quyết định này.
"""  # noqa: E501


def test_a_decision_of_another_province_naming_the_programme(minter: IriMinter) -> None:
    report = _check(DECISION, minter)
    assert _found(report, "NoHigherInstrument")
    (told,) = _found(report, "ProgrammeApprovalNotCited")
    assert "1322/QĐ-TTg" in told
    # a near miss: the same decision citing the decision that approved the programme
    cited = DECISION.replace(
        "Theo đề nghị",
        "Căn cứ Quyết định số 1322/QĐ-TTg ngày 31/8/2020 của Thủ tướng Chính phủ phê duyệt "
        "Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, "
        "hàng hóa giai đoạn 2021-2030;\n\nTheo đề nghị",
    )
    report = _check(cited, minter)
    assert not _found(report, "NoHigherInstrument")
    assert not _found(report, "ProgrammeApprovalNotCited")
