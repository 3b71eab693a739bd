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
#: Codes for other domains, read from a task's title (its own words, not its bullets').
_DOMAIN_WORDS: dict[str, tuple[str, ...]] = {
    "inspection": ("thanh tra", "kiểm tra", "giám sát"),
    "finance": ("kinh phí", "ngân sách", "nguồn vốn", "phân bổ vốn", "kế hoạch vốn", "tài chính"),
    "digital_transformation": (
        "chuyển đổi số", "công nghệ thông tin", "nền tảng số", "dịch vụ công trực tuyến",
        "chính phủ số", "kinh tế số",
    ),
    "administrative_reform": ("cải cách hành chính", "thủ tục hành chính"),
    "organization": ("tổ chức bộ máy", "biên chế", "sắp xếp", "kiện toàn", "cán bộ, công chức"),
    "infrastructure": ("hạ tầng", "đầu tư xây dựng", "xây dựng công trình", "cơ sở vật chất"),
    "social_policy": (
        "an sinh xã hội", "người có công", "bảo hiểm", "trợ giúp xã hội", "bảo trợ xã hội",
        "trợ cấp",
    ),
    "planning": ("quy hoạch", "kế hoạch sử dụng đất"),
    "environment_resources": (
        "tài nguyên", "môi trường", "khoáng sản", "đất đai", "biến đổi khí hậu",
    ),
    "health": ("y tế", "sức khỏe", "khám chữa bệnh", "bệnh viện"),
    "education": ("giáo dục", "trường học", "học sinh"),
    "security_defense": ("quốc phòng", "an ninh", "trật tự"),
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


_BODY_NAME = re.compile(
    r"(?:Bộ|Sở|Ban|Cục|Vụ|Viện|Ủy ban|Uỷ ban|UBND|Ngân hàng|Văn phòng|Tổng cục|Kho bạc|Thanh tra)"
    r"(?:\s+(?:và\s+|-\s+)?[A-ZĐÀ-Ỹ][\wÀ-ỹ]*,?)+"
)


def _has(text: str, word: str) -> bool:
    return re.search(rf"(?<![\wà-ỹ]){re.escape(word)}(?![\wà-ỹ])", text) is not None


def _first_words(s: str, n: int = 9) -> str:
    return " ".join(s.split()[:n])


def task_themes(title: str, items: Sequence[str]) -> list[str]:
    """Theme codes of a task from its title and its items (keyword rules); the codes of
    other domains (inspection, finance, ...) from its title only.

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
    # names of bodies are not activities ("Sở Tài chính", "Bộ Tài nguyên và Môi trường");
    # a title that is only a body's name leaves the domain to the task's items
    own = diacritic_key(_BODY_NAME.sub(" ", clean(title)))
    texts = [own] if len(own.split()) >= 4 else [own, *(diacritic_key(clean(i)) for i in items[:2])]
    for code, words in _DOMAIN_WORDS.items():
        if any(_has(x, w) for x in texts for w in words):
            add(code)
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
