"""Themes of a task: keyword rules over its title and items (the open list of SCHEMA.md).

The first-corpus codes (policy, communication, recognition, enterprise_support, training,
standards_conformity, traceability, international_cooperation, science_technology,
data_information, support_network) and the codes added for other domains (inspection,
finance, digital_transformation, administrative_reform, organization, infrastructure,
social_policy, planning, environment_resources, health, education, security_defense).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.ingest.reading import diacritic_key
from policykg.ingest.text import clean

__all__ = ["task_themes"]

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
