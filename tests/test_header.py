"""Document fields of the five plans equal the gold exactly; a text without header fails."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.extract import as_schema
from policykg.ingest.header import extract_document, parse_period, title_case
from policykg.ingest.text import parse

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_document_fields_equal_gold(path: Path) -> None:
    gold = json.loads((ROOT / "tests" / "gold" / f"{path.stem}.json").read_text("utf-8"))
    doc = parse(path.read_text("utf-8"), source=str(path))
    got = as_schema(extract_document(doc))
    assert got == gold["document"]


def test_spans_point_at_the_fields() -> None:
    path = ROOT / "corpus" / "nghe-an_683-kh-ubnd_2021.txt"
    text = path.read_text("utf-8")
    fields = extract_document(parse(text))
    s, e = fields["_spans"]["number"]
    assert text[s:e].replace(" ", "") == "683/KH-UBND"
    s, e = fields["_spans"]["date"]
    assert text[s:e] == "ngày 17 tháng 11 năm 2021"


def test_partial_dates_and_blank_number() -> None:
    text = (
        "Số: /KH-UBND\n\nHà Nam, ngày    tháng 3 năm 2023\n\nKẾ HOẠCH\nPhát triển X đến năm 2030\n"
    )
    got = extract_document(parse(text))
    assert got["number"] is None
    assert got["date"] == "2023-03"
    assert got["place"] == "Hà Nam"
    assert got["title"] == "Phát triển X đến năm 2030"
    assert got["period"] == {"start": None, "end": 2030}


def test_issuer_from_body_when_block_missing() -> None:
    text = (
        "Số: 5/KH-UBND\n\nLào Cai, ngày 2 tháng 1 năm 2024\n\n"
        "KẾ HOẠCH\nVề X giai đoạn 2024-2025\n\n"
        "Ủy ban nhân dân tỉnh Lào Cai ban hành Kế hoạch như sau:\n"
    )
    got = extract_document(parse(text))
    assert got["issuer"] == {"kind": "ubnd_tinh", "scope": "Lào Cai"}
    assert got["period"] == {"start": 2024, "end": 2025}


def test_no_header_is_an_error_naming_file_and_line() -> None:
    with pytest.raises(IngestError) as exc:
        extract_document(parse("\n\nJust some words.\nMore words.\n", source="plans/x.txt"))
    assert str(exc.value).startswith("plans/x.txt:3:")


def test_helpers() -> None:
    assert title_case("NGHỆ AN") == "Nghệ An"
    assert parse_period("giai đoạn 2021 - 2025") == {"start": 2021, "end": 2025}
    assert parse_period("không có") is None
    # a school year is a period too (a directive "Về nhiệm vụ năm học 2025 - 2026")
    assert parse_period("nhiệm vụ trọng tâm năm học 2025 - 2026") == {"start": 2025, "end": 2026}


def test_numeric_header_date_is_read_and_an_impossible_one_left_blank() -> None:
    from policykg.ingest.header import extract_document
    from policykg.ingest.text import parse

    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 7/KH-UBND\n\nHà Tĩnh, ngày {}\n\n"
        "KẾ HOẠCH\nVề việc thử\n"
    )
    assert extract_document(parse(head.format("05/3/2024")))["date"] == "2024-03-05"
    assert extract_document(parse(head.format("31/02/2021")))["date"] is None


# -- headers of any issuer and kind, in any form ---------------------------------------------


def _fields(text: str) -> dict[str, object]:
    return as_schema(extract_document(parse(text)))  # type: ignore[no-any-return]


_PM_GAZETTE = (
    "CÔNG BÁO/Số 210/Ngày 10-03-2025 \n35\n \n \nTHỦ TƯỚNG CHÍNH PHỦ \n_____________ \n \n"
    "Số: 301/QĐ-TTg \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n"
    "_______________________________________ \n  Hà Nội, ngày 02 tháng 3 năm 2025 \n \n"
    "QUYẾT ĐỊNH \nPhê duyệt Đề án “Phát triển nguồn nhân lực ngành đường sắt” \n"
    "_____________ \n \nTHỦ TƯỚNG CHÍNH PHỦ \n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025; \n"
    "Theo đề nghị của Bộ trưởng Bộ Xây dựng tại Tờ trình \n"
    "số 65/TTr-BXD ngày 24 tháng 1 năm 2025. \n"
    "QUYẾT ĐỊNH: \nĐiều 1. Phê duyệt Đề án “Phát triển nguồn nhân lực ngành đường sắt” (sau \n"
    "đây gọi tắt là Đề án) với những nội dung sau đây: \nI. MỤC TIÊU \n"
    "1. Mục tiêu cụ thể đến năm 2030 \n- Đào tạo 1.000 kỹ sư. \n2. Mục tiêu cụ thể đến năm 2035 \n"
    "- Đào tạo 3.000 kỹ sư. \n3. Tầm nhìn đến năm 2050 \n- Làm chủ công nghệ. \n"
    "Điều 2. Quyết định này có hiệu lực từ ngày ký. \n"
    "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
    "Ngày ký: 2025-03-10 08:00:00 +07:00\n\nCÔNG BÁO/Số 210/Ngày 10-03-2025 \n36\n"
    "KT. THỦ TƯỚNG \nPHÓ THỦ TƯỚNG \n \n \nTrần Hồng Hà \n"
)


def test_prime_minister_gazette_decision_approving_a_scheme() -> None:
    got = _fields(_PM_GAZETTE)
    assert got == {
        "kind": "QuyetDinh",
        "number": "301/QĐ-TTg",
        "date": "2025-03-02",
        "place": "Hà Nội",
        "issuer": {"kind": "thu_tuong", "scope": "national"},
        "title": "Phê duyệt Đề án “Phát triển nguồn nhân lực ngành đường sắt”",
        "period": {"start": None, "end": 2035},
        "signer": {"name": "Trần Hồng Hà", "position": "Phó Thủ tướng"},
        "promulgates": {"kind": "DeAn", "title": "Phát triển nguồn nhân lực ngành đường sắt"},
    }


def test_provincial_decision_in_a_markdown_table_header() -> None:
    text = (
        "| ỦY BAN NHÂN DÂN TỈNH BẮC NINH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - "
        "Tự do - Hạnh phúc --------------- |\n|---|---|\n"
        "| Số: 412/QĐ-UBND | Bắc Ninh, ngày 23 tháng 02 năm 2023 |\n\nQUYẾT ĐỊNH\n\n"
        "VỀ VIỆC PHÂN BỔ KẾ HOẠCH VỐN NĂM 2023 THỰC HIỆN ĐỀ ÁN KIÊN CỐ HÓA TRƯỜNG HỌC GIAI "
        "ĐOẠN 2021-2025\n\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n\n"
        "Căn cứ Quyết định số 3208/QĐ-UBND ngày 03/10/2022 của UBND tỉnh;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Phân bổ chi tiết kế hoạch vốn năm 2023.\n\n"
        "| Nơi nhận: - Như Điều 3; - Lưu: VT. | KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Xuân Lợi |\n"
    )
    assert _fields(text) == {
        "kind": "QuyetDinh",
        "number": "412/QĐ-UBND",
        "date": "2023-02-23",
        "place": "Bắc Ninh",
        "issuer": {"kind": "ubnd_tinh", "scope": "Bắc Ninh"},
        "title": "VỀ VIỆC PHÂN BỔ KẾ HOẠCH VỐN NĂM 2023 THỰC HIỆN ĐỀ ÁN KIÊN CỐ HÓA TRƯỜNG "
        "HỌC GIAI ĐOẠN 2021-2025",
        "period": {"start": 2023, "end": 2023},
        "signer": {"name": "Lê Xuân Lợi", "position": "Phó Chủ tịch"},
        "promulgates": None,
    }


def test_ministry_circular_flattened_from_word() -> None:
    text = (
        "BỘ NỘI VỤ\n-------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "----------------\nSố: 11/2024/TT-BNV | Hà Nội, ngày 18 tháng 10 năm 2024\n \nTHÔNG TƯ\n"
        "QUY ĐỊNH VỀ VIỆC LẬP, QUẢN LÝ HỒ SƠ ĐỊA GIỚI\n"
        "Căn cứ Nghị định số 63/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ;\n"
        "Điều 1. Phạm vi điều chỉnh\nThông tư này quy định về hồ sơ địa giới.\n"
        "Nơi nhận:\n- Văn phòng Chính phủ;\n- Lưu: VT. | KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\n\n"
        "Vũ Chiến Thắng\n"
    )
    got = _fields(text)
    assert got["kind"] == "ThongTu" and got["number"] == "11/2024/TT-BNV"
    assert got["date"] == "2024-10-18" and got["place"] == "Hà Nội"
    assert got["issuer"] == {"kind": "bo_nv", "scope": "national"}
    assert got["title"] == "QUY ĐỊNH VỀ VIỆC LẬP, QUẢN LÝ HỒ SƠ ĐỊA GIỚI"
    assert got["period"] is None and got["promulgates"] is None
    assert got["signer"] == {"name": "Vũ Chiến Thắng", "position": "Thứ trưởng"}


def test_header_run_together_on_one_line_and_chairman_as_authority() -> None:
    text = (
        "Quyết định 1056/QĐ-CT\nUỶ BAN NHÂN DÂN TỈNH HÀ NAM --------\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------\n"
        "Số: 1056/QĐ-CT Hà Nam, ngày 16 tháng 8 năm 2010 QUYẾT ĐỊNH BAN HÀNH MỨC TRỢ GIÚP XÃ HỘI "
        "ÁP DỤNG TRÊN ĐỊA BÀN TỈNH HÀ NAM CHỦ TỊCH UỶ BAN NHÂN DÂN TỈNH\n"
        "Căn cứ Nghị định số 67/2007/NĐ-CP ngày 13/4/2007 của Chính phủ;\n"
        "Điều 1.\nBan hành mức trợ giúp xã hội.\n- Lưu VT.\n"
        "KT.CHỦ TỊCH PHÓ CHỦ TỊCH Vũ Thị Bích Hà\n"
    )
    got = _fields(text)
    assert (got["number"], got["date"], got["place"]) == ("1056/QĐ-CT", "2010-08-16", "Hà Nam")
    assert got["title"] == "BAN HÀNH MỨC TRỢ GIÚP XÃ HỘI ÁP DỤNG TRÊN ĐỊA BÀN TỈNH HÀ NAM"
    assert got["issuer"] == {"kind": "ubnd_tinh", "scope": "Hà Nam"}
    assert got["signer"] == {"name": "Vũ Thị Bích Hà", "position": "Phó Chủ tịch"}
    assert got["promulgates"] is None  # "mức trợ giúp" is no instrument


def test_party_plan_issuer_is_the_last_body_of_the_block() -> None:
    text = (
        "## ĐẢNG CỘNG SẢN VIỆT NAM\n\n**BAN CHẤP HÀNH TRUNG ƯƠNG**\n**ĐẢNG ĐOÀN QUỐC HỘI**\n\n"
        "Số 3260-KH/ĐĐQH15\n\nHà Nội, ngày 10 tháng 01 năm 2025\n\n**KẾ HOẠCH**\n\n"
        "**triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024**\n\n---\n\n"
        "Thực hiện chỉ đạo của Bộ Chính trị, Đảng đoàn Quốc hội ban hành Kế hoạch.\n\n"
        "**I. MỤC ĐÍCH, YÊU CẦU**\n\n**T/M ĐẢNG ĐOÀN QUỐC HỘI**\n\n**BÍ THƯ**\n\nTrần Thanh Mẫn\n"
    )
    got = _fields(text)
    assert got["kind"] == "KeHoach" and got["number"] == "3260-KH/ĐĐQH15"
    assert got["issuer"] == {"kind": "other", "scope": "national", "name": "Đảng đoàn Quốc hội"}
    assert got["title"] == "triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024"
    assert got["signer"] == {"name": "Trần Thanh Mẫn", "position": "Bí thư"}
    assert got["period"] is None


def test_draft_report_with_blank_number_and_date() -> None:
    text = (
        "UỶ BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN |  | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "  Độc lập - Tự do - Hạnh phúc\nSố:           /BC-UBND |  | Điện Biên, ngày        "
        "tháng        năm 2026\n\t\n\tBÁO CÁO\n\tKết quả thực hiện Chỉ thị số 38/CT-TTg năm 2025\n"
        "\t\n\tKính gửi: Bộ Nông nghiệp và Môi trường\n\tThực hiện Chỉ thị số 38/CT-TTg, UBND "
        "tỉnh báo cáo như sau:\n\t1. Công tác chỉ đạo\n"
    )
    got = _fields(text)
    assert (got["kind"], got["number"], got["date"]) == ("BaoCao", None, "2026")
    assert got["issuer"] == {"kind": "ubnd_tinh", "scope": "Điện Biên"}
    assert got["title"] == "Kết quả thực hiện Chỉ thị số 38/CT-TTg năm 2025"
    assert got["period"] == {"start": 2025, "end": 2025}


def test_the_date_is_the_headers_or_none() -> None:
    """With no place-date line, no date of a cited instrument is taken."""
    text = (
        "BỘ TÀI CHÍNH\nSố: 101/2018/TT-BTC\n\nTHÔNG TƯ\nQUY ĐỊNH QUẢN LÝ KINH PHÍ\n\n"
        "Căn cứ Luật ngân sách nhà nước ngày 25 tháng 6 năm 2015;\n"
    )
    got = _fields(text)
    assert got["date"] is None and got["place"] is None
    assert got["issuer"] == {"kind": "bo_tc", "scope": "national"}


def test_ocr_two_column_header() -> None:
    text = (
        "ỦY B AN NHÂN D Â N                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        " TỈNH QU Ả NG TRỊ                         Độc lập - Tự do - Hạnh phúc\n\n"
        "Số: 16 /2026/QĐ-UBND                   Qu ả ng Trị, ngày 25 tháng 0 2 năm 2026\n\n\n"
        "                            QUYẾT ĐỊNH\n"
        "   Ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Quảng Trị\n\n\n"
        "     Căn cứ Nghị định số 32/2024/NĐ-CP của Chính phủ;\n"
        "      Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý cụm công nghiệp trên\n"
        " địa bàn tỉnh Quảng Trị.\n"
    )
    got = _fields(text)
    assert (got["number"], got["date"], got["place"]) == (
        "16/2026/QĐ-UBND",
        "2026-02-25",
        "Quảng Trị",
    )
    assert got["issuer"] == {"kind": "ubnd_tinh", "scope": "Quảng Trị"}
    assert got["title"] == "Ban hành Quy chế quản lý cụm công nghiệp trên địa bàn tỉnh Quảng Trị"
    assert got["promulgates"] == {
        "kind": "Other",
        "title": "Quản lý cụm công nghiệp trên địa bàn tỉnh Quảng Trị",
    }


def test_steering_committee_under_a_province() -> None:
    text = (
        "UBND TỈNH NINH BÌNH\nBAN CHỈ ĐẠO CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA\n"
        "Số: 15/KH-BCĐ\n\nNinh Bình, ngày 3 tháng 5 năm 2024\n\nKẾ HOẠCH\n"
        "Kiểm tra thực hiện các chương trình năm 2024\n\n"
        "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh ban hành Kế hoạch như sau:\n"
    )
    got = _fields(text)
    assert got["kind"] == "KeHoach"
    assert got["issuer"] == {
        "kind": "other",
        "scope": "Ninh Bình",
        "name": "Ban Chỉ đạo các chương trình mục tiêu quốc gia",
    }
    assert got["period"] == {"start": 2024, "end": 2024}


def test_period_from_the_title() -> None:
    assert parse_period("VỀ BAN HÀNH KẾ HOẠCH NGÀY 01 THÁNG 7 NĂM 2013") is None
    assert parse_period("Kế hoạch sử dụng đất năm 2022 huyện X") == {"start": 2022, "end": 2022}
    assert parse_period("đến năm 2030, tầm nhìn đến năm 2045") == {"start": None, "end": 2030}
    assert parse_period("vốn năm 2023 thực hiện Đề án giai đoạn 2022-2025") == {
        "start": 2023,
        "end": 2023,
    }
    assert parse_period("Chuyển đổi số năm 2026 và giai đoạn 2026 - 2028") == {
        "start": 2026,
        "end": 2028,
    }
    # a crop season
    assert parse_period("Sản xuất vụ Đông Xuân 2025 - 2026") == {"start": 2025, "end": 2026}
    assert parse_period("Kế hoạch sản xuất vụ Hè Thu 2026") == {"start": 2026, "end": 2026}
    # the horizon of the instrument carried out, then the plan's own year or years
    assert parse_period(
        'Kế hoạch triển khai Đề án "Hỗ trợ học sinh, sinh viên khởi nghiệp đến năm 2025" năm 2024'
    ) == {"start": 2024, "end": 2024}
    assert parse_period(
        "Thực hiện Chương trình chuyển đổi số đến năm 2025, định hướng đến năm 2030 năm 2024 - 2025"
    ) == {"start": 2024, "end": 2025}
    assert parse_period(
        "Thực hiện Nghị quyết về kinh tế biển đến năm 2030, tầm nhìn đến năm 2045"
    ) == {
        "start": None,
        "end": 2030,
    }


def test_a_wrapped_title_may_go_on_with_a_kind_word() -> None:
    text = (
        "ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 16/2010/QĐ-UBND\nSơn La, ngày 09 tháng 08 năm 2010\n\n"
        "QUYẾT ĐỊNH\n\n"
        "VỀ VIỆC QUY ĐỊNH CHÍNH SÁCH BỒI THƯỜNG THEO NGHỊ ĐỊNH SỐ 197/2004/NĐ-CP VÀ\n\n"
        "NGHỊ ĐỊNH SỐ 69/2009/NĐ-CP CỦA CHÍNH PHỦ\n\nỦY BAN NHÂN DÂN TỈNH SƠN LA\n\n"
        "Căn cứ Luật Đất đai ngày 26/11/2003;\n"
    )
    assert _fields(text)["title"] == (
        "VỀ VIỆC QUY ĐỊNH CHÍNH SÁCH BỒI THƯỜNG THEO NGHỊ ĐỊNH SỐ 197/2004/NĐ-CP VÀ NGHỊ ĐỊNH SỐ "
        "69/2009/NĐ-CP CỦA CHÍNH PHỦ"
    )


def test_promulgated_title_goes_on_over_a_compound_broken_at_its_dash() -> None:
    text = (
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\nSố: 59/QĐ-BTNMT\nHà Nội, ngày 08 tháng 01 năm 2024\n"
        "QUYẾT ĐỊNH\nVỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG NĂM 2024\n"
        "Căn cứ Nghị định số 68/2022/NĐ-CP;\nQUYẾT ĐỊNH:\nĐiều 1.\n"
        "Ban hành kèm theo Quyết định này Chương trình hành động của ngành thực hiện Kế hoạch\n"
        "phát triển kinh tế\n- xã hội năm 2024.\nĐiều 2.\nQuyết định này có hiệu lực.\n"
    )
    assert _fields(text)["promulgates"] == {
        "kind": "ChuongTrinh",
        "title": "Hành động của ngành thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2024",
    }


@pytest.mark.parametrize(
    ("block", "number", "place", "issuer"),
    [
        (["UBND TỈNH BẮC GIANG"], "12/QĐ-UBND", "Bắc Giang", ("ubnd_tinh", "Bắc Giang")),
        (
            ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "SỞ TÀI CHÍNH"],
            "5/KH-STC",
            "Lào Cai",
            ("so_tc", "Lào Cai"),
        ),
        (["HỘI ĐỒNG NHÂN DÂN", "TỈNH NGHỆ AN"], "10/NQ-HĐND", "Nghệ An", ("hdnd_tinh", "Nghệ An")),
        (["BỘ KẾ HOẠCH VÀ ĐẦU TƯ"], "3/QĐ-BKHĐT", "Hà Nội", ("bo_khdt", "national")),
        (["NGÂN HÀNG NHÀ NƯỚC", "VIỆT NAM"], "9/CT-NHNN", "Hà Nội", ("nhnn", "national")),
        (["ỦY BAN THƯỜNG VỤ QUỐC HỘI"], "751/2019/UBTVQH14", "Hà Nội", ("ubtvqh", "national")),
        (
            ["ĐẢNG BỘ TỈNH NGHỆ AN", "BAN THƯỜNG VỤ TỈNH ỦY"],
            "11-CT/TU",
            "Vinh",
            ("tinh_uy", "Nghệ An"),
        ),
        (["BỘ TÀI CHÍNH - BỘ Y TẾ"], "47/2009/TTLT-BTC-BYT", "Hà Nội", ("bo_tc", "national")),
        (["BỘ TÀI CHÍNH", "TỔNG CỤC THUẾ"], "1/QĐ-TCT", "Hà Nội", ("other", "national")),
        (
            ["UBND TỈNH QUẢNG NINH", "BAN CHỈ ĐẠO 389"],
            "3/KH-BCĐ",
            "Hạ Long",
            ("other", "Quảng Ninh"),
        ),
        # the block's lines run together on one line: the last body issues
        (["UBND TỈNH THANH HÓA SỞ Y TẾ"], "8/KH-SYT", "Thanh Hóa", ("so_yt", "Thanh Hóa")),
        (
            ["ỦY BAN NHÂN DÂN TỈNH LÀO CAI SỞ TÀI CHÍNH"],
            "5/KH-STC",
            "Lào Cai",
            ("so_tc", "Lào Cai"),
        ),
        (
            ["BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG ĐOÀN QUỐC HỘI"],
            "3260-KH/ĐĐQH15",
            "Hà Nội",
            ("other", "national"),
        ),
    ],
)
def test_issuer_blocks(block: list[str], number: str, place: str, issuer: tuple[str, str]) -> None:
    text = (
        "\n".join(block) + "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        f"Số: {number}\n{place}, ngày 5 tháng 3 năm 2024\n\nKẾ HOẠCH\nThực hiện X\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    got = _fields(text)["issuer"]
    assert isinstance(got, dict) and (got["kind"], got["scope"]) == issuer


_PORTAL_PAGE = """<!DOCTYPE html><html><head>
<title>Quyết định 210/QĐ-UBND 2022 kế hoạch sử dụng đất Long An</title></head>
<body><div class="menu"><a>Trang chủ</a> | <a>Văn bản pháp luật</a> | <a>Đăng nhập</a></div>
<div class="banner">Tra cứu văn bản nhanh nhất</div>
<h1>Quyết định 210/QĐ-UBND năm 2022 phê duyệt kế hoạch sử dụng đất huyện Đức Hòa</h1>
<div class="content">
<table><tr><td><b>ỦY BAN NHÂN DÂN<br>TỈNH LONG AN</b><br>-------</td><td>
<b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b>
<br>---------------</td></tr>
<tr><td>Số: 210/QĐ-UBND</td><td><i>Long An, ngày 15 tháng 01 năm 2022</i></td></tr></table>
<p align="center"><b>QUYẾT ĐỊNH</b></p>
<p align="center"><b>VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN ĐỨC HÒA</b></p>
<p align="center"><b>ỦY BAN NHÂN DÂN TỈNH LONG AN</b></p>
<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>
<p align="center"><b>QUYẾT ĐỊNH:</b></p>
<p>
<b>Điều 1.</b> Phê duyệt Kế hoạch sử dụng đất năm 2022 huyện Đức Hòa với các chỉ tiêu sau:</p>
<p><b>Điều 2.</b> Quyết định này có hiệu lực kể từ ngày ký.</p>
<table><tr><td><b><i>Nơi nhận:</i></b><br>- Như Điều 2;<br>- Lưu: VT.</td><td>
<b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH<br><br><br>Nguyễn Minh Lâm</b></td>
</tr></table>
</div>
<div class="props"><h3>Thuộc tính văn bản</h3><table><tr><td>Số hiệu:</td><td>210/QĐ-UBND</td>
</tr><tr><td>Loại văn bản:</td><td>Quyết định</td></tr><tr><td>Nơi ban hành:</td>
<td>Tỉnh Long An</td></tr><tr><td>Người ký:</td><td>Nguyễn Minh Lâm</td></tr><tr>
<td>Ngày ban hành:</td><td>15/01/2022</td></tr></table></div>
<div class="related"><h3>Văn bản liên quan</h3><ul><li>Luật Đất đai 2013</li>
<li>Nghị định 43/2014/NĐ-CP</li></ul></div>
</body></html>
"""


def test_a_web_portal_page_is_read_as_its_document(tmp_path: Path) -> None:
    """Menus, the banner, the crawler's heading, the "Thuộc tính văn bản" block and the list
    of related documents are furniture; the header table reads as the header."""
    from policykg.ingest.extract import extract
    from policykg.ingest.reader import read_text

    page = tmp_path / "qd-210.html"
    page.write_text(_PORTAL_PAGE, "utf-8")
    record = extract(read_text(page), source=page.name)
    assert record.document.to_gold() == {
        "kind": "QuyetDinh",
        "number": "210/QĐ-UBND",
        "date": "2022-01-15",
        "place": "Long An",
        "issuer": {"kind": "ubnd_tinh", "scope": "Long An"},
        "title": "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH SỬ DỤNG ĐẤT NĂM 2022 HUYỆN ĐỨC HÒA",
        "period": {"start": 2022, "end": 2022},
        "signer": {"name": "Nguyễn Minh Lâm", "position": "Phó Chủ tịch"},
        "promulgates": {"kind": "KeHoach", "title": "Sử dụng đất năm 2022 huyện Đức Hòa"},
    }
    cited = {c.target.number for c in record.citations}
    assert "43/2014/NĐ-CP" not in cited


def test_a_title_printed_as_several_paragraphs_goes_on_over_blank_lines() -> None:
    """A Markdown or HTML copy parts the title's lines by blank lines: in capitals under
    capitals (a compound broken at its dash included), or a line of a sentence-case title
    that is no sentence; a preamble, a heading or a note in parentheses ends it."""
    upper = (
        "BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG\n\nSố: 59/QĐ-BTNMT\n\nHà Nội, ngày 08 tháng 01 năm 2024\n\n"
        "**QUYẾT ĐỊNH**\n\n**VỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN KẾ HOẠCH PHÁT "
        "TRIỂN KINH TẾ**\n\n**- XÃ HỘI NĂM 2024**\n\n**BỘ TRƯỞNG BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG**"
        "\n\nCăn cứ Nghị định số 68/2022/NĐ-CP;\n"
    )
    assert _fields(upper)["title"] == (
        "VỀ VIỆC BAN HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN KẾ HOẠCH PHÁT TRIỂN KINH TẾ - XÃ HỘI "
        "NĂM 2024"
    )
    sentence = (
        "ĐẢNG ĐOÀN QUỐC HỘI\n\nSố 12-KH/ĐĐQH15\n\nHà Nội, ngày 10 tháng 01 năm 2025\n\n"
        "**KẾ HOẠCH**\n\n**Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024**\n\n"
        "**của Bộ Chính trị về phát triển khoa học, công nghệ**\n\n"
        "Ngày 22/12/2024, Bộ Chính trị ban hành Nghị quyết số 57-NQ/TW.\n\nI. MỤC ĐÍCH\n"
    )
    assert _fields(sentence)["title"] == (
        "Triển khai thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về phát "
        "triển khoa học, công nghệ"
    )
    note = (
        "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\nSố: 7/KH-UBND\n\nHà Tĩnh, ngày 3 tháng 3 năm 2024\n\n"
        "KẾ HOẠCH\n\nPhát triển du lịch năm 2024\n\n(Kèm theo Quyết định số 1/QĐ-UBND)\n\n"
        "Phát triển du lịch bền vững\n\nI. MỤC ĐÍCH\n"
    )
    assert _fields(note)["title"] == "Phát triển du lịch năm 2024"


def test_the_signer_of_a_closing_a_page_break_cut() -> None:
    """A PDF closing in two columns cut by a page break: the position signs right after
    the recipients of its page, the last recipients and the name come after the break."""
    text = (
        "BỘ NỘI VỤ        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "                 Độc lập - Tự do - Hạnh phúc\n"
        "Số: 11/2024/TT-BNV        Hà Nội, ngày 18 tháng 10 năm 2024\n"
        "THÔNG TƯ\nQUY ĐỊNH VỀ VIỆC LẬP, QUẢN LÝ HỒ SƠ ĐỊA GIỚI ĐƠN VỊ HÀNH CHÍNH\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
        "Điều 1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2024.\n"
        "Nơi nhận:                                                        BỘ TRƯỞNG\n"
        "- Ban Bí thư Trung ương Đảng;\n- Thủ tướng Chính phủ;\n"
        "\f                                      6\n"
        "- Các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ;\n- Lưu: VT, CQĐP.\n\n\n"
        "                                                                  Phạm Thị Thanh Trà\n"
    )
    assert _fields(text)["signer"] == {"name": "Phạm Thị Thanh Trà", "position": "Bộ trưởng"}


def test_a_letter_is_a_cong_van_titled_by_its_subject() -> None:
    """A letter (Công văn) has no kind line: "V/v …" under its number says what it is about;
    the subject may wrap, and a portal copy may run the place-date onto the motto."""
    plain = (
        "UBND TỈNH LÂM ĐỒNG\nSỞ Y TẾ\nSố: 99/SYT-NVY\nV/v tăng cường công tác phòng, chống\n"
        "dịch bệnh mùa mưa năm 2026\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nLâm Đồng, ngày 02 tháng 7 năm 2026\n\n"
        "Kính gửi: Các bệnh viện trực thuộc Sở.\n\nSở Y tế đề nghị các đơn vị thực hiện.\n\n"
        "Nơi nhận:\n- Như trên;\n\nGIÁM ĐỐC\n\nLê Văn Cường\n"
    )
    got = _fields(plain)
    assert (got["kind"], got["number"], got["date"], got["place"]) == (
        "CongVan",
        "99/SYT-NVY",
        "2026-07-02",
        "Lâm Đồng",
    )
    assert got["title"] == "V/v tăng cường công tác phòng, chống dịch bệnh mùa mưa năm 2026"
    assert got["issuer"] == {"kind": "so_yt", "scope": "Lâm Đồng"}
    portal = (
        "| BỘ TÀI CHÍNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| Số: 5678/BTC-NSNN V/v hướng dẫn báo cáo tình hình thực hiện dự toán | Độc lập - Tự "
        "do - Hạnh phúc Hà Nội, ngày 12 tháng 6 năm 2026 |\n\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh.\n\nBộ Tài chính đề nghị báo cáo.\n\n"
        "Nơi nhận:\n- Như trên;\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nTrần Văn Bình\n"
    )
    got = _fields(portal)
    assert (got["kind"], got["number"], got["date"], got["place"], got["title"]) == (
        "CongVan",
        "5678/BTC-NSNN",
        "2026-06-12",
        "Hà Nội",
        "V/v hướng dẫn báo cáo tình hình thực hiện dự toán",
    )
    # a decision "Về việc …" under its kind line keeps its kind
    decision = plain.replace("V/v tăng cường", "QUYẾT ĐỊNH\nVề việc tăng cường")
    assert _fields(decision)["kind"] == "QuyetDinh"


def test_the_body_a_kind_line_names_issues_and_is_no_part_of_the_title() -> None:
    """Party documents print "BAN CHẤP HÀNH TRUNG ƯƠNG" above and the body that issues under
    the kind line ("KẾT LUẬN" / "CỦA BỘ CHÍNH TRỊ"); an older Gazette copy runs it onto the
    kind line ("CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ"). A "CỦA …" line that names no body of the
    register is the title's first line."""
    head = "BAN CHẤP HÀNH TRUNG ƯƠNG\n*\nSố 45-KL/TW\nĐẢNG CỘNG SẢN VIỆT NAM\n"
    head += "Hà Nội, ngày 10 tháng 3 năm 2025\n\n"
    body = (
        "\nvề tiếp tục thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2014\n\n"
        "Tại phiên họp ngày 5/3/2025, Bộ Chính trị kết luận như sau:\n\n"
        "1. Các cấp ủy tiếp tục quán triệt Chỉ thị số 35-CT/TW.\n\nT/M BỘ CHÍNH TRỊ\n\n"
        "Trần Văn Dũng\n"
    )
    got = _fields(head + "KẾT LUẬN\nCỦA BỘ CHÍNH TRỊ" + body)
    assert got["issuer"] == {"kind": "bo_chinh_tri", "scope": "national"}
    assert got["title"] == "về tiếp tục thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2014"
    got = _fields(head + "CHỈ THỊ CỦA BAN BÍ THƯ" + body)
    assert (got["kind"], got["issuer"]["kind"]) == ("ChiThi", "ban_bi_thu")
    assert got["title"] == "về tiếp tục thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2014"
    got = _fields(head + "KẾ HOẠCH\nCỦA CÁC CẤP ỦY VỀ TRIỂN KHAI" + body)
    assert got["title"].startswith("CỦA CÁC CẤP ỦY VỀ TRIỂN KHAI")


@pytest.mark.parametrize("sep", [" ", " - ", " — ", " | ", "   "])
def test_a_number_run_onto_the_place_date_is_parted_from_it(sep: str) -> None:
    """'Số: 12/KH-UBND — Bắc Ninh, ngày …' on one line: the number stops before the place,
    whatever parts them (a space, a dash, a bar); a number set off from its symbol ('773
    /QĐ-TTg') stays whole."""
    text = (
        "ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\nSố: 12/KH-UBND{sep}Bắc Ninh, ngày 05 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện chuyển đổi số năm 2026\n\nI. MỤC ĐÍCH\n\n1. Nâng cao.\n"
    )
    got = _fields(text)
    assert (got["number"], got["place"], got["date"]) == ("12/KH-UBND", "Bắc Ninh", "2026-03-05")
    spaced = text.replace(f"12/KH-UBND{sep}", "773 /QĐ-TTg ")
    assert _fields(spaced)["number"] == "773/QĐ-TTg"
