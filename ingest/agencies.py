"""Agencies: a gazetteer built from the labels of ``ontology/agency-kinds.ttl``.

:func:`find_agencies` finds every mention of an agency kind in a text, with its offsets
into the text as given. Matching works on word tokens compared without tone marks and case
(``Uỷ``/``Ủy``, ``hoá``/``hóa``, NFD input), ignoring the "soft" separators that real
documents put inside names (spaces, line breaks, ``-``, ``,``, markdown ``*``), so
"Lao động - Thương binh", "Lao động, Thương binh" and "Lao động Thương binh" are one name.
Enumerations are expanded: after "các Sở:" (or "các Bộ:") and after a named department,
bare department names ("Công Thương; Y tế") are departments too.

:func:`extract_agencies` builds the document-level list of SCHEMA.md ("agencies") from the
mentions found in the body (never "Nơi nhận"): collective actors of kind ``doanh_nghiep``
and ``truong_dh_cd`` only where the text gives them a role.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from itertools import accumulate
from typing import Any

import pyoxigraph as ox

from policykg.ingest.reading import toneless_key
from policykg.ingest.text import Doc
from policykg.ontology.iri import PKG, SKOS

__all__ = [
    "AgencyMention",
    "Token",
    "agencies_of",
    "agency_kinds",
    "agency_ref",
    "body_spans",
    "chain_after",
    "extract_agencies",
    "find_agencies",
    "mentions_between",
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

_LABEL_PROPS = (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel")
_AK_SCHEME = "https://w3id.org/policykg/code/agency-kind"
_TOKEN_RE = re.compile(r"[\w\u0300-\u036f]+(?:&[\w\u0300-\u036f]+)*")
_TOKEN_SPLIT = re.compile("(" + _TOKEN_RE.pattern + ")")
_NEXT_WORD = re.compile(r"\s*\S+")
_SOFT = set(" \t\r\n\u00a0,-\u2013\u2014*\\#>_")
_SOFT_CHARS = "".join(sorted(_SOFT))
_SOFT_RE = re.compile("[" + re.escape("".join(sorted(_SOFT))) + "]*")
# a document number or symbol: 683/KH-UBND, 25-NQ/TU, 311/TTr-SKHĐT, /KH-UBND
# (A run of [\w&.-] holding a digit, then "/": tried once per run, possessively, so that
# a long run without a slash costs linear time, not quadratic.)
_SYMBOL_RE = re.compile(r"(?<![\w&.\-])(?=[\w&.\-]*\d)[\w&.\-]*+/[\w&.\-/]+|/[A-ZĐ][\w&.\-/]*")
_SYMBOL_CHAR = re.compile(r"[\w&.\-]")


def _symbol_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_SYMBOL_RE.finditer(text)``, trying the pattern only around a "/".

    Every symbol holds a "/": it starts at the slash, or where the run of symbol characters
    that ends at the slash starts (inside the run its look-behind fails). Each run is
    walked once, so this is linear in the text.
    """
    out: list[tuple[int, int]] = []
    pos = 0
    k = text.find("/")
    while k >= 0:
        start = k
        while start > 0 and _SYMBOL_CHAR.match(text, start - 1):
            start -= 1
        m = _SYMBOL_RE.match(text, start) if pos <= start < k else None
        if m is None and k >= pos:
            m = _SYMBOL_RE.match(text, k)
        if m is not None:
            out.append(m.span())
            pos = m.end()
        k = text.find("/", max(k + 1, pos))
    return out


# collective actors that count as agencies only where the text gives them a role
_ROLE_ONLY = {"doanh_nghiep", "truong_dh_cd"}
# words that may follow a district/commune-level committee name
_TAILS: dict[str, tuple[tuple[str, ...], ...]] = {
    "ubnd_huyen": (("thành", "phố"), ("thị", "xã"), ("huyện",), ("quận",)),
    "ubnd_xa": (("phường",), ("thị", "trấn"), ("đặc", "khu"), ("xã",)),
}
_NAMED = {"bql_kkt"}  # kinds whose mentions carry a proper name
_ENUM_HEADS = {"sơ": "provincial", "bô": "national"}  # folded "Sở", "Bộ"


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
class AgencyMention:
    """One mention of an agency in a text; ``start``/``end`` are offsets into that text."""

    kind: str
    scope: str | None
    surface: str
    start: int
    end: int
    name: str | None = None  # for kind "other": the name as written
    level: str = "provincial"

    def ref(self) -> dict[str, str | None]:
        return agency_ref(self)


def agency_ref(m: AgencyMention) -> dict[str, str | None]:
    """``{"kind", "scope"}`` as used in tasks and reporting duties."""
    return {"kind": m.kind, "scope": m.scope}


# --- the gazetteer ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Label:
    kind: str
    keys: tuple[str, ...]
    caps: tuple[bool, ...]  # which tokens must be upper case in the text (abbreviations)
    first_cap: bool  # proper name: the first word must be capitalized in the text
    level: str


@lru_cache(maxsize=1)
def agency_kinds() -> dict[str, dict[str, Any]]:
    """The agency kinds of the ontology: code -> {"level", "labels" (vi), "pref" (vi)}."""
    data = (resources.files("policykg.ontology") / "agency-kinds.ttl").read_bytes()
    triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
    notation: dict[str, str] = {}
    level: dict[str, str] = {}
    labels: dict[str, list[str]] = {}
    pref: dict[str, str] = {}
    in_scheme: set[str] = set()
    for t in triples:
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p == SKOS + "inScheme" and o.value == _AK_SCHEME:
            in_scheme.add(s)
        elif p == SKOS + "notation":
            notation[s] = o.value
        elif p == PKG + "agencyLevel":
            level[s] = o.value
        elif p in _LABEL_PROPS and isinstance(o, ox.Literal) and o.language == "vi":
            labels.setdefault(s, []).append(o.value)
            if p == SKOS + "prefLabel":
                pref[s] = o.value
    out: dict[str, dict[str, Any]] = {}
    for s in sorted(in_scheme):
        code = notation[s]
        out[code] = {
            "level": level.get(s, "other"),
            "labels": labels.get(s, []),
            "pref": pref.get(s, code),
        }
    return out


def _label(kind: str, text: str, level: str) -> _Label:
    toks = tokenize(text)
    caps = tuple(
        len(t.text) > 1 and t.text.upper() == t.text and any(c.isalpha() for c in t.text)
        for t in toks
    )
    first = toks[0].text
    first_cap = first[:1].isupper() and toneless_key(first) != "cac"
    return _Label(kind, tuple(t.key for t in toks), caps, first_cap, level)


_Trie = dict[str, Any]


def _insert(trie: _Trie, label: _Label) -> None:
    node = trie
    for k in label.keys:
        node = node.setdefault(k, {})
    node.setdefault("", []).append(label)


@dataclass(frozen=True)
class _Gazetteer:
    full: _Trie
    cores: dict[str, _Trie]  # head ("sơ"/"bô") -> trie of bare names in enumerations
    province: tuple[str, ...]  # folded tokens of the document's province
    provinces: dict[tuple[str, ...], str]  # folded tokens -> name
    # the same (folded tokens, name) pairs in the same order, by their first token
    provinces_by_first: dict[str, tuple[tuple[tuple[str, ...], str], ...]]
    provinces_wordless: tuple[tuple[tuple[str, ...], str], ...]


@lru_cache(maxsize=1)
def _labels() -> tuple[_Label, ...]:
    """Every label of the agency kinds (but "other"), tokenized once."""
    return tuple(
        _label(kind, text, info["level"])
        for kind, info in agency_kinds().items()
        if kind != "other"
        for text in info["labels"]
    )


@lru_cache(maxsize=128)
def _gazetteer(province: str | None) -> _Gazetteer:
    full: _Trie = {}
    cores: dict[str, _Trie] = {h: {} for h in _ENUM_HEADS}
    prov = tuple(t.key for t in tokenize(province)) if province else ()
    for lab in _labels():
        kind, level = lab.kind, lab.level
        _insert(full, lab)
        if lab.keys[-1] == "tinh" and len(lab.keys) > 1 and prov:
            # "Báo tỉnh" -> "Báo Nghệ An"; "Đài ... tỉnh" -> "Đài ... Quảng Nam"
            stem = _Label(kind, lab.keys[:-1] + prov, lab.caps[:-1] + (False,) * len(prov),
                          lab.first_cap, level)  # fmt: skip
            _insert(full, stem)
        head = lab.keys[0]
        if head in _ENUM_HEADS and _ENUM_HEADS[head] == level and len(lab.keys) > 1:
            core = _Label(kind, lab.keys[1:], lab.caps[1:], True, level)
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
    return _Gazetteer(full, cores, prov, provinces, grouped, wordless)


# --- matching ---------------------------------------------------------------------------


class _Scanner:
    def __init__(self, text: str, province: str | None) -> None:
        self.text = text
        self.province = province
        self.g = _gazetteer(province)
        # the tokens as parallel lists (one tokenization; no object per token): split with
        # the token pattern captured gives gap, token, gap, ..., gap; the running sums of
        # their lengths are where each token starts and ends
        parts = _TOKEN_SPLIT.split(text)
        pos = list(accumulate(map(len, parts)))
        self.words: list[str] = parts[1::2]
        self.keys: list[str] = list(map(toneless_key, self.words))
        self.starts: list[int] = pos[0:-1:2]
        self.ends: list[int] = pos[1::2]
        self.n = n = len(self.words)
        # is the gap after token i (up to token i + 1) made of soft separators only?
        self.softs: list[bool] = [not g.strip(_SOFT_CHARS) for g in parts[2:-1:2]]
        masked = [False] * n
        starts, ends = self.starts, self.ends
        for a, b in _symbol_spans(text):
            # a symbol broken at a hyphen across a line ("TTr-\nSKHĐT") continues on the
            # next line
            if text[b - 1 : b] in "-/":
                m = _NEXT_WORD.match(text, b)
                if m:
                    b = m.end()
            # the tokens that overlap [a, b)
            lo, hi = bisect_right(ends, a), bisect_left(starts, b)
            if lo < hi:
                masked[lo:hi] = [True] * (hi - lo)
        self.masked = masked

    def soft(self, i: int) -> bool:
        """Is the gap between token i and token i + 1 a soft separator?"""
        if i >= 0:
            return self.softs[i]
        return _SOFT_RE.fullmatch(self.text, self.ends[i], self.starts[i + 1]) is not None

    def gap(self, i: int) -> str:
        return self.text[self.ends[i] : self.starts[i + 1]]

    def match(self, trie: _Trie, i: int) -> tuple[_Label, int] | None:
        """Longest label starting at token i: (label, index after its last token)."""
        best: tuple[_Label, int] | None = None
        node = trie
        j = i
        n = self.n
        keys, masked, softs = self.keys, self.masked, self.softs
        while j < n and not masked[j]:
            if j > i and not softs[j - 1]:
                break
            nxt = node.get(keys[j])
            if nxt is None:
                break
            node = nxt
            j += 1
            for lab in node.get("", []):
                if self._case_ok(lab, i) and (best is None or j > best[1]):
                    best = (lab, j)
                    break
        return best

    def _case_ok(self, lab: _Label, i: int) -> bool:
        words = self.words
        if lab.first_cap and not words[i][:1].isupper():
            return False
        for k, must in enumerate(lab.caps):
            if must and words[i + k].upper() != words[i + k]:
                return False
        return True

    def seq(self, j: int, words: Sequence[str]) -> int | None:
        """If the folded ``words`` follow token j - 1 (softly), the index after them."""
        n = self.n
        for w in words:
            if j >= n or self.keys[j] != toneless_key(w) or not self.soft(j - 1) or self.masked[j]:
                return None
            j += 1
        return j

    def extend(self, lab: _Label, j: int) -> tuple[int, str | None]:
        """Swallow what may follow a name: "tỉnh", the province's name, district tails."""
        scope: str | None = None
        changed = True
        while changed and lab.kind in _TAILS:
            changed = False
            for tail in _TAILS[lab.kind]:
                k = self.seq(j, tail)
                if k is not None:
                    j, changed = k, True
        if lab.kind in _NAMED:
            # "Ban quản lý Khu kinh tế Đông Nam": the proper name that follows
            n = self.n
            for _ in range(4):
                if j < n and self.words[j][:1].isupper() and self.soft(j - 1):
                    if self.keys[j] == "tinh" or not self.words[j][1:].islower():
                        break
                    j += 1
        if lab.level in ("provincial", "collective"):
            k = self.seq(j, ["tỉnh"])
            had_tinh = k is not None or lab.keys[-1] == "tinh"
            if k is not None:
                j = k
            if j < self.n:  # only the names that start with the next word can follow
                candidates = self.g.provinces_by_first.get(self.keys[j], self.g.provinces_wordless)
            else:
                candidates = ()
            for toks, name in candidates:
                if not had_tinh and toks != self.g.province:
                    continue
                k = self.seq(j, toks)
                if k is not None and self.words[j][:1].isupper():
                    j = k
                    scope = name
                    break
        return j, scope

    def mention(self, lab: _Label, i: int, j: int, scope: str | None) -> AgencyMention:
        if scope is None:  # provincial bodies: the document's province
            scope = self.province if lab.level in ("provincial", "collective") else lab.level
        a, b = self.starts[i], self.ends[j - 1]
        return AgencyMention(lab.kind, scope, self.text[a:b], a, b, None, lab.level)

    def in_law_title(self, i: int) -> bool:
        """Is token i inside the name of a law ("Luật Tổ chức Chính phủ")?"""
        for back in range(1, 4):
            k = i - back
            if k < 0 or not self.soft(k):
                return False
            if self.keys[k] == "luât" and self.words[k][:1].isupper():
                return True
        return False

    def enum_trigger(self, i: int) -> str | None:
        """ "các Sở:" / "các Sở, ban, ngành:" / "các Bộ:" at token i -> the head key."""
        keys, n = self.keys, self.n
        if keys[i] != "cac" or i + 1 >= n or keys[i + 1] not in _ENUM_HEADS:
            return None
        if not self.soft(i):
            return None
        head = keys[i + 1]
        j = i + 1
        while j + 1 < n and self.soft(j) and keys[j + 1] in {"ban", "nganh", "sơ", "bô"}:
            j += 1
        if j + 1 < n and ":" in self.gap(j):
            return head
        return None

    def enum_items(self, head: str, j: int, out: list[AgencyMention]) -> int:
        """Bare names after an enumeration head, from token j; returns the index after."""
        trie = self.g.cores[head]
        n = self.n
        while j < n:
            m = self.match(trie, j)
            if m is None:
                # a full name may also appear inside the list
                m = self.match(self.g.full, j)
                if m is None or m[0].level not in ("provincial", "national", "collective"):
                    return j
            lab, k = m
            k, scope = self.extend(lab, k)
            out.append(self.mention(lab, j, k, scope))
            if k >= n:
                return k
            sep = self.gap(k - 1)
            if not re.fullmatch(r"[\s,;*]*", sep):
                return k
            if self.keys[k] == "va" and k + 1 < n and re.fullmatch(r"\s+", self.gap(k)):
                k += 1
            j = k
        return j

    def scan(self) -> list[AgencyMention]:
        out: list[AgencyMention] = []
        n = self.n
        keys, masked, full = self.keys, self.masked, self.g.full
        i = 0
        while i < n:
            if masked[i]:
                i += 1
                continue
            key = keys[i]
            head = self.enum_trigger(i) if key == "cac" else None
            if head is not None:
                j = i + 2
                while ":" not in self.gap(j - 1):
                    j += 1
                i = self.enum_items(head, j, out)
                continue
            if key not in full:  # no label starts with this word (most words)
                i += 1
                continue
            m = self.match(full, i)
            if m is None or self.in_law_title(i):
                i += 1
                continue
            lab, j = m
            j, scope = self.extend(lab, j)
            office = self._office(i)
            if office is not None and lab.kind in ("ubnd_tinh", "hdnd_tinh"):
                a, b = self.starts[office], self.ends[j - 1]
                name = _clean(self.text[a:b])
                out.append(AgencyMention("other", self.province, self.text[a:b], a, b, name))
                i = j
                continue
            out.append(self.mention(lab, i, j, scope))
            head = lab.keys[0]
            if head in _ENUM_HEADS and j < n and re.fullmatch(r"[\s*]*[,;][\s*]*", self.gap(j - 1)):
                # "Sở Tài chính, Kế hoạch và Đầu tư": bare names continue the list
                k = self.enum_items(head, j, out)
                j = max(j, k)
            i = j
        out.extend(self._others())
        out.sort(key=lambda m: m.start)
        return out

    def _office(self, i: int) -> int | None:
        """Index of "Văn phòng" right before token i, if any."""
        keys = self.keys
        if (
            i >= 2
            and keys[i - 2] == "văn"
            and keys[i - 1] == "phong"
            and self.soft(i - 2)
            and self.soft(i - 1)
            and self.words[i - 2][:1].isupper()
        ):
            return i - 2
        return None

    def _others(self) -> Iterable[AgencyMention]:
        """Named bodies outside the code list: funds of the province ("Quỹ ... tỉnh")."""
        keys, words = self.keys, self.words
        for i in _indices(keys, "quy"):
            if words[i][:1] != "Q" or unicodedata.normalize("NFC", words[i]) != "Quỹ":
                continue
            for j in range(i + 2, min(i + 12, self.n)):
                if not self.soft(j - 1) or words[j][:1].isdigit():
                    break
                if keys[j] == "tinh":
                    a, b = self.starts[i], self.ends[j]
                    name = _clean(self.text[a:b])
                    yield AgencyMention("other", self.province, self.text[a:b], a, b, name)
                    break


def _indices(items: list[str], item: str) -> Iterator[int]:
    """The positions of ``item`` in ``items``, in order (``list.index`` finds each)."""
    i = -1
    while True:
        try:
            i = items.index(item, i + 1)
        except ValueError:
            return
        yield i


def _clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s).replace("**", "").replace("\\*", "")
    return " ".join(s.split())


def find_agencies(text: str, *, province: str | None) -> list[AgencyMention]:
    """Every agency mention in ``text`` (offsets into ``text`` as given), in text order.

    Provincial bodies get ``province`` as scope (or the province named after "tỉnh"),
    central ones ``"national"``, international ones ``"international"``. Collective
    mentions ("các sở, ban, ngành", "các cơ quan, đơn vị có liên quan") give nothing.
    """
    return list(_find_cached(text, province))


#: Texts up to this long are cached by :func:`_find_short` (issuer phrases after "của" are
#: read for every citation, and the same instruments are cited by plan after plan).
_SHORT_TEXT = 200


def _find_cached(text: str, province: str | None) -> tuple[AgencyMention, ...]:
    if len(text) <= _SHORT_TEXT:
        return _find_short(text, province)
    return _find_long(text, province)


@lru_cache(maxsize=8)
def _find_long(text: str, province: str | None) -> tuple[AgencyMention, ...]:
    return tuple(_Scanner(text, province).scan())


@lru_cache(maxsize=4096)
def _find_short(text: str, province: str | None) -> tuple[AgencyMention, ...]:
    return tuple(_Scanner(text, province).scan())


def mentions_between(
    text: str, start: int, end: int, *, province: str | None
) -> list[AgencyMention]:
    """The mentions of :func:`find_agencies` that lie within ``text[start:end]``."""
    mentions = _find_cached(text, province)
    out = []
    # mentions are in text order: start from the first at or after ``start`` (bisect), so
    # that a document with many items and mentions is not scanned once per item
    for i in range(bisect_left(_starts_cached(text, province), start), len(mentions)):
        m = mentions[i]
        if m.start > end:
            break
        if m.end <= end:
            out.append(m)
    return out


@lru_cache(maxsize=8)
def _starts_cached(text: str, province: str | None) -> list[int]:
    return [m.start for m in _find_cached(text, province)]


def chain_after(
    text: str, mentions: Sequence[AgencyMention], pos: int, *, slack: int = 0
) -> list[AgencyMention]:
    """The list of agencies that starts at ``pos`` (within ``slack`` characters).

    Items follow each other separated by ",", ";", "và" or line breaks:
    "Bộ KH&CN, Tổng cục TCĐLCL và các cơ quan có liên quan" -> [bo_khcn, tong_cuc_tcdlcl].
    """
    out: list[AgencyMention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if m.start < pos:
            continue
        gap = unicodedata.normalize("NFC", text[pos : m.start])
        limit = slack if not out else 0
        if len(gap.strip()) > limit and not _LIST_GAP.fullmatch(gap):
            break
        out.append(m)
        pos = max(pos, m.end)
    return out


_LIST_GAP = re.compile(r"(?:[\s,;:*\-+]|\bvà\b|\bvới\b)*")


# --- document level ---------------------------------------------------------------------

_RECIPIENTS_RE = re.compile(r"^[\s*#]*N[ơo]i\s+nh[ậa]n\s*[:*]", re.MULTILINE | re.IGNORECASE)
_APPENDIX_RE = re.compile(r"^[\s*#]*(PH[ỤU] L[ỤU]C|Ph[ụu] l[ụu]c)\b", re.MULTILINE)
_ROLE_RE = re.compile(
    r"(ch[ủu] tr[ìi]|ph[ốo]i h[ợo]p|giao|y[êe]u c[ầa]u|b[áa]o c[áa]o|g[ửu]i)"
    r"(\s+v[ớo]i)?[\s:*]*$",
    re.IGNORECASE,
)
_HEADING_RE = re.compile(r"^[\s*#]*(\d+|[IVX]+)[.)]\s*[*\s]*$")


def body_spans(text: str) -> list[tuple[int, int]]:
    """The parts of a document that may name agencies: all but "Nơi nhận" and the signature.

    The recipients block runs from "Nơi nhận:" to the end, or to an appendix ("Phụ lục")
    that follows the signature.
    """
    m = _RECIPIENTS_RE.search(text)
    if not m:
        return [(0, len(text))]
    spans = [(0, m.start())]
    app = _APPENDIX_RE.search(text, m.end())
    if app:
        spans.append((app.start(), len(text)))
    return spans


def _span_index(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The union of ``spans`` as sorted disjoint intervals (starts, ends), for bisection."""
    starts: list[int] = []
    ends: list[int] = []
    for a, b in sorted(s for s in spans if s[0] < s[1]):
        if ends and a <= ends[-1]:
            ends[-1] = max(ends[-1], b)
        else:
            starts.append(a)
            ends.append(b)
    return starts, ends


def _in_index(pos: int, index: tuple[list[int], list[int]]) -> bool:
    """Is ``pos`` in one of the spans? (over a :func:`_span_index` in logarithmic time."""
    starts, ends = index
    k = bisect_right(starts, pos) - 1
    return k >= 0 and pos < ends[k]


_ROLE_GAP = re.compile(r"(?:[\s,;*]|\bvà\b)*")
#: Every character that a gap matching ``_ROLE_GAP`` after NFC can be made of in the text as
#: given (NFD "và", U+0340 -> U+0300, U+037E -> ";").
_GAP_CHARS = re.compile(r"[\s,;*va\u00e0\u0300\u0340\u037e]")


def _list_gap_start(text: str, pos: int) -> int:
    """Start of the run of list-separator characters that ends at ``pos``."""
    i = pos
    while i > 0 and _GAP_CHARS.match(text, i - 1):
        i -= 1
    return i


def has_role(text: str, m: AgencyMention, mentions: Sequence[AgencyMention]) -> bool:
    """Does the text give mention ``m`` a role (heading of a duty, lead, partner, reporter)?

    True when the mention opens a numbered line ("8. Các tổ chức, doanh nghiệp ..."), or
    follows "chủ trì", "phối hợp (với)", "giao", "gửi", "báo cáo" possibly through a list of
    other agencies.
    """
    # walk back over earlier agencies of the same list
    pos = m.start
    lo = _list_gap_start(text, pos)
    for other in sorted(mentions, key=lambda x: -x.start):
        # a gap reaching before ``lo`` holds a character no list separator is made of
        if lo <= other.end <= pos and _ROLE_GAP.fullmatch(
            unicodedata.normalize("NFC", text[other.end : pos])
        ):
            pos = other.start
            lo = _list_gap_start(text, pos)
    line_start = text.rfind("\n", 0, pos) + 1
    if _HEADING_RE.match(text[line_start:pos]):
        return True
    return bool(_ROLE_RE.search(unicodedata.normalize("NFC", text[max(0, pos - 40) : pos])))


def extract_agencies(
    text: str,
    *,
    province: str | None,
    spans: Sequence[tuple[int, int]] | None = None,
) -> list[dict[str, Any]]:
    """The document's agencies in the form of SCHEMA.md, with "_span" of the first mention.

    ``spans`` limits the search to parts of the text (default :func:`body_spans`).
    Identity is (kind, scope), and the name for kind "other".
    """
    spans = list(spans) if spans is not None else body_spans(text)
    index = _span_index(spans)
    mentions = [m for m in find_agencies(text, province=province) if _in_index(m.start, index)]
    out: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}
    for m in mentions:
        if m.kind in _ROLE_ONLY and not has_role(text, m, mentions):
            continue
        key = (m.kind, m.scope, toneless_key(m.name) if m.kind == "other" and m.name else None)
        surface = _clean(m.surface)
        item = out.get(key)
        if item is None:
            out[key] = {
                "kind": m.kind,
                "scope": m.scope,
                "mentions": [surface],
                "_span": [m.start, m.end],
            }
        elif surface not in item["mentions"]:
            item["mentions"].append(surface)
    return list(out.values())


def agencies_of(doc: Doc, *, province: str | None) -> list[dict[str, Any]]:
    """:func:`extract_agencies` over a parsed document: its text, tables and footnotes,
    never "Nơi nhận", the signature or web-page furniture."""
    spans = [(p.start, p.end) for p in doc.paragraphs if p.kind in ("text", "table", "footnote")]
    return extract_agencies(doc.original, province=province, spans=spans)
