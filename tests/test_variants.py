"""Variants of each plan (NFD, "Uỷ" spellings, markdown stripped or added, lines re-wrapped,
headings renumbered in markdown style) give the same document fields and citations."""

from __future__ import annotations

import json
import re
import textwrap
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from policykg.ingest.evaluate import section_keys
from policykg.ingest.extract import as_schema, extract

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "corpus").glob("*.txt"))


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


VARIANTS: dict[str, Callable[[str], str]] = {
    "nfd": nfd,
    "uy": old_tones,
    "plain": strip_markdown,
    "md_headings": markdown_headings,
    "rewrapped": rewrap,
    "crlf": lambda t: t.replace("\n", "\r\n"),
}


def _facts(text: str, source: str) -> tuple[dict[str, object], list[str]]:
    rec = extract(text, source=source)
    doc = as_schema(rec["document"])
    return doc, sorted(section_keys(rec, "citations"))


@pytest.mark.parametrize("name", sorted(VARIANTS))
@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_variant_gives_same_facts(path: Path, name: str) -> None:
    text = path.read_text("utf-8")
    base_doc, base_cites = _facts(text, path.name)
    doc, cites = _facts(VARIANTS[name](text), path.name)
    if name == "uy":  # the spelling of the source is kept in the values
        assert old_tones(json.dumps(doc, ensure_ascii=False)) == old_tones(
            json.dumps(base_doc, ensure_ascii=False)
        )
        assert sorted(old_tones(c) for c in cites) == sorted(old_tones(c) for c in base_cites)
        return
    assert doc == base_doc
    assert cites == base_cites
