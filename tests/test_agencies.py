"""Agency gazetteer: invented snippets and the bundled corpus against the gold."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from policykg.ingest.agencies import agencies_of, agency_kinds, extract_agencies, find_agencies
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))
SCHEMA_CODES = {
    "ubnd_tinh", "hdnd_tinh", "so_khcn", "so_tc", "so_khdt", "so_ct", "so_nnptnt", "so_ldtbxh",
    "so_nv", "so_tttt", "so_yt", "so_xd", "so_gtvt", "so_tnmt", "so_gddt", "so_nnmt",
    "so_vhttdl", "so_vhtt", "so_dl", "chi_cuc_tcdlcl", "ban_tdkt", "bql_kkt", "bao_tinh",
    "dai_ptth", "hiep_hoi_dn", "hoi_dn_tre", "lien_minh_htx", "hoi_nong_dan", "hoi_phu_nu",
    "ubnd_huyen", "ubnd_xa", "truong_dh_cd", "doanh_nghiep", "thu_tuong", "chinh_phu",
    "quoc_hoi", "bo_khcn", "bo_tc", "tong_cuc_tcdlcl", "uy_ban_tcdlcl", "bo_nnmt", "bo_ct",
    "bo_nv", "cuc_cong_tac_phia_nam", "apo", "other",
}  # fmt: skip


def kinds(text: str, province: str | None = "Hà Tĩnh") -> list[tuple[str, str | None]]:
    return [(m.kind, m.scope) for m in find_agencies(text, province=province)]


def test_every_schema_code_is_a_concept_with_labels() -> None:
    ak = agency_kinds()
    assert set(ak) >= SCHEMA_CODES
    for code in SCHEMA_CODES - {"other"}:
        assert ak[code]["labels"], code
        assert ak[code]["level"] in {"provincial", "national", "international", "collective"}


@pytest.mark.parametrize(
    "text",
    [
        "Sở Lao động - Thương binh và Xã hội",
        "Sở Lao động, Thương binh và Xã hội",
        "Sở Lao động Thương binh và Xã hội",
        "Sở LĐ-TB&XH",
        "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        "Sở Lao\n\n\nđộng, Thương binh và Xã hội",
    ],
)
def test_variants_of_one_name(text: str) -> None:
    assert kinds(text) == [("so_ldtbxh", "Hà Tĩnh")]
    assert kinds(unicodedata.normalize("NFD", text)) == [("so_ldtbxh", "Hà Tĩnh")]


def test_old_tone_placement_and_scopes() -> None:
    got = kinds("Uỷ ban nhân dân tỉnh giao Bộ KH&CN và Tổ chức Năng suất Châu Á")
    assert got == [("ubnd_tinh", "Hà Tĩnh"), ("bo_khcn", "national"), ("apo", "international")]


def test_offsets_point_into_the_original_nfd_text() -> None:
    text = unicodedata.normalize("NFD", "Giao Sở Y tế chủ trì.")
    (m,) = find_agencies(text, province="Hà Tĩnh")
    assert unicodedata.normalize("NFC", text[m.start : m.end]) == "Sở Y tế"


def test_enumerations_are_expanded() -> None:
    got = kinds("Các sở: Công Thương, Y tế, Xây dựng chủ động triển khai.")
    assert got == [("so_ct", "Hà Tĩnh"), ("so_yt", "Hà Tĩnh"), ("so_xd", "Hà Tĩnh")]
    got = kinds("Giám đốc các Sở: Kế hoạch và Đầu tư, Tài chính; Chủ tịch UBND các huyện")
    assert got == [("so_khdt", "Hà Tĩnh"), ("so_tc", "Hà Tĩnh"), ("ubnd_huyen", "Hà Tĩnh")]
    got = kinds("Các sở: Văn hóa và Thể thao, Du lịch, Giáo dục và Đào tạo:")
    assert got == [("so_vhtt", "Hà Tĩnh"), ("so_dl", "Hà Tĩnh"), ("so_gddt", "Hà Tĩnh")]


def test_bare_names_need_a_list_and_a_capital() -> None:
    assert kinds("xây dựng kế hoạch về y tế và du lịch") == []
    assert kinds("Sở Tài chính, Kế hoạch và Đầu tư") == [
        ("so_tc", "Hà Tĩnh"),
        ("so_khdt", "Hà Tĩnh"),
    ]
    assert kinds("Sở Khoa học và Công nghệ xây dựng kế hoạch") == [("so_khcn", "Hà Tĩnh")]


def test_collective_mentions_are_not_agencies() -> None:
    assert kinds("Các sở, ban, ngành và các cơ quan, đơn vị có liên quan") == []


def test_symbols_law_titles_and_province_names() -> None:
    assert kinds("Tờ trình số 311/TTr-\nSKHĐT ngày 18/12/2021") == []
    assert kinds("Luật Tổ chức Chính phủ ngày 19/6/2015") == []
    assert kinds("Báo Hà Tĩnh, Đài Phát thanh - Truyền hình Hà Tĩnh") == [
        ("bao_tinh", "Hà Tĩnh"),
        ("dai_ptth", "Hà Tĩnh"),
    ]
    assert kinds("Sở Y tế tỉnh Nghệ An") == [("so_yt", "Nghệ An")]
    assert kinds("Sở Y tế", province=None) == [("so_yt", None)]


def test_document_level_list_keeps_roles_and_skips_recipients() -> None:
    text = (
        "UBND tỉnh ban hành Kế hoạch.\n1. Sở Y tế\nPhối hợp các trường đại học, cao đẳng.\n"
        "Hỗ trợ các doanh nghiệp áp dụng.\n2. Các tổ chức, doanh nghiệp\nTham gia.\n"
        "Nơi nhận:\n- Bộ Tài chính;\n"
    )
    got = extract_agencies(text, province="Hà Tĩnh")
    assert [(a["kind"], a["scope"]) for a in got] == [
        ("ubnd_tinh", "Hà Tĩnh"),
        ("so_yt", "Hà Tĩnh"),
        ("truong_dh_cd", "Hà Tĩnh"),
        ("doanh_nghiep", "Hà Tĩnh"),
    ]
    first = got[1]
    assert text[first["_span"][0] : first["_span"][1]] == "Sở Y tế"
    assert first["mentions"] == ["Sở Y tế"]


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.stem)
def test_corpus_agencies_match_gold(gold_path: Path, form: str) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = (ROOT / "corpus" / gold["source"]).read_text(encoding="utf-8")
    text = unicodedata.normalize(form, text.replace("Ủy", "Uỷ"))  # type: ignore[arg-type]
    got = agencies_of(parse(text), province=gold["document"]["place"])
    assert {(a["kind"], a["scope"]) for a in got} == {
        (a["kind"], a["scope"]) for a in gold["agencies"]
    }
