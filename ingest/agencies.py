"""Agencies: a gazetteer built from the labels of ``ontology/agency-kinds.ttl``.

:func:`find_agencies` finds every mention of an agency kind in a text, with its offsets
into the text as given. Matching works on word tokens compared without tone marks and case
(``Uỷ``/``Ủy``, ``hoá``/``hóa``, NFD input), ignoring the "soft" separators that real
documents put inside names (spaces, line breaks, ``-``, ``,``, markdown ``*``), so
"Lao động - Thương binh", "Lao động, Thương binh" and "Lao động Thương binh" are one name.
Enumerations are expanded: after "các Sở:" (or "các Bộ:", "các Bộ, ngành liên quan:") and
after a named department, bare department names ("Công Thương; Y tế") are departments too.
Committees named by level are one actor per level ("UBND cấp huyện, cấp xã"); a provincial
body "of every province" ("… các tỉnh, thành phố trực thuộc Trung ương", "… các địa
phương") has scope ``"national"``, and in a national text the provinces alone ("các tỉnh,
thành phố trực thuộc TW") stand for their committees where they are given a role. A body
named by what it does ("cơ quan thuế", "cơ quan bảo hiểm xã hội") is listed where it is
given a role; the branch of a national system is named without its province in that
province's own texts ("Cục Thuế"); a regional unit of a vertical system is a body of
its own ("Kho bạc Nhà nước khu vực XIV": ``other``). Enterprises and investors named as
a group by what they are or do ("chủ đầu tư xây dựng hạ tầng kỹ thuật cụm công nghiệp",
"các tổ chức, cá nhân hoạt động khoáng sản", "nhà đầu tư thứ cấp") are ``doanh_nghiep``
where the text gives them a duty (the subject of a clause before what it must do, after
"yêu cầu", "Trách nhiệm của", "giao" from a body, in a table cell), never as beneficiaries
("hỗ trợ doanh nghiệp …") nor as "doanh nghiệp liên quan". A class of bodies named by
what they are ("cơ sở khám bệnh, chữa bệnh", "các cơ sở giáo dục mầm non, phổ thông", "các
tổ chức tín dụng") is one ``other`` actor with its name, listed where the text gives it a
duty; schools of higher and vocational education as a class ("các cơ sở giáo dục đại học",
"cơ sở dạy nghề") are ``truong_dh_cd``; the units under a body heading an article of
duties ("Điều 9. Các đơn vị thuộc Sở … có nhiệm vụ") are one ``other`` actor.

:func:`extract_agencies` builds the document-level list of SCHEMA.md ("agencies") from the
mentions found in the body (never "Nơi nhận"): collective actors of kind ``doanh_nghiep``
and ``truong_dh_cd`` only where the text gives them a role, bodies the register does not
hold where the text gives them a role (also as the bodies a role is given to, listed after
"gồm:"; a body written both in full and abbreviated, "Cục QLTNN", is one), and in a legal
ground of the preamble ("Căn cứ Quyết định số … của Thủ tướng Chính phủ phê duyệt Đề án …
cho Cục X") only the cited instrument's issuer, never a body named inside its title.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from typing import Any

from policykg.ingest.agency_names import (
    SWALLOWED,
    class_name,
    class_spans,
    head_at,
    in_cell,
    named_spans,
    scope_of_name,
)
from policykg.ingest.gazetteer import (
    ENUM_HEADS,
    PROVINCES,
    Label,
    Token,
    Trie,
    agency_kinds,
    gazetteer,
    is_city,
    tokenize,
)
from policykg.ingest.reading import diacritic_key, toneless_key
from policykg.ingest.text import Doc

__all__ = [
    "PROVINCES",
    "AgencyMention",
    "Token",
    "agencies_of",
    "agency_kinds",
    "agency_ref",
    "body_spans",
    "chain_after",
    "extract_agencies",
    "find_agencies",
    "issuer_block_parents",
    "joint_issuer",
    "mentions_between",
    "tokenize",
]

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
# the words of a district-level or commune-level unit before its name ("huyện Châu Thành")
#: titles of the head of a body, as toneless keys, longest first
_TITLES = tuple(
    sorted(
        (
            tuple(toneless_key(w) for w in t.split())
            for t in (
                "Chủ tịch", "Giám đốc", "Tổng Giám đốc", "Bộ trưởng", "Thứ trưởng",
                "Chánh Văn phòng", "Chánh Thanh tra", "Trưởng ban", "Trưởng Ban", "Cục trưởng",
                "Vụ trưởng", "Thủ trưởng", "Chủ nhiệm", "Viện trưởng", "Tổng Thanh tra",
                "Thống đốc", "Tổng Kiểm toán", "Chánh án", "Bí thư", "Trưởng", "Thủ tướng",
                "Chỉ huy trưởng", "Tư lệnh", "Tổng Cục trưởng", "Chi cục trưởng",
            )
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_CELL_EDGE = re.compile(r"[|\t\n]")
_GROUP_ROW = re.compile(r"[\s|*]*[IVXLC]+[.)]?[\s|*\t]+")
_DISTRICT_UNITS = {"huyên", "quân", "thi", "thanh"}
_UNIT_WORDS = {"huyên", "quân", "thi", "xa", "thanh", "phô", "phương", "trân"}


def _words(phrase: str) -> frozenset[str]:
    """The words of ``phrase`` as :func:`diacritic_key` keys."""
    return frozenset(diacritic_key(w) for w in phrase.split())


#: the head words of enterprises and investors named as a group, folded, longest first;
#: "tổ chức (, cá nhân)" only before what they do ("hoạt động", "đầu tư", "khai thác", ...)
_ENTERPRISE_HEADS = tuple(
    sorted(
        (
            tuple(diacritic_key(w) for w in h.split())
            for h in (
                "chủ đầu tư", "nhà đầu tư", "chủ dự án", "doanh nghiệp", "tập đoàn doanh nghiệp",
                "tổ chức cá nhân", "tổ chức", "tập đoàn", "tổng công ty", "công ty",
            )
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
#: heads that name one enterprise when capitalized ("Công ty Điện lực Lào Cai")
_FIRM_HEADS = frozenset(
    tuple(diacritic_key(w) for w in h.split()) for h in ("tập đoàn", "tổng công ty", "công ty")
)
_ENTERPRISE_FIRST = frozenset(toneless_key(h[0]) for h in _ENTERPRISE_HEADS)
_ACTIVITY = _words("hoạt đầu khai sản kinh")
#: words after a comma that continue a group's description ("sản xuất, kinh doanh")
_ENTERPRISE_LIST = _words("kinh chế thương dịch")
#: the first words of a predicate: where the description of a group ends
_PREDICATE = _words(
    "có chịu phải thực báo gửi lập chấp nộp cung được đã đang sẽ là theo để nhằm khi nếu "
    "và hoặc với cho của về đối từ đến do bị không chưa cần chủ phối tham đề kiến thông "
    "kê triển rà kiểm hướng quyết ký làm liên bảo tổ quản thuộc trình tiến xác thường "
    "đúng nghiên đăng lựa cam bố thanh thẩm tự ban phê xử giải"
)
#: words a description never ends with
_ENTERPRISE_TRAIL = _words("trong tại trên các")
#: the level word after "cấp" -> the committee of that level
_LEVELS = {"tinh": "ubnd_tinh", "huyên": "ubnd_huyen", "xa": "ubnd_xa"}
#: the collective words between "các Bộ" / "các Sở" and the colon of an enumeration ("các
#: Bộ, ngành liên quan:", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ:"), folded
_ENUM_FILLERS = frozenset(
    toneless_key(w)
    for phrase in (
        "ban ngành sở bộ",
        "liên quan có",
        "cơ quan ngang thuộc Chính phủ",
        "thành viên địa phương đơn vị trực",
    )
    for w in phrase.split()
)


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
    code: str | None = None  # the body's code in the register, when it has one
    named: bool = False  # found by the words that name a body (listed where it has a role)
    group: bool = False  # a class of bodies named by what they are (listed where given a duty)

    def ref(self) -> dict[str, str | None]:
        return agency_ref(self)


def agency_ref(m: AgencyMention) -> dict[str, str | None]:
    """``{"kind", "scope"}`` as used in tasks and reporting duties."""
    return {"kind": m.kind, "scope": m.scope}


# --- matching ---------------------------------------------------------------------------


class _Scanner:
    def __init__(self, text: str, province: str | None) -> None:
        self.text = text
        self.province = province
        self.g = gazetteer(province)
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

    def match(self, trie: Trie, i: int) -> tuple[Label, int] | None:
        """Longest label starting at token i: (label, index after its last token)."""
        best: tuple[Label, int] | None = None
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

    def _case_ok(self, lab: Label, i: int) -> bool:
        words = self.words
        if lab.first_cap and not words[i][:1].isupper():
            return False
        for k, must in enumerate(lab.caps):
            if must and words[i + k].upper() != words[i + k]:
                return False
        return True

    def seq(self, j: int, words: Sequence[str], *, spaced: bool = False) -> int | None:
        """If the folded ``words`` follow token j - 1 (softly; with ``spaced`` only across
        white space), the index after them."""
        n = self.n
        for w in words:
            if j >= n or self.keys[j] != toneless_key(w) or not self.soft(j - 1) or self.masked[j]:
                return None
            if spaced and self.gap(j - 1).strip(" \t\r\n\u00a0*"):
                return None
            j += 1
        return j

    def extend(self, lab: Label, j: int) -> tuple[int, str | None]:
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
            k = self.every_province(j, after_tinh=lab.keys[-1] == "tinh")
            if k is not None:  # "Sở Y tế các tỉnh, thành phố trực thuộc Trung ương"
                return k, "national"
            k = self.seq(j, ["tỉnh"], spaced=True)
            had_tinh = k is not None or lab.keys[-1] == "tinh"
            if k is not None:
                j = k
            else:
                # "... thành phố Hà Nội": a centrally governed city, never a district-level one
                k = self.seq(j, ["thành", "phố"], spaced=True)
                city = self.province_at(k, had_tinh=True) if k is not None else None
                if k is not None and city is not None and is_city(city[1]):
                    return city
            found = self.province_at(j, had_tinh=had_tinh)
            if found is not None:
                j, scope = found
        return j, scope

    def every_province(self, j: int, *, after_tinh: bool = False) -> int | None:
        """The words that make a provincial body every province's, from token j: "các
        tỉnh", "các tỉnh, thành phố (trực thuộc Trung ương)", "các địa phương", or after a
        name ending in "tỉnh" ", thành phố trực thuộc Trung ương": the index after them.
        "các tỉnh" before a province's name names provinces, not every province."""
        k = self.seq(j + 1, ["tỉnh"]) if j < self.n and self.keys[j] == "cac" else None
        if k is not None and j > 0 and not self.soft(j - 1):
            k = None
        if k is not None:
            if self.province_at(k, had_tinh=True) is not None:
                return None
            m = self.seq(k, ["thành", "phố"]) or self.seq(k, ["TP"])
            if m is not None:
                k = m
            m = self._under_centre(k)
            return m if m is not None else k
        k = self.seq(j, ["các", "địa", "phương"])
        if k is not None:
            return k
        if after_tinh:
            m = self.seq(j, ["thành", "phố"]) or self.seq(j, ["TP"])
            if m is not None:
                return self._under_centre(m)
        return None

    def _under_centre(self, j: int) -> int | None:
        """ "trực thuộc Trung ương" (TW, TƯ) from token j: the index after it."""
        k = self.seq(j, ["trực", "thuộc"])
        if k is None:
            return None
        for tail in (["Trung", "ương"], ["TW"], ["TƯ"]):
            m = self.seq(k, tail)
            if m is not None:
                return m
        return None

    def province_at(self, j: int, *, had_tinh: bool) -> tuple[int, str] | None:
        """A province's name at token j: (the index after it, the name)."""
        if j >= self.n:
            return None
        # only the names that start with the next word can follow
        candidates = self.g.provinces_by_first.get(self.keys[j], self.g.provinces_wordless)
        for toks, name in candidates:
            if not had_tinh and toks != self.g.province:
                continue
            k = self.seq(j, toks)
            if k is not None and self.words[j][:1].isupper():
                return k, name
        return None

    def mention(self, lab: Label, i: int, j: int, scope: str | None) -> AgencyMention:
        if scope is None:  # provincial bodies: the document's province
            scope = self.province if lab.level in ("provincial", "collective") else lab.level
        # the head of the body acting for it is the body ("Chủ tịch UBND tỉnh", "Bộ trưởng
        # Bộ Y tế", "Giám đốc Sở Tư pháp"): the mention starts with the title
        a, b = self.starts[self.title_before(i)], self.ends[j - 1]
        surface = self.text[a:b]
        if not agency_kinds()[lab.kind]["schema"]:
            # a body of the register without a code of SCHEMA.md: "other" with its name as
            # written; its register code goes along
            name = _clean(self.text[self.starts[i] : b])
            return AgencyMention("other", scope, surface, a, b, name, lab.level, code=lab.kind)
        # a body named by what it does ("cơ quan thuế", "cơ quan bảo hiểm xã hội") is a
        # description as much as a name: listed where the text gives it a role
        generic = lab.keys[:2] == ("cơ", "quan")
        return AgencyMention(
            lab.kind, scope, surface, a, b, None, lab.level, code=lab.kind, named=generic
        )

    def title_before(self, i: int) -> int:
        """The first token of the title of a head written right before token i ("Phó Chủ
        tịch", "Bộ trưởng", "Chánh Văn phòng"), else i."""
        for title in _TITLES:
            k = i - len(title)
            if k < 0 or tuple(self.keys[k:i]) != title or not self.words[k][:1].isupper():
                continue
            if all(self.gap(x).strip(" \t\u00a0") == "" for x in range(k, i)):
                if k > 0 and self.keys[k - 1] == "pho" and self.gap(k - 1).strip() == "":
                    k -= 1
                return k
        return i

    def in_law_title(self, i: int) -> bool:
        """Is token i inside the name of a law ("Luật Tổ chức Chính phủ")?"""
        for back in range(1, 4):
            k = i - back
            if k < 0 or not self.soft(k) or "\t" in self.gap(k):  # (a tab parts cells)
                return False
            if self.keys[k] == "luât" and self.words[k][:1].isupper():
                return True
        return False

    def enum_trigger(self, i: int) -> str | None:
        """ "các Sở:" / "các Sở, ban, ngành:" / "các Bộ:" at token i -> the head key."""
        keys, n = self.keys, self.n
        if keys[i] != "cac" or i + 1 >= n or keys[i + 1] not in ENUM_HEADS:
            return None
        if not self.soft(i):
            return None
        head = keys[i + 1]
        j = i + 1
        # "các Bộ, ngành liên quan:", "các Bộ, cơ quan ngang Bộ, cơ quan thuộc Chính phủ:"
        while j + 1 < n and j - i < 12 and self.soft(j) and keys[j + 1] in _ENUM_FILLERS:
            j += 1
        if j + 1 < n and ":" in self.gap(j):
            return head
        return None

    def enum_items(
        self, head: str, j: int, out: list[AgencyMention], *, joint: bool = False
    ) -> int:
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
                k = self.emit(m[0], j, m[1], out)
            else:
                lab, k = m
                k, scope = self.extend(lab, k)
                out.append(self.mention(lab, j, k, scope))
            if k >= n:
                return k
            sep = self.gap(k - 1)
            if not re.fullmatch(r"[\s,;*]*" if not joint else r"[\s,;*\-–]*", sep):
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
            joint = i > 0 and keys[i - 1] == "liên" and self.soft(i - 1)  # "Liên Bộ X - Y"
            i = self.emit(lab, i, j, out)
            last = out[-1] if out else None
            head = lab.keys[0]
            if (
                last is not None
                and last.code == lab.kind
                and head in ENUM_HEADS
                and lab.kind[:3] in ("so_", "bo_")  # not "Bộ Chỉ huy quân sự, Công an tỉnh"
                and i < n
                and (
                    re.fullmatch(r"[\s*]*[,;][\s*]*", self.gap(i - 1))
                    or (joint and re.fullmatch(r"\s*[-–]\s*", self.gap(i - 1)))
                )
            ):
                # "Sở Tài chính, Kế hoạch và Đầu tư": bare names continue the list
                i = max(i, self.enum_items(head, i, out, joint=joint))
        out.extend(self._others())
        out.extend(self._classes(out))
        groups = list(self._enterprises(out))
        out.extend(self._named(out))
        out.extend(self._places(out))
        out.sort(key=lambda m: m.start)
        if groups:
            # a group of enterprises is a body only where it is given a duty
            ms = sorted(out + groups, key=lambda m: m.start)
            out = sorted(
                out + [g for g in groups if enterprise_role(self.text, g, ms)],
                key=lambda m: m.start,
            )
        return out

    def emit(self, lab: Label, i: int, j: int, out: list[AgencyMention]) -> int:
        """Add the mention of ``lab`` matched over tokens i..j (with what follows its name)
        to ``out``; returns the index after it."""
        shorter = self._yield_last_word(i, j)
        if shorter is not None:  # "BAN CHẤP HÀNH TRUNG ƯƠNG | ĐẢNG ĐOÀN QUỐC HỘI"
            lab, j = shorter
        j, scope = self.extend(lab, j)
        office = self._office(i)
        if office is not None and lab.kind in ("ubnd_tinh", "hdnd_tinh"):
            a, b = self.starts[office], self.ends[j - 1]
            name = _clean(self.text[a:b])
            out.append(AgencyMention("other", self.province, self.text[a:b], a, b, name))
            return j
        unit = self._named_unit(lab, i, j)
        if unit is not None:  # "UBND huyện Châu Thành", "Ủy ban nhân dân các cấp"
            out.append(unit)
            if unit.kind in ("ubnd_huyen", "ubnd_xa"):
                return self._and_level(unit, out)
            return self._index_after(unit.end)
        k = self.seq(j, ["Việt", "Nam"], spaced=True) if lab.level != "national" else None
        if k is not None and scope is None and self.words[j][:1] == "V":
            # "Liên minh Hợp tác xã Việt Nam": the national body of a provincial kind's name
            # (a code of one level is never borrowed for another)
            m = self._other(i, k)
            out.append(replace(m, scope="national", level="national", named=False))
            return k
        k = self.seq(j, ["các", "tỉnh"]) if lab.level == "provincial" else None
        if k is not None and self.province_at(k, had_tinh=True) is not None:
            return j  # "UBND các tỉnh Bắc Ninh, Bình Dương": the provinces named (_places)
        m = self.mention(lab, i, j, scope)
        if scope == "national" and lab.level != "national" and self.province != "national":
            # a provincial text's "Sở Y tế các tỉnh": every province's body, listed where
            # the text gives it a role (else it is the context of a cited instrument)
            m = replace(m, named=True)
        out.append(m)
        j = self._levels(lab, j, out)
        if out[-1] is m and m.kind in ("ubnd_huyen", "ubnd_xa"):
            return max(j, self._and_level(m, out))
        return j

    def _levels(self, lab: Label, j: int, out: list[AgencyMention]) -> int:
        """The other levels of a committee named by level ("UBND cấp huyện, cấp xã", "Ủy
        ban nhân dân cấp tỉnh, cấp huyện và cấp xã"): a mention for each; the index after."""
        if lab.kind not in _LEVELS.values() or lab.keys[-2:-1] != ("câp",):
            return j
        first = out[-1]
        while j < self.n:
            k = j + 1 if self.keys[j] == "va" and self.soft(j - 1) else j
            m = self.seq(k, ["cấp"])
            level = self.keys[m] if m is not None and m < self.n else None
            if m is None or level not in _LEVELS or not self.soft(m - 1):
                break
            kind = _LEVELS[level]
            a, b = self.starts[k], self.ends[m]
            out.append(AgencyMention(kind, first.scope, self.text[a:b], a, b, None,
                                     agency_kinds()[kind]["level"], code=kind))  # fmt: skip
            j = m + 1
        return j

    def _yield_last_word(self, i: int, j: int) -> tuple[Label, int] | None:
        """When the last word of the label matched over tokens i..j begins the name of
        another body ("Đảng" of "Đảng đoàn Quốc hội") and the words before it are a label
        of their own, that shorter label."""
        head = head_at(self, j - 1) if j - i >= 2 else None
        if head is None or len(head) < 2:
            return None
        node = self.g.full
        for k in range(i, j - 1):
            node = node.get(self.keys[k], {})
        for lab in node.get("", []):
            if self._case_ok(lab, i):
                return lab, j - 1
        return None

    def _index_after(self, pos: int) -> int:
        """Index of the first token that starts at or after ``pos``."""
        return bisect_left(self.starts, pos)

    def _named_unit(self, lab: Label, i: int, j: int) -> AgencyMention | None:
        """A committee label that names a body below the province: "at every level"
        ("Ủy ban nhân dân các cấp": other, its name), of one named district, town or
        commune ("UBND huyện Châu Thành": other, its name), or of the district or commune
        level as a whole ("Ủy ban nhân dân quận, huyện": ubnd_huyen; "… xã, phường, thị
        trấn", "… các phường, xã, đặc khu": ubnd_xa)."""
        n, keys = self.n, self.keys
        k = self.seq(j, ["các", "cấp"], spaced=True)
        if k is not None:
            if i >= 2 and keys[i - 2 : i] == ["uy", "ban"] and self.words[i - 2][:1].isupper():
                i -= 2  # "Ủy ban Mặt trận Tổ quốc Việt Nam các cấp": the committee's name
            return self._other(i, k)
        k = self.seq(j, ["chi", "nhánh"]) or j
        k = self.seq(k, ["khu", "vực"])
        if k is not None and k < n and self.soft(k - 1) and not self.words[k][:1].islower():
            # a regional unit ("Kho bạc Nhà nước khu vực XIV", "Ngân hàng Nhà nước Chi nhánh
            # khu vực 7", "Chi cục Thuế khu vực II"): other, with its number
            return self._other(i, k + 1)
        if lab.level == "provincial" and lab.keys[-1] != "tinh" and lab.kind not in _TAILS:
            # "Kho bạc Nhà nước quận - huyện", "Thanh tra huyện": a district-level body
            k = self.seq(j, ["cấp", "huyện"]) or self.seq(j, ["quận"]) or self.seq(j, ["huyện"])
            if k is not None and not lab.kind.startswith("ubnd"):
                while k < n and keys[k] in ("huyên", "quân") and self.soft(k - 1):
                    k += 1
                return self._other(i, k)
        if lab.kind not in ("ubnd_tinh", "ubnd_huyen", "ubnd_xa"):
            return None
        # the unit words written after the label (the label may end with one: "UBND huyện",
        # not "UBND các huyện, thành phố" nor "UBND cấp huyện")
        words: list[str] = []
        if lab.keys[-1] in _UNIT_WORDS and not {"cac", "câp"} & set(lab.keys):
            words.append(lab.keys[-1])
        k = j
        # "… các phường, xã, đặc khu": the units of a level, every one of them
        every = (
            k + 1 < n
            and keys[k] == "cac"
            and self.soft(k)
            and (keys[k + 1] in _UNIT_WORDS or keys[k + 1 : k + 3] == ["đăc", "khu"])
            and not {"cac", "câp"} & set(lab.keys)
        )
        if every:
            k += 1
        while k < n and self.soft(k - 1):
            if keys[k] in _UNIT_WORDS:
                words.append(keys[k])
                k += 1
            elif keys[k : k + 2] == ["đăc", "khu"] and self.soft(k):
                words.append("đăc")  # a special zone: a unit of the commune level
                k += 2
            else:
                break
        if not words or (every and self._under_centre(k) is not None):
            return None  # "UBND các thành phố trực thuộc Trung ương": of the province level
        pairs = {"thi", "thanh"}  # "thị xã", "thị trấn", "thành phố" are one unit word
        units = sum(1 for w in words if w not in pairs)
        if (
            not every
            and units == 1
            and k < n
            and self.gap(k - 1) == " "
            and self.words[k][:1].isupper()
        ):
            if keys[k] == "cac" or self.province_at(k, had_tinh=True) is not None:
                return None
            start = k
            while (
                k < n and self.words[k][:1].isupper() and self.gap(k - 1) == " " and k - start < 4
            ):
                k += 1
            return self._other(i, k)
        # "Ủy ban nhân dân phường", "… thị trấn", "… quận" with no name: of that level
        single = units == 1 and k > j and _SINGLE_UNIT.fullmatch(_clean(self.text[
            self.starts[j] : self.ends[k - 1]]).lower()) is not None  # fmt: skip
        if (units < 2 and not every and not single) or k == j:
            return None
        kind = _level_of(words)
        a, b = self.starts[i], self.ends[k - 1]
        return AgencyMention(kind, self.province, self.text[a:b], a, b, None, "collective", kind)

    def _and_level(self, first: AgencyMention, out: list[AgencyMention]) -> int:
        """After a committee of one level below the province, "và (các) …" the units of the
        other level ("UBND các huyện, thị xã, thành phố và các xã, phường, thị trấn"): that
        level's committee too. The index after what was read."""
        n, keys = self.n, self.keys
        j = self._index_after(first.end)
        k = j + 1 if j < n and keys[j] == "va" and self.soft(j - 1) else None
        if k is not None and k < n and keys[k] == "cac" and self.soft(k):
            k += 1
        words: list[str] = []
        while k is not None and k < n and self.soft(k - 1) and not self.masked[k]:
            if keys[k] in _UNIT_WORDS:
                words.append(keys[k])
                k += 1
            elif keys[k : k + 2] == ["đăc", "khu"] and self.soft(k):
                words.append("đăc")
                k += 2
            else:
                break
        if k is None or not words or (k < n and self.words[k][:1].isupper()):
            return j  # "… và xã Tân Lập": a named commune, of its own
        kind = _level_of(words)
        if kind == first.kind:
            return j
        a, b = self.starts[j + 1], self.ends[k - 1]
        out.append(AgencyMention(kind, first.scope, self.text[a:b], a, b, None, "collective",
                                 kind))  # fmt: skip
        return k

    def _other(self, i: int, k: int) -> AgencyMention:
        a, b = self.starts[self.title_before(i)], self.ends[k - 1]
        surface = self.text[a:b]
        name = _clean(self.text[self.starts[i] : b])
        return AgencyMention("other", self.province, surface, a, b, name, "provincial", named=True)

    def _places(self, found: list[AgencyMention]) -> Iterable[AgencyMention]:
        """Places that stand for their government: a district or town that is a table cell
        of its own (the group row of an allocation table, "| II | HUYỆN TUY PHƯỚC | 5.000 |":
        other, its name), and the provinces listed after "các địa phương" / "các tỉnh"
        ("các địa phương Bắc Ninh, Bình Dương": ubnd_tinh of each)."""
        n, keys, words = self.n, self.keys, self.words
        taken: set[int] = set()
        for m in found:
            k = self._index_after(m.start)
            while k < n and self.starts[k] < m.end:
                taken.add(k)
                k += 1
        for i in range(n):
            if i in taken or self.masked[i] or keys[i] not in _DISTRICT_UNITS:
                continue
            if keys[i] in ("thi", "thanh") and (i + 1 >= n or keys[i + 1] not in ("xa", "phô")):
                continue
            # the group row of a table: its first cell a Roman numeral ("| II | HUYỆN X |")
            row = self.text[self.text.rfind("\n", 0, self.starts[i]) + 1 : self.starts[i]]
            if not _GROUP_ROW.fullmatch(row):
                continue
            if not words[i][:1].isupper() or not _CELL_EDGE.search(
                self.text[max(0, self.starts[i] - 3) : self.starts[i]] or "\n"
            ):
                continue
            k = i + 1
            if keys[i] in ("thi", "thanh") and k < n and keys[k] in ("xa", "phô", "trân"):
                k += 1
            start = k
            while k < n and words[k][:1].isupper() and self.gap(k - 1) == " " and k - start < 4:
                k += 1
            if k == start or (k < n and not _CELL_EDGE.search(self.gap(k - 1))):
                continue
            if self.province_at(start, had_tinh=True) is not None:
                continue
            a, b = self.starts[i], self.ends[k - 1]
            surface = self.text[a:b]
            yield AgencyMention(
                "other", self.province, surface, a, b, _clean(surface), "provincial"
            )
        for i in range(n - 1):
            if keys[i] != "cac" or keys[i + 1] not in ("đia", "tinh") or i in taken:
                continue
            k = i + 2 if keys[i + 1] == "tinh" else i + 3
            if keys[i + 1] == "đia" and (k - 1 >= n or keys[k - 1] != "phương"):
                continue
            end = self.every_province(i) if self.province == "national" else None
            if end is not None and end > i + 2 and keys[i + 1] == "tinh":
                # a national text's "các tỉnh, thành phố trực thuộc Trung ương": every
                # provincial committee, listed where it is given a role
                a, b = self.starts[i], self.ends[end - 1]
                yield AgencyMention("ubnd_tinh", "national", self.text[a:b], a, b, None,
                                    "provincial", "ubnd_tinh", named=True)  # fmt: skip
                continue
            while k < n:
                hit = self.province_at(k, had_tinh=True)
                if hit is None:
                    break
                end, name = hit
                a, b = self.starts[k], self.ends[end - 1]
                yield AgencyMention(
                    "ubnd_tinh", name, self.text[a:b], a, b, None, "provincial", "ubnd_tinh"
                )
                k = end
                if k < n and (re.fullmatch(r"\s*,\s*", self.gap(k - 1)) or keys[k] == "va"):
                    k += 1 if keys[k] == "va" else 0
                    continue
                break

    def _named(self, found: list[AgencyMention]) -> Iterable[AgencyMention]:
        """Bodies outside the register named by the words that name a body
        (:mod:`policykg.ingest.agency_names`)."""
        taken = [False] * self.n
        within = [False] * self.n
        for m in found:
            lo, hi = bisect_right(self.ends, m.start), bisect_left(self.starts, m.end)
            taken[lo:hi] = [True] * (hi - lo)
            if m.code in SWALLOWED:
                within[lo:hi] = [True] * (hi - lo)
        for k, masked in enumerate(self.masked):
            taken[k] = taken[k] or masked
        spans = named_spans(self, taken, within=within)
        if spans:
            # the bodies of the register a name holds are part of it, not bodies of their own
            inner = {
                (m.start, m.end)
                for m in found
                for sp in spans
                if self.starts[sp.i] <= m.start and m.end <= self.ends[sp.j - 1]
            }
            found[:] = [m for m in found if (m.start, m.end) not in inner]
        for span in spans:
            a, b = self.starts[span.i], self.ends[span.j - 1]
            surface = self.text[a:b]
            name = _clean(surface)
            scope = scope_of_name(name, self.province)
            level = scope if scope in ("national", "international") else "provincial"
            yield AgencyMention("other", scope, surface, a, b, name, level, named=True)

    def _classes(self, found: list[AgencyMention]) -> Iterable[AgencyMention]:
        """Classes of bodies named by what they are ("cơ sở khám bệnh, chữa bệnh", "các cơ sở
        giáo dục", "các tổ chức tín dụng"): ``other`` with the name as written, listed where
        the text gives them a duty (:func:`enterprise_role`)."""
        taken = [False] * self.n
        for m in found:
            lo, hi = bisect_right(self.ends, m.start), bisect_left(self.starts, m.end)
            taken[lo:hi] = [True] * (hi - lo)
        for k, masked in enumerate(self.masked):
            taken[k] = taken[k] or masked
        for span in class_spans(self, taken):
            a, b = self.starts[span.i], self.ends[span.j - 1]
            surface = self.text[a:b]
            name, training = class_name(_clean(surface))
            if training:  # universities, colleges, vocational schools: the collective actor
                yield AgencyMention("truong_dh_cd", self.province, surface, a, b, None,
                                    "collective", "truong_dh_cd", named=True,
                                    group=True)  # fmt: skip
                continue
            scope = scope_of_name(name, self.province)
            level = scope if scope in ("national", "international") else "provincial"
            yield AgencyMention("other", scope, surface, a, b, name, level, named=True, group=True)
        for m in found:
            # an article or item headed by the units under a body ("Điều 9. Các đơn vị thuộc
            # Sở Lao động - Thương binh và Xã hội có nhiệm vụ"): those units, one actor
            lead = unicodedata.normalize("NFC", self.text[max(0, m.start - 80) : m.start])
            units = _UNITS_HEADING.search(lead)
            if units is None or m.kind == "other":
                continue
            a = m.start - (len(lead) - units.start("units"))
            surface = self.text[a : m.end]
            name = _clean(surface)
            yield AgencyMention("other", m.scope, surface, a, m.end, name, m.level,
                                named=True, group=True)  # fmt: skip

    def _enterprises(self, found: list[AgencyMention]) -> Iterable[AgencyMention]:
        """Enterprises and investors named as a group by what they do ("chủ đầu tư xây dựng
        hạ tầng kỹ thuật cụm công nghiệp", "nhà đầu tư thứ cấp", "các tổ chức, cá nhân hoạt
        động khoáng sản", "Tập đoàn, doanh nghiệp công nghệ số"): ``doanh_nghiep``, listed
        where the text gives them a duty (:func:`enterprise_role`)."""
        n, keys = self.n, self.keys
        taken = [False] * n
        for m in found:
            lo, hi = bisect_right(self.ends, m.start), bisect_left(self.starts, m.end)
            taken[lo:hi] = [True] * (hi - lo)
        i = 0
        while i < n:
            if taken[i] or self.masked[i] or keys[i] not in _ENTERPRISE_FIRST:
                i += 1
                continue
            j = self._enterprise_head(i)
            if j is None:
                i += 1
                continue
            # what they are or do, up to the verb of the sentence ("… báo cáo", "… có trách
            # nhiệm"): lower-case words (a place "trong cụm công nghiệp" too), never the last
            k = j
            while (
                k < n
                and k - j < 12
                and not taken[k]
                and not self.masked[k]
                and self.softs[k - 1]
                and self.gap(k - 1).strip(" \t\r\n\u00a0") in ("", ",")
                and (self.gap(k - 1).strip() == "" or self.dkey(k) in _ENTERPRISE_LIST)
                and self.words[k][:1].islower()
                and self.dkey(k) not in _PREDICATE
            ):
                k += 1
            while k > j and self.dkey(k - 1) in _ENTERPRISE_TRAIL:
                k -= 1
            first = i - 1 if i > 0 and keys[i - 1] == "cac" and self.softs[i - 1] else i
            a, b = self.starts[first], self.ends[k - 1]
            yield AgencyMention("doanh_nghiep", self.province, self.text[a:b], a, b, None,
                                "collective", "doanh_nghiep", named=True)  # fmt: skip
            i = k

    def _enterprise_head(self, i: int) -> int | None:
        """The index after the head words of an enterprise group at token i, else None."""
        for head in _ENTERPRISE_HEADS:
            k = i
            for w in head:
                if k >= self.n or self.dkey(k) != w or (k > i and not self.softs[k - 1]):
                    break
                k += 1
            else:
                if head[0] == "tổ" and (k >= self.n or self.dkey(k) not in _ACTIVITY):
                    continue  # "các tổ chức, cá nhân" alone: anyone
                if (
                    head in _FIRM_HEADS
                    and self.words[i][:1].isupper()
                    and not (i > 0 and self.keys[i - 1] == "cac")
                ):
                    continue  # "Tập đoàn Điện lực Việt Nam": one enterprise, named (other)
                return k
        return None

    def dkey(self, k: int) -> str:
        """Token k's key with its tone marks (:func:`diacritic_key`), lower case."""
        return diacritic_key(self.words[k])

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


#: one unit word below the province, with no name after it
_SINGLE_UNIT = re.compile(r"(?:các )?(?:phường|thị trấn|đặc khu|quận)")


#: the heading of an article or item, then the units under the body that follows
_UNITS_HEADING = re.compile(
    r"(?:^|\n)[\s*#]*(?:Điều\s+\d+[a-zđ]?\.|\d+(?:\.\d+)*[.)]|[a-zđ]\))[\s*]*"
    r"(?P<units>[Cc]ác\s+đơn\s+vị\s+(?:trực\s+)?thuộc\s+)$"
)


def _level_of(words: Sequence[str]) -> str:
    """The committee of the level the unit words name (folded): a district, town or city
    of a province ("huyện", "quận", "thị xã", "thành phố") -> ubnd_huyen; else ubnd_xa."""
    district = any(
        w in ("huyên", "quân", "phô") or (w == "thi" and nxt == "xa")
        for w, nxt in zip(words, [*words[1:], ""], strict=True)
    )
    return "ubnd_huyen" if district else "ubnd_xa"


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


#: Long texts are cached too: a document's whole text is read by agencies, tasks and duties
#: in turn, with many of its paragraphs (over 200 characters) read in between; a cache of 8
#: lost the document before its second reader came (three scans of it instead of one).
@lru_cache(maxsize=128)
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


@lru_cache(maxsize=128)
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
        # a mention that starts with its head's title ("Chủ tịch UBND …") holds a ``pos``
        # given after the title
        if m.end <= pos or (m.start < pos and out):
            continue
        gap = unicodedata.normalize("NFC", text[pos : max(pos, m.start)])
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
    r"(\s+v[ớo]i|\s+v[ềe])?[\s:*]*$",
    re.IGNORECASE,
)
_HEADING_RE = re.compile(r"^[\s*#]*(\d+|[IVX]+|[a-zđ])[.)]\s*[*\s]*$")


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
    with_role: set[tuple[str, str | None, str | None]] = set()
    for m in mentions:
        if _in_ground_title(text, m, mentions):
            continue  # "Căn cứ Quyết định … của Thủ tướng … phê duyệt Đề án … cho Cục X"
        if _QUALIFIER.search(unicodedata.normalize("NFC", text[max(0, m.start - 60) : m.start])):
            continue  # "Thủ trưởng cơ quan thuộc Chính phủ": the bodies under it act
        if (
            m.kind in _ROLE_ONLY
            and not m.group
            and not (
                enterprise_role(text, m, mentions)
                if m.named or m.kind == "doanh_nghiep"
                else has_role(text, m, mentions)
            )
        ):
            continue
        if m.kind in _ROLE_ONLY and _RELATED.match(text, m.end):
            continue  # "các doanh nghiệp liên quan": a collective
        if m.group and not class_role(text, m, mentions):
            continue  # a class of bodies acts where it is given a duty, not where it is served
        key = (m.kind, m.scope, _identity(m))
        surface = _clean(m.surface)
        item = out.get(key)
        if item is None:
            item = out[key] = {"kind": m.kind, "scope": m.scope, "mentions": [surface]}
            if m.kind == "other":
                item["name"] = m.name or surface
            item["_span"] = [m.start, m.end]
        elif surface not in item["mentions"]:
            item["mentions"].append(surface)
        if key not in with_role and (
            not _named_only(m) or m.kind in _ROLE_ONLY or m.group or named_role(text, m, mentions)
        ):
            with_role.add(key)
    # a body the register does not hold is listed where the text gives it a role
    return _merge_aliases([item for key, item in out.items() if key in with_role])


def _initials(name: str) -> tuple[str, bool]:
    """The initials of a name, an abbreviation spelt out ("Cục QLTNN" and "Cục Quản lý tài
    nguyên nước": "cqltnn"; "và" and "&" left out), and whether it holds an abbreviation."""

    def letter(c: str) -> str:  # without its marks: "Ô" and "ô" are "o", "Đ" is "d"
        return unicodedata.normalize("NFD", c.lower().replace("đ", "d"))[0]

    letters: list[str] = []
    short = False
    for word in re.findall(r"[^\W_]+", unicodedata.normalize("NFC", name)):
        if toneless_key(word) == "va":
            continue
        if len(word) > 1 and word.isupper():
            letters.extend(letter(c) for c in word)
            short = True
        else:
            letters.append(letter(word[0]))
    return "".join(letters), short


def _merge_aliases(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per body whose name is written both in full and abbreviated ("Cục Quản lý
    tài nguyên nước" and "Cục QLTNN", "Cục Kiểm soát ô nhiễm môi trường" and "Cục Kiểm soát
    ONMT"): the abbreviated name's mentions go to the full one."""
    full: dict[tuple[str | None, str], dict[str, Any]] = {}
    for item in items:
        if item["kind"] == "other" and item.get("name"):
            key, short = _initials(item["name"])
            if not short and len(key) > 2:
                full.setdefault((item["scope"], key), item)
    out = []
    for item in items:
        if item["kind"] == "other" and item.get("name"):
            key, short = _initials(item["name"])
            target = full.get((item["scope"], key)) if short else None
            if target is not None and target is not item:
                for surface in item["mentions"]:
                    if surface not in target["mentions"]:
                        target["mentions"].append(surface)
                continue
        out.append(item)
    return out


#: a group qualified as concerned ("các doanh nghiệp (có) liên quan"): a collective
_RELATED = re.compile(r"[\s,]*(?:có\s+)?liên\s+quan\b")
#: what comes right before a group given a duty ("giao cho", "Trách nhiệm của")
_ENTERPRISE_BEFORE = re.compile(r"(?:yêu cầu|đề nghị|[Tt]rách nhiệm của|gửi báo cáo:)[\s*]*$")
#: "giao (cho)" before a group: a duty when a body gives it, or at a clause's start
_GIVEN = re.compile(r"[Gg]iao(?:\s+cho)?[\s*]*$")
#: the start of a clause before its subject: a line or item, after ".", ";" or ":", or after
#: a time or condition ("Định kỳ hằng năm, ", "Trường hợp …, ")
_MARK = r"(?:[-+•]|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[IVX]+\.)"
_CLAUSE_START = re.compile(
    rf"(?:(?:^|[.;:|]|\n[ \t]*\n)[\s*#>]*(?:{_MARK}[\s*]*)?|\n[\s*#>]*{_MARK}[\s*]*)"
    r"(?:(?:[Đđ]ịnh kỳ|[Hh][ằà]ng|[Tt]rước|[Tt]rong|[Ss]au|[Kk]hi|[Tt]rường hợp|[Đđ]ồng thời)"
    r"[^.;:\n]{0,120},\s*)?$"
)


def enterprise_role(text: str, m: AgencyMention, mentions: Sequence[AgencyMention]) -> bool:
    """Does the text give a group of enterprises a duty? As :func:`has_role`, or after
    "giao (cho)", "yêu cầu", "Trách nhiệm của", or right before what it must do ("chủ đầu
    tư … báo cáo", "… có trách nhiệm"), or alone in a table cell."""
    before = unicodedata.normalize("NFC", text[max(0, m.start - 160) : m.start])
    given = _GIVEN.search(before)
    if given:  # "UBND tỉnh giao cho chủ đầu tư …", not "thu hồi giao chủ đầu tư" (land)
        lead = before[: given.start()]
        body_before = any(0 <= m.start - o.end - (len(before) - given.start()) <= 2
                          for o in mentions if o.end <= m.start)  # fmt: skip
        return body_before or bool(_CLAUSE_START.search(lead))
    if has_role(text, m, mentions) or _ENTERPRISE_BEFORE.search(before):
        return True
    # the list of subjects it belongs to ("Các tập đoàn kinh tế, tổng công ty nhà nước có
    # trách nhiệm …", "Sở Tài chính, các chủ đầu tư khẩn trương …")
    ordered = sorted(mentions, key=lambda x: x.start)
    first, last = m, m
    for other in ordered:
        if other.start >= last.end and _listed_after(text, last.end, other.start):
            last = other
    for other in reversed(ordered):
        if other.end <= first.start and _listed_after(text, other.end, first.start):
            first = other
    lead = unicodedata.normalize("NFC", text[max(0, first.start - 160) : first.start])
    lead = _HEADS_OF.sub("", lead)
    after = unicodedata.normalize("NFC", text[last.end : last.end + 80])
    if (
        _AFTER_ROLE.match(after)
        and after.lstrip(" *\t\r\n")[:1] not in tuple(",;:.()")
        and _CLAUSE_START.search(lead)
    ):
        return True  # the subject of a duty: "Chủ đầu tư … có trách nhiệm"
    return in_cell(text, m.start, m.end)


#: where a class of bodies is ("các cơ sở giáo dục trên địa bàn tỉnh"), before its duty
_WHERE = re.compile(
    r"[\s,]*(?:(?:trên|tại)\s+địa\s+bàn(?:\s+(?:toàn\s+)?(?:tỉnh|huyện|xã|thành\s+phố|"
    r"cả\s+nước|toàn\s+quốc))?|của\s+(?:tỉnh|huyện|nhà\s+nước|Nhà\s+nước)(?:\s+và\s+các\s+"
    r"huyện(?:\s*,\s*(?:thị|thành\s+phố|thị\s+xã))*)?)"
)


def class_role(text: str, m: AgencyMention, mentions: Sequence[AgencyMention]) -> bool:
    """Does the text give a class of bodies a duty? As :func:`enterprise_role`, also where
    the class is placed before its duty ("Các cơ sở giáo dục trên địa bàn tỉnh có trách
    nhiệm …") or heads a duty of its own ("- Các cơ sở khám bệnh, chữa bệnh: …")."""
    if enterprise_role(text, m, mentions):
        return True
    after = unicodedata.normalize("NFC", text[m.end : m.end + 120])
    where = _WHERE.match(after)
    rest = after[where.end() :] if where else after
    before = unicodedata.normalize("NFC", text[max(0, m.start - 160) : m.start])
    if re.match(r"[\s*]*:", rest) and _ITEM_START.search(before[-12:]):
        return True
    return bool(
        where
        and _AFTER_ROLE.match(rest)
        and rest.lstrip(" *\t\r\n")[:1] not in tuple(",;:.()")
        and _CLAUSE_START.search(before)
    )


def _listed_after(text: str, end: int, start: int) -> bool:
    """Is the mention at ``start`` listed right after the one ending at ``end`` (only
    spaces, commas, semicolons or "và" between)? A long gap is none (and is not
    normalized: this runs for every pair of mentions of a long document)."""
    if start - end > 40:
        return False
    return _ROLE_GAP.fullmatch(unicodedata.normalize("NFC", text[end:start])) is not None


#: the title of the heads of the bodies a list names ("Giám đốc các Sở …, các chủ đầu tư")
_HEADS_OF = re.compile(r"(?:Giám đốc|Thủ trưởng|Chủ tịch|Trưởng|Lãnh đạo|Bộ trưởng)(?:\s+các)?\s*$")


#: a body that only qualifies the bodies under it ("cơ quan thuộc Chính phủ", "các đơn vị
#: trực thuộc Sở", "cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh")
_QUALIFIER = re.compile(
    r"\b(?:cơ quan|đơn vị|tổ chức|bộ phận|ngành)(?:\s+(?:chuyên môn|sự nghiệp|hành chính))?"
    r"\s+(?:trực\s+)?thuộc[\s*]*$",
    re.IGNORECASE,
)
#: a legal ground of the preamble ("Căn cứ Nghị định số …"), not "Căn cứ Kế hoạch này"
_GROUND = re.compile(
    r"[\s*#>_\-]*Căn\s+cứ\s+(?:vào\s+)?(?:Hiến pháp|Luật|Bộ luật|Pháp lệnh|Nghị quyết|"
    r"Nghị định|Quyết định|Thông tư|Chỉ thị|Kết luận|Công văn|Văn bản|Kế hoạch|Chương trình|"
    r"Đề án|Thông báo|Hướng dẫn)\b(?![^;\n]{0,30}\bnày\b)"
)
#: right before the issuer of a cited instrument ("… của ", "… của liên Bộ ", "… của Bộ
#: trưởng, Chủ nhiệm Văn phòng Chính phủ")
#: between the issuers of a joint instrument ("của Bộ Tài chính, Bộ Nội vụ", "của liên Bộ
#: Tài chính - Lao động Thương binh và Xã hội")
_ISSUERS_GAP = re.compile(r"(?:[\s,;*\-–]|\bvà\b)*")
_FIRST_OF = re.compile(r"\b(?:của|do)\b", re.IGNORECASE)
_OF_ISSUER = re.compile(
    r"\b(?:của|do)(?:\s+liên)?(?:\s+(?:Bộ trưởng|Chủ nhiệm|Thủ trưởng|Chủ tịch),?)*[\s*]*$",
    re.IGNORECASE,
)


#: where a clause of the preamble ends: ";", a line ending in ".", ";" or ":", a blank line
_CLAUSE_END = re.compile(r";|[.:]\s*\n|\n[ \t]*\n")


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (a line of a hard-wrapped paragraph is not a
    clause of its own)."""
    lo = max(0, pos - 800)
    last = lo if lo else 0
    for m in _CLAUSE_END.finditer(text, lo, pos):
        last = m.end()
    if last == lo and lo:
        return text.rfind("\n", 0, pos) + 1
    return last


def _in_ground_title(text: str, m: AgencyMention, mentions: Sequence[AgencyMention]) -> bool:
    """Is ``m`` inside the title of an instrument a legal ground cites ("Căn cứ Quyết định
    số … của Thủ tướng Chính phủ phê duyệt Đề án tăng cường năng lực cho Cục X"), not its
    issuer ("của Thủ tướng Chính phủ", "của Bộ Tài chính, Bộ Nội vụ")?"""
    line_start = _clause_start(text, m.start)
    if not _GROUND.match(unicodedata.normalize("NFC", text[line_start : line_start + 80])):
        return False
    # walk back over the bodies listed before it ("của Bộ Tài chính, Bộ Nội vụ")
    pos = m.start
    for other in sorted(mentions, key=lambda x: -x.start):
        if line_start <= other.end <= pos and _ISSUERS_GAP.fullmatch(
            unicodedata.normalize("NFC", text[other.end : pos])
        ):
            pos = other.start
    # the issuer follows the first "của" of the clause; a later one is inside the title
    seg = unicodedata.normalize("NFC", text[line_start:pos])
    first = _FIRST_OF.search(seg)
    return first is None or not _OF_ISSUER.match(seg, first.start())


def _named_only(m: AgencyMention) -> bool:
    """Was ``m`` found only by the words that name a body (not in the register)?"""
    return m.named


#: what comes before a body given a role ("Theo đề nghị của Vụ trưởng", "kiến nghị", "qua")
_BEFORE_ROLE = re.compile(
    r"(?:(?:đề nghị|kiến nghị|đề xuất)(?: của)?|trình|qua|cho|đến|tới|với|giao|yêu cầu|"
    r"Giám đốc|Chánh|Trưởng|"
    r"trưởng|Lãnh đạo|Thủ trưởng|Chủ tịch|Chủ nhiệm|Viện trưởng|Tổng Giám đốc|Bí thư|"
    r"Đề nghị|Giao|Yêu cầu)(?:\s+các)?[\s:*]*$"
)
#: "từ … đến / tới …": the end of a span (a distance, a way), not whom something goes to
_SPAN_END = re.compile(r"(?:đến|tới)[\s:*]*")
_SPAN_START = re.compile(r"\btừ\s[^.;:\n]{1,80}\s(?:đến|tới)[\s:*]*$")
#: the bodies a role is given to, listed after "gồm:" ("Giao các cơ sở đào tạo gồm: …")
_ROLE_LIST = re.compile(
    r"(?:[Gg]iao|[Cc]hủ trì|[Pp]hối hợp|[Yy]êu cầu|[Đđ]ề nghị)[^.;:\n]{0,80}"
    r"\b(?:bao gồm|gồm)\s*:?\s*$"
)
#: a cited instrument right before "của": its issuer is named ("văn bản của Cục ...")
_OF_DOCUMENT = re.compile(
    r"(?:văn bản|Quyết định|Thông tư|Nghị quyết|Kế hoạch|Chỉ thị|Công văn|Hướng dẫn|"
    r"Tờ trình|Báo cáo|Kết luận)[^.;\n]{0,60}\bcủa\s*$"
)
#: what follows a body given a role ("Vụ Pháp chế chủ trì", "… có trách nhiệm")
_AFTER_ROLE = re.compile(
    r"^[\s*,;]*(?:\([^)]{0,60}\)[\s,]*)?"
    r"(?:và\s+(?:Thủ trưởng|Giám đốc|Chủ tịch|Lãnh đạo)?\s*các\s+[^.;:\n]{0,80}?liên quan\s*)?"
    r"(?:chủ trì|phối hợp|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|"
    r"thực hiện|ra quyết định|tổ chức|hướng dẫn|thẩm định|xác định|tham mưu|cung cấp|"
    r"thông báo|rà soát|kiểm tra|xây dựng|triển khai|theo dõi|đẩy mạnh|giúp|là cơ quan|"
    r"tiếp tục|báo cáo|gửi|lập|trình|quản lý|tiếp nhận|chỉ đạo|đôn đốc|cập nhật|"
    r"nghiên cứu|đề xuất|bảo đảm|phê duyệt|cấp|mở tài khoản|ban hành|xác định|lãnh đạo|"
    r"chủ động|phụ trách|làm đầu mối|là đầu mối|khẩn trương|tập trung|tích cực|phải|"
    r"nghiêm túc|kịp thời|thường xuyên|tham gia|:)",
    re.IGNORECASE,
)
_ITEM_START = re.compile(r"(?:^|\n)[\s*#>|-]*(?:[a-zđ]\)|\d+(?:\.\d+)*[.)]|[-+*•])?[\s*]*$")


def named_role(text: str, m: AgencyMention, mentions: Sequence[AgencyMention]) -> bool:
    """Does the text give a body found by its naming words a role? As :func:`has_role`, or
    when it is named before what it must do ("Vụ Pháp chế chủ trì", "… có trách nhiệm"),
    after whom reports or proposals go to ("đề nghị", "trình", "qua"), as head of a duty
    (a line or item of its own), in a table cell of bodies, or as the issuer of a cited
    instrument ("văn bản của Cục …")."""
    if has_role(text, m, mentions):
        return True
    # the list of bodies this mention belongs to, both ways
    first, last = m, m
    for other in sorted(mentions, key=lambda x: x.start):
        if other.start >= last.end and _LIST_GAP.fullmatch(
            unicodedata.normalize("NFC", text[last.end : other.start])
        ):
            last = other
    for other in sorted(mentions, key=lambda x: -x.start):
        if other.end <= first.start and _LIST_GAP.fullmatch(
            unicodedata.normalize("NFC", text[other.end : first.start])
        ):
            first = other
    before = unicodedata.normalize("NFC", text[max(0, first.start - 120) : first.start])
    after = unicodedata.normalize("NFC", text[last.end : last.end + 80])
    if re.match(r"\s*\)", after) and re.search(r"\(\s*$", before):
        # a body written in brackets after another, as its counterpart ("Phòng Nông nghiệp
        # và Phát triển nông thôn huyện (Phòng Kinh tế thị xã) có trách nhiệm"): its role
        outer = [
            o
            for o in mentions
            if o.end <= first.start
            and _LIST_GAP.fullmatch(
                unicodedata.normalize("NFC", text[o.end : first.start]).replace("(", "")
            )
        ]
        if outer:
            after = after.split(")", 1)[1]
    role = _BEFORE_ROLE.search(before[-40:])
    if role and _SPAN_END.fullmatch(role.group()) and _SPAN_START.search(before):
        role = None  # "khoảng cách từ nhà … đến Trung tâm …": where a span ends, no recipient
    if role or _OF_DOCUMENT.search(before):
        return True
    if _ROLE_LIST.search(before):  # "Giao các cơ sở đào tạo trọng điểm gồm: Đại học …"
        return True
    if _AFTER_ROLE.match(after):
        return True
    if _ITEM_START.search(before[-12:]) and re.match(r"^[\s*]*(?:\n|$|:)", after):
        return True
    return in_cell(text, first.start, last.end)


def _identity(m: AgencyMention) -> str | None:
    """What tells two bodies of the same kind and scope apart: the register code, else for
    kind "other" the name."""
    if m.kind != "other":
        return None
    if m.code:
        return m.code
    keys = [t.key for t in tokenize(m.name or m.surface)]
    if m.group:
        # a class is one whichever words its field shares ("cơ sở khám bệnh, chữa bệnh" is
        # the "cơ sở khám, chữa bệnh")
        return "class:" + " ".join(sorted(set(keys)))
    if keys[-2:] == ["đia", "phương"] and len(keys) > 3:
        keys = keys[:-2]  # "cơ quan LĐTBXH địa phương" is the "cơ quan LĐTBXH"
    if "vê" in keys[2:]:
        # "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng" is also written without what
        # it is about
        keys = keys[: keys.index("vê", 2)]
    # "Phòng Lao động - Thương binh và Xã hội quận - huyện" is the "… cấp quận": the level
    # below the province however it is written
    end = len(keys)
    while end > 2 and keys[end - 1] in _LEVEL_TAIL:
        end -= 1
    if end < len(keys):
        keys = [*keys[:end], "#local"]
    return " ".join(keys)


#: the words of a district or commune level written after a body's name, folded
_LEVEL_TAIL = frozenset(
    toneless_key(w)
    for w in ("cấp", "các", "quận", "huyện", "thị", "xã", "thành", "phố", "phường", "trấn")
)


def agencies_of(doc: Doc, *, province: str | None) -> list[dict[str, Any]]:
    """:func:`extract_agencies` over a parsed document: its text, tables and footnotes,
    never "Nơi nhận", the signature or web-page furniture. In the issuer block of the header
    only the issuer and its co-issuers are listed (:func:`issuer_block_parents`)."""
    spans = [(p.start, p.end) for p in doc.paragraphs if p.kind in ("text", "table", "footnote")]
    parents = issuer_block_parents(doc, province=province)
    if parents:
        cut = sorted(parents)
        out: list[tuple[int, int]] = []
        for a, b in spans:
            for pa, pb in cut:
                if a < pb and pa < b:
                    if a < pa:
                        out.append((a, pa))
                    a = max(a, pb)
            if a < b:
                out.append((a, b))
        spans = out
    return extract_agencies(doc.flat, province=province, spans=spans)


#: a line of the header after the issuer block: the number, the motto, the place and date
_AFTER_BLOCK = re.compile(r"(?i)^[\s*#|>_]*(?:số\b|độc lập|.*\bngày\b.*\btháng\b)")
_MOTTO = re.compile(r"C[ỘO]NG\s+H[ÒOÓ]A\s+X[ÃA]\s+H[ỘO]I")
#: bodies that issue instruments jointly, each in its own right: ministries and bodies of
#: ministry level ("BỘ TÀI CHÍNH - BỘ NỘI VỤ"), the Government or a people's committee with
#: the Fatherland Front ("ỦY BAN NHÂN DÂN / ỦY BAN MTTQ VIỆT NAM / TỈNH ĐẮK LẮK")
_CO_ISSUER_TYPES = {"ministry", "ministry-level", "government", "executive", "front"}


def joint_issuer(block: str, *, province: str | None) -> AgencyMention | None:
    """The issuer of a joint issuer block ("BỘ TÀI CHÍNH - BỘ NỘI VỤ", "BỘ TÀI CHÍNH / BỘ
    NỘI VỤ"): the first of the ministries (or bodies of ministry level) that end the block,
    when there are two or more (SCHEMA.md: a joint instrument takes the first body as its
    issuer); else None."""
    found = find_agencies(block, province=province)
    kinds = agency_kinds()
    run: list[AgencyMention] = []
    for m in reversed(found):
        if m.code not in kinds or kinds[m.code]["type"] not in _CO_ISSUER_TYPES:
            break
        run.insert(0, m)
    rest = block[run[-1].end :] if run else ""
    if len(run) < 2 or re.search(r"\w", rest):
        return None
    return run[0]


def issuer_block_parents(doc: Doc, *, province: str | None) -> list[tuple[int, int]]:
    """The spans of the bodies printed above the issuer in the issuer block of the header
    ("BAN CHẤP HÀNH TRUNG ƯƠNG" above "ĐẢNG ĐOÀN QUỐC HỘI", "UBND TỈNH LÀO CAI" above "SỞ
    TƯ PHÁP"): the block names them to place the issuer, not to give them a role. The
    bodies of a joint block ("BỘ TÀI CHÍNH - BỘ NỘI VỤ") are issuer and co-issuers, kept."""
    block: list[tuple[int, int]] = []
    for p in doc.header[:4]:
        raw = doc.original[p.start : p.end]
        if _AFTER_BLOCK.match(unicodedata.normalize("NFC", raw)):
            break
        letters = [c for c in raw if c.isalpha()]
        if not letters or any(c.islower() for c in letters):
            break
        motto = _MOTTO.search(unicodedata.normalize("NFC", raw))
        block.append((p.start, p.start + motto.start() if motto else p.end))
        if motto:
            break
    if not block:
        return []
    text = doc.original
    found = [
        m
        for m in find_agencies(text[block[0][0] : block[-1][1]], province=province)
        if block[0][0] + m.end <= block[-1][1]
    ]
    if len(found) < 2:
        return []
    issuer = found[-1]
    kinds = agency_kinds()

    def joint(m: AgencyMention) -> bool:
        return all(
            x.code in kinds and kinds[x.code or ""]["type"] in _CO_ISSUER_TYPES for x in (m, issuer)
        )

    base = block[0][0]
    return [(base + m.start, base + m.end) for m in found[:-1] if not joint(m)]
