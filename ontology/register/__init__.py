"""The register of state bodies: tables a reviewer can read and diff.

Four tab-separated tables in this folder (``README.md`` describes every column):

* ``bodies.tsv``: one row per body, or per kind of provincial body (a department, the
  police, the party committee, ...): its code (the agency kind of ``SCHEMA.md`` where it has
  one), level, names and abbreviations, the period it existed and its legal source;
* ``provinces.tsv``: the 63 provinces and centrally governed cities before 1 July 2025 and
  the unit each belongs to after;
* ``changes.tsv``: one row per change (merger, renaming, split) with its date and source;
  a row may stand for the same change in every province;
* ``sources.tsv``: the legal acts and pages the other tables cite, by key.

:func:`register` reads them; :func:`problems` lists every row that is not well formed.
``python -m policykg.ontology.build_reference`` builds the agency kinds
(``ontology/agency-kinds.ttl``) and the reference bodies and changes
(``ontology/reference/agencies.ttl``) from them.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = [
    "LEVELS",
    "NOT_FOUND",
    "SCOPES",
    "Body",
    "Change",
    "Province",
    "Register",
    "Source",
    "problems",
    "register",
]

#: What a row says when no source could be found for it.
NOT_FOUND = "source not found"
LEVELS = ("national", "provincial", "collective", "international", "other")
#: How a change applies: to national bodies, in every pre-2025 province, from every
#: province into the unit it belongs to after 1 July 2025, to every provincial body of
#: the merged provinces, or to the provinces themselves.
SCOPES = ("national", "province", "province→new unit", "merger", "provinces")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_CODE = re.compile(r"[a-z][a-z0-9_]*")


def _split(value: str, sep: str = "|") -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(sep) if v.strip())


@dataclass(frozen=True)
class Body:
    """One row of ``bodies.tsv``."""

    code: str
    level: str
    type: str
    schema: str  # "first" / "beyond": a code of SCHEMA.md (which table); "" register only
    name_vi: str
    name_en: str
    abbreviations: tuple[str, ...]
    variants: tuple[str, ...]
    city_variants: tuple[str, ...]  # names used in the centrally governed cities
    start: str  # ISO date or year, "" when before the register's reach
    end: str  # ISO date or year, "" while it exists
    where: str  # provincial kinds: "every" province or "some"
    parent: str
    sources: tuple[str, ...]  # keys of sources.tsv, or NOT_FOUND / "n/a (...)"
    note: str
    definition_vi: str
    definition_en: str

    def exists_on(self, date: str) -> bool:
        """Did the body exist on ``date`` (ISO)? Years compare as their first day."""
        return (not self.start or self.start <= date) and (not self.end or self.end > date)


@dataclass(frozen=True)
class Province:
    """One row of ``provinces.tsv``: a province or city before 1 July 2025."""

    name: str
    kind: str  # "tỉnh" or "thành phố"
    alt_names: tuple[str, ...]
    after: str  # the unit it belongs to from 1 July 2025 (itself when unchanged)
    sources: tuple[str, ...]
    note: str

    @property
    def is_city(self) -> bool:
        return self.kind == "thành phố"


@dataclass(frozen=True)
class Change:
    """One row of ``changes.tsv``."""

    id: str
    event: str  # first segment of the event IRI (the act's slug)
    key: str  # last segment of the event IRI, default the resulting code
    date: str
    scope: str
    before: tuple[str, ...]
    after: str
    transfers: tuple[str, ...]  # bodies that took over part of the functions
    sources: tuple[str, ...]
    note_vi: str
    note_en: str


@dataclass(frozen=True)
class Source:
    """One row of ``sources.tsv``: an act (kind and number when it is an instrument) or a page."""

    key: str
    act: str
    kind: str
    number: str
    date: str
    in_force: str
    issuer: str
    title: str
    urls: tuple[str, ...]
    note: str

    @property
    def is_instrument(self) -> bool:
        return bool(self.kind and self.number)


@dataclass(frozen=True)
class Register:
    bodies: dict[str, Body]
    provinces: dict[str, Province]
    changes: tuple[Change, ...]
    sources: dict[str, Source]

    def new_unit(self, province: str) -> str:
        return self.provinces[province].after

    def mergers(self) -> list[tuple[list[str], str]]:
        """Each merged unit of 1 July 2025: (the provinces merged, in table order, the unit)."""
        groups: dict[str, list[str]] = {}
        for p in self.provinces.values():
            groups.setdefault(p.after, []).append(p.name)
        return [(members, unit) for unit, members in groups.items() if len(members) > 1]

    def unchanged(self) -> list[str]:
        groups: dict[str, list[str]] = {}
        for p in self.provinces.values():
            groups.setdefault(p.after, []).append(p.name)
        return [unit for unit, members in groups.items() if members == [unit]]


def _rows(name: str) -> list[dict[str, str]]:
    text = (resources.files(__name__) / name).read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


@lru_cache(maxsize=1)
def register() -> Register:
    """The four tables, parsed (cached)."""
    bodies = {
        r["code"]: Body(
            code=r["code"],
            level=r["level"],
            type=r["type"],
            schema=r["schema"],
            name_vi=r["name_vi"],
            name_en=r["name_en"],
            abbreviations=_split(r["abbreviations"]),
            variants=_split(r["variants"]),
            city_variants=_split(r["city_variants"]),
            start=r["from"],
            end=r["until"],
            where=r["where"],
            parent=r["parent"],
            sources=_sources(r["source"]),
            note=r["note"],
            definition_vi=r["definition_vi"],
            definition_en=r["definition_en"],
        )
        for r in _rows("bodies.tsv")
    }
    provinces = {
        r["name"]: Province(
            name=r["name"],
            kind=r["kind"],
            alt_names=_split(r["alt_names"]),
            after=r["from_2025_07_01"],
            sources=_sources(r["source"]),
            note=r["note"],
        )
        for r in _rows("provinces.tsv")
    }
    changes = tuple(
        Change(
            id=r["id"],
            event=r["event"],
            key=r["key"],
            date=r["date"],
            scope=r["scope"],
            before=_split(r["before"], " "),
            after=r["after"],
            transfers=_split(r["transfers"], " "),
            sources=_sources(r["source"]),
            note_vi=r["note_vi"],
            note_en=r["note_en"],
        )
        for r in _rows("changes.tsv")
    )
    sources = {
        r["key"]: Source(
            key=r["key"],
            act=r["act"],
            kind=r["kind"],
            number=r["number"],
            date=r["date"],
            in_force=r["in_force"],
            issuer=r["issuer"],
            title=r["title"],
            urls=_split(r["urls"]),
            note=r["note"],
        )
        for r in _rows("sources.tsv")
    }
    return Register(bodies, provinces, changes, sources)


def _sources(value: str) -> tuple[str, ...]:
    """Source keys separated by spaces; a row without a found source says so in words."""
    if value == NOT_FOUND or value.startswith("n/a"):
        return (value,)
    return _split(value, " ")


def problems(reg: Register, *, known_sources: Iterable[str] = ()) -> list[str]:
    """Every malformed row: codes unique and well formed, levels known, dates ISO, sources
    present and known, parents, successors and changed bodies in the register.

    ``known_sources`` are further keys a row may cite (the instruments of
    ``build_reference``)."""
    out: list[str] = []
    keys = set(reg.sources) | set(known_sources)
    codes = [r["code"] for r in _rows("bodies.tsv")]
    out += [f"bodies: code {c!r} twice" for c in sorted({c for c in codes if codes.count(c) > 1})]

    def check_sources(where: str, sources: tuple[str, ...]) -> None:
        if not sources:
            out.append(f"{where}: no source (write {NOT_FOUND!r} when none was found)")
        for s in sources:
            if s != NOT_FOUND and not s.startswith("n/a") and s not in keys:
                out.append(f"{where}: unknown source {s!r}")

    def check_date(where: str, value: str, *, required: bool = False) -> None:
        if (value or required) and not _DATE.fullmatch(value):
            out.append(f"{where}: {value!r} is not an ISO date or year")

    for b in reg.bodies.values():
        where = f"bodies {b.code}"
        if not _CODE.fullmatch(b.code):
            out.append(f"{where}: code is not lower-case snake case")
        if b.level not in LEVELS:
            out.append(f"{where}: level {b.level!r}")
        if b.schema not in ("", "first", "beyond"):
            out.append(f"{where}: schema {b.schema!r}")
        if not b.name_vi or not b.name_en:
            out.append(f"{where}: a name is missing")
        if b.level in ("provincial", "collective") and b.where not in ("every", "some"):
            out.append(f"{where}: where {b.where!r} (every / some)")
        check_date(where, b.start)
        check_date(where, b.end)
        if b.start and b.end and b.start >= b.end:
            out.append(f"{where}: ends before it starts")
        if b.parent and b.parent not in reg.bodies:
            out.append(f"{where}: parent {b.parent!r} not in the register")
        check_sources(where, b.sources)
    for p in reg.provinces.values():
        where = f"provinces {p.name}"
        if p.kind not in ("tỉnh", "thành phố"):
            out.append(f"{where}: kind {p.kind!r}")
        if p.after not in reg.provinces or reg.provinces[p.after].after != p.after:
            out.append(f"{where}: {p.after!r} is not a province that continues")
        check_sources(where, p.sources)
    ids = [c.id for c in reg.changes]
    out += [f"changes: id {i!r} twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    for c in reg.changes:
        where = f"changes {c.id}"
        if c.scope not in SCOPES:
            out.append(f"{where}: scope {c.scope!r}")
        check_date(where, c.date)
        wild = c.scope in ("merger", "provinces")
        named = [*c.before, *([c.after] if c.after else []), *c.transfers]
        for code in named if not wild else []:
            if code not in reg.bodies:
                out.append(f"{where}: {code!r} not in the register")
        if not wild and not c.before:
            out.append(f"{where}: no body before the change")
        if not wild and not c.after and not c.transfers:
            out.append(f"{where}: no successor")
        if c.after and c.after in reg.bodies and c.date:
            succ = reg.bodies[c.after]
            if succ.end and succ.end <= c.date:
                out.append(f"{where}: the successor {c.after} had ended by {c.date}")
        for code in c.before if not wild else ():
            body = reg.bodies.get(code)
            if body and code != c.after and c.date and body.end and body.end[:4] != c.date[:4]:
                out.append(f"{where}: {code} ends {body.end}, not in the year of the change")
        check_sources(where, c.sources)
    for s in reg.sources.values():
        where = f"sources {s.key}"
        if not s.act:
            out.append(f"{where}: no act or title")
        check_date(where, s.date)
        check_date(where, s.in_force)
        if s.is_instrument and not s.date:
            out.append(f"{where}: an instrument without a date")
        if not s.urls and s.key != "restructuring_2025" and not s.note:
            out.append(f"{where}: no page and no note")
    return out
