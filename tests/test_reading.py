"""The reading layer: text keys, layout characters."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.reader import read_text
from policykg.ingest.reading import ascii_key, diacritic_key, toneless_key


def test_diacritic_key_moves_old_tone_placement_and_keeps_every_diacritic() -> None:
    assert diacritic_key("Uỷ ban nhân dân") == diacritic_key("Ủy ban nhân dân") == "ủy ban nhân dân"
    assert diacritic_key("hoá") == "hóa" and diacritic_key("Thuỷ lợi") == "thủy lợi"
    # "oa"/"uy" inside a longer vowel group, and after "q", are left as written
    assert diacritic_key("hoạch") == "hoạch" and diacritic_key("quý") == "quý"
    assert diacritic_key("tháng") != diacritic_key("thắng")
    nfd = unicodedata.normalize("NFD", "QUYẾT ĐỊNH")
    assert diacritic_key(nfd) == "quyết định"
    assert len(diacritic_key("Hoà Bình")) == len("Hoà Bình")


def test_toneless_key_drops_tone_marks_and_keeps_vowel_shapes() -> None:
    assert toneless_key("Sở") == "sơ" and toneless_key("Bộ") == "bô"
    assert toneless_key("Uỷ") == toneless_key("Ủy") == "uy"
    assert toneless_key("ĐỒNG") == "đông"
    assert toneless_key("\u00d0ồng") == "đông"  # an eth typed for "Đ"
    assert toneless_key(unicodedata.normalize("NFD", "Thương")) == "thương"


def test_ascii_key_drops_every_diacritic() -> None:
    assert ascii_key("Đồng Nai") == "dong nai"
    assert ascii_key("Bà Rịa - Vũng Tàu") == "ba ria - vung tau"
    assert ascii_key(unicodedata.normalize("NFD", "Quảng Ngãi")) == "quang ngai"


def test_form_feeds_are_layout_not_binary(tmp_path: Path) -> None:
    """PDF and OCR text breaks pages with form feeds: the file is text, read as it is."""
    page = "Điều {n}. Nội dung\nSở Tài chính chủ trì thực hiện.\n"
    text = "\f".join(page.format(n=n) for n in range(1, 6)) + "\v"
    f = tmp_path / "ocr.txt"
    f.write_text(text, encoding="utf-8")
    assert read_text(f) == text
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"abc\x01\x02\x03def\n" * 3)
    with pytest.raises(IngestError, match="control characters"):
        read_text(bad)
