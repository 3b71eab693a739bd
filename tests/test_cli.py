"""The policykg command line, run in-process with Typer's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from policykg import bundled_corpus
from policykg.api.cli import app

runner = CliRunner()


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
    assert "citations" in result.stdout.lower()
    print(result.stdout)


def test_help_lists_every_command() -> None:
    result = runner.invoke(app, ["--help"])
    for command in ["ingest", "serve", "query", "stats", "extract", "eval"]:
        assert command in result.stdout
