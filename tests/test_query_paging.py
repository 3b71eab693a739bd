"""Paged and unordered named queries, the point-lookup queries the REST lookups use, and
the lookups' per-generation caches (answers follow writes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.api.settings import Settings
from policykg.graph.errors import QueryParameterError
from policykg.graph.queries import (
    ITEM_MARGIN,
    MAX_LIMIT,
    MAX_OFFSET,
    get_query,
    load_queries,
    parse_query,
    run_select,
    run_select_paged,
)
from policykg.graph.store import EmbeddedStore
from policykg.ingest.rdf import document_triples
from policykg.ingest.record import Record
from policykg.ontology.iri import IriMinter
from policykg.ontology.load import ontology_triples, reference_triples

ROOT = Path(__file__).resolve().parent.parent
M = IriMinter()
TOKEN = "paging-test-token"
TQ = "tuyen-quang/2022/kh/60-kh-ubnd"


def _gold_store() -> EmbeddedStore:
    st = EmbeddedStore()
    st.replace_graphs(
        {M.ontology_graph: ontology_triples(), M.reference_graph: reference_triples()}
    )
    for path in sorted((ROOT / "tests" / "gold").glob("*.json")):
        result = document_triples(
            Record.from_gold(json.loads(path.read_text(encoding="utf-8"))), minter=M
        )
        st.replace_graph(result.graph_iri, result.triples)
    return st


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    return _gold_store()


def _rows(rows: list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]]) -> list[str]:
    return [json.dumps({k: str(v) for k, v in sorted(r.items())}) for r in rows]


@pytest.mark.parametrize("name", ["document_list", "instrument_list", "task_list"])
def test_pages_follow_the_query_order(store: EmbeddedStore, name: str) -> None:
    whole = _rows(run_select(store, name))
    assert len(whole) >= 5
    pages = []
    for offset in range(0, len(whole), 3):
        pages += _rows(run_select_paged(store, name, {}, limit=3, offset=offset))
    assert pages == whole
    assert _rows(run_select_paged(store, name, {}, limit=2, offset=1)) == whole[1:3]
    assert _rows(run_select_paged(store, name, {}, offset=len(whole))) == []


PAGED_BY_KEY = sorted(n for n, q in load_queries().items() if q.pages_items)


def test_whole_corpus_lists_page_by_key() -> None:
    assert set(PAGED_BY_KEY) >= {
        "agency_list", "agency_role_counts", "document_list", "instrument_list",
        "network_agencies", "network_instruments", "network_item_agencies",
        "network_item_themes", "network_plans", "reporting_duties", "task_list",
    }  # fmt: skip
    q = get_query("task_list")
    text = q.page(limit=5, offset=10, items=19)
    assert "LIMIT 19" in text and text.rstrip().endswith("OFFSET 10")
    assert "# page" not in text and "# page" in q.page(limit=5)
    for bad in (0, -1, True, "3"):
        with pytest.raises(QueryParameterError):
            q.page(limit=5, items=bad)  # type: ignore[arg-type]
    with pytest.raises(QueryParameterError, match="no '# page'"):
        get_query("document_by_iri").page(items=5)


@pytest.mark.parametrize("name", PAGED_BY_KEY)
@pytest.mark.parametrize("size", [1, 7, 50])
def test_key_pages_are_slices_of_the_whole(store: EmbeddedStore, name: str, size: int) -> None:
    """Every page equals the same slice of the whole answer, also where items give no
    row (agencies without roles, provinces in agency_list: the retries)."""
    whole = _rows(run_select(store, name))
    assert whole
    n = len(whole)
    for offset in sorted({0, 1, 7, size, n // 3, n // 2, max(n - size, 0), n}):
        page = _rows(run_select_paged(store, name, {}, limit=size, offset=offset))
        assert page == whole[offset : offset + size], offset


def test_the_largest_page_is_accepted(store: EmbeddedStore) -> None:
    assert run_select_paged(store, "task_list", {}, limit=MAX_LIMIT, offset=MAX_OFFSET) == []


def test_a_short_first_try_is_asked_again(store: EmbeddedStore) -> None:
    # 50 agencies by key give fewer than 50 (agency, role) rows: retried, then whole
    q = get_query("agency_role_counts")
    first_try = store.select(q.page(limit=50, items=50 * ITEM_MARGIN // 4 + 1))
    assert len(first_try) < 50
    whole = _rows(run_select(store, "agency_role_counts"))
    assert _rows(run_select_paged(store, "agency_role_counts", {}, limit=50)) == whole[:50]


@pytest.mark.parametrize("name", ["agency_list", "agency_role_counts", "document_parts"])
def test_unordered_gives_the_same_rows(store: EmbeddedStore, name: str) -> None:
    values = {"doc": "https://w3id.org/policykg/eli/vn/tuyen-quang/2022/kh/60-kh-ubnd"}
    params = {p.name: values[p.name] for p in get_query(name).params}
    ordered = _rows(run_select(store, name, **params))
    unordered = _rows(run_select_paged(store, name, params, ordered=False))
    assert sorted(unordered) == sorted(ordered) and ordered


@pytest.mark.parametrize(
    ("limit", "offset"),
    [(0, 0), (-1, 0), (MAX_LIMIT + 1, 0), (True, 0), ("5", 0), (5, -1), (5, "1; DROP"), (5, 1.5)],
)
def test_bad_page_numbers_are_refused(store: EmbeddedStore, limit: object, offset: object) -> None:
    with pytest.raises(QueryParameterError):
        run_select_paged(store, "document_list", {}, limit=limit, offset=offset)  # type: ignore[arg-type]


def test_paging_needs_a_select_without_its_own_limit() -> None:
    with pytest.raises(QueryParameterError):
        get_query("document_by_iri").page(limit=5)
    q = parse_query("x", "# summary: s\nSELECT ?s WHERE { ?s ?p ?o } LIMIT 3\n")
    with pytest.raises(QueryParameterError):
        q.page(limit=5)
    with pytest.raises(ValueError, match="reserved"):
        parse_query("y", "# summary: s\n# param: ?limit integer  n\nSELECT ?limit WHERE {}\n")


def test_point_lookups_match_the_whole_lists(store: EmbeddedStore) -> None:
    def norm(row: dict[str, ox.NamedNode | ox.BlankNode | ox.Literal]) -> dict[str, str]:
        return {k: v.value for k, v in row.items()}

    instruments = run_select(store, "instrument_list")
    assert len(instruments) > 20
    for row in instruments:
        (one,) = run_select(store, "instrument_summary", doc=row["doc"])
        assert norm(one) == norm(row)
    agencies = run_select(store, "agency_list")
    assert len(agencies) > 20
    for row in agencies:
        (one,) = run_select(store, "agency_summary", agency=row["agency"])
        assert norm(one) == norm(row)
    nothing = "https://w3id.org/policykg/nothing"
    assert run_select(store, "instrument_summary", doc=nothing) == []
    assert run_select(store, "agency_summary", agency=nothing) == []
    # a province is an organization but not an agency of the lookups
    assert run_select(store, "agency_summary", agency=M.province("Nghệ An")) == []


@pytest.fixture()
def client() -> Iterator[TestClient]:
    st = EmbeddedStore()
    st.replace_graphs(
        {M.ontology_graph: ontology_triples(), M.reference_graph: reference_triples()}
    )
    app = create_app(st, Settings(write_token=TOKEN, max_upload_bytes=200_000))
    with TestClient(app) as c:
        yield c


def test_cached_answers_follow_writes(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.get(f"/documents/{TQ}").status_code == 404  # "no such document" is kept...
    assert client.get("/tasks").json()["total"] == 0
    assert client.get("/agencies/so-khcn/tuyen-quang").status_code == 200
    roles_before = client.get("/agencies/so-khcn/tuyen-quang").json()["roles"]
    path = ROOT / "corpus" / "tuyen-quang_60-kh-ubnd_2022.txt"
    files = {"file": (path.name, path.read_bytes())}
    assert client.post("/documents", files=files, headers=auth).status_code == 201
    detail = client.get(f"/documents/{TQ}")  # ... until a write
    assert detail.status_code == 200 and detail.json()["tasks"]
    assert client.get("/tasks").json()["total"] == len(detail.json()["tasks"])
    roles_after = client.get("/agencies/so-khcn/tuyen-quang").json()["roles"]
    assert roles_after and roles_after != roles_before
    assert client.delete(f"/documents/{TQ}", headers=auth).status_code == 204
    assert client.get(f"/documents/{TQ}").status_code == 404
    assert client.get("/tasks").json()["total"] == 0
    assert client.get("/agencies/so-khcn/tuyen-quang").json()["roles"] == roles_before
