"""The sandbox's HTTP/1.1 connections: uvicorn's h11 protocol with a deadline for a request's headers.

uvicorn reads a request's headers before the app sees it and sets no time for them: a client that sends a header
line a byte at a time, or opens a connection and sends nothing, held it (and a file descriptor) for as long as it
liked, and a few hundred such clients took every connection the process could open. Here the headers of each
request must all have come within HEADER_SECONDS of the connection opening or of the last answer on it; a client
that is not done by then is answered 408 and the connection closed, as nginx's `client_header_timeout` does. The
body has a deadline of its own in the guard (guard.BODY_SECONDS), and an idle connection between requests is
closed by uvicorn's keep-alive timeout.
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

# How long a client has to send all of one request's headers
HEADER_SECONDS = 10.0


class HeaderDeadlineProtocol(H11Protocol):
    """uvicorn's H11Protocol, with HEADER_SECONDS for each request's headers (see the module's docstring)."""

    header_seconds = HEADER_SECONDS
    _header_deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # a request's headers are in (or the connection is done)
            self._disarm_header_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm_header_deadline()  # the next request on this connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm_header_deadline()
        super().connection_lost(exc)

    def _arm_header_deadline(self) -> None:
        self._disarm_header_deadline()
        self._header_deadline = self.loop.call_later(self.header_seconds, self._headers_too_slow)

    def _disarm_header_deadline(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def _headers_too_slow(self) -> None:
        self._header_deadline = None
        if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
            return
        body = f"The request headers did not arrive within {self.header_seconds:g} seconds.\n".encode()
        self.transport.write(
            b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
            b"connection: close\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body)
        )
        self.transport.close()
