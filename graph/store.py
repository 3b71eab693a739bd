"""The triple store behind policykg.

:class:`EmbeddedStore` wraps a pyoxigraph store on disk (or in memory for tests). Every
source document lives in its own named graph, and replacing that graph is one
transaction: a reader sees the old document or the new one, never half of either.

The SPARQL default graph seen by queries is the union of all named graphs unless a
dataset is given explicitly.
"""

from __future__ import annotations

import io
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg.graph.base import QueryHelpers
from policykg.graph.errors import QueryError, StoreError

log = logging.getLogger(__name__)

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Bindings = Mapping[str, Term]


class EmbeddedStore(QueryHelpers):
    """A pyoxigraph store. ``EmbeddedStore()`` is in memory; ``EmbeddedStore(path)`` on disk."""

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        #: Opened read-only: nothing writes through this object, so readers in other
        #: processes may open :attr:`path` read-only too (no snapshot needed).
        self.read_only = read_only and self.path is not None
        self._generation = 0
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
                self._recover_bulk_load()
        except OSError as exc:
            raise StoreError(f"cannot open the store at {self.path}: {exc}") from exc

    @property
    def generation(self) -> int:
        """A counter bumped by every write through this object (readers cache by it)."""
        return self._generation

    def mark_changed(self) -> None:
        """Record a write made through :attr:`raw` (bumps :attr:`generation`)."""
        self._generation += 1

    @property
    def raw(self) -> ox.Store:
        """The underlying :class:`pyoxigraph.Store`."""
        return self._store

    # --- writing -----------------------------------------------------------------------
    def replace_graph(self, graph: str, triples: Iterable[ox.Triple]) -> int:
        """Replace the named graph ``graph`` with ``triples`` in one transaction.

        Returns the number of distinct triples written. Either every triple is written and
        the old content removed, or (on any error) the store is left exactly as it was.
        The store's default graph, the set union of the managed graphs, is kept in step.
        """
        new = set(triples)
        g = ox.NamedNode(graph)
        failure = f"could not write graph {graph}"
        if not new or any(_has_blank(t) for t in new):
            self._run_update(replace_graph_update(graph, ntriples_body(new)), failure)
            return len(new)
        if not self._store.contains_named_graph(g):
            body = ox.serialize(new, format=ox.RdfFormat.N_TRIPLES) or b""
            self._load_new(g, body, failure)
            return len(new)
        # an existing graph: write only the difference, in one update (one transaction)
        old = {
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self._store.quads_for_pattern(None, None, None, g)
        }
        removed, added = old - new, new - old
        if removed or added:
            self._run_update(diff_graph_update(graph, removed, added), failure)
        return len(new)

    def load_graph(self, graph: str, ntriples: bytes) -> int:
        """:meth:`replace_graph` with the triples as an N-Triples document (one per line).

        The cheap way to hand a document built in another process to the store's writer:
        pickled :class:`pyoxigraph.Triple` objects cost ~20x more to send than their text.
        Returns the number of lines (triples) of ``ntriples``.
        """
        g = ox.NamedNode(graph)
        if b"_:" in ntriples or self._store.contains_named_graph(g):
            try:
                parsed = ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES)
                triples = [ox.Triple(q.subject, q.predicate, q.object) for q in parsed]
            except SyntaxError as exc:
                raise StoreError(f"could not read the triples of graph {graph}: {exc}") from exc
            return self.replace_graph(graph, triples)
        body = ntriples if ntriples.endswith(b"\n") or not ntriples else ntriples + b"\n"
        self._load_new(g, body, f"could not write graph {graph}")
        return body.count(b"\n")

    def _load_new(self, g: ox.NamedNode, body: bytes, failure: str) -> None:
        """Write a graph the store does not hold from its N-Triples ``body`` (no blank node).

        The graph's quads and their union copies are one N-Quads document, one transaction
        (Store.load): no SPARQL text to write and parse. N-Triples escapes line breaks inside
        literals, so " .\\n" only ends lines and the graph name goes right before it.
        """
        nquads = self._nquads(g, body)
        self._run(lambda: self._store.load(nquads, format=ox.RdfFormat.N_QUADS), failure)

    @staticmethod
    def _nquads(g: ox.NamedNode, body: bytes) -> bytes:
        """The N-Quads of a graph's N-Triples ``body``: its quads, then their union copies."""
        return body.replace(b" .\n", b" " + str(g).encode() + b" .\n") + body

    def load_graphs_bulk(self, graphs: Sequence[tuple[str, bytes]]) -> None:
        """Write several documents' graphs (N-Triples each) at once, for a first load.

        Graphs the store does not hold yet go in together with ``Store.bulk_load`` (no
        transaction: about five times less CPU per document than one :meth:`load_graph`
        each, at 20 documents a call, and less again in larger calls, which leave the
        database fewer files to merge), their N-Quads made one graph at a time while the
        store reads them; the others (and a graph named twice) through :meth:`load_graph`.
        Each document is still whole or absent after a crash: on disk, the names of the
        graphs being written are first put in a journal file (:data:`BULK_JOURNAL`,
        fsynced) that is removed once they are on disk; opening a store that still has it
        removes those graphs and the triples they left in the union
        (:meth:`_recover_bulk_load`). Readers in this process may see a batch half-written
        while the call runs: use it where nothing reads yet (a first load).
        """
        fresh: list[tuple[str, bytes]] = []
        later: list[tuple[str, bytes]] = []
        seen: set[str] = set()
        for graph, body in graphs:
            g = ox.NamedNode(graph)
            if graph in seen or b"_:" in body or self._store.contains_named_graph(g):
                later.append((graph, body))
            else:
                seen.add(graph)
                fresh.append((graph, body))
        if fresh and self.path is None:
            later = fresh + later
        elif fresh:
            assert self.path is not None
            journal = self.path / BULK_JOURNAL
            _write_durably(journal, "".join(g + "\n" for g, _ in fresh))
            # the N-Quads are made one graph at a time while the store reads them (a batch
            # of 64 MB of N-Triples is not copied twice more in memory)
            nquads = io.BufferedReader(_NQuadsReader(fresh), _READ_CHUNK)
            failure = f"could not write {len(fresh)} graphs"
            self._run(lambda: self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS), failure)
            self._store.flush()
            journal.unlink()
            _sync_dir(self.path)
        for graph, body in later:
            self.load_graph(graph, body)

    def _recover_bulk_load(self) -> None:
        """Undo a bulk load that did not finish (see :meth:`load_graphs_bulk`)."""
        assert self.path is not None
        journal = self.path / BULK_JOURNAL
        if not journal.exists():
            return
        graphs = [g for g in journal.read_text("utf-8").split("\n") if g]
        log.warning("%s: removing %d graphs of an unfinished bulk load", self.path, len(graphs))
        for graph in graphs:
            self._store.remove_graph(ox.NamedNode(graph))
        # the union copies no named graph holds any more (one scan of the default graph)
        self._store.update(
            "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
        )
        self._store.flush()
        journal.unlink()
        _sync_dir(self.path)

    def replace_graphs(self, graphs: Mapping[str, Sequence[ox.Triple]]) -> None:
        """Replace several named graphs in one transaction.

        Graphs the store does not hold yet are loaded as one N-Quads document
        (``Store.load``); graphs it holds get only their difference, in one update; a graph
        that is already as given is not written (reloading the vocabulary into a store that
        has it writes nothing). Both kinds at once, or blank nodes, go in one SPARQL update.
        """
        new = {
            g: {ox.Triple(t.subject, t.predicate, t.object) for t in ts} for g, ts in graphs.items()
        }
        failure = "could not write graphs"
        if any(_has_blank(t) for ts in new.values() for t in ts):
            self._replace_by_update(new, failure)
            return
        held = {g for g in new if self._store.contains_named_graph(ox.NamedNode(g))}
        if not held:
            body = b"".join(
                self._nquads(
                    ox.NamedNode(g), ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES) or b""
                )
                for g, ts in new.items()
                if ts
            )
            if body:
                self._run(lambda: self._store.load(body, format=ox.RdfFormat.N_QUADS), failure)
            return
        if held != set(new):
            self._replace_by_update(new, failure)
            return
        parts = []
        for graph, ts in new.items():
            g = ox.NamedNode(graph)
            old = {
                ox.Triple(q.subject, q.predicate, q.object)
                for q in self._store.quads_for_pattern(None, None, None, g)
            }
            removed, added = old - ts, ts - old
            if not ts:
                parts.append(replace_graph_update(graph, ""))
            elif removed or added:
                parts.append(diff_graph_update(graph, removed, added))
        if parts:
            self._run_update(" ;\n".join(parts), failure)

    def _replace_by_update(self, graphs: Mapping[str, set[ox.Triple]], failure: str) -> None:
        parts = [replace_graph_update(g, ntriples_body(t)) for g, t in graphs.items()]
        if parts:
            self._run_update(" ;\n".join(parts), failure)

    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph (and its triples from the union). Returns whether it existed."""
        existed = self.has_graph(graph)
        self._run_update(drop_graph_update(graph), f"could not drop graph {graph}")
        return existed

    def _run_update(self, update: str, failure: str) -> None:
        self._run(lambda: self._store.update(update), failure)

    def _run(self, write: Callable[[], None], failure: str) -> None:
        try:
            write()
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{failure}: {exc}") from exc
        finally:
            self._generation += 1

    def clear(self) -> None:
        self._store.clear()
        self._generation += 1

    def flush(self) -> None:
        if self.path is not None:
            self._store.flush()

    def optimize(self) -> None:
        """Compact the on-disk database after a bulk load (``Store.optimize``): the files a
        bulk load leaves make reads about 3x slower until compacted (measured: a whole-corpus
        query over 1,000 bulk-loaded plans 1.5 s of CPU before, 0.55 s after)."""
        if self.path is not None:
            self._run(self._store.optimize, "could not compact the store")

    # --- reading -----------------------------------------------------------------------
    def has_graph(self, graph: str) -> bool:
        g = ox.NamedNode(graph)
        return bool(self._store.query(f"ASK {{ GRAPH {g} {{ ?s ?p ?o }} }}"))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_triples(self, graph: str) -> list[ox.Triple]:
        g = ox.NamedNode(graph)
        return [
            ox.Triple(q.subject, q.predicate, q.object)
            for q in self._store.quads_for_pattern(None, None, None, g)
        ]

    def quads(self) -> Iterator[ox.Quad]:
        """Quads of the named graphs (the default graph is derived from them)."""
        return (q for q in self._store if not isinstance(q.graph_name, ox.DefaultGraph))

    def __len__(self) -> int:
        """Number of quads in the named graphs (the derived union is not counted)."""
        union = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(union, ox.QuerySolutions)
        n = next(iter(union))["n"]
        return len(self._store) - (int(n.value) if n is not None else 0)

    def is_empty(self) -> bool:
        return len(self._store) == 0

    def query(
        self,
        query: str,
        *,
        bindings: Bindings | None = None,
        default_graph: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query. Values in ``bindings`` are substituted, never formatted in.

        Without ``default_graph``, the default graph is the store's default graph: the set
        union of the document, ontology and reference graphs (see :func:`replace_graph_update`).
        """
        kwargs: dict[str, object] = {}
        if default_graph is not None:
            kwargs["default_graph"] = [_graph_term(g) for g in default_graph]
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if bindings:
            kwargs["substitutions"] = {ox.Variable(k): v for k, v in bindings.items()}
        try:
            return self._store.query(query, **kwargs)  # type: ignore[arg-type]
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from exc
        except RuntimeError as exc:  # e.g. a bound variable that is not projected
            raise QueryError(f"query cannot be run: {exc}") from exc

    def update(self, update: str) -> None:
        """Run a SPARQL update (internal use; the public endpoint is read-only)."""
        try:
            self._store.update(update)
        except SyntaxError as exc:
            raise QueryError(f"SPARQL syntax error: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"update failed: {exc}") from exc
        finally:
            self._generation += 1

    def dump_nquads(self) -> bytes:
        """The named graphs as N-Quads (the union default graph is derived, not dumped)."""
        return ox.serialize(self.quads(), format=ox.RdfFormat.N_QUADS) or b""


def _graph_term(g: str) -> ox.NamedNode | ox.DefaultGraph:
    return ox.DefaultGraph() if g == "" else ox.NamedNode(g)


def ntriples_body(triples: Iterable[ox.Triple]) -> str:
    """Distinct triples as sorted N-Triples lines (terms escaped by pyoxigraph)."""
    return "\n".join(sorted({f"{t.subject} {t.predicate} {t.object} ." for t in triples}))


def replace_graph_update(graph: str, body: str) -> str:
    """One SPARQL update that replaces ``graph`` with the N-Triples ``body``.

    The default graph holds the *set* union of the managed named graphs. (Engines' own
    "union default graph" modes, pyoxigraph's included, answer with one copy of a triple
    per graph that holds it, which inflates COUNT and joins; a materialized union does not.)
    The update first removes from the union the triples that only ``graph`` holds, then
    replaces the graph, then adds the new triples to the union. Run as one request it is
    one transaction on Oxigraph, Virtuoso and Jena alike.
    """
    return ";\n".join(
        [
            drop_graph_update(graph),
            f"INSERT DATA {{ GRAPH {ox.NamedNode(graph)} {{\n{body}\n}} }}",
            f"INSERT DATA {{\n{body}\n}}",
        ]
    )


#: In an on-disk store's folder while :meth:`EmbeddedStore.load_graphs_bulk` writes: the
#: IRIs of the graphs it is writing, one a line.
BULK_JOURNAL = "policykg-bulk-load.pending"


#: Bytes read at a time by ``Store.bulk_load`` from :class:`_NQuadsReader`.
_READ_CHUNK = 1 << 20


class _NQuadsReader(io.RawIOBase):
    """The N-Quads of new graphs, made while read: for each (graph, N-Triples body) the
    graph's quads, then the same triples for the union default graph (no blank node: the
    body's lines end in " .\\n" only at line ends, N-Triples escapes line breaks)."""

    def __init__(self, graphs: Iterable[tuple[str, bytes]]) -> None:
        super().__init__()
        self._parts = self._generate(graphs)
        self._buf = b""
        self._pos = 0

    @staticmethod
    def _generate(graphs: Iterable[tuple[str, bytes]]) -> Iterator[bytes]:
        for graph, body in graphs:
            body = body if body.endswith(b"\n") or not body else body + b"\n"
            yield body.replace(b" .\n", b" " + str(ox.NamedNode(graph)).encode() + b" .\n")
            yield body

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._pos >= len(self._buf):
            part = next(self._parts, None)
            if part is None:
                return 0
            self._buf, self._pos = part, 0
        n = min(len(buffer), len(self._buf) - self._pos)
        buffer[:n] = self._buf[self._pos : self._pos + n]
        self._pos += n
        return n


def _write_durably(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole (temporary file, fsync, rename, fsync the folder)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _has_blank(t: ox.Triple) -> bool:
    return isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)


def diff_graph_update(graph: str, removed: Iterable[ox.Triple], added: Iterable[ox.Triple]) -> str:
    """One SPARQL update that takes ``removed`` out of ``graph`` and puts ``added`` in.

    The union default graph is kept in step (see :func:`replace_graph_update`): a removed
    triple leaves it when no named graph holds it any more; an added one joins it. The
    triples hold no blank node (their terms are written in N-Triples syntax, also SPARQL's).
    """
    g = ox.NamedNode(graph)
    parts = []
    gone = ntriples_body(removed)
    if gone:
        rows = gone.replace(" .\n", " )\n(").removesuffix(" .")
        parts += [
            f"DELETE DATA {{ GRAPH {g} {{\n{gone}\n}} }}",
            f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES (?s ?p ?o) {{\n({rows} )\n}} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} }} }}",
        ]
    new = ntriples_body(added)
    if new:
        parts += [f"INSERT DATA {{ GRAPH {g} {{\n{new}\n}} }}", f"INSERT DATA {{\n{new}\n}}"]
    return " ;\n".join(parts)


def drop_graph_update(graph: str) -> str:
    """One SPARQL update that drops ``graph`` and the triples only it gave the union."""
    g = ox.NamedNode(graph)
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER(?other != {g}) }} }} ;\n"
        f"DROP SILENT GRAPH {g}"
    )
