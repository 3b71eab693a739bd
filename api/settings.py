"""Settings, declared once: name, default and help. Read from the environment at the edge."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path

from policykg.graph.base import Store
from policykg.graph.factory import open_store
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
    workers: int = field(
        default=1,
        metadata={
            "help": "serving processes; more than 1 serves an embedded store read-only (writes off)"
        },
    )
    query_workers: int = field(
        default=2,
        metadata={
            "help": "SPARQL query worker processes (threads when inline) per serving process"
        },
    )
    query_mode: str = field(
        default="auto",
        metadata={
            "help": "where SPARQL queries run: 'processes' (query worker processes), 'inline'"
            " (in the serving process, replaced past the time limit; workers > 1) or 'auto'"
            " (inline with workers > 1)"
        },
    )
    write_token: str | None = field(
        default=None,
        metadata={"help": "bearer token that enables writes; with none, writes are off"},
        repr=False,
    )
    sparql_query_url: str | None = field(
        default=None,
        metadata={"help": "SPARQL query endpoint of a remote store (when set, it is the store)"},
    )
    sparql_update_url: str | None = field(
        default=None,
        metadata={"help": "SPARQL update endpoint of the remote store (none: read-only)"},
    )
    graph_store_url: str | None = field(
        default=None,
        metadata={
            "help": "Graph Store Protocol endpoint of the remote store (only if its PUT is atomic)"
        },
    )
    store_user: str | None = field(
        default=None, metadata={"help": "user name for HTTP basic auth at the remote store"}
    )
    store_password: str | None = field(
        default=None,
        metadata={"help": "password for HTTP basic auth at the remote store", "secret": True},
        repr=False,
    )
    store_token: str | None = field(
        default=None,
        metadata={"help": "bearer token for the remote store", "secret": True},
        repr=False,
    )
    store_timeout: float = field(
        default=30.0, metadata={"help": "seconds any one request to the remote store may take"}
    )
    store_retries: int = field(
        default=4, metadata={"help": "retries of a remote store request that was not answered"}
    )

    @property
    def remote(self) -> bool:
        """Whether the store is a remote SPARQL endpoint (``sparql_query_url`` is set)."""
        return bool(self.sparql_query_url)

    @property
    def store_location(self) -> str:
        """Where the store is, for messages: the query URL or the data folder."""
        return self.sparql_query_url or str(self.data_dir)

    def open_store(self, *, read_only: bool = False) -> Store:
        """The store these settings name, opened by :func:`policykg.graph.factory.open_store`:
        remote when ``sparql_query_url`` is set (nothing is contacted yet), else embedded at
        ``data_dir``. Graphs outside ``base_iri`` are not policykg's (``graph_prefix``)."""
        return open_store(
            data_dir=self.data_dir,
            read_only=read_only,
            sparql_query_url=self.sparql_query_url,
            sparql_update_url=self.sparql_update_url,
            graph_store_url=self.graph_store_url,
            store_user=self.store_user,
            store_password=self.store_password,
            store_token=self.store_token,
            store_timeout=self.store_timeout,
            store_retries=self.store_retries,
            graph_prefix=self.base_iri,
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
    if name in {"port", "max_results", "max_request_bytes", "max_upload_bytes", "store_retries",
                "workers", "query_workers"}:  # fmt: skip
        return int(raw)
    if name in {"query_timeout", "store_timeout"}:
        return float(raw)
    if name == "cors_origins":
        return tuple(o.strip() for o in raw.split(",") if o.strip())
    if name in OPTIONAL_TEXT:
        return raw or None
    return raw


#: Settings whose empty value means "not set".
OPTIONAL_TEXT = frozenset(
    {
        "write_token",
        "sparql_query_url",
        "sparql_update_url",
        "graph_store_url",
        "store_user",
        "store_password",
        "store_token",
    }
)


def describe() -> list[tuple[str, str, str]]:
    """(environment variable, default, help) for every setting: used by docs and CLI help."""
    out = []
    for f in fields(Settings):
        default = f.default if f.default not in (None, ()) else ""
        out.append((ENV_PREFIX + f.name.upper(), str(default), str(f.metadata.get("help", ""))))
    return out
