"""Query benchmark: every named query on the embedded store and on rdflib, side by side.

The embedded store is the on-disk pyoxigraph store the ingest benchmark built (its default
graph is the materialized union of the document graphs). The baseline is what most Python
users would write: an rdflib ``Dataset(default_union=True)`` holding the same named graphs
(parsed from the store's N-Quads dump). Both run the same ``.rq`` text with the same bound
values (pyoxigraph ``substitutions``, rdflib ``initBindings``), example values as in
``tests/test_queries.py``, with the document and agency taken from the generated corpus.

Whole-corpus lists (:data:`WHOLE_CORPUS`) are measured as users wait for them: their first
page of :data:`PAGE` rows in the query's order, through
:func:`policykg.graph.queries.run_select_paged` (which picks the page's items first by their
sort key when the query marks it, see ``graph/queries/__init__.py``); rdflib runs the text of
that page's first try. Answers that grow with the corpus (:data:`GROWS`) are measured both
whole and as their first page (the API pages them). CPU time (``time.process_time``) is kept
beside the wall-clock time of every run.

Each query runs once to warm up, then repeatedly until ``repeat`` runs or ``budget``
seconds. rdflib runs are stopped by an alarm at ``rdflib_budget`` seconds per query and
reported as "> X s".
"""

from __future__ import annotations

import argparse
import json
import resource
import signal
import time
import warnings
from pathlib import Path
from types import FrameType
from typing import Any

import pyoxigraph as ox
import rdflib

from policykg.bench.common import load, percentile, run_child, table
from policykg.graph.queries import ITEM_MARGIN, NamedQuery, load_queries, run_select_paged
from policykg.graph.store import EmbeddedStore, Term
from policykg.ontology.iri import IriMinter

M = IriMinter()
Q1322 = "https://w3id.org/policykg/eli/vn/ttg/2020/qd/1322-qd-ttg"

#: Named queries that aggregate, pair agencies or follow chains (the "heavy" ones).
HEAVY = {
    "agency_role_counts", "agency_partners", "co_leads_by_theme", "citation_chain_in",
    "citation_chain_out", "citations_by_issuer", "plans_implementing",
    "plans_implementing_pm_decisions_by_year", "implemented_by_document", "agency_list",
    "document_list", "instrument_list", "task_list",
}  # fmt: skip

#: Named queries that list the whole corpus: benchmarked as their first page.
WHOLE_CORPUS = {
    "agency_list", "agency_role_counts", "document_list", "instrument_list", "network_agencies",
    "network_citation_edges", "network_instruments", "network_item_agencies",
    "network_item_themes", "network_part_of", "network_plans", "network_successions",
    "reporting_duties", "targets_after_period", "task_list",
}  # fmt: skip
#: Named queries whose answer grows with the corpus (an instrument cited by every plan):
#: measured whole and as their first page.
GROWS = {
    "citation_chain_in", "citation_edges_to", "co_leads_by_theme", "plans_implementing",
    "plans_implementing_pm_decisions_by_year", "reporting_to_agency", "targets_by_indicator",
    "targets_by_indicator_all_years",
}  # fmt: skip
#: Rows of the first page of a whole-corpus list.
PAGE = 50


def query_text(q: NamedQuery, *, page: bool | None = None) -> str:
    """The text benchmarked: the first page of a whole-corpus list (with its items limited
    as the first try of :func:`run_select_paged` does), else the whole query."""
    if page is None:
        page = q.name in WHOLE_CORPUS
    if not page:
        return q.text
    items = PAGE * ITEM_MARGIN // 4 + 1 if q.pages_items else None
    return q.page(limit=PAGE, items=items)


def examples(store: EmbeddedStore) -> dict[str, object]:
    """Example values of every parameter name, taken from the store where they vary."""
    rows = store.select(
        "PREFIX pkg: <https://w3id.org/policykg/ontology#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
        "SELECT ?doc ?province WHERE { ?doc pkg:sourceFile ?s ; pkg:province/skos:prefLabel"
        " ?province FILTER(STRSTARTS(?s, '00001_') && lang(?province) = 'vi') } LIMIT 1"
    )
    if rows:
        doc, province = rows[0]["doc"].value, rows[0]["province"].value
    else:  # the bundled corpus
        doc, province = (
            "https://w3id.org/policykg/eli/vn/tuyen-quang/2022/kh/60-kh-ubnd",
            "Tuyên Quang",
        )
    return {
        "doc": doc,
        "resource": doc,
        "instrument": Q1322,
        "theme": M.concept("theme", "training"),
        "indicator": M.concept("indicator", "experts_certified"),
        "dueYear": 2025,
        "recipient": M.agency("bo_khcn", "national"),
        "agency": M.agency("so_khcn", province),
        "issuer": M.agency("thu_tuong", "national"),
        "year": 2020,
        "scheme": M.scheme("theme"),
    }


class StoreWithoutKeys(SystemExit):
    """The store was built before the sort keys: its whole-corpus lists answer empty."""


def check_keys(store: EmbeddedStore) -> int:
    """The number of ingested plans; :class:`StoreWithoutKeys` if they have no sort keys
    (``policykg.ontology.order_keys``): the lists would answer empty and fast."""
    pkg = "PREFIX pkg: <https://w3id.org/policykg/ontology#>\n"
    rows = store.select(pkg + "SELECT (COUNT(*) AS ?n) WHERE { ?d pkg:sourceFile ?s }")
    plans = int(rows[0]["n"].value) if rows else 0
    if plans and not store.ask(pkg + "ASK { ?d pkg:planKey ?k }"):
        raise StoreWithoutKeys(
            f"the store has {plans} plans without sort keys (built before them): run"
            " `policykg upgrade --data-dir STORE`, or remove it so that the benchmark builds it"
        )
    return plans


def _rdflib_term(term: Term) -> rdflib.term.Identifier:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    return rdflib.BNode(term.value)


class _Alarm(Exception):
    pass


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    raise _Alarm


def _time_runs(
    fn: Any, repeat: int, budget: float, cpu: list[float] | None = None
) -> tuple[list[float], int]:
    """Latencies (s) of up to ``repeat`` runs within ``budget`` s after one warm-up run
    (their CPU times appended to ``cpu`` when given)."""
    count = fn()
    times: list[float] = []
    started = time.perf_counter()
    while len(times) < repeat and time.perf_counter() - started < budget:
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        times.append(time.perf_counter() - t0)
        if cpu is not None:
            cpu.append(time.process_time() - c0)
    return times, count


def bench_store(
    store_dir: Path, repeat: int, budget: float, names: set[str] | None = None
) -> dict[str, Any]:
    store = EmbeddedStore(store_dir, read_only=True)
    plans = check_keys(store)
    values = examples(store)
    queries = {k: v for k, v in load_queries().items() if names is None or k in names}
    out: dict[str, Any] = {
        "examples": {k: str(v) for k, v in values.items()},
        "queries": {},
        "plans": plans,
    }
    for name, q in queries.items():
        params = {p.name: values[p.name] for p in q.params}
        bindings = q.bindings(params)

        def run(q: Any = q, bindings: dict[str, Term] = bindings) -> int:
            result = store.query(q.text, bindings=bindings)
            return sum(1 for _ in result) if not isinstance(result, ox.QueryBoolean) else 1

        def page(q: Any = q, params: dict[str, object] = params) -> int:
            return len(run_select_paged(store, q.name, params, limit=PAGE))

        cpu: list[float] = []
        times, rows = _time_runs(page if name in WHOLE_CORPUS else run, repeat, budget, cpu)
        res: dict[str, Any] = {"times": times, "rows": rows, "cpu": cpu}
        if name in GROWS:
            page_cpu: list[float] = []
            res["page_times"], res["page_rows"] = _time_runs(page, repeat, budget, page_cpu)
            res["page_cpu"] = page_cpu
        out["queries"][name] = res
    out["quads"] = len(store)
    return out


def bench_rdflib(
    store_dir: Path,
    repeat: int,
    budget: float,
    per_query: float,
    max_quads: int | None = None,
    names: set[str] | None = None,
) -> dict[str, Any]:
    """The named queries on rdflib (skipped above ``max_quads`` quads: too slow to load)."""
    with warnings.catch_warnings():  # rdflib 7 warns about its own Dataset internals
        warnings.simplefilter("ignore", DeprecationWarning)
        return _bench_rdflib(store_dir, repeat, budget, per_query, max_quads, names)


def _bench_rdflib(
    store_dir: Path,
    repeat: int,
    budget: float,
    per_query: float,
    max_quads: int | None,
    names: set[str] | None,
) -> dict[str, Any]:
    store = EmbeddedStore(store_dir, read_only=True)
    values = examples(store)
    quads = len(store)
    if max_quads is not None and quads > max_quads:
        return {"skipped": quads, "queries": {}}
    data = store.dump_nquads()
    del store
    t0 = time.perf_counter()
    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=data, format="nquads")
    load_s = time.perf_counter() - t0
    del data
    signal.signal(signal.SIGALRM, _on_alarm)
    out: dict[str, Any] = {"load_s": load_s, "triples": len(ds), "queries": {}}
    queries = {k: v for k, v in load_queries().items() if names is None or k in names}
    for name, q in queries.items():
        bindings = q.bindings({p.name: values[p.name] for p in q.params})
        init = {k: _rdflib_term(v) for k, v in bindings.items()}

        def run(q: Any = q, init: dict[str, Any] = init) -> int:
            result = ds.query(query_text(q), initBindings=init)
            return len(list(result)) if result.type != "ASK" else 1

        signal.setitimer(signal.ITIMER_REAL, per_query)
        try:
            times, rows = _time_runs(run, repeat, budget)
            out["queries"][name] = {"times": times, "rows": rows}
        except _Alarm:
            out["queries"][name] = {"timeout": per_query}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    out["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def run(
    store_dirs: dict[int, Path],
    *,
    repeat: int = 30,
    budget: float = 3.0,
    rdflib_repeat: int = 5,
    rdflib_budget: float = 20.0,
    rdflib_max_quads: int = 3_000_000,
    names: set[str] | None = None,
) -> dict[str, Any]:
    results = {}
    for n, path in store_dirs.items():
        only = ["--only", ",".join(sorted(names))] if names else []
        common = [*only, "--store", str(path), "--repeat"]
        ox_res = run_child(
            "policykg.bench.bench_queries",
            ["--child", "oxigraph", *common, str(repeat), "--budget", str(budget)],
        )
        rl_res = run_child(
            "policykg.bench.bench_queries",
            ["--child", "rdflib", *common, str(rdflib_repeat), "--budget", str(rdflib_budget),
             "--per-query", str(rdflib_budget), "--max-quads", str(rdflib_max_quads)],
        )  # fmt: skip
        results[str(n)] = {"oxigraph": ox_res, "rdflib": rl_res, "load": load()}
    return {"queries": results}


def render(data: dict[str, Any]) -> str:
    parts = []
    lower: dict[str, Any] = {}  # rdflib at the largest size it was run at: a lower bound
    for n, res in data["queries"].items():
        ox_q, rl = res["oxigraph"]["queries"], res["rdflib"]
        bound = ""
        if "skipped" in rl:
            rl, bound = dict(lower), "≥ "
        else:
            lower = rl
        rows = []
        for name in sorted(ox_q):
            o = ox_q[name]
            p50, p95 = percentile(o["times"], 50) * 1000, percentile(o["times"], 95) * 1000
            r = rl.get("queries", {}).get(name, {})
            if "timeout" in r:
                rl50 = f"> {r['timeout']:g} s"
                ratio = f"> {r['timeout'] * 1000 / max(p50, 1e-3):,.0f}×"
                rl_rows = "-"
            elif not r:
                rl50, ratio, rl_rows = "-", "-", "-"
            else:
                r50 = percentile(r.get("times", []), 50) * 1000
                rl50, ratio = f"{bound}{r50:,.1f}", f"{bound}{r50 / max(p50, 1e-3):,.1f}×"
                rl_rows = "-" if bound else str(r.get("rows", "-"))
            cpu50 = percentile(o["cpu"], 50) * 1000 if o.get("cpu") else None
            rows.append(
                [
                    name + (" *" if name in HEAVY else "") + (" ‡" if name in WHOLE_CORPUS else ""),
                    o["rows"],
                    round(p50, 2),
                    round(p95, 2),
                    "-" if cpu50 is None else round(cpu50, 2),
                    rl50,
                    ratio,
                    "" if rl_rows in ("-", str(o["rows"])) else f"rdflib {rl_rows} rows",
                ]
            )
            if o.get("page_times"):
                pp50 = percentile(o["page_times"], 50) * 1000
                pc50 = percentile(o["page_cpu"], 50) * 1000 if o.get("page_cpu") else None
                rows.append(
                    [
                        f"{name} (first {PAGE})",
                        o["page_rows"],
                        round(pp50, 2),
                        round(percentile(o["page_times"], 95) * 1000, 2),
                        "-" if pc50 is None else round(pc50, 2),
                        "-",
                        "-",
                        "the API's first page of the answer above",
                    ]
                )
        if bound and rl:
            rl_note = (
                f"rdflib not loaded ({res['rdflib']['skipped']:,} quads): its times at the"
                " largest size it ran are shown as lower bounds (≥)"
            )
        elif bound:
            rl_note = f"rdflib not loaded ({res['rdflib']['skipped']:,} quads)"
        else:
            rl_note = (
                f"rdflib loaded {rl['triples']:,} triples in {rl['load_s']:.0f} s, peak RSS"
                f" {rl['maxrss_mb']:,.0f} MB"
            )
        plans = int(n) or res["oxigraph"].get("plans", 0)
        head = (
            f"**{plans:,} plans** ({res['oxigraph']['quads']:,} quads in the named graphs;"
            f" {rl_note}; load avg {res['load']})"
        )
        parts.append(
            head
            + "\n\n"
            + table(
                [
                    f"query (* heavy, ‡ first page of {PAGE})",
                    "rows",
                    "p50 ms",
                    "p95 ms",
                    "CPU p50 ms",
                    "rdflib p50 ms",
                    "ratio",
                    "note",
                ],
                rows,
            )
        )
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="named query benchmark")
    parser.add_argument("--child", choices=["oxigraph", "rdflib"])
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--budget", type=float, default=3.0)
    parser.add_argument("--per-query", type=float, default=20.0)
    parser.add_argument("--max-quads", type=int, default=3_000_000)
    parser.add_argument("--only", default=None, help="comma-separated query names")
    parser.add_argument("--no-rdflib", action="store_true", help="the embedded store only")
    args = parser.parse_args(argv)
    names = set(args.only.split(",")) if args.only else None
    if args.child == "oxigraph":
        print(json.dumps(bench_store(args.store, args.repeat, args.budget, names)))
    elif args.child == "rdflib":
        res = bench_rdflib(
            args.store, args.repeat, args.budget, args.per_query, args.max_quads, names
        )
        print(json.dumps(res))
    else:  # an existing store (opened read-only), e.g. bench/.work/store-10000
        data = run(
            {0: args.store},
            repeat=args.repeat,
            budget=args.budget,
            rdflib_budget=args.per_query,
            rdflib_max_quads=0 if args.no_rdflib else args.max_quads,
            names=names,
        )
        print(render(data))


if __name__ == "__main__":
    main()
