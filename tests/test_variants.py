"""Variants of each plan give the same extraction as the plan itself, in every section.

Variants: NFD, "Uỷ"/"hoá" spellings, markdown stripped, markdown headings, lines re-wrapped
(hard-wrapped at 78 columns, sometimes with a blank line inside a paragraph), CRLF, and the
top-level roman sections renumbered (I. -> II., II. -> III., ... as if a section had been
inserted before them). Compared: the document fields and the evaluation keys
(:func:`policykg.ingest.evaluate.section_keys`) of citations, agencies, tasks, targets and
reporting.
"""

from __future__ import annotations

import functools
import json
import re
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from policykg.ingest.evaluate import section_keys
from policykg.ingest.extract import extract

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus").glob("*.txt"))
SECTIONS = ("document", "citations", "agencies", "tasks", "targets", "reporting")


def nfd(t: str) -> str:
    return unicodedata.normalize("NFD", t)


def old_tones(t: str) -> str:
    return t.replace("Ủy", "Uỷ").replace("ỦY", "UỶ").replace("hóa", "hoá")


def strip_markdown(t: str) -> str:
    t = re.sub(r"(?m)^#{1,6}\s+", "", t)
    return t.replace("**", "").replace("\\*", "").replace("*", "")


def markdown_headings(t: str) -> str:
    t = re.sub(r"(?m)^([IVX]{1,4}\.\s*\S.*)$", r"## **\1**", t)
    return re.sub(r"(?m)^(\d{1,2}\.\s+\S.*)$", r"### \1", t)


def rewrap(t: str) -> str:
    """Hard-wrap long prose lines at 78 columns, with a blank line inside some paragraphs."""
    out: list[str] = []
    for k, line in enumerate(t.split("\n")):
        if len(line) <= 90 or "\t" in line:
            out.append(line)
            continue
        parts = textwrap.wrap(line, 78, break_long_words=False, break_on_hyphens=False)
        sep = "\n\n" if k % 2 else "\n"
        out.append(sep.join(p + " " for p in parts).rstrip())
    return "\n".join(out)


# -- renumbering -------------------------------------------------------------

_ROMAN_VALUES = (("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman_to_int(r: str) -> int:
    n, i = 0, 0
    for sym, val in _ROMAN_VALUES:
        while r.startswith(sym, i):
            n, i = n + val, i + len(sym)
    if i != len(r) or not n:
        raise ValueError(f"not a roman number: {r!r}")
    return n


def int_to_roman(n: int) -> str:
    out = ""
    for sym, val in _ROMAN_VALUES:
        while n >= val:
            out, n = out + sym, n - val
    return out


# A top-level roman heading: at the start of a line, after optional markdown ("## **"),
# "IV." then (optionally a space) a capital letter: "IV. TỔ CHỨC THỰC HIỆN", "III.KINH PHÍ".
_ROMAN_HEADING = re.compile(r"(?m)^((?:#{1,6}[ \t]+)?(?:\*\*)?)([IVX]{1,5})\.(?=[ \t]*[A-ZĐÀ-Ỹ])")


def renumber(t: str) -> str:
    """Every top-level roman heading one higher: I. -> II., II. -> III., ..."""
    return _ROMAN_HEADING.sub(
        lambda m: f"{m.group(1)}{int_to_roman(roman_to_int(m.group(2)) + 1)}.", t
    )


# The normalization of refs for the renumbered variant: a key that BEGINS WITH a section ref
# whose first component is a roman number (the tasks keys "V.3|lead|so_ct|Đồng Nai") gets
# that number one lower ("IV.3|lead|so_ct|Đồng Nai"), undoing the shift. Nothing else in
# any key changes; keys that do not start with a roman ref are compared as they are.
_KEY_ROMAN_PREFIX = re.compile(r"^([IVX]{1,5})(?=[.|])")


def unshift_ref(key: str) -> str:
    return _KEY_ROMAN_PREFIX.sub(lambda m: int_to_roman(roman_to_int(m.group(1)) - 1), key)


def test_renumber_and_unshift_are_inverse() -> None:
    assert renumber("## **IV. TỔ CHỨC**\nIII.KINH PHÍ\nI. Mục\nII) x\nVI.2 y") == (
        "## **V. TỔ CHỨC**\nIV.KINH PHÍ\nII. Mục\nII) x\nVI.2 y"
    )
    assert unshift_ref("V.3|lead|so_ct|Đồng Nai") == "IV.3|lead|so_ct|Đồng Nai"
    assert unshift_ref("X|lead|a|b") == "IX|lead|a|b"
    assert unshift_ref("so_ct|Đồng Nai") == "so_ct|Đồng Nai"
    assert unshift_ref("Điều 2.1|lead|a|b") == "Điều 2.1|lead|a|b"


# -- comparison ------------------------------------------------------------------

VARIANTS: dict[str, Callable[[str], str]] = {
    "nfd": nfd,
    "uy": old_tones,
    "plain": strip_markdown,
    "md_headings": markdown_headings,
    "rewrapped": rewrap,
    "crlf": lambda t: t.replace("\n", "\r\n"),
    "renumbered": renumber,
}

#: (plan stem, variant, section) cases known to fail, with the reason. Keep empty if possible.
KNOWN_FAILURES: dict[tuple[str, str, str], str] = {}


@functools.cache
def _facts(path: Path, variant: str | None) -> dict[str, list[str]]:
    text = path.read_text("utf-8")
    if variant is not None:
        text = VARIANTS[variant](text)
    rec = extract(text, source=path.name)
    out = {"document": [json.dumps(rec.document.to_gold(), ensure_ascii=False, sort_keys=True)]}
    for section in SECTIONS[1:]:
        out[section] = sorted(section_keys(rec, section))
    return out


def _cases() -> list[object]:
    out: list[object] = []
    for path in PLANS:
        for name in sorted(VARIANTS):
            for section in SECTIONS:
                reason = KNOWN_FAILURES.get((path.stem, name, section))
                marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
                out.append(
                    pytest.param(
                        path, name, section, marks=marks, id=f"{path.stem}-{name}-{section}"
                    )
                )
    return out


@pytest.mark.parametrize(("path", "name", "section"), _cases())
def test_variant_gives_same_facts(path: Path, name: str, section: str) -> None:
    base = _facts(path, None)[section]
    got = _facts(path, name)[section]
    if name == "uy":  # the spelling of the source is kept in the values
        base = sorted(old_tones(k) for k in base)
        got = sorted(old_tones(k) for k in got)
    if name == "renumbered":
        if any(_KEY_ROMAN_PREFIX.match(k) for k in base):
            assert got != base  # the refs did move: the variant is not a no-op
        got = sorted(unshift_ref(k) for k in got)
    assert got == base


def test_every_section_is_compared_somewhere() -> None:
    for section in SECTIONS:
        assert any(_facts(path, None)[section] for path in PLANS), section
