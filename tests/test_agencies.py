"""Agency gazetteer: invented snippets and the bundled corpus against the gold."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from policykg.ingest.agencies import (
    agencies_of,
    agency_kinds,
    extract_agencies,
    find_agencies,
)
from policykg.ingest.header import extract_document
from policykg.ingest.text import parse
from policykg.ontology.register import register

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


# --- the register: every body under every name it is written with -------------------------

REG = register()


def _written(code: str) -> list[str]:
    b = REG.bodies[code]
    return [b.name_vi, *b.abbreviations, *b.variants]


@pytest.mark.parametrize(
    "code",
    [b.code for b in REG.bodies.values() if b.level in ("national", "provincial", "international")],
)
def test_every_register_body_is_found_under_its_names(code: str) -> None:
    body = REG.bodies[code]
    for name in _written(code):
        found = find_agencies(f"Giao {name} chủ trì thực hiện.", province="Hà Tĩnh")
        assert found, (code, name)
        m = found[0]
        assert m.code == code, (code, name, m)
        # a code of SCHEMA.md as it is; a register body without one is "other", named
        if body.schema:
            assert m.kind == code
        else:
            assert (m.kind, m.name) == ("other", name)
        want = "Hà Tĩnh" if body.level == "provincial" else body.level
        assert m.scope == want, (code, name, m.scope)


@pytest.mark.parametrize("head", ["Sở", "Bộ"])
def test_enumerations_expand_for_every_department_and_ministry(head: str) -> None:
    level = "provincial" if head == "Sở" else "national"
    codes = [
        b.code
        for b in REG.bodies.values()
        if b.level == level and b.schema and b.name_vi.startswith(head + " ") and not b.end
    ]
    assert len(codes) >= 10
    cores = [REG.bodies[c].name_vi[len(head) + 1 :] for c in codes]
    got = kinds(f"Giám đốc các {head}: " + ", ".join(cores) + " chủ trì.")
    assert [k for k, _ in got] == codes


def test_register_bodies_beyond_the_first_corpus() -> None:
    text = (
        "Giao Sở Tư pháp, Công an tỉnh, Bộ Chỉ huy Quân sự tỉnh, BCHQS tỉnh, Ủy ban MTTQ "
        "Việt Nam tỉnh, Tỉnh đoàn, Liên đoàn Lao động tỉnh, Cục Thuế tỉnh phối hợp."
    )
    assert [k for k, _ in kinds(text)] == [
        "so_tp", "cong_an_tinh", "bchqs_tinh", "bchqs_tinh", "mttq_tinh", "tinh_doan",
        "ldld_tinh", "thue_tinh",
    ]  # fmt: skip
    assert kinds("Bộ Tư pháp, Ủy ban Dân tộc, Ngân hàng Nhà nước Việt Nam, Bộ LĐ-TB&XH") == [
        ("bo_tp", "national"),
        ("ubdt", "national"),
        ("nhnn", "national"),
        ("bo_ldtbxh", "national"),
    ]
    # a body of another province is scoped to it
    assert kinds("Sở Tư pháp tỉnh Lào Cai và Công an tỉnh Yên Bái") == [
        ("so_tp", "Lào Cai"),
        ("cong_an_tinh", "Yên Bái"),
    ]


def test_names_used_in_the_centrally_governed_cities() -> None:
    text = "Thành ủy, Ủy ban nhân dân Thành phố và Kho bạc Nhà nước Thành phố phối hợp."
    assert kinds(text, province="Hà Nội") == [
        ("tinh_uy", "Hà Nội"),
        ("ubnd_tinh", "Hà Nội"),
        ("kbnn_tinh", "Hà Nội"),
    ]
    # in a province, a "Thành ủy" is a district-level city's
    assert ("tinh_uy", "Nghệ An") not in kinds("Thành ủy Vinh chỉ đạo.", province="Nghệ An")
    assert kinds("Ủy ban nhân dân thành phố Hà Nội", province="Nghệ An") == [
        ("ubnd_tinh", "Hà Nội")
    ]


def test_bodies_below_the_province() -> None:
    def named(text: str) -> list[tuple[str, str | None]]:
        return [(m.kind, m.name) for m in find_agencies(text, province="Tây Ninh")]

    assert named("Theo đề nghị của UBND huyện Châu Thành tại Tờ trình") == [
        ("other", "UBND huyện Châu Thành")
    ]
    assert named("Ủy ban nhân dân các cấp") == [("other", "Ủy ban nhân dân các cấp")]
    assert named("Ủy ban nhân dân quận, huyện") == [("ubnd_huyen", None)]
    assert named("Ủy ban nhân dân xã, phường, thị trấn") == [("ubnd_xa", None)]
    assert named("Kho bạc Nhà nước quận - huyện") == [("other", "Kho bạc Nhà nước quận - huyện")]


def test_bodies_the_register_does_not_hold_are_kept_as_other() -> None:
    text = (
        "1. Vụ Pháp chế chủ trì, phối hợp với Cục Quản lý tài nguyên nước và Trung tâm "
        "Xúc tiến đầu tư.\n2. Giao Ban Chỉ đạo Trung ương về phòng, chống tham nhũng theo dõi."
        "\nCăn cứ ý kiến của Viện Nghiên cứu. Cục Thống kê tiếp tục thực hiện."
    )
    got = extract_agencies(text, province="national")
    names = [a.get("name") for a in got if a["kind"] == "other"]
    assert names == [
        "Vụ Pháp chế",
        "Cục Quản lý tài nguyên nước",
        "Trung tâm Xúc tiến đầu tư",
        "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng",
        "Cục Thống kê",
    ]
    # a body mentioned without a role is not listed; a title in capitals is no body
    assert all(n != "Viện Nghiên cứu" for n in names)
    assert extract_agencies("QUY ĐỊNH CHUNG\nBÁO CÁO KẾT QUẢ", province="Hà Tĩnh") == []


@pytest.mark.parametrize(
    "block, issuer",
    [
        ("THỦ TƯỚNG CHÍNH PHỦ", {"kind": "thu_tuong", "scope": "national"}),
        ("CHÍNH PHỦ", {"kind": "chinh_phu", "scope": "national"}),
        ("BỘ Y TẾ", {"kind": "bo_yt", "scope": "national"}),
        ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI", {"kind": "ubnd_tinh", "scope": "Hà Nội"}),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN", {"kind": "ubnd_tinh", "scope": "Nghệ An"}),
        ("UBND TỈNH LÀO CAI\nSỞ TƯ PHÁP", {"kind": "so_tp", "scope": "Lào Cai"}),
        ("ĐẢNG CỘNG SẢN VIỆT NAM\nTỈNH ỦY YÊN BÁI", {"kind": "tinh_uy", "scope": "Yên Bái"}),
        ("BỘ TRƯỞNG BỘ Y TẾ", {"kind": "bo_yt", "scope": "national"}),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG ĐOÀN QUỐC HỘI",
            {"kind": "other", "scope": "national", "name": "Đảng đoàn Quốc hội"},
        ),
        # a joint block: the first body issues
        ("BỘ TÀI CHÍNH - BỘ NỘI VỤ", {"kind": "bo_tc", "scope": "national"}),
        ("BỘ TÀI CHÍNH\nBỘ NỘI VỤ", {"kind": "bo_tc", "scope": "national"}),
        ("LIÊN BỘ TÀI CHÍNH - NỘI VỤ", {"kind": "bo_tc", "scope": "national"}),
        (
            "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI - BỘ Y TẾ",
            {"kind": "bo_ldtbxh", "scope": "national"},
        ),
        # a people's committee and the Front issuing a joint regulation
        (
            "ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK",
            {"kind": "ubnd_tinh", "scope": "Đắk Lắk"},
        ),
    ],
)
def test_the_issuer_is_its_body_in_the_register(block: str, issuer: dict[str, str]) -> None:
    text = (
        f"{block} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 12/QĐ-X\nHà Nội, ngày 01 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc ban hành\n"
        "Đảng đoàn Quốc hội, Sở Tư pháp ban hành Quyết định.\n"
    )
    assert extract_document(parse(text))["issuer"] == issuer


def test_places_that_stand_for_their_government() -> None:
    table = (
        "| TT | Đơn vị | Vốn |\n| I | HUYỆN PHÙ CÁT | 4.000 |\n"
        "| 1 | Trường Mầm non Cát Tân | 800 |\n| II | THỊ XÃ AN NHƠN | 3.000 |\n"
    )
    got = [(m.kind, m.name) for m in find_agencies(table, province="Bình Định")]
    assert got == [("other", "HUYỆN PHÙ CÁT"), ("other", "THỊ XÃ AN NHƠN")]
    # communes heading the columns of a land-use table are places, not bodies
    assert find_agencies("| Chỉ tiêu | Xã Trí Bình | Xã Thái Bình |\n", province="Tây Ninh") == []
    text = "Bộ Y tế chủ trì, phối hợp với các địa phương Bắc Ninh, Bình Dương và An Giang."
    assert kinds(text, province="national") == [
        ("bo_yt", "national"),
        ("ubnd_tinh", "Bắc Ninh"),
        ("ubnd_tinh", "Bình Dương"),
        ("ubnd_tinh", "An Giang"),
    ]


def test_the_execution_clause_lists_its_bodies() -> None:
    text = (
        "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Y tế; Chủ tịch UBND "
        "các huyện; Trung tâm Y tế, Phòng Giáo dục và Đào tạo các huyện, thị xã và Thủ trưởng "
        "các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này.\n"
    )
    got = extract_agencies(text, province="Bình Định")
    assert [(a["kind"], a.get("name")) for a in got] == [
        ("vp_ubnd", None),
        ("so_tc", None),
        ("so_yt", None),
        ("ubnd_huyen", None),
        ("other", "Trung tâm Y tế"),
        ("other", "Phòng Giáo dục và Đào tạo các huyện, thị xã"),
    ]


# --- enumerations, levels and every province ------------------------------------------------


def listed(text: str, province: str | None) -> list[tuple[str, str | None, str | None]]:
    return [
        (a["kind"], a["scope"], a.get("name")) for a in extract_agencies(text, province=province)
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        (
            "Chủ trì, phối hợp với các Bộ, ngành liên quan: Tài chính, Lao động - Thương binh "
            "và Xã hội hướng dẫn các địa phương.",
            ["bo_tc", "bo_ldtbxh"],
        ),
        (
            "Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ: Công an, Quốc phòng, Ngân hàng "
            "Nhà nước Việt Nam, Thanh tra Chính phủ chủ động triển khai.",
            ["bo_ca", "bo_qp", "nhnn", "ttcp"],
        ),
        (
            "Bộ trưởng các Bộ: Công an, Quốc phòng, Lao động - Thương binh và Xã hội chịu trách "
            "nhiệm thi hành Quyết định này.",
            ["bo_ca", "bo_qp", "bo_ldtbxh"],
        ),
    ],
)
def test_enumerations_after_a_collective_head(text: str, want: list[str]) -> None:
    assert [k for k, _ in kinds(text, province="national")] == want


def test_a_named_district_committee_inside_a_list_of_departments() -> None:
    text = (
        "Sở Tài nguyên và Môi trường, UBND huyện Châu Thành, Văn phòng UBND tỉnh có trách "
        "nhiệm tổ chức thực hiện."
    )
    assert listed(text, "Tây Ninh") == [
        ("so_tnmt", "Tây Ninh", None),
        ("other", "Tây Ninh", "UBND huyện Châu Thành"),
        ("vp_ubnd", "Tây Ninh", None),
    ]


@pytest.mark.parametrize(
    "text, want",
    [
        ("UBND cấp huyện, cấp xã có trách nhiệm thực hiện.", ["ubnd_huyen", "ubnd_xa"]),
        (
            "Ủy ban nhân dân cấp tỉnh, cấp huyện và cấp xã có trách nhiệm bố trí kinh phí.",
            ["ubnd_tinh", "ubnd_huyen", "ubnd_xa"],
        ),
        ("Chủ tịch UBND cấp xã, cấp huyện chịu trách nhiệm.", ["ubnd_xa", "ubnd_huyen"]),
    ],
)
def test_committees_named_by_their_levels_are_one_actor_each(text: str, want: list[str]) -> None:
    assert kinds(text, province="national") == [(k, "national") for k in want]
    assert kinds(text, province="Bắc Giang") == [(k, "Bắc Giang") for k in want]


def test_every_province_in_a_national_text() -> None:
    text = (
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương; Giám đốc Sở TN&MT "
        "các tỉnh, thành phố trực thuộc TW; Sở Lao động - Thương binh và Xã hội các địa phương "
        "chịu trách nhiệm thi hành."
    )
    assert kinds(text, province="national") == [
        ("ubnd_tinh", "national"),
        ("so_tnmt", "national"),
        ("so_ldtbxh", "national"),
    ]
    # the provinces alone stand for their committees where they are given a role
    assert listed("Các tỉnh, thành phố trực thuộc TW chủ động bố trí kinh phí.", "national") == [
        ("ubnd_tinh", "national", None)
    ]
    assert listed("Nhà ở trên địa bàn các tỉnh, thành phố trực thuộc Trung ương.", "national") == []
    # named provinces are each their own committee
    assert kinds("UBND các tỉnh Bắc Ninh, Bình Dương chủ trì.", province="national") == [
        ("ubnd_tinh", "Bắc Ninh"),
        ("ubnd_tinh", "Bình Dương"),
    ]


def test_every_province_in_a_provincial_text_needs_a_role() -> None:
    text = (
        "Căn cứ Thông tư số 02/2025/TT-BCT của Bộ Công Thương hướng dẫn chức năng của cơ quan "
        "chuyên môn thuộc Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương;\n"
    )
    assert listed(text, "Lào Cai") == [("bo_ct", "national", None)]


# --- generic names of the vertical systems ------------------------------------------------------


def test_the_branches_of_national_systems_named_without_their_province() -> None:
    text = "a) Cục Thuế có trách nhiệm:\n- Phối hợp với Cục Thống kê, cơ quan bảo hiểm xã hội."
    assert kinds(text, province="Thanh Hóa") == [
        ("thue_tinh", "Thanh Hóa"),
        ("thong_ke_tinh", "Thanh Hóa"),
        ("bhxh_tinh", "Thanh Hóa"),
    ]
    # in a national text "Cục Thuế" is the central department; "cơ quan thuế" every local one
    text = "Cục Thuế hướng dẫn; cơ quan thuế quản lý trực tiếp có trách nhiệm kiểm tra."
    assert listed(text, "national") == [
        ("other", "national", "Cục Thuế"),
        ("thue_tinh", "national", None),
    ]


def test_generic_names_at_a_level_and_in_forms() -> None:
    assert listed("Cơ quan thuế các cấp có trách nhiệm kiểm tra.", "Hà Tĩnh") == [
        ("other", "Hà Tĩnh", "Cơ quan thuế các cấp")
    ]
    assert listed("Cơ quan thống kê cấp huyện có trách nhiệm thu thập.", "national") == [
        ("other", "national", "Cơ quan thống kê cấp huyện")
    ]
    text = "Cơ quan LĐTBXH có trách nhiệm lập danh sách gửi cơ quan LĐTBXH địa phương."
    assert listed(text, "national") == [("other", "national", "Cơ quan LĐTBXH")]
    # a generic name without a role, and a form's field, are no agencies
    assert listed("Thu nhập được kết nối với hệ thống của cơ quan thuế.", "Hà Tĩnh") == []
    assert listed("Ngày cấp: ............; Cơ quan cấp: ...............", "national") == []
    assert listed("Hồ sơ gửi cơ quan thuế, cơ quan BHXH theo quy định.", "Hà Tĩnh") == [
        ("thue_tinh", "Hà Tĩnh", None),
        ("bhxh_tinh", "Hà Tĩnh", None),
    ]


# --- enterprises and investors given a duty -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp có trách nhiệm báo cáo Sở Công "
        "Thương.",
        "5. Trách nhiệm của chủ đầu tư hạ tầng kỹ thuật cụm công nghiệp:\n",
        "a) Định kỳ trước ngày 20 tháng 6 và trước ngày 20 tháng 12 hằng năm, các tổ chức, cá "
        "nhân đầu tư sản xuất kinh doanh trong cụm công nghiệp báo cáo tình hình hoạt động.",
        "Đồng thời yêu cầu các tổ chức, cá nhân hoạt động khoáng sản chấp hành đầy đủ các quy "
        "định của pháp luật.",
        "b) Trách nhiệm của các nhà đầu tư thứ cấp trong cụm công nghiệp: Sử dụng các dịch vụ.",
        "Tổ chức làm nhiệm vụ bồi thường lập phương án; chủ dự án chủ trì phối hợp với chính "
        "quyền địa phương tổ chức di chuyển.",
        "| 138. | Lập các cơ sở nghiên cứu | Tập đoàn, doanh nghiệp công nghệ số | Bộ Tài chính |",
        "Ủy ban nhân dân tỉnh giao cho chủ đầu tư xây dựng hạ tầng kỹ thuật được lựa chọn để "
        "quản lý, vận hành.",
    ],
)
def test_enterprises_given_a_duty_are_one_actor(text: str) -> None:
    assert ("doanh_nghiep", "Lào Cai", None) in listed(text, "Lào Cai")


@pytest.mark.parametrize(
    "text",
    [
        "Hỗ trợ doanh nghiệp áp dụng tiêu chuẩn; cấp giấy chứng nhận cho nhà đầu tư hạ tầng.",
        "6. Thúc đẩy doanh nghiệp công nghệ số thực hiện mua bán, sáp nhập.",
        "Nghiên cứu phương án khoán hoặc thuê doanh nghiệp thực hiện.",
        "Nhân lực được đào tạo theo Đề án khác hoặc do chủ đầu tư dự án thực hiện.",
        "Giải phóng mặt bằng đối với diện tích đất đã có quyết định thu hồi giao chủ đầu tư "
        "xây dựng khu công nghiệp.",
        "Đối tượng áp dụng: các cơ quan quản lý nhà nước; chủ đầu tư xây dựng hạ tầng kỹ thuật "
        "cụm công nghiệp; các tổ chức, cá nhân đầu tư sản xuất, kinh doanh trong cụm công "
        "nghiệp.",
        "Sở Công Thương chủ trì, phối hợp với các doanh nghiệp liên quan thực hiện.",
        "Các doanh nghiệp nhỏ và vừa được hưởng chính sách hỗ trợ.",
    ],
)
def test_enterprises_named_as_beneficiaries_or_partners_are_not(text: str) -> None:
    assert all(k != "doanh_nghiep" for k, _, _ in listed(text, "Lào Cai"))
    # nor are they found as bodies for tasks and reports to take up
    named = [m for m in find_agencies(text, province="Lào Cai") if m.named]
    assert all(m.kind != "doanh_nghiep" for m in named)


# --- names of bodies the register does not hold ---------------------------------------------


def test_names_run_over_the_line_breaks_of_a_wrapped_paragraph() -> None:
    text = (
        "d) Giao các cơ sở đào tạo trọng điểm gồm: Đại học Bách Khoa Hà Nội, Trường Đại học\n"
        "Khoa học Tự nhiên - Đại học Quốc gia Thành phố Hồ Chí Minh, Trường Đại học Đà Lạt, Viện\n"
        "Năng lượng nguyên tử Việt Nam và các cơ sở do Bộ Khoa học và Công nghệ giao nhiệm vụ.\n"
    )
    assert [n for k, _, n in listed(text, "national") if k == "other"] == [
        "Đại học Bách Khoa Hà Nội",
        "Trường Đại học Khoa học Tự nhiên - Đại học Quốc gia Thành phố Hồ Chí Minh",
        "Trường Đại học Đà Lạt",
        "Viện Năng lượng nguyên tử Việt Nam",
    ]
    # a short line is a line of its own (a list, a header), not a wrapped one
    got = [m.name for m in find_agencies("Vụ Pháp chế\nphối hợp", province="national")]
    assert got == ["Vụ Pháp chế"]


def test_the_second_syllable_of_a_word_inside_a_name() -> None:
    got = [
        m.name for m in find_agencies("Trung tâm Truyền thông TN&MT chủ trì.", province="national")
    ]
    assert got == ["Trung tâm Truyền thông TN&MT"]
    got = [m.name for m in find_agencies("Cục Thuế có trách nhiệm hướng dẫn.", province="national")]
    assert got == ["Cục Thuế"]


def test_a_unit_of_a_named_district() -> None:
    text = "| 2 | Trung tâm Y tế huyện Phù Mỹ | 6.000 |\n| 3 | Phòng Kinh tế thị xã Mường Lay | 1 |"
    got = [m.name for m in find_agencies(text, province="Bình Định")]
    assert got == ["Trung tâm Y tế huyện Phù Mỹ", "Phòng Kinh tế thị xã Mường Lay"]


def test_bodies_inside_the_title_of_a_legal_ground_are_not_listed() -> None:
    text = (
        "Căn cứ Quyết định số 624/QĐ-TTg ngày 06 tháng 4 năm 2026 của Thủ\n"
        "tướng Chính phủ phê duyệt Đề án Tăng cường năng lực cho Cục An toàn bức\n"
        "xạ và hạt nhân phục vụ phát triển điện hạt nhân đến năm 2035;\n"
        "Căn cứ Thông tư số 02/2017/TT-VPCP ngày 31/10/2017 của Bộ trưởng, Chủ nhiệm Văn phòng "
        "Chính phủ hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính;\n"
        "Căn cứ Thông tư liên tịch số 47/2009/TTLT-BTC-BLĐTBXH của Bộ Tài chính, Bộ Lao động - "
        "Thương binh và Xã hội hướng dẫn chức năng của Sở Y tế; Theo đề nghị của Vụ trưởng Vụ "
        "Chính quyền địa phương;\n"
        "Căn cứ Kế hoạch này, Sở Xây dựng tổng hợp, báo cáo.\n"
    )
    assert [(k, n) for k, _, n in listed(text, "national")] == [
        ("thu_tuong", None),
        ("vpcp", None),
        ("bo_tc", None),
        ("bo_ldtbxh", None),
        ("other", "Vụ Chính quyền địa phương"),
        ("so_xd", None),
    ]


@pytest.mark.parametrize(
    "block, want",
    [
        ("ĐẢNG CỘNG SẢN VIỆT NAM\nBAN CHẤP HÀNH TRUNG ƯƠNG\nĐẢNG ĐOÀN QUỐC HỘI", ["other"]),
        ("UBND TỈNH LÀO CAI\nSỞ TƯ PHÁP", ["so_tp"]),
        ("BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ", ["other"]),
        ("BỘ TÀI CHÍNH - BỘ NỘI VỤ", ["bo_tc", "bo_nv"]),
        ("LIÊN BỘ TÀI CHÍNH - NỘI VỤ", ["bo_tc", "bo_nv"]),
        ("ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK", ["ubnd_tinh", "mttq_tinh"]),
    ],
)
def test_the_issuer_block_lists_the_issuer_and_its_co_issuers(block: str, want: list[str]) -> None:
    text = (
        f"{block}\nSố: 12/KH-X\nHà Nội, ngày 01 tháng 3 năm 2024\nKẾ HOẠCH\nVề việc ABC\n"
        "I. MỤC ĐÍCH\nTriển khai có hiệu quả.\n"
    )
    doc = parse(text)
    province = extract_document(doc)["issuer"]["scope"]
    assert [a["kind"] for a in agencies_of(doc, province=province)] == want
    # a parent the text gives a role is listed
    doc = parse(text + "Báo cáo Ủy ban nhân dân tỉnh Lào Cai kết quả thực hiện.\n")
    got = [a["kind"] for a in agencies_of(doc, province=province)]
    assert "ubnd_tinh" in got


def test_a_body_that_only_qualifies_the_bodies_under_it() -> None:
    text = (
        "Điều 10. Các Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, Thủ trưởng cơ quan thuộc Chính "
        "phủ, Chủ tịch Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương chịu trách nhiệm "
        "thi hành Quyết định này.\nCác đơn vị trực thuộc Sở Y tế triển khai thực hiện.\n"
    )
    assert listed(text, "national") == [("ubnd_tinh", "national", None)]


@pytest.mark.parametrize(
    "text, name",
    [
        (
            "Xét đề nghị của Ban Chỉ đạo điều phối phát triển các vùng kinh tế trọng điểm và Bộ "
            "trưởng Bộ Kế hoạch và Đầu tư,",
            "Ban Chỉ đạo điều phối phát triển các vùng kinh tế trọng điểm",
        ),
        (
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực chỉ đạo thực hiện.",
            "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực",
        ),
        (
            "Giao Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài tại Việt Nam chủ trì.",
            "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài",
        ),
        (
            "Ủy ban Quốc gia về chuyển đổi số có trách nhiệm đôn đốc.",
            "Ủy ban Quốc gia về chuyển đổi số",
        ),
        ("Đảng đoàn Quốc hội lãnh đạo, chỉ đạo thực hiện.", "Đảng đoàn Quốc hội"),
        (
            "Các đơn vị gửi báo cáo về Vụ Kế hoạch - Tài chính trước ngày 15 tháng cuối quý.",
            "Vụ Kế hoạch - Tài chính",
        ),
        (
            "Chánh Văn phòng Bộ, Vụ trưởng Vụ Kế hoạch - Tài chính, Thủ trưởng các đơn vị trực "
            "thuộc Bộ chịu trách nhiệm thi hành.",
            "Vụ Kế hoạch - Tài chính",
        ),
    ],
)
def test_where_the_name_of_a_body_outside_the_register_ends(text: str, name: str) -> None:
    assert name in [n for k, _, n in listed(text, "national") if k == "other"]


def test_what_a_report_is_about_is_not_the_name_of_its_recipient() -> None:
    text = (
        "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng chủ trì; các Bộ báo cáo Ban Chỉ đạo "
        "Trung ương về kết quả thực hiện."
    )
    got = listed(text, "national")
    assert got == [("other", "national", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng")]


@pytest.mark.parametrize(
    "text, want",
    [
        ("c) Các doanh nghiệp có trách nhiệm kê khai, nộp thuế đúng hạn.", ("doanh_nghiep", None)),
        (
            "3. Sở Tài chính, các chủ đầu tư khẩn trương đánh giá tình hình thực hiện.",
            ("doanh_nghiep", None),
        ),
        ("Hội đồng thẩm định có trách nhiệm thẩm định hồ sơ.", ("other", "Hội đồng thẩm định")),
        (
            "Văn phòng đăng ký quyền sử dụng đất có trách nhiệm chuyển thông tin.",
            ("other", "Văn phòng đăng ký quyền sử dụng đất"),
        ),
        (
            "2. Giám đốc các Ban Quản lý dự án chuyên ngành chịu trách nhiệm.",
            ("other", "Ban Quản lý dự án chuyên ngành"),
        ),
    ],
)
def test_duties_of_a_heading_item_or_after_an_adverb(
    text: str, want: tuple[str, str | None]
) -> None:
    assert want in [(k, n) for k, _, n in listed(text, "Thanh Hóa")]


def test_a_head_in_lower_case_with_a_describing_word_names_no_body() -> None:
    text = "Thành phần gồm lãnh đạo phòng quản lý chuyên môn có trách nhiệm."
    assert [m for m in find_agencies(text, province="Lào Cai") if m.kind == "other"] == []


def test_the_bodies_of_a_party_committee_council_or_front_carry_its_name() -> None:
    text = (
        "1. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì hướng dẫn việc học tập.\n"
        "2. Ban cán sự đảng UBND tỉnh lãnh đạo xây dựng kế hoạch hành động.\n"
        "3. Đảng đoàn HĐND tỉnh lãnh đạo ban hành các cơ chế, chính sách.\n"
        "4. Ủy ban Kiểm tra Tỉnh ủy chủ trì, phối hợp với Ban Tổ chức Tỉnh ủy kiểm tra.\n"
        "5. Đảng đoàn Ủy ban MTTQ tỉnh tuyên truyền, vận động.\n"
        "6. Văn phòng Tỉnh ủy theo dõi, tổng hợp.\n"
    )
    assert listed(text, "Hà Tĩnh") == [
        ("other", "Hà Tĩnh", "Ban Tuyên giáo và Dân vận Tỉnh ủy"),
        ("other", "Hà Tĩnh", "Ban cán sự đảng UBND tỉnh"),
        ("other", "Hà Tĩnh", "Đảng đoàn HĐND tỉnh"),
        ("other", "Hà Tĩnh", "Ủy ban Kiểm tra Tỉnh ủy"),
        ("other", "Hà Tĩnh", "Ban Tổ chức Tỉnh ủy"),
        ("other", "Hà Tĩnh", "Đảng đoàn Ủy ban MTTQ tỉnh"),
        ("other", "Hà Tĩnh", "Văn phòng Tỉnh ủy"),
    ]
    # a body of the register after "và" is a body of its own
    got = listed("Ban Quản lý dự án và UBND tỉnh phối hợp thực hiện.", "Hà Tĩnh")
    assert ("ubnd_tinh", "Hà Tĩnh", None) in got


def test_regional_units_and_merged_provincial_bodies_after_2025() -> None:
    text = (
        "2. Sở Tài chính phối hợp với Thuế tỉnh, Kho bạc Nhà nước khu vực XIV hướng dẫn.\n"
        "6. Báo và Phát thanh, Truyền hình Lào Cai mở chuyên mục tuyên truyền.\n"
        "9. Ngân hàng Nhà nước Chi nhánh khu vực 7, Bảo hiểm xã hội tỉnh cung cấp dữ liệu.\n"
    )
    assert listed(text, "Lào Cai") == [
        ("so_tc", "Lào Cai", None),
        ("thue_tinh", "Lào Cai", None),
        ("other", "Lào Cai", "Kho bạc Nhà nước khu vực XIV"),
        ("other", "Lào Cai", "Báo và Phát thanh, Truyền hình Lào Cai"),
        ("other", "Lào Cai", "Ngân hàng Nhà nước Chi nhánh khu vực 7"),
        ("bhxh_tinh", "Lào Cai", None),
    ]


def test_a_unit_below_the_province_however_its_level_is_written() -> None:
    text = (
        "Trưởng Phòng Lao động - Thương binh và Xã hội quận - huyện có trách nhiệm lập danh "
        "sách; Phòng Lao động - Thương binh và Xã hội cấp quận gửi hồ sơ."
    )
    got = listed(text, "Hồ Chí Minh")
    assert [n for _, _, n in got] == ["Phòng Lao động - Thương binh và Xã hội quận - huyện"]


def test_a_name_a_hard_wrap_or_a_page_header_cuts_is_found_whole() -> None:
    """The agencies of a document are read in its paragraphs as the reading layer reads
    them (``doc.flat``): a name a PDF wrapped over two lines, or cut by a Gazette page
    header, is one name."""
    import textwrap

    from policykg.ingest.agencies import agencies_of
    from policykg.ingest.text import parse

    item = (
        "a) Xây dựng kế hoạch đào tạo, bồi dưỡng hằng năm và giai đoạn 5 năm trên cơ sở tổng "
        "hợp kết quả đào tạo, bồi dưỡng, xác định nhu cầu đào tạo, bồi dưỡng nhân lực theo "
        "từng nội dung, hình thức và tiến độ triển khai chiến lược phát triển, ứng dụng năng "
        "lượng nguyên tử; bảo đảm chỉ tiêu đào tạo phù hợp mục tiêu phát triển nhân lực."
    )
    lines = [
        *textwrap.wrap(item, 84),
        "b) Tổ chức các khóa đào tạo, bồi dưỡng theo các hình thức trực tiếp, trực tuyến, mô",
        "phỏng, thực tập; tổ chức đào tạo chuyên sâu theo hình thức đào tạo tại chỗ, phối",
        "hợp với các cơ sở đào tạo trọng điểm theo đề nghị của Vụ trưởng Vụ Tổ chức cán bộ và Vụ",
        "93 CÔNG BÁO/Số 297/Ngày 27-05-2026",
        "Chính quyền địa phương; định kỳ trước ngày 15 tháng 12 hằng năm báo cáo kết quả.",
    ]
    doc = parse("\n".join(lines) + "\n")
    names = {a.get("name") for a in agencies_of(doc, province=None)}
    assert {"Vụ Tổ chức cán bộ", "Vụ Chính quyền địa phương"} <= names


def test_a_body_in_the_cell_after_a_law_is_no_part_of_its_name() -> None:
    """A tab parts two cells of a table row: the body in the cell after the name of a law
    ("Luật Dữ liệu" | "Bộ Công an") is a body, not the end of the law's name."""
    row = "29.\tXây dựng văn bản hướng dẫn thi hành Luật Dữ liệu\tBộ Công an\tCác bộ, ngành"
    assert [m.kind for m in find_agencies(row, province=None)] == ["bo_ca"]
    assert find_agencies("Luật Tổ chức Chính phủ", province=None) == []


def test_words_that_only_look_like_a_district() -> None:
    names = [
        m.name
        for t in (
            "Giao Ngân hàng Chính sách xã hội chủ trì.",
            "Cục Quản lý thị trường tỉnh chủ trì kiểm tra.",
            "Phòng Kinh tế thị xã Mường Lay phối hợp.",
        )
        for m in find_agencies(t, province="Lào Cai")
    ]
    assert names == [
        "Ngân hàng Chính sách xã hội",
        "Cục Quản lý thị trường tỉnh",
        "Phòng Kinh tế thị xã Mường Lay",
    ]


def test_a_provincial_kind_with_viet_nam_is_the_national_body() -> None:
    text = "Liên minh Hợp tác xã Việt Nam, Hiệp hội doanh nghiệp Việt Nam phối hợp thực hiện."
    assert listed(text, "Lào Cai") == [
        ("other", "national", "Liên minh Hợp tác xã Việt Nam"),
        ("other", "national", "Hiệp hội doanh nghiệp Việt Nam"),
    ]


def test_groups_of_state_enterprises_and_lists_of_subjects() -> None:
    text = "Các tập đoàn kinh tế, tổng công ty nhà nước có trách nhiệm báo cáo Bộ Tài chính."
    assert ("doanh_nghiep", "national", None) in listed(text, "national")
    # one enterprise named is itself (other), not the group
    text = "Tập đoàn Điện lực Việt Nam chủ trì thực hiện."
    assert listed(text, "national") == [("other", "national", "Tập đoàn Điện lực Việt Nam")]
    text = "3. Sở Tài chính, các chủ đầu tư khẩn trương đánh giá tình hình thực hiện."
    assert ("doanh_nghiep", "Lào Cai", None) in listed(text, "Lào Cai")
    text = "Hỗ trợ Sở Tài chính, các chủ đầu tư khẩn trương đánh giá."
    assert ("doanh_nghiep", "Lào Cai", None) not in listed(text, "Lào Cai")


def test_a_ministry_unit_runs_to_the_end_of_its_name() -> None:
    """A Cục or Vụ keeps the words of its field that begin like a verb ("thông tin", "thực
    vật", "bảo hiểm", "trong nước"), and two fields joined by "và", also over the end of a
    cell's line; it stops at the verb and at the next body of a list."""
    text = (
        "Cục An toàn thông tin chủ trì, phối hợp với Vụ Bảo hiểm y tế, Cục Bảo vệ thực vật "
        "xây dựng hướng dẫn; Vụ Thị trường trong nước theo dõi, tổng hợp."
    )
    assert [m.name for m in find_agencies(text, province="national")] == [
        "Cục An toàn thông tin",
        "Vụ Bảo hiểm y tế",
        "Cục Bảo vệ thực vật",
        "Vụ Thị trường trong nước",
    ]
    cell = "| 4 | Hướng dẫn kiểm dịch | Cục Chăn nuôi và\nThú y | Vụ Pháp chế |"
    assert [m.name for m in find_agencies(cell, province="national")] == [
        "Cục Chăn nuôi và Thú y",
        "Vụ Pháp chế",
    ]
    # a word of a field that is a verb too belongs to the name only where the name ends
    # after it: "Cục Kinh tế xây dựng chủ trì", not "Cục Kinh tế xây dựng định mức"
    names = [
        m.name
        for t in ("Cục Kinh tế xây dựng chủ trì thực hiện.", "Cục Kinh tế xây dựng định mức.")
        for m in find_agencies(t, province="national")
    ]
    assert names == ["Cục Kinh tế xây dựng", "Cục Kinh tế"]
    # a verb that begins with such a syllable still ends the name
    text = "Vụ Giáo dục Trung học thực hiện; Cục Quản lý chất lượng thông báo kết quả."
    assert [m.name for m in find_agencies(text, province="national")] == [
        "Vụ Giáo dục Trung học",
        "Cục Quản lý chất lượng",
    ]


def test_associations_schools_and_hospitals_are_named_bodies() -> None:
    text = (
        "3. Tổ chức hội chợ du lịch\n\nSở Văn hóa, Thể thao và Du lịch chủ trì; Hiệp hội Du "
        "lịch tỉnh, Hiệp hội Lữ hành Nghệ An, Trường Cao đẳng nghề Du lịch - Thương mại Nghệ "
        "An, Bệnh viện Đa khoa tỉnh phối hợp thực hiện."
    )
    assert listed(text, "Nghệ An") == [
        ("so_vhttdl", "Nghệ An", None),
        ("other", "Nghệ An", "Hiệp hội Du lịch tỉnh"),
        ("other", "Nghệ An", "Hiệp hội Lữ hành Nghệ An"),
        ("other", "Nghệ An", "Trường Cao đẳng nghề Du lịch - Thương mại Nghệ An"),
        ("other", "Nghệ An", "Bệnh viện Đa khoa tỉnh"),
    ]
    text = (
        "Trường Trung cấp kỹ thuật Nông nghiệp chủ trì, phối hợp với Trường Chính trị tỉnh, "
        "Bệnh viện đa khoa Hợp Lực tổ chức tập huấn."
    )
    assert [m.name for m in find_agencies(text, province="Thanh Hóa")] == [
        "Trường Trung cấp kỹ thuật Nông nghiệp",
        "Trường Chính trị tỉnh",
        "Bệnh viện đa khoa Hợp Lực",
    ]
    # the register's association keeps its code; a school's kind without its name, a case
    # ("Trường hợp") and a place ("Trường Sa") name no body
    assert kinds("Hiệp hội Doanh nghiệp tỉnh phối hợp.") == [("hiep_hoi_dn", "Hà Tĩnh")]
    for text in (
        "Trường hợp Sở Y tế đề nghị, các trường cao đẳng nghề tỉnh phối hợp.",
        "Hỗ trợ ngư dân bám biển ở quần đảo Trường Sa.",
        "Trường Cao đẳng nghề trên địa bàn tham gia.",
    ):
        assert [m.kind for m in find_agencies(text, province="Khánh Hòa")
                if m.kind == "other"] == []  # fmt: skip


@pytest.mark.parametrize(
    "text, want",
    [
        ("Ủy ban nhân dân các phường, xã, đặc khu tổ chức thực hiện.", "ubnd_xa"),
        ("UBND các xã, phường, thị trấn chủ trì rà soát.", "ubnd_xa"),
        ("Chủ tịch UBND cấp xã chịu trách nhiệm trước Chủ tịch UBND tỉnh.", "ubnd_xa"),
        ("Ủy ban nhân dân các xã, đặc khu phối hợp.", "ubnd_xa"),
        ("Ủy ban nhân dân các phường chủ trì.", "ubnd_xa"),
        ("UBND các quận, huyện chủ trì.", "ubnd_huyen"),
        ("Ủy ban nhân dân các thị xã, thành phố chủ trì.", "ubnd_huyen"),
    ],
)
def test_committees_of_every_unit_of_a_level(text: str, want: str) -> None:
    """ "Ủy ban nhân dân" then "các" and the units of a level is that level's committee,
    not the province's."""
    assert kinds(text)[0] == (want, "Hà Tĩnh")


def test_committees_that_stay_what_they_were() -> None:
    # the province's committee, every level, a named commune or special zone, the cities of
    # the province level in a national text
    assert kinds("Ủy ban nhân dân tỉnh chỉ đạo các sở.") == [("ubnd_tinh", "Hà Tĩnh")]
    assert listed("Ủy ban nhân dân các cấp chủ trì.", "Hà Tĩnh") == [
        ("other", "Hà Tĩnh", "Ủy ban nhân dân các cấp")
    ]
    assert listed("Ủy ban nhân dân đặc khu Phú Quốc chủ trì.", "An Giang") == [
        ("other", "An Giang", "Ủy ban nhân dân đặc khu Phú Quốc")
    ]
    assert listed("Ủy ban nhân dân xã Cẩm Bình chủ trì.", "Hà Tĩnh") == [
        ("other", "Hà Tĩnh", "Ủy ban nhân dân xã Cẩm Bình")
    ]
    cell = "| 2 | Xây dựng quy chế | Bộ Tài chính | UBND các thành\nphố trực thuộc\nTrung ương |"
    assert [m.kind for m in find_agencies(cell, province="national")] == ["bo_tc", "ubnd_tinh"]


def test_a_class_of_bodies_given_duties_is_one_actor() -> None:
    """A class of bodies named by what they are is ``other`` with its name (without "các")
    where the text gives it a duty; schools of higher and vocational education are the
    collective ``truong_dh_cd``."""
    text = (
        "Điều 6. Trách nhiệm của cơ sở giáo dục mầm non, phổ thông\n"
        "1. Tổ chức kiểm tra sức khỏe cho học sinh.\n\n"
        "Điều 7. Trách nhiệm của Sở Y tế\n"
        "Chủ trì, phối hợp với các cơ sở khám, chữa bệnh trên địa bàn hướng dẫn thực hiện.\n"
        "Các tổ chức tín dụng có trách nhiệm báo cáo Ngân hàng Nhà nước chi nhánh tỉnh."
    )
    assert listed(text, "Quảng Trị") == [
        ("other", "Quảng Trị", "cơ sở giáo dục mầm non, phổ thông"),
        ("so_yt", "Quảng Trị", None),
        ("other", "Quảng Trị", "cơ sở khám, chữa bệnh"),
        ("other", "Quảng Trị", "tổ chức tín dụng"),
        ("nhnn_tinh", "Quảng Trị", None),
    ]
    # the same class however its field is written is one body
    text = (
        "Cơ sở khám bệnh, chữa bệnh có trách nhiệm lưu trữ hồ sơ. Sở Y tế chủ trì, phối hợp "
        "với các cơ sở khám, chữa bệnh kiểm tra."
    )
    assert [a.get("name") for a in extract_agencies(text, province="Huế")] == [
        "Cơ sở khám bệnh, chữa bệnh",
        None,
    ]
    text = "Vụ Giáo dục Đại học chủ trì, phối hợp với các cơ sở giáo dục đại học tổ chức."
    assert ("truong_dh_cd", "national", None) in listed(text, "national")
    # a class served, not given a duty, and a class whose members are listed are no actor
    for text in (
        "Ưu đãi thuế cho các cơ sở giáo dục mầm non ngoài công lập.",
        "Hỗ trợ lãi suất qua các tổ chức tín dụng.",
        "Giao các cơ sở y tế trọng điểm gồm: Bệnh viện Bạch Mai, Bệnh viện Chợ Rẫy.",
    ):
        assert [a for a in listed(text, "national") if a[2] and a[2].startswith("cơ sở")] == []


def test_the_items_of_a_list_written_with_dashes() -> None:
    """A cell that lists bodies after dashes names one body per item: a name ends before
    " - " and the next body or "Các …" (but "Cục Chính sách - Tổng cục …" is one unit of
    the other); an abbreviated name is the body written in full."""
    row = (
        "| 3 | Điều tra tài nguyên nước | Cục Quản lý tài nguyên nước | - Viện Khoa học "
        "Khí tượng Thủy văn và Biến đổi khí hậu - Cục Viễn thám quốc gia - Các đơn vị khác "
        "có liên quan |\n| 4 | Kiểm kê nguồn nước | Cục QLTNN | - Tổng cục KTTV |"
    )
    assert listed(row, "national") == [
        ("other", "national", "Cục Quản lý tài nguyên nước"),
        ("other", "national", "Viện Khoa học Khí tượng Thủy văn và Biến đổi khí hậu"),
        ("other", "national", "Cục Viễn thám quốc gia"),
        ("other", "national", "Tổng cục KTTV"),
    ]
    text = "Cục Chính sách - Tổng cục Chính trị chủ trì thực hiện."
    assert [m.name for m in find_agencies(text, province="national")] == [
        "Cục Chính sách - Tổng cục Chính trị"
    ]


def test_where_a_distance_ends_is_no_recipient() -> None:
    text = "Khoảng cách từ nơi cư trú đến Trung tâm Chỉnh hình Phục hồi chức năng là 90 km."
    assert listed(text, "national") == []
    text = "Hồ sơ được gửi đến Trung tâm Phục vụ hành chính công tỉnh."
    assert listed(text, "Bắc Ninh") == [
        ("other", "Bắc Ninh", "Trung tâm Phục vụ hành chính công tỉnh")
    ]


def test_names_with_coordinated_fields_and_bodies_that_take_part() -> None:
    """Two verbs of a field coordinated with a comma stay in a name ("Khám, chữa bệnh",
    "Phòng, chống thiên tai"), where "Phòng" is no head of a body; a body that takes part
    ("… tham gia") has a role; the union of associations and the post office are bodies."""
    text = (
        "Cục Quản lý đê điều và Phòng, chống thiên tai chủ trì, phối hợp với Cục Quản lý "
        "Khám, chữa bệnh; Ủy ban Quốc gia về người cao tuổi Việt Nam chỉ đạo."
    )
    assert [a["name"] for a in extract_agencies(text, province="national")] == [
        "Cục Quản lý đê điều và Phòng, chống thiên tai",
        "Cục Quản lý Khám, chữa bệnh",
        "Ủy ban Quốc gia về người cao tuổi Việt Nam",
    ]
    text = (
        "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh chủ trì; Hội Chữ thập đỏ tỉnh, Bưu điện "
        "tỉnh tham gia."
    )
    assert listed(text, "Phú Thọ") == [
        ("other", "Phú Thọ", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh"),
        ("other", "Phú Thọ", "Hội Chữ thập đỏ tỉnh"),
        ("other", "Phú Thọ", "Bưu điện tỉnh"),
    ]
    assert listed("Phòng, chống dịch bệnh do Sở Y tế chủ trì.", "Phú Thọ") == [
        ("so_yt", "Phú Thọ", None)
    ]


def test_a_class_placed_before_its_duty_or_heading_it() -> None:
    text = (
        "3. Tổ chức thực hiện\n"
        "- Các cơ sở khám bệnh, chữa bệnh: triển khai bệnh án điện tử trước năm 2026.\n"
        "- Các cơ sở giáo dục trên địa bàn tỉnh có trách nhiệm phối hợp tuyên truyền.\n"
        "- Các tổ chức tín dụng trên địa bàn: ưu tiên cho vay hộ nghèo."
    )
    assert listed(text, "Lâm Đồng") == [
        ("other", "Lâm Đồng", "cơ sở khám bệnh, chữa bệnh"),
        ("other", "Lâm Đồng", "cơ sở giáo dục"),
        ("other", "Lâm Đồng", "tổ chức tín dụng"),
    ]
    # a class the text serves stays out, wherever it is
    assert listed("Hỗ trợ các cơ sở giáo dục trên địa bàn tỉnh chuyển đổi số.", "Lâm Đồng") == []


def test_a_body_set_up_for_a_purpose_is_named_with_it() -> None:
    """A steering committee, council or working group may be named by what it was set up
    to do, in lower-case words after its head: the name runs to the verb of the sentence,
    and a group of enterprises inside it is part of the name."""
    text = (
        "Ban Chỉ đạo thực hiện chính sách nhà ở cho người có công với cách mạng tổ chức "
        "kiểm tra; Hội đồng đánh giá lựa chọn chủ đầu tư có trách nhiệm thẩm định hồ sơ; "
        "Tổ công tác triển khai Đề án phát triển du lịch chủ trì tổng hợp."
    )
    assert listed(text, "Ninh Bình") == [
        ("other", "Ninh Bình",
         "Ban Chỉ đạo thực hiện chính sách nhà ở cho người có công với cách mạng"),
        ("other", "Ninh Bình", "Hội đồng đánh giá lựa chọn chủ đầu tư"),
        ("other", "Ninh Bình", "Tổ công tác triển khai Đề án phát triển du lịch"),
    ]  # fmt: skip
    # a name of its own, a province's committee and a council of the register are as they were
    text = (
        "Ban Chỉ đạo tỉnh chỉ đạo các huyện; Ban Chỉ đạo Trung ương về phòng, chống tham "
        "nhũng, tiêu cực chỉ đạo; Hội đồng nhân dân tỉnh quyết định."
    )
    assert listed(text, "Ninh Bình") == [
        ("other", "Ninh Bình", "Ban Chỉ đạo tỉnh"),
        ("other", "national", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực"),
        ("hdnd_tinh", "Ninh Bình", None),
    ]


def test_committees_of_both_levels_below_the_province_and_of_one_unit_word() -> None:
    text = (
        "Ủy ban nhân dân các huyện, thị xã, thành phố và các xã, phường, thị trấn chủ trì "
        "rà soát; Chủ tịch Ủy ban nhân dân phường chịu trách nhiệm niêm yết."
    )
    assert kinds(text, "Quảng Ninh") == [
        ("ubnd_huyen", "Quảng Ninh"),
        ("ubnd_xa", "Quảng Ninh"),
        ("ubnd_xa", "Quảng Ninh"),
    ]
    assert kinds("UBND cấp huyện và cấp xã phối hợp.", "Quảng Ninh") == [
        ("ubnd_huyen", "Quảng Ninh"),
        ("ubnd_xa", "Quảng Ninh"),
    ]
    # a named commune after "và" is its own; a word that only looks like a unit is none
    assert kinds("UBND các huyện và xã Tân Lập chủ trì.", "Quảng Ninh") == [
        ("ubnd_huyen", "Quảng Ninh")
    ]
    assert kinds("Ủy ban nhân dân tỉnh Lào Cai trân trọng báo cáo.", "Lào Cai") == [
        ("ubnd_tinh", "Lào Cai")
    ]


def test_a_party_committee_of_an_agency_and_the_delegations_of_the_assembly() -> None:
    text = (
        "Đảng đoàn Quốc hội phối hợp với Đảng ủy cơ quan Văn phòng Quốc hội tổ chức quán "
        "triệt; các Đoàn đại biểu Quốc hội chủ động giám sát."
    )
    assert listed(text, "national") == [
        ("other", "national", "Đảng đoàn Quốc hội"),
        ("other", "national", "Đảng ủy cơ quan Văn phòng Quốc hội"),
        ("other", "national", "Đoàn đại biểu Quốc hội"),
    ]
    # the body of the register after "Đảng ủy cơ quan" stays itself
    assert kinds("Đảng ủy cơ quan Bộ Tài chính chủ trì.", "national") == [("bo_tc", "national")]


def test_a_unit_named_with_the_body_it_belongs_to() -> None:
    """ "… của Quốc hội" after a unit's name is the body it belongs to, part of the name; the
    unit keeps its role ("… của Quốc hội chủ trì")."""
    text = (
        "Định kỳ, Thường trực Ủy ban Văn hóa, Xã hội của Quốc hội chủ trì, phối hợp với Văn "
        "phòng Quốc hội tổ chức giám sát."
    )
    assert listed(text, "national") == [
        ("other", "national", "Thường trực Ủy ban Văn hóa, Xã hội của Quốc hội"),
        ("other", "national", "Văn phòng Quốc hội"),
    ]
    # a ministry after "của" is a body of its own
    assert kinds("Vụ Pháp chế của Bộ Tư pháp chủ trì.", "national") == [
        ("other", "national"),
        ("bo_tp", "national"),
    ]


def test_the_units_under_a_body_heading_an_article_are_one_actor() -> None:
    text = (
        "Điều 7. Các đơn vị trực thuộc Sở Nông nghiệp và Môi trường có nhiệm vụ\n"
        "1. Lập kế hoạch kiểm tra hằng năm.\n"
        "Điều 8. Thủ trưởng các đơn vị thuộc Sở Tài chính chịu trách nhiệm thi hành."
    )
    assert listed(text, "Gia Lai") == [
        ("other", "Gia Lai", "Các đơn vị trực thuộc Sở Nông nghiệp và Môi trường")
    ]


def test_a_body_in_brackets_after_another_shares_its_role() -> None:
    text = (
        "Phòng Tài nguyên và Môi trường huyện (Phòng Quản lý đô thị thành phố) có trách "
        "nhiệm thẩm định hồ sơ."
    )
    assert listed(text, "Lai Châu") == [
        ("other", "Lai Châu", "Phòng Tài nguyên và Môi trường huyện"),
        ("other", "Lai Châu", "Phòng Quản lý đô thị thành phố"),
    ]
    # a body in brackets after no body has no role of its own from what follows
    assert listed("Hỗ trợ cho hộ dân (Ban Quản lý dự án huyện) có trách nhiệm.", "Lai Châu") == []


def test_vocational_training_centres_and_employment_services() -> None:
    text = (
        "Trung tâm dạy nghề của tỉnh và các huyện có trách nhiệm tổ chức đào tạo nghề cho "
        "người lao động; Trung tâm Dịch vụ việc làm tỉnh chủ trì tư vấn."
    )
    assert listed(text, "Điện Biên") == [
        ("truong_dh_cd", "Điện Biên", None),
        ("other", "Điện Biên", "Trung tâm Dịch vụ việc làm tỉnh"),
    ]
    # a class of training institutions that is served is no actor
    assert listed("Hỗ trợ kinh phí cho các trung tâm dạy nghề.", "Điện Biên") == []


def test_the_front_at_every_level_keeps_its_committee_in_its_name() -> None:
    assert listed("Ủy ban Mặt trận Tổ quốc Việt Nam các cấp phối hợp giám sát.", "Nghệ An") == [
        ("other", "Nghệ An", "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp")
    ]
    assert listed("Mặt trận Tổ quốc Việt Nam các cấp phối hợp giám sát.", "Nghệ An") == [
        ("other", "Nghệ An", "Mặt trận Tổ quốc Việt Nam các cấp")
    ]
