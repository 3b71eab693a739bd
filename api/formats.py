"""The lookups' answers in formats other than JSON, and which one a client asked for:
the targets table as CSV, the reporting duties as iCalendar events (:mod:`policykg.api.ical`).
"""

from __future__ import annotations

import csv
import io

from fastapi import Request

from policykg.api.ical import Event
from policykg.api.models import TargetTable
from policykg.graph.lookup_models import DutyItem
from policykg.graph.lookups import Graph


def _year(value: str | None) -> int | None:
    try:
        return int(value[:4]) if value else None
    except ValueError:
        return None


def deadline_key(deadline: str | None) -> str:
    if deadline is None:
        return "~"
    return deadline[2:] if deadline.startswith("--") else deadline[5:] + deadline[:4]


def wants(request: Request, fmt: str | None, media: str, key: str) -> bool:
    """Whether the client asked for ``key`` by ``?format=`` or by ``Accept``."""
    if fmt is not None:
        return fmt == key
    accept = request.headers.get("accept", "")
    return media in accept and "application/json" not in accept


def targets_csv(table: TargetTable) -> str:
    buf = io.StringIO()
    cols = ["province", "document", "number", "ref", "indicator", "due_year", "comparator",
            "min", "max", "unit", "per_year", "text"]  # fmt: skip
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(cols)
    for r in table.rows:
        w.writerow(
            [
                r.province,
                r.document.iri,
                r.document.number,
                r.ref,
                r.indicator,
                r.due_year,
                r.comparator,
                r.min,
                r.max,
                r.unit,
                r.per_year,
                r.text,
            ]
        )
    return buf.getvalue()


def duty_events(graph: Graph, items: list[DutyItem]) -> list[Event]:
    """Calendar events of the duties that have a deadline (yearly ones until the plan ends)."""
    events = []
    for d in items:
        if d.deadline is None:
            continue
        who = ", ".join(a.label or a.iri for a in d.actors) or "?"
        to = ", ".join(a.label or a.iri for a in d.recipients)
        summary = f"Báo cáo: {who}" + (f" → {to}" if to else "")
        doc = graph.summary(d.document.iri)
        name = (doc.number or doc.title or "") if doc else ""
        desc = "\n".join(x for x in (d.evidence, f"{name} <{d.document.iri}>") if x)
        if d.deadline.startswith("--"):
            first = (doc.period_start if doc else None) or _year(d.document.date) or 2000
            events.append(
                Event(
                    uid=d.iri,
                    summary=summary,
                    description=desc,
                    year=first,
                    month=int(d.deadline[2:4]),
                    day=int(d.deadline[5:7]),
                    yearly=d.recurrence != "once",
                    until_year=doc.period_end if doc else None,
                    url=d.iri,
                )
            )
        elif len(d.deadline) >= 10:
            y, m, day = (int(x) for x in d.deadline[:10].split("-"))
            events.append(
                Event(
                    uid=d.iri,
                    summary=summary,
                    description=desc,
                    year=y,
                    month=m,
                    day=day,
                    url=d.iri,
                )
            )
    return events
