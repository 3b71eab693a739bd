"""Hostile and broken documents: a clear error naming the file (or a flagged partial result),
in bounded time and memory, and the store unchanged (N-Quads dump equal before and after).

Small inputs live in ``tests/hostile/``; the large ones are generated in a temporary folder.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
import unicodedata
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from policykg import bundled_corpus
from policykg.graph.dataset import load_vocabulary
from policykg.graph.store import EmbeddedStore
from policykg.ingest.extract import extract
from policykg.ingest.reader import MAX_TEXT_CHARS, read_text
from policykg.load.documents import IngestReport, ingest_file
from policykg.ontology.iri import IriMinter

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "hostile"
PYTHON = sys.executable
HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nNghệ An, ngày 3 tháng 2 năm 2021\n\n"
    "KẾ HOẠCH\nThực hiện Quyết định số 100/QĐ-TTg ngày 8 tháng 1 năm 2019\n\n"
)


@pytest.fixture(scope="module")
def store() -> Iterator[EmbeddedStore]:
    minter = IriMinter()
    s = EmbeddedStore()
    load_vocabulary(s, minter)
    plan = sorted(bundled_corpus().glob("*.txt"))[0]
    assert ingest_file(s, plan, minter).ok
    yield s


def _refused(store: EmbeddedStore, path: Path, *expected: str, seconds: float = 10) -> str:
    """Ingest ``path``: an error naming the file, within ``seconds`` of CPU, store unchanged."""
    before = store.dump_nquads()
    started = time.process_time()
    report = ingest_file(store, path, IriMinter())
    elapsed = time.process_time() - started
    assert report.status == "error", report
    assert report.error is not None and path.name in report.error
    for text in expected:
        assert text in report.error
    assert elapsed < seconds, f"{path.name}: {elapsed:.1f}s"
    assert store.dump_nquads() == before
    return report.error


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("empty.txt", ["empty file"]),
        ("blank.txt", ["empty file"]),
        ("binary.txt", [":1:", "binary file"]),
        ("tcvn3-raw.txt", [":1:", "not UTF-8", "TCVN3"]),
        ("vni-raw.txt", [":1:", "not UTF-8"]),
        ("cp1258.txt", [":1:", "not UTF-8"]),
        ("tcvn3-as-utf8.txt", [":2:", "legacy Vietnamese encoding"]),
        # a 404 page saved as .txt: read as HTML (no tags reach the extractor), no plan in it
        ("html-instead.txt", ["no document header"]),
        ("truncated.pdf", ["corrupt or truncated .pdf"]),
        ("not-a-zip.docx", ["corrupt or truncated .docx"]),
        ("garbage-dates.txt", ["not a date on the calendar", "2022-02-31"]),
    ],
)
def test_small_hostile_files_are_refused_by_name(
    store: EmbeddedStore, name: str, expected: list[str]
) -> None:
    _refused(store, HOSTILE / name, *expected)


def test_html_saved_as_txt_is_read_as_html() -> None:
    text = read_text(HOSTILE / "html-instead.txt")
    assert "Trang không tồn tại" in text
    assert "<" not in text and "alert" not in text


def test_missing_file_and_directory(store: EmbeddedStore, tmp_path: Path) -> None:
    _refused(store, tmp_path / "nope.txt", "file not found")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    _refused(store, folder, "directory")


def test_truncated_docx(store: EmbeddedStore, tmp_path: Path) -> None:
    d = docx.Document()
    for line in HEAD.splitlines():
        d.add_paragraph(line)
    good = tmp_path / "good.docx"
    d.save(str(good))
    for cut in (30, 400, len(good.read_bytes()) // 2, len(good.read_bytes()) - 10):
        bad = tmp_path / f"cut{cut}.docx"
        bad.write_bytes(good.read_bytes()[:cut])
        _refused(store, bad, ".docx")


def test_docx_zip_bomb_is_refused_before_inflating(store: EmbeddedStore, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024
    _refused(store, bomb, "refused", seconds=5)


def test_docx_billion_laughs_does_not_expand(store: EmbeddedStore, tmp_path: Path) -> None:
    """An XML entity bomb in word/document.xml: entities are not resolved."""
    good = tmp_path / "good.docx"
    d = docx.Document()
    d.add_paragraph("x")
    d.save(str(good))
    lol = '<!ENTITY l0 "lol">' + "".join(
        f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{lol}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>"
    )
    bomb = tmp_path / "laughs.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for info in src.infolist():
            data = xml.encode() if info.filename == "word/document.xml" else src.read(info)
            dst.writestr(info, data)
    _refused(store, bomb, seconds=10)


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    """100 MB: refused from its size, in a fresh process whose peak memory stays small.

    (Peak memory is VmHWM: ``ru_maxrss`` survives ``exec`` and would report pytest's.)"""
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        line = (HEAD.replace("\n", " ") + "\n").encode()
        while f.tell() < 100 * 1024 * 1024:
            f.write(line * 200)
    code = (
        "import json, sys, time\n"
        "from pathlib import Path\n"
        "from policykg.load.documents import ingest_file\n"
        "from policykg.ontology.iri import IriMinter\n"
        "t = time.monotonic()\n"
        "r = ingest_file(None, Path(sys.argv[1]), IriMinter())\n"
        "hwm = [x for x in open('/proc/self/status') if x.startswith('VmHWM')][0]\n"
        "print(json.dumps({'error': r.error, 'seconds': time.monotonic() - t,\n"
        "  'rss_mb': int(hwm.split()[1]) / 1024}))\n"
    )
    out = subprocess.run(
        [PYTHON, "-c", code, str(huge)], capture_output=True, text=True, timeout=60, check=True
    )
    result = json.loads(out.stdout)
    assert "huge.txt" in result["error"] and "file too large" in result["error"]
    assert result["seconds"] < 2
    assert result["rss_mb"] < 200, result


def test_text_over_the_length_limit_is_refused_with_its_line(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    f = tmp_path / "long.txt"
    f.write_text(HEAD + ("Sở Tài chính phối hợp.\n" * (MAX_TEXT_CHARS // 20)), "utf-8")
    _refused(store, f, "text too long", "split the document", seconds=10)


def _ingested_in(store: EmbeddedStore, path: Path, seconds: float) -> IngestReport:
    # CPU time of this process: the bound catches quadratic blow-ups (minutes to hours), and
    # must not fail because other jobs share the cores
    started = time.process_time()
    report = ingest_file(store, path, IriMinter())
    elapsed = time.process_time() - started
    assert report.ok, report.error
    assert elapsed < seconds, f"{path.name}: {elapsed:.1f}s"
    return report


@pytest.fixture()
def scratch() -> EmbeddedStore:
    s = EmbeddedStore()
    load_vocabulary(s, IriMinter())
    return s


def test_100k_list_items_in_bounded_time(scratch: EmbeddedStore, tmp_path: Path) -> None:
    f = tmp_path / "list.txt"
    f.write_text(HEAD + "".join(f"- việc {i}\n" for i in range(100_000)), "utf-8")
    _ingested_in(scratch, f, seconds=40)


def test_many_short_lower_case_lines_are_not_quadratic(
    scratch: EmbeddedStore, tmp_path: Path
) -> None:
    # 20k continuation lines once took 6 minutes (every line re-joined the whole paragraph)
    f = tmp_path / "lines.txt"
    f.write_text(HEAD + "việc a\n" * 20_000, "utf-8")
    _ingested_in(scratch, f, seconds=15)


def test_deep_nesting_in_bounded_time(scratch: EmbeddedStore, tmp_path: Path) -> None:
    f = tmp_path / "nest.txt"
    ramp = "".join(" " * i + "- mục\n" for i in range(1500))
    deep = "- " * 10_000 + "x\n" + ">" * 10_000 + " y\n" + "(" * 10_000 + "\n"
    numbered = "".join(".".join(["1"] * (i + 1)) + ". mục\n" for i in range(300))
    f.write_text(HEAD + ramp + deep + numbered, "utf-8")
    _ingested_in(scratch, f, seconds=20)


@pytest.mark.parametrize("char", ["a", "1", "1/", "Sở ", "\u00a0", "“"])
def test_extremely_long_line_in_bounded_time(
    scratch: EmbeddedStore, tmp_path: Path, char: str
) -> None:
    # a run of word characters once cost quadratic time in the document-symbol regex
    f = tmp_path / "line.txt"
    f.write_text(HEAD + char * (300_000 // len(char)) + "\n", "utf-8")
    _ingested_in(scratch, f, seconds=15)


def test_mixed_nfc_nfd_gives_the_same_record() -> None:
    plan = sorted(bundled_corpus().glob("*.txt"))[0]
    text = unicodedata.normalize("NFC", plan.read_text("utf-8"))
    mixed = "\n".join(
        unicodedata.normalize("NFD" if i % 2 else "NFC", line)
        for i, line in enumerate(text.split("\n"))
    )
    assert mixed != text
    assert extract(mixed, source=plan.name).to_gold() == extract(text, source=plan.name).to_gold()


def _garbage_header(tmp_path: Path) -> Path:
    f = tmp_path / "garbage.txt"
    f.write_text(
        HEAD.replace("Số: 12/KH-UBND", "Số: ABC").replace(
            "ngày 3 tháng 2 năm 2021", "ngày 31/02/2021"
        ),
        "utf-8",
    )
    return f


def test_garbage_number_is_a_partial_result(scratch: EmbeddedStore, tmp_path: Path) -> None:
    """ "Số: ABC": the document is kept, without a number."""
    f = _garbage_header(tmp_path)
    record = extract(f.read_text("utf-8"), source=f.name)
    assert record.document.number is None
    report = _ingested_in(scratch, f, seconds=10)
    assert report.document_iri is not None
    numbers = scratch.select(
        "PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?n WHERE { ?doc eli:number ?n }"
    )
    assert not [r for r in numbers if "ABC" in str(r.get("n"))]


def test_impossible_header_date_is_not_replaced_by_a_cited_date(tmp_path: Path) -> None:
    """ "ngày 31/02/2021" is no date; the cited decision's date is not the plan's date."""
    f = _garbage_header(tmp_path)
    record = extract(f.read_text("utf-8"), source=f.name)
    assert record.document.date is None


def test_pdf_decompression_bomb_is_refused(store: EmbeddedStore, tmp_path: Path) -> None:
    """A page whose content stream inflates to 300 MB (300 kB on disk): refused by name."""
    import zlib

    stream = zlib.compress(b"0 0 m " * (50 * 1024 * 1024), 9)
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    bomb = tmp_path / "bomb.pdf"
    bomb.write_bytes(bytes(out))
    _refused(store, bomb, "refused", seconds=20)
