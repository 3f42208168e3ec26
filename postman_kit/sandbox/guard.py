"""What the sandbox checks before any route sees a request, and what it answers when a route fails.

- `Host` must name the bound address (localhost, 127.0.0.1, [::1], `--host`, `--allow-host`), with or without
  a port; anything else is 421, a missing one 400. A web page whose name an attacker re-points at 127.0.0.1
  (DNS rebinding) sends its own name, so it can read neither the API nor /_activity.
- A body larger than `max_body` is 413: refused from its Content-Length before anything is read, and a chunked
  body is counted as it is read, so at most `max_body` bytes (and one chunk) are ever held.
- An exception no route handled is a JSON:API 500 (and one line on the server's log), not a dropped call.

Each of these answers is recorded like any other call, before it is sent: an answered call is never lost.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

import orjson

from postman_kit.sandbox.api_errors import ApiError
from postman_kit.sandbox.service import Incoming, Outcome

JSON_API = "application/vnd.api+json"
DEFAULT_MAX_BODY = 1024 * 1024
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")
_SIZE = re.compile(r"(\d+)\s*([kmg]?)(?:i?b)?", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}

log = logging.getLogger("postman_kit.sandbox")

ASGIApp = Callable[[dict, Callable, Callable], Awaitable[None]]
# records one answered call: (incoming, outcome, response body, response headers, duration in ms, raw query)
CallRecording = Callable[[Incoming, Outcome, bytes, dict[str, str], float, str], Awaitable[None]]


def parse_size(text: str) -> int:
    """Bytes in `text`: a number with an optional unit, KB/MB/GB counted in 1024s (`1MB`, `512KB`, `2048`)."""
    match = _SIZE.fullmatch(text.strip())
    if match is None:
        raise ValueError(
            f"{text!r} is not a size: give bytes or a number with KB, MB or GB (e.g. 1MB, 512KB)"
        )
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def host_name(header: str) -> str:
    """The name in a Host header: no port, no IPv6 brackets, no trailing dot, lower case."""
    header = header.strip().lower()
    if header.startswith("["):
        name = header[1:].partition("]")[0]
    elif header.count(":") == 1 and header.rpartition(":")[2].isdigit():
        name = header.rpartition(":")[0]
    else:
        name = header
    return name.rstrip(".")


def allowed_host_names(host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The Host names that reach a sandbox bound to `host`."""
    return frozenset(host_name(name) for name in (*LOOPBACK_NAMES, host, *extra) if name)


class BodyTooLarge(Exception):
    """Raised from `receive` once a body passes the limit; the guard answers 413."""


class BodyTooSlow(Exception):
    """Raised from `receive` when a body's next part does not come within BODY_SECONDS; the guard answers 408."""


# How long the sandbox waits for each part of a request's body
BODY_SECONDS = 30.0


class RequestGuard:
    """ASGI middleware around the whole sandbox app (API and /_activity)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body: int = DEFAULT_MAX_BODY,
        hosts: frozenset[str] = allowed_host_names("127.0.0.1"),
        record: CallRecording | None = None,
        shape: Callable[[ApiError], tuple[Any, str]] | None = None,
        body_seconds: float = BODY_SECONDS,
    ) -> None:
        self.app = app
        self.max_body = max_body
        self.hosts = hosts
        self.record = record
        # a refusal's body and media type in the API's own error shape (Sandbox.refusal); JSON:API without one
        self.shape = shape
        self.body_seconds = body_seconds

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        refusal = self._refusal(scope)
        if refusal is not None:
            await self._answer(scope, send, refusal, b"", started)
            return
        body: list[bytes] = []  # kept for the record of a 500: at most max_body bytes
        size = 0
        response_started = False

        async def counted_receive() -> dict:
            nonlocal size
            try:
                # a body that stops coming (a client sending a byte a minute) holds no worker for long
                message = await asyncio.wait_for(receive(), timeout=self.body_seconds)
            except TimeoutError:
                raise BodyTooSlow from None
            if message["type"] == "http.request":
                chunk = message.get("body", b"")
                size += len(chunk)
                if size > self.max_body:
                    raise BodyTooLarge
                body.append(chunk)
            return message

        async def watched_send(message: dict) -> None:
            nonlocal response_started
            response_started = response_started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, watched_send)
        except BodyTooLarge:
            if response_started:
                raise
            await self._answer(scope, send, self._too_large(), b"", started)
        except BodyTooSlow:
            if response_started:
                raise
            slow = ApiError(
                408, f"The request body did not arrive within {self.body_seconds:g} seconds.", pointer="/data"
            )
            await self._answer(scope, send, slow, b"", started)
        except Exception as exc:
            if response_started:
                raise
            log.error(
                "%s %s answered 500: %s: %s",
                scope.get("method"),
                scope.get("path"),
                type(exc).__name__,
                str(exc).splitlines()[0][:200] if str(exc) else "",
            )
            error = ApiError(500, "The sandbox failed to answer this request; the server's log says why.")
            await self._answer(scope, send, error, b"".join(body), started)

    def _refusal(self, scope: dict) -> ApiError | None:
        hosts = [
            value.decode("latin-1") for name, value in scope.get("headers", ()) if name.lower() == b"host"
        ]
        if not hosts:
            return ApiError(400, "The request has no Host header.", parameter="Host")
        if len(hosts) > 1:
            # one Host only (RFC 9112 §3.2): a proxy before the sandbox may route by the other
            return ApiError(400, "The request has more than one Host header; send one.", parameter="Host")
        refused = next((value for value in hosts if host_name(value) not in self.hosts), None)
        if refused is not None:
            allowed = ", ".join(sorted(self.hosts))
            return ApiError(
                421,
                f"Host {refused[:100]!r} does not name this sandbox (accepted: {allowed}); "
                "start it with --allow-host NAME to accept another name.",
                parameter="Host",
            )
        names = {name.lower() for name, _ in scope.get("headers", ())}
        if b"transfer-encoding" in names and b"content-length" in names:
            # two lengths (RFC 9112 §6.1): a proxy before the sandbox may read the body by the other one, and
            # what follows as another request (smuggling); refused, and the connection closed
            return ApiError(
                400,
                "The request has both Content-Length and Transfer-Encoding; send one.",
                parameter="Content-Length",
            )
        length = _content_length(scope)
        if length is not None and length > self.max_body:
            return self._too_large()
        return None

    def _too_large(self) -> ApiError:
        return ApiError(
            413,
            f"The request body is larger than this sandbox accepts ({self.max_body} bytes); "
            "start it with --max-body SIZE to accept more.",
            pointer="/data",
        )

    async def _answer(
        self, scope: dict, send: Callable, error: ApiError, request_body: bytes, started: float
    ) -> None:
        document, media_type = self.shape(error) if self.shape is not None else (error.document(), JSON_API)
        content = orjson.dumps(document)
        headers = {**error.headers, "content-type": media_type, "content-length": str(len(content))}
        if error.status in (408, 413, 421, 400):
            headers["connection"] = "close"  # a refused body is never read: the connection cannot be reused
        if self.record is not None:
            incoming = _incoming(scope, request_body)
            outcome = Outcome(status=error.status, document=document, media_type=media_type)
            duration = round((time.perf_counter() - started) * 1000, 3)
            await self.record(incoming, outcome, content, headers, duration, _raw_query(scope))
        await send(
            {
                "type": "http.response.start",
                "status": error.status,
                "headers": [(name.encode(), value.encode("latin-1")) for name, value in headers.items()],
            }
        )
        await send({"type": "http.response.body", "body": content})


def _content_length(scope: dict) -> int | None:
    for name, value in scope.get("headers", ()):
        if name.lower() == b"content-length" and value.strip().isdigit():
            return int(value)
    return None


def _raw_query(scope: dict) -> str:
    return scope.get("query_string", b"").decode("latin-1")


def _incoming(scope: dict, body: bytes) -> Incoming:
    headers: dict[str, Any] = {}
    for name, value in scope.get("headers", ()):
        headers.setdefault(name.decode("latin-1").lower(), value.decode("latin-1"))
    return Incoming(
        method=scope.get("method", "GET"),
        path=scope.get("path", "/"),
        query=dict(parse_qsl(_raw_query(scope), keep_blank_values=True)),
        headers=headers,
        body=body,
    )
