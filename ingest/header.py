"""Document fields of a plan: ``extract_document(doc) -> dict`` in the gold form of SCHEMA.md.

Fields and where they are read:

* ``kind``: the kind line of the header ("KẾ HOẠCH", "QUYẾT ĐỊNH", ...), else the symbol
  of the number (``/KH-`` → KeHoach, ``/QĐ-`` → QuyetDinh).
* ``number``: the ``Số:`` line with spaces removed ("683 /KH-UBND" → "683/KH-UBND");
  ``None`` when the number part is blank ("Số: /KH-UBND").
* ``date`` / ``place``: the "<place>, ngày DD tháng MM năm YYYY" line of the header, as
  precise as written ("2023-03" when the day is blank, "2021" when day and month are);
  signature timestamps are never used.
* ``issuer``: the issuer block ("ỦY BAN NHÂN DÂN / TỈNH X"); without one, the body
  ("Ủy ban nhân dân tỉnh X ban hành ..."), the signature ("TM. ỦY BAN NHÂN DÂN") or the
  number symbol (``-UBND``) give the kind, and the place line the province.
* ``title``: the paragraph after the kind line (hard wraps rejoined, markdown removed).
* ``period``: "giai đoạn 2021 - 2030" → {2021, 2030}; "đến (năm) 2030" → {None, 2030}.
* ``signer``: the name under the TM./KT. block and the last position line
  ("PHÓ CHỦ TỊCH" → "Phó Chủ tịch").
* ``promulgates``: for a decision titled "Ban hành Kế hoạch ...", ``{"kind": "KeHoach",
  "title": "..."}``.

A text with no recognizable header (no ``Số:`` line, no kind line and no date line)
raises :class:`IngestError` naming the file and the first line of text.
Each field's provenance is in ``document["_spans"]`` (field -> [start, end]).
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from policykg.ingest.errors import IngestError
from policykg.ingest.reading import ascii_key, diacritic_key
from policykg.ingest.text import Doc, Paragraph

__all__ = [
    "KIND_BY_SYMBOL",
    "KIND_WORDS",
    "document_province",
    "extract_document",
    "parse_period",
    "title_case",
]

#: Vietnamese name of a document kind -> code (longest names first when matching).
KIND_WORDS: dict[str, str] = {
    "luật": "Luat",
    "bộ luật": "Luat",
    "nghị quyết": "NghiQuyet",
    "nghị định": "NghiDinh",
    "quyết định": "QuyetDinh",
    "thông tư liên tịch": "ThongTu",
    "thông tư": "ThongTu",
    "chỉ thị": "ChiThi",
    "kế hoạch": "KeHoach",
    "tờ trình": "ToTrinh",
    "công văn": "CongVan",
    "đề án": "DeAn",
    "chương trình": "ChuongTrinh",
    "chiến lược": "ChienLuoc",
}

#: Symbol in a number ("QĐ" in 1322/QĐ-TTg) -> kind code.
KIND_BY_SYMBOL: dict[str, str] = {
    "QH": "Luat",
    "NQ": "NghiQuyet",
    "NĐ": "NghiDinh",
    "QĐ": "QuyetDinh",
    "TT": "ThongTu",
    "TTLT": "ThongTu",
    "CT": "ChiThi",
    "KH": "KeHoach",
    "TTR": "ToTrinh",
    "ĐA": "DeAn",
    "CTR": "ChuongTrinh",
}

_SO = re.compile(r"^Số\s*(?:hiệu)?\s*:\s*(?P<num>.*)$", re.IGNORECASE)
_DATE = re.compile(
    r"(?:^|,|\s)ngày\s*(?:(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})\s*[/.-]\s*(?P<y2>\d{4}))",
    re.IGNORECASE,
)
_KIND_LINE = re.compile(
    r"^(?P<kind>KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|NGHỊ ĐỊNH|CHỈ THỊ|THÔNG TƯ|TỜ TRÌNH|CÔNG VĂN"
    r"|ĐỀ ÁN|CHƯƠNG TRÌNH|CHIẾN LƯỢC|LUẬT)\s*:?\s*(?P<rest>.*)$"
)
_PERIOD = re.compile(r"giai\s+đoạn\s+(?P<a>(?:19|20)\d{2})\s*[-–—]\s*(?P<b>(?:19|20)\d{2})")
_PERIOD2 = re.compile(
    r"(?:từ\s+(?:năm\s+)?(?P<a>(?:19|20)\d{2})\s+)?đến\s+(?:năm\s+)?(?P<b>(?:19|20)\d{2})"
)
_ISSUER_UBND = re.compile(r"^(?:ỦY|UỶ)\s+BAN\s+NHÂN\s+DÂN\s*(?:(?:TỈNH|THÀNH PHỐ)\s+(?P<p>.+))?$")
_ISSUER_HDND = re.compile(r"^HỘI\s+ĐỒNG\s+NHÂN\s+DÂN\s*(?:(?:TỈNH|THÀNH PHỐ)\s+(?P<p>.+))?$")
_BODY_ISSUER = re.compile(
    r"(?P<org>ủy ban nhân dân|ubnd|hội đồng nhân dân|hđnd)\s+(?:tỉnh|thành phố)\s+"
    r"(?P<p>[^\s,.;:()]+(?:\s+[^\s,.;:()]+){0,3}?)\s+(?:ban hành|xây dựng|quyết định)"
)
_POSITIONS = {
    "chủ tịch": "Chủ tịch",
    "phó chủ tịch": "Phó Chủ tịch",
    "giám đốc": "Giám đốc",
    "phó giám đốc": "Phó Giám đốc",
    "bộ trưởng": "Bộ trưởng",
    "thứ trưởng": "Thứ trưởng",
    "thủ tướng": "Thủ tướng",
    "phó thủ tướng": "Phó Thủ tướng",
    "chánh văn phòng": "Chánh Văn phòng",
}
_PREAMBLE = re.compile(r"^(?:Căn cứ|Thực hiện|Theo|Xét|Triển khai|Nhằm|Để)\b")


def _provinces() -> tuple[str, ...]:
    try:
        from policykg.ingest.agencies import PROVINCES
    except ImportError:  # pragma: no cover - helper module missing
        return ()
    return tuple(PROVINCES)


def title_case(s: str) -> str:
    """ "NGHỆ AN" -> "Nghệ An"; a known province name is returned as spelled in the list."""
    s = re.sub(r"\s+", " ", s).strip(" .,;:")
    key = ascii_key(s)
    for p in _provinces():
        if ascii_key(p) == key:
            return p
    return " ".join(w[:1].upper() + w[1:].lower() for w in s.split(" "))


def _match_province(s: str) -> str | None:
    key = " " + ascii_key(re.sub(r"\s+", " ", s)) + " "
    best: str | None = None
    for p in _provinces():
        k = " " + ascii_key(p) + " "
        if k in key and (best is None or len(p) > len(best)):
            best = p
    return best


def parse_period(title: str) -> dict[str, int | None] | None:
    """The plan period stated in a title ("giai đoạn 2021 - 2030", "đến năm 2030")."""
    t = diacritic_key(title)
    m = _PERIOD.search(t)
    if m:
        return {"start": int(m.group("a")), "end": int(m.group("b"))}
    m = _PERIOD2.search(t)
    if m:
        a = m.group("a")
        return {"start": int(a) if a else None, "end": int(m.group("b"))}
    return None


def _sentence_case_position(s: str) -> str:
    key = diacritic_key(re.sub(r"\s+", " ", s).strip(" .:"))
    if key in _POSITIONS:
        return _POSITIONS[key]
    return s[:1].upper() + s[1:].lower()


def _on_calendar(y: str, m: str, d: str) -> bool:
    try:
        datetime.date(int(y), int(m), int(d))
    except ValueError:
        return False
    return True


def _first_line(doc: Doc) -> int:
    for p in doc.paragraphs:
        if p.text.strip():
            return p.line
    return 1


def document_province(doc: Doc) -> str | None:
    """The province of the issuing body (from the issuer block, body or place line)."""
    info = extract_document(doc, strict=False)
    issuer = info.get("issuer")
    if isinstance(issuer, dict) and issuer.get("scope"):
        return str(issuer["scope"])
    place = info.get("place")
    return str(place) if place else None


def extract_document(doc: Doc, *, strict: bool = True) -> dict[str, Any]:
    """Document fields in the gold form, plus ``_spans`` for provenance."""
    spans: dict[str, list[int]] = {}
    header = doc.header or [p for p in doc.paragraphs if p.kind == "text"][:12]

    number: str | None = None
    number_symbol: str | None = None
    date: str | None = None
    place: str | None = None
    kind: str | None = None
    title: str | None = None
    title_par: Paragraph | None = None
    seen_so = seen_date = False
    block_kind: str | None = None
    block_scope: str | None = None

    for k, p in enumerate(header):
        t = p.text
        m = _SO.match(t)
        if m and not seen_so:
            seen_so = True
            raw = re.sub(r"\s+", "", m.group("num"))
            raw = raw.rstrip(".,;")
            number_symbol = raw
            if raw and not raw.startswith("/") and re.match(r"^[\w.\-]*\d", raw):
                number = raw
                i = t.find(m.group("num"))
                spans["number"] = list(p.span_of(i, len(t)))
            continue
        dm = _DATE.search(t)
        if dm and not seen_date and (p.kind == "text") and dm.start() < 60:
            seen_date = True
            y = dm.group("y") or dm.group("y2")
            mo = dm.group("m") or dm.group("m2")
            d = dm.group("d") or dm.group("d2")
            if mo and d:
                # a date that is not on the calendar ("31/02/2021") is left blank, never
                # replaced by another date of the text
                date = f"{y}-{int(mo):02d}-{int(d):02d}" if _on_calendar(y, mo, d) else None
            elif mo:
                date = f"{y}-{int(mo):02d}"
            else:
                date = y
            d0 = dm.start() + len(dm.group(0)) - len(dm.group(0).lstrip(", "))
            spans["date"] = list(p.span_of(d0, dm.end()))
            pl = t[: dm.start()].strip(" ,")
            if pl and len(pl) < 40:
                place = title_case(pl) if pl.isupper() else re.sub(r"\s+", " ", pl)
                spans["place"] = list(p.span_of(0, len(pl)))
            continue
        ub = _ISSUER_UBND.match(t) or _ISSUER_HDND.match(t)
        if ub and block_kind is None and kind is None:
            block_kind = "ubnd_tinh" if _ISSUER_UBND.match(t) else "hdnd_tinh"
            if ub.group("p"):
                block_scope = title_case(ub.group("p"))
            spans["issuer"] = list(p.span_of(0, len(t)))
            continue
        km = _KIND_LINE.match(t)
        if km and kind is None and (t.isupper() or not km.group("rest")):
            kind = KIND_WORDS[diacritic_key(km.group("kind"))]
            spans["kind"] = list(p.span_of(0, km.end("kind")))
            rest = km.group("rest").strip()
            if rest and not rest.isupper():
                title, title_par = rest, p
            elif k + 1 < len(header):
                nxt = header[k + 1]
                if not _SO.match(nxt.text) and not _DATE.search(nxt.text[:60]):
                    title, title_par = nxt.text, nxt
            continue

    if kind is None and number_symbol:
        kind = _kind_from_number(number_symbol)
    if not seen_so and kind is None and not seen_date and strict:
        raise IngestError(
            "no document header found (no 'Số:' line, kind line or date line)",
            source=doc.source,
            line=_first_line(doc),
        )
    if title is not None:
        title = _clean_title(title)
        if title_par is not None:
            spans["title"] = [title_par.start, title_par.end]

    # issuer
    issuer: dict[str, str] | None = None
    if block_kind is not None:
        scope = block_scope or place
        if scope and place and ascii_key(scope) == ascii_key(place):
            scope = place
        issuer = (
            {"kind": block_kind, "scope": scope} if scope else {"kind": block_kind, "scope": ""}
        )
    else:
        issuer = _issuer_from_body(doc, place, spans)
        if issuer is None:
            ik = _issuer_from_signature(doc) or _issuer_from_symbol(number_symbol)
            if ik is not None:
                issuer = {"kind": ik, "scope": place or ""}
    if issuer is not None and not issuer.get("scope"):
        prov = _match_province(doc.text[:3000])
        issuer["scope"] = prov or ""

    period = parse_period(title) if title else None
    signer = _signer(doc, spans)
    promulgates = _promulgates(kind, title)
    out: dict[str, Any] = {
        "kind": kind,
        "number": number,
        "date": date,
        "place": place,
        "issuer": issuer,
        "title": title,
        "period": period,
        "signer": signer,
        "promulgates": promulgates,
        "_spans": spans,
    }
    return out


def _clean_title(t: str) -> str:
    t = re.sub(r"\s+", " ", t).strip()
    return t.strip(" .;:")


def _kind_from_number(symbol: str) -> str | None:
    m = re.search(r"/(?:\d{4}/)?(?P<s>[A-ZĐa-zđ]+)", symbol)
    if not m:
        return None
    return KIND_BY_SYMBOL.get(m.group("s").upper())


def _issuer_from_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    s = symbol.upper()
    if s.endswith("-UBND"):
        return "ubnd_tinh"
    if s.endswith("-HĐND"):
        return "hdnd_tinh"
    return None


def _issuer_from_signature(doc: Doc) -> str | None:
    for p in doc.signature:
        t = diacritic_key(p.text)
        if "ủy ban nhân dân" in t:
            return "ubnd_tinh"
        if "hội đồng nhân dân" in t:
            return "hdnd_tinh"
    return None


def _issuer_from_body(
    doc: Doc, place: str | None, spans: dict[str, list[int]]
) -> dict[str, str] | None:
    paras = list(doc.header) + [p for p in doc.paragraphs if p.kind == "text"][:40]
    for p in paras:
        ft = diacritic_key(p.text)
        for m in _BODY_ISSUER.finditer(ft):
            prov_raw = p.text[m.start("p") : m.end("p")]
            prov = _match_province(prov_raw) or title_case(prov_raw)
            org = m.group("org")
            kind = "hdnd_tinh" if org in ("hội đồng nhân dân", "hđnd") else "ubnd_tinh"
            if place and ascii_key(place) == ascii_key(prov):
                prov = place
            spans["issuer"] = list(p.span_of(m.start(), m.end("p")))
            return {"kind": kind, "scope": prov}
    return None


def _signer(doc: Doc, spans: dict[str, list[int]]) -> dict[str, str | None] | None:
    if not doc.signature:
        return None
    name: str | None = None
    position: str | None = None
    for p in doc.signature:
        t = p.text.strip()
        ft = diacritic_key(t)
        if re.match(r"^(?:tm|kt|tl|tuq|q)\.?\s", ft):
            # "KT. CHỦ TỊCH" names the principal; the signer's own title follows
            rest = re.sub(r"^(?:tm|kt|tl|tuq|q)\.?\s+", "", ft)
            if rest in _POSITIONS and position is None:
                position = _POSITIONS[rest]
            continue
        if ft.strip(" .:") in _POSITIONS:
            position = _POSITIONS[ft.strip(" .:")]
            continue
        if not t.isupper():
            name = re.sub(r"\s+", " ", t)
            spans["signer"] = [p.start, p.end]
        else:
            name = title_case(t)
            spans["signer"] = [p.start, p.end]
    if name is None and position is None:
        return None
    return {"name": name, "position": position}


_PROMULGATE = re.compile(
    r"^(?:Về việc\s+)?ban hành\s+"
    r"(?P<kind>kế hoạch|đề án|chương trình|chiến lược|quy chế|quy định)\s+"
    r"(?P<title>.+)$",
    re.IGNORECASE,
)


def _promulgates(kind: str | None, title: str | None) -> dict[str, str] | None:
    if kind not in ("QuyetDinh", "NghiQuyet", "ChiThi") or not title:
        return None
    m = _PROMULGATE.match(title)
    if not m:
        return None
    k = KIND_WORDS.get(diacritic_key(m.group("kind")), "Other")
    rest = m.group("title").strip()
    return {"kind": k, "title": rest[:1].upper() + rest[1:]}
