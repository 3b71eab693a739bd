"""The vocabulary of citations: kinds of instruments, the symbols inside their numbers,
the issuing bodies those symbols name, and the names of laws that a plain reading would cut.

A number is read as meant (:func:`canon_number`): spaces dropped ("311/TTr- SKHĐT"), a
missing hyphen restored ("1626/QĐTTg" -> "1626/QĐ-TTg"), a law number printed without its
symbol completed (:func:`law_number`: "64/2025" -> "64/2025/QH15"). Its symbols tell the
kind (:func:`kind_from_symbol`: QĐ -> QuyetDinh, -NQ/TW -> a party document) and the
issuer (:func:`issuer_from_number`: TTg -> thu_tuong, -UBND -> the province's committee,
TTLT-BTC-BLĐTBXH -> its first body). These are registers, not rules: extend them when a
real document brings a symbol or a law name they miss.
"""

from __future__ import annotations

import re
from typing import Any

from policykg.ingest.reading import ascii_key

__all__ = [
    "KIND_BY_SYMBOL",
    "KIND_CODES",
    "KIND_RX",
    "LAW_NAMES",
    "NUMBER",
    "PARTY_SYMBOLS",
    "SYMBOL_ISSUER",
    "canon_number",
    "is_party",
    "iso_date",
    "issuer_from_number",
    "kind_from_symbol",
    "law_number",
    "normalize_number",
    "symbol_parts",
    "target_key",
]

#: folded kind word -> kind code (longest first when matching)
KIND_CODES: dict[str, str] = {
    "thông tư liên tịch": "ThongTu",
    "bộ luật": "Luat",
    "luật": "Luat",
    "pháp lệnh": "PhapLenh",
    "nghị quyết": "NghiQuyet",
    "nghị định": "NghiDinh",
    "quyết định": "QuyetDinh",
    "thông tư": "ThongTu",
    "chỉ thị": "ChiThi",
    "kế hoạch": "KeHoach",
    "tờ trình": "ToTrinh",
    "công văn": "CongVan",
    "văn bản": "CongVan",
    "công điện": "Other",
    "đề án": "DeAn",
    "chương trình": "ChuongTrinh",
    "chiến lược": "ChienLuoc",
    "báo cáo": "BaoCao",
    "kết luận": "Other",
    "hướng dẫn": "Other",
    "thông báo": "Other",
    "quy định": "Other",
    "quy chế": "Other",
    "quy hoạch": "Other",
}
KIND_RX = "|".join(sorted((re.escape(k) for k in KIND_CODES), key=len, reverse=True))
#: the symbol of a document kind inside a number ("QĐ" in 1322/QĐ-TTg) -> kind code
KIND_BY_SYMBOL: dict[str, str] = {
    "QH": "Luat",
    "PL": "PhapLenh",
    "NQ": "NghiQuyet",
    "NĐ": "NghiDinh",
    "QĐ": "QuyetDinh",
    "TT": "ThongTu",
    "TTLT": "ThongTu",
    "CT": "ChiThi",
    "KH": "KeHoach",
    "TTR": "ToTrinh",
    "BC": "BaoCao",
    "ĐA": "DeAn",
    "CTR": "ChuongTrinh",
    "CĐ": "Other",
    "KL": "Other",
    "HD": "Other",
    "TB": "Other",
    "QC": "Other",
}
#: party bodies as the last part of a number (57-NQ/TW, 11-CT/TU, 3260-KH/ĐĐQH15)
PARTY_SYMBOLS = ("TW", "TƯ", "TU", "ĐU", "HU", "QU", "ĐĐQH", "BCSĐ", "ĐĐ", "BTGTW", "BKTTW")
#: the issuing body's symbol (last part of a number) -> (kind, scope; None = the province)
SYMBOL_ISSUER: dict[str, tuple[str, str | None]] = {
    "TTG": ("thu_tuong", "national"),
    "CP": ("chinh_phu", "national"),
    "VPCP": ("vpcp", "national"),
    "QH": ("quoc_hoi", "national"),
    "UBTVQH": ("ubtvqh", "national"),
    "BTC": ("bo_tc", "national"),
    "BKHCN": ("bo_khcn", "national"),
    "BCT": ("bo_ct", "national"),
    "BNV": ("bo_nv", "national"),
    "BXD": ("bo_xd", "national"),
    "BTNMT": ("bo_tnmt", "national"),
    "BNNMT": ("bo_nnmt", "national"),
    "BNNPTNT": ("bo_nnptnt", "national"),
    "BKHĐT": ("bo_khdt", "national"),
    "BTTTT": ("bo_tttt", "national"),
    "BLĐTBXH": ("bo_ldtbxh", "national"),
    "LĐTBXH": ("bo_ldtbxh", "national"),
    "BGDĐT": ("bo_gddt", "national"),
    "BYT": ("bo_yt", "national"),
    "BGTVT": ("bo_gtvt", "national"),
    "BTP": ("bo_tp", "national"),
    "BNG": ("bo_ng", "national"),
    "BQP": ("bo_qp", "national"),
    "BCA": ("bo_ca", "national"),
    "BVHTTDL": ("bo_vhttdl", "national"),
    "NHNN": ("nhnn", "national"),
    "TTCP": ("ttcp", "national"),
    "BHXH": ("bhxh_vn", "national"),
    "UBDT": ("ubdt", "national"),
    "UBND": ("ubnd_tinh", None),
    "UB": ("ubnd_tinh", None),
    "CT": ("ubnd_tinh", None),  # the committee's chairman: 1056/QĐ-CT
    "HĐND": ("hdnd_tinh", None),
    "SKHCN": ("so_khcn", None),
    "SKHĐT": ("so_khdt", None),
    "STC": ("so_tc", None),
    "SCT": ("so_ct", None),
    "SXD": ("so_xd", None),
    "STNMT": ("so_tnmt", None),
    "SNNMT": ("so_nnmt", None),
    "SNNPTNT": ("so_nnptnt", None),
    "SLĐTBXH": ("so_ldtbxh", None),
    "SNV": ("so_nv", None),
    "STTTT": ("so_tttt", None),
    "SYT": ("so_yt", None),
    "SGDĐT": ("so_gddt", None),
    "STP": ("so_tp", None),
    "SGTVT": ("so_gtvt", None),
    "SVHTTDL": ("so_vhttdl", None),
}
#: Legislatures of the National Assembly (QH11 ...) by the year their term began.
_LEGISLATURES = ((2002, 11), (2007, 12), (2011, 13), (2016, 14), (2021, 15), (2026, 16))

_UP = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
_SYM = rf"(?=[{_UP}])(?:[^\W\d_]|&)+\d*"
#: a document number: 1322/QĐ-TTg, 35/2021/TT-BTC, 25-NQ/TU, 311/TTr- SKHĐT, 49-CT /TW
NUMBER = re.compile(
    rf"(?<![\w/.,-])\d{{1,5}}(?:\s?/\s?(?:19|20)\d\d)?(?:\s?[/-]\s?{_SYM})(?:\s?[/-]\s?{_SYM})*"
    r"(?![\w/])"
)

#: law names holding a comma or a word that would otherwise end a name (read as one name)
LAW_NAMES = tuple(
    sorted(
        (
            ascii_key(n)
            for n in (
                "Phòng, chống tham nhũng",
                "Phòng, chống",
                "Thực hành tiết kiệm, chống lãng phí",
                "Khoa học, công nghệ và đổi mới sáng tạo",
                "Cán bộ, công chức",
                "Thi đua, khen thưởng",
                "Chất lượng sản phẩm, hàng hóa",
                "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
                "Xuất cảnh, nhập cảnh của công dân Việt Nam",
                "Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                "Phòng cháy, chữa cháy",
                "An toàn, vệ sinh lao động",
                "Quản lý, sử dụng vốn nhà nước đầu tư vào sản xuất, kinh doanh tại doanh nghiệp",
                "Thuế xuất khẩu, thuế nhập khẩu",
                "Thuế xuất khẩu, nhập khẩu",
                "Tài nguyên, môi trường biển và hải đảo",
                "Quy hoạch đô thị và nông thôn",
                "Bảo vệ và phát triển rừng",
                "Trồng trọt, chăn nuôi",
                "Địa chất và khoáng sản",
                "Ưu đãi người có công với cách mạng",
                "Cựu chiến binh",
                "Giao thông đường bộ",
                "Trật tự, an toàn giao thông đường bộ",
                "Đường sắt",
                "Điện ảnh",
                "Hôn nhân và gia đình",
                "Bình đẳng giới",
                "Người cao tuổi",
                "Người khuyết tật",
                "Trẻ em",
                "Thanh niên",
                "Đầu tư theo phương thức đối tác công tư",
                "Tổ chức Hội đồng nhân dân và Ủy ban nhân dân",
                "Tổ chức Hội đồng nhân dân và Uỷ ban nhân dân",
                "Phòng, chống tác hại của rượu, bia",
                "Phòng, chống tác hại của thuốc lá",
                "Phòng, chống ma túy",
                "Phòng, chống mua bán người",
                "Phòng, chống bạo lực gia đình",
                "Phòng, chống thiên tai",
                "Phòng, chống rửa tiền",
                "Phòng, chống khủng bố",
                "Phòng, chống bệnh truyền nhiễm",
                "Khám bệnh, chữa bệnh",
                "Dân quân tự vệ",
                "Xử lý vi phạm hành chính",
                "Quản lý thuế",
                "Quản lý, sử dụng tài sản công",
                "Quản lý và sử dụng tài sản công",
                "Tín ngưỡng, tôn giáo",
                "Tiếp cận thông tin",
                "Khiếu nại",
                "Tố cáo",
                "Tiếp công dân",
                "Kinh doanh bất động sản",
                "Các tổ chức tín dụng",
                "Ban hành văn bản quy phạm pháp luật",
                "Đo lường",
                "Đo đạc và bản đồ",
                "Tiêu chuẩn và quy chuẩn kỹ thuật",
                "Khoa học và công nghệ",
                "Chuyển giao công nghệ",
                "Sở hữu trí tuệ",
                "Công nghệ thông tin",
                "Công nghiệp công nghệ số",
                "Giao dịch điện tử",
                "An ninh mạng",
                "An toàn thông tin mạng",
                "Bảo vệ môi trường",
                "Tài nguyên nước",
                "Đa dạng sinh học",
                "Khí tượng thủy văn",
                "Thủy lợi",
                "Lâm nghiệp",
                "Thủy sản",
                "Chăn nuôi",
                "Trồng trọt",
                "Đê điều",
            )
        ),
        key=len,
        reverse=True,
    )
)


def normalize_number(n: str) -> str:
    return re.sub(r"\s+", "", n).upper()


def target_key(t: dict[str, Any]) -> str:
    """Matching key of a target (SCHEMA.md): number, else kind|date|first 6 title words."""
    num = t.get("number")
    if num:
        return normalize_number(str(num))
    words = re.findall(r"\w+", ascii_key(t.get("title") or ""))[:6]
    return f"{t.get('kind')}|{t.get('date')}|{' '.join(words)}"


def iso_date(d: str, m: str, y: str) -> str | None:
    dd, mm, yy = int(d), int(m), int(y)
    if not (1 <= mm <= 12 and 1 <= dd <= 31):
        return None
    return f"{yy:04d}-{mm:02d}-{dd:02d}"


_KIND_SYMBOLS_JOINED = ("QĐ", "NĐ", "NQ", "TTLT", "TT", "CT", "KH", "BC", "TTr", "CĐ")
_JOINED_ISSUERS = ("TTg", "CP", "UBND", "HĐND", "BTC", "VPCP")


#: symbol parts written in mixed case, as a line set in capitals prints them
_MIXED_CASE = {"TTG": "TTg", "TTR": "TTr", "QĐI": "QĐi"}


def canon_number(raw: str) -> str:
    """A number as meant: spaces out, a missing hyphen between the kind symbol and the
    issuer restored ("1626/QĐTTg" -> "1626/QĐ-TTg"), "QĐ-Tg" read as "QĐ-TTg"."""
    n = re.sub(r"\s+", "", raw)
    parts = re.split(r"([/-])", n)
    out: list[str] = []
    for part in parts:
        fixed = part
        for k in _KIND_SYMBOLS_JOINED:
            for iss in _JOINED_ISSUERS:
                if part == k + iss:
                    fixed = f"{k}-{iss}"
        if part == "Tg" and out and out[-1] == "-" and len(out) >= 2 and out[-2] in ("QĐ", "CT"):
            fixed = "TTg"
        fixed = _MIXED_CASE.get(fixed, fixed)  # printed in capitals: "QĐ-TTG" -> "QĐ-TTg"
        out.append(fixed)
    return "".join(out)


def symbol_parts(number: str) -> list[str]:
    n = normalize_number(number)
    return [p for p in re.split(r"[-/]", n)[1:] if p and not p.isdigit()]


def kind_from_symbol(number: str) -> str | None:
    parts = symbol_parts(number)
    if (parts and parts[-1] in PARTY_SYMBOLS) or any(p.startswith("ĐĐQH") for p in parts):
        return "Other"
    for p in parts:
        if p in KIND_BY_SYMBOL:
            return KIND_BY_SYMBOL[p]
        stem = re.sub(r"\d+$", "", p)
        if stem in ("QH", "UBTVQH") and p != stem:
            return "Luat" if stem == "QH" else "NghiQuyet"
    return None


def is_party(number: str) -> bool:
    parts = symbol_parts(number)
    return bool(parts) and parts[-1] in PARTY_SYMBOLS


def issuer_from_number(number: str, province: str | None) -> dict[str, str] | None:
    """The issuer a number's symbol names (TTg -> thu_tuong, -UBND -> the province's
    committee, TTLT-BTC-BLĐTBXH -> its first body), or ``None``."""
    parts = symbol_parts(number)
    if not parts:
        return None
    if parts[-1] in ("TU", "TƯ") and province:
        return {"kind": "tinh_uy", "scope": province}
    if parts[-1] in PARTY_SYMBOLS:
        return None
    candidates = parts[1:] if parts[0] == "TTLT" else parts[::-1]
    if parts[0] == "TTLT":
        candidates = parts[1:]
    for p in candidates:
        stem = re.sub(r"\d+$", "", p)
        hit = SYMBOL_ISSUER.get(p) or SYMBOL_ISSUER.get(stem)
        if hit is None or (p in KIND_BY_SYMBOL and stem not in ("QH",)):
            continue
        kind, scope = hit
        if scope is None and not province:
            return None
        return {"kind": kind, "scope": scope or province or ""}
    return None


def law_number(num: str) -> str:
    """ "64/2025" -> "64/2025/QH15" (a law's number printed without its symbol)."""
    m = re.match(r"^(\d+)/((?:19|20)\d\d)$", num)
    if not m:
        return num
    y = int(m.group(2))
    leg = None
    for start, n in _LEGISLATURES:
        if y >= start:
            leg = n
    return f"{num}/QH{leg}" if leg else num
