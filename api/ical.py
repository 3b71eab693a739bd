"""A small iCalendar (RFC 5545) writer for reporting deadlines; no external dependency.

Each :class:`Event` is an all-day ``VEVENT``; a yearly one carries ``RRULE:FREQ=YEARLY``
(with ``UNTIL`` when the plan's period ends). Text is escaped and lines are folded at 75
octets, as the RFC asks. Output is deterministic: ``DTSTAMP`` is the first occurrence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

PRODID = "-//policykg//reporting calendar//VI"


@dataclass(frozen=True)
class Event:
    """An all-day event on ``year-month-day``, repeated each year when ``yearly``."""

    uid: str
    summary: str
    year: int
    month: int
    day: int
    yearly: bool = False
    until_year: int | None = None
    description: str | None = None
    url: str | None = None


def escape(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11)."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line into chunks of at most 75 octets (never splitting a character)."""
    out: list[str] = []
    current = ""
    size = 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _date(year: int, month: int, day: int) -> str:
    return f"{year:04d}{month:02d}{day:02d}"


def event_lines(event: Event) -> list[str]:
    uid = hashlib.sha1(event.uid.encode("utf-8")).hexdigest()[:20] + "@policykg"
    start = _date(event.year, event.month, event.day)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{start}T000000Z",
        f"DTSTART;VALUE=DATE:{start}",
        f"SUMMARY:{escape(event.summary)}",
    ]
    if event.yearly:
        rule = "RRULE:FREQ=YEARLY"
        if event.until_year is not None and event.until_year >= event.year:
            rule += f";UNTIL={_date(event.until_year, event.month, event.day)}"
        lines.append(rule)
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.url:
        lines.append(f"URL;VALUE=URI:{event.url}")
    lines.append("END:VEVENT")
    return lines


def calendar(events: Iterable[Event], *, name: str = "policykg") -> str:
    """A ``VCALENDAR`` with ``events``, CRLF line ends, folded lines."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(name)}",
    ]
    for e in events:
        lines.extend(event_lines(e))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
