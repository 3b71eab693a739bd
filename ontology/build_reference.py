"""Write the reference data of ``ontology/reference/`` and the agency kinds (committed output).

Run ``python -m policykg.ontology.build_reference`` after editing a table; a test checks that
the committed files equal what this script writes. The facts come from
``../shared/reference/national-decisions.md`` and ``restructuring-2025.md`` (each with the
URL or legal act they give as ``dcterms:source``), from the register of state bodies
(``ontology/register/*.tsv``, each row with its legal source) and, for instruments those
sheets do not cover, from the plans that cite them (``dcterms:source`` = the citing plan).

Files written:

* ``reference/instruments.ttl``: the national instruments the corpus cites, with number,
  date, issuer and title; the legal acts the register cites; the national targets and task
  groups of the programmes;
* ``reference/provinces.ttl``: the 63 provinces before 1 July 2025 and the 34 after, with one
  ``org:ChangeEvent`` per merger (Nghị quyết 202/2025/QH15);
* ``reference/agencies.ttl``: every body of the register with its names, period and sources,
  and every change of ``changes.tsv`` (:mod:`policykg.ontology.build_register`);
* ``agency-kinds.ttl``: the agency kinds (a SKOS concept scheme) built from ``bodies.tsv``.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS, XSD

from policykg.ontology.build_register import (
    agencies_graph,
    date_literal,
    graph,
    kinds_graph,
    provinces_graph,
)
from policykg.ontology.instruments import instrument_iri
from policykg.ontology.iri import DCTERMS, ELI, ORG, PKG, SDO, IriMinter
from policykg.ontology.register import register

E = Namespace(ELI)
W3ORG = Namespace(ORG)
P = Namespace(PKG)
D = Namespace(DCTERMS)
S = Namespace(SDO)

HERE = Path(__file__).resolve().parent
OUT = HERE / "reference"
M = IriMinter()

# --- sources ----------------------------------------------------------------------------
SRC_1322 = (
    "https://vbpl.freshdesk.com/support/solutions/articles/16000180159-c%C3%B4ng-v%C4%83n-"
    "1078-vpcp-kgvx-ng%C3%A0y-20-02-2024-tri%E1%BB%83n-khai-ch%C6%B0%C6%A1ng-tr%C3%ACnh-"
    "qu%E1%BB%91c-gia-h%E1%BB%97-tr%E1%BB%A3-doanh-nghi%E1%BB%87p-n%C3%A2ng-cao"
)
SRC_1322_B = (
    "https://vietnamcirculareconomy.vn/chuong-trinh-quoc-gia-nang-cao-nang-suat-va-chat-"
    "luong-san-pham-hang-hoa-cua-doanh-nghiep-viet-nam-den-nam-2030-2/"
)
SRC_1322_TARGETS = "http://203.162.251.46/en/bai-viet/11275"
SRC_1322_VOV = (
    "https://english.vov.vn/en/economy/pm-launches-nationwide-campaign-to-support-"
    "businesses-781991.vov"
)
SRC_1322_TRAVINH = (
    "https://sct.travinh.gov.vn/1438/38523/67564/618964/tin-chuyen-nganh/chuong-trinh-quoc-"
    "gia-ho-tro-doanh-nghiep-nang-cao-nang-suat-va-chat-luong-san-pham-hang-hoa-gia"
)
SRC_36 = (
    "https://thuviennhadat.vn/vbpl/quyet-dinh-36-qd-ttg-2021-nang-cao-nang-suat-dua-tren-"
    "nen-tang-khoa-hoc-cong-nghe-va-doi-moi-sang-ta-461953.html"
)
SRC_36_TARGETS = (
    "https://dttc.sggp.org.vn/phan-dau-tang-nang-suat-lao-dong-binh-quan-tren-75nam-post79264.html"
)
SRC_36_2025 = (
    "https://baovinhlong.vn/khao-hoc-cong-nghe/202105/nang-cao-nang-suat-dua-tren-nen-tang-"
    "khoa-hoc-3058829/"
)
SRC_100 = (
    "https://thuvienphapluat.vn/van-ban/thuong-mai/Quyet-dinh-100-QD-TTg-2019-De-an-trien-"
    "khai-ap-dung-va-quan-ly-he-thong-truy-xuat-nguon-goc-405476.aspx"
)
SRC_100_TARGETS = (
    "https://chatluongvacuocsong.vn/xay-dung-de-an-truy-xuat-nguon-goc-san-pham-hang-hoa-"
    "quoc-gia-d75399.html"
)
SRC_712 = (
    "https://vanban123.vn/Quyet-dinh/quyet-dinh-712-qd-ttg-nam-2010-phe-duyet-chuong-trinh-"
    "quoc-gia-nang-cao-nang-suat-va-chat-luong-san-pham-hang-hoa-cua-doanh-nghiep-viet-nam-"
    "den-nam-2020-do-thu-tuong-chinh-phu-ban-hanh-210868"
)
SRC_TT35 = (
    "https://ls1.hethongphapluat.com/nghi-quyet-20-2021-nq-hdnd-quy-dinh-ve-noi-dung-chi-"
    "muc-chi-thuc-hien-cac-nhiem-vu-ho-tro-doanh-nghiep-nang-cao-nang-suat-va-chat-luong-"
    "san-pham-hang-hoa-giai-doan-2021-2030-tren-dia-ban-tinh-dong-nai.html"
)
SRC_CT07 = "https://vjst.vn/vn/pages/ChiTietVanBan.aspx?vID=63"
SRC_UY_BAN = (
    "https://www.sggp.org.vn/san-pham-rui-ro-cao-phai-ap-dung-truy-xuat-nguon-goc-bat-buoc-"
    "post828129.html"
)


@dataclass
class Instrument:
    key: str
    kind: str
    number: str | None
    date: str | None
    issuer: str  # national agency kind
    title: str | None
    sources: list[str]
    in_force: str | None = None
    period: tuple[int, int] | None = None
    based_on: list[str] = field(default_factory=list)
    amended_by: list[str] = field(default_factory=list)

    @property
    def iri(self) -> str:
        return instrument_iri(
            M,
            kind=self.kind,
            number=self.number,
            date=self.date,
            issuer_kind=self.issuer,
            issuer_scope="national",
            title=self.title,
        )


def _plan(kind: str, number: str, date: str, province: str) -> str:
    """IRI of a provincial plan that states a fact (used as its ``dcterms:source``)."""
    return instrument_iri(
        M,
        kind=kind,
        number=number,
        date=date,
        issuer_kind="ubnd_tinh",
        issuer_scope=province,
        title=None,
    )


PLAN_DONG_NAI = _plan("KeHoach", "12015/KH-UBND", "2021-10-01", "Đồng Nai")
PLAN_TUYEN_QUANG = _plan("KeHoach", "60/KH-UBND", "2022-04-19", "Tuyên Quang")
PLAN_QUANG_NAM = instrument_iri(
    M,
    kind="QuyetDinh",
    number=None,
    date="2021",
    issuer_kind="ubnd_tinh",
    issuer_scope="Quảng Nam",
    title="Ban hành Kế hoạch hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng sản phẩm, "
    "hàng hóa trên địa bàn tỉnh Quảng Nam, giai đoạn 2021 - 2025",
)

INSTRUMENTS: list[Instrument] = [
    Instrument(
        "luat_tccp",
        "Luat",
        None,
        "2015-06-19",
        "quoc_hoi",
        "Luật Tổ chức Chính phủ",
        [SRC_36, SRC_100],
        amended_by=["luat_sua_doi_2019"],
    ),
    Instrument(
        "luat_tccqdp",
        "Luat",
        None,
        "2015-06-19",
        "quoc_hoi",
        "Luật Tổ chức chính quyền địa phương",
        [PLAN_QUANG_NAM],
        amended_by=["luat_sua_doi_2019"],
    ),
    Instrument(
        "luat_sua_doi_2019",
        "Luat",
        None,
        "2019-11-22",
        "quoc_hoi",
        "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính "
        "quyền địa phương",
        [SRC_36, PLAN_QUANG_NAM],
    ),
    Instrument(
        "luat_khcn",
        "Luat",
        None,
        "2013-06-18",
        "quoc_hoi",
        "Luật Khoa học và Công nghệ",
        [SRC_36, PLAN_DONG_NAI, PLAN_QUANG_NAM],
    ),
    Instrument(
        "luat_tcqckt",
        "Luat",
        None,
        "2006-06-29",
        "quoc_hoi",
        "Luật Tiêu chuẩn và Quy chuẩn kỹ thuật",
        [SRC_100, PLAN_QUANG_NAM],
    ),
    Instrument(
        "luat_clsphh",
        "Luat",
        None,
        "2007-11-21",
        "quoc_hoi",
        "Luật Chất lượng sản phẩm, hàng hóa",
        [SRC_100, PLAN_QUANG_NAM],
    ),
    Instrument(
        "luat_htdnnvv",
        "Luat",
        None,
        None,
        "quoc_hoi",
        "Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
        [PLAN_DONG_NAI],
    ),
    Instrument(
        "luat_nsnn", "Luat", None, None, "quoc_hoi", "Luật Ngân sách nhà nước", [PLAN_DONG_NAI]
    ),
    Instrument(
        "nd_08_2014", "NghiDinh", "08/2014/NĐ-CP", "2014-01-27", "chinh_phu", None, [SRC_36]
    ),
    Instrument(
        "qd_712",
        "QuyetDinh",
        "712/QĐ-TTg",
        "2010-05-21",
        "thu_tuong",
        "phê duyệt Chương trình quốc gia Nâng cao năng suất và chất lượng sản phẩm, hàng hóa "
        "của doanh nghiệp Việt Nam đến năm 2020",
        [SRC_712],
    ),
    Instrument(
        "qd_734",
        "QuyetDinh",
        "734/QĐ-TTg",
        "2015-05-27",
        "thu_tuong",
        "phê duyệt điều chỉnh Quy hoạch tổng thể phát triển kinh tế - xã hội tỉnh Đồng Nai "
        "đến năm 2020, tầm nhìn đến năm 2025",
        [PLAN_DONG_NAI],
    ),
    Instrument(
        "qd_100",
        "QuyetDinh",
        "100/QĐ-TTg",
        "2019-01-19",
        "thu_tuong",
        "phê duyệt Đề án triển khai, áp dụng và quản lý hệ thống truy xuất nguồn gốc",
        [SRC_100],
        based_on=["luat_tccp", "luat_tcqckt", "luat_clsphh"],
    ),
    Instrument(
        "ct_07",
        "ChiThi",
        "07/CT-TTg",
        "2020-02-04",
        "thu_tuong",
        None,
        [SRC_CT07],
    ),
    Instrument(
        "qd_1266",
        "QuyetDinh",
        "1266/QĐ-TTg",
        "2020-08-18",
        "thu_tuong",
        "phê duyệt Chiến lược phát triển vật liệu xây dựng Việt Nam thời kỳ 2021-2030, định "
        "hướng đến năm 2050",
        [PLAN_TUYEN_QUANG],
    ),
    Instrument(
        "qd_1322",
        "QuyetDinh",
        "1322/QĐ-TTg",
        "2020-08-31",
        "thu_tuong",
        "phê duyệt Chương trình quốc gia hỗ trợ doanh nghiệp nâng cao năng suất và chất lượng "
        "sản phẩm, hàng hóa giai đoạn 2021-2030",
        [SRC_1322, SRC_1322_B],
        period=(2021, 2030),
    ),
    Instrument(
        "qd_36",
        "QuyetDinh",
        "36/QĐ-TTg",
        "2021-01-11",
        "thu_tuong",
        "ban hành Kế hoạch tổng thể nâng cao năng suất dựa trên nền tảng khoa học, công nghệ và "
        "đổi mới sáng tạo giai đoạn 2021 - 2030",
        [SRC_36],
        in_force="2021-01-11",
        period=(2021, 2030),
        based_on=["luat_tccp", "luat_sua_doi_2019", "luat_khcn", "nd_08_2014"],
    ),
    Instrument(
        "qd_157",
        "QuyetDinh",
        "157/QĐ-TTg",
        "2021-02-01",
        "thu_tuong",
        "ban hành Chương trình phát triển sản phẩm quốc gia đến năm 2030",
        [PLAN_DONG_NAI],
    ),
    Instrument(
        "tt_35",
        "ThongTu",
        "35/2021/TT-BTC",
        "2021-05-19",
        "bo_tc",
        "quy định cơ chế quản lý tài chính thực hiện Chương trình quốc gia hỗ trợ doanh nghiệp "
        "nâng cao năng suất và chất lượng sản phẩm, hàng hóa giai đoạn 2021-2030",
        [SRC_TT35, PLAN_DONG_NAI],
    ),
] + [
    Instrument(
        src.key,
        src.kind,
        src.number,
        src.date or None,
        src.issuer,
        src.title or None,
        list(src.urls),
        in_force=src.in_force or None,
    )
    for src in register().sources.values()
    if src.is_instrument
]
BY_KEY = {i.key: i for i in INSTRUMENTS}


def source_iris(key: str) -> list[str]:
    """The IRIs a source key of the register stands for: an instrument, or its pages."""
    if key in BY_KEY:
        return [BY_KEY[key].iri]
    src = register().sources.get(key)
    return list(src.urls) if src else []


@dataclass(frozen=True)
class NationalTarget:
    text_vi: str
    text_en: str
    indicator: str
    comparator: str
    min: float | None
    max: float | None
    unit: str
    due: int
    per_year: bool
    source: str


TARGETS: dict[str, list[NationalTarget]] = {
    "qd_1322": [
        NationalTarget(
            "Đào tạo, chứng nhận khoảng 600 chuyên gia năng suất, chất lượng (2021-2025)",
            "About 600 productivity and quality experts trained and certified (2021-2025)",
            "experts_certified",
            "about",
            600,
            600,
            "chuyên gia",
            2025,
            False,
            SRC_1322_TARGETS,
        ),
        NationalTarget(
            "Khoảng 1.000 chuyên gia được chứng nhận (2026-2030)",
            "About 1,000 experts certified (2026-2030)",
            "experts_certified",
            "about",
            1000,
            1000,
            "chuyên gia",
            2030,
            False,
            SRC_1322_TARGETS,
        ),
        NationalTarget(
            "Khoảng 200 chuyên gia đạt chứng nhận khu vực, quốc tế (2026-2030)",
            "About 200 experts with regional or international certification (2026-2030)",
            "experts_international",
            "about",
            200,
            200,
            "chuyên gia",
            2030,
            False,
            SRC_1322_TARGETS,
        ),
        NationalTarget(
            "Hệ thống tiêu chuẩn quốc gia hài hòa khoảng 65% với tiêu chuẩn quốc tế, khu vực",
            "National standards about 65% harmonised with international and regional standards",
            "other",
            "about",
            65,
            65,
            "%",
            2025,
            False,
            SRC_1322_TARGETS,
        ),
        NationalTarget(
            "Tỷ lệ hài hòa tiêu chuẩn đạt 70 - 75%",
            "Standards harmonisation reaches 70-75%",
            "other",
            "range",
            70,
            75,
            "%",
            2030,
            False,
            SRC_1322_TARGETS,
        ),
        NationalTarget(
            "Số doanh nghiệp được hỗ trợ hàng năm tăng từ 10 - 15%",
            "Enterprises supported grow 10-15% a year",
            "enterprises_supported_growth",
            "range",
            10,
            15,
            "%",
            2030,
            True,
            SRC_1322_TRAVINH,
        ),
        NationalTarget(
            "Số chứng nhận ISO 9001, ISO 14001 tăng ít nhất 10% so với giai đoạn 2011-2020",
            "ISO 9001 and ISO 14001 certificates grow at least 10% over 2011-2020",
            "certificates_growth",
            "at_least",
            10,
            None,
            "%",
            2030,
            False,
            SRC_1322_TRAVINH,
        ),
        NationalTarget(
            "Ít nhất 100 doanh nghiệp trở thành mô hình điểm",
            "At least 100 enterprises become model enterprises",
            "model_enterprises",
            "at_least",
            100,
            None,
            "doanh nghiệp",
            2030,
            False,
            SRC_1322_TRAVINH,
        ),
    ],
    "qd_36": [
        NationalTarget(
            "Tốc độ tăng năng suất lao động bình quân trên 7%/năm đến năm 2025",
            "Average labour-productivity growth above 7% a year by 2025",
            "labor_productivity_growth",
            "more_than",
            7,
            None,
            "%",
            2025,
            True,
            SRC_36_2025,
        ),
        NationalTarget(
            "Đóng góp của TFP vào tăng trưởng khoảng 45% đến năm 2025",
            "TFP contributes about 45% of growth by 2025",
            "tfp_contribution",
            "about",
            45,
            45,
            "%",
            2025,
            False,
            SRC_36_2025,
        ),
        NationalTarget(
            "Tốc độ tăng năng suất lao động bình quân trên 7,5%/năm đến năm 2030",
            "Average labour-productivity growth above 7.5% a year by 2030",
            "labor_productivity_growth",
            "more_than",
            7.5,
            None,
            "%",
            2030,
            True,
            SRC_36_TARGETS,
        ),
        NationalTarget(
            "Đóng góp của TFP vào tăng trưởng khoảng 50% đến năm 2030",
            "TFP contributes about 50% of growth by 2030",
            "tfp_contribution",
            "about",
            50,
            50,
            "%",
            2030,
            False,
            SRC_36_TARGETS,
        ),
        NationalTarget(
            "30 - 35 tỉnh, thành phố hoàn thành và triển khai kế hoạch nâng cao năng suất",
            "30-35 provinces complete and carry out a productivity plan",
            "other",
            "range",
            30,
            35,
            "tỉnh, thành phố",
            2030,
            False,
            SRC_36_TARGETS,
        ),
        NationalTarget(
            "Ít nhất 500 doanh nghiệp nhỏ và vừa triển khai dự án điểm",
            "At least 500 SMEs run pilot projects",
            "model_enterprises",
            "at_least",
            500,
            None,
            "doanh nghiệp",
            2030,
            False,
            SRC_36_TARGETS,
        ),
    ],
    "qd_100": [
        NationalTarget(
            "Ban hành ít nhất 05 tiêu chuẩn quốc gia (TCVN) về truy xuất nguồn gốc",
            "At least 5 national standards (TCVN) on traceability issued",
            "other",
            "at_least",
            5,
            None,
            "TCVN",
            2020,
            False,
            SRC_100_TARGETS,
        ),
        NationalTarget(
            "Ban hành 01 quy chuẩn kỹ thuật quốc gia (QCVN) về truy xuất nguồn gốc",
            "One national technical regulation (QCVN) on traceability issued",
            "other",
            "exact",
            1,
            1,
            "QCVN",
            2020,
            False,
            SRC_100_TARGETS,
        ),
    ],
}

#: Task groups of a national programme: (Vietnamese, English, themes, source).
TASK_GROUPS: dict[str, list[tuple[str, str, list[str], str]]] = {
    "qd_1322": [
        (
            "Hoàn thiện cơ chế, chính sách thúc đẩy hoạt động nâng cao năng suất và chất lượng",
            "Improve the mechanisms and policies that promote productivity and quality work",
            ["policy"],
            SRC_1322_TARGETS,
        ),
        (
            "Tăng cường truyền thông; hướng dẫn doanh nghiệp áp dụng hệ thống quản lý, công cụ "
            "cải tiến năng suất chất lượng",
            "Strengthen communication and guide enterprises in applying management systems and "
            "productivity and quality tools",
            ["communication", "enterprise_support"],
            SRC_1322_VOV,
        ),
        (
            "Xây dựng cơ sở dữ liệu về thực hành tốt năng suất",
            "Build a database of good productivity practices",
            ["data_information"],
            SRC_1322_VOV,
        ),
        (
            "Tôn vinh, khen thưởng tổ chức, cá nhân có thành tích về năng suất, chất lượng",
            "Honour and reward high achievers in productivity and quality",
            ["recognition"],
            SRC_1322_VOV,
        ),
    ],
}


def _issuer(g: Graph, kind: str) -> URIRef:
    """The node of a national issuer, with its names from the register."""
    body = register().bodies[kind]
    iri = URIRef(M.agency(kind, "national"))
    g.add((iri, RDF.type, W3ORG.Organization))
    g.add((iri, W3ORG.classification, URIRef(M.concept("agency-kind", kind))))
    g.add((iri, P.scope, Literal("national")))
    g.add((iri, SKOS.prefLabel, Literal(body.name_vi, lang="vi")))
    g.add((iri, SKOS.prefLabel, Literal(body.name_en, lang="en")))
    return iri


def build_instruments() -> Graph:
    g = graph()
    for ins in INSTRUMENTS:
        s = URIRef(ins.iri)
        g.add((s, RDF.type, E.LegalResource))
        g.add((s, E.type_document, URIRef(M.concept("document-kind", ins.kind))))
        if ins.number:
            g.add((s, E.number, Literal(ins.number)))
        if ins.date:
            g.add((s, E.date_document, date_literal(ins.date)))
        if ins.in_force:
            g.add((s, E.first_date_entry_in_force, date_literal(ins.in_force)))
        if ins.title:
            g.add((s, E.title, Literal(ins.title, lang="vi")))
        g.add((s, E.passed_by, _issuer(g, ins.issuer)))
        if ins.period:
            g.add((s, P.periodStart, Literal(str(ins.period[0]), datatype=XSD.gYear)))
            g.add((s, P.periodEnd, Literal(str(ins.period[1]), datatype=XSD.gYear)))
        for src in ins.sources or [ins.iri]:
            g.add((s, D.source, URIRef(src)))
        for key in ins.based_on:
            g.add((s, E.based_on, URIRef(BY_KEY[key].iri)))
        for key in ins.amended_by:
            g.add((s, E.amended_by, URIRef(BY_KEY[key].iri)))
            g.add((URIRef(BY_KEY[key].iri), E.amends, s))
    for key, targets in TARGETS.items():
        doc = BY_KEY[key].iri
        for n, t in enumerate(targets, start=1):
            ti = URIRef(M.part(doc, "target", n))
            g.add((ti, RDF.type, P.Target))
            g.add((ti, RDF.type, S.QuantitativeValue))
            g.add((ti, D.isPartOf, URIRef(doc)))
            g.add((ti, D.description, Literal(t.text_vi, lang="vi")))
            g.add((ti, D.description, Literal(t.text_en, lang="en")))
            g.add((ti, P.indicator, URIRef(M.concept("indicator", t.indicator))))
            g.add((ti, P.comparator, URIRef(M.concept("comparator", t.comparator))))
            for prop, value in ((S.minValue, t.min), (S.maxValue, t.max)):
                if value is not None:
                    text = str(int(value)) if float(value).is_integer() else str(value)
                    g.add((ti, prop, Literal(text, datatype=XSD.decimal)))
            g.add((ti, S.unitText, Literal(t.unit, lang="vi")))
            g.add((ti, P.dueYear, Literal(str(t.due), datatype=XSD.gYear)))
            g.add((ti, P.perYear, Literal(t.per_year)))
            g.add((ti, D.source, URIRef(t.source)))
    for key, groups in TASK_GROUPS.items():
        doc = BY_KEY[key].iri
        for n, (vi, en, themes, src) in enumerate(groups, start=1):
            gi = URIRef(M.part(doc, "task-group", n))
            g.add((URIRef(doc), P.taskGroup, gi))
            g.add((gi, RDF.type, P.TaskGroup))
            g.add((gi, D.isPartOf, URIRef(doc)))
            g.add((gi, D.identifier, Literal(str(n))))
            g.add((gi, D.title, Literal(vi, lang="vi")))
            g.add((gi, D.title, Literal(en, lang="en")))
            for theme in themes:
                g.add((gi, P.theme, URIRef(M.concept("theme", theme))))
            g.add((gi, D.source, URIRef(src)))
    return g


HEADER = (
    "# Generated by `python -m policykg.ontology.build_reference` from the tables in\n"
    "# ontology/build_reference.py and ontology/register/*.tsv. Do not edit by hand.\n"
)


def render(g: Graph) -> str:
    return HEADER + g.serialize(format="turtle")


def outputs() -> dict[str, str]:
    """Path under ``ontology/`` -> Turtle text of every generated file."""
    reg = register()
    return {
        "agency-kinds.ttl": render(kinds_graph(reg)),
        "reference/instruments.ttl": render(build_instruments()),
        "reference/provinces.ttl": render(provinces_graph(reg, source_iris)),
        "reference/agencies.ttl": render(agencies_graph(reg, source_iris)),
    }


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for name, text in outputs().items():
        (HERE / name).write_text(text, encoding="utf-8")
        print(f"wrote {HERE / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
