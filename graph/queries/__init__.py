"""Named SPARQL queries: ``graph/queries/<name>.rq``, loaded, typed and run with bound values.

Each file starts with a header::

    # summary: Documents that implement an instrument ...
    # param: ?instrument IRI  the implemented instrument

then the ``PREFIX`` lines (each equal to :data:`policykg.ontology.iri.PREFIXES`) and one
standard SPARQL 1.1 query, runnable as-is in a SPARQL editor. Parameter types: ``IRI``,
``literal`` (plain string), ``string``, ``integer``, ``decimal``, ``boolean``, ``date``,
``gYear``. Values are bound through pyoxigraph substitutions, never formatted into the text;
every parameter is projected by the query (pyoxigraph requires it).

Paging: :func:`run_select_paged` takes ``limit`` and ``offset`` and appends ``LIMIT``/``OFFSET``
to the query (integers checked here, never text from a request), so a page follows the
query's ``ORDER BY``. ``ordered=False`` drops the query's final ``ORDER BY`` for callers that
index the rows themselves: on the on-disk store the sort of a whole-corpus list can cost more
than the rest of the query.

Sorted pages of whole-corpus lists: such a query picks its items in an inner sub-``SELECT``
ordered by a sort key stored inline (``pkg:taskKey`` etc., :mod:`policykg.ontology.order_keys`)
and fetches their details outside it. A line ``# page`` right after that inner ``ORDER BY``
marks where :func:`run_select_paged` puts ``LIMIT n`` with ``n`` a quarter more than
``offset + limit``: a page then costs one scan of the keys, a sort of integers and the
details of ``n`` items, instead of the details and a sort of every row. Most items give at
least one row; when too many give none and the page comes back short, the page is asked
again with eight times the items, then without the inner limit, so a page is always exact.
Every ``# page`` line gets the same limit: a list of several classes takes the first items
of each class (each sorted on its own key property), then the first items of their union.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pyoxigraph as ox

from policykg.graph.base import Store, Term
from policykg.graph.errors import QueryParameterError, UnknownQuery

XSD = "http://www.w3.org/2001/XMLSchema#"

#: Parameter type -> XSD datatype of its literal (``None``: an IRI or a plain literal).
PARAM_TYPES: dict[str, str | None] = {
    "IRI": None,
    "literal": None,
    "string": XSD + "string",
    "integer": XSD + "integer",
    "decimal": XSD + "decimal",
    "boolean": XSD + "boolean",
    "date": XSD + "date",
    "gYear": XSD + "gYear",
}

_PARAM = re.compile(r"^#\s*param:\s*\?(\w+)\s+(\S+)\s*(.*)$")
_SUMMARY = re.compile(r"^#\s*summary:\s*(.+)$")
_ORDER = re.compile(r"\n[ \t]*ORDER BY[^\n]*\s*$")
_LIMIT = re.compile(r"\b(LIMIT|OFFSET)\b", re.IGNORECASE)
#: The line that marks where the items of a page are limited (in an inner sub-SELECT).
_PAGE_MARK = re.compile(r"^[ \t]*# page[ \t]*$", re.MULTILINE)
#: The first try of a page asks for ``ITEM_MARGIN / 4`` times ``offset + limit`` items
#: (some items give no row: a province in ``agency_list``, a task without a theme).
ITEM_MARGIN = 5
#: How many times more items the second try of a short page asks for.
RETRY_FACTOR = 8
#: The largest page :func:`run_select_paged` asks for.
MAX_LIMIT = 10_000
#: The largest offset :func:`run_select_paged` accepts.
MAX_OFFSET = 10_000_000
#: The most items a page asks for (beyond it, the inner sub-SELECT is not limited).
MAX_ITEMS = (MAX_OFFSET + MAX_LIMIT) * ITEM_MARGIN * RETRY_FACTOR
#: Names a query parameter may not have (paging words of the API).
RESERVED = frozenset({"limit", "offset", "ordered"})
_FORM = re.compile(r"^\s*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE | re.MULTILINE)
_CHECKS: dict[str, re.Pattern[str]] = {
    "integer": re.compile(r"^[+-]?\d+$"),
    "decimal": re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$"),
    "boolean": re.compile(r"^(true|false)$"),
    "date": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "gYear": re.compile(r"^\d{4}$"),
}


@dataclass(frozen=True)
class Param:
    """A parameter of a named query."""

    name: str
    type: str
    description: str = ""


@dataclass(frozen=True)
class NamedQuery:
    """One ``.rq`` file."""

    name: str
    summary: str
    params: tuple[Param, ...]
    text: str
    form: str  # "select" | "ask" | "construct" | "describe"

    @property
    def pages_items(self) -> bool:
        """Whether the query marks an inner sub-SELECT of the page's items (``# page``)."""
        return _PAGE_MARK.search(self.text) is not None

    def bindings(self, values: Mapping[str, object]) -> dict[str, Term]:
        """Typed terms for ``values``; :class:`QueryParameterError` on a missing,
        unknown or ill-typed value."""
        known = {p.name for p in self.params}
        extra = sorted(set(values) - known)
        if extra:
            raise QueryParameterError(f"{self.name}: unknown parameter(s) {', '.join(extra)}")
        out: dict[str, Term] = {}
        for p in self.params:
            if p.name not in values or values[p.name] is None:
                raise QueryParameterError(f"{self.name}: missing parameter ?{p.name} ({p.type})")
            out[p.name] = _term(self.name, p, values[p.name])
        return out

    def page(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        ordered: bool = True,
        items: int | None = None,
    ) -> str:
        """The query text with ``LIMIT``/``OFFSET`` appended, or without its final
        ``ORDER BY`` (``ordered=False``); ``items`` limits the inner sub-SELECT marked
        ``# page`` to that many items (the caller makes sure they hold the page).
        :class:`QueryParameterError` on a bad number."""
        text = self.text
        if items is not None:
            if not self.pages_items:
                raise QueryParameterError(f"{self.name} has no '# page' line")
            if not _count(items, 1, MAX_ITEMS):
                raise QueryParameterError(f"{self.name}: items must be 1..{MAX_ITEMS}")
            text = _PAGE_MARK.sub(f"LIMIT {int(items)}", text)
        if not ordered:
            text = _ORDER.sub("\n", text)
        if limit is None and offset == 0:
            return text
        if self.form != "select":
            raise QueryParameterError(f"{self.name}: only a SELECT query can be paged")
        if _LIMIT.search(re.sub(r"(?m)#.*$", "", text).rsplit("}", 1)[-1]):
            raise QueryParameterError(f"{self.name} has its own LIMIT or OFFSET")
        if limit is not None and not _count(limit, 1, MAX_LIMIT):
            raise QueryParameterError(f"{self.name}: limit must be an integer 1..{MAX_LIMIT}")
        if not _count(offset, 0, MAX_OFFSET):
            raise QueryParameterError(f"{self.name}: offset must be an integer 0..{MAX_OFFSET}")
        if limit is not None:
            text += f"\nLIMIT {int(limit)}"
        if offset:
            text += f"\nOFFSET {int(offset)}"
        return text + "\n"


def _count(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _term(query: str, p: Param, value: object) -> Term:
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    text = ("true" if value else "false") if isinstance(value, bool) else str(value).strip()
    if p.type == "IRI":
        try:
            return ox.NamedNode(text)
        except ValueError as exc:
            raise QueryParameterError(f"{query}: ?{p.name} is not an IRI: {text!r}") from exc
    check = _CHECKS.get(p.type)
    if check is not None and not check.match(text):
        raise QueryParameterError(f"{query}: ?{p.name} is not a {p.type}: {text!r}")
    datatype = PARAM_TYPES[p.type]
    if datatype is None:
        return ox.Literal(text)
    return ox.Literal(text, datatype=ox.NamedNode(datatype))


def parse_query(name: str, text: str) -> NamedQuery:
    """Read the header of one named query."""
    summary = ""
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if m := _SUMMARY.match(line):
            summary = m.group(1).strip()
        elif m := _PARAM.match(line):
            ptype = m.group(2)
            if ptype not in PARAM_TYPES:
                raise ValueError(f"{name}.rq: unknown parameter type {ptype!r}")
            if m.group(1) in RESERVED:
                raise ValueError(f"{name}.rq: ?{m.group(1)} is reserved for paging")
            params.append(Param(m.group(1), ptype, m.group(3).strip()))
    form = _FORM.search(re.sub(r"(?m)^\s*(#|PREFIX|BASE).*$", "", text))
    if not summary or form is None:
        raise ValueError(f"{name}.rq: needs a '# summary:' line and a query form")
    return NamedQuery(name, summary, tuple(params), text, form.group(1).lower())


@lru_cache(maxsize=1)
def _load() -> dict[str, NamedQuery]:
    out: dict[str, NamedQuery] = {}
    folder = resources.files(__name__)
    for f in sorted(folder.iterdir(), key=lambda f: f.name):
        if f.is_file() and f.name.endswith(".rq"):
            name = f.name[: -len(".rq")]
            out[name] = parse_query(name, f.read_text(encoding="utf-8"))
    return out


def load_queries() -> dict[str, NamedQuery]:
    """All named queries by name (sorted)."""
    return dict(_load())


def get_query(name: str) -> NamedQuery:
    """One named query; :class:`UnknownQuery` if there is none of that name."""
    try:
        return _load()[name]
    except KeyError:
        raise UnknownQuery(f"no named query {name!r}") from None


def run_select(store: Store, name: str, **values: object) -> list[dict[str, Term]]:
    """Run a named SELECT query with bound values; rows as dicts."""
    return run_select_paged(store, name, values)


def run_select_paged(
    store: Store,
    name: str,
    values: Mapping[str, object],
    *,
    limit: int | None = None,
    offset: int = 0,
    ordered: bool = True,
) -> list[dict[str, Term]]:
    """Run a named SELECT query with bound ``values``: one page of the query's order
    (``limit``, ``offset``), or every row in the store's order (``ordered=False``: the
    query's final ``ORDER BY`` dropped, for callers that sort or index the rows).

    A query with a ``# page`` line gets the page's items first (``offset + limit`` of them,
    by key); a short answer is asked again with more items, then with all of them."""
    q = get_query(name)
    if q.form != "select":
        raise QueryParameterError(f"{name} is a {q.form} query, not a select")
    bindings = q.bindings(values)
    if limit is not None and ordered and q.pages_items and _count(limit, 1, MAX_LIMIT):
        if not _count(offset, 0, MAX_OFFSET):
            raise QueryParameterError(f"{name}: offset must be an integer 0..{MAX_OFFSET}")
        items = (offset + limit) * ITEM_MARGIN // 4 + 1
        for _ in range(2):
            text = q.page(limit=limit, offset=offset, ordered=ordered, items=items)
            rows = store.select(text, bindings=bindings)
            if len(rows) == limit:
                return rows
            items *= RETRY_FACTOR
    text = q.page(limit=limit, offset=offset, ordered=ordered)
    return store.select(text, bindings=bindings)


def run_construct(store: Store, name: str, **values: object) -> list[ox.Triple]:
    """Run a named CONSTRUCT/DESCRIBE query with bound values."""
    q = get_query(name)
    if q.form not in {"construct", "describe"}:
        raise QueryParameterError(f"{name} is a {q.form} query, not a construct")
    return store.construct(q.text, bindings=q.bindings(values))


def run_ask(store: Store, name: str, **values: object) -> bool:
    """Run a named ASK query with bound values."""
    q = get_query(name)
    if q.form != "ask":
        raise QueryParameterError(f"{name} is a {q.form} query, not an ask")
    return store.ask(q.text, bindings=q.bindings(values))
