"""The body cap stops reading a request as soon as it passes the limit, with or without a
declared length, so an upload cannot fill memory or disk before it is refused."""

from __future__ import annotations

import asyncio

from fastapi import FastAPI, Request

from policykg.api.errors import install_error_handlers
from policykg.api.limits import BodyLimitMiddleware

LIMIT = 100_000
CHUNK = 10_000


def _app() -> FastAPI:
    app = FastAPI()
    install_error_handlers(app)

    @app.post("/upload")
    async def upload(request: Request) -> dict[str, int]:
        return {"bytes": len(await request.body())}

    app.add_middleware(BodyLimitMiddleware, max_bytes=LIMIT)
    return app


def _call(chunks: int, headers: list[tuple[bytes, bytes]]) -> tuple[int, int]:
    """Send ``chunks`` body chunks; return (status, chunks the app pulled)."""
    pulled = 0
    sent: list[dict[str, object]] = []

    async def receive() -> dict[str, object]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": b"a" * CHUNK, "more_body": pulled < chunks}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/upload",
        "raw_path": b"/upload",
        "query_string": b"",
        "headers": headers,
        "http_version": "1.1",
        "scheme": "http",
        "server": ("127.0.0.1", 80),
        "client": ("127.0.0.1", 1),
        "root_path": "",
    }
    asyncio.run(_app()(scope, receive, send))  # type: ignore[arg-type]
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return int(status), pulled  # type: ignore[call-overload]


def test_a_chunked_body_is_cut_off_just_past_the_limit() -> None:
    status, pulled = _call(10_000, [(b"content-type", b"application/octet-stream")])
    assert status == 413
    assert pulled == LIMIT // CHUNK + 1  # not the 10,000 chunks (100 MB) that were offered


def test_a_declared_length_over_the_limit_is_refused_unread() -> None:
    status, pulled = _call(10_000, [(b"content-length", str(10 * LIMIT).encode())])
    assert status == 413 and pulled == 0


def test_a_body_within_the_limit_passes() -> None:
    status, pulled = _call(5, [(b"content-length", str(5 * CHUNK).encode())])
    assert status == 200 and pulled == 5
