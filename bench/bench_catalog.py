"""The lookups' catalog after a write: a whole rebuild against the update in place.

    .venv/bin/python -m policykg.bench.bench_catalog --store bench/.work/store-10000 [--writes 3]

Builds the catalog of the store (every instrument and agency: what ``/documents`` and
``/agencies`` read) from scratch, then writes ``--writes`` new generated plans through
:meth:`Graph.write_graph` (the path of ``POST /documents``) and removes them again (``DELETE
/documents``), each time timing the write alone, the write with the catalog update, and the
next reader's ``catalog()``. The store ends as it was (the plans written are removed). CPU
time (``time.process_time``).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from policykg.bench.common import load
from policykg.bench.generate import generate_plan
from policykg.graph.lookups import Graph
from policykg.graph.store import EmbeddedStore
from policykg.load.documents import build_document
from policykg.ontology.iri import IriMinter


def _ms(started: float) -> float:
    return (time.process_time() - started) * 1000


def run(store_dir: Path, writes: int) -> list[str]:
    store = EmbeddedStore(store_dir)
    minter = IriMinter()
    graph = Graph(store, minter)
    started = time.process_time()
    cat = graph.catalog()
    lines = [
        f"catalog built whole: {_ms(started) / 1000:.2f} s CPU"
        f" ({len(cat.instruments)} instruments, {len(cat.agencies)} agencies)"
    ]
    with tempfile.TemporaryDirectory(prefix="policykg-bench-") as tmp:
        for i in range(writes):
            name, text = generate_plan(900_000 + i)
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            _, g, triples = build_document(path, minter)
            if store.has_graph(g):
                raise SystemExit(f"{g} is in the store already: use another store")
            started = time.process_time()
            store.replace_graph(g, triples)
            alone = _ms(started)
            store.drop_graph(g)
            graph.catalog()  # rebuilt: the two writes above did not go through write_graph
            started = time.process_time()
            graph.write_graph(g, lambda g=g, t=triples: store.replace_graph(g, t))  # type: ignore[misc]
            tracked = _ms(started)
            started = time.process_time()
            graph.catalog()
            reader = _ms(started)
            started = time.process_time()
            graph.write_graph(g, lambda g=g: store.drop_graph(g))  # type: ignore[misc]
            removed = _ms(started)
            lines.append(
                f"plan {i + 1}: write alone {alone:.0f} ms; write + catalog update {tracked:.0f}"
                f" ms; next catalog() {reader:.1f} ms; delete + update {removed:.0f} ms"
            )
    lines.append(f"load average {load()}")
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, required=True, help="an on-disk store (written)")
    parser.add_argument("--writes", type=int, default=3, help="plans written and removed")
    args = parser.parse_args(argv)
    for line in run(args.store, args.writes):
        print(line)


if __name__ == "__main__":
    main()
