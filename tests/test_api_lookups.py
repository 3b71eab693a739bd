"""The REST lookups on a live server answer the competency questions on the bundled corpus.

Runs on every store backend (embedded, Oxigraph server, Virtuoso).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import REPLACED_ID, REPLACING_DECISION, REPLACING_ID, LiveServer
from fastapi.testclient import TestClient

from policykg.api.app import create_app
from policykg.api.ical import Event, calendar, fold
from policykg.api.settings import Settings
from policykg.graph.base import Store
from policykg.load.documents import ingest_file
from policykg.ontology.iri import IriMinter

TQ = "tuyen-quang/2022/kh/60-kh-ubnd"
NA = "nghe-an/2021/kh/683-kh-ubnd"
TOKEN = "test-write-token"

pytestmark = pytest.mark.backends


@pytest.fixture(scope="module")
def http(live_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=live_server.url, timeout=30) as c:
        yield c


def get(http: httpx.Client, url: str, **params: Any) -> Any:
    r = http.get(url, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def provinces(items: list[dict[str, Any]], key: str = "instrument") -> set[str | None]:
    return {i[key]["province"] for i in items}


# --- documents ---------------------------------------------------------------------------


def test_document_list_and_filters(http: httpx.Client) -> None:
    all_docs = get(http, "/documents")
    assert all_docs["total"] == 5
    assert {d["province"] for d in all_docs["items"]} == {
        "Nghệ An",
        "Tuyên Quang",
        "Quảng Nam",
        "Nam Định",
        "Đồng Nai",
    }
    assert all(d["ingested"] and d["source"].endswith(".txt") for d in all_docs["items"])
    assert [d["id"] for d in get(http, "/documents", province="nghe-an")["items"]] == [NA]
    assert get(http, "/documents", kind="QuyetDinh")["total"] == 1  # Quảng Nam's decision
    assert get(http, "/documents", year=2023)["items"][0]["province"] == "Nam Định"
    page = get(http, "/documents", limit=2, offset=4)
    assert (page["total"], len(page["items"])) == (5, 1)
    # implements= follows chains: both plans that reach 100/QĐ-TTg
    reach = get(http, "/documents", implements="100/QĐ-TTg")
    assert {d["province"] for d in reach["items"]} == {"Tuyên Quang", "Quảng Nam"}


def test_document_detail_has_facts_with_evidence(http: httpx.Client) -> None:
    doc = get(http, f"/documents/{NA}")
    assert doc["document"]["number"] == "683/KH-UBND"
    assert doc["issuer"]["kind"] == "ubnd_tinh"
    assert doc["citations"] and all(c["evidence"] for c in doc["citations"])
    assert any(
        c["target"]["number"] == "1322/QĐ-TTg" and c["relation"] == "implements"
        for c in doc["citations"]
    )
    refs = {t["ref"] for t in doc["tasks"]}
    assert "II.4" in refs
    quoted = [f for f in doc["tasks"] + doc["targets"] + doc["citations"] if f["quote"]]
    assert quoted, "extracted facts carry their source quote"
    assert all(q["quote"]["text"].strip() and q["quote"]["line"] >= 1 for q in quoted)
    assert any(t["indicator"] == "experts_certified" for t in doc["targets"])
    assert any(d["deadline"] == "--11-30" for d in doc["reporting"])


# --- citation chains ---------------------------------------------------------------------


def test_cq1_what_tuyen_quang_implements_in_one_call(http: httpx.Client) -> None:
    res = get(http, f"/documents/{TQ}/implements", kind="QuyetDinh")
    got = {(i["instrument"]["number"], i["how"]) for i in res["items"]}
    assert ("1322/QĐ-TTg", "direct") in got
    assert ("100/QĐ-TTg", "through") in got
    assert ("1266/QĐ-TTg", "through") in got
    via_100 = next(i for i in res["items"] if i["instrument"]["number"] == "100/QĐ-TTg")
    path = via_100["paths"][0]
    assert [e["relation"] for e in path] == ["applies", "implements"]
    assert path[0]["target"]["number"] == "26/KH-UBND"
    assert all(e["evidence"] and e["evidence"][0]["evidence"] for e in path)


def test_cq2_cq3_implement_or_based_on(http: httpx.Client) -> None:
    both = "implements,legal_basis"
    res = get(http, "/instruments/1322/QĐ-TTg/implemented-by", relations=both, transitive=False)
    direct = {(i["instrument"]["province"], i["relation"]) for i in res["items"]}
    implement = {p for p, r in direct if r == "implements"}
    based = {p for p, r in direct if r == "legal_basis"}
    assert implement == {"Nghệ An", "Tuyên Quang", "Nam Định", "Đồng Nai"}
    assert based == {"Quảng Nam", "Đồng Nai"}
    res36 = get(http, "/instruments/36-qd-ttg/implemented-by", relations=both)
    by_rel = {
        (i["instrument"]["province"], i["relation"]) for i in res36["items"] if i["how"] == "direct"
    }
    assert {p for p, r in by_rel if r == "implements"} == {"Nghệ An", "Nam Định"}
    assert {p for p, r in by_rel if r == "legal_basis"} == {"Đồng Nai"}


def test_cq4_plans_reaching_100_through_another_plan(http: httpx.Client) -> None:
    res = get(http, "/instruments/100%2FQĐ-TTg/implemented-by", transitive=True)
    assert provinces(res["items"]) == {"Tuyên Quang", "Quảng Nam"}
    assert {i["how"] for i in res["items"]} == {"through"}
    for item in res["items"]:
        for path in item["paths"]:
            assert path[0]["source"]["iri"] == item["instrument"]["iri"]
            assert path[-1]["target"]["number"] == "100/QĐ-TTg"
            assert path[-1]["relation"] == "implements"
    assert get(http, "/instruments/100-qd-ttg/implemented-by", transitive=False)["items"] == []


def test_chain_paths_out_and_in(http: httpx.Client) -> None:
    res = get(
        http, f"/documents/{TQ}/chain", direction="out", depth=2, relations="implements,applies"
    )
    two_hop = [p for p in res["paths"] if len(p["edges"]) == 2]
    assert any(p["end"]["number"] == "100/QĐ-TTg" for p in two_hop)
    assert all(e["relation"] in {"implements", "applies"} for p in res["paths"] for e in p["edges"])
    inward = get(http, "/documents/ttg/2020/qd/1322-qd-ttg/chain", direction="in", depth=1)
    assert {p["end"]["province"] for p in inward["paths"]} >= {"Nghệ An", "Đồng Nai"}
    capped = get(http, f"/documents/{TQ}/chain", direction="both", depth=5, limit=3)
    assert capped["truncated"] is True and len(capped["paths"]) == 3


def test_chain_shows_the_instrument_a_document_replaces(
    fresh_store: Store, minter: IriMinter
) -> None:
    """'Quyết định này ... thay thế Quyết định số 14/2019/QĐ-UBND': the old decision is
    ``replaced_by`` this one, on every store backend."""
    assert ingest_file(fresh_store, REPLACING_DECISION, minter).ok
    with TestClient(create_app(fresh_store, Settings())) as c:
        inward = c.get(f"/documents/{REPLACING_ID}/chain", params={"direction": "in"})
        assert inward.status_code == 200, inward.text
        edges = [(e["source"]["id"], e["relation"]) for p in inward.json()["paths"]
                 for e in p["edges"]]  # fmt: skip
        assert (REPLACED_ID, "replaced_by") in edges
        onward = c.get(
            f"/documents/{REPLACED_ID}/chain",
            params={"direction": "out", "relations": "replaced_by"},
        ).json()
        assert [p["end"]["id"] for p in onward["paths"]] == [REPLACING_ID]
        evidence = onward["paths"][0]["edges"][0]["evidence"]
        assert "14/2019/QĐ-UBND" in evidence[0]["evidence"]
        known = c.get(f"/documents/{REPLACING_ID}/chain", params={"relations": "repeals"})
        assert "replaced_by" in known.json()["error"]["detail"]["known"]


# --- agencies, tasks, targets, reporting ----------------------------------------------


def test_cq5_who_co_leads_training(http: httpx.Client) -> None:
    res = get(http, "/tasks", theme="training", co_led="true")
    by_ref = {
        (t["document"]["province"], t["ref"]): {a["kind"] for a in t["lead"]} for t in res["items"]
    }
    assert by_ref[("Nghệ An", "II.4")] == {"so_khcn", "so_nv", "so_khdt"}
    assert {"so_khcn", "ban_tdkt", "so_ldtbxh"} <= by_ref[("Nghệ An", "II.2")]
    assert not any(p == "Đồng Nai" for p, _ in by_ref)  # a single lead is no co-lead
    counts = {c["agency"]["kind"]: c["tasks"] for c in res["lead_agencies"]}
    assert counts["so_khcn"] == 2


def test_cq6_targets_table_json_and_csv(http: httpx.Client) -> None:
    res = get(http, "/targets", indicator="experts_certified", year=2025)
    rows = {r["province"]: r for r in res["rows"] if r["province"]}
    assert (rows["Nghệ An"]["comparator"], rows["Nghệ An"]["min"]) == ("at_least", 5)
    assert rows["Tuyên Quang"]["min"] == 10
    assert (rows["Quảng Nam"]["min"], rows["Quảng Nam"]["max"]) == (15, 20)
    assert (rows["Nam Định"]["min"], rows["Nam Định"]["max"]) == (3, 5)
    assert (rows["Đồng Nai"]["comparator"], rows["Đồng Nai"]["min"]) == ("about", 10)
    r = http.get(
        "/targets",
        params={"indicator": "experts_certified", "year": 2025},
        headers={"Accept": "text/csv"},
    )
    assert r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text)))
    assert {t["province"] for t in table} >= set(rows)
    assert (
        r.text
        == http.get(
            "/targets", params={"indicator": "experts_certified", "year": 2025, "format": "csv"}
        ).text
    )


def test_cq7_who_reports_to_the_ministry(http: httpx.Client) -> None:
    res = get(http, "/reporting", agency="bo-khcn/national", role="recipient")
    actors = {(a["kind"], a["province"]) for d in res["items"] for a in d["actors"]}
    assert actors == {("so_khcn", "Nghệ An"), ("so_khcn", "Tuyên Quang"), ("so_khcn", "Đồng Nai")}
    assert {(d["deadline"], d["recurrence"]) for d in res["items"]} == {("--11-30", "annual")}
    ics = http.get(
        "/reporting",
        params={"agency": "bo-khcn/national", "role": "recipient"},
        headers={"Accept": "text/calendar"},
    )
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    text = ics.text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == len(res["items"])
    assert text.count("RRULE:FREQ=YEARLY") == len(res["items"])
    assert "DTSTART;VALUE=DATE:" in text and "1130" in text


def test_cq8_agency_successor_roles_and_partners(http: httpx.Client) -> None:
    res = get(http, "/agencies/so-khdt/nghe-an")
    assert res["successor"]["label"] == "Sở Tài chính Nghệ An"
    assert res["agency"]["roles"].get("lead", 0) >= 1
    assert any(g["role"] == "lead" and g["document"]["id"] == NA for g in res["roles"])
    co = {p["agency"]["kind"]: p["count"] for p in res["partners"] if p["relation"] == "co_lead"}
    assert co.get("so_khcn", 0) >= 1
    listing = get(http, "/agencies", province="Nghệ An", with_roles="true")
    assert listing["items"][0]["roles"]
    assert all(a["province"] == "Nghệ An" for a in listing["items"])
    assert get(http, "/agencies", kind="bo_khcn")["items"][0]["id"] == "bo-khcn/national"


# --- errors and writes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/documents/no/such/doc/here", 404),
        ("/documents?limit=0", 422),
        ("/documents?year=99999", 422),
        (f"/documents/{TQ}/chain?depth=9", 422),
        (f"/documents/{TQ}/chain?relations=cites", 422),
        ("/instruments/999-qd-xyz/implemented-by", 404),
        ("/tasks?theme=nothing", 422),
        ("/targets", 422),
        ("/targets?indicator=nothing", 422),
        ("/reporting?agency=nobody/nowhere", 404),
        ("/agencies/so-khcn/atlantis", 404),
    ],
)
def test_one_error_shape(http: httpx.Client, url: str, status: int) -> None:
    r = http.get(url)
    assert r.status_code == status
    err = r.json()["error"]
    assert err["status"] == status and err["code"] and err["message"]
    assert "Traceback" not in r.text


def test_writes_are_off_without_a_configured_token(http: httpx.Client) -> None:
    r = http.post("/documents", content=b"x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "read_only"
    r = http.delete(f"/documents/{TQ}", headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert get(http, "/documents")["total"] == 5


@pytest.fixture()
def writable(fresh_store: Store) -> Iterator[httpx.Client]:
    app = create_app(fresh_store, Settings(write_token=TOKEN, max_upload_bytes=200_000))
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=60) as c:
        yield c


def test_ingest_and_delete_with_the_token(writable: httpx.Client, corpus_files: list[Path]) -> None:
    path = next(p for p in corpus_files if p.name.startswith("tuyen-quang"))
    data = path.read_bytes()
    assert writable.post("/documents", files={"file": (path.name, data)}).status_code == 401
    wrong = {"Authorization": "Bearer wrong"}
    assert (
        writable.post("/documents", files={"file": (path.name, data)}, headers=wrong).status_code
        == 401
    )
    auth = {"Authorization": f"Bearer {TOKEN}"}
    refused = writable.post(
        "/documents",
        files={"file": (path.name, data)},
        headers=auth,
        params={"fail_on": "warning"},
    )
    assert refused.status_code == 422 and refused.json()["error"]["code"] == "check_failed"
    assert refused.json()["error"]["detail"]["findings"]
    assert writable.get("/documents").json()["total"] == 0
    r = writable.post("/documents", files={"file": (path.name, data)}, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["checked"] and r.json()["check"]["counts"]["warning"] >= 1
    answer = r.json()
    assert (answer["id"], answer["status"]) == (TQ, "created") and answer["triples"] > 100
    assert writable.get(f"/documents/{TQ}").json()["document"]["number"] == "60/KH-UBND"
    text_headers = {**auth, "Content-Type": "text/plain; charset=utf-8"}
    again = writable.post(
        "/documents", content=data, params={"filename": path.name}, headers=text_headers
    )
    assert again.status_code == 201 and again.json()["status"] == "replaced"
    bad = writable.post(
        "/documents", content=b"not a plan", headers={**auth, "Content-Type": "text/plain"}
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "bad_document"
    assert "/tmp" not in bad.text
    big = writable.post(
        "/documents", content=b"x" * 300_000, headers={**auth, "Content-Type": "text/plain"}
    )
    assert big.status_code == 413
    assert writable.delete(f"/documents/{TQ}").status_code == 401
    assert writable.delete(f"/documents/{TQ}", headers=auth).status_code == 204
    assert writable.get(f"/documents/{TQ}").status_code == 404
    assert writable.get("/documents").json()["total"] == 0
    assert writable.delete(f"/documents/{TQ}", headers=auth).status_code == 404


# --- iCalendar writer -------------------------------------------------------------------


def test_ical_escapes_and_folds() -> None:
    text = calendar(
        [
            Event(
                uid="u",
                summary="a, b; c\\d\nnext " + "Đ" * 60,
                year=2021,
                month=11,
                day=30,
                yearly=True,
                until_year=2025,
            )
        ]
    )
    lines = text.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:a\\, b\\; c\\\\d\\nnext " in unfolded
    assert "RRULE:FREQ=YEARLY;UNTIL=20251130" in unfolded
    assert fold("x" * 80).split("\r\n")[1] == " " + "x" * 5
