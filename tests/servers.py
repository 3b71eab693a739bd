"""Real SPARQL servers for tests: Oxigraph server and Virtuoso Open Source on loopback ports.

Each server runs as a child process on a free ``127.0.0.1`` port with its data in a
private folder, is installed on first use when missing (``pip install oxigraph``;
``apt-get install virtuoso-opensource`` when root), and can be killed and restarted on
the same port and data to test crash behaviour. Use them as context managers::

    with OxigraphServer(tmp_path) as server:
        store = server.store()

When a server cannot be installed or started, :class:`ServerUnavailable` says why, so a
fixture can skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from policykg.graph.remote import RemoteStore, RetryPolicy

START_TIMEOUT = 60.0


class ServerUnavailable(RuntimeError):
    """The server cannot be installed or started here (the message says why)."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class SparqlServer:
    """A SPARQL server child process; subclasses give the command and the endpoint paths."""

    name = "server"
    #: Whether a Graph Store Protocol PUT replaces a graph atomically on this engine.
    atomic_put = False

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = workdir / f"{self.name}.out"

    # --- to override ---------------------------------------------------------------------
    @property
    def query_url(self) -> str:
        raise NotImplementedError

    @property
    def update_url(self) -> str:
        raise NotImplementedError

    @property
    def graph_store_url(self) -> str | None:
        return None

    def install(self) -> None:
        """Make the server's program available, or raise :class:`ServerUnavailable`."""

    def command(self) -> list[str]:
        raise NotImplementedError

    def after_first_start(self) -> None:
        """One-time setup once the server answers (grants and the like)."""

    # --- lifecycle -----------------------------------------------------------------------
    def start(self) -> None:
        first = self.process is None
        if first:
            self.install()
        log = self.log_path.open("ab")
        try:
            self.process = subprocess.Popen(
                self.command(),
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except OSError as exc:
            raise ServerUnavailable(f"{self.name} did not start: {exc}") from exc
        finally:
            log.close()
        self._wait_ready()
        if first:
            self.after_first_start()

    def _wait_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + START_TIMEOUT
        probe = self.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServerUnavailable(
                    f"{self.name} exited with status {self.process.returncode}: {self.log_tail()}"
                )
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.stop()
        raise ServerUnavailable(f"{self.name} did not answer within {START_TIMEOUT:g}s")

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def restart(self) -> None:
        """Start the server again on the same port and data after :meth:`kill` or :meth:`stop`."""
        self.start()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)

    def log_tail(self, chars: int = 600) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-chars:].strip()
        except OSError:
            return ""

    def __enter__(self) -> SparqlServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- clients -----------------------------------------------------------------------
    def store(
        self,
        *,
        graph_prefix: str = "",
        use_graph_store: bool | None = None,
        retry: RetryPolicy | None = None,
        timeout: float = 20.0,
    ) -> RemoteStore:
        """A :class:`RemoteStore` on this server; by default the Graph Store Protocol is
        used where its PUT is atomic, and one update request elsewhere."""
        use_gsp = self.atomic_put if use_graph_store is None else use_graph_store
        return RemoteStore(
            self.query_url,
            update_url=self.update_url,
            graph_store_url=self.graph_store_url if use_gsp else None,
            timeout=timeout,
            retry=retry or RetryPolicy(attempts=3, backoff=0.1, max_backoff=0.5),
            graph_prefix=graph_prefix,
        )


class OxigraphServer(SparqlServer):
    """``oxigraph serve`` from the ``oxigraph`` PyPI package, union default graph on."""

    name = "oxigraph"
    atomic_put = True

    def __init__(self, workdir: Path, *, union_default_graph: bool = True) -> None:
        super().__init__(workdir)
        self.union_default_graph = union_default_graph

    @property
    def query_url(self) -> str:
        return self.base + "/query"

    @property
    def update_url(self) -> str:
        return self.base + "/update"

    @property
    def graph_store_url(self) -> str:
        return self.base + "/store"

    def _binary(self) -> str | None:
        local = Path(sys.executable).parent / "oxigraph"
        return str(local) if local.exists() else shutil.which("oxigraph")

    def install(self) -> None:
        if self._binary() is None:
            done = subprocess.run(
                [sys.executable, "-m", "pip", "install", "--quiet", "oxigraph"],
                capture_output=True,
                text=True,
                timeout=300,
            )
            if done.returncode != 0 or self._binary() is None:
                raise ServerUnavailable(f"pip install oxigraph failed: {done.stderr[-400:]}")

    def command(self) -> list[str]:
        return [
            str(self._binary()),
            "serve",
            "--location",
            str(self.workdir / "db"),
            "--bind",
            f"127.0.0.1:{self.port}",
            *(["--union-default-graph"] if self.union_default_graph else []),
        ]


VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
; repeatable read: a reader never sees half of a committing graph replacement
DefaultIsolation = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
MaxClientConnections = 10
ServerThreads = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
"""

#: Lets the anonymous /sparql endpoint run updates: for a private test server only.
VIRTUOSO_GRANTS = (
    'GRANT SPARQL_UPDATE TO "SPARQL"; '
    'GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO "SPARQL"; '
    'GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO "SPARQL";'
)


class VirtuosoServer(SparqlServer):
    """Virtuoso Open Source 7 from Debian's ``virtuoso-opensource``, with a private ini.

    Its Graph Store Protocol PUT is not atomic (a failed PUT leaves a half-written graph),
    so stores on it replace graphs with one update request.
    """

    name = "virtuoso"
    atomic_put = False

    def __init__(self, workdir: Path) -> None:
        super().__init__(workdir)
        self.sql_port = free_port()

    @property
    def query_url(self) -> str:
        return self.base + "/sparql"

    @property
    def update_url(self) -> str:
        return self.base + "/sparql"

    @property
    def graph_store_url(self) -> str:
        return self.base + "/sparql-graph-crud"

    def install(self) -> None:
        if shutil.which("virtuoso-t") and shutil.which("isql-vt"):
            return
        if shutil.which("apt-get") is None:
            raise ServerUnavailable("virtuoso-t is not installed and apt-get is not available")
        if os.geteuid() != 0:
            raise ServerUnavailable("virtuoso-t is not installed and installing it needs root")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        for cmd in (
            ["apt-get", "update", "-qq"],
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "virtuoso-opensource"],
        ):
            done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600)
            if done.returncode != 0:
                raise ServerUnavailable(f"{' '.join(cmd)} failed: {done.stderr[-400:]}")
        if not shutil.which("virtuoso-t"):
            raise ServerUnavailable("virtuoso-opensource installed no virtuoso-t")

    def command(self) -> list[str]:
        ini = self.workdir / "virtuoso.ini"
        if not ini.exists():
            ini.write_text(
                VIRTUOSO_INI.format(dir=self.workdir, sql_port=self.sql_port, http_port=self.port)
            )
        return ["virtuoso-t", "+foreground", "+configfile", str(ini)]

    def after_first_start(self) -> None:
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={VIRTUOSO_GRANTS}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0 or "Error" in done.stdout + done.stderr:
            self.stop()
            raise ServerUnavailable(f"granting SPARQL updates failed: {done.stdout[-400:]}")
