"""The gazetteer of state bodies, built from the register (``ontology/register/*.tsv``).

Every body of the register is found under its name, abbreviations and variant spellings;
the names used only in the centrally governed cities ("Thành ủy", "Ủy ban nhân dân thành
phố", every label ending in "tỉnh" with "thành phố") only in a city's documents. Labels are
word tokens compared without tone marks and case (:func:`tokenize`); :func:`gazetteer` holds
them in a trie for one document's province.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from policykg.ingest.reading import toneless_key
from policykg.ontology.register import register

__all__ = [
    "ENUM_HEADS",
    "PROVINCES",
    "Gazetteer",
    "Label",
    "Token",
    "Trie",
    "agency_kinds",
    "gazetteer",
    "is_city",
    "tokenize",
]

#: The 63 provinces and centrally governed cities before 2025 and the 34 after; used to
#: scope "Sở ... tỉnh X" to another province than the document's.
PROVINCES: tuple[str, ...] = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
    "Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng",
    "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng",
    "Hậu Giang", "Hòa Bình", "Hồ Chí Minh", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum",
    "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An", "Nam Định", "Nghệ An",
    "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi",
    "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
    "Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang",
    "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip

_TOKEN_RE = re.compile(r"[\w\u0300-\u036f]+(?:&[\w\u0300-\u036f]+)*")
ENUM_HEADS = {"sơ": "provincial", "bô": "national"}  # folded "Sở", "Bộ"


@dataclass(frozen=True, slots=True)
class Token:
    key: str
    start: int
    end: int
    text: str


def tokenize(text: str) -> list[Token]:
    """Word tokens of ``text`` with their offsets (``KH&CN`` is one token)."""
    return [
        Token(toneless_key(m.group()), m.start(), m.end(), m.group())
        for m in _TOKEN_RE.finditer(text)
    ]


@dataclass(frozen=True, slots=True)
class Label:
    kind: str
    keys: tuple[str, ...]
    caps: tuple[bool, ...]  # which tokens must be upper case in the text (abbreviations)
    first_cap: bool  # proper name: the first word must be capitalized in the text
    level: str


@lru_cache(maxsize=1)
def agency_kinds() -> dict[str, dict[str, Any]]:
    """The bodies of the register (``ontology/register/bodies.tsv``): code -> {"level",
    "labels" (names, abbreviations and variants, vi), "city" (the names used only in the
    centrally governed cities), "pref" (vi), "schema" (is the code one of SCHEMA.md?),
    "type" (ministry, department, vertical, ...)}."""
    out: dict[str, dict[str, Any]] = {}
    for b in register().bodies.values():
        out[b.code] = {
            "level": b.level,
            "labels": [b.name_vi, *b.abbreviations, *b.variants],
            "city": list(b.city_variants),
            "pref": b.name_vi,
            "schema": bool(b.schema),
            "type": b.type,
        }
    return out


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    """The centrally governed cities, and their other names, as toneless keys."""
    names = set()
    for p in register().provinces.values():
        if p.is_city:
            names |= {p.name, *p.alt_names}
    return frozenset(" ".join(t.key for t in tokenize(n)) for n in names)


def is_city(province: str | None) -> bool:
    return bool(province) and " ".join(t.key for t in tokenize(province or "")) in _cities()


def _label(kind: str, text: str, level: str) -> Label:
    toks = tokenize(text)
    caps = tuple(
        len(t.text) > 1 and t.text.upper() == t.text and any(c.isalpha() for c in t.text)
        for t in toks
    )
    first = toks[0].text
    # a proper name starts with a capital, unless an abbreviation in it tells it is one
    # ("văn phòng UBND tỉnh")
    first_cap = first[:1].isupper() and toneless_key(first) != "cac"
    if len(toks) > 2 and any(caps[1:]):
        first_cap = False
    return Label(kind, tuple(t.key for t in toks), caps, first_cap, level)


Trie = dict[str, Any]


def _insert(trie: Trie, label: Label) -> None:
    node = trie
    for k in label.keys:
        node = node.setdefault(k, {})
    node.setdefault("", []).append(label)


@dataclass(frozen=True)
class Gazetteer:
    full: Trie
    cores: dict[str, Trie]  # head ("sơ"/"bô") -> trie of bare names in enumerations
    province: tuple[str, ...]  # folded tokens of the document's province
    provinces: dict[tuple[str, ...], str]  # folded tokens -> name
    # the same (folded tokens, name) pairs in the same order, by their first token
    provinces_by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    provinces_wordless: tuple[tuple[tuple[str, ...], str], ...]


@lru_cache(maxsize=1)
def _labels() -> tuple[Label, ...]:
    """Every label of the register's bodies (but "other"), tokenized once."""
    return tuple(
        _label(kind, text, info["level"])
        for kind, info in agency_kinds().items()
        if kind != "other"
        for text in info["labels"]
    )


@lru_cache(maxsize=1)
def _city_labels() -> tuple[Label, ...]:
    """The names used in the centrally governed cities: the register's city names, and every
    label ending in "tỉnh" with "thành phố" instead ("Kho bạc Nhà nước thành phố")."""
    out = [
        _label(kind, text, info["level"])
        for kind, info in agency_kinds().items()
        for text in info["city"]
    ]
    for lab in _labels():
        if lab.keys[-1] == "tinh" and len(lab.keys) > 1 and lab.level == "provincial":
            out.append(
                Label(
                    lab.kind,
                    (*lab.keys[:-1], "thanh", "phô"),
                    (*lab.caps[:-1], False, False),
                    lab.first_cap,
                    lab.level,
                )
            )
    return tuple(out)


#: the scopes of documents that belong to no province, as tokens
_NOT_A_PROVINCE = {("national",), ("international",)}


@lru_cache(maxsize=128)
def gazetteer(province: str | None) -> Gazetteer:
    full: Trie = {}
    cores: dict[str, Trie] = {h: {} for h in ENUM_HEADS}
    prov = tuple(t.key for t in tokenize(province)) if province else ()
    labels = _labels() + (_city_labels() if is_city(province) else ())
    for lab in labels:
        kind, level = lab.kind, lab.level
        _insert(full, lab)
        if lab.keys[-1] == "tinh" and len(lab.keys) > 1 and prov:
            # "Báo tỉnh" -> "Báo Nghệ An"; "Đài ... tỉnh" -> "Đài ... Quảng Nam"
            stem = Label(kind, lab.keys[:-1] + prov, lab.caps[:-1] + (False,) * len(prov),
                          lab.first_cap, level)  # fmt: skip
            _insert(full, stem)
            if lab.keys[0] == "cuc" and len(lab.keys) > 2 and prov not in _NOT_A_PROVINCE:
                # the branch of a national system is named without its province in that
                # province's own documents: "Cục Thuế", "Cục Thống kê" (in a national text,
                # the central department of that name)
                _insert(full, Label(kind, lab.keys[:-1], lab.caps[:-1], True, level))
        head = lab.keys[0]
        if head in ENUM_HEADS and ENUM_HEADS[head] == level and len(lab.keys) > 1:
            core = Label(kind, lab.keys[1:], lab.caps[1:], True, level)
            _insert(cores[head], core)
    provinces = {tuple(t.key for t in tokenize(p)): p for p in PROVINCES}
    if province:
        provinces[prov] = province
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for toks, name in provinces.items():
        if toks:
            by_first.setdefault(toneless_key(toks[0]), []).append((toks, name))
    # a province name without a word (hostile input) comes last and matches before any word
    wordless = (((), provinces[()]),) if () in provinces else ()
    grouped = {k: tuple(v) + wordless for k, v in by_first.items()}
    return Gazetteer(full, cores, prov, provinces, grouped, wordless)
