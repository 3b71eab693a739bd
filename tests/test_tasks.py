"""Tasks: invented plans and the bundled corpus against the gold (lead/coordinating)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from policykg.ingest.tasks import extract_tasks, task_themes
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))

PLAN = """Số: 12/KH-UBND

Hà Tĩnh, ngày 02 tháng 3 năm 2022

KẾ HOẠCH

Nâng cao năng suất giai đoạn 2022 - 2025

I. MỤC TIÊU

Nâng cao năng suất.

II. NHIỆM VỤ, GIẢI PHÁP

1. Tuyên truyền về năng suất, chất lượng.

a) Cơ quan chủ trì: Sở Khoa học và Công nghệ, Sở Lao động Thương binh và Xã hội và các cơ quan, đơn vị có liên quan.

b) Cơ quan phối hợp: Báo Hà Tĩnh, các cơ quan, đơn vị có liên quan.

c) Thời gian thực hiện: Hằng năm.

d) Sản phẩm:

- Các chương trình truyền thông được phát sóng;

2. Hỗ trợ doanh nghiệp áp dụng hệ thống truy xuất nguồn gốc

- Phối hợp với Bộ Khoa học và Công nghệ và các cơ quan có liên quan hỗ trợ doanh nghiệp.

- Thời gian thực hiện: giai đoạn 2022 - 2025.

III. TỔ CHỨC THỰC HIỆN

1. Sở Tài chính

Bố trí kinh phí.

Phụ lục

STT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp
1\tTuyên truyền về năng suất, chất lượng\tSở Thông tin và Truyền thông\tĐài Phát thanh và Truyền hình tỉnh
2\tHỗ trợ doanh nghiệp áp dụng hệ thống truy xuất nguồn gốc\tCác Sở: Công Thương; Y tế\tHội Doanh nhân trẻ tỉnh
"""  # noqa: E501


def ref(kind: str, scope: str = "Hà Tĩnh") -> dict[str, str]:
    return {"kind": kind, "scope": scope}


def test_invented_plan() -> None:
    tasks = extract_tasks(parse(PLAN), province="Hà Tĩnh")
    assert [t["ref"] for t in tasks] == ["II.1", "II.2"]
    one, two = tasks
    assert one["title"] == "Tuyên truyền về năng suất, chất lượng"
    assert one["lead"] == [ref("so_khcn"), ref("so_ldtbxh"), ref("so_tttt")]
    assert one["coordinating"] == [ref("bao_tinh"), ref("dai_ptth")]
    assert one["timeframe"] == "annual"
    assert one["deliverables"] == ["Các chương trình truyền thông được phát sóng"]
    assert one["themes"] == ["communication"]
    assert two["lead"] == [ref("so_ct"), ref("so_yt")]
    assert two["coordinating"] == [ref("bo_khcn", "national"), ref("hoi_dn_tre")]
    assert two["timeframe"] == "2022-2025"
    assert two["deliverables"] == []
    assert set(two["themes"]) == {"enterprise_support", "traceability"}


def test_themes_follow_what_the_task_does() -> None:
    assert task_themes("Đào tạo nguồn nhân lực", ["- Phổ biến các văn bản pháp luật mới"]) == [
        "training",
        "communication",
    ]
    # a topic that is only communicated about adds no theme
    assert task_themes(
        "Thông tin, tuyên truyền", ["- Tổ chức tuyên truyền về truy xuất nguồn gốc"]
    ) == ["communication"]
    assert task_themes("Tăng cường năng lực", ["- Xây dựng cơ sở dữ liệu về tiêu chuẩn"]) == [
        "data_information"
    ]


def _pairs(tasks: list[dict[str, object]]) -> set[tuple[object, ...]]:
    out: set[tuple[object, ...]] = set()
    for t in tasks:
        for role in ("lead", "coordinating"):
            for a in t[role]:  # type: ignore[attr-defined]
                out.add((t["ref"], role, a["kind"], a["scope"]))
    return out


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_corpus_tasks_match_gold(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "corpus" / gold["source"]).read_text(encoding="utf-8")
    nfd = parse(unicodedata.normalize("NFD", text))
    assert _pairs(extract_tasks(nfd, province=gold["document"]["place"])) == _pairs(gold["tasks"])
    got = extract_tasks(parse(text), province=gold["document"]["place"])
    assert [t["ref"] for t in got] == [t["ref"] for t in gold["tasks"]]
    assert [t["title"] for t in got] == [t["title"] for t in gold["tasks"]]
    assert _pairs(got) == _pairs(gold["tasks"])
    assert [t["timeframe"] for t in got] == [t["timeframe"] for t in gold["tasks"]]
    assert [t["deliverables"] for t in got] == [t["deliverables"] for t in gold["tasks"]]
    assert [set(t["themes"]) for t in got] == [set(t["themes"]) for t in gold["tasks"]]
