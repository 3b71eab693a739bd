"""A synthetic corpus of provincial plans for the benchmarks (fixed seed, any size).

Every generated plan starts from the structure of one of the five real plans in
``corpus/`` and is then rewritten so that the extractor does real work on each one:

* another province (the 63 before 2025, the 34 after), its name in the header, the place
  line, the title, the provincial newspaper and every "tỉnh X" in the body;
* a fresh document number (unique per plan, so every plan is its own graph), date and
  signer;
* the legal basis: zero to three more instruments cited ("Căn cứ ..." / "Thực hiện ..."),
  drawn from national decisions, laws, decrees, circulars and provincial resolutions with
  their own numbers and dates; the numbers of provincial instruments cited by the real plan
  are renumbered (consistently within the plan);
* lists: runs of bullet items are shuffled, thinned and extended with items borrowed from
  the other plans; the agencies of "Cơ quan chủ trì / phối hợp" lines are redrawn;
* targets: the quantities (experts, enterprises, percentages, ...) are redrawn;
* reporting: deadlines ("Trước ngày 30 tháng 11 hàng năm", "trước ngày 30/11") are
  redrawn; after the 2025 reorganization the district level becomes the commune level.

``python -m policykg.bench.generate N OUT_DIR [--seed S]`` writes ``N`` plans as ``.txt``.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from policykg import bundled_corpus
from policykg.ingest.agencies import PROVINCES

DEFAULT_SEED = 20_250_701

#: The 63 provinces and centrally governed cities before 2025: the extractor's list less
#: "Huế", which it also knows by its old name "Thừa Thiên Huế".
PROVINCES_63: tuple[str, ...] = tuple(p for p in PROVINCES if p != "Huế")

#: The 34 provinces and cities from 1 July 2025.
PROVINCES_34: tuple[str, ...] = (
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh",
    "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên",
    "Phú Thọ", "Bắc Ninh", "Hưng Yên", "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng",
    "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai",
    "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
)  # fmt: skip

CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}

#: Provincial departments as plans name them (pre-2025 names).
DEPARTMENTS: tuple[str, ...] = (
    "Sở Khoa học và Công nghệ", "Sở Tài chính", "Sở Kế hoạch và Đầu tư", "Sở Công Thương",
    "Sở Nông nghiệp và Phát triển nông thôn", "Sở Lao động - Thương binh và Xã hội",
    "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Sở Y tế", "Sở Xây dựng",
    "Sở Giao thông vận tải", "Sở Tài nguyên và Môi trường", "Sở Giáo dục và Đào tạo",
    "Sở Văn hóa, Thể thao và Du lịch", "Ban Thi đua - Khen thưởng tỉnh",
    "Liên minh Hợp tác xã tỉnh", "Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh",
)  # fmt: skip

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý")  # fmt: skip
MIDDLE = ("Văn", "Thị", "Đình", "Quang", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Xuân",
          "Công", "Hồng")  # fmt: skip
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hùng", "Lan", "Long", "Mai", "Nam",
         "Phong", "Phương", "Quân", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh",
         "Yến")  # fmt: skip

#: Subjects of cited instruments ("... phê duyệt/ban hành <subject>").
SUBJECTS: tuple[str, ...] = (
    "Chương trình phát triển tài sản trí tuệ đến năm 2030",
    "Chiến lược phát triển khoa học, công nghệ và đổi mới sáng tạo đến năm 2030",
    "Đề án hỗ trợ doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo",
    "Chương trình mỗi xã một sản phẩm giai đoạn 2021 - 2025",
    "Chương trình chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
    "Kế hoạch phát triển thương mại điện tử giai đoạn 2021 - 2025",
    "Đề án nâng cao năng lực hệ thống đo lường quốc gia",
    "Chương trình quốc gia về phát triển công nghệ cao đến năm 2030",
    "Kế hoạch hỗ trợ hợp tác xã nâng cao năng lực cạnh tranh",
    "Chương trình phát triển công nghiệp hỗ trợ giai đoạn 2021 - 2030",
)  # fmt: skip


@dataclass(frozen=True)
class Base:
    """One real plan: its text and the header facts the generator rewrites."""

    name: str
    text: str
    province: str
    number: str | None
    kind_symbol: str  # KH | QĐ
    signer: str


def _gold_dir() -> Path:
    return Path(__file__).resolve().parent.parent / "tests" / "gold"


@lru_cache(maxsize=1)
def bases() -> tuple[Base, ...]:
    """The five real plans with their province, number and signer (from the gold files)."""
    out = []
    for path in sorted(bundled_corpus().glob("*.txt")):
        text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
        gold = json.loads((_gold_dir() / f"{path.stem}.json").read_text(encoding="utf-8"))
        doc = gold["document"]
        symbol = "QĐ" if doc["kind"] == "QuyetDinh" else "KH"
        out.append(
            Base(path.stem, text, doc["place"], doc["number"], symbol, doc["signer"]["name"])
        )
    return tuple(out)


_BULLET = re.compile(r"^\s*[-+•]\s+\S")


@lru_cache(maxsize=1)
def bullet_pool() -> tuple[str, ...]:
    """Bullet items of every real plan with its province name neutralized ("tỉnh")."""
    pool = []
    for b in bases():
        for para in _paragraphs(b.text):
            if _BULLET.match(para) and 40 < len(para) < 600 and b.province not in para:
                pool.append(para.strip())
    return tuple(pool)


def _paragraphs(text: str) -> list[str]:
    return re.split(r"\n[ \t]*\n", text)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _date(rng: random.Random, year: int) -> tuple[int, int, int]:
    return rng.randint(1, 28), rng.randint(1, 12), year


def _extra_citation(rng: random.Random, province: str, year: int) -> str:
    """One more instrument cited as legal basis or implemented, with a number and date."""
    d, m, y = _date(rng, rng.randint(2015, year - 1))
    subject = rng.choice(SUBJECTS)
    n = rng.randint(10, 2500)
    form = rng.randrange(5)
    if form == 0:
        text = (
            f"Quyết định số {n}/QĐ-TTg ngày {d}/{m}/{y} của Thủ tướng Chính phủ phê duyệt {subject}"
        )
    elif form == 1:
        text = f"Nghị định số {n % 300 + 1}/{y}/NĐ-CP ngày {d}/{m}/{y} của Chính phủ quy định chi tiết {subject[0].lower()}{subject[1:]}"  # noqa: E501
    elif form == 2:
        text = f"Thông tư số {n % 60 + 1}/{y}/TT-BKHCN ngày {d}/{m}/{y} của Bộ trưởng Bộ Khoa học và Công nghệ hướng dẫn thực hiện {subject}"  # noqa: E501
    elif form == 3:
        text = f"Nghị quyết số {n % 150 + 1}/{y}/NQ-HĐND ngày {d}/{m}/{y} của Hội đồng nhân dân tỉnh {province} về {subject[0].lower()}{subject[1:]}"  # noqa: E501
    else:
        text = f"Quyết định số {n}/QĐ-UBND ngày {d}/{m}/{y} của Ủy ban nhân dân tỉnh {province} ban hành {subject}"  # noqa: E501
    lead = "Thực hiện" if form == 0 and rng.random() < 0.5 else "Căn cứ"
    return f"{lead} {text};"


_LEGAL_START = re.compile(r"^\s*(\*\*)?(Thực hiện|Căn cứ|Luật)\b")
_ROLE_LINE = re.compile(r"^(\s*[a-zđ]\)\s*(?:Cơ quan|Đơn vị) (?:chủ trì|phối hợp)\s*:)(.*)$", re.S)
_LOCAL_NUMBER = re.compile(r"(số\s+)(\d+)(/(?:\d{4}/)?(?:QĐ|NQ|KH|TTr)-(?:UBND|HĐND|S\w+))")
_QUANTITY = re.compile(
    r"(?<![\d/.,:])\b(\d{1,3})(\s*%|\s+(?:doanh nghiệp|chuyên gia|lượt|tổ chức|sản phẩm|người|"
    r"câu lạc bộ|đơn vị|trường|mô hình|hợp tác xã|cơ sở|giấy chứng nhận|tiêu chuẩn|nhiệm vụ))"
)
_DEADLINE_WORDS = re.compile(r"(trước ngày\s+)(\d{1,2})( tháng )(\d{1,2})", re.I)
_DEADLINE_SLASH = re.compile(r"(trước ngày\s+)(\d{1,2})/(\d{1,2})(?!/)", re.I)
_HEADER_NUMBER = re.compile(r"(Số:)[ \t]*(\d*)[ \t]*(/(?:\d{4}/)?)(KH|QĐ)(-UBND)")


def generate_plan(index: int, *, seed: int = DEFAULT_SEED) -> tuple[str, str]:
    """The ``index``-th plan of the corpus of ``seed``: (file name, text). Deterministic."""
    rng = random.Random(f"{seed}:{index}")
    base = bases()[rng.randrange(len(bases()))]
    year = rng.choice((2021, 2022, 2023, 2024, 2025, 2025))
    after_2025 = year == 2025 and rng.random() < 0.6
    province = rng.choice(PROVINCES_34 if after_2025 else PROVINCES_63)
    number = str(index * 10 + rng.randint(1, 9))
    text = base.text

    # -- body: recombine paragraphs -----------------------------------------------------
    paras = _paragraphs(text)
    pool = bullet_pool()
    out: list[str] = []
    run: list[str] = []
    extra_cited = False

    def flush_run() -> None:
        if not run:
            return
        items = list(run)
        if len(items) > 2 and rng.random() < 0.5:
            rng.shuffle(items)
        items = [p for p in items if rng.random() > 0.2] or items[:1]
        while rng.random() < 0.35:
            items.insert(rng.randrange(len(items) + 1), rng.choice(pool))
        out.extend(items)
        run.clear()

    for para in paras:
        if _BULLET.match(para) and "\n#" not in para:
            run.append(para)
            continue
        flush_run()
        if not extra_cited and _LEGAL_START.match(para):
            extra_cited = True
            out.extend(_extra_citation(rng, province, year) for _ in range(rng.randint(0, 3)))
        m = _ROLE_LINE.match(para)
        if m and rng.random() < 0.7:
            chosen = rng.sample(DEPARTMENTS, rng.randint(1, 4))
            tail = rng.choice(("", " và các cơ quan, đơn vị có liên quan", ", UBND các huyện"))
            para = f"{m.group(1)} {', '.join(chosen)}{tail}."
        out.append(para)
    flush_run()
    text = "\n\n".join(out)

    # -- numbers, quantities, deadlines --------------------------------------------------
    renumber: dict[str, str] = {}

    def local_number(m: re.Match[str]) -> str:
        new = renumber.setdefault(m.group(2), str(rng.randint(1, 3000)))
        return m.group(1) + new + m.group(3)

    text = _LOCAL_NUMBER.sub(local_number, text)

    def quantity(m: re.Match[str]) -> str:
        old = int(m.group(1))
        if m.group(2).strip() == "%":
            new = max(1, min(99, old + rng.randint(-10, 15)))
        else:
            new = max(1, int(old * rng.uniform(0.5, 2.5)))
        width = len(m.group(1)) if m.group(1).startswith("0") else 0
        return f"{new:0{width}d}{m.group(2)}"

    text = _QUANTITY.sub(quantity, text)
    text = _DEADLINE_WORDS.sub(
        lambda m: f"{m.group(1)}{rng.randint(1, 28)}{m.group(3)}{rng.randint(1, 12)}", text
    )
    text = _DEADLINE_SLASH.sub(
        lambda m: f"{m.group(1)}{rng.randint(1, 28)}/{rng.randint(1, 12)}", text
    )

    # -- header: number, date, signer, province ------------------------------------------
    text = _HEADER_NUMBER.sub(
        lambda m: f"{m.group(1)} {number}{m.group(3)}{m.group(4)}-UBND", text, 1
    )
    d, mo, _ = _date(rng, year)
    text = re.sub(
        rf"({re.escape(base.province)},\s*ngày)[ \t]*\d*[ \t]*tháng[ \t]*\d*[ \t]*năm[ \t]*\d{{4}}",
        lambda m: f"{m.group(1)} {d:02d} tháng {mo:02d} năm {year}",
        text,
        count=1,
    )
    text = text.replace(base.signer, _name(rng))
    text = _replace_province(text, base.province, province)
    if after_2025:
        text = re.sub(
            r"(UBND|Ủy ban nhân dân) các huyện, thành phố(, thị xã)?",
            r"\1 các xã, phường, đặc khu",
            text,
        )
        text = text.replace(
            "Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"
        )
        text = text.replace("Sở Kế hoạch và Đầu tư", "Sở Tài chính")
    symbol = "kh" if base.kind_symbol == "KH" else "qd"
    name = f"{index:05d}_{_slug(province)}_{number}-{symbol}-ubnd_{year}.txt"
    return name, text


def _replace_province(text: str, old: str, new: str) -> str:
    unit = "thành phố" if new in CITIES else "tỉnh"
    text = re.sub(rf"\btỉnh {re.escape(old)}", f"{unit} {new}", text)
    text = re.sub(rf"\bTỈNH {re.escape(old.upper())}", f"{unit.upper()} {new.upper()}", text)
    text = text.replace(old.upper(), new.upper())
    return text.replace(old, new)


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    ascii_ = "".join(c for c in ascii_ if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_).strip("-")


def iter_plans(n: int, *, seed: int = DEFAULT_SEED) -> Iterator[tuple[str, str]]:
    """The first ``n`` plans of the corpus of ``seed``."""
    for i in range(n):
        yield generate_plan(i, seed=seed)


def write_corpus(n: int, out_dir: str | Path, *, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write ``n`` plans into ``out_dir`` (reused when it already holds them); their paths."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = folder / ".corpus"
    key = f"{n} {seed}\n"
    existing = sorted(folder.glob("*.txt"))
    if stamp.exists() and stamp.read_text() == key and len(existing) == n:
        return existing
    for old in existing:
        old.unlink()
    paths = []
    for name, text in iter_plans(n, seed=seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    stamp.write_text(key)
    return sorted(paths)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of plans")
    parser.add_argument("out_dir", type=Path, help="folder to write them to")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    paths = write_corpus(args.n, args.out_dir, seed=args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} plans, {size / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
