"""The typed record (ingest/record.py): the gold form read and written back unchanged, the
extractors' provenance kept, and a malformed record refused naming its source."""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from policykg.ingest.errors import IngestError
from policykg.ingest.extract import _record, extract
from policykg.ingest.record import (
    Agency,
    AgencyRef,
    AssignedDuty,
    Document,
    FieldSpans,
    Record,
    Target,
    Task,
)

ROOT = Path(__file__).resolve().parent.parent
GOLD_FILES = sorted((ROOT / "tests" / "gold").glob("*.json")) + sorted(
    (ROOT / "tests" / "gold" / "dev").glob("*.json")
)
PLANS = sorted((ROOT / "corpus").glob("*.txt"))


def _gold(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_there_are_gold_files() -> None:
    assert len(GOLD_FILES) >= 30


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_every_gold_file_reads_and_writes_back_unchanged(path: Path) -> None:
    data = _gold(path)
    record = Record.from_gold(data)
    assert record.source == data["source"]
    assert record.document.spans is None  # a gold file has no provenance
    assert record.to_gold() == data
    assert record.to_gold(spans=True) == data
    assert Record.from_gold(record.to_gold()) == record


def _without_provenance(record: Record) -> Record:
    def bare(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(replace(i, span=None) for i in items)

    return replace(
        record,
        document=replace(record.document, spans=None),
        citations=bare(record.citations),
        agencies=bare(record.agencies),
        tasks=bare(record.tasks),
        targets=bare(record.targets),
        reporting=bare(record.reporting),
        duties=(),
    )


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.stem)
def test_an_extracted_record_keeps_its_provenance(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    record = extract(text, source=path.name)
    assert record.document.spans is not None and record.document.spans.date is not None
    s, e = record.document.spans.date
    assert record.document.date and text[s:e].strip()
    items = (*record.citations, *record.tasks, *record.targets, *record.reporting)
    assert items and all(i.span is not None for i in items)
    assert all(d.span is not None for d in record.duties)
    # the gold form is the record without provenance and assigned duties
    assert Record.from_gold(record.to_gold()) == _without_provenance(record)
    # with spans it is the form the section extractors write, which extraction reads back
    form = record.to_gold(spans=True)
    assert form["document"]["_spans"]["date"] == [s, e]
    duties = [{**d.to_gold(), "_span": list(d.span or ())} for d in record.duties]
    sections = {k: form[k] for k in ("citations", "agencies", "tasks", "targets", "reporting")}
    again = _record(path.name, document=form["document"], duties=duties, **sections)
    assert again == record


def test_the_record_is_immutable() -> None:
    record = Record.from_gold(_gold(GOLD_FILES[0]))
    with pytest.raises(AttributeError):
        record.source = "other.txt"  # type: ignore[misc]
    assert isinstance(record.tasks, tuple) and isinstance(record.tasks[0].lead, tuple)


def test_sections_left_out_are_empty_and_ints_stay_ints() -> None:
    record = Record.from_gold({"source": "x.txt", "document": {"kind": "KeHoach"}})
    assert record == Record("x.txt", Document(kind="KeHoach"))
    assert record.to_gold()["citations"] == [] and record.to_gold()["document"]["number"] is None
    target = {
        "ref": "I.1", "text": "100% xã", "indicator": "other", "comparator": "at_least",
        "min": 100, "max": 2.5, "unit": "%", "by_year": 2025, "per_year": False,
    }  # fmt: skip
    t = Target.from_gold(target)
    assert (t.min, t.max) == (100, 2.5) and isinstance(t.min, int)
    assert json.dumps(t.to_gold()["min"]) == "100"


def test_agency_refs_carry_a_name_only_for_other() -> None:
    assert AgencyRef("so_tc", "Nghệ An").to_gold() == {"kind": "so_tc", "scope": "Nghệ An"}
    other = {"kind": "other", "scope": "Nghệ An", "name": "Ban X"}
    assert AgencyRef.from_gold(other).to_gold() == other
    agency = Agency("other", "Nghệ An", ("Ban X",), name="Ban X")
    assert agency.ref == AgencyRef("other", "Nghệ An", "Ban X")


def test_spans_are_written_as_the_section_extractors_write_them() -> None:
    record = Record(
        "x.txt",
        Document(kind="KeHoach", number="1/KH-UBND", spans=FieldSpans(number=(3, 12))),
        tasks=(Task("I.1", "Làm", span=(20, 30)), Task("I.2", "Khác")),
        duties=(AssignedDuty("IV.1", text="Chủ trì", span=(40, 47)),),
    )
    form = record.to_gold(spans=True)
    assert form["document"]["_spans"] == {"number": [3, 12]}
    assert form["tasks"][0]["_span"] == [20, 30] and "_span" not in form["tasks"][1]
    assert "duties" not in form  # assigned duties are no part of the gold form
    assert "_span" not in json.dumps(record.to_gold())
    assert Record.from_gold(record.to_gold()) == Record(
        "x.txt",
        Document(kind="KeHoach", number="1/KH-UBND"),
        tasks=(Task("I.1", "Làm"), Task("I.2", "Khác")),
    )


def _mutations() -> list[tuple[str, Any]]:
    def put(path: tuple[Any, ...], value: Any) -> Any:
        def apply(record: dict[str, Any]) -> None:
            node: Any = record
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = value

        return apply

    def drop(key: str) -> Any:
        return lambda record: record.pop(key)

    return [
        ("unknown key 'notes'", put(("notes",), "x")),
        ("unknown key 'sumary'", put(("document", "sumary"), "x")),
        ("unknown key 'owner'", put(("tasks", 0, "owner"), "x")),
        ("unknown key 'level'", put(("tasks", 0, "lead", 0, "level"), 1)),
        ("unknown key '_span'", put(("targets", 0, "_span"), [0, 1])),
        ("no 'document'", drop("document")),
        ("not a string", put(("document", "number"), 683)),
        ("not a number", put(("targets", 0, "min"), "5")),
        ("not a number", put(("targets", 0, "max"), True)),
        ("not an integer", put(("targets", 0, "by_year"), "2025")),
        ("not true or false", put(("targets", 0, "per_year"), "yes")),
        ("not a list of strings", put(("agencies", 0, "mentions"), "Sở Tài chính")),
        ("not an object", put(("document", "issuer"), ["ubnd_tinh"])),
        ("not a list", put(("tasks",), {"ref": "I.1"})),
        ("has no target", put(("citations", 0, "target"), None)),
        ("missing", put(("tasks", 0, "ref"), None)),
    ]


@pytest.mark.parametrize(("message", "mutate"), _mutations(), ids=lambda v: str(v)[:30])
def test_a_malformed_record_is_refused_naming_its_source(message: str, mutate: Any) -> None:
    data = copy.deepcopy(_gold(ROOT / "tests" / "gold" / "nghe-an_683-kh-ubnd_2021.json"))
    mutate(data)
    with pytest.raises(IngestError) as err:
        Record.from_gold(data)
    assert err.value.source == "nghe-an_683-kh-ubnd_2021.txt"
    assert str(err.value).startswith("nghe-an_683-kh-ubnd_2021.txt: malformed record")
    assert message.replace(" key ", " key(s) ") in str(err.value) or message in str(err.value)


def test_a_record_that_is_no_object_or_has_no_source_name_is_refused() -> None:
    with pytest.raises(IngestError, match=r"^<record>: malformed record: .*not an object"):
        Record.from_gold(["source", "document"])
    with pytest.raises(IngestError, match=r"^5: malformed record: record\.source: not a string"):
        Record.from_gold({"source": 5, "document": {"kind": "KeHoach"}})


def test_extraction_refuses_a_provenance_key_the_record_does_not_know() -> None:
    document = {"kind": "KeHoach", "_spans": {"number": [0, 3]}}
    empty: dict[str, list[dict[str, Any]]] = {
        k: [] for k in ("citations", "agencies", "targets", "reporting", "duties")
    }
    ok = _record("a.txt", document=document, tasks=[], **empty)
    assert ok.document.spans == FieldSpans(number=(0, 3))
    task = {"ref": "I.1", "title": "Làm", "_span": [4, 7]}
    assert _record("a.txt", document=document, tasks=[task], **empty).tasks[0].span == (4, 7)
    with pytest.raises(IngestError, match=r"^a\.txt: malformed record: .*'_score'"):
        _record("a.txt", document=document, tasks=[{**task, "_score": 0.5}], **empty)
    with pytest.raises(IngestError, match=r"^a\.txt: malformed record: .*not a span"):
        _record("a.txt", document=document, tasks=[{**task, "_span": [4]}], **empty)
    with pytest.raises(IngestError, match=r"^a\.txt: malformed record"):
        _record("a.txt", document={**document, "_spans": {"author": [0, 1]}}, tasks=[], **empty)
