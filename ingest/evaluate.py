"""Scoring extraction against the gold files: precision, recall and F1 per section.

Matching rules (the keys of SCHEMA.md; every section is compared as a multiset of keys,
so a fact extracted twice counts once as right and once as wrong):

* **document**: each of the nine fields (kind, number, date, place, issuer, title, period,
  signer, promulgates) is one item, right when the predicted value equals the gold value
  exactly (``null`` = ``null`` is right). Precision = recall = right / 9.
* **citations**: ``relation | subject key | target key``. A target key is the number
  (upper case, spaces removed) or, without a number, ``kind|date|first 6 words of the
  title`` (lower case, no diacritics). The subject key is ``self`` or the target key of the
  citation the subject id points to.
* **agencies**: ``kind | scope``.
* **tasks**: one item per (task ref, role, agency) pair: ``ref | lead | kind|scope`` and
  ``ref | coordinating | kind|scope``.
* **targets**: ``indicator | min | max | by_year`` (numbers compared as floats).
* **reporting**: ``sorted actor kinds | sorted recipient kinds | deadline``.

Both sides are :class:`~policykg.ingest.record.Record` values: what extraction gives, and
the gold file read with ``Record.from_gold``. ``evaluate_record(pred, gold)`` gives
per-section counts for one plan, ``evaluate_corpus(corpus_dir, gold_dir)`` runs the
extractor over every gold file's source and adds micro-averaged totals,
``format_report(report)`` prints the table.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from policykg.ingest.reading import ascii_key
from policykg.ingest.record import Agency, AgencyRef, CitedInstrument, Document, Record

__all__ = [
    "DEFAULT_SETS",
    "DOCUMENT_FIELDS",
    "FORM_SETS",
    "SECTIONS",
    "Score",
    "evaluate_corpus",
    "evaluate_record",
    "evaluate_sets",
    "format_report",
    "format_sets_report",
    "known_sets",
    "section_keys",
]

SECTIONS = ("document", "citations", "agencies", "tasks", "targets", "reporting")
DOCUMENT_FIELDS = (
    "kind",
    "number",
    "date",
    "place",
    "issuer",
    "title",
    "period",
    "signer",
    "promulgates",
)


@dataclass
class Score:
    """Counts for one section: true positives, predicted items, gold items."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


# ---------------------------------------------------------------------------
# keys


def _num_key(n: Any) -> str:
    return re.sub(r"\s+", "", str(n)).upper()


def target_key(t: Mapping[str, Any] | None) -> str:
    """The key of a cited instrument in the gold form (a gold file's ``target``)."""
    if not t:
        return "?"
    return _instrument_key(t.get("kind"), t.get("number"), t.get("date"), t.get("title"))


def _cited_key(t: CitedInstrument | None) -> str:
    return "?" if t is None else _instrument_key(t.kind, t.number, t.date, t.title)


def _instrument_key(kind: Any, number: Any, date: Any, title: Any) -> str:
    if number:
        return _num_key(number)
    words = re.findall(r"\w+", ascii_key(title or ""))[:6]
    return f"{kind}|{date}|{' '.join(words)}"


def _agency(a: Agency | AgencyRef) -> str:
    return f"{a.kind}|{a.scope}"


def _number(x: Any) -> str:
    if x is None:
        return "None"
    try:
        return repr(float(x))
    except (TypeError, ValueError):
        return str(x)


def section_keys(record: Record, section: str) -> list[str]:
    """The matching keys of one section of a record (a multiset, as a list)."""
    if section == "citations":
        by_id = {c.id: c.target for c in record.citations}
        out = []
        for c in record.citations:
            subject = "self" if c.subject == "self" else _cited_key(by_id.get(c.subject))
            out.append(f"{c.relation}|{subject}|{_cited_key(c.target)}")
        return out
    if section == "agencies":
        return [_agency(a) for a in record.agencies]
    if section == "tasks":
        return [
            f"{t.ref}|{role}|{_agency(a)}"
            for t in record.tasks
            for role, agencies in (("lead", t.lead), ("coordinating", t.coordinating))
            for a in agencies
        ]
    if section == "targets":
        return [
            f"{t.indicator}|{_number(t.min)}|{_number(t.max)}|{t.by_year}" for t in record.targets
        ]
    if section == "reporting":
        out = []
        for r in record.reporting:
            actors = ",".join(sorted(a.kind for a in r.actor))
            recipients = ",".join(sorted(a.kind for a in r.recipient))
            out.append(f"{actors}|{recipients}|{r.deadline}")
        return out
    raise ValueError(f"unknown section {section!r}")


def _score(pred: Iterable[str], gold: Iterable[str]) -> Score:
    p, g = Counter(pred), Counter(gold)
    tp = sum((p & g).values())
    return Score(tp, sum(p.values()), sum(g.values()))


def evaluate_record(pred: Record, gold: Record) -> dict[str, Score]:
    """Per-section counts for one plan: ``pred`` (what extraction gave) against ``gold``."""
    out: dict[str, Score] = {}
    pd, gd = pred.document, gold.document
    right = sum(1 for f in DOCUMENT_FIELDS if getattr(pd, f) == getattr(gd, f))
    out["document"] = Score(right, len(DOCUMENT_FIELDS), len(DOCUMENT_FIELDS))
    for section in SECTIONS[1:]:
        out[section] = _score(section_keys(pred, section), section_keys(gold, section))
    return out


def evaluate_corpus(corpus_dir: str | Path, gold_dir: str | Path) -> dict[str, Any]:
    """Extract every plan that has a gold file and score it.

    Returns ``{"plans": {source: {section: counts}}, "overall": {section: counts}}`` where
    counts are ``tp``, ``pred``, ``gold``, ``precision``, ``recall``, ``f1`` (overall is
    micro-averaged: counts summed over plans). A document the extractor refuses scores as
    an empty prediction; its error is listed under ``"refused"``.
    """
    from policykg.ingest.errors import IngestError
    from policykg.ingest.extract import extract_file

    corpus, golds = Path(corpus_dir), Path(gold_dir)
    plans: dict[str, dict[str, Any]] = {}
    refused: dict[str, str] = {}
    totals = {s: Score() for s in SECTIONS}
    for gold_path in sorted(golds.glob("*.json")):
        gold = _read_gold(gold_path)
        source = gold.source or gold_path.with_suffix(".txt").name
        src = corpus / source
        if not src.exists():
            continue
        try:
            pred = extract_file(src)
        except IngestError as exc:
            refused[source] = str(exc)
            pred = Record(source, Document(kind=None))  # nothing predicted
        scores = evaluate_record(pred, gold)
        plans[source] = {s: scores[s].as_dict() for s in SECTIONS}
        for s in SECTIONS:
            totals[s].add(scores[s])
    return {
        "plans": plans,
        "overall": {s: totals[s].as_dict() for s in SECTIONS},
        "refused": refused,
    }


def _read_gold(path: Path) -> Record:
    """The record of a gold file (an :class:`IngestError` naming the file if malformed)."""
    from policykg.ingest.errors import IngestError

    try:
        return Record.from_gold(json.loads(path.read_text(encoding="utf-8")))
    except IngestError as exc:
        raise IngestError(exc.message, source=path) from None


#: The sets :func:`known_sets` names that ``policykg eval`` runs when no set is asked for.
DEFAULT_SETS = ("bundled", "dev")
#: Sets of office files made on the fly from a set of texts: name -> (texts set, form).
FORM_SETS = {"bundled-docx": ("bundled", "docx"), "bundled-pdf": ("bundled", "pdf")}


def known_sets(root: str | Path) -> dict[str, tuple[Path, Path]]:
    """The evaluation sets of a checkout: name -> (folder of texts, folder of gold files).

    ``bundled``: the five plans of ``corpus/`` and ``tests/gold``; ``dev``: the development
    set of real documents, ``tests/data/dev`` and ``tests/gold/dev``; ``bundled-docx`` and
    ``bundled-pdf``: the five plans laid out as an office prints them (header and closing in
    two-column tables, the kind line in a cell, the appendix as a ruled table; the PDF with
    page numbers and a running footer), written by ``bench/office.py`` into a temporary
    folder when the set is evaluated (:data:`FORM_SETS`), scored against the same gold.
    """
    r = Path(root)
    sets = {
        "bundled": (r / "corpus", r / "tests" / "gold"),
        "dev": (r / "tests" / "data" / "dev", r / "tests" / "gold" / "dev"),
    }
    for name, (base, _) in FORM_SETS.items():
        sets[name] = sets[base]
    return sets


def evaluate_sets(sets: dict[str, tuple[str | Path, str | Path]]) -> dict[str, Any]:
    """:func:`evaluate_corpus` on each named set, and the counts of all of them summed.

    A set named in :data:`FORM_SETS` is first written as office files into a temporary
    folder (``bench/office.py``, present in a checkout), then scored.
    Returns ``{"sets": {name: report}, "overall": {section: counts}}``.
    """
    reports = {
        name: (
            _evaluate_form(corpus, gold, FORM_SETS[name][1])
            if name in FORM_SETS
            else evaluate_corpus(corpus, gold)
        )
        for name, (corpus, gold) in sets.items()
    }
    totals = {s: Score() for s in SECTIONS}
    for report in reports.values():
        for s in SECTIONS:
            c = report["overall"][s]
            totals[s].add(Score(c["tp"], c["pred"], c["gold"]))
    return {"sets": reports, "overall": {s: totals[s].as_dict() for s in SECTIONS}}


def _evaluate_form(texts: str | Path, gold: str | Path, form: str) -> dict[str, Any]:
    import tempfile

    try:
        from policykg.bench.office import render_set
    except ImportError as exc:  # an installed package without the checkout's bench/
        raise RuntimeError(
            f"the {form} evaluation sets are made by bench/office.py of a checkout "
            f"(with the test extras: fpdf2): {exc}"
        ) from exc
    with tempfile.TemporaryDirectory(prefix=f"policykg-eval-{form}-") as tmp:
        golds = render_set(texts, gold, tmp, form)
        return evaluate_corpus(tmp, golds)


def format_sets_report(report: dict[str, Any]) -> str:
    """Each set's table (:func:`format_report`) under its name, then F1 per set and overall."""
    blocks = []
    for name, rep in report["sets"].items():
        head = f"== {name}: {len(rep['plans'])} documents"
        if rep.get("refused"):
            head += f", {len(rep['refused'])} refused by the extractor"
        blocks.append(head + "\n" + format_report(rep))
    if len(report["sets"]) > 1:
        rows = [(name, rep["overall"]) for name, rep in report["sets"].items()]
        rows.append(("all sets", report["overall"]))
        lines = _table("set / F1", [(n, [f"{o[s]['f1']:.3f}" for s in SECTIONS]) for n, o in rows])
        lines.insert(-1, "-" * len(lines[0]))
        blocks.append("== overall\n" + "\n".join(lines))
    return "\n\n".join(blocks)


_SHORT = {
    "document": "document",
    "citations": "citations",
    "agencies": "agencies",
    "tasks": "tasks(l/c)",
    "targets": "targets",
    "reporting": "reporting",
}


def _table(corner: str, rows: list[tuple[str, list[str]]]) -> list[str]:
    """A header line (``corner`` and the section names) and one line per labelled row."""
    name_w = max([len(corner), *(len(label) for label, _ in rows)]) + 2
    cols = [_SHORT[s] for s in SECTIONS]
    widths = [
        max([len(c), 9, *(len(cells[i]) for _, cells in rows)]) + 2 for i, c in enumerate(cols)
    ]

    def row(label: str, cells: list[str]) -> str:
        return label.ljust(name_w) + "".join(c.rjust(w) for c, w in zip(cells, widths, strict=True))

    return [row(corner, cols), *(row(label, cells) for label, cells in rows)]


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table: F1 per plan and section, then overall precision/recall/F1."""
    plans = report.get("plans", {})
    overall = report.get("overall", {})
    plan_rows = [(plan, [f"{secs[s]['f1']:.3f}" for s in SECTIONS]) for plan, secs in plans.items()]
    total_rows = [
        (label, [f"{overall[s][key]:.3f}" for s in SECTIONS])
        for label, key in (
            ("overall P", "precision"),
            ("overall R", "recall"),
            ("overall F1", "f1"),
        )
    ]
    counts = [f"{overall[s]['tp']}/{overall[s]['pred']}/{overall[s]['gold']}" for s in SECTIONS]
    lines = _table("plan / F1", [*plan_rows, *total_rows, ("tp/pred/gold", counts)])
    rule = "-" * len(lines[0])
    lines.insert(1, rule)
    lines.insert(2 + len(plan_rows), rule)
    return "\n".join(lines)
