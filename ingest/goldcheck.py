"""The checker of gold files: every annotation well formed and true to its text.

A gold file (``tests/gold/*.json``, ``tests/gold/dev/*.json``; form: ``tests/gold/SCHEMA.md``)
is hand-made. :func:`check_gold` finds what a hand can get wrong:

* **quotes**: every ``evidence``, agency ``mentions``, target ``text`` and task
  ``deliverables`` is verbatim in the source text. Both sides are compared after NFC,
  whitespace collapsing and dropping Markdown markers and table bars; page furniture
  (Official Gazette page headers, bare page numbers, digital-signature stamps) is dropped
  from the text. A quote may leave stretches out with ``...``: its pieces must then occur
  in order.
* **codes**: document kinds, relations, agency kinds, themes, indicators, comparators and
  recurrences are codes of the schema;
* **references**: citation ids are unique and ``subject`` names ``self`` or another
  citation; every agency a task, a reporting duty or the document's issuer names is listed
  under ``agencies``;
* **values**: dates are ISO 8601 at the precision the text gives (``2021``, ``2021-11``,
  ``2021-11-17``), deadlines gMonthDay or dates, years and bounds of targets consistent with
  their comparator, no two tasks with one ref, no agency listed twice.

Each problem is one :class:`Problem` naming the file and the JSON path. ``policykg
goldcheck`` runs it on files or folders; the test suite runs it on every gold file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

__all__ = [
    "AGENCY_KINDS",
    "DOCUMENT_KINDS",
    "INDICATORS",
    "RELATIONS",
    "THEMES",
    "Problem",
    "check_gold",
    "check_paths",
    "quote_text",
]


def _codes(words: str) -> frozenset[str]:
    return frozenset(words.split())


DOCUMENT_KINDS = _codes(
    "Luat NghiQuyet NghiDinh QuyetDinh ThongTu ChiThi KeHoach ToTrinh CongVan DeAn "
    "ChuongTrinh ChienLuoc BaoCao PhapLenh Other"
)
RELATIONS = _codes("implements legal_basis applies amended_by replaced_by proposed_by mentions")
AGENCY_KINDS = _codes(
    # the first table of SCHEMA.md
    "ubnd_tinh hdnd_tinh so_khcn so_tc so_khdt so_ct so_nnptnt so_ldtbxh so_nv so_tttt so_yt "
    "so_xd so_gtvt so_tnmt so_gddt so_nnmt so_vhttdl so_vhtt so_dl chi_cuc_tcdlcl ban_tdkt "
    "bql_kkt bao_tinh dai_ptth hiep_hoi_dn hoi_dn_tre lien_minh_htx hoi_nong_dan hoi_phu_nu "
    "ubnd_huyen ubnd_xa truong_dh_cd doanh_nghiep thu_tuong chinh_phu quoc_hoi bo_khcn bo_tc "
    "tong_cuc_tcdlcl uy_ban_tcdlcl bo_nnmt bo_ct bo_nv cuc_cong_tac_phia_nam apo other "
    # "Beyond the first corpus": national
    "ubtvqh bo_qp bo_ca bo_ng bo_tp bo_vhttdl bo_dttg ubdt nhnn ttcp vpcp bhxh_vn tand_tc "
    "vksnd_tc ktnn mttq_tw bo_chinh_tri ban_bi_thu bch_tw "
    "bo_khdt bo_tttt bo_nnptnt bo_tnmt bo_gtvt bo_xd bo_ldtbxh bo_gddt bo_yt "
    # "Beyond the first corpus": provincial
    "so_tp so_ngv so_dttg ban_dt thanh_tra_tinh vp_ubnd cong_an_tinh bchqs_tinh bdbp_tinh "
    "thue_tinh kbnn_tinh bhxh_tinh thong_ke_tinh nhnn_tinh mttq_tinh tinh_doan ldld_tinh "
    "hoi_ccb tinh_uy"
)
THEMES = _codes(
    "policy communication recognition enterprise_support training standards_conformity "
    "traceability international_cooperation science_technology data_information "
    "support_network inspection finance digital_transformation administrative_reform "
    "organization infrastructure social_policy planning environment_resources health "
    "education security_defense"
)
INDICATORS = _codes(
    "experts_certified experts_international people_trained enterprises_supported "
    "enterprises_supported_growth model_enterprises student_clubs conformity_bodies "
    "certificates_growth labor_productivity_growth tfp_contribution training_institutions "
    "quality_award_enterprises ocop_trademark_share traceability_outreach_share other"
)
COMPARATORS = _codes("exact at_least more_than about range at_most")
RECURRENCES = _codes("annual once on_request periodic")
SECTIONS = ("document", "citations", "agencies", "tasks", "targets", "reporting")

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTH_DAY = re.compile(r"^--(\d{2})-(\d{2})$")
_DAY = re.compile(r"^---(0[1-9]|[12]\d|3[01])$")  # gDay: a monthly deadline
_TIMEFRAME = re.compile(r"^(annual|\d{4}(-\d{4}|-\d{2}(-\d{2})?|-Q[1-4])?)$")
_CITATION_ID = re.compile(r"^c\d+$")


@dataclass(frozen=True)
class Problem:
    """One fault of a gold file: where (file and JSON path) and what."""

    source: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.path}: {self.message}"


# ---------------------------------------------------------------------------
# quotes

_FURNITURE = re.compile(
    r"^\s*(?:CÔNG BÁO\s*/\s*Số.*|\d{1,4}|Ký bởi:.*|Cơ quan:.*|Ngày ký:.*|[-|: ]*-{3,}[-|: ]*)\s*$",
    re.MULTILINE,
)
_MARKUP = re.compile(r"\\(?=[^\w\s])|[*#|]")
_SPACE = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")


def _squash(s: str) -> str:
    s = unicodedata.normalize("NFC", s)
    s = _MARKUP.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


def quote_text(text: str) -> str:
    """The text quotes are matched in: no page furniture, markup or runs of white space."""
    text = unicodedata.normalize("NFC", text).replace("\f", "\n")
    return _squash(_FURNITURE.sub(" ", text))


def _quote_found(quote: str, text: str) -> bool:
    pos = 0
    for piece in _ELLIPSIS.split(_squash(quote)):
        piece = piece.strip(" ,;")
        if not piece:
            continue
        at = text.find(piece, pos)
        if at < 0:
            return False
        pos = at + len(piece)
    return True


# ---------------------------------------------------------------------------
# the checker


def _valid_date(value: str) -> bool:
    m = _DATE.match(value)
    if not m:
        return False
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        date(year or 1, month or 1, day or 1)
    except ValueError:
        return False
    return True


def _valid_month_day(value: str) -> bool:
    m = _MONTH_DAY.match(value)
    if not m:
        return False
    try:
        date(2024, int(m.group(1)), int(m.group(2)))  # a leap year admits --02-29
    except ValueError:
        return False
    return True


class _Checker:
    def __init__(self, gold: dict[str, Any], text: str | None, source: str) -> None:
        self.gold = gold
        self.text = quote_text(text) if text is not None else None
        self.source = source
        self.problems: list[Problem] = []
        self.listed: list[dict[str, Any]] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(Problem(self.source, path, message))

    # -- shared pieces

    def quote(self, path: str, value: Any) -> None:
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "a quote must be a non-empty string")
            return
        if value != unicodedata.normalize("NFC", value):
            self.fail(path, "not NFC")
        if self.text is not None and not _quote_found(value, self.text):
            self.fail(path, f"not verbatim in the text: {value[:80]!r}")

    def date_value(self, path: str, value: Any) -> None:
        if value is not None and not (isinstance(value, str) and _valid_date(value)):
            self.fail(path, f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {value!r}")

    def agency_ref(self, path: str, ref: Any, *, listed: bool) -> None:
        if not isinstance(ref, dict):
            self.fail(path, "an agency reference is an object with kind and scope")
            return
        kind, scope = ref.get("kind"), ref.get("scope")
        if kind not in AGENCY_KINDS:
            self.fail(path, f"agency kind {kind!r} is not a code of the schema")
        if not isinstance(scope, str) or not scope.strip():
            self.fail(path, "an agency reference needs a scope")
        if listed and kind in AGENCY_KINDS and not any(self._same(ref, a) for a in self.listed):
            label = f"{kind}|{scope}" + (f" ({ref['name']})" if ref.get("name") else "")
            self.fail(path, f"agency {label} is not listed under agencies")

    @staticmethod
    def _same(ref: dict[str, Any], entry: dict[str, Any]) -> bool:
        if (ref.get("kind"), ref.get("scope")) != (entry.get("kind"), entry.get("scope")):
            return False
        name = ref.get("name")
        if ref.get("kind") != "other" or not name:
            return True
        names = {entry.get("name"), *(entry.get("mentions") or [])}
        return name in names or not (names - {None})

    # -- sections

    def run(self) -> list[Problem]:
        for key in SECTIONS:
            if key not in self.gold:
                self.fail(key, "section missing")
        for key in SECTIONS[1:]:
            if key in self.gold and not isinstance(self.gold[key], list):
                self.fail(key, "a section other than document is a list")
        self.agencies()
        self.document()
        self.citations()
        self.tasks()
        self.targets()
        self.reporting()
        return self.problems

    def _items(self, section: str) -> list[tuple[str, dict[str, Any]]]:
        items = self.gold.get(section)
        out = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                out.append((f"{section}[{i}]", item))
            else:
                self.fail(f"{section}[{i}]", "an item is an object")
        return out

    def document(self) -> None:
        d = self.gold.get("document")
        if not isinstance(d, dict):
            self.fail("document", "an object")
            return
        if d.get("kind") not in DOCUMENT_KINDS:
            self.fail("document.kind", f"not a document kind of the schema: {d.get('kind')!r}")
        number = d.get("number")
        if number is not None and (not isinstance(number, str) or re.search(r"\s", number)):
            self.fail("document.number", f"a string with no spaces, or null: {number!r}")
        self.date_value("document.date", d.get("date"))
        if d.get("issuer") is not None:
            self.agency_ref("document.issuer", d["issuer"], listed=True)
        period = d.get("period")
        if period is not None:
            start, end = (
                (period.get("start"), period.get("end")) if isinstance(period, dict) else (0, 0)
            )
            if not all(v is None or isinstance(v, int) for v in (start, end)) or (
                isinstance(start, int) and isinstance(end, int) and start > end
            ):
                self.fail("document.period", f"start and end years, start <= end: {period!r}")
        signer = d.get("signer")
        if signer is not None and not (isinstance(signer, dict) and "position" in signer):
            self.fail("document.signer", "null or an object with name and position")
        prom = d.get("promulgates")
        if prom is not None and not (
            isinstance(prom, dict) and prom.get("kind") in DOCUMENT_KINDS and prom.get("title")
        ):
            self.fail("document.promulgates", "null or {kind (a document kind), title}")

    def citations(self) -> None:
        items = self._items("citations")
        ids = [c.get("id") for _, c in items]
        seen_ids: set[Any] = set()
        keys: set[tuple[Any, ...]] = set()
        for path, c in items:
            cid = c.get("id")
            if not isinstance(cid, str) or not _CITATION_ID.match(cid):
                self.fail(f"{path}.id", f"ids are c1, c2, ...: {cid!r}")
            if cid in seen_ids:
                self.fail(f"{path}.id", f"id {cid!r} used twice")
            seen_ids.add(cid)
            subject = c.get("subject")
            if subject != "self" and (subject not in ids or subject == cid):
                self.fail(f"{path}.subject", f"'self' or the id of another citation: {subject!r}")
            if c.get("relation") not in RELATIONS:
                self.fail(
                    f"{path}.relation", f"not a relation of the schema: {c.get('relation')!r}"
                )
            t = c.get("target")
            if not isinstance(t, dict):
                self.fail(f"{path}.target", "an object")
                continue
            if t.get("kind") not in DOCUMENT_KINDS:
                self.fail(f"{path}.target.kind", f"not a document kind: {t.get('kind')!r}")
            if not t.get("number") and not t.get("title"):
                self.fail(f"{path}.target", "a target with no number needs a title")
            self.date_value(f"{path}.target.date", t.get("date"))
            if t.get("issuer") is not None:
                self.agency_ref(f"{path}.target.issuer", t["issuer"], listed=False)
            key = (subject, c.get("relation"), _target_key(t))
            if key in keys:
                self.fail(path, f"the same (subject, relation, target) twice: {key[1:]!r}")
            keys.add(key)
            self.quote(f"{path}.evidence", c.get("evidence"))

    def agencies(self) -> None:
        seen: set[tuple[Any, ...]] = set()
        for path, a in self._items("agencies"):
            self.agency_ref(path, a, listed=False)
            mentions = a.get("mentions")
            if not isinstance(mentions, list) or not mentions:
                if a.get("kind") != "other" or not a.get("name"):
                    self.fail(f"{path}.mentions", "a list of the names as written")
                mentions = []
            for j, m in enumerate(mentions):
                self.quote(f"{path}.mentions[{j}]", m)
            ident: tuple[Any, ...] = (a.get("kind"), a.get("scope"))
            if a.get("kind") == "other":
                ident += (a.get("name") or (mentions[0] if mentions else None),)
            if ident in seen:
                self.fail(path, f"agency listed twice: {'|'.join(map(str, ident))}")
            seen.add(ident)
            self.listed.append(a)

    def tasks(self) -> None:
        refs: set[Any] = set()
        for path, t in self._items("tasks"):
            ref = t.get("ref")
            if not isinstance(ref, str) or not ref.strip():
                self.fail(f"{path}.ref", "a non-empty string")
            elif ref in refs:
                self.fail(f"{path}.ref", f"two tasks with ref {ref!r}")
            refs.add(ref)
            themes = t.get("themes")
            if not isinstance(themes, list) or not themes:
                self.fail(f"{path}.themes", "one or more theme codes")
            else:
                for theme in themes:
                    if theme not in THEMES:
                        self.fail(f"{path}.themes", f"not a theme of the schema: {theme!r}")
            for role in ("lead", "coordinating"):
                refs_of_role = t.get(role)
                if not isinstance(refs_of_role, list):
                    self.fail(f"{path}.{role}", "a list (empty when the text does not say)")
                    continue
                for j, a in enumerate(refs_of_role):
                    self.agency_ref(f"{path}.{role}[{j}]", a, listed=True)
            tf = t.get("timeframe")
            if tf is not None and not (isinstance(tf, str) and _TIMEFRAME.match(tf)):
                self.fail(f"{path}.timeframe", f"annual, a period, a date or null: {tf!r}")
            for j, d in enumerate(t.get("deliverables") or []):
                self.quote(f"{path}.deliverables[{j}]", d)

    def targets(self) -> None:
        for path, t in self._items("targets"):
            self.quote(f"{path}.text", t.get("text"))
            if t.get("indicator") not in INDICATORS:
                self.fail(f"{path}.indicator", f"not an indicator: {t.get('indicator')!r}")
            comp, lo, hi = t.get("comparator"), t.get("min"), t.get("max")
            if comp not in COMPARATORS:
                self.fail(f"{path}.comparator", f"not a comparator: {comp!r}")
            for name, v in (("min", lo), ("max", hi)):
                if v is not None and (isinstance(v, bool) or not isinstance(v, int | float)):
                    self.fail(f"{path}.{name}", f"a number or null: {v!r}")
            if not _bounds_fit(comp, lo, hi):
                self.fail(path, f"bounds do not fit {comp}: min={lo!r} max={hi!r}")
            year = t.get("by_year")
            if year is not None and not (isinstance(year, int) and 1945 <= year <= 2100):
                self.fail(f"{path}.by_year", f"a year or null: {year!r}")
            if not isinstance(t.get("per_year"), bool):
                self.fail(f"{path}.per_year", "true or false")

    def reporting(self) -> None:
        for path, r in self._items("reporting"):
            for role in ("actor", "recipient"):
                refs_of_role = r.get(role)
                if not isinstance(refs_of_role, list):
                    self.fail(f"{path}.{role}", "a list")
                    continue
                for j, a in enumerate(refs_of_role):
                    self.agency_ref(f"{path}.{role}[{j}]", a, listed=True)
            dl = r.get("deadline")
            if dl is not None and not (
                isinstance(dl, str)
                and (_valid_month_day(dl) or _valid_date(dl) or bool(_DAY.match(dl)))
            ):
                self.fail(
                    f"{path}.deadline",
                    f"gMonthDay (--MM-DD), gDay (---DD), a date or null: {dl!r}",
                )
            if r.get("recurrence") not in RECURRENCES:
                self.fail(f"{path}.recurrence", f"not a recurrence: {r.get('recurrence')!r}")
            self.quote(f"{path}.evidence", r.get("evidence"))


def _bounds_fit(comp: Any, lo: Any, hi: Any) -> bool:
    numbers = all(v is None or isinstance(v, int | float) for v in (lo, hi))
    if not numbers:
        return True  # reported on its own
    if comp == "range":
        return lo is not None and hi is not None and lo <= hi
    if comp in ("exact", "about"):
        return lo is not None and lo == hi
    if comp in ("at_least", "more_than"):
        return lo is not None and hi is None
    if comp == "at_most":
        return hi is not None and lo is None
    return True


def _target_key(t: dict[str, Any]) -> str:
    from policykg.ingest.evaluate import target_key

    return target_key(t)


def check_gold(gold: dict[str, Any], text: str | None, *, source: str = "<gold>") -> list[Problem]:
    """The problems of one gold record checked against its source text (none: skip quotes)."""
    return _Checker(gold, text, source).run()


def _gold_files(paths: Iterable[Path]) -> Iterator[Path]:
    for p in paths:
        if p.is_dir():
            yield from sorted(p.glob("*.json"))
        else:
            yield p


def check_paths(paths: Iterable[str | Path], texts: Iterable[str | Path]) -> list[Problem]:
    """Check gold files (or folders of them); each source is looked up in ``texts`` folders."""
    folders = [Path(t) for t in texts]
    problems: list[Problem] = []
    for path in _gold_files(Path(p) for p in paths):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            problems.append(Problem(str(path), "$", f"not a readable JSON file: {exc}"))
            continue
        if not isinstance(gold, dict):
            problems.append(Problem(str(path), "$", "a gold file is a JSON object"))
            continue
        source = gold.get("source") or path.with_suffix(".txt").name
        if source != path.with_suffix(".txt").name and source != path.with_suffix(".md").name:
            problems.append(Problem(str(path), "source", f"names another file: {source!r}"))
        text_path = next((f / source for f in folders if (f / source).is_file()), None)
        if text_path is None:
            problems.append(Problem(str(path), "source", f"no text {source!r} in {folders}"))
            text = None
        else:
            text = text_path.read_text(encoding="utf-8")
        problems.extend(check_gold(gold, text, source=str(path)))
    return problems
