"""The reading layer: how the text of a document is read, before any extraction.

A document comes in many forms: a plain or Markdown copy, a web-portal copy (menus, a
"Thuộc tính văn bản" block, related-document lists, a crawler's title line), a Markdown
table header (the issuer and the national motto side by side in one row, the number and
the place-date on the next), a Word file flattened to text (table rows as cells joined by
" | " or tabs, lines indented by tabs), Official Gazette text (page headers "CÔNG BÁO/Số
…/Ngày …", page numbers, digital-signature stamps), PDF text (form feeds, hard wraps,
two columns side by side), OCR output (letter-spaced words "ỦY B AN NHÂN D Â N", "tháng
0 6"). :func:`read` turns any of them into the document's own logical text: one field a
line in the header (issuer, motto, number, place-date, kind, title, issuing authority), the
signature block one line each ("KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH" / the name), table rows as
tab-separated cells, page furniture gone. Every character of the result remembers the
characters of the original it came from (:class:`MappedText`), so provenance spans found
in the logical text point at the original.

Each form is a list of small named steps (:data:`FORMS`); :func:`forms_of` tells which
forms a text shows (a text may show several: a Markdown copy of an OCR scan) and
:func:`read` runs the steps of those forms in the one order of :data:`STEPS`. Each step only
touches what its form puts there, so a step run on a text that does not need it changes
nothing. The structure of the text (paragraphs, sections, tables) is built on the result by
:func:`policykg.ingest.text.parse`.

Vietnamese text keys
--------------------
Names, headings and cue words are compared through a key, never through the raw string:
the same word comes with its tone mark on another vowel ("Uỷ"/"Ủy", "hoá"/"hóa"),
decomposed (NFD), in capitals, or without diacritics at all. Three keys, each named for
what it keeps:

``diacritic_key(s)``
    Lower case, NFC, every diacritic kept, old-style tone placement moved to the modern one
    ("uỷ/hoá/thuỷ" -> "ủy/hóa/thủy"); same length as ``s`` once NFC. For cue words and
    headings, where "tháng" and "thắng" must stay apart.
``toneless_key(s)``
    Lower case, NFC, the five tone marks removed, the vowel shapes kept ("Sở" -> "sơ",
    "Bộ" -> "bô", "Đ" stays "đ"); the eth "Ð" is read as "Đ". For agency names, whose
    tone marks are the ones a typist gets wrong most.
``ascii_key(s)``
    Lower case without any diacritic ("Đồng Nai" -> "dong nai"). For place names and
    titles compared loosely.

All three are pure and cached (called for every token of every section scanned).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from policykg.ingest.reading.keys import ascii_key, diacritic_key, toneless_key
from policykg.ingest.reading.mapped import (
    LINE_CLEANING,
    MappedText,
    clean,
    clean_line,
    nfc_mapped,
)
from policykg.ingest.reading.steps import (
    AUTHORITY_LINE,
    KIND_LINES,
    POSITIONS,
    Step,
    indentation_tabs,
    layout_breaks,
    letter_spacing,
    line_endings,
    markdown,
    page_furniture,
    portal_furniture,
    run_together_header,
    side_by_side,
    signature_lines,
    signature_stamps,
    spaced_digits,
    table_rows,
)
from policykg.ingest.reading.syllables import is_syllable

__all__ = [
    "AUTHORITY_LINE",
    "FORMS",
    "KIND_LINES",
    "LINE_CLEANING",
    "POSITIONS",
    "STEPS",
    "MappedText",
    "Step",
    "ascii_key",
    "clean",
    "clean_line",
    "diacritic_key",
    "forms_of",
    "is_syllable",
    "nfc_mapped",
    "read",
    "toneless_key",
]

# ---------------------------------------------------------------------------
# Forms and the reading.

#: Every step, in the order :func:`read` runs them.
STEPS: dict[str, Step] = {
    "line_endings": line_endings,
    "page_furniture": page_furniture,
    "layout_breaks": layout_breaks,
    "signature_stamps": signature_stamps,
    "portal_furniture": portal_furniture,
    "markdown": markdown,
    "letter_spacing": letter_spacing,
    "spaced_digits": spaced_digits,
    "indentation_tabs": indentation_tabs,
    "table_rows": table_rows,
    "side_by_side": side_by_side,
    "run_together_header": run_together_header,
    "signature_lines": signature_lines,
}

#: The steps each form of text needs.
FORMS: dict[str, tuple[str, ...]] = {
    "plain": (
        "line_endings",
        "layout_breaks",
        "side_by_side",
        "run_together_header",
        "signature_lines",
    ),
    "markdown": ("markdown", "table_rows"),
    "word": ("indentation_tabs", "table_rows"),
    "portal": ("portal_furniture",),
    "gazette": ("page_furniture", "signature_stamps"),
    "pdf": ("page_furniture",),
    "ocr": ("letter_spacing", "spaced_digits"),
}

_MARKDOWN_SIGNS = re.compile(r"(?m)^[ \t]*(?:#{1,6}[ \t]|\|.*\|)|\*\*")
_WORD_SIGNS = re.compile(r"(?m)^\t|^[ \t]*[^|\s][^\n|]* \| ")
_GAZETTE_SIGNS = re.compile(r"C[ÔO]NG\s+B[ÁA]O\s*/\s*Số|Ký\s+bởi\s*:", re.IGNORECASE)
_FRAGMENT = re.compile(r"(?<!\S)[^\W\d_]{1,3}(?!\S)")


def _ocr_fragments(text: str, enough: int = 3) -> bool:
    """Whether ``text`` holds ``enough`` fragments of spaced-out words (a single capital,
    or a short piece in lower case that is no syllable: "B AN", "Qu ả ng")."""
    found = 0
    for m in _FRAGMENT.finditer(text):
        w = m.group()
        if (len(w) == 1 and w.isupper()) or (not w.isupper() and not is_syllable(w)):
            found += 1
            if found >= enough:
                return True
    return False


def forms_of(text: str) -> tuple[str, ...]:
    """The forms a text shows, "plain" first (a text may show several)."""
    forms = ["plain"]
    head = text[:200_000]
    if _MARKDOWN_SIGNS.search(head):
        forms.append("markdown")
    if _WORD_SIGNS.search(head):
        forms.append("word")
    if re.search(
        r"(?im)^[ \t]*(?:Thuộc\s+tính|Số\s+hiệu\s*:|Loại\s+văn\s+bản\s*:|Trang\s+chủ\b)", head
    ):
        forms.append("portal")
    if _GAZETTE_SIGNS.search(head):
        forms.append("gazette")
    if "\f" in head or re.search(r"\S {4,}\S", head):
        forms.append("pdf")
    if _ocr_fragments(head) or re.search(r"(?:ngày|tháng)\s\d\s\d\b", head):
        forms.append("ocr")
    return tuple(forms)


def read(text: str, forms: Sequence[str] | None = None) -> MappedText:
    """The logical text of ``text`` (any form), mapped back to ``text`` character by
    character. ``forms`` names the forms to undo (default: :func:`forms_of`)."""
    mt = nfc_mapped(text)
    wanted = forms_of(mt.text) if forms is None else tuple(forms)
    names = {name for form in wanted for name in FORMS[form]}
    for name, step in STEPS.items():
        if name in names:
            mt = step(mt)
    return mt
