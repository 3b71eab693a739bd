"""The Vietnamese text keys (see :mod:`policykg.ingest.reading`): ``diacritic_key``,
``toneless_key``, ``ascii_key``."""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["TONE_MARKS", "ascii_key", "diacritic_key", "toneless_key"]

# old-style tone placement -> modern (same length)
_TONE_FIX = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_NOT_AFTER = r"(?![a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])"
# the keys of _TONE_FIX, not after "q"; a literal first character lets the engine skip ahead
_TONE_RE = re.compile(
    "o(?<!qo)[" + "".join(k[1] for k in _TONE_FIX if k[0] == "o") + "]" + _NOT_AFTER
    + "|u(?<!qu)[" + "".join(k[1] for k in _TONE_FIX if k[0] == "u") + "]" + _NOT_AFTER
)  # fmt: skip

#: The combining tone marks of Vietnamese (grave, acute, tilde, hook above, dot below).
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


@functools.lru_cache(maxsize=8192)
def diacritic_key(s: str) -> str:
    """Lower-cased NFC text with modern tone placement ("Uỷ"/"Ủy" match), the Icelandic
    eth some fonts and OCR print for "Đ" read as "đ" ("Ðến năm 2030"). Same length."""
    low = unicodedata.normalize("NFC", s).lower().replace("\u00f0", "đ")
    return _TONE_RE.sub(lambda m: _TONE_FIX[m.group(0)], low)


@functools.lru_cache(maxsize=1 << 16)
def toneless_key(word: str) -> str:
    """NFC, lower case, tone marks removed, vowel shapes kept ("Sở" -> "sơ")."""
    word = word.replace("\u00d0", "Đ").replace("\u00f0", "đ")
    nfd = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(c for c in nfd if c not in TONE_MARKS))


@functools.lru_cache(maxsize=8192)
def ascii_key(s: str) -> str:
    """Lower case without diacritics (đ -> d)."""
    low = unicodedata.normalize("NFD", s.lower().replace("đ", "d").replace("Đ", "d"))
    return "".join(c for c in low if not unicodedata.combining(c))
