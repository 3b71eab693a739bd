"""Strings that remember where each character came from (:class:`MappedText`), and the
cleaning of one line (Markdown and HTML markers, odd spaces) that keeps that memory."""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence

__all__ = ["LINE_CLEANING", "MappedText", "clean", "clean_line", "nfc_mapped"]


class MappedText:
    """A string whose every character carries its original [start, end) range.

    ``starts``/``ends`` are lists, or ``range`` objects while the text is the original's
    own characters (slicing a range copies nothing)."""

    __slots__ = ("ends", "starts", "text")

    def __init__(self, text: str, starts: Sequence[int], ends: Sequence[int]) -> None:
        self.text = text
        self.starts = starts
        self.ends = ends

    def __len__(self) -> int:
        return len(self.text)

    def slice(self, i: int, j: int) -> MappedText:
        return MappedText(self.text[i:j], self.starts[i:j], self.ends[i:j])

    def sub(
        self, pattern: re.Pattern[str], repl: str | Callable[[re.Match[str]], str]
    ) -> MappedText:
        matches = pattern.finditer(self.text)
        first = next(matches, None)
        if first is None:  # most lines: nothing to replace, no copy of the offset maps
            return self
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        for m in itertools.chain((first,), matches):
            i, j = m.span()
            out.append(self.text[pos:i])
            starts.extend(self.starts[pos:i])
            ends.extend(self.ends[pos:i])
            r = repl if isinstance(repl, str) else repl(m)
            if r:
                if i < j:
                    s, e = self.starts[i], self.ends[j - 1]
                elif i < len(self.text):
                    s = e = self.starts[i]
                else:
                    s = e = self.ends[-1] if self.ends else 0
                out.append(r)
                starts.extend([s] * len(r))
                ends.extend([e] * len(r))
            pos = j
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(out), starts, ends)

    def strip_spaces(self) -> MappedText:
        if not self.text.startswith(" ") and not self.text.endswith(" "):
            return self
        i, j = 0, len(self.text)
        while i < j and self.text[i] == " ":
            i += 1
        while j > i and self.text[j - 1] == " ":
            j -= 1
        return self.slice(i, j)

    def edit(self, edits: Iterable[tuple[int, int, str]]) -> MappedText:
        """Replace ``text[i:j]`` by ``r`` for each ``(i, j, r)`` (sorted, disjoint).

        Each inserted character maps to the whole span it replaces (or, for a pure
        insertion, to the position where it is inserted)."""
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pos = 0
        changed = False
        for i, j, r in edits:
            if i < pos or (i == j and not r):
                continue
            changed = True
            out.append(self.text[pos:i])
            starts.extend(self.starts[pos:i])
            ends.extend(self.ends[pos:i])
            if r:
                if i < j:
                    s, e = self.starts[i], self.ends[j - 1]
                elif i < len(self.text):
                    s = e = self.starts[i]
                else:
                    s = e = self.ends[-1] if self.ends else 0
                out.append(r)
                starts.extend([s] * len(r))
                ends.extend([e] * len(r))
            pos = j
        if not changed:
            return self
        out.append(self.text[pos:])
        starts.extend(self.starts[pos:])
        ends.extend(self.ends[pos:])
        return MappedText("".join(out), starts, ends)

    @staticmethod
    def join(parts: list[MappedText], sep: str = " ") -> MappedText:
        text: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for k, p in enumerate(parts):
            if k and sep:
                text.append(sep)
                prev_end = starts[-1] if not ends else ends[-1]
                nxt = p.starts[0] if p.starts else prev_end
                nxt = max(nxt, prev_end)  # parts read out of order (columns) map forward
                starts.extend([prev_end] * len(sep))
                ends.extend([nxt] * len(sep))
            text.append(p.text)
            starts.extend(p.starts)
            ends.extend(p.ends)
        return MappedText("".join(text), starts, ends)


def nfc_mapped(original: str) -> MappedText:
    """NFC-compose ``original``, mapping each output char to its source cluster."""
    if unicodedata.is_normalized("NFC", original):
        n = len(original)
        return MappedText(original, range(n), range(1, n + 1))
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(original)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        comp = unicodedata.normalize("NFC", original[i:j])
        out.append(comp)
        starts.extend([i] * len(comp))
        ends.extend([j] * len(comp))
        i = j
    return MappedText("".join(out), starts, ends)


# ---------------------------------------------------------------------------
# Cleaning one line (Markdown and HTML markers, odd spaces).

_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+")
_MD_BULLET = re.compile(r"^([ ]*)[*•·][ \t]+")
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_MD_MARKERS = re.compile(r"\\\*|\*+|\\_|__|\\(?=[\[\]().#>-])")
# runs of spaces that collapse to one " " (a lone " " is left alone: replacing it with " "
# would change nothing but cost a copy of the line)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]{2,}|[\u00a0\u2000-\u200b\u202f\u3000]")
_PAREN_SPACE = re.compile(r"\( | \)")
_SPACE_TAB = re.compile(r" *\t *")
_ENTITY = re.compile(r"&(nbsp|amp|lt|gt|quot);")
_ENTITIES = {"nbsp": " ", "amp": "&", "lt": "<", "gt": ">", "quot": '"'}


#: The cleaning steps, in order, of :func:`clean_line` and :func:`clean` (the literal
#: replacements hold no backslash or group reference: ``re.sub`` inserts them as they are,
#: like ``MappedText.sub``).
LINE_CLEANING: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (_MD_HEADING, ""),
    (_MD_BULLET, lambda m: m.group(1) + "- "),
    (_HTML_TAG, " "),
    (_ENTITY, lambda m: _ENTITIES[m.group(1)]),
    (_MD_MARKERS, ""),
    (_SPACES, " "),
    (_PAREN_SPACE, lambda m: m.group(0).strip(" ")),
    (_SPACE_TAB, "\t"),
)
#: What every match of a cleaning step holds (a "#", "*", "•", "·", "<", "&", "\\", "_",
#: a tab, an odd space, two spaces, "( " or " )"): a line without any is left as it is by
#: every step (most lines of a plain-text plan need no cleaning).
_CLEAN_NEEDED = re.compile(r"[#*\u2022\u00b7<&\\_\t\u00a0\u2000-\u200b\u202f\u3000]|  |\( | \)")


def clean_line(s: MappedText) -> MappedText:
    if _CLEAN_NEEDED.search(s.text) is None:
        return s.strip_spaces()
    for pattern, repl in LINE_CLEANING:
        s = s.sub(pattern, repl)
    return s.strip_spaces()


_WS = re.compile(r"\s+")


@functools.lru_cache(maxsize=8192)
def clean(text: str) -> str:
    """NFC, markdown/HTML markers removed, whitespace collapsed (one line).

    The same steps as the offset-keeping :func:`clean_line`, on a plain string (callers
    want the text only); cached, since headings and paragraphs are cleaned again and again.
    """
    s = text.replace("\r\n", "\n")
    if not unicodedata.is_normalized("NFC", s):
        s = nfc_mapped(s).text  # composed cluster by cluster, exactly as parse() does
    for pattern, repl in LINE_CLEANING:
        s = pattern.sub(repl, s)
    return _WS.sub(" ", s.strip(" ")).strip()
