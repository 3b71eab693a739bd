"""The policykg command line, run in-process with Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ServerPool, free_port
from typer.testing import CliRunner

from policykg import bundled_corpus
from policykg.api.settings import Settings
from policykg.cli.main import app
from policykg.cli.store import prepare_store
from policykg.graph.base import Store
from policykg.graph.dataset import document_graphs
from policykg.graph.remote import RemoteStore
from policykg.ontology.iri import IriMinter

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "data"
    result = runner.invoke(app, ["ingest", str(bundled_corpus()), "--data-dir", str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_ingest_prints_a_line_per_file(data_dir: Path) -> None:
    result = runner.invoke(app, ["ingest", str(bundled_corpus()), "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    lines = [ln for ln in result.stdout.splitlines() if ln.startswith("unchanged")]
    assert len(lines) == 5
    assert "5 ingested or unchanged, 0 failed" in result.stdout


def test_stats(data_dir: Path) -> None:
    result = runner.invoke(app, ["stats", "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    counts = dict(line.split() for line in result.stdout.splitlines())
    assert counts["documents"] == "5"
    assert int(counts["triples"]) > 1000


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_query_formats(data_dir: Path, fmt: str) -> None:
    q = "SELECT ?n WHERE { ?d eli:number ?n } ORDER BY ?n LIMIT 500"
    result = runner.invoke(app, ["query", q, "--data-dir", str(data_dir), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "1322/QĐ-TTg" in result.stdout
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert {"n": "1322/QĐ-TTg"} in rows
    if fmt == "csv":
        assert result.stdout.splitlines()[0] == "n"


def test_query_from_file_and_ask(data_dir: Path, tmp_path: Path) -> None:
    qfile = tmp_path / "q.rq"
    qfile.write_text('ASK { ?d eli:number "60/KH-UBND" }', encoding="utf-8")
    result = runner.invoke(app, ["query", str(qfile), "--data-dir", str(data_dir)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "True"


def test_query_syntax_error_is_one_line(data_dir: Path) -> None:
    result = runner.invoke(app, ["query", "SELEC nothing", "--data-dir", str(data_dir)])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1


def test_query_without_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "ASK {}", "--data-dir", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert "no store at" in result.stderr


def test_ingest_bad_file_fails_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(bad), "--data-dir", str(tmp_path / "d")])
    assert result.exit_code == 1
    assert "empty.txt" in result.stdout
    assert "0 ingested or unchanged, 1 failed" in result.stdout


def test_bulk_ingest_gives_the_same_store(data_dir: Path, tmp_path: Path) -> None:
    """``ingest --bulk`` writes the same quads as one transaction per document; a bad file
    among the good ones is reported and the others still go in."""
    corpus = tmp_path / "plans"
    corpus.mkdir()
    for plan in sorted(bundled_corpus().glob("*.txt")):
        (corpus / plan.name).write_bytes(plan.read_bytes())
    (corpus / "a-empty.txt").write_text("", encoding="utf-8")
    bulk_dir = tmp_path / "bulk"
    result = runner.invoke(app, ["ingest", str(corpus), "--data-dir", str(bulk_dir), "--bulk"])
    assert result.exit_code == 1, result.output
    assert "5 ingested or unchanged, 1 failed" in result.stdout
    assert "a-empty.txt" in result.stdout
    settings = Settings.from_env({})
    stores = []
    for path in (data_dir, bulk_dir):
        store = Settings.from_env({}, data_dir=path).open_store(read_only=True)
        stores.append(sorted(store.dump_nquads().splitlines()))
        assert len(document_graphs(store, IriMinter(settings.base_iri))) == 5
    assert stores[0] == stores[1]


def test_extract_json_has_the_gold_shape() -> None:
    plan = sorted(bundled_corpus().glob("tuyen-quang*.txt"))[0]
    result = runner.invoke(app, ["extract", str(plan), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert set(record) == {
        "source",
        "document",
        "citations",
        "agencies",
        "tasks",
        "targets",
        "reporting",
    }
    assert record["document"]["number"] == "60/KH-UBND"
    assert not any(k.startswith("_") for k in record["document"])


def test_extract_turtle() -> None:
    plan = sorted(bundled_corpus().glob("tuyen-quang*.txt"))[0]
    result = runner.invoke(app, ["extract", str(plan), "--format", "turtle"])
    assert result.exit_code == 0, result.output
    assert "@prefix eli:" in result.stdout and "60/KH-UBND" in result.stdout


def test_eval_prints_scores() -> None:
    result = runner.invoke(app, ["eval"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    print(out)
    # a table per set, then F1 per set and over all of them
    assert "== bundled: 5 documents" in out and "== dev: " in out and "== overall" in out
    assert "all sets" in out and "citations" in out


def test_eval_one_set_as_json() -> None:
    result = runner.invoke(app, ["eval", "--set", "bundled", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert list(report["sets"]) == ["bundled"]
    assert len(report["sets"]["bundled"]["plans"]) == 5
    assert report["overall"] == report["sets"]["bundled"]["overall"]


def test_eval_refuses_an_unknown_set() -> None:
    result = runner.invoke(app, ["eval", "--set", "nope"])
    assert result.exit_code == 2
    assert "bundled" in result.output and "dev" in result.output


def test_goldcheck_passes_every_gold_file() -> None:
    result = runner.invoke(app, ["goldcheck"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith("ok")


def test_goldcheck_names_file_and_place(tmp_path: Path) -> None:
    gold = json.loads((ROOT / "tests" / "gold" / "nam-dinh_kh-ubnd_2023.json").read_text("utf-8"))
    gold["citations"][0]["evidence"] = "Căn cứ một văn bản không có trong kế hoạch"
    bad = tmp_path / "nam-dinh_kh-ubnd_2023.json"
    bad.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = runner.invoke(app, ["goldcheck", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}: citations[0].evidence: not verbatim" in result.output


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    for command in ["ingest", "serve", "query", "stats", "extract", "eval", "goldcheck"]:
        assert command in result.stdout


# --- the store named by the settings: embedded or remote -----------------------------------


def _store_args(backend: str, server_pool: ServerPool, tmp_path: Path) -> list[str]:
    """CLI options naming the test's store: a data folder or a server's endpoints."""
    if backend == "embedded":
        return ["--data-dir", str(tmp_path / "data")]
    server = server_pool.get(backend, "scratch")
    return ["--sparql-url", server.query_url, "--update-url", server.update_url]


@pytest.mark.backends
def test_ingest_stats_and_query_on_every_backend(
    backend: str, fresh_store: Store, server_pool: ServerPool, data_dir: Path, tmp_path: Path
) -> None:
    """The same commands, the same answers: embedded (--data-dir) or remote (--sparql-url)."""
    args = _store_args(backend, server_pool, tmp_path)
    first = runner.invoke(app, ["ingest", str(bundled_corpus()), *args])
    assert first.exit_code == 0, first.output
    assert sum(ln.startswith("ingested") for ln in first.stdout.splitlines()) == 5
    again = runner.invoke(app, ["ingest", str(bundled_corpus()), *args])
    assert sum(ln.startswith("unchanged") for ln in again.stdout.splitlines()) == 5

    read_args = args[:2]  # reading needs no update URL
    stats = runner.invoke(app, ["stats", *read_args])
    assert stats.exit_code == 0, stats.output
    reference = runner.invoke(app, ["stats", "--data-dir", str(data_dir)])
    assert stats.stdout == reference.stdout  # equal counts on every backend

    q = "SELECT DISTINCT ?n WHERE { ?d eli:number ?n } ORDER BY ?n"
    got = runner.invoke(app, ["query", q, *read_args, "--format", "json"])
    want = runner.invoke(app, ["query", q, "--data-dir", str(data_dir), "--format", "json"])
    assert got.exit_code == 0, got.output
    assert json.loads(got.stdout) == json.loads(want.stdout)


@pytest.mark.backends
def test_serve_loads_the_corpus_only_into_a_store_without_documents(
    backend: str, fresh_store: Store, minter: IriMinter, tmp_path: Path
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    if isinstance(fresh_store, RemoteStore):
        settings = Settings(
            sparql_query_url=fresh_store.query_url, sparql_update_url=fresh_store.update_url
        )
    prepare_store(fresh_store, settings, corpus=True)
    documents = document_graphs(fresh_store, minter)
    assert len(documents) == 5
    fresh_store.drop_graph(documents[0])
    prepare_store(fresh_store, settings, corpus=True)  # documents present: left alone
    assert document_graphs(fresh_store, minter) == documents[1:]


def test_an_unreachable_remote_store_is_one_line_naming_it() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    for command in (["stats"], ["query", "ASK {}"], ["ingest", str(bundled_corpus())]):
        args = [*command, "--sparql-url", url]
        if command[0] == "ingest":
            args += ["--update-url", url]
        result = runner.invoke(app, args, env={"POLICYKG_STORE_RETRIES": "0"})
        assert result.exit_code == 1, (command, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and url in lines[0], lines


def test_a_read_only_remote_store_refuses_ingest() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    result = runner.invoke(app, ["ingest", str(bundled_corpus()), "--sparql-url", url])
    assert result.exit_code == 1
    assert "read-only" in result.stderr and url in result.stderr


def test_store_secrets_are_never_shown() -> None:
    settings = Settings.from_env(
        {"POLICYKG_STORE_PASSWORD": "s3cret-pw", "POLICYKG_STORE_TOKEN": "s3cret-tok"},
        store_user="reader",
    )
    assert (settings.store_password, settings.store_token) == ("s3cret-pw", "s3cret-tok")
    assert "s3cret" not in repr(settings) and "reader" in repr(settings)
