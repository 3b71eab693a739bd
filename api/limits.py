"""A cap on every request body, counted as it streams in.

A declared ``Content-Length`` over the cap is refused before anything is read; a body
sent without one (chunked) is counted chunk by chunk and refused (413) as soon as it goes
past the cap, so no upload, form or query body can fill memory or disk. Endpoints keep
their own, tighter limits (``Settings.max_request_bytes`` on ``/sparql``,
``Settings.max_upload_bytes`` on uploads).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policykg.api.errors import ApiError, error_body


def request_too_large(limit: int) -> ApiError:
    """413 for a request over an endpoint's own ``limit`` (:func:`read_body`)."""
    return ApiError(
        413, "too_large", f"the request is larger than {limit} bytes", detail={"limit": limit}
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The request's body, refused (413) as soon as it is declared or read past ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise request_too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise request_too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


class BodyTooLarge(ApiError):
    def __init__(self, limit: int) -> None:
        super().__init__(413, "too_large", f"the request body is larger than {limit} bytes")


class BodyLimitMiddleware:
    """Pure ASGI middleware: 413 for any request body over ``max_bytes``."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                await _send_413(send, self.max_bytes)
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        await self.app(scope, counted, send)


async def _send_413(send: Send, limit: int) -> None:
    import json

    body = json.dumps(
        error_body(413, "too_large", f"the request body is larger than {limit} bytes")
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
