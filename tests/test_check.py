"""The consistency checker: the bundled plans' known inconsistencies, small plans written
for the test (one per general rule, with a near miss), the store left unchanged, renderers."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from policykg.graph.base import Store
from policykg.graph.store import EmbeddedStore
from policykg.ingest.record import Record
from policykg.ontology.iri import PKG, IriMinter
from policykg.shapes.check import (
    ContextCache,
    Finding,
    Report,
    check_document,
    citation_index,
    render,
    render_html,
    render_json,
    render_text,
    render_turtle,
    store_context,
)
from policykg.shapes.draft import check_file, check_record, check_text
from policykg.shapes.store_validation import summary_table, validate_store
from policykg.shapes.text_facts import text_facts

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "check"
GOLD = ROOT / "tests" / "gold"

#: The document-internal inconsistencies of tests/gold/NOTES.md that a rule can check.
EXPECTED = {
    "dong-nai_12015-kh-ubnd_2021.txt": {"AnnexNumberDisagrees", "DutySameDeadlineAsInputs"},
    "nam-dinh_kh-ubnd_2023.txt": {"BlankNumber", "IncompleteDate", "AnnexMissing"},
    "nghe-an_683-kh-ubnd_2021.txt": {"DutySameDeadlineAsInputs", "NumberWrittenWithSpaces"},
    "quang-nam_qd-ubnd_2021.txt": {
        "BlankNumber",
        "IncompleteDate",
        "SignedBeforeCited",
        "IssuerSymbolDisagrees",
        "AgencyListedTwice",
        "MissingFromExecutionClause",
    },
    "tuyen-quang_60-kh-ubnd_2022.txt": {"AnnexMissing"},
}


def _codes(report: Report) -> set[str]:
    return {f.code for f in report.findings}


def _one(report: Report, code: str) -> Finding:
    found = [f for f in report.findings if f.code == code]
    assert len(found) == 1, (code, found)
    return found[0]


@pytest.mark.backends
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_plans_report_their_inconsistencies(
    name: str, corpus_store: Store, minter: IriMinter
) -> None:
    before = (len(corpus_store), corpus_store.graphs())
    report = check_file(ROOT / "corpus" / name, store=corpus_store, minter=minter)
    assert EXPECTED[name] <= _codes(report), sorted(_codes(report))
    assert (len(corpus_store), corpus_store.graphs()) == before  # nothing stored
    for f in report.findings:
        assert f.severity in ("violation", "warning", "info")
        assert f.message_vi and f.message_en and f.focus.startswith("https://")


@pytest.mark.backends
def test_bundled_plan_findings_name_the_specifics(corpus_store: Store, minter: IriMinter) -> None:
    qn = check_file(
        ROOT / "corpus" / "quang-nam_qd-ubnd_2021.txt", store=corpus_store, minter=minter
    )
    signed = _one(qn, "SignedBeforeCited")
    assert "2021-01-28" in signed.message_vi and "2021-12-18" in signed.message_vi
    assert "311/TTr-SKHĐT" in signed.message_en and signed.line is not None
    twice = _one(qn, "AgencyListedTwice")
    assert "Sở Kế hoạch và Đầu tư" in twice.message_vi and twice.line == 242
    assert twice.quote is not None and twice.quote.startswith("Điều 3.")
    dn = check_file(
        ROOT / "corpus" / "dong-nai_12015-kh-ubnd_2021.txt", store=corpus_store, minter=minter
    )
    annex = _one(dn, "AnnexNumberDisagrees")
    assert "/2014/KH-UBND" in annex.message_vi and "12015/KH-UBND" in annex.message_vi
    assert annex.line == 282 and annex.quote is not None and "kèm theo" in annex.quote
    nd = check_file(
        ROOT / "corpus" / "nam-dinh_kh-ubnd_2023.txt", store=corpus_store, minter=minter
    )
    missing = _one(nd, "AnnexMissing")
    assert missing.line == 97 and "Phụ lục đính kèm" in missing.message_vi
    assert _one(nd, "BlankNumber").line == 3


def test_checking_one_plan_is_fast(corpus_store: Store, minter: IriMinter) -> None:
    path = ROOT / "corpus" / "nghe-an_683-kh-ubnd_2021.txt"
    check_file(path, store=corpus_store, minter=minter)  # warm caches
    t0 = time.perf_counter()
    check_file(path, store=corpus_store, minter=minter)
    assert time.perf_counter() - t0 < 2.0  # typically ~0.3 s with extraction; see bench/


# --- small plans written for the test: each rule fires, and a near miss does not --------------


def _check(text: str, minter: IriMinter) -> Report:
    return check_text(text, source="test.txt", store=None, minter=minter)


def test_decision_rules(minter: IriMinter) -> None:
    text = (DATA / "decision-signed-before-proposal.txt").read_text(encoding="utf-8")
    report = _check(text, minter)
    codes = _codes(report)
    assert {
        "SignedBeforeCited",
        "IssuerSymbolDisagrees",
        "BlankNumber",
        "IncompleteDate",
        "AnnexMissing",
        "AgencyListedTwice",
    } <= codes
    assert "2024-03-05" in _one(report, "SignedBeforeCited").message_vi
    assert "SKHĐT" in _one(report, "IssuerSymbolDisagrees").message_vi
    assert _one(report, "AgencyListedTwice").line == 20
    assert _one(report, "AnnexMissing").line == 16
    fixed = (
        text.replace("Số:      /QĐ-UBND", "Số: 12/QĐ-UBND")
        .replace("ngày    tháng    năm 2024", "ngày 02 tháng 7 năm 2024")
        .replace("45/TTr-SKHĐT", "45/TTr-SKHCN")
        .replace("Tài chính, Công Thương, Tài chính", "Tài chính, Công Thương")
        .replace("(Có phụ lục nhiệm vụ kèm theo)", "")
        .replace("2024-03-05T10:15:00+0700", "2024-07-02T10:15:00+0700")
    )
    left = _codes(_check(fixed, minter))
    for code in [
        "SignedBeforeCited",
        "IssuerSymbolDisagrees",
        "BlankNumber",
        "IncompleteDate",
        "AnnexMissing",
        "AgencyListedTwice",
    ]:
        assert code not in left, code


def test_plan_rules(minter: IriMinter) -> None:
    text = (DATA / "plan-annex-number.txt").read_text(encoding="utf-8")
    report = _check(text, minter)
    assert {
        "AnnexNumberDisagrees",
        "NumberWrittenWithSpaces",
        "DutySameDeadlineAsInputs",
    } <= _codes(report)
    annex = _one(report, "AnnexNumberDisagrees")
    assert '"7/KH-UBND"' in annex.message_vi and "77/KH-UBND" in annex.message_vi
    fixed = (
        text.replace("kèm theo Kế hoạch số 7/KH-UBND", "kèm theo Kế hoạch số 77/KH-UBND")
        .replace("Số: 77 /KH-UBND", "Số: 77/KH-UBND")
        .replace(
            "2. Các sở, ngành: trước ngày 15 tháng 12", "2. Các sở, ngành: trước ngày 30 tháng 11"
        )
    )
    left = _codes(_check(fixed, minter))
    assert (
        not {"AnnexNumberDisagrees", "NumberWrittenWithSpaces", "DutySameDeadlineAsInputs"} & left
    )


def test_cited_date_disagrees_with_reference(minter: IriMinter) -> None:
    text = (DATA / "plan-annex-number.txt").read_text(encoding="utf-8")
    report = _check(text.replace("ngày 31/8/2020", "ngày 31/8/2021"), minter)
    f = _one(report, "CitedDateDisagrees")
    assert "2021-08-31" in f.message_vi and "2020-08-31" in f.message_vi
    assert "tham chiếu" in f.message_vi and "reference data" in f.message_en
    assert "CitedDateDisagrees" not in _codes(_check(text, minter))


def test_text_facts_are_general(minter: IriMinter) -> None:
    text = (
        "Số: 5/KH-UBND\n\nNội dung (chi tiết tại Phụ lục kèm theo).\n\n"
        "PHỤ LỤC I\n(Ban hành kèm theo Kế hoạch số 5/KH-UBND ngày 1/2/2024)\n"
    )
    doc = "https://example.org/doc"
    facts = text_facts(text, document_iri=doc, minter=minter, province=None)
    by_pred: dict[str, list[str]] = {}
    for t in facts:
        assert isinstance(t.object, ox.NamedNode | ox.Literal)
        by_pred.setdefault(t.predicate.value, []).append(t.object.value)
    assert by_pred[PKG + "statedNumber"] == ["5/KH-UBND", "5/KH-UBND"]
    assert len(by_pred[PKG + "annex"]) == 1 and len(by_pred[PKG + "annexReference"]) == 1
    assert PKG + "signedAt" not in by_pred and PKG + "executionClause" not in by_pred


# --- records, the store as context, renderers ---------------------------------------------------


def test_check_record_from_gold(minter: IriMinter) -> None:
    record = Record.from_gold(
        json.loads((GOLD / "nam-dinh_kh-ubnd_2023.json").read_text(encoding="utf-8"))
    )
    report = check_record(record, store=None, minter=minter)
    assert {"BlankNumber", "IncompleteDate", "TaskWithoutLead"} <= _codes(report)
    same = check_document(record, store=None, minter=minter)
    assert [f.code for f in same.findings] == [f.code for f in report.findings]


@pytest.mark.backends
def test_other_documents_in_the_store_are_compared(fresh_store: Store, minter: IriMinter) -> None:
    x = "https://example.org/instrument/x"

    def doc(name: str, date: str) -> tuple[str, list[ox.Triple]]:
        d = f"https://example.org/{name}"
        c = d + "/citation/1"
        n = ox.NamedNode
        xsd_date = n("http://www.w3.org/2001/XMLSchema#date")
        return d, [
            ox.Triple(n(d), n(PKG + "sourceFile"), ox.Literal(name + ".txt")),
            ox.Triple(n(d), n("http://data.europa.eu/eli/ontology#number"), ox.Literal(name)),
            ox.Triple(
                n(c), n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), n(PKG + "Citation")
            ),
            ox.Triple(n(c), n("http://purl.org/dc/terms/isPartOf"), n(d)),
            ox.Triple(n(c), n(PKG + "citingDocument"), n(d)),
            ox.Triple(n(c), n(PKG + "citedResource"), n(x)),
            ox.Triple(n(c), n(PKG + "citedDate"), ox.Literal(date, datatype=xsd_date)),
        ]

    def store(name: str, date: str) -> None:
        d, triples = doc(name, date)  # with the citation index, as ingest writes it
        fresh_store.replace_graph(minter.document_graph(d), triples + citation_index(triples))

    for n in range(1, 4):
        store(f"{n}/KH-UBND", "2020-05-01")
    store("9/KH-UBND", "2020-05-02")
    size = len(fresh_store)
    _, mine = doc("5/KH-UBND", "2020-06-01")
    report = check_document(mine, store=fresh_store, minter=minter)
    found = sorted(f.message_en for f in report.findings if f.code == "CitedDateDisagrees")
    # one finding per other date, naming one document that gives it
    head = "The document cites https://example.org/instrument/x as dated 2020-06-01, but document"
    assert len(found) == 2
    assert found[0] in {f"{head} {n}/KH-UBND gives 2020-05-01." for n in range(1, 4)}
    assert found[1] == f"{head} 9/KH-UBND gives 2020-05-02."
    assert len(fresh_store) == size
    assert "CitedDateDisagrees" not in _codes(check_document(mine, store=None, minter=minter))
    # the context holds one example per distinct date, not one per citing document
    context = store_context(fresh_store, mine, minter.document_graph("https://example.org/5"))
    dates = [t for t in context if t.predicate.value == PKG + "citedDate"]
    assert sorted(str(t.object) for t in dates) == [
        f'"{d}"^^<http://www.w3.org/2001/XMLSchema#date>' for d in ("2020-05-01", "2020-05-02")
    ]
    cached = store_context(fresh_store, mine, "urn:x", cache=ContextCache(fresh_store))
    assert len(context) == len(cached)
    # a document is not compared with an older version of itself in the store
    _, again_triples = doc("9/KH-UBND", "2020-05-01")
    report = check_document(again_triples, store=fresh_store, minter=minter)
    assert "CitedDateDisagrees" not in _codes(report)


def test_citation_index_is_written_by_ingest(minter: IriMinter) -> None:
    from policykg.ingest.rdf import document_triples

    record = Record.from_gold(
        json.loads((GOLD / "nghe-an_683-kh-ubnd_2021.json").read_text(encoding="utf-8"))
    )
    triples = document_triples(record, minter=minter).triples
    index = citation_index(triples)
    assert index and set(index) <= set(triples)
    assert {t.predicate.value for t in index} == {PKG + "citedAsNumber", PKG + "citedAsDate"}


def _sample() -> Report:
    return Report(
        document="https://example.org/d",
        graph="https://example.org/d/graph",
        source="d.txt",
        findings=[
            Finding(
                "warning",
                "BlankNumber",
                "Số hiệu để trống <script>",
                "Blank number <script>",
                "https://example.org/d",
                value="/KH-UBND",
                quote='Số: /KH-UBND <b>"x"</b>',
                line=3,
            ),
            Finding("info", "DutyRecipient", "vi", "en", "https://example.org/d/duty/1"),
        ],
    )


def test_renderers() -> None:
    report = _sample()
    data = json.loads(render_json(report))
    assert data["counts"] == {"violation": 0, "warning": 1, "info": 1}
    assert data["findings"][0]["line"] == 3 and data["conforms"] is False
    text = render_text(report)
    assert "WARNING   BlankNumber (line 3)" in text and "Số: /KH-UBND" in text
    page = render_html(report)
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;" in page
    ttl = render_turtle(report)
    triples = list(ox.parse(ttl.encode("utf-8"), format=ox.RdfFormat.TURTLE))
    types = {t.object.value for t in triples if t.predicate.value.endswith("#type")}
    assert "http://www.w3.org/ns/shacl#ValidationReport" in types
    assert sum(1 for t in triples if t.predicate.value == "http://www.w3.org/ns/shacl#result") == 2
    assert render(report, "json") == render_json(report)
    with pytest.raises(ValueError):
        render(report, "xml")


def test_fail_on_levels() -> None:
    report = _sample()
    assert report.reaches("info") and report.reaches("warning")
    assert not report.reaches("violation")
    with pytest.raises(ValueError):
        report.reaches("error")


@pytest.mark.backends
def test_validate_store_summary(corpus_store: Store, minter: IriMinter) -> None:
    rows = validate_store(corpus_store, minter)
    assert len(rows) == 5 and all(r.triples > 0 for r in rows)
    table = summary_table(rows)
    assert "5 graph(s)" in table and table.count("\n") == 9
    # graphs validated together count what each graph validated alone counts
    alone = validate_store(corpus_store, minter, batch=1)
    assert [(r.graph, r.violations, r.warnings, r.infos) for r in alone] == [
        (r.graph, r.violations, r.warnings, r.infos) for r in rows
    ]
    assert sum(r.violations + r.warnings + r.infos for r in rows) > 5
    # each shape query run once over the store's union counts the same (embedded store only)
    if not isinstance(corpus_store, EmbeddedStore):
        with pytest.raises(ValueError):
            validate_store(corpus_store, minter, whole=True)
        return
    whole = validate_store(corpus_store, minter, whole=True)
    assert [(r.graph, r.triples, r.violations, r.warnings, r.infos) for r in whole] == [
        (r.graph, r.triples, r.violations, r.warnings, r.infos) for r in rows
    ]


def test_validate_store_in_two_processes(tmp_path: Path, minter: IriMinter) -> None:
    from policykg import bundled_corpus
    from policykg.graph.dataset import load_vocabulary
    from policykg.load.documents import ingest_paths

    store = EmbeddedStore(tmp_path / "store")
    load_vocabulary(store, minter)
    ingest_paths(store, [bundled_corpus()], minter)
    one = validate_store(store, minter, batch=2)
    two = validate_store(store, minter, batch=2, jobs=2)
    assert [r.graph for r in two] == [r.graph for r in one] and len(one) == 5
    assert [(r.violations, r.warnings, r.infos) for r in two] == [
        (r.violations, r.warnings, r.infos) for r in one
    ]
    whole = validate_store(store, minter, jobs=2, whole=True)
    assert [(r.graph, r.violations, r.warnings, r.infos) for r in whole] == [
        (r.graph, r.violations, r.warnings, r.infos) for r in one
    ]


# --- CLI commands and POST /check (wired by the lead; tested here on their own app) --------


def test_cli_check_and_validate(tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from policykg.cli.check import register

    app = typer.Typer()
    register(app)
    runner = CliRunner()
    plan = DATA / "plan-annex-number.txt"
    missing = tmp_path / "no-store"
    res = runner.invoke(app, ["check", str(plan), "--data-dir", str(missing), "-f", "json"])
    assert res.exit_code == 1, res.output  # AnnexNumberDisagrees is a violation
    data = json.loads(res.stdout)
    assert "AnnexNumberDisagrees" in {f["code"] for f in data["findings"]}
    res = runner.invoke(
        app,
        ["check", str(plan), "--data-dir", str(missing), "--fail-on", "violation", "-f", "html"],
    )
    assert res.exit_code == 1 and res.stdout.startswith("<!DOCTYPE html>")
    res = runner.invoke(app, ["check", str(plan), "--format", "xml"])
    assert res.exit_code == 2
    res = runner.invoke(app, ["check", str(tmp_path / "nope.txt"), "--data-dir", str(missing)])
    assert res.exit_code == 2 and "no such file" in res.output
    res = runner.invoke(app, ["validate", "--data-dir", str(missing)])
    assert res.exit_code == 1 and "no store" in res.output


@pytest.mark.backends
def test_post_check(corpus_store: Store) -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from policykg.api import check
    from policykg.api.errors import install_error_handlers
    from policykg.api.settings import Settings

    app = FastAPI()  # the route alone, with the state its dependencies read
    install_error_handlers(app)
    app.state.store, app.state.settings, app.state.minter = corpus_store, Settings(), IriMinter()
    app.include_router(check.router)
    before = len(corpus_store)
    text = (DATA / "plan-annex-number.txt").read_text(encoding="utf-8")
    with TestClient(app) as client:
        r = client.post(
            "/check?filename=plan.txt",
            content=text.encode("utf-8"),
            headers={"Content-Type": "text/plain; charset=utf-8"},
        )
        assert r.status_code == 200, r.text
        body = r.json()
        assert "AnnexNumberDisagrees" in {f["code"] for f in body["findings"]}
        assert body["counts"]["violation"] >= 1
        r = client.post("/check", files={"file": ("plan.txt", text.encode("utf-8"), "text/plain")})
        assert r.status_code == 200 and r.json()["source"] == "plan.txt"
        r = client.post("/check", content=b"{}", headers={"Content-Type": "application/json"})
        assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"
    assert len(corpus_store) == before


def test_bench_runs_at_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--plans", "3", "--pyshacl-max", "0", "--no-pyrudof", "--no-check"]) == 0
    out = capsys.readouterr().out
    assert "graph by graph" in out and "whole store" in out and "× per-graph" in out


def test_release_free_memory_is_throttled() -> None:
    from policykg.shapes.draft import _MALLOC_TRIM, _Trimmer

    trim = _Trimmer(interval=3600)
    first = trim(force=True)
    assert isinstance(first, bool)
    assert trim() is False  # within the interval: nothing is done
    if _MALLOC_TRIM is not None:
        assert trim.last > float("-inf") and trim.cost >= 0


def test_validation_benchmark_runs_at_a_tiny_size(capsys: pytest.CaptureFixture[str]) -> None:
    from policykg.bench import bench_check

    assert bench_check.main(["--plans", "2", "--pyshacl-max", "0", "--no-pyrudof"]) == 0
    out = capsys.readouterr().out
    assert "check one bundled plan against the store of 2 plans" in out
    assert "graph by graph" in out and "whole store" in out and "in place" in out
    assert "in place and graph by graph give the same counts: True" in out
    graph_by_graph = int(out.split("per graph: ")[1].split(" findings")[0])
    whole = int(out.split("whole store: ")[1].split(" results")[0])
    assert graph_by_graph > 0 and whole > 0
