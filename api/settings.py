"""Settings, declared once: name, default and help. Read from the environment at the edge."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from policykg.ontology.iri import DEFAULT_BASE

ENV_PREFIX = "POLICYKG_"


@dataclass(frozen=True)
class Settings:
    """Runtime settings. Environment variable = ``POLICYKG_`` + upper-case field name."""

    data_dir: Path = field(
        default=Path("data"), metadata={"help": "folder of the embedded store on disk"}
    )
    base_iri: str = field(default=DEFAULT_BASE, metadata={"help": "base of every minted IRI"})
    host: str = field(default="127.0.0.1", metadata={"help": "address the server binds"})
    port: int = field(default=8000, metadata={"help": "port the server binds"})
    query_timeout: float = field(
        default=10.0, metadata={"help": "seconds a SPARQL query may run before it is stopped"}
    )
    max_results: int = field(
        default=100_000, metadata={"help": "most rows (or triples) a SPARQL answer may hold"}
    )
    max_request_bytes: int = field(
        default=1_000_000, metadata={"help": "largest accepted request body, in bytes"}
    )
    max_upload_bytes: int = field(
        default=20_000_000, metadata={"help": "largest accepted document upload, in bytes"}
    )
    cors_origins: tuple[str, ...] = field(
        default=(), metadata={"help": "origins allowed by CORS (comma-separated; '*' for any)"}
    )
    write_token: str | None = field(
        default=None,
        metadata={"help": "bearer token that enables writes; with none, writes are off"},
    )

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, /, **overrides: object) -> Settings:
        """Settings from ``POLICYKG_*`` variables, then explicit overrides (CLI flags)."""
        env = os.environ if env is None else env
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(ENV_PREFIX + f.name.upper())
            if raw is None:
                continue
            values[f.name] = _convert(f.name, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]


def _convert(name: str, raw: str) -> object:
    if name == "data_dir":
        return Path(raw)
    if name in {"port", "max_results", "max_request_bytes", "max_upload_bytes"}:
        return int(raw)
    if name == "query_timeout":
        return float(raw)
    if name == "cors_origins":
        return tuple(o.strip() for o in raw.split(",") if o.strip())
    if name == "write_token":
        return raw or None
    return raw


def describe() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) for every setting: used by docs and CLI help."""
    out = []
    for f in fields(Settings):
        default = f.default if f.default not in (None, ()) else ""
        out.append((ENV_PREFIX + f.name.upper(), str(default), str(f.metadata.get("help", ""))))
    return out
