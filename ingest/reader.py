"""Reading plan files into text: ``read_text(path) -> str``.

Supported forms (by extension, or by content when the extension says nothing):

* ``.txt`` / ``.md``: UTF-8, with or without a BOM. Rejected with an :class:`IngestError`
  naming the file and line: NUL bytes (binary), bytes that are not UTF-8 (raw TCVN3, VNI or
  CP1258 files), and text that decodes but is legacy-encoded Vietnamese read as Latin-1
  ("Kõ ho¹ch", "Keá hoaïch": mojibake). Form feeds and vertical tabs are layout, not
  binary: PDF and OCR text breaks its pages with form feeds.
* ``.docx``: read as the text forms the extractor reads (:mod:`~policykg.ingest.read_docx`):
  paragraphs in order with Word's numbering written out; the header and closing tables
  (issuer | motto, number | place-date, "Nơi nhận" | signature) and one-cell boxes read
  column by column; data tables one tab-separated line per row (merged cells resolved);
  footnotes after their paragraph; page headers and footers left out. Corrupt or truncated
  archives and zip bombs (checked from the declared uncompressed sizes before anything is
  inflated) are rejected.
* ``.pdf``: laid out again from the positions of its words (:mod:`~policykg.ingest.read_pdf`,
  pdfplumber): ruled tables as tab-separated rows, two-column headers read column by column,
  lines cut by the page rejoined into paragraphs, page numbers and running headers left out;
  scanned pages read by OCR (Tesseract, Vietnamese) where it is installed, else refused
  saying what to install. Corrupt, password-protected and decompression-bomb files are
  rejected.
* ``.html`` / ``.htm``: tags stripped (block elements become line breaks, table cells tabs).
  A web page saved under a text extension (``.txt``, ``.md``) is recognised by its opening
  (:func:`looks_like_html`) and read as HTML too, not as text full of tags.

An empty file (or one with only whitespace) raises ``IngestError("empty file")``. Files
larger than :data:`MAX_FILE_BYTES` are refused before they are read, and texts longer than
:data:`MAX_TEXT_CHARS` after reading (extraction time and memory grow with the length).
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from policykg.ingest.errors import IngestError

__all__ = [
    "MAX_DOCX_UNCOMPRESSED",
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "check_length",
    "decode_text",
    "looks_like_html",
    "read_text",
]

MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024  # bytes, all members together
_MAX_RATIO = 200  # compression ratio beyond which a large member is a bomb
#: Largest file read (bytes): bigger ones are refused before reading.
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Longest text extracted (characters), ~60 times the longest plan of the corpus.
MAX_TEXT_CHARS = 2_000_000


def read_text(path: str | Path) -> str:
    """Read a plan file (txt/md/docx/pdf/html) as text; :class:`IngestError` on bad input."""
    p = Path(path)
    try:
        size = p.stat().st_size if p.is_file() else 0
        if size > MAX_FILE_BYTES:
            raise IngestError(
                f"file too large ({size} bytes, limit {MAX_FILE_BYTES}): refused", source=p
            )
        data = p.read_bytes()
    except FileNotFoundError:
        raise IngestError("file not found", source=p) from None
    except IsADirectoryError:
        raise IngestError("is a directory, not a file", source=p) from None
    except OSError as exc:
        raise IngestError(f"cannot read file ({exc.strerror})", source=p) from None
    if not data.strip():
        raise IngestError("empty file", source=p)
    ext = p.suffix.lower()
    if ext == ".docx" or (ext not in _TEXT_EXT and data[:4] == b"PK\x03\x04"):
        text = _read_docx(data, p)
    elif ext == ".pdf" or (ext not in _TEXT_EXT and data[:5] == b"%PDF-"):
        text = _read_pdf(data, p)
    elif ext in (".html", ".htm", ".xhtml"):
        text = _html_to_text(decode_text(data, source=p))
    elif ext in (".doc", ".odt", ".rtf", ".xls", ".xlsx"):
        raise IngestError(f"unsupported format {ext} (convert to .docx, .pdf or .txt)", source=p)
    else:
        text = decode_text(data, source=p)
        if looks_like_html(text):  # a web page saved as .txt/.md: read it as HTML
            text = _html_to_text(text)
            if not text.strip():
                raise IngestError(
                    f"an HTML page saved as {ext or 'a file without extension'}, with no text",
                    source=p,
                )
    if not text.strip():
        raise IngestError("empty file (no text)", source=p)
    check_length(text, source=p)
    return text


def check_length(text: str, *, source: str | Path | None = None) -> None:
    """Refuse a text longer than :data:`MAX_TEXT_CHARS` (naming the line where it passes)."""
    if len(text) > MAX_TEXT_CHARS:
        line = text.count("\n", 0, MAX_TEXT_CHARS) + 1
        raise IngestError(
            f"text too long ({len(text)} characters, limit {MAX_TEXT_CHARS}): refused; "
            "split the document",
            source=source,
            line=line,
        )


_TEXT_EXT = (".txt", ".md", ".markdown", ".text", ".html", ".htm", ".xhtml")


def decode_text(data: bytes, *, source: str | Path | None = None) -> str:
    """Decode UTF-8 text (BOM allowed); reject binary and legacy 8-bit encodings."""
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise IngestError("binary file (NUL byte), not text", source=source, line=line)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise IngestError(
            f"not UTF-8 text (byte 0x{byte:02x}); legacy 8-bit Vietnamese encodings "
            "(TCVN3, VNI, CP1258) must be converted to UTF-8",
            source=source,
            line=line,
        ) from None
    bad = _control_line(text)
    if bad is not None:
        raise IngestError("binary file (control characters), not text", source=source, line=bad)
    legacy = _legacy_line(text)
    if legacy is not None:
        raise IngestError(
            "text looks like a legacy Vietnamese encoding (TCVN3/VNI/CP1258) read as "
            "Latin-1 (mojibake); convert the source file to UTF-8",
            source=source,
            line=legacy,
        )
    return text


#: Control characters no text holds. Layout characters are text: a form feed (a page
#: break of PDF and OCR text) and a vertical tab (a line break inside a Word paragraph).
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


def _control_line(text: str) -> int | None:
    hits = list(_CONTROL.finditer(text))
    if len(hits) >= 3 or (hits and len(hits) * 200 > len(text)):
        return text.count("\n", 0, hits[0].start()) + 1
    return None


# Letters and signs that Vietnamese never uses but that TCVN3 / VNI bytes become when read
# as Latin-1 / CP1252 (e.g. TCVN3 "¸" = á, "®" = đ, "µ" = à; VNI "aø", "eá", "oä", "ö" = ư).
_FOREIGN = set("¸µ¹¶·®ª«¬¯°±²³´º»¼½¾¿×ÞßäåæçëîïñöøûüÿþðÄÅÆÇËÎÏÑÖØÛÜÐ¡¢£¤¥¦§¨©")
# Vietnamese letters outside Latin-1: legacy text read as Latin-1 can never produce them.
_VIET = re.compile(r"[ăđơưĩũĂĐƠƯĨŨ\u1ea0-\u1ef9]")


_FOREIGN_RE = re.compile("[" + re.escape("".join(sorted(_FOREIGN))) + "]")


def _legacy_line(text: str) -> int | None:
    nfc = unicodedata.normalize("NFC", text)
    foreign = _FOREIGN_RE.findall(nfc)  # (one scan in C, not a Python loop per character)
    if len(foreign) < 5:
        return None
    viet = len(_VIET.findall(nfc))
    if viet * 2 >= len(foreign):
        return None
    first = _FOREIGN_RE.search(nfc)
    assert first is not None
    return nfc.count("\n", 0, first.start()) + 1


# ---------------------------------------------------------------------------
# .docx


def _read_docx(data: bytes, source: Path) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError):
        raise IngestError(
            "corrupt or truncated .docx (not a valid zip archive)", source=source
        ) from None
    with zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_DOCX_UNCOMPRESSED:
            raise IngestError(
                f".docx expands to {total} bytes (limit {MAX_DOCX_UNCOMPRESSED}): refused",
                source=source,
            )
        for info in infos:
            if info.file_size > 10 * 1024 * 1024 and info.file_size > _MAX_RATIO * max(
                1, info.compress_size
            ):
                raise IngestError(
                    f".docx member {info.filename} has a suspicious compression ratio: refused",
                    source=source,
                )
        names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise IngestError(".docx has no word/document.xml (not a Word document)", source=source)
        bad = zf.testzip() if len(infos) < 500 else None
        if bad is not None:
            raise IngestError(f"corrupt .docx (bad CRC in {bad})", source=source)
    try:
        import docx

        from policykg.ingest.read_docx import docx_text
    except ImportError:  # pragma: no cover - dependency declared in pyproject
        raise IngestError("python-docx is not installed", source=source) from None
    try:
        document = docx.Document(io.BytesIO(data))
        return docx_text(document)
    except IngestError:
        raise
    except Exception as exc:  # python-docx raises many types on malformed XML
        raise IngestError(f"corrupt .docx ({type(exc).__name__})", source=source) from None


# ---------------------------------------------------------------------------
# .pdf


def _read_pdf(data: bytes, source: Path) -> str:
    from policykg.ingest.read_pdf import pdf_text

    return pdf_text(data, source)


# ---------------------------------------------------------------------------
# .html

_BLOCK = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table",
    "section", "article", "header", "footer", "blockquote", "pre", "hr", "title",
}  # fmt: skip


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0
        self._cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in ("td", "th"):
            if self._cell:
                self.parts.append("\t")
            self._cell = True
        elif tag in _BLOCK:
            if tag == "tr":
                self._cell = False
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data) if self._cell else data)


_HTML_START = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page (it opens with a doctype, ``<html>``, ``<head>`` or
    ``<body>``), whatever the file's extension says. A plan never opens with one of these."""
    return _HTML_START.match(text[:4096]) is not None


def _html_to_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n[ \t]*\n[ \t\n]*", "\n\n", text)
