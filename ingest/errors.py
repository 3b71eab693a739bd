"""Errors raised while reading and extracting documents."""

from __future__ import annotations

from pathlib import Path


class IngestError(Exception):
    """A document could not be read or understood.

    ``str(err)`` is one line naming the file and, where known, the line:
    ``plans/x.txt:12: no document header (Số: ... / date) found``.
    """

    def __init__(self, message: str, *, source: str | Path | None = None, line: int | None = None):
        self.message = message
        self.source = str(source) if source is not None else None
        self.line = line
        super().__init__(message)

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {self.message}"
