"""Vietnamese syllable structure: :func:`is_syllable` (onset, rhyme, tone), used to mend
words an OCR engine spaced out letter by letter."""

from __future__ import annotations

import functools
import unicodedata

from policykg.ingest.reading.keys import TONE_MARKS, toneless_key

__all__ = ["is_syllable"]

_ONSETS = (
    "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)  # fmt: skip
#: Every rhyme of Vietnamese (vowel nucleus, medial and final), tone marks removed.
_RHYMES = frozenset(
    " ".join(
        (
            "a ai ao au ay am an ang anh ap at ac ach",
            "ăm ăn ăng ăp ăt ăc",
            "âu ây âm ân âng âp ât âc",
            "e eo em en eng ep et ec",
            "ê êu êm ên ênh êp êt êch",
            "i ia iu im in inh ip it ich",
            "iêu iêm iên iêng iêp iêt iêc",
            "y yêu yêm yên yêng yêt",
            "o oi om on ong op ot oc ooc oong",
            "oa oai oao oay oam oan oang oanh oap oat oac oach",
            "oăm oăn oăng oăt oăc",
            "oe oeo oen oet",
            "ô ôi ôm ôn ông ôp ôt ôc",
            "ơ ơi ơm ơn ơp ơt",
            "u ua ui uôi um un ung up ut uc",
            "uân uâng uât uây",
            "uê uênh uêch",
            "uy uyu uya uyn uynh uyt uych uyên uyêt",
            "uôm uôn uông uôt uôc",
            "uơ",
            "ư ưa ưi ưu ưng ưt ưc ưm ưn",
            "ươi ươu ươm ươn ương ươp ươt ươc",
        )
    ).split()
)
_STOP_FINALS = ("p", "t", "c", "ch")
#: Tones a syllable ending in a stop (p, t, c, ch) may carry: acute or dot below.
_STOP_TONES = {"\u0301", "\u0323"}


@functools.lru_cache(maxsize=1 << 14)
def is_syllable(word: str) -> bool:
    """True when ``word`` (letters only, any case) is a well-formed Vietnamese syllable."""
    if not word or not word.isalpha() or len(word) > 7:
        return False
    nfd = unicodedata.normalize("NFD", word.lower())
    tones = [c for c in nfd if c in TONE_MARKS]
    if len(tones) > 1:
        return False
    base = toneless_key(word)
    for onset in _ONSETS:
        if not base.startswith(onset):
            continue
        rhyme = base[len(onset) :]
        if onset in ("gi", "qu") and not rhyme:
            rhyme = "i" if onset == "gi" else ""
        if rhyme not in _RHYMES:
            continue
        if rhyme.endswith(_STOP_FINALS) and (not tones or tones[0] not in _STOP_TONES):
            continue
        return True
    return False
