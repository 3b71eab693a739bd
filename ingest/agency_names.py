"""Bodies the register does not hold, found by the words that name a body.

A unit of a ministry ("Cục Khoáng sản Việt Nam", "Vụ Pháp chế", "Văn phòng Bộ", "Thanh tra
Bộ"), a steering committee, council or working group ("Ban Chỉ đạo …", "Hội đồng bồi
thường …", "Tổ công tác …"), a party body ("Đảng đoàn Quốc hội", "Đảng ủy …"), a school,
institute, company or newspaper, a district-level body ("Phòng Lao động - Thương binh và Xã
hội quận, huyện", "Công an huyện") or a named district committee ("UBND huyện Châu Thành"):
each is an agency of kind ``other`` with its name as written (SCHEMA.md). :func:`named_spans`
finds them over the tokens of :class:`policykg.ingest.agencies._Scanner`; the scanner keeps
those that do not overlap a body of the register.

A name is its head words ("Cục", "Ban Chỉ đạo") and what follows while it reads as a name:
a capitalized word, an abbreviation, or a lower-case word that is not a verb or function
word beginning the rest of the sentence ("chủ trì", "phối hợp", "có trách nhiệm", ...);
"và" only between two capitalized words; the district tails "các huyện, thị xã, thành phố",
"quận - huyện", "cấp huyện" are part of the name, and so is the place a district word
introduces ("Trung tâm Y tế huyện Phù Mỹ"). A function word between a capitalized word and
more of the name is the second syllable of a word ("Trung tâm Truyền thông TN&MT"). A name
runs over the line break of a hard-wrapped paragraph (a long line before it), not over the
end of a short line of its own. A word whose second syllable begins a predicate elsewhere
stays in the name ("phát triển", "thẩm định"). A collegial body's name ends with what it is
about ("Ủy ban Quốc gia về chuyển đổi số", "Ban Chỉ đạo Trung ương về phòng, chống tham
nhũng, tiêu cực"), except after a report's verb ("báo cáo Ban Chỉ đạo … về kết quả …").
A name holds the party committee, council, committee or front it belongs to ("Ban Tổ chức
Tỉnh ủy", "Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh"), and ends with a province's
name ("Báo và Phát thanh, Truyền hình Lào Cai"). A unit's name runs to the end of its field:
a word of a field that begins like a verb is part of it ("Cục Công nghệ thông tin", "Cục Bảo
vệ thực vật", "Vụ Thị trường trong nước"; "… xây dựng" only where the name ends after it),
and "và" joins two fields over the end of a cell's line ("Cục Trồng trọt và / Bảo vệ thực
vật"). A school's or hospital's kind may be written in lower case before its name
("Trường Cao đẳng nghề Giao thông Thanh Hóa", "Bệnh viện đa khoa Hợp Lực"); associations
("Hiệp hội Du lịch tỉnh", "Liên hiệp các Hội …") and the post office ("Bưu điện tỉnh")
are named bodies too; two verbs of a field coordinated with a comma stay in a name ("Cục
Quản lý Khám, chữa bệnh", "… và Phòng, chống thiên tai"). In a cell that lists bodies after dashes
a name ends before " - " and the next body ("- Cục Khoáng sản Việt Nam - Viện …").
:func:`class_spans` finds classes of bodies named by what they are ("cơ sở khám bệnh, chữa
bệnh", "các tổ chức tín dụng"). A body set up for a purpose is named with it ("Ban Chỉ
đạo thực hiện hỗ trợ nhà ở cho người có công", "Hội đồng đánh giá lựa chọn chủ đầu tư"), up
to the verb of the sentence. A party committee of an agency holds it ("Đảng ủy cơ quan
Văn phòng Quốc hội"), and a unit the body it belongs to ("Thường trực Ủy ban KH,CN&MT của
Quốc hội"); "Đoàn đại biểu Quốc hội" is a name on its own.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from policykg.ingest.reading import diacritic_key, toneless_key

__all__ = ["NamedSpan", "class_spans", "head_at", "in_cell", "named_spans", "scope_of_name"]


class _Tokens(Protocol):
    text: str
    words: list[str]
    keys: list[str]
    starts: list[int]
    ends: list[int]
    n: int

    def soft(self, i: int) -> bool: ...

    def gap(self, i: int) -> str: ...


@dataclass(frozen=True, slots=True)
class NamedSpan:
    i: int  # first token
    j: int  # index after the last token


def _keys(phrase: str) -> tuple[str, ...]:
    return tuple(toneless_key(w) for w in phrase.split())


def _tones(phrase: str) -> tuple[str, ...]:
    return tuple(diacritic_key(w) for w in phrase.split())


#: head words (with their tones) -> does the head name a body with lower-case words only
#: after it?
_HEADS: dict[tuple[str, ...], bool] = {
    _tones(h): bare
    for h, bare in [
        ("Cục", False),
        ("Vụ", False),
        ("Tổng cục", False),
        ("Chi cục", False),
        ("Văn phòng", False),
        ("Thanh tra", False),
        ("Trung tâm", False),
        ("Phòng", False),
        ("Ban", False),
        ("Ban Chỉ đạo", True),
        ("Ban cán sự đảng", True),
        ("Ban Cán sự Đảng", True),
        ("Báo và Phát thanh Truyền hình", False),
        ("Ban Chỉ huy", True),
        ("Ban Quản lý", True),
        ("Hội đồng", True),
        ("Tổ công tác", True),
        ("Tổ đảng", True),
        ("Tổ chức làm nhiệm vụ", True),
        ("Đảng ủy", False),
        ("Đảng uỷ", False),
        ("Đảng đoàn", False),
        ("Đoàn đại biểu Quốc hội", True),
        ("Viện", False),
        ("Học viện", False),
        ("Trường Đại học", False),
        ("Trường Cao đẳng", False),
        ("Trường Trung cấp", False),
        ("Trường Chính trị", True),
        ("Đại học", False),
        ("Công ty", False),
        ("Tổng công ty", False),
        ("Tập đoàn", False),
        ("Báo", False),
        ("Đài", False),
        ("Kho bạc Nhà nước", False),
        ("Bộ Tư lệnh", True),
        ("Bộ Chỉ huy", True),
        ("Công an", False),
        ("Ủy ban", False),
        ("Uỷ ban", False),
        ("Cơ quan", False),
        ("Thường trực", False),
        ("Khu Công nghệ", True),
        ("Hội", False),
        ("Hiệp hội", False),
        ("Bưu điện", True),
        ("Liên đoàn", False),
        ("Liên hiệp", False),
        ("Liên hiệp các Hội", False),
        ("Bệnh viện", False),
        ("Ngân hàng", False),
        ("Quỹ", False),
    ]
}
_MAX_HEAD = max(len(h) for h in _HEADS)
#: every start of a head ("ủy", "ủy ban", ...): a word that starts none starts no head
_HEAD_PREFIXES = frozenset(h[:k] for h in _HEADS for k in range(1, len(h) + 1))
#: heads that name a body even in a line in capitals ("ĐẢNG ĐOÀN QUỐC HỘI")
_CAPS_HEADS = {
    _tones(h)
    for h in (
        "Đảng đoàn", "Đảng ủy", "Đảng uỷ", "Ban Chỉ đạo", "Ban Chỉ huy", "Bộ Tư lệnh",
        "Bộ Chỉ huy", "Tổng cục", "Chi cục", "Tổng công ty", "Trường Đại học", "Học viện",
        "Đoàn đại biểu Quốc hội",
    )
}  # fmt: skip
#: heads of schools and hospitals, whose kind may be written in lower case between the head
#: and the name ("Trường Cao đẳng nghề Giao thông Thanh Hóa", "Bệnh viện đa khoa Xanh Pôn")
_KIND_HEADS = {
    _tones(h)
    for h in (
        "Trường Đại học", "Trường Cao đẳng", "Trường Trung cấp", "Bệnh viện", "Học viện",
    )
}  # fmt: skip
#: words after which a head is a verb ("Phòng, chống …": prevent and combat)
_NOT_AFTER_HEAD = {_tones("Phòng"): set(_tones("chống"))}
#: the two verbs of a field coordinated with a comma inside a name ("Cục Quản lý Khám, chữa
#: bệnh", "Cục Quản lý đê điều và Phòng, chống thiên tai")
_COMMA_PAIRS = {_tones("phòng chống"), _tones("khám chữa")}
#: heads that are the name of a body on their own ("các Đoàn đại biểu Quốc hội")
_WHOLE_HEADS = {_tones("Đoàn đại biểu Quốc hội")}
#: party committees of an agency ("Đảng ủy cơ quan Văn phòng Quốc hội")
_OF_BODY_HEADS = {_tones(h) for h in ("Đảng ủy", "Đảng uỷ")}
#: heads that may be written in lower case when a capitalized name follows ("phòng Kinh tế")
_LOWER_HEADS = {_tones("Phòng")}
#: heads that may be written in lower case before an abbreviation ("cơ quan LĐTBXH")
_LOWER_ABBREV_HEADS = {_tones("Cơ quan")}
#: words that end a name: the verb or function word that begins the rest of the sentence
_STOP = set(
    _tones(
        "chủ phối có chịu thực được là sẽ theo tại để nhằm ra trình gửi giúp xem căn cùng "
        "của cho với từ trong trên đối về nếu khi đã đang hướng tham tổ xây triển kiểm "
        "thẩm xác cung thông rà báo đề kiến tiếp lập quyết làm chỉ đôn đẩy nâng bảo quản "
        "hoặc hay nhưng mà thì trước sau ngày hằng hàng định tổng gồm bao"
    )
)
#: words whose second syllable begins a predicate elsewhere ("phát triển", not "triển
#: khai"; "truyền thông", not "thông báo")
_COMPOUNDS = {
    _tones(w)
    for w in (
        "phát triển", "truyền thông", "giao thông", "đảm bảo", "thúc đẩy", "định hướng",
        "ý kiến", "trực tiếp", "thành lập", "chính xác", "vấn đề", "giải quyết", "cảnh báo",
        "thông báo", "điều phối", "hỗ trợ", "kiểm tra", "thanh tra", "giám sát", "xây dựng",
        "thẩm định", "giám định", "quy định", "xác định", "ổn định", "quyết định", "việc làm",
    )
}  # fmt: skip
#: words of a field that begin with a syllable of ``_STOP``, nouns in a unit's name ("Cục
#: Công nghệ thông tin", "Cục Bảo vệ thực vật", "Vụ Bảo hiểm y tế", "Vụ Thị trường trong
#: nước"): part of the name after a capitalized word
_FIELD_NOUNS = {
    _tones(w)
    for w in (
        "thông tin", "thực vật", "thực phẩm", "bảo hiểm", "bảo trợ", "bảo tồn", "bảo tàng",
        "trong nước", "đối ngoại", "kiểm ngư", "kiểm dịch", "sau thu",
    )
}  # fmt: skip
#: words of a field that are verbs too ("Cục Kinh tế xây dựng", "xây dựng kế hoạch"): part
#: of the name only where the name ends after them (before the verb of a role, the end of
#: a sentence or cell, a body listed next) or a word of a field follows ("… bảo vệ thực vật")
_FIELD_OR_VERB = {_tones(w) for w in ("xây dựng", "bảo vệ", "quản lý")}
#: the verbs of a role after a body's name ("chủ trì", "phối hợp", "có trách nhiệm")
_ROLE_VERBS = {
    _tones(w) for w in ("chủ trì", "phối hợp", "có trách", "chịu trách", "thực hiện", "tham mưu")
} | {_tones(w) for w in ("là", "được")}
_NAME_END = re.compile(r"[ \u00a0]*(?:[.;|\t)]|\n|$|,[ \u00a0]*(\S))")
#: first words of the title of a head ("Thủ trưởng", "Giám đốc"): never part of a name
_TITLE_WORDS = set(_tones("thủ giám chủ chánh trưởng phó tổng cục vụ lãnh"))
_STOP_PAIRS = {_tones("ban hành"), _tones("phê duyệt")}
#: a stop word that is part of a name right after its head ("Văn phòng đăng ký …")
_AFTER_HEAD_OK = set(_tones("đăng ký quản lý chỉ đạo thẩm kiểm"))
_DISTRICT_WORDS = set(_tones("huyện quận thị xã thành phố phường trấn"))
_TAIL_WORDS = _DISTRICT_WORDS | set(_tones("các cấp"))
#: words that close a name: a lower-case word after them begins the rest of the sentence
_TERMINALS = {_tones(w) for w in ("Việt Nam", "Quốc hội", "Trung ương", "Chính phủ", "quốc tế")}
#: bodies of the register that a name may hold ("Đảng đoàn Quốc hội", "Văn phòng Chính phủ")
#: ("Ban Tổ chức Tỉnh ủy", "Đảng đoàn HĐND tỉnh", "Ban cán sự đảng UBND tỉnh", "Đảng đoàn
#: Ủy ban MTTQ tỉnh": the bodies of a party committee, council, committee or front)
SWALLOWED = frozenset(
    {"quoc_hoi", "chinh_phu", "tinh_uy", "hdnd_tinh", "ubnd_tinh", "mttq_tinh", "mttq_tw"}
)
#: words that make a named body national ("Cục … Việt Nam", "Ban Chỉ đạo Trung ương",
#: "Ủy ban Quốc gia …"); a lower-case "quốc gia" describes the programmes a provincial
#: committee steers, not the committee
_NATIONAL = re.compile(r"\b(?:việt nam|quốc hội|trung ương|chính phủ|tổng cục)\b", re.IGNORECASE)
_NATIONAL_CASED = re.compile(r"\b(?:Quốc gia|Bộ [A-ZĐÂĂÊÔƠƯ])")
_INTERNATIONAL = re.compile(r"\b(?:quốc tế|liên hợp quốc|thế giới)\b", re.IGNORECASE)
_CELL = re.compile(r"[|\t\n]")
_DASH = re.compile(r"[ \u00a0]+[-–][ \u00a0]+")
_GAP_OK = re.compile(r"[ \u00a0]*(?:[-–&][ \u00a0]*)?")
_ABBREV_COMMA = re.compile(r",")


def _capital(word: str) -> bool:
    return word[:1].isupper()


def _abbrev(word: str) -> bool:
    return len(word) > 1 and word.upper() == word and any(c.isalpha() for c in word)


def named_spans(t: _Tokens, taken: Sequence[bool], *, within: Sequence[bool]) -> list[NamedSpan]:
    """The named bodies in the tokens of ``t`` that start outside ``taken`` tokens; a name
    may run over ``within`` tokens (bodies of the register it holds)."""
    out: list[NamedSpan] = []
    i = 0
    n = t.n
    while i < n:
        if taken[i]:
            i += 1
            continue
        head = _head_at(t, i)
        if head is None:
            i += 1
            continue
        j = _name_end(
            t, i, i + len(head), _HEADS[head], taken, within, kind=head in _KIND_HEADS,
            whole=head in _WHOLE_HEADS, of_body=head in _OF_BODY_HEADS,
        )  # fmt: skip
        if head in _PURPOSE_HEADS:
            j = _purpose(t, i + len(head), j, taken) or j
        if j is None:
            i += 1
            continue
        before = unicodedata.normalize("NFC", t.text[max(0, t.starts[i] - 24) : t.starts[i]])
        if head in _COLLEGIAL and not _REPORTED_TO.search(before):
            j = _about(t, j, taken)
        out.append(NamedSpan(i, j))
        i = j
    return out


#: the heads of bodies set up for a purpose, whose names may go on with it ("Ban Chỉ đạo thực
#: hiện hỗ trợ nhà ở cho người có công", "Tổ công tác triển khai Đề án …", "Hội đồng đánh
#: giá lựa chọn chủ đầu tư")
_PURPOSE_HEADS = {_tones(h) for h in ("Ban Chỉ đạo", "Tổ công tác", "Hội đồng")}
#: what ends the purpose in a name: the verb of the sentence ("… tổ chức kiểm tra", "… có
#: trách nhiệm"), a word that begins the rest of the sentence ("… để", "… gồm")
_PURPOSE_STOP_PAIRS = {
    _tones(w)
    for w in (
        "chủ trì", "phối hợp", "có trách", "chịu trách", "tổ chức", "thực hiện", "báo cáo",
        "theo dõi", "kiểm tra", "chỉ đạo", "hướng dẫn", "đề xuất", "tham mưu", "đôn đốc",
        "ban hành", "xem xét", "quyết định", "phê duyệt", "được thành", "có nhiệm",
    )
}  # fmt: skip
_PURPOSE_STOP = set(_tones("gồm là được sẽ đã đang phải cần nhằm để theo tại trình giúp do"))
#: words a purpose never ends with
_PURPOSE_TRAIL = set(_tones("cho với của và các tại trên trong về những"))


def _purpose(t: _Tokens, start: int, j: int | None, taken: Sequence[bool]) -> int | None:
    """The index after the purpose that goes on the name of a body set up for it, whose
    head ends before token ``start`` and whose name read so far (in lower-case words only)
    ends before token ``j``: lower-case words ("Ban Chỉ đạo| thực hiện hỗ trợ nhà ở cho
    người có công với cách mạng") up to the verb of the sentence or a punctuation mark; the
    purpose may begin with a verb ("thực hiện", "tổ chức"). None when none follows."""
    end = start if j is None else j
    if any(not t.words[m][:1].islower() for m in range(start, end)):
        return None  # a name of its own ("Ban Chỉ đạo Trung ương …")
    k = end
    while k < t.n and k - start < 16 and not taken[k]:
        w = t.words[k]
        if not (_GAP_OK.fullmatch(t.gap(k - 1)) or _wrapped(t, k)):
            break
        if not w[:1].islower() and (k == end or _head_at(t, k) is not None):
            break  # what the purpose is about may be named ("… triển khai Đề án …")
        key = diacritic_key(w)
        pair = (key, diacritic_key(t.words[k + 1])) if k + 1 < t.n else (key,)
        if key in _PURPOSE_STOP or (pair in _PURPOSE_STOP_PAIRS and k > start):
            break
        k += 1
    while k > end and diacritic_key(t.words[k - 1]) in _PURPOSE_TRAIL:
        k -= 1
    return k if k > end + (1 if j is None else 0) else None


#: the heads of collegial bodies, whose names may end with what they are about ("Ủy ban
#: Quốc gia về …", "Ban Chỉ đạo Trung ương về phòng, chống tham nhũng, tiêu cực")
_COLLEGIAL = {_tones(h) for h in ("Ủy ban", "Uỷ ban", "Ban Chỉ đạo", "Hội đồng", "Tổ công tác")}
_VE = _tones("về")[0]
#: words that begin the rest of the sentence inside a "về …" part of a name
_ABOUT_STOP = _STOP - set(_tones("về của cho với trong trên đối tổ tham"))
_ABOUT_STOP_PAIRS = {_tones("tham mưu"), _tones("tham gia")}
#: the first words of what a report or a decision is about ("về kết quả", "về việc"): not
#: the name of the body before it
_ABOUT_NOT = set(_tones("kết tình việc những tiến nội mục kế đề thực ý vấn"))
#: a body that a report is sent or put to: a "về …" after it is what the report is about
_REPORTED_TO = re.compile(
    r"(?:báo cáo|trình|gửi|kiến nghị|đề xuất|ý kiến|đề nghị)\s*$", re.IGNORECASE
)


def _about(t: _Tokens, j: int, taken: Sequence[bool]) -> int:
    """The index after the "về …" part of a collegial body's name that starts at token j
    (lower-case words, "các", the commas of "phòng, chống tham nhũng, tiêu cực"), else j."""
    n = t.n
    if j >= n or diacritic_key(t.words[j]) != _VE or not _GAP_OK.fullmatch(t.gap(j - 1)):
        return j
    k = j + 1
    while k < n and k - j <= 18 and not taken[k]:
        w = t.words[k]
        key = diacritic_key(w)
        gap = t.gap(k - 1)
        if not (_GAP_OK.fullmatch(gap) or _wrapped(t, k) or (gap == ", " and k > j + 1)):
            break
        if k == j + 1 and key in _ABOUT_NOT:
            break
        if (_capital(w) and _head_at(t, k) is not None) or (
            key in _ABOUT_STOP
            and k > j + 1
            and (diacritic_key(t.words[k - 1]), key) not in _COMPOUNDS
        ):
            break
        if k + 1 < n and (key, diacritic_key(t.words[k + 1])) in _ABOUT_STOP_PAIRS:
            break
        if k + 1 < n and (key, diacritic_key(t.words[k + 1])) in _TERMINALS:
            k += 2  # "Ủy ban Quốc gia về người cao tuổi Việt Nam"
            continue
        if not (w[:1].islower() or _abbrev(w) or (key,) in _TERMINALS):
            break
        k += 1
    # never a trailing function word
    while k > j + 1 and diacritic_key(t.words[k - 1]) in _STOP:
        k -= 1
    return k if k > j + 1 else j


def head_at(t: _Tokens, i: int) -> tuple[str, ...] | None:
    """The head words of a body's name starting at token i, or None."""
    return _head_at(t, i)


def _head_at(t: _Tokens, i: int) -> tuple[str, ...] | None:
    """The longest head starting at token i (its first word capitalized, but see
    ``_LOWER_HEADS``; a head in capitals only where a name in capitals may stand), or None."""
    best: tuple[str, ...] | None = None
    cand: tuple[str, ...] = ()
    for size in range(1, _MAX_HEAD + 1):
        if i + size > t.n:
            break
        if size > 1 and not t.soft(i + size - 2):
            break
        cand = (*cand, diacritic_key(t.words[i + size - 1]))
        if cand not in _HEAD_PREFIXES:
            break
        if cand in _HEADS:
            best = cand
    if best is None:
        return None
    if i + len(best) < t.n and diacritic_key(t.words[i + len(best)]) in _NOT_AFTER_HEAD.get(
        best, ()
    ):
        return None  # "Phòng, chống thiên tai": a verb, no body
    first = t.words[i]
    if not _capital(first) and best not in _LOWER_HEADS:
        after = i + len(best)
        if not (
            best in _LOWER_ABBREV_HEADS
            and after < t.n
            and t.soft(after - 1)
            and _abbrev(t.words[after])
        ):
            return None
    if _abbrev(first) and best not in _CAPS_HEADS:
        return None  # "BÁO CÁO", "CƠ QUAN TRONG VIỆC": a head in capitals is mostly a title
    return best


def _name_end(
    t: _Tokens,
    i: int,
    j: int,
    bare: bool,
    taken: Sequence[bool],
    within: Sequence[bool],
    *,
    kind: bool = False,
    whole: bool = False,
    of_body: bool = False,
) -> int | None:
    """Index after the name whose head ends before token j; None when no name follows.
    With ``kind``, a few lower-case words of the body's kind may come between the head
    and the name ("Trường Cao đẳng nghề Giao thông …"); with ``whole``, the head is a name
    of its own ("Đoàn đại biểu Quốc hội"); with ``of_body``, "cơ quan" and the body it is
    the party committee of may follow ("Đảng ủy cơ quan Văn phòng Quốc hội")."""
    n = t.n
    lower_ok = bare
    named = False  # a capitalized word or abbreviation after the head
    tail = False  # a district word after the head ("Công an huyện")
    closed = False  # the name ends with a word that closes it ("… Việt Nam", "… TN&MT")
    described = False  # a word that describes the body right after its head
    k = j
    lowers = 0
    while k < n and k - i < 18:
        w = t.words[k]
        key = diacritic_key(w)
        gap = t.gap(k - 1)
        comma_ok = (
            (gap == ", " and named and (diacritic_key(t.words[k - 1]), key) in _COMMA_PAIRS)
            or (gap == "," and _abbrev(t.words[k - 1]) and _abbrev(w))
            or (  # "KH,CN&MT"
                gap == ", "
                and named
                and not closed
                and _capital(w)
                and not _abbrev(w)
                and _head_at(t, k) is None
                and not taken[k]
                and key not in _TITLE_WORDS
            )
        )  # "Ủy ban Tài chính, Ngân sách", not "Vụ Kế hoạch - Tài chính, Thủ trưởng …"
        joined = bool(_WRAP.fullmatch(gap)) and diacritic_key(t.words[k - 1]) == "và"
        if (taken[k] and not within[k]) or not (
            _GAP_OK.fullmatch(gap) or comma_ok or _wrapped(t, k) or joined
        ):
            break
        if _DASH.fullmatch(gap) and (
            key in ("các", "những")
            or (
                _capital(w)
                and _head_at(t, k) is not None
                and (closed or _dash_list(t.text, t.starts[i]))
            )
        ):
            # the next item of a list written with dashes ("- Cục Khoáng sản Việt Nam -
            # Viện Khoa học Địa chất và Khoáng sản - Các đơn vị khác"), not a unit of the body
            # it names ("Cục Chính sách - Tổng cục Xây dựng lực lượng")
            break
        if taken[k] and within[k]:
            k += 1  # a body of the register the name holds ("… UBND tỉnh", "… Tỉnh ủy")
            named = closed = True
            continue
        if key == _CUA and named and k + 1 < n and taken[k + 1] and within[k + 1]:
            k += 1  # "Thường trực Ủy ban KH,CN&MT của Quốc hội": the body it belongs to
            continue
        if key == "và":
            # "và" joins two capitalized words of one name
            if (
                named
                and k + 1 < n
                and _capital(t.words[k + 1])
                and _head_at(t, k + 1) is None
                and not taken[k + 1]
                # a name never ends with "và": a line may end after it ("Cục Trồng trọt
                # và / Bảo vệ thực vật" in a cell)
                and (_GAP_OK.fullmatch(t.gap(k)) or _WRAP.fullmatch(t.gap(k)))
            ):
                k += 1
                continue
            break
        if _capital(w) or _abbrev(w) or w[:1].isdigit():
            named = True
            lowers = 0
            pair2 = (diacritic_key(t.words[k - 1]), key)
            closed = (
                _abbrev(w)
                or pair2 in _TERMINALS
                or (key,) in _TERMINALS
                or _ends_with_province(t, k + 1)
            )
            k += 1
            continue
        if key == _DIA and k + 1 < n and diacritic_key(t.words[k + 1]) == _PHUONG:
            k += 2  # "cơ quan LĐTBXH địa phương": of every locality
            continue
        # "… cấp huyện", "… các quận"; not "Cơ quan cấp: ....." (a form's field) nor "các
        # vùng kinh tế" (words of the name)
        level = key in _TAIL_WORDS and _level_follows(t, k)
        if closed and not level:
            break
        if level:
            tail = True
            k += 1
            if (
                key in _DISTRICT_WORDS
                and k < n
                and diacritic_key(t.words[k]) not in _DISTRICT_WORDS
            ):
                k = _district_tail(t, k)
                if (
                    k < n
                    and diacritic_key(t.words[k]) not in _DISTRICT_WORDS
                    and not (_capital(t.words[k]) and _GAP_OK.fullmatch(t.gap(k - 1)))
                ):
                    break  # "… quận - huyện" ends the name, not "… thành phố Hồ Chí Minh"
            continue
        pair = (key, diacritic_key(t.words[k + 1])) if k + 1 < n else ()
        if pair in _STOP_PAIRS:
            break
        if (
            key in _STOP
            and not (k == j and key in _AFTER_HEAD_OK)
            and not _inside(t, k, taken)
            and (diacritic_key(t.words[k - 1]), key) not in _COMPOUNDS
            and not (named and _field_word(t, k, taken))
        ):
            break
        if not (named or lower_ok or key in _AFTER_HEAD_OK) and not (
            (kind and k == j and _kind_words(t, k, taken))
            or (of_body and k == j and _agency_of(t, k, taken))
        ):
            break
        if k == j and key in _AFTER_HEAD_OK and _capital(t.words[i]):
            described = True  # "Văn phòng đăng ký …", "Hội đồng thẩm định …"
        lower_ok = True
        lowers += 1
        if lowers > (12 if bare else 8):
            break
        # "… Quốc hội", "… Trung ương": a name closed by a word whose second syllable is
        # written in lower case
        closed = (diacritic_key(t.words[k - 1]), key) in _TERMINALS
        k += 1
    k = _district_tail(t, k)
    # no trailing lower-case function words (but the second syllable of a word, and the
    # word a head may take: "Hội đồng thẩm định")
    while k > j and diacritic_key(t.words[k - 1]) in _STOP:
        last = diacritic_key(t.words[k - 1])
        if k - 1 > j and (diacritic_key(t.words[k - 2]), last) in _COMPOUNDS:
            break
        if k - 1 == j and last in _AFTER_HEAD_OK:
            break
        k -= 1
    if whole and k == j:
        return k
    if k == j or not (named or bare or tail or described):
        return None
    return k


def _agency_of(t: _Tokens, k: int, taken: Sequence[bool]) -> bool:
    """Do tokens k, k + 1 read "cơ quan" before a capitalized name ("Đảng ủy| cơ quan Văn
    phòng Quốc hội", "Đảng ủy| cơ quan Bộ Tài chính")?"""
    return (
        k + 2 < t.n
        and (diacritic_key(t.words[k]), diacritic_key(t.words[k + 1])) == _CO_QUAN
        and t.soft(k)
        and t.gap(k + 1) == " "
        and _capital(t.words[k + 2])
    )


_CO_QUAN = _tones("cơ quan")
_CUA = _tones("của")[0]


def _kind_words(t: _Tokens, k: int, taken: Sequence[bool]) -> bool:
    """Do up to three lower-case words from token k (the kind of a school or hospital:
    "nghề", "đa khoa", "sư phạm") lead to a capitalized name?"""
    for m in range(k, min(k + 4, t.n)):
        w = t.words[m]
        if taken[m] or not _GAP_OK.fullmatch(t.gap(m - 1)):
            return False
        if _capital(w) or _abbrev(w):
            return m > k and _head_at(t, m) is None
        if diacritic_key(w) in _STOP or diacritic_key(w) in _TAIL_WORDS:
            return False
    return False


def _field_word(t: _Tokens, k: int, taken: Sequence[bool]) -> bool:
    """Does the lower-case token k begin a word of a field inside a name ("… thông tin",
    "… thực vật"; "… xây dựng" where the name ends after it)?"""
    if k + 1 >= t.n or taken[k + 1] or not _GAP_OK.fullmatch(t.gap(k)):
        return False
    pair = (diacritic_key(t.words[k]), diacritic_key(t.words[k + 1]))
    if pair in _FIELD_NOUNS:
        return True
    if pair not in _FIELD_OR_VERB:
        return False
    # a verb takes its object ("xây dựng kế hoạch", "xây dựng hướng dẫn"); a name ends
    # ("… xây dựng chủ trì")
    m = k + 2
    if m >= t.n:
        return True
    if not _GAP_OK.fullmatch(t.gap(k + 1)):
        end = _NAME_END.match(t.text, t.ends[k + 1])
        return end is not None and (end.group(1) is None or end.group(1).isupper())
    if taken[m]:
        return False
    nxt = tuple(diacritic_key(w) for w in t.words[m : m + 2])
    return nxt in _FIELD_NOUNS or nxt in _ROLE_VERBS or nxt[:1] in _ROLE_VERBS


#: classes of bodies named by what they are, given duties as one actor ("cơ sở khám bệnh,
#: chữa bệnh", "các cơ sở giáo dục", "các tổ chức tín dụng"): the head and field of the class
#: (a comma may part the words of the field: "khám bệnh, chữa bệnh")
_CLASSES = sorted(
    (
        _tones(c)
        for c in (
            "cơ sở khám bệnh chữa bệnh", "cơ sở khám chữa bệnh", "cơ sở khám bệnh", "cơ sở y tế",
            "cơ sở giáo dục", "cơ sở đào tạo", "cơ sở trợ giúp xã hội", "cơ sở bảo trợ xã hội",
            "cơ sở cai nghiện", "cơ sở nuôi dưỡng điều dưỡng", "cơ sở nuôi dưỡng",
            "cơ sở điều dưỡng", "cơ sở điều trị", "cơ sở tiêm chủng", "cơ sở phục hồi chức năng",
            "cơ sở dạy nghề", "trung tâm đào tạo nghề", "trung tâm dạy nghề",
            "trung tâm giáo dục nghề nghiệp", "tổ chức tín dụng", "ngân hàng thương mại",
            "quỹ tín dụng nhân dân",
        )
    ),
    key=len,
    reverse=True,
)  # fmt: skip
_CLASS_FIRST = frozenset(toneless_key(c[0]) for c in _CLASSES)
#: what narrows a class after its field ("… mầm non, phổ thông", "… công lập", "… tuyến
#: xã", "… người có công với cách mạng")
_CLASS_QUALIFIERS = sorted(
    (
        _tones(q)
        for q in (
            "mầm non", "phổ thông", "tiểu học", "trung học cơ sở", "trung học phổ thông",
            "trung học", "đại học", "nghề nghiệp", "thường xuyên", "công lập", "ngoài công lập",
            "tư thục", "tư nhân", "tuyến xã", "tuyến huyện", "tuyến tỉnh", "tuyến trung ương",
            "cấp xã", "bắt buộc", "tự nguyện", "ma túy", "người có công với cách mạng",
            "người có công", "nhà nước", "thương mại", "vi mô", "trọng điểm", "bảo hiểm y tế",
            "đa ngành", "chuyên khoa",
        )
    ),
    key=len,
    reverse=True,
)  # fmt: skip
#: the words of a class of schools and training institutions: universities, colleges and
#: vocational schools as one collective actor (``truong_dh_cd``: "các cơ sở giáo dục đại
#: học", "cơ sở giáo dục nghề nghiệp", "cơ sở đào tạo nghề", "cơ sở dạy nghề")
_TRAINING = re.compile(
    r"^(?:cơ sở (?:đào tạo|dạy nghề|giáo dục (?:đại học|nghề nghiệp))|trung tâm (?:đào tạo "
    r"nghề|dạy nghề|giáo dục nghề nghiệp))"
)
#: the members of a class listed after it ("các cơ sở đào tạo trọng điểm gồm: …"): they act
_MEMBERS_AFTER = re.compile(r"[\s,(]*(?:bao\s+)?gồm\b", re.IGNORECASE)


def class_spans(t: _Tokens, taken: Sequence[bool]) -> list[NamedSpan]:
    """The classes of bodies named by what they are ("các cơ sở giáo dục mầm non, phổ thông",
    "cơ sở khám bệnh, chữa bệnh", "các tổ chức tín dụng") in the tokens of ``t`` outside
    ``taken`` tokens, with the "các" before them; not a class whose members are listed after
    it ("gồm: …")."""
    out: list[NamedSpan] = []
    i = 0
    keys = t.keys
    while i < t.n:
        if keys[i] not in _CLASS_FIRST or taken[i]:  # (most words: a set look-up)
            i += 1
            continue
        j = _phrase_end_at(t, i, _CLASSES, taken, commas=True)
        if j is None:
            i += 1
            continue
        start = i
        if i > 0 and diacritic_key(t.words[i - 1]) in ("các", "những") and t.gap(i - 1) == " ":
            start = i - 1  # (the name is written without it: :func:`class_name`)
        qualified = False
        while True:
            # "… mầm non, phổ thông": a comma between qualifiers
            k = _phrase_end(t, j, _CLASS_QUALIFIERS, taken, comma=qualified)
            if k is None:
                break
            j, qualified = k, True
        if not _MEMBERS_AFTER.match(t.text, t.ends[j - 1]):
            out.append(NamedSpan(start, j))
        i = j
    return out


def class_name(name: str) -> tuple[str, bool]:
    """The name of a class of bodies as written without "các" / "những", and whether it is a
    class of universities, colleges and vocational schools (``truong_dh_cd``)."""
    name = re.sub(r"^(?:các|những|Các|Những)\s+", "", name)
    return name, bool(_TRAINING.match(unicodedata.normalize("NFC", name).lower()))


def _phrase_end(
    t: _Tokens, i: int, phrases: Sequence[tuple[str, ...]], taken: Sequence[bool], *, comma: bool
) -> int | None:
    """The index after the longest of ``phrases`` at token i, after a space (or a comma with
    ``comma``); else None."""
    if i <= 0 or i >= t.n:
        return None
    before = t.gap(i - 1)
    if not (before == " " or (comma and before.strip() == ",")):
        return None
    return _phrase_end_at(t, i, phrases, taken, commas=False)


def _phrase_end_at(
    t: _Tokens, i: int, phrases: Sequence[tuple[str, ...]], taken: Sequence[bool], *, commas: bool
) -> int | None:
    """The index after the longest of ``phrases`` at token i, its words apart by spaces (or
    a comma with ``commas``), else None."""
    for phrase in phrases:
        k = i
        for w in phrase:
            if k >= t.n or taken[k] or diacritic_key(t.words[k]) != w:
                break
            if k > i and not (t.gap(k - 1) == " " or (commas and t.gap(k - 1).strip() == ",")):
                break
            k += 1
        else:
            return k
    return None


@lru_cache(maxsize=1)
def _province_names() -> frozenset[tuple[str, ...]]:
    from policykg.ingest.gazetteer import PROVINCES

    return frozenset(_tones(p.replace("-", " ")) for p in PROVINCES)


def _ends_with_province(t: _Tokens, k: int) -> bool:
    """Do the tokens before index k end with a province's name ("… Lào Cai", "… Hà Nội")?
    A province's name closes the name of a body ("Công ty Điện lực Lào Cai mở …")."""
    names = _province_names()
    return any(
        tuple(diacritic_key(w) for w in t.words[k - size : k]) in names
        for size in (2, 3, 4)
        if k - size >= 0
    )


def _wrapped(t: _Tokens, k: int) -> bool:
    """Is the gap before token k the line break of a hard-wrapped paragraph (a long line
    before it, no punctuation, a word after it)?"""
    gap = t.gap(k - 1)
    if not _WRAP.fullmatch(gap) or not t.words[k][:1].isalpha():
        return False
    end = t.ends[k - 1]
    return end - (t.text.rfind("\n", 0, end) + 1) >= _WRAPPED_LINE


_WRAP = re.compile(r"[ \t\u00a0]*\n[ \t\u00a0]*")
#: the shortest line taken for one a paragraph was wrapped at
_WRAPPED_LINE = 40


def _inside(t: _Tokens, k: int, taken: Sequence[bool]) -> bool:
    """Is the lower-case token k the second syllable of a word inside a name, between a
    capitalized word and more of the name ("Trung tâm Truyền thông TN&MT")?"""
    if k + 1 >= t.n or taken[k + 1] or not _capital(t.words[k - 1]):
        return False
    nxt = t.words[k + 1]
    return (_capital(nxt) or _abbrev(nxt)) and bool(_GAP_OK.fullmatch(t.gap(k)))


#: what follows "cấp" / "các" when they name a level ("cấp huyện", "các cấp", "các quận")
_LEVEL_WORDS = _DISTRICT_WORDS | set(_tones("tỉnh cấp trung cơ bộ sở"))
_CAP_CAC = set(_tones("cấp các"))
_XA, _HOI = _tones("xã hội")
#: district words that are one only before these ("thị xã", "thành phố"; "xã", not "xã hội")
_PAIRED = {
    _tones("thị")[0]: set(_tones("xã trấn")),
    _tones("thành")[0]: set(_tones("phố")),
    _XA: set(),
}
_DIA, _PHUONG = _tones("địa phương")


def _level_follows(t: _Tokens, k: int) -> bool:
    """Is token k ("cấp", "các") followed by the word of a level, or a district word itself?"""
    key = diacritic_key(t.words[k])
    nxt = diacritic_key(t.words[k + 1]) if k + 1 < t.n else ""
    if key in _PAIRED:
        # "thị xã", "thị trấn", "thành phố", not "thị trường", "thành viên", "xã hội"
        return nxt in _PAIRED[key] if key != _XA else nxt != _HOI
    if key not in _CAP_CAC:
        return True
    return nxt in _LEVEL_WORDS and t.soft(k)


def _district_tail(t: _Tokens, k: int) -> int:
    """Swallow ", thị xã, thành phố" / " - huyện" after "các huyện" or "quận"."""
    n = t.n
    while 0 < k < n and diacritic_key(t.words[k - 1]) in _DISTRICT_WORDS:
        gap = t.gap(k - 1)
        if not re.fullmatch(r"[ \u00a0]*[,\-–][ \u00a0]*", gap):
            break
        m = k
        if diacritic_key(t.words[m]) in ("thị", "thành") and m + 1 < n:
            m += 1
        if diacritic_key(t.words[m]) not in _DISTRICT_WORDS:
            break
        k = m + 1
    return k


def scope_of_name(name: str, province: str | None) -> str:
    """The scope of a named body: "international", "national", or the document's province."""
    if _INTERNATIONAL.search(name):
        return "international"
    if province is None or province in ("national", "international"):
        return "national"
    if _NATIONAL.search(name) or _NATIONAL_CASED.search(name):
        return "national"
    return province


def in_cell(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` a table cell of its own (bars, tabs or line breaks around), or
    an item of its own of a cell that lists items after dashes ("| - Tổng cục KTTV - Các Cục
    trực thuộc Bộ - Văn phòng Bộ |")?"""
    before = text[max(0, start - 3) : start]
    after = text[end : end + 3]
    if bool(_CELL.search(before)) and bool(_CELL.search(after) or end >= len(text)):
        return True
    lo = max(text.rfind(c, 0, start) for c in "|\t\n") + 1
    his = [h for h in (text.find(c, end) for c in "|\t\n") if h >= 0]
    hi = min(his) if his else len(text)
    return bool(
        _DASH_ITEMS.match(text, lo, start)
        and _ITEM_BEFORE.search(text, lo, start)
        and _ITEM_AFTER.fullmatch(text, end, hi)
    )


def _dash_list(text: str, pos: int) -> bool:
    """Is ``pos`` in a cell or line that lists its items after dashes ("| - Vụ Đất đai - Cục
    Quy hoạch … - Các đơn vị khác |")?"""
    lo = max(text.rfind(c, 0, pos) for c in "|\t\n") + 1
    return bool(_DASH_ITEMS.match(text, lo, pos + 1))


#: a cell that lists its items after dashes; the edges of one item
_DASH_ITEMS = re.compile(r"[ \u00a0*]*[-–+•][ \u00a0]")
_ITEM_BEFORE = re.compile(r"(?:^|[ \u00a0])[-–+•][ \u00a0*]*$")
_ITEM_AFTER = re.compile(r"[ \u00a0*;,.]*(?:[-–+•][ \u00a0].*)?", re.DOTALL)
